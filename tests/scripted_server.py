"""A scripted OpenAI-compatible server for engine tests: an httpx2 transport, no network.

Each request gets the next scripted step: a response, or an httpx2 exception class to raise.
A fake clock records the engine's sleeps and advances when it sleeps, so retry tests never wait.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx2

from assistant.models._retry import RetryPolicy
from assistant.models.base import Message, ModelRequest
from assistant.models.openai import OpenAIModel
from assistant.outputs import ExtractionOutput

BASE_URL = "http://model.test/v1"
Step = httpx2.Response | type[httpx2.TransportError]


def completion(
    content: str | None = '{"claims": []}',
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    prompt_tokens: int = 11,
    completion_tokens: int = 7,
) -> httpx2.Response:
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
    body = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
    return httpx2.Response(200, json=body)


def chunk(
    content: str | None = None,
    *,
    finish_reason: str | None = None,
    usage: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """One ``chat.completion.chunk`` event; with ``usage`` it is the final usage-only chunk."""
    choices: list[dict[str, Any]] = []
    if usage is None:
        delta = {} if content is None else {"role": "assistant", "content": content}
        choices = [{"index": 0, "delta": delta, "finish_reason": finish_reason}]
    body: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "test-model",
        "choices": choices,
    }
    if usage is not None:
        body["usage"] = {
            "prompt_tokens": usage[0],
            "completion_tokens": usage[1],
            "total_tokens": sum(usage),
        }
    return body


def sse(*events: dict[str, Any], done: bool = True) -> bytes:
    """Server-sent events as an OpenAI-compatible server sends them: ``data:`` lines."""
    lines = [f"data: {json.dumps(e)}\n\n" for e in events]
    return ("".join(lines) + ("data: [DONE]\n\n" if done else "")).encode()


def streamed(
    *pieces: str, finish_reason: str = "stop", usage: tuple[int, int] | None = (11, 7)
) -> httpx2.Response:
    """A streamed answer: one chunk per piece, the finish reason, then (optionally) usage."""
    events = [chunk(p) for p in pieces] + [chunk(finish_reason=finish_reason)]
    if usage is not None:
        events.append(chunk(usage=usage))
    return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=sse(*events))


def broken_stream(*pieces: str) -> httpx2.Response:
    """A stream that sends ``pieces`` and then loses its connection."""

    def body() -> Iterator[bytes]:
        yield sse(*(chunk(p) for p in pieces), done=False)
        raise httpx2.ReadError("connection reset by peer")

    return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=body())


def error(
    status: int, message: str, *, code: str | None = None, headers: dict[str, str] | None = None
) -> httpx2.Response:
    body = {"error": {"message": message, "type": "error", "code": code, "param": None}}
    return httpx2.Response(status, json=body, headers=headers)


@dataclass
class FakeClock:
    now: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def policy(self, **limits: Any) -> RetryPolicy:
        return RetryPolicy(
            sleep=self.sleep, async_sleep=self.async_sleep, clock=lambda: self.now, **limits
        )


class ScriptedServer:
    """Answers requests with the scripted steps in order and keeps every request body."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        if not self.steps:
            raise AssertionError("the scripted server ran out of answers")
        step = self.steps.pop(0)
        if isinstance(step, httpx2.Response):
            return step
        raise step("scripted failure", request=request)

    @property
    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(r.content) for r in self.requests]

    def model(self, clock: FakeClock | None = None, **options: Any) -> OpenAIModel:
        transport = httpx2.MockTransport(self)
        options.setdefault("base_url", BASE_URL)
        options.setdefault("api_key", "unused")
        options.setdefault("retry", (clock or FakeClock()).policy())
        return OpenAIModel(
            "test-model",
            http_client=httpx2.Client(transport=transport),
            async_http_client=httpx2.AsyncClient(transport=transport),
            env={},
            **options,
        )


def extract_request() -> ModelRequest:
    messages = (Message("system", "List the claims as JSON."), Message("user", "A bridge opened."))
    return ModelRequest("extract", messages, ExtractionOutput)
