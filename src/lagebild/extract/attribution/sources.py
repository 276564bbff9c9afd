"""The source of a figure from the parse: the speaker of the quotation the figure stands in.

`source_at(doc, pos, found)` gives a `model.Source` (name in the nominative, the phrase as written, its
kind, the relaying outlet) for the figure at char offset `pos`, or None. A pronoun speaker ("sagte er")
is the person or body named last before it. The claims extractor asks it where the word rules of
`legacy` name no one.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ...lang.de import table, words
from ...model import Source
from ...nlp import past_titles, title_abbreviations
from .. import doc_text, token_at
from . import cues as C
from . import legacy
from .quotations import STATS, Quotation, Spans
from .speakers import agent_of_verb, genitive_or_von, np_tokens, speaker_kind

NAME_ARCS = ("flat", "flat:name", "appos", "compound")
TITLES = title_abbreviations()                  # "Mag.", "Dr.": a title before a name, no part of it


def _name_tokens(head: Token) -> list[Token]:
    """A proper name around a token: the head with its name parts (``flat``, ``flat:name``, ``compound``
    and the ``nmod``/``det`` pieces of a name like "Van der Bellen"), contiguous."""
    toks = [head] + [c for c in head.subtree if c.i != head.i and (c.pos_ in ("PROPN", "X", "DET", "ADP")
                     or c.pos_ == "ADJ" and c.text[:1].isupper() and c.i < head.i
                     and c.dep_ in ("amod", "flat", "compound")                    # "New York Times"
                     or c.pos_ == "NOUN" and c.dep_ in ("compound", "flat", "flat:name") and c.text[:1].isupper())
                     and (c.dep_ in NAME_ARCS or c.head.i != head.i or c.dep_ in ("nmod", "det"))
                     and c.text not in QUOTE_MARKS]
    toks.sort(key=lambda t: t.i)
    k = toks.index(head)
    lo, hi = k, k
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    out = toks[lo:hi + 1]
    # the article before a name is the sentence's ("der Sender CNN"), but one inside the quotation marks of a
    # title is the title's own ("die Zeitung „Le Monde“", "„El País“")
    while out and out[0].pos_ in ("DET", "ADP") and not (out[0].i > 0 and out[0].doc[out[0].i - 1].text in QUOTE_MARKS):
        out = out[1:]
    while out and out[-1].pos_ in ("DET", "ADP"):
        out = out[:-1]
    while len(out) > 1 and out[0].text in TITLES:     # "Mag. Karl Huber": the title opens the name, no part of it
        out = out[1:]
    return out or [head]


QUOTE_MARKS = set("„“”\"«»‚‘’")


def _appos_name(head: Token) -> str | None:
    """The name a role or body noun is followed by, inside its phrase: ``Nachrichtenagentur TASS``,
    ``Sekretär des Sicherheitsrates Sergei Schoigu``, ``Zeitung „Le Monde“``, ``Instituts IISS`` (an
    apposition or name part after the head, capitalised, no place: ``Polizei Rheinland-Pfalz`` stays the
    police)."""
    inside = {t.i for t in np_tokens(head)}
    for tok in head.subtree:
        if tok.i <= head.i or tok.i not in inside or tok.dep_ not in ("appos", "flat", "flat:name"):
            continue
        if not (tok.text[:1].isupper() or tok.pos_ == "PROPN" and tok.dep_ == "appos" and tok.head.i == head.i) \
                or tok.pos_ not in ("PROPN", "NOUN", "X"):
            continue                                   # a name in lower case only as the head's own apposition
            # ("der Agentur dpa"): written so by its owner, as a name
        if tok.head.i != head.i and _names_a_place(tok):
            continue                                   # "Polizeichefin des Bezirks Nordheim": the district's name
        if any(t.like_num or t.pos_ == "NUM" for t in tok.subtree):
            continue                                   # a figure hung under the role ("die Agentur mit 3 Mrd.
            # Dollar"): the measure phrase is the clause's, its unit no name
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.ent_type_ not in ("PER", "ORG", "MISC", "OTH") \
                and tok.head.i != head.i and not any(c.dep_ in ("compound", "flat", "flat:name") for c in tok.children):
            continue
        parts = [t for t in _name_tokens(tok) if t.text not in QUOTE_MARKS]
        name = " ".join(t.text for t in parts)
        if name and (not _place_name(name) or outlet_name(name)):
            return name
        if name and tok.head.i == head.i and media_noun(head):
            # the title may go on in words the parser hung beside it ("der Zeitung China Daily": "Daily" under the
            # phrase above): the name cut into siblings first
            return _split_name(head) or name
    return None


def media_noun(tok: Token) -> bool:
    """A noun naming a news outlet by its kind (lang/de source_heads, media: ``Nachrichtenagentur``, ``Zeitung``,
    ``Sender``, or a compound they head). The name in its apposition is the outlet's title (``die amtliche
    Nachrichtenagentur Sana``, ``Radio Bremen``), even where the gazetteer knows a place of that spelling: the place
    an outlet sits in takes a preposition (``die Agentur in Kairo``)."""
    from ...nlp.compounds import headed_by

    return tok.pos_ == "NOUN" and headed_by(tok.lemma_.lower(), frozenset(table("source_heads")["media"]))


def outlet_name(name: str) -> bool:
    """A news outlet or agency German news name (lang/de outlets, agencies: ``Xinhua``, ``Tagesspiegel``): a name,
    whatever place of that spelling the gazetteer also knows (``Xinhua`` is a county too)."""
    from ...nlp.gazetteer import organisation_kinds

    return name.lower() in legacy._outlet_names() or organisation_kinds().get(name) == "media"


def _names_a_place(name: Token) -> bool:
    """A name hung under a noun of the role's phrase (``der Polizeichef der Provinz Karvan``) that the NER reads as a
    place: it names the area the role serves, not the speaker (a person's name there names the role: ``Sekretär des
    Sicherheitsrates Sergei Schoigu``) - or that follows a noun of an inhabited or administrative area (``Provinz``,
    ``Bezirk``, ``Stadt``: lang/de inhabited_places, place_types' regions), whatever the NER made of it."""
    from ...lang.de.places import singular_place_type

    owner = name.head
    if owner.pos_ != "NOUN":
        return False
    return name.ent_type_ in ("LOC", "GPE") or owner.lemma_.lower() in words("inhabited_places") \
        or singular_place_type(owner.lemma_) in ("region", "island")


def _comma_name(head: Token) -> str | None:
    """``sagte der Sprecher der Feuerwehr, Max Huber, ...``: a person's name between commas right after a role's
    phrase names the role; the parser may hang it beside the phrase (under the verb) instead of as its
    apposition. The name stands in the nominative case the role stands in and is tagged a person."""
    doc = head.doc
    end = max(t.i for t in np_tokens(head))
    k = end + 1
    if head.pos_ != "NOUN" or k + 1 >= len(doc) or doc[k].text != ",":
        return None
    name = doc[k + 1]
    if name.pos_ != "PROPN" or name.ent_type_ != "PER" or name.head.i not in (head.i, head.head.i) \
            or "Nom" not in name.morph.get("Case", ["Nom"]) or "Nom" not in head.morph.get("Case", ["Nom"]):
        return None
    parts = _name_tokens(name)
    after = doc[parts[-1].i + 1] if parts[-1].i + 1 < len(doc) else None
    if after is not None and after.text not in (",", ".", ";") and not after.is_space:
        return None                                    # "..., Max Huber sagte": a clause of its own
    STATS["name after a role between commas"] += 1
    return " ".join(t.text for t in parts)


def _place_name(name: str) -> bool:
    """A place the gazetteer knows (it holds every name of geo's countries, capitals and seats)."""
    from ..measures import _gazetteer

    return name.lower() in _gazetteer()


def _split_name(head: Token) -> str | None:
    """A name the parser cut into siblings: ``des Roten Kreuzes`` (``Roten`` and ``Kreuzes`` both hung
    under ``Angaben``), ``des Instituts IISS`` (``IISS`` beside ``Instituts``): the capitalised words
    right after the head that share its head and have no article or preposition of their own. A name
    (PROPN) among them is the source's name; else the words as written. Counted in STATS."""
    doc = head.doc
    tail: list[Token] = []
    k = head.i + 1
    while k < len(doc):
        t = doc[k]
        if t.text in QUOTE_MARKS:
            k += 1
            continue
        named = t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "PER")       # "Nachrichtenagentur TASS" as obl:tmod
        if not t.text[:1].isupper() or t.pos_ not in ("NOUN", "PROPN", "X") or t.head.i not in (head.head.i, head.i) \
                or not named and t.dep_ not in ("nmod", "appos", "flat", "flat:name", "compound", "obj", "punct") \
                or any(c.dep_ in ("case", "det") and c.i < t.i for c in t.children):
            break
        tail.append(t)
        k += 1
    if not tail:
        return None
    STATS["name cut into siblings"] += 1
    names = [t for t in tail if t.pos_ == "PROPN"]
    if names and not _place_name(" ".join(t.text for t in names)):
        return " ".join(t.text for t in names)
    if head.text[:1].isupper() and head.lower_.endswith(("en", "er", "es", "e")) and head.pos_ == "NOUN" \
            and not names:
        return " ".join(t.text for t in [head] + tail)          # "Roten Kreuzes": an adjective read as noun
    return None


