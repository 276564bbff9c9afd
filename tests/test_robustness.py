"""Issue 20: nothing a user feeds lagebild stops the batch, loses an article, or opens the dossier to others.

Each numbered case of the issue is one test here (test_caseNN_...), written to fail on the code
before the fix. The builds use a blank German spaCy with a sentencizer and no extractor, so
they test reading and the store's bookkeeping, not extraction.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
import spacy

import lagebild
from typer.testing import CliRunner

from lagebild.model import ArticleError
from lagebild.build import build_dossier
from lagebild.store.sqlite import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent
SRC = str(Path(lagebild.__file__).resolve().parents[1])   # the code under test, for subprocesses

# Invented texts (no corpus text): each a short German report with figures and umlauts.
TEXTS = {
    "a": "Lage im Grenzgebiet\n\nBei den Kämpfen am Montag wurden nach Angaben der Behörden 12 Menschen getötet. "
         "Größere Schäden meldete die Stadtverwaltung von Velm.",
    "b": "Hilfe für Vertriebene\n\nRund 3.000 Menschen sind laut Hilfswerk über die Brücke geflohen. "
         "Die Versorgung sei schwierig, sagte eine Sprecherin.",
    "c": "Unwetter im Süden\n\nNach heftigen Gewittern mussten 40 Häuser geräumt werden. "
         "Die Feuerwehr zählte mehr als 200 Einsätze.",
}


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


def build(paths, db, nlp, **kw):
    return build_dossier([Path(p) for p in paths], db, components=(), nlp=nlp, **kw)


def ids(db: Path) -> set[str]:
    with Store(db) as s:
        return {r[0] for r in s.db.execute("SELECT id FROM articles")}


def problems(summary) -> dict[str, str]:
    return {e.article: e.problem for e in summary.errors}


def one_line(summary) -> None:
    """Every error is one line naming its input; the summary renders (no markup or encoding error)."""
    for e in summary.errors:
        assert "\n" not in e.problem and "\n" not in e.article and e.article
    from rich.console import Console

    Console(file=open(os.devnull, "w"), force_terminal=True).print(summary.describe())


@contextmanager
def alarm(seconds: int):
    """Fail instead of hanging (a FIFO read blocks forever)."""
    def boom(*_):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "d"
    d.mkdir()
    (d / "good.txt").write_text(TEXTS["a"], encoding="utf-8")
    return d


# --- 1-8: bad inputs cost themselves only -------------------------------------------------------------


def test_case01_deeply_nested_json_costs_its_file_or_line(folder, tmp_path, blank):
    deep = "[" * 100_000 + "]" * 100_000
    (folder / "deep.json").write_text(deep, encoding="utf-8")
    (folder / "lines.jsonl").write_text(json.dumps({"id": "ok", "text": TEXTS["b"]}) + "\n" + deep + "\n",
                                        encoding="utf-8")
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt", "ok"}
    p = problems(s)
    assert "nested too deeply" in p["deep.json"] and "nested too deeply" in p["lines.jsonl:2"]
    one_line(s)


def test_case02_lone_surrogate_in_json_keeps_the_article(folder, tmp_path, blank):
    line = '{"id": "b", "text": "Kämpfe im Norden\\n\\nEs gab 500 Tote \\ud800 nach dem Angriff, sagte er."}'
    (folder / "f.jsonl").write_text(json.dumps({"id": "a", "text": TEXTS["b"]}) + "\n" + line + "\n",
                                    encoding="utf-8")
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt", "a", "b"} and not s.errors
    with Store(tmp_path / "x.db") as st:
        b = st.article("b")
    assert "500 Tote \ufffd nach" in b.text and any("surrogate" in w for w in b.warnings)


def test_case02_lone_surrogate_upload_is_no_server_error(tmp_path, nlp):
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    line = b'{"id": "b", "text": "K\xc3\xa4mpfe im Norden\\n\\nEs gab 500 Tote \\ud800 nach dem Angriff."}\n'
    app = create_app(tmp_path / "w.db", token="t0ken")
    app.state.dossier._nlp = nlp
    with TestClient(app, base_url="http://localhost") as c:
        r = c.post("/api/articles", headers={"Authorization": "Bearer t0ken"},
                   files=[("files", ("f.jsonl", line, "application/json"))])
    assert r.status_code == 200, r.text
    assert r.json()["new"] == ["b"]


def test_case03_symlink_loop_is_one_error(folder, tmp_path, blank):
    os.symlink("loop.txt", folder / "loop.txt")
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt"}
    assert "symbolic links" in problems(s)["loop.txt"]
    one_line(s)


def test_case04_file_name_not_utf8(folder, tmp_path, blank):
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "wb") as f:
        f.write(TEXTS["b"].encode())
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt", "bad\\xffname.txt"} and not s.errors
    with Store(tmp_path / "x.db") as st:
        assert all(b["finished"] for b in st.builds())
    one_line(s)


def test_case05_fifo_is_not_read(folder, tmp_path, blank):
    os.mkfifo(folder / "pipe.txt")
    with alarm(60):
        s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt"}
    assert "not a regular file (a FIFO)" in problems(s)["pipe.txt"]


def test_case06_unreadable_subfolder_is_named(folder, tmp_path, blank, monkeypatch):
    sub = folder / "sub"
    sub.mkdir()
    (sub / "hidden.txt").write_text(TEXTS["b"], encoding="utf-8")
    if os.geteuid() == 0:   # root reads every folder: make this one fail as it would for a user
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == os.fspath(sub):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        sub.chmod(0)
    try:
        s = build([folder], tmp_path / "x.db", blank)
    finally:
        sub.chmod(0o755)
    assert ids(tmp_path / "x.db") == {"good.txt"}
    assert problems(s)["sub/"] == "cannot read folder: Permission denied"


def test_case07_nul_byte_costs_one_jsonl_line(folder, tmp_path, blank):
    rows = [json.dumps({"id": k, "text": t}).encode() for k, t in TEXTS.items()]
    rows[1] = rows[1].replace(b"Rund", b"Ru\x00nd")
    (folder / "f.jsonl").write_bytes(b"\n".join(rows) + b"\n")
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt", "a", "c"}
    assert "NUL" in problems(s)["f.jsonl:2"]


def test_case08_one_invalid_byte_keeps_utf8_and_is_named(folder, tmp_path, blank):
    text = TEXTS["a"] + "\n" + "Größere Ämter prüfen Übergänge. " * 8
    umlauts = sum(text.count(c) for c in "äöüÄÖÜß")
    assert umlauts >= 48
    data = text.encode("utf-8").replace(b"Velm", b"Ve\xfflm")
    (folder / "bad.txt").write_bytes(data)
    s = build([folder], tmp_path / "x.db", blank)
    with Store(tmp_path / "x.db") as st:
        a = st.article("bad.txt")
    assert "Größere Ämter prüfen Übergänge." in a.text and "Ã" not in a.text and "Ve\ufffdlm" in a.text
    warning = next(w for w in a.warnings if "invalid UTF-8" in w)
    assert "0xFF at line 3, column" in warning
    assert "0xFF at line 3" in s.describe()      # the build says it, not only the stored article


# --- 9: identity ---------------------------------------------------------------------------------------


def test_case09_same_name_in_two_folders_is_two_articles(tmp_path, blank):
    a, b = tmp_path / "outA", tmp_path / "outB"
    a.mkdir(), b.mkdir()
    (a / "index.txt").write_text(TEXTS["a"], encoding="utf-8")
    (b / "index.txt").write_text(TEXTS["b"], encoding="utf-8")
    db = tmp_path / "x.db"
    build([a], db, blank)
    s = build([b], db, blank)
    assert s.new == ["outB/index.txt"] and s.replaced == []
    assert ids(db) == {"index.txt", "outB/index.txt"}
    # the same file rebuilt replaces itself, under its id
    (a / "index.txt").write_text(TEXTS["c"], encoding="utf-8")
    s = build([a, b], db, blank)
    assert s.replaced == ["index.txt"] and s.unchanged_ids == ["outB/index.txt"] and not s.new
    with Store(db) as st:
        assert st.article("index.txt").title == "Unwetter im Süden"
        assert st.article("outB/index.txt").title == "Hilfe für Vertriebene"


def test_case09_old_dossiers_are_migrated(tmp_path, blank, monkeypatch):
    a, b = tmp_path / "outA", tmp_path / "outB"
    a.mkdir(), b.mkdir()
    (a / "index.txt").write_text(TEXTS["a"], encoding="utf-8")
    (b / "index.txt").write_text(TEXTS["b"], encoding="utf-8")
    db = tmp_path / "x.db"
    monkeypatch.chdir(tmp_path)
    build([Path("outA")], db, blank)
    with Store(db) as st:   # as a dossier of the old schema: no origin column
        st.db.execute("DROP INDEX IF EXISTS articles_origin")
        st.db.execute("ALTER TABLE articles DROP COLUMN origin")
    with Store(db) as st:   # opening migrates: the origin from the stored source path
        assert st.db.execute("SELECT origin FROM articles").fetchone()[0] == str(a / "index.txt")
    s = build([Path("outB")], db, blank)
    assert s.new == ["outB/index.txt"] and ids(db) == {"index.txt", "outB/index.txt"}
    assert build([Path("outA")], db, blank).unchanged_ids == ["index.txt"]


# --- 10: the terminal ------------------------------------------------------------------------------------


def test_case10_cli_output_is_never_markup(tmp_path, blank, capsys):
    from lagebild import cli

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f.jsonl").write_text(json.dumps({"id": "x[/]y", "text": TEXTS["a"]}), encoding="utf-8")
    db = tmp_path / "x.db"
    build([tmp_path / "d"], db, blank)
    runner = CliRunner()
    for q in ("[/]", "Kämpfen [/]", "\udcff", "x[/]y", '"[/]" AND'):
        r = runner.invoke(cli.app, ["search", q, "--db", str(db)])
        assert r.exception is None or isinstance(r.exception, SystemExit), (q, r.exception)
        assert r.exit_code == 0, (q, r.output)
    r = runner.invoke(cli.app, ["search", "Kämpfen", "--db", str(db)])
    assert "x[/]y" in r.output
    cli.report_errors([ArticleError("x[/]y", "problem [bold]here[/]")], processed=1)
    assert "x[/]y" in capsys.readouterr().err


def test_case10_escape_sequences_in_names_are_shown_escaped(folder, tmp_path, blank):
    (folder / "red\x1b[31mname.txt").write_text(TEXTS["b"], encoding="utf-8")
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt", "red\\x1b[31mname.txt"}
    assert "\x1b" not in s.describe()


# --- 11: the web -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_dossier(tmp_path_factory, blank) -> Path:
    d = tmp_path_factory.mktemp("web")
    (d / "in").mkdir()
    for k, t in TEXTS.items():
        (d / "in" / f"{k}.txt").write_text(t, encoding="utf-8")
    build([d / "in"], d / "w.db", blank)
    return d / "w.db"


@pytest.fixture(scope="module")
def web(small_dossier):
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    with TestClient(create_app(small_dossier), base_url="http://localhost") as c:
        yield c


def test_case11_huge_offset_is_refused(web):
    r = web.get("/api/search", params={"q": "Menschen", "offset": "99999999999999999999"})
    assert r.status_code == 422
    assert web.get("/api/articles", params={"offset": str(10**20)}).status_code == 422
    assert web.get("/api/search", params={"q": "Menschen"}).json()["items"]


def test_case11_search_terms_length_and_time_are_bounded(web, small_dossier):
    import time

    q = " ".join(f"wort{i}" for i in range(2000))
    t0 = time.monotonic()
    r = web.get("/api/search", params={"q": q})
    assert r.status_code == 422 and "at most 2,000" in r.json()["detail"] and time.monotonic() - t0 < 2
    r = web.get("/api/search", params={"q": " ".join(["Menschen"] * 100)})
    assert r.status_code == 422 and r.json()["detail"] == "the query has 100 terms; at most 64"
    assert web.get("/search", params={"q": q}).status_code == 200       # the page says so, no error page
    from lagebild.store import sqlite as sq

    with Store(small_dossier, readonly=True) as st, pytest.MonkeyPatch.context() as mp:
        mp.setattr(sq, "PROGRESS_OPS", 1)   # a tiny dossier finishes within the usual steps between looks
        with pytest.raises(sq.SearchError, match="longer than 0 s"):
            st.search("Menschen OR Gewittern", raw=True, seconds=0)
        assert st.search("Menschen OR Gewittern", raw=True)


def test_case11_search_input_is_escaped_unless_raw(web):
    # FTS5 syntax is text by default: a column filter or NEAR() is no error and no operator
    assert web.get("/api/search", params={"q": "text:Menschen"}).status_code == 200
    assert web.get("/api/search", params={"q": 'NEAR("Menschen" "getötet")'}).status_code == 200
    hits = web.get("/api/search", params={"q": "Menschen OR Gewittern", "raw": "true"}).json()["items"]
    assert {h["article"] for h in hits} == {"a.txt", "b.txt", "c.txt"}
    assert web.get("/api/search", params={"q": "Menschen OR Gewittern"}).json()["items"] == []


def test_web_host_allow_list(small_dossier):
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    with TestClient(create_app(small_dossier), base_url="http://evil.example") as c:
        r = c.get("/api/articles")
        assert r.status_code == 400 and "host not allowed" in r.text
    for base in ("http://localhost:8000", "http://127.0.0.1", "http://[::1]:8000"):
        with TestClient(create_app(small_dossier), base_url=base) as c:
            assert c.get("/api/articles").status_code == 200, base
    with TestClient(create_app(small_dossier, allow_hosts=["*.example.org"]), base_url="http://a.example.org") as c:
        assert c.get("/api/articles").status_code == 200


PART = b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'


def _asgi_post(app, path: str, headers: dict[str, str], chunks: int, chunk: bytes = b"x" * (1 << 20)):
    """POST through the app's ASGI interface, counting how much of the body it asked for."""
    import asyncio

    asked = []
    sent = []

    async def receive():
        asked.append(1)
        if len(asked) > chunks:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": (PART if len(asked) == 1 else b"") + chunk,
                "more_body": len(asked) < chunks}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1), "server": ("localhost", 80)}
    # in a thread of its own: the browser tests' playwright keeps an event loop running in this one
    import threading

    t = threading.Thread(target=lambda: asyncio.run(app(scope, receive, send)))
    t.start()
    t.join(60)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, len(asked)


