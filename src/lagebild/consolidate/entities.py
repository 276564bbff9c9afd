"""Entity resolution across articles: mentions -> canonical entities.

Pure over the mentions (same mentions, same entities), so the store can redo
it over everything stored. What makes two mentions one entity:

- countries, their adjectives, capitals and seats used for the government:
  the ISO code the extractor put in ``Mention.ref`` (``country:KP``);
- places: the gazetteer id (``geo:<geonameid>``), which already joins
  exonyms and transliterations (Kiew, Kyiv, Kyjiw);
- organisations: the organisation key (``org:KCNA``, ``org:Verteidigungsministerium:RU``);
- persons: a spelling-neutral key (Sergej/Sergei, Jong-un/Jong Un,
  Selenskyj/Selensky), one edit of slack for long surnames (Selensykj), and
  short forms joined to the full name they are part of (Putin -> Wladimir Putin,
  Kim -> Kim Jong Un); persons with different first names or countries stay apart.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..geo.translit import fold
from ..geo.translit import key as name_key
from ..lang.de import adjective_stem
from ..model import FALLBACK_KIND, Entity, Mention
from ..nlp.compounds import word_tag
from ..text import within_one_edit


@functools.lru_cache(maxsize=200_000)
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def resolve_entities(mentions: Sequence[Mention]) -> list[Entity]:
    """Canonical entities with all their mentions; sorted by number of mentions."""
    mentions = [m for m in mentions if isinstance(m, Mention)]
    buckets: dict[str, list[Mention]] = defaultdict(list)
    persons: list[Mention] = []
    # a full name read as a person somewhere is that person where the NER said ORG or OTH ("Wolodymyr Selenskyj")
    person_names = {_name_key(m.text) for m in mentions if (m.label or "").upper() == "PER" and " " in m.text.strip()}
    # one sense per word in a collection: a one-word name without a gazetteer id read as a place three times
    # and as a person once ("Korvane") is the place everywhere (ties stay as they are)
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if not m.ref and " " not in m.text.strip():
            votes[m.text.strip()][(m.label or "OTH").upper()] += 1
    for m in mentions:
        label = (m.label or "OTH").upper()
        if label in ("ORG", "OTH", "LOC") and not m.ref and _name_key(m.text) in person_names:
            m, label = replace(m, label="PER"), "PER"
        elif not m.ref and (v := votes.get(m.text.strip())) and len(v) > 1:
            (top, n), (_, n2) = v.most_common(2)
            if n > n2 and top != label:
                m, label = replace(m, label=top), top
        if m.ref and m.ref.startswith("country:"):
            buckets[f"gpe:{m.ref.split(':', 1)[1]}"].append(m)
        elif m.ref and m.ref.startswith("geo:"):
            buckets[f"loc:{m.ref.split(':', 1)[1]}"].append(m)
        elif m.ref and m.ref.startswith("org:"):
            buckets["org:" + _slug(m.ref.split(":", 1)[1].replace(":", " "))].append(m)
        elif label == "PER":
            persons.append(m)
        else:
            buckets[f"{label.lower()}:{_slug(m.text)}"].append(m)
    for eid, group in _cluster_persons(persons).items():
        buckets[eid].extend(group)
    # a genitive without a gazetteer id ("Valdoriens") joins its nominative ("Valdorien") of the same kind
    for eid in [k for k in buckets if k.endswith("s") and k.split(":")[0] in ("loc", "org", "oth")]:
        if eid[:-1] in buckets:
            buckets[eid[:-1]].extend(buckets.pop(eid))
    entities = [_entity(eid, group) for eid, group in buckets.items()]
    entities.sort(key=lambda e: (-len(e.mentions), e.id))
    return entities


# --- persons ----------------------------------------------------------------------------

def _name_key(text: str) -> str:
    return " ".join(_key_words(text))


def _words(text: str) -> list[str]:
    return list(_key_words(text))


@functools.lru_cache(maxsize=200_000)
def _key_words(text: str) -> tuple[str, ...]:
    return tuple(name_key(text).split())


def _near(a: str, b: str) -> bool:
    """Spelling variants of one surname: equal keys, or one edit apart in a long name,
    but never a feminine -a against a masculine form (Selenska / Selenskyj)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if a[-1] != b[-1] and "a" in (a[-1], b[-1]):
        return False
    return within_one_edit(a, b)


