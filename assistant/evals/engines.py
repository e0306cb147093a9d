"""What the harness runs: an analyzer (document -> Analysis) and a checker
((claim, document) -> verdict), normally the async API of one :class:`Assistant`.

Tests inject their own callables; the harness only relies on these signatures.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant import Assistant
from assistant.chat.answers import Answer
from assistant.claims import Analysis, Document, EngineInfo, Source
from assistant.errors import ConfigurationError
from assistant.evals.chat_set import Conversation
from assistant.evals.conversing import converse


class VerdictLike(Protocol):
    """The status of one typed claim against documents (``Assistant.check``'s Verdict)."""

    @property
    def status(self) -> str: ...

    @property
    def reason(self) -> str: ...

    @property
    def sources(self) -> Sequence[Source]: ...


Analyzer = Callable[[Document], Awaitable[Analysis]]
Checker = Callable[[str, Document], Awaitable[VerdictLike]]
Converser = Callable[[Conversation], Awaitable[dict[str, Answer]]]


@dataclass(frozen=True)
class Engines:
    info: EngineInfo
    analyze: Analyzer
    check: Checker
    converse: Converser | None = None


def _checker(assistant: Assistant) -> Checker:
    async def check(claim: str, document: Document) -> VerdictLike:
        acheck = getattr(assistant, "acheck", None)
        if acheck is None:
            raise ConfigurationError(
                "this version of claimdesk has no Assistant.acheck; stance data sets need it"
            )
        verdict: VerdictLike = await acheck(claim, [document])
        return verdict

    return check


def engines_for(assistant: Assistant) -> Engines:
    async def analyze(document: Document) -> Analysis:
        return await assistant.aanalyze(document)

    async def chat(conversation: Conversation) -> dict[str, Answer]:
        return await converse(assistant, conversation)

    return Engines(assistant.engine, analyze, _checker(assistant), chat)
