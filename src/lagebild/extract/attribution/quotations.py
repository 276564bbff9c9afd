"""Who says what, from the parse: quotations with their cue, speaker and relaying outlet.

`quotations(doc)` reads, in order:

1. reporting verbs (lemma + particle, lang/de/reporting_verbs): speaker = the verb's subject (``nsubj``,
   a passive's agent, a coordinated verb's subject); what is said = its clausal complement (``ccomp``,
   a ``dass`` clause, the clause it is a ``parataxis`` of) - Indirect - or its object (Reported);
   ``unter Berufung auf X``: X is the source, the verb's subject relays it;
2. attribution prepositions (``laut X``, ``X zufolge``) and ``nach Angaben X`` / ``nach X-Angaben``:
   speaker = the preposition's object (or whose information the reporting noun carries), what is said =
   the clause the phrase belongs to;
3. ``..., so X``: the speaker after ``so``;
4. quotation marks: Direct; attributed by a cue of 1-3 touching them, a ``X: „...“`` colon, or else the
   speaker of the quotation just before;
5. headlines ``Behörden: ...`` (a speaking noun before a colon);
6. sentences in Konjunktiv I, or opened by ``demnach``, with no cue of their own: the speaker of the
   quotation before them, while the reported speech runs (IndirectFreeIndirect).

Where the parse gives no subject for a reporting verb the parser has hung it as an oblique under
``wie`` (``wie der Spiegel berichtete``); `STATS` counts those fallbacks.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...lang.de import table
from .. import doc_text
from . import cues as C
from .speakers import (
    SPEAKER_POS,
    SPEAKING_KINDS,
    can_speak,
    counts_in_phrase,
    genitive_or_von,
    name_under_article,
    np_tokens,
    passive_speaks,
    prep_object,
    quoted_object,
    speaker_kind,
    speaking_noun,
    subject_of,
    wie_subject,
)

Spans = tuple[tuple[int, int], ...]
STATS: Counter[str] = Counter()            # parse fallbacks taken, for the benchmark's report
OPEN_QUOTES = {"„": ("“", "”", '"'), "»": ("«",), "«": ("»",), "“": ("”", "“"), '"': ('"', "“", "”"),
               "‚": ("‘", "’")}


@dataclass
class Quotation:
    type: str                                # Direct, Indirect, Reported, IndirectFreeIndirect
    quote: Spans                             # char spans of what is said
    cue: Spans = ()
    speaker: Spans = ()
    speaker_head: int | None = None          # token index of the speaker's head
    relay: Spans = ()                        # the outlet that passes it on
    relay_head: int | None = None
    how: str = ""                            # verb, prep, so, colon, quote, headline, carried
    sent: int = 0
    tokens: set[int] = field(default_factory=set)   # token indices of the quote


def _spans(toks: list[Token] | set[Token]) -> Spans:
    """Contiguous char spans of a set of tokens."""
    ordered = sorted(toks, key=lambda t: t.i)
    out: list[tuple[int, int]] = []
    prev = None
    for t in ordered:
        if prev is not None and t.i == prev.i + 1 and out:
            out[-1] = (out[-1][0], t.idx + len(t.text))
        else:
            out.append((t.idx, t.idx + len(t.text)))
        prev = t
    return tuple(out)


def _content(toks) -> set[Token]:
    return {t for t in toks if not t.is_punct or t.text in OPEN_QUOTES or t.text in "“”«»"}


def _quote_marks(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [open, close] of quotation-marked passages (found once per Doc: figures ask per figure)."""
    cached = doc.user_data.get("_lagebild_quote_marks")
    if cached is None:
        cached = doc.user_data["_lagebild_quote_marks"] = _find_quote_marks(doc)
    return list(cached)


def _find_quote_marks(doc: Doc) -> list[tuple[int, int]]:
    out = []
    i = 0
    n = len(doc)
    texts = [t.text for t in doc]                      # read once, not a Token made per look
    while i < n:
        closers = OPEN_QUOTES.get(texts[i])
        if closers and (texts[i] != '"' or i + 1 < n and not doc[i + 1].is_punct):
            j = next((k for k in range(i + 1, min(n, i + 400)) if texts[k] in closers), None)
            if j is not None and j > i + 1:
                out.append((i, j))
                i = j + 1
                continue
        i += 1
    return out


