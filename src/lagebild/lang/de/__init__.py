"""The German lexicon: word lists as data files beside this loader, each list once.

`words(name)` reads ``name.txt`` (one entry a line, ``#`` starts a comment) as a frozenset of lower-case
entries; `table(name)` reads ``name.tsv`` (key TAB entry) as key -> frozenset of entries; `rows(name)` reads
``name.tsv`` as its rows in file order (the first column lower case), `numbered(name)` as form -> integer,
`pairs(name)` as form -> code; `phrases(name)` reads ``name.txt`` in file order, keeping its case.
"""
from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _lines(path: Path) -> list[str]:
    if not path.exists():
        raise FileNotFoundError(f"lang/de: no word list {path.name} in {HERE}")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``name.txt``, lower case."""
    return frozenset(line.lower() for line in _lines(HERE / f"{name}.txt"))


@cache
def table(name: str) -> dict[str, frozenset[str]]:
    """``name.tsv`` as key -> entries (lower case); a key may have several lines."""
    out: dict[str, set[str]] = {}
    for n, line in enumerate(_lines(HERE / f"{name}.tsv"), 1):
        key, sep, rest = line.partition("\t")
        if not sep:
            raise ValueError(f"lang/de/{name}.tsv:{n}: expected KEY<TAB>ENTRIES, got {line!r}")
        out.setdefault(key.strip(), set()).update(w.strip().lower() for w in rest.split(",") if w.strip())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _numbered(name: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """``name.tsv`` as (form, number, flags) in file order: FORM<TAB>NUMBER[<TAB>FLAG ...]."""
    out = []
    for n, line in enumerate(_lines(HERE / f"{name}.tsv"), 1):
        form, *rest = [c.strip() for c in line.split("\t")]
        if not rest or not rest[0].isdigit():
            raise ValueError(f"lang/de/{name}.tsv:{n}: expected FORM<TAB>NUMBER, got {line!r}")
        out.append((form.lower(), int(rest[0]), tuple(rest[1:])))
    return tuple(out)


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """``name.tsv`` as its rows in file order: FORM<TAB>COLUMN..., the form lower case, every column stripped."""
    return tuple(tuple([cols[0].lower(), *cols[1:]]) for cols in
                 ([c.strip() for c in line.split("\t")] for line in _lines(HERE / f"{name}.tsv")))


def numbered(name: str) -> dict[str, int]:
    """``name.tsv`` (FORM<TAB>NUMBER) as form -> number, in file order."""
    return {form: n for form, n, _ in _numbered(name)}


def pairs(name: str) -> dict[str, str]:
    """``name.tsv`` (FORM<TAB>CODE) as form -> code, in file order; a row needs both columns."""
    out = {}
    for n, row in enumerate(rows(name), 1):
        if len(row) != 2 or not row[1]:
            raise ValueError(f"lang/de/{name}.tsv: row {n} {row!r}: expected FORM<TAB>CODE")
        out[row[0]] = row[1]
    return out


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of ``name.txt`` in file order, as written (case kept)."""
    return tuple(_lines(HERE / f"{name}.txt"))


def number_value(text: str) -> int | float:
    """A value as a lang/de file writes it: "1000" -> 1000, "1.5" -> 1.5, "1e6" -> 1000000.0."""
    return int(text) if text.isdigit() else float(text)


def months() -> dict[str, int]:
    """Month names, lower case -> 1..12 ("jänner" -> 1), in calendar order (months.tsv)."""
    return {form: n for form, n, _ in _numbered("months")}


def month_abbreviations() -> dict[str, int]:
    """Abbreviated month names without the full stop ("sept" -> 9), month_abbreviations.tsv."""
    return {form: n for form, n, _ in _numbered("month_abbreviations")}


def weekdays() -> dict[str, int]:
    """Weekday names -> ISO weekday ("sonnabend" -> 6), weekdays.tsv."""
    return {form: n for form, n, _ in _numbered("weekdays")}


def number_words(compounding: bool = False) -> dict[str, int]:
    """Cardinal number words up to ninety -> value (number_words.tsv); with compounding=True only the
    forms that build compounds ("ein", not "eins": einundzwanzig, eineinhalb)."""
    return {form: n for form, n, flags in _numbered("number_words") if not (compounding and "alone" in flags)}


@lru_cache(maxsize=1)
def month_names() -> tuple[str, ...]:
    """The twelve month names as written in a date ("September"), January first: each month's first
    form in months.tsv."""
    names: dict[int, str] = {}
    for form, n in months().items():
        names.setdefault(n, form[:1].upper() + form[1:])
    if sorted(names) != list(range(1, 13)):
        raise ValueError("lang/de/months.tsv must name each of the months 1-12")
    return tuple(names[n] for n in range(1, 13))


def month_forms() -> dict[str, int]:
    """Every spelling of a month name, casefolded -> its number (jänner -> 1)."""
    return months()
