"""The house as DESIGN.md draws it, checked: layers (import-linter contracts in pyproject.toml), faces that
run no SQL, no function longer than a screen, and ruff and mypy clean on src/."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "lagebild"
MAX_LINES = 80

# Functions still longer than MAX_LINES, as "module:qualified name". Each is in a module being rewritten by
# an open issue and is split there; the list may only shrink (a new long function fails).
TOO_LONG = {
}


def _py_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def test_import_contracts_hold():
    """model imports nothing of ours; store keeps; consolidation reads no extractor; extractors know no
    store, web or report; the faces import no extractor; the layers have no cycle (pyproject.toml)."""
    cli = pytest.importorskip("importlinter.cli")
    sys.path.insert(0, str(ROOT / "src"))
    try:
        code = cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    finally:
        sys.path.remove(str(ROOT / "src"))
    assert code == 0, "an import contract is broken: run `lint-imports` for the offending imports"


_SQL = re.compile(r"\b(?:SELECT\b.+\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|VIEW|INDEX)"
                  r"|json_extract|PRAGMA)\b", re.I | re.S)


def _sql_in(path: Path) -> list[str]:
    """Where a module runs SQL itself: a call of .execute*()/.cursor(), or an SQL string. (Holding a connection
    to hand to the store's read model is allowed: web/ opens one per request.)"""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "execute", "executemany", "executescript", "cursor"):
            found.append(f"{path.name}:{node.lineno} .{node.func.attr}()")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL.search(node.value):
            found.append(f"{path.name}:{node.lineno} SQL text {node.value[:40]!r}")
    return found


def test_faces_run_no_sql_of_their_own():
    """web/ and report/ read through the store's read model (store/views.py, catalog.py), never SQL."""
    found = [hit for face in ("web", "report") for p in _py_files(SRC / face) for hit in _sql_in(p)]
    assert found == []


def test_the_sql_detector_finds_sql(tmp_path):
    """The check above can fail: a module with a query and an execute call is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text('def f(con):\n    return con.execute("SELECT json_extract(data, \'$.x\') FROM claims")\n')
    assert len(_sql_in(bad)) == 2


def _long_functions() -> dict[str, int]:
    out = {}
    for path in _py_files(SRC):
        rel = path.relative_to(SRC).as_posix()

        def visit(node: ast.AST, prefix: str) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    name = f"{prefix}{child.name}"
                    if not isinstance(child, ast.ClassDef):
                        length = (child.end_lineno or child.lineno) - child.lineno + 1
                        if length > MAX_LINES:
                            out[f"{rel}:{name}"] = length
                    visit(child, name + ".")
                else:
                    visit(child, prefix)

        visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return out


def test_no_function_longer_than_a_screen():
    """No function in src/ is longer than 80 lines, except the listed ones (to be split)."""
    long = _long_functions()
    new = {k: v for k, v in long.items() if k not in TOO_LONG}
    assert new == {}, f"split these by job (at most {MAX_LINES} lines): {new}"


# Modules allowed to hold German word lists of their own: none since issue 18 emptied the last ones into lang/de.
# An entry names a module or a package; the list may only shrink (an entry whose modules hold no list must leave).
INLINE_WORD_LISTS: set[str] = set()

LIST_WORDS = 8          # a literal of this many lower-case word strings ...
GERMAN_SHARE = 0.2      # ... of which this share reads as German is a word list
_LOWER_WORD = re.compile(r"[a-zäöüß][a-zäöüß.\- ]*")


def _word_strings(node: ast.AST) -> list[str]:
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items: list[ast.expr | None] = list(node.elts)
    elif isinstance(node, ast.Dict):
        items = list(node.keys)
    else:
        return []
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
            and _LOWER_WORD.fullmatch(i.value)]


def _german_word_lists(path: Path, is_german) -> list[str]:
    """"line: first words" of each set/tuple/list/dict literal in path (anywhere in the module) that holds at
    least LIST_WORDS lower-case word strings of which at least GERMAN_SHARE read as German."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        words = _word_strings(node)
        if len(words) >= LIST_WORDS and sum(map(is_german, words)) >= GERMAN_SHARE * len(words):
            out.append(f"{node.lineno}: {' '.join(words[:5])} ...")
    return out


@pytest.fixture(scope="module")
def is_german():
    """A word reads as German by fastText's language id (ingest/language.py): "einige" does, "month" not."""
    sys.path.insert(0, str(ROOT / "src"))
    from lagebild.ingest.language import detect

    return lambda word: detect(word)[0] == "de"


def test_german_word_lists_live_in_lang_de(is_german):
    """No module outside lang/de keeps a German word list of its own (issue 18): lists are data files in
    lang/de, read through its loaders, each list once. Listed modules are being emptied."""
    found = {}
    for path in _py_files(SRC):
        rel = path.relative_to(SRC).as_posix()
        if not rel.startswith("lang/de/"):
            found[rel] = _german_word_lists(path, is_german)
    def excepted(rel: str) -> str | None:
        return next((e for e in INLINE_WORD_LISTS if rel == f"{e}.py" or rel.startswith(f"{e}/")), None)

    new = {rel: lists for rel, lists in found.items() if lists and not excepted(rel)}
    assert new == {}, f"move these word lists into src/lagebild/lang/de (a data file + a loader): {new}"
    emptied = sorted(set(INLINE_WORD_LISTS) - {excepted(rel) for rel, lists in found.items() if lists})
    assert emptied == [], f"these hold no German word list any more: remove them from INLINE_WORD_LISTS: {emptied}"


def test_the_word_list_detector_tells_german_from_code_names(tmp_path, is_german):
    german = tmp_path / "german.py"
    german.write_text('def f(w):\n    return w in ("einige", "mehrere", "viele", "wenige", "etliche", "zahlreiche",'
                      ' "manche", "paar")\n', encoding="utf-8")
    code = tmp_path / "code.py"
    code.write_text('COLUMNS = ["id", "title", "outlet", "published", "url", "language", "text", "source"]\n'
                    'FEW = {"einige", "mehrere", "viele"}\n', encoding="utf-8")
    assert len(_german_word_lists(german, is_german)) == 1 and _german_word_lists(code, is_german) == []


def _run(tool: str, *args: str) -> subprocess.CompletedProcess:
    pytest.importorskip(tool)
    return subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)


def test_ruff_is_clean():
    """ruff (pyflakes, pycodestyle, isort, bugbear; pyproject.toml [tool.ruff]) finds nothing in src/."""
    done = _run("ruff", "check", "--no-cache", "src")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_mypy_is_clean():
    """mypy (pyproject.toml [tool.mypy]) finds no type error in src/lagebild."""
    done = _run("mypy", "--cache-dir", str(ROOT / ".mypy_cache"))
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


def test_every_component_finds_what_it_requires(nlp):
    """Factories declare assigns=/requires= (spaCy checks the order): the shipped pipeline satisfies them."""
    problems = nlp.analyze_pipes()["problems"]
    assert set(problems) >= {"lagebild_claims", "lagebild_events", "lagebild_entities", "lagebild_times"}
    assert {name: p for name, p in problems.items() if p} == {}


def test_a_component_out_of_order_is_reported():
    import lagebild.extract.events  # noqa: F401  (registers "lagebild_events")
    from lagebild.nlp import blank

    n = blank()
    n.add_pipe("lagebild_events")
    assert {"doc._.mentions", "doc._.times", "doc._.claims"} <= set(n.analyze_pipes()["problems"]["lagebild_events"])