def _adjective_name(head: Token) -> str | None:
    """``nach Angaben des Roten Kreuzes``, ``der Vereinten Nationen``: a body's name of an adjective and a noun, both
    capitalised, where the parser took the adjective for the phrase's head noun (its lemma alone, ``Rot``, would name
    no one). The morphological lexicon says the head is an inflected adjective - it reads the form as an attributive
    adjective (ADJA) and never as a common noun - and a capitalised noun without article or preposition of its own
    follows it at once. The name as written, like a name the parser cut into siblings (`_split_name`): the noun's
    gender, which the adjective's nominative ending needs, is not read reliably from the parse."""
    from ...nlp.lemmas import readings

    doc = head.doc
    if head.pos_ != "NOUN" or not head.text[:1].isupper() or head.i + 1 >= len(doc):
        return None
    found = readings(head.text) or {}
    if "ADJA" not in found or "NN" in found:
        return None
    noun = doc[head.i + 1]
    if noun.pos_ not in ("NOUN", "PROPN") or not noun.text[:1].isupper() or noun.text in QUOTE_MARKS \
            or any(c.dep_ in ("case", "det") and c.i < noun.i for c in noun.children):
        return None
    STATS["a body's name of adjective and noun, the adjective read as its head"] += 1
    return f"{head.text} {noun.text}"


