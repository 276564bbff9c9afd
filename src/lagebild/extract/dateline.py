"""The article's dateline: where its report is filed ("Wien – Die Regierung ...", "Zürich/Wien – ...").

One reading per Doc, from the tokens, kept in ``doc.user_data`` and asked by entities (a dateline's capital is
the city, not its government; a landmark's country), events (the desk's town as the default place of the
article's events) and attribution (the parser's subject "Wien" of the first clause is no speaker).

The dateline is the article's first opening (of the text, a sentence or a line) of up to four capitalised words,
the other places of the dateline '/'-joined after them, then a dash standing alone: a name the gazetteer knows
('Den Haag', 'Frankfurt am Main'), or else capitalised words that no function word opens ('Im Streit Madrid – Lissabon'
is a sentence). A dash followed by a lowercase word with a second dash before the sentence ends is an aside about
the name, which then goes on as the sentence's subject ('Bosch – der Zulieferer hat ... – kündigte an').

A title that opens with a name and a colon ('Kairo: Zehn Flüchtlinge ... getötet') is read too, as the title's
dateline (`title_dateline`): only events take it, where the name is a place ('Merkel: ...' is a speaker).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Token

from . import doc_text

DASHES = frozenset({"–", "—"})
HYPHEN = "-"               # 'Wien - Die Regierung ...': a hyphen-minus typed for the dash, standing alone
_KEY = "_lagebild_dateline_read"
NAME_WORDS = 4             # 'Santiago de Chile', 'Ried im Innkreis': a place's name of up to four words
JOINED_WORDS = 6           # a '/'-joined place after the first: 'New York/San Juan –'
AGENCY_WORDS = 4           # an agency's bracket before the dash: '(dpa)', '(APA/AFP)', '(Reuters)'


class Dateline(NamedTuple):
    start: int                                 # character of the first name's start
    end: int                                   # character after the dash and the space after it
    places: tuple[tuple[int, int], ...]        # (start, end) characters of each '/'-joined name
    mark: str                                  # the dash, or ':' for a title's dateline

    def names(self, start: int, end: int) -> bool:
        """Whether text[start:end] is one of the dateline's names."""
        return (start, end) in self.places

    def holds(self, pos: int) -> bool:
        """Whether character `pos` lies in the dateline, from its first name to the dash."""
        return self.start <= pos < self.end


def dateline(doc: Doc) -> Dateline | None:
    """The article's dateline ('Wien – ...'), None if it has none."""
    return _read(doc)[0]


def title_dateline(doc: Doc) -> Dateline | None:
    """A name and a colon opening the text ('Kairo: Zehn Flüchtlinge ...'), None if the text opens otherwise."""
    return _read(doc)[1]


def _read(doc: Doc) -> tuple[Dateline | None, Dateline | None]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        found = (_dash_dateline(doc), _colon_title(doc))
        cached = doc.user_data[_KEY] = tuple(tuple(d) if d else None for d in found)
    return tuple(Dateline(d[0], d[1], tuple(tuple(p) for p in d[2]), d[3]) if d else None  # type: ignore[return-value]
                 for d in cached)


def _opens(doc: Doc, i: int) -> bool:
    """Whether token i opens the text, a sentence (after '.', '!' or '?') or a line: where a dateline stands. A
    period that clings to the word before (one token, 'St.', '6.') whose head in the parse is token i ends no
    sentence: it is an abbreviation's or an ordinal's in i's phrase ('nach St. Pölten', 'am 6. Oktober –')."""
    text = doc_text(doc)
    start = doc[i].idx
    last = _last_mark(text, start)
    if "\n" in text[max(0, start - 2):start] or last < 0:
        return True
    prev = next((t for t in reversed(doc[:i]) if not t.is_space), None)
    if prev is not None and prev.i == i - 1 and _in_phrase_period(prev):
        return False       # an abbreviation's or ordinal's period in the word's phrase: 'St. Pölten', 'am 6. Mai'
    return text[last] in ".!?"


def _last_mark(text: str, end: int) -> int:
    """The position of the last character before `end` that is no white space (-1 if none): walked back from `end`,
    not a copy of the text before it stripped (asked of every capitalised word of the article)."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j - 1


def _capitalised_word(tok) -> bool:
    word = tok.text.rstrip("".join(DASHES))                 # "Lyon– Am Montag": the dash may cling to the name
    return word[:1].isupper() and word.replace("-", "").isalpha()         # "Neu-Delhi"


def _in_phrase_period(tok) -> bool:
    """A word with its period in one token ('St.', '6.'), tagged attributive (ADJA) and headed by the next word: an
    abbreviation or ordinal inside the next word's phrase ('St. Pölten', 'am 6. Oktober'), whose period ends no
    sentence. A cardinal's period does ('zwischen 2008 und 2014. Wien –': a year ends the sentence)."""
    return len(tok.text) > 1 and tok.text.endswith(".") and tok.text[-2].isalnum() and tok.tag_ == "ADJA" \
        and tok.head.i == tok.i + 1


