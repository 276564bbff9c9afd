"""The German lexicon: word lists as data files beside this loader, each list once.

`words(name)` reads ``name.txt`` (one entry a line, ``#`` starts a comment) as a frozenset of lower-case
entries; `table(name)` reads ``name.tsv`` (key TAB entry) as key -> frozenset of entries; `rows(name)` reads
``name.tsv`` as its rows in file order (the first column lower case), `numbered(name)` as form -> integer,
`pairs(name)` as form -> code; `phrases(name)` reads ``name.txt`` in file order, keeping its case.

Each word exists once: a list that holds another list's words names that list instead of repeating them.
In a ``.txt`` read by `words`/`phrases` an entry line, and in a ``.tsv`` read by `table` a comma-separated
entry, may be an include or an exclusion:

- ``@name``: every entry of ``name.txt``, in its order (its own includes expanded);
- ``@name.tsv``: the first column of ``name.tsv`` (the forms of months.tsv, weekdays.tsv ...);
- ``@name.tsv:key``: the entries of ``key`` in ``name.tsv`` read as a table ("the articles");
- ``-word``: not this word, though an include brings it (compared in lower case, wherever it stands).

So sentence_starters.txt is written as its own words, function_words.txt as ``@sentence_starters`` less the
articles plus its own. An include cycle, a missing file or a missing key is a ValueError or FileNotFoundError
naming the file that holds the include. `rows`, `pairs` and `numbered` read their files as written.
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


def _include(ref: str, where: str, stack: tuple[str, ...]) -> list[str]:
    """The entries an include names (``@name``, ``@name.tsv``, ``@name.tsv:key``), read from file `where`."""
    target, _, key = ref[1:].partition(":")
    file = target if target.endswith(".tsv") else f"{target}.txt"
    if file in stack:
        raise ValueError(f"lang/de/{where}: include cycle {' -> '.join((*stack, file))}")
    if not (HERE / file).exists():
        raise FileNotFoundError(f"lang/de/{where}: {ref} names no word list {file} in {HERE}")
    if file.endswith(".txt"):
        if key:
            raise ValueError(f"lang/de/{where}: {ref}: a .txt list has no keys")
        return _entries(file, stack)
    if not key:
        return [line.split("\t", 1)[0].strip() for line in _lines(HERE / file)]
    keyed = _keyed(file, stack)
    if key not in keyed:
        raise ValueError(f"lang/de/{where}: {ref}: no key {key!r} in {file}")
    return keyed[key]


def _expand(items: list[str], where: str, stack: tuple[str, ...]) -> list[str]:
    """Items with their includes expanded and their exclusions (``-word``) applied, in order."""
    out: list[str] = []
    drop: set[str] = set()
    for item in items:
        if item.startswith("@"):
            out.extend(_include(item, where, (*stack, where)))
        elif item.startswith("-") and len(item) > 1:
            drop.add(item[1:].strip().lower())
        else:
            out.append(item)
    return [e for e in out if e.lower() not in drop]


def _entries(file: str, stack: tuple[str, ...] = ()) -> list[str]:
    """The entries of a ``.txt`` list as written, includes expanded, exclusions applied."""
    return _expand(_lines(HERE / file), file, stack)


def _keyed(file: str, stack: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """A ``.tsv`` table (KEY<TAB>entry, entry ...) as key -> entries in order, includes expanded per key."""
    raw: dict[str, list[str]] = {}
    for n, line in enumerate(_lines(HERE / file), 1):
        key, sep, rest = line.partition("\t")
        if not sep:
            raise ValueError(f"lang/de/{file}:{n}: expected KEY<TAB>ENTRIES, got {line!r}")
        raw.setdefault(key.strip(), []).extend(w.strip() for w in rest.split(",") if w.strip())
    return {key: _expand(items, file, stack) for key, items in raw.items()}


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``name.txt``, lower case (includes expanded)."""
    return frozenset(line.lower() for line in _entries(f"{name}.txt"))


@cache
def table(name: str) -> dict[str, frozenset[str]]:
    """``name.tsv`` as key -> entries (lower case); a key may have several lines (includes expanded)."""
    return {key: frozenset(w.lower() for w in items) for key, items in _keyed(f"{name}.tsv").items()}


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


def pairs(name: str, column: int | None = None) -> dict[str, str]:
    """``name.tsv`` (FORM<TAB>CODE) as form -> code, in file order; a row needs both columns. With `column`,
    a file of several readings (FORM<TAB>CODE<TAB>CODE ...): form -> its code in that column, rows whose code
    there is "." (no such reading) left out."""
    out = {}
    for n, row in enumerate(rows(name), 1):
        if column is not None:
            if len(row) <= column or not row[column]:
                raise ValueError(f"lang/de/{name}.tsv: row {n} {row!r}: expected a code in column {column}")
            if row[column] != ".":
                out[row[0]] = row[column]
            continue
        if len(row) != 2 or not row[1]:
            raise ValueError(f"lang/de/{name}.tsv: row {n} {row!r}: expected FORM<TAB>CODE")
        out[row[0]] = row[1]
    return out


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of ``name.txt`` in file order, as written (case kept; includes expanded)."""
    return tuple(_entries(f"{name}.txt"))


@cache
def compass_stems() -> tuple[str, ...]:
    """The points of the compass as the first part of a compound ("Nordirak", "südostasiatisch", "Nordbalkan"): the
    nouns of compass_points.txt less their -en ("nordost", "süd"), the longest first so that "nordost" is tried
    before "nord". One list for measures, entities and stories."""
    return tuple(sorted({p[:-2] for p in words("compass_points")}, key=lambda p: (-len(p), p)))


# "zentral" names a middle part of a country or region as the compass points name its sides ("Zentralrussland",
# "zentralafrikanisch")
CENTRE_STEM = "zentral"


def adjective_stem(word: str) -> str:
    """An adjective without its inflection ending (``eigenem``, ``eigener``, ``eigenen`` -> ``eigen``; ``ersten``
    -> ``erst``), where a stem of three letters or more remains. German morphology that the extractors (sources'
    adjectives) and consolidation (a place's name in another case: ``Nahen Osten``) both read."""
    for ending in ("em", "en", "er", "es", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def number_value(text: str) -> int | float:
    """A value as a lang/de file writes it: "1000" -> 1000, "1.5" -> 1.5, "1e6" -> 1000000.0."""
    return int(text) if text.isdigit() else float(text)


def months() -> dict[str, int]:
    """Month names, lower case -> 1..12 ("jänner" -> 1), in calendar order (months.tsv)."""
    return numbered("months")


def month_abbreviations() -> dict[str, int]:
    """Abbreviated month names without the full stop ("sept" -> 9), month_abbreviations.tsv."""
    return numbered("month_abbreviations")


def weekdays() -> dict[str, int]:
    """Weekday names -> ISO weekday ("sonnabend" -> 6), weekdays.tsv."""
    return numbered("weekdays")


def period_units() -> dict[str, str]:
    """Units of time a count may be counted over ("binnen fünf Monaten"): the date units of time_units.tsv,
    lower case -> TIMEX3 duration letter ("monat" -> "M", "jahrzehnt" -> "DE"), in file order."""
    return {w: letter for w, letter, kind, _ in rows("time_units") if kind == "date"}


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
