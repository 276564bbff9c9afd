"""Speakers from the parse: the noun phrase a cue's subject or an attribution preposition's object heads.

All phrases are read from the dependency arcs of the `Doc` (UD labels as our parser emits them:
``nsubj``, ``nsubj:pass``, ``obl:agent``, ``nmod``, ``case``, ``appos``, ``flat``, ``det`` ...);
no tokenising or chunking of our own.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...lang.de import months, period_units, table, weekdays, words
from ...nlp.compounds import headed_by, word_tag
from ..werden import werden_passive
from .cues import is_reporting_noun, timed

# Arcs that stay inside a noun phrase: its determiners, adjectives, genitives and prepositional
# attributes ("Das Bundeskartellamt in Deutschland"), names and appositions ("Innenminister Klymenko").
NP_ARCS = {"det", "det:poss", "amod", "nmod", "nmod:poss", "appos", "flat", "flat:name", "compound", "nummod",
           "case", "conj", "cc", "advmod"}
# Words that can head a speaker: nouns, names, pronouns (a verb or a number cannot speak).
SPEAKER_POS = {"NOUN", "PROPN", "PRON", "X"}
SUBJECT_ARCS = ("nsubj", "nsubj:pass")
QUOTE_MARKS = set("„“”\"«»‚‘’")
_OBLIQUE = table("determiner_forms")["oblique"]
NOT_SPEAKER_POS = {"VERB", "AUX", "NUM", "PUNCT", "SCONJ", "CCONJ", "ADP", "ADV", "PART"}


def np_tokens(head: Token, *, keep_case: bool = False) -> list[Token]:
    """The noun phrase `head` heads, as parse tokens in order: its NP arcs followed down, clauses
    (relative clauses, ``acl``) and punctuation left out; the leading preposition (``case`` of the head)
    only when keep_case."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ not in NP_ARCS or child.is_punct:
                continue
            if child.dep_ == "case" and tok.i == head.i and not keep_case:
                continue
            if child.lemma_.lower() in words("relay_nouns"):
                continue                               # "der Sender unter Berufung auf X": X is another source
            if child.dep_ == "advmod" and (child.i > head.i or child.lower_ == "so"):
                continue                               # "die Polizei am Abend": the adverb is the clause's
            out.append(child)
            stack.append(child)
    out.sort(key=lambda t: t.i)
    return contiguous_around(head, out)


def contiguous_around(head: Token, toks: list[Token]) -> list[Token]:
    """A phrase is contiguous: `toks` (in order, `head` among them) cut at the first gap around the head;
    quotation marks around a name inside it do not cut it ("Die Zeitung „Le Monde“")."""
    doc = head.doc

    def next_to(a: Token, b: Token) -> bool:
        return all(t.text in QUOTE_MARKS for t in doc[a.i + 1: b.i])

    lo = hi = toks.index(head)
    while lo > 0 and next_to(toks[lo - 1], toks[lo]):
        lo -= 1
    while hi + 1 < len(toks) and next_to(toks[hi], toks[hi + 1]):
        hi += 1
    return toks[lo:hi + 1]


def np_span(head: Token, *, keep_case: bool = False) -> Span:
    toks = np_tokens(head, keep_case=keep_case)
    return head.doc[toks[0].i: toks[-1].i + 1]


