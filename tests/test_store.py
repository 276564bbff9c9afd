"""The dossier store: schema covers the model, round trips, atomic replacement, search."""
from __future__ import annotations

import dataclasses
import re
import sqlite3

import pytest

from lagebild.model import (
    Article,
    ArticleError,
    Claim,
    ClaimGroup,
    Entity,
    Event,
    Measure,
    Mention,
    OffsetMap,
    Place,
    Sentence,
    Source,
    Span,
    TimeExpression,
    TimeValue,
)
from lagebild.store.sqlite import ADDED_COLUMNS, DERIVED_FIELDS, MODEL_TABLES, SCHEMA_VERSION, Store, StoreError

TEXT = "Flut in Velm\n\nMindestens 12 Menschen starben. Rund 3.000 Flüchtlinge erreichten Tesnik."


def article(aid: str = "a.txt", text: str = TEXT, **kw) -> Article:
    return Article(id=aid, text=text, raw_text=" date 2026-03-02 " + text, title=text.split("\n")[0],
                   outlet="Meruna-Bote", published="2026-03-02", published_precision="day",
                   agencies=["dpa"], content_hash="h1", offset_map=OffsetMap([(0, 17, len(text))]),
                   warnings=["w"], **kw)


def sentences(a: Article) -> list[Sentence]:
    """Lines, cut after sentence-final punctuation: enough of a splitter for these texts."""
    out = []
    for m in re.finditer(r"\S(?:[^\n]*?(?:[.!?](?=\s|$))|[^\n]*)", a.text):
        out.append(Sentence(a.id, len(out), m.start(), m.end(), m.group()))
    return out


def claim(a: Article, phrase: str, low: float, counted: str, **kw) -> Claim:
    start = a.text.index(phrase)
    sent = next(s for s in sentences(a) if s.start <= start < s.end)
    fields = dict(article=a.id, text=phrase, sentence=sent.text, start=start, end=start + len(phrase), low=low,
                  high=low, qualifier="exact", counted=counted, source=None, hedged=False,
                  id=f"{a.id}#{start}", sentence_index=sent.index)
    return Claim(**{**fields, **kw})


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "d.db", create=True) as s:
        yield s


def put(store: Store, a: Article, claims=(), **kw) -> None:
    store.replace_article(a, sentences=sentences(a), claims=list(claims), **kw)


def test_every_model_field_has_a_column(store):
    for table, cls in MODEL_TABLES.items():
        cols = set(store.columns(table))
        missing = [f.name for f in dataclasses.fields(cls) if f.name not in cols and (table, f.name) not in DERIVED_FIELDS]
        assert not missing, f"{table} lacks columns for {cls.__name__} fields {missing}"


def test_pragmas_and_meta(store):
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.meta()["schema_version"] == str(SCHEMA_VERSION)


def test_round_trip_of_all_kinds(store):
    a = article()
    c = claim(a, "Mindestens 12 Menschen", 12, "Menschen", qualifier="at_least",
              sources=[Source("Polizei", "laut Polizei", "police", relayed_by="vpa")],
              measure=Measure("killed", subject="Menschen", place="Velm"),
              time=TimeValue("2026-03-02", "day", None, "publication date"), unit=None)
    c.hedged = True
    t = TimeExpression(a.id, "Montag", 3, 9, "DATE", "2026-03-02", "day", mod="START", anchored=False)
    m = Mention(a.id, 8, 12, "Velm", "LOC")
    ev = Event("ev1", "DISASTER", place=Place("Velm", 50.1, 8.2, "city", "XX"),
               time=TimeValue("2026-03-02", "day"), figures=[c.id], articles=[a.id],
               evidence=[Span(a.id, 14, 44, "Mindestens 12 Menschen starben.", 31, 61)], trigger="starben")
    put(store, a, [c], times=[t], mentions=[m], events=[ev], analysed_with={"components": ["claims"]})

    (a2,) = store.articles()
    assert a2 == a
    assert store.article("a.txt") == a
    assert store.article("nope") is None
    (c2,) = store.claims()
    assert c2 == c and c2.hedged is True and isinstance(c2.sources[0], Source)
    assert store.times() == [t]
    assert store.mentions() == [m]
    assert store.extracted_events() == [ev]
    assert store.sentences("a.txt") == sentences(a)

    g = ClaimGroup("g1", Measure("killed"), [c.id, "gone#1"], 12, 12, 14, "max of floors", 1, "single",
                   "one source", "Tote in Velm")
    store.replace_groups([g])
    assert store.groups() == [g]
    assert store.claims()[0].group == "g1"
    ent = Entity("e1", "Velm", "LOC", ["Kreisstadt Velm"], [m], 50.1, 8.2, "XX", None)
    store.replace_entities([ent])
    assert store.entities() == [ent]
    store.replace_events([ev])
    assert store.events() == [ev]
    assert [tuple(r) for r in store.db.execute("SELECT article FROM event_articles")] == [("a.txt",)]