def _name(doc: Doc, head: Token) -> str:
    """The source's name from the parse: a person or organisation name where the phrase has one
    ("Staatsanwalt François Molins" -> "François Molins"); else the head noun in its lemma (nominative)
    with the adjectives before it and the genitive or ``von`` attribute after it as written ("Sprecher der
    Polizeiinspektion Freyung")."""
    titled = _after_title(head)
    if titled is not None:
        return titled
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    if ent is not None and ent.label_ == "ORG" and len(ent) > 1 and head.pos_ == "NOUN" \
            and all(t.text[:1].isupper() for t in ent):
        return ent.text                                # "Das Rote Kreuz": the adjective parsed as the head noun
    if head.pos_ == "PROPN":
        return " ".join(t.text for t in _name_tokens(head))
    quoted = _quoted_title(head)
    if quoted is not None:
        return quoted
    if C.is_reporting_noun(head):
        compound = C.compound_source(head)            # "Polizeiangaben" -> Polizei
        side = [c for c in head.children if c.dep_ == "amod" and c.i < head.i and C.names_side(c)]
        if compound and side:                          # "einer ukrainischen Geheimdiensteinschätzung": the
            # adjective says whose, and it agrees with the whole compound, not with its first part
            return f"{side[-1].lemma_.lower()}e {nominative(head)}"
        if compound and C.compound_names_source(head):   # not "laut vorläufigem Endergebnis" ("End"): a first part
            return compound                            # that names no one leaves the report as written (below)
        body = next((c for c in side if C.body_of_adjective(c)), None)
        if body is not None:                           # "nach polizeilichen Angaben": the body's report as written
            return f"{body.lemma_.lower()}e {nominative(head)}"     # (not "polizeiliche Seite")
        if side:                                       # "nach russischen Angaben" -> russische Seite
            return f"{side[-1].lemma_.lower()}e Seite"
        owner = genitive_or_von(head)
        if owner is not None and owner.pos_ in ("NOUN", "PROPN") and not C.is_reporting_noun(owner):
            return _name(doc, owner)                   # "die Zahlen des Innenministeriums" -> Innenministerium
    named = _adjective_name(head) or _appos_name(head) or _split_name(head) or _comma_name(head) \
        or _title_of_common_nouns(head)
    if named:
        return named
    parts = [c for c in head.children if c.dep_ == "amod" and c.i < head.i]
    words_ = [t.text for t in sorted(parts, key=lambda t: t.i)] + [nominative(head)]
    gen = next((c for c in head.children if c.dep_ in ("nmod", "nmod:poss") and c.i > head.i
                and _attribute(c) and not agent_of_verb(c)), None)
    if gen is not None:
        words_ += [t.text for t in _attribute_tokens(gen)]
    return " ".join(words_)


