"""Who says so: the sources of statements and figures, whether the article hedges them, and its stance.

Split by job:

- `cues` - reporting verbs and nouns, attribution prepositions, Konjunktiv I, read from lemmas and
  morphology (word lists in ``lagebild/lang/de``);
- `speakers` - the speaker's noun phrase from the dependency parse (subject, preposition object);
- `quotations` - who says what in a parsed Doc (`quotations`, `speaker_at`), measured by
  ``benchmarks/attribution_eval.py`` on the German news quotation attribution corpus;
- `legacy` - the word rules the claims extractor used before the parse (hedging, stance, headings and
  source kinds still come from it); claims fall back to them where the parse names no one.
"""
from __future__ import annotations

from .legacy import (  # noqa: F401  (the claims and events extractors read these)
    DETERMINERS,
    FALLBACK_KIND,
    FUNCTION_WORDS,
    LIST_ITEM,
    Attribution,
    Cue,
    Tok,
    _adj_like,
    attribute,
    find_cues,
    tokenize,
)
from .quotations import Quotation, quotations, speaker_at  # noqa: F401
from .sources import source_at, survey_source  # noqa: F401
from .figures import STATS as FIGURE_STATS, attribute as attribute_figure, sources_by_unit  # noqa: F401
