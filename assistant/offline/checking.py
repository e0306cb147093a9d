"""Offline check task: is a claim the user typed supported by the documents they supplied?

For each document: measure how much of it speaks to the claim (relevance.py); if it does, read
its stance from the cues around its relevant passages (stance.py) and report it as a source with
the sentence that shows the stance as a verbatim quote. Documents that do not speak to the claim
are left out; if none does, the claim is ``not_addressed``.

Before the cues, the document is read the way ``analyze`` reads it (party_check.py): the party
the claim is about, denying or affirming it on the record, becomes a source with standing.

The reader proposes sources, not a status of its own: each carries kind, stance, on_record and
standing as read, and the status is the rubric's over them (assistant/rubric.py), the same
precedence every other path uses. A document that only reports the claim (hedged or attributed)
is a ``media_report`` source; one that states or debunks it in its own voice is the ``outlet``
with standing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant import rubric
from assistant.claims import Source, Stance
from assistant.errors import InputError
from assistant.evidence import MIN_WORDS
from assistant.offline.party_check import PartyStatement, Speaker, party_statement, speaker_of
from assistant.offline.passages import Sentence, index_text
from assistant.offline.relevance import measure
from assistant.offline.speaker_markers import anonymous_name, speaker_kind
from assistant.offline.stance import PROSE, Reading, StanceReading, claim_cues, read_stance
from assistant.offline.stance_lexicon import NOT_CONFIRMED_PHRASES

MAX_QUOTE_CHARS = 400
STANCE_OF_READING: dict[Reading, Stance] = {
    "confirmed": "confirms",
    "denied": "denies",
    "unverified": "asserts",
}


@dataclass(frozen=True)
class DocumentReading:
    """One related document, what it is called and how it reads on the claim."""

    name: str
    text: str
    stance: StanceReading
    party: PartyStatement | None = None  # the claim's own party on the record, when it spoke
    speaker: Speaker | None = None  # who the extractor says speaks in the evidence sentence

    @property
    def reading(self) -> Reading:
        return self.party.reading if self.party else self.stance.reading


def check(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """A ``VerdictOutput``-shaped answer for ``{"claim": str, "documents": [...]}``."""
    claim, documents = _validated(inputs)
    readings = [r for r in (_read(claim, i, d) for i, d in enumerate(documents)) if r]
    if not readings:
        return {
            "status": "not_addressed",
            "reason": f"None of the {len(documents)} document(s) speaks to this claim.",
            "sources": [],
        }
    sources = [_source(r) for r in readings]
    status, reason = rubric.decide([_as_source(s) for s in sources])
    where = ", ".join(dict.fromkeys(r.name for r in readings))
    return {"status": status, "reason": f"{reason[:-1]}, as read in {where}.", "sources": sources}


def _as_source(source: Mapping[str, Any]) -> Source:
    return Source.model_validate({k: v for k, v in source.items() if k != "quotes"})


def _validated(inputs: Mapping[str, Any]) -> tuple[str, list[Mapping[str, Any]]]:
    claim = inputs.get("claim")
    if not isinstance(claim, str) or not claim.strip():
        raise InputError("the check needs a non-empty claim")
    documents = inputs.get("documents")
    if not isinstance(documents, Sequence) or not documents:
        raise InputError("the check needs at least one document")
    for document in documents:
        if not isinstance(document, Mapping) or not isinstance(document.get("text"), str):
            raise InputError("every document to check against needs a text")
    return claim, list(documents)


def _read(claim: str, position: int, document: Mapping[str, Any]) -> DocumentReading | None:
    text: str = document["text"]
    relevance = measure(claim, text)
    if not relevance.related:
        return None
    name = str(
        document.get("outlet")
        or document.get("title")
        or document.get("id")
        or f"document {position + 1}"
    )
    outlet = document.get("outlet") if isinstance(document.get("outlet"), str) else None
    party = None if claim_cues(claim).refutes else party_statement(claim, text, outlet)
    stance = read_stance(claim, relevance)
    speaker = None
    if party is None and stance.reading == "unverified" and stance.evidence is not None:
        evidence = text[stance.evidence.start : stance.evidence.end]
        speaker = speaker_of(claim, text, evidence, outlet)
    return DocumentReading(name, text, stance, party, speaker)


def _quote(text: str, reading: StanceReading) -> list[str]:
    """The evidence sentence verbatim, cut at a word boundary when it runs very long. A
    headline is quoted whole: its sentences alone ("Giant Crab", "Dead? Probably not")
    may not show the stance read from all of it."""
    sentence = reading.evidence
    if sentence is None:
        return []
    whole = text.strip()
    if len(whole) <= MAX_QUOTE_CHARS and not PROSE.search(whole):
        return [whole]
    start, end = _meaningful(text, sentence)
    if end - start <= MAX_QUOTE_CHARS:
        return [text[start:end]]
    if start < sentence.start:  # widened backwards: keep the verdict, cut the statement
        cut = text.find(" ", end - MAX_QUOTE_CHARS, sentence.start)
        return [text[cut + 1 if cut >= 0 else sentence.start : end]]
    cut = text.rfind(" ", start, start + MAX_QUOTE_CHARS)
    return [text[start : cut if cut > start else start + MAX_QUOTE_CHARS]]


def _meaningful(text: str, sentence: Sentence) -> tuple[int, int]:
    """The evidence sentence's span; a verdict of a word or two ("FALSE" under "Claim: ...")
    shows nothing alone (evidence.py would reject it), so it is quoted with the sentence it
    rules on: the one before it, else the one after."""
    if len(sentence.words) >= MIN_WORDS:
        return sentence.start, sentence.end
    sentences = index_text(text).sentences
    at = sentences.index(sentence) if sentence in sentences else -1
    if at > 0:
        return sentences[at - 1].start, sentence.end
    if 0 <= at < len(sentences) - 1:
        return sentence.start, sentences[at + 1].end
    return sentence.start, sentence.end


def _source(reading: DocumentReading) -> dict[str, Any]:
    if reading.party is not None:
        return _party_source(reading.party)
    if reading.speaker is not None and reading.speaker.kind in REPORTING_KINDS:
        return _speaker_source(reading, reading.speaker)
    quotes = _quote(reading.text, reading.stance)
    kind = speaker_kind(quotes[0]) if quotes else "outlet"
    rules = reading.stance.reading != "unverified"
    if kind == "media_report" and rules:
        kind = "outlet"  # the document's own voice confirms or debunks what others reported
    if kind == "outlet" and not rules:
        kind = "media_report"  # the document only reports it, hedged or attributed
    stance = STANCE_OF_READING[reading.stance.reading]
    if not rules and any(phrase in q.lower() for q in quotes for phrase in NOT_CONFIRMED_PHRASES):
        stance = "not_confirmed"
    unnamed = anonymous_name(quotes[0]) if kind == "anonymous" and quotes else None
    return {
        "name": unnamed or reading.name,
        "role": f"cited by {reading.name}" if unnamed else None,
        "kind": kind,
        "stance": stance,
        "on_record": kind != "anonymous",
        "standing": rules,
        "quotes": quotes,
    }


def _party_source(party: PartyStatement) -> dict[str, Any]:
    return {
        "name": party.name,
        "role": party.role,
        "kind": party.kind,
        "stance": STANCE_OF_READING[party.reading],
        "on_record": True,
        "standing": True,
        "quotes": [party.quote],
    }


# Speakers that only report a claim: the source is named as the extractor reads them.
REPORTING_KINDS = frozenset({"anonymous", "media_report"})


def _speaker_source(reading: DocumentReading, speaker: Speaker) -> dict[str, Any]:
    quotes = _quote(reading.text, reading.stance)
    not_confirmed = any(phrase in q.lower() for q in quotes for phrase in NOT_CONFIRMED_PHRASES)
    return {
        "name": speaker.name,
        "role": f"cited by {reading.name}",
        "kind": speaker.kind,
        "stance": "not_confirmed" if not_confirmed else "asserts",
        "on_record": speaker.on_record,
        "standing": False,
        "quotes": quotes,
    }
