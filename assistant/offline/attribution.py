"""Who speaks in an evidence sentence: the outlet itself, unnamed sources, or another report."""

from __future__ import annotations

import re

from assistant.claims import SourceKind
from assistant.offline.stance_lexicon import ANONYMOUS_MARKERS, MEDIA_MARKERS


def _has_any(lowered: str, markers: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(m)}\b", lowered) for m in markers)


def speaker_kind(sentence: str) -> SourceKind:
    """The kind of party behind a sentence, by its attribution markers."""
    lowered = sentence.lower()
    if _has_any(lowered, ANONYMOUS_MARKERS):
        return "anonymous"
    if _has_any(lowered, MEDIA_MARKERS):
        return "media_report"
    return "outlet"
