"""Count model calls, tokens, retries and cache hits per eval item.

Items run concurrently in their own asyncio tasks; each task sets its own :class:`Meter` in a
context variable, so a model wrapper shared by all items still charges the right item.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.wrapper import ModelWrapper


@dataclass(slots=True)
class Meter:
    model_calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = 0

    def add_tokens(self, response: ModelResponse) -> None:
        self.prompt_tokens += response.prompt_tokens
        self.completion_tokens += response.completion_tokens


current_meter: ContextVar[Meter | None] = ContextVar("claimdesk_eval_meter", default=None)


def _charge(response: ModelResponse) -> None:
    meter = current_meter.get()
    if meter is not None:
        meter.model_calls += 1
        meter.retries += response.retries
        meter.add_tokens(response)


class MeteredModel(ModelWrapper):
    """Passes every request to ``model`` and charges the answer to the current item's meter."""

    def complete(self, request: ModelRequest) -> ModelResponse:
        response = self.inner.complete(request)
        _charge(response)
        return response

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        response = await self.inner.acomplete(request)
        _charge(response)
        return response
