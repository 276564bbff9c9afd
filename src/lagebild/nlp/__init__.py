"""lagebild's German spaCy pipeline.

`load()` returns the trained pipeline (`de_lagebild`) shipped inside the
package; no network is touched: tokenizer, tok2vec with static subword vectors,
STTS tagger, morphologizer (UPOS + features; morphology.py), lemmatizer,
dependency parser (sentence boundaries), UPOS rules and NER with GermEval
2014's twelve outer classes (PER/ORG/LOC/OTH and their -deriv/-part forms),
plus a place-name gazetteer. `load()` adds tokenizer special cases for title
abbreviations and the rule components `lagebild_line_breaks` and
`lagebild_titles` (sentence starts, before the parser) and
`lagebild_titles_out_of_names` (after the NER). It also applies `speed.speed_up` (numpy's
matrix product, a per-word embedding cache): same outputs, 1.5-1.8x the
words/s of `spacy.load()` on new text, more on words seen before
(benchmarks/bench_nlp.py).
Training and scores: ``python -m lagebild.training``, training/RESULTS.md.
Without a packaged model it falls back to spaCy's blank German tokenizer with
a rule-based sentencizer and says so.
"""
from __future__ import annotations

import logging
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span
from threadpoolctl import threadpool_limits

from ..lang import de
from ..loading import loader
from . import features as _features  # noqa: F401  (registers the "lagebild.word_flags.v1" callback)
from . import gazetteer as _gazetteer  # noqa: F401  (registers "lagebild_gazetteer")
from . import lemmas as _lemmas  # noqa: F401  (registers "lagebild_lemmas")
from . import morphology as _morphology  # noqa: F401  (registers "lagebild_morphologizer")
from .speed import speed_up

log = logging.getLogger(__name__)
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "de_lagebild"