def names_something(doc: Doc, a: int, b: int) -> bool:
    """Marks around a name or title, not around words someone said: only proper nouns or foreign words
    inside (``„Department of Vertebrate Zoology“``), or one phrase hung on a noun as its name or apposition (``der
    Sender „Silverbird“``, ``die Walfangstation „Hvalstödin“``). A passage with several words hung outside it, a verb
    among them, is part of a clause, not a name (``dass ihre Mandantin „große Angst hatte“``, which the parser
    makes an apposition and a verb of the main clause)."""
    inner = [t for t in doc[a + 1: b] if not t.is_punct]
    if not inner:
        return True
    roots = [t for t in inner if not a < t.head.i < b or t.head.i == t.i]
    root = roots[0] if roots else inner[0]
    in_a_clause = len(roots) > 1 and any(t.pos_ in ("VERB", "AUX") for t in roots)
    return all(t.pos_ in ("PROPN", "X") for t in inner) or \
        root.dep_ in ("appos", "flat", "flat:name") and not in_a_clause


def said_in_marks(doc: Doc, marks: list[tuple[int, int]]) -> set[int]:
    """Tokens of the passages in quotation marks that say something (`describes_in_words`): what is said in marks is
    never part of who says it, whatever the parse hangs it under (``warnten Vertreter der Verbände vor einem
    „raschen Verlust von Fachwissen“``, where the parser makes the passage a genitive of ``Vertreter``)."""
    return {k for a, b in marks if describes_in_words(doc, a, b) for k in range(a, b + 1)}


def describes_in_words(doc: Doc, a: int, b: int) -> bool:
    """A passage in marks that is words someone chose, not a title: it names nothing (`names_something`) and holds an
    adjective, adverb or verb written small - in the name of a paper or an organisation these are capitalised or
    absent (``der „Neuen Rundschau“``, ``des „Ostsee Kurier“``), in a phrase someone said they are not (``einen
    „raschen Verlust“``). A book's or film's title is written as a sentence (``„Die unendliche Geschichte“``): it is
    told from words said only where `names_something` finds it hung on a noun as its name."""
    return not names_something(doc, a, b) and any(t.pos_ in ("ADJ", "ADV", "VERB", "AUX") and t.text[:1].islower()
                                                  for t in doc[a + 1: b])


def hung_on_said(phrase: list[Token] | set[Token], said: set[int]) -> set[Token]:
    """The tokens of a phrase that are said in marks (`said_in_marks`) or hung under such a token within the phrase
    (the article of ``des „Aufrufs zum Umsturz“``)."""
    ids = {t.i for t in phrase}
    out = set()
    for t in phrase:
        tok = t
        while tok.i in ids:
            if tok.i in said:
                out.add(t)
                break
            if tok.head.i == tok.i:
                break
            tok = tok.head
    return out


def speaker_tokens(head: Token) -> list[Token]:
    """The speaker's phrase; a modifier after it that carries a figure is what is reported, hung there by the
    parse ("unter Verweis auf die Polizei von 14 Festnahmen"), not part of who speaks."""
    toks = np_tokens(head)
    cut = {t.i for c in head.children if c.dep_ == "nmod" and c.i > head.i and any(x.like_num for x in c.subtree)
           for t in c.subtree}
    if cut & {t.i for t in toks}:
        STATS["figure hung under the speaker"] += 1
    return [t for t in toks if t.i not in cut]


