"""Public corpora -> spaCy DocBins.

Readers for GermEval 2014 (outer NER chunks, 12 classes), UD CoNLL-U (tags,
morphology, lemmas, dependencies) and the Europeana newspapers NER corpus
(historic OCR text: cleaned, pseudo-sentences, PER/LOC/ORG only).
Everything reads from ``../shared/data`` and writes to ``training/corpus``;
no corpus text ever lands in the repository.
"""
from __future__ import annotations

import logging
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

log = logging.getLogger(__name__)

# The twelve GermEval 2014 outer classes.
NER_LABELS = tuple(f"{b}{s}" for b in ("PER", "ORG", "LOC", "OTH") for s in ("", "deriv", "part"))


# --------------------------------------------------------------------------- GermEval 2014


def read_germeval(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (words, outer IOB tags) per sentence of a GermEval 2014 TSV file."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise ValueError(f"{path}:{lineno}: expected >= 3 tab-separated columns, got {line!r}")
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield words, tags


def iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Chunks (start, end, label) from IOB2 tags; a stray I- opens a chunk (conlleval)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label: str | None = None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, lab = tag.partition("-")
        if prefix == "O" or prefix == "B" or (prefix == "I" and lab != label):
            if label is not None and start is not None:
                spans.append((start, i, label))
            start, label = (i, lab) if prefix in ("B", "I") else (None, None)
    return spans


def germeval_docs(path: Path, vocab: Vocab) -> list[Doc]:
    """One Doc per sentence with the outer chunks as doc.ents."""
    docs = []
    for words, tags in read_germeval(path):
        doc = Doc(vocab, words=words)
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in iob_to_spans(tags)]
        docs.append(doc)
    return docs


# --------------------------------------------------------------------------- UD CoNLL-U


def read_conllu(path: Path) -> Iterator[list[dict]]:
    """Yield sentences as lists of token dicts; multi-word tokens are merged into
    their surface form (``im`` = in + dem) the way spaCy's tokenizer sees them."""
    sent: list[list[str]] = []
    with path.open(encoding="utf-8") as f:
        for line in list(f) + ["\n"]:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield _merge_mwt(sent)
                sent = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) != 10:
                    raise ValueError(f"{path}: malformed CoNLL-U line {line!r}")
                if "." not in cols[0]:      # skip empty nodes
                    sent.append(cols)


def _merge_mwt(rows: list[list[str]]) -> list[dict]:
    words = [r for r in rows if "-" not in r[0]]
    by_id = {int(r[0]): r for r in words}
    # new index of each syntactic word after merging
    new_index: dict[int, int] = {}
    out: list[dict[str, Any]] = []
    skip_until = 0
    for r in rows:
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            parts = [by_id[i] for i in range(a, b + 1)]
            # head: the part whose head lies outside the span (the preposition's noun)
            ext = [p for p in parts if not (a <= int(p[6]) <= b)] or parts
            first, last = parts[0], parts[-1]
            tag = "APPRART" if first[3] == "ADP" else (first[4] if first[4] != "_" else "_")
            feats = "|".join(f for f in (last[5],) if f != "_") or "_"
            tok = dict(word=r[1], lemma=first[2], pos=first[3], tag=tag, morph=feats,
                       head=int(ext[0][6]), dep=ext[0][7], space="SpaceAfter=No" not in r[9])
            for i in range(a, b + 1):
                new_index[i] = len(out)
            out.append(tok)
            skip_until = b
            continue
        i = int(r[0])
        if i <= skip_until:
            continue
        new_index[i] = len(out)
        out.append(dict(word=r[1], lemma=r[2], pos=r[3], tag=r[4], morph=r[5],
                        head=int(r[6]), dep=r[7], space="SpaceAfter=No" not in r[9]))
    for word in out:
        word["head"] = -1 if word["head"] == 0 else new_index[word["head"]]
    return out


def conllu_docs(path: Path, vocab: Vocab, *, n_sents: int = 10, stts: bool = True) -> list[Doc]:
    """Docs of ``n_sents`` sentences each (so the parser learns sentence starts).

    ``stts=False`` leaves tag_ unset (UD-PUD's XPOS are English PTB tags)."""
    docs = []
    sents = list(read_conllu(path))
    for k in range(0, len(sents), n_sents):
        words: list[Any] = []
        spaces: list[Any] = []
        tags: list[Any] = []
        pos: list[Any] = []
        morphs: list[Any] = []
        lemmas: list[Any] = []
        heads: list[Any] = []
        deps: list[Any] = []
        starts: list[Any] = []
        for sent in sents[k:k + n_sents]:
            off = len(words)
            for j, t in enumerate(sent):
                words.append(t["word"])
                spaces.append(t["space"])
                tags.append(t["tag"] if stts and t["tag"] != "_" else None)
                pos.append(t["pos"] if t["pos"] != "_" else None)
                morphs.append(t["morph"] if t["morph"] != "_" else "")
                lemmas.append(t["lemma"] if t["lemma"] != "_" else t["word"])
                heads.append(off + j if t["head"] == -1 else off + t["head"])
                deps.append("ROOT" if t["head"] == -1 else t["dep"])
                starts.append(j == 0)
        spaces[-1] = False
        doc = Doc(vocab, words=words, spaces=spaces, tags=tags if stts else None, pos=pos,
                  morphs=morphs, lemmas=lemmas, heads=heads, deps=deps, sent_starts=starts)
        docs.append(doc)
    return docs