def _after_addressee(verb: Token, subj: Token) -> Token:
    """``..., sagte der Polizei ein Sanitäter``, ``sagte dem Sender eine Sprecherin``: after the verb a dative (the
    addressee) may stand before the subject; the parser takes the dative for the subject and hangs the subject
    under it. A noun phrase right after it with an article of its own that is no genitive article (``ein``,
    ``eine``, ``die``, ``das``; not ``des``/``der``/``eines``/``einer``) and no preposition is no attribute of it:
    it is the subject, the speaker."""
    if subj.i < verb.i or subj.pos_ != "NOUN":
        return subj
    # the first phrase must be a dative by its article ("dem", "der", "den", "einem", "einer"): in "sagte die
    # Sprecherin dem Sender" the subject comes first and the dative after it is the addressee
    own = next((d for d in subj.children if d.dep_ == "det" and d.i < subj.i), None)
    if own is None or own.tag_ != "ART" or own.lower_ not in ("dem", "der", "den", "einem", "einer"):
        return subj
    for c in subj.children:
        if c.dep_ != "nmod" or c.i <= subj.i or c.pos_ not in ("NOUN", "PROPN") or c.left_edge.i != subj.i + 1:
            continue
        det = next((d for d in c.children if d.dep_ == "det" and d.i < c.i), None)
        # a nominative's article that is no genitive's or dative's ("der" may be a genitive, "dem" never a subject)
        if det is None or det.tag_ != "ART" or det.lower_ not in ("ein", "eine", "die", "das") \
                or any(d.dep_ == "case" for d in c.children):
            continue
        return c
    return subj


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb: its own ``nsubj``; a passive's agent (``von X``); the subject of the verb it
    is coordinated with ("Er lachte und sagte ..."); of its auxiliary's clause."""
    # "Die Zahl wird von ihr mit 20 beziffert": a verb with a passive "werden" is passive however the parser labels
    # its subject - it may hang the passive subject as nsubj; that subject is what is reported, the "von" phrase
    # (`quotations._passive_agent`) who reports it. One reading of "werden" for every extractor (extract/werden.py).
    passive = werden_passive(verb)
    subjects = [c for arc in SUBJECT_ARCS for c in verb.children if c.dep_ == arc and c.pos_ not in NOT_SPEAKER_POS
                and (arc == "nsubj" and not passive or passive_speaks(verb))]
    # nominalised adjectives speak too ("Der 39-Jährige"); a phrase the parser took for a second subject does
    # not: "Als Beispiel nannte der Berliner ...", "Als Antwort sagte ein Sprecher ..."
    # nor does a phrase an oblique article opens ("Den Schaden beziffert die Versicherung ...": the parser may take the
    # fronted object for the subject and the subject for the object) - then the object that can speak is the subject
    real = [c for c in subjects if not _als_phrase(c) and not _genitive_phrase(c) and not _oblique(c)]
    if subjects and not real:
        obj = _speaking_object(verb) or (_speaking_object(verb, after=True, speaks=False) if any(
            _oblique(c) or _als_phrase(c) for c in subjects) else None)
        real = [obj] if obj is not None else [c for c in subjects if not _genitive_phrase(c)]
    if len(real) > 1:
        # "Die Kosten des Umbaus beziffert der Architekt mit 4 Millionen": of two phrases the parser took for
        # subjects, one the finite verb does not agree with in number is the fronted object
        agreeing = [c for c in real if not _disagrees(c, verb)]
        real = agreeing if agreeing else real
        # "Die Verluste der Werft beziffert der Gutachter": where number does not tell, the one that is a kind of
        # speaker (a person, a role, a body, an agent noun) is the subject, the thing ("Verluste") the object
        kinds = [c for c in real if speaker_kind(c) in SPEAKING_KINDS]
        real = kinds if 0 < len(kinds) < len(real) else real
    if len(real) == 1 and real[0].i < verb.i and (not can_speak(real[0]) or _disagrees(real[0], verb)) \
            and not _is_report(real[0]):
        # object first, subject after the verb: "Die Zahl der Verletzten bezifferte die Feuerwehr mit 13" - the
        # parser may label the fronted object the subject; the phrase after the verb that can speak is the subject
        real = [c for c in (_speaking_object(verb, after=True) or _named_object(verb),) if c is not None] or real
    speaking = [c for c in real if can_speak(c)]
    if len(real) > 1 and speaking and len(speaking) < len(real):
        return speaking[0]                         # "Die Zahl der Toten bezifferte die Agentur X mit 13"
    if real:
        return _after_addressee(verb, real[0])
    if subjects:                                   # "Des Weiteren verwies X darauf": X read as the object
        return next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("PROPN", "NOUN")), None)
    for child in verb.children:
        if child.dep_ == "obl:agent" and child.pos_ in SPEAKER_POS:
            return child
    if verb.dep_ == "conj" and verb.head.i != verb.i and not (passive and not passive_speaks(verb)):
        # "Er lachte und sagte ...": the conjunct's subject speaks; not of a passive ("Der Konzern streicht Stellen
        # und wurde dafür genannt", "Der Plan ... wurde erläutert" hung on the infinitive): the conjunct's subject
        # is what the passive reports on, never its unnamed agent - unless the passive names its speaker ("zitiert")
        return subject_of(verb.head)
    return _lent_to_a_quoted_name(verb)


