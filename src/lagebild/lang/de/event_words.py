"""Loader of the German event trigger lexicon (``event_triggers.tsv``) and of the word stems
some triggers need in their sentence (``event_needs.tsv``).

`TriggerLexicon.match(word, lemma, pos, particle)` gives the entry a word stands for:

- nouns by lemma, also as the head of a compound: ``Erdbeben`` and ``Nachbeben`` by ``beben``,
  the longest entry winning (``Luftangriff`` is aerial, ``Angriff`` a plain attack); a blocking
  entry (type ``-``) stops a head (``Ansturm`` is no ``Sturm``);
- verbs by lemma, a separable verb with its particle (``fest|nehmen``: "nahm ... fest"), and by
  the regular forms of the verb where a lemmatizer is missing or wrong (``kenterte``, ``gekentert``,
  ``evakuiert``);
- ``form`` entries by the word as written (``Kämpfe``: the plural is fighting, ``Kampf`` is not).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from . import table

HERE = resources.files("lagebild.lang.de")
# Inseparable prefixes (verb_prefixes.tsv), and ge- of a verb like "gehören" (participle "gehört").
INSEPARABLE = tuple(sorted(table("verb_prefixes")["inseparable"])) + ("ge",)


@dataclass(frozen=True)
class TriggerEntry:
    word: str                 # lemma without the separable bar: "festnehmen"
    kind: str                 # noun, verb, form
    type: str                 # PLOVER or our extension; "-" blocks
    mode: str | None
    acled: str | None
    needs: tuple[str, ...] = ()   # stems one of which the sentence must hold
    particle: str = ""        # separable particle: "fest"
    in_arguments: bool = False    # needs met by the trigger's own word or arguments (event_needs.tsv "argument")
    in_objects: bool = False      # ... or its objects too (event_needs.tsv "object": what a verb uses, is exposed to)


def _rows(name: str):
    for line in HERE.joinpath(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def _needs_table() -> tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str]]:
    """event_needs.tsv read once: list name -> stems, the names whose third column says "argument" or "object", and
    those of "object"."""
    lists, argument, objects = {}, set(), set()
    for name, stems, *where in _rows("event_needs.tsv"):
        lists[name] = tuple(s.strip() for s in stems.split(",") if s.strip())
        if where and where[0] in ("argument", "object"):
            argument.add(name)
        if where and where[0] == "object":
            objects.add(name)
    return lists, frozenset(argument), frozenset(objects)


def needs_lists() -> dict[str, tuple[str, ...]]:
    return _needs_table()[0]


def object_needs() -> frozenset[str]:
    """The needs lists a trigger's objects may meet as well as its arguments (event_needs.tsv "object")."""
    return _needs_table()[2]


def argument_needs() -> frozenset[str]:
    """The needs lists a trigger's own word or arguments must meet (event_needs.tsv's third column)."""
    return _needs_table()[1]


# Prefixes a verb takes either way: "brach durch" / "durchbrachen", "durchgebrochen" / "durchbrochen".
EITHER = tuple(sorted(table("verb_prefixes")["either"]))


@lru_cache(maxsize=1)
def strong_verbs() -> dict[str, tuple[str, str, str]]:
    """Strong and mixed verbs (``strong_verbs.tsv``): infinitive -> (preterite stem, participle, 3rd sg. present)."""
    out = {}
    for row in _rows("strong_verbs.tsv"):
        inf, praet, part, *pres = (c.strip() for c in row)
        out[inf] = (praet, part, pres[0] if pres else "")
    return out


