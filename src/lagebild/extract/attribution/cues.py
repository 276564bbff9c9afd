"""Attribution cues from lemmas and morphology: reporting verbs and nouns, attribution prepositions,
Konjunktiv I. The word lists live in ``lagebild/lang/de`` (reporting_verbs, relay_verbs, reporting_nouns,
generic_sources, attribution_prepositions, relay_nouns, konjunktiv1, konjunktiv2, carry_adverbs, document_nouns,
verb_prefixes, irregular_participles)."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ...lang.de import adjective_stem, table, words
from ...nlp.compounds import compound_head, word_tag
from .. import per_span, per_token


def _separable(form: str) -> bool:
    """Does the form begin with a separable verb particle (``hervor-``, ``mit-``) before a stem of its own?"""
    prefixes = table("verb_prefixes")
    return any(form.startswith(p) and len(form) > len(p) + 2 for p in prefixes["separable"] | prefixes["either"])


def _unlemmatised_subjunctive(tok: Token) -> bool:
    """A Konjunktiv I form the lemmatiser left as it stands (``hervorgehe``, lemma ``hervorgehe``): a finite
    verb whose lemma is its own form ending in ``-e`` where the infinitive ends in ``-en`` - marked Mood=Sub
    by the tagger, or a verb with its particle joined (a subordinate clause), whose indicative ends in ``-t``."""
    low = tok.lower_
    return (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() == low and low.endswith("e")
            and ("Sub" in tok.morph.get("Mood", []) or _separable(low)))


def timed(tok: Token) -> bool:
    """Does the word stand in a time expression the times component found (``vom Montag``, ``in der Nacht``)?"""
    return any(x.start <= tok.idx < x.end for x in tok.doc._.times or ())


def verb_lemma(tok: Token) -> str:
    """The token's lemma, repaired where the lemmatiser left a Konjunktiv I form as it stands:
    ``hervorgehe`` -> ``hervorgehen``."""
    return tok.lemma_.lower() + "n" if _unlemmatised_subjunctive(tok) else tok.lemma_.lower()


def full_lemma(verb: Token) -> str:
    """The lemma with its separated particle: ``teilte ... mit`` -> ``mitteilen``; also a particle the tagger
    tagged as one (PTKVZ) that the parser hung as an adverb: ``sprach ihn ... frei`` is ``freisprechen``, no
    speech act."""
    lemma = verb_lemma(verb)
    prt = particle(verb)
    return prt.lower_ + lemma if prt is not None else lemma


def particle(verb: Token) -> Token | None:
    """The verb's separated particle (``teilte ... mit``: ``mit``), or None. Not an adverb the parser hung as one
    (`_adverb_read_as_particle`: ``erklärte heute hingegen, ...`` is ``erklären``)."""
    for child in verb.children:
        if child.dep_ == "compound:prt" and not _adverb_read_as_particle(child) \
                and not _pronominal_adverb(child.lower_) \
                or child.tag_ == "PTKVZ" and child.dep_ in ("advmod", "mark") and not _pronominal_adverb(child.lower_):
            return child
    return None


def _adverb_read_as_particle(tok: Token) -> bool:
    """``Das Parlament erklärte hingegen, ...``, ``Der Verband meldete jedoch, ...``: the parser may hang an adverb
    standing last in the clause as the verb's particle. A separable particle is a preposition, a directional adverb
    (``hin``, ``weiter``) or an adjective; a connective or other adverb of the function words (lang/de
    function_words: ``hingegen``, ``jedoch``, ``dort``, ``nur``) that the tagger also tags an adverb and that is no
    verb prefix (lang/de verb_prefixes) never forms a verb with it."""
    low = tok.lower_
    return tok.tag_ == "ADV" and low in words("function_words") and low not in words("verb_prefixes")


def _pronominal_adverb(word: str) -> bool:
    """``darauf``, ``davon``, ``worüber``: the tagger may take one at the clause's end for a verb particle
    (``verwies ... darauf, dass``), the parser may hang one as the particle (``nannte ... dafür``); it never is one."""
    parts = words("pronominal_adverb_parts")
    return any(word.startswith(p) and word[len(p):] in parts for p in ("dar", "da", "wor", "wo"))


@per_token                         # asked of a token for every figure and sentence near it
def is_reporting_verb(tok: Token) -> bool:
    return reporting_verb_of(tok, words("reporting_verbs")) and not _wants_its_report(tok) \
        and not _wants_its_clause(tok) and not _wants_its_preposition(tok) and not _takes_a_toll(tok) \
        or _report_going_on(tok)


_CONTRACTED = {"vom": "von", "beim": "bei", "zum": "zu", "zur": "zu", "am": "an", "im": "in"}   # "vom": "von dem"


def _wants_its_preposition(tok: Token) -> bool:
    """A verb that reports only with its preposition's phrase (lang/de reporting_preposition_verbs: ``ausgehen von``,
    to assume) without one - neither the phrase (``geht von 40 Toten aus``) nor the pronominal adverb that points to
    its clause (``geht davon aus, dass ...``): ``Die Lizenz dürfte sich schwer ausgehen`` (to work out) says nothing."""
    wanted = {w.split()[1] for w in words("reporting_preposition_verbs") if w.split()[0] == full_lemma(tok)}
    if not wanted:
        return False
    return not any(c.lower_ in {"da" + p for p in wanted} | {"dar" + p for p in wanted}
                   or any(g.dep_ == "case" and _CONTRACTED.get(g.lower_, g.lower_) in wanted for g in c.children)
                   for c in tok.children)


def _takes_a_toll(tok: Token) -> bool:
    """``Der Anschlag forderte acht Tote``: a verb of demanding that also says what an event cost in lives
    (lang/de toll_verbs) with a counted casualty as its object - or its subject, where the parser took a fronted
    object for one (``Acht Tote forderte der Anschlag``) - reports nothing: the event is its subject, not a speaker."""
    from ..measures import classify
    from ..numbers import parse_number

    if full_lemma(tok) not in words("toll_verbs"):
        return False
    for c in tok.children:
        if c.dep_ not in ("obj", "nsubj") or c.pos_ != "NOUN":
            continue
        counts = [g for g in c.children if g.dep_ in ("nummod", "compound", "amod")      # "Acht Tote": a number
                  and (g.like_num or g.pos_ == "NUM" or parse_number(g.text) is not None)]  # word read as a noun
        if not counts or classify(c.text)[1] != "casualty":
            continue
        if c.dep_ == "obj" or _singular_verb(tok) and parse_number(counts[0].text) != 1:
            return True
    return False


def _singular_verb(tok: Token) -> bool:
    """Is the verb's finite form - itself or its auxiliary (``hat ... gefordert``) - singular? A subject of several
    counted casualties it is then not: ``Drei Verletzte forderte ein Unfall`` (fronted object), but ``Drei Verletzte
    forderten eine Entschädigung`` (they demand)."""
    finite = [t for t in (tok, *tok.children)
              if (t is tok or t.dep_ in ("aux", "aux:pass")) and t.morph.get("Number", [])]
    return bool(finite) and all(t.morph.get("Number", []) == ["Sing"] for t in finite)


def _wants_its_clause(tok: Token) -> bool:
    """A verb that reports only through a clause (lang/de reporting_clause_verbs: ``schließen`` - to conclude, also to
    close) without one: no clause of its own (``schließen daraus, dass ...``, ``Das sei alles, schloss er`` - the
    parser hangs the said clause under it or it under the said clause) and no ``daraus``/``aus`` of what it concludes
    from (``Die Behörde schloss die Grenze``, ``..., weil das Werk schließt``)."""
    if full_lemma(tok) not in words("reporting_clause_verbs"):
        return False
    clause = any(c.dep_ in ("ccomp", "parataxis", "csubj") or c.lower_ == "daraus" or c.dep_ in ("obl", "advmod")
                 and any(g.dep_ == "case" and g.lower_ == "aus" for g in c.children) for c in tok.children)
    # hung under the said clause ("Das sei alles, schloss er") only as the inserted verb, which opens its own clause
    # before its subject - not "..., dass der Konzern 40 Filialen schließt", "..., die Bank schließt 40 Standorte"
    inserted = tok.dep_ in ("parataxis", "ccomp") and min(t.i for t in tok.subtree if not t.is_punct) == tok.i
    return not clause and not inserted


def _wants_its_report(tok: Token) -> bool:
    """A verb that reports only through a report or count as its object (lang/de report_object_verbs: ``korrigierte
    die Zahl der Toten``, ``ihre Prognose``, a compound headed by one: ``Opfer|zahl``) without one (``korrigierte bei
    30 Patienten eine Fehlstellung``). Its subject counts too: the passive's (``Die Zahl wurde korrigiert``), and a
    headline's parse may take the object for a second subject (``Polizei korrigiert Opferzahl auf 76``)."""
    from ...nlp.compounds import headed_by

    return full_lemma(tok) in words("report_object_verbs") and not any(
        c.dep_ in ("obj", "nsubj", "nsubj:pass") and (is_reporting_noun(c) or headed_by(c.lemma_.lower(),
                                                                                          words("reporting_nouns")))
        for c in tok.children)


