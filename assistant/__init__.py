"""claimdesk: find check-worthy claims in news documents and tag them confirmed, denied or
unverified as the reporting supports them, with sourcing and verbatim evidence."""

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
