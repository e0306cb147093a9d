"""Check an answer's citations by code: the claim must exist, the quote must be in a document."""

from __future__ import annotations

from assistant.chat.answers import Citation, says_not_covered
from assistant.claims import Analysis, Claim, Evidence
from assistant.grounding import locate_in
from assistant.outputs import AnswerOutput, CitationOutput


def _claim(analysis: Analysis, claim_id: str) -> Claim | None:
    return next((c for c in analysis.claims if c.id == claim_id), None)


def _find_quote(analysis: Analysis, quote: str, claim: Claim | None) -> Evidence | None:
    preferred = {e.document_id for e in claim.evidence} if claim else set()
    return locate_in(sorted(analysis.documents, key=lambda d: d.id not in preferred), quote)


def verify(analysis: Analysis, cited: CitationOutput) -> Citation:
    claim = _claim(analysis, cited.claim_id) if cited.claim_id else None
    evidence = _find_quote(analysis, cited.quote, claim)
    problem = None
    if cited.claim_id and claim is None:
        problem = f"claim {cited.claim_id!r} does not exist"
    elif evidence is None:
        problem = f"quote not found in the documents: {cited.quote!r}"
    return Citation(
        claim_id=cited.claim_id,
        quote=evidence.quote if evidence else cited.quote,
        evidence=evidence,
        verified=problem is None,
        problem=problem,
    )


def verify_all(analysis: Analysis, output: AnswerOutput) -> tuple[list[Citation], list[str]]:
    """The checked citations and every problem found, including an answer that cites nothing."""
    citations = [verify(analysis, c) for c in output.citations]
    return citations, problems_of(citations, output.text, "the answer cites no claim and quote")


def problems_of(citations: list[Citation], text: str, uncited: str) -> list[str]:
    """Every citation's problem, and ``uncited`` when ``text`` cites nothing yet does not say
    the documents do not cover the question."""
    problems = [c.problem for c in citations if c.problem]
    if not citations and not says_not_covered(text):
        problems.append(uncited)
    return problems