def name_under_article(doc: Doc, mark: int) -> bool:
    """Marks right after an article (``von der „Aktion Nachbarn helfen“``, ``zur „Tafel für alle“``): the words in
    them are the name of what the article determines - a statement is never set under an article, even where the
    name holds a verb the parser reads as the clause's (and hangs the article elsewhere: by its tag)."""
    return mark > 0 and doc[mark - 1].tag_ in ("ART", "APPRART")


def quoted_name_opening(tok: Token) -> Token | None:
    """The opening mark of a quoted name under an article (`name_under_article`) the token may stand in: the last
    quotation mark before it in its sentence, where that mark follows an article."""
    opening = next((t for t in reversed(tok.doc[tok.sent.start:tok.i]) if t.text in QUOTE_MARKS), None)
    return opening if opening is not None and name_under_article(tok.doc, opening.i) else None


def _lent_to_a_quoted_name(verb: Token) -> Token | None:
    """``Maria Schmid von der „Initiative Bürger packen an“ sagte, ...``: a name in quotation marks an article opens
    may hold a verb (``packen``) the parser reads as a clause of its own and hangs the speaker before the marks on as
    that verb's subject, leaving the reporting verb after the marks without one. A name under an article is no
    clause: the subject the verb inside the marks holds before them is the reporting verb's."""
    for child in verb.children:
        if child.pos_ not in ("VERB", "AUX") or child.i > verb.i:
            continue
        opening = quoted_name_opening(child)
        if opening is None or not any(t.text in QUOTE_MARKS for t in verb.doc[child.i + 1:verb.i]):
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj" and c.i < opening.i and c.pos_ in SPEAKER_POS),
                       None)
        if subject is not None:
            return subject
    return None


def _disagrees(subj: Token, verb: Token) -> bool:
    """Does the finite verb of the clause (the verb or its auxiliary) disagree in number with the noun the parser took
    for its subject (``Die Kosten beziffert der Architekt``: ``beziffert`` is singular, ``Kosten`` plural)? Only a noun
    or name with no coordinated phrase (``Polizei und Feuerwehr bezifferten``), both numbers known."""
    if subj.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "conj" for c in subj.children):
        return False
    fin = verb if verb.tag_.endswith("FIN") else next(
        (c for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.tag_.endswith("FIN")), None)
    if fin is None:
        return False
    mine, its = subj.morph.get("Number", []), fin.morph.get("Number", [])
    return len(mine) == 1 and len(its) == 1 and mine != its


def passive_speaks(verb: Token) -> bool:
    """Is a passive subject of this verb its speaker (``X wird zitiert``)? Of most reporting verbs it is
    what is reported (``Der Schaden wird auf 3 Millionen geschätzt``)."""
    from ...lang.de import words

    return verb.lemma_.lower() in words("passive_speaker_verbs")


def quoted_object(verb: Token) -> Token | None:
    """``Die Agentur zitierte den Sprecher mit den Worten, ...``: the accusative object of a verb whose object
    speaks (lang/de/passive_speaker_verbs: the active form of ``X wird zitiert``) - the speaker; the
    subject passes it on."""
    if not passive_speaks(verb) or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in SPEAKER_POS
                 and c.lower_ not in ("sich", "es", "das", "dies") and can_speak(c)), None)


def can_speak(tok: Token) -> bool:
    """Can the phrase speak: a name, a pronoun, a person or organisation, a speaking noun (``Sprecher``)?"""

    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PER", "ORG"):
        return True
    # a name in apposition names the phrase ("der Sender CNN"); one in the genitive is its owner ("die Schulden
    # Portugals", which the parser may hang as an apposition), and an owner does not make the phrase speak
    if any(c.dep_ in ("appos", "flat", "flat:name", "compound") and (c.pos_ == "PROPN" or c.ent_type_ in ("PER", "ORG"))
           and c.morph.get("Case", []) != ["Gen"] for c in tok.children):
        return True
    return speaking_noun(tok.lemma_.lower())


def speaking_noun(lemma: str) -> bool:
    """A lemma headed by a noun of lang/de speaking_nouns (``Sprecher``, ``Polizeisprecher``): see `headed_by`. A
    word the lexicon knows as no noun is none, whatever it ends in: ``gesamt`` (a participle's form to the lexicon,
    whose split ``ge|sam|t`` ends in a suffix) is no ``Amt`` - ``Gesamtangaben`` names no one."""
    if not headed_by(lemma, words("speaking_nouns")):
        return False
    if lemma in words("speaking_nouns"):
        return True
    tag, known = word_tag(lemma[:1].upper() + lemma[1:])
    return not known or tag.startswith(("NN", "NE"))