def test_web_body_refused_before_it_is_read(small_dossier, tmp_path):
    import shutil

    from lagebild.web.app import create_app

    form = {"host": "localhost", "content-type": "multipart/form-data; boundary=b"}
    # writes disabled (no token): refused before one byte of the body is asked for
    assert _asgi_post(create_app(small_dossier), "/api/articles", dict(form, **{"content-length": str(300 << 20)}),
                      300) == (403, 0)
    db = tmp_path / "w.db"
    shutil.copy(small_dossier, db)
    app = create_app(db, token="t0ken", max_request_bytes=2 << 20)
    auth = dict(form, authorization="Bearer t0ken")
    assert _asgi_post(app, "/api/articles", dict(auth, **{"content-length": str(300 << 20)}), 300) == (413, 0)
    status, asked = _asgi_post(app, "/api/articles", auth, 300)     # no Content-Length: counted as it streams
    assert status == 413 and asked <= 3
    wrong = dict(form, authorization="Bearer wrong", **{"content-length": str(300 << 20)})
    assert _asgi_post(create_app(db, token="t0ken"), "/api/articles", wrong, 300) == (401, 0)


def test_web_errors_name_no_server_path(small_dossier, tmp_path, nlp):
    import shutil

    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    db = tmp_path / "secret-place" / "w.db"
    db.parent.mkdir()
    shutil.copy(small_dossier, db)
    app = create_app(db, token="t0ken")
    app.state.dossier._nlp = nlp
    with TestClient(app, base_url="http://localhost") as c:
        r = c.post("/api/articles", headers={"Authorization": "Bearer t0ken"},
                   files=[("files", ("x.txt", b"\x00\x01binary")), ("files", ("y.txt", TEXTS["c"].encode()))])
        assert r.status_code == 200
        text = r.text
    assert "secret-place" not in text and "lagebild-upload-" not in text and "/tmp" not in text
    db.unlink()
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as c:
        r = c.get("/api/articles")
    assert "secret-place" not in r.text