def test_replace_article_replaces_everything_atomically(store):
    a = article()
    put(store, a, [claim(a, "Mindestens 12 Menschen", 12, "Menschen")], times=[TimeExpression(a.id, "x", 0, 1, "DATE", None)])
    other = article("b.txt")
    put(store, other, [claim(other, "Rund 3.000 Flüchtlinge", 3000, "Flüchtlinge")])
    store.replace_groups([ClaimGroup("g", None, [c.id for c in store.claims()])])

    new = article(text="Neue Lage\n\nNun 20 Tote gemeldet.")
    new.title = "Neue Lage"
    put(store, new, [claim(new, "20 Tote", 20, "Tote")])
    assert [c.text for c in store.claims("a.txt")] == ["20 Tote"]
    assert store.times("a.txt") == []
    assert [c.text for c in store.claims("b.txt")] == ["Rund 3.000 Flüchtlinge"]
    # the deleted claim left its group (cascade); the other member stays
    assert [r[0] for r in store.db.execute("SELECT claim FROM group_members")] == [store.claims("b.txt")[0].id]
    # the full-text index follows
    assert [h["article"] for h in store.search("Flüchtlinge")] == ["b.txt"]
    assert [h["article"] for h in store.search("gemeldet")] == ["a.txt"]


def test_failed_write_keeps_the_stored_version(store):
    a = article()
    put(store, a, [claim(a, "Mindestens 12 Menschen", 12, "Menschen")])
    bad = article(text="Anders\n\nGanz anders.")
    dup = claim(a, "Mindestens 12 Menschen", 12, "Menschen")
    dup.article = bad.id
    with pytest.raises(sqlite3.IntegrityError):  # two claims with one id: the whole replacement fails
        store.replace_article(bad, claims=[dup, dup])
    assert store.article("a.txt").text == TEXT
    assert len(store.claims()) == 1 and len(store.sentences()) == 3
    assert store.search("Menschen")


def test_search_snippets_syntax_and_umlauts(store):
    a = article()
    put(store, a)
    hits = store.search("Flüchtlinge")
    assert hits and hits[0]["article"] == "a.txt" and hits[0]["title"] == "Flut in Velm"
    assert "**Flüchtlinge**" in hits[0]["snippet"]
    assert ["Flüchtlinge", True] in hits[0]["fragments"]
    assert store.search("Fluchtlinge")[0]["article"] == "a.txt"      # diacritics folded
    assert store.search("Flücht*")[0]["article"] == "a.txt"          # FTS5 prefix query
    assert store.search('"unbalanced (quote') == []                  # invalid FTS5: searched as words
    assert store.search("Tesnik AND Velm")                            # terms in different sentences: article hit
    assert store.search("Tesnik AND Velm")[0]["sentence"] is None
    assert store.search("   ") == []
    assert store.search("Elefant") == []
    put(store, article("b.txt"))
    assert len(store.search("Flüchtlinge", limit=1)) == 1


def test_errors_and_builds(store):
    bid = store.start_build(["x/"], ["claims"], "fp")
    store.add_errors([ArticleError("bad.txt", "empty file")], bid)
    store.finish_build(bid, processed=1, unchanged=2, failed=1, notes=["n"])
    (b,) = store.builds()
    assert (b["processed"], b["unchanged"], b["failed"], b["notes"], b["components"]) == (1, 2, 1, ["n"], ["claims"])
    assert store.errors(bid)[0]["problem"] == "empty file"


def test_odd_file_names_and_readonly(tmp_path):
    path = tmp_path / "dossier #1 ?50%.db"
    with Store(path, create=True) as s:
        s.replace_article(article())
    assert path.exists()
    with Store(path, readonly=True) as s:
        assert [a.id for a in s.articles()] == ["a.txt"]
        with pytest.raises(sqlite3.OperationalError):
            s.delete_article("a.txt")


def test_transaction_rolls_back(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.db.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
            raise RuntimeError
    assert "x" not in store.meta()


def test_opening_what_is_not_a_dossier(tmp_path):
    with pytest.raises(StoreError, match="no dossier"):
        Store(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(StoreError, match="not a lagebild dossier"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store(junk)
    early = tmp_path / "early.db"     # version 1 before the added columns (passage_dates, claims.determiner, ...)
    with Store(early, create=True) as s:
        s.db.execute("DROP INDEX IF EXISTS articles_origin")
        for table, column, _ in ADDED_COLUMNS:
            s.db.execute(f'ALTER TABLE {table} DROP COLUMN "{column}"')
        s.db.commit()
        assert "determiner" not in s.columns("claims")
    with Store(early) as s:           # gets them on open, and stores what they hold
        for table, column, _ in ADDED_COLUMNS:
            assert column in s.columns(table)
        a = article()
        put(s, a, [claim(a, "Mindestens 12 Menschen", 12, "Menschen", determiner="definite")])
        assert [c.determiner for c in s.claims()] == ["definite"]
    old = tmp_path / "old.db"
    with Store(old, create=True) as s:
        s.set_meta("schema_version", "0")
    with pytest.raises(StoreError, match="schema version 0"):
        Store(old)
