"""Drive a sequence of model requests with a model, synchronously or asynchronously.

The analysis logic is written once, as generators that yield ModelRequests and receive
ModelResponses; these two small drivers feed them from a model and count calls and tokens.
Given ``sinks`` and a model that streams, each request is streamed instead: ``sinks()`` gives a
fresh receiver of the raw answer pieces for each request (a re-ask starts a new answer).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TypeVar

from assistant.claims import Usage
from assistant.models.base import Model, ModelRequest, ModelResponse, StreamingModel, TextSink

T = TypeVar("T")
Steps = Generator[ModelRequest, ModelResponse, T]
Sinks = Callable[[], TextSink]


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
