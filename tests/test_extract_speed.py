"""Speed-ups of the extractors (issue 21) must not change what they find: each faster path is
checked here against the plain computation it replaces, on invented text."""
from __future__ import annotations

from lagebild.extract import measures as M
from lagebild.geo.countries import country_forms

TEXT = ("Nordkorea schickt weitere Soldaten nach Russland. Laut Südkoreas Geheimdienst kämpfen "
        "nordkoreanische Truppen in Kursk; US-Soldaten und Nato-Truppen sind nicht beteiligt.\n"
        "Die Vereinigten Staaten und die Deutschen warnen, Deutschlands Außenministerin reist nach "
        "Guinea-Bissau, die russisch-ukrainischen Gespräche ruhen. Deutsche Diplomaten in Osttimor.")


def test_country_tree_pattern_matches_like_the_list_of_forms():
    rx, forms = country_forms()
    fast = M._country_rx()
    words = sorted(forms)
    for text in (TEXT, " ".join(words), ", ".join(w.upper() for w in words), "-".join(w.title() for w in words),
                 "x".join(words), TEXT.replace(" ", "")):
        want = [(m.span(), m.group(1)) for m in rx.finditer(text)]
        assert [(m.span(), m.group(1)) for m in fast.finditer(text)] == want
        for end in range(0, len(text), 7):      # a window's end may cut a form: the shorter one matches
            a = max(0, end - 60)
            assert [m.span() for m in fast.finditer(text, a, end)] == [m.span() for m in rx.finditer(text, a, end)]


def test_country_mentions_of_a_window_as_if_scanned_alone():
    rx, _ = country_forms()
    cuts = sorted({0, len(TEXT)} | {i for i, c in enumerate(TEXT) if not c.isalpha()} | set(range(0, len(TEXT), 5)))
    for a in cuts:
        for b in cuts[::3]:
            want = [cm for m in rx.finditer(TEXT, a, b) if (cm := M._country_mention(TEXT, m)) is not None]
            assert M.country_mentions(TEXT, a, b) == want, (a, b)
    assert [m.key for m in M.country_mentions(TEXT, 0, 60)] == ["nordkorea", "russland"]


