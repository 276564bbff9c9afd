"""What attribution tells about a statement or figure: its sources, hedging, stance and cue spans."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Source


@dataclass
class Attribution:
    sources: list[Source] = field(default_factory=list)
    hedged: bool = False
    stance: str = "asserted"
    spans: list[tuple[int, int]] = field(default_factory=list)   # cue and speaker spans, masked by callers
    sentence_hedged: bool = False        # by what speaks for the whole sentence (a report as basis, unverified)
    planned: bool = False                # the figure's clause makes it a plan or an expectation (extract/modality.py)
    stated: bool = False                 # the figure stands in a speaker's own phrase: the article states it, on no
                                         # one's word - no fallback may name a source (figures.in_speaker_phrase)

    @property
    def source(self) -> str | None:
        return self.sources[0].name if self.sources else None