def _clause_content(verb: Token) -> tuple[set[Token], str] | None:
    """What a reporting verb reports: its clausal complement (Indirect: ``ccomp``, ``xcomp``, an ``advcl``
    - a ``dass``/``zu`` clause or the main clause of ``wie X mitteilte, ...`` -, a coordinated clause in
    Konjunktiv I), the clause it is set into (parataxis: "Es gebe ..., sagte er") or, for a verb with an
    object or a ``von``/``vor``/``auf`` phrase, the whole clause (Reported: "Die Polizei geht von Suizid aus")."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis", "csubj", "xcomp", "advcl") and not _relative_clause(child):
            return set(child.subtree), "Indirect"
        if child.dep_ == "conj" and child.i > verb.i and any(C.konjunktiv1(t) for t in child.subtree):
            return set(child.subtree), "Indirect"
    if verb.head.i != verb.i and (verb.dep_ in ("parataxis", "advcl") or any(
            c.lower_ == "wie" and c.dep_ in ("mark", "cc", "case", "advmod") for c in verb.children)):
        # "Es gebe ..., sagte er"; "..., wie aus der Statistik hervorgeht": the clause it is set into
        return set(verb.head.subtree) - set(verb.subtree), "Indirect"
    if verb.dep_ == "ccomp" and verb.head.i < verb.i:
        return None
    fronted = _fronted_reported(verb)
    if fronted:
        return fronted, "Indirect"
    for child in verb.children:
        if child.dep_ == "obj" and child.pos_ in ("NOUN", "PROPN", "NUM") or child.dep_ in ("obl", "obl:arg") and any(
                c.dep_ == "case" and c.lower_ in ("von", "vor", "auf", "über") for c in child.children):
            return set(verb.subtree), "Reported"
    if C.full_lemma(verb) == "sprechen" and any(t.lower_ == "von" and t.dep_ == "case" for t in verb.subtree):
        return set(verb.subtree), "Reported"        # "sprach in ihrem Schreiben von 40 Toten" (attached lower)
    return None


def _relative_clause(clause: Token) -> bool:
    """A relative clause the parser hung under the verb as its complement (``X, der als Sprecher fungiert,
    erklärte, dass ...``): it opens with a d-relative pronoun (PronType Dem and Rel; after a preposition at most)
    and ends with its finite verb - what it says is about X, not what X says. A clause opened by a w-word (``was``,
    ``wer``: PronType Int and Rel) needs no antecedent and is what is said (``sagte, was er erwarte``). Counted in
    STATS."""
    toks = [t for t in clause.subtree if not t.is_punct]
    if len(toks) < 2:
        return False
    first = toks[1] if toks[0].pos_ == "ADP" else toks[0]
    if not {"Dem", "Rel"} <= set(first.morph.get("PronType", [])) or first.head.i != clause.i:
        return False
    verbs = [t for t in toks if t.i == clause.i or t.head.i == clause.i and t.dep_ in ("aux", "aux:pass", "cop")]
    if toks[-1] not in verbs or any("Fin" in t.morph.get("VerbForm", []) for t in verbs if t is not toks[-1]):
        return False                         # not verb-final: a demonstrative's main clause (``der habe ...``)
    STATS["relative clause hung as the reporting verb's complement"] += 1
    return True


def _fronted_reported(verb: Token) -> set[Token]:
    """``Unter den Opfern seien vier Polizisten, berichtete X``: a main clause's reporting verb right after a
    comma, with Konjunktiv I before it, reports what stands before the comma, also where the parser hung
    that clause under the verb as obliques instead of as a clause (counted in STATS)."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return set()
    before = [t for t in verb.sent if t.i < verb.i - 1]
    if not any(C.konjunktiv1(t) for t in before):
        return set()
    STATS["Konjunktiv I clause before its reporting verb not parsed as a clause"] += 1
    return set(before)


def full_is(verb: Token, *lemmas: str) -> bool:
    return C.full_lemma(verb) in lemmas


def _berufung(verb: Token) -> Token | None:
    """``unter Berufung auf X`` under the verb or hung under its subject: X, the original source."""
    near = list(verb.children) + [g for c in verb.children if c.dep_ in ("nsubj", "obl") for g in c.children]
    for child in near:
        if not C.is_relay_noun(child):
            continue
        for gc in child.children:
            if gc.pos_ in SPEAKER_POS and gc.dep_ in ("nmod", "obl"):
                return gc
        doc = verb.doc                                 # "unter Verweis auf X" with X hung beside it under the verb
        after = doc[child.i + 1] if child.i + 1 < len(doc) else None
        if after is not None and after.lower_ == "auf":
            beside = next((t for t in doc[after.i + 1: after.i + 6] if t.head.i == verb.i and t.dep_ == "obl"
                           and t.pos_ in SPEAKER_POS and any(c.i == after.i for c in t.children)), None)
            if beside is not None:
                STATS["relay noun's source hung beside it"] += 1
                return beside
    return None


def _text_heard_in(verb: Token) -> Token | None:
    """``..., heißt es in der Klageschrift``, ``hieß es in dem Schreiben weiter``: impersonal ``heißen`` with an ``in``
    phrase after it that an article opens names the text the report stands in - its source -, unless the phrase is
    a place (``hieß es in der Hauptstadt``: who there is not said), a person or a time. Only ``heißen``: ``in``
    under another verb is where something happened."""
    if C.verb_lemma(verb) != "heißen" or not any(c.lower_ == "es" and c.dep_ in ("nsubj", "expl")
                                                 for c in verb.children):
        return None
    origin = table("attribution_function_words")["origin"]
    if any(c.lower_ in origin or any(g.lower_ in origin for g in c.children) for c in verb.children):
        return None                                    # "hieß es seitens des Unternehmens in einer Aussendung": the
        # origin speaks (the tagger may take "seitens" for a noun), the text is its
    for c in verb.children:
        if c.dep_ not in ("obl", "nmod") or c.pos_ != "NOUN" or c.i < verb.i \
                or not any(g.dep_ == "case" and g.lower_ in ("in", "im") for g in c.children) \
                or not any(g.dep_ == "det" and g.tag_ == "ART" or g.lower_ == "im" for g in c.children):
            continue
        if not_a_text(c):
            continue
        STATS["heißen: the text a report stands in"] += 1
        return c
    return None


