"""The dossier store: one embedded SQLite file (stdlib sqlite3, WAL, foreign keys on).

The store keeps; it does not compute. It holds two kinds of rows:

* per article, what the analysis extracted from it: the article itself, its
  sentences, claims, time expressions, entity mentions and extracted events.
  Replacing an article replaces all of these in one transaction (ON DELETE
  CASCADE), so a changed file never leaves stale rows behind.
* across articles, what consolidation derived from all of them: claim groups,
  entities and merged events. These are replaced wholesale after every build.

Scalar fields of the model get columns; nested fields (sources, measure, time,
place, evidence, ...) are stored as JSON text and rebuilt into model types on
reading. FTS5 indexes article text and sentences for `search`.

A dossier that cannot be written (mode 444, another user's, a read-only disk)
opens for reading with `Store(path, readonly=True)`: SQLite's `mode=ro`, and
where that cannot work (WAL without a writable -shm) `immutable=1`.
"""
from __future__ import annotations

import dataclasses
import errno
import functools
import json
import re
import sqlite3
import time
import types
import typing
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..model import (
    Article,
    ArticleError,
    Claim,
    ClaimGroup,
    Entity,
    Event,
    Mention,
    OffsetMap,
    Sentence,
    Story,
    TimeExpression,
)

SCHEMA_VERSION = 1