def _als_phrase(tok: Token) -> bool:
    """``Als Begründung``: a noun introduced by the comparative ``als`` (a role or predicate, no subject)."""
    return any(c.lower_ == "als" and c.tag_ == "KOKOM" and c.i < tok.i for c in tok.children) or (
        tok.i > 0 and tok.doc[tok.i - 1].lower_ == "als" and tok.doc[tok.i - 1].tag_ == "KOKOM")


def _speaking_object(verb: Token, after: bool = False, speaks: bool = True) -> Token | None:
    """The verb's object that can speak (where `speaks`) and may be its subject: a noun or name, no oblique article,
    no figure in it (``auf 40 Millionen Euro``); only one after the verb where `after`."""
    return next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("PROPN", "NOUN")
                 and (not speaks or can_speak(c)) and not _oblique(c) and (not after or c.i > verb.i)
                 and not _measured(c)), None)


def counts_in_phrase(noun: Token) -> bool:
    """A figure in the noun's own phrase (``auf 40 Millionen Euro`` taken for the object), not in a prepositional
    phrase the parser hung under it: ``beziffert die Ratingagentur mit 3 Milliarden`` may come out with ``mit 3
    Milliarden`` under the agency, whose phrase holds no figure - the measure phrase is the verb's."""
    inner: set[int] = set()
    for t in noun.subtree:                             # after the noun: "auf 40 Millionen Euro" is Euro's own figure
        if t.i > noun.i and any(c.dep_ == "case" and c.pos_ == "ADP" for c in t.children):
            inner |= {d.i for d in t.subtree}
    return any((t.like_num or t.pos_ == "NUM") and t.i not in inner for t in noun.subtree)


def _named_object(verb: Token) -> Token | None:
    """An object after the verb that is a bare name the tagger took for a common noun (``bezeichnete Conze als ...``):
    no article, and the lexicon reads the word as a name (or does not know it)."""
    return next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and c.pos_ == "NOUN"
                 and c.text[:1].isupper() and not any(g.dep_ in ("det", "det:poss") for g in c.children)
                 and word_tag(c.text)[0] == "NE" and not _measured(c)), None)


def _measured(noun: Token) -> bool:
    """Is the noun the unit of a figure (``schätzen 40 Mrd. Euro``: the lexicon reads ``Euro`` as a name): a figure
    in its own phrase, or right before it where the parser hung the number's phrase apart (``40 Mrd.`` beside
    ``Euro``)? A measure says how much, it speaks for no one."""
    if counts_in_phrase(noun):
        return True
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    # rv23: a year is no figure ("bezifferte 2014 Amnesty die Zahl": the name speaks) - the parser hangs it as a
    # time modifier, or the times component found it
    return before is not None and before.dep_ != "obl:tmod" and not timed(before) and (
        before.like_num or before.pos_ == "NUM" or any(c.dep_ == "nummod" for c in before.children))


def _is_report(tok: Token) -> bool:
    """A document as the subject (``Die Studie nennt die Regierung ...``): it says what it says, no object speaks
    for it."""
    from .cues import is_document_noun

    return is_document_noun(tok)


def _oblique(tok: Token) -> bool:
    """Does an article or possessive that is never nominative open the phrase (``den``, ``dem``, ``einen``:
    lang/de determiner_forms oblique)?"""
    return any(c.dep_ in ("det", "det:poss") and c.i < tok.i and c.lower_ in _OBLIQUE for c in tok.children)


def _genitive_phrase(tok: Token) -> bool:
    """``Des Weiteren``: a phrase whose article is ``des`` (genitive only) is no subject."""
    return any(c.dep_ == "det" and c.lower_ == "des" and c.i < tok.i for c in tok.children)


def wie_subject(verb: Token) -> Token | None:
    """``wie der Spiegel berichtete``: the parser often hangs the subject of a ``wie`` clause under the
    verb as an oblique with ``wie`` for its preposition; it is the subject (a counted parse fallback)."""
    for child in verb.children:
        if child.dep_ in ("obl", "nmod") and child.pos_ in SPEAKER_POS and child.i < verb.i and any(
                c.dep_ == "case" and c.lower_ == "wie" for c in child.children):
            return child
    return None


