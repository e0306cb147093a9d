"""claimdesk: find check-worthy claims in news documents and tag them confirmed, denied or
unverified as the reporting supports them, with sourcing and verbatim evidence."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant._assistant import Assistant, UnreadLanguageWarning
    from assistant.chat.answers import Answer, Citation
    from assistant.chat.session import Session
    from assistant.claims import (
        Analysis,
        Attribution,
        Claim,
        Document,
        EngineInfo,
        Evidence,
        Source,
        TimelineEntry,
        Usage,
        Verdict,
    )
    from assistant.errors import ClaimdeskError

__version__ = "0.1.0"

# Where each public name lives; imported on first use, so `import assistant` (and every CLI
# command) loads only the modules it touches.
_HOMES = {
    "Assistant": "assistant._assistant",
    "UnreadLanguageWarning": "assistant._assistant",
    "Answer": "assistant.chat.answers",
    "Citation": "assistant.chat.answers",
    "ClaimdeskError": "assistant.errors",
    "Session": "assistant.chat.session",
    **dict.fromkeys(
        [
            "Analysis",
            "Attribution",
            "Claim",
            "Document",
            "EngineInfo",
            "Evidence",
            "Source",
            "TimelineEntry",
            "Usage",
            "Verdict",
        ],
        "assistant.claims",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "Analysis",
    "Answer",
    "Assistant",
    "Attribution",
    "Citation",
    "Claim",
    "ClaimdeskError",
    "Document",
    "EngineInfo",
    "Evidence",
    "Session",
    "Source",
    "TimelineEntry",
    "UnreadLanguageWarning",
    "Usage",
    "Verdict",
    "__version__",
]