def _report_going_on(tok: Token) -> bool:
    """``hieß es in der Mitteilung weiter``, ``erklärte sie weiter``: the parser may hang the adverb ``weiter`` as the
    verb's particle, which makes a lemma no list holds (``weiterheißen``); the report goes on, the verb is the one
    before the particle."""
    return tok.pos_ == "VERB" and any(c.dep_ == "compound:prt" and c.lower_ == "weiter" for c in tok.children) \
        and verb_lemma(tok) in words("reporting_verbs")


def reads_as_verb(tok: Token) -> bool:
    """The parse reads the word as a verb, by its part of speech or its tag (the tagger and the morphologizer may
    disagree): the first thing a reporting verb must be (`reporting_verb_of`, `frames_reported_speech` wants VERB)."""
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VV")


def reporting_verb_of(tok: Token, verbs: frozenset[str]) -> bool:
    """`is_reporting_verb` by a given list of reporting verbs (the trained component reads the list its weights
    were trained with, recorded in their meta.json)."""
    return reads_as_verb(tok) and full_lemma(tok) in verbs


@per_token
def frames_reported_speech(verb: Token) -> bool:
    """A verb of saying by what it does, not by a list: the finite full verb of the main clause (itself not in
    Konjunktiv I), with a subject, whose clausal complement speaks in Konjunktiv I (``Der Patient habe keine
    Beschwerden, bescheinigte die Ärztin``; ``Die Prüferin attestierte, die Brücke sei sicher``). German puts a
    clause in Konjunktiv I in the order of a main clause (no ``dass``) under a verb only to report what someone says
    or thinks, so the verb reports whatever its lemma (bescheinigen, attestieren, konstatieren ...) - a relative
    clause hung under it says nothing, nor does a verb with a noun for its object, whose clause is another's report
    the parser hung under it."""
    from .speakers import SPEAKING_KINDS, speaker_kind

    if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or not verb.tag_.endswith("FIN") or konjunktiv1(verb) \
            or konjunktiv1_by_agreement(verb):
        return False                                   # a verb in Konjunktiv I is itself reported, also where the
        # tagger read it as indicative ("Derzeit verfüge der Lander über 24 Watt, ... seien 19 Watt nötig")
    # a subject that can speak: "Der Anschlag beweist, welche Gefahr ausgehe" is the writer's (or another's) reading
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON") and speaker_kind(c) in SPEAKING_KINDS
               for c in verb.children):
        return False
    if any(c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False                                   # a noun object is what the verb does ("leitete eine
        # Untersuchung ein"): the clause it comes with is another's report (the parse may hang it under the verb)
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "parataxis", "conj"):
            continue
        if clause.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in clause.children):
            continue                                   # no clause: neither a verb nor a predicative with its
            # copula (the predicative "sicher" of "..., die Brücke sei sicher" heads a clause)
        if clause.dep_ == "conj" and (clause.i < verb.i or not any(c.dep_ in ("nsubj", "nsubj:pass", "expl")
                                                                     for c in clause.children)):
            continue                                   # a clause of its own the parser coordinated with the verb
        if any(t.tag_ in ("PRELS", "PRELAT") or t.dep_ == "mark" for t in clause.subtree if t.head.i == clause.i):
            continue                                   # only a clause in the order of a main clause, no "dass":
            # "lehnte mit dem Argument ab, dass ... könne" is the content of a noun the parser hung as the verb's
        if clause.i < verb.i and not all(t.is_punct for t in verb.doc[verb.sent.start:clause.left_edge.i]):
            continue                                   # the clause fills the place before the verb, nothing else:
            # "Nach Vorwürfen, es seien ..., leitete die Türkei eine Untersuchung ein" reports the Vorwürfe, not Türkei
        finite = [clause] + [c for c in clause.children if c.dep_ in ("aux", "aux:pass", "cop", "conj")]
        finite += [a for c in finite if c.dep_ == "conj" for a in c.children if a.dep_ in ("aux", "aux:pass", "cop")]
        if any(konjunktiv1(t) for t in finite if t.tag_.endswith("FIN")):
            return True
    return False


