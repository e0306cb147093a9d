"""Analyse documents: split, ask the model for claims, ground every quote, merge.

Written once as generators of model requests (see runner.py) so the sync and async APIs share it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from assistant import language, prompts
from assistant.attributions import ground_all, missing_contents, unique
from assistant.chunking import Chunk, chunk, halve
from assistant.claims import Attribution, Claim, Document, Source, Usage
from assistant.errors import TruncatedOutputError
from assistant.grounding import Locator
from assistant.merging import merge_claims
from assistant.models.base import Message, ModelRequest
from assistant.outputs import ClaimOutput, ExtractionOutput, SourceOutput
from assistant.runner import Steps
from assistant.structured import structured_grounded

MAX_SPLIT_DEPTH = 2  # a part cut off at the token limit is re-asked as up to 4 smaller parts


@cache
def output_schema(output_type: type[ExtractionOutput]) -> str:
    return json.dumps(output_type.model_json_schema(), separators=(",", ":"))


@cache
def _system_prompt() -> str:
    """The extract system prompt: the same for every document (templates load once)."""
    return prompts.render("extract_system", schema=output_schema(ExtractionOutput))


def extraction_request(document: Document, part: Chunk, number: int, count: int) -> ModelRequest:
    texts = [document.text[p.start : p.end] for p in part.paragraphs]
    inputs = {
        "document_id": document.id,
        "title": document.title,
        "paragraphs": texts,
        "part_number": number,
        "part_count": count,
        "language": language.named(document.text),
    }
    system = _system_prompt()
    user = prompts.render("extract_user", **inputs)
    messages = (Message("system", system), Message("user", user))
    return ModelRequest(
        "extract",
        messages,
        ExtractionOutput,
        {
            **inputs,
            "offset": part.start,
            "spans": [(p.start, p.end) for p in part.paragraphs],
            "text": document.text,
            "outlet": document.outlet,
        },
    )


def _quotes(output: ExtractionOutput) -> list[str]:
    return [q for c in output.claims for s in c.sources for q in s.quotes]


def _missing(locator: Locator, output: ExtractionOutput) -> list[str]:
    missing = [q for q in _quotes(output) if locator.locate(q) is None]
    return missing + missing_contents(locator, output)


def _source(locator: Locator, out: SourceOutput, usage: Usage) -> Source:
    evidence = []
    for quote in out.quotes:
        found = locator.locate(quote)
        if found is None:
            usage.dropped_quotes += 1
        elif found not in evidence:
            evidence.append(found)
    return Source(
        name=out.name,
        role=out.role,
        kind=out.kind,
        stance=out.stance,
        on_record=out.on_record,
        evidence=evidence,
        document_id=locator.document.id,
    )


def _claim(locator: Locator, out: ClaimOutput, usage: Usage) -> Claim:
    """The claim with its quotes located; one with no locatable quote is never shown as sourced:
    it is flagged ungrounded and held at unverified, keeping the model's own verdict in the reason.
    """
    sources = [_source(locator, s, usage) for s in out.sources]
    grounded = any(s.evidence for s in sources)
    status, reason = out.status, out.status_reason
    if not grounded:
        status = "unverified"
        reason = (
            f"Ungrounded: no quote was found in the text (the model said {out.status}: {reason})"
        )
    return Claim(
        id="",
        text=out.text,
        status=status,
        status_reason=reason,
        sources=sources,
        ungrounded=not grounded,
    )


@dataclass
class Reading:
    """What the model read in one document: its claims and every attribution."""

    claims: list[Claim] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)


def part_steps(
    document: Document, part: Chunk, number: int, count: int, usage: Usage, depth: int = 0
) -> Steps[Reading]:
    """The claims and attributions of one part; a part whose answer ran out of tokens is asked
    again as two halves, at most MAX_SPLIT_DEPTH times over, before the truncation is an error."""
    request = extraction_request(document, part, number, count)
    locator = Locator(document, part.start)
    try:
        output = yield from structured_grounded(
            request, ExtractionOutput, usage, lambda out: _missing(locator, out)
        )
    except TruncatedOutputError:
        halves = halve(document.text, part) if depth < MAX_SPLIT_DEPTH else None
        if halves is None:
            raise
        usage.reasks += 1
        reading = Reading()
        for half in halves:
            found = yield from part_steps(document, half, number, count, usage, depth + 1)
            reading.claims += found.claims
            reading.attributions += found.attributions
        return reading
    claims = [_claim(locator, c, usage) for c in output.claims]
    return Reading(claims, ground_all(locator, output.attributions, usage))


def reading_steps(document: Document, budget: int, usage: Usage) -> Steps[Reading]:
    """One document's claims (restatements merged) and attributions, part by part."""
    parts = chunk(document.text, budget)
    reading = Reading()
    for number, part in enumerate(parts, start=1):
        found = yield from part_steps(document, part, number, len(parts), usage)
        reading.claims += found.claims
        reading.attributions += found.attributions
    return Reading(merge_claims(reading.claims), unique(reading.attributions))


def document_steps(document: Document, budget: int, usage: Usage) -> Steps[list[Claim]]:
    """One document's claims (see :func:`reading_steps`)."""
    reading = yield from reading_steps(document, budget, usage)
    return reading.claims
