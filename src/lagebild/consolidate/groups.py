"""Claim groups: claims about the same quantity, within one story.

A figure's quantity is its measure (extract/measures.py, extract/quantity.py): the role (killed, injured,
rescued, arrested, deployed ...), what is counted (a class of the counted noun, else its lemma), whose
(nationality or side: attackers apart from victims), where, its scope (a part - "darunter", "davon",
"allein in" - is never its whole) and, for figures without a class, what they are about (the governing
noun or verb: "der Schaden beträgt ..."). Groups are the claims of one story with equal measures: the same
quantity reported at different times or by different sources always shares a group (reconcile then tells
evolution from disagreement), different roles or scopes never do.

Stories come from ``story_of`` (article id -> story id, the stories step); without it a light fallback
keeps counts that name neither whose nor where apart when their articles share no distinctive words.
A claim that misses a detail its article leaves implicit (no nationality, no place) joins the one group of
its story that has it, when exactly one such group fits and its article names that detail somewhere (or, the
stories given, when it restates a figure of that group).
Keys are compared by compatibility, not only equality: a figure whose key says less than that of a near figure of
another report of its story (no class, no day, a place at another grain) and contradicts it nowhere joins it,
unless either article names both keys for figures near in value (`_refinements`, `_told_apart`); two reports that
each name a detail the other leaves unsaid (one the place, one the victims' nationality of that place's country) join
the key that says both; a counted noun said alone with the figure of the one compound of its story that ends in it
("17 Hallen" / "17 Lagerhallen") is that compound's count (`_one_compound`); a deed of people
on the move left unsaid ("12.400 Flüchtlinge in Spielfeld" / "12.400 kamen in Spielfeld an") is such a detail when
all else is equal, a year (another than the report's) never, unless the figures are the same. Within a story, one
toll named at two grains ("in Paris" / "in Saint-Denis und Paris", the same figure within a bound's reach) is one
quantity, and so is one toll named in a town and in the country or first-level area it lies in (the gazetteer's
hierarchy: "in Lyon" / "in Frankreich"; two towns never, a part - "allein in Lyon" - never its whole); a part said
as a part in one report and plainly in another ("darunter zwölf Kinder" / "zwölf Kinder starben") is one count where
both name the detail that tells it from its whole (`_part_said_once`); a headline figure is the body figure it sums
up; a count over a stretch of time ("binnen fünf Monaten") or a rate ("täglich") is its own
quantity (extract/quantity.py sets it as the time scope).
Within one article, two single figures are one count only when one is the other rounded ("2.087" / "rund 2.100"),
and so are two bounds of one side ("mindestens 691" / "mindestens 397": two counts). A figure introduced by a
definite article or a demonstrative (`Claim.determiner`, from the parse) names the earlier count of its value in
its article, and so does a count said first ("zunächst war von acht Toten die Rede") beside the count now
("inzwischen elf": `estimates.first_then_now`). A running total ("seit Oktober", "bisher", "damit", "stieg auf")
set beside one incident's count in a report is a quantity of its own, and the running totals of the story's reports
are one series however far they grew. A counted noun in two inflected forms is one noun; "Menschen" of no role
restate the near count with a role of another report. Group ids are readable slugs (``killed:marokko``,
``personnel:nordkorea:soldat:planned``), prefixed by the story where a call holds several; they never carry an
article's name. Pure: the same claims give the same groups.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from functools import lru_cache

from ..geo import country_table, distance_km, gazetteer, german_country_names
from ..geo.countries import countries, demonym_key
from ..keys import GROWTH, SCOPES, key_parts, slug_of
from ..lang.de import period_units
from ..lang.de import words as lexicon
from ..lang.de.labels import ACTION_LABELS, KIND_LABELS
from ..lang.de.scopes import scope_pattern
from ..model import Article, Claim, ClaimGroup, Measure
from ..text import slugify
from .estimates import (
    CUMULATIVE,
    change_of,
    compatible,
    first_then_now,
    other_voice,
    point,
    reconcile,
    running_total,
    superseded,
)
from .stories import cistem

PER_CLAIM = {"other", "people", "money", "percent", "measurement", "incidents", "vehicles"}
WEAPON_ACTIONS = {"weapons_used": "eingesetzt", "weapons_intercepted": "abgefangen",
                  "weapons_delivered": "geliefert"}
CLASS_LABELS = {"kind": "Kinder", "zivilist": "Zivilisten", "polizist": "Polizisten", "helfer": "Helfer",
                "taeter": "Angreifer/Täter", "kaempfer": "Kämpfer"}


# Kinds whose label says the role (Tote, Verletzte ...); the others say what is counted (Häuser, Euro, Drohnen).
ROLE_HEADS = frozenset({"killed", "injured", "killed_or_injured", "killed_or_missing", "missing", "displaced",
                        "detained", "attendees", "rescued", "aboard", "rating"})


def _country_name(key: str) -> str | None:
    for c in countries():
        if c.key == key:
            return c.names[0] if c.names else None
    return None


def _as_written(slug: str, members: list[Claim]) -> str:
    """A place slug as the articles spell it ("muenchen" -> München), else capitalised."""
    name = _country_name(slug)
    if name:
        return name
    parts = slug.split("+")
    out = []
    for part in parts:
        found = None
        for c in members:
            for w in re.findall(r"[A-ZÄÖÜ][\wäöüß\-]+", c.sentence or ""):
                if slugify(w) == part or slugify(w) == part + "s":
                    found = w if slugify(w) == part else w[:-1]
                    break
            if found:
                break
        out.append(found or part[:1].upper() + part[1:])
    return " und ".join(out)


def label_de(m: Measure | None, members: list[Claim]) -> str:
    """A German title for a group: "Tote in Marokko", "Soldaten aus Nordkorea, geplant", "Tote: Kinder"."""
    example = members[0]
    if m is None:
        return example.counted or example.text
    nat, _, cls = (m.subject or "").partition(":")
    if m.kind in ROLE_HEADS:
        head = KIND_LABELS[m.kind]
        if cls in CLASS_LABELS:
            head += f": {CLASS_LABELS[cls]}"
    else:
        head = example.counted or KIND_LABELS.get(m.kind, "") or example.text
    bits = [head]
    if nat and nat != "-" and (name := _country_name(nat)) and demonym_key(head) != nat:
        bits.append(f"aus {name}" if m.kind in ("personnel", "people") else f"({name})")
    elif nat and nat != "-" and m.kind == "other":
        # whose the things are (extract/claims.py `_held`): the governing party's seats and the opposition's are two
        # groups, and their labels must say which ("Sitze (Front)", "Sitze (Oppositionspartei)")
        bits.append(f"({_as_written(nat, members)})")
    if m.kind in WEAPON_ACTIONS:
        bits.append(WEAPON_ACTIONS[m.kind])
    if m.action in ACTION_LABELS:
        bits[-1] += ","
        bits.append(ACTION_LABELS[m.action])
    if m.place:
        bits.append(f"in {_as_written(m.place, members)}")
    if m.scope == "part":
        bits.append("(Teilzahl)")
    elif m.scope == "each":
        bits.append("(je)")
    if m.time:
        bits.append(f"({time_de(m.time)})")
    return " ".join(bits)


# A period's unit by its TIMEX3 letter (lang/de/time_units.tsv) -> its noun in the dative after "binnen", one and
# many: units of time ending in -e are feminine and add -n ("einer Woche", "5 Wochen"), the others -en ("einem
# Monat", "5 Monaten").
PERIOD_DE = {letter: (("einer " if w.endswith("e") else "einem ") + w.capitalize(),
                      w.capitalize() + ("n" if w.endswith("e") else "en"))
             for w, letter in period_units().items()}
PERIOD = re.compile(rf"P(\d+(?:\.\d+)?)({'|'.join(sorted(PERIOD_DE, key=len, reverse=True))})")


def time_de(value: str) -> str:
    """A quantity's time scope in German: P5M -> "binnen 5 Monaten", seit-1984 -> "seit 1984", a day -> 1.11.2015,
    a weekday -> Sonntag."""
    if m := PERIOD.fullmatch(value):
        n = m.group(1)
        one, many = PERIOD_DE[m.group(2)]
        return f"binnen {one if n == '1' else n + ' ' + many}"
    if value.startswith("pro-"):
        return "pro " + value[4:].capitalize()
    if m := re.fullmatch(r"seit-(.+)", value):
        return f"seit {time_de(m.group(1))}"            # seit-1984, seit-2015-10-19 (a running total from a day)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return f"{int(m.group(3))}.{int(m.group(2))}.{m.group(1)}"
    return value.capitalize() if value.isalpha() else value


def _mention_count(article: Article | None, key: str) -> int:
    """How often the article names this nationality or place (its names, adjectives, demonyms as words)."""
    if article is None:
        return 0
    text = article.text.lower()
    for c in countries():
        if c.key == key:
            words = {f.lower() for f in c.names + c.demonyms}        # as words, a genitive allowed
            stems = {f.lower() for f in c.adjectives}                 # inflected: "griechische", "griechischen"
            return sum(len(re.findall(rf"(?<![\wäöüß]){re.escape(f)}(?:s|n)?(?![\wäöüß])", text)) for f in words) + \
                sum(len(re.findall(rf"(?<![\wäöüß\-]){re.escape(f)}[a-zäöüß]*(?![\wäöüß\-])", text)) for f in stems)
    return (slugify(text) or "").count(key)


def group_claims(claims: list[Claim], articles: list[Article],
                 story_of: Mapping[str, str] | None = None) -> list[ClaimGroup]:
    """Assign claim.group over all claims of one call, within stories; return the groups, reconciled.

    story_of: article id -> story id (the stories step); None: a light fallback (see the module docstring)."""
    by_article = {a.id: a for a in articles}
    strict = story_of is not None
    story = {a.id: slugify(str(story_of.get(a.id, ""))) or "geschichte" for a in articles} \
        if story_of is not None else stories(articles)
    several = len(set(story.values())) > 1
    parts: dict[int, tuple[str, ...] | None] = {}
    for n, c in enumerate(claims):
        parts[n] = key_parts(c.measure) if c.measure is not None else None
    _one_noun(claims, parts, story)
    _one_rate(claims, parts, story)
    _one_compound(claims, parts, story)
    stated = dict(parts)                # the keys as the articles state them, before any detail is filled in
    _backoff(claims, parts, by_article, story if strict else {}, strict)
    _two_grains(claims, parts, story if strict else {})
    grains = _story_grains(claims, parts, by_article, story)
    _refinements(claims, parts, story, stated, grains.within, grains.abroad_named)
    _people_with_a_role(claims, parts, story)
    headline = {id(c) for c in claims if _in_title(c, by_article.get(c.article))}
    _restated_in_article(claims, parts, headline)
    _headline_restates(claims, parts, headline)
    _refers_back(claims, parts)
    _one_change_key(claims, parts)
    members: dict[str, list[Claim]] = defaultdict(list)
    key_of: dict[str, tuple[str, ...]] = {}
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None:
            c.group = None
            continue
        gid = slug_of(p)
        if strict and several:
            gid = f"{story.get(c.article, 'geschichte')}:{gid}"
        elif not strict and several and p[1] == "-" and p[4] == "-":
            gid += f":{story.get(c.article, 'geschichte')}"     # whose? where? only its story tells
        c.group = gid
        members[gid].append(c)
        key_of[gid] = p
    split: dict[str, list[Claim]] = {}
    published = {a.id: a.published for a in articles}
    for gid, ms in members.items():
        m0 = ms[0].measure
        # a generic count, or people on the move named by a noun alone ("Flüchtlinge": no verb says what
        # they did): only a repeated figure shows one quantity
        generic = m0 is not None and ((slugify(m0.kind) or "") in PER_CLAIM or m0.kind == "displaced" and not m0.action)
        # a percentage whose rate the text names ("der Beitragssatz liegt bei 22,8 Prozent") is described: another
        # report's near figure of that rate is the same quantity ("jetzt bei 22 Prozent")
        p0 = key_of[gid]
        rate = p0[0] == "percent" and p0[CLASS] != "-" and any(c.measure is not None and c.measure.subject for c in ms)
        # a percentage that names no rate: the shares of a story lie on one scale of 0 to 100, where a rounded share
        # ("rund 60 Prozent": 55 to 65) takes a sixth of it, so near values of two reports recur by chance ("62
        # Prozent der Geprüften" in one study, "rund 60 Prozent der Befragten" in another); with nothing said of
        # what they measure, only an equal figure ties two reports' shares ("7 Prozent" / "sieben Prozent")
        unnamed = p0[0] == "percent" and p0[CLASS] == "-"
        for k, cluster in enumerate(_within_articles(ms, generic and not rate, published, headline,
                                                     RATE_REACH if rate else None, unnamed)):
            sub = gid if k == 0 else f"{gid}:{k + 1}"
            for c in cluster:
                c.group = sub
            split[sub] = cluster
    members = split
    groups = []
    for gid in sorted(members):
        ms = members[gid]
        measure = next((c.measure for c in ms if c.measure), None)
        g = ClaimGroup(id=gid, measure=measure, members=[c.id or "" for c in ms], label=label_de(measure, ms))
        reconcile(g, ms, by_article)             # low / best / high, sources, status, explanation
        groups.append(g)
    return groups


CLASS = 2


def _one_noun(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], story: Mapping[str, str]) -> None:
    """One counted noun in two inflected forms is one noun: "379 Anzeigen" and "Die Zahl der Anzeigen stieg auf
    516" (lemma "Anzeig" for the elliptic figure), "Teilnehmer" and "Teilnehmende". Within a story, the class
    parts of the keys that share a stem (CISTEM, as the stories step stems nouns) take the form most keys use."""
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for n, c in enumerate(claims):
        if (p := parts[n]) is not None and p[CLASS] != "-":
            forms[(story.get(c.article, ""), cistem(p[CLASS]))][p[CLASS]] += 1
    for n, c in enumerate(claims):
        if (p := parts[n]) is not None and p[CLASS] != "-":
            seen = forms[(story.get(c.article, ""), cistem(p[CLASS]))]
            if len(seen) > 1:
                parts[n] = p[:CLASS] + (_base_form(seen),) + p[CLASS + 1:]


def _one_compound(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], story: Mapping[str, str]) -> None:
    """A counted noun said alone restates a compound of its story that ends in it when it gives the same figure:
    "drei Kommandos" in one report, "drei Terrorkommandos" in another (`_one_noun_class`: German compounds end in
    their head, and name a kind of it). The head's figure takes the compound's class, of the same kind, where
    exactly one compound of that figure fits ("17 Hallen" beside "17 Lagerhallen" and "17 Werkshallen" stays
    itself); a head with another figure ("zehntausende Arbeiter" beside "5.000 Bauarbeiter") is no restatement,
    and two compounds never join each other. An article that gives both nouns that figure told them apart ("12
    Stimmen, 12 Gegenstimmen", "drei Spieler und drei Nachwuchsspieler": `_told_apart`); a restatement within one
    article refers back (`_refers_back`). "Wachstum" said alone is the economy's growth (`GROWTH`), never another
    growth's compound ("Bevölkerungswachstum")."""
    figures: dict[tuple[str, str, str], dict[tuple[float, float], set[str]]] = defaultdict(lambda: defaultdict(set))
    for n, c in enumerate(claims):
        if (p := parts[n]) is not None and p[CLASS] != "-" and c.qualifier != "vague":
            figures[(story.get(c.article, ""), p[0], p[CLASS])][(c.low, c.high)].add(c.article)
    classes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, kind, cls in figures:
        classes[(s, kind)].add(cls)
    for n, c in enumerate(claims):
        if (p := parts[n]) is None or p[CLASS] == "-" or c.qualifier == "vague" or p[0] == "percent" and \
                p[CLASS] == GROWTH:
            continue
        mine, value = story.get(c.article, ""), (c.low, c.high)
        said = figures[(mine, p[0], p[CLASS])][value]          # the articles that give the head this figure
        longer = [x for x in classes[(mine, p[0])] if len(_slug_stem(x)) > len(_slug_stem(p[CLASS])) and
                  _one_noun_class(p[CLASS], x) and value in figures[(mine, p[0], x)]]
        if len(longer) == 1 and not said & figures[(mine, p[0], longer[0])][value]:
            parts[n] = p[:CLASS] + (longer[0],) + p[CLASS + 1:]


def _one_rate(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], story: Mapping[str, str]) -> None:
    """A rate named by a compound and by its head is one rate noun within a story ("Pensionsbeiträge" /
    "Beitragssatz" -> beitrag, by CISTEM stems: German compounds end in their head): the longer takes the head
    it ends in. Percentages only; their figures must still be near to be one quantity (`RATE_REACH`). The economy's
    growth (`keys.GROWTH`, read by extract/quantity.py from "Wirtschaftswachstum", "BIP-Anstieg", "Wachstum" alone)
    is no head of the growth of anything else: "Bevölkerungswachstum" the extraction kept is the population's."""
    stems: dict[str, set[str]] = defaultdict(set)
    for n, c in enumerate(claims):
        if (p := parts[n]) is not None and p[0] == "percent" and p[CLASS] not in ("-", GROWTH):
            stems[story.get(c.article, "")].add(p[CLASS])
    for n, c in enumerate(claims):
        if (p := parts[n]) is None or p[0] != "percent" or p[CLASS] == "-":
            continue
        heads = [q for q in stems[story.get(c.article, "")] if q != p[CLASS] and _ends_in(p[CLASS], q, RATE_HEAD)]
        if heads:
            parts[n] = p[:CLASS] + (min(heads, key=len),) + p[CLASS + 1:]


