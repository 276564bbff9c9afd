"""Grouping of figures as pairs: pairwise precision / recall / F1 over all pairs of matched gold claims and over
the pairs whose two claims come from different articles (one quantity across reports), with the claims matched
exactly as ../shared/eval/score_claims.py matches them (its functions, imported).

    lagebild claims $(python scripts/score_realnews.py --half dev-xr --print-paths --out OUT) --format jsonl > P
    python benchmarks/grouping_pairs.py P --half dev-xr [-v]

-v lists every wrong pair (split: one gold group, two predicted groups; joined: two gold groups, one predicted
group) with both figures, to classify errors by cause - use it on dev halves only; frozen halves: summary lines.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("predicted")
    ap.add_argument("--half", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