def test_serve_token_from_environment_or_file(tmp_path, small_dossier, monkeypatch):
    from lagebild import cli

    seen = {}

    def fake_create_app(db, token=None, **kw):
        seen["token"] = token
        return object()

    import uvicorn

    monkeypatch.setattr("lagebild.web.app.create_app", fake_create_app)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    runner = CliRunner()
    r = runner.invoke(cli.app, ["serve", "--db", str(small_dossier)], env={"LAGEBILD_TOKEN": "from-env"})
    assert r.exit_code == 0 and seen["token"] == "from-env"
    (tmp_path / "tok").write_text("from-file\n")
    r = runner.invoke(cli.app, ["serve", "--db", str(small_dossier), "--token-file", str(tmp_path / "tok")])
    assert r.exit_code == 0 and seen["token"] == "from-file"


# --- 12: a full disk ----------------------------------------------------------------------------------------


def _disk_full_after(monkeypatch, n: int):
    """Every write after the first n inserts fails as on a full disk."""
    real = Store._insert
    calls = {"n": 0}

    def insert(self, table, rows):
        calls["n"] += bool(rows)
        if calls["n"] > n:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, table, rows)

    monkeypatch.setattr(Store, "_insert", insert)


def test_case12_disk_full_stops_with_one_line_and_a_rerun_completes(tmp_path, blank, monkeypatch, caplog):
    d = tmp_path / "in"
    d.mkdir()
    for k, t in TEXTS.items():
        (d / f"{k}.txt").write_text(t, encoding="utf-8")
    db = tmp_path / "x.db"
    _disk_full_after(monkeypatch, 2)   # a.txt's article and sentences (2 inserts), then b.txt's article fails
    with pytest.raises(StoreError, match="disk holding x.db is full") as e:
        build([d], db, blank)
    assert "\n" not in str(e.value) and "Traceback" not in caplog.text
    monkeypatch.undo()
    assert ids(db) == {"a.txt"}
    s = build([d], db, blank)
    assert ids(db) == {"a.txt", "b.txt", "c.txt"} and s.new == ["b.txt", "c.txt"] and not s.errors
    assert any("interrupted" in n for n in s.notes)
    with Store(db) as st:
        assert all(b["finished"] for b in st.builds())