def not_a_text(noun: Token) -> bool:
    """Is the ``in`` phrase of impersonal ``heißen`` no text a report stands in: a place (``hieß es in der
    Hauptstadt``: who there is not said), a person or a time (``hieß es in der Nacht``)?"""
    return speaker_kind(noun) in ("place", "inhabited", "per") or C.timed(noun)


def _passive_agent(verb: Token) -> Token | None:
    """``Die Schäden wurden von der Versicherung mit 40 Millionen beziffert``: the passive of a reporting verb names
    its speaker in a ``von`` phrase before the participle; the parser labels it a plain oblique (rarely
    ``obl:agent``), so `speakers.subject_of`, which leaves the passive subject to what is reported, finds no one.
    Only a phrase that can speak and holds no figure: ``wird von 15.000 Soldaten gesprochen`` is what is said,
    ``von 40 auf 50 Millionen`` a change."""
    if not any(c.dep_ == "aux:pass" for c in verb.children) or passive_speaks(verb):
        return None
    # a personal pronoun too ("wird von ihr mit 20 beziffert"): it stands for the person named before
    agent = next((c for c in verb.children if c.dep_ in ("obl", "obl:agent")
                  and (c.pos_ in ("NOUN", "PROPN") or c.tag_ == "PPER")
                  and c.i < verb.i and any(g.dep_ == "case" and g.lower_ in ("von", "vom") for g in c.children)
                  and speaker_kind(c) in SPEAKING_KINDS and not C.timed(c)
                  and not counts_in_phrase(c) and not _vantage(c)), None)
    if agent is not None:
        STATS["passive report's von phrase: its speaker"] += 1
    return agent


def _vantage(noun: Token) -> bool:
    """``wurde von Kiew aus mit 45 angegeben``: ``von X aus`` is the place a thing was done from, not its agent (rv23).
    The parser hangs the postposition ``aus`` under the verb, or as the case of a later noun that has a preposition
    of its own (``vom Hafen aus auf 4.000 Container``); ``von der Regierung aus Kiew``: ``aus`` is Kiew's own."""
    end = max(t.i for t in noun.subtree)
    if end + 1 >= len(noun.doc) or noun.doc[end + 1].lower_ != "aus":
        return False
    aus = noun.doc[end + 1]
    if aus.dep_ != "case" or aus.head.i < aus.i:
        return True
    return any(t.dep_ == "case" and t.head.i == aus.head.i for t in noun.doc[aus.i + 1: aus.head.i])


def _wie_clause_on_its_subject(verb: Token) -> Token | None:
    """``Wie Karl Berger, Sprecher der Feuerwehr, mitteilte, hat die Stadt ...``: the parser may read ``Wie`` as the
    name's preposition and hang the reporting verb under the name as its relative clause; a relative clause has a
    relative pronoun, this one none - the name is the subject of the ``wie`` clause, and what the clause is set into
    (the clause the name was hung in) is what was said. Counted in STATS."""
    head = verb.head
    if verb.dep_ not in ("acl", "acl:relcl") or head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN") \
            or head.head.i == head.i or head.head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.lower_ == "wie" and c.i < head.i for c in head.children):
        return None
    if any("Rel" in t.morph.get("PronType", []) or t.tag_ in ("PRELS", "PRELAT")
           for t in verb.subtree if head.i < t.i < verb.i):
        return None
    STATS["wie clause hung under its subject"] += 1
    return head


