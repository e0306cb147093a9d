"""Recognise what kind of question a journalist asked, by rules.

The offline engine answers from this reading of the question; the chat session also uses it to
send "is X confirmed?" questions to a claim check when one is available.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.claims import STATUSES, Status

IntentKind = Literal["denials", "anonymous", "check", "status", "sources", "party", "topic"]

_DENY = r"(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refute(?:s|d)?|rebut(?:s|ted)?)"
_AUX = r"(?:did|does|do|has|have|had)"
_STATUS_WORDS: dict[str, Status] = {
    "confirmed": "confirmed",
    "verified": "confirmed",
    "true": "confirmed",
    "correct": "confirmed",
    "accurate": "confirmed",
    "on the record": "confirmed",
    "denied": "denied",
    "unverified": "unverified",
    "unconfirmed": "unverified",
}
_CHECK = re.compile(
    r"^(?:is|are|was|were|has|have)\s+(?:it\s+true\s+that\s+)?(?P<topic>.+?)\s+"
    r"(?:been\s+)?(?:really\s+|actually\s+|officially\s+)?"
    r"(?:confirmed|true|verified|correct|accurate|denied|backed\s+up|corroborated)"
    r"(?:\s+(?:anywhere|at\s+all|by\s+.+|in\s+.+|or\s+not))?$"
)
_IS_IT_TRUE = re.compile(r"^(?:is|was)\s+it\s+true\s+that\s+(?P<topic>.+)$")
_DID_HAPPEN = re.compile(r"^did\s+(?P<topic>.+?)\s+(?:really\s+)?happen$")
_PARTY_DENIED = re.compile(rf"\b{_AUX}\s+(?P<party>.+?)\s+{_DENY}\b")
_DENIED_BY = re.compile(rf"\b{_DENY}\s+by\s+(?P<party>.+)$")
_WHO_DENIED = re.compile(rf"^who\s+{_DENY}\s+(?:that\s+)?(?P<topic>.+)$")
_ANONYMOUS = re.compile(r"\b(?:anonymous|unnamed|unidentified|unattributed|not\s+named)\b")
_SOURCES = re.compile(
    r"^(?:who\s+(?:are|were)\s+the\s+sources|what\s+(?:are\s+the\s+)?sources|who\s+is\s+quoted|"
    r"who\s+(?:spoke|speaks)|which\s+sources|list\s+(?:the\s+)?sources)"
)
_STATUS_LIST = re.compile(
    r"^(?:which|what)\s+(?:claims?\s+|things?\s+)?(?:are|is|were|was|have\s+been|has\s+been)\s+"
    r"(?P<status>confirmed|verified|denied|unverified|unconfirmed|on\s+the\s+record)\b"
)
_PARTY_SAID = re.compile(
    rf"^(?:what|which\s+claims?)\s+{_AUX}\s+(?P<party>.+?)\s+"
    r"(?:say|said|claim|claimed|confirm|confirmed|state|stated|assert|asserted)\b"
)


@dataclass(frozen=True)
class Intent:
    kind: IntentKind
    party: str | None = None
    topic: str | None = None
    status: Status | None = None


def _clean(question: str) -> str:
    text = question.strip().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[?.!]+$", "", text).strip()
    return re.sub(r"\s+", " ", text)


def _strip_tail(text: str) -> str:
    """'the written proposal confirmed anywhere' topic without 'anywhere', 'in the documents'."""
    return re.sub(r"\s+(?:anywhere|in\s+the\s+(?:documents?|articles?|reporting))$", "", text)


def read(question: str) -> Intent:
    """The kind of question and the party, topic or status it is about."""
    text = _clean(question)
    lower = text.casefold()
    for reader in (_denials, _anonymous, _sources, _status_list, _check, _party_said):
        intent = reader(text, lower)
        if intent is not None:
            return intent
    return Intent("topic", topic=text)


def _span(text: str, match: re.Match[str], group: str) -> str:
    return _strip_tail(text[match.start(group) : match.end(group)].strip())


def _denials(text: str, lower: str) -> Intent | None:
    if not re.search(rf"\b{_DENY}\b", lower):
        return None
    for pattern in (_PARTY_DENIED, _DENIED_BY):
        match = pattern.search(lower)
        if match:
            return Intent("denials", party=_span(text, match, "party"))
    match = _WHO_DENIED.search(lower)
    if match:
        return Intent("denials", topic=_span(text, match, "topic"))
    if _CHECK.match(lower):
        return None
    return Intent("denials")


def _anonymous(text: str, lower: str) -> Intent | None:
    return Intent("anonymous") if _ANONYMOUS.search(lower) else None


def _sources(text: str, lower: str) -> Intent | None:
    return Intent("sources") if _SOURCES.match(lower) else None


def _status_list(text: str, lower: str) -> Intent | None:
    match = _STATUS_LIST.match(lower)
    if not match:
        return None
    word = re.sub(r"\s+", " ", match.group("status"))
    return Intent("status", status=_STATUS_WORDS[word])


def _check(text: str, lower: str) -> Intent | None:
    for pattern in (_IS_IT_TRUE, _DID_HAPPEN, _CHECK):
        match = pattern.match(lower)
        if match:
            return Intent("check", topic=_span(text, match, "topic"))
    return None


def _party_said(text: str, lower: str) -> Intent | None:
    match = _PARTY_SAID.match(lower)
    return Intent("party", party=_span(text, match, "party")) if match else None


def check_topic(question: str) -> str | None:
    """X in "is X confirmed anywhere?" / "is X true?", else None."""
    intent = read(question)
    return intent.topic if intent.kind == "check" else None


__all__ = ["STATUSES", "Intent", "check_topic", "read"]
