"""The one model interface every engine implements: LLM adapters, the offline engine, the fake.

A request names its task, carries the rendered chat messages, the pydantic type the answer must
validate against, and the task's inputs as data (so an engine that does not read prompts, such
as the offline one, gets the same information). A response is the raw answer text plus how the
generation ended; validation, re-asking and grounding happen above this interface.

What an engine can do is declared in a small record (:class:`Capabilities`) that wrappers
forward, so no code branches on an engine's name. Streaming is an optional extra
(:class:`StreamingModel`): an engine that can pass on the answer text while it is generated
implements ``stream``/``astream`` besides ``complete`` and declares ``streams``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel

Task = Literal["extract", "check", "answer"]
FinishReason = Literal["stop", "length", "content_filter", "refusal"]


@dataclass(frozen=True)
class Message:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class ModelRequest:
    task: Task
    messages: tuple[Message, ...]
    output_type: type[BaseModel]
    inputs: Mapping[str, Any] = field(default_factory=dict)
    max_tokens: int | None = None

    def with_followup(self, answer: str, correction: str) -> ModelRequest:
        """The same request with the model's last answer and a correction appended."""
        extra = (Message("assistant", answer), Message("user", correction))
        return ModelRequest(
            self.task, self.messages + extra, self.output_type, self.inputs, self.max_tokens
        )


@dataclass(frozen=True)
class Capabilities:
    """What an engine can do, as the code above the model interface needs to know it.

    ``streams``: it implements ``stream``/``astream``. ``reads_prompts``: it reads the rendered
    prompt messages (a rule engine reads the request's inputs instead, so prompt changes do not
    change its answers). ``revision``: what besides the model name and the prompts changes its
    answers (a rule engine's code); part of every cache key. ``local``: it answers on this
    machine at no cost, so storing its answers saves nothing. ``languages``: the languages it
    reads, None for any (language.py tells only English apart, as "en").
    """

    streams: bool = False
    reads_prompts: bool = True
    revision: str = ""
    local: bool = False
    languages: frozenset[str] | None = None


@dataclass(frozen=True)
class ModelResponse:
    content: str
    finish_reason: FinishReason = "stop"
    refusal: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = 0


@runtime_checkable
class Model(Protocol):
    """An engine that answers structured requests."""

    @property
    def engine_name(self) -> str:
        """Short engine family name: 'openai', 'offline', 'function'."""
        ...

    @property
    def model_name(self) -> str:
        """The model identifier as the engine knows it."""
        ...

    @property
    def context_chars(self) -> int:
        """How many characters of article text fit one request."""
        ...

    @property
    def capabilities(self) -> Capabilities:
        """What the engine can do (wrappers forward the inner model's)."""
        ...

    def complete(self, request: ModelRequest) -> ModelResponse: ...

    async def acomplete(self, request: ModelRequest) -> ModelResponse: ...


TextSink = Callable[[str], None]


@runtime_checkable
class StreamingModel(Model, Protocol):
    """An engine that can also pass on the raw answer text while it is being generated.

    ``on_text`` gets the answer's raw content in one or more pieces, in order, before ``stream``
    returns the same ModelResponse ``complete`` would (the pieces joined are its content).
    """

    def stream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse: ...

    async def astream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse: ...
