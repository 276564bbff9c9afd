"""The one data model of lagebild.

Every stage takes and returns these types: ingest makes `Article`s, the
extractors make `Claim`s, `TimeExpression`s, `Event`s and `Entity`s,
consolidation makes `ClaimGroup`s and `Story`s, the store keeps them all.

This module imports nothing of ours (see ../shared/DESIGN.md) so that any stage
can be used alone.
"""
from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "unknown"]
# The precision of an ISO date by its length: 2015, 2015-11, 2015-11-01.
ISO_DATE_PRECISION: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}
Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than", "vague"]
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "vague")


class ArticleError(Exception):
    """A problem with one input article: says which article and what is wrong.

    Raised (or yielded) by readers; the pipeline records it and goes on with
    the next article, so one bad file never stops a batch.
    """

    def __init__(self, article: str, problem: str, *, skipped: str = "the whole article"):
        self.article = article
        self.problem = problem
        self.skipped = skipped
        super().__init__(f"{article}: {problem} (skipped: {skipped})")

    def to_dict(self) -> dict[str, str]:
        return {"article": self.article, "problem": self.problem, "skipped": self.skipped}


@dataclass
class OffsetMap:
    """Maps offsets in the cleaned text back to the raw text.

    Cleaning only ever deletes runs of raw text (and may normalise whitespace
    inside kept runs one for one), so the map is a sorted list of kept
    segments: cleaned[c_start:c_start+length] == raw[r_start:r_start+length].
    """

    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (c_start, r_start, length)

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls([(0, 0, length)])

    def to_raw(self, offset: int, end: bool = False) -> int:
        """Raw offset of a cleaned offset. end=True for the end of a span: where cleaning
        deleted text between two kept segments, an offset on the seam is then the end of
        the segment before (not the start of the one after), so raw[start:end] holds no
        deleted text."""
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        probe = offset - 1 if end and offset > 0 else offset
        i = max(0, bisect.bisect_right(starts, probe) - 1)
        c_start, r_start, length = self.segments[i]
        return r_start + min(max(offset - c_start, 0), length)

    def to_clean(self, offset: int) -> int:
        """Cleaned offset of a raw offset; one inside deleted text maps to where the deletion
        was made (the end of the kept text before it)."""
        if not self.segments:
            return offset
        i = bisect.bisect_right([s[1] for s in self.segments], offset) - 1
        if i < 0:
            return 0
        c_start, r_start, length = self.segments[i]
        return c_start + min(offset - r_start, length)


@dataclass
class DatedPassage:
    """A passage of the cleaned text with a date of its own: a video teaser closed by
    its caption ("... Das heißt es aus Kreisen des US-Militärs. 18.12.2024 | 0:24 min").
    What it reports was reported on that date, not on the article's."""

    start: int                               # cleaned-text offsets
    end: int
    value: str                               # ISO date: 2024-12-18
    basis: str = "caption date"


@dataclass
class Article:
    id: str                                  # stable: a file's name, a JSONL line's id
    text: str                                # cleaned text: what extraction sees (title first)
    raw_text: str = ""                       # the text as read (after decoding / HTML extraction)
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None             # ISO-ish: 2025-06-17, 2025-06, 2025
    published_precision: Precision = "unknown"
    published_basis: str | None = None       # why we believe the date: "header", "metadata", "caption date ..."
    language: str | None = None              # ISO 639-1, e.g. "de"
    agencies: list[str] = field(default_factory=list)   # dpa, AFP, ... from "Quelle:" lines
    source_path: str | None = None
    content_hash: str | None = None          # of the raw bytes: a changed file replaces its article
    offset_map: OffsetMap | None = None
    warnings: list[str] = field(default_factory=list)
    duplicate_of: str | None = None          # near-duplicate (wire copy) of another article
    passage_dates: list[DatedPassage] = field(default_factory=list)  # teasers with their own date
    # Where it came from, its identity with its content (store/identity.py): an absolute file path (+ '#id' or
    # ':line' for a record in a JSON(L) file), a canonical URL, 'upload:NAME'. None: source_path, else the id.
    origin: str | None = None

    def raw_offset(self, offset: int, end: bool = False) -> int:
        """Raw-text offset of a cleaned-text offset; end=True for a span's end (see OffsetMap.to_raw)."""
        return self.offset_map.to_raw(offset, end) if self.offset_map else offset