def fact_with_content(verb: Token) -> bool:
    """``..., wie aus der Tatsache hervorgeht, dass ...``, ``wie aus dem Umstand hervorgeht, dass ...``: in a ``wie``
    clause ``wie`` itself stands for what emerges, so a ``dass`` clause after its verb can only be the content of the
    ``aus`` noun - a fact or circumstance that has a content, no text that reports one (``wie aus dem Bericht
    hervorgeht`` takes no ``dass`` clause). The parser hangs that clause under the verb (with any label) or the
    noun."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("obl", "nmod") and c.i < verb.i)]
    return any(c.lower_ == "wie" and c.i < verb.i for c in verb.children) and any(
        c.i > verb.i and any(g.dep_ == "mark" and g.lower_ in ("dass", "daß") for g in c.children)
        for h in heads for c in h.children)


def _verb_quotations(doc: Doc, sent: Span, si: int) -> list[Quotation]:
    out = []
    for verb in sent:
        if not C.reads_as_verb(verb):
            continue                                   # no verb, which both tests below want (read first: cheaper
            #                                            than asking their per-token memos of every word)
        if not C.is_reporting_verb(verb) and not C.frames_reported_speech(verb):
            continue
        if verb.dep_ in ("ccomp", "xcomp", "csubj") and C.is_reporting_verb(verb.head):
            continue                                   # said inside what another says: the outer speaker
        subj = subject_of(verb)
        how = "verb"
        if C.full_lemma(verb) in ("heißen", "hervorgehen") or C.verb_lemma(verb) == "heißen":
            # "hieß es vonseiten der Polizei", "wie aus der Statistik hervorgeht": the phrase of origin
            subj = next((c for c in verb.children if c.dep_ in ("obl", "nmod") and any(
                g.dep_ == "case" and g.lower_ in ("aus", "von", "vonseiten", "bei", "seitens") for g in c.children)),
                None) or _text_heard_in(verb)
            if subj is not None and fact_with_content(verb):
                STATS["wie aus der Tatsache hervorgeht, dass: a fact, no text"] += 1
                continue
        if subj is None:
            subj = _passive_agent(verb)
        if subj is None:
            subj = wie_subject(verb)
            if subj is not None:
                STATS["wie-oblique taken as subject"] += 1
                how = "verb-fallback"
        named_wie = _wie_clause_on_its_subject(verb) if subj is None else None
        if named_wie is not None:
            subj, how = named_wie, "verb-fallback"
        if subj is None or subj.lower_ in ("es", "man", "das", "dies", "was"):
            if subj is None:
                STATS["reporting verb without subject"] += 1
            continue
        content = _clause_content(verb) if named_wie is None else \
            (set(named_wie.head.subtree) - set(named_wie.subtree), "Indirect")
        if content is None:
            continue
        toks, qtype = content
        cue = [verb] + [c for c in verb.children if c.dep_ == "compound:prt"]
        sp = speaker_tokens(subj)
        q = Quotation(qtype, (), _spans(cue) if qtype != "Reported" else (), _spans(sp), subj.i, how=how, sent=si)
        src = _berufung(verb)
        if src is None and quoted_object(verb) is not None:
            src = quoted_object(verb)                  # "Die Agentur zitierte den Sprecher, ...": the object speaks
        if src is not None:                      # "wie n-tv unter Berufung auf Geheimdienstkreise meldete"
            q.relay, q.relay_head = q.speaker, q.speaker_head
            q.speaker, q.speaker_head = _spans(speaker_tokens(src)), src.i
        elif C.is_relay_verb(verb):
            q.relay_head = None
        quote = _content(toks) - (set(cue) | set(sp) if qtype != "Reported" else set())
        if not quote:
            continue
        q.quote, q.tokens = _spans(quote), {t.i for t in quote}
        out.append(q)
    return out


def _participle_quotations(doc: Doc, sent: Span, si: int) -> list[Quotation]:
    """``die von der Polizei genannte Zahl``, ``der von X geschätzten 300 Teilnehmer``: an attributive
    participle of a reporting verb; its ``von`` phrase says who, the noun it qualifies what."""
    out = []
    for tok in sent:
        attributive = tok.tag_ == "ADJA" or tok.dep_ == "amod" and tok.pos_ in ("VERB", "ADJ")
        # the parse's error: an inflected participle read as a finite verb ("der von X genannten drei
        # Millionen" -> "nannten"); its inflection and the phrase after it say it qualifies a noun; the
        # article before "von" ("und der von Y genannten ...") may be hung under it as a subject
        misread = not attributive and tok.pos_ == "VERB" and tok.lower_.endswith(("ten", "tes", "tem", "ter", "enen")) \
            and tok.i + 1 < sent.end and doc[tok.i + 1].pos_ in ("NUM", "DET", "ADJ", "NOUN") \
            and not any(c.dep_ in ("nsubj", "nsubj:pass") and c.tag_ != "ART" for c in tok.children)
        if not attributive and not misread:
            continue
        if C.participle_lemma(tok) is None:
            continue
        near = list(tok.children)
        if misread:                                    # "der von X genannten": "von X" may hang under the article
            near += [g for c in tok.children if c.tag_ == "ART" and c.i < tok.i for g in c.children]
        agent = next((c for c in near if c.dep_ in ("obl", "obl:agent", "nmod") and c.pos_ in SPEAKER_POS
                      and c.i < tok.i and any(g.dep_ == "case" and g.lower_ in ("von", "vom") for g in c.children)),
                     None)
        if agent is None or tok.head.i == tok.i and not misread:
            continue
        if misread:
            STATS["inflected participle read as finite verb"] += 1
            after = [c for c in tok.children if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "NUM")]
            quote = _content(np_tokens(after[0], keep_case=True)) if after else set()
        else:
            quote = _content(np_tokens(tok.head)) - set(tok.subtree)
        sp = np_tokens(agent)
        if not quote:
            continue
        out.append(Quotation("Reported", _spans(quote), _spans([tok]), _spans(sp), agent.i, how="participle",
                             sent=si, tokens={t.i for t in quote}))
    return out


def _governing_clause(tok: Token, sent: Span) -> set[Token]:
    """The clause a phrase belongs to: the subtree of the nearest verb above it, else the sentence."""
    h = tok
    while h.head.i != h.i and h.pos_ not in ("VERB", "AUX"):
        h = h.head
    return set(h.subtree) if h.pos_ in ("VERB", "AUX") else set(sent)


def hung_main_clause(verb: Token) -> bool:
    """``..., dass die Liste laut amtlichem Resultat 100 Stimmen mehr hat als gemäß vorläufigem Endergebnis, auch
    zehn Wahlkarten seien gewertet worden``: a clause with a subject of its own after a comma that the parser labels
    relative though it has no relative pronoun, or adverbial though no conjunction opens it and its verb is finite, is
    a main clause of its own hung under the clause before - not in the scope of a phrase (``laut X``) of that clause
    (as `_wie_clause_on_its_subject` reads a relative clause without one). Read at the figure (figures._beyond_phrase);
    the quotation's own tokens stay as the parse gives them (cutting them there lost a right speaker on the quotation
    corpus's dev split)."""
    if verb.dep_ not in ("acl:relcl", "advcl") or not any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        return False
    toks = [t for t in verb.subtree if not t.is_punct]      # the parser may hang the comma before it inside
    before = verb.doc[toks[0].i - 1] if toks[0].i > 0 else None
    if before is None or before.text != ",":
        return False
    opening = [t for t in toks if t.i < verb.i]
    if verb.dep_ == "acl:relcl":
        return not any("Rel" in t.morph.get("PronType", []) or t.tag_ in ("PRELS", "PRELAT", "PWAV", "PWS")
                       for t in opening)
    finite = [t for t in (verb, *verb.children) if (t is verb or t.dep_ in ("aux", "aux:pass"))
              and t.tag_ in ("VVFIN", "VAFIN", "VMFIN")]
    return bool(finite) and not any(c.dep_ == "mark" for c in verb.children)