def is_relay_verb(tok: Token) -> bool:
    return full_lemma(tok) in words("relay_verbs")


def is_relay_noun(tok: Token) -> bool:
    """``Berufung``, ``Verweis``: ``unter X auf Y`` names Y as the source."""
    return tok.lemma_.lower() in words("relay_nouns") or tok.lower_ in words("relay_nouns")


@per_token
def is_reporting_noun(tok: Token) -> bool:
    """``Angaben``, ``Polizeiangaben``, ``Medienberichten``: a noun that carries a source's information."""
    return reporting_noun_of(tok, words("reporting_nouns"))


def reporting_noun_of(tok: Token, nouns: frozenset[str]) -> bool:
    """`is_reporting_noun` by a given list of reporting nouns (the trained component reads the list its weights were
    trained with, recorded in their meta.json)."""
    lemma = tok.lemma_.lower()
    if "-" in lemma and tok.pos_ == "PROPN":           # "UN-Angaben" tagged as a name, its lemma not reduced
        lemma = lemma.rstrip("n") if lemma.endswith("en") else lemma
    return _reporting_noun_lemma(lemma, nouns)


@lru_cache(maxsize=65536)
def _reporting_noun_lemma(lemma: str, nouns: frozenset[str]) -> bool:
    """A reporting noun's lemma, or a compound ending in one (asked of every noun near a figure) - where the lexicon
    splits the compound, its head is the listed noun, ends in it or is a reporting noun in turn: not ``Arbeits|
    vermittlung``, ``Daten|übermittlung`` (``ermittlung``), whose heads only end in a listed noun's letters."""
    if lemma in nouns:
        return True
    ends = [n for n in nouns if len(n) > 4 and lemma.endswith(n) and len(lemma) > len(n) + 2]
    if not ends:
        return False
    head = compound_head(lemma)
    return head is None or any(n.endswith(head) for n in ends) or (head != lemma and _reporting_noun_lemma(head, nouns))


