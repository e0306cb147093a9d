"""Check one typed claim against documents, built on their analysis.

The documents are analysed as ``analyze`` does (the caller caches the analysis). When analysed
claims say what the typed claim says (:func:`assistant.matching.deciding`), their sources decide
through the rubric, so a claim checked in its own words gets the status ``analyze`` gave it.
Only when none matches does the reader (the offline stance reader, or the model's check task)
contribute sources with quotes; they are grounded and the rubric decides over all of them,
however the documents were batched. Written as generators of model requests (see runner.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from assistant import language, matching, prompts, rubric
from assistant.chunking import chunk
from assistant.claims import (
    Analysis,
    Claim,
    Document,
    Evidence,
    Overrule,
    Source,
    Usage,
    VerdictStatus,
)
from assistant.evidence import Finder, Verdicts, evidence_for, faults
from assistant.grounding import locate
from assistant.merging import merge_sources
from assistant.models.base import Message, Messages, ModelRequest
from assistant.outputs import SourceOutput, VerdictOutput
from assistant.runner import Plan, Steps
from assistant.structured import structured_grounded


@dataclass(frozen=True)
class Checked:
    """A verdict with grounded sources, before engine and usage are attached."""

    status: VerdictStatus
    reason: str
    sources: list[Source]
    overruled: Overrule | None = None
    matching_claim_ids: tuple[str, ...] = ()

    @property
    def ungrounded(self) -> bool:
        return self.status != "not_addressed" and not rubric.grounded(self.sources)


@dataclass(frozen=True)
class Proposal:
    """What the reader said about the claim for one batch of documents, its quotes grounded."""

    status: VerdictStatus
    reason: str
    sources: list[Source]


def document_input(document: Document, text: str | None = None) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "text": document.text if text is None else text,
        "date": document.date.isoformat() if document.date else None,
        "outlet": document.outlet,
        "language": language.named(document.text),
    }


def check_request(claim: str, documents: Sequence[dict[str, Any]]) -> ModelRequest:
    """The ``check`` request: inputs {"claim", "documents": [{id, title, text, date, outlet}]}."""
    inputs = {"claim": claim, "documents": list(documents)}
    return ModelRequest("check", partial(_check_messages, claim, documents), VerdictOutput, inputs)


def _check_messages(claim: str, documents: Sequence[dict[str, Any]]) -> Messages:
    system = prompts.render("check_system")
    shown = [
        {
            **d,
            "title": _attribute(d["title"]),
            "outlet": _attribute(d["outlet"]),
            "language": d.get("language"),
        }
        for d in documents
    ]
    user = prompts.render("check_user", claim=claim, documents=shown)
    return (Message("system", system), Message("user", user))


def _attribute(value: str | None) -> str | None:
    return value.replace('"', "'") if value else value


def batches(documents: Sequence[Document], budget: int) -> list[list[dict[str, Any]]]:
    """Documents grouped to fit ``budget`` characters per request; a longer one is split."""
    groups: list[list[dict[str, Any]]] = [[]]
    used = 0
    for document in documents:
        for part in chunk(document.text, budget):
            text = document.text[part.start : part.end]
            if groups[-1] and used + len(text) > budget:
                groups.append([])
                used = 0
            groups[-1].append(document_input(document, text))
            used += len(text)
    return groups


def _finder(documents: Sequence[Document]) -> Finder:
    """Where a quote is, looked up once per quote: the re-ask check and the grounding of one
    answer look up the same quotes (``locate`` depends on the document and quote only)."""
    found: dict[str, tuple[Document, Evidence] | None] = {}

    def find(quote: str) -> tuple[Document, Evidence] | None:
        if quote not in found:
            found[quote] = _first(documents, quote)
        return found[quote]

    return find


def _first(documents: Sequence[Document], quote: str) -> tuple[Document, Evidence] | None:
    for document in documents:
        located = locate(document, quote)
        if located is not None:
            return document, located
    return None


def _faults(
    find: Finder, verdicts: Verdicts, claim: str, output: VerdictOutput
) -> list[tuple[str, str]]:
    return [f for s in output.sources for f in faults(find, claim, s, verdicts)]


def grounded_sources(
    find: Finder, verdicts: Verdicts, claim: str, out: SourceOutput, usage: Usage
) -> list[Source]:
    """The source once per document its evidence was found in; other quotes are dropped."""
    by_document: dict[str, list[Evidence]] = {}
    for found in evidence_for(find, claim, out, usage, verdicts):
        by_document.setdefault(found.document_id, []).append(found)
    fields = out.model_dump(exclude={"quotes"})
    if not by_document:
        return [Source(**fields, evidence=[])]
    return [Source(**fields, evidence=e, document_id=d) for d, e in by_document.items()]


def batch_steps(
    claim: str, documents: Sequence[Document], batch: list[dict[str, Any]], usage: Usage
) -> Steps[Proposal]:
    request = check_request(claim, batch)
    find, verdicts = _finder(documents), Verdicts()
    output = yield from structured_grounded(
        request, VerdictOutput, usage, lambda out: _faults(find, verdicts, claim, out)
    )
    grounded = (grounded_sources(find, verdicts, claim, out, usage) for out in output.sources)
    sources = [s for found in grounded for s in found]
    return Proposal(output.status, output.reason, sources)


def combine_proposals(proposals: Sequence[Proposal]) -> Checked:
    """One verdict from the reader's batches: not addressed only if no batch addressed the
    claim; otherwise the rubric over every batch's grounded sources, so how the documents were
    batched cannot change the status. Where the reader proposed one status and the rubric
    decides another, the verdict says so."""
    addressed = [p for p in proposals if p.status != "not_addressed"]
    if not addressed:
        return Checked("not_addressed", proposals[0].reason, [])
    sources = merge_sources([s for p in addressed for s in p.sources])
    status, reason = rubric.decide_grounded(sources)
    proposed = {p.status for p in addressed}
    if len(proposed) > 1:
        return Checked(status, reason, sources)
    own = addressed[0].reason if len(addressed) == 1 else reason
    overruled = rubric.overrule(addressed[0].status, status, reason, sources)
    return Checked(status, own if overruled is None else reason, sources, overruled)


def from_claims(claims: Sequence[Claim]) -> Checked:
    """The verdict the analysed claims give: one claim's own status, or the rubric over the
    sources of several."""
    if len(claims) == 1:
        claim = claims[0]
        return Checked(claim.status, claim.status_reason, claim.sources, claim.overruled)
    sources = merge_sources([s for c in claims for s in c.sources])
    status, reason = rubric.decide_grounded(sources)
    return Checked(status, reason, sources)


def check_plans(claim: str, documents: Sequence[Document], budget: int) -> list[Plan[Proposal]]:
    """One plan per batch of documents; they are independent, so they can run at once."""
    return [partial(batch_steps, claim, documents, b) for b in batches(documents, budget)]


def from_analysis(claim: str, analysis: Analysis) -> tuple[Checked | None, tuple[str, ...]]:
    """The ids of the analysed claims the typed claim is about, and their verdict when some
    say what it says; ``None`` leaves the verdict to the reader."""
    matches = matching.claims_about(claim, analysis.claims)
    deciding = matching.deciding(claim, matches)
    return (from_claims(deciding) if deciding else None), tuple(m.claim.id for m in matches)


def with_ids(checked: Checked, ids: tuple[str, ...]) -> Checked:
    return Checked(checked.status, checked.reason, checked.sources, checked.overruled, ids)