def _one_edit_table(a: str, b: str) -> bool:
    """The edit-distance table (with adjacent transpositions) that within_one_edit's scan replaces."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1] <= 1


def test_within_one_edit_as_the_edit_distance_table():
    from itertools import product

    from lagebild.text import within_one_edit

    words = ["".join(p) for n in range(5) for p in product("abc", repeat=n)]     # every word of 0-4 letters
    for a in words:
        for b in words:
            assert within_one_edit(a, b) == _one_edit_table(a, b), (a, b)
    assert within_one_edit("Selenskyj", "Selesnkyj") and not within_one_edit("Meier", "Maurer")


def test_fast_hanta_analyses_words_as_hanta():
    import pytest

    ht = pytest.importorskip("HanTa.HanoverTagger")
    from lagebild.nlp.hanta import FastHanoverTagger

    slow, fast = ht.HanoverTagger("morphmodel_ger.pgz"), FastHanoverTagger("morphmodel_ger.pgz")
    words = ("Grenzschutzbeamtinnen", "Bürgermeisterwahl", "Krötzlinger", "Wasserstoffbombe", "Ostseeküste",
             "Pfuhlmann-Oberbichl", "Schneewittchen", "verhandelten", "unverzüglich", "Zwgl", "a", "Ö")
    for w in words:
        assert fast.analyze_forward(w.lower()) == slow.analyze_forward(w.lower()), w
        assert fast.tag_word(w) == slow.tag_word(w), w
        # the best split (lemma, compound parts), the tag read off the word or given, strict run or guessing
        for tag in ("EMPTY", "NN", "NE", "ADJA", "VVFIN"):
            for level in (1, 2, 3):
                assert fast.analyze(w, pos=tag, taglevel=level) == slow.analyze(w, pos=tag, taglevel=level), (w, tag)


def test_per_doc_memos_answer_each_doc_token_and_span_for_itself():
    # `per_token` / `per_span` keep a test's answers in the Doc: a token or stretch asked again gets the first
    # answer without the test running again, and neither another Doc nor another stretch of the same start shares it
    import spacy

    from lagebild.extract import per_span, per_token

    nlp = spacy.blank("de")
    asked: list[str] = []

    @per_token
    def acronym(tok):
        asked.append(tok.text)
        return tok.text.isupper()

    @per_span
    def last(span):
        asked.append(span.text)
        return span[-1].text

    a, b = nlp("NATO und EU"), nlp("und NATO EU")
    assert [acronym(t) for t in a] == [True, False, True] and [acronym(t) for t in b] == [False, True, True]
    assert [acronym(t) for t in a] == [True, False, True] and len(asked) == 6
    assert (last(a[0:2]), last(a[0:3]), last(a[1:3]), last(b[0:2])) == ("und", "EU", "EU", "NATO")
    assert (last(a[0:2]), last(b[0:2])) == ("und", "NATO") and len(asked) == 10


def test_gazetteer_candidates_kept_per_name_are_those_worked_out():
    # `Gazetteer.candidates` keeps its answer per name: the same places as working them out, and the list it
    # hands out is the caller's (emptying it changes no later answer)
    from lagebild.geo import gazetteer

    g = gazetteer()
    for name in ("Kiew", "Moskaus", "Frankfurt", "Vysočina", "Guinea-Bissau", "Xyzzyqland"):
        got = g.candidates(name)
        assert got == g._candidates(name), name
        got.clear()
        assert g.candidates(name) == g._candidates(name), name
    assert g.candidates("Moskaus") and not g.candidates("Xyzzyqland")


def test_lazy_list_makes_each_item_once_when_read_and_indexes_as_a_list():
    # `Lazy`: the word rules' cues of a sentence are made only where a figure or trigger reads them
    import pytest

    from lagebild.extract import Lazy

    made: list[int] = []

    def make(k: int) -> str:
        made.append(k)
        return "abcd"[k]

    items = Lazy(4, make)
    assert made == [] and len(items) == 4
    assert items[2] == "c" and items[2] == "c" and items[-1] == "d" and made == [2, 3]
    assert items[1:3] == ["b", "c"] and list(items) == list("abcd") and made == [2, 3, 1, 0]
    with pytest.raises(IndexError):
        items[4]
    with pytest.raises(IndexError):
        items[-5]


def test_each_hanta_question_about_a_word_analyses_it_once(monkeypatch):
    # the word's tag, lemma, "a noun too" and compound split all read the one analysis kept in nlp.compounds._tags
    import pytest

    from lagebild.extract import entities as E
    from lagebild.nlp.compounds import _hanta

    tagger = _hanta()
    if tagger is None:
        pytest.skip("no HanTa")
    analysed: list[str] = []
    forward = tagger.analyze_forward
    monkeypatch.setattr(tagger, "analyze_forward", lambda w: analysed.append(w) or forward(w))
    word = "Kranichbergdorf"                    # an invented compound, in no cache yet
    E.word_tag(word), E.word_lemma(word), E.noun_too(word), E.compound_head(word), E.compound_head(word.lower())
    assert analysed == [word.lower()]


CLAUSES = ("Der Minister, der gestern in Wien war, sagte, dass die Polizei die Demonstranten, die den Platz "
           "besetzt hatten, am Abend vertrieben habe und dass niemand verletzt worden sei.\n"
           "Die Feuerwehr rückte aus, um den Brand zu löschen, den ein Blitz ausgelöst hatte.")


def _own_clause_walked_up(verb):
    """own_clause as it was: each word of the subtree walked up to the first word that opens a clause."""
    from lagebild.extract.werden import opens_clause

    out = []
    for t in verb.subtree:
        x = t
        while x.i != verb.i and not opens_clause(x) and x.head.i != x.i:
            x = x.head
        if x.i == verb.i:
            out.append(t)
    return out


def test_own_clause_walked_down_as_each_word_walked_up(parser):
    from lagebild.extract.werden import _clause_words, own_clause

    doc = parser(CLAUSES)
    for t in doc:                               # every word as the clause's head, relative clauses below it
        want = [w.i for w in _own_clause_walked_up(t)]
        assert [w.i for w in own_clause(t)] == want, t.text
        got: list = []
        _clause_words(t, got)
        assert [w.i for w in got] == want


def test_an_articles_word_positions_and_results_read_once_as_a_scan(parser):
    from lagebild.extract import entities as E
    from lagebild.extract.dateline import is_score

    doc = parser("Rapid – Sturm 2:1. Um 14:30 Uhr spielte Rapid gegen den Rapid-Nachwuchs, Sturm siegte 3:0 (1:0).")
    positions = E._positions(doc)
    assert positions == {w: [t.i for t in doc if t.text == w] for w in {t.text for t in doc}}
    assert len(positions["Rapid"]) == 2 and "14:30" in positions
    assert E._scores(doc) == [t.i for t in doc if is_score(t)] and [doc[i].text for i in E._scores(doc)] == \
        ["2:1.", "3:0", "1:0"]
    assert E._has_score(doc) and not E._has_score(parser("Um 14:30 Uhr beginnt die Sitzung."))
    E.find_mentions(doc)                        # its per-Doc indexes go with the call: nothing left in the Doc
    assert not {E._POSITIONS, E._SCORES} & set(doc.user_data)


def _line_breaks_token_by_token(doc):
    """nlp.line_breaks as it was: a Token made for each look at a neighbour."""
    from lagebild.nlp import BULLETS

    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text or tok.is_space and "\n" in tok.text:
            tok.is_sent_start = True
    for tok in doc[1:-3]:
        prev = doc[tok.i - 1]
        if tok.text == "[" and not prev.whitespace_ and prev.is_alpha and doc[tok.i + 2].text == "]" and \
                not tok.whitespace_ and doc[tok.i + 1].is_alpha and len(doc[tok.i + 1].text) <= 3:
            for t in doc[tok.i:tok.i + 4]:
                t.is_sent_start = False
    item = False
    for tok in doc:
        if tok.i == 0 or "\n" in doc[tok.i - 1].text:
            item = tok.text in BULLETS
        elif item and not tok.is_space:
            tok.is_sent_start = False
    return doc


def test_line_breaks_from_lists_as_token_by_token(parser):
    from lagebild.nlp import line_breaks

    texts = ["Hochwasser in Passau\nDie Altstadt ist gesperrt. Bewaffnete[n] Männer kamen.\n\n"
             "- Attika: 3.200 Evakuierte\n• Kreta: 40 Häuser\n* ohne Strom\nEnde",
             "[a] b [cd] e", "x", "", "Er sagte:\n\"[Wir] kommen.\"\n-\n- [a]"]
    for text in texts:
        want = _line_breaks_token_by_token(parser.make_doc(text))
        got = line_breaks(parser.make_doc(text))
        assert [t.is_sent_start for t in got] == [t.is_sent_start for t in want], text


def _punct_segment_walked(doc, tok):
    """quantity.punct_segment as it was: from tok to the punctuation marks around it, one Token a step."""
    sent = tok.sent
    lo, hi = tok.i, tok.i
    while lo > sent.start and not doc[lo - 1].is_punct:
        lo -= 1
    while hi < sent.end - 1 and not doc[hi + 1].is_punct:
        hi += 1
    return list(doc[lo:hi + 1])


def test_punct_segments_of_one_pass_as_walked_from_each_word(parser):
    from lagebild.extract.quantity import punct_bounds, punct_segment

    doc = parser("Die Polizei nahm 200 Personen fest – vermutlich (laut Zeugen) mehr –, sieben von ihnen sollen "
                 "Straftaten begangen haben. „Es waren viele“, sagte er. Ende")
    for tok in doc:
        want = _punct_segment_walked(doc, tok)
        assert punct_segment(doc, tok) == want, tok.text
        lo, hi, start, end = punct_bounds(doc)[tok.i]
        assert (lo, hi, start, end) == (want[0].i, want[-1].i, tok.sent.start, tok.sent.end)


def _gold_parses(path, limit):
    """Docs of a UD treebank's gold parses (words, heads, relations, word classes), one per sentence; multiword
    tokens' ranges and empty nodes left out (their words are the rows after them)."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("de").vocab
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
            continue
        if not line and rows:
            heads = [int(c[6]) - 1 if c[6] != "0" else i for i, c in enumerate(rows)]
            yield Doc(vocab, words=[c[1] for c in rows], heads=heads, deps=[c[7] for c in rows],
                      pos=[c[3] for c in rows])
            rows = []
            limit -= 1
            if not limit:
                return


