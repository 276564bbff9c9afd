"""`lagebild build`: idempotent, atomic per article, robust against bad input.

The builds here run a tiny stand-in claims component (every "<digits> <Word>")
so that they test the store's bookkeeping, not the real extractor's quality.
"""
from __future__ import annotations

import importlib.machinery
import re
import shutil
import sys
import types
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from lagebild import pipeline
from lagebild.model import Article, Claim
from lagebild.build import available_components, build_articles, build_dossier
from lagebild.store.sqlite import Store

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "korridor"
FAKE = "lagebild_test_fakeclaims"     # module name
NUMBER = re.compile(r"\b(\d{1,3}(?:\.\d{3})+|\d+)\s+([A-ZÄÖÜ]\w+)")


def _fake_claims(doc):
    if "EXPLODE" in doc.text:
        raise ValueError("stand-in component told to fail")
    claims = []
    for m in NUMBER.finditer(doc.text):
        v = float(m[1].replace(".", ""))
        sent = doc.char_span(m.start(), m.end(), alignment_mode="expand").sent
        claims.append(Claim(article=doc._.article_id, text=m.group(), sentence=sent.text, start=m.start(),
                            end=m.end(), low=v, high=v, qualifier="exact", counted=m[2], source=None,
                            hedged=False))
    doc._.claims = claims
    return doc


if not Language.has_factory("lagebild_fakeclaims"):
    Language.factory("lagebild_fakeclaims", func=lambda nlp, name: _fake_claims)


@pytest.fixture
def fake(monkeypatch):
    """Registers the stand-in as pipeline component "fakeclaims"."""
    mod = types.ModuleType(FAKE)
    mod.__spec__ = importlib.machinery.ModuleSpec(FAKE, None)
    monkeypatch.setitem(sys.modules, FAKE, mod)
    monkeypatch.setitem(pipeline.COMPONENTS, "fakeclaims", FAKE)
    return ["fakeclaims"]


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "korridor"
    shutil.copytree(DEMO, d)
    return d


def rows(db: Path, sql: str) -> list[tuple]:
    with Store(db) as s:
        return [tuple(r) for r in s.db.execute(sql)]


def test_build_twice_adds_nothing(corpus, tmp_path, fake):
    db = tmp_path / "d.db"
    first = build_dossier([corpus], db, components=fake)
    assert first.processed == 7 and first.unchanged == 0 and not first.errors
    with Store(db) as s:
        counts = s.counts()
        claims = s.claims()
    assert counts["articles"] == 7 and counts["claims"] > 20 and counts["sentences"] > 50
    second = build_dossier([corpus], db, components=fake)
    assert second.processed == 0 and second.unchanged == 7
    with Store(db) as s:
        assert s.counts() == counts
        assert s.claims() == claims
        assert len(s.builds()) == 2
    assert "7 unchanged" in second.describe()


def test_changed_file_replaces_only_its_article(corpus, tmp_path, fake):
    db = tmp_path / "d.db"
    build_dossier([corpus], db, components=fake)
    before = {a: rows(db, f"SELECT id, text, low FROM claims WHERE article='{a}' ORDER BY id")
              for a, in rows(db, "SELECT id FROM articles")}
    f = corpus / "2026-03-06_korvaner-tagblatt.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("auf 38 korrigiert", "auf 41 korrigiert"), encoding="utf-8")
    summary = build_dossier([corpus], db, components=fake)
    assert summary.replaced == [f.name] and summary.unchanged == 6 and summary.new == []
    after = {a: rows(db, f"SELECT id, text, low FROM claims WHERE article='{a}' ORDER BY id")
             for a, in rows(db, "SELECT id FROM articles")}
    assert set(after) == set(before)
    for a in before:
        if a != f.name:
            assert after[a] == before[a], a
    texts = [t for _, t, _ in after[f.name]]
    assert "41 korrigiert" not in texts  # "auf 41 korrigiert": the stand-in needs a capitalised word
    lows = [low for _, _, low in after[f.name]]
    old_lows = [low for _, _, low in before[f.name]]
    assert lows == old_lows  # same figures apart from the one edited word ...
    with Store(db) as s:
        assert "41 korrigiert" in s.article(f.name).text   # ... and the new text is what is stored
        assert s.search("korrigiert")[0]["article"] == f.name
        assert len(s.sentences(f.name)) == len({i for i, in rows(db, f"SELECT \"index\" FROM sentences WHERE article='{f.name}'")})