@functools.lru_cache(maxsize=1 << 17)
def _deletions(word: str) -> tuple[str, ...]:
    """The word and each form of it with one letter left out: two words one edit apart (a letter
    changed, added, dropped or two swapped) share one of these, so they find each other by it. Once per
    word (a dossier names one person in many articles); every caller reads them as a set."""
    return (word, *{word[:i] + word[i + 1:] for i in range(len(word))})


class _NearIndex:
    """Items by the deletion keys of their words: the candidates for `_near` of a word are found in
    a few lookups instead of a pass over all items. Lookups return item numbers in the order added."""

    def __init__(self) -> None:
        self.keys: dict[str, list[int]] = defaultdict(list)

    def add(self, n: int, *words: str) -> None:
        for k in {d for w in words for d in _deletions(w)}:
            self.keys[k].append(n)

    def near(self, *words: str) -> list[int]:
        return sorted({n for w in words for d in _deletions(w) for n in self.keys.get(d, ())})


def _cluster_persons(persons: list[Mention]) -> dict[str, list[Mention]]:
    """Persons by name: a full name joins the first full name it agrees with, a short form the full name
    containing it (same article first, then the most mentioned). Blocked by surname deletion keys, so
    linear in the mentions: each is compared only with the names one edit from its own."""
    full: list[tuple[list[str], list[Mention], Counter]] = []   # (key words, mentions, countries)
    articles: list[set[str | None]] = []                          # the articles of each full name's mentions
    by_surname = _NearIndex()
    single: list[Mention] = []
    for m in persons:
        words = _words(m.text)
        if len(words) >= 2:
            for n in by_surname.near(words[-1]):
                fw, group, countries = full[n]
                if _same_full(words, fw) and _compatible(countries, m.country) and \
                        not (m.article in articles[n] and _tail_only(words, fw) and
                             " " in m.text.strip() and " " in group[0].text.strip() and
                             _opens_with_first_name(m.text if len(words) < len(fw) else group[0].text)):
                    # a name written as one word is a double surname ('Kraus-Wendler' of 'Sabine
                    # Kraus-Wendler'), no second full name that drops a first name; nor are the last words
                    # that open with no first name ('Rahmani Pur' of 'Arasch Rahmani Pur': a surname of two)
                    group.append(m)
                    articles[n].add(m.article)
                    if m.country:
                        countries[m.country] += 1
                    break
            else:
                by_surname.add(len(full), words[-1])
                full.append((words, [m], Counter([m.country] if m.country else [])))
                articles.append({m.article})
        elif words:
            single.append(m)
    extra = _join_short_forms(single, full, articles)
    out: dict[str, list[Mention]] = {}
    for _key_words, group, _ in full:
        name = _canonical(group)
        out.setdefault(f"per:{_slug(name)}", []).extend(group)
    one_word = _NearIndex()          # the keys of one word, by it: a surname without a first name joins them
    one_word_keys: list[str] = []
    for k in out:
        if len(k.split("-")) == 1:
            one_word.add(len(one_word_keys), k[4:])
            one_word_keys.append(k)
    for w, group in extra.items():
        # Variants of one unmatched surname ("Selenskyj" / "Selensykj" without a first name anywhere).
        target = next((one_word_keys[n] for n in one_word.near(w) if _near(one_word_keys[n][4:], w)), None)
        key = target or f"per:{_slug(w)}"
        if key not in out and len(key.split("-")) == 1:
            one_word.add(len(one_word_keys), key[4:])
            one_word_keys.append(key)
        out.setdefault(key, []).extend(group)
    return out