def _slug_stem(slug: str) -> str:
    """The CISTEM stem of a slug, its umlauts spelled out in the slug folded back ("beitraege" -> beitrag)."""
    return cistem(slug.replace("ae", "a").replace("oe", "o").replace("ue", "u"))


INFLECTED = ("n", "s", "en", "es", "ns")      # endings of a dative plural or a genitive: "Kilometern", "Hauses"


def _base_form(seen: Counter) -> str:
    """Of the forms of one noun, the one most keys use; on a tie not an inflected form of another ("Kilometern" of
    "Kilometer"), then the longest (the full lemma, not one clipped from an elliptic figure: "Anzeige", "Anzeig")."""
    inflected = {f for f in seen for e in INFLECTED if f.endswith(e) and f[:-len(e)] in seen}
    return min(seen, key=lambda f: (-seen[f], f in inflected, -len(f), f))


def _speaker(c: Claim) -> str | None:
    name = c.sources[0].name if c.sources else c.source
    return " ".join(name.casefold().split()) if name else None


def apart(a: Claim, b: Claim, headline: Collection[int] = ()) -> bool:
    """Do two figures of one measure count different things? Within one article, two figures that differ
    beyond rounding are two quantities (the article told them apart in words we did not read: "89 im
    Konzertsaal" and "129 insgesamt"), unless two different sources stand behind them ("Polizei: 80.000,
    Veranstalter: 200.000" is one crowd, disputed, even where one says "insgesamt"), one is a vague word whose range
    holds the other ("Dutzende" / "40"; not "hunderte" / "150": `_outside_vague`), or one is in the headline
    (`headline`: ids of headline claims): a headline sums up its body ("24 Verletzte" above "31 weitere wurden
    verletzt" is one count, reported twice), or one is given on another's word than the other ("nach anderen
    Angaben": `estimates.other_voice`). Figures of different articles are never apart here."""
    if a.article != b.article:
        return False
    if id(a) not in headline and id(b) not in headline and _adds_to(a, b):
        return True
    if _one_figure(a, b) or _one_change(a, b):
        return False
    if id(a) in headline or id(b) in headline:      # "Zehntausende" in the headline is the body's 80.000 and 200.000
        return _finer_than_body(a, b) if id(a) in headline else _finer_than_body(b, a)
    if "vague" in (a.qualifier, b.qualifier):
        return _outside_vague(a, b) and _speaker(a) == _speaker(b)
    if _update_of(a, b) or other_voice(a) != other_voice(b):
        return False             # "nach Angaben der Polizei 300, nach anderen Angaben 500": one count, two sources
    return not _two_speakers(a, b)


def _outside_vague(a: Claim, b: Claim) -> bool:
    """Is one figure a vague word whose range does not hold the other ("hunderte Menschen" / "150 Menschen",
    "zehntausende" / "hunderttausende")? A vague word names an order of magnitude (`compatible`: its range stretched
    upwards, VAGUE_STRETCH): an author who writes "hunderte" beside "150" in one report counts two things. Only where
    one voice says both (`apart`: the same source or none): "Hunderte demonstrierten ... Die Polizei sprach von 150"
    is one crowd, the police's figure against the report's word."""
    return "vague" in (a.qualifier, b.qualifier) and not compatible(a, b)


def _finer_than_body(title: Claim, body: Claim) -> bool:
    """A headline rounds its body's figure, it never refines a figure the body gives rounded: "Rund 210.000
    Menschen kamen ins Land" above "rund 200.000 Personen passierten" counts more than those 200.000. Only single
    figures, the body's marked as rounded ("rund", "etwa"); an exact headline figure the body's rounds to ("2.150"
    above "rund 2.000") is one figure already (`_one_figure`) and never comes here."""
    if title.low != title.high or body.low != body.high or body.qualifier != "approx" or title.low == body.low:
        return False
    return _grain(title.low) < _grain(body.low)