def test_bad_inputs_never_lose_stored_articles(corpus, tmp_path, fake):
    db = tmp_path / "d.db"
    build_dossier([corpus], db, components=fake)
    with Store(db) as s:
        counts = s.counts()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "broken.jsonl").write_text('{"id": "ok-1", "text": "Heute kamen 70 Helfer an."}\n{not json\n',
                                         encoding="utf-8")
    # a stored article now fails in analysis: its stored version must stay
    f = corpus / "2026-03-02_meruna-bote.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\nDie Helfer sagen, die Lage EXPLODE bald.\n", encoding="utf-8")
    summary = build_dossier([corpus], db, components=fake)
    assert summary.new == ["ok-1"]
    problems = {e.article: e for e in summary.errors}
    assert {"empty.txt", "binary.txt", "broken.jsonl:2", f.name} <= set(problems)
    assert "stored one is kept" in problems[f.name].skipped
    with Store(db) as s:
        assert s.counts()["articles"] == counts["articles"] + 1
        assert "EXPLODE" not in s.article(f.name).text
        assert len(s.claims(f.name)) > 0
        stored_errors = {e["article"] for e in s.errors(summary.build_id)}
    assert {"empty.txt", "binary.txt", "broken.jsonl:2", f.name} <= stored_errors
    assert "broken.jsonl:2" in summary.describe()