def _after_title(head: Token) -> str | None:
    """``sagte DDr. Maria Berger``: a title abbreviation (lang/de title_abbreviations) the parser took for the head
    of the speaker's phrase opens a name - the name right after it, past any further titles (``Univ.-Prof. Dr. Eva
    Brandl``), is the source (the recognizer's name there)."""
    doc = head.doc
    if head.text not in TITLES:
        return None
    start = past_titles(doc, head.i + 1)
    ent = next((e for e in doc.ents if e.start == start and e.label_ in ("PER", "ORG")), None)
    return ent.text if ent is not None else None


def _quoted_title(head: Token) -> str | None:
    """``Die „Kampagne für ein Freies Tibet“ berichtete``, ``die „Aktion Saubere Luft“``: a body whose name is made of
    common words is set in quotation marks in German news, from its first word to its last - the quotes hold the
    head noun's phrase (after its article) and nothing else. The name is what they hold, as written (the head's lemma,
    or a name hung deep inside it - ``Tibet`` -, would name something else). Only a name of two words or more."""
    doc = head.doc
    if head.pos_ != "NOUN":
        return None
    inside = {t.i for t in head.subtree}
    a, b = head.i, head.i
    while a - 1 in inside and doc[a - 1].text not in QUOTE_MARKS:
        a -= 1
    while b + 1 in inside and doc[b + 1].text not in QUOTE_MARKS:
        b += 1
    if a == b or a == 0 or b + 1 >= len(doc) or doc[a - 1].text not in QUOTE_MARKS \
            or doc[b + 1].text not in QUOTE_MARKS or any(t.is_space or t.text in ",.;:" for t in doc[a:b + 1]):
        return None
    STATS["a body's name in quotation marks"] += 1
    return doc[a:b + 1].text


