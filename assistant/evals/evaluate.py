"""Run one data set end to end and assemble the report every output format is written from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant import __version__
from assistant.evals.engines import Engines
from assistant.evals.records import EvalMeta, EvalReport
from assistant.evals.suites import SUITES, RunOptions, SuiteResult


@dataclass(frozen=True)
class EvalRequest:
    dataset: str
    data: Path
    options: RunOptions
    cache: bool


def _meta(request: EvalRequest, engines: Engines, result: SuiteResult) -> EvalMeta:
    selection = request.options.selection
    return EvalMeta(
        dataset=request.dataset,
        data_path=str(request.data),
        engine=engines.info.name,
        model=engines.info.model,
        prompt_version=engines.info.prompt_version,
        date=datetime.now(UTC).isoformat(timespec="seconds"),
        claimdesk_version=__version__,
        items_available=result.available,
        items_run=result.run,
        limit=selection.limit,
        sample=selection.sample,
        seed=selection.seed if selection.sample is not None else None,
        concurrency=request.options.concurrency,
        cache=request.cache,
    )


async def evaluate(request: EvalRequest, engines: Engines) -> EvalReport:
    result = await SUITES[request.dataset](request.data, engines, request.options)
    scored = result.scored
    return EvalReport(
        meta=_meta(request, engines, result),
        metrics=scored.metrics,
        per_label=scored.per_label,
        confusion=scored.confusion,
        failures=scored.failures,
        items=scored.items,
        documents=scored.documents,
        latencies_s=scored.latencies_s,
    )
