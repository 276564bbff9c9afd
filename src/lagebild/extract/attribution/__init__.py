"""Who says so: the sources of statements and figures, whether the article hedges them, and its stance.

Split by job:

- `cues` - reporting verbs and nouns, attribution prepositions, Konjunktiv I, read from lemmas and
  morphology (word lists in ``lagebild/lang/de``);
- `speakers` - the speaker's noun phrase from the dependency parse (subject, preposition object);
- `quotations` - who says what in a parsed Doc (`quotations`, `speaker_at`), measured by
  ``benchmarks/attribution_eval.py`` on the German news quotation attribution corpus;
- `sources` - a speaker phrase as a `model.Source` (its name from the parse), a poll's institute;
- `figures` - the source of each figure of a claim, read from the Doc: its sentence's quotation, the next
  sentence ("Das teilte X mit"), Konjunktiv I / ``demnach`` chains, list introductions, headline prefixes,
  relays (``unter Berufung auf``); `FIGURE_STATS` counts where the parse was wrong and a rule stood in;
- `result` - `Attribution` (sources, hedged, stance, cue spans);
- `legacy` - the word rules the claims extractor used before the parse: still the source of hedging and
  stance, the rule-only path of a pipeline without a parser (spaCy's blank tokenizer), and an explicit
  fallback where the parse names no one (counted as "fallback: word rules"); the events extractor's cues.
"""
from __future__ import annotations

from .figures import STATS as FIGURE_STATS  # noqa: F401  (the claims extractor reads these)
from .figures import attribute as attribute_figure  # noqa: F401
from .figures import (
    learned_source,  # noqa: F401
    sources_by_unit,  # noqa: F401
    word_cue_misread,  # noqa: F401
)
from .learned import LearnedDoc, doc_features, learned_quotations, model_features, trained_model  # noqa: F401
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
    unit_cues,
)
from .quotations import Quotation, quotations, speaker_at  # noqa: F401
from .sources import source_at, survey_source  # noqa: F401
