"""The data sets the harness knows: how to load each, what to run per item and how to score.

Every suite loads its items from a path, keeps the selected ones, runs them through the async
API with the job runner and returns the scored result plus the number of items available.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from assistant.claims import Analysis, Document, Source
from assistant.errors import ConfigurationError
from assistant.evals import emergent, fnc1, polnear
from assistant.evals.chat_set import Conversation, load_chat_set
from assistant.evals.engines import Engines, VerdictLike
from assistant.evals.gold import GoldArticle, load_gold
from assistant.evals.pairs import StancePair
from assistant.evals.runner import Job, Outcome, run_jobs
from assistant.evals.score_attribution import score_attribution
from assistant.evals.score_chat import Replies, score_chat
from assistant.evals.score_gold import score_gold
from assistant.evals.score_stance import pair_document, score_stance
from assistant.evals.scored import Scored
from assistant.evals.usage import usage_metrics

T = TypeVar("T")
OnDone = Callable[[Outcome[Any]], None]


@dataclass(frozen=True)
class Selection:
    limit: int | None = None
    sample: int | None = None
    seed: int = 0

    def apply(self, items: Sequence[T]) -> list[T]:
        """A seeded random sample (kept in data order), then the first ``limit`` items."""
        chosen = list(items)
        if self.sample is not None and self.sample < len(chosen):
            keep = sorted(random.Random(self.seed).sample(range(len(chosen)), self.sample))
            chosen = [chosen[i] for i in keep]
        return chosen[: self.limit] if self.limit is not None else chosen


@dataclass(frozen=True)
class RunOptions:
    selection: Selection
    concurrency: int
    on_start: Callable[[int], None]
    on_done: OnDone


@dataclass
class SuiteResult:
    scored: Scored
    available: int
    run: int


def _analysis_job(item_id: str, document: Document, engines: Engines) -> Job[Analysis]:
    return Job(item_id, lambda: engines.analyze(document))


@dataclass(frozen=True, slots=True)
class KeptVerdict:
    """What scoring reads of a verdict. The rest (engine, usage, ids) is dropped as each pair
    finishes, so tens of thousands of pairs stay small in memory."""

    status: str
    reason: str
    sources: Sequence[Source]


class SharedSources:
    """One copy of each distinct source the verdicts cite: the pairs on one body mostly cite
    the same sources, so 50,000 verdicts keep a few thousand sources, not 100,000 copies."""

    def __init__(self) -> None:
        self._kept: dict[tuple[object, ...], Source] = {}

    def __call__(self, sources: Sequence[Source]) -> tuple[Source, ...]:
        return tuple(self._kept.setdefault(_identity(s), s) for s in sources)


def _identity(source: Source) -> tuple[object, ...]:
    """Every field of the source, its evidence as (document, quote, start, end) tuples."""
    evidence = tuple((e.document_id, e.quote, e.start, e.end) for e in source.evidence)
    return (*(v for k, v in source if k != "evidence"), evidence)


def _check_job(pair: StancePair, engines: Engines, shared: SharedSources) -> Job[VerdictLike]:
    async def check() -> VerdictLike:
        verdict = await engines.check(pair.claim, pair_document(pair))
        return KeptVerdict(verdict.status, verdict.reason, shared(verdict.sources))

    return Job(pair.id, check)


async def _run(jobs: Sequence[Job[T]], options: RunOptions) -> list[Outcome[T]]:
    options.on_start(len(jobs))
    return await run_jobs(jobs, options.concurrency, options.on_done)


def _finish(
    scored: Scored, outcomes: Sequence[Outcome[Any]], engines: Engines, available: int
) -> SuiteResult:
    scored.metrics.update(usage_metrics(outcomes, engines.info))
    scored.failures = [o.failure for o in outcomes if o.failure is not None]
    scored.latencies_s = [round(o.latency_s, 4) for o in outcomes if o.meter.model_calls]
    return SuiteResult(scored, available, len(outcomes))


def _gold_document(article: GoldArticle) -> Document:
    record = article.record
    return Document(id=record.id, text=article.text, title=record.title, outlet=record.outlet)


async def run_gold(path: Path, engines: Engines, options: RunOptions) -> SuiteResult:
    articles = load_gold(path)
    chosen = options.selection.apply(articles)
    jobs = [_analysis_job(a.id, _gold_document(a), engines) for a in chosen]
    outcomes = await _run(jobs, options)
    return _finish(score_gold(chosen, outcomes), outcomes, engines, len(articles))


async def run_polnear(path: Path, engines: Engines, options: RunOptions) -> SuiteResult:
    articles = polnear.load(path)
    chosen = options.selection.apply(articles)
    jobs = [_analysis_job(a.id, Document(id=a.id, text=a.text), engines) for a in chosen]
    outcomes = await _run(jobs, options)
    return _finish(score_attribution(chosen, outcomes), outcomes, engines, len(articles))


def by_document(pairs: Sequence[StancePair]) -> list[int]:
    """Pair indices with the pairs on one document next to each other (first seen first), so an
    engine's per-document work stays warm and per-document caches can stay small."""
    first: dict[str, int] = {}
    for index, pair in enumerate(pairs):
        first.setdefault(pair.document, index)
    return sorted(range(len(pairs)), key=lambda i: (first[pairs[i].document], i))


async def _run_pairs(
    pairs: list[StancePair], labels: Sequence[str], fnc: bool, engines: Engines, options: RunOptions
) -> SuiteResult:
    chosen = options.selection.apply(pairs)
    order = by_document(chosen)
    shared = SharedSources()
    ran = await _run([_check_job(chosen[i], engines, shared) for i in order], options)
    outcomes: list[Outcome[VerdictLike]] = [ran[0]] * len(ran) if ran else []
    for position, index in enumerate(order):
        outcomes[index] = ran[position]
    return _finish(score_stance(chosen, outcomes, labels, fnc), outcomes, engines, len(pairs))


async def run_fnc1(path: Path, engines: Engines, options: RunOptions) -> SuiteResult:
    return await _run_pairs(fnc1.load(path), list(fnc1.LABELS.values()), True, engines, options)


async def run_emergent(path: Path, engines: Engines, options: RunOptions) -> SuiteResult:
    labels = list(emergent.LABELS.values())
    return await _run_pairs(emergent.load(path), labels, False, engines, options)


def _chat_job(conversation: Conversation, engines: Engines) -> Job[Replies]:
    converse = engines.converse
    if converse is None:
        raise ConfigurationError("these engines cannot hold a chat session")
    return Job(conversation.id, lambda: converse(conversation))


async def run_chat(path: Path, engines: Engines, options: RunOptions) -> SuiteResult:
    conversations = load_chat_set(path)
    chosen = options.selection.apply(conversations)
    outcomes = await _run([_chat_job(c, engines) for c in chosen], options)
    return _finish(score_chat(chosen, outcomes), outcomes, engines, len(conversations))


Suite = Callable[[Path, Engines, RunOptions], Awaitable[SuiteResult]]
SUITES: dict[str, Suite] = {
    "gold": run_gold,
    "fnc1": run_fnc1,
    "emergent": run_emergent,
    "polnear": run_polnear,
    "chat": run_chat,
}