def strong_forms(base: str, particle: str = "") -> set[str]:
    """The forms of a strong verb with any prefix that no weak rule derives: "brechen" -> brach, brachen,
    gebrochen, bricht; "überrennen" -> überrannte, überrannt; with a particle the joined forms
    ("durch|brechen": durchbrachen, durchgebrochen, durchbrochen)."""
    table = strong_verbs()
    inf = next((v for v in sorted(table, key=len, reverse=True) if base.endswith(v)), None)
    if inf is None:
        return set()
    praet, part, pres = table[inf]
    finite = {praet, praet + "st", praet + ("n" if praet.endswith("e") else "en"), praet + "t"}
    if pres:
        finite.add(pres)
    prefix = base[:-len(inf)]
    bare = part[2:] if part.startswith("ge") else part
    forms = {prefix + f for f in finite}
    if not prefix:
        forms.add(part)
    if prefix.startswith(INSEPARABLE) or prefix.startswith(EITHER):
        forms.add(prefix + bare)                          # "überrannt", "verbrannt"
    if prefix and not prefix.startswith(INSEPARABLE):
        forms.add(prefix + part)                          # "festgenommen", "angegriffen"
    if particle:
        forms = {particle + f for f in forms}
        if particle in EITHER:
            forms.add(particle + prefix + bare)           # "durchbrochen"
    return forms


def verb_forms(base: str, particle: str = "") -> set[str]:
    """Forms of a German verb, with its separable particle where it has one: the regular (weak) ones,
    and those of a strong verb it ends in (`strong_forms`)."""
    return _weak_forms(base, particle) | strong_forms(base, particle)


def _weak_forms(base: str, particle: str = "") -> set[str]:
    stem = base[:-2] if base.endswith("en") and not base.endswith(("eln", "ern")) else base[:-1]
    t = "et" if stem.endswith(("t", "d", "chn", "ffn", "gn")) else "t"
    finite = {stem + "e", stem + "st", stem + t, stem + "en", stem + "te" if t == "t" else stem + "ete",
              stem + ("ten" if t == "t" else "eten"), base}
    ge = "" if base.endswith("ieren") or base.startswith(INSEPARABLE) else "ge"
    participle = {ge + stem + t}
    if particle:
        return ({particle + f for f in finite} | {particle + p for p in participle} |
                {particle + "zu" + base, particle + base})
    return finite | participle | {"zu" + base}


# Parts of speech that are never a verb's form ("für einige Tage" is no "einigen").
FUNCTION_POS = ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM")


# match()'s answers kept at most (a build of 10,000 articles asks some hundred thousand words; past this many the
# memo starts again rather than grow)
MATCHES_KEPT = 200_000


# inseparable verb prefixes: a prefixed verb is a word of its own ("verbrennen" incinerates, "brennen" is a fire), so an
# -ung noun's head is never split off after one (`TriggerLexicon.nominalisation`); the two-letter ones (be-, er-, ge-)
# end too many compound modifiers ("Arbeiter-", "Farbe-") to be told apart by spelling
VERB_PREFIXES = ("ver", "zer", "ent", "emp", "miss")
# modifiers of a near miss (event_function_words.tsv nearly): "Beinahe-Absturz" is a crash that did not happen
NEARLY = tuple(sorted(table("event_function_words")["nearly"], key=len, reverse=True))