def _grain(x: float) -> int:
    """The place of a figure's last nonzero digit (2.100 -> 100; 0 for a fraction)."""
    if x != int(x) or x == 0:
        return 0
    grain = 1
    while int(x) % (grain * 10) == 0:
        grain *= 10
    return grain


# Kinds whose key says nothing of what is measured: the nearest value is no sign of one count.
UNDESCRIBED = frozenset({"percent", "money"})


def _update_of(a: Claim, b: Claim) -> bool:
    """Are two figures of one article and measure an earlier statement of a count and the count as the article
    gives it now ("laut vorläufigem Endergebnis nur 25 Stimmen hinter ..." / "liegt nun nur mehr 21 Stimmen
    hinter ...")? One is marked as superseded, the other not, in another sentence - or one is what was said first and
    the other the count now, in one sentence or two (`first_then_now`: "zunächst war von acht Toten die Rede,
    inzwischen von elf"); not for percentages and amounts of money, whose key does not say what they measure."""
    return a.article == b.article \
        and not any(c.measure is None or c.measure.kind in UNDESCRIBED for c in (a, b)) \
        and (a.sentence_index != b.sentence_index and superseded(a) != superseded(b) or
             first_then_now(a, b) or first_then_now(b, a))


def _one_change(a: Claim, b: Claim) -> bool:
    """Are two figures of one sentence the old and the new value of one quantity ("sank von 3,1 auf 2,9 Prozent",
    "1,6 statt 1,3 Prozent": `changed_from`, read at extraction; two periods' counts compared - "im Vorjahr von
    1.200 auf 900 Anträge" - are not marked there)? One quantity at two times, however far apart the values: the
    group shows the change as a series, not a disagreement. Not a change said as expected or reported ("die
    Arbeitslosigkeit soll von 9,1 auf 9,5 Prozent zunehmen"): its new value is a forecast, a quantity of another
    time than the level now (a forecast is never the count it forecasts)."""
    return a.article == b.article and a.sentence_index == b.sentence_index and \
        (change_of(a, b) or change_of(b, a)) and not any(c.hedged or c.measure is not None and
                                                       c.measure.action in FORECAST for c in (a, b))


# Actions (key slugs of measures.py) that make a figure a plan or an expectation, not a count of what is.
FORECAST = frozenset({"planned", "expected"})


def _one_change_key(claims: list[Claim], parts: dict[int, tuple[str, ...] | None]) -> None:
    """The old and the new value of a change its sentence states (`_one_change`: "um 2,5 statt 1,7 Prozent") are one
    quantity: where the parse read more detail for one of them (the rate's noun, the verb's "um" change) and the
    other leaves it unsaid, both take the key that says what either says; where they read different details, the
    later figure's (its phrase holds the noun said once). Kind, scope and time scope must be equal
    (the values of a change are of two times: "von 3,07 Prozent heuer auf 3,35 Prozent 2020" names the later
    one's year, no year of the first): a change's two values never differ in what they count."""
    by_sentence: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for n, c in enumerate(claims):
        if parts[n] is not None:
            by_sentence[(c.article, c.sentence_index)].append(n)
    for ns in by_sentence.values():
        for i, n in enumerate(ns):
            for k in ns[i + 1:]:
                p, q = parts[n], parts[k]
                if p is None or q is None or p == q or p[0] != q[0] or p[6] != q[6] or p[TIME] != q[TIME] or \
                        not _one_change(claims[n], claims[k]):
                    continue
                # where the two read different details, the later figure's hold: the noun said once is in its
                # phrase, the earlier figure borrowed it ("von 5,1 auf 5,6 Prozent")
                first, later = (p, q) if claims[n].start < claims[k].start else (q, p)
                parts[n] = parts[k] = tuple(x if x != "-" else y for x, y in zip(later, first, strict=True))


def _one_figure(a: Claim, b: Claim) -> bool:
    """Can two figures of one article be one count? They must be compatible, and where both are single figures
    (exact or "rund"), one must be the other rounded: an author who rounds a count writes one round figure, so
    "am Wochenende rund 13.000" and "am Wochenende zuvor rund 15.000" are two counts, "2.087" and "rund 2.100"
    one, and two rounded figures are one count only when equal ("rund 210.000" in all, "rund 200.000" of them); so
    are two bounds of one side ("mindestens 691" / "mindestens 397" are two counts).
    """
    if not compatible(a, b):
        return False
    if _one_side(a, b) and a.low == a.high and b.low == b.high:
        # two bounds of one side: "mindestens 691 ... mindestens 397" are two counts, and so are "mindestens 40"
        # and "mehr als 100"; one bound given twice is one
        return _rounds_to(a.low, b.low) or _rounds_to(b.low, a.low)
    if {a.qualifier, b.qualifier} & ONE_SIDED or a.low != a.high or b.low != b.high:
        return True
    if a.qualifier == b.qualifier == "approx":
        return a.low == b.low           # two rounded figures: "rund 210.000" and "rund 200.000" are two counts
    return _rounds_to(a.low, b.low) or _rounds_to(b.low, a.low)


def _one_side(a: Claim, b: Claim) -> bool:
    """Are both figures bounds of one side: lower bounds ("mindestens 40", "mehr als 100") or upper bounds ("höchstens
    20", "weniger als 50"), whichever word says so?"""
    return any(a.qualifier in side and b.qualifier in side for side in BOUND_SIDES)


def _rounds_to(x: float, y: float) -> bool:
    """Is y the figure x rounded to y's last nonzero digit (2.087 -> 2.100)?"""
    if x == y:
        return True
    if y == 0 or y != int(y):
        return False
    grain = _grain(y)
    return round(x / grain) * grain == y


# A figure given by one bound ("mindestens 9", "mehr als 100.000 Euro") restates figures near that bound, not
# every figure beyond it: "mindestens neun Zivilisten" is not the 198 of another incident.
ONE_SIDED = frozenset({"at_least", "more_than", "at_most", "less_than"})
BOUND_SIDES = (frozenset({"at_least", "more_than"}), frozenset({"at_most", "less_than"}))
BOUND_REACH = math.log(1.5)


def _log_ratio(a: Claim, b: Claim) -> float:
    return abs(math.log((abs(point(a)) + 1) / (abs(point(b)) + 1)))


def restates(a: Claim, b: Claim) -> bool:
    """Can b be a report of the very figure a gives (within rounding, "etwa", a vague word's range, and a bound's
    reach)?"""
    if not compatible(a, b):
        return False
    if "vague" in (a.qualifier, b.qualifier):
        return True                      # "Tausende" restates any figure within its range
    return not ({a.qualifier, b.qualifier} & ONE_SIDED) or _log_ratio(a, b) <= BOUND_REACH


def _distance(c: Claim, cluster: list[Claim]) -> float:
    """How far a figure is from a cluster: 0 for one it restates, else the smallest log ratio of values."""
    best = math.inf
    for m in cluster:
        if restates(c, m):
            return 0.0
        best = min(best, _log_ratio(c, m))
    return best


# Figures of one measure in different articles more than fivefold apart, reported on the same day (or on days
# we do not know), are taken for different incidents ("23 Rebellen getötet" vs "190 bei Luftangriffen"); on
# different days a toll may grow any amount (632 -> 2.901) and stays one series.
MAX_RATIO = 5
MAX_LOG_RATIO = math.log(MAX_RATIO)
# A rate named by its noun in two reports is one quantity when the figures lie within a tenth of each other: in news
# a rate restated with rounding differs by less than 10% ("bei 71,6 Prozent" / "bei 68 Prozent"),
# while a target, an old level or a subgroup's rate of the same noun lies further off
# ("auf 80 Prozent steigen"; test_a_named_rate_restated_with_rounding_is_one_quantity_a_tenth_apart_two).
RATE_REACH = math.log(1.1)


def _reported_apart(c: Claim, cluster: list[Claim], published: Mapping[str, str | None]) -> bool:
    """Was the figure reported on another day than some member of the cluster (both dates known), the two no toll
    that shrank (`_shrank`)?"""
    mine = (published.get(c.article) or "")[:10]
    return bool(mine) and any((day := (published.get(m.article) or mine)[:10]) != mine and
                              not _shrank(*((m, c) if day < mine else (c, m))) for m in cluster)


def _shrank(earlier: Claim, later: Claim) -> bool:
    """Is the later of two figures of a count that only grows (`CUMULATIVE`: the dead, the injured, the displaced) a
    vague word more than fivefold below the earlier (MAX_RATIO)? A toll grows between reports any amount; it is
    corrected down by a figure, any amount too ("auf 80 nach unten korrigiert" after "500 Tote", "1.200 Tote"
    after "bis zu 10.000 Tote befürchtet"), never by a vague word: "90.000 Tote" on one day and "Tausende" three
    days later are two counts, not one toll's series."""
    kind = earlier.measure.kind if earlier.measure is not None else None
    return kind in CUMULATIVE and later.qualifier == "vague" and point(later) * MAX_RATIO < point(earlier)