# Column order of each model table; every dataclass field must have a column
# (tests/test_store.py checks it, so a field added to model.py cannot be lost silently).
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS builds (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    components TEXT,            -- JSON list
    fingerprint TEXT,
    inputs TEXT,                -- JSON list of paths
    processed INTEGER DEFAULT 0,
    unchanged INTEGER DEFAULT 0,
    failed INTEGER DEFAULT 0,
    notes TEXT                  -- JSON list of warnings
);
CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY,      -- stable rowid for the external-content FTS index
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    raw_text TEXT,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    published_precision TEXT,
    published_basis TEXT,
    language TEXT,
    agencies TEXT,              -- JSON list
    source_path TEXT,
    content_hash TEXT,
    offset_map TEXT,            -- JSON
    warnings TEXT,              -- JSON list
    duplicate_of TEXT,
    passage_dates TEXT,         -- JSON list: video teasers with their own date
    origin TEXT,                -- where it came from: with the content its identity (store/identity.py)
    analysed_with TEXT,         -- JSON {"components": [...], "fingerprint": "..."}
    build_id INTEGER,
    stored_at TEXT
);
CREATE TABLE IF NOT EXISTS sentences (
    n INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    "index" INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article, "index")
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    sentence TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    low REAL,
    high REAL,
    qualifier TEXT,
    counted TEXT,
    source TEXT,
    hedged INTEGER,
    "group" TEXT,               -- set by the cross-article grouping
    sources TEXT,               -- JSON list of Source
    stance TEXT,
    measure TEXT,               -- JSON Measure
    time TEXT,                  -- JSON TimeValue
    sentence_index INTEGER,
    raw_start INTEGER,
    raw_end INTEGER,
    unit TEXT,
    measure_key TEXT,
    determiner TEXT,
    changed_to INTEGER
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);
CREATE INDEX IF NOT EXISTS claims_group ON claims("group");
CREATE TABLE IF NOT EXISTS claim_groups (
    id TEXT PRIMARY KEY,
    measure TEXT,               -- JSON Measure
    members TEXT,               -- JSON list of claim ids (as given by consolidation)
    low REAL,
    best REAL,
    high REAL,
    rule TEXT,
    n_sources INTEGER,
    status TEXT,
    explanation TEXT,
    label TEXT,
    position INTEGER            -- consolidation's order
);
CREATE TABLE IF NOT EXISTS group_members (
    "group" TEXT NOT NULL REFERENCES claim_groups(id) ON DELETE CASCADE,
    claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY ("group", claim)
);
CREATE INDEX IF NOT EXISTS group_members_claim ON group_members(claim);
CREATE TABLE IF NOT EXISTS times (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    type TEXT,
    value TEXT,
    precision TEXT,
    mod TEXT,
    anchored INTEGER,
    PRIMARY KEY (article, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text TEXT,
    label TEXT,
    country TEXT,
    ref TEXT,
    entity TEXT,                -- set by the cross-article entity resolution
    PRIMARY KEY (article, idx)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT,
    aliases TEXT,               -- JSON list
    lat REAL,
    lon REAL,
    country TEXT,
    wikidata TEXT,
    position INTEGER
);
CREATE TABLE IF NOT EXISTS extracted_events (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    data TEXT NOT NULL,         -- JSON Event as the extractor made it, before merging
    PRIMARY KEY (article, idx)
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    type TEXT,
    acled_type TEXT,
    mode TEXT,
    actor TEXT,
    target TEXT,
    place TEXT,                 -- JSON Place
    time TEXT,                  -- JSON TimeValue
    status TEXT,
    figures TEXT,               -- JSON list of claim ids
    sources TEXT,               -- JSON list
    articles TEXT,              -- JSON list of article ids
    evidence TEXT,              -- JSON list of Span
    trigger TEXT,
    place_name TEXT,            -- denormalised for queries and exports
    lat REAL,
    lon REAL,
    time_value TEXT,
    position INTEGER
);
CREATE TABLE IF NOT EXISTS event_articles (
    event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (event, article)
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    start TEXT,                 -- ISO date of its earliest article
    "end" TEXT,
    articles TEXT,              -- JSON list of article ids, in the order they joined
    event TEXT,
    place TEXT,
    keywords TEXT,              -- JSON list
    position INTEGER            -- consolidation's order
);
CREATE TABLE IF NOT EXISTS story_articles (
    story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (story, article)
);
CREATE INDEX IF NOT EXISTS story_articles_article ON story_articles(article);
CREATE TABLE IF NOT EXISTS story_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL          -- JSON: what places a new article in a story (consolidate.stories.StoryIndex)
);
CREATE TABLE IF NOT EXISTS story_clusters (
    id TEXT PRIMARY KEY,        -- the index's stories, each in a row of its own (JSON), so that a build
    position INTEGER NOT NULL,  -- writes only those it changed; in the index's order
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS signatures (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB                -- consolidate.duplicates.signature as little-endian uint64; NULL: too short
);
CREATE TABLE IF NOT EXISTS near_copies (
    a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (a, b)
);
CREATE TABLE IF NOT EXISTS entity_keys (
    key TEXT PRIMARY KEY,       -- consolidate.entities.mention_keys, "e:<entity id>": what a new mention is
    part INTEGER NOT NULL       -- resolved against; mentions sharing a key are of one part
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_keys_part ON entity_keys(part);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    build_id INTEGER,
    at TEXT NOT NULL,
    article TEXT NOT NULL,
    problem TEXT NOT NULL,
    skipped TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='n',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content='sentences', content_rowid='n',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.n, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.n, old.text);
END;
"""

# Table -> the model type whose fields it holds (plus extra columns of ours).
MODEL_TABLES: dict[str, type] = {
    "articles": Article,
    "sentences": Sentence,
    "claims": Claim,
    "claim_groups": ClaimGroup,
    "times": TimeExpression,
    "mentions": Mention,
    "entities": Entity,
    "events": Event,
    "stories": Story,
}
# Columns added after schema version 1 was released: a dossier without them gets them on open.
ADDED_COLUMNS: list[tuple[str, str, str]] = [("articles", "passage_dates", "TEXT"), ("articles", "origin", "TEXT"),
                                              ("claims", "determiner", "TEXT"), ("claims", "changed_to", "INTEGER")]
# Tables added after schema version 1 was released: a dossier without them gets them on open (empty;
# the next build fills them).
ADDED_TABLES = ("stories", "story_articles", "story_index", "signatures", "near_copies", "entity_keys",
                "story_clusters")
# A stored story index whose stories are in story_clusters (one row each) says so with this key; it holds
# the index's "version" too, so that an older lagebild (whose index is one JSON row) finds no version of
# its own there and clusters all articles anew, instead of failing on the missing stories at every build.
_CLUSTERS_IN_ROWS = "clusters_in_rows"
# Fields not kept as a column of their own table (held elsewhere).
DERIVED_FIELDS = {("entities", "mentions")}  # from mentions.entity


def _statements(tables: Sequence[str]) -> str:
    """The CREATE statements of SCHEMA that make these tables (and their indexes)."""
    out = []
    for stmt in SCHEMA.split(";\n"):
        m = re.search(r"CREATE (?:TABLE|INDEX) IF NOT EXISTS \w+(?: ON (\w+))?", stmt)
        name = re.search(r"CREATE TABLE IF NOT EXISTS (\w+)", stmt)
        if (name and name.group(1) in tables) or (m and m.group(1) in tables):
            out.append(stmt.strip() + ";\n")
    return "".join(out)


class StoreError(Exception):
    """The dossier file cannot be used: missing, not a dossier, other schema, locked, disk full."""


class SearchError(ValueError):
    """A search the store will not run: too many terms, too long, over its time limit."""


# Search bounds: a query of more terms or characters is refused, one running longer is interrupted.
MAX_QUERY_TERMS = 64
MAX_QUERY_CHARS = 2000
SEARCH_SECONDS = 2.0
PROGRESS_OPS = 1000     # SQLite virtual-machine steps between two looks at the clock


def is_disk_full(e: BaseException) -> bool:
    """Whether an error means the disk (or quota) is full: then no later write can succeed either."""
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(e, sqlite3.Error) and ("disk is full" in str(e) or "disk I/O error" in str(e))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- model <-> row --------------------------------------------------------------------------

def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in order (asked once per class: rows are encoded by the hundred thousand)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _cell(value: Any) -> Any:
    """A Python value as an SQLite cell: nested values become JSON text."""
    if value is None or isinstance(value, (str, int, float)):
        return int(value) if isinstance(value, bool) else value
    return json.dumps(_plain(value), ensure_ascii=False)


def encode(obj: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A model dataclass as a row dict (column -> cell)."""
    skip = set(skip)
    return {name: _cell(getattr(obj, name)) for name in _field_names(type(obj)) if name not in skip}


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _build(tp: Any, value: Any) -> Any:
    """Rebuild a JSON-decoded value into the annotated model type (tolerant of schema drift)."""
    return None if value is None else _builder(tp)(value)


@functools.lru_cache(maxsize=None)
def _builder(tp: Any) -> Any:
    """The function that rebuilds a (non-None) value of type `tp`: worked out once per type, since
    reading a dossier rebuilds hundreds of thousands of rows."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1 or _builder(args[0]) is _same:
            return _same
        return lambda v, b=_builder(args[0]): None if v is None else b(v)
    if origin is list:
        (arg,) = typing.get_args(tp) or (Any,)
        inner = _builder(arg)
        if inner is _same:      # a JSON list of plain values is what it is
            return _same
        return lambda v: [None if x is None else inner(x) for x in v]
    if origin is tuple:
        return tuple
    if tp is OffsetMap:
        return lambda v: OffsetMap([tuple(s) for s in v.get("segments", [])])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda v: make(tp, v) if isinstance(v, dict) else v
    if tp is bool:
        return bool
    return _same


def _same(value: Any) -> Any:
    return value


def make(cls: type, data: dict[str, Any]) -> Any:
    """A model dataclass from a dict; unknown keys are ignored, missing ones take defaults."""
    kw = {}
    for name, nested, build in _plan(cls):
        if name in data:
            v = data[name]
            if nested and isinstance(v, str):
                v = json.loads(v)
            kw[name] = v if v is None or build is _same else build(v)
    return cls(**kw)


@functools.lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[tuple[str, bool, Any], ...]:
    """Per field of a model class: its name, whether it is stored as JSON text, its rebuilder."""
    hints = _hints(cls)
    return tuple((f.name, _is_nested(hints[f.name]), _builder(hints[f.name])) for f in dataclasses.fields(cls))


def _is_nested(tp: Any) -> bool:
    """Whether a field is stored as JSON text."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_is_nested(a) for a in typing.get_args(tp) if a is not type(None))
    return origin in (list, dict, tuple) or (dataclasses.is_dataclass(tp))


def _row_dict(row: sqlite3.Row) -> dict[str, Any]:
    return dict(zip(row.keys(), row))


# --- the store ------------------------------------------------------------------------------

class Store:
    """One dossier file. Use as a context manager; writes go through `transaction()`.

    `Store(path)` opens an existing dossier (a missing file is an error: there
    is nothing to read); `Store(path, create=True)` makes one when missing.
    One connection per Store object; open one per thread or request.
    """

    def __init__(self, path: str | Path, *, create: bool = False, readonly: bool = False):
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise StoreError(f"no dossier at {self.path}: build one with `lagebild build PATH... --db {self.path}`")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.readonly = readonly
        self.immutable = False
        self._clusters_read: dict[str, tuple[str, Any]] = {}     # story_index's stories as read (raw, parsed)
        if readonly:
            self.db = self._connect_readonly()
        else:
            self.db = self._connect("rwc")
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._init_schema(create)
        except sqlite3.OperationalError as e:
            self.db.close()
            if "readonly" in str(e) or "read-only" in str(e):
                raise StoreError(f"{self.path} cannot be written ({e}); reading commands (search, report, "
                                 "serve without --token) open it read-only") from e
            if "locked" in str(e) or "busy" in str(e):
                raise StoreError(f"{self.path} is locked by another process ({e}); try again") from e
            raise StoreError(f"{self.path} is not a lagebild dossier: {e}") from e
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise StoreError(f"{self.path} is not a lagebild dossier: {e}") from e

    def _connect(self, mode: str, extra: str = "") -> sqlite3.Connection:
        # a URI, for mode=ro; the path percent-encoded so that '?', '#' and '%' in names stay names
        uri = f"file:{quote(str(self.path.resolve()))}?mode={mode}{extra}"
        try:
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open {self.path}: {e}") from e
        db.row_factory = sqlite3.Row
        return db

    def _connect_readonly(self) -> sqlite3.Connection:
        """mode=ro; where SQLite cannot read that way (a WAL dossier in a folder we may not write, no -shm
        file), immutable=1: the file is read as it is, without locks (nobody can be writing it then)."""
        db = self._connect("ro")
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            db.close()
        self.immutable = True
        db = self._connect("ro", "&immutable=1")
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as e:
            db.close()
            raise StoreError(f"cannot read {self.path}: {e}") from e
        return db

    def _init_schema(self, create: bool) -> None:
        has_meta = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if has_meta:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else None
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has dossier schema version {version}; this lagebild reads version "
                    f"{SCHEMA_VERSION}. Rebuild it: `lagebild build PATH... --db NEW.db`")
            if not self.readonly:
                self._migrate()
            return
        tables = self.db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if tables and not create:
            raise StoreError(f"{self.path} is an SQLite file but not a lagebild dossier")
        if tables:
            raise StoreError(f"{self.path} is an SQLite file of something else; refusing to write into it")
        if self.readonly:
            raise StoreError(f"{self.path} is empty, not a lagebild dossier")
        from .. import __version__

        meta = [("schema_version", str(SCHEMA_VERSION)), ("created", now()), ("lagebild", __version__)]
        inserts = "".join(f"INSERT INTO meta(key, value) VALUES ('{k}', '{v}');\n" for k, v in meta)
        # executescript commits by itself, so the whole schema goes in one explicit transaction.
        self.db.executescript("BEGIN;\n" + SCHEMA + inserts + "COMMIT;")

    def _migrate(self) -> None:
        """Columns added since schema version 1; rows stored before origins existed get theirs."""
        added = []
        for table, column, kind in ADDED_COLUMNS:
            if column not in self.columns(table):
                self.db.execute(f"ALTER TABLE {_q(table)} ADD COLUMN {_q(column)} {kind}")
                added.append(column)
        self.db.execute("CREATE INDEX IF NOT EXISTS articles_origin ON articles(origin)")
        if any(not self.columns(t) for t in ADDED_TABLES):
            self.db.executescript("BEGIN;\n" + _statements(ADDED_TABLES) + "COMMIT;")
        legacy = self.db.execute("SELECT id, source_path FROM articles WHERE origin IS NULL").fetchall()
        if legacy:
            from .identity import legacy_origin

            with self.transaction():
                self.db.executemany("UPDATE articles SET origin=? WHERE id=?",
                                    [(legacy_origin(r["id"], r["source_path"]), r["id"]) for r in legacy])

    # -- plumbing --

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: commits on success, rolls back on any exception.

        Nested in another one it is a savepoint: its failure undoes its own writes only, and
        nothing is visible to readers before the outer one commits."""
        if self.db.in_transaction:
            self._savepoints = getattr(self, "_savepoints", 0) + 1
            name = f"sp{self._savepoints}"
            self.db.execute(f"SAVEPOINT {name}")
            try:
                yield self.db
            except BaseException:
                if self.db.in_transaction:
                    try:
                        self.db.execute(f"ROLLBACK TO {name}")
                        self.db.execute(f"RELEASE {name}")
                    except sqlite3.Error:
                        pass
                raise
            finally:
                self._savepoints -= 1
            self.db.execute(f"RELEASE {name}")
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.db.in_transaction:   # SQLite may have rolled back by itself (disk full, I/O error)
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
        self.db.execute("COMMIT")

    def _insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(map(_q, cols))}) VALUES ({', '.join('?' * len(cols))})"
        self.db.executemany(sql, [tuple(r[c] for c in cols) for r in rows])

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.db.execute(f"PRAGMA table_info({_q(table)})")]

    # -- meta --

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.db.execute("SELECT key, value FROM meta")}

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- builds and errors --

    def start_build(self, inputs: Sequence[str], components: Sequence[str], fingerprint: str) -> int:
        with self.transaction():
            cur = self.db.execute(
                "INSERT INTO builds(started, components, fingerprint, inputs) VALUES (?, ?, ?, ?)",
                (now(), json.dumps(list(components)), fingerprint, json.dumps([str(p) for p in inputs])),
            )
        if cur.lastrowid is None:
            raise RuntimeError("the store recorded no build row")
        return cur.lastrowid

    def finish_build(self, build_id: int, *, processed: int, unchanged: int, failed: int, notes: Sequence[str]) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE builds SET finished=?, processed=?, unchanged=?, failed=?, notes=? WHERE id=?",
                (now(), processed, unchanged, failed, json.dumps(list(notes), ensure_ascii=False), build_id),
            )

    def builds(self) -> list[dict[str, Any]]:
        out = []
        for r in self.db.execute("SELECT * FROM builds ORDER BY id"):
            d = _row_dict(r)
            for k in ("components", "inputs", "notes"):
                d[k] = json.loads(d[k]) if d[k] else []
            out.append(d)
        return out

    def add_errors(self, errors: Iterable[ArticleError], build_id: int | None = None) -> None:
        rows = [{"build_id": build_id, "at": now(), "article": e.article, "problem": e.problem, "skipped": e.skipped}
                for e in errors]
        with self.transaction():
            self._insert("errors", rows)

    def errors(self, build_id: int | None = None) -> list[dict[str, Any]]:
        if build_id is None:
            rows = self.db.execute("SELECT * FROM errors ORDER BY id")
        else:
            rows = self.db.execute("SELECT * FROM errors WHERE build_id=? ORDER BY id", (build_id,))
        return [_row_dict(r) for r in rows]

    # -- per-article rows --

    def article_state(self) -> dict[str, dict[str, Any]]:
        """id -> content_hash, source_path, origin and what the stored analysis was made with."""
        out = {}
        for r in self.db.execute("SELECT id, content_hash, source_path, origin, analysed_with FROM articles"):
            out[r["id"]] = {
                "content_hash": r["content_hash"],
                "source_path": r["source_path"],
                "origin": r["origin"],
                "analysed_with": json.loads(r["analysed_with"]) if r["analysed_with"] else {},
            }
        return out

    def replace_article(
        self,
        article: Article,
        *,
        sentences: Sequence[Sentence] = (),
        claims: Sequence[Claim] = (),
        times: Sequence[TimeExpression] = (),
        mentions: Sequence[Mention] = (),
        events: Sequence[Event] = (),
        analysed_with: dict[str, Any] | None = None,
        build_id: int | None = None,
    ) -> None:
        """Store one article and what was extracted from it, replacing any earlier version, atomically."""
        with self.transaction():
            if self.db.execute("DELETE FROM articles WHERE id=?", (article.id,)).rowcount:  # cascades to its rows
                self._drop_entity_index()     # its mentions' parts are gone: the next resolution is over all
            row = encode(article)
            row.update(analysed_with=json.dumps(analysed_with or {}), build_id=build_id, stored_at=now())
            self._insert("articles", [row])
            self._insert("sentences", [encode(s) for s in sentences])
            claim_rows = []
            for c in claims:
                r = encode(c)
                r["measure_key"] = c.measure.key() if c.measure else None
                claim_rows.append(r)
            self._insert("claims", claim_rows)
            self._insert("times", [dict(encode(t, skip={"article"}), article=article.id, idx=i)
                                   for i, t in enumerate(times)])
            self._insert("mentions", [dict(encode(m, skip={"article"}), article=article.id, idx=i, entity=None)
                                      for i, m in enumerate(mentions)])
            self._insert("extracted_events", [
                {"article": article.id, "idx": i, "data": json.dumps(_plain(e), ensure_ascii=False)}
                for i, e in enumerate(events)])

    def delete_article(self, article_id: str) -> bool:
        with self.transaction():
            cur = self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))
            if cur.rowcount:
                self._drop_entity_index()
        return cur.rowcount > 0

    def set_claim_sources(self, claims: Sequence[Claim]) -> None:
        """Store the (entity-linked) sources of these claims."""
        with self.transaction():
            self.db.executemany("UPDATE claims SET sources=? WHERE id=?",
                                [(json.dumps([dataclasses.asdict(s) for s in c.sources], ensure_ascii=False), c.id)
                                 for c in claims])

    def set_duplicates(self, duplicate_of: dict[str, str | None]) -> None:
        with self.transaction():
            self.db.executemany("UPDATE articles SET duplicate_of=? WHERE id=?",
                                [(v, k) for k, v in duplicate_of.items()])

    # -- reading per-article rows --

    def articles(self, *, text: bool = True) -> list[Article]:
        """All articles, oldest publication first (undated last)."""
        cols = "*" if text else ", ".join(
            _q(c) for c in self.columns("articles") if c not in ("text", "raw_text", "offset_map"))
        rows = self.db.execute(
            f"SELECT {cols} FROM articles ORDER BY published IS NULL, published, id")
        out = []
        for r in rows:
            d = _row_dict(r)
            d.setdefault("text", "")
            out.append(make(Article, d))
        return out

    def article(self, article_id: str) -> Article | None:
        r = self.db.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return make(Article, _row_dict(r)) if r else None

    def sentences(self, article: str | None = None) -> list[Sentence]:
        sql, args = 'SELECT * FROM sentences', tuple[str, ...]()
        if article is not None:
            sql, args = sql + " WHERE article=?", (article,)
        rows = self.db.execute(sql + ' ORDER BY article, "index"', args)
        return [make(Sentence, _row_dict(r)) for r in rows]

    def claims(self, article: str | None = None) -> list[Claim]:
        sql, args = "SELECT * FROM claims", tuple[str, ...]()
        if article is not None:
            sql, args = sql + " WHERE article=?", (article,)
        rows = self.db.execute(sql + " ORDER BY article, start, id", args)
        return [make(Claim, _row_dict(r)) for r in rows]

    def claim_links(self) -> list[tuple[str, str, str | None]]:
        """(id, article, group) of each claim."""
        return [(r[0], r[1], r[2]) for r in self.db.execute('SELECT id, article, "group" FROM claims')]

    def _wanted(self, articles: Iterable[str]) -> str:
        """The article ids in a temporary table; the SQL that selects them."""
        with self.transaction():
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_articles (id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM wanted_articles")
            self.db.executemany("INSERT OR IGNORE INTO wanted_articles(id) VALUES (?)", [(a,) for a in articles])
        return "SELECT id FROM wanted_articles"

    def claims_of(self, articles: Collection[str], *, sourced: bool = False) -> list[Claim]:
        """The claims of these articles (and, `sourced`, every claim that names a source), in `claims()` order."""
        where = f"article IN ({self._wanted(articles)})" + (" OR sources != '[]'" if sourced else "")
        rows = self.db.execute(f"SELECT * FROM claims WHERE {where} ORDER BY article, start, id")
        return [make(Claim, _row_dict(r)) for r in rows]

    def articles_of(self, articles: Iterable[str]) -> list[Article]:
        """These articles, in `articles()` order."""
        rows = self.db.execute(f"SELECT * FROM articles WHERE id IN ({self._wanted(articles)}) "
                               "ORDER BY published IS NULL, published, id")
        return [make(Article, _row_dict(r)) for r in rows]

    def times_of(self, articles: Iterable[str]) -> list[TimeExpression]:
        """The time expressions of these articles, in `times()` order."""
        rows = self.db.execute(f"SELECT * FROM times WHERE article IN ({self._wanted(articles)}) ORDER BY article, idx")
        return [make(TimeExpression, _row_dict(r)) for r in rows]

    def times(self, article: str | None = None) -> list[TimeExpression]:
        sql, args = "SELECT * FROM times", tuple[str, ...]()
        if article is not None:
            sql, args = sql + " WHERE article=?", (article,)
        return [make(TimeExpression, _row_dict(r)) for r in self.db.execute(sql + " ORDER BY article, idx", args)]

    def mentions(self, article: str | None = None) -> list[Mention]:
        sql, args = "SELECT * FROM mentions", tuple[str, ...]()
        if article is not None:
            sql, args = sql + " WHERE article=?", (article,)
        return self._flat(Mention, sql + " ORDER BY article, idx", args)

    def _flat(self, cls: type, sql: str, args: tuple[str, ...]) -> list[Any]:
        """The rows of `sql` ("SELECT * ...") as `cls`; a class of plain fields only (no JSON) is made from
        its columns directly, which is several times faster than `make` (a dossier holds ~25 mentions an article)."""
        plan = _plan(cls)
        if any(nested or build is not _same for _, nested, build in plan):
            return [make(cls, _row_dict(r)) for r in self.db.execute(sql, args)]
        cols = ", ".join(_q(name) for name, _, _ in plan)
        return [cls(*r) for r in self.db.execute(sql.replace("SELECT *", f"SELECT {cols}", 1), args)]

    def extracted_events(self) -> list[Event]:
        rows = self.db.execute("SELECT data FROM extracted_events ORDER BY article, idx")
        return [make(Event, json.loads(r["data"])) for r in rows]

    def extracted_events_of(self, articles: Iterable[str]) -> list[Event]:
        """The extracted events of these articles, in `extracted_events()` order."""
        rows = self.db.execute(f"SELECT data FROM extracted_events WHERE article IN ({self._wanted(articles)}) "
                               "ORDER BY article, idx")
        return [make(Event, json.loads(r["data"])) for r in rows]

    # -- cross-article rows (replaced wholesale by each build) --

    def replace_groups(self, groups: Sequence[ClaimGroup], kept: Collection[str] = ()) -> None:
        """The claim groups over all stored claims; claims not in any group get group NULL. `kept`: ids of
        groups given as they are stored (read back and kept by an incremental build): only moved, not rewritten."""
        was = {r[0]: r[1] for r in self.db.execute('SELECT id, "group" FROM claims')}
        with self.transaction():
            new = self._replace_kept("claim_groups", groups, kept)
            self._insert("claim_groups", [dict(encode(g), position=i) for i, g in new])
            self.db.executemany('INSERT OR IGNORE INTO group_members("group", claim) VALUES (?, ?)',
                                [(g.id, m) for _, g in new for m in dict.fromkeys(g.members) if m in was])
            members = [(g.id, m) for g in groups for m in dict.fromkeys(g.members) if m in was]
            group_of: dict[str, str | None] = dict.fromkeys(was)
            group_of.update((m, g) for g, m in members)      # a claim in two groups: the last one's
            # only the claims whose group changed are written (a build that adds a few articles changes few)
            self.db.executemany('UPDATE claims SET "group"=? WHERE id=?',
                                [(g, c) for c, g in group_of.items() if was[c] != g])

    def groups(self) -> list[ClaimGroup]:
        return [make(ClaimGroup, _row_dict(r))
                for r in self.db.execute("SELECT * FROM claim_groups ORDER BY position, id")]

    def replace_entities(self, entities: Sequence[Entity]) -> None:
        """The resolved entities; their mentions are linked by (article, start, end)."""
        entity_of = {(m.article, m.start, m.end): e.id for e in entities for m in e.mentions}   # the last one's
        rows = self.db.execute('SELECT article, idx, start, "end", entity FROM mentions').fetchall()
        with self.transaction():
            self.db.execute("DELETE FROM entities")
            self._insert("entities", [dict(encode(e, skip={"mentions"}), position=i) for i, e in enumerate(entities)])
            # only the mentions whose entity changed are written
            self.db.executemany('UPDATE mentions SET entity=? WHERE article=? AND idx=?', [
                (new, r[0], r[1]) for r in rows if (new := entity_of.get((r[0], r[2], r[3]))) != r[4]])

    def replace_entity_part(self, entities: Sequence[Entity], changed: Sequence[Entity], gone: Collection[str],
                            relinked: Sequence[tuple[str, str, int, int]], redone: Collection[int],
                            keys: Mapping[str, int]) -> None:
        """An incremental resolution: `entities` all of them, in order (positions are rewritten where they
        moved); `changed` the entities written again, `gone` ids deleted; `relinked` (entity, article, start,
        end) of the mentions whose entity changed; the keys of the parts `redone` are replaced by `keys`
        (key -> part: the parts of what was resolved again, split where they no longer touch)."""
        with self.transaction():
            self.db.executemany("DELETE FROM entities WHERE id=?", [(i,) for i in {*gone, *(e.id for e in changed)}])
            self._insert("entities", [dict(encode(e, skip={"mentions"}), position=None) for e in changed])
            pos = {r[0]: r[1] for r in self.db.execute("SELECT id, position FROM entities")}
            self.db.executemany("UPDATE entities SET position=? WHERE id=?",
                                [(i, e.id) for i, e in enumerate(entities) if pos.get(e.id, i) != i])
            self.db.executemany('UPDATE mentions SET entity=? WHERE article=? AND start=? AND "end"=?', relinked)
            self.db.executemany("DELETE FROM entity_keys WHERE part=?", [(p,) for p in redone])
            self.db.executemany("INSERT OR REPLACE INTO entity_keys(key, part) VALUES (?, ?)", keys.items())

    def set_entity_index(self, version: str, keys: Mapping[str, int]) -> None:
        """The index of a resolution over all mentions (consolidate.entities.components): each key's part;
        `version` names the code that made it."""
        with self.transaction():
            self.db.execute("DELETE FROM entity_keys")
            self.db.executemany("INSERT INTO entity_keys(key, part) VALUES (?, ?)", keys.items())
            self.set_meta("entity_index", version)

    def _drop_entity_index(self) -> None:
        self.db.execute("DELETE FROM meta WHERE key='entity_index'")

    def entity_index(self) -> str | None:
        """The version of the stored entity index, None when there is none that holds."""
        return self.meta().get("entity_index") if self.columns("entity_keys") else None

    def key_parts(self, keys: Iterable[str]) -> dict[str, int]:
        """key -> its part, for the keys of these that the entity index holds."""
        todo, out = list(keys), dict[str, int]()
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            out.update(self.db.execute(
                f"SELECT key, part FROM entity_keys WHERE key IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return out

    def mention_entities(self) -> list[str | None]:
        """The entity of each mention, in the order of `mentions()`."""
        return [r[0] for r in self.db.execute("SELECT entity FROM mentions ORDER BY article, idx")]

    def entity_parts(self) -> dict[str, int]:
        """entity id -> its part in the entity index."""
        sql = "SELECT key, part FROM entity_keys WHERE key >= 'e:' AND key < 'e;'"
        return {r[0][2:]: r[1] for r in self.db.execute(sql)}

    def next_part(self) -> int:
        """A part number the entity index does not use yet."""
        return int(self.db.execute("SELECT coalesce(max(part), -1) + 1 FROM entity_keys").fetchone()[0])

    def entity_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM entities")}

    def entity_rows(self) -> list[Entity]:
        """The entities in order, without their mentions."""
        return [make(Entity, _row_dict(r)) for r in self.db.execute("SELECT * FROM entities ORDER BY position, id")]

    def entities(self) -> list[Entity]:
        by_entity: dict[str, list[Mention]] = {}
        for r in self.db.execute("SELECT * FROM mentions WHERE entity IS NOT NULL ORDER BY article, idx"):
            by_entity.setdefault(r["entity"], []).append(make(Mention, _row_dict(r)))
        out = []
        for r in self.db.execute("SELECT * FROM entities ORDER BY position, id"):
            e = make(Entity, _row_dict(r))
            e.mentions = by_entity.get(e.id, [])
            out.append(e)
        return out

    def _replace_kept(self, table: str, items: Sequence[Any], kept: Collection[str]) -> list[tuple[int, Any]]:
        """Delete the rows of `table` but those `kept` (moved to their new position); (position, item) of
        the others, to insert."""
        kept = set(kept)
        if not kept:
            self.db.execute(f"DELETE FROM {table}")
            return list(enumerate(items))
        stored = {r[0]: r[1] for r in self.db.execute(f"SELECT id, position FROM {table}")}
        self.db.executemany(f"DELETE FROM {table} WHERE id=?", [(i,) for i in stored if i not in kept])
        self.db.executemany(f"UPDATE {table} SET position=? WHERE id=?",
                            [(i, x.id) for i, x in enumerate(items) if x.id in kept and stored.get(x.id) != i])
        return [(i, x) for i, x in enumerate(items) if x.id not in kept]

    def replace_events(self, events: Sequence[Event], kept: Collection[str] = ()) -> None:
        """The merged events; `kept` as in `replace_groups`."""
        known = {r[0] for r in self.db.execute("SELECT id FROM articles")}
        with self.transaction():
            new = self._replace_kept("events", events, kept)
            events = [e for _, e in new]
            rows = []
            for i, e in new:
                r = encode(e)
                r.update(place_name=e.place.name if e.place else None,
                         lat=e.place.lat if e.place else None, lon=e.place.lon if e.place else None,
                         time_value=e.time.value if e.time else None, position=i)
                rows.append(r)
            self._insert("events", rows)
            self.db.executemany("INSERT OR IGNORE INTO event_articles(event, article) VALUES (?, ?)",
                                [(e.id, a) for e in events for a in dict.fromkeys(e.articles) if a in known])

    def events(self) -> list[Event]:
        return [make(Event, _row_dict(r)) for r in self.db.execute("SELECT * FROM events ORDER BY position, id")]

    def replace_stories(self, stories: Sequence[Story], index: dict[str, Any] | None = None) -> None:
        """The stories over all stored articles, each article linked to its story, and the index
        that places the next new article (consolidate.stories.StoryIndex.to_json()).

        Only what changed is written: a build that adds a few articles to a big dossier changes a few of
        its stories, and each of the others keeps its stored row and links (its position is set where it
        moved); a story that changed is written anew with its links, one no longer given goes with them.
        A kept story whose stored links are not the ones it has (a dossier written otherwise) is linked
        anew, so the tables end as a rewrite of all would leave them."""
        known = {r[0] for r in self.db.execute("SELECT id FROM articles")}
        rows = [dict(encode(s), position=i) for i, s in enumerate(stories)]
        links = {s.id: [a for a in dict.fromkeys(s.articles) if a in known] for s in stories}
        cols = [c for c in rows[0] if c != "position"] if rows else []
        stored = {r["id"]: r for r in self.db.execute("SELECT * FROM stories")}
        linked: dict[str, set[str]] = defaultdict(set)
        for story, article in self.db.execute("SELECT story, article FROM story_articles"):
            linked[story].add(article)
        new, moved = [], []
        for r in rows:
            old = stored.get(r["id"])
            if old is None or any(old[c] != r[c] for c in cols) or linked.get(r["id"], set()) != set(links[r["id"]]):
                new.append(r)
            elif old["position"] != r["position"]:
                moved.append((r["position"], r["id"]))
        gone = [(sid,) for sid in stored.keys() - links.keys()] + [(r["id"],) for r in new if r["id"] in stored]
        with self.transaction():
            self.db.executemany("DELETE FROM story_articles WHERE story = ?", gone)
            self.db.executemany("DELETE FROM stories WHERE id = ?", gone)
            self._insert("stories", new)
            self.db.executemany("UPDATE stories SET position = ? WHERE id = ?", moved)
            self.db.executemany("INSERT OR IGNORE INTO story_articles(story, article) VALUES (?, ?)",
                                [(r["id"], a) for r in new for a in links[r["id"]]])
            self.db.execute("DELETE FROM story_index")
            clusters = index.get("clusters") if index is not None else None
            if index is not None:
                rest = {k: v for k, v in index.items() if k != "clusters"}
                if clusters is not None:
                    rest[_CLUSTERS_IN_ROWS] = {"version": rest.pop("version")} if "version" in rest else {}
                self.db.execute("INSERT INTO story_index(id, data) VALUES (1, ?)",
                                (json.dumps(rest, ensure_ascii=False),))
            self._write_clusters(clusters or [])

    def _write_clusters(self, clusters: Sequence[dict[str, Any]]) -> None:
        """The index's stories into their rows: one as read by `story_index` (its row unchanged since) and
        equal to it keeps its row (its position set where it moved); another is written."""
        read, self._clusters_read = self._clusters_read, {}
        stored = {r[0]: (r[1], r[2]) for r in self.db.execute("SELECT id, position, data FROM story_clusters")}
        write, moved = [], []
        for pos, c in enumerate(clusters):
            old, seen = stored.get(c["id"]), read.get(c["id"])
            if old is not None and seen is not None and seen[0] == old[1] and seen[1] == c:
                if old[0] != pos:
                    moved.append((pos, c["id"]))
            else:
                write.append((c["id"], pos, json.dumps(c, ensure_ascii=False)))
        self.db.executemany("DELETE FROM story_clusters WHERE id = ?",
                            [(cid,) for cid in stored.keys() - {c["id"] for c in clusters}])
        self.db.executemany("INSERT OR REPLACE INTO story_clusters(id, position, data) VALUES (?, ?, ?)", write)
        self.db.executemany("UPDATE story_clusters SET position = ? WHERE id = ?", moved)

    def stories(self) -> list[Story]:
        """The stories, in consolidation's order (oldest first), each with its stored articles."""
        if not self.columns("stories"):  # an older dossier opened read-only: no stories yet
            return []
        return [make(Story, _row_dict(r)) for r in self.db.execute("SELECT * FROM stories ORDER BY position, id")]

    def story_of(self) -> dict[str, str]:
        """article id -> story id."""
        if not self.columns("story_articles"):
            return {}
        return {r["article"]: r["story"] for r in self.db.execute("SELECT story, article FROM story_articles")}

    def story_index(self) -> dict[str, Any] | None:
        """The index `replace_stories` stored (StoryIndex.to_json()), None when none is.

        Its stories are the very objects `replace_stories` compares a later index's stories with, to leave
        the rows of those that did not change: a caller changes copies of them (StoryIndex.from_json makes
        its own), never them in place, or the change is not written."""
        if not self.columns("story_index"):
            return None
        r = self.db.execute("SELECT data FROM story_index WHERE id = 1").fetchone()
        if not r:
            return None
        data = json.loads(r["data"])
        in_rows = data.pop(_CLUSTERS_IN_ROWS, None)
        if in_rows is not None:     # (an older dossier's index holds its stories itself)
            data.update(in_rows)
            rows = self.db.execute("SELECT id, data FROM story_clusters ORDER BY position").fetchall()
            data["clusters"] = [json.loads(raw) for _, raw in rows]
            # what was read, for `replace_stories` to leave the rows of the stories that stay as they were
            self._clusters_read = {cid: (raw, c) for (cid, raw), c in zip(rows, data["clusters"])}
        return data

    # -- what near-duplicate detection keeps between builds (consolidate.duplicates) --

    def signatures(self, version: str) -> dict[str, bytes | None]:
        """article id -> its stored MinHash signature, where made by `version` (else none is)."""
        if not self.columns("signatures") or self.meta().get("duplicates_version") != version:
            return {}
        return {r[0]: r[1] for r in self.db.execute("SELECT article, minhash FROM signatures")}

    def near_copies(self, version: str) -> list[tuple[str, str]]:
        """The stored near-copy pairs, where found by `version`."""
        if not self.columns("near_copies") or self.meta().get("duplicates_version") != version:
            return []
        return [(r[0], r[1]) for r in self.db.execute("SELECT a, b FROM near_copies")]

    def _replace_near_copies(self, version: str, signatures: dict[str, bytes | None],
                             pairs: Iterable[tuple[str, str]]) -> None:
        """Add these signatures (all of them where `version` is new) and replace the pairs."""
        if self.meta().get("duplicates_version") != version:
            self.db.execute("DELETE FROM signatures")
            self.set_meta("duplicates_version", version)
        known = {r[0] for r in self.db.execute("SELECT id FROM articles")}
        self.db.executemany("INSERT OR REPLACE INTO signatures(article, minhash) VALUES (?, ?)",
                            [(k, v) for k, v in signatures.items() if k in known])
        self.db.execute("DELETE FROM near_copies")
        self.db.executemany("INSERT OR IGNORE INTO near_copies(a, b) VALUES (?, ?)",
                            [(a, b) for a, b in pairs if a in known and b in known])

    def replace_cross(
        self,
        *,
        duplicates: dict[str, str | None] | None = None,
        near_copies: tuple[str, dict[str, bytes | None], Iterable[tuple[str, str]]] | None = None,
        groups: Sequence[ClaimGroup] | None = None,
        entities: Sequence[Entity] | None = None,
        sourced: Sequence[Claim] | None = None,
        events: Sequence[Event] | None = None,
        kept_groups: Collection[str] = (),
        kept_events: Collection[str] = (),
        entity_index: tuple[str, Mapping[str, int]] | None = None,
        entity_part: tuple[Sequence[Entity], Collection[str], Sequence[tuple[str, str, int, int]],
                           Collection[int], Mapping[str, int]] | None = None,
    ) -> None:
        """What the cross-article steps derived, in one transaction; a part given as None keeps what is stored.
        `duplicates`: the articles whose duplicate_of changed; `near_copies`: (version, new signatures, all pairs);
        `kept_groups`, `kept_events`: ids of those given as stored (`replace_groups`);
        `entity_index`: with `entities` resolved over all, their index (`set_entity_index`); `entity_part`:
        instead, `entities` resolved again in some parts (`replace_entity_part`: changed, gone, relinked,
        redone parts, their keys' new parts)."""
        with self.transaction():
            if duplicates is not None:
                self.set_duplicates(duplicates)
            if near_copies is not None:
                self._replace_near_copies(*near_copies)
            if groups is not None:
                self.replace_groups(groups, kept_groups)
            if entities is not None and entity_part is not None:
                self.replace_entity_part(entities, *entity_part)
            elif entities is not None:
                self.replace_entities(entities)
                if entity_index is not None:
                    self.set_entity_index(*entity_index)
                else:
                    self._drop_entity_index()
            if sourced is not None:
                self.set_claim_sources(sourced)
            if events is not None:
                self.replace_events(events, kept_events)

    # -- overview --

    def counts(self) -> dict[str, int]:
        tables = ["articles", "sentences", "claims", "claim_groups", "times", "mentions", "entities",
                  "extracted_events", "events", "stories", "errors"]
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables if self.columns(t)}

    # -- search --

    def search(self, query: str, limit: int = 20, *, mark: tuple[str, str] = ("**", "**"), raw: bool = False,
               seconds: float | None = None) -> list[dict[str, Any]]:
        """Full-text search over sentences and article texts (FTS5, BM25-ranked).

        Returns dicts: article, title, outlet, published, sentence (index or None for
        a title/article-level hit), snippet (plain text, matches wrapped in `mark`),
        fragments (list of [text, is_match] pairs, for faces that render their own markup).

        By default the query is words, "quoted phrases" and prefixes (word*), all of which
        must occur; nothing else in it is syntax (`fts_query`). raw=True passes FTS5 syntax
        (AND, OR, NOT, NEAR, columns) as it is; where it is not valid FTS5, its words are
        searched as plain terms. A query of more than MAX_QUERY_TERMS terms or MAX_QUERY_CHARS
        characters raises SearchError, as does one running over `seconds` (SEARCH_SECONDS).
        """
        query, _ = re.subn(r"[\ud800-\udfff]", "\ufffd", query.strip())
        if not query:
            return []
        if len(query) > MAX_QUERY_CHARS:
            raise SearchError(f"the query has {len(query):,} characters; at most {MAX_QUERY_CHARS:,}")
        terms = re.findall(r"\w+", query)
        if len(terms) > MAX_QUERY_TERMS:
            raise SearchError(f"the query has {len(terms):,} terms; at most {MAX_QUERY_TERMS}")
        limit = max(0, min(int(limit), 100_000))
        fts = query if raw else fts_query(query)
        if not fts:
            return []
        with self._deadline(SEARCH_SECONDS if seconds is None else seconds):
            try:
                return self._search(fts, limit, mark)
            except sqlite3.OperationalError as e:
                if "interrupted" in str(e) or not raw or time.monotonic() > self._stop:
                    raise
                if not terms:
                    return []
                return self._search(" ".join(f'"{w}"' for w in terms), limit, mark)

    @contextmanager
    def _deadline(self, seconds: float) -> Iterator[None]:
        """Interrupt the statements run inside after `seconds` (SQLite's progress handler)."""
        stop = self._stop = time.monotonic() + seconds
        self.db.set_progress_handler(lambda: 1 if time.monotonic() > stop else 0, PROGRESS_OPS)
        try:
            yield
        except sqlite3.OperationalError as e:
            # "interrupted", or a step that failed because it was (e.g. "vtable constructor failed")
            if "interrupted" in str(e) or time.monotonic() > stop:
                raise SearchError(f"the search took longer than {seconds:g} s and was stopped; "
                                  "use fewer or rarer terms") from None
            raise
        finally:
            self.db.set_progress_handler(None, 0)

    def _search(self, query: str, limit: int, mark: tuple[str, str]) -> list[dict[str, Any]]:
        # Control characters as markers: they never occur in cleaned article text.
        o, c = "\x02", "\x03"
        hits: list[dict[str, Any]] = []
        seen: set[str] = set()
        rows = self.db.execute(
            f"""SELECT s.article, s."index" AS sentence, a.title, a.outlet, a.published,
                       snippet(sentences_fts, 0, '{o}', '{c}', ' … ', 24) AS snip, bm25(sentences_fts) AS score
                FROM sentences_fts JOIN sentences s ON s.n = sentences_fts.rowid
                JOIN articles a ON a.id = s.article
                WHERE sentences_fts MATCH ? ORDER BY score LIMIT ?""",
            (query, limit),
        ).fetchall()
        for r in rows:
            seen.add(r["article"])
            hits.append(self._hit(r, mark))
        if len(hits) < limit:  # articles matching as a whole (terms spread over sentences, title only)
            rows = self.db.execute(
                f"""SELECT a.id AS article, NULL AS sentence, a.title, a.outlet, a.published,
                           snippet(articles_fts, -1, '{o}', '{c}', ' … ', 24) AS snip, bm25(articles_fts) AS score
                    FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid
                    WHERE articles_fts MATCH ? ORDER BY score LIMIT ?""",
                (query, limit),
            ).fetchall()
            for r in rows:
                if r["article"] not in seen and len(hits) < limit:
                    hits.append(self._hit(r, mark))
        return hits

    @staticmethod
    def _hit(r: sqlite3.Row, mark: tuple[str, str]) -> dict[str, Any]:
        fragments: list[tuple[str, bool]] = []
        for i, part in enumerate(re.split(r"[\x02\x03]", r["snip"] or "")):
            part = re.sub(r"\s+", " ", part)  # one line: paragraph breaks inside a hit say nothing here
            if part:
                fragments.append((part, i % 2 == 1))
        if fragments:
            fragments[0] = (fragments[0][0].lstrip(), fragments[0][1])
            fragments[-1] = (fragments[-1][0].rstrip(), fragments[-1][1])
            fragments = [f for f in fragments if f[0]]
        snippet = "".join(f"{mark[0]}{t}{mark[1]}" if m else t for t, m in fragments)
        return {"article": r["article"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
                "sentence": r["sentence"], "snippet": snippet, "fragments": [[t, m] for t, m in fragments],
                "score": r["score"]}


def fts_query(query: str) -> str:
    """User input as a safe FTS5 query: "phrases" stay phrases, word* a prefix, every other word a
    quoted term ("AND" between terms is what terms do anyway; OR, NOT, NEAR, columns, parentheses and
    stray quotes are only text). '' if no word is left."""
    parts = []
    for m in re.finditer(r'"([^"]*)"|(\S+)', query):
        if m[1] is not None:
            words = re.findall(r"\w+", m[1])
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        tok = m[2]
        if tok == "AND":  # what terms next to each other mean anyway
            continue
        words = re.findall(r"\w+", tok)
        for i, w in enumerate(words):
            prefix = i == len(words) - 1 and tok.endswith("*")
            parts.append(f'"{w}"' + ("*" if prefix else ""))
    return " ".join(parts)