class TriggerLexicon:
    def __init__(self) -> None:
        needs = needs_lists()
        self._matched: dict[tuple[str, str, str, str], TriggerEntry | None] = {}
        self.nouns: dict[str, TriggerEntry] = {}
        self.verbs: dict[str, TriggerEntry] = {}        # lemma -> entry
        self.verb_forms: dict[str, TriggerEntry] = {}   # regular surface form -> entry
        self.forms: dict[str, TriggerEntry] = {}
        self._derived: dict[str, TriggerEntry] = {}     # -ung noun -> the entry its verb gives it (`nominalisation`)
        for word, kind, type_, mode, acled, need in _rows("event_triggers.tsv"):
            particle, _, rest = word.rpartition("|")
            lemma = particle + rest
            if need != "-" and need not in needs:
                raise ValueError(f"event_triggers.tsv: {word}: unknown needs list {need!r}")
            e = TriggerEntry(lemma, kind, type_, None if mode == "-" else mode, None if acled == "-" else acled,
                      needs.get(need, ()), particle, need in argument_needs(), need in object_needs())
            if kind == "noun":
                self.nouns[lemma] = e
            elif kind == "verb":
                self.verbs[lemma] = e
                for f in verb_forms(rest, particle):
                    self.verb_forms.setdefault(f, e)
            elif kind == "form":
                if lemma != lemma.lower():            # match() looks forms up in lower case
                    raise ValueError(f"event_triggers.tsv: {word}: a form is written in lower case")
                self.forms[lemma] = e
            else:
                raise ValueError(f"event_triggers.tsv: {word}: kind must be noun, verb or form, not {kind!r}")

    def noun(self, word: str) -> TriggerEntry | None:
        """The longest entry the noun (lowercase lemma) ends in, leaving a compound part of 3+ letters; none for a
        near miss ("Beinahe-Absturz", NEARLY); a compound read by its modifier first (`compound_readings`:
        "Filialbereinigung" a restructuring, "Wahlsieg" the vote)."""
        if word.startswith(NEARLY):
            return None                                # "Beinahe-Absturz", "Beinahepfändung": it did not happen
        by_modifier = self.compound(word)
        if by_modifier is not None:
            return by_modifier
        if word in self.nouns:
            return self.nouns[word]
        for k in range(3, len(word) - 3):
            e = self.nouns.get(word[k:])
            if e is not None:
                return e
        return self.nominalisation(word)

    def nominalisation(self, word: str) -> TriggerEntry | None:
        """The event a noun in -ung names by the verb it is made from (German forms the action noun of
        nearly every verb so: "Beschlagnahmung" <- beschlagnahmen, "Freilassung" <- frei|lassen, "Lieferung"
        <- liefern), also as a compound's head ("Massenfreilassung"); the verb's type, mode and needs carried
        over, so one verb entry stands for its family. A noun entry of the lexicon (one of its own, or a
        blocking one: "Wartung" is no waiting) always comes first (`noun`)."""
        if not word.endswith("ung") or len(word) < 7:
            return None
        for k in (0, *range(3, len(word) - 6)):        # the whole word, then heads leaving a modifier of 3+ letters
            if k and word[:k].endswith(VERB_PREFIXES):
                continue                               # "(Müll)ver|brennung" is verbrennen's, not brennen's: no head
            part = word[k:]
            stem = part[:-3]
            verb = self.verbs.get(stem + "en") or self.verbs.get(stem + "n")   # Räum-ung, Liefer-ung
            if verb is not None:
                return self._derived.setdefault(part, replace(verb, word=part, kind="noun"))
        return None

    def compound(self, word: str) -> TriggerEntry | None:
        """The sense a compound's modifier gives its head (``event_compounds.tsv``): "Filialschließung" is a
        restructuring, "Wahlsieg" and "Wahlniederlage" the vote whose outcome they name."""
        for head, readings in compound_readings():
            modifier = word[:-len(head)] if word.endswith(head) else ""
            if len(modifier) < 3:
                continue
            for stems, entry in readings:
                if stems != ("*",) and not modifier.startswith(stems):
                    continue
                if entry is not None:
                    return entry
                own = self.noun(modifier) or (self.noun(modifier[:-1]) if modifier.endswith("s") else None)
                if own is not None and own.type != "-":
                    return own
        return None

    def match(self, text: str, lemma: str, pos: str = "", particle: str = "") -> TriggerEntry | None:
        """The entry a word stands for; lemma: the parse's (or "" without one), pos: its UPOS,
        particle: a separable particle the parse attached to it ("fest" of "nahm ... fest"). Asked of every word
        of four letters or more (find_triggers): each answer kept (`_matched`), the lexicon never changes."""
        key = (text, lemma, pos, particle)
        if key in self._matched:
            return self._matched[key]
        if len(self._matched) >= MATCHES_KEPT:
            self._matched.clear()
        e = self._matched[key] = self._match(text, lemma, pos, particle)
        return e

    def _match(self, text: str, lemma: str, pos: str, particle: str) -> TriggerEntry | None:
        low, lem = text.lower(), (lemma or text).lower()
        upper = text[:1].isupper()
        e = self.forms.get(low)
        if e is None and upper and pos not in ("VERB", "AUX", "ADJ", "ADV"):
            e = self.noun(lem) or (self.noun(low) if lem != low else None)
        if e is None and (not upper or pos in ("VERB", "AUX")) and pos not in FUNCTION_POS:
            if particle:                              # "reisten ... ein" is einreisen, not reisen
                e = self.verbs.get(particle + lem) or self.verb_forms.get(particle + low)
            else:
                e = self.verbs.get(lem) or self.verb_forms.get(low)
            if e is not None and e.particle and not (particle or low.startswith(e.particle)):
                e = None                          # "nimmt" alone is not "einnehmen"
        if e is not None and e.type == "-":
            return None
        return e