def _within_articles(ms: list[Claim], same_value: bool = False,
                     published: Mapping[str, str | None] | None = None,
                     headline: Collection[int] = (), reach: float | None = None,
                     equal_across: bool = False) -> list[list[Claim]]:
    """The claims of one measure split into quantities: figures an article keeps apart (see `apart`) or given in
    different units (`_other_unit`) go to different clusters; a figure of another article joins the cluster
    nearest in value. A generic count (money, percent, a noun of no class: nothing says what happened to it) joins
    only a cluster whose figure it repeats (every member of it: "mehr als 100.000 Euro" does not chain 1 and 2,5
    Millionen) - the same amount in one story is the only sign of one quantity. A figure more than fivefold
    from every member of a cluster joins it only when reported on another day (MAX_LOG_RATIO; a toll's vague word
    less than a fifth of its earlier figure never, `_shrank`), when its vague word's range or the cluster's reaches
    it (`_within_vague`), when it and the cluster are running totals of other reports (`_one_series`), or when the
    cluster holds only figures of its own article that another voice gives, one of them vague (`_own_article`: one
    count disputed).
    With `reach` (a named rate, `RATE_REACH`) a figure joins only a cluster within that distance, on any day. A
    headline's figure comes after its body's, and joins the nearest of their clusters. With `equal_across` (a
    percentage that names no rate) a figure joins a cluster of other articles only where it gives their figure
    exactly."""
    published = published or {}
    # a percentage is a share or a change, never a count up to the report's time ("stieg um 0,6 Prozent"); an amount
    # of money is keyed by its currency alone (UNDESCRIBED): "stieg auf 771 Millionen Euro" in one report and "sank
    # auf 172 Millionen Euro" in another are two firms' results, not one sum counted up over reports
    running = {id(c): running_total(c) and not (c.measure is not None and c.measure.kind in UNDESCRIBED) for c in ms}
    linked = _changed_restated(ms)
    incident = _incidents(ms, running, linked)
    clusters: list[list[Claim]] = []
    for c in sorted(ms, key=lambda c: (c.article, id(c) in headline, c.start)):
        fits = [cl for cl in clusters if not any(apart(c, m, headline) and (id(c), id(m)) not in linked
                                                 or _other_unit(c, m) for m in cl)]
        if equal_across:
            fits = [cl for cl in fits if all(m.article == c.article or (m.low, m.high) == (c.low, c.high) for m in cl)]
        fits = _series_fits(c, fits, running, incident, linked)
        # the clusters holding the figure's old or new value ("von 40 auf 55"), asked once per figure
        changes = [cl for cl in fits if any(_one_change(c, m) for m in cl)]
        if same_value:
            # no chain through "mehr als"; running totals of other reports are one series ("bisher 379 Anzeigen",
            # "die Zahl der Anzeigen stieg auf 516")
            fits = [cl for cl in fits if all(restates(c, m) or _update_of(c, m) or _one_change(c, m) or
                                             (id(c), id(m)) in linked for m in cl)
                    or _one_series(c, cl, running)]
        if reach is not None:
            # a rate: near figures only, any day; a change its sentence states ("von 3,1 auf 2,9") any amount
            fits = [cl for cl in fits if _distance(c, cl) <= reach or _holds(changes, cl)]
        else:
            # a vague word too: its order of magnitude reaches as far as a figure's fivefold (`_within_vague`); a
            # cluster of the figure's own article only was judged by `apart` (two voices' figures of one count are
            # one count disputed, however far apart: "zwei Soldaten getötet" / "dutzende getötete Soldaten")
            fits = [cl for cl in fits if _own_article(c, cl) or _distance(c, cl) <= MAX_LOG_RATIO
                    or all(_within_vague(c, m) for m in cl)
                    or _reported_apart(c, cl, published) or _one_series(c, cl, running)
                    or _holds(changes, cl) or any((id(c), id(m)) in linked for m in cl)]
        if not fits:
            clusters.append([c])
            continue
        if running[id(c)]:          # a running total continues the running totals of other reports
            fits = [cl for cl in fits if any(running[id(m)] for m in cl)] or fits
        # the cluster of the figure's old or new value first ("von 40 auf 55"), then the nearest
        min(fits, key=lambda cl: (not _holds(changes, cl), _distance(c, cl),
                                  clusters.index(cl))).append(c)
    return clusters


def _changed_restated(ms: list[Claim]) -> set[tuple[int, int]]:
    """The pairs of figures of one article (ids, both orders) tied by a change its sentence states and a restatement:
    one figure gives (`_one_value`) one value of the change "von X auf Y" (`_one_change`), the
    other figure is the change's other value. The change makes its two values one quantity at two times, so a
    figure saying either value elsewhere in the report is that quantity too ("noch 80 Bewohner obdachlos" ... "von
    einst rund 900 auf 80"), however far it lies from the other value - in whichever order the report says them.
    Only a single figure that gives the value (`_one_value`: no bound, no vague word - "bis zu 6,5" is no restatement
    of "sechs"), and not for percentages and amounts of money (UNDESCRIBED: their key does not say what they measure,
    so an equal value recurs by chance)."""
    pairs: set[tuple[int, int]] = set()
    for x in ms:
        for y in ms:
            if x is y or not _one_change(x, y) or not _described(x):
                continue
            for a in ms:
                if a is not x and a is not y and a.article == x.article and _one_value(a, x):
                    pairs.update({(id(a), id(y)), (id(y), id(a))})
    return pairs


def _described(c: Claim) -> bool:
    """Does the figure's key say what it measures (no percentage, no amount of money: UNDESCRIBED)?"""
    return c.measure is not None and c.measure.kind not in UNDESCRIBED


def _one_value(a: Claim, b: Claim) -> bool:
    """Do two single figures (exact or rounded, no bound, no vague word) give one value: the same, or one the other
    rounded where the round one says so ("rund 900" / "912")? An exact round figure is no restatement of a value near
    it ("1.000 Beschäftigte" in one hall beside "von 1.150 auf 1.480": `_rounds_to` alone takes 500 to 1.499)."""
    if not all(c.low == c.high and c.qualifier in ("exact", "approx") for c in (a, b)):
        return False
    return a.low == b.low or any(r.qualifier == "approx" and _rounds_to(o.low, r.low) for r, o in ((a, b), (b, a)))


def _own_article(c: Claim, cluster: list[Claim]) -> bool:
    """Are all the cluster's figures of the figure's own article, told by another voice (`_two_speakers`), one of
    the two a vague word: one count disputed, as `apart` reads them, however far the word's range lies from the
    figure ("zwei Soldaten" says the army, "dutzende" the rebels)? Otherwise the distance still tells: a bound of one
    voice ("bis zu 3.000" beside its "etwa 200"), an earlier statement far from the count now ("vorläufig 48
    Stimmen" beside "3.012 Stimmen"), two voices' exact figures far apart (a part the parse did not read as one:
    "insgesamt 384 Tote" / "unter den Toten 36 Kinder sowie neun Frauen")."""
    return all(m.article == c.article and _two_speakers(c, m) and "vague" in (c.qualifier, m.qualifier)
               for m in cluster)


def _holds(clusters: list[list[Claim]], cl: list[Claim]) -> bool:
    """Is the cluster one of the clusters (by identity: two clusters may hold equal claims)?"""
    return any(x is cl for x in clusters)


def _other_unit(a: Claim, b: Claim) -> bool:
    """Are two figures given in different units, both known: never one quantity, whatever their values ("um neun
    Prozentpunkte" is a change of a share, no share of 11 %; dollars are no euros)?"""
    return a.unit is not None and b.unit is not None and a.unit != b.unit


def _one_series(c: Claim, cluster: list[Claim], running: Mapping[int, bool]) -> bool:
    """Are the figure and the cluster running totals of other reports ("seit Oktober 9" ... "damit 52")? A running
    total grows any amount between reports, as a toll reported on different days does."""
    return running[id(c)] and all(running[id(m)] and m.article != c.article for m in cluster)


def _incidents(ms: list[Claim], running: Mapping[int, bool],
               linked: Collection[tuple[int, int]] = ()) -> set[int]:
    """The counts of single incidents: figures that are no running total, set in their own report beside a running
    total of the same measure that they do not restate, of the same or no source ("Zwei Israelis erstochen ...
    seit Oktober damit 28 Israelis getötet"). The story then counts two quantities under the measure. A count said
    first beside the count now ("zunächst acht ..., inzwischen elf": `first_then_now`) is no incident: the same count,
    said earlier; nor is a figure that restates a value of a change the running total states (`linked`,
    `_changed_restated`: "noch 80" ... "von einst 900 auf 80 gekommen")."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in ms:
        by_article[c.article].append(c)
    return {id(a) for cs in by_article.values() for a in cs if not running[id(a)] and
            any(running[id(b)] and not restates(a, b) and not _two_speakers(a, b) and not first_then_now(a, b)
                and (id(a), id(b)) not in linked for b in cs)}


def _series_fits(c: Claim, fits: list[list[Claim]], running: Mapping[int, bool],
                 incident: Collection[int], linked: Collection[tuple[int, int]] = ()) -> list[list[Claim]]:
    """The clusters a figure may join as a running total or an incident's count: an incident's count never joins
    a running total it does not restate, nor a running total an incident's count. A running total may join
    unmarked counts ("mindestens sieben Tote" of the first report, "die Zahl der Toten stieg auf zwölf"); of the
    clusters left at the end, it prefers running totals (`_within_articles`)."""
    if id(c) in incident:
        return [cl for cl in fits if not any(running[id(m)] and not restates(c, m) and (id(c), id(m)) not in linked
                                             for m in cl)]
    if not running[id(c)]:
        return fits
    return [cl for cl in fits if not any(id(m) in incident and not restates(c, m) and (id(c), id(m)) not in linked
                                         for m in cl)]


def _two_speakers(a: Claim, b: Claim) -> bool:
    """Do two different named sources stand behind the figures ("laut Grenzbehörde inzwischen 21.000", "die
    Hilfsorganisation geht von mehr als 25.000 aus": two estimates of one count, not two counts)?"""
    sa, sb = _speaker(a), _speaker(b)
    return bool(sa and sb and sa != sb)


def _story_words(article: Article) -> frozenset[str]:
    """Distinctive words of an article's title and lead: capitalised, four letters or more, not common."""
    head = (article.title or "") + " " + article.text[:700]
    words = {w.lower() for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}", head)}
    return frozenset(words - lexicon("story_common_words") - lexicon("function_words") - lexicon("sentence_starters"))


def stories(articles: list[Article]) -> dict[str, str]:
    """Fallback story clustering: article id -> story id. An article joins the story of the first earlier
    article it shares three distinctive words with (and a fifth of the shorter list), else it starts its own;
    comparing with a story's first article only keeps stories from chaining into one. The id is made of the
    leader's first distinctive title words ("erdbeben-velmara"), never of an article's name."""
    leaders: list[tuple[str, frozenset[str]]] = []
    led_by: dict[str, list[int]] = defaultdict(list)    # word -> the leaders that have it (only those can share)
    out: dict[str, str] = {}
    used: set[str] = set()
    for a in articles:
        words = _story_words(a)
        shares: Counter = Counter(k for w in words for k in led_by.get(w, ()))
        first = min((k for k, shared in shares.items()
                     if shared >= 3 and shared >= 0.2 * min(len(words), len(leaders[k][1]))), default=None)
        if first is not None:
            out[a.id] = out[leaders[first][0]]
        else:
            for w in words:
                led_by[w].append(len(leaders))
            leaders.append((a.id, words))
            title = [w.lower() for w in re.findall(r"[\wäöüßÄÖÜ]+", a.title or a.text[:120]) if w.lower() in words]
            base = slugify("-".join(list(dict.fromkeys(title))[:2])) or "geschichte"
            sid, k = base, 2
            while sid in used:
                sid, k = f"{base}-{k}", k + 1
            used.add(sid)
            out[a.id] = sid
    return out


FILLABLE = (1, 4)
PLACE = 4
VICTIMS = {"killed", "injured", "killed-or-injured", "killed-or-missing", "missing", "displaced", "detained",
           "attendees"}


def _own_holes(p: tuple[str, ...]) -> tuple[int, ...]:
    """The parts another count of the claim's own article may not fill."""
    # nationality and place may be left implicit by an article; kind, class, action not
    return (1, 4) if p[0] in VICTIMS else (4,)


def _backoff(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], articles: dict[str, Article],
             story: Mapping[str, str], strict: bool = True) -> None:
    """A claim missing nationality or place joins the one group of its story (given, or the fallback's when not
    `strict`) that agrees on everything else and has it, when the claim's article names that nationality or place
    somewhere; where the stories are given, also the one group that fits, named or not, when the claim restates a
    figure of it or was reported on another day than one."""
    keyed: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for n, c in enumerate(claims):
        p = parts[n]
        if p is not None and p[0] not in PER_CLAIM:
            keyed[p].add(story.get(c.article, ""))
    # the keys by what must match exactly (all but the fillable parts): a claim meets only those
    similar: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for q in keyed:
        similar[_unfilled(q)].append(q)
    said: dict[tuple[str, str], int] = {}

    def count(article: str, key: str) -> int:   # _mention_count, once per article and key
        if (article, key) not in said:
            said[(article, key)] = _mention_count(articles.get(article), key)
        return said[(article, key)]

    own: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    # the places an article gives its counts of one kind, of any class: "260 PKK-Kämpfer im Nordirak getötet" and
    # "zwei Soldaten getötet" (no place) - the article named that place for another count, not for this one
    own_places: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_key: dict[tuple[str, tuple[str, ...]], list[Claim]] = defaultdict(list)
    for n, c in enumerate(claims):
        if (p := parts[n]) is not None:
            own[c.article].add(p)
            own_places[(c.article, p[0])].add(p[PLACE])
            by_key[(story.get(c.article, ""), p)].append(c)
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None or p[0] in PER_CLAIM:
            continue
        holes = [i for i in FILLABLE if p[i] == "-"]
        if not holes:
            continue
        # a place (for victims also a nationality) its own article gives another count of the same kind is that
        # count's, not this one's: "3.500 Stellen weltweit, davon 1.400 in Deutschland", "49 Tote ... darunter
        # zwei Serben"; troops of one article are one sender's
        mine = story.get(c.article, "")
        fits = [q for q in similar.get(_unfilled(p), ())
                if mine in keyed[q] and q != p and all(q[i] == p[i] for i in range(len(p)) if i not in holes)
                and all(q[i] == p[i] or p[i] == "-" for i in holes)
                and not (q in own[c.article] and any(p[i] == "-" and q[i] != "-" for i in _own_holes(p)))
                and not (p[PLACE] == "-" != q[PLACE] and q[PLACE] in own_places[(c.article, p[0])])]
        # only what the claim's own article names; of those the most specific, and only one
        named = [q for q in fits if all(count(c.article, q[i]) > 0 for i in holes if q[i] != "-")]
        # within a story given by the stories step, the one group that fits may fill what the article leaves
        # unsaid ("Nach dem Brand: 16 Tote" beside "Brand in Lerhaven: 14 Tote") when it restates a figure of that
        # group (`_near`: "8.500 Asylanträge" are not the "37.500 Asylwerber in Griechenland" of another report) or
        # was reported on another day than one of them (a count moves between days: "mehr als 40 Vermisste" ... "6");
        # a total ("insgesamt") is no part's ("im Theater 40", "insgesamt 66")
        unnamed = strict and len({slug_of(q) for q in fits}) == 1 and not _total(c) and \
            any(_near(c, m) or _other_day(c, m, articles) for q in fits for m in by_key[(mine, q)])
        fits = named if named or not unnamed else fits
        best = max((sum(q[i] != "-" for i in holes) for q in fits), default=0)
        fits = [q for q in fits if sum(q[i] != "-" for i in holes) == best]
        if len({slug_of(q) for q in fits}) > 1:
            # several fit: the one whose nationality or place the article names most, if clearly so
            # ("Paris" thrice against one "US-Band")
            times = {q: sum(count(c.article, q[i]) for i in holes if q[i] != "-") for q in fits}
            top = max(times.values())
            fits = [q for q in fits if times[q] == top] if top >= 2 and \
                all(v * 2 <= top for q, v in times.items() if times[q] != top) else fits
        if len({slug_of(q) for q in fits}) == 1 and best:       # keys of one slug are one group
            parts[n] = fits[0]


