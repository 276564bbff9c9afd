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