def test_case12_disk_full_cli_exit_status(tmp_path, blank, monkeypatch):
    from lagebild import cli

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXTS["a"], encoding="utf-8")
    _disk_full_after(monkeypatch, 0)
    monkeypatch.setattr(sys, "argv", ["lagebild", "build", str(d), "--db", str(tmp_path / "x.db")])
    import lagebild.build as sb

    real = sb.build_dossier
    monkeypatch.setattr(sb, "build_dossier", lambda *a, **k: real(*a, **dict(k, components=(), nlp=blank)))
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 2


# --- weaker items ---------------------------------------------------------------------------------------------


def test_utf16_without_bom(folder, tmp_path, blank):
    (folder / "le.txt").write_bytes(TEXTS["b"].encode("utf-16-le"))
    (folder / "be.txt").write_bytes(TEXTS["c"].encode("utf-16-be"))
    s = build([folder], tmp_path / "x.db", blank)
    assert not s.errors
    with Store(tmp_path / "x.db") as st:
        assert st.article("le.txt").title == "Hilfe für Vertriebene"
        assert st.article("be.txt").title == "Unwetter im Süden"


def test_huge_file_skipped_before_reading(folder, tmp_path, blank, monkeypatch):
    big = folder / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 2**20)   # 50 MB (sparse): must not be read at all
    reads = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real_read(self))
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt"} and big not in reads
    assert problems(s)["big.txt"] == ("file is 50.0 MB, over the limit of 16.0 MB "
                                      "(LAGEBILD_MAX_FILE_MB, --max-file-mb)")
    monkeypatch.setenv("LAGEBILD_MAX_ARTICLE_CHARS", "50")   # configurable: now every article is too long
    s = build([folder], tmp_path / "y.db", blank)
    assert "over the limit of 50" in problems(s)["good.txt"]