def _prep_quotations(doc: Doc, sent: Span, si: int) -> list[Quotation]:
    out = []
    said = said_in_marks(doc, [(a, b) for a, b in _quote_marks(doc) if sent.start <= a < sent.end])
    for tok in sent:
        low = tok.lower_
        speaker: Token | None = None
        phrase: set[Token] = set()
        if C.is_attribution_preposition(tok) or low == "nach":
            obj = prep_object(tok)
            if obj is None:
                continue
            if C.is_reporting_noun(obj):
                speaker = genitive_or_von(obj)
                if C.anaphoric_report(obj) and (speaker is None or not can_speak(speaker)):
                    continue                           # "nach diesen Angaben": the report named before
                if speaker is None and C.compound_source(obj):
                    speaker = obj                      # "nach Polizeiangaben": the compound names the police
                if speaker is None and any(C.adjective_stem(c.lower_) == "eigen" for c in obj.children):
                    verb = obj.head
                    speaker = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
                    if speaker is not None:
                        phrase = set(np_tokens(obj, keep_case=True))
                if speaker is None and any(c.dep_ == "amod" and (C.names_side(c) and not C.is_generic(obj)
                                                                 or C.body_of_adjective(c)) for c in obj.children):
                    speaker = obj                      # "nach russischen Angaben": the Russian side; "nach
                    # polizeilichen Angaben": the police, even of a noun that alone names no one
                if speaker is None:
                    continue
            elif low == "nach":
                continue                               # "nach Berlin", "nach dem Unfall"
            elif C.is_generic(obj):
                continue
            else:
                speaker = obj
            if not phrase:
                phrase = set(np_tokens(obj, keep_case=True)) | {tok}
        elif low == "so" and tok.i > sent.start and doc[tok.i - 1].text in (",", "“", '"', "”"):
            nxt = next((t for t in doc[tok.i + 1: min(sent.end, tok.i + 6)] if t.pos_ in SPEAKER_POS), None)
            if nxt is None or any(t.is_punct for t in doc[tok.i + 1: nxt.i]):
                continue
            while nxt.head.i != nxt.i and nxt.head.pos_ in SPEAKER_POS and nxt.head.i > tok.i and \
                    nxt.dep_ in ("det", "amod", "compound", "flat", "flat:name"):
                nxt = nxt.head
            if any(not nxt.is_ancestor(t) and t.pos_ != "ADV" for t in doc[tok.i + 1: nxt.i]):
                continue                               # ", so dass für die Verteilung ... 200 Helfer bereitstehen":
                # "so" opens a clause (a conjunction, an adverb before a preposition), no speaker right after it;
                # an adverb the parser hung apart is no clause (", so gestern ein Sprecher", rv23)
            speaker = nxt
            phrase = set(np_tokens(nxt)) | {tok}
        else:
            continue
        if speaker.pos_ not in SPEAKER_POS:
            continue
        phrase -= hung_on_said(phrase, said)           # what is said in marks is said, whatever the parse hangs
        clause = _governing_clause(tok, sent) if low != "so" else set(sent)   # it under (``nach Ansicht des Gerichts
        quote = _content(clause) - phrase                                   # des „Aufrufs zum Umsturz“``)
        if not quote:
            continue
        sp = np_tokens(speaker)
        in_said = hung_on_said(sp, said)
        sp = [t for t in sp if t not in in_said]
        out.append(Quotation("Indirect", _spans(quote), _spans([tok]), _spans(sp), speaker.i,
                             how="so" if low == "so" else "prep", sent=si, tokens={t.i for t in quote}))
    return out