@dataclass
class Sentence:
    article: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class Span:
    """A stretch of an article's cleaned text, with its raw-text position."""

    article: str
    start: int
    end: int
    text: str
    raw_start: int | None = None
    raw_end: int | None = None


# The kind of a named source that no cue classifies: an institution rather than a person.
FALLBACK_KIND = "organisation"


@dataclass
class Source:
    """Who the article says a statement comes from."""

    name: str                                # normalised: "britischer Geheimdienst"
    text: str | None = None                  # as written: "Dem britischen Geheimdienst zufolge"
    kind: str | None = None                  # person, government, military, intelligence, media, agency, ...
    relayed_by: str | None = None            # "CNN" in "laut ukrainischem Geheimdienst ..., berichtet CNN"
    entity: str | None = None                # entity id where the source is one


@dataclass
class TimeValue:
    value: str | None                        # TIMEX3: 2025-06-17, 2024-AU, 2025-04, PRESENT_REF, P3M
    precision: Precision = "unknown"
    text: str | None = None                  # the expression it comes from; None when it is the article date
    basis: str | None = None                 # "expression", "publication date", ...
    mod: str | None = None                   # TIMEX3 mod: START, MID, END, APPROX, ... ("Ende April": END)


@dataclass
class Measure:
    """What a figure counts; claims with equal measures are about the same quantity."""

    kind: str                                # personnel, killed, injured, killed_or_injured, missing, displaced,
                                             # attendees, weapons_used, weapons_intercepted, money, ...
    subject: str | None = None               # of whom/what: "nordkoreanische Soldaten"
    action: str | None = None                # deployed, planned, killed, ...
    place: str | None = None
    time: str | None = None
    scope: str | None = None                 # "part": introduced as a part of a count before it (darunter, davon);
                                             # "each": an amount per unit ("mit je zwei Soldaten")

    def key(self) -> str:
        return "|".join(x or "" for x in (self.kind, self.subject, self.action, self.place)) + \
            (f"|{self.scope}" if self.scope else "")


@dataclass
class Claim:
    # --- the fields of ../shared/eval/CONTRACT.md, in its order ---
    article: str
    text: str
    sentence: str
    start: int
    end: int
    low: float
    high: float
    qualifier: str
    counted: str | None
    source: str | None
    hedged: bool
    group: str | None = None
    # --- ours ---
    id: str | None = None                    # "<article>#<start>"
    sources: list[Source] = field(default_factory=list)
    stance: str = "asserted"                 # asserted, denied, disputed
    measure: Measure | None = None
    time: TimeValue | None = None
    sentence_index: int | None = None
    raw_start: int | None = None
    raw_end: int | None = None
    unit: str | None = None                  # currency, %, km, ...
    # "definite" / "demonstrative" / "additive" ("weitere 20"): how the parse says its phrase begins
    determiner: str | None = None
    # the old value of a change its sentence states ("von <this> auf <that>", "<that> statt <this>"): the start
    # offset of the new value's figure in the same article (extract/changes.py)
    changed_to: int | None = None

    def to_contract(self) -> dict[str, Any]:
        """The JSONL object of the claims contract, plus our extra fields."""
        d = asdict(self)
        for k in ("low", "high"):
            v = d[k]
            d[k] = int(v) if float(v).is_integer() else v
        return d


@dataclass
class ClaimGroup:
    """Claims about one quantity across articles, reconciled."""

    id: str
    measure: Measure | None
    members: list[str] = field(default_factory=list)      # claim ids
    low: float | None = None
    best: float | None = None
    high: float | None = None
    rule: str | None = None                  # how low/best/high were derived, in words
    n_sources: int = 0                       # independent sources (one agency's wire copy counts once)
    status: str = "single"                   # single, agree, disagree, evolution
    explanation: str | None = None           # one line a journalist would accept
    label: str | None = None                 # human title: "nordkoreanische Soldaten in Russland (entsandt)"