def is_document_noun(tok: Token) -> bool:
    """``Rangliste``, ``Korruptionsindex``, ``Jahresbericht``, ``Studie``: a noun naming a document whose author
    is the source of what it lists (document_nouns, lemma endings)."""
    return tok.pos_ in ("NOUN", "PROPN") and document_lemma(tok.lemma_.lower())


@lru_cache(maxsize=65536)
def document_lemma(lemma: str) -> bool:
    """Does the lemma end in a document noun's (document_nouns)?"""
    return lemma.endswith(tuple(words("document_nouns")))


def compound_source(tok: Token) -> str | None:
    """The source a compound reporting noun names: ``Polizeiangaben`` -> ``Polizei``,
    ``US-Angaben`` -> ``US``; None for a plain reporting noun, for a compound whose head only ends in a listed
    noun's letters (``Arbeits|vermittlung``: `_reporting_noun_lemma`), and for a first part that names no one: a
    particle or adverb the lexicon knows (``Voraus|bericht``, ``Vorab|meldung``)."""
    lemma = tok.lemma_.lower()
    nouns = words("reporting_nouns")
    if lemma in nouns:
        return None
    for n in sorted(nouns, key=len, reverse=True):
        if len(n) > 4 and lemma.endswith(n) and len(lemma) > len(n) + 2:
            if not _reporting_noun_lemma(lemma, nouns):
                return None
            prefix = tok.text[: len(lemma) - len(n)].rstrip("-")
            if not prefix.isupper() and "-" not in tok.text and not _names_part(prefix):
                return None
            if prefix.lower().endswith("s") and not prefix.isupper() and len(prefix) > 4:
                prefix = prefix[:-1]                   # linking s: "Regierungsangaben" -> "Regierung"
            return prefix if prefix.isupper() else prefix[:1].upper() + prefix[1:]
    return None