def _colon_speaker(doc: Doc, sent: Span, colon: Token) -> Token | None:
    """``Merkel: „Wir schaffen das.“``, ``Behörden: Mindestens 14 Tote``: a short phrase before a colon
    whose head can speak (a person or organisation name, a noun naming a body or role)."""
    before = [t for t in doc[sent.start: colon.i]]
    if not before or len(before) > 5:
        return None
    heads = [t for t in before if t.head.i >= colon.i or t.head.i < sent.start or t.head.i == t.i
             or t.head.i not in range(sent.start, colon.i)]
    head = heads[0] if heads else before[-1]
    if head.pos_ not in SPEAKER_POS or head.pos_ == "PRON":
        return None
    if head.ent_type_ in ("PER", "ORG") or speaking_noun(head.lemma_.lower()):
        return head
    return None


def _speaking_subject_first(doc: Doc, found: list[Quotation]) -> list[Quotation]:
    """A document cited under an attribution preposition is no speaker where a subject that can speak performs the
    speech act of the same clause (``Laut Redemanuskript sagte er, ...``, ``Nach dem Protokoll erklärte die
    Ministerin, ...``): the subject's quotation stays, the document's goes. A document cited with no speaking subject
    (``Laut Bericht steigen die Preise``), one cited inside what the subject says (``Laut einem Gutachten ist die
    Brücke marode, berichtet die Zeitung``: the outlet relays the document's finding) and a body or person under the
    preposition (``laut der Polizei``) stay."""
    def speaks(q: Quotation) -> bool:
        return q.how not in ("prep", "so") and q.speaker_head is not None and \
            speaker_kind(doc[q.speaker_head]) in SPEAKING_KINDS - {"document"}
    return [q for q in found if not (
        q.how == "prep" and q.speaker_head is not None and speaker_kind(doc[q.speaker_head]) in ("document", "mute")
        and any(speaks(v) and v.sent == q.sent and v.tokens & q.tokens and q.speaker_head not in v.tokens
                for v in found))]