def _finite_verb(verb: Token) -> Token | None:
    """The finite verb of a clause: the head itself, or its auxiliary that carries mood."""
    if verb.morph.get("Mood", []) or verb.morph.get("VerbForm", []) == ["Fin"]:
        return verb
    return next((c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop") and c.morph.get("Mood", [])), None)


def _title_of_common_nouns(head: Token) -> str | None:
    """``Ärzte ohne Grenzen teilte mit``: a subject of common nouns with no article whose noun is not in its base
    form (a plural) while its finite verb is singular is no plural of people but the one body the phrase names - a
    title made of common nouns, the phrase as written (its lemma, ``Arzt``, would name someone else). A singular
    subject of a count noun has an article in German; a bare plural takes a plural verb. Only a phrase with an
    attribute after its noun: a bare word alone with a singular verb is a parse's number error, no title."""
    if head.pos_ != "NOUN" or not head.dep_.startswith("nsubj") \
            or any(c.dep_ in ("det", "det:poss", "nmod:poss") for c in head.children):
        return None
    if head.lower_ == head.lemma_.lower() and "Plur" not in head.morph.get("Number", []) \
            and speaker_kind(head) not in ("person", "agent", "role"):
        return None                                    # its base form: a mass noun or a headline's bare noun - but
        # a noun of people whose plural looks like its singular ("Reporter ohne Grenzen teilte mit") is a count
        # noun, bare only in the plural: with a singular verb, a title
    finite = _finite_verb(head.head)
    if finite is None or finite.morph.get("Number", []) != ["Sing"]:
        return None
    toks = np_tokens(head)
    if toks[-1].i <= head.i:
        return None
    return " ".join(t.text for t in toks)


# Prepositions of an attribute that belongs to a name: "Bundesamt für Migration", "Sprecher vom Roten
# Kreuz", "Experten aus Kiew"; others ("in Paris", "am Samstag", "an Bord") are the clause's, no name's.
NAME_PREPOSITIONS = ("von", "vom", "für", "aus", "der", "des")


def _attribute(tok: Token) -> bool:
    if tok.like_num or tok.pos_ == "NUM" or any(c.dep_ == "nummod" and c.like_num for c in tok.children):
        return False                                 # "die Organisatoren von 10.000", "von 14 Festnahmen": the figure
    cases = [c.lower_ for c in tok.children if c.dep_ == "case" and c.i < tok.i]
    return not cases or cases[0] in NAME_PREPOSITIONS


def _attribute_tokens(gen: Token) -> list[Token]:
    """A genitive or ``von`` attribute as written, without the clause's phrases hung under it (a time,
    a place of the event: ``der Polizeiinspektion Freyung Montagfrüh``, ``der Küstenwache an Bord``)."""
    from ...lang.de import weekdays

    drop: set[int] = set()
    for t in gen.subtree:
        if t.i != gen.i and t.dep_ in ("nmod", "obl") and not _attribute(t):
            drop |= {d.i for d in t.subtree}
        if t.lower_.startswith(tuple(weekdays())):
            drop.add(t.i)
    out = []
    for t in np_tokens(gen, keep_case=True):
        if t.i in drop:
            break
        if not t.is_punct:
            out.append(t)
    return out


def nominative(head: Token) -> str:
    """A noun in the nominative: a feminine singular as written, the lemma of another singular
    (``des Gesundheitsministeriums`` -> ``Gesundheitsministerium``), a plural as written less a dative ``-n``
    (``den Rettungskräften`` -> ``Rettungskräfte``, but ``Behörden`` stays)."""
    if head.pos_ != "NOUN":
        return head.text
    text, lemma = head.text, head.lemma_
    morph = head.morph
    if "Plur" in morph.get("Number", []):
        if "Dat" in morph.get("Case", []) and text.endswith("n") and text[:-1].endswith(("e", "er", "el")) \
                and not lemma.endswith("e") and not text.endswith("ien") and text != lemma + "en" \
                and not (text == lemma and text.endswith("en")):
            # "Schreiben" (lemma "Schreiben"): a noun made from an infinitive, whose -n is no dative's
            # "Medien", "Studien", "Diplomaten" (a weak noun's plural): no dative -n
            return text[:-1]                         # "Insidern" -> "Insider"; "Behörden" stays
        return text
    if morph.get("Number", []) == ["Sing"] and morph.get("Gender", []) == ["Fem"] and text[:1].isupper() \
            and not any(c.dep_ == "det" and (c.morph.get("Number", []) == ["Plur"]
                                             or c.morph.get("Gender", []) not in ([], ["Fem"])) for c in head.children):
        # a feminine noun is the same in every case of the singular ("in der Einsatzzentrale"): as written is its
        # nominative, where the lemmatiser may cut it ("Einsatzzentral"); an article of another number or gender
        # says the noun's morph is wrong ("den Experten")
        return text
    if "Gen" in morph.get("Case", []):
        cut = text[:-2] if text.endswith("es") else text[:-1] if text.endswith("s") else text
        if cut and lemma.lower().startswith(cut.lower()):
            return cut                               # the lemmatiser's "Zivilschutze" for "Zivilschutzes";
            # "US-Militärs" -> "US-Militär", not the lemmatiser's "Us-militär"
    return lemma[:1].upper() + lemma[1:] if text[:1].isupper() else lemma


def phrase_source(doc: Doc, spans: Spans, head: int | None) -> Source | None:
    """A Source for a speaker phrase: its name from the parse, the phrase as written, its kind by the
    kind rules of `legacy` (outlets, governments, police ...)."""
    if not spans or head is None:
        return None
    a, b = spans[0][0], spans[-1][1]
    name = _name(doc, doc[head])
    if not name:
        return None
    person = doc[head].ent_type_ == "PER" or any(t.ent_type_ == "PER" for t in doc[head].children
                                                  if t.dep_ in NAME_ARCS)
    return Source(name, doc_text(doc)[a:b], legacy._kind(name, person))


def resolve_pronoun(doc: Doc, head: int, found: Sequence[Quotation]) -> tuple[Spans, int] | None:
    """Whom a pronoun speaker stands for: the last non-pronoun speaker before it, else the last person or
    organisation named before it - of its number where its form gives one (`_PRONOUN_NUMBER`). (A dative pronoun's
    nearest agreeing subject - "Diese Listen ... Ihnen zufolge" - was tried in session 25 and taken out in review: it
    passed over the right speaker for any plural subject between, "Die Gewerkschaften kritisierten ... Viele
    Beschäftigte legten die Arbeit nieder. Ihnen zufolge ...".)"""
    own = _main_clause_antecedent(doc[head])
    if own is not None:
        STATS["pronoun in a subordinate clause: the main clause's one agreeing speaker"] += 1
        return _spans_of(np_tokens(own)), own.i
    number = _PRONOUN_NUMBER.get(doc[head].lower_)
    document = _document_before(doc[head], number)
    if document is not None:
        STATS["pronoun of a report phrase: the document the sentence before names"] += 1
        return _spans_of(np_tokens(document)), document.i
    before = [q for q in found if q.speaker_head is not None and q.speaker_head < head
              and doc[q.speaker_head].pos_ != "PRON" and _may_stand_for(number, doc[q.speaker_head])]
    if before:
        q = max(before, key=lambda q: q.speaker_head or 0)
        return q.speaker, q.speaker_head or 0
    ents = [e for e in doc.ents if e.end <= head and e.label_ in ("PER", "ORG") and _may_stand_for(number, e.root)
            and not (number == "Plur" and e.label_ == "PER")]
    if ents:
        e = ents[-1]
        return ((e.start_char, e.end_char),), e.root.i
    subj = _agreeing_subject(doc, head)
    if subj is not None:
        STATS["pronoun speaker resolved to the subject before it"] += 1
        return _spans_of(np_tokens(subj)), subj.i
    return None


def _document_before(pron: Token, number: str | None) -> Token | None:
    """``Diese Listen sind nicht überprüfbar. Ihnen zufolge ...``: a pronoun in a report phrase (``ihnen zufolge``,
    ``nach ihm``) - no subject of a verb of saying - stands for the document the sentence before has as its subject
    (document_nouns) where the pronoun's number agrees: a document is cited, never heard, so the last speaker before it
    (`resolve_pronoun`) is no rival. Only a document: a plural of people there may be the subject and still not be
    whom the pronoun cites (session 25's nearest subject was taken out for that)."""
    if not _in_report_phrase(pron) or pron.sent.start == 0:
        return None
    before = pron.doc[pron.sent.start - 1].sent
    subject = next((t for t in before if t.dep_ in ("nsubj", "nsubj:pass") and t.head.i == before.root.i), None)
    if subject is None or not _document(subject) or not _may_stand_for(number, subject) \
            or not _gender_agrees(pron, subject):
        return None
    return subject


# the genders a dative/accusative pronoun of a report phrase may stand for ("laut ihr": a feminine noun only)
_PRONOUN_GENDERS = {"ihm": {"Masc", "Neut"}, "ihn": {"Masc"}, "ihr": {"Fem"}}


def _gender_agrees(pron: Token, noun: Token) -> bool:
    """May the pronoun stand for the noun by gender - ``Der Bericht kritisiert die Ministerin. Laut ihr ...``: ``ihr``
    is no masculine ``Bericht``? A plural pronoun (``ihnen``) or a noun the tagger gives no gender agrees."""
    allowed = _PRONOUN_GENDERS.get(pron.lower_)
    own = set(noun.morph.get("Gender", []))
    return allowed is None or not own or bool(own & allowed)


def _in_report_phrase(pron: Token) -> bool:
    """Is the pronoun the object of a preposition that cites a source (attribution_prepositions: ``ihnen zufolge``,
    ``laut ihm``)? Read from the words beside it: the parser often hangs a sentence-initial ``zufolge`` as a sibling."""
    doc, cites = pron.doc, words("attribution_prepositions")
    return pron.i + 1 < len(doc) and doc[pron.i + 1].lower_ in cites or pron.i > 0 and doc[pron.i - 1].lower_ in cites


def _document(noun: Token) -> bool:
    """A document noun (`cues.is_document_noun`), also where the lemmatiser cut a plural's stem too short
    (``Zahlenreihen`` -> ``Zahlenreih``): the plural as written, less its ``-n`` or ``-en``."""
    if C.is_document_noun(noun):
        return True
    form = noun.lower_
    return noun.pos_ == "NOUN" and "Plur" in noun.morph.get("Number", []) and form.endswith("n") \
        and any(C.document_lemma(form[:-k]) for k in (1, 2))


def _main_clause_antecedent(pron: Token) -> Token | None:
    """``Der Zeitung wurde das Erscheinen untersagt, nachdem sie berichtet hatte, dass ...``: a third-person pronoun
    subject of an adverbial clause (opened by a conjunction: ``nachdem``, ``weil``, ``als``) stands for a phrase of the
    clause it hangs from, not for the last speaker before the sentence: the one noun there (subject or object) that
    can speak and agrees with it in gender and number - the finite verb gives the number (``sie hatte`` one, ``sie
    hatten`` several). None where none or two agree (``Die Ministerin entließ die Sprecherin, nachdem sie ...``)."""
    from .speakers import can_speak

    verb = pron.head
    # (the parser may label the adverbial clause a complement: the conjunction tells, 'dass'/'ob' open an object)
    if pron.dep_ != "nsubj" or pron.lower_ not in ("er", "sie") or verb.dep_ not in ("advcl", "ccomp") \
            or not any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.lower_ not in ("dass", "daß", "ob")
                       for c in verb.children):
        return None
    finite = _finite_verb(verb)
    number = next(iter(finite.morph.get("Number", [])), None) if finite is not None else None
    if pron.lower_ == "er":
        number, genders = "Sing", {"Masc"}           # a neuter noun ("das Gericht") is taken up by "es", never "er"
    elif number == "Sing":
        genders = {"Fem"}
    elif number == "Plur":
        genders = set()
    else:
        return None
    # the phrases before the clause in its sentence (the parse of the clause it hangs from may be broken: "Der X
    # nahestehenden Zeitung" can make the participle a verb of its own)
    opening = min(t.i for t in verb.subtree)
    agreeing = [c for c in pron.doc[pron.sent.start:opening]
                if c.dep_ in ("nsubj", "nsubj:pass", "obj", "iobj") and c.pos_ in ("NOUN", "PROPN")
                and next(iter(c.morph.get("Number", [])), number) == number
                and (not genders or set(c.morph.get("Gender", [])) & genders)
                and (can_speak(c) or speaker_kind(c) in ("body", "role", "person", "agent"))]
    return agreeing[0] if len(agreeing) == 1 else None


# the personal pronouns whose form alone gives their number ("sie" may be either, and the tagger's guess for it
# is no ground to pass over a speaker): "ihnen zufolge" stands for a plural, "sagte er" for one
_PRONOUN_NUMBER = {"ihnen": "Plur", "er": "Sing", "ihm": "Sing", "ihn": "Sing"}


def _may_stand_for(number: str | None, tok: Token) -> bool:
    """May a pronoun of this number (None: either) stand for the phrase headed by tok: its noun's number agrees,
    where the tagger gives one (a name or noun joined with another by ``und`` is plural)."""
    if number is None:
        return True
    own = "Plur" if any(c.dep_ == "conj" for c in tok.children) else next(iter(tok.morph.get("Number", [])), None)
    return own is None or own == number


def _agreeing_subject(doc: Doc, head: int) -> Token | None:
    """``Der Bürgermeister äußerte sich. ... , sagte er.``: the last subject before the pronoun (in its
    sentence or the two before) that agrees with it in gender and number and can speak (a noun)."""
    pron = doc[head]
    gender, number = pron.morph.get("Gender", []), pron.morph.get("Number", [])
    if pron.lower_ in _PRONOUN_NUMBER:                 # the form's number over the tagger's guess ("Ihnen": Sing)
        number = [_PRONOUN_NUMBER[pron.lower_]]
    first = doc[head].sent.start
    for _ in range(2):
        if first > 0:
            first = doc[first - 1].sent.start
    for tok in reversed(doc[first:head]):
        if tok.dep_ != "nsubj" or tok.pos_ not in ("NOUN", "PROPN") or _clause_is_reported(tok, pron):
            continue
        if gender and tok.morph.get("Gender", []) and tok.morph.get("Gender", []) != gender:
            continue
        if number and tok.morph.get("Number", []) and tok.morph.get("Number", []) != number:
            continue
        return tok
    return None


def _clause_is_reported(tok: Token, pron: Token) -> bool:
    """Is the subject inside what the pronoun's sentence reports (``Es seien 12 Häuser ..., sagte er``)?"""
    return tok.sent.start == pron.sent.start and tok.head.i != pron.head.i and pron.head in tok.head.ancestors


def _spans_of(toks: list[Token]) -> Spans:
    return ((toks[0].idx, toks[-1].idx + len(toks[-1].text)),)


def source_at(doc: Doc, pos: int, found: Sequence[Quotation]) -> Source | None:
    """Who says the figure at char offset pos, by the parse; None where no quotation covers it."""
    tok = next((t for t in doc if t.idx <= pos < t.idx + len(t.text)), None)
    if tok is None:
        return None
    covering = [q for q in found if tok.i in q.tokens and q.speaker]
    if not covering:
        return None
    q = min(covering, key=lambda q: (q.how == "carried", len(q.tokens)))      # the innermost quotation
    return quotation_source(doc, q, found)


def quotation_source(doc: Doc, q: Quotation, found: Sequence[Quotation], keep=lambda src, head: True
                     ) -> Source | None:
    """The source of one quotation: its speaker phrase (a pronoun resolved to whom it stands for), with the
    outlet that relays it; None where `keep(source, speaker head token)` rejects the speaker."""
    spans, head = q.speaker, q.speaker_head
    if head is not None and doc[head].pos_ == "PRON":
        ante = resolve_pronoun(doc, head, found)
        if ante is None:
            STATS["pronoun speaker without antecedent"] += 1
            return None
        spans, head = ante
    src = phrase_source(doc, spans, head)
    if src is None or not keep(src, doc[head] if head is not None else None):
        return None
    relay = phrase_source(doc, q.relay, q.relay_head) if q.relay else _addressed_outlet(doc, q)
    if relay is not None and relay.name != src.name:
        src.relayed_by = relay.name
    return src


def _addressed_outlet(doc: Doc, q: Quotation) -> Source | None:
    """The outlet a speaker talks to: ``sagte X dem Sender Y`` (dative object), ``erklärte X gegenüber der
    Agentur Y``, ``im Interview mit der Zeitung Y`` (a ``mit`` phrase under an oblique of the verb). X is the
    source; the outlet only relays what X said. None unless the phrase names a news outlet."""
    verb = token_at(doc, q.cue[0][0]) if q.cue else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    near = []
    for child in verb.children:
        cases = {g.lower_ for g in child.children if g.dep_ == "case"}
        if child.dep_ in ("obj", "iobj") and "Dat" in child.morph.get("Case", []) or "gegenüber" in cases \
                or child.dep_ == "nsubj" and child.i != q.speaker_head and child.i > verb.i:
            near.append(child)                         # the dative read as a second subject ("sagte X der Agentur")
        elif child.dep_ == "obl":
            near += [g for g in child.children if g.dep_ == "nmod"
                     and any(c.dep_ == "case" and c.lower_ == "mit" for c in g.children)]
    speaker = doc[q.speaker_head] if q.speaker_head is not None else None
    names = [] if speaker is None else [speaker] if speaker.pos_ == "PROPN" else [
        c for c in speaker.children if c.dep_ in NAME_ARCS and (c.pos_ == "PROPN" or c.ent_type_ == "PER")]
    for name in names:                                 # "sagte Landrat Sommer der Agentur": no genitive follows
        near += [c for t in _name_tokens(name) for c in t.children      # a name - the dative it is
                 if c.dep_ == "nmod" and c.i > t.i and not any(g.dep_ == "case" for g in c.children)]
    for tok in near:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i == q.speaker_head:
            continue
        toks = np_tokens(tok)
        if speaker is not None and tok.i < speaker.i <= toks[-1].i:
            continue                                   # "sagte dem Sender ein Sanitäter": the speaker hung under it
        src = phrase_source(doc, ((toks[0].idx, toks[-1].idx + len(toks[-1].text)),), tok.i)
        if src is not None and "media" in (src.kind, legacy._kind(src.text or "")):   # "der Zeitung „Nordkurier“"
            STATS["outlet the speaker talks to"] += 1
            return src
    return None


def speaker_phrase(doc: Doc, head: int) -> str:
    """The noun phrase a token heads, as written (for messages and tests)."""
    toks = np_tokens(doc[head])
    return doc_text(doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)]