def test_own_clause_walked_down_as_walked_up_on_real_sentences(shared_dir, parser):
    # the treebanks' gold parses (non-projective ones among them: a word's subtree out of the words' order,
    # 'Es geht darum, ob ...' extraposed) and the pipeline's own parses of 10kGNAD articles: every word as the
    # clause's head, the same words in the same order as each word walked up to the first word that opens a clause
    import csv

    import pytest

    from lagebild.extract.werden import own_clause

    data = shared_dir / "data"
    treebanks = [data / "ud_german_pud" / "de_pud-ud-test.conllu", data / "ud_german_gsd" / "de_gsd-ud-dev.conllu"]
    news = data / "10kgnad" / "test.csv"
    if not all(p.is_file() for p in treebanks + [news]):
        pytest.skip("UD German PUD / GSD or 10kGNAD not in ../shared/data")
    docs = [d for p in treebanks for d in _gold_parses(p, 500)]
    with news.open(encoding="utf-8", newline="") as f:
        texts = [row[1][:1200] for _, row in zip(range(12), csv.reader(f, delimiter=";", quotechar="'"))]
    docs += list(parser.pipe(texts))
    out_of_order = clauses_cut = 0
    for doc in docs:
        for t in doc:
            want = [w.i for w in _own_clause_walked_up(t)]
            got = [w.i for w in own_clause(t)]
            assert got == want, (doc.text, t.i)
            out_of_order += got != sorted(got)
            clauses_cut += len(got) < len(list(t.subtree))
    assert out_of_order and clauses_cut > 1000    # the comparison saw non-projective subtrees and cut clauses