def blank() -> Language:
    """Blank German tokenizer + sentencizer: the rule-only fallback."""
    nlp = spacy.blank("de")
    keep_title_abbreviations(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


def keep_title_abbreviations(nlp: Language) -> None:
    """A title abbreviation before a name ("Mag. Anna Huber") is one token, as spaCy keeps "Dr." and "Prof.": split
    into word and full stop, the full stop ended the sentence between title and name, and the name lost its verb
    ("Laut Mag." | "Karl Huber ..."). The titles are lang/de title_abbreviations (spaCy's German exceptions lack
    "Mag.", "DDr.", "Dkfm." ...; adding one it has changes nothing)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):         # a custom tokenizer function keeps its own rules
        return
    for title in title_abbreviations():
        tokenizer.add_special_case(title, [{"ORTH": title}])


@Language.component("lagebild_titles", assigns=["token.is_sent_start"])
def titles_open_names(doc):
    """A title abbreviation (lang/de title_abbreviations) opens the name after it, so its full stop ends no
    sentence: the parser, which has seen few of them, otherwise splits "sagte DDr. | Maria Berger". Runs before
    the parser, which keeps the boundaries it is given. A title also ends a sentence ("Sie ist Mag. Danach ...",
    the degree she holds): only a word the tagger reads as a name or noun, or a second title, is held in the
    title's sentence; a capitalised word of a closed class after it (an article, pronoun, preposition,
    conjunction, verb: "Das", "Er", "Seit") opens the next sentence, which the full stop, kept in the title's
    token, no longer tells the parser. An adjective or adverb is left to the parser: surnames are read so
    ("DDr. Kurz", "Dr. Lange")."""
    titles = title_abbreviations()
    for tok in doc[:-1]:
        if tok.text not in titles:
            continue
        nxt = doc[tok.i + 1]
        if _opens_a_name(nxt, titles):
            nxt.is_sent_start = False
        elif nxt.text[:1].isupper() and nxt.pos_ in _NO_NAME:
            nxt.is_sent_start = True
    return doc


# word classes no name is read as: after a title, such a capitalised word opens the next sentence
_NO_NAME = frozenset(("DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX", "VERB", "PART"))


def _opens_a_name(tok, titles: frozenset[str]) -> bool:
    """The word after a title is (part of) the name the title opens: a capitalised name or noun, or a title."""
    return tok.text in titles or (tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "X"))


@Language.component("lagebild_titles_out_of_names", assigns=["doc.ents"])
def titles_out_of_names(doc):
    """A title abbreviation is no part of the name it opens: the recognizer leaves "Dr." out of "Dr. Maria
    Berger" but, having seen few "Mag." or "DDr.", takes them in ("Mag. Maria Berger"); the name starts after
    the titles, as it does after "Dr.". A title standing alone ("Sie ist Mag.") names no one and is dropped."""
    titles = title_abbreviations()
    if not any(doc[ent.start].text in titles for ent in doc.ents):
        return doc                              # nothing to move: the recognizer's entities stay as they are
    ents = []
    for ent in doc.ents:
        start = past_titles(doc, ent.start, ent.end)
        if start == ent.start:
            ents.append(ent)
        elif start < ent.end:
            ents.append(Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_))
    doc.ents = ents
    return doc


def past_titles(doc, start: int, end: int | None = None) -> int:
    """The index of the first token from `start` (before `end`) that is no title abbreviation: where the name a run
    of titles opens begins ("Univ.-Prof. Dr. Eva Brandl" -> "Eva")."""
    titles, stop = title_abbreviations(), len(doc) if end is None else end
    while start < stop and doc[start].text in titles:
        start += 1
    return start


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """lang/de title_abbreviations ("Mag.", "Dr.in", "Univ.-Prof."): the titles that open a name, no part of it."""
    return frozenset(de.phrases("title_abbreviations"))


BULLETS = ("-", "–", "•", "*", "·")


@Language.component("lagebild_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc):
    """A line break ends a sentence: headlines, subheadings and list items carry no full stop, and the
    parser (trained on running text) otherwise joins them to the next sentence and hangs the
    whitespace token into its arcs (as a subject, say). Runs before the parser, which keeps these
    boundaries."""
    toks = list(doc)                        # one Token object per token, read below by index
    texts = [t.text for t in toks]
    breaks = [t.is_space and "\n" in text for t, text in zip(toks, texts)]
    for i in range(1, len(toks)):
        if breaks[i - 1] or breaks[i]:
            toks[i].is_sent_start = True
    for i in range(1, len(toks) - 3):       # "bewaffnete[n] Männer": an editorial insertion glued to
        if texts[i] != "[":                 # a word in a quotation is inside the sentence, never its end
            continue
        tok, prev, inner = toks[i], toks[i - 1], toks[i + 1]
        if not prev.whitespace_ and prev.is_alpha and texts[i + 2] == "]" and \
                not tok.whitespace_ and inner.is_alpha and len(texts[i + 1]) <= 3:
            for t in toks[i:i + 4]:
                t.is_sent_start = False
    item = False
    for i, tok in enumerate(toks):
        if i == 0 or "\n" in texts[i - 1]:
            item = texts[i] in BULLETS         # "- Attika: 3.200 Evakuierte": a list item is one sentence
        elif item and not tok.is_space:
            tok.is_sent_start = False
    return doc


def slow_spacy(version: str = spacy.__version__) -> bool:
    """spaCy 3.8.8+ wheels run the parser and NER 2-5x slower (training/RESULTS.md, session 7)."""
    parts = tuple(int(p) for p in version.split(".")[:3] if p.isdigit())
    return parts >= (3, 8, 8)


@loader
def load(path: str | Path | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load lagebild's German pipeline from the installed package (no network)."""
    target = Path(path) if path else MODEL_DIR
    if (target / "config.cfg").exists():
        if slow_spacy():
            log.warning("spaCy %s runs the parser and NER 2-5x slower than 3.8.7 (same results); "
                        "for speed: pip install 'spacy>=3.8,<3.8.8'", spacy.__version__)
        nlp = spacy.load(target, exclude=list(exclude))
        keep_title_abbreviations(nlp)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("lagebild_line_breaks", before="parser")
            nlp.add_pipe("lagebild_titles", before="parser")
        if "ner" in nlp.pipe_names:
            nlp.add_pipe("lagebild_titles_out_of_names", after="ner")
        one_blas_thread()
        no_huge_pages()
        return speed_up(nlp)
    if path:
        raise FileNotFoundError(f"no spaCy pipeline at {target}")
    warnings.warn("lagebild: no trained German model packaged; using the blank tokenizer + sentencizer", stacklevel=2)
    return blank()


def one_blas_thread() -> None:
    """Let numpy's BLAS run on one thread in this process (and the processes it forks).

    The pipeline's matrices are a sentence's worth: a second BLAS thread only spins. Measured on the 2-core
    machine, 300 articles: one process 23.1 s wall either way, 29.7 -> 23.3 s CPU; two build processes
    (`--jobs 2`), each with two BLAS threads, fought over the cores: 16.5 -> 12.0 s wall."""
    threadpool_limits(limits=1, user_api="blas")


def no_huge_pages() -> None:
    """Let numpy stop asking the kernel for transparent huge pages on its large arrays (what
    NUMPY_MADVISE_HUGEPAGE=0 does at import). Where the kernel defragments memory for such requests
    (defrag=madvise, a common default), every fresh tok2vec array of a batch (20,000 x 288 floats)
    waited in the kernel: 200 10kGNAD articles, tok2vec 0.8-1.0 -> 0.4-0.5 s system CPU. Same numbers."""
    import importlib

    for module in ("numpy._core.multiarray", "numpy.core.multiarray"):      # numpy 2, numpy 1
        try:
            importlib.import_module(module)._set_madvise_hugepage(False)
            return
        except (ImportError, AttributeError):
            continue


@lru_cache(maxsize=2)
def shared(path: str | None = None) -> Language:
    """One loaded pipeline per process (loading costs seconds)."""
    return load(path)
