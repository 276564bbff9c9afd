"""Which stored article an incoming one is: identity is origin and content, not the bare name.

    ids = Identities(store.article_state())
    old = ids.claim(article)     # the stored row it replaces (article.id set to that row's id), or None

The rule, in order:

1. Same origin as a stored article (the same file rebuilt, the same URL, the same
   upload name): it is that article; a changed content replaces it, keeping its id.
2. Same id and same content as a stored article from elsewhere (a file moved or
   copied): it is that article too (nothing to re-analyse).
3. Otherwise it is a new article. If its id is taken (by a stored article or by an
   earlier one in this batch, from another origin), it gets a free one: the folder
   and the name ("outB/index.txt"), then "~2", "~3" ... So two different files of
   the same name in different folders are two articles; nothing is replaced silently.

An article's origin is `Article.origin` (readers: the absolute path, plus '#id' or
':line' for a record of a JSON/JSONL file; a URL for web inputs; 'upload:NAME'),
else its source_path, else 'id:' + its id. Rows of dossiers built before origins
existed get one on opening (`legacy_origin`, see sqlite.Store).
"""
from __future__ import annotations

import os
from pathlib import PurePath
from typing import Any

from ..model import Article


def origin_of(article: Article) -> str:
    return article.origin or article.source_path or f"id:{article.id}"


def legacy_origin(article_id: str, source_path: str | None, cwd: str | None = None) -> str:
    """The origin a row stored without one would have got: its file's absolute path (relative source
    paths taken from `cwd`, where such builds ran), '#id' / ':line' for a record; else what is known."""
    if not source_path:
        return f"id:{article_id}"
    if ":" in source_path.split("/")[0] and not os.path.isabs(source_path):  # "upload:name", "https://..."
        return source_path
    path = os.path.normpath(os.path.join(cwd or os.getcwd(), source_path))
    name = PurePath(source_path).name
    if article_id == name:
        return path
    if article_id.startswith(name + ":") and article_id[len(name) + 1:].isdigit():
        return f"{path}:{article_id[len(name) + 1:]}"
    if article_id.endswith("/" + name):   # a file renamed for a clash in its batch ("y/meldung.txt")
        return path
    return f"{path}#{article_id}"


class Identities:
    """Assigns incoming articles to stored ones (or fresh ids) by the rule above, batch by batch."""

    def __init__(self, state: dict[str, dict[str, Any]]):
        self.state = state
        self.by_origin = {s.get("origin"): aid for aid, s in state.items() if s.get("origin")}
        self.taken: dict[str, str] = {}      # id -> origin, for this batch

    def claim(self, article: Article) -> dict[str, Any] | None:
        """Set the article's origin and final id; return the stored state it replaces (or None: new)."""
        origin = article.origin = origin_of(article)
        aid = self.by_origin.get(origin)
        if aid is not None and aid not in self.taken:                                     # 1. same origin
            article.id = aid
            self.taken[aid] = origin
            return self.state[aid]
        old = self.state.get(article.id)
        if (old is not None and article.id not in self.taken and old.get("content_hash")
                and old.get("content_hash") == article.content_hash):                     # 2. same content
            self.taken[article.id] = origin
            return old
        if article.id in self.state or article.id in self.taken:                          # 3. new, id taken
            article.warnings.append(f"id {article.id!r} is another article's (from "
                                    f"{self._where(article.id)}); this one is {self._fresh(article)!r}")
            article.id = self._fresh(article)
        self.taken[article.id] = origin
        return None

    def _where(self, aid: str) -> str:
        s = self.state.get(aid)
        return (s.get("source_path") or s.get("origin") or "the dossier") if s else self.taken.get(aid, "this batch")

    def _fresh(self, article: Article) -> str:
        base = article.id
        parent = PurePath(article.source_path).parent.name if article.source_path else ""
        if parent and "/" not in base and article.source_path and PurePath(article.source_path).name == base:
            base = f"{parent}/{base}"
        cand, k = base, 1
        while cand in self.state or cand in self.taken:
            k += 1
            cand = f"{base}~{k}"
        return cand
