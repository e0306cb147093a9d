"""The SDK entry point: ``Assistant(model=...).analyze(...)``."""

from __future__ import annotations

import asyncio
import time
import warnings
from collections.abc import Sequence

from assistant import config, language, prompts
from assistant.analysis import Reading, reading_steps
from assistant.attributions import link
from assistant.chat.history import History
from assistant.chat.session import Session
from assistant.checking import Checked, check_steps, matching_claim_ids
from assistant.claims import Analysis, Document, EngineInfo, Usage, Verdict
from assistant.documents import DocumentInput, as_documents
from assistant.errors import ArgumentTypeError, InputError
from assistant.models.base import Model
from assistant.multidoc import combine_documents
from assistant.runner import arun, run
from assistant.sanitising import scrub

Documents = DocumentInput | Sequence[DocumentInput]
"""A text, a file Path, a Document, or a list or tuple of them."""


class UnreadLanguageWarning(UserWarning):
    """A document is in a language the engine does not read (the offline rules read English)."""


class Assistant:
    """Analyse news documents with one engine (an LLM server or the offline rules)."""

    def __init__(
        self,
        model: str | Model | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
    ) -> None:
        if isinstance(model, str) or model is None:
            self.choice = config.choose(model)
            self.model: Model = config.build(self.choice.spec, base_url=base_url, api_key=api_key)
        elif not isinstance(model, Model):
            raise ArgumentTypeError(
                "model must be a model string ('offline', 'openai:NAME'), a Model or None, "
                f"not {type(model).__name__}"
            )
        else:
            self.choice = config.ModelChoice(f"{model.engine_name}:{model.model_name}", "argument")
            self.model = model

    @property
    def engine(self) -> EngineInfo:
        return EngineInfo(
            name=self.model.engine_name,
            model=self.model.model_name,
            prompt_version=prompts.prompt_version(),
        )

    def _analysis(
        self,
        documents: list[Document],
        readings: Sequence[Reading],
        usage: Usage,
        started: float,
    ) -> Analysis:
        claims, order = combine_documents(documents, [r.claims for r in readings])
        attributions = link([a for r in readings for a in r.attributions], claims)
        usage.wall_time_s = round(time.perf_counter() - started, 4)
        return Analysis(
            documents=documents,
            claims=claims,
            attributions=attributions,
            engine=self.engine,
            usage=usage,
            timeline_order=order,
            warnings=self.warnings(documents),
        )

    def analyze(self, documents: Documents) -> Analysis:
        """Every check-worthy claim in the documents, with status, sources and evidence."""
        docs, usage, started = as_documents(documents), Usage(), time.perf_counter()
        budget = self.model.context_chars
        readings = [run(reading_steps(d, budget, usage), self.model, usage) for d in docs]
        return self._analysis(docs, readings, usage, started)

    async def aanalyze(self, documents: Documents) -> Analysis:
        """Async twin of :meth:`analyze`; documents are analysed concurrently."""
        docs, usage, started = as_documents(documents), Usage(), time.perf_counter()
        budget = self.model.context_chars
        readings = await asyncio.gather(
            *(arun(reading_steps(d, budget, usage), self.model, usage) for d in docs)
        )
        return self._analysis(docs, list(readings), usage, started)

    def _verdict(
        self,
        claim: str,
        documents: list[Document],
        checked: Checked,
        analysis: Analysis | None,
        usage: Usage,
        started: float,
    ) -> Verdict:
        usage.wall_time_s = round(time.perf_counter() - started, 4)
        return Verdict(
            claim=claim,
            status=checked.status,
            reason=checked.reason,
            sources=checked.sources,
            ungrounded=checked.ungrounded,
            matching_claim_ids=matching_claim_ids(claim, analysis),
            document_ids=[d.id for d in documents],
            engine=self.engine,
            usage=usage,
            warnings=self.warnings(documents),
        )

    def warnings(self, documents: Sequence[Document]) -> list[str]:
        """What the user should know about these documents with this engine (a language it
        cannot read); also issued as Python warnings, so SDK callers see them too."""
        named = [(d.title or d.id, d.text) for d in documents]
        found = language.unread(named, self.model.capabilities.languages)
        for warning in found:
            warnings.warn(warning, UnreadLanguageWarning, stacklevel=4)
        return found

    def check(self, claim: str, documents: Documents, analysis: Analysis | None = None) -> Verdict:
        """Whether the documents support a typed claim: confirmed, denied, unverified or
        not_addressed, with grounded sources; ``analysis`` (of the same documents) lets the
        verdict name the matching extracted claims."""
        text, docs = _claim_text(claim), as_documents(documents)
        _refuse_other_analysis(analysis, docs)
        usage, started = Usage(), time.perf_counter()
        steps = check_steps(text, docs, self.model.context_chars, usage)
        checked = run(steps, self.model, usage)
        return self._verdict(text, docs, checked, analysis, usage, started)

    async def acheck(
        self, claim: str, documents: Documents, analysis: Analysis | None = None
    ) -> Verdict:
        """Async twin of :meth:`check`."""
        text, docs = _claim_text(claim), as_documents(documents)
        _refuse_other_analysis(analysis, docs)
        usage, started = Usage(), time.perf_counter()
        steps = check_steps(text, docs, self.model.context_chars, usage)
        checked = await arun(steps, self.model, usage)
        return self._verdict(text, docs, checked, analysis, usage, started)

    def session(self, documents: Documents, *, history: History | None = None) -> Session:
        """A chat session: ``session.ask(question)`` answers from the documents' claims.

        The documents are analysed on the first question (or ``session.analysis``); pass a
        :class:`assistant.chat.history.History` to cache analyses and log the conversation.
        """
        return Session(self, as_documents(documents), history=history)


def _refuse_other_analysis(analysis: Analysis | None, documents: Sequence[Document]) -> None:
    """An analysis of none of these documents would name unrelated claims as matching."""
    if analysis is None or not analysis.documents:
        return
    if not {d.id for d in analysis.documents} & {d.id for d in documents}:
        raise InputError(
            f"the analysis given is of other documents (none of its {len(analysis.documents)} "
            "is among the documents checked); analyse these documents first"
        )


def _claim_text(claim: str) -> str:
    if not isinstance(claim, str):
        raise ArgumentTypeError(f"the claim to check must be a str, not {type(claim).__name__}")
    text = scrub(" ".join(claim.split()))
    if not text:
        raise InputError("the claim to check is empty")
    return text
