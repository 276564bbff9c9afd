"""Near-duplicates: wire copies of one agency story printed by several outlets.

`mark_duplicates(articles)` sets `Article.duplicate_of` on every article whose
text is a near-copy of an earlier one, so that a figure from one dpa story
printed by ten outlets counts as one source, not ten.

How: word 3-shingles of each article's body (the title is left out: outlets
rewrite headlines of the same wire text), MinHash signatures and an LSH index
(datasketch) find candidate pairs in about linear time; each candidate pair is
then checked on the exact Jaccard similarity of the shingle sets, so the
threshold means what it says. Clusters are closed transitively; the first
article of a cluster in the given order (callers pass them oldest first, or
in reading order) is the original, the others point to it.

Incremental (the dossier's way): an article's signature (`signature`) and the near-copy pairs found
(`near_pairs`) depend on the article alone and on each pair alone, so a dossier keeps them and a build
computes them only for its new articles; `originals` closes the stored and new pairs into clusters, the
same as `mark_duplicates` over all articles.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import numpy as np

from ..model import Article

SHINGLE = 3          # words per shingle: 3 survives small edits, still rare across different stories
NUM_PERM = 128
SCHEME = "affine32"   # datasketch's permutations (its default since 2.0)
MIN_SHINGLES = 5     # shorter bodies say too little to call them copies
K = TypeVar("K", bound=Any)   # what names an article: its index in a batch, its id in a dossier


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Word k-grams of the normalised text (NFC, casefolded, punctuation dropped)."""
    toks = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return set(map(" ".join, zip(*(toks[i:] for i in range(k)))))


def body(article: Article) -> str:
    """The text without its title line."""
    text = article.text
    if article.title and text.startswith(article.title):
        text = text[len(article.title):]
    return text


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


# What a stored signature and pair was made with: another value makes a dossier compute them again.
VERSION = f"word{SHINGLE}-perm{NUM_PERM}-{SCHEME}-seed1-min{MIN_SHINGLES}"


def shingle_set(article: Article) -> set[str]:
    """The shingles an article is compared by: of its body, of all its text when the body is too short."""
    s = shingles(body(article))
    return s if len(s) >= MIN_SHINGLES else shingles(article.text)   # a one-line article is all title


def signature(article: Article) -> np.ndarray | None:
    """The MinHash values of the article's shingles; None when it is too short to be anyone's copy."""
    return _signature(shingle_set(article))


def _signature(s: set[str]) -> np.ndarray | None:
    """The MinHash values of a shingle set (`signature`): datasketch's MinHash with its default hash (the
    first 4 bytes of SHA-1, little-endian), here read for all shingles at once (one array of the digests'
    first bytes, not a struct.unpack per shingle) and the permutations made once per process - the same values."""
    if len(s) < MIN_SHINGLES:
        return None
    from datasketch import MinHash  # imported where a signature is made, not by every import of ours

    sha1 = hashlib.sha1
    values = np.frombuffer(b"".join([sha1(x.encode("utf-8")).digest()[:4] for x in s]), dtype="<u4")
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations(), hashfunc=int)
    m.update_batch(values.tolist())
    return m.hashvalues


@functools.cache
def _permutations() -> Any:
    """The permutations of datasketch's MinHash (num_perm NUM_PERM, seed 1, SCHEME), made once."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def _check(threshold: float) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")


_FEW = 32     # up to this many new articles, candidates by comparing arrays, not hash tables (CPU: even at ~24-40 new)


@functools.cache
def bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The (bands, rows) that datasketch's MinHashLSH chooses at `threshold` over `num_perm` values (~0.01 s
    CPU, once per process)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def candidates(signatures: Mapping[K, np.ndarray | None], new: Iterable[K], threshold: float) -> dict[K, list[K]]:
    """Each of `new` (with a signature) -> the keys whose signatures agree with its own in all rows of
    one band at least: the candidates a MinHashLSH index over all `signatures` (datasketch, `bands`) would
    return for it, itself included, found by comparing the signatures band by band (the stored ones need
    no index rebuilt per build)."""
    keys = [k for k, hv in signatures.items() if hv is not None]
    todo = [k for k in dict.fromkeys(new) if signatures.get(k) is not None]
    if not keys or not todo:
        return {}
    b, r = bands(threshold)
    sig = np.stack([np.asarray(signatures[k], dtype=np.uint64) for k in keys])[:, : b * r]
    pos = {k: i for i, k in enumerate(keys)}
    if len(todo) <= _FEW:
        out = {}
        for k in todo:
            hit = (sig == sig[pos[k]]).reshape(len(keys), b, r).all(axis=2).any(axis=1)
            out[k] = [keys[i] for i in np.flatnonzero(hit)]
        return out
    tables: list[dict[bytes, list[int]]] = [{} for _ in range(b)]
    for i in range(b):
        for j, row in enumerate(sig[:, i * r:(i + 1) * r]):
            tables[i].setdefault(row.tobytes(), []).append(j)
    return {k: [keys[j] for j in sorted({j for i in range(b)
                                          for j in tables[i][sig[pos[k], i * r:(i + 1) * r].tobytes()]})]
            for k in todo}


def near_pairs(signatures: Mapping[K, np.ndarray | None], new: Iterable[K], shingles_of: Callable[[K], set[str]],
               threshold: float = 0.8) -> set[tuple[K, K]]:
    """The pairs (a < b) with one of `new` in them whose shingle sets' Jaccard is >= threshold: the
    candidates of an LSH index over all `signatures` (`candidates`), each checked exactly."""
    _check(threshold)
    # LSH at a somewhat lower threshold: MinHash estimates vary, the exact check decides
    out: set[tuple[K, K]] = set()
    checked: set[tuple[K, K]] = set()
    for k, found in candidates(signatures, new, max(0.05, threshold - 0.15)).items():
        for j in found:
            pair = (k, j) if k < j else (j, k)
            if j == k or pair in checked:
                continue
            checked.add(pair)
            if jaccard(shingles_of(k), shingles_of(j)) >= threshold:
                out.add(pair)
    return out


def originals(order: Sequence[K], pairs: Iterable[tuple[K, K]]) -> dict[K, K | None]:
    """Each key's original: the first of its cluster (pairs closed transitively) in `order`; None for that one."""
    pos = {k: i for i, k in enumerate(order)}
    parent = list(range(len(order)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        if a in pos and b in pos:
            ra, rb = find(pos[a]), find(pos[b])
            parent[max(ra, rb)] = min(ra, rb)       # the earlier article stays the root
    out: dict[K, K | None] = {}
    for i, k in enumerate(order):
        root = find(i)
        out[k] = order[root] if root != i else None
    return out


def mark_duplicates(articles: list[Article], threshold: float = 0.8) -> None:
    """Set `duplicate_of` for near-copies (Jaccard of word 3-shingles >= threshold) of earlier articles."""
    _check(threshold)
    sets = [shingle_set(a) for a in articles]
    sigs = {i: _signature(s) for i, s in enumerate(sets)}      # of the sets above, not shingled again
    found = originals(range(len(articles)), near_pairs(sigs, sigs, sets.__getitem__, threshold))
    for i, a in enumerate(articles):
        root = found[i]
        a.duplicate_of = articles[root].id if root is not None else None


def clusters(articles: Sequence[Article]) -> list[list[str]]:
    """Groups of ids (original first) after `mark_duplicates`; singletons left out."""
    groups: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of:
            groups.setdefault(a.duplicate_of, [a.duplicate_of]).append(a.id)
    return list(groups.values())
