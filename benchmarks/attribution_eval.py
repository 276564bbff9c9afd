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

The line ``speaker F1 X`` is the end-to-end speaker F1 with token overlap over all quotation types. The line after
it is the same F1 with quotations paired as the corpus authors' scorer pairs them (`match_as_authors`: the
assignment of largest summed quote-span F1, the same type breaking ties) - the first line's pairing (largest
overlap count first, ties by gold index) is kept so that the figures of sessions 12-29 stay comparable.

    python benchmarks/attribution_eval.py [--split test|dev|train] [--limit N] [--legacy] [--decompose]

``--decompose`` also prints where the speaker F1 is lost: each gold quotation with a speaker by what became of
it (right; no quotation of ours overlaps it; ours was matched to another; a wrong speaker - pronoun against name,
another mention, another entity) and the speakers we output that match no gold speaker, each class with the F1
it would give if it were right (use it on dev, never to study the test split).

``--legacy`` measures the word-rule attribution this project had before the parse-based one (the
first-run figures in training/ATTRIBUTION.md). Types follow the corpus: IndirectFreeIndirect is
Konjunktiv-I reported speech without its own cue. The paper's baselines are printed beside ours where
we have their figures (see PAPER_BASELINES).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lagebild.training.quotation_corpus import (  # noqa: E402
    CORPUS,
    PAPER_BASELINES,
    ROLES,
    TYPES,
    Article,
    Quot,
    Tally,
    _prf,
    load_split,
    match,
    match_as_authors,
    score_at_quotation,
    score_end_to_end,
)

# --- systems ------------------------------------------------------------------------------------

PRONOUNS: dict[str, frozenset[int]] = {}     # corpus token ids the parse reads as pronouns, per article (--decompose)


def _note_pronouns(art: Article, doc) -> None:
    PRONOUNS[art.name] = art.ids_of([(t.idx, t.idx + len(t.text)) for t in doc if t.pos_ == "PRON"])


def parse_system(nlp, art: Article, model=None) -> tuple[list[Quot], list[frozenset[int]]]:
    from lagebild.extract.attribution import quotations, speaker_at
    from lagebild.extract.attribution.learned import learned_quotations

    doc = nlp(art.text)
    _note_pronouns(art, doc)
    found = learned_quotations(doc, model) if model is not None else quotations(doc)
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
    _note_pronouns(art, doc)
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


# --- where the speaker F1 is lost (--decompose) ------------------------------------------------------

GOLD_CLASSES = ("right speaker", "no quotation of ours overlaps it", "ours overlaps it but was matched to another",
                "matched, no speaker of ours", "wrong speaker: ours a pronoun, gold a name or noun",
                "wrong speaker: gold a pronoun, ours a name or noun", "wrong speaker: another mention, shared words",
                "wrong speaker: another entity")
SYS_CLASSES = ("speaker at a gold quotation without speaker", "unmatched, overlaps no gold quotation",
               "unmatched, overlaps a gold quotation matched to another of ours")


def _words(art: Article, ids: frozenset[int]) -> set[str]:
    return {art.text[art.tokens[i][0]: art.tokens[i][1]].lower() for i in ids}


def _wrong_kind(art: Article, ours: frozenset[int], gold: frozenset[int]) -> str:
    pron = PRONOUNS.get(art.name, frozenset())
    if ours <= pron and not gold <= pron:
        return GOLD_CLASSES[4]
    if gold <= pron and not ours <= pron:
        return GOLD_CLASSES[5]
    names = {w for w in _words(art, ours) & _words(art, gold) if w[:1].isalpha() and len(w) > 2}
    return GOLD_CLASSES[6] if names - _words(art, pron) else GOLD_CLASSES[7]


