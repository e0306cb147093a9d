"""Analyse documents: split, ask the model for claims, ground every quote, merge.

Written once as generators of model requests (see runner.py) so the sync and async APIs share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from assistant import language, prompts, rubric
from assistant.attributions import ground_all, missing_contents, unique
from assistant.chunking import Chunk, chunk, halve
from assistant.claims import Attribution, Claim, Document, Evidence, Source, Usage
from assistant.errors import TruncatedOutputError
from assistant.evidence import NOT_FOUND, Finder, Verdicts, evidence_for, faults
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


def _finder(locator: Locator) -> Finder:
    def find(quote: str) -> tuple[Document, Evidence] | None:
        found = locator.locate(quote)
        return (locator.document, found) if found is not None else None

    return find


def _faults(
    locator: Locator, output: ExtractionOutput, verdicts: Verdicts
) -> list[tuple[str, str]]:
    find = _finder(locator)
    rejected = [
        f for c in output.claims for s in c.sources for f in faults(find, c.text, s, verdicts)
    ]
    return rejected + [(c, NOT_FOUND) for c in missing_contents(locator, output)]


def _source(
    locator: Locator, claim: str, out: SourceOutput, usage: Usage, verdicts: Verdicts
) -> Source:
    evidence = evidence_for(_finder(locator), claim, out, usage, verdicts)
    fields = out.model_dump(exclude={"quotes"})
    return Source(**fields, evidence=evidence, document_id=locator.document.id)


def _claim(locator: Locator, out: ClaimOutput, usage: Usage, verdicts: Verdicts) -> Claim:
    """The claim with its quotes grounded and its status decided by the rubric over the
    sources that kept evidence; the model's own status, when different, is kept as overruled.
    A claim with no evidence left is flagged ungrounded and can only be unverified."""
    sources = [_source(locator, out.text, s, usage, verdicts) for s in out.sources]
    status, reason = rubric.decide_grounded(sources)
    overruled = rubric.overrule(out.status, status, reason, sources)
    return Claim(
        id="",
        text=out.text,
        status=status,
        status_reason=out.status_reason if overruled is None else reason,
        overruled=overruled,
        sources=sources,
        ungrounded=not rubric.grounded(sources),
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
    locator, verdicts = Locator(document, part.start), Verdicts()
    try:
        output = yield from structured_grounded(
            request, ExtractionOutput, usage, lambda out: _faults(locator, out, verdicts)
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
    claims = [_claim(locator, c, usage, verdicts) for c in output.claims]
    return Reading(claims, ground_all(locator, output.attributions, usage))


def part_plans(document: Document, budget: int) -> list[Plan[Reading]]:
    """One plan per part of the document, independent of each other, so they can run at once."""
    parts = chunk(document.text, budget)
    return [
        partial(_part_plan, document, part, number, len(parts))
        for number, part in enumerate(parts, start=1)
    ]


def _part_plan(
    document: Document, part: Chunk, number: int, count: int, usage: Usage
) -> Steps[Reading]:
    return part_steps(document, part, number, count, usage)


def document_reading(per_part: Sequence[Reading]) -> Reading:
    """A document's reading from its parts' (restatements across parts merged)."""
    claims = [c for r in per_part for c in r.claims]
    return Reading(merge_claims(claims), unique([a for r in per_part for a in r.attributions]))
