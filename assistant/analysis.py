"""Analyse documents: split, ask the model for claims, ground every quote, merge.

Written once as generators of model requests (see runner.py) so the sync and async APIs share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from assistant import language, prompts
from assistant.chunking import Chunk, chunk, halve
from assistant.claims import Claim, Document, Source, Usage
from assistant.errors import TruncatedOutputError
from assistant.grounding import Locator
from assistant.merging import merge_claims
from assistant.models.base import Message, Messages, ModelRequest
from assistant.outputs import ClaimOutput, ExtractionOutput, SourceOutput
from assistant.runner import Plan, Steps
from assistant.structured import structured_grounded

MAX_SPLIT_DEPTH = 2  # a part cut off at the token limit is re-asked as up to 4 smaller parts


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
    return ModelRequest(
        "extract",
        partial(_extraction_messages, inputs),
        ExtractionOutput,
        {
            **inputs,
            "offset": part.start,
            "spans": [(p.start, p.end) for p in part.paragraphs],
            "text": document.text,
            "outlet": document.outlet,
        },
    )


def _extraction_messages(inputs: dict[str, Any]) -> Messages:
    system = prompts.render("extract_system")
    return (Message("system", system), Message("user", prompts.render("extract_user", **inputs)))


def _quotes(output: ExtractionOutput) -> list[str]:
    return [q for c in output.claims for s in c.sources for q in s.quotes]


def _missing(locator: Locator, output: ExtractionOutput) -> list[str]:
    return [q for q in _quotes(output) if locator.locate(q) is None]


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


def part_steps(
    document: Document, part: Chunk, number: int, count: int, usage: Usage, depth: int = 0
) -> Steps[list[Claim]]:
    """The claims of one part; a part whose answer ran out of tokens is asked again as two
    halves, at most MAX_SPLIT_DEPTH times over, before the truncation is an error."""
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
        claims: list[Claim] = []
        for half in halves:
            claims += yield from part_steps(document, half, number, count, usage, depth + 1)
        return claims
    return [_claim(locator, c, usage) for c in output.claims]


def part_plans(document: Document, budget: int) -> list[Plan[list[Claim]]]:
    """One plan per part of the document, independent of each other, so they can run at once."""
    parts = chunk(document.text, budget)
    return [
        partial(_part_plan, document, part, number, len(parts))
        for number, part in enumerate(parts, start=1)
    ]


def _part_plan(
    document: Document, part: Chunk, number: int, count: int, usage: Usage
) -> Steps[list[Claim]]:
    return part_steps(document, part, number, count, usage)


def document_claims(per_part: Sequence[list[Claim]]) -> list[Claim]:
    """A document's claims from its parts' claims (restatements across parts merged)."""
    return merge_claims([c for claims in per_part for c in claims])


def document_steps(document: Document, budget: int, usage: Usage) -> Steps[list[Claim]]:
    """The parts one after another (for drivers that run one sequence, such as chat)."""
    per_part = []
    for plan in part_plans(document, budget):
        per_part.append((yield from plan(usage)))
    return document_claims(per_part)
