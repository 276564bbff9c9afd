"""A change one sentence states between two of its figures (extract/changes.py), each rule on invented sentences."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(nlp):
    """The analysis pipeline of conftest, with its parser: the rules read the parse (skips where none is packaged)."""
    if "parser" not in nlp.pipe_names:
        pytest.skip("no trained pipeline packaged")
    return nlp


def _claims(nlp, text):
    doc = nlp.make_doc("Zahlen\n\n" + text)
    doc._.article_id, doc._.title_end = "a.txt", 6
    return nlp(doc)._.claims


@pytest.mark.parametrize("text,one_quantity", [
    # people counted at one moment (a relative clause says so: "gleichzeitig") are a capacity, one quantity at two
    # dates; visitors counted through a period are that period's flow
    ("Die Zahl der Besucher, die gleichzeitig in die Halle dürfen, sank im Vorjahr von 900 auf 600.", True),
    ("Die Zahl der Besucher, die die Halle besuchten, sank im Vorjahr von 9.000 auf 6.000.", False),
])
def test_people_counted_at_one_moment_are_no_flow(pipeline, text, one_quantity):
    claims = _claims(pipeline, text)
    assert len(claims) == 2, [(c.text, c.measure) for c in claims]
    assert (claims[0].changed_to is not None) == one_quantity, [(c.text, c.changed_to) for c in claims]


@pytest.mark.parametrize("text,counted", [
    ("In den beiden Lagern leben 120 oder 140 Familien.", "Familien"),
    ("Die Quote soll von 4,2 auf 3,9 Prozent sinken.", "Prozent"),
    ("Die Gemeinde rechnet mit 80 statt 60 Gästen.", "Gästen"),
])
def test_a_figure_shares_the_noun_of_the_figure_it_is_joined_to(pipeline, text, counted):
    # German says the noun once for two figures joined by one word of an alternative or a change's new value: the
    # parse hangs that word on the second figure (claims._gapped_noun, moved from a regular expression: same output)
    claims = _claims(pipeline, text)
    assert [c.counted for c in claims] == [counted, counted], [(c.text, c.counted) for c in claims]