def test_nothing_processable_exits_non_zero(tmp_path):
    from lagebild.cli import app

    (tmp_path / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(app, ["build", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "d.db")])
    assert res.exit_code == 1
    good = tmp_path / "ok.txt"
    good.write_text(" date 2026-03-02 Titel [/] mit [bold]Klammern\n\nIn Velm kamen 300 Helfer an.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["build", str(good), str(tmp_path / "empty.txt"), "--db", str(tmp_path / "d.db")])
    assert res.exit_code == 3, res.output   # stored, but an input was skipped (issue 20: the status says so)
    res = CliRunner().invoke(app, ["build", str(good), "--db", str(tmp_path / "d.db")])   # unchanged is fine
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(app, ["search", "Helfer", "--db", str(tmp_path / "d.db")])
    assert res.exit_code == 0, res.output
    assert "ok.txt" in res.output and "Helfer" in res.output and "[/] mit [bold]Klammern" in res.output


def test_more_components_reanalyse_unchanged_articles(corpus, tmp_path, fake):
    db = tmp_path / "d.db"
    build_dossier([corpus], db, components=[])
    assert rows(db, "SELECT count(*) FROM claims") == [(0,)]
    summary = build_dossier([corpus], db, components=fake)
    assert len(summary.reanalysed) == 7 and summary.unchanged == 0
    assert rows(db, "SELECT count(*) FROM claims")[0][0] > 20


def test_missing_components_are_skipped_with_a_reason(monkeypatch):
    monkeypatch.setitem(pipeline.COMPONENTS, "ghost", "lagebild.extract.no_such_module")
    ok, skipped = available_components(["ghost", "nonsense"])
    assert ok == ()
    assert "not there" in skipped["ghost"] and "unknown component" in skipped["nonsense"]


def test_duplicate_ids_in_one_batch(tmp_path, fake):
    a = Article(id="x", text="Titel\n\nEs kamen 20 Helfer.", title="Titel", source_path="one/x.txt")
    b = Article(id="x", text="Titel\n\nEs kamen 30 Helfer.", title="Titel", source_path="two/x.txt")
    summary = build_articles([a, b], tmp_path / "d.db", components=fake)
    assert summary.new == ["x"] and summary.errors[0].article == "two/x.txt"
    assert rows(tmp_path / "d.db", "SELECT low FROM claims") == [(20.0,)]


def test_real_claims_component_builds_groups(corpus, tmp_path):
    pytest.importorskip("lagebild.extract.claims")
    pytest.importorskip("lagebild.consolidate.groups")
    db = tmp_path / "d.db"
    summary = build_dossier([corpus], db, components=["claims"])
    assert summary.processed == 7, summary.describe()
    with Store(db) as s:
        groups, claims = s.groups(), s.claims()
    assert claims and groups
    grouped = {c.id for c in claims if c.group}
    assert grouped and all(m in {c.id for c in claims} for g in groups for m in g.members)


def test_all_available_components_idempotent(corpus, tmp_path):
    """With whatever extractors exist right now (time, claims, ... as they are written)."""
    db = tmp_path / "d.db"
    first = build_dossier([corpus], db)
    assert first.processed == 7, first.describe()
    with Store(db) as s:
        counts = s.counts()
    second = build_dossier([corpus], db)
    assert second.unchanged == 7 and second.processed == 0
    with Store(db) as s:
        assert s.counts() == counts


def test_changed_jsonl_line_replaces_only_that_article(corpus, tmp_path, fake):
    db = tmp_path / "d.db"
    build_dossier([corpus], db, components=fake)
    f = corpus / "2026-03-03_05_agenturen.jsonl"
    lines = f.read_text(encoding="utf-8").splitlines()
    assert "4.000 Teilnehmern" in lines[1]
    lines[1] = lines[1].replace("4.000 Teilnehmern", "4.500 Teilnehmern")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = build_dossier([corpus], db, components=fake)
    assert summary.replaced == ["abendkurier-2026-03-05-protest"] and summary.unchanged == 6
    assert rows(db, "SELECT low FROM claims WHERE text = '4.500 Teilnehmern'") == [(4500.0,)]
    assert rows(db, "SELECT count(*) FROM claims WHERE text = '4.000 Teilnehmern'") == [(1,)]  # the Wochenblick one


def test_fewer_components_never_drop_stored_results(corpus, tmp_path, fake):
    db = tmp_path / "d.db"
    build_dossier([corpus], db, components=fake)
    n = rows(db, "SELECT count(*) FROM claims")[0][0]
    summary = build_dossier([corpus], db, components=[])   # e.g. the claims module broke meanwhile
    assert summary.unchanged == 7 and summary.processed == 0
    assert "keep their analysis by fakeclaims" in summary.describe()
    assert rows(db, "SELECT count(*) FROM claims")[0][0] == n
    forced = build_dossier([corpus], db, components=[], force=True)
    assert len(forced.reanalysed) == 7 and rows(db, "SELECT count(*) FROM claims") == [(0,)]


def test_jobs_two_store_what_one_stores(corpus, tmp_path, fake, monkeypatch):
    """Two processes analyse, this one writes: the same rows as one process."""
    import lagebild.build

    monkeypatch.setattr(lagebild.build, "POOL_MIN", 2)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build_dossier([corpus], one, components=fake, jobs=1)
    summary = build_dossier([corpus], two, components=fake, jobs=2)
    assert summary.processed == 7 and not summary.errors, summary.describe()
    sql = 'SELECT id, article, text, low, "group" FROM claims ORDER BY id'
    assert rows(two, sql) == rows(one, sql) and rows(one, sql)
    assert rows(two, "SELECT id FROM articles ORDER BY n") == rows(one, "SELECT id FROM articles ORDER BY n")


def _dossier(db: Path) -> dict[str, list[tuple]]:
    """Every table a build writes, rows in the order written, less when and by which build."""
    with Store(db) as s:
        tables = [t for (t,) in s.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if "fts" not in t and t not in ("builds", "meta", "errors")]
        out = {}
        for t in tables:
            cols = [r[1] for r in s.db.execute(f'PRAGMA table_info("{t}")') if r[1] not in ("build_id", "stored_at")]
            without_rowid = s.db.execute("SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?",
                                         (t,)).fetchone()[0]
            order = "1" if without_rowid else "rowid"  # a WITHOUT ROWID table's rows are in key order
            sql = f'SELECT {", ".join(f"{c!r}" for c in cols)} FROM "{t}" ORDER BY {order}'
            out[t] = [tuple(r) for r in s.db.execute(sql)]
    return out


def test_jobs_two_make_the_dossier_one_makes(corpus, tmp_path, nlp, monkeypatch):
    """The real extractors in two worker processes, the articles sent in shrinking chunks (the last of one
    article), results stored by this process in order: the same dossier, table by table and row by row."""
    import lagebild.build

    monkeypatch.setattr(lagebild.build, "POOL_MIN", 2)
    monkeypatch.setattr(lagebild.build, "CHUNK", 2)
    monkeypatch.setattr(lagebild.build, "TAIL", 1)
    sent = []
    chunks = lagebild.build._chunks
    monkeypatch.setattr(lagebild.build, "_chunks", lambda todo, jobs: sent.append(chunks(todo, jobs)) or sent[-1])
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build_dossier([corpus], one, nlp=nlp, jobs=1)
    summary = build_dossier([corpus], two, nlp=nlp, jobs=2)
    assert summary.processed == 7 and not summary.errors, summary.describe()
    assert [len(c) for c in sent[0]] == [2, 2, 1, 1, 1]
    used = [v for k, v in summary.timings.items() if k.startswith("cpu/worker ")]   # each worker's CPU seconds
    assert 1 <= len(used) <= 2 and all(v > 0 for v in used) and used == sorted(used, reverse=True)
    a, b = _dossier(one), _dossier(two)
    assert a["claims"] and a["mentions"] and a["events"] and a["stories"]
    assert a.keys() == b.keys()
    for t in a:
        assert b[t] == a[t], t


def test_chunks_shrink_towards_the_end():
    """Each chunk an even share of what is left: in order, none over CHUNK, the last ones of TAIL."""
    from lagebild.build import CHUNK, TAIL, _chunks

    for n, jobs in ((24, 2), (300, 2), (1028, 2), (1028, 8), (5, 3)):
        chunks = _chunks(list(range(n)), jobs)
        assert [x for c in chunks for x in c] == list(range(n))
        sizes = [len(c) for c in chunks]
        assert sizes == sorted(sizes, reverse=True) and sizes[0] <= CHUNK
        assert sizes[-1] <= TAIL and sizes.count(TAIL) >= min(jobs, n // TAIL), sizes


def _stories(articles):
    """Two invented stories over the demo: the articles of early March and the rest."""
    return {a.id: "early" if (a.published or "") < "2026-03-04" else "late" for a in articles}


def _cross_rows(db: Path) -> tuple:
    with Store(db) as s:
        return ([(g.id, g.members, g.best, g.status) for g in s.groups()],
                [(e.id, e.type, e.articles, e.figures) for e in s.events()],
                [(e.id, len(e.mentions)) for e in s.entities()])


def test_stories_are_blocks_and_only_touched_ones_are_redone(corpus, tmp_path, monkeypatch):
    """With stories, claim groups and events are made per story; a later build redoes only the stories
    its articles are in, and ends with what one build of everything makes."""
    import lagebild.consolidate.groups as groups_module

    whole = tmp_path / "whole.db"
    build_dossier([corpus], whole, story_of=_stories)
    gs, evs, _ = _cross_rows(whole)
    assert {g[0].split("/")[0] for g in gs} == {"early", "late"}
    with Store(whole) as s:
        story = _stories(s.articles())
        claim_article = {c.id: c.article for c in s.claims()}
    assert all({story[claim_article[m]] for m in g[1]} == {g[0].split("/")[0]} for g in gs)

    late = [p for p in corpus.iterdir() if p.name >= "2026-03-04"]
    steps = tmp_path / "steps.db"
    build_dossier([p for p in corpus.iterdir() if p not in late], steps, story_of=_stories)
    calls = []
    real = groups_module.group_claims
    monkeypatch.setattr(groups_module, "group_claims",
                        lambda cs, arts, *more: calls.append({a.id for a in arts}) or real(cs, arts, *more))
    summary = build_dossier([corpus], steps, story_of=_stories)
    assert summary.new and summary.unchanged
    assert calls and all(story[a] == "late" for ids in calls for a in ids)   # the early story was kept
    assert _cross_rows(steps) == _cross_rows(whole)


def test_adding_articles_ends_with_what_one_build_makes(corpus, tmp_path):
    """A dossier built in two steps (the later articles added by a second build, which looks for near-copies
    only for them) holds the same groups, events, entities and near-duplicates as one build of all."""
    whole = tmp_path / "whole.db"
    build_dossier([corpus], whole)
    late = [p for p in corpus.iterdir() if p.name >= "2026-03-04"]
    steps = tmp_path / "steps.db"
    build_dossier([p for p in corpus.iterdir() if p not in late], steps)
    summary = build_dossier([corpus], steps)
    assert summary.new and summary.unchanged
    assert _cross_rows(steps) == _cross_rows(whole)
    dup = 'SELECT id, duplicate_of FROM articles ORDER BY id'
    assert rows(steps, dup) == rows(whole, dup)
    pairs = "SELECT a, b FROM near_copies ORDER BY a, b"
    assert rows(steps, pairs) == rows(whole, pairs)
    assert rows(steps, "SELECT count(*) FROM signatures") == rows(whole, "SELECT count(*) FROM articles")


def test_nothing_changed_keeps_the_consolidation(corpus, tmp_path, fake, monkeypatch):
    """A build that stores nothing new, with the same consolidation code, keeps the cross-article results
    (the same as computing them again); a deleted article, or a rebuild blocked otherwise, computes them."""
    db = tmp_path / "d.db"
    build_dossier([corpus], db, components=fake)
    before = _cross_rows(db)
    calls = []
    real = pipeline.cross_article
    monkeypatch.setattr("lagebild.build.cross_article", lambda *a, **k: calls.append(1) or real(*a, **k))
    summary = build_dossier([corpus], db, components=fake)
    assert not calls and any("nothing changed" in n for n in summary.notes)
    assert _cross_rows(db) == before
    build_dossier([corpus], db, components=fake, story_of=_stories)       # other blocks: computed
    assert calls
    with Store(db) as s:
        gone = s.articles()[0].id
        s.delete_article(gone)
    calls.clear()
    build_articles([], db, components=fake)
    assert calls
    with Store(db) as s:
        assert all(gone not in e.articles for e in s.events())


# Invented articles, each a list of (name, NER label, ref): names whose resolution reaches across articles
# (a spelling variant, short forms, a vote on a one-word name's kind, a full name read as a person elsewhere,
# a genitive, a country).
_NAMED = {
    "b1": [("Wolodymyr Selenskyj", "PER", None), ("Selenskyj", "PER", None), ("Korvane", "LOC", None),
           ("Brückenwerk", "ORG", None), ("Mira Lenz", "ORG", None), ("Tarvok", "LOC", None)],
    "b3": [("Selensykj", "PER", None), ("Korvane", "PER", None), ("Brückenwerks", "ORG", None),
           ("Moskau", "LOC", "country:RU")],
    "b5": [("Olena Selenska", "PER", None), ("Kim Jong Un", "PER", None), ("Kim", "PER", None)],
    # added later: ids before, between and after the stored ones
    "b0": [("Korvane", "PER", None), ("Korvane", "PER", None), ("Wladimir Selenskyj", "PER", None)],
    "b2": [("Selenskyj", "PER", None), ("Wladimir Selenskyj", "PER", None), ("Mira Lenz", "PER", None)],
    "b4": [("Kim Jong-un", "PER", None), ("Brückenwerk", "OTH", None), ("Kim Yo Jong", "PER", None)],
    "b6": [("Kim", "PER", None), ("Selenska", "PER", None), ("Russland", "LOC", "country:RU")],
}


def _store_named(db: Path, ids: list[str], version: str = "", named: dict | None = None) -> None:
    from lagebild.model import Mention

    with Store(db, create=True) as s:
        for aid in ids:
            text, mentions = "Bericht.\n\n", []
            for name, label, ref in (named or _NAMED)[aid]:
                text += "Heute sprach "
                mentions.append(Mention(aid, len(text), len(text) + len(name), name, label, None, ref))
                text += name + ". "
            s.replace_article(Article(id=aid, text=text, title="Bericht", published=f"2026-03-0{aid[1]}",
                                      content_hash=f"sha256:{aid}{version}"), mentions=mentions)


def _entity_rows(db: Path) -> tuple:
    with Store(db) as s:
        return ([(e.id, e.name, e.type, e.aliases, e.country, [(m.article, m.start, m.label) for m in e.mentions])
                 for e in s.entities()],
                rows(db, 'SELECT article, idx, entity FROM mentions ORDER BY article, idx'))


def test_entities_resolved_in_parts_are_those_resolved_over_all(tmp_path, monkeypatch):
    """Adding articles resolves only the parts their mentions touch, against the index in the store: the
    same entities (ids, names, kinds, mentions, order) as one resolution over all mentions; an article
    replaced drops the index and the next resolution is over all again."""
    import lagebild.consolidate.entities as entities_module

    whole = tmp_path / "whole.db"
    _store_named(whole, list(_NAMED))
    build_articles([], whole, components=())
    steps = tmp_path / "steps.db"
    _store_named(steps, ["b1", "b3", "b5"])
    build_articles([], steps, components=())
    sizes = []
    real = entities_module.resolve_entities
    monkeypatch.setattr(entities_module, "resolve_entities", lambda ms: sizes.append(len(ms)) or real(ms))
    _store_named(steps, ["b0", "b2", "b4", "b6"])
    build_articles([], steps, components=())
    total = sum(len(v) for v in _NAMED.values())
    assert sizes and max(sizes) < total          # in parts: Tarvok's mention was not resolved again
    assert _entity_rows(steps) == _entity_rows(whole)
    names = {e[1] for e in _entity_rows(steps)[0]}
    assert {"Wolodymyr Selenskyj", "Wladimir Selenskyj", "Korvane"} <= names
    sizes.clear()
    _store_named(steps, ["b2"], "v2")            # an article replaced: resolved over all
    build_articles([], steps, components=())
    assert sizes == [total]
    assert _entity_rows(steps) == _entity_rows(whole)


# Invented articles whose persons share first names and surnames ("Anna" opens three-word names, so a bare
# "Anna" is a short form of them; "Keller" is the surname of two persons of different first names).
_SHARED = {
    "c1": [("Anna Maria Keller", "PER", None), ("Keller", "PER", None), ("Lukas Brenner", "PER", None)],
    "c3": [("Anna Sofie Marten", "PER", None), ("Anna", "PER", None), ("Jonas Keller", "PER", None)],
    "c5": [("Paul Oswin", "PER", None), ("Oswin", "PER", None)],
    "c7": [("Greta Hollmann", "PER", None)],
    # added later
    "c2": [("Anna", "PER", None), ("Keller", "PER", None), ("Anna Maria Keller", "PER", None)],
    "c4": [("Jonas Kellner", "PER", None), ("Anna Marten", "PER", None), ("Brenner", "PER", None)],
    "c6": [("Lisa Hollmann", "PER", None), ("Hollmann", "PER", None)],
    "c8": [("Greta Hollmann", "PER", None), ("Hollmann", "PER", None)],
}


def test_entities_of_persons_sharing_name_parts_resolved_in_parts_are_those_resolved_over_all(tmp_path, monkeypatch):
    """Persons sharing a first name or a surname: articles added in steps give the entities one resolution
    over all gives; what one add resolved together is kept in the index as the parts that do not touch each
    other, so a later add resolves only its own part again ("Greta Hollmann" not with the Annas and Kellers)."""
    import lagebild.consolidate.entities as entities_module

    whole = tmp_path / "whole.db"
    _store_named(whole, list(_SHARED), named=_SHARED)
    build_articles([], whole, components=())
    steps = tmp_path / "steps.db"
    _store_named(steps, ["c1"], named=_SHARED)
    build_articles([], steps, components=())
    _store_named(steps, ["c3", "c5", "c7"], named=_SHARED)       # resolved together with c1's part
    build_articles([], steps, components=())
    sizes: list[int] = []
    real = entities_module.resolve_entities
    monkeypatch.setattr(entities_module, "resolve_entities", lambda ms: sizes.append(len(ms)) or real(ms))
    _store_named(steps, ["c8"], named=_SHARED)
    build_articles([], steps, components=())
    assert sizes and max(sizes) == 3         # c7's Greta Hollmann and c8's two mentions, none of c1, c3, c5
    _store_named(steps, ["c2", "c4", "c6"], named=_SHARED)
    build_articles([], steps, components=())
    assert _entity_rows(steps) == _entity_rows(whole)
    by_name = {e[1]: e for e in _entity_rows(whole)[0]}
    assert {"Anna Maria Keller", "Jonas Keller", "Greta Hollmann", "Lisa Hollmann"} <= set(by_name)
    assert len(by_name["Anna Maria Keller"][5]) >= 3


def test_articles_analysed_ahead_of_the_lock_are_stored_as_analysed_in_it(corpus, tmp_path, fake, monkeypatch):
    """A few articles are analysed before the build takes the dossier's lock (a web upload holds its write
    lock only to store and consolidate): the build stores that analysis, not analysing again, and the
    dossier is the one a build analysing under the lock makes; an analysis made before the dossier
    changed (another build stored the article meanwhile) is not used."""
    from lagebild.build import analyse_ahead
    from lagebild.pipeline import read_articles

    paths = sorted(corpus.iterdir())
    plain, early = tmp_path / "plain.db", tmp_path / "early.db"
    for db in (plain, early):
        build_dossier(paths[:-3], db, components=fake)
    build_dossier(paths[-3:], plain, components=fake, jobs=1)
    articles = read_articles(paths[-3:])[0]
    ahead = analyse_ahead(articles, early, components=fake)
    assert ahead is not None and len(ahead.todo) == 3
    calls = []
    real = pipeline.analyse
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: calls.append(1) or real(*a, **k))
    summary = build_articles(articles, early, components=fake, ahead=ahead)
    assert not calls and len(summary.new) == 3
    for sql in ('SELECT id, article, text, low, "group" FROM claims ORDER BY id', "SELECT id, title FROM articles ORDER BY id"):
        assert rows(early, sql) == rows(plain, sql) and rows(plain, sql)
    stale = tmp_path / "stale.db"
    build_dossier(paths[:-1], stale, components=fake)
    ahead = analyse_ahead(read_articles(paths[-2:])[0], stale, components=fake)   # one of the two is stored
    assert ahead is not None and len(ahead.todo) == 1
    build_dossier(paths[-1:], stale, components=fake)                            # ... then both are
    calls.clear()
    summary = build_articles(read_articles(paths[-2:])[0], stale, components=fake, ahead=ahead)
    assert not summary.new and summary.unchanged == 2 and not calls