def test_one_build_at_a_time(tmp_path, blank):
    from lagebild.store.lock import build_lock

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXTS["a"], encoding="utf-8")
    db = tmp_path / "x.db"
    with build_lock(db):
        import subprocess

        code = ("import sys; from lagebild.store.lock import build_lock\n"
                "try:\n    build_lock(sys.argv[1]).__enter__()\nexcept Exception as e:\n    print(e); sys.exit(3)")
        r = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=SRC))
        assert r.returncode == 3 and "another build is writing to x.db (pid" in r.stdout
    build([tmp_path / "in"], db, blank)   # free again


def test_read_only_dossier_opens_for_search_report_and_serve(small_dossier, tmp_path):
    """mode 444 in a folder we may not write (as user nobody when we are root: root may write anything)."""
    import shutil
    import subprocess
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="lagebild-ro-"))   # pytest's tmp_path is closed to other users
    top.chmod(0o755)
    ro = top / "ro"
    ro.mkdir()
    shutil.copy(small_dossier, ro / "d.db")
    code = f"""
import os, sys
sys.path.insert(0, {SRC!r})
from lagebild.store.sqlite import Store, StoreError
from lagebild.report.render import render_report
from lagebild.web.app import create_app
from fastapi.testclient import TestClient
import anyio, httpx, json, sqlite3
import encodings.unicode_escape, encodings.idna, encodings.latin_1, encodings.ascii, encodings.punycode
import anyio._backends._asyncio, queue
db = {str(ro / 'd.db')!r}
if os.geteuid() == 0:   # everything imported: now be somebody else
    os.setgid(65534); os.setuid(65534)
try:
    Store(db).close()
    print("writable")
except StoreError as e:
    print("not writable:", e)
with Store(db, readonly=True) as s:
    assert s.search("Menschen"), "search"
assert "Hilfe für Vertriebene" in render_report(db), "report"
with TestClient(create_app(db), base_url="http://localhost") as c:
    assert c.get("/api/articles").json()["total"] == 3, "serve"
print("ok")
"""
    (ro / "d.db").chmod(0o444)
    ro.chmod(0o555)
    try:
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    finally:
        ro.chmod(0o755)
        shutil.rmtree(top)
    assert r.returncode == 0 and "not writable" in r.stdout and "ok" in r.stdout, r.stdout + r.stderr[-3000:]


