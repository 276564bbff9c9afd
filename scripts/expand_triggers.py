"""Propose event triggers by similarity: lemmas near the seed lexicon in the model's word vectors.

    .venv/bin/python scripts/expand_triggers.py [--top 15] [--min 0.45]

For each event type/mode of ``src/lagebild/lang/de/event_triggers.tsv`` it ranks the noun and
verb lemmas of the UD German treebanks (../shared/data/ud_german_*; read here, never copied) by
their cosine similarity to the nearest trigger of that type/mode in the shipped pipeline's static
(floret) vectors, and prints those not in the lexicon yet. The output is for a person to read:
similarity also finds antonyms and topical neighbours (Erdbeben ~ Tsunami, but also ~ Richterskala),
so nothing is added automatically.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data"


def candidates() -> Counter:
    """(lemma, 'noun'|'verb') -> frequency in the UD German treebanks."""
    out: Counter = Counter()
    for f in sorted(SHARED.glob("ud_german_*/*.conllu")):
        for line in f.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[3] in ("NOUN", "VERB") and cols[2].isalpha() and len(cols[2]) > 3:
                out[(cols[2], "noun" if cols[3] == "NOUN" else "verb")] += 1
    if not out:
        raise SystemExit(f"expand_triggers: no UD German treebank under {SHARED}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--min", type=float, default=0.45)
    args = ap.parse_args()
    from lagebild import nlp as lnlp
    from lagebild.lang.de.event_words import trigger_lexicon

    nlp = lnlp.load()
    lex = trigger_lexicon()

    def vec(word: str) -> np.ndarray:
        v = nlp.vocab[word].vector
        n = np.linalg.norm(v)
        return v / n if n else v

    seeds: dict[tuple[str, str | None], list[tuple[str, np.ndarray]]] = defaultdict(list)
    for table, kind in ((lex.nouns, "noun"), (lex.verbs, "verb")):
        for word, e in table.items():
            if e.type != "-":
                shown = word.capitalize() if kind == "noun" else word
                seeds[(e.type, e.mode)].append((shown, vec(shown)))
    cands = candidates()
    known = {(w.lower()) for w in set(lex.nouns) | set(lex.verbs) | set(lex.forms)}
    pool = [(w, k) for (w, k), n in cands.items() if n >= 2 and w.lower() not in known]
    mat = np.stack([vec(w) for w, _ in pool])
    for (type_, mode), items in sorted(seeds.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        sims = mat @ np.stack([v for _, v in items]).T          # candidates x seeds
        best = sims.max(axis=1)
        order = np.argsort(-best)[: args.top]
        found = [f"{pool[i][0]} ({items[int(sims[i].argmax())][0]} {best[i]:.2f})" for i in order if best[i] >= args.min]
        if found:
            print(f"{type_}/{mode}: " + ", ".join(found))


if __name__ == "__main__":
    main()