def prep_object(prep: Token) -> Token | None:
    """The noun a preposition (``case`` arc) belongs to: ``laut [Polizei]``, ``[Angaben] zufolge``."""
    if prep.lower_ == "zufolge" and prep.head.i > prep.i and prep.i > 0 and prep.doc[prep.i - 1].pos_ in SPEAKER_POS:
        return prep.doc[prep.i - 1]                    # a postposition: "dem Militär zufolge" (hung under a later noun)
    if prep.head.i != prep.i and prep.head.pos_ in SPEAKER_POS:
        return prep.head                               # "case", or "dep" where the parser was unsure
    # a parse that hangs the noun under the preposition
    for child in prep.children:
        if child.pos_ in SPEAKER_POS:
            return child
    return None


def genitive_or_von(noun: Token) -> Token | None:
    """Whose information a reporting noun carries: ``Angaben [der Polizei]``, ``Angaben [von Ärzten]``."""
    for child in noun.children:
        if child.dep_ in ("nmod", "nmod:poss") and child.pos_ in SPEAKER_POS and child.i > noun.i \
                and not any(c.dep_ == "nummod" or _counts(c) for c in child.children):   # "laut Angaben 7.000 Menschen"
            if not any(c.dep_ == "case" and c.lower_ not in ("von", "aus", "seitens") for c in child.children) \
                    and not agent_of_verb(child):
                return child
    return None


def _counts(tok: Token) -> bool:
    """A number, in digits or in words (``elf Personen``, which the tagger may read as an article): a phrase it counts
    is what is reported, never whose report it is."""
    from ..numbers import parse_word

    return tok.like_num or parse_word(tok.lower_) is not None


def agent_of_verb(tok: Token) -> bool:
    """``laut einer Studie von Wassermangel bedroht``: a ``von`` phrase right before a participle is that
    participle's agent, whatever the parser hung it under - no owner of the noun before it. Only a phrase that cannot
    speak: one that can is the report's owner (``laut einer Studie von Greenpeace bedroht``), and so is a ``von``
    phrase before a finite verb (``wie Angaben von Eurostat zeigen``, ``wie aus einem Bericht von X hervorgeht``,
    ``Auf der Liste von X liegt ...``): German names an agent with ``von`` only beside a participle."""
    if not any(c.dep_ == "case" and c.lower_ in ("von", "vom") for c in tok.children) or can_speak(tok):
        return False
    k = tok.right_edge.i + 1
    return k < len(tok.doc) and tok.doc[k].tag_ in ("VVPP", "ADJD")


# What a candidate speaker is, by what can speak (`speaker_kind`): a person, a group of people, a body, a pronoun
# standing for one - or a document, cited as a source - or none of these (a thing, an act, a state).
SPEAKING_KINDS = frozenset({"pron", "pron_dem", "adv", "per", "org", "place", "misc", "name", "named", "role",
                            "body", "person", "inhabited", "document", "agent"})


def speaker_kind(tok: Token) -> str:
    """The kind of speaker a candidate head is, read from the parse, the NER label, morphology, the compound's head
    and the lang/de lists of roles, bodies and documents: ``pron`` (a personal pronoun of the 1st-3rd person but
    ``es``, or ``man``), ``pron_dem`` (a demonstrative or relative standing alone), ``per``/``org``/``place``/
    ``misc`` (a named entity), ``name`` (a name the NER left untyped), ``named`` (a noun with a name in
    apposition), ``role``/``body`` (speaking_nouns, person_titles; institution_nouns, organisation_types,
    government_nouns, by the compound's head), ``person`` (a noun naming people by its class or form: ``Kinder``,
    ``Betroffene``, ``Pensionisten``), ``agent`` (a noun in -er, -erin by its form: ``Trainer``, ``Anwohner``),
    ``inhabited`` (``Stadt``, ``Land``: a place speaking through its authorities), ``document`` (document_nouns,
    reporting_nouns: ``Bericht``, ``Studie``) - or ``mute``: a noun none of these (``Aufgabe``, ``Modus``), which
    cannot speak; ``other`` for the rest (an adverb, an impersonal pronoun)."""
    pos, low = tok.pos_, tok.lemma_.lower()
    if not tok.text.strip() or pos == "SPACE":
        return "other"                               # a run of spaces the tagger took for a name
    if pos == "PRON" or pos == "DET":
        kind = tok.morph.get("PronType", [])
        if low == "man" or "Prs" in kind and low not in ("es", "sich"):
            return "pron"
        return "pron_dem" if {"Dem", "Rel"} & set(kind) or pos == "DET" else "other"
    if pos == "ADV":
        return "adv" if low in words("carry_adverbs") else "other"
    ent = {"PER": "per", "ORG": "org", "LOC": "place", "GPE": "place", "MISC": "misc"}.get(tok.ent_type_)
    if ent is not None:
        return ent
    if pos in ("PROPN", "X"):
        return "name"
    return _noun_kind(tok, low)