def _clinging_dash(tok) -> bool:
    """'Belgrad– Bei einem ...': a word with the dateline's dash on it, a space after."""
    return len(tok.text) > 1 and tok.text[-1] in DASHES and bool(tok.whitespace_)


def _standing_dash(doc: Doc, j: int) -> bool:
    """A dash standing alone as a token: '–' or '—' with a space after it, or a hyphen-minus typed for it with
    spaces on both sides ('Wien - Die ...'; a hyphen-minus in a word is one token with it: 'Neu-Ulm')."""
    tok = doc[j]
    spaced_after = bool(tok.whitespace_) or (j + 1 < len(doc) and doc[j + 1].is_space)
    if tok.text in DASHES:
        return spaced_after
    return tok.text == HYPHEN and spaced_after and j > 0 and (bool(doc[j - 1].whitespace_) or doc[j - 1].is_space)


def _dash_dateline(doc: Doc) -> Dateline | None:
    """The first dateline of the text; but an opening of words the gazetteer does not know as a place, in a line of
    its own (a title: 'Neue Pläne – Regierung will sparen'), yields to a known place's dateline opening one of the
    next lines ('Graz – Die Landesregierung ...')."""
    found = _datelines(doc)
    first = next(found, None)
    if first is None or first[1]:
        return first[0] if first else None
    text = doc_text(doc)
    line_end = text.find("\n", first[0].end)
    if line_end < 0:
        return first[0]
    for line, known in found:
        if text.count("\n", line_end, line.start) > TITLE_LINES:
            break
        if known and _opens_line(text, line.start):
            return line
    return first[0]


TITLE_LINES = 3            # a title's line and the blank and subtitle lines between it and the dateline's line


def _opens_line(text: str, start: int) -> bool:
    return text[:start].rstrip(" \t").endswith("\n")


def _datelines(doc: Doc):
    """Each opening read as a dateline in the text's order, with whether the gazetteer knows its first name."""
    from ..geo import gazetteer
    from .entities import STOP

    text = doc_text(doc)
    for t in doc:
        if not (_capitalised_word(t) or (t.text[:-1].isalpha() and t.text[:1].isupper() and _in_phrase_period(t))) \
                or not _opens(doc, t.i):          # 'St. Pölten –': a name may open with an abbreviation
            continue
        for k in range(t.i, min(len(doc), t.i + NAME_WORDS)):
            if (after := _joined_then_dash(doc, k)) is None:
                if doc[k].is_space or _clinging_dash(doc[k]):
                    break
                continue
            dash, dash_end, joined = after
            name_end = doc[k].idx + len(doc[k].text) - (1 if _clinging_dash(doc[k]) else 0)
            name = text[t.idx:name_end]
            known = bool(gazetteer().candidates(name))
            if not known and (t.lower_ in STOP or any(not w.text[:1].isupper() for w in doc[t.i:k + 1])):
                break                  # "Im Duell Athen – Brüssel ...": a sentence, no place's name ("Den Haag")
            if not known and any(doc[b].text == ")" for b in range(k + 1, dash)):
                break                  # "Sebastian Kurz (ÖVP) - Bundeskanzler": a bracket after a name no place's
                #                        is a party's or a role's (a list's line), not an agency's after its desk
            if _aside(doc, dash) or _result_pairing(doc, dash) or \
                    (doc[dash].text == HYPHEN and not _sentence_after_hyphen(doc, dash)):
                break
            places = [(t.idx, name_end), *joined]
            if joined and gazetteer().candidates(text[t.idx:joined[0][1]]):
                places[:2] = [(t.idx, joined[0][1])]     # 'Frankfurt/Main', 'Frankfurt/Oder': one place's name
            yield Dateline(t.idx, dash_end + 1, tuple(places), text[dash_end - 1]), known
            break