@lru_cache(maxsize=1)
def compound_readings() -> tuple[tuple[str, tuple[tuple[tuple[str, ...], TriggerEntry | None], ...]], ...]:
    """(head, ((modifier stems, entry or None for the modifier's own event), ...)) of ``event_compounds.tsv``,
    the longest head first."""
    out: dict[str, list[tuple[tuple[str, ...], TriggerEntry | None]]] = {}
    for head, stems, type_, mode, acled in _rows("event_compounds.tsv"):
        entry = None if type_ == "@" else TriggerEntry(head, "noun", type_, None if mode == "-" else mode,
                                                         None if acled == "-" else acled)
        out.setdefault(head, []).append((tuple(s.strip() for s in stems.split(",") if s.strip()), entry))
    return tuple((h, tuple(r)) for h, r in sorted(out.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    return TriggerLexicon()


@lru_cache(maxsize=1)
def status_words() -> dict[str, frozenset[str]]:
    """status ("historical", "comparison") -> lemmas that mark it (event_status.tsv)."""
    return {status: frozenset(w.strip() for w in words.split(",") if w.strip())
            for status, words in _rows("event_status.tsv")}



@lru_cache(maxsize=1)
def vote_scopes() -> list[tuple[str, str]]:
    """(stem, scope) of ``vote_scopes.tsv`` in file order: what a vote's name says about where it is held."""
    return [(stem.strip(), scope.strip()) for stem, scope in _rows("vote_scopes.tsv")]


def vote_scope(word: str) -> str | None:
    """'Bundespräsidentenwahl' -> country, 'Gemeinderatswahl' -> city, 'Stichwahl' -> None."""
    low = word.lower()
    return next((scope for stem, scope in vote_scopes() if stem in low), None)


@dataclass(frozen=True)
class Reading:
    role: str                   # subject, object
    stems: tuple[str, ...]      # the role's word (lemma, lower case) ends in one of them
    entry: TriggerEntry | None  # None: no event


@lru_cache(maxsize=1)
def verb_readings() -> dict[str, tuple[Reading, ...]]:
    """verb lemma -> its readings by who does it or to what (``event_readings.tsv``), in file order;
    ``@class`` stands for the stems of that class of ``counted_classes.tsv``."""
    classes = {row[0]: row[2] for row in _rows("counted_classes.tsv") if len(row) > 2}
    out: dict[str, list[Reading]] = {}
    for verb, role, stems, type_, mode, acled in _rows("event_readings.tsv"):
        items: list[str] = []
        for s in (s.strip() for s in stems.split(",") if s.strip()):
            items += [c.strip() for c in classes[s[1:]].split(",") if c.strip()] if s.startswith("@") else \
                [""] if s == "*" else [s]                # "*": any word in that role
        entry = None if type_ == "-" else TriggerEntry(verb, "verb", type_, None if mode == "-" else mode,
                                                       None if acled == "-" else acled)
        out.setdefault(verb, []).append(Reading(role, tuple(items), entry))
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class DomainSense:
    """A trigger read in another sense in some domains (event_senses.tsv)."""
    key: str                    # an entry's word, TYPE or TYPE/mode
    kind: str                   # noun, verb, form, or * (any)
    domains: frozenset[str]     # the article domains of that sense (extract/domain.py)
    unless: tuple[str, ...]     # the conditions under which it is an event after all ("place", "past", "reflexive")


@lru_cache(maxsize=1)
def domain_senses() -> dict[str, tuple[DomainSense, ...]]:
    """event_senses.tsv by key (the separable bar dropped: "an|greifen" -> "angreifen")."""
    out: dict[str, list[DomainSense]] = {}
    for key, kind, domains, unless, *_ in _rows("event_senses.tsv"):
        key = key.replace("|", "")
        out.setdefault(key, []).append(DomainSense(key, kind, frozenset(d.strip() for d in domains.split(",")),
                                                   () if unless == "-" else tuple(unless.split(","))))
    return {k: tuple(v) for k, v in out.items()}
