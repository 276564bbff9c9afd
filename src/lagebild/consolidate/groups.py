"""Claim groups: claims about the same quantity, across all articles of one call.

Each claim's `Measure` (kind, nationality + counted class, action, place) gives
a readable slug such as ``personnel:nordkorea:soldat:deployed``; claims with
equal slugs share a group. A claim that misses a detail its article leaves
implicit (no nationality, no place) joins the one group that has it, when
exactly one such group fits and its article names that detail somewhere.
Durations and ages get no group; generic counts ("other", "people", money,
percentages, measurements) one group each, so they never merge by accident.
A count tied to an event (dead, displaced, attendees, troops) that says
neither whose nor where joins only counts from articles on the same story
(articles that share distinctive words in title and lead): "14 Tote" in two
articles on two disasters are not one quantity, a toll rising over three
days of reports on one quake is. A count dated to another year
(``2007 starben 500 Menschen``) carries the year in its slug.
Pure: the same claims give the same groups.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..extract.measures import countries, key_parts, slug_of, slugify
from ..model import Article, Claim, ClaimGroup, Measure

from .estimates import reconcile

PER_CLAIM = {"other", "people", "money", "percent", "measurement", "incidents", "vehicles"}
# Kinds that count what happened at one event: without nationality or place they stay within their article.
EVENT_KINDS = {"killed", "injured", "killed-or-injured", "killed-or-missing", "missing", "displaced", "detained",
               "attendees", "sites", "jobs", "personnel", "weapons-used", "weapons-intercepted",
               "weapons-delivered"}
KIND_LABELS = {
    "personnel": "", "killed": "Tote", "injured": "Verletzte", "killed_or_injured": "Tote oder Verletzte",
    "killed_or_missing": "Tote oder Vermisste", "jobs": "Arbeitsplätze", "vehicles": "Fahrzeuge",
    "missing": "Vermisste", "displaced": "Vertriebene/Geflüchtete", "detained": "Festgenommene/Gefangene",
    "attendees": "Teilnehmende", "weapons_used": "eingesetzt", "weapons_intercepted": "abgefangen",
    "weapons_delivered": "geliefert", "sites": "Orte", "people": "Menschen", "money": "Geldbetrag",
    "percent": "Prozent", "measurement": "Maß", "other": "", "incidents": "Vorfälle",
}


# What a measure's action reads as in a label ("Soldaten, im Einsatz")
ACTION_LABELS = {
    "strength": "Bestand", "planned": "geplant", "deployed": "im Einsatz", "fled": "geflohen",
    "evacuated": "evakuiert", "homeless": "obdachlos", "asylum": "Asyl", "cut": "abgebaut", "created": "neu",
    "captured": "eingenommen", "damaged": "beschädigt", "serious": "schwer", "light": "leicht",
}


def _same_noun(a: str, b: str) -> bool:
    """„Teilnehmern“ and „Teilnehmende“, „Tote“ and „Toten“: one noun, to be said once."""
    a, b = a.lower(), b.lower()
    n = min(len(a), len(b), 7)
    return n >= 4 and a[:n - 1] == b[:n - 1]


def _label(m: Measure | None, example: Claim) -> str:
    """A reader's name for the group: what is counted (the kind, the noun as written when it adds to
    it), whose (the nationality) and what happened to them, where; no internal keys, no noun twice."""
    if m is None:
        return example.counted or example.text
    head = example.counted or ""
    kind = KIND_LABELS.get(m.kind, m.kind)
    done = ""
    if kind and kind[:1].islower() and head:  # "eingesetzt", "abgefangen": what happened, said after
        kind, done = "", kind
    if kind and head and not any(_same_noun(w, k) for w in head.split() for k in re.split(r"\W+", kind) if k):
        label = f"{kind} ({head})"
    else:
        label = head or kind or ""
    # the subject is "nationality:class", or one of them alone: only a country is named
    nat = (m.subject.partition(":")[0] if ":" in m.subject else m.subject) if m.subject else ""
    if nat and nat != "-" and any(c.key == nat for c in countries()) and nat[:6].lower() not in label.lower():
        label += f", {nat[:1].upper()}{nat[1:]}"
    for what in (done, ACTION_LABELS.get(m.action, m.action) if m.action else ""):
        if what:
            label += f", {what}"
    if m.place:
        label += f" in {m.place[:1].upper()}{m.place[1:]}"
    return label


def _mentions(article: Article | None, key: str) -> bool:
    """Does the article name this nationality or place anywhere?"""
    if article is None:
        return False
    text = article.text.lower()
    for c in countries():
        if c.key == key:
            return any(f.lower() in text for f in c.names + c.adjectives + c.demonyms)
    return key in (slugify(text) or "")


def group_claims(claims: list[Claim], articles: list[Article]) -> list[ClaimGroup]:
    """Assign claim.group over all claims of one call; return the groups, reconciled (estimates.py)."""
    by_article = {a.id: a for a in articles}
    parts: dict[int, tuple[str, ...] | None] = {}
    for n, c in enumerate(claims):
        parts[n] = key_parts(c.measure) if c.measure is not None else None
    _backoff(claims, parts, by_article)
    story = stories(articles)
    members: dict[str, list[Claim]] = defaultdict(list)
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None:
            c.group = None
            continue
        c.group = slug_of(p)
        if p[0] in PER_CLAIM:
            c.group += f":{_claim_slug(c)}"           # generic counts never merge by accident
        elif p[0] in EVENT_KINDS and p[1] == "-" and p[4] == "-":
            c.group += f":{story.get(c.article) or _article_slug(c)}"   # whose? where? only its story tells
        members[c.group].append(c)
    groups = []
    for gid in sorted(members):
        ms = members[gid]
        measure = next((c.measure for c in ms if c.measure), None)
        g = ClaimGroup(id=gid, measure=measure, members=[c.id or "" for c in ms], label=_label(measure, ms[0]))
        reconcile(g, ms, by_article)             # low / best / high, sources, status, explanation
        groups.append(g)
    return groups


def _claim_slug(c: Claim) -> str:
    return f"{_article_slug(c)}-{c.start}"


def _article_slug(c: Claim) -> str:
    return (c.article or "a").rsplit(".", 1)[0][:24]


# Words too common in news to tell two stories apart (besides function words).
COMMON_WORDS = frozenset("""
menschen polizei regierung angaben behörden sprecher sprecherin minister ministerium präsident millionen
milliarden euro dollar prozent jahren jahre jahres monaten monate wochen tagen stunden montag dienstag mittwoch
donnerstag freitag samstag sonntag januar februar märz april juni juli august september oktober november dezember
zahl zahlen bericht berichte berichten meldung agentur nachrichtenagentur zeitung medien experten beginn anfang
mitte ende woche zeit seite leben lage stadt land länder region frage fragen ziel grund folge folgen teil fall
fälle ergebnis informationen deutschland österreich europa welt heute gestern insgesamt weitere tausende hunderte
dutzende häuser schätzungen schätzung mann frau frauen männer kinder familie namen politiker öffentlichkeit
besuch kandidat polizisten soldaten berufung mindestens rund etwa mehr fast knapp weniger laut nach bild foto
video uhr nacht morgen abend tage jahr monat mittag wochenende vormittag nachmittag dpa apa reuters afp
""".split())


def _story_words(article: Article) -> frozenset[str]:
    """Distinctive words of an article's title and lead: capitalised, four letters or more, not common."""
    from ..extract.attribution import FUNCTION_WORDS
    from ..extract.numbers import SENTENCE_STARTERS

    head = (article.title or "") + " " + article.text[:700]
    words = {w.lower() for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}", head)}
    return frozenset(words - COMMON_WORDS - FUNCTION_WORDS - SENTENCE_STARTERS)