def _joined_then_dash(doc: Doc, k: int) -> tuple[int, int, list[tuple[int, int]]] | None:
    """After a dateline's first name, ending at token k: its other '/'-joined places, then a dash with a space after
    it (a token of its own or clinging to the last name); (the dash's token, the character after the dash, the
    joined names' character spans), None where no dash follows so."""
    if _clinging_dash(doc[k]):
        return k, doc[k].idx + len(doc[k].text), []
    joined: list[tuple[int, int]] = []
    n = len(doc)
    j = k + 1
    while j + 1 < n and doc[j].text == "/" and not doc[j].whitespace_ and doc[j + 1].text[:1].isalpha():
        a = e = j + 1
        while e < n and e - a < JOINED_WORDS and not _standing_dash(doc, e) and doc[e].text not in ("/", "(") and \
                "\n" not in doc[e].text:
            e += 1
            if _clinging_dash(doc[e - 1]):
                break
        last = e - 1
        while last > a and doc[last].is_space:
            last -= 1
        if _clinging_dash(doc[last]):
            joined.append((doc[a].idx, doc[last].idx + len(doc[last].text) - 1))
            return last, doc[last].idx + len(doc[last].text), joined
        joined.append((doc[a].idx, doc[last].idx + len(doc[last].text)))
        j = e
    while j < n and doc[j].is_space:
        j += 1
    if j < n and doc[j].text == "(" and (close := next((b for b in range(j + 1, min(n, j + 1 + AGENCY_WORDS))
                                                          if doc[b].text == ")"), None)):
        j = close + 1                  # 'Frankfurt (dpa) –': the agency's bracket between the name and the dash
    if j < n and _standing_dash(doc, j):
        return j, doc[j].idx + len(doc[j].text), joined
    return None


def _aside(doc: Doc, dash: int) -> bool:
    """'Bosch – der Zulieferer hat 400.000 Beschäftigte – kündigte an': a lowercase word after the dash and a second
    dash before the sentence ends make an aside about the name, no dateline."""
    nxt = next((t for t in doc[dash + 1:] if not t.is_space), None)
    if nxt is None or not nxt.text[:1].islower():
        return False
    return any(_standing_dash(doc, j) for j in range(dash + 1, nxt.sent.end))


def _sentence_after_hyphen(doc: Doc, dash: int) -> bool:
    """'Linz - Die Stadt hat ...': a hyphen-minus, typed in lists ('Linz - 300 Plätze') and between two places
    ('Salzburg - Villach ist die Strecke', 'Köln - Bonn: Autobahn frei') as often as for the dash, is a dateline's
    only where a sentence opens after it: a capitalised word, not a place's name (the NER's place the gazetteer
    knows), with no colon after the capitalised words that open it."""
    from ..geo import gazetteer

    words = [t for t in doc[dash + 1:dash + 2 + NAME_WORDS] if not t.is_space]
    if not words or not _capitalised_word(words[0]):
        return False                   # a number, a lowercase word: a list's entry
    if words[0].ent_type_ in ("LOC", "GPE") and gazetteer().candidates(words[0].text):
        return False                   # a second place: a route or a pairing ('Berlin - Martin Schulz hat': a person)
    for tok in words:
        if tok.text == ":":
            return False               # 'Graz - Grüne: 14 Prozent': a list's heading
        if not tok.text[:1].isupper():
            break
    return True


SCORE = re.compile(r"^\d{1,3}:\d{1,3}\.?$")


def is_score(t: Token) -> bool:
    """'2:1', '1:0.': a match result, not a time of day ('um 14:30 Uhr')."""
    doc = t.doc
    return bool(SCORE.match(t.text)) and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "uhr")


def _result_pairing(doc: Doc, dash: int) -> bool:
    """'Rapid - Sturm 2:1', 'St. Pölten – Admira 1:0': a name, a dash, a second side's name and a match result
    right after it pair two teams (a results line): no dateline, whose dash opens the report's sentence."""
    words = 0
    for tok in doc[dash + 1:dash + 2 + NAME_WORDS]:
        if tok.is_space:
            if words:
                return False
            continue
        if is_score(tok):
            return words > 0
        if not tok.text[:1].isupper():
            return False               # 'Graz – Die Grazer gewannen 2:1': a sentence, no second side's name alone
        words += 1
    return False


# what may stand before an agency line's place on its line: blanks, quotes and a date ('12.03.2015 Moskau: ...')
_LINE_LEAD = " \t'\"„“‚‘»«0123456789.-/"
_COLON_NAME = re.compile(r"[^\W\d_][^\s:]*:")


def colon_line(text: str, start: int, end: int | None = None) -> bool:
    """Whether the name at text[start:end] opens a line (after blanks, quotes or a date) with a colon right after it:
    an agency digest's line ('Moskau: Nordkorea schickt ...') says where its report was filed, not where what it
    tells happened nor who speaks. Without `end`, the name is the word at `start` ('Moskau:')."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(_LINE_LEAD):
        return False
    if end is None:
        return _COLON_NAME.match(text, start) is not None
    return text[end:end + 1] == ":"


def _colon_title(doc: Doc) -> Dateline | None:
    first = next((t for t in doc if not t.is_space), None)
    if first is None or not _capitalised_word(first):
        return None
    for k in range(first.i, min(len(doc), first.i + NAME_WORDS)):
        if k + 1 < len(doc) and doc[k + 1].text == ":" and not doc[k].whitespace_:
            end = doc[k].idx + len(doc[k].text)
            return Dateline(first.idx, end + 1, ((first.idx, end),), ":")
        if not doc[k].text[:1].isalpha():
            return None
    return None