@dataclass
class TimeExpression:
    article: str
    text: str
    start: int
    end: int
    type: str                                # DATE, TIME, DURATION, SET
    value: str | None                        # TIMEX3 value
    precision: Precision = "unknown"
    mod: str | None = None                   # START, MID, END, APPROX, ... (TIMEX3 mod)
    anchored: bool = True                    # False for vague future/past refs


@dataclass
class Place:
    name: str
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None             # site, city, region, country, water (like ACLED's geo_precision)
    country: str | None = None               # ISO 3166-1 alpha-2
    # the article's dateline ("Aden – ..."): where the report was filed, the event's place only where no report of it
    # names another (`consolidate.events._best_place`); not part of what the place is (equality ignores it)
    filed: bool = field(default=False, compare=False)


@dataclass
class Mention:
    article: str
    start: int
    end: int
    text: str
    label: str | None = None
    # ISO 3166-1 alpha-2: of a country, its adjective ("nordkoreanische"), a capital
    country: str | None = None
    ref: str | None = None                   # what it names where known: "country:KP", "geo:<geonameid>"


@dataclass
class Entity:
    id: str
    name: str
    type: str                                # PER, ORG, LOC, GPE, OTH
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    wikidata: str | None = None


# Events told as background, not as what happened in the story: off the timeline and the map - history, the
# standard of a comparison, a habitual rule ("jährlich"), a state ("die dort stationiert sind").
BACKGROUND_STATUSES = ("historical", "comparison", "generic", "state")
# Force used at a place, by (type, mode): its dead are told as its figures, not as a killing of their own - in an
# article (extract/events.py: "Die Polizei stürmte das Lager. Zehn Menschen wurden dabei getötet") and across a
# story's articles (consolidate/events.py: "Bei der Razzia wurden zwölf Menschen getötet" is the raid's toll also
# where another outlet tells the shooting as an attack of its own)
FORCE = (("COERCE", "raid"), ("PROTEST", "riot"), ("PROTEST", "brawl"))


@dataclass
class Event:
    id: str
    type: str                                # PLOVER
    acled_type: str | None = None
    mode: str | None = None
    actor: str | None = None                 # entity id or name
    target: str | None = None
    place: Place | None = None
    time: TimeValue | None = None
    status: str = "reported"       # reported, planned, denied, hypothetical; background: BACKGROUND_STATUSES
    figures: list[str] = field(default_factory=list)       # claim ids
    sources: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    trigger: str | None = None


@dataclass
class Story:
    """Articles about one event or development, across outlets: "Erdbeben in Marokko, September 2023"."""

    id: str                                  # readable and stable: made from the title when the story opened
    title: str                               # main event noun + main place + month/year of the articles
    start: str | None = None                 # ISO date: the earliest publication date of its articles
    end: str | None = None                   # the latest
    articles: list[str] = field(default_factory=list)     # article ids, in the order they joined
    event: str | None = None                 # the main event noun of the title ("Erdbeben")
    place: str | None = None                 # its main place ("Marokko")
    keywords: list[str] = field(default_factory=list)     # heaviest term stems of its articles


@dataclass
class Result:
    """What one run of the pipeline over a batch of inputs produced."""

    articles: list[Article] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)    # as extracted, article by article
    entities: list[Entity] = field(default_factory=list)     # the mentions resolved across articles
    stories: list[Story] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)


def to_dict(obj: Any) -> Any:
    """Dataclass -> plain JSON-able dict (OffsetMap dropped: it is internal)."""
    if isinstance(obj, Claim):
        return obj.to_contract()
    if isinstance(obj, Article):
        d = asdict(obj)
        d.pop("offset_map", None)
        return d
    return asdict(obj)