def test_signed_and_power_numbers_are_no_counts():
    from lagebild.extract.numbers import find_figures

    assert find_figures("Die Armee verlor am Montag -5 Panzer.") == []
    assert find_figures("Angeblich standen 10^50 Soldaten bereit, dazu 2**64 Panzer und 1e308 Drohnen.") == []
    kept = find_figures("Zwischen 25.000-30.000 Menschen flohen, 40 Soldaten starben bei -3 Grad.")
    assert [(f.low, f.high) for f in kept] == [(25_000, 30_000), (40, 40)]


def test_json_number_too_long_to_convert(folder, tmp_path, blank):
    """Found by the fuzzer: Python refuses to convert integers of more than 4,300 digits (ValueError)."""
    (folder / "n.json").write_text('{"id": "n", "text": "Es gab 5 Tote.", "x": ' + "9" * 20_000 + "}", encoding="utf-8")
    (folder / "n.jsonl").write_text('{"id": "m", "text": "Es gab 5 Tote.", "x": ' + "9" * 20_000 + "}\n"
                                    + json.dumps({"id": "ok", "text": TEXTS["c"]}) + "\n", encoding="utf-8")
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt", "ok"}
    p = problems(s)
    assert "4300 digits" in p["n.json"] and "4300 digits" in p["n.jsonl:1"]


def test_unsplittable_url_is_no_crash(folder, tmp_path, blank):
    """Found by the fuzzer: urllib raises ValueError on 'https://[x' (an unclosed IPv6 bracket)."""
    (folder / "u.json").write_text(json.dumps({"id": "u", "text": TEXTS["c"], "url": "https://[x/a"}), encoding="utf-8")
    s = build([folder], tmp_path / "x.db", blank)
    assert ids(tmp_path / "x.db") == {"good.txt", "u"} and not s.errors
