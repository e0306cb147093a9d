"""A chat session over analysed documents: questions in, grounded answers out.

The logic is written as generators of model requests (like analysis.py), driven by runner.run or
runner.arun, so ``Session.ask`` and ``Session.aask`` share it. Documents are analysed once per
session; with a history store, each document's claims are cached under its hash, the engine and
the prompt version, and every answer is logged.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, cast

from assistant import prompts
from assistant.analysis import combine, document_steps
from assistant.answers import Answer, Citation
from assistant.citations import verify, verify_all
from assistant.claims import Analysis, Claim, Document, Source, Usage
from assistant.errors import InputError
from assistant.history import History, engine_key
from assistant.models.base import Message, ModelRequest
from assistant.outputs import AnswerOutput, CitationOutput
from assistant.questions import check_topic
from assistant.runner import Steps, arun, run
from assistant.structured import structured

if TYPE_CHECKING:
    from assistant._assistant import Assistant

HISTORY_TURNS = 3

# The seam for the full claim check (branch `check`: Assistant.check(claim, documents) -> Verdict).
# While False, /check and the offline engine's "is X confirmed?" report the analysed claims that
# match X; set True once Assistant.check exists and its Verdict has status, reason and sources.
CHECK_WITH_ASSISTANT = False


class VerdictLike(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def sources(self) -> Sequence[Source]: ...


Checker = Callable[[str, list[Document]], VerdictLike]


def _documents_that_fit(analysis: Analysis, budget: int) -> list[dict[str, Any]]:
    """The article texts, in order, as long as they fit the model's context; claims always go."""
    chosen, used = [], 0
    for document in analysis.documents:
        used += len(document.text)
        if used > budget:
            break
        chosen.append({"id": document.id, "title": document.title, "text": document.text})
    return chosen


