"""Answer a chat question with the model: ask, verify every citation, re-ask once if any fails.

Written as a generator of model requests (see runner.py) so ``Session.ask`` and ``aask`` share it.
The request carries the claims of the analysis and as many article texts as fit the context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant import prompts
from assistant.chat.answers import Answer, Citation
from assistant.chat.citations import verify_all
from assistant.claims import Analysis, Usage
from assistant.models.base import Message, ModelRequest
from assistant.outputs import AnswerOutput
from assistant.runner import Steps
from assistant.structured import structured

HISTORY_TURNS = 3


def _documents_that_fit(analysis: Analysis, budget: int) -> list[dict[str, Any]]:
    """The article texts, in order, as long as they fit the model's context; claims always go."""
    chosen, used = [], 0
    for document in analysis.documents:
        used += len(document.text)
        if used > budget:
            break
        date = document.date.isoformat() if document.date else None
        chosen.append(
            {"id": document.id, "title": document.title, "text": document.text, "date": date}
        )
    return chosen


def _turn(answer: Answer) -> dict[str, Any]:
    """An earlier turn as the answer prompt shows it, with the claims it cited (for follow-ups)."""
    cited = [c.claim_id for c in answer.citations if c.claim_id]
    quotes = [c.quote for c in answer.citations]
    return {"question": answer.question, "answer": answer.text, "claims": cited, "quotes": quotes}


def answer_request(
    analysis: Analysis, question: str, earlier: Sequence[Answer], budget: int
) -> ModelRequest:
    documents = _documents_that_fit(analysis, budget)
    inputs: dict[str, Any] = {
        "question": question,
        "claims": [c.model_dump(mode="json") for c in analysis.claims],
        # for engines that answer by code (the offline rules); the prompt does not show them
        "attributions": [a.model_dump(mode="json") for a in analysis.attributions],
        "documents": documents,
        "omitted": len(analysis.documents) - len(documents),
        "history": [_turn(a) for a in earlier[-HISTORY_TURNS:]],
    }
    messages = (
        Message("system", prompts.render("answer_system")),
        Message("user", prompts.render("answer_user", **inputs)),
    )
    return ModelRequest("answer", messages, AnswerOutput, inputs)


def _answer(question: str, output: AnswerOutput, citations: list[Citation], **flags: Any) -> Answer:
    return Answer(question=question, text=output.text.strip(), citations=citations, **flags)


def answer_steps(
    analysis: Analysis, question: str, earlier: Sequence[Answer], usage: Usage, budget: int
) -> Steps[Answer]:
    """Ask, verify every citation, re-ask once if any fails, then flag what still fails."""
    request = answer_request(analysis, question, earlier, budget)
    output, asked, raw = yield from structured(request, AnswerOutput, usage)
    citations, problems = verify_all(analysis, output)
    if not problems:
        # a "the documents don't say" answer cites nothing: nothing was verified
        return _answer(question, output, citations, verified=bool(citations))
    usage.reasks += 1
    followup = asked.with_followup(raw, prompts.render("reask_citations", problems=problems))
    output, _, _ = yield from structured(followup, AnswerOutput, usage)
    citations, problems = verify_all(analysis, output)
    warning = None
    if problems:
        warning = "could not verify this answer against the documents: " + "; ".join(problems)
    return _answer(
        question,
        output,
        citations,
        verified=not problems and bool(citations),
        reasked=True,
        warning=warning,
    )