@lru_cache(maxsize=4096)
def _names_part(part: str) -> bool:
    """Can a compound's first part name a source: not a particle, adverb or preposition in the lexicon (asked in
    lower case, where its tag tells a word's class: ``voraus`` a verb particle, ``vorab`` an adverb; ``polizei``
    NN, ``zeugen`` - a verb's form too - stay)?"""
    tag, _ = word_tag(part.lower())
    return not tag.startswith(("ADV", "PTK", "APPR", "APZR", "KO"))


def _speaks(first: str) -> bool:
    """A compound's first part that names someone who speaks: an acronym (``UN``) or a speaking noun of lang/de."""
    from .speakers import speaking_noun

    return first.isupper() or speaking_noun(first.lower())


def compound_speaker(tok: Token) -> bool:
    """Does a compound reporting noun's first part name someone who speaks: an acronym (``UN-Angaben``) or a speaking
    noun of lang/de (``Polizeiangaben``)?"""
    first = compound_source(tok)
    return first is not None and _speaks(first)


def compound_names_source(tok: Token) -> bool:
    """May a compound reporting noun's first part stand as its source's name: one that speaks (`compound_speaker`)
    or a noun or name by the lexicon's tag (``Firmenangaben``, ``Kremlangaben``) - not a verb's or a bound form
    (``End|ergebnis``: ``end`` is tagged a verb), which leaves the report as written."""
    first = compound_source(tok)
    return first is not None and first_part_names_source(first)


def first_part_names_source(first: str) -> bool:
    """`compound_names_source`'s test of the first part as written (``Polizei``, ``Firmen``; not ``End``, ``Gesamt``:
    the lexicon tags them a verb's forms), also for the word rules' compounds (legacy.INFO_COMPOUND)."""
    return _speaks(first) or word_tag(first.lower())[0].startswith(("NN", "NE"))


def is_generic(tok: Token) -> bool:
    """``Berichten zufolge``, ``laut Medienberichten``: a report that names no one."""
    return tok.lemma_.lower() in words("generic_sources") or tok.text.lower() in words("generic_sources")


def is_attribution_preposition(tok: Token) -> bool:
    return tok.lower_ in words("attribution_prepositions")


@per_token
def konjunktiv1(tok: Token) -> bool:
    """A finite verb in Konjunktiv I (reported speech): morphology Mood=Sub outside the Konjunktiv II
    forms, or one of the unambiguous Konjunktiv I forms the tagger mislabels (``seien``)."""
    low = tok.lower_
    if low in words("konjunktiv2"):
        return False
    if low in words("konjunktiv1") or _unlemmatised_subjunctive(tok):
        return True
    return "Sub" in tok.morph.get("Mood", []) and tok.pos_ in ("VERB", "AUX") and not low.endswith("te")