def _noun_kind(tok: Token, low: str) -> str:
    from ..measures import classify_counted
    forms = (low, tok.lower_) if tok.lower_ != low else (low,)     # the lemmatiser may leave a plural ("Augenzeugen")
    if any(speaking_noun(w) or headed_by(w, words("person_titles")) for w in forms):
        return "role"
    if any(headed_by(w, words(n)) for w in forms for n in ("institution_nouns", "organisation_types",
                                                             "government_nouns")):
        return "body"
    if classify_counted(tok.text)[1] == "person" or classify_counted(tok.lemma_)[1] == "person":
        return "person"
    if low in words("inhabited_places"):
        return "inhabited"
    if any(headed_by(w, words("document_nouns")) for w in forms) or is_reporting_noun(tok):
        return "document"
    if can_speak(tok):
        return "named"
    tag, known = word_tag(tok.text)
    if tag == "NE" or not known:
        return "name"                                # a name the tagger took for a noun ("Kondé", "Milinkewitsch")
    if low.endswith(("er", "erin", "erinnen")) and "Fem" not in tok.morph.get("Gender", []) or low.endswith("erin"):
        return "agent"                               # an agent noun by its form (Trainer, Anwohner, Wissenschaftlerin)
    return "mute"



def names_a_time(tok: Token) -> bool:
    """Is the phrase's head a noun of time - a weekday, a month, a unit of the calendar (``Woche``, ``Jahr``)? Such a
    phrase dates what is said and never says it, even where the parser makes it the subject of the speech act
    (``Erst vergangene Woche kündigte der Konzern an, ...``: `Woche` read as the subject of `ankündigen`). Not a
    word of a multi-word name (``August Bebel``: a first name that is also a month)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_.startswith("flat") or any(
            c.dep_.startswith("flat") for c in tok.children):
        return False
    low = tok.lemma_.lower()
    return low in weekdays() or low in months() or low in period_units()


def said_about(tok: Token) -> str | None:
    """Why the parse shows that a phrase is not who speaks in its sentence (None where it may speak): the subject of a
    clause whose finite verb is ``sollen`` is what is said about (hearsay: ``Der Kassier soll Geld unterschlagen
    haben``) or what is to be done (``Die Steuer soll steigen``), never who says it - unless the verb under ``sollen``
    is itself a reporting verb or another speech act (``Der Minister soll gesagt haben, ...``, ``Der Verband soll sich
    gegen den Plan ausgesprochen haben``: lang/de speech_act_verbs), or the phrase is a report or is cited as the
    source (``Berichten zufolge sollen ...``, ``Dem Vernehmen nach soll ...``: the parser may take it for the
    subject)."""
    from ...lang.de import words
    from .cues import full_lemma, is_attribution_preposition, is_reporting_verb

    if tok.dep_ not in ("nsubj", "nsubj:pass") or is_reporting_noun(tok):
        return None
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if any(c.dep_ == "case" and is_attribution_preposition(c) for c in tok.children) or after is not None and (
            is_attribution_preposition(after) or after.lower_ == "nach" and after.head.i == tok.i):
        return None
    verb = tok.head
    modal = verb if verb.lemma_ == "sollen" else next(
        (c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "sollen"), None)
    acts = is_reporting_verb(verb) or full_lemma(verb) in words("speech_act_verbs")
    if modal is None or modal is not verb and acts:
        return None                                  # 'soll gesagt / sich gegen X ausgesprochen haben': it speaks
    return "subject of sollen"
