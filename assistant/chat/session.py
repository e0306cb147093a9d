"""A chat session over analysed documents: questions in, grounded answers out.

The logic is written as generators of model requests (like analysis.py), driven by runner.run or
runner.arun, so ``Session.ask`` and ``Session.aask`` share it. Documents are read through the
assistant (which remembers each document's reading: claims and attributions); with a history
store, each reading is also kept on disk under the document's hash, the engine and the prompt
version, and every answer is logged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from assistant.analysis import Reading
from assistant.chat.answering import answer_steps
from assistant.chat.answers import Answer
from assistant.chat.history import History, engine_key
from assistant.chat.questions import check_topic
from assistant.chat.said import said_answer, said_question
from assistant.chat.streaming import Restart, answer_sinks
from assistant.chat.verdicts import check_answer
from assistant.claims import Analysis, Document, EngineInfo, Usage, Verdict
from assistant.config import ModelChoice
from assistant.documents import DocumentInput, as_document
from assistant.errors import ArgumentTypeError, InputError
from assistant.matching import best_claim
from assistant.models.base import Model, TextSink
from assistant.runner import Steps, arun, run
from assistant.sanitising import scrub


class Checker(Protocol):
    """What a session needs of :class:`assistant.Assistant`: its engine, its reading of
    documents (and the memory of readings) and its claim check."""

    model: Model
    choice: ModelChoice

    @property
    def engine(self) -> EngineInfo: ...

    def unknown(self, documents: Sequence[Document]) -> list[Document]: ...

    def remember(self, documents: Sequence[Document], readings: Sequence[Reading]) -> None: ...

    def readings(self, documents: Sequence[Document], usage: Usage) -> list[Reading]: ...

    async def areadings(self, documents: Sequence[Document], usage: Usage) -> list[Reading]: ...

    def combine(
        self,
        documents: list[Document],
        readings: Sequence[Reading],
        usage: Usage,
        language_warnings: list[str] | None = None,
    ) -> Analysis: ...

    def check(
        self, claim: str, documents: Sequence[Document], analysis: Analysis | None = None
    ) -> Verdict: ...

    async def acheck(
        self, claim: str, documents: Sequence[Document], analysis: Analysis | None = None
    ) -> Verdict: ...


def _subject(topic: str, analysis: Analysis) -> str:
    """What "is X confirmed?" asks about: the analysed claim X names or restates (the one
    matcher's choice, so the answer carries that claim's status), else X as a typed claim."""
    claim = best_claim(topic, analysis.claims)
    return claim.text if claim is not None else topic


def _question(text: str) -> str:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"the question must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError("the question is empty")
    return scrub(text.strip())


class Session:
    """Questions about a fixed set of documents, answered from their analysis with citations."""

    def __init__(
        self,
        assistant: Checker,
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
        self.reused = analysis is not None

    # --- analysis ------------------------------------------------------------------------------

    def _unread(self) -> list[Document]:
        """The documents the assistant must read: neither remembered nor kept in the history
        (kept readings are handed to the assistant's memory, the one cache of readings)."""
        unknown = self.assistant.unknown(self.documents)
        if self.history is None or not unknown:
            return unknown
        engine = engine_key(self.assistant.engine, self.assistant.model)
        for document in unknown:
            reading = self.history.cached_reading(document, engine)
            if reading is not None:
                self.assistant.remember([document], [reading])
        return self.assistant.unknown(self.documents)

    def _analysed(self, fresh: list[Document], readings: list[Reading], usage: Usage) -> Analysis:
        if self.history is not None:
            engine = engine_key(self.assistant.engine, self.assistant.model)
            by_id = {d.id: r for d, r in zip(self.documents, readings, strict=True)}
            for document in fresh:
                self.history.store_reading(document, engine, by_id[document.id], usage)
        self.usage = self.usage.add(usage)
        self.reused = not fresh
        self._analysis = self.assistant.combine(self.documents, readings, usage)
        self._save_analysis()
        return self._analysis

    def _analyse(self) -> Analysis:
        usage, fresh = Usage(), self._unread()
        return self._analysed(fresh, self.assistant.readings(self.documents, usage), usage)

    @property
    def analysis(self) -> Analysis:
        """The documents' claims and attributions, read on first use (or remembered)."""
        return self._analysis if self._analysis is not None else self._analyse()

    async def aanalysis(self) -> Analysis:
        if self._analysis is not None:
            return self._analysis
        usage, fresh = Usage(), self._unread()
        readings = await self.assistant.areadings(self.documents, usage)
        return self._analysed(fresh, readings, usage)

    def add(self, document: DocumentInput) -> Analysis:
        """Add a document (a text, a Path or a Document); only it goes to the model (earlier
        ones come from the assistant's memory or the history).

        Claims are numbered in document order, so earlier claims keep their ids unless the new
        document restates two of them as one assertion.
        """
        document = as_document(document)
        if document.id in {d.id for d in self.documents}:
            return self.analysis
        self.documents.append(document)
        self._analysis = None
        if self.history and self.session_id is not None:
            self.history.add_document(self.session_id, document)
        return self._analyse()

    # --- questions -----------------------------------------------------------------------------

    def _answer_steps(self, analysis: Analysis, question: str, usage: Usage) -> Steps[Answer]:
        budget = self.assistant.model.context_chars
        return answer_steps(analysis, question, self.turns, usage, budget)

    def _route_to_check(self, question: str) -> str | None:
        """The claim behind "is X confirmed?" (X, or the claim the last answer cited when the
        question says "it"), for the claim check; None for other questions."""
        topic = check_topic(question)
        if topic == "":
            topic = self._previous_claim()
        return topic or None

    def _said(self, analysis: Analysis, question: str) -> Answer | None:
        """ "What did X say?" answered from the analysis's attributions, whatever the engine
        (no model call), else None."""
        previous = self.turns[-1].text if self.turns else ""
        intent = said_question(question, previous)
        return said_answer(analysis, intent, question) if intent is not None else None

    def _previous_claim(self) -> str | None:
        if not self.turns or self._analysis is None:
            return None
        by_id = {c.id: c.text for c in self._analysis.claims}
        cited = [c.claim_id for c in self.turns[-1].citations if c.claim_id in by_id]
        return by_id[cited[0]] if cited else None

    def ask(
        self, question: str, *, on_text: TextSink | None = None, on_restart: Restart | None = None
    ) -> Answer:
        """A plain-language answer citing the claims and verbatim quotes behind it.

        With ``on_text``, an engine that streams passes on the answer's text while it arrives
        (before its citations are checked); when the answer is re-asked, ``on_restart()`` is
        called and the new answer's text streams from its start. Other engines never call them.
        """
        question = _question(question)
        analysis, usage = self.analysis, Usage()
        topic = self._route_to_check(question)
        if topic is not None:
            return self._check(topic, question)
        said = self._said(analysis, question)
        if said is not None:
            return self._record(said, usage)
        sinks = answer_sinks(on_text, on_restart) if on_text else None
        steps = self._answer_steps(analysis, question, usage)
        with self._spending(usage):
            answer = run(steps, self.assistant.model, usage, sinks)
        return self._record(answer, usage)

    async def aask(
        self, question: str, *, on_text: TextSink | None = None, on_restart: Restart | None = None
    ) -> Answer:
        question = _question(question)
        analysis, usage = await self.aanalysis(), Usage()
        topic = self._route_to_check(question)
        if topic is not None:
            return await self._acheck(topic, question)
        said = self._said(analysis, question)
        if said is not None:
            return self._record(said, usage)
        sinks = answer_sinks(on_text, on_restart) if on_text else None
        steps = self._answer_steps(analysis, question, usage)
        with self._spending(usage):
            answer = await arun(steps, self.assistant.model, usage, sinks)
        return self._record(answer, usage)

    def check(self, claim: str) -> Answer:
        """How the documents stand on a claim the journalist typed (or on the analysed claim a
        topic names: "/check the written proposal")."""
        return self._check(_question(claim), claim.strip())

    async def acheck(self, claim: str) -> Answer:
        return await self._acheck(_question(claim), claim.strip())

    def _check(self, claim: str, asked: str) -> Answer:
        """``Assistant.check``'s verdict on ``claim`` (or on the analysed claim it names),
        recorded under the question as typed."""
        analysis = self.analysis
        verdict = self.assistant.check(_subject(claim, analysis), self.documents, analysis)
        return self._record_check(analysis, claim, asked, verdict)

    async def _acheck(self, claim: str, asked: str) -> Answer:
        analysis = await self.aanalysis()
        verdict = await self.assistant.acheck(_subject(claim, analysis), self.documents, analysis)
        return self._record_check(analysis, claim, asked, verdict)

    def _record_check(self, analysis: Analysis, claim: str, asked: str, verdict: Verdict) -> Answer:
        answer = check_answer(analysis, claim, verdict)
        return self._record(answer.model_copy(update={"question": asked}), answer.usage)

    @contextmanager
    def _spending(self, usage: Usage) -> Iterator[None]:
        """Count what an answer cost even when it fails or is cancelled (its calls were made)."""
        try:
            yield
        except BaseException:
            self.usage = self.usage.add(usage)
            raise

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
