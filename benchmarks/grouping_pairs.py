"""Grouping of figures as pairs: pairwise precision / recall / F1 over all pairs of matched gold claims and over
the pairs whose two claims come from different articles (one quantity across reports), with the claims matched
exactly as ../shared/eval/score_claims.py matches them (its functions, imported).

    lagebild claims $(python scripts/score_realnews.py --half dev-xr --print-paths --out OUT) --format jsonl > P
    python benchmarks/grouping_pairs.py P --half dev-xr [-v]

-v lists every wrong pair (split: one gold group, two predicted groups; joined: two gold groups, one predicted
group) with both figures, to classify errors by cause - use it on dev halves only; frozen halves: summary lines.
--why says for every wrong pair which features of the two figures' keys (keys.key_parts of each figure's measure,
as extracted, before grouping fills a detail in) differ - for a pair kept apart - or agree - for a pair joined
wrongly - and counts the causes across the half's stories (`why`); dev halves only, like -v.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lagebild.consolidate.groups import BOUND_REACH, MAX_RATIO  # noqa: E402
from lagebild.keys import key_parts  # noqa: E402
from lagebild.model import Measure  # noqa: E402

GOLD = ROOT / "tests" / "data" / "realnews"
SCORER = ROOT.parent / "shared" / "eval" / "score_claims.py"


def scorer(path: Path = SCORER):
    spec = importlib.util.spec_from_file_location("score_claims", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def matched_claims(sc, gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """(gold, predicted) of each matched must claim, as score_claims.main matches them."""
    articles = {g["article"] for g in gold}
    uniq: dict[tuple, dict] = {}
    for p in pred:
        if p.get("article") in articles:
            uniq.setdefault((p["article"], p.get("low"), p.get("high"), sc.norm(p.get("counted"))), p)
    cands_of = list(uniq.values())
    used: set[int] = set()
    out = []
    for g in sorted(gold, key=lambda g: g["status"] != "must"):
        cands = [i for i, p in enumerate(cands_of)
                 if i not in used and p["article"] == g["article"] and sc.same_value(p, g)]
        cands.sort(key=lambda i: not sc.counted_ok(cands_of[i], g))
        if cands:
            used.add(cands[0])
            if g["status"] == "must":
                out.append((g, cands_of[cands[0]]))
    return out


def span_matched(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """(gold, predicted) of each must claim whose text overlaps a predicted claim's (offsets into the article):
    every figure matched where it stands - the scorer keeps one prediction per (article, value, counted), so
    repeated values of different quantities in one article (three "0,6 Prozent") match one of them only."""
    out = []
    for g in gold:
        if g["status"] != "must":
            continue
        hit = [p for p in pred if p.get("article") == g["article"] and p.get("start", -1) < g["end"]
               and g["start"] < p.get("end", -1)]
        if hit:
            out.append((g, hit[0]))
    return out


def pair_counts(matched: list[tuple[dict, dict]], cross_only: bool) -> tuple[int, int, int, list]:
    tp = fp = fn = 0
    wrong = []
    for (g1, p1), (g2, p2) in itertools.combinations([m for m in matched if m[0]["group"]], 2):
        if cross_only and g1["article"] == g2["article"]:
            continue
        same_g = g1["group"] == g2["group"]
        same_p = p1.get("group") is not None and p1.get("group") == p2.get("group")
        tp += same_g and same_p
        fp += same_p and not same_g
        fn += same_g and not same_p
        if same_g != same_p:
            wrong.append(("split" if same_g else "joined", (g1, p1), (g2, p2)))
    return tp, fp, fn, wrong


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, fp {fp}, fn {fn})"


# The parts of a figure's key (keys.key_parts), named as the grouping design speaks of them.
KEY_FEATURES = ("role", "whose", "class", "action", "place", "time", "scope")
# Two figures more than this ratio apart are "far" in value (other incidents on one day): the grouping's own bound.
FAR = MAX_RATIO


def stated_key(p: dict) -> tuple[str, ...] | None:
    """A predicted figure's key as its report states it: key_parts of its measure (None: no measure, or a duration)."""
    m = p.get("measure")
    return key_parts(Measure(**m)) if m else None


def _point(p: dict) -> float:
    lo, hi = p.get("low"), p.get("high")
    return abs(((lo if lo is not None else hi) + (hi if hi is not None else lo)) / 2)


def _base_group(gid: str | None) -> str | None:
    """A predicted group id less the value split's ":2" (`groups._within_articles`: one key, two quantities)."""
    return re.sub(r":\d+$", "", gid) if gid else gid


def other_features(p1: dict, p2: dict) -> list[str]:
    """What else two figures share or not: the same article, values far apart, hedging, source, a vague word."""
    out = ["same-article" if p1["article"] == p2["article"] else "across"]
    a, b = _point(p1), _point(p2)
    if max(a, b) > FAR * max(min(a, b), 1e-9):
        out.append("value-far")
    if bool(p1.get("hedged")) != bool(p2.get("hedged")):
        out.append("hedge-differs")
    s1, s2 = (" ".join((p.get("source") or "").casefold().split()) for p in (p1, p2))
    if s1 and s2 and s1 != s2:
        out.append("source-differs")
    if "vague" in (p1.get("qualifier"), p2.get("qualifier")):
        out.append("vague")
    return out


