"""A claim the journalist typed, as a chat answer: the full check's verdict (when there is one)
and the analysed claims that match it, every quote re-verified against the documents."""

from __future__ import annotations

from assistant.chat.answers import NOT_IN_DOCUMENTS, Answer, Citation
from assistant.chat.citations import problems_of, verify
from assistant.claims import Analysis, Evidence, Verdict
from assistant.outputs import AnswerOutput, CitationOutput


def _verdict_lines(verdict: Verdict) -> tuple[list[str], list[CitationOutput]]:
    if verdict.status == "not_addressed":
        lines = [f"{NOT_IN_DOCUMENTS} anything about this claim (checked): {verdict.reason}"]
    else:
        lines = [f"Checked against the documents: {verdict.status}. {verdict.reason}"]
    cited = []
    for source in verdict.sources:
        lines.append(f"  {source.name} [{source.kind}, {source.stance}]")
        cited += [CitationOutput(claim_id=None, quote=e.quote) for e in source.evidence[:1]]
    return lines, cited


def _owner(analysis: Analysis, evidence: Evidence | None) -> str | None:
    """The analysed claim whose evidence overlaps this span, if any."""
    if evidence is None:
        return None
    for claim in analysis.claims:
        for own in claim.evidence:
            same = own.document_id == evidence.document_id
            if same and own.start < evidence.end and evidence.start < own.end:
                return claim.id
    return None


def _verified_quotes(analysis: Analysis, cited: list[CitationOutput]) -> list[Citation]:
    """A verdict's quotes, located, each named after the analysed claim it belongs to."""
    citations = [verify(analysis, c) for c in cited]
    return [c.model_copy(update={"claim_id": _owner(analysis, c.evidence)}) for c in citations]


def _unique(citations: list[Citation]) -> list[Citation]:
    """Each (claim, quote) once, the first one kept."""
    unique: dict[tuple[str | None, str], Citation] = {}
    for citation in citations:
        unique.setdefault((citation.claim_id, citation.quote), citation)
    return list(unique.values())


def check_answer(
    analysis: Analysis,
    claim: str,
    matching: AnswerOutput,
    verdict: Verdict,
) -> Answer:
    """The verdict, then the analysed claims that match the typed claim (``matching``, the offline
    status report), with every quote verified against the documents."""
    lines, cited = _verdict_lines(verdict)
    if matching.citations:
        lines += ["Matching claims in the analysis:", matching.text]
    found = _verified_quotes(analysis, cited) + [verify(analysis, c) for c in matching.citations]
    citations = _unique(found)
    text = "\n".join(lines)
    problems = problems_of(citations, text, "the verdict cites no quote")
    return Answer(
        question=claim,
        text=text,
        citations=citations,
        verified=not problems and bool(citations),
        warning="could not verify: " + "; ".join(problems) if problems else None,
        kind="check",
        usage=verdict.usage,
    )
