"""Why a gold speaker is missed, by cause: an error decomposition of the learned attribution on the quotation corpus.

    python benchmarks/attribution_errors.py [--split dev] [--cache DIR] [-v]

For every gold quotation with a speaker, matched to ours as `attribution_eval.py` matches them (one to one by
quote-token overlap), one cause:

* right - our speaker shares a token with gold's (``exact`` counted apart: the same tokens);
* (a) not found - no quotation of ours overlaps it, or ours overlapping it was matched to another gold one;
* (e) no speaker - matched, but ours names no one;
* (c) wrong mention, same sentence - ours and gold's speaker both stand in the quotation's sentence (split: ours a
  pronoun and gold a name or noun, or the other way, or two nouns);
* (d) wrong, other sentence - gold's speaker stands in another sentence than the quotation (coreference: ``er``,
  ``die Ministerin``) or ours does.

(b) span: the speaker found, its boundary different - is right under token overlap; it is printed as the count of
right speakers whose tokens differ from gold's (what an *exact* scorer would lose). The speakers we output that no
gold speaker matches are counted apart, and every class with the F1 it would give if it were right.

Use on dev (``-v`` prints each error with its sentence); the test split is for `attribution_eval.py`'s one line.
``--cache DIR`` keeps the parse (``DIR/<split>.spacy``), so that reruns take seconds.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lagebild.training.attribution import _docs as docs_of  # noqa: E402  (the parse, kept in a DocBin under --cache)
from lagebild.training.quotation_corpus import (  # noqa: E402
    CORPUS,
    TYPES,
    Article,
    Quot,
    Tally,
    _prf,
    load_split,
    match,
    match_as_authors,
    score_end_to_end,
)

CAUSES = ("right", "(a) not found: no quotation of ours overlaps it", "(a) not found: ours matched to another",
          "(e) matched, no speaker", "(c) same sentence: ours a pronoun, gold a name or noun",
          "(c) same sentence: gold a pronoun, ours a name or noun", "(c) same sentence: another mention",
          "(d) gold speaker in another sentence", "(d) ours in another sentence, gold in the quotation's")


class ArticleView:
    """Corpus token ids read against the parse: each id's sentence and part of speech."""

    def __init__(self, art: Article, doc) -> None:
        self.art, self.doc = art, doc
        self.sent_of: dict[int, int] = {}
        self.pron: set[int] = set()
        starts = [s.start_char for s in doc.sents]
        for i, (a, b) in enumerate(art.tokens):
            if a == b:
                continue
            self.sent_of[i] = max(0, sum(1 for s in starts if s <= a) - 1)
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None and len(span) and all(t.pos_ == "PRON" for t in span):
                self.pron.add(i)

    def sentences(self, ids: frozenset[int]) -> set[int]:
        return {self.sent_of[i] for i in ids if i in self.sent_of}

    def text(self, ids: frozenset[int]) -> str:
        return " ".join(self.art.text[self.art.tokens[i][0]: self.art.tokens[i][1]] for i in sorted(ids))