def _join_short_forms(single: list[Mention], full: list[tuple[list[str], list[Mention], Counter]],
                      articles: list[set[str | None]]) -> dict[str, list[Mention]]:
    """Short forms (one word) join the full name that contains them, in place (same article first, then the most
    mentioned); the rest, by their word, for the surnames of no full name."""
    # a short form may be the first word of any full form the person is written with ('Lula' of 'Lula da Silva',
    # which joined 'Luiz Inácio Lula da Silva': of the longest form it is a middle word)
    forms = [_group_parts(fw, group) for fw, group, _ in full]
    by_part = _NearIndex()
    for n, parts in enumerate(forms):
        by_part.add(n, *parts)
    extra: dict[str, list[Mention]] = defaultdict(list)
    # the full names a short form is near, in the index's order: by the word alone (the full names no longer change
    # here), found once per word - a dossier names one surname in many articles
    near_full: dict[str, tuple[str, list[int]]] = {}
    for m in single:
        w = _words(m.text)[0]
        found = near_full.get(w)
        if found is None:
            w_trim = w[:-1] if w.endswith("s") and len(w) > 4 else w
            found = near_full[w] = (w_trim, [n for n in by_part.near(w, w_trim)
                                             if any(_near(w, p) or _near(w_trim, p) for p in forms[n])])
        w_trim, near = found
        if (one := _one_in_article(m, w, w_trim, near, full, forms, articles)) is not None:
            if one < 0:             # two persons of its article bear the name: which one is meant is left open
                extra[w_trim].append(m)
                continue
            near = [one]
        best = None
        for n in near:
            _, group, countries = full[n]
            if not _compatible(countries, m.country):
                continue
            score = (m.article in articles[n], len(group))
            if best is None or score > best[0]:
                best = (score, n)
        if best is not None:
            full[best[1]][1].append(m)
            articles[best[1]].add(m.article)
        else:
            extra[w_trim].append(m)
    return extra


def _one_in_article(m: Mention, w: str, w_trim: str, near: list[int],
                    full: list[tuple[list[str], list[Mention], Counter]], forms: list[list[str]],
                    articles: list[set[str | None]]) -> int | None:
    """Where two full names of the short form's article bear it ('Karl Brandt ... seine Tochter Lea Brandt ...
    Brandt sagte'), the one the article has named more often before it (its subject, called by the surname; a
    relative named in passing keeps a first name), else -1: the surname alone does not say which, and the mention
    stays a name of its own rather than join a person it may not be (as a place not found stays unresolved text);
    None where its article names at most one (the usual case)."""
    same = [n for n in near if m.article in articles[n] and _compatible(full[n][2], m.country)]
    # a second 'full name' opened by a word the lexicon knows as no name ('Wann Brandt' of 'Wann Brandt kommt'), or
    # whose first word the short form is, two words long (a genitive before a noun: 'Brandts Blog'), is no second
    # person of that name: it leaves the surname to the others
    same = [n for n in same if _a_second_person(full[n][1][0].text.split(), full[n][0], w, w_trim)]
    if len(same) < 2:
        return None
    exact = [n for n in same if w in forms[n] or w_trim in forms[n]]   # 'Brandt' before a variant 'Brand'
    same = exact or same
    if len(same) < 2:
        return same[0]
    named = sorted(((sum(x.article == m.article and x.start < m.start for x in full[n][1]), n) for n in same),
                   reverse=True)
    return named[0][1] if named[0][0] > named[1][0] else -1


def _a_second_person(words: list[str], fw: list[str], w: str, w_trim: str) -> bool:
    """Whether a full name (its words as written, and their keys fw) may be a person the short form w names, beside
    another of the same surname."""
    tag, known = word_tag(words[0]) if words else ("", False)
    return not (known and tag != "NE") and not (len(words) == 2 and fw[0] in (w, w + "s", w_trim + "s"))


def _parts(fw: list[str]) -> list[str]:
    """The words of a full name a short form may be: the surname, and the first word of a name of
    three words or with a surname of up to three letters (Kim Jong Un, Xi Jinping... as written first)."""
    return [fw[-1]] + ([fw[0]] if len(fw) >= 3 or len(fw[-1]) <= 3 else [])


def _group_parts(fw: list[str], group: list[Mention]) -> list[str]:
    """`_parts` of every full form in the person's mentions, those of its first full name first."""
    out = _parts(fw)
    for text in dict.fromkeys(m.text for m in group):
        out += [p for p in _parts(_words(text)) if p not in out]
    return out