def _other_day(a: Claim, b: Claim, articles: Mapping[str, Article]) -> bool:
    """Were the two figures reported on different days (both their articles dated)?"""
    da, db = (((x := articles.get(c.article)) and x.published or "")[:10] for c in (a, b))
    return bool(da and db and da != db)


def _unfilled(p: tuple[str, ...]) -> tuple[str, ...]:
    """A key without its fillable parts (nationality, place)."""
    return tuple("" if i in FILLABLE else x for i, x in enumerate(p))


def _in_title(c: Claim, article: Article | None) -> bool:
    """Is the claim in its article's title (the headline, which the text starts with)?"""
    return article is not None and bool(article.title) and article.text.startswith(article.title) and \
        c.start < len(article.title)


def _two_grains(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], story: Mapping[str, str]) -> None:
    """One toll named at two grains: a figure for two places together ("130 Opfer bei den Attacken in Saint-Denis
    und Paris") and a figure of another article of its story for one of them alone ("130 Tote in Paris") that
    restates it, within a bound's reach, are one quantity: the joint figure joins the single place's group.
    A part that differs from its whole ("in Syrien" 5.000, "in beiden Ländern" 50.000) never does; nor do
    figures of one article (it named the two grains apart)."""
    PLACE = 4
    keyed: dict[tuple[str, tuple[str, ...]], list[Claim]] = defaultdict(list)
    for n, c in enumerate(claims):
        if (p := parts[n]) is not None:
            keyed[(story.get(c.article, ""), p)].append(c)
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None or "+" not in p[PLACE] or p[0] in PER_CLAIM:
            continue
        mine = story.get(c.article, "")
        fits = []
        for place in p[PLACE].split("+"):
            q = p[:PLACE] + (place,) + p[PLACE + 1:]
            if any(m.article != c.article and _log_ratio(c, m) <= BOUND_REACH for m in keyed.get((mine, q), ())):
                fits.append(q)
        if len(fits) == 1:
            parts[n] = fits[0]


# Parts that one report may leave unsaid or name at a finer or coarser grain: nationality, class, action (a deed
# only, see DEEDS), place, time scope. Kind and scope (a part) are the role: they never differ within one quantity.
REFINABLE = (1, 2, 3, 4, 5)
ACTION = 3
TIME = 5
# A time scope that is a year (or a span since one): extract/claims.py sets it only for another year than the report's
YEAR = re.compile(r"(?:seit-)?\d{4}")
# What people on the move did, as a fact: one report says "12.000 Flüchtlinge in Spielfeld", another of the same story
# "12.000 kamen in Spielfeld an" - the noun alone leaves the deed unsaid. A modality (planned, expected), a force's
# strength and a severity (serious, light: a part of the injured) are never left unsaid: they make another quantity.
# (key slugs)
DEEDS = frozenset({"arrived", "waiting", "registered", "housed", "moved-on", "fled", "evacuated", "asylum"})
# Two reports' verbs for one count of people on the move name one direction of their way: into the place that counts
# them (arrived, waiting, registered, housed, asylum) or out of a place (moved on, fled, evacuated). "kamen an" and
# "wurden registriert" can be one count; "kamen an" and "reisten weiter" are the two ends of a transit, two counts
# even when equal.
LEAVING = frozenset({"moved-on", "fled", "evacuated"})


def _compatible_parts(p: tuple[str, ...], q: tuple[str, ...], within: Callable[[str, str], bool] | None = None,
                      same_value: bool = False) -> bool:
    """Can two keys name one quantity, one report saying more than the other? Equal role (kind, part), and each
    other part equal, unsaid in one ("-"; an action only where the other's is a deed, DEEDS, and all else is equal),
    or a place named at two grains ("irak+tuerkei" / "irak"; with `within`, a place and the country or first-level
    area it lies in: "paris" / "frankreich"). A counted noun and a compound of it are one class only at the same
    figure (`_one_compound`: "rund 4.000 Arbeiter" are not the "5.000 Bauarbeiter" of another report). A year
    (another than the report's) is never unsaid in the other: a figure without one counts the report's own year -
    unless the two figures are the same (`same_value`: "300.000 Tote im Bürgerkrieg 1993-2006" / "der Bürgerkrieg
    forderte 300.000 Tote")."""
    if p == q or any(p[i] != q[i] for i in range(len(p)) if i not in REFINABLE):
        return False
    for i in REFINABLE:
        if p[i] == q[i]:
            continue
        if i == ACTION:
            # a deed left unsaid, and nothing else: filled in together with a place or a class it is a guess
            # two deeds of one distinct figure ("37.500 Asylwerber vorgesehen" / "37.500 Flüchtlinge aufnehmen"): two
            # outlets' verbs for what one count of people on the move did (`same_value`: DISTINCT or more, equal)
            deeds = {p[i], q[i]} - {"-"}
            if ("-" in (p[i], q[i]) or same_value and len({d in LEAVING for d in deeds}) == 1) and deeds <= DEEDS \
                    and all(p[k] == q[k] for k in REFINABLE if k != ACTION):
                continue
            return False
        if i == TIME and "-" in (p[i], q[i]) and YEAR.fullmatch(q[i] if p[i] == "-" else p[i]) and not same_value:
            return False        # no year is the report's own year ("2014 starben 30" is no count of this year)
        if "-" in (p[i], q[i]):
            continue
        if i == 4 and (set(p[i].split("+")) <= set(q[i].split("+")) or set(q[i].split("+")) <= set(p[i].split("+"))):
            continue
        if i == 4 and within is not None and (within(p[i], q[i]) or within(q[i], p[i])):
            continue
        return False
    return True


HEAD = 4      # the shortest stem a compound's head may have: "sitz" in "Landtagssitze"; no "amt", "rat"


def _one_noun_class(a: str, b: str) -> bool:
    """Is one counted noun (a class slug) a compound whose head is the other ("terrorkommando" / "kommando",
    "landtagssitze" / "sitze"), compared by CISTEM stems, as the stories step stems nouns? German compounds end in
    their head, and a compound counts a kind of what its head counts."""
    x, y = _slug_stem(a), _slug_stem(b)
    if len(x) < len(y):
        a, b = b, a
    return x != y and _ends_in(a, b)


# A rate noun's head needs a longer stem than a count's (`RATE_HEAD`): the short heads of rates name what many rates
# of one story share - "Treibstoffpreise" and the "Preise" of other goods (stem "prei") would be one rate; measured
# on 50 unlabelled 10kGNAD rows rich in percentages (session 17): a head of four letters regrouped three pairs, two
# wrongly.
RATE_HEAD = 5


