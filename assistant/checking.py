"""Check one typed claim against documents: ask, validate, ground every quote, match claims.

Written as a generator of model requests (see runner.py) so ``Assistant.check`` and ``acheck``
share it. Documents that do not fit one request are checked in batches whose verdicts are then
combined by the rubric (:func:`assistant.rubric.resolve`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant import language, prompts, rubric
from assistant.chunking import chunk
from assistant.claims import Analysis, Document, Evidence, Source, Usage, VerdictStatus
from assistant.grounding import locate_in
from assistant.models.base import Message, ModelRequest
from assistant.outputs import SourceOutput, VerdictOutput
from assistant.runner import Steps
from assistant.structured import structured_grounded
from assistant.textsim import similarity

MATCHING_CLAIM = 0.5


@dataclass(frozen=True)
class Checked:
    """A verdict with grounded sources, before engine and usage are attached."""

    status: VerdictStatus
    reason: str
    sources: list[Source]

    @property
    def ungrounded(self) -> bool:
        return self.status != "not_addressed" and not any(s.evidence for s in self.sources)


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
    schema = json.dumps(VerdictOutput.model_json_schema(), separators=(",", ":"))
    system = prompts.render("check_system", schema=schema)
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
    inputs = {"claim": claim, "documents": list(documents)}
    return ModelRequest(
        "check", (Message("system", system), Message("user", user)), VerdictOutput, inputs
    )


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


def _missing(documents: Sequence[Document], output: VerdictOutput) -> list[str]:
    quotes = [q for s in output.sources for q in s.quotes]
    return [q for q in quotes if locate_in(documents, q) is None]


def grounded_sources(
    documents: Sequence[Document], out: SourceOutput, usage: Usage
) -> list[Source]:
    """The source once per document its quotes were found in; unfound quotes are dropped."""
    by_document: dict[str, list[Evidence]] = {}
    for quote in out.quotes:
        found = locate_in(documents, quote)
        if found is None:
            usage.dropped_quotes += 1
            continue
        evidence = by_document.setdefault(found.document_id, [])
        if found not in evidence:
            evidence.append(found)
    fields = out.model_dump(exclude={"quotes"})
    if not by_document:
        return [Source(**fields, evidence=[])]
    return [Source(**fields, evidence=e, document_id=d) for d, e in by_document.items()]


def batch_steps(
    claim: str, documents: Sequence[Document], batch: list[dict[str, Any]], usage: Usage
) -> Steps[Checked]:
    request = check_request(claim, batch)
    output = yield from structured_grounded(
        request, VerdictOutput, usage, lambda out: _missing(documents, out)
    )
    sources = [s for out in output.sources for s in grounded_sources(documents, out, usage)]
    return Checked(output.status, output.reason, sources)


def combine_checks(checks: Sequence[Checked]) -> Checked:
    """One verdict from several batches: not addressed only if no batch addressed the claim."""
    addressed = [c for c in checks if c.status != "not_addressed"]
    if len(addressed) <= 1:
        return addressed[0] if addressed else checks[0]
    sources = [s for c in addressed for s in c.sources]
    resolved, reason = rubric.resolve([s for s in sources if s.evidence] or sources)
    return Checked(resolved, reason, sources)


def check_steps(
    claim: str, documents: Sequence[Document], budget: int, usage: Usage
) -> Steps[Checked]:
    checks = []
    for batch in batches(documents, budget):
        checks.append((yield from batch_steps(claim, documents, batch, usage)))
    return combine_checks(checks)


def matching_claim_ids(claim: str, analysis: Analysis | None) -> list[str]:
    """Ids of the analysis's claims that say what the typed claim says, closest first."""
    if analysis is None:
        return []
    scored = [(similarity(claim, c.text), c.id) for c in analysis.claims]
    return [cid for score, cid in sorted(scored, key=lambda p: -p[0]) if score >= MATCHING_CLAIM]
