"""What the party a claim concerns says about it on the record, read by the offline extractor.

The check reuses the extraction engine (extraction.py) on each document: among the claims it
extracts, those that restate the typed claim carry attributed sources. A source has standing
when it is named, on the record, and is the claim's own party: its name (or the body its role
speaks for, "a spokesperson for Halvard Foods") is named in the claim. Such a party's denial
makes the claim denied; its own affirmation makes it confirmed, and outranks its denial when it
did both (the rubric: a party that also confirms on the record has not denied it). Third
parties, anonymous sources and media reports decide nothing here: the cue-based stance
(stance.py) reads those documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from assistant.chunking import paragraphs
from assistant.offline.extraction import read_paragraphs
from assistant.offline.passages import DOCUMENTS_CACHED
from assistant.textsim import content_stems, similarity

# An extracted claim restates the typed claim from this lexical similarity (textsim.py).
RESTATES = 0.5
# Share of the speaker's name words that the claim must name for the speaker to be its party.
NAMED_SHARE = 0.5
STANDING_KINDS = frozenset({"named_official", "named_person", "organization"})
# Role words that say what a speaker is, not whom it speaks for.
ROLE_WORDS = content_stems(
    """spokesperson spokesman spokeswoman official officials representative minister secretary
    director chief executive head senior press officer statement company firm group department
    office agency ministry government"""
)
READING_OF_STANCE: dict[str, Literal["confirmed", "denied"]] = {
    "denies": "denied",
    "asserts": "confirmed",
    "confirms": "confirmed",
}


@dataclass(frozen=True)
class PartyStatement:
    """The claim's own party on the record: who, what they said, and how it reads."""

    name: str
    role: str | None
    kind: str
    reading: Literal["confirmed", "denied"]
    quote: str
    position: int


def party_statement(claim: str, text: str, outlet: str | None = None) -> PartyStatement | None:
    """The on-record statement on ``claim`` by the party it concerns, if ``text`` has one: its
    first affirmation, else its first denial."""
    statements = [
        s
        for extracted in _extracted(text, outlet)
        if similarity(extracted["text"], claim) >= RESTATES
        for s in _standing_statements(claim, text, extracted["sources"])
    ]
    return min(statements, key=lambda s: (s.reading != "confirmed", s.position), default=None)


@lru_cache(
    maxsize=DOCUMENTS_CACHED
)  # one extraction per document text, however many claims meet it
def _extracted(text: str, outlet: str | None) -> tuple[dict[str, Any], ...]:
    name = outlet.strip() if isinstance(outlet, str) else None  # as the analysis reads it
    return tuple(read_paragraphs(text, tuple(paragraphs(text)), name)["claims"])


def _standing_statements(
    claim: str, text: str, sources: list[dict[str, Any]]
) -> list[PartyStatement]:
    found = []
    for source in sources:
        reading = READING_OF_STANCE.get(source["stance"])
        if reading is None or not _has_standing(claim, source):
            continue
        for quote in source["quotes"]:
            position = text.find(quote)
            if position >= 0:
                found.append(
                    PartyStatement(
                        source["name"], source["role"], source["kind"], reading, quote, position
                    )
                )
    return found


def _has_standing(claim: str, source: dict[str, Any]) -> bool:
    if not source["on_record"] or source["kind"] not in STANDING_KINDS:
        return False
    named = content_stems(claim)
    name = content_stems(source["name"]) - ROLE_WORDS
    if name and len(name & named) / len(name) >= NAMED_SHARE:
        return True
    body = content_stems(source["role"] or "") - ROLE_WORDS
    return bool(body) and body <= named


@dataclass(frozen=True)
class Speaker:
    """Who the extractor says speaks in a sentence: a party other than the outlet's own voice."""

    name: str
    kind: str
    on_record: bool


def speaker_of(claim: str, text: str, sentence: str, outlet: str | None = None) -> Speaker | None:
    """The attributed speaker of ``sentence`` in a claim restating ``claim``, when one is named."""
    for extracted in _extracted(text, outlet):
        if similarity(extracted["text"], claim) < RESTATES:
            continue
        for source in extracted["sources"]:
            if source["kind"] != "outlet" and sentence in source["quotes"]:
                return Speaker(source["name"], source["kind"], source["on_record"])
    return None
