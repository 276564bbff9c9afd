"""Does a source carry on past its sentence? Measured on the German news quotation attribution corpus
(Petersen-Frey & Biemann 2024, read from ``../shared/data/german_news_quotation_attribution_2024/``; train and
dev splits only - the test split is never read here).

    python benchmarks/attribution_carry.py [--split train,dev] [--limit N]

For each sentence that stands (for half or more of its tokens) in a gold quotation with a speaker, the next
sentence is taken when it carries no mark of reported speech of its own: no reporting verb or attribution
preposition, no quotation marks, no Konjunktiv I or its Konjunktiv II stand-in, no ``demnach``/``so X weiter``,
no hearsay ``sollen`` (those are read by the chain rules of ``extract/attribution/figures.py``). Printed: how
often such an unmarked indicative sentence is reported speech of the same gold speaker (carrying would be right),
by what marked the sentence before and by what would end a passage (a paragraph break, a person or body as
subject, the pluperfect of background, a figure in the sentence). The gold decides by its quotation spans;
speakers agree as in ``claims_source_wikinews.py`` (head-word overlap).
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from claims_source_wikinews import names, words  # noqa: E402

from lagebild.training.quotation_corpus import CORPUS, load_split  # noqa: E402

QUOTE_MARKS = set("„“”\"«»")


def sentence_speaker(art, sent) -> str | None:
    """The gold speaker of the quotation covering half or more of the sentence's tokens."""
    toks = {i for i, (a, _) in enumerate(art.tokens) if sent.start_char <= a < sent.end_char}
    best: tuple[float, str] | None = None
    for g in art.gold:
        cover = len(toks & g.quote) / max(len(toks), 1)
        if toks and cover >= 0.5 and g.speaker and (best is None or cover > best[0]):
            best = (cover, " ".join(art.text[slice(*art.tokens[i])] for i in sorted(g.speaker)))
    return best[1] if best else None


def features(sent) -> dict[str, bool]:
    from lagebild.extract.attribution import cues as C
    from lagebild.extract.attribution import figures as F

    main = [t for t in sent if t.dep_ in ("nsubj",) and F._clause_head(t).dep_ == "ROOT"]
    return {
        "konjunktiv": F.reported(sent), "demnach": F.carries_on(sent), "sollen": C.hearsay_modal(sent),
        "ersatz": F._ersatz(sent),
        "cue": any(F.reporting(t) or C.is_attribution_preposition(t) for t in sent),
        "marks": any(t.text in QUOTE_MARKS for t in sent),
        "figure": any(t.pos_ == "NUM" for t in sent),
        "acting": any(t.ent_type_ in ("PER", "ORG") or t.pos_ == "PROPN" for t in main),
        "background": any(t.dep_ == "ROOT" and t.tag_ == "VVPP" and any(
            c.dep_ == "aux" and c.lemma_ in ("haben", "sein") and "Past" in c.morph.get("Tense", [])
            for c in t.children) for t in sent),
    }


def pairs(nlp, art) -> list[dict]:
    doc = nlp(art.text)
    sents = [s for s in doc.sents if s.text.strip()]
    gold = [sentence_speaker(art, s) for s in sents]
    feats = [features(s) for s in sents]
    out = []
    for k in range(len(sents) - 1):
        fk, fi, speaker = feats[k], feats[k + 1], gold[k]
        if speaker is None or any(fi[m] for m in ("cue", "marks", "konjunktiv", "demnach", "sollen", "ersatz")):
            continue
        before = "Konjunktiv I" if fk["konjunktiv"] else "demnach / so X" if fk["demnach"] else \
            "a cue (verb, laut ...)" if fk["cue"] else "quotation marks" if fk["marks"] else "no mark"
        out.append({"before": before, "break": "\n\n" in doc.text[sents[k].end_char:sents[k + 1].start_char],
                     "acting": fi["acting"], "background": fi["background"], "figure": fi["figure"],
                     "figure before": fk["figure"],
                     "same": gold[k + 1] is not None and names(gold[k + 1], words(speaker)),
                     "other": gold[k + 1] is not None})
    return out


def line(name: str, rows: list[dict]) -> None:
    n, same = len(rows), sum(r["same"] for r in rows)
    other = sum(r["other"] and not r["same"] for r in rows)
    print(f"  {name:62} {n:5} {same:5} {same / max(n, 1):6.2f} {other:6}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train,dev", help="train, dev or both (comma-separated); never test")
    ap.add_argument("--limit", type=int, default=None)
    a = ap.parse_args(argv)
    splits = a.split.split(",")
    if "test" in splits or not set(splits) <= {"train", "dev"}:
        ap.error("train and dev only")
    if not CORPUS.exists():
        print(f"attribution_carry: corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    from lagebild import nlp as lnlp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = lnlp.load()
    rows: list[dict] = []
    n_art = 0
    for split in splits:
        for art in load_split(split, a.limit):
            rows += pairs(nlp, art)
            n_art += 1
    quiet = [r for r in rows if not (r["break"] or r["acting"] or r["background"])]
    print(f"attribution_carry: {'+'.join(splits)}, {n_art} articles; unmarked indicative sentences after a "
          f"sentence of reported speech")
    print(f"  {'':62} {'n':>5} {'same':>5} {'share':>6} {'other':>6}")
    line("all", rows)
    for before in ("Konjunktiv I", "demnach / so X", "a cue (verb, laut ...)", "quotation marks", "no mark"):
        sel = [r for r in quiet if r["before"] == before]
        line(f"after {before}; no break, actor or pluperfect", sel)
        line(f"after {before}; ... and both sentences hold a figure",
             [r for r in sel if r["figure"] and r["figure before"]])
    for end in ("break", "acting", "background", "figure"):
        line(f"the sentence has: {end}", [r for r in rows if r[end]])
    share = sum(r["same"] for r in quiet) / max(len(quiet), 1)
    print(f"carry right (no break, actor or pluperfect) {share:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
