"""The SDK entry point: ``Assistant(model=...).analyze(...)``."""

from __future__ import annotations

import hashlib
import time
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant import config, language, prompts
from assistant.analysis import Reading, document_reading, part_plans
from assistant.attributions import link
from assistant.checking import (
    Checked,
    Proposal,
    check_plans,
    combine_proposals,
    from_analysis,
    with_ids,
)
from assistant.claims import Analysis, Claim, Document, EngineInfo, Usage, Verdict
from assistant.documents import DocumentInput, as_documents
from assistant.errors import ArgumentTypeError, InputError
from assistant.memory import Readings
from assistant.models.base import Model
from assistant.multidoc import combine_documents
from assistant.runner import Plan, arun_all, run_all
from assistant.sanitising import scrub

if TYPE_CHECKING:  # chat loads only when a session is opened; asyncio only when awaited
    import asyncio

    from assistant.chat.history import History
    from assistant.chat.session import Session

Documents = DocumentInput | Sequence[DocumentInput]
"""A text, a file Path, a Document, or a list or tuple of them."""


class UnreadLanguageWarning(UserWarning):
    """A document is in a language the engine does not read (the offline rules read English)."""


class Assistant:
    """Analyse news documents with one engine (an LLM server or the offline rules).

    Each document's reading (its claims and attributions) is remembered (the last ``MEMORY``
    documents, packed: :mod:`assistant.memory`), so checking claims against documents already
    analysed or checked, or a chat session over them, does not read them again.

    ``concurrency`` bounds the requests in flight at once (argument > ``CLAIMDESK_CONCURRENCY``
    > the configuration file > 4): the parts of a long document, several documents and the
    batches of a check go to the model together, in ``analyze``/``check`` (threads) as in
    ``aanalyze``/``acheck``.
    """

    MEMORY = 256  # ~2.4 MB of packed readings of FNC-1 bodies
    COMBINED = 8  # combined analyses kept for checks of further claims against one document set

    def __init__(
        self,
        model: str | Model | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        concurrency: int | None = None,
    ) -> None:
        self._concurrency = None if concurrency is None else config.concurrency(concurrency)
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
        self._readings: Readings[tuple[str, str, int]] = Readings(held=self.COMBINED)
        self._combined: OrderedDict[tuple[object, ...], tuple[list[list[Claim]], Analysis]] = (
            OrderedDict()
        )
        self._in_flight: dict[tuple[str, str, int], asyncio.Future[Reading | None]] = {}

    @property
    def concurrency(self) -> int:
        """The bound on requests in flight, resolved on first use (one request needs none)."""
        if self._concurrency is None:
            self._concurrency = config.concurrency()
        return self._concurrency

    def _bound(self, plans: Sequence[object]) -> int:
        return self.concurrency if len(plans) > 1 else 1

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
        usage.wall_time_s = round(time.perf_counter() - started, 4)
        return self.combine(documents, readings, usage, self.warnings(documents))

    def combine(
        self,
        documents: list[Document],
        readings: Sequence[Reading],
        usage: Usage,
        language_warnings: list[str] | None = None,
    ) -> Analysis:
        """The analysis of these documents from their readings: claims combined and numbered,
        attributions linked to them. Without ``language_warnings``, an unread language is listed
        without a Python warning (the chat shows it itself)."""
        claims, order = combine_documents(documents, [r.claims for r in readings])
        attributions = link([a for r in readings for a in r.attributions], claims)
        return Analysis(
            documents=documents,
            claims=claims,
            attributions=attributions,
            engine=self.engine,
            usage=usage,
            timeline_order=order,
            warnings=self._unread(documents) if language_warnings is None else language_warnings,
        )

    def analyze(self, documents: Documents) -> Analysis:
        """Every check-worthy claim in the documents, with status, sources and evidence."""
        docs, usage, started = as_documents(documents), Usage(), time.perf_counter()
        plans, counts = self._plans(docs)
        per_part = run_all(plans, self.model, usage, self._bound(plans))
        readings = _per_document(per_part, counts)
        self.remember(docs, readings)
        return self._analysis(docs, readings, usage, started)

    async def aanalyze(self, documents: Documents) -> Analysis:
        """Async twin of :meth:`analyze`."""
        docs, usage, started = as_documents(documents), Usage(), time.perf_counter()
        plans, counts = self._plans(docs)
        per_part = await arun_all(plans, self.model, usage, self._bound(plans))
        readings = _per_document(per_part, counts)
        self.remember(docs, readings)
        return self._analysis(docs, readings, usage, started)

    def _plans(self, documents: Sequence[Document]) -> tuple[list[Plan[Reading]], list[int]]:
        """Every part of every document as one independent plan, and each document's count."""
        per_document = [part_plans(d, self.model.context_chars) for d in documents]
        return [p for plans in per_document for p in plans], [len(p) for p in per_document]

    def remember(self, documents: Sequence[Document], readings: Sequence[Reading]) -> None:
        """Keep each document's reading (a chat session hands over readings it stored)."""
        for document, reading in zip(documents, readings, strict=True):
            self._readings.keep(self._key(document), reading, self.MEMORY)

    def _key(self, document: Document) -> tuple[str, str, int]:
        return (document.id, _digest(document), self.model.context_chars)

    def unknown(self, documents: Sequence[Document]) -> list[Document]:
        """The documents whose reading this assistant does not remember."""
        return [d for d in documents if self._key(d) not in self._readings]

    def _recalled(
        self, documents: Sequence[Document], fresh: Sequence[Document], read: list[Reading]
    ) -> list[Reading]:
        """Each document's reading: just read (``fresh`` with ``read``), else remembered; all
        held unpacked, for the checks of further claims against them."""
        extracted = {self._key(d): r for d, r in zip(fresh, read, strict=True)}
        self.remember(fresh, read)
        for key, reading in extracted.items():
            self._readings.hold(key, reading)
        keys = [self._key(d) for d in documents]
        return [extracted[k] if k in extracted else self._readings.recall(k) for k in keys]

    def readings(self, documents: Sequence[Document], usage: Usage) -> list[Reading]:
        """Each document's claims and attributions, reading only those not remembered (their
        parts at once); what the reading cost is added to ``usage``."""
        fresh = self.unknown(documents)
        plans, counts = self._plans(fresh)
        per_part = run_all(plans, self.model, usage, self._bound(plans)) if plans else []
        return self._recalled(documents, fresh, _per_document(per_part, counts))

    async def areadings(self, documents: Sequence[Document], usage: Usage) -> list[Reading]:
        """Async twin of :meth:`readings`. A document that another call (a concurrent
        ``acheck``) is reading right now is awaited, not read a second time."""
        import asyncio

        unknown = self.unknown(documents)
        flying = self._in_flight
        waiting = {k: (d, flying[k]) for d in unknown if (k := self._key(d)) in flying}
        fresh = [d for d in unknown if self._key(d) not in waiting]
        read = await self._aread(fresh, usage)
        for document, in_flight in waiting.values():
            shared = await asyncio.shield(in_flight)
            if shared is None:  # that reading failed or was cancelled: read it here
                shared = (await self._aread([document], usage))[0]
            fresh.append(document)
            read.append(shared)
        return self._recalled(documents, fresh, read)

    async def _aread(self, documents: Sequence[Document], usage: Usage) -> list[Reading]:
        """The readings of ``documents``, read now (parts at once); calls asking for one of them
        meanwhile await this reading (None for them if it fails: they read it themselves)."""
        import asyncio

        loop = asyncio.get_running_loop()
        keys = [self._key(d) for d in documents]
        mine = {key: loop.create_future() for key in keys}
        self._in_flight.update(mine)
        read: list[Reading] | None = None
        try:
            plans, counts = self._plans(documents)
            per_part = await arun_all(plans, self.model, usage, self._bound(plans)) if plans else []
            read = _per_document(per_part, counts)
        finally:
            found = dict(zip(keys, read, strict=True)) if read is not None else {}
            for key, future in mine.items():
                if self._in_flight.get(key) is future:
                    del self._in_flight[key]
                if not future.done():
                    future.set_result(found.get(key))
        return read

    def _check_analysis(
        self, documents: list[Document], given: Analysis | None, readings: Sequence[Reading]
    ) -> Analysis:
        """``given`` when it is of these documents, else their analysis from ``readings``, built
        by :meth:`combine` once while their claims stay the remembered ones."""
        if given is not None and _same_documents(given, documents):
            return given
        key = tuple(self._key(d) for d in documents)
        kept = self._combined.get(key)
        if kept is not None and _same_lists(kept[0], _claims(readings)):
            return kept[1]  # the claims are those combined last time for these documents
        analysis = self.combine(documents, readings, Usage(), language_warnings=[])
        self._combined[key] = (_claims(readings), analysis)
        while len(self._combined) > self.COMBINED:
            self._combined.popitem(last=False)
        return analysis

    def _verdict(
        self, claim: str, documents: list[Document], checked: Checked, usage: Usage, started: float
    ) -> Verdict:
        usage.wall_time_s = round(time.perf_counter() - started, 4)
        return Verdict(
            claim=claim,
            status=checked.status,
            reason=checked.reason,
            overruled=checked.overruled,
            sources=checked.sources,
            ungrounded=checked.ungrounded,
            matching_claim_ids=list(checked.matching_claim_ids),
            document_ids=[d.id for d in documents],
            engine=self.engine,
            usage=usage,
            warnings=self.warnings(documents),
        )

    def warnings(self, documents: Sequence[Document]) -> list[str]:
        """What the user should know about these documents with this engine (a language it
        cannot read); also issued as Python warnings, so SDK callers see them too."""
        found = self._unread(documents)
        for warning in found:
            warnings.warn(warning, UnreadLanguageWarning, stacklevel=4)
        return found

    def _unread(self, documents: Sequence[Document]) -> list[str]:
        named = [(d.title or d.id, d.text) for d in documents]
        return language.unread(named, self.model.capabilities.languages)

    def check(self, claim: str, documents: Documents, analysis: Analysis | None = None) -> Verdict:
        """Whether the documents support a typed claim: confirmed, denied, unverified or
        not_addressed, with grounded sources. The documents are read as ``analyze`` reads them
        (remembered, or ``analysis`` of the same documents); analysed claims that say what the
        typed claim says decide, else the reader's batches (sent at once) add sources, and the
        rubric decides over all of them."""
        text, docs = _claim_text(claim), as_documents(documents)
        _refuse_other_analysis(analysis, docs)
        usage, started = Usage(), time.perf_counter()
        known = _same_documents(analysis, docs)
        readings = [] if known else self.readings(docs, usage)
        decided, ids = from_analysis(text, self._check_analysis(docs, analysis, readings))
        if decided is None:
            plans = check_plans(text, docs, self.model.context_chars)
            decided = combine_proposals(run_all(plans, self.model, usage, self._bound(plans)))
        return self._verdict(text, docs, with_ids(decided, ids), usage, started)

    async def acheck(
        self, claim: str, documents: Documents, analysis: Analysis | None = None
    ) -> Verdict:
        """Async twin of :meth:`check`."""
        text, docs = _claim_text(claim), as_documents(documents)
        _refuse_other_analysis(analysis, docs)
        usage, started = Usage(), time.perf_counter()
        known = _same_documents(analysis, docs)
        readings = [] if known else await self.areadings(docs, usage)
        decided, ids = from_analysis(text, self._check_analysis(docs, analysis, readings))
        if decided is None:
            plans = check_plans(text, docs, self.model.context_chars)
            proposals: list[Proposal] = await arun_all(plans, self.model, usage, self._bound(plans))
            decided = combine_proposals(proposals)
        return self._verdict(text, docs, with_ids(decided, ids), usage, started)

    def session(self, documents: Documents, *, history: History | None = None) -> Session:
        """A chat session: ``session.ask(question)`` answers from the documents' claims.

        The documents are analysed on the first question (or ``session.analysis``); pass a
        :class:`assistant.chat.history.History` to cache analyses and log the conversation.
        """
        from assistant.chat.session import Session

        return Session(self, as_documents(documents), history=history)