def _ends_in(compound: str, head: str, shortest: int = HEAD) -> bool:
    """Does a noun (class slug) end in another, its head, compared by CISTEM stems, the head's stem `shortest`
    letters or more? The one compound test of grouping: `_one_noun_class` (a count's noun and its compound, HEAD) and
    `_one_rate` (a rate noun and its compound, RATE_HEAD); equal stems end in each other."""
    x, y = _slug_stem(compound), _slug_stem(head)
    return len(y) >= shortest and x.endswith(y)


def _joined(p: tuple[str, ...], q: tuple[str, ...], inside: Callable[[str, str], bool] | None) -> tuple[str, ...]:
    """The key of two compatible keys (`_compatible_parts`) that says all either says: each part said in one, the
    finer of two places (one of two named together, or `inside(whole, part)`), one of two deeds."""
    out = []
    for i, (x, y) in enumerate(zip(p, q, strict=True)):
        if x == y or y == "-":
            out.append(x)
        elif x == "-":
            out.append(y)
        elif i == PLACE:     # one place of two named together ("irak" / "irak+tuerkei"), a place inside another
            out.append(y if set(y.split("+")) < set(x.split("+")) or inside is not None and inside(x, y) else x)
        elif i == ACTION:       # two deeds of one figure: either report's word, the same for both
            out.append(min(x, y))
        else:
            out.append(x)
    return tuple(out)


def _same_distinct(a: Claim, b: Claim) -> bool:
    """Do two figures give the same distinct value (DISTINCT or more, both bounds equal): "14 deutsche Urlauber" /
    "14 Menschen nahe Lyon" - the surest sign of one count two reports word differently."""
    return a.low == b.low and a.high == b.high and abs(a.low) >= DISTINCT


def _one_country(u: tuple[str, ...], inside: Callable[[str, str], bool] | None) -> bool:
    """Do a joined key's whose and where fit together: a nationality and a place in that country ("griechenland" /
    "korfu")? Two reports of one story that name the victims' nationality and the place of another country count
    two tolls (or their story was clustered too widely), not one - unless they are travellers abroad (`_abroad`:
    "14 deutsche Urlauber" in a report that names France / "14 Tote nahe Lyon")."""
    nat, place = u[1], u[PLACE]
    return nat == "-" or place == "-" or nat == place or inside is not None and inside(nat, place)


def _abroad(c: Claim, m: Claim, p: tuple[str, ...], u: tuple[str, ...],
            abroad: Callable[[str, str], bool] | None) -> bool:
    """Are a nationality in one report and a place of another country in the other one toll of travellers abroad
    ("zwölf österreichische Skifahrer" / "zwölf Menschen bei Zermatt")? Only with the same distinct figure
    (`_same_distinct`) and where the nationality's own report names the country the place lies in ("in der
    Schweiz"): two sides' equal tolls of one war ("15 ukrainische Soldaten" / "15 Menschen in Russland") give a
    nationality and a place abroad too, but the nationality's report does not put its dead in the other country."""
    if abroad is None or not _same_distinct(c, m):
        return False
    nationals = c if p[1] == u[1] else m
    return abroad(nationals.article, u[PLACE])


def _part_place(c: Claim) -> bool:
    """Is the figure's place introduced as a part ("allein in Lyon", "davon in Köln": lang/de/quantity_parts.txt)?"""
    return _part_place_rx().search((c.sentence or "").lower()) is not None


@lru_cache(maxsize=1)
def _part_place_rx() -> re.Pattern[str]:
    """One pattern for all words of quantity_parts (compiled once, not one search per word and claim)."""
    alternatives = "|".join(re.escape(w) for w in lexicon("quantity_parts")) or "(?!)"
    return re.compile(rf"(?<![\wäöüß])(?:{alternatives})\s+(?:in|im|auf|an|am)\s")


class _StoryGrains:
    """Places read in each story's own texts (`_Grains`, made on first use): within(story, whole, part), place
    containment; abroad_named(article, place), whether an article names the country a place lies in."""

    def __init__(self, claims: list[Claim], parts: Mapping[int, tuple[str, ...] | None],
                 articles: Mapping[str, Article], story: Mapping[str, str]) -> None:
        self.claims, self.parts, self.articles, self.story = claims, parts, articles, story
        self.grains: dict[str, _Grains] = {}

    def _of(self, s: str) -> _Grains:
        if s not in self.grains:
            ids = [a for a in dict.fromkeys(c.article for c in self.claims) if self.story.get(a, "") == s]
            keys = {p[PLACE] for n, c in enumerate(self.claims)
                    if self.story.get(c.article, "") == s and (p := self.parts[n])}
            self.grains[s] = _Grains([self.articles[a].text for a in ids if a in self.articles], keys)
        return self.grains[s]

    def within(self, s: str, whole: str, part: str) -> bool:
        return self._of(s).within(whole, part)

    def abroad_named(self, article: str, place: str) -> bool:
        """Does the article name, by its name or capital, the country the place lies in as a place ("in der Schweiz"
        for "zermatt": `ABROAD_AT`)? An adjective ("bei russischen Angriffen") or the country as a party ("Russland
        griff an") names who acted, not where the counted were."""
        level = self._of(self.story.get(article, "")).level(place) if "+" not in place else None
        text = self.articles[article].text if article in self.articles else ""
        return level is not None and any(re.search(rf"{ABROAD_AT}{re.escape(n)}(?![\wäöüß])", text)
                                         for n in _country_names(level[1]))


# a country named as where people were: after a locative or a direction ("in der Schweiz", "nach Frankreich")
ABROAD_AT = r"(?<![\wäöüß])(?i:in|im|nach|bei|nahe|auf)\s+(?:(?i:der|dem|den)\s+)?"


@lru_cache(maxsize=256)
def _country_names(iso: str) -> tuple[str, ...]:
    """A country's names as German text writes them (name, other names, capital, seats: geo.countries)."""
    key = next((slugify(c.name) or c.name.lower() for c in country_table() if c.iso == iso), None)
    return next((tuple(c.names) for c in countries() if c.key == key), ()) if key else ()


def _story_grains(claims: list[Claim], parts: Mapping[int, tuple[str, ...] | None], articles: Mapping[str, Article],
                  story: Mapping[str, str]) -> _StoryGrains:
    """The places of each story read in its own texts (`_StoryGrains`)."""
    return _StoryGrains(claims, parts, articles, story)


@lru_cache(maxsize=1)
def _country_isos() -> dict[str, str]:
    """A country's place key (the slug of its German name, as the measures name it) -> its ISO code."""
    out = {slugify(c.name) or c.name: c.iso for c in country_table()}
    for iso, names in german_country_names().items():
        for name in sorted(names):
            out.setdefault(slugify(name) or name, iso)
    return out


@lru_cache(maxsize=64)
def _first_level_areas(country: str) -> tuple:
    """The gazetteer's first-level areas of a country."""
    return tuple(a for a in gazetteer().by_id.values() if a.area and a.country == country and a.id.startswith("a1-"))


# A curated region (regions_de.tsv: "Nordrhein-Westfalen", "Bayern") is the gazetteer's first-level area of its
# country whose centre lies this near its own
AREA_CENTRE_KM = 40.0
_NAME = re.compile(r"[A-ZÄÖÜ][\wäöüß\-]*")


class _Grains:
    """Place keys of one story read in the gazetteer's hierarchy: a country contains every place of it, a
    first-level area (a German state, a French région) the towns of it; two towns, two areas, a town and a
    district never contain one another (a place at the same grain is another place). A key is read by the name its
    story's articles write it with ("koeln" -> "Köln"), among homonyms the one in the story's countries."""

    def __init__(self, texts: list[str], keys: Collection[str]) -> None:
        self.iso = _country_isos()
        self.texts = texts
        self.context = {self.iso[k] for k in keys if k in self.iso}
        self.read: dict[str, tuple[str, str, str] | None] = {}
        self.forms: dict[str, dict[str, None]] | None = None

    def level(self, key: str) -> tuple[str, str, str] | None:
        """(grain, country, first-level area): ("country", "FR", ""), ("area", "DE", "07"), ("town", "DE", "07")."""
        if key not in self.read:
            self.read[key] = self._level(key)
        return self.read[key]

    def _level(self, key: str) -> tuple[str, str, str] | None:
        if key in self.iso:
            return ("country", self.iso[key], "")
        if self.forms is None:
            self.forms = defaultdict(dict)
            for text in self.texts:     # the names as written, one word or two ("Gornja Radgona"), a genitive's too
                names = [(m.start(), m.end(), m.group(0)) for m in _NAME.finditer(text)]
                pairs = [f"{a[2]} {b[2]}" for a, b in zip(names, names[1:], strict=False) if b[0] == a[1] + 1]
                for form in [n[2] for n in names] + pairs:
                    slug = slugify(form) or ""
                    for k in (slug, slug[:-1] if slug.endswith("s") else slug):
                        self.forms[k][form] = None
        g = gazetteer()
        for form in self.forms.get(key, ()):
            if (c := g.best(form, countries=self.context)) is None:
                continue
            if c.precision == "city":
                return ("town", c.country, c.admin1)
            if c.area and c.id.startswith("a1-"):
                return ("area", c.country, c.admin1)
            near = [a for a in _first_level_areas(c.country)
                    if distance_km((a.lat, a.lon), (c.lat, c.lon)) <= AREA_CENTRE_KM]
            return ("area", c.country, near[0].admin1) if len(near) == 1 else ("region", c.country, "")
        return None

    def within(self, whole: str, part: str) -> bool:
        """Does the place `whole` contain the place `part` (another grain, the one inside the other)?"""
        if "+" in whole or "+" in part or whole == part or "-" in (whole, part):
            return False
        w, p = self.level(whole), self.level(part)
        if w is None or p is None or w[1] != p[1]:
            return False
        if w[0] == "country":
            return p[0] != "country"
        return w[0] == "area" and p[0] == "town" and bool(w[2]) and w[2] == p[2]


