"""What a figure's quantity is, read from the parse: its role, whether it is a part, its governor.

- **role**: what happened to what is counted, from the verb, participle or adjective the figure or its
  counted noun attaches to ("kamen 296 Menschen ums Leben" -> killed, "nahm 14 Plünderer fest" -> arrested,
  "40 Verschüttete wurden gerettet" -> rescued); the trigger lemmas are `lang/de/quantity_roles.tsv`.
- **part**: the figure is introduced as a part of a count before it ("darunter 20 Kinder", "davon 51
  schwer", "allein in Tarsa 120"): `lang/de/quantity_parts.txt`.
- **lemma**: the counted noun's lemma, so a noun outside any class still names its quantity
  ("Bataillonsgruppen" -> Bataillonsgruppe), never its article.
- **determiner**: the figure's noun phrase is introduced by a definite article or a demonstrative ("die 130 Toten",
  "jene 82 Stimmzettel"): it may name a count its article gave before (consolidate/groups.py).
- **scale**: the figure is a reading on a scale ("der Stärke 6,8"): `lang/de/quantity_scales.txt`.

Works on any Doc: without a parse (blank tokenizer) every answer is None.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..keys import GROWTH
from ..lang.de import pairs, period_units, table, words
from .attribution.cues import is_reporting_verb
from .measures import classify, classify_counted, person_form
from .numbers import MONTHS as MONTH_WORDS
from .numbers import WEEKDAYS, parse_number

# Demonstratives that point back to an amount (lang/de/anaphoric_determiners.txt)
ANAPHORIC = words("anaphoric_determiners")
# Adjectives by which a figure counts others than a count before it ("weitere 20 Häuser", "40 zusätzliche Helfer":
# lang/de/additive_words.txt)
ADDITIVE = words("additive_words")
# Verbs that carry no role of their own: look at their dependents and the next verb up (lang/de/light_verbs.txt).
LIGHT_VERBS = words("light_verbs")
# Verbs whose subject holds, wins or loses what their object counts (lang/de/holding_verbs.txt): `holder_of`
# A line 'lemma case' names the preposition by which that verb takes what is held ("kommt auf 194 Sitze", "verfügt über
# 300 Filialen"): HELD_BY holds those pairs, HOLDING_VERBS every verb's lemma
HELD_BY = frozenset(tuple(w.split()[:2]) for w in words("holding_verbs") if len(w.split()) > 1)
HOLDING_VERBS = frozenset(w.split()[0] for w in words("holding_verbs"))
HELD_CASES = frozenset(case for _, case in HELD_BY)


def has_parse(doc: Doc) -> bool:
    """Does the Doc carry a dependency parse?"""
    return doc.has_annotation("DEP")


def figure_token(doc: Doc, start: int, end: int) -> Token | None:
    """The number token of a figure (its last numeric token), None without a parse."""
    if not has_parse(doc):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return nums[-1] if nums else span[0]


NUMBER_NOUNS = frozenset({"million", "milliarde", "billion", "tausend", "hundert", "dutzend"})
# Dependencies by which a verb heads its own clause: a role beyond them is another clause's.
CLAUSE_DEPS = frozenset({"conj", "parataxis", "acl", "acl:relcl", "advcl", "ccomp", "csubj", "xcomp", "list"})


def counted_token(tok: Token) -> Token:
    """The noun a number counts ("296 Menschen" -> Menschen; "300 Millionen Euro" -> Euro), else the number."""
    x = tok
    if (after := _noun_after_adjectives(tok)) is not None and tok.head.pos_ not in ("NOUN", "PROPN"):
        return after
    for _ in range(3):
        h = x.head
        if h is x or h.pos_ not in ("NOUN", "PROPN"):
            break
        if x is tok and x.dep_ in ("nummod", "det", "amod") or \
                (x.lemma_ or "").lower() in NUMBER_NOUNS and x.dep_.startswith("nmod"):
            x = h
        else:
            break
    return x


def _noun_after_adjectives(tok: Token) -> Token | None:
    """The noun right after a number's attributive adjectives ("acht getöteten Mexikanern"), where the parser hangs
    the number on the adjective or elsewhere (advmod, dep) but not on the noun: German word order puts the counted
    noun there. None without such adjectives (a bare number stays bare)."""
    doc, i = tok.doc, tok.i + 1
    while i < len(doc) and i <= tok.i + 3 and doc[i].tag_ == "ADJA":
        i += 1
    return doc[i] if tok.i + 1 < i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN") else None


def conjunct_of(doc: Doc, start: int, end: int, other_start: int, other_end: int) -> bool:
    """Is the noun a figure counts a conjunct of the noun another figure counts, by the parse ("36 Kinder sowie neun
    Frauen", "zwölf Kinder, drei Frauen und zwei Polizisten": each later noun hangs on an earlier one by `conj`)?
    Coordinated counts are counts of one standing: the parts of one whole, or wholes side by side."""
    tok, other = figure_token(doc, start, end), figure_token(doc, other_start, other_end)
    if tok is None or other is None:
        return False
    x, head = counted_token(tok), counted_token(other)
    if x.i == tok.i or head.i == other.i or x.i == head.i:
        return False                    # a bare number: no noun to read the coordination on
    while x.dep_ == "conj" and x.head.i != x.i:        # tokens compared by index: spaCy makes a new one each time
        x = x.head
        if x.i == head.i:
            return True
    return False


def coordinated(doc: Doc, start: int, end: int, other_start: int, other_end: int) -> bool:
    """Are the nouns two figures count coordinated: a conjunct by the parse (`conjunct_of`), or two arguments of one
    verb with a coordinator right before the later figure ("36 Kinder sowie neun Frauen getötet", where the parser
    reads the second noun as the verb's object rather than a conjunct)?"""
    if conjunct_of(doc, start, end, other_start, other_end):
        return True
    tok, other = figure_token(doc, start, end), figure_token(doc, other_start, other_end)
    if tok is None or other is None or tok.i <= other.i:
        return False
    x, y = counted_token(tok), counted_token(other)
    if x.i == tok.i or y.i == other.i or x.i == y.i or x.head.i != y.head.i or x.head.pos_ not in ("VERB", "AUX"):
        return False
    first = min(t.i for t in x.subtree)
    return first > y.i and doc[first - 1].pos_ == "CCONJ" and all(not t.is_punct for t in doc[y.i:first])


def later_object(doc: Doc, start: int, end: int) -> Token | None:
    """The counted noun of a later figure in the figure's stretch of an active clause (no passive "werden"), not
    coordinated with it ("500 Polizisten nahmen 30 Verdächtige fest", "erschossen 20 Soldaten 15 Dorfbewohner"): by
    German word order the first figure counts the doers, the later one those the deed was done to. None where the
    clause is passive ("wurden 20 Soldaten getötet") or the later figure is a conjunct ("20 Soldaten und 15 ...")."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    seg = punct_segment(doc, tok)
    if any((t.lemma_ or "").lower() == "werden" and t.tag_.startswith("VA") for t in seg) and \
            any(t.tag_ == "VVPP" for t in seg):       # a passive; "werden ... festnehmen" is the future
        return None
    noun = counted_token(tok)
    for t in seg:
        if t.i <= max(tok.i, noun.i) or not (t.like_num or t.pos_ == "NUM"):
            continue
        if any(u.pos_ == "CCONJ" for u in doc[noun.i:t.i]):
            return None
        other = counted_token(t)
        return other if other is not t and other.pos_ == "NOUN" else None
    return None


def determiner_of(doc: Doc, start: int, end: int) -> str | None:
    """How the figure's noun phrase is introduced, by the parse: "definite" (an article: "zu den rund 200.000
    Flüchtlingen", "von den 130"), "demonstrative" ("diese 1.500 Soldaten", "jene 82 Stimmzettel"), "additive" (no
    article, an adjective saying the figure counts others: "weitere 20 Häuser", "40 zusätzliche Helfer":
    `_additive_modifier`), else None - no determiner, or a relative pronoun (", die 82 Tage warteten" starts a clause,
    it introduces no figure). The determiner is a `det` of the counted noun or of the number itself, before the number
    (morphology: PronType, Definite), or a demonstrative right before the figure. None without a parse."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    for head in dict.fromkeys((counted_token(tok), tok)):
        for d in head.children:
            if d.dep_ != "det" or d.i >= tok.i:
                continue
            kinds = d.morph.get("PronType", [])
            if "Rel" in kinds:
                continue
            if "Dem" in kinds:
                return "demonstrative"
            if "Art" in kinds and "Def" in d.morph.get("Definite", []):
                return "definite"
    first = doc.char_span(start, end, alignment_mode="expand")
    before = doc[first[0].i - 1] if first is not None and len(first) and first[0].i > 0 else None
    if before is not None and before.lower_ in ANAPHORIC:
        return "demonstrative"          # "jene 82 Stimmzettel": a demonstrative the parser took for an adverb
    return "additive" if _additive_modifier(tok, before) else None


def _additive_modifier(tok: Token, before: Token | None) -> bool:
    """Is the counted noun of the figure's number `tok` modified by an adjective that adds its count to one before
    ("weitere 20 Häuser", "20 weitere Häuser", "zusätzliche 300 Busfahrer": an `amod` of the noun before it, a form
    in lang/de/additive_words.txt), or is such an adjective the word right before the figure (`before`: "liefen
    weitere 40 Keller voll", where the parser hung it on the verb)? Such a figure names no count its article gave
    before."""
    noun = counted_token(tok)
    if before is not None and before.pos_ == "ADJ" and before.lower_ in ADDITIVE:
        return True
    return noun is not tok and any(a.dep_ == "amod" and a.i < noun.i and a.lower_ in ADDITIVE for a in noun.children)


def _trigger_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for role, lemmas in table("quantity_roles").items():
        for lemma in lemmas:
            out.setdefault(lemma, role)
    return out


_INDEX: dict[str, str] | None = None


def _index() -> dict[str, str]:
    global _INDEX
    if _INDEX is None:
        _INDEX = _trigger_index()
    return _INDEX


def _lemma(t: Token) -> str:
    """The lemma with its separable particle: "nahm ... fest" -> festnehmen."""
    lemma = (t.lemma_ or t.text).lower()
    prt = [c for c in t.children if c.dep_ == "compound:prt" and c.tag_ == "PTKVZ" and c.pos_ != "ADJ"]
    return (prt[0].text.lower() + lemma) if prt else lemma


# The roles its noun's members act out themselves, which a present participle says as its verb does ("teilnehmende
# Staaten", "fliehende Menschen", "ankommende Flüchtlinge"): a participle I is active and unfinished, so of a deed done
# to people it names the doers ("festnehmende Beamte") or a process not yet over ("sterbende"), and a word like
# "fallende Kurse" is no toll
ACTING_ROLES = frozenset({"participating", "fled", "arrived", "waiting", "moved_on"})


def _role_at(t: Token, idiom_nouns: tuple[Token, ...] = ()) -> str | None:
    """The role the word t says (lang/de/quantity_roles.tsv), by its lemma or an idiom of it with a noun among its
    dependents or idiom_nouns (nouns of the verb's idiom the parser hung elsewhere)."""
    idx = _index()
    lemma = _lemma(t)
    # "sein" as a copula, not as the auxiliary of a perfect or passive ("sind ... angekommen")
    cop = next((c for c in t.children if c.dep_ == "cop" or c.pos_ in ("AUX", "VERB") and c.lemma_ == "sein"
                and c.dep_ not in CLAUSE_DEPS and not c.dep_.startswith("aux")), None)
    if cop is not None:                        # "An Bord waren 35 Ärzte", "300 Helfer sind im Einsatz"
        lemma = _lemma(cop)
    deps = list(t.children) + (list(cop.children) if cop is not None else []) + list(idiom_nouns)
    if cop is None and t.pos_ in ("VERB", "AUX") and t.i > 0 and t.doc[t.i - 1].pos_ == "NOUN":
        # a verb at its clause's end has its idiom's noun right before it ("... 30 Menschen ums Leben gekommen",
        # "in Gewahrsam genommen"), wherever the parser hangs that noun (on a place before it, as a conjunct)
        deps.append(t.doc[t.i - 1])
    for c in deps:                             # "ums Leben kommen", "an Bord sein"
        key = f"{lemma}+{(c.lemma_ or c.text).lower()}"
        if key in idx and not _left(c):
            return idx[key]
    if cop is not None:
        return None
    if lemma in idx:
        return idx[lemma]
    if t.tag_ in ("ADJA", "ADJD") and lemma.endswith("end") and idx.get(lemma[:-1]) in ACTING_ROLES:
        return idx[lemma[:-1]]                 # a present participle is its verb's infinitive + "d": "teilnehmend"
    return idx.get(t.text.lower())


# Prepositions of leaving: an idiom's noun behind one names the state left, not entered ("aus der Haft kommen" is a
# release, "in Haft kommen" an arrest)
LEAVING_CASES = frozenset({"aus"})


def _left(noun: Token) -> bool:
    """Is the idiom's noun the place or state its verb leaves ("kamen 50 Gefangene aus der Haft")?"""
    return any(c.dep_ == "case" and c.lower_ in LEAVING_CASES for c in noun.children)


def punct_segment(doc: Doc, tok: Token) -> list[Token]:
    """The words of tok's sentence between the punctuation marks around it (commas, dashes, colons, brackets)."""
    lo, hi, _, _ = punct_bounds(doc)[tok.i]
    return list(doc[lo:hi + 1])


_PUNCT_BOUNDS = "_lagebild_punct_bounds"


def punct_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """For each token: the first and the last index of its stretch between punctuation marks (`punct_segment`; a
    mark's own stretch is the words on either side of it and the mark) and its sentence's start and end, worked out
    once per Doc in one pass over each sentence (kept in `doc.user_data`): the modality rules ask for the stretch of
    every word of a figure's clause, and a walk from each word to the marks around it made a Token per step."""
    rows = doc.user_data.get(_PUNCT_BOUNDS)
    if rows is not None and len(rows) == len(doc):
        return rows
    punct = [t.is_punct for t in doc]
    left, right = [0] * len(doc), [0] * len(doc)
    rows = []
    for sent in doc.sents:
        a, b = sent.start, sent.end
        lo = a
        for i in range(a, b):
            if i > a and punct[i - 1]:
                lo = i
            left[i] = lo
        hi = b - 1
        for i in range(b - 1, a - 1, -1):
            if i < b - 1 and punct[i + 1]:
                hi = i
            right[i] = hi
        rows += [(left[i], right[i], a, b) for i in range(a, b)]
    doc.user_data[_PUNCT_BOUNDS] = rows
    return rows


def _phrase_role(doc: Doc, tok: Token) -> str | None:
    """A fixed phrase of the roles list ("an Bord") among the words of the figure's clause."""
    clause = " " + " ".join(t.text.lower() for t in punct_segment(doc, tok)) + " "
    for key, role in _index().items():
        if " " in key and f" {key} " in clause:
            return role
    return None


def role_of(doc: Doc, start: int, end: int) -> str | None:
    """The role trigger the figure or its counted noun attaches to, within its own clause."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    if role := _phrase_role(doc, tok):
        return role
    x = counted_token(tok)
    for c in x.children:                       # "drei verletzte Polizisten"
        if c.dep_ == "amod" and (role := _role_at(c)):
            return role
    if role := _role_at(x):                    # the counted noun as a predicate ("35 Ärzte waren an Bord")
        return role
    own = x
    for _ in range(4):
        head = x.head
        if head is x or (x.pos_ in ("VERB", "AUX") and x.dep_ in CLAUSE_DEPS):
            break
        # the parser may hang the noun of the verb's idiom on the figure's noun ("kamen 40 Menschen in Haft": "in
        # Haft" under "Menschen", the idiom "in Haft kommen")
        if (verb := elided_participle(head)) is not None and (role := _role_at(verb)):
            return role                        # "sechs wurden schwer und 24 leicht verletzt": schwer's participle
        if role := _role_at(head, _phrase_nouns(own) if x is own else ()):
            # only the figure's own phrase can be a value reached: a phrase it merely hangs in, as the parser may
            # attach "350 Menschen" to "auf dem Schiff" ("kamen auf dem Schiff 350 Menschen an"), marks its own case
            return None if role == "arrived" and x is own and _value_reached(x, head) else role
        if _possessor(x) and head.pos_ in ("NOUN", "PROPN"):
            # "die Leichen von 30 Männern geborgen": the verb's deed is done to the noun the figure's "von" phrase
            # belongs to (the bodies), not to the possessors; only that noun's own role is theirs ("vom Tod von")
            return None
        if head.pos_ == "VERB" and _lemma(head) not in LIGHT_VERBS:
            return None                        # the figure's own verb says nothing we know
        x = head
    return None


def _possessor(noun: Token) -> bool:
    """Is the noun a "von" attribute of the noun it hangs on - its possessor ("die Leichen von 30 Männern")?"""
    return noun.dep_ in ("nmod", "nmod:poss") and any(c.dep_ == "case" and c.lower_ == "von" for c in noun.children)


def elided_participle(adverb: Token) -> Token | None:
    """The participle an adverb of manner shares with its conjunct ("sechs Menschen wurden schwer und 24 leicht
    verletzt": "schwer [verletzt]"): the parser makes the adverb (ADJD) the clause's head and the participle its
    conjunct, so the figure before it hangs on the adverb and loses its verb. The conjunct must have an adverb of
    its own (the parallel "leicht") - a participle after a predicate adjective is another deed ("war krank und
    wurde entlassen")."""
    if adverb.tag_ != "ADJD":
        return None
    return next((c for c in adverb.children if c.dep_ == "conj" and c.tag_ == "VVPP" and
                 any(g.dep_ == "advmod" and g.i < c.i for g in c.children)), None)


def elided_manner(doc: Doc, start: int, end: int) -> str | None:
    """The adverb of manner a figure's elided participle stands in for ("schwer" of "sechs wurden schwer und 24
    leicht verletzt"), where the parse hangs the figure's noun on it (`elided_participle`)."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    x, a = counted_token(tok), counted_token(tok).head
    # or where it hangs the noun on the adverb of the participle the adverb stands before ("drei Kinder schwer und 17
    # leicht verletzt": "schwer" advmod of "verletzt")
    shared = a.tag_ == "ADJD" and a.dep_ == "advmod" and a.head.tag_ == "VVPP" and a.i < a.head.i
    return a.lower_ if a.i != x.i and (elided_participle(a) is not None or shared) else None


def _phrase_nouns(noun: Token) -> tuple[Token, ...]:
    """The prepositional phrases' nouns after the counted noun ("40 Menschen in Haft"): where the parser hangs the
    noun of the verb's idiom when the noun stands right behind the figure's."""
    return tuple(c for c in noun.children if c.i > noun.i and c.dep_ == "nmod" and c.pos_ == "NOUN" and
                 any(g.dep_ == "case" for g in c.children))


def holder_of(doc: Doc, start: int, end: int, whole: tuple[int, int] | None = None) -> str | None:
    """Whose the things a figure counts are, where the parse names the holder: the counted noun's genitive naming
    someone ("die 194 Sitze der Opposition"; not a "für" phrase - "sechs Zentren für Flüchtlinge" are for them, not
    theirs), else the subject of the holding verb (lang/de/holding_verbs.txt) whose object the counted noun is ("Die
    Oppositionsparteien kommen auf 194 Sitze", "Die Partei hat 328 von 547 Sitzen gewonnen"), in the figure's
    clause. German names the holder of a total and of a share of one noun only so: the two are two quantities. The
    parser may hang "auf N Sitze" on nouns before it ("laut vorläufigem Ergebnis auf 194 Sitze"): the verb above
    them is then the one it belongs to. The holder's lemma (a name as written); None where the parse names none - a
    pronoun names none here, and the whole of "328 von 547 Sitzen" has none. A part of such a whole (`whole`: the
    whole noun's characters) is held as its whole's noun is, whatever case marks that noun ("71 von 120 Mandaten
    errungen": the 71 were won)."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    span = doc.char_span(whole[0], whole[1], alignment_mode="expand") if whole else None
    if span:
        noun = span[-1]
    elif tok.dep_ not in ("nummod", "amod"):
        return None
    else:
        noun = counted_token(tok)
    if noun is tok or noun.pos_ != "NOUN":
        return None
    for c in noun.children:
        cases = {g.lower_ for g in c.children if g.dep_ == "case"}
        if c.i > noun.i and c.dep_ in ("nmod", "nmod:poss") and not cases and \
                (c.pos_ == "PROPN" or _whose(c)) and not any(t.like_num for t in c.subtree):
            return _holder_name(c)
    lo, hi = _clause_span(doc, tok)
    x = noun
    # the case of the counted phrase: on the noun, or on the number the parser hangs it on ("auf 194 Sitze")
    cases = _case_of(x, x.head) | {c.lower_ for c in tok.children if c.dep_ == "case"}
    # an object, a bare phrase the parser calls oblique ("328 von 547 Sitzen gewonnen"), a held thing's case, or
    # the whole of a part the verb's subject holds ("71 von 120 Mandaten errungen")
    by_case = not (x.dep_ == "obj" or x.dep_ == "obl" and (not cases or bool(span)))
    held = not by_case or x.dep_ in ("obl", "nmod") and bool(cases & HELD_CASES)
    for _ in range(3):
        if not (held and x.dep_ == "nmod" and x.head.pos_ in ("NOUN", "PROPN")):
            break
        x = x.head          # "laut vorläufigem Ergebnis auf 194 Sitze": the nouns the parser hangs it on
    verb = x.head
    if not held or verb is x or x.dep_ not in ("obj", "obl") or verb.pos_ not in ("VERB", "AUX") or \
            _lemma(verb) not in HOLDING_VERBS:
        return None
    # the preposition is the one this verb takes what is held by ("kommen auf", "verfügen über"; "kamen über zwei
    # Grenzübergänge" is a route)
    if by_case and not any((_lemma(verb), c) in HELD_BY for c in cases):
        return None
    # not the figure's own phrase (a subject the parser hung the number on is one only for a part: "das Bündnis 23
    # von 41 Mandaten errang")
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and lo <= c.i <= hi
            and c.i != noun.i and (span or not c.is_ancestor(tok))]
    return _holder_name(subj[0]) if subj and not _points_back(subj[0], verb) else None


# Nouns of a kind of organisation ("Partei", "Konzern", "Gewerkschaft"; lang/de/organisation_types.txt): said with
# only "die"/"der" after a named holder, the organisation named before (`_points_back`)
ORGANISATION_TYPES = frozenset(words("organisation_types"))


def _points_back(t: Token, verb: Token) -> bool:
    """``Die Partei verfügt damit über 52 Sitze`` after ``Die Volksfront gewann 52 Sitze``: a common noun (no name, no
    entity) in the singular with only its definite article - no attribute, no genitive, no name after it - points back
    to one holder named before, as a pronoun does: it names none of its own. Only a noun of a kind of organisation
    (ORGANISATION_TYPES, the whole word): "Die Opposition kommt auf 80 Sitze", "Die Regierung verfügt über 90 Sitze"
    after "Die SPD gewann 100 Sitze" name holders of their own, and so does a compound ("Die Oppositionspartei").
    Only where a name held before it (the subject of a holding verb earlier in the text), and only in the singular,
    read from the finite verb it agrees with
    (the tagger's number of a plural noun is unreliable): a plural group ("Die Oppositionsparteien kommen auf 194
    Sitze") is a holder of its own, the parties apart from the one named before."""
    if t.pos_ != "NOUN" or t.ent_type_ or "Sing" not in t.morph.get("Number", []) or \
            t.lemma_.lower() not in ORGANISATION_TYPES:
        return False
    finite = [x for x in [verb, *verb.children] if x.tag_.endswith("FIN") and (x is verb or x.dep_.startswith("aux"))]
    if not finite or any("Sing" not in x.morph.get("Number", []) for x in finite):
        return False
    kids = list(t.children)
    if not kids or not all(c.dep_ == "det" and (c.lemma_.lower() == "der" or "Def" in c.morph.get("Definite", []))
                           for c in kids):
        return False
    return any(n.dep_ == "nsubj" and (n.pos_ == "PROPN" or n.ent_type_ in ("ORG", "PER")) and n.head.pos_ in
               ("VERB", "AUX") and _lemma(n.head) in HOLDING_VERBS for n in t.doc[:t.i])


def _holder_name(t: Token) -> str:
    """A holder's name: a name with the words of its name before it ("Democratic Front", "Die Grünen" as written), a
    common noun's lemma ("Oppositionsparteien" -> Oppositionspartei)."""
    if t.pos_ != "PROPN":
        return t.lemma_ or t.text
    i = t.i
    while i > t.sent.start and t.doc[i - 1].pos_ == "PROPN" and t.doc[i - 1].head.i in (t.i, i):
        i -= 1
    return " ".join(w.text for w in t.doc[i:t.i + 1])


def predicate_adjective(doc: Doc, start: int, end: int) -> str | None:
    """The adjective a figure with no noun of its own is said to be ("Davon waren noch 200 obdachlos", "300 sind
    evakuiert"): its number hangs on a predicative adjective or participle (STTS ADJD, VVPP) of its clause - German
    names what a bare count counts by its predicate. The word as written; None without one or without a parse."""
    tok = figure_token(doc, start, end)
    if tok is None or tok.head is tok or tok.dep_ not in ("nummod", "nsubj", "advmod", "amod"):
        return None
    head = tok.head
    return head.text if head.tag_ in ("ADJD", "VVPP") and head.i > tok.i else None


# The prepositions by which a verb of coming gives the value a count reaches, not who came: "auf nun 200 gekommen", "von
# 2.000 auf 200 gekommen", "kommt auf 42.000" (German "auf N kommen" = to amount to N; "von" the value it started from)
REACHED_CASES = frozenset({"auf"})
REACHED_FROM = frozenset({"von"})


def _value_reached(x: Token, verb: Token) -> bool:
    """Is the figure's phrase x (the figure or its counted noun, a dependent of a verb of arriving) the value a count
    comes to, not people who came: marked by "auf" ("sei man auf nun 200 gekommen"), or by "von" where the verb also
    takes an "auf" phrase holding a number ("von einst 2.000 Obdachlosen auf 200 gekommen")? A count of arrivals is
    the verb's subject or object ("kamen 200 Menschen an", "Auf Lesbos kamen 200 an": "auf" marks the place there,
    not the figure)."""
    cases = _case_of(x, verb)
    if cases & REACHED_CASES:
        return True
    return bool(cases & REACHED_FROM) and any(
        c.i != x.i and _case_of(c, verb) & REACHED_CASES and c.dep_ != "case" and
        any(t.like_num or t.pos_ == "NUM" for t in c.subtree) for c in verb.children)


def _case_of(x: Token, verb: Token) -> set[str]:
    """The prepositions marking a verb's dependent x: its case children, or a preposition right before its phrase
    (over adverbs: "auf nun 200") that the parser hung on the verb instead."""
    cases = {c.lower_ for c in x.children if c.dep_ == "case"}
    i = x.left_edge.i - 1
    while i >= 0 and x.doc[i].pos_ == "ADV" and x.doc[i].head.i in (x.i, verb.i, x.left_edge.i):
        i -= 1
    if i >= 0 and x.doc[i].pos_ == "ADP" and x.doc[i].head.i in (x.i, verb.i):
        cases.add(x.doc[i].lower_)
    return cases


# The prepositions marking the doer of a passive clause ("von den Rebellen beschossen", "seitens der Armee"); a noun
# naming the side ("von Seiten militanter Palästinenser") passes it on to its genitive
AGENT_CASES = frozenset({"von", "seitens"})


def passive_agents(doc: Doc) -> frozenset[int]:
    """Where the doers of a passive clause are named, by the parse: the noun of a "von"/"seitens" phrase on a verb
    with a passive auxiliary, and the nouns of its genitives, appositions and conjuncts ("Von Seiten militanter
    Palästinenser wurde Israel beschossen" -> Seiten, Palästinenser) - character offsets. People named so did the
    deed the clause reports; the dead or injured of it are others (measures._subject_nationality). Empty without a
    parse."""
    if not has_parse(doc):
        return frozenset()
    out: set[int] = set()
    for t in doc:
        if t.dep_ != "obl" or t.head is t or not any(c.dep_ == "case" and c.lower_ in AGENT_CASES for c in t.children):
            continue
        if not any(c.dep_ == "aux:pass" for c in t.head.children):
            continue
        if is_reporting_verb(t.head):
            # "von Seiten der X wurden sieben Tote bestätigt": X told of the dead, often its own - a verb of reporting
            # as attribution reads it (its full lemma, a particle "weiter" hung on it), the doer the report's source
            continue
        stack = [t]
        while stack:
            x = stack.pop()
            out.add(x.idx)
            stack.extend(c for c in x.children if c.dep_ in ("nmod", "appos", "conj", "flat"))
    return frozenset(out)


def is_part(doc: Doc, text: str, clause_start: int, num_start: int, num_end: int | None = None) -> bool:
    """Is the figure introduced as a part of a count before it? A part word in its clause, before the number,
    or right after it ("352 Verletzte, 99 davon akute Notfälle", "vier von ihnen schwer")."""
    markers = words("quantity_parts")
    before = text[clause_start:num_start].lower().replace(",", " ")
    tokens = before.split()
    tail = tokens[-5:]
    joined = " ".join(tail)
    if any((" " in m and m in joined) or m in tail for m in markers):
        return True
    if _among(before):
        return True
    if num_end is None:
        return False
    after = " ".join(text[num_end:num_end + 30].lower().replace(",", " ").split()[:2])
    return any(after == m or after.startswith(m + " ") for m in markers if m in POSTPOSED_PARTS)


# Part words that may follow the figure ("99 davon", "vier von ihnen", "zwei darunter")
POSTPOSED_PARTS = frozenset({"davon", "darunter", "von ihnen", "von denen", "unter ihnen"})


def lemma_of(doc: Doc, start: int, end: int, noun: str) -> str:
    """The lemma of the counted noun as the parse gives it (lower case); the noun itself without a parse."""
    if has_parse(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for t in reversed(list(span)):
                if t.text == noun.split()[-1] and t.lemma_:
                    return t.lemma_.lower()
    return noun.lower()


def scale_before(text: str, unit_start: int, num_start: int) -> str | None:
    """The scale noun right before a figure ("der Stärke 6,8", "eine Stärke von 6,9", "Magnitude 7"), as written."""
    before = text[unit_start:num_start].rstrip()
    tokens = before.split()
    if not tokens:
        return None
    if tokens[-1].lower() in ("von", "auf") and len(tokens) > 1:
        tokens = tokens[:-1]
    word = tokens[-1].strip("(„\"")
    return word if word.lower() in words("quantity_scales") else None


def where_clause_place(doc: Doc, clause_start: int, unit_start: int) -> str | None:
    """The place a "wo" clause refers back to ("griffen den Konzertsaal Bataclan an, wo sie 89 Menschen
    töteten" -> Bataclan): the last proper noun (else noun) before the clause, within the sentence."""
    if not has_parse(doc):
        return None
    span = doc.char_span(unit_start, clause_start, alignment_mode="contract")
    if span is None:
        return None
    tokens = [t for t in span if not t.is_punct]
    for pos in ("PROPN", "NOUN"):
        for t in reversed(tokens[-6:]):
            if t.pos_ == pos:
                return t.text
    return None


# A count over a stretch of time ("binnen fünf Monaten", "in den vergangenen 30 Jahren", "innerhalb von zwei
# Tagen") is a quantity of its own: neither the toll of one incident nor a count over another stretch.
PERIOD_UNITS = period_units()                   # lang/de/time_units.tsv: "monat" -> "M"
# "seit drei Wochen" is left out: a count since a point in time continues the series "seit Oktober" does
PERIOD_CASES = frozenset({"binnen", "innerhalb", "in", "während", "im"})
PERIOD_RECENT = frozenset({"vergangen", "letzt", "zurückliegend", "erst"})


def period_of(doc: Doc, start: int, end: int) -> str | None:
    """The stretch of time a figure is counted over: a time noun with its number in the figure's clause,
    introduced by "binnen", "innerhalb (von)" or by "in/während den vergangenen/letzten" -> "P5M" (five
    months), "P30Y"; None when its clause names none. Read from lemmas and tags in token order (the parse of
    such phrases is unreliable: "binnen" is often taken for an adjective)."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    lo, hi = _clause_span(doc, tok)
    for t in doc[lo:hi + 1]:
        unit = PERIOD_UNITS.get((t.lemma_ or "").lower())
        if unit is None or t.pos_ != "NOUN" or t.i == tok.i or t.i < lo + 1:
            continue
        num = doc[t.i - 1]
        if not (num.like_num or num.pos_ == "NUM") or num.i == tok.i:
            continue
        before = [(w.lemma_ or w.text).lower() for w in doc[max(lo, num.i - 4):num.i]]
        lead = {w.lower_ for w in doc[max(lo, num.i - 4):num.i]}
        opens = lead & (PERIOD_CASES - {"in", "im", "während"}) or \
            lead & PERIOD_CASES and any(b in PERIOD_RECENT or b.rstrip("en") in PERIOD_RECENT for b in before)
        value = parse_number(num.text)
        if opens and value is not None:
            return f"P{value:g}{unit}"
    return None


RATE_PREPS = frozenset({"pro", "je", "am", "im"})


def rate_of(doc: Doc, start: int, end: int) -> str | None:
    """The unit of a rate the figure is given in ("täglich hunderte", "pro Tag bis zu 980", "900 am Tag") ->
    "pro-tag"; None for a plain count. From lemmas in the figure's clause (`lang/de/quantity_rates.tsv`)."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    lo, hi = _clause_span(doc, tok)
    rates = table("quantity_rates")
    for t in doc[lo:hi + 1]:
        lemma = (t.lemma_ or t.text).lower()
        for unit, forms in rates.items():
            if lemma not in forms and t.lower_ not in forms:
                continue
            if t.pos_ in ("ADJ", "ADV") and lemma.endswith("lich"):
                return f"pro-{unit}"                     # "täglich", "monatlich"
            if t.pos_ == "NOUN" and t.i > 0 and doc[t.i - 1].lower_ in RATE_PREPS and \
                    not any(c.like_num or c.pos_ == "NUM" for c in t.children) and not _numbered_next(t, start, end):
                return f"pro-{unit}"                     # "pro Tag", "am Tag" (not "am Tag 3", "im Jahr 2013")
    return None


def _numbered_next(t: Token, start: int, end: int) -> bool:
    """Is a time noun followed by the number that names it ("im Jahr 2013", "am Tag 3"), whatever the parse makes of
    that number (a sentence-final "2013." is read as punctuation)? Not the figure's own number (characters start to
    end): "verdient im Jahr 42.000 Euro" is a rate (review rv87)."""
    if t.i + 1 >= len(t.doc):
        return False
    nxt = t.doc[t.i + 1]
    return nxt.text[:1].isdigit() and not start <= nxt.idx < end


# The distributive particle before a figure: "mit je zwei Soldaten", "erhielten je 5.000 Euro"
# (lang/de/distributives.txt)
DISTRIBUTIVES = words("distributives")


def distributive(doc: Doc, start: int, end: int) -> bool:
    """Is the figure a count per unit of what it is distributed over ("zwölf Fässer mit je 200 Litern", "Die
    Vereine erhielten je 5.000 Euro", "Patrouillen mit je zwei Soldaten")? German marks such an amount by "je"
    right before the figure, which the parse hangs on the number or its counted noun: the amount of each, never a
    total - its own quantity. None of it without a parse."""
    tok = figure_token(doc, start, end)
    span = doc.char_span(start, end, alignment_mode="expand") if tok is not None else None
    if tok is None or span is None or span[0].i == 0:
        return False
    before = doc[span[0].i - 1]
    return before.lower_ in DISTRIBUTIVES and before.head.i in (tok.i, counted_token(tok).i)


def _clause_span(doc: Doc, tok: Token) -> tuple[int, int]:
    """The token range of the figure's clause: its sentence cut at commas, semicolons, colons and dashes."""
    sent = tok.sent
    lo, hi = tok.i, tok.i
    while lo > sent.start and doc[lo - 1].text not in (",", ";", ":", "–"):
        lo -= 1
    while hi < sent.end - 1 and doc[hi + 1].text not in (",", ";", ":", "–"):
        hi += 1
    return lo, hi


def _among(before: str) -> bool:
    """ "Unter den Opfern seien drei Soldaten", "unter den Toten sind 20 Kinder": among people or casualties
    counted before, the figure is a part of them ("unter den Trümmern" is no such group)."""
    tokens = before.split()
    for i in range(max(0, len(tokens) - 5), len(tokens) - 2):
        if tokens[i] == "unter" and tokens[i + 1] in ("den", "diesen"):
            _, domain = classify(tokens[i + 2])
            if domain in ("person", "casualty"):
                return True
    return False


# --- percentages: of what, and when --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _rate_words() -> dict[str, frozenset[str]]:
    """lang/de/rate_words.tsv: kind -> words (verbs, heads, now, then, signs)."""
    return {k: frozenset(w.strip() for w in ",".join(v).split(",") if w.strip())
            for k, v in table("rate_words").items()}


def _rate_parse(doc: Doc, start: int, end: int) -> tuple[Token, Token, Token | None, Token | None] | None:
    """(percent noun, its first conjunct, the verb it hangs on, the rate noun) of a percentage, or None."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    pct = counted_token(tok)
    rw = _rate_words()
    noun = None
    x = pct
    while x.dep_ == "conj" and x.head is not x and x.head.pos_ in ("NOUN", "PROPN"):
        x = x.head                                  # "bei 10 Prozent, jetzt bei 22 Prozent": the first conjunct's verb
    verb = x.head if x.head is not x and x.head.pos_ in ("VERB", "AUX") else None
    # the level a rate stands at: "bei/auf X Prozent" or the object of "beträgt"; "um X Prozent" is a change
    cases = [c.lower_ for c in x.children] + [g.lower_ for c in x.children if c.like_num for g in c.children]
    level = x.dep_ == "obj" or x.dep_ in ("obl", "conj", "advcl") and any(c in ("bei", "auf") for c in cases)
    if verb is not None and level and (verb.lemma_ or "").lower() in rw["verbs"]:
        # the percent noun's own genitive first ("erreichte 24 Prozent der Stimmen"); then the verb's subject, unless
        # it names people, a party, an organisation or a place: that is whose rate, not the rate ("Die Union liegt
        # bei 28 Prozent" names no rate)
        of = [c for c in pct.children if c.dep_ in ("nmod", "nmod:poss") and c.pos_ == "NOUN" and c.i > pct.i
              and not any(t.dep_ == "case" for t in c.children) and not any(t.like_num for t in c.subtree)]
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "obj", "nsubj:pass") and c.i != x.i
                and c.pos_ == "NOUN" and not any(t.like_num for t in c.subtree) and not _whose(c)]
        noun = next(iter(of + subj), None)
    elif x.head is not x and x.head.pos_ == "NOUN" and any(c.lower_ == "von" for c in x.children):
        noun = x.head                               # "eine Quote von 5 Prozent"
    if noun is None:
        noun = _bracketed(tok) or _changed(x, verb) or _gapped(x) or _named_before(x)
    return pct, x, verb, noun


# what may stand between "von" and the percent noun of a "N von X Prozent" phrase: its numbers and the words that join
# two of them ("von 1,6 beziehungsweise 1,5 Prozent", "von 3 bis 4 Prozent")
RANGE_JOINERS = frozenset({"bis", "-", "–"})


def _named_before(x: Token) -> Token | None:
    """The noun right before a "von X Prozent" phrase names the rate the phrase gives ("ein Realwachstum von 1,6
    beziehungsweise 1,5 Prozent vorhergesagt", "BIP-Anstieg von 1,5 Prozent erwartet"): German gives a rate's value
    by "von" after its noun, where the parse hangs the percent noun on the verb instead. Read from the tokens
    back from the percent noun over its numbers and the words joining them; the noun must name a rate or a rise by
    its last part (lang/de/rate_words.tsv heads, rises), whatever its tag (the tagger reads a hyphenated compound in
    a headline as a name: "BIP-Anstieg"); a change said alone ("ein Minus von 2,2 Prozent") names nothing."""
    doc, i = x.doc, x.i - 1
    while i > 0 and (doc[i].like_num or doc[i].pos_ == "CCONJ" or doc[i].lower_ in RANGE_JOINERS):
        i -= 1
    if i >= x.i - 1 or i <= 0 or doc[i].lower_ != "von":
        return None
    before = doc[i - 1]             # the noun and its "von" never stand in two sentences: read across a split the
    if before.is_punct:             # parse made in a headline ("BIP-Anstieg | von 1,5 Prozent erwartet")
        return None
    rw = _rate_words()
    lemma = (before.lemma_ or before.text).lower()
    if _rise(before) == lemma and not _economy_growth(before):
        return None                 # "mit einem Plus von 3 Prozent": a rise said alone names nothing but the economy's
    return before if any(lemma.endswith(h) for h in rw["heads"] | rw["rises"]) else None


def _bracketed(tok: Token) -> Token | None:
    """A percentage in brackets right after a common noun is that noun's figure: "Exporte (+0,5 Prozent)",
    "Wohnbau (-0,1 Prozent)", "Wahlbeteiligung (68 Prozent)". Read from the tokens, not the tree (the parse hangs
    such a bracket anywhere); only sign words may stand between the bracket and the number; a name, a place or
    people before the bracket say whose figure it is, not what it measures ("Wien (plus 10,5 Prozent)")."""
    doc, i = tok.doc, tok.i - 1
    while i > tok.sent.start and doc[i].text != "(" and doc[i].pos_ in ("ADV", "ADJ", "SYM", "CCONJ", "X") \
            and not doc[i].like_num:
        i -= 1
    if i <= tok.sent.start or doc[i].text != "(":
        return None
    before = doc[i - 1]
    # a time noun ("im Vorjahr (0,9 Prozent)") dates the clause's rate, a percentage ("38,9 Prozent (plus 8,9
    # Prozentpunkte)") is the figure the bracket changes, a place ("Eisenstadt (plus 4,2 Prozent)") says whose
    domain = classify_counted(before.text)[1] or classify(before.lemma_ or before.text)[1]
    if before.pos_ != "NOUN" or _whose(before) or domain in ("time", "percent", "site", "person"):
        return None
    return before


def _changed(x: Token, verb: Token | None) -> Token | None:
    """By how much something changed: "um X Prozent" on a verb gives the change of the verb's subject ("Die
    Nachfrage stieg um 0,8 Prozent", "die Exporte sind um drei Prozent gesunken") - German marks the difference
    by "um", whatever the verb. The subject must stand in the figure's own clause ("Heizöl verteuerte sich um ein
    Viertel, Sprit um 13,5 Prozent": the second clause's verb is left out, its subject is Sprit, not Heizöl); a
    subject naming people, a party or a place says whose, not what; a pronoun names nothing here."""
    if verb is None or not _by_how_much(x):
        return None
    lo, hi = _clause_span(x.doc, x)
    subj = [c for c in verb.children if c.dep_ in _subject_deps(verb) and c.pos_ == "NOUN" and lo <= c.i <= hi
            and not any(t.like_num for t in c.subtree) and not _whose(c)]
    return subj[0] if subj else None


def _subject_deps(verb: Token) -> tuple[str, ...]:
    """The arcs that give a verb's subject: nsubj; for a verb of growing or shrinking, which takes no object
    (rate_words grows, shrinks), an object where it has no subject - the parser reads the subject after the verb as
    its object ("Laut Statistik wuchs die Volkswirtschaft um 1,3 Prozent"). Not for a conjunct: a verb coordinated
    to one before it shares that verb's subject, and its object is an accusative of time or the like ("Die Aktie
    stieg und legte diese Woche um 3 Prozent zu": no week grew)."""
    rw = _rate_words()
    if _lemma(verb) in rw["grows"] | rw["shrinks"] and verb.dep_ != "conj" and \
            not any(c.dep_.startswith("nsubj") for c in verb.children):
        return ("nsubj", "nsubj:pass", "obj")
    return ("nsubj", "nsubj:pass")


def _by_how_much(x: Token) -> bool:
    """Does "um" mark the percent noun as a difference ("stieg um 0,8 Prozent")? German marks by how much with "um",
    whatever the verb (`_changed`, `percent_change`)."""
    return any(c.lower_ == "um" and c.dep_ == "case" for c in x.children)


def _gapped(x: Token) -> Token | None:
    """A percentage in an elliptic conjunct repeats its sentence's previous rate: "ein Wachstum von 1,4 Prozent, das
    IHS mit 1,6 Prozent" (the second names whose estimate, "mit" repeats the first's "mit einem Wachstum von"). Read
    from the tokens back to the previous percentage of the sentence, which must name its rate by "von" (the parse
    hangs the conjunct on the rate noun or on the verb)."""
    h = x.head
    if h is x or h.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ == "mit" and c.dep_ == "case" for c in x.children):
        return None
    for t in reversed(x.doc[x.sent.start:h.i]):
        if classify(t.lemma_ or t.text)[1] == "percent":      # Prozent, Prozentpunkt, % (lang/de counted classes)
            named = t.head is not t and t.head.pos_ == "NOUN" and any(g.lower_ == "von" for g in t.children)
            return t.head if named else None
    return None


def _whose(tok: Token) -> bool:
    """Does a noun name whose rate it is - people, a party, an organisation, a place (a named entity of the parse,
    a noun of a people class, a noun that names people by its form) - rather than what the rate is of?"""
    if tok.ent_type_ in ("PER", "ORG", "LOC", "GPE") or any(c.dep_ == "flat" or c.pos_ == "PROPN" for c in tok.children
                                                           if c.dep_ in ("flat", "appos")):
        return True
    lemma = tok.lemma_ or tok.text
    return classify(lemma)[1] == "person" or classify(tok.text)[1] == "person" or person_form(tok.text)


def rate_noun(doc: Doc, start: int, end: int) -> str | None:
    """What a percentage is a rate of, from the parse: the subject of the verb a rate is given with ("Die Beiträge
    lagen bei 10 Prozent, jetzt bei 22 Prozent" -> beiträge; "Der Satz beträgt 7 Prozent"), or the noun a "von X
    Prozent" phrase modifies ("eine Quote von 5 Prozent"); a rate noun ("Beitragssatz", "Arbeitslosenquote") gives
    its modifier (beitrag, arbeitslosen). The lemma, lower case; None where the parse names none; "um X Prozent"
    (a change) names no rate."""
    return _rate_noun(_rate_parse(doc, start, end))


def percent_rate(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """(`rate_noun`, `rate_time`) of a percentage from one reading of its parse; a vote share where the parse names
    no rate (`_vote_share`)."""
    found = _rate_parse(doc, start, end)
    noun = _rate_noun(found)
    if noun is None and found is not None and _vote_share(found[1]):
        noun = VOTE_SHARE
    return noun, _rate_time(doc, start, end, found)


# What a vote share is a rate of: the modifier of "Stimmenanteil" (the rate noun that names it, `_rate_modifier`)
VOTE_SHARE = "stimmen"


def _vote_share(x: Token) -> bool:
    """Is a percentage that names no rate a vote share: said with "mit" or "auf" ("mit 13 Prozent", "kam auf 21
    Prozent") in a clause that names a vote - a noun the event lexicon reads as one ("bei den Wahlen", "in der
    Stichwahl")? German reports a party's or a candidate's result so, leaving "der Stimmen" out. Not in a clause
    that names a poll ("kommt in Umfragen vor der Wahl auf 24 Prozent", `VOTE_POLL_NOUNS` by the lemma's last part):
    a poll counts intentions before the vote, not the votes cast."""
    from ..lang.de.event_words import trigger_lexicon

    if not any(c.dep_ == "case" and c.lower_ in ("mit", "auf") for c in x.children):
        return False
    lexicon = trigger_lexicon()
    segment = punct_segment(x.doc, x)
    if not any(t.pos_ in ("NOUN", "PROPN") and t.i != x.i and _is_vote(t, lexicon) for t in segment):
        return False
    if any(t.pos_ == "NOUN" and (t.lemma_ or t.text).lower().endswith(VOTE_POLL_NOUNS) for t in segment):
        return False
    # whose the percentage is: the clause's subject and the noun the parse hangs it on. A thing that has a rate
    # or a level ("hob die Notenbank den Leitzins auf 5 Prozent", "wurde die Mehrwertsteuer auf 19 Prozent
    # angehoben", "sank die Beteiligung auf 45 Prozent") in a clause that names a vote is not a share of votes
    holders = [t for t in segment if t.dep_ in ("nsubj", "nsubj:pass")]
    if x.head.i != x.i and x.head.pos_ == "NOUN":
        holders.append(x.head)
    return not any(not _may_get_votes(t, lexicon) for t in holders)


def _is_vote(t: Token, lexicon) -> bool:
    e = lexicon.noun((t.lemma_ or t.text).lower())
    return e is not None and e.type == "VOTE"


# Last parts of nouns naming a poll of intentions before a vote ("Umfrage", "Befragung": lang/de/poll_nouns.txt) -
# not every survey noun: a "Hochrechnung" or a "Wahlanalyse" reports the votes cast
VOTE_POLL_NOUNS = tuple(sorted(words("poll_nouns")))
# Last parts of common nouns of who stands at a vote ("Partei", "Bürgerliste", "Kandidatin"; lang/de/vote_holders.txt)
VOTE_HOLDERS = tuple(sorted(words("vote_holders")))


def _may_get_votes(t: Token, lexicon) -> bool:
    """Can the noun hold a vote share or date it: a name, a pronoun (the relative "die"), an organisation or a
    person by the parse, a plural (a party named by its members: "die Sozialdemokraten", "die Grünen"; a rate in the
    plural, "die Zinsen", is a rate noun the parse reads before), people by their class, who stands at a vote by its
    last part, the vote itself or a month ("bei der Wahl im Juni mit 13 Prozent", the parse hanging the figure on
    "Juni")? A rate or a level is a singular common noun ("der Leitzins", "die Beteiligung", "die Wirtschaft")."""
    if t.pos_ != "NOUN" or t.ent_type_ in ("ORG", "PER"):
        return True
    if "Plur" in t.morph.get("Number", []) and t.lemma_ and t.lemma_.lower() != t.lower_:
        return True                        # a plural by its form too: the tagger reads "die Mehrwertsteuer" plural
    lemma = (t.lemma_ or t.text).lower()
    return (_is_vote(t, lexicon) or lemma in MONTH_WORDS or classify_counted(t.text)[1] == "person"
            or lemma.endswith(VOTE_HOLDERS))


def percent_change(doc: Doc, start: int, end: int) -> bool:
    """Is a percentage a change, not a level: "um 4 Prozent" (German marks by how much with "um"), or a signed
    figure ("+0,5 Prozent", "plus 2,1 Prozent", "minus 0,4 Prozent")? A change of a rate and the rate are two
    quantities even where both name one noun ("Die Zustimmung fiel um 4 Prozent auf 38 Prozent")."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return False
    if _output_grew(_rate_parse(doc, start, end)):
        return False                # "Das BIP wuchs um 2 Prozent": the growth rate itself, a level of growth
    if _by_how_much(counted_token(tok)) or tok.text[:1] in "+-\u2212":
        return True
    prev = doc[tok.i - 1] if tok.i > tok.sent.start else None
    return prev is not None and prev.lower_ in _rate_words()["signs"]


def _economy_growth(noun: Token) -> bool:
    """Does a noun name the growth of an economy's output: a rise noun whose compound modifier, genitive or clause
    subject names the economy ("BIP-Anstieg", "Wirtschaftswachstum", "ein Anstieg des Bruttoinlandsprodukts", "Die
    Wirtschaft wird mit einem Plus von 1,5 Prozent wachsen"), "Wachstum" said alone, or the economy noun as the
    genitive of a rise noun (the parse hanging the figure on the genitive)? lang/de/rate_words.tsv rises, economy."""
    rw = _rate_words()
    lemma = (noun.lemma_ or noun.text).lower()
    if lemma in rw["economy"]:
        return noun.head is not noun and _rise(noun.head) is not None
    rise = _rise(noun)
    if rise is None:
        return False
    modifier = lemma[: -len(rise)].rstrip("-")
    if modifier in rw["measured"]:
        modifier = ""                               # "Realwachstum": how it is measured, not what rose
    if modifier:
        return modifier in rw["economy"] or modifier.endswith("s") and modifier[:-1] in rw["economy"]
    owners = [c for c in noun.children if c.dep_ in ("nmod", "nmod:poss") and c.pos_ == "NOUN"
              and not any(t.like_num for t in c.subtree)]
    if not owners and noun.head is not noun and (noun.head.lemma_ or "").lower() in rw["verbs"]:
        # "Die Wirtschaft wird mit einem Plus von 1,5 Prozent wachsen": the subject of a verb of change ("rechnete
        # mit einem Wachstum": the subject is who expects it), where the parse may hang the verb as a conjunct on
        # the clause's first word
        lo, hi = _clause_span(noun.doc, noun)
        verbs = [noun.head] + ([noun.head.head] if noun.head.dep_ == "conj" else [])
        owners = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN"
                  and lo <= c.i <= hi and not _whose(c)]
    if not owners:
        return rise in rw["alone"]
    return (owners[0].lemma_ or owners[0].text).lower() in rw["economy"]


def _output_grew(found: tuple[Token, Token, Token | None, Token | None] | None) -> bool:
    """Is a percentage the growth of an economy's output said by a verb: the output noun (rate_words economy) is
    the subject of a verb of growth (rate_words grows) the percentage hangs on by "um" ("Das BIP legte um 0,5
    Prozent zu", "Die Wirtschaft wuchs um 2 Prozent"), or the noun before a bracket with a rise's sign ("das BIP
    (+0,4 Prozent)")? German says the economy's growth rate so as often as by "ein Wachstum von 2 Prozent": one
    rate, the level of growth - not a change of it. A verb of shrinking keeps its own quantity (its value is
    written without the sign)."""
    if found is None:
        return False
    _, x, verb, noun = found
    if noun is None:
        return False
    rw = _rate_words()
    if (noun.lemma_ or noun.text).lower() not in rw["economy"]:
        return False
    if verb is not None and noun.head.i == verb.i and noun.dep_ in _subject_deps(verb) and _by_how_much(x) \
            and _lemma(verb) in rw["grows"]:
        return True
    tok = next((t for t in x.subtree if t.like_num), None)
    if tok is None:
        return False
    bracketed = _bracketed(tok)
    # a rise's sign: "+", or a sign word that is also a rise noun ("plus": rate_words signs and rises)
    return bracketed is not None and bracketed.i == noun.i and (tok.text[:1] == "+" or tok.i > 0
                                                             and tok.doc[tok.i - 1].lower_ in rw["signs"] & rw["rises"])


def _rise(noun: Token) -> str | None:
    """The rise head a noun ends in ("BIP-Anstieg" -> anstieg, "Wachstum"), None for a noun naming no rise. A
    hyphenated compound is a noun whatever its tag (the tagger reads "BIP-Zuwachs" in a headline as a determiner)."""
    lemma = (noun.lemma_ or noun.text).lower()
    if noun.pos_ not in ("NOUN", "PROPN") and "-" not in noun.text.strip("-"):
        return None
    return next((h for h in sorted(_rate_words()["rises"], key=len, reverse=True) if lemma.endswith(h)), None)


def _rate_noun(found: tuple[Token, Token, Token | None, Token | None] | None) -> str | None:
    noun = found[3] if found else None
    if noun is None or _names_a_day_or_month(noun):
        return None
    if _economy_growth(noun) or _output_grew(found):
        return GROWTH
    rw = _rate_words()
    lemma = (noun.lemma_ or "").lower()
    if lemma in rw["heads"] or _rate_modifier(lemma, rw["heads"]) in rw["whole"]:
        # a bare rate noun names its rate by its genitive: "der Anteil der Frauen" -> frauen; so does one whose
        # modifier only says it is the whole's ("die Gesamtzahl der Unfälle" -> unfall, not "gesamt")
        of = [c for c in noun.children if c.dep_ in ("nmod", "nmod:poss") and c.pos_ == "NOUN"
              and not _time_compared_with(c)]
        noun = of[0] if of else noun
    return _rate_modifier((noun.lemma_ or noun.text).lower(), rw["heads"])


def _names_a_day_or_month(noun: Token) -> bool:
    """Is the noun a month or a weekday ("fiel die Quote gegenüber März von 22,6 auf 22,3 Prozent", "im April 2014
    von 5,5 Prozent")? The parse may hang a percentage on the time it compares with; that time is when a rate holds,
    not what it is a rate of (a bare genitive month may be: `_time_compared_with`)."""
    return (noun.lemma_ or noun.text).lower() in MONTH_WORDS or noun.lower_ in MONTH_WORDS or \
        (noun.lemma_ or noun.text).lower() in WEEKDAYS


def _time_compared_with(noun: Token) -> bool:
    """Is a rate noun's modifier a month or weekday in a preposition's phrase ("die Quote gegenüber Februar", "der
    Anteil im Mai")? That is the time the rate is compared with or holds at; a bare genitive is whose rate it is ("der
    Anteil des Dezembers am Jahresumsatz", "der Anteil des Sonntags an den Unfällen")."""
    return _names_a_day_or_month(noun) and any(c.dep_ == "case" for c in noun.children)


def _rate_modifier(lemma: str, heads: frozenset[str]) -> str:
    """A rate noun's modifier, the compound without its rate head and linking s ("beitragssatz" -> beitrag)."""
    for h in sorted(heads, key=len, reverse=True):
        if lemma.endswith(h) and len(lemma) - len(h) >= 4:
            stem = lemma[: -len(h)]
            for link in ("es", "s"):
                if stem.endswith(link) and len(stem) - len(link) >= 4:
                    return stem[: -len(link)]
            return stem
    return lemma


@lru_cache(maxsize=1)
def _time_refs() -> dict[str, str]:
    return pairs("vague_time_references")


def rate_time(doc: Doc, start: int, end: int) -> str | None:
    """When a percentage holds, where the parse says so: an adverb on the percentage, then on its first conjunct
    and its verb ("jetzt bei 22 Prozent", "damals lagen die Beiträge bei 10 Prozent") -> jetzt / damals
    (lang/de/vague_time_references.tsv), or an adjective on the rate noun ("der aktuelle Satz", "die damalige
    Quote"); None otherwise. A rate then and a rate now are two quantities."""
    return _rate_time(doc, start, end, _rate_parse(doc, start, end))


def _rate_time(doc: Doc, start: int, end: int,
               found: tuple[Token, Token, Token | None, Token | None] | None) -> str | None:
    if found is None:
        return None
    pct, x, verb, noun = found
    rw = _rate_words()
    refs = _time_refs()
    when = {"PRESENT_REF": "jetzt", "PAST_REF": "damals"}
    for head in (figure_token(doc, start, end), pct, x, verb):
        for c in head.children if head is not None else ():
            if c.pos_ == "ADV" and refs.get(c.lower_) in when:
                return when[refs[c.lower_]]
    for c in noun.children if noun is not None else ():
        lemma = (c.lemma_ or c.text).lower()
        if c.dep_ == "amod" and lemma in rw["now"]:
            return "jetzt"
        if c.dep_ == "amod" and lemma in rw["then"]:
            return "damals"
    return None