def konjunktiv1_by_agreement(tok: Token) -> bool:
    """A Konjunktiv I the tagger read as indicative (``Italien versorge 86.000 Flüchtlinge``): a finite verb in
    ``-e`` that is its infinitive less ``-n`` (or the lemmatiser's form as it stands) with a subject in the third
    person singular - whose indicative ends in ``-t``. Not a preterite (``wurde``: another stem) nor a
    Konjunktiv II (``gäbe``: umlaut), not ``ich gebe`` (first person)."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or not tok.tag_.endswith("FIN") or not low.endswith("e") \
            or low in words("konjunktiv2") or not (lemma == low or lemma.endswith("en") and lemma[:-1] == low):
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or "Sing" not in subj.morph.get("Number", []):
        return False
    return subj.pos_ in ("NOUN", "PROPN") or subj.pos_ == "PRON" and "3" in subj.morph.get("Person", [])


def ersatz_konjunktiv(tok: Token) -> bool:
    """``Die Sicherheitskräfte hätten Messer beschlagnahmt``: an umlauted Konjunktiv II in the plural stands for a
    Konjunktiv I that would look like the indicative (``haben``, ``werden``, ``können``); ``wären`` only as the
    perfect's auxiliary (`perfect_auxiliary`; ``seien`` exists), not ``sollten``/``wollten`` (also the preterite),
    nor a modal (``könnten``: a possibility of its own)."""
    low = tok.lower_
    listed = low in words("konjunktiv2") or _umlauted_preterite_stem(tok)
    if low == "wären":
        return perfect_auxiliary(tok)
    return listed and low.endswith("en") and any(c in low for c in "äöü") and tok.tag_ != "VMFIN"


def perfect_auxiliary(tok: Token) -> bool:
    """``..., sagte er. Tatsächlich wären nur 600 Menschen gekommen``: ``wären`` as the perfect's auxiliary of a verb
    that forms it with ``sein`` is the pair of ``hätten`` (``hätten ... gezählt``) and takes its place in reported
    speech as freely; ``wären`` as a copula or full verb (``wären es 900 gewesen``, ``Dann wären sie froh``) stays a
    hypothesis."""
    root = tok.sent.root
    return root.tag_ == "VVPP" and root.lemma_.lower() != "sein" and (
        tok.dep_ == "aux" and tok.head.i == root.i or tok.dep_ == "dep")
    # (the parser may hang the auxiliary loose, under any word of the clause: the sentence's participle is its verb)


def modal_ersatz(tok: Token) -> bool:
    """``Diese könnten täglich nur 20 Tonnen liefern``: a modal's umlauted Konjunktiv II in the plural (``könnten``,
    ``müssten``, ``dürften``) is also the form reported speech takes where the Konjunktiv I (``können``) looks like the
    indicative; in the singular the Konjunktiv I has a form of its own (``könne``), so ``könnte`` is a possibility.
    Not ``sollten``/``wollten`` (the preterite too)."""
    low = tok.lower_
    return tok.tag_ == "VMFIN" and "Sub" in tok.morph.get("Mood", []) and low.endswith("ten") \
        and any(c in low for c in "äöü") and tok.morph.get("Number", []) == ["Plur"] \
        and tok.morph.get("Person", ["3"]) == ["3"]


def _umlauted_preterite_stem(tok: Token) -> bool:
    """``stünden``, ``säßen``, ``lägen``: a finite full verb ending in ``-en`` with an umlaut its infinitive lacks - the
    Konjunktiv II of a strong verb (the present puts an umlaut only before ``-st``/``-t``: ``fällt``)."""
    lemma = verb_lemma(tok)
    return tok.tag_ == "VVFIN" and tok.lower_.endswith("en") and not any(c in lemma for c in "äöü") \
        and lemma.endswith("en") and lemma != tok.lower_


def names_side(adj: Token) -> bool:
    """Does an adjective before a reporting noun name whose report it is (``nach russischen Angaben``), not
    only which (``nach vorläufigen Erkenntnissen``, ``nach ersten Angaben``, ``eigener Aussage zufolge``:
    vague_source_adjectives, in whatever inflection)?"""
    return adjective_stem(adj.lower_) not in _vague_stems()


@lru_cache(maxsize=1)
def _vague_stems() -> frozenset[str]:
    vague = table("vague_source_adjectives")
    return frozenset(adjective_stem(w) for w in vague["any"] | vague["laut"])


def body_of_adjective(adj: Token) -> str | None:
    """``polizeiliche Angaben``, ``nach behördlichen Zahlen``: an adjective in ``-lich`` made from a noun that names a
    speaking body (lang/de speaking_nouns, by `speakers.speaking_noun`) says whose report it is, as the first part of
    ``Polizeiangaben`` does; the body's noun (``Polizei``, ``Behörde``), else None. The stem is tried as it stands, with
    the ``-e`` the suffix drops (``Behörde``) and without the umlaut it takes (``gerichtlich`` keeps none)."""
    from .speakers import speaking_noun

    lemma = adj.lemma_.lower()
    if adj.pos_ != "ADJ" or not lemma.endswith("lich") or not names_side(adj):
        return None
    stem = lemma[:-4]
    plain = stem.translate(_UMLAUT_OFF)
    for noun in dict.fromkeys((stem, stem + "e", plain, plain + "e")):
        if len(noun) > 2 and speaking_noun(noun):
            return noun[:1].upper() + noun[1:]
    return None


_UMLAUT_OFF = str.maketrans("äöü", "aou")


def anaphoric_report(noun: Token) -> bool:
    """``nach diesen Angaben``, ``diesen Informationen zufolge``, ``dem Bericht zufolge``: a reporting noun with a
    demonstrative, or with the definite article and no owner after it, points back to the report named before;
    it names no source of its own - unless the compound names one (``nach den Polizeiangaben``; not
    ``dem Endergebnis``)."""
    if not is_reporting_noun(noun) or compound_speaker(noun):
        return False
    dets = [c for c in noun.children if c.dep_ == "det"]
    if any(c.lower_ in words("anaphoric_determiners") for c in dets):
        return True
    owner = any(c.dep_ in ("nmod", "nmod:poss") and c.i > noun.i and not timed(c)     # "dem Bericht vom Donnerstag
                for c in noun.children)                                           # zufolge": a date is no owner
    return not owner and any("Def" in c.morph.get("Definite", []) and "Art" in c.morph.get("PronType", [])
                             for c in dets)


@per_span
def reported_sentence(sent: Span) -> bool:
    """Does the sentence speak in Konjunktiv I in its main clause (not only in a subordinate one)?"""
    for tok in sent:
        if konjunktiv1(tok) and (tok.dep_ == "ROOT" or tok.head.dep_ == "ROOT" and tok.dep_ in ("aux", "cop",
                                                                                              "aux:pass")):
            return True
    return False


@per_span
def carries_on(sent: Span) -> bool:
    """``Demnach ...``, ``..., so X weiter``: the sentence continues the source named before."""
    return any(t.lower_ in words("carry_adverbs") for t in sent)


@per_span
def hearsay_modal(sent: Span) -> bool:
    """``Der Mann soll ... gestiegen sein``: ``sollen`` of hearsay in the main clause."""
    return any(t.lemma_ == "sollen" and t.dep_ in ("aux", "ROOT") and (t.dep_ == "ROOT" or t.head.dep_ == "ROOT")
               for t in sent)


@lru_cache(maxsize=1)
def _participles() -> dict[str, str]:
    """Past participle -> lemma for the reporting verbs: the regular ones derived (ge- + stem + -t,
    none for inseparable prefixes and -ieren, -ge- after a separable particle), the others listed."""
    out: dict[str, str] = {}
    prefixes = table("verb_prefixes")
    inseparable = tuple(sorted(prefixes["inseparable"]))
    particles = sorted(prefixes["separable"], key=lambda p: (-len(p), p))   # zurück before zu
    for lemma in words("reporting_verbs"):
        if not lemma.endswith("en"):
            continue
        stem = lemma[:-2]
        t = "et" if stem.endswith(("d", "t")) or stem.endswith(("chn", "ffn")) else "t"
        prt = next((p for p in particles if stem.startswith(p) and len(stem) > len(p) + 2), "")
        core = stem[len(prt):]
        if core.endswith("ier") or core.startswith(inseparable):
            out[prt + core + t] = lemma
        else:
            out[prt + "ge" + core + t] = lemma
    for participle, lemmas in table("irregular_participles").items():
        out[participle.lower()] = next(iter(lemmas))
    return out


def participle_lemma(tok: Token) -> str | None:
    """The reporting verb an inflected participle belongs to: ``genannten`` -> ``nennen``."""
    low = tok.lower_
    for ending in ("en", "em", "er", "es", "e", ""):
        if ending and not low.endswith(ending):
            continue
        base = low[: len(low) - len(ending)] if ending else low
        if base in _participles():
            return _participles()[base]
    return None
