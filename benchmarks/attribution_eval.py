"""Who says so, measured on real attribution data: the German news quotation attribution corpus.

Reads ``../shared/data/german_news_quotation_attribution_2024/`` (Petersen-Frey & Biemann, LREC-COLING 2024;
998 German Wikinews articles, CC BY-NC-SA 4.0; nothing of it is copied into the repository) and runs
lagebild's attribution over the TEST split (148 articles; never tuned on - use ``--split dev`` while
developing). Prints, per quotation type (Direct, Indirect, Reported, FreeIndirect, IndirectFreeIndirect)
and over all:

* **end to end** - quotations found by our attribution are matched to the gold ones by quote-token
  overlap (one to one, largest overlap first, as the paper's scorer pairs them); quote, cue and speaker
  precision / recall / F1, each *exact* (same tokens) and *overlap* (any shared token);
* **at the quotation** - lagebild's own question: for each gold quotation, who says so at its place
  (``speaker_at``); a speaker answered where gold has none counts against precision.

The line ``speaker F1 X`` is the end-to-end speaker F1 with token overlap over all quotation types.

    python benchmarks/attribution_eval.py [--split test|dev|train] [--limit N] [--legacy]

``--legacy`` measures the word-rule attribution this project had before the parse-based one (the
first-run figures in training/ATTRIBUTION.md). Types follow the corpus: IndirectFreeIndirect is
Konjunktiv-I reported speech without its own cue. The paper's baselines are printed beside ours where
we have their figures (see PAPER_BASELINES).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

CORPUS = ROOT.parent / "shared" / "data" / "german_news_quotation_attribution_2024" / "data"
TYPES = ("Direct", "Indirect", "Reported", "FreeIndirect", "IndirectFreeIndirect")
ROLES = ("quote", "cue", "speaker")
# The paper's Table of baseline results is not in the corpus snapshot and could not be retrieved offline;
# fill in (role -> (P, R, F1)) when it is at hand. Empty entries print as "n/a".
PAPER_BASELINES: dict[str, dict[str, tuple[float, float, float]]] = {"rule-based": {}, "Citron": {}}


@dataclass
class Quot:
    """One quotation, as sets of corpus token ids."""

    type: str
    quote: frozenset[int]
    cue: frozenset[int] = frozenset()
    speaker: frozenset[int] = frozenset()


@dataclass
class Article:
    name: str
    text: str
    tokens: list[tuple[int, int]]            # char span of each corpus token, by token id
    gold: list[Quot] = field(default_factory=list)

    def ids(self, start: int, end: int) -> frozenset[int]:
        """Corpus tokens that overlap text[start:end]."""
        return frozenset(i for i, (a, b) in enumerate(self.tokens) if a < end and b > start)

    def ids_of(self, spans) -> frozenset[int]:
        """Corpus tokens that overlap any of the char spans."""
        out: frozenset[int] = frozenset()
        for a, b in spans:
            out |= self.ids(a, b)
        return out


def _ids(part: dict | None) -> frozenset[int]:
    return frozenset(part.get("tokenIds") or ()) if part else frozenset()


def load_split(split: str, limit: int | None = None) -> list[Article]:
    files = sorted(glob.glob(str(CORPUS / split / "*.json")))
    if not files:
        raise SystemExit(f"attribution_eval: no corpus files under {CORPUS / split}")
    out = []
    for f in files[:limit]:
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        text = d["originalText"]
        spans: dict[int, tuple[int, int]] = {}
        for s in d["sentences"]:
            pos = s["charBegin"]
            for tid, tok in zip(s["tokenIds"], s["tokens"]):
                k = text.find(tok, pos, s["charEnd"] + 1)
                if k < 0:                       # a token the corpus normalised: keep its place
                    k = pos
                spans[tid] = (k, k + len(tok))
                pos = k + len(tok)
        tokens = [spans.get(i, (0, 0)) for i in range(max(spans) + 1 if spans else 0)]
        gold = [Quot(a.get("type") or "Direct", _ids(a.get("quote")), _ids(a.get("cue")), _ids(a.get("speaker")))
                for a in d["annotations"]]
        out.append(Article(os.path.basename(f), text, tokens, gold))
    return out


# --- scoring ------------------------------------------------------------------------------------


class Tally:
    def __init__(self) -> None:
        self.tp = defaultdict(float)
        self.sys = defaultdict(float)
        self.gold = defaultdict(float)

    def prf(self, key: str) -> tuple[float, float, float]:
        p = self.tp[key] / self.sys[key] if self.sys[key] else 0.0
        r = self.tp[key] / self.gold[key] if self.gold[key] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(system: list[Quot], gold: list[Quot]) -> list[tuple[int, int]]:
    """One-to-one pairs (system index, gold index) by quote-token overlap, largest overlap first."""
    cand = sorted(((len(s.quote & g.quote), i, j) for i, s in enumerate(system) for j, g in enumerate(gold)
                   if s.quote & g.quote), reverse=True)
    used_s, used_g, pairs = set(), set(), []
    for _, i, j in cand:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_end_to_end(system: list[Quot], gold: list[Quot], tally: Tally) -> None:
    pairs = match(system, gold)
    paired_type = {i: gold[j].type for i, j in pairs}
    for i, s in enumerate(system):
        t = paired_type.get(i, s.type)        # an unmatched quotation counts against the type it claims
        for role in ROLES:
            if getattr(s, role):
                for key in (t, "all"):
                    tally.sys[(role, key)] += 1
    for g in gold:
        for role in ROLES:
            if getattr(g, role):
                for key in (g.type, "all"):
                    tally.gold[(role, key)] += 1
    for i, j in pairs:
        s, g = system[i], gold[j]
        for role in ROLES:
            a, b = getattr(s, role), getattr(g, role)
            if not a or not b:
                continue
            for key in (g.type, "all"):
                tally.tp[(role, key, "overlap")] += 1 if a & b else 0
                tally.tp[(role, key, "exact")] += 1 if a == b else 0


def score_at_quotation(answers: list[frozenset[int]], gold: list[Quot], tally: Tally) -> None:
    for ans, g in zip(answers, gold):
        for key in (g.type, "all"):
            if ans:
                tally.sys[key] += 1
            if g.speaker:
                tally.gold[key] += 1
            if ans and g.speaker:
                tally.tp[(key, "overlap")] += 1 if ans & g.speaker else 0
                tally.tp[(key, "exact")] += 1 if ans == g.speaker else 0


def _prf(tp: float, sys_n: float, gold_n: float) -> tuple[float, float, float]:
    p = tp / sys_n if sys_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- systems ------------------------------------------------------------------------------------


def parse_system(nlp, art: Article) -> tuple[list[Quot], list[frozenset[int]]]:
    from lagebild.extract.attribution import quotations, speaker_at

    doc = nlp(art.text)
    found = quotations(doc)
    system = [Quot(q.type, art.ids_of(q.quote), art.ids_of(q.cue), art.ids_of(q.speaker)) for q in found]
    answers = []
    for g in art.gold:
        first = min(g.quote) if g.quote else 0
        last = max(g.quote) if g.quote else 0
        sp = speaker_at(doc, art.tokens[first][0], art.tokens[last][1], found)
        answers.append(art.ids_of(sp))
    return system, answers


def legacy_system(nlp, art: Article) -> tuple[list[Quot], list[frozenset[int]]]:
    """The word-rule attribution (extract/attribution.py before the parse): its cues as quotations (the rest
    of the sentence, or the quotation-marked span a cue attributes), its sources as speakers."""
    try:
        from lagebild.extract.attribution import legacy as attr
    except ImportError:                         # before the parse-based attribution existed
        from lagebild.extract import attribution as attr  # type: ignore[no-redef]
    from lagebild.extract.claims import split_units

    doc = nlp(art.text)
    text = doc.text
    units = split_units(doc, text)
    cues = [attr.find_cues(text, u.start, u.end, heading=u.heading) for u in units]

    def speaker_span(cue) -> tuple[int, int] | None:
        if cue.source is None or not cue.source.text:
            return None
        k = text.find(cue.source.text, cue.start, cue.end + 1)
        return (k, k + len(cue.source.text)) if k >= 0 else (cue.start, cue.end)

    system = []
    for u, cs in zip(units, cues):
        for c in cs:
            if c.kind not in ("speech", "relay", "according", "estimate", "anaphoric") or c.source is None:
                continue
            sp = speaker_span(c)
            quote = art.ids(u.start, u.end) - art.ids(c.start, c.end)
            cue_ids = art.ids(c.start, c.end) - (art.ids(*sp) if sp else frozenset())
            kind = "Direct" if any(ch in text[u.start:u.end] for ch in "„“\"»«") else "Indirect"
            if quote:
                system.append(Quot(kind, quote, cue_ids, art.ids(*sp) if sp else frozenset()))
    answers = []
    for g in art.gold:
        first = min(g.quote) if g.quote else 0
        pos = art.tokens[first][0]
        ui = next((k for k, u in enumerate(units) if u.start <= pos < u.end), -1)
        if ui < 0:
            answers.append(frozenset())
            continue
        res = attr.attribute(text, units, ui, pos, cues)
        ans: frozenset[int] = frozenset()
        for src, (a, b) in zip(res.sources, res.spans):
            if src.text:
                k = text.find(src.text, a, b + 1)
                ans = art.ids(k, k + len(src.text)) if k >= 0 else art.ids(a, b)
            break
        answers.append(ans)
    return system, answers


# --- report -------------------------------------------------------------------------------------


def report(split: str, e2e: Tally, atq: Tally, n_art: int, seconds: float, label: str) -> float:
    print(f"attribution_eval: {label} on the {split} split, {n_art} articles, {seconds:.1f} s")
    print("\nend to end (quotations matched by quote-token overlap)")
    print(f"{'role':8} {'type':21} {'gold':>5} {'sys':>5}  {'P exact':>7} {'R exact':>7} {'F1 exact':>8}  "
          f"{'P ovl':>6} {'R ovl':>6} {'F1 ovl':>6}")
    for role in ROLES:
        for key in TYPES + ("all",):
            g, s = e2e.gold[(role, key)], e2e.sys[(role, key)]
            ex = _prf(e2e.tp[(role, key, "exact")], s, g)
            ov = _prf(e2e.tp[(role, key, "overlap")], s, g)
            print(f"{role:8} {key:21} {int(g):5} {int(s):5}  {ex[0]:7.3f} {ex[1]:7.3f} {ex[2]:8.3f}  "
                  f"{ov[0]:6.3f} {ov[1]:6.3f} {ov[2]:6.3f}")
    print("\nat the quotation (who says so at each gold quotation's place)")
    print(f"{'type':21} {'gold':>5} {'sys':>5}  {'P exact':>7} {'R exact':>7} {'F1 exact':>8}  "
          f"{'P ovl':>6} {'R ovl':>6} {'F1 ovl':>6}")
    for key in TYPES + ("all",):
        g, s = atq.gold[key], atq.sys[key]
        ex = _prf(atq.tp[(key, "exact")], s, g)
        ov = _prf(atq.tp[(key, "overlap")], s, g)
        print(f"{key:21} {int(g):5} {int(s):5}  {ex[0]:7.3f} {ex[1]:7.3f} {ex[2]:8.3f}  "
              f"{ov[0]:6.3f} {ov[1]:6.3f} {ov[2]:6.3f}")
    print("\npaper baselines (all types, their scorer)")
    for name, roles in PAPER_BASELINES.items():
        cells = "  ".join(f"{r} " + ("P %.2f R %.2f F1 %.2f" % roles[r] if r in roles else "n/a") for r in ROLES)
        print(f"  {name:10} {cells}")
    f1 = _prf(e2e.tp[("speaker", "all", "overlap")], e2e.sys[("speaker", "all")], e2e.gold[("speaker", "all")])[2]
    f1q = _prf(atq.tp[("all", "overlap")], atq.sys["all"], atq.gold["all"])[2]
    print(f"\nspeaker F1 at the quotation {f1q:.3f}")
    print(f"speaker F1 {f1:.3f}")
    return f1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=("train", "dev", "test"))
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--legacy", action="store_true", help="measure the word-rule attribution of before")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"attribution_eval: corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    from lagebild import nlp as lnlp

    nlp = lnlp.load()
    arts = load_split(args.split, args.limit)
    system_fn = legacy_system if args.legacy else parse_system
    e2e, atq = Tally(), Tally()
    t0 = time.perf_counter()
    for art in arts:
        system, answers = system_fn(nlp, art)
        score_end_to_end(system, art.gold, e2e)
        score_at_quotation(answers, art.gold, atq)
    report(args.split, e2e, atq, len(arts), time.perf_counter() - t0,
           "word rules (before the parse)" if args.legacy else "parse-based attribution")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