# --------------------------------------------------------------------------- Europeana

_TAG_FIX = {"PEr": "PER", "ORg": "ORG", "OLOC": "LOC", "LOCer": "LOC", "ER": "PER", "BER": "PER"}
_TAG_RE = re.compile(r"^([BI])[-_.]([A-Za-z]+)$")
_DERIV_RE = re.compile(r"^[a-zäöü]+(isch|ische|ischen|ischer|isches|ischem)$")


def clean_europeana_tag(tag: str) -> str:
    """Normalise the corpus' tag typos; anything unknown (MISC, garbage) becomes O."""
    if tag == "O":
        return "O"
    m = _TAG_RE.match(tag)
    if m:
        prefix, label = m.groups()
    elif tag in _TAG_FIX:           # e.g. 'BER' = B-ER = PER with a lost hyphen
        prefix, label = "B", tag
    else:
        return "O"
    label = _TAG_FIX.get(label, label).upper()
    return f"{prefix}-{label}" if label in ("PER", "LOC", "ORG") else "O"


def read_europeana(path: Path) -> Iterator[tuple[str, str]]:
    """(token, tag) pairs; malformed lines (token split over columns) are repaired or skipped."""
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            cols = line.split()
            if len(cols) < 2:
                continue
            tag = cols[-1]
            token = "".join(cols[:-1])
            if len(token) > 40:     # OCR run-ons
                continue
            yield token, clean_europeana_tag(tag)


def _pseudo_sentences(pairs: list[tuple[str, str]], max_len: int = 60) -> Iterator[list[tuple[str, str]]]:
    """The corpus has no sentence breaks: cut after . ! ? before a capitalised
    word outside an entity, and at ``max_len`` tokens."""
    cur: list[tuple[str, str]] = []
    for i, (tok, tag) in enumerate(pairs):
        cur.append((tok, tag))
        nxt = pairs[i + 1] if i + 1 < len(pairs) else None
        end = tok in {".", "!", "?"} and (nxt is None or (nxt[0][:1].isupper() and not nxt[1].startswith("I-")))
        if end or (len(cur) >= max_len and (nxt is None or not nxt[1].startswith("I-"))):
            yield cur
            cur = []
    if cur:
        yield cur


def europeana_docs(data_dir: Path, vocab: Vocab, *, mode: str = "partial") -> list[Doc]:
    """Europeana newspapers NER as PER/LOC/ORG docs.

    ``mode="full"``: untagged tokens are O. ``mode="partial"``: untagged
    capitalised tokens and -isch adjectives are left *missing*, since this
    corpus has no OTH, deriv or part classes and would otherwise teach the model
    that "Bundesliga" or "deutsche" are not entities.
    """
    docs = []
    for path in sorted(data_dir.glob("enp_DE.*.bio")):
        pairs = list(read_europeana(path))
        for sent in _pseudo_sentences(pairs):
            words = [t for t, _ in sent]
            tags = [g for _, g in sent]
            if not any(g != "O" for g in tags) and mode == "partial":
                continue
            doc = Doc(vocab, words=words)
            spans = iob_to_spans(tags)
            inside = {i for s, e, _ in spans for i in range(s, e)}
            if mode == "partial":
                missing = [i for i, w in enumerate(words)
                           if i not in inside and (w[:1].isupper() or _DERIV_RE.match(w))]
                ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
                doc.set_ents(ents, missing=[doc[i:i + 1] for i in missing], default="outside")
            else:
                doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
            docs.append(doc)
    return docs


# --------------------------------------------------------------------------- helpers


def split_dev(docs: list, every: int = 10) -> tuple[list, list]:
    """Deterministic hold-out: every ``every``-th item is held out for model selection."""
    train = [d for i, d in enumerate(docs) if i % every != every - 1]
    held = [d for i, d in enumerate(docs) if i % every == every - 1]
    return train, held


def save(docs: Iterable[Doc], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    db.to_disk(path)
    return n


def tiny(docs: list, n: int, seed: int = 0) -> list:
    rng = random.Random(seed)
    return rng.sample(docs, min(n, len(docs)))