# Digests of the documents met last, by their field values: a check asks for a document's key
# several times, and an eval checks one document against many claims in a row.
_DIGESTS: OrderedDict[tuple[object, ...], str] = OrderedDict()
DIGESTS_KEPT = 256


def _digest(document: Document) -> str:
    """SHA-256 of the document as JSON, every field in it."""
    fields = tuple(document.__dict__.values())  # its fields' values (extra fields are refused)
    digest = _DIGESTS.get(fields)
    if digest is None:
        digest = hashlib.sha256(document.model_dump_json().encode("utf-8")).hexdigest()
        _DIGESTS[fields] = digest
        if len(_DIGESTS) > DIGESTS_KEPT:
            _DIGESTS.popitem(last=False)
    return digest


def _per_document(per_part: Sequence[Reading], counts: Sequence[int]) -> list[Reading]:
    """The parts' readings regrouped by document (``counts`` parts each) and merged."""
    merged, start = [], 0
    for count in counts:
        merged.append(document_reading(per_part[start : start + count]))
        start += count
    return merged


def _same_lists(kept: Sequence[list[Claim]], given: Sequence[list[Claim]]) -> bool:
    """Whether ``given`` holds the very claim lists ``kept`` does (the remembered ones)."""
    return len(kept) == len(given) and all(a is b for a, b in zip(kept, given, strict=True))


def _claims(readings: Sequence[Reading]) -> list[list[Claim]]:
    return [r.claims for r in readings]


def _same_documents(analysis: Analysis | None, documents: Sequence[Document]) -> bool:
    return analysis is not None and [d.id for d in analysis.documents] == [d.id for d in documents]


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