def test_an_articles_word_positions_go_with_a_failing_find_mentions(monkeypatch):
    # the per-Doc indexes live only while find_mentions runs: a rule that fails after building them leaves none
    # behind in the Doc (which the next component, a pickle or a later call would otherwise read)
    import pytest
    import spacy

    from lagebild.extract import entities as E

    doc = spacy.blank("de")("Rapid – Sturm 2:1, Rapid siegte.")

    def failing(d):
        assert E._positions(d)["Rapid"] == [0, 5] and E._has_score(d)
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(E, "_find_mentions", failing)
    with pytest.raises(RuntimeError):
        E.find_mentions(doc)
    assert not {E._POSITIONS, E._SCORES} & set(doc.user_data)


def test_fast_hanta_keeps_a_words_analyses_and_gives_hantas_numbers(monkeypatch):
    # each forward pass and each best split is made once per word (and tag): asked again - in another casing, as
    # the extractors do ('Deich', 'deich') - it answers what it first worked out, which is HanTa's own answer
    import pytest

    ht = pytest.importorskip("HanTa.HanoverTagger")
    from lagebild.nlp.hanta import FastHanoverTagger

    slow, fast = ht.HanoverTagger("morphmodel_ger.pgz"), FastHanoverTagger("morphmodel_ger.pgz")
    made: list[str] = []
    forward, viterbi = fast._analyze_forward, fast._analyze_viterbi
    monkeypatch.setattr(fast, "_analyze_forward", lambda w: made.append(w) or forward(w))
    monkeypatch.setattr(fast, "_analyze_viterbi", lambda w, t: made.append(f"{w}/{t}") or viterbi(w, t))
    for word in ("Deichbruchstelle", "deichbruchstelle", "Streikposten", "Deichbruchstelle"):
        assert fast.tag_word(word) == slow.tag_word(word), word
        assert fast.analyze(word, pos="NN", taglevel=3) == slow.analyze(word, pos="NN", taglevel=3), word
    assert made.count("deichbruchstelle") == 1 and made.count("streikposten") == 1
    assert len([m for m in made if m.startswith("deichbruchstelle/")]) == 1


def test_per_token_memo_keeps_a_false_or_none_answer(parser):
    # an answer of False or None is an answer: asked again, the test does not run again
    from lagebild.extract import per_token

    asked: list[int] = []

    @per_token
    def verb_or_none(tok):
        asked.append(tok.i)
        return True if tok.pos_ == "VERB" else None if tok.is_punct else False

    doc = parser("Die Fluthelfer stapelten Sandsäcke.")
    first = [verb_or_none(t) for t in doc]
    assert [verb_or_none(t) for t in doc] == first and None in first and False in first
    assert asked == list(range(len(doc)))


def test_only_a_verb_reports_or_frames_reported_speech(parser):
    # quotations._verb_quotations asks its two verb tests only of a word the parse reads as a verb (by its part of
    # speech or its tag): neither test says yes of any other word
    from lagebild.extract.attribution import cues as C

    doc = parser("Der Richter sagte, der Angeklagte habe die Tat gestanden. Laut Gewerkschaft streiken morgen "
                 "3000 Beschäftigte, erklärte ein Sprecher. Nach Angaben der Feuerwehr sei der Damm gebrochen, "
                 "bestätigte der Bürgermeister am Abend.")
    others = [t for t in doc if not C.reads_as_verb(t)]
    assert others and not any(C.is_reporting_verb(t) or C.frames_reported_speech(t) for t in others)
    assert any(C.is_reporting_verb(t) for t in doc)          # and the verbs are still asked: 'sagte', 'erklärte'


def test_fast_hanta_memos_stay_bounded_and_answer_as_hanta_after_starting_again(monkeypatch):
    # a long build asks HanTa about hundreds of thousands of words: each memo holds no more words than the word
    # caches in front of it, and one that starts again answers as before
    import pytest

    ht = pytest.importorskip("HanTa.HanoverTagger")
    from lagebild.nlp import compounds, hanta

    assert hanta.MEMO_SIZE <= compounds._tags.cache_info().maxsize
    monkeypatch.setattr(hanta, "MEMO_SIZE", 3)
    slow, fast = ht.HanoverTagger("morphmodel_ger.pgz"), hanta.FastHanoverTagger("morphmodel_ger.pgz")
    words = ("Erdbeben", "Nachbeben", "Wahlurne", "Stimmzettel", "Hochwasser", "erdbeben", "Wahlurne", "Pegelstand")
    for word in words + words:
        assert fast.tag_word(word) == slow.tag_word(word), word
        assert fast.analyze(word, pos="NN", taglevel=3) == slow.analyze(word, pos="NN", taglevel=3), word
        assert len(fast._forward) <= 3 and len(fast._viterbi) <= 3
