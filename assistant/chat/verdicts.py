"""A claim the journalist typed, as a chat answer: ``Assistant.check``'s verdict and the analysed
claims that match it (the one matcher's), every quote re-verified against the documents."""

from __future__ import annotations

from assistant.chat.answers import NOT_IN_DOCUMENTS, Answer, Citation
from assistant.chat.citations import problems_of, verify
from assistant.claims import Analysis, Claim, Evidence, Verdict
from assistant.matching import source_label
from assistant.outputs import CitationOutput

MATCHES_SHOWN = 3


def _verdict_lines(verdict: Verdict) -> tuple[list[str], list[CitationOutput]]:
    if verdict.status == "not_addressed":
        lines = [f"{NOT_IN_DOCUMENTS} anything about this claim (checked): {verdict.reason}"]
    else:
        lines = [f"Checked against the documents: {verdict.status}. {verdict.reason}"]
    if verdict.overruled is not None:
        proposed = verdict.overruled.proposed_status
        lines.append(f"  (the reader said {proposed}; overruled: {verdict.overruled.reason})")
    cited = []
    for source in verdict.sources:
        lines.append(f"  {source.name} [{source.kind}, {source.stance}]")
        cited += [CitationOutput(claim_id=None, quote=e.quote) for e in source.evidence[:1]]
    return lines, cited


def _claim_lines(claim: Claim) -> tuple[list[str], list[CitationOutput]]:
    lines = [f"{claim.id} is {claim.status}: {claim.text}", f"  {claim.status_reason}"]
    if claim.sources:
        who = "; ".join(f"{source_label(s)} [{s.kind}, {s.stance}]" for s in claim.sources)
        lines.append(f"  sources: {who}")
    cited = [
        CitationOutput(claim_id=claim.id, quote=e.quote)
        for s in claim.sources
        for e in s.evidence[:1]
    ]
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


def check_answer(analysis: Analysis, claim: str, verdict: Verdict) -> Answer:
    """The verdict, then the analysed claims it names as matching (closest first), with every
    quote verified against the documents."""
    lines, cited = _verdict_lines(verdict)
    by_id = {c.id: c for c in analysis.claims}
    matched = [by_id[i] for i in verdict.matching_claim_ids if i in by_id][:MATCHES_SHOWN]
    own: list[CitationOutput] = []
    if matched:
        lines.append("Matching claims in the analysis:")
        for match in matched:
            more, quotes = _claim_lines(match)
            lines += more
            own += quotes
    found = _verified_quotes(analysis, cited) + [verify(analysis, c) for c in own]
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
