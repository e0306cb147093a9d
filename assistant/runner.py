"""Drive a sequence of model requests with a model, synchronously or asynchronously.

The analysis logic is written once, as generators that yield ModelRequests and receive
ModelResponses; these two small drivers feed them from a model and count calls and tokens.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

from assistant.claims import Usage
from assistant.models.base import Model, ModelRequest, ModelResponse

T = TypeVar("T")
Steps = Generator[ModelRequest, ModelResponse, T]


def _count(usage: Usage, response: ModelResponse) -> None:
    usage.model_calls += 1
    usage.prompt_tokens += response.prompt_tokens
    usage.completion_tokens += response.completion_tokens
    usage.retries += response.retries


def run(steps: Steps[T], model: Model, usage: Usage) -> T:
    try:
        request = next(steps)
        while True:
            response = model.complete(request)
            _count(usage, response)
            request = steps.send(response)
    except StopIteration as done:
        result: T = done.value
        return result


async def arun(steps: Steps[T], model: Model, usage: Usage) -> T:
    try:
        request = next(steps)
        while True:
            response = await model.acomplete(request)
            _count(usage, response)
            request = steps.send(response)
    except StopIteration as done:
        result: T = done.value
        return result