_POLL_AT = table("attribution_function_words")["document_at"]    # "laut", "in", "nach" ... a poll


def survey_source(doc: Doc, limit_sents: int = 3) -> tuple[int, Source] | None:
    """A poll or study the article's lead reports (``im APA/OGM-Vertrauensindex``, ``eine Umfrage des
    Instituts Forsa``, ``laut einer Studie von X``): (char offset, its institute as a Source). A poll
    report's figures are the poll's, so claims give it to the figures after it that have no source."""
    from ...lang.de import words

    ends = tuple(words("survey_nouns"))
    for si, sent in enumerate(doc.sents):
        if si >= limit_sents:
            break
        for tok in sent:
            lemma = tok.lemma_.lower()
            if not tok.text[:1].isupper() or tok.pos_ in ("VERB", "AUX") or not lemma.endswith(ends):
                continue
            if "-" in tok.text:                        # "APA/OGM-Vertrauensindex": the name before the hyphen
                prefix = tok.text.rsplit("-", 1)[0]
                if prefix[:1].isupper() and any(c.isupper() for c in prefix[1:]):
                    return tok.idx, Source(prefix, tok.text, "estimate")
            gen = next((c for c in tok.children if c.dep_ in ("nmod", "nmod:poss") and c.i > tok.i
                        and c.pos_ in ("PROPN", "NOUN")), None)
            if gen is not None and _cited(tok):
                return tok.idx, Source(_name(doc, gen), doc_text(doc)[tok.idx: gen.idx + len(gen.text)], "estimate")
    return None


def _cited(poll: Token) -> bool:
    """Does the lead cite the poll as what reports: under a preposition that cites a document (``laut einer
    Umfrage``, ``im Index``, ``nach einer Studie``), or as the subject or object of a reporting verb (``Eine
    Studie ergab``, ``veröffentlichte eine Studie``)? ``Der Trend der Verbraucher scheint gebrochen``, ``ruft zu
    Bestandserhebungen auf`` cite nothing."""
    if any(c.dep_ == "case" and c.lower_ in _POLL_AT for c in poll.children):
        return True
    return poll.dep_ in ("nsubj", "obj") and C.is_reporting_verb(poll.head)

