"""Claims under construction in the offline engine, before they become ``ExtractionOutput``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.claims import Stance
from assistant.offline.sourcing import Party


@dataclass
class DraftSource:
    party: Party
    stance: Stance
    quote: str


@dataclass
class DraftClaim:
    """A claim being built: its text, who speaks to it, whether it rests on others' reports,
    and the number of the sentence that introduced it (for "recent" back-references)."""

    text: str
    sentence: int = 0
    sources: list[DraftSource] = field(default_factory=list)
    reported: bool = False

    def add(self, parties: Sequence[Party], stance: Stance, quote: str) -> None:
        for party in parties:
            self.sources.append(DraftSource(party, stance, quote))
        if any(p.kind in {"media_report", "anonymous"} for p in parties):
            self.reported = True
