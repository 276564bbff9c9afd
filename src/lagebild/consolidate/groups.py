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
its story that has it, when exactly one such group fits and its article names that detail somewhere.
Group ids are readable slugs (``killed:marokko``, ``personnel:nordkorea:soldat:planned``), prefixed by the
story where a call holds several; they never carry an article's name. Pure: the same claims give the
same groups.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from ..extract.measures import countries, demonym_key, key_parts, slug_of, slugify
from ..lang.de import words as lexicon
from ..model import Article, Claim, ClaimGroup, Measure
from ..lang.de.labels import ACTION_LABELS, KIND_LABELS
from .estimates import compatible, point, reconcile

PER_CLAIM = {"other", "people", "money", "percent", "measurement", "incidents", "vehicles"}
# Kinds that count what happened at one event: without nationality or place they stay within their article.
EVENT_KINDS = {"killed", "injured", "killed-or-injured", "killed-or-missing", "missing", "displaced", "detained",
               "attendees", "sites", "jobs", "personnel", "weapons-used", "weapons-intercepted",
               "weapons-delivered"}
WEAPON_ACTIONS = {"weapons_used": "eingesetzt", "weapons_intercepted": "abgefangen",
                  "weapons_delivered": "geliefert"}
CLASS_LABELS = {"kind": "Kinder", "zivilist": "Zivilisten", "polizist": "Polizisten", "helfer": "Helfer",
                "taeter": "Angreifer/Täter"}


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
    if m.kind in WEAPON_ACTIONS:
        bits.append(WEAPON_ACTIONS[m.kind])
    if m.action in ACTION_LABELS:
        bits[-1] += ","
        bits.append(ACTION_LABELS[m.action])
    if m.place:
        bits.append(f"in {_as_written(m.place, members)}")
    if m.scope == "part":
        bits.append("(Teilzahl)")
    if m.time:
        bits.append(f"({m.time})")
    return " ".join(bits)


def _mentions(article: Article | None, key: str) -> bool:
    """Does the article name this nationality or place anywhere?"""
    if article is None:
        return False
    text = article.text.lower()
    for c in countries():
        if c.key == key:
            return any(f.lower() in text for f in c.names + c.adjectives + c.demonyms)
    return key in (slugify(text) or "")


def group_claims(claims: list[Claim], articles: list[Article],
                 story_of: Mapping[str, str] | None = None) -> list[ClaimGroup]:
    """Assign claim.group over all claims of one call, within stories; return the groups, reconciled.

    story_of: article id -> story id (the stories step); None: a light fallback (see the module docstring)."""
    by_article = {a.id: a for a in articles}
    strict = story_of is not None
    story = {a.id: slugify(str(story_of.get(a.id, ""))) or "geschichte" for a in articles} if strict \
        else stories(articles)
    several = len(set(story.values())) > 1
    parts: dict[int, tuple[str, ...] | None] = {}
    for n, c in enumerate(claims):
        parts[n] = key_parts(c.measure) if c.measure is not None else None
    _backoff(claims, parts, by_article, story if strict else None)
    members: dict[str, list[Claim]] = defaultdict(list)
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
    split: dict[str, list[Claim]] = {}
    published = {a.id: a.published for a in articles}
    for gid, ms in members.items():
        m0 = ms[0].measure
        # a generic count, or people on the move named by a noun alone ("Flüchtlinge": no verb says what
        # they did): only a repeated figure shows one quantity
        generic = m0 is not None and ((slugify(m0.kind) or "") in PER_CLAIM or m0.kind == "displaced" and not m0.action)
        for k, cluster in enumerate(_within_articles(ms, generic, published)):
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


def _speaker(c: Claim) -> str | None:
    name = c.sources[0].name if c.sources else c.source
    return " ".join(name.casefold().split()) if name else None


def apart(a: Claim, b: Claim) -> bool:
    """Do two figures of one measure count different things? Within one article, two figures that differ
    beyond rounding are two quantities (the article told them apart in words we did not read: "89 im
    Konzertsaal" and "129 insgesamt"), unless two different sources stand behind them ("Polizei: 80.000,
    Veranstalter: 200.000" is one crowd, disputed) or one is a vague word. Figures of different articles are
    never apart here."""
    if a.article != b.article or compatible(a, b) or "vague" in (a.qualifier, b.qualifier):
        return False                    # "Zehntausende" in the headline is the body's 80.000 and 200.000
    sa, sb = _speaker(a), _speaker(b)
    return not (sa and sb and sa != sb)


def _distance(c: Claim, cluster: list[Claim]) -> float:
    """How far a figure is from a cluster: 0 for one it restates, else the smallest log ratio of values."""
    best = math.inf
    for m in cluster:
        if compatible(c, m):
            return 0.0
        a, b = abs(point(c)) + 1, abs(point(m)) + 1
        best = min(best, abs(math.log(a / b)))
    return best