def _refinements(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], story: Mapping[str, str],
                 stated: Mapping[int, tuple[str, ...] | None] | None = None,
                 within: Callable[[str, str, str], bool] | None = None,
                 abroad: Callable[[str, str], bool] | None = None) -> None:
    """The same quantity in different reports of one story: one article's figure says less or other detail than
    another's ("190 Menschen bei Luftangriffen in der Türkei und im Nordirak getötet" / "260 PKK-Kämpfer im Nordirak
    getötet"; "am Wochenende" named in one report only). A figure joins the key of a figure of another article of its
    story when the keys do not contradict each other (see `_compatible_parts`), that key says more, the two figures are
    near (`_near`: two reports of a toll within a bound's reach), and neither article holds a figure under the
    other's key as it states it that is near the figure it would join (`stated`, `_told_apart`: an article that
    names both told them apart; a detail filled in from elsewhere is not the article's). A place inside the other's
    place says more (`within(story, whole, part)`: "in Paris" beside "in Frankreich", "in Köln" beside "in
    Nordrhein-Westfalen"). Where each report says a detail the other leaves unsaid - whose and where, the details an
    article leaves implicit ("37 Tote vor Korfu" / "36 griechische Passagiere") - both join the key that says both
    (`_joined`), when the nationality is that of the place's country (`_one_country`) or travellers abroad
    (`_abroad`), and no other report restates the figure under its own key already. Of several such keys, the one
    sharing the most named details (place, class, nationality, time scope), and only one (`_within_articles` tells
    its figures apart by value). A figure of no scope joins a part's key that names its details (`_part_said_once`)."""
    own: dict[tuple[str, tuple[str, ...]], list[Claim]] = defaultdict(list)
    for n, c in enumerate(claims):
        if (p := (parts if stated is None else stated)[n]) is not None:
            own[(c.article, p)].append(c)
    # the claims by story and role (the parts a refinement keeps): only those can be compatible
    role: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for k, m in enumerate(claims):
        if (q := parts[k]) is not None:
            role[(story.get(m.article, ""), _role(q))].append(k)
    slug, part_place, told_apart = _pair_reads(claims, parts, own, within is not None)
    wholes = _wholes(claims, parts)
    moves: dict[int, tuple[str, ...]] = {}
    for n, c in enumerate(claims):
        said = parts[n]             # the figure's key as its report says it; p: as compared (a part's scope taken on)
        if said is None or said[0] in PER_CLAIM and not _holder_unsaid(said):
            continue
        more: dict[tuple[str, ...], int] = {}      # a key that says all p says, and more -> details shared with p
        both: dict[tuple[str, ...], int] = {}      # the same for a key joined of p's and another's details
        restated = False
        mine = story.get(c.article, "")
        grains = None if within is None else lambda whole, part, s=mine: within(s, whole, part)
        for k in role[(mine, _role(said))] + role[(mine, _role(said)[:-1] + (PART,))] * (said[SCOPE] == "-"):
            m, q = claims[k], parts[k]
            # a part ("allein in Lyon") is never its whole: no place of either figure read at another grain
            inside = None if grains is None or part_place[n] or part_place[k] else grains
            if q is None or m.article == c.article or story.get(m.article, "") != mine or \
                    (part_of := q[SCOPE] != said[SCOPE]) and not _part_said_once(said, q, wholes[(m.article, q[0])]):
                continue
            p = said[:SCOPE] + (q[SCOPE],)      # a figure that names a part's details is compared as that part
            if slug[k] == slug[n]:           # one group: another report restates the figure as it is keyed
                restated = restated or _near(c, m)
                continue
            if p[0] in PER_CLAIM and not _held_as(p, q, c, m):
                continue
            if told_apart(c.article, q, k) or told_apart(m.article, said, n) or not (part_of and p == q or
                    _compatible_parts(p, q, inside, _same_distinct(c, m))):
                continue
            if not _near(c, m):
                continue
            # each report may say a detail the other leaves unsaid ("37 Tote vor Korfu" / "36 griechische Passagiere"):
            # both join the key saying both (`_joined`) - whose and where (FILLABLE), unless another report restates it
            u = _joined(p, q, inside)
            if slug_of(u) == slug_of(said):
                restated = True
            elif u == q or {i for i in range(len(u)) if u[i] != p[i] or u[i] != q[i]} <= set(FILLABLE) and \
                    (_one_country(u, inside) or _abroad(c, m, p, u, abroad)):
                d = more if u == q else both
                d[u] = max(d.get(u, 0), sum(p[i] != "-" != q[i] for i in REFINABLE))
        shared = more if restated else more | both
        if not shared:
            continue
        top = [u for u in shared if shared[u] == max(shared.values())]
        if len(top) == 1:
            moves[n] = top[0]
    # a key joined of two reports' details is one quantity of both: not taken by one report alone (its other report
    # joined another key, or none) - a figure keeps the details its own report gives
    keys = {(story.get(c.article, ""), p) for n, c in enumerate(claims) if (p := parts[n]) is not None}
    taken: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for n, u in moves.items():
        taken[(story.get(claims[n].article, ""), u)].add(claims[n].article)
    parts.update((n, u) for n, u in moves.items()
                 if (x := (story.get(claims[n].article, ""), u)) in keys or len(taken[x]) > 1)


SCOPE = 6                   # a key's scope (keys.key_parts)
PART = SCOPES["part"]
# The details that tell a part from the whole it is a part of: whose, what class, what deed, where ("darunter zwölf
# Kinder", "fünf davon schwer", "allein in Lyon elf")
TELLING = (1, 2, 3, 4)


def _wholes(claims: list[Claim], parts: Mapping[int, tuple[str, ...] | None]) -> dict[
        tuple[str, str], list[tuple[str, ...]]]:
    """Each article's keys of no scope by kind: the wholes whose details a part of that article may have taken on
    ("40 Israelis, darunter zwölf Kinder": the children are Israelis too)."""
    wholes: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for k, m in enumerate(claims):
        if (q := parts[k]) is not None and q[SCOPE] == "-":
            wholes[(m.article, q[0])].append(q)
    return wholes


def _part_said_once(p: tuple[str, ...], q: tuple[str, ...], wholes: Collection[tuple[str, ...]]) -> bool:
    """Is a figure of no scope (p) the count another report gives as a part (q) - one report says "darunter zwölf
    Kinder", the other "zwölf Kinder kamen ums Leben"? Only where p says the detail that tells the part from its whole
    (a class, a deed, a nationality, a place) as the part says it: the whole lacks it (`wholes`: the keys of no scope
    of the part's article and kind), so a figure that names it counts the part, however its report frames it. A
    detail the part took on from its whole ("40 Israelis, darunter zwölf Kinder": the children are Israelis too) tells
    nothing: "13 Israelis" in another report names the whole's detail. A part told by nothing but its scope
    ("darunter 20 Frauen": no class) is no such count: the figure beside it may be any other."""
    return p[SCOPE] == "-" and q[SCOPE] == PART and \
        any(p[i] == q[i] != "-" and all(w[i] != q[i] for w in wholes) for i in TELLING)


def _pair_reads(claims: list[Claim], parts: Mapping[int, tuple[str, ...] | None],
                own: Mapping[tuple[str, tuple[str, ...]], list[Claim]], places: bool) -> tuple[
        dict[int, str], list[bool], Callable[[str, tuple[str, ...], int], bool]]:
    """What `_refinements`' pairs ask of each claim, once per claim (its loop meets a claim once per figure of its
    role): its key's slug, whether its place is a part (`_part_place`, only where `places`); and whether an article
    told two figures apart, once per article, key and figure: told_apart(article, key, k) is
    _told_apart(own[(article, key)], claims[k]), memoised."""
    slug = {k: slug_of(q) for k, q in parts.items() if q is not None}
    part_place = [places and _part_place(c) for c in claims]
    told: dict[tuple[str, tuple[str, ...], int], bool] = {}

    def told_apart(article: str, key: tuple[str, ...], k: int) -> bool:
        x = told.get((article, key, k))
        if x is None:
            x = told[(article, key, k)] = _told_apart(own.get((article, key), []), claims[k])
        return x

    return slug, part_place, told_apart

def _holder_unsaid(p: tuple[str, ...]) -> bool:
    """A count of things (kind other) whose report names no holder (extract/claims.py `_held`: the key's first part)."""
    return p[0] == "other" and p[1] == "-"


def _held_as(p: tuple[str, ...], q: tuple[str, ...], c: Claim, m: Claim) -> bool:
    """May a generic count naming no holder (p) join another report's equal figure that names its holder (q) - all
    else keyed alike? A generic count is one quantity only where the figure repeats ("kommt auf 71 Mandate" /
    "Das Bündnis errang 71 von 120 Mandaten")."""
    return q[1] != "-" and p[:1] + p[2:] == q[:1] + q[2:] and c.low == m.low and c.high == m.high


def _told_apart(figures: list[Claim], c: Claim) -> bool:
    """Does another article give, under the key it would join c to, a figure that c restates (`_near`)? Then that
    article named both keys and told the two apart, and c is that figure's quantity, not the other. A figure far
    from c in value ("400 Tote seit April" beside "300.000 Tote im Bürgerkrieg") says nothing of c."""
    return any(_near(x, c) for x in figures)


# Kinds that count people by what happened to them or what they do: a count of "Menschen" with no role restates one.
PERSON_ROLES = VICTIMS | {"rescued", "aboard"}
# Below this, two near figures are no sign of one quantity: "zwei US-Bürger" and "drei weitere Personen" are near
# by ratio, as any two small counts of a story are.
DISTINCT = 10


def _people_with_a_role(claims: list[Claim], parts: dict[int, tuple[str, ...] | None],
                        story: Mapping[str, str]) -> None:
    """"Menschen" and "Personen" name every group of people: a count of people that says no role of its own ("Im
    Lager leben noch mehr als 10.000 Menschen") is the count of another report of its story that gives the role
    ("mehr als 12.000 Flüchtlinge harren im Lager aus") when it restates it (`_near`), the other details agree
    (`_compatible_parts`, the kind aside) and that report's key is the only one it fits. Not where its own article
    gives that role to another figure (it told the two apart)."""
    own: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    by_story: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(claims):
        if (q := parts[k]) is not None:
            own[m.article].add(q)
            if q[0] in PERSON_ROLES:
                by_story[story.get(m.article, "")].append(k)
    moves: dict[int, tuple[str, ...]] = {}
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None or p[0] != "people" or p[3] != "-" or p[6] != "-" or abs(point(c)) < DISTINCT:
            continue
        cands = set()
        for k in by_story[story.get(c.article, "")]:
            m, q = claims[k], parts[k]
            if q is None or m.article == c.article or q in own[c.article] or q[6] != "-":
                continue
            role = q[:1] + p[1:3] + q[3:4] + p[4:]        # p with q's kind and action
            if (role == q or _compatible_parts(role, q)) and _near(c, m):
                cands.add(q)
        if len(cands) == 1:
            moves[n] = cands.pop()
    parts.update(moves)