def why(kind: str, p1: dict, p2: dict) -> list[str]:
    """The causes of one wrong pair. A pair kept apart: the key features that differ as stated (prefixed "differ:"),
    or "no-key" (a figure without a measure), or - keys equal as stated - "filled" (grouping filled in a detail for
    one only) or "value-split" (one key, split by value). A pair joined wrongly: the key features equal as stated
    ("equal:"), and those grouping filled in ("filled:" where they differed as stated)."""
    k1, k2 = stated_key(p1), stated_key(p2)
    if kind == "split":
        if k1 is None or k2 is None or not p1.get("group") or not p2.get("group"):
            return ["no-key"]
        differ = [f for f, x, y in zip(KEY_FEATURES, k1, k2, strict=True) if x != y]
        if differ:
            return [f"differ:{f}" for f in differ]
        return ["value-split" if _base_group(p1["group"]) == _base_group(p2["group"]) else "filled"]
    if k1 is None or k2 is None:
        return ["no-key"]
    return [f"{'equal' if x == y else 'filled'}:{f}" for f, x, y in zip(KEY_FEATURES, k1, k2, strict=True)
            if x != "-" or y != "-"]


def why_report(wrong: list, half: str) -> list[str]:
    """Each wrong pair with its causes and both stated keys, then the causes counted over pairs and stories."""
    lines = []
    pairs: Counter = Counter()
    stories: dict[str, set[str]] = defaultdict(set)
    for kind, (g1, p1), (g2, p2) in wrong:
        causes = why(kind, p1, p2) + other_features(p1, p2)
        k1, k2 = stated_key(p1), stated_key(p2)
        lines.append(f"why {kind:6} {', '.join(causes)}: {g1['quote']!r} {k1} ~ {g2['quote']!r} {k2}")
        for cause in causes:
            pairs[(kind, cause)] += 1
            stories[(kind, cause)].add(g1.get("story") or g1["article"])
    for kind in ("split", "joined"):
        counted = sorted(((n, c) for (k, c), n in pairs.items() if k == kind), key=lambda x: (-x[0], x[1]))
        lines.append(f"{half} why {kind}: " + (", ".join(f"{c} {n} ({len(stories[(kind, c)])} st.)"
                                                        for n, c in counted) or "none"))
    return lines


NEAR = math.exp(BOUND_REACH)      # as a ratio: two reports' figures this near may restate one count


def feature_table(matched: list[tuple[dict, dict]], half: str) -> list[str]:
    """For every pair of matched gold figures across articles of one story: how often each key feature differs as
    stated, among the pairs of one gold quantity (how reports of one quantity differ in what they state) and among
    the pairs of two gold quantities near in value (what tells two quantities apart) - which features must agree,
    which are only tie-breakers."""
    same: Counter = Counter()
    other: Counter = Counter()
    n_same = n_other = 0
    for (g1, p1), (g2, p2) in itertools.combinations([m for m in matched if m[0]["group"]], 2):
        if g1["article"] == g2["article"] or g1.get("story") != g2.get("story"):
            continue
        k1, k2 = stated_key(p1), stated_key(p2)
        if k1 is None or k2 is None:
            continue
        a, b = _point(p1), _point(p2)
        one = g1["group"] == g2["group"]
        if not one and max(a, b) > NEAR * max(min(a, b), 1e-9):
            continue
        table = same if one else other
        n_same, n_other = (n_same + 1, n_other) if one else (n_same, n_other + 1)
        for f, x, y in zip(KEY_FEATURES, k1, k2, strict=True):
            if x != y:
                table[f + (":both-said" if "-" not in (x, y) else ":one-unsaid")] += 1
    feats = sorted(set(same) | set(other))
    return [f"{half} features across articles (differing in pairs of one quantity / near pairs of two, of "
            f"{n_same} / {n_other}): " + ", ".join(f"{f} {same[f]}/{other[f]}" for f in feats)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("predicted")
    ap.add_argument("--half", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--why", action="store_true", help="each wrong pair's differing or equal key features, counted")
    ap.add_argument("--span", action="store_true", help="match figures by their place in the text, not as the scorer")
    a = ap.parse_args(argv)
    if not SCORER.is_file():
        print(f"grouping_pairs: scorer not found: {SCORER}", file=sys.stderr)
        return 2
    sc = scorer()
    gold = sc.load(str(GOLD / f"claims.{a.half}.gold.jsonl"))
    pred = sc.load(a.predicted)
    matched = span_matched(gold, pred) if a.span else matched_claims(sc, gold, pred)
    for label, cross in (("all pairs", False), ("pairs across articles", True)):
        tp, fp, fn, wrong = pair_counts(matched, cross)
        print(f"{a.half} grouping{' (by span)' if a.span else ''}, {label}: {prf(tp, fp, fn)}")
    if a.verbose:
        for kind, (g1, p1), (g2, p2) in pair_counts(matched, False)[3]:
            print(f"{kind:6} {g1['group'] if kind == 'split' else g1['group'] + ' / ' + g2['group']}: "
                  f"{g1['article'][5:9]} {g1['quote']!r} [{p1.get('group')}] ~ "
                  f"{g2['article'][5:9]} {g2['quote']!r} [{p2.get('group')}]")
    if a.why:
        print("\n".join(why_report(pair_counts(matched, False)[3], a.half) + feature_table(matched, a.half)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