def stories(articles: list[Article]) -> dict[str, str]:
    """Article id -> story id. An article joins the story of the first earlier article it shares three
    distinctive words with (and a fifth of the shorter list), else it starts its own; comparing with a story's first
    article only keeps stories from chaining into one. The id is the slug of that first article."""
    leaders: list[tuple[str, frozenset[str]]] = []
    out: dict[str, str] = {}
    for a in articles:
        words = _story_words(a)
        for lead_id, lead_words in leaders:
            shared = len(words & lead_words)
            if shared >= 3 and shared >= 0.2 * min(len(words), len(lead_words)):
                out[a.id] = out[lead_id]
                break
        else:
            leaders.append((a.id, words))
            out[a.id] = (a.id or "a").rsplit(".", 1)[0][:24]
    return out


FILLABLE = (1, 4)
VICTIMS = {"killed", "injured", "killed-or-injured", "killed-or-missing", "missing", "displaced", "detained",
           "attendees"}


def _own_holes(p: tuple[str, ...]) -> tuple[int, ...]:
    """The parts another count of the claim's own article may not fill."""
    return (1, 4) if p[0] in VICTIMS else (4,)          # nationality and place may be left implicit by an article; kind, class, action not


def _backoff(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], articles: dict[str, Article]) -> None:
    """A claim missing nationality or place joins the one group that agrees on everything else and has it,
    when the claim's article names that nationality or place somewhere."""
    keys = {p for p in parts.values() if p is not None and p[0] not in PER_CLAIM}
    own: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for n, c in enumerate(claims):
        if parts[n] is not None:
            own[c.article].add(parts[n])
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
        fits = [q for q in keys if q != p and all(q[i] == p[i] for i in range(len(p)) if i not in holes)
                and all(q[i] == p[i] or p[i] == "-" for i in holes)
                and not (q in own[c.article] and any(p[i] == "-" and q[i] != "-" for i in _own_holes(p)))]
        # only what the claim's own article names; of those the most specific, and only one
        article = articles.get(c.article)
        fits = [q for q in fits if all(_mentions(article, q[i]) for i in holes if q[i] != "-")]
        best = max((sum(q[i] != "-" for i in holes) for q in fits), default=0)
        fits = [q for q in fits if sum(q[i] != "-" for i in holes) == best]
        if len(fits) == 1 and best:
            parts[n] = fits[0]