# Figures of one measure in different articles more than fivefold apart, reported on the same day (or on days
# we do not know), are taken for different incidents ("23 Rebellen getötet" vs "190 bei Luftangriffen"); on
# different days a toll may grow any amount (632 -> 2.901) and stays one series.
MAX_LOG_RATIO = math.log(5)


def _reported_apart(c: Claim, cluster: list[Claim], published: Mapping[str, str | None]) -> bool:
    """Was the figure reported on another day than some member of the cluster (both dates known)?"""
    mine = (published.get(c.article) or "")[:10]
    return bool(mine) and any((published.get(m.article) or mine)[:10] != mine for m in cluster)


def _within_articles(ms: list[Claim], same_value: bool = False,
                     published: Mapping[str, str | None] | None = None) -> list[list[Claim]]:
    """The claims of one measure split into quantities: figures an article keeps apart (see `apart`) go
    to different clusters; a figure of another article joins the cluster nearest in value. A generic count
    (money, percent, a noun of no class: nothing says what happened to it) joins only a cluster whose figure
    it repeats (every member of it: "mehr als 100.000 Euro" does not chain 1 and 2,5 Millionen) - the same
    amount in one story is the only sign of one quantity. A figure more than fivefold
    from every member of a cluster joins it only when reported on another day (MAX_LOG_RATIO)."""
    published = published or {}
    clusters: list[list[Claim]] = []
    for c in sorted(ms, key=lambda c: (c.article, c.start)):
        fits = [cl for cl in clusters if not any(apart(c, m) for m in cl)]
        if same_value:
            fits = [cl for cl in fits if all(compatible(c, m) for m in cl)]   # no chain through "mehr als"
        if c.qualifier != "vague":
            fits = [cl for cl in fits if _distance(c, cl) <= MAX_LOG_RATIO or all(m.qualifier == "vague" for m in cl)
                    or _reported_apart(c, cl, published)]
        if not fits:
            clusters.append([c])
            continue
        min(fits, key=lambda cl: (_distance(c, cl), clusters.index(cl))).append(c)
    return clusters


def _story_words(article: Article) -> frozenset[str]:
    """Distinctive words of an article's title and lead: capitalised, four letters or more, not common."""
    from ..extract.attribution import FUNCTION_WORDS

    head = (article.title or "") + " " + article.text[:700]
    words = {w.lower() for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}", head)}
    return frozenset(words - lexicon("story_common_words") - FUNCTION_WORDS - lexicon("sentence_starters"))


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
VICTIMS = {"killed", "injured", "killed-or-injured", "killed-or-missing", "missing", "displaced", "detained",
           "attendees"}


def _own_holes(p: tuple[str, ...]) -> tuple[int, ...]:
    """The parts another count of the claim's own article may not fill."""
    return (1, 4) if p[0] in VICTIMS else (4,)          # nationality and place may be left implicit by an article; kind, class, action not


def _backoff(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], articles: dict[str, Article],
             story: Mapping[str, str] | None = None) -> None:
    """A claim missing nationality or place joins the one group (of its story, where stories are given) that
    agrees on everything else and has it, when the claim's article names that nationality or place somewhere."""
    keyed: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for n, c in enumerate(claims):
        p = parts[n]
        if p is not None and p[0] not in PER_CLAIM:
            keyed[p].add(story.get(c.article, "") if story is not None else "")
    # the keys by what must match exactly (all but the fillable parts): a claim meets only those
    similar: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for q in keyed:
        similar[_unfilled(q)].append(q)
    said: dict[tuple[str, str], bool] = {}

    def named(article: str, key: str) -> bool:   # _mentions, once per article and key
        if (article, key) not in said:
            said[(article, key)] = _mentions(articles.get(article), key)
        return said[(article, key)]

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
        mine = story.get(c.article, "") if story is not None else ""
        fits = [q for q in similar.get(_unfilled(p), ()) if mine in keyed[q] and q != p and all(q[i] == p[i] for i in range(len(p)) if i not in holes)
                and all(q[i] == p[i] or p[i] == "-" for i in holes)
                and not (q in own[c.article] and any(p[i] == "-" and q[i] != "-" for i in _own_holes(p)))]
        # only what the claim's own article names; of those the most specific, and only one
        fits = [q for q in fits if all(named(c.article, q[i]) for i in holes if q[i] != "-")]
        best = max((sum(q[i] != "-" for i in holes) for q in fits), default=0)
        fits = [q for q in fits if sum(q[i] != "-" for i in holes) == best]
        if len(fits) == 1 and best:
            parts[n] = fits[0]


def _unfilled(p: tuple[str, ...]) -> tuple[str, ...]:
    """A key without its fillable parts (nationality, place)."""
    return tuple("" if i in FILLABLE else x for i, x in enumerate(p))
