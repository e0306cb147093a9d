"""Run eval jobs concurrently through the async API, with a semaphore and fail-fast.

A job is one model run (one article analysed, one claim checked). A configuration error stops
the whole run at once, and so do an unreachable server or a rejected key before any job was
answered; any other failure, and those once the server has answered, is kept as that job's
failure (scored wrong) and the run goes on, so it ends with its reports.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from assistant.errors import (
    AuthenticationError,
    ClaimdeskError,
    ConfigurationError,
    ModelOutputError,
    UnreachableError,
)
from assistant.evals.metering import Meter, current_meter
from assistant.evals.records import Failure
from assistant.redaction import redact

T = TypeVar("T")
FATAL = (UnreachableError, AuthenticationError, ConfigurationError)


class EvalAbortedError(ClaimdeskError):
    """The model cannot be used at all (unreachable, bad key, bad configuration)."""

    def __init__(self, job_id: str, cause: Exception) -> None:
        super().__init__(f"eval stopped at {job_id}: {cause}")
        self.job_id = job_id
        self.cause = cause


@dataclass(frozen=True)
class Job(Generic[T]):
    id: str
    run: Callable[[], Awaitable[T]]


@dataclass
class Outcome(Generic[T]):
    id: str
    value: T | None
    failure: Failure | None
    latency_s: float
    meter: Meter = field(default_factory=Meter)


def as_failure(job_id: str, exc: Exception) -> Failure:
    if isinstance(exc, ModelOutputError):
        return Failure(id=job_id, kind="parse_failure", message=str(exc))
    message = str(exc) if isinstance(exc, ClaimdeskError) else f"{type(exc).__name__}: {exc}"
    return Failure(id=job_id, kind="error", message=redact(message))


@dataclass
class _Run:
    """What the jobs share: the stop signal, and whether any job has been answered yet."""

    stop: asyncio.Event = field(default_factory=asyncio.Event)
    answered: bool = False

    def fatal(self, exc: Exception) -> bool:
        """A bad configuration always stops the run; an unreachable server or a refused key
        only before any job was answered (later, the server is flaky: a per-item failure)."""
        return isinstance(exc, ConfigurationError) or (isinstance(exc, FATAL) and not self.answered)


async def _one(job: Job[T], gate: asyncio.Semaphore, run: _Run) -> Outcome[T]:
    async with gate:
        if run.stop.is_set():
            raise asyncio.CancelledError
        meter = Meter()
        current_meter.set(meter)
        started = time.perf_counter()
        try:
            value: T | None = await job.run()
            failure = None
            run.answered = True
        except Exception as exc:
            if run.fatal(exc):
                run.stop.set()
                raise EvalAbortedError(job.id, exc) from exc
            value, failure = None, as_failure(job.id, exc)
        return Outcome(job.id, value, failure, time.perf_counter() - started, meter)


async def run_jobs(
    jobs: Sequence[Job[T]],
    concurrency: int,
    on_done: Callable[[Outcome[T]], None] | None = None,
) -> list[Outcome[T]]:
    """Every job's outcome in job order; raises EvalAbortedError on the first fatal failure."""
    gate = asyncio.Semaphore(max(1, concurrency))
    shared = _Run()
    tasks = [asyncio.create_task(_one(job, gate, shared)) for job in jobs]
    try:
        for finished in asyncio.as_completed(tasks):
            outcome = await finished
            if on_done is not None:
                on_done(outcome)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return [task.result() for task in tasks]
