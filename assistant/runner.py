"""Drive a sequence of model requests with a model, synchronously or asynchronously.

The analysis logic is written once, as generators that yield ModelRequests and receive
ModelResponses; these two small drivers feed them from a model and count calls and tokens.
Given ``sinks`` and a model that streams, each request is streamed instead: ``sinks()`` gives a
fresh receiver of the raw answer pieces for each request (a re-ask starts a new answer).

Independent units of work (the parts of a document, several documents, the batches of a check)
run concurrently with :func:`run_all` (threads) or :func:`arun_all` (asyncio), at most
``concurrency`` requests in flight.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from typing import TypeVar

from assistant.claims import Usage
from assistant.models.base import Model, ModelRequest, ModelResponse, StreamingModel, TextSink

T = TypeVar("T")
Steps = Generator[ModelRequest, ModelResponse, T]
Sinks = Callable[[], TextSink]
Plan = Callable[[Usage], Steps[T]]
"""Steps not yet started: given the Usage to count into, the generator of one unit of work."""


def _count(usage: Usage, response: ModelResponse) -> None:
    usage.model_calls += 1
    usage.prompt_tokens += response.prompt_tokens
    usage.completion_tokens += response.completion_tokens
    usage.retries += response.retries


def _respond(model: Model, request: ModelRequest, sinks: Sinks | None) -> ModelResponse:
    if sinks is not None and isinstance(model, StreamingModel):
        return model.stream(request, sinks())
    return model.complete(request)


async def _arespond(model: Model, request: ModelRequest, sinks: Sinks | None) -> ModelResponse:
    if sinks is not None and isinstance(model, StreamingModel):
        return await model.astream(request, sinks())
    return await model.acomplete(request)


def run(steps: Steps[T], model: Model, usage: Usage, sinks: Sinks | None = None) -> T:
    try:
        request = next(steps)
        while True:
            response = _respond(model, request, sinks)
            _count(usage, response)
            request = steps.send(response)
    except StopIteration as done:
        result: T = done.value
        return result


async def arun(steps: Steps[T], model: Model, usage: Usage, sinks: Sinks | None = None) -> T:
    try:
        request = next(steps)
        while True:
            response = await _arespond(model, request, sinks)
            _count(usage, response)
            request = steps.send(response)
    except StopIteration as done:
        result: T = done.value
        return result


def _merge_usage(total: Usage, parts: Sequence[Usage]) -> None:
    for part in parts:
        for name in Usage.model_fields:
            setattr(total, name, getattr(total, name) + getattr(part, name))


def run_all(plans: Sequence[Plan[T]], model: Model, usage: Usage, concurrency: int) -> list[T]:
    """Run independent step sequences, up to ``concurrency`` at once in threads; results in
    order. ``plans`` make their steps from the Usage they are given, so threads never share one
    (run one at a time, they all count into ``usage``).
    """
    if concurrency <= 1 or len(plans) <= 1:
        return [run(plan(usage), model, usage) for plan in plans]
    usages = [Usage() for _ in plans]
    jobs = list(zip(plans, usages, strict=True))
    results = _in_threads(jobs, model, min(concurrency, len(plans)))
    _merge_usage(usage, usages)
    return results


def _in_threads(jobs: Sequence[tuple[Plan[T], Usage]], model: Model, threads: int) -> list[T]:
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(threads, thread_name_prefix="claimdesk")
    try:
        futures = [pool.submit(_run_plan, plan, model, usage) for plan, usage in jobs]
        return [f.result() for f in futures]
    finally:  # on Ctrl-C or a failure, queued work is dropped rather than waited for
        pool.shutdown(wait=False, cancel_futures=True)


def _run_plan(plan: Plan[T], model: Model, usage: Usage) -> T:
    return run(plan(usage), model, usage)


async def arun_all(
    plans: Sequence[Plan[T]], model: Model, usage: Usage, concurrency: int
) -> list[T]:
    """Async twin of :func:`run_all`: up to ``concurrency`` step sequences in flight."""
    import asyncio

    gate = asyncio.Semaphore(max(1, concurrency))
    usages = [Usage() for _ in plans]

    async def one(plan: Plan[T], part: Usage) -> T:
        async with gate:
            return await arun(plan(part), model, part)

    results = await asyncio.gather(*(one(p, u) for p, u in zip(plans, usages, strict=True)))
    _merge_usage(usage, usages)
    return list(results)