def quotations(doc: Doc) -> list[Quotation]:
    """All quotations of a parsed Doc with their cue, speaker and relaying outlet."""
    sents = list(doc.sents)
    found: list[Quotation] = []
    for si, sent in enumerate(sents):
        found.extend(_verb_quotations(doc, sent, si))
        found.extend(_prep_quotations(doc, sent, si))
        found.extend(_participle_quotations(doc, sent, si))
    found = _speaking_subject_first(doc, found)
    covered = set().union(*(q.tokens for q in found)) if found else set()
    sent_of = {k: si for si, s in enumerate(sents) for k in range(s.start, s.end)}
    # quotation marks
    for a, b in _quote_marks(doc):
        inner = set(range(a, b + 1))
        owner = max(found, key=lambda q: len(q.tokens & inner), default=None)
        if owner is not None and len(owner.tokens & inner) >= 0.5 * (b - a - 1):
            if not names_something(doc, a, b):         # marks around a name or title inside a report (``die
                owner.type = "Direct"                  # Operation „Blauer Fluss“``) quote no one's words
            continue
        if len(inner & covered) >= 0.5 * (b - a - 1) or b - a < 3 or names_something(doc, a, b) \
                or name_under_article(doc, a):
            continue                                   # marks around a name or title: no one says it
        si = sent_of.get(a, 0)
        q = Quotation("Direct", _spans([doc[k] for k in range(a, b + 1)]), how="quote", sent=si,
                      tokens=set(range(a, b + 1)))
        prev = doc[a - 1] if a > 0 else None
        if prev is not None and prev.text == ":" and prev.i > sents[sent_of[prev.i]].start:
            head = _colon_speaker(doc, sents[sent_of[prev.i]], prev)
            if head is not None:
                q.speaker, q.speaker_head, q.how = _spans(np_tokens(head)), head.i, "colon"
        if not q.speaker:
            near = [p for p in found if abs(p.sent - si) <= 1 and p.speaker]
            if near:
                p = min(near, key=lambda p: (abs(p.sent - si), -p.sent))
                q.speaker, q.speaker_head, q.cue, q.how = p.speaker, p.speaker_head, p.cue, "carried"
        if q.speaker:
            found.append(q)
            covered |= inner
    # headlines and leads "Behörden: ..."
    for si, sent in enumerate(sents):
        colon = next((t for t in sent[:6] if t.text == ":"), None)
        if colon is None or any(q.sent == si for q in found):
            continue
        head = _colon_speaker(doc, sent, colon)
        if head is None:
            continue
        rest = _content(doc[colon.i + 1: sent.end])
        if rest:
            found.append(Quotation("Indirect", _spans(rest), (), _spans(np_tokens(head)), head.i, how="headline",
                                   sent=si, tokens={t.i for t in rest}))
    # reported speech running on: Konjunktiv I or "demnach" without a cue of its own
    found.sort(key=lambda q: (q.sent, min(q.tokens) if q.tokens else 0))
    by_sent: dict[int, list[Quotation]] = {}
    for q in found:
        by_sent.setdefault(q.sent, []).append(q)
    last: Quotation | None = None
    gap = 0
    for si, sent in enumerate(sents):
        if si and "\n\n" in doc_text(doc)[sents[si - 1].end_char: sent.start_char]:
            last = None                              # a new paragraph ends the reported speech
        if si in by_sent:
            last = next((q for q in reversed(by_sent[si]) if q.speaker), last)
            gap = 0
            continue
        gap += 1
        if last is None or gap > 3:
            continue
        free = C.hearsay_modal(sent)
        if C.reported_sentence(sent) or C.carries_on(sent) or free:
            toks = _content(sent)
            found.append(Quotation("FreeIndirect" if free and not C.reported_sentence(sent) else
                                   "IndirectFreeIndirect", _spans(toks), (), last.speaker, last.speaker_head,
                                   last.relay, last.relay_head, how="carried", sent=si,
                                   tokens={t.i for t in toks}))
            gap = 0
        else:
            last = None
    found.sort(key=lambda q: (q.sent, min(q.tokens) if q.tokens else 0))
    return found


def speaker_at(doc: Doc, start: int, end: int, found: list[Quotation] | None = None) -> Spans:
    """Who says what stands at text[start:end]: the speaker of the quotation that covers most of it."""
    found = quotations(doc) if found is None else found
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    toks = {t.i for t in span}
    best = max(found, key=lambda q: len(q.tokens & toks), default=None)
    if best is None or not best.tokens & toks:
        return ()
    return best.speaker