def _restated_in_article(claims: list[Claim], parts: dict[int, tuple[str, ...] | None],
                         headline: Collection[int] = ()) -> None:
    """Within one article, a figure that restates a figure of the same count says less the second time: "Zwölf
    eritreische Migranten ertrunken" ... "mindestens zwölf Menschen kamen ums Leben" (no nationality), "300
    Bewohner evakuiert" ... "die 300 Personen harrten aus" (a generic person noun, no role). The figure joins the one
    key of its article that says what it leaves unsaid and contradicts it nowhere (`_says_more`), when it restates
    one of its figures (`_same_count`: the same figure, or one the other rounded). A count of people of no role takes
    the other's role only where its phrase refers back to it (`Claim.determiner`, from the parse: "die 300
    Personen"; "Am Sonntag waren 2.000 Menschen weitergereist" beside "rund 2.000 in der Sammelstelle" is another
    count). A nationality or class stated in both and different is another count, and so is a part and its whole
    (the scope is the role): "49 Tote, darunter zwei Serben" restates nothing. Only figures of DISTINCT or more:
    small counts recur by chance ("drei Männer" arrested in one town, "drei Personen" in another). A figure that
    says it counts others ("zwei weitere", `_additive`) restates none. Headlines aside (`headline`: ids of headline
    claims; a headline figure is its body's, `_headline_restates`)."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(claims):
        if parts[k] is not None and id(m) not in headline:
            by_article[m.article].append(k)
    moves: dict[int, tuple[str, ...]] = {}
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None or (p[0] in PER_CLAIM and p[0] != "people") or id(c) in headline:
            continue
        cands = set()
        for k in by_article[c.article]:
            m, q = claims[k], parts[k]
            if q is None or q == p or k == n or not _says_more(p, q) or not _same_count(c, m) or \
                    abs(point(c)) < DISTINCT or _additive(c) or _additive(m):
                continue
            if p[0] != q[0] and (c.determiner not in REFERRING or m.start > c.start):
                continue            # a role taken only by a phrase that refers back: "die 300 Personen"
            cands.add(q)
        if len(cands) == 1:
            moves[n] = cands.pop()
    parts.update(moves)


def _additive(c: Claim) -> bool:
    """Does the figure's own phrase say it counts others ("zwei weitere Nordkoreaner": lang/de/additive_words.txt), or
    the parse of its noun phrase ("weitere 20 Häuser": `Claim.determiner` "additive", the adjective before the
    number lies outside the figure's phrase)?"""
    return c.determiner == "additive" or \
        not lexicon("additive_words").isdisjoint(re.findall(r"[a-zäöüß]+", c.text.lower()))


def _adds_to(a: Claim, b: Claim) -> bool:
    """Does the later of two figures of one article count others than the earlier ("Das Beben zerstörte 20
    Wohnhäuser. Im Nachbarort stürzten weitere 20 Häuser ein.": 40 houses, two counts), whatever their values? An
    added count is not the count before it, so an equal figure of one key joins nothing; the earlier figure is not
    told apart from a later restatement of the added one. An added count said twice ("weitere 300 Soldaten" in the
    lead, "dass weitere 300 Soldaten im Mai abreisen" below) adds to the count before both: one count."""
    first, later = (a, b) if a.start < b.start else (b, a)
    return first.start != later.start and _additive(later) and not _additive(first)


def _same_count(a: Claim, b: Claim) -> bool:
    """Do two figures of one article give the same count: the same figure or range ("mindestens zehn" twice), or a
    single figure and the same rounded ("2.087" / "rund 2.100")? Not a bound near another ("mindestens 89" /
    "129"), nor a vague word ("Tausende": its range takes any count of a story)."""
    if "vague" in (a.qualifier, b.qualifier) or not compatible(a, b):
        return False
    if (a.low, a.high) == (b.low, b.high):
        return a.qualifier == b.qualifier or not {a.qualifier, b.qualifier} & ONE_SIDED
    return a.low == a.high and b.low == b.high and not {a.qualifier, b.qualifier} & ONE_SIDED and \
        (_rounds_to(a.low, b.low) or _rounds_to(b.low, a.low))


def _says_more(p: tuple[str, ...], q: tuple[str, ...]) -> bool:
    """Does key q say all that key p says, and more? The same role (kind and action, unless p counts people of no
    role and q people with one: then q's kind and action), each other part of p unsaid or equal in q (a place named
    in one part of two: "paris" in "paris+saint-denis"), and q not a whole of which p is a part."""
    role = p[0] == "people" and q[0] in PERSON_ROLES and p[3] == "-"
    if role:
        p = q[:1] + p[1:3] + q[3:4] + p[4:]
    if p[0] != q[0] or p[6] != q[6] or p[ACTION] != q[ACTION]:
        return False        # what people did is never left unsaid in one article: "rund 2.000 in der Sammelstelle"
    return all(x == "-" or x == y or (i == PLACE and set(x.split("+")) >= set(y.split("+")) and y != "-")
               for i, (x, y) in enumerate(zip(p, q, strict=True))) and \
        (role or sum(x != "-" for x in q) > sum(x != "-" for x in p))


def _role(p: tuple[str, ...]) -> tuple[str, ...]:
    """A key's parts that no refinement changes (see `_compatible_parts`)."""
    return tuple(x for i, x in enumerate(p) if i not in REFINABLE)


def _near(a: Claim, b: Claim) -> bool:
    """Are two figures of different reports close enough to be one quantity whose keys differ in detail: within a
    bound's reach, a bound respected ("mehr als 30" is not 23), and neither a vague word (its range takes any
    figure, no sign of one quantity)?"""
    if "vague" in (a.qualifier, b.qualifier) or _log_ratio(a, b) > BOUND_REACH:
        return False
    return compatible(a, b) or not ({a.qualifier, b.qualifier} & ONE_SIDED)


def _total(c: Claim) -> bool:
    """Is the figure said to be a total ("insgesamt 66", "landesweit")?"""
    sentence = c.sentence or ""
    return bool(scope_pattern("wide").search(sentence) or scope_pattern("nationwide").search(sentence))


def _headline_restates(claims: list[Claim], parts: dict[int, tuple[str, ...] | None],
                       headline: Collection[int]) -> None:
    """A headline compresses: its figure is the body figure of its article that it restates, of the same kind,
    even where the headline says less or other words ("Bereits 3.000 Menschen um 6 Uhr angekommen" above "Um 6
    Uhr befanden sich bereits rund 3.000 Schutzsuchende in der Sammelstelle"). Of several, the one of the same
    time scope (day, span), then of the same action, then of the same time expression; none where that leaves
    more than one."""
    index = {id(c): n for n, c in enumerate(claims)}
    for n, t in enumerate(claims):
        p = parts[n]
        if id(t) not in headline or p is None or p[0] in PER_CLAIM:
            continue
        body = [b for b in claims if b.article == t.article and id(b) not in headline and
                (q := parts[index[id(b)]]) is not None and q[0] == p[0] and restates(t, b)]
        if not body:
            continue
        scores = [((q := parts[index[id(b)]] or p)[5] == p[5], q[3] == p[3], _same_time(t, b)) for b in body]
        best = [b for b, sc in zip(body, scores, strict=True) if sc == max(scores)]
        if len({parts[index[id(b)]] for b in best}) == 1:
            parts[n] = parts[index[id(best[0])]]


def _same_time(a: Claim, b: Claim) -> bool:
    """Do two claims carry the same time expression value ("um 6 Uhr" in both)?"""
    return bool(a.time and b.time and a.time.value and a.time.value == b.time.value)


def _within_vague(c: Claim, m: Claim) -> bool:
    """Is one of two figures a vague word ("Zehntausende") and the other within its reach: not more than fivefold
    (MAX_RATIO) below its lower end nor above its upper end? A vague word names an order of magnitude, whichever
    of the two comes first: "Tausende Sicherheitskräfte" are not the two police officers of an attack, nor "Tausende"
    the 90.000 of another report; "Tausende Demonstranten" may be the police's 20.000."""
    return "vague" in (c.qualifier, m.qualifier) and c.low <= m.high * MAX_RATIO and m.low <= c.high * MAX_RATIO


def _named_again(earlier: Claim, c: Claim) -> bool:
    """Is c, a single figure that refers back, the count `earlier` gave? The same figure, or one of the two the other
    rounded: a report gives a count rounded first and exactly when it names it again ("knapp 900.000 Wähler" ...
    "jene 885.437 Stimmberechtigten"), or the other way round ("2.087 Menschen" ... "die rund 2.100"); a bound's side
    respected (`compatible`: "mehr als 500" is not "die 480"). Not a vague word, whose range takes any count."""
    if earlier.low == c.low and earlier.high == c.high:
        return True
    if earlier.low != earlier.high or "vague" in (earlier.qualifier, c.qualifier) or not compatible(earlier, c):
        return False
    return _rounds_to(c.low, earlier.low) or _rounds_to(earlier.low, c.low)


# The key parts a rounded restatement may leave out but not change: nationality, action, place, year (`key_parts`).
NARROWING = (1, 3, 4, 5)


def _adds_nothing(earlier: tuple[str, ...], c: tuple[str, ...]) -> bool:
    """Does key c say nothing of its count that `earlier` does not (each of NARROWING unsaid or the same)? A figure
    near a rounded one is that count named again only where it names no other group, action, place or year: "knapp
    900 Verletzte" ... "die 870 Leichtverletzten" is a part, "die 870 Verkehrstoten des Jahres 2014" after 2015's
    "knapp 900 Toten" another year, "die 870 Afghanen" after "knapp 900 Syrer" other people."""
    return all(c[i] in ("-", earlier[i]) for i in NARROWING)


# The determiners (`Claim.determiner`) by which a figure's phrase points back to a count its article gave before
REFERRING = frozenset({"definite", "demonstrative"})


def _refers_back(claims: list[Claim], parts: dict[int, tuple[str, ...] | None]) -> None:
    """A figure introduced by a definite article or a demonstrative (`Claim.determiner`, read from the parse at
    extraction) names a count its article gave before, whatever noun it uses this time ("82 verschwundene
    Wahlkarten" ... "jene 82 gelben Stimmzettel"; "rund 200.000 Personen passierten das Land" ... "zu den rund
    200.000 Transitflüchtlingen kamen ..."): where the article gives exactly one earlier figure of that value, of
    the same kind and scope and no other action, the figure takes its key; an earlier figure of that count rounded,
    or rounding it, is that count too (`_named_again`: "knapp 900.000 Wähler" ... "jene 885.437 Stimmberechtigten")
    where the figure names nothing the earlier one does not (`_adds_nothing`). Not below DISTINCT: small numbers
    recur ("drei der Insassen" ... "die drei Landsleute")."""
    earlier_of: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(claims):
        earlier_of[m.article].append(k)
    moves: dict[int, tuple[str, ...]] = {}
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None or c.low != c.high or abs(c.low) < DISTINCT or c.determiner not in REFERRING:
            continue
        keys = {q for k in earlier_of[c.article] if claims[k].start < c.start and _named_again(claims[k], c) and
                (q := parts[k]) is not None and q[0] == p[0] and q[6] == p[6] and (q[3] == p[3] or "-" in (q[3], p[3]))
                and (claims[k].low == c.low or _adds_nothing(q, p))}
        if len(keys) == 1:
            moves[n] = keys.pop()
    parts.update(moves)
