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
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from ..model import Article

SHINGLE = 3          # words per shingle: 3 survives small edits, still rare across different stories
NUM_PERM = 128
MIN_SHINGLES = 5     # shorter bodies say too little to call them copies


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Word k-grams of the normalised text (NFC, casefolded, punctuation dropped)."""
    toks = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def body(article: Article) -> str:
    """The text without its title line."""
    text = article.text
    if article.title and text.startswith(article.title):
        text = text[len(article.title):]
    return text


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def mark_duplicates(articles: list[Article], threshold: float = 0.8) -> None:
    """Set `duplicate_of` for near-copies (Jaccard of word 3-shingles >= threshold) of earlier articles."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    sets = [shingles(body(a)) for a in articles]
    # a one-line article is all title: then the title is the text
    sets = [s if len(s) >= MIN_SHINGLES else shingles(a.text) for s, a in zip(sets, articles)]
    # LSH at a somewhat lower threshold: MinHash estimates vary, the exact check below decides
    lsh = MinHashLSH(threshold=max(0.05, threshold - 0.15), num_perm=NUM_PERM)
    hashes: list[MinHash | None] = []
    for i, s in enumerate(sets):
        if len(s) < MIN_SHINGLES:
            hashes.append(None)
            continue
        m = MinHash(num_perm=NUM_PERM, seed=1)
        m.update_batch([x.encode("utf-8") for x in s])
        lsh.insert(i, m)
        hashes.append(m)

    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, m in enumerate(hashes):
        if m is None:
            continue
        for j in lsh.query(m):
            if j <= i or find(i) == find(j):
                continue
            if jaccard(sets[i], sets[j]) >= threshold:
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)       # the earlier article stays the root

    for i, a in enumerate(articles):
        root = find(i)
        a.duplicate_of = articles[root].id if root != i else None


def clusters(articles: Sequence[Article]) -> list[list[str]]:
    """Groups of ids (original first) after `mark_duplicates`; singletons left out."""
    groups: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of:
            groups.setdefault(a.duplicate_of, [a.duplicate_of]).append(a.id)
    return list(groups.values())