def _same_full(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same surname (or variant) and first names that agree, or the one name
    the other's last words ('Tayyip Erdogan' of 'Recep Tayyip Erdogan': the longest span holds the shorter)."""
    if a == b:
        return True
    if not _near(a[-1], b[-1]) and a[-1] != b[-1]:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return a[0] == b[0] or _near(a[0], b[0]) or short[:-1] == long_[len(long_) - len(short):-1]


def _tail_only(a: list[str], b: list[str]) -> bool:
    """The names agree only as one the other's last words: across articles outlets print more or fewer first
    names ('Tayyip Erdogan', 'Recep Tayyip Erdogan'); in one article, where a person is named in full once, a
    second full name that drops a first name is another person ('Anna Maria Schmidt und ihre Tochter Maria
    Schmidt')."""
    return len(a) != len(b) and a[0] != b[0] and not _near(a[0], b[0])


@functools.lru_cache(maxsize=1 << 14)
def _opens_with_first_name(text: str) -> bool:
    """Whether a name's first word is a name the lexicon knows ('Maria Schmidt'; not 'Rahmani Pur')."""
    return word_tag(text.split()[0]) == ("NE", True)


def _compatible(countries: Counter, country: str | None) -> bool:
    return not country or not countries or country in countries


# --- building entities ------------------------------------------------------------------

def _canonical(group: Iterable[Mention]) -> str:
    """The most frequent full form (ties: the longer, then the first seen)."""
    forms = Counter(m.text for m in group)
    return max(forms, key=lambda f: (len(f.split()) >= 2, forms[f], len(f)))


def _entity(eid: str, group: list[Mention]) -> Entity:
    kind, _, ident = eid.partition(":")
    labels = Counter((m.label or "OTH").upper() for m in group)
    countries = Counter(m.country for m in group if m.country)
    country = countries.most_common(1)[0][0] if countries else None
    texts = {m.text for m in group}                   # each form once: a dossier's big entities have thousands
    aliases = sorted(texts, key=lambda t: (t.lower(), t))
    lat = lon = None
    if kind == "gpe":
        from ..geo import gazetteer

        c = gazetteer().countries.get(ident)
        name = c.name if c else ident
        typ = "GPE"
        if c:
            lat, lon, country = c.lat, c.lon, c.iso
            # "die Staatsspitzen Mazedoniens": the country goes by the name the genitive is made of too
            aliases += [n for n in c.names if n not in aliases and (n + "s" in texts or n + "es" in texts)]
    elif kind == "loc":
        from ..geo import gazetteer

        place = gazetteer().by_id.get(ident)
        name = _place_name(group, place)
        typ = "LOC"
        if place:
            # a continent or world region ("Europa", "Naher Osten") lies in no country, whatever country the
            # articles naming it are about
            lat, lon = place.lat, place.lon
            country = None if place.above_countries else place.country or country
    elif kind == "org":
        typ = "ORG"
        ref = next((m.ref for m in group if m.ref), None)
        name = _org_name(ref, group)
    elif kind == "per":
        typ = "PER"
        name = _canonical(group)
    else:
        typ = labels.most_common(1)[0][0]
        name = _canonical(group)
    return Entity(eid, name, typ, aliases, sorted(group, key=lambda m: (m.article, m.start)), lat, lon, country)


def _place_name(group: list[Mention], place=None) -> str:
    """Places keep the German form most written (genitive 's' dropped: 'Kiews' -> 'Kiew', also where
    only the genitive is written and the gazetteer's place goes by the form without it: 'Walloniens'); a form cut
    short ('Nord-' of 'Nord- und Südamerika') is no name: the place's own where no other is written."""
    forms = Counter(m.text for m in group if not m.text.endswith("-"))
    if not forms:
        return place.name if place is not None else group[0].text
    by_form = gazetteer_forms() if place is not None else {}
    for f in list(forms):
        if f.endswith("s") and (f[:-1] in forms or (
                f not in by_form and any(c.id == place.id for c in by_form.get(f[:-1], ())))):
            forms[f[:-1]] += forms.pop(f)
    best = max(forms, key=lambda f: (forms[f], -len(f)))
    return place.name if place is not None and _declined(best, place.name) else best


def _declined(form: str, name: str) -> bool:
    """'Nahen Osten', 'Kanarischen Inseln': a case of the place's name of several words that differs from it only
    in its adjectives' endings - the place goes by the nominative ('Naher Osten', 'Kanarische Inseln')."""
    words, own = form.split(), name.split()
    return form != name and len(words) == len(own) > 1 and \
        all(w == o or adjective_stem(w) == adjective_stem(o) for w, o in zip(words, own))


def gazetteer_forms() -> dict:
    from ..geo import gazetteer

    return gazetteer().by_form


def _org_name(ref: str | None, group: list[Mention]) -> str:
    if ref and ref.startswith("org:"):
        parts = ref.split(":")
        if len(parts) == 3:
            from ..geo import gazetteer

            c = gazetteer().countries.get(parts[2])
            forms = sorted({m.text.split("-", 1)[-1] for m in group}, key=lambda f: (len(f), f))   # not set order
            # the lemma where every form starts with it ("Militär", "Militärs"), else the shortest form
            head = parts[1] if all(f.startswith(parts[1]) for f in forms) else forms[0]
            return f"{head} ({c.name if c else parts[2]})"
        return parts[1]
    return _canonical(group)


# --- sources ------------------------------------------------------------------------------

KIND_BY_TYPE = {"PER": "person", "GPE": "government"}


def link_sources(claims: Iterable, entities: Sequence[Entity]) -> list:
    """Set ``Source.entity`` where a claim's source is one of the resolved entities.

    A source matches an entity by a spelling-neutral key of its name or an alias
    ("Sergei Schoigu" = "Sergej Schoigu"); a source ending in a person's surname
    ("Innenminister Klymenko", "der ukrainische Präsident Selenskyj") is that person
    when only one resolved person has that surname. Pure: returns the claims it changed.

    The entity also settles a kind the source's words could not: a bare surname
    ("Selenskyj") is a person, a country or capital ("Moskau") speaks for its government.
    """
    by_key: dict[str, str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    kind_of: dict[str, str] = {}
    for e in entities:
        if e.type not in ("PER", "ORG", "GPE"):
            continue
        if e.type in KIND_BY_TYPE:
            kind_of[e.id] = KIND_BY_TYPE[e.type]
        for name in (e.name, *e.aliases):
            k = name_key(name)
            if k:
                by_key.setdefault(k, e.id)
                if e.type == "PER":
                    surnames[k.split()[-1]].add(e.id)
    changed = []
    for c in claims:
        touched = False
        for s in getattr(c, "sources", None) or ():
            k = name_key(s.name or "")
            if not k:
                continue
            eid = by_key.get(k)
            if eid is None and len(surnames.get(k.split()[-1], ())) == 1:
                eid = next(iter(surnames[k.split()[-1]]))
            if eid and s.entity != eid:
                s.entity, touched = eid, True
            if eid in kind_of and s.kind in (None, FALLBACK_KIND):
                s.kind, touched = kind_of[eid], True
        if touched:
            changed.append(c)
    return changed


# --- resolving a part: what a new mention can change -----------------------------------------

def _index_version() -> str:
    """Of the code that decides entities and the keys below: a stored index made by other code is not used."""
    import hashlib
    from pathlib import Path

    here = Path(__file__).resolve()
    h = hashlib.sha256()
    for p in (here, here.parent.parent / "geo" / "translit.py", here.parent.parent / "text.py"):
        h.update(p.read_bytes())
    return "keys1-" + h.hexdigest()[:12]


INDEX_VERSION = _index_version()


def _near_keys(word: str) -> tuple[str, ...]:
    """Keys that two words `_near` each other share: a long word's deletion forms, a short word itself."""
    return tuple("d:" + d for d in (_deletions(word) if len(word) >= 6 else (word,)))


def mention_keys(m: Mention) -> set[str]:
    """What a mention's resolution can share with another's (`resolve_entities`): two mentions with no key
    in common, directly or through others, never change each other's entity. Keys of the text's votes on
    its kind, of a full name read as a person elsewhere, of the buckets it may fall in (any kind; a
    genitive with its nominative) and, for a person, the near-forms of the words a full name or short form
    is matched by. Wider than needed is safe (more is redone); narrower would not be."""
    return set(_keys_of(m.text, m.label, m.ref))


def _keys_of(raw: str, label_: str | None, ref: str | None) -> frozenset[str]:
    """`mention_keys` of a mention's text, label and ref (all it reads). `components` and `part_keys` take
    them once per name, not per mention (a dossier names one person, town or organisation in many articles),
    in a memo of their own call: its names' keys (tens of MB at 10,000 articles) are not kept after it."""
    m = Mention("", 0, 0, raw, label_, None, ref)
    text = m.text.strip()
    label = (m.label or "OTH").upper()
    keys: set[str] = set()
    if not m.ref and " " not in text:
        keys.add("t:" + text)
    if (label == "PER" and " " in text) or (label in ("ORG", "OTH", "LOC") and not m.ref):
        keys.add("n:" + _name_key(m.text))
    if m.ref and m.ref.startswith(("country:", "geo:")):
        keys.add("b:" + m.ref)
    else:
        ident = _slug(m.ref.split(":", 1)[1].replace(":", " ")) if m.ref and m.ref.startswith("org:") else _slug(m.text)
        keys.update(("x:" + ident, "x:" + ident[:-1] if ident.endswith("s") else "x:" + ident))
    if label == "PER" and not (m.ref and m.ref.startswith(("country:", "geo:", "org:"))):   # else its ref decides
        words = _words(m.text)
        if len(words) >= 2:
            for w in _parts(words):
                keys.update(_near_keys(w))
        elif words:
            w = words[0]
            for v in {w, w[:-1] if w.endswith("s") and len(w) > 4 else w}:
                keys.update(_near_keys(v) + _near_keys(_slug(v)))
        slug = _slug(m.text)
        if "-" not in slug:
            keys.update(_near_keys(slug))
    return frozenset(keys)


def components(mentions: Sequence[Mention], entities: Sequence[Entity]) -> tuple[list[int], dict[str, int]]:
    """The parts of a resolution that do not touch each other: a number per mention (in order) and per key
    (`mention_keys`, and "e:<id>" of each entity: one entity is always one part)."""
    entity_of = {(m.article, m.start, m.end): e.id for e in entities for m in e.mentions}
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        root = k
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[k] != root:
            parent[k], k = root, parent[k]
        return root

    first: list[str | None] = []
    # a name's keys sorted once per name (a dossier names one person, town or organisation in many articles); once
    # joined they stay one part, so a name met again only joins its entity's key to them: the same parts, the same
    # order of first sight (`parent`'s order numbers the parts), whichever key is a part's root
    sorted_keys: dict[tuple[str, str | None, str | None], tuple[str, ...]] = {}
    joined: set[tuple[str, str | None, str | None]] = set()
    for m in mentions:
        name = (m.text, m.label, m.ref)
        keys = sorted_keys.get(name)
        if keys is None:
            keys = sorted_keys[name] = tuple(sorted(_keys_of(*name)))
        eid = entity_of.get((m.article, m.start, m.end))
        if name in joined:
            root = find(keys[0])
            if eid is not None:
                r = find("e:" + eid)
                if r != root:
                    parent[r] = root
            first.append(root)
            continue
        joined.add(name)
        if eid is not None:
            at = bisect.bisect_left(keys, "e:" + eid)
            keys = keys[:at] + ("e:" + eid,) + keys[at:]
        head: str | None = None
        for k in keys:
            r = find(k)
            if head is None:
                head = r
            elif r != head:
                parent[r] = head
        first.append(head)
    number: dict[str, int] = {}
    key_part = {k: number.setdefault(find(k), len(number)) for k in parent}
    return [-1 if k is None else key_part[k] for k in first], key_part


def part_keys(mentions: Iterable[Mention], entities: Iterable[Entity]) -> set[str]:
    """All keys of these mentions and entities (one part, `components`)."""
    keys_of = functools.cache(_keys_of)
    keys = {k for m in mentions for k in keys_of(m.text, m.label, m.ref)}
    keys.update("e:" + e.id for e in entities)
    return keys