def answer_request(
    analysis: Analysis, question: str, earlier: Sequence[Answer], budget: int
) -> ModelRequest:
    documents = _documents_that_fit(analysis, budget)
    inputs: dict[str, Any] = {
        "question": question,
        "claims": [c.model_dump(mode="json") for c in analysis.claims],
        "documents": documents,
        "omitted": len(analysis.documents) - len(documents),
        "history": [{"question": a.question, "answer": a.text} for a in earlier[-HISTORY_TURNS:]],
    }
    schema = json.dumps(AnswerOutput.model_json_schema(), separators=(",", ":"))
    messages = (
        Message("system", prompts.render("answer_system", schema=schema)),
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
        return _answer(question, output, citations, verified=True)
    usage.reasks += 1
    followup = asked.with_followup(raw, prompts.render("reask_citations", problems=problems))
    output, _, _ = yield from structured(followup, AnswerOutput, usage)
    citations, problems = verify_all(analysis, output)
    warning = None
    if problems:
        warning = "could not verify this answer against the documents: " + "; ".join(problems)
    return _answer(
        question, output, citations, verified=not problems, reasked=True, warning=warning
    )


def verdict_answer(analysis: Analysis, claim: str, verdict: VerdictLike) -> Answer:
    """A check's verdict as a chat answer, with its evidence re-verified."""
    lines = [f"{verdict.status}: {verdict.reason}"]
    cited = []
    for source in verdict.sources:
        lines.append(f"  {source.name} [{source.kind}, {source.stance}]")
        cited += [CitationOutput(claim_id=None, quote=e.quote) for e in source.evidence[:1]]
    citations = [verify(analysis, c) for c in cited]
    ok = all(c.verified for c in citations)
    warning = None if ok else "some evidence of this verdict was not found in the documents"
    return Answer(
        question=claim,
        text="\n".join(lines),
        citations=citations,
        verified=ok,
        warning=warning,
        kind="check",
    )


def assistant_checker(assistant: Assistant) -> Checker | None:
    """``Assistant.check`` when the seam is switched on and the method exists."""
    method = getattr(assistant, "check", None)
    if CHECK_WITH_ASSISTANT and callable(method):
        return cast(Checker, method)
    return None


def _question(text: str) -> str:
    if not text.strip():
        raise InputError("the question is empty")
    return text.strip()


def _absorb(total: Usage, spent: Usage) -> None:
    """Add ``spent`` into ``total`` in place (several documents may share one total)."""
    for name in Usage.model_fields:
        setattr(total, name, getattr(total, name) + getattr(spent, name))


class Session:
    """Questions about a fixed set of documents, answered from their analysis with citations."""

    def __init__(
        self,
        assistant: Assistant,
        documents: Sequence[Document],
        *,
        history: History | None = None,
        analysis: Analysis | None = None,
        turns: Sequence[Answer] = (),
        session_id: int | None = None,
    ) -> None:
        self.assistant = assistant
        self.documents = list(documents)
        self.history = history
        self.turns = list(turns)
        self.session_id = session_id
        self.usage = Usage()
        self._analysis = analysis
        self._fresh = 0
        self.reused = analysis is not None

    # --- analysis ------------------------------------------------------------------------------

    def _document_claims(self, document: Document, usage: Usage) -> Steps[list[Claim]]:
        """One document's claims: from the cache when the history has them, else the model."""
        engine = engine_key(self.assistant.engine, self.assistant.model.context_chars)
        cached = self.history.cached_claims(document, engine) if self.history else None
        if cached is not None:
            return cached
        spent = Usage()
        claims = yield from document_steps(document, self.assistant.model.context_chars, spent)
        _absorb(usage, spent)
        self._fresh += 1
        if self.history:
            self.history.store_claims(document, engine, claims, spent)
        return claims

    def _analysed(self, claims: list[Claim], usage: Usage) -> Analysis:
        self.usage = self.usage.add(usage)
        self.reused = self._fresh == 0
        self._analysis = Analysis(
            documents=self.documents, claims=claims, engine=self.assistant.engine, usage=usage
        )
        self._save_analysis()
        return self._analysis

    @property
    def analysis(self) -> Analysis:
        """The documents' claims, analysed on first use (or taken from the cache)."""
        if self._analysis is None:
            usage, model = Usage(), self.assistant.model
            per_document = [
                run(self._document_claims(d, usage), model, usage) for d in self.documents
            ]
            return self._analysed(combine(per_document), usage)
        return self._analysis

    async def aanalysis(self) -> Analysis:
        if self._analysis is None:
            usage, model = Usage(), self.assistant.model
            per_document = await asyncio.gather(
                *(arun(self._document_claims(d, usage), model, usage) for d in self.documents)
            )
            return self._analysed(combine(per_document), usage)
        return self._analysis

    def add(self, document: Document) -> Analysis:
        """Add a document; only it is analysed, and earlier claims keep their ids."""
        earlier = self.analysis
        if document.id in {d.id for d in self.documents}:
            return earlier
        usage = Usage()
        claims = run(self._document_claims(document, usage), self.assistant.model, usage)
        self.documents.append(document)
        if self.history and self.session_id is not None:
            self.history.add_document(self.session_id, document)
        return self._analysed(combine([earlier.claims, claims]), earlier.usage.add(usage))

    # --- questions -----------------------------------------------------------------------------

    def _answer_steps(self, analysis: Analysis, question: str, usage: Usage) -> Steps[Answer]:
        budget = self.assistant.model.context_chars
        return answer_steps(analysis, question, self.turns, usage, budget)

    def _route_to_check(self, question: str) -> str | None:
        checker = assistant_checker(self.assistant)
        if checker is None or self.assistant.model.engine_name != "offline":
            return None
        return check_topic(question)

    def ask(self, question: str) -> Answer:
        """A plain-language answer citing the claims and verbatim quotes behind it."""
        question = _question(question)
        topic = self._route_to_check(question)
        if topic is not None:
            return self.check(topic)
        analysis, usage = self.analysis, Usage()
        answer = run(self._answer_steps(analysis, question, usage), self.assistant.model, usage)
        return self._record(answer, usage)

    async def aask(self, question: str) -> Answer:
        question = _question(question)
        topic = self._route_to_check(question)
        if topic is not None:
            return self.check(topic)
        analysis, usage = await self.aanalysis(), Usage()
        steps = self._answer_steps(analysis, question, usage)
        answer = await arun(steps, self.assistant.model, usage)
        return self._record(answer, usage)

    def check(self, claim: str) -> Answer:
        """How the documents stand on a claim the journalist typed."""
        claim = _question(claim)
        analysis = self.analysis
        checker = assistant_checker(self.assistant)
        if checker is not None:
            answer = verdict_answer(analysis, claim, checker(claim, self.documents))
        else:
            from assistant.offline.answering import status_report

            output = AnswerOutput.model_validate(status_report(claim, analysis.claims))
            citations, problems = verify_all(analysis, output)
            answer = _answer(claim, output, citations, verified=not problems, kind="check")
        return self._record(answer, Usage())

    def _record(self, answer: Answer, usage: Usage) -> Answer:
        answer = answer.model_copy(update={"usage": usage})
        self.turns.append(answer)
        self.usage = self.usage.add(usage)
        self._ensure_stored()
        if self.history and self.session_id is not None:
            self.history.record_turn(self.session_id, answer, self.assistant.choice.spec)
        return answer

    # --- storage -------------------------------------------------------------------------------

    def _ensure_stored(self) -> None:
        """Create this session in the history the first time there is something to keep."""
        if self.history is not None and self.session_id is None:
            self.session_id = self.history.start_session(self.assistant.choice.spec, self.documents)
            if self._analysis is not None:
                self.history.save_analysis(self.session_id, self._analysis)

    def _save_analysis(self) -> None:
        if self.history is None or self._analysis is None:
            return
        if self.session_id is None:
            self._ensure_stored()
        else:
            self.history.save_analysis(self.session_id, self._analysis)

    def new(self) -> Session:
        """A fresh conversation about the same documents (a new session in the history)."""
        return Session(self.assistant, self.documents, history=self.history, analysis=self.analysis)