def decompose(art: Article, system: list[Quot], gold_counts: Tally, sys_counts: Tally) -> None:
    """Each gold quotation with a speaker by what became of it, and each speaker we output that is not right by
    why (the same one-to-one matching as the score: `speaker F1` = 2 * right / (ours + gold))."""
    pairs = match(system, art.gold)
    g2s, s2g = {j: i for i, j in pairs}, {i: j for i, j in pairs}
    for j, g in enumerate(art.gold):
        if not g.speaker:
            continue
        if j not in g2s:
            kind = GOLD_CLASSES[2] if any(s.quote & g.quote for s in system) else GOLD_CLASSES[1]
        elif not system[g2s[j]].speaker:
            kind = GOLD_CLASSES[3]
        elif system[g2s[j]].speaker & g.speaker:
            kind = GOLD_CLASSES[0]
        else:
            kind = _wrong_kind(art, system[g2s[j]].speaker, g.speaker)
        for key in (g.type, "all"):
            gold_counts.tp[(kind, key)] += 1
    for i, s in enumerate(system):
        if not s.speaker or i in s2g and art.gold[s2g[i]].speaker:
            continue
        if i in s2g:
            kind = SYS_CLASSES[0]
        else:
            kind = SYS_CLASSES[2] if any(s.quote & g.quote for g in art.gold) else SYS_CLASSES[1]
        sys_counts.tp[kind] += 1


def report_decomposition(gold_counts: Tally, sys_counts: Tally, e2e: Tally) -> None:
    tp = e2e.tp[("speaker", "all", "overlap")]
    n_sys, n_gold = e2e.sys[("speaker", "all")], e2e.gold[("speaker", "all")]
    print("\nwhere the speaker F1 is lost (gold quotations with a speaker, by type; F1 if that class were right)")
    short = {"FreeIndirect": "FreeInd", "IndirectFreeIndirect": "IndFreeInd"}
    print(f"{'class':62} " + " ".join(f"{short.get(t, t):>10}" for t in TYPES) + f" {'all':>5} {'F1 if':>6}")
    for kind in GOLD_CLASSES:
        n = gold_counts.tp[(kind, "all")]
        add = n if kind in GOLD_CLASSES[1:4] else 0          # a quotation or speaker we would have to add
        f1 = "" if kind == GOLD_CLASSES[0] else f"{2 * (tp + n) / (n_sys + add + n_gold):.3f}"
        cells = " ".join(f"{int(gold_counts.tp[(kind, t)]):10d}" for t in TYPES)
        print(f"{kind:62} {cells} {int(n):5d} {f1:>6}")
    print("speakers of ours that are not right, other than the wrong speakers above (F1 if dropped)")
    for kind in SYS_CLASSES:
        n = sys_counts.tp[kind]
        print(f"{kind:62} {int(n):5d} {2 * tp / (n_sys - n + n_gold):.3f}")


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
    ap.add_argument("--rules-only", action="store_true", help="the parse rules without the trained component")
    ap.add_argument("--model", default=None, help="trained attribution weights (default: the packaged ones)")
    ap.add_argument("--decompose", action="store_true", help="also where the speaker F1 is lost, by class")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"attribution_eval: corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    from lagebild import nlp as lnlp

    nlp = lnlp.load()
    arts = load_split(args.split, args.limit)
    from lagebild.extract.attribution.learned import load_model
    from lagebild.extract.attribution.quotations import STATS

    model = None if args.rules_only or args.legacy else load_model(args.model)
    e2e, atq, gold_counts, sys_counts = Tally(), Tally(), Tally(), Tally()
    e2e_authors = Tally()
    t0 = time.perf_counter()
    for art in arts:
        system, answers = legacy_system(nlp, art) if args.legacy else parse_system(nlp, art, model)
        score_end_to_end(system, art.gold, e2e)
        score_end_to_end(system, art.gold, e2e_authors, pairing=match_as_authors)
        score_at_quotation(answers, art.gold, atq)
        if args.decompose:
            decompose(art, system, gold_counts, sys_counts)
    label = "word rules (before the parse)" if args.legacy else \
        "parse rules + trained component" if model is not None else "parse rules"
    report(args.split, e2e, atq, len(arts), time.perf_counter() - t0, label)
    tp, n_sys, n_gold = (e2e_authors.tp[("speaker", "all", "overlap")], e2e_authors.sys[("speaker", "all")],
                         e2e_authors.gold[("speaker", "all")])
    print(f"speaker F1, quotations paired as the corpus authors' scorer pairs them {_prf(tp, n_sys, n_gold)[2]:.3f}")
    if args.decompose:
        report_decomposition(gold_counts, sys_counts, e2e)
    if STATS and not args.legacy:
        print("parse fallbacks: " + ", ".join(f"{k} {v}" for k, v in sorted(STATS.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
