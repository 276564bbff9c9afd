"""Fault injection (issue 20): a build killed (SIGKILL) at each of its phases, or stopped by a full disk,
leaves a whole dossier holding exactly the articles stored before the fault; `check` completes the
interrupted build and a rerun stores exactly the full set.

Each kill runs in a subprocess with a blank German spaCy (no extractors): what is tested is the
store's transactions and bookkeeping.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import lagebild
from lagebild.build import build_dossier
from lagebild.store.check import check_dossier
from lagebild.store.sqlite import Store, StoreError

SRC = str(Path(lagebild.__file__).resolve().parents[1])
TEXTS = {
    "a.txt": "Lage im Grenzgebiet\n\nBei den Kämpfen am Montag wurden 12 Menschen getötet. Die Stadt meldet Schäden.",
    "b.txt": "Hilfe für Vertriebene\n\nRund 3.000 Menschen sind geflohen. Die Versorgung sei schwierig.",
    "c.txt": "Unwetter im Süden\n\nNach Gewittern mussten 40 Häuser geräumt werden. Die Feuerwehr rückte aus.",
}
ALL = set(TEXTS)

# Kills the build at the n-th call of a Store method (or, for "insert", inside the n-th article's
# transaction, after its article row is written and before it commits).
SCRIPT = """
import os, signal, sys
sys.path.insert(0, sys.argv[5])
from pathlib import Path
import spacy
from lagebild.store import sqlite as sq
from lagebild.build import build_dossier

phase, n, folder, db = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
calls = [0]

def die():
    os.kill(os.getpid(), signal.SIGKILL)

if phase == "insert":
    real = sq.Store._insert
    def insert(self, table, rows):
        if table == "sentences" and rows:
            calls[0] += 1
            if calls[0] == n:
                die()
        return real(self, table, rows)
    sq.Store._insert = insert
else:
    real_method = getattr(sq.Store, phase)
    def wrapper(self, *a, **k):
        calls[0] += 1
        if calls[0] == n:
            die()
        return real_method(self, *a, **k)
    setattr(sq.Store, phase, wrapper)
nlp = spacy.blank("de")
nlp.add_pipe("sentencizer")
build_dossier([Path(folder)], db, components=(), nlp=nlp)
print("not killed")
"""

# phase, n, the articles stored afterwards (first build of a.txt, b.txt, c.txt, stored in that order)
PHASES = [
    ("start_build", 1, set()),
    ("insert", 1, set()),                     # inside a.txt's transaction
    ("insert", 2, {"a.txt"}),                 # inside b.txt's transaction
    ("replace_article", 3, {"a.txt", "b.txt"}),
    ("set_duplicates", 1, ALL),               # the cross-article step (one transaction)
    ("replace_groups", 1, ALL),
    ("replace_entities", 1, ALL),
    ("replace_events", 1, ALL),
    ("add_errors", 1, ALL),
    ("finish_build", 1, ALL),
]


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    for name, text in TEXTS.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _ids(db: Path) -> set[str]:
    with Store(db) as s:
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not s.db.execute("PRAGMA foreign_key_check").fetchall()
        return {r[0] for r in s.db.execute("SELECT id FROM articles")}


def _kill(phase: str, n: int, folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SCRIPT, phase, str(n), str(folder), str(db), SRC],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_at_each_build_phase(tmp_path, blank):
    runs = []
    for i, (phase, n, expected) in enumerate(PHASES):
        folder = _folder(tmp_path / f"in{i}")
        db = tmp_path / f"d{i}.db"
        runs.append((phase, n, expected, folder, db, _kill(phase, n, folder, db)))
    for phase, n, expected, folder, db, proc in runs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == -signal.SIGKILL, (phase, n, out, err[-2000:])
        if not db.exists():
            assert expected == set(), phase
            continue
        assert _ids(db) == expected, (phase, n)
        findings = check_dossier(db)
        assert all(ok for ok, _ in findings), findings
        with Store(db) as s:
            assert all(b["finished"] for b in s.builds()), phase
        summary = build_dossier([folder], db, components=(), nlp=blank)
        assert _ids(db) == ALL and not summary.errors, phase
        assert sorted(summary.new) == sorted(ALL - expected), phase
        with Store(db) as s:
            assert s.article("b.txt").text.startswith("Hilfe für Vertriebene")


def test_kill_while_replacing_keeps_the_old_version(tmp_path, blank):
    folder = _folder(tmp_path / "in")
    db = tmp_path / "d.db"
    build_dossier([folder], db, components=(), nlp=blank)
    (folder / "a.txt").write_text(TEXTS["a.txt"].replace("12 Menschen", "14 Menschen"), encoding="utf-8")
    proc = _kill("insert", 1, folder, db)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, err[-2000:]
    assert _ids(db) == ALL
    with Store(db) as s:
        assert "12 Menschen" in s.article("a.txt").text       # the old version, whole
    s = build_dossier([folder], db, components=(), nlp=blank)
    assert s.replaced == ["a.txt"] and any("interrupted" in n for n in s.notes)
    with Store(db) as st:
        assert "14 Menschen" in st.article("a.txt").text


@pytest.mark.parametrize("fail_at", [1, 2, 4, 6])
def test_disk_full_at_each_write(tmp_path, blank, monkeypatch, fail_at):
    """An OSError(ENOSPC) at the n-th write: one StoreError line, the stored set is what was committed,
    a rerun completes it."""
    import errno

    folder = _folder(tmp_path / "in")
    db = tmp_path / "d.db"
    real = Store._insert
    calls = [0]

    def insert(self, table, rows):
        calls[0] += bool(rows)
        if calls[0] >= fail_at:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, table, rows)

    monkeypatch.setattr(Store, "_insert", insert)
    with pytest.raises(StoreError, match="is full") as e:
        build_dossier([folder], db, components=(), nlp=blank)
    assert "\n" not in str(e.value)
    monkeypatch.undo()
    # each article writes 2 non-empty inserts (article, sentences): the ones committed before the failure stay
    assert _ids(db) == set(sorted(ALL)[: min(3, (fail_at - 1) // 2)])
    s = build_dossier([folder], db, components=(), nlp=blank)
    assert _ids(db) == ALL and not s.errors
    with Store(db) as st:
        assert all(b["finished"] for b in st.builds())


def test_check_reports_and_repairs(tmp_path, blank):
    folder = _folder(tmp_path / "in")
    db = tmp_path / "d.db"
    build_dossier([folder], db, components=(), nlp=blank)
    with Store(db) as s:   # an index out of step with its table (as after a crash of an old SQLite)
        s.db.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('delete-all')")
        s.db.execute("INSERT INTO builds(started) VALUES ('2026-01-01')")
    from typer.testing import CliRunner

    from lagebild.cli import app

    r = CliRunner().invoke(app, ["check", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "rebuilt" in r.output and "1 interrupted" in r.output
    findings = check_dossier(db)
    assert all(ok for ok, _ in findings) and "builds: all finished" in [t for _, t in findings]
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM builds WHERE finished IS NULL").fetchone()[0] == 0


def test_disk_full_in_the_cross_article_step(tmp_path, blank, monkeypatch):
    import errno

    folder = _folder(tmp_path / "in")
    db = tmp_path / "d.db"

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Store, "replace_entities", full)
    with pytest.raises(StoreError, match="is full"):
        build_dossier([folder], db, components=(), nlp=blank)
    monkeypatch.undo()
    assert _ids(db) == ALL      # the articles were committed; the consolidation was not half written
    s = build_dossier([folder], db, components=(), nlp=blank)
    assert s.unchanged == 3 and any("interrupted" in n for n in s.notes)
