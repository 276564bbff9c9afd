"""Claim groups: claims about the same quantity, across all articles of one call.

Each claim's `Measure` (kind, nationality + counted class, action, place) gives
a readable slug such as ``personnel:nordkorea:soldat:deployed``; claims with
equal slugs share a group. A claim that misses a detail its article leaves
implicit (no nationality, no place) joins the one group that has it, when
exactly one such group fits and its article names that detail somewhere.
Durations and ages get no group; generic counts ("other", "people", money,
percentages, measurements) one group each, so they never merge by accident.
Pure: the same claims give the same groups.
"""
from __future__ import annotations

from collections import defaultdict

from ..extract.measures import countries, key_parts, slug_of, slugify
from ..model import Article, Claim, ClaimGroup, Measure

try:
    from .estimates import reconcile
except ImportError:  # the estimates module is optional
    reconcile = None

PER_CLAIM = {"other", "people", "money", "percent", "measurement", "incidents"}
KIND_LABELS = {
    "personnel": "", "killed": "Tote", "injured": "Verletzte", "killed_or_injured": "Tote oder Verletzte",
    "missing": "Vermisste", "displaced": "Vertriebene/Geflüchtete", "detained": "Festgenommene/Gefangene",
    "attendees": "Teilnehmende", "weapons_used": "eingesetzt", "weapons_intercepted": "abgefangen",
    "weapons_delivered": "geliefert", "sites": "Orte", "people": "Menschen", "money": "Geldbetrag",
    "percent": "Prozent", "measurement": "Maß", "other": "", "incidents": "Vorfälle",
}


def _label(m: Measure | None, example: Claim) -> str:
    if m is None:
        return example.counted or example.text
    bits = []
    if m.subject:
        nat, _, cls = m.subject.partition(":")
        if nat and nat != "-":
            bits.append(nat)
        if cls and cls != "-":
            bits.append(cls)
    head = example.counted or ""
    kind = KIND_LABELS.get(m.kind, m.kind)
    label = " ".join(x for x in [head, f"({', '.join(bits)})" if bits else "", kind] if x)
    if m.action:
        label += f" [{m.action}]"
    if m.place:
        label += f" in {m.place}"
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
    """Assign claim.group over all claims of one call; return the groups (reconciled when estimates exists)."""
    by_article = {a.id: a for a in articles}
    parts: dict[int, tuple[str, ...] | None] = {}
    for n, c in enumerate(claims):
        parts[n] = key_parts(c.measure) if c.measure is not None else None
    _backoff(claims, parts, by_article)
    members: dict[str, list[Claim]] = defaultdict(list)
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None:
            c.group = None
            continue
        c.group = slug_of(p)
        if p[0] in PER_CLAIM:
            c.group += f":{_claim_slug(c)}"           # generic counts never merge by accident
        members[c.group].append(c)
    groups = []
    for gid in sorted(members):
        ms = members[gid]
        measure = next((c.measure for c in ms if c.measure), None)
        g = ClaimGroup(id=gid, measure=measure, members=[c.id or "" for c in ms], label=_label(measure, ms[0]))
        g.n_sources = len({(c.source or c.article) for c in ms})
        g.status = "single" if len(ms) == 1 else "agree" if len({(c.low, c.high) for c in ms}) == 1 else "disagree"
        if len(ms) == 1:
            g.low, g.best, g.high = ms[0].low, ms[0].low if ms[0].low == ms[0].high else None, ms[0].high
        if reconcile is not None:
            reconcile(g, ms, by_article)
        groups.append(g)
    return groups


def _claim_slug(c: Claim) -> str:
    return f"{(c.article or 'a').rsplit('.', 1)[0][:24]}-{c.start}"


FILLABLE = (1, 4)          # nationality and place may be left implicit by an article; kind, class, action not


def _backoff(claims: list[Claim], parts: dict[int, tuple[str, ...] | None], articles: dict[str, Article]) -> None:
    """A claim missing nationality or place joins the one group that agrees on everything else and has it,
    when the claim's article names that nationality or place somewhere."""
    keys = {p for p in parts.values() if p is not None and p[0] not in PER_CLAIM}
    for n, c in enumerate(claims):
        p = parts[n]
        if p is None or p[0] in PER_CLAIM:
            continue
        holes = [i for i in FILLABLE if p[i] == "-"]
        if not holes:
            continue
        fits = [q for q in keys if q != p and all(q[i] == p[i] for i in range(len(p)) if i not in holes)
                and all(q[i] == p[i] or p[i] == "-" for i in holes)]
        # keep the most specific candidates only
        best = max((sum(q[i] != "-" for i in holes) for q in fits), default=0)
        fits = [q for q in fits if sum(q[i] != "-" for i in holes) == best]
        if len(fits) == 1 and best:
            filled = [fits[0][i] for i in holes if fits[0][i] != "-"]
            if all(_mentions(articles.get(c.article), v) for v in filled):
                parts[n] = fits[0]