def cause_of(view: ArticleView, g: Quot, ours: Quot | None, overlapped: bool) -> str:
    if ours is None:
        return CAUSES[2] if overlapped else CAUSES[1]
    if not ours.speaker:
        return CAUSES[3]
    if ours.speaker & g.speaker:
        return CAUSES[0]
    qs, gs, os_ = view.sentences(g.quote), view.sentences(g.speaker), view.sentences(ours.speaker)
    if not gs & qs:
        return CAUSES[7]
    if not os_ & qs:
        return CAUSES[8]
    if ours.speaker <= view.pron and not g.speaker <= view.pron:
        return CAUSES[4]
    if g.speaker <= view.pron and not ours.speaker <= view.pron:
        return CAUSES[5]
    return CAUSES[6]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--cache", type=Path, default=None, help="folder for the parsed DocBin")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("-v", action="store_true", help="print each error (dev only)")
    args = ap.parse_args(argv)
    if not CORPUS.exists():                 # ../shared is not there: say so, as attribution_eval.py does
        print(f"attribution_errors: corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    from lagebild import nlp as lnlp
    from lagebild.extract.attribution.learned import learned_quotations, load_model

    nlp, model = lnlp.load(), load_model()
    arts = load_split(args.split, args.limit)
    docs = docs_of(nlp, arts, args.cache / f"{args.split}.spacy" if args.cache else None)
    counts: Counter = Counter()
    exact_differs = 0
    n_sys = n_gold = tp = 0
    spurious: Counter = Counter()
    authors = Tally()                          # the same F1 with the corpus authors' pairing (attribution_eval.py)
    for art, doc in zip(arts, docs):
        view = ArticleView(art, doc)
        found = learned_quotations(doc, model)
        system = [Quot(q.type, art.ids_of(q.quote), art.ids_of(q.cue), art.ids_of(q.speaker)) for q in found]
        score_end_to_end(system, art.gold, authors, pairing=match_as_authors)
        pairs = match(system, art.gold)
        g2s = {j: i for i, j in pairs}
        s2g = {i: j for i, j in pairs}
        n_sys += sum(1 for s in system if s.speaker)
        for j, g in enumerate(art.gold):
            if not g.speaker:
                continue
            n_gold += 1
            ours = system[g2s[j]] if j in g2s else None
            cause = cause_of(view, g, ours, any(s.quote & g.quote for s in system))
            counts[(cause, g.type)] += 1
            counts[(cause, "all")] += 1
            if cause == CAUSES[0]:
                tp += 1
                exact_differs += ours.speaker != g.speaker
            elif args.v:
                print(f"{art.name} [{g.type}] {cause}\n  quote: {view.text(g.quote)[:200]}\n"
                      f"  gold: {view.text(g.speaker)} | ours: {view.text(ours.speaker) if ours else '-'}")
        for i, s in enumerate(system):
            if s.speaker and not (i in s2g and art.gold[s2g[i]].speaker):
                kind = "at a gold quotation without speaker" if i in s2g else \
                    "overlaps a gold quotation matched to another" if any(s.quote & g.quote for g in art.gold) \
                    else "overlaps no gold quotation"
                spurious[(kind, s.type)] += 1
                spurious[(kind, "all")] += 1
                if args.v and kind != "at a gold quotation without speaker":
                    print(f"{art.name} [ours {s.type}] spurious, {kind}\n  quote: {view.text(s.quote)[:200]}\n"
                          f"  ours: {view.text(s.speaker)}")
    f1 = 2 * tp / (n_sys + n_gold) if n_sys + n_gold else 0.0
    print(f"speaker F1 {f1:.4f} (right {tp}, ours {n_sys}, gold {n_gold}); right but not exact: {exact_differs}")
    key = ("speaker", "all")
    print(f"speaker F1, paired as the corpus authors' scorer pairs: "
          f"{_prf(authors.tp[key + ('overlap',)], authors.sys[key], authors.gold[key])[2]:.4f}")
    short = {"FreeIndirect": "FreeInd", "IndirectFreeIndirect": "IndFreeInd"}
    print(f"{'cause':58} " + " ".join(f"{short.get(t, t):>10}" for t in TYPES) + f" {'all':>5} {'F1 if':>6}")
    for cause in CAUSES:
        n = counts[(cause, "all")]
        add = n if cause in CAUSES[1:4] else 0               # a quotation or a speaker we would have to add
        fif = "" if cause == CAUSES[0] else f"{2 * (tp + n) / (n_sys + add + n_gold):.3f}"
        print(f"{cause:58} " + " ".join(f"{counts[(cause, t)]:10d}" for t in TYPES) + f" {n:5d} {fif:>6}")
    print("speakers of ours no gold speaker matches (by the type we claim; F1 if dropped)")
    for kind in ("at a gold quotation without speaker", "overlaps no gold quotation",
                 "overlaps a gold quotation matched to another"):
        n = spurious[(kind, "all")]
        print(f"{kind:58} " + " ".join(f"{spurious[(kind, t)]:10d}" for t in TYPES) +
              f" {n:5d} {2 * tp / (n_sys - n + n_gold):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
