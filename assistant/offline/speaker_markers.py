"""Sentence-level speaker markers for the offline check task (checking.py).

The check task reads a whole sentence's stance towards a typed claim; it needs only a rough
idea of who speaks in that sentence: anonymous sources, another outlet's report, or the
outlet itself. The extraction engine's per-attribution parsing lives in attribution.py.
"""

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


_ANONYMOUS_NAME = re.compile(
    r"\b(?:(?:a|an|the|two|three|four|five|several|many|some)\s)?"
    r"(?:(?!(?:to|of|according|by|from|with|said|says|say|and|but|that)\b)[A-Za-z-]+\s){0,2}"
    r"(?:sources?|insiders?|officials? who asked not to be named)\b"
    r"(?:\s(?:familiar with|close to|with knowledge of)\s[^,.;]{1,40})?",
    re.IGNORECASE,
)


def anonymous_name(sentence: str) -> str | None:
    """The unnamed speakers as the sentence words them ("two sources familiar with the matter")."""
    match = _ANONYMOUS_NAME.search(sentence)
    return match.group(0) if match else None
