"""A real implementation of the model interface whose answers come from a Python function.

Tests script it to drive every logic path (re-asks, grounding, chunking, refusals) without a
server; benchmarks use it to measure the assistant's own overhead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from assistant.errors import InvalidArgumentError
from assistant.models.base import Capabilities, ModelRequest, ModelResponse, TextSink

Answer = ModelResponse | str | dict[str, Any]
AnswerFunction = Callable[[ModelRequest], Answer]
Chunker = Callable[[str], Iterable[str]]


def _as_response(answer: Answer) -> ModelResponse:
    if isinstance(answer, ModelResponse):
        return answer
    if isinstance(answer, dict):
        return ModelResponse(content=json.dumps(answer))
    return ModelResponse(content=answer)


class FunctionModel:
    """Answers each request with ``function(request)``; records every request it saw."""

    def __init__(
        self, function: AnswerFunction, *, name: str = "function", context_chars: int = 24_000
    ) -> None:
        self._function = function
        self._name = name
        self._context_chars = context_chars
        self.requests: list[ModelRequest] = []

    @property
    def engine_name(self) -> str:
        return "function"

    @property
    def model_name(self) -> str:
        return self._name

    @property
    def context_chars(self) -> int:
        return self._context_chars

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(streams=False)

    def complete(self, request: ModelRequest) -> ModelResponse:
        self.requests.append(request)
        return _as_response(self._function(request))

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        return self.complete(request)


def scripted(answers: Iterable[Answer], *, stream: bool = False, **options: Any) -> FunctionModel:
    """A FunctionModel that gives the answers in order, one per request (streamed if asked)."""
    queue = list(answers)

    def next_answer(request: ModelRequest) -> Answer:
        if not queue:
            raise AssertionError(f"scripted model ran out of answers at a {request.task} request")
        return queue.pop(0)

    if stream:
        return StreamingFunctionModel(next_answer, name="scripted", **options)
    return FunctionModel(next_answer, name="scripted", **options)


class StreamingFunctionModel(FunctionModel):
    """A FunctionModel that also streams: each answer goes out in pieces of ``chunk_size``.

    ``chunk_size`` may be a function of the answer text giving the pieces instead, so tests can
    cut an answer wherever they like. Every streamed piece is kept in ``pieces``.
    """

    def __init__(
        self, function: AnswerFunction, *, chunk_size: int | Chunker = 8, **options: Any
    ) -> None:
        super().__init__(function, **options)
        self._chunker = chunk_size if callable(chunk_size) else _fixed_size(chunk_size)
        self.pieces: list[str] = []

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(streams=True)

    def stream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        response = self.complete(request)
        for piece in self._chunker(response.content):
            self.pieces.append(piece)
            on_text(piece)
        return response

    async def astream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        return self.stream(request, on_text)


def _fixed_size(size: int) -> Chunker:
    if size < 1:
        raise InvalidArgumentError("chunk_size must be at least 1")
    return lambda text: [text[i : i + size] for i in range(0, len(text), size)]
