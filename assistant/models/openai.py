"""The engine for OpenAI and OpenAI-compatible servers (vLLM, Ollama, llama-cpp-python, ...).

The only module that imports the openai SDK. The SDK never retries (``max_retries=0``); tenacity
does (see _retry.py). Structured output is asked for in one of two modes:

- ``json_schema``: OpenAI's strict structured outputs, the same request body
  ``client.chat.completions.parse(response_format=OutputType)`` sends (OpenAI, vLLM, Ollama);
- ``json_object``: ``{"type": "json_object", "schema": ...}`` (llama-cpp-python's server enforces
  the schema with a grammar).

``auto`` starts with ``json_schema`` and, when the server rejects it, switches this instance to
``json_object``. The raw answer text is returned; validation and re-asks happen above.

It also streams (the StreamingModel capability): ``stream=True`` with
``stream_options={"include_usage": True}``, passing each piece of content on as it arrives and
returning the same ModelResponse as ``complete``. Failures before the first chunk are retried
like any other; once text has been passed on, a broken stream is an error, not a retry. A server
that rejects streaming requests (or their ``stream_options``) gets whole answers from then on.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, cast

import httpx2
from openai import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncOpenAI,
    AsyncStream,
    DefaultAsyncHttpxClient,
    OpenAI,
    OpenAIError,
    Stream,
    omit,
)
from openai.lib import type_to_response_format_param
from openai.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessageParam,
    ChatCompletionStreamOptionsParam,
)
from openai.types.chat.completion_create_params import ResponseFormat
from pydantic import BaseModel

from assistant import redaction
from assistant.errors import (
    AuthenticationError,
    ClaimdeskError,
    MalformedResponseError,
    ModelServerError,
    RequestRejectedError,
    RetriesExhaustedError,
    UnreachableError,
)
from assistant.models._retry import (
    Exhausted,
    RetryPolicy,
    acall_with_retries,
    call_with_retries,
    retry_after_seconds,
)
from assistant.models._settings import OutputMode, resolve
from assistant.models.base import (
    Capabilities,
    FinishReason,
    Message,
    ModelRequest,
    ModelResponse,
    TextSink,
)
from assistant.settings import layered

if TYPE_CHECKING:
    from openai.types import CompletionUsage

Wire = Literal["json_schema", "json_object"]
STREAMING_SERVER = Capabilities(streams=True)
STREAM_OPTIONS: ChatCompletionStreamOptionsParam = {"include_usage": True}
STREAM_WORDS = re.compile(r"\bstream(?:_options|ing)?\b", re.IGNORECASE)
TRANSIENT_STATUS = frozenset({408, 429})


class _SchemaRejected(Exception):
    """The server refused a ``json_schema`` response format (auto mode falls back)."""

    def __init__(self, error: APIStatusError) -> None:
        super().__init__(str(error))
        self.error = error


class _StreamRejected(Exception):
    """The server refused a streaming request (or its ``stream_options``)."""


class _Malformed(Exception):
    """The server's body was truncated, empty or not JSON (retried like a 5xx)."""


class OpenAIModel:
    """An OpenAI-compatible chat completions server answering structured requests."""

    def __init__(
        self,
        name: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: OutputMode | None = None,
        timeout: float | None = None,
        max_tokens: int | None = None,
        context_chars: int | None = None,
        retry: RetryPolicy | None = None,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        settings = resolve(
            layered() if env is None else env,
            base_url=base_url,
            api_key=api_key,
            mode=mode,
            timeout_s=timeout,
            max_tokens=max_tokens,
            context_chars=context_chars,
        )
        redaction.register(settings.api_key)
        redaction.register_url(settings.base_url)
        self._name = name
        self._api_key = settings.api_key
        self.base_url = settings.base_url
        self.mode = settings.mode
        self.timeout = settings.timeout_s
        self.max_tokens = settings.max_tokens
        self._context_chars = settings.context_chars
        self.retry = retry or RetryPolicy(
            max_attempts=settings.max_attempts, first_wait_s=settings.retry_wait_s
        )
        self._wire: Wire = "json_object" if self.mode == "json_object" else "json_schema"
        self._http_client = http_client
        self._async_http_client = async_http_client
        self._client: OpenAI | None = None
        self._async_client: AsyncOpenAI | None = None
        self._async_loop: asyncio.AbstractEventLoop | None = None
        self.streams = True  # False once the server has rejected a streaming request
        self.reached = False  # True once the server has answered anything at all

    # --- the Model protocol ---------------------------------------------------------------------

    @property
    def engine_name(self) -> str:
        return "openai"

    @property
    def model_name(self) -> str:
        return self._name

    @property
    def context_chars(self) -> int:
        return self._context_chars

    @property
    def capabilities(self) -> Capabilities:
        return STREAMING_SERVER

    @property
    def wire_mode(self) -> Wire:
        """The response format this instance sends now (``auto`` may have switched it)."""
        return self._wire

    def complete(self, request: ModelRequest) -> ModelResponse:
        try:
            return self._complete_any_wire(request)
        except ClaimdeskError:
            raise
        except Exception as error:
            raise self._unexpected(error) from None

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        try:
            return await self._acomplete_any_wire(request)
        except ClaimdeskError:
            raise
        except Exception as error:
            raise self._unexpected(error) from None

    def _complete_any_wire(self, request: ModelRequest) -> ModelResponse:
        try:
            return self._complete(request, self._wire, retries=0)
        except _SchemaRejected as rejected:
            self._fall_back(rejected)
            return self._complete(request, "json_object", retries=1)

    async def _acomplete_any_wire(self, request: ModelRequest) -> ModelResponse:
        try:
            return await self._acomplete(request, self._wire, retries=0)
        except _SchemaRejected as rejected:
            self._fall_back(rejected)
            return await self._acomplete(request, "json_object", retries=1)

    def _unexpected(self, error: Exception) -> ModelServerError:
        """Whatever else the SDK or transport raised, as a one-line typed error."""
        return ModelServerError(
            f"the exchange with the model server at {self.base_url} failed "
            f"({type(error).__name__}: {_gist(str(error), 200)})"
        )

    def _complete(self, request: ModelRequest, wire: Wire, *, retries: int) -> ModelResponse:
        call = partial(self._create, request, wire)
        try:
            completion, attempts = call_with_retries(call, self.retry, _transient, _asked_wait)
        except (Exhausted, OpenAIError, _Malformed) as error:
            raise self._translate(error) from None
        return _response(completion, retries + attempts - 1)

    async def _acomplete(self, request: ModelRequest, wire: Wire, *, retries: int) -> ModelResponse:
        call = partial(self._acreate, request, wire)
        try:
            completion, attempts = await acall_with_retries(
                call, self.retry, _transient, _asked_wait
            )
        except (Exhausted, OpenAIError, _Malformed) as error:
            raise self._translate(error) from None
        return _response(completion, retries + attempts - 1)

    # --- the StreamingModel capability ----------------------------------------------------------

    def stream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        try:
            return self._stream_or_whole(request, on_text)
        except ClaimdeskError:
            raise
        except Exception as error:
            raise self._unexpected(error) from None

    async def astream(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        try:
            return await self._astream_or_whole(request, on_text)
        except ClaimdeskError:
            raise
        except Exception as error:
            raise self._unexpected(error) from None

    def _stream_or_whole(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        if not self.streams:
            return _whole(self.complete(request), on_text)
        try:
            return self._stream_any_wire(request, on_text)
        except _StreamRejected:
            self.streams = False
            return _whole(self.complete(request), on_text, rejected=1)

    async def _astream_or_whole(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        if not self.streams:
            return _whole(await self.acomplete(request), on_text)
        try:
            return await self._astream_any_wire(request, on_text)
        except _StreamRejected:
            self.streams = False
            return _whole(await self.acomplete(request), on_text, rejected=1)

    def _stream_any_wire(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        try:
            return self._stream(request, self._wire, on_text, retries=0)
        except _SchemaRejected as rejected:
            self._fall_back(rejected)
            return self._stream(request, "json_object", on_text, retries=1)

    async def _astream_any_wire(self, request: ModelRequest, on_text: TextSink) -> ModelResponse:
        try:
            return await self._astream(request, self._wire, on_text, retries=0)
        except _SchemaRejected as rejected:
            self._fall_back(rejected)
            return await self._astream(request, "json_object", on_text, retries=1)

    def _stream(
        self, request: ModelRequest, wire: Wire, on_text: TextSink, *, retries: int
    ) -> ModelResponse:
        call = partial(self._open_stream, request, wire)
        try:
            (stream, first), attempts = call_with_retries(call, self.retry, _transient, _asked_wait)
        except (Exhausted, OpenAIError, _Malformed) as error:
            raise self._translate(error) from None
        collected = _Collected(on_text)
        with stream:
            try:
                collected.add(first)
                for chunk in stream:
                    collected.add(chunk)
            except (OpenAIError, httpx2.HTTPError, ValueError) as error:
                raise self._broken_off(error) from None
        return collected.response(retries + attempts - 1)

    async def _astream(
        self, request: ModelRequest, wire: Wire, on_text: TextSink, *, retries: int
    ) -> ModelResponse:
        call = partial(self._aopen_stream, request, wire)
        try:
            (stream, first), attempts = await acall_with_retries(
                call, self.retry, _transient, _asked_wait
            )
        except (Exhausted, OpenAIError, _Malformed) as error:
            raise self._translate(error) from None
        collected = _Collected(on_text)
        async with stream:
            try:
                collected.add(first)
                async for chunk in stream:
                    collected.add(chunk)
            except (OpenAIError, httpx2.HTTPError, ValueError) as error:
                raise self._broken_off(error) from None
        return collected.response(retries + attempts - 1)

    def _open_stream(self, request: ModelRequest, wire: Wire) -> Opened:
        """The stream and its first chunk: everything up to here may be retried."""
        try:
            stream: Stream[ChatCompletionChunk] = self.client.chat.completions.create(
                **self._arguments(request, wire), stream=True, stream_options=STREAM_OPTIONS
            )
        except APIStatusError as error:
            self.reached = True
            raise _stream_rejection(error, wire) from error
        except ValueError as error:
            self.reached = True
            raise _Malformed(str(error)) from error
        try:
            first = next(stream, None)
        except ValueError as error:
            stream.close()
            raise _Malformed(str(error)) from error
        except httpx2.TransportError as error:
            stream.close()
            raise _connection_error(error, stream.response.request) from error
        except BaseException:
            stream.close()
            raise
        self.reached = True
        return stream, first

    async def _aopen_stream(self, request: ModelRequest, wire: Wire) -> AsyncOpened:
        try:
            stream: AsyncStream[
                ChatCompletionChunk
            ] = await self.async_client.chat.completions.create(
                **self._arguments(request, wire), stream=True, stream_options=STREAM_OPTIONS
            )
        except APIStatusError as error:
            self.reached = True
            raise _stream_rejection(error, wire) from error
        except ValueError as error:
            self.reached = True
            raise _Malformed(str(error)) from error
        try:
            first = await anext(stream, None)
        except ValueError as error:
            await stream.close()
            raise _Malformed(str(error)) from error
        except httpx2.TransportError as error:
            await stream.close()
            raise _connection_error(error, stream.response.request) from error
        except BaseException:
            await stream.close()
            raise
        self.reached = True
        return stream, first

    def _broken_off(self, error: OpenAIError | httpx2.HTTPError | ValueError) -> ModelServerError:
        detail = _server_message(error) if isinstance(error, APIStatusError) else str(error)
        reason = detail or type(error).__name__
        return ModelServerError(
            f"the model server at {self.base_url} broke off its answer ({reason}); ask again"
        )

    # --- what the server offers -----------------------------------------------------------------

    def served_models(self) -> list[str]:
        """The model ids the server lists at ``GET /models``, sorted (retried like any call)."""
        try:
            names, _ = call_with_retries(self._list_models, self.retry, _transient, _asked_wait)
        except (Exhausted, OpenAIError) as error:
            raise self._translate(error) from None
        return names

    def _list_models(self) -> list[str]:
        return sorted(model.id for model in self.client.models.list())

    # --- requests -------------------------------------------------------------------------------

    @property
    def client(self) -> OpenAI:
        if self._client is None:
            self._client = OpenAI(
                api_key=self._api_key,
                base_url=self.base_url,
                timeout=self.timeout,
                max_retries=0,
                http_client=self._http_client,
            )
        return self._client

    @property
    def async_client(self) -> AsyncOpenAI:
        """The async client for the running event loop: pooled connections die with their loop.

        The SDK's own HTTP client would schedule its closing on whatever loop runs when it is
        garbage-collected, so each loop gets a plain one with the SDK's defaults instead.
        """
        loop = asyncio.get_running_loop()
        if self._async_client is None or self._async_loop is not loop:
            self._async_client = AsyncOpenAI(
                api_key=self._api_key,
                base_url=self.base_url,
                timeout=self.timeout,
                max_retries=0,
                http_client=self._async_http_client or DefaultAsyncHttpxClient(),
            )
            self._async_loop = loop
        return self._async_client

    def _create(self, request: ModelRequest, wire: Wire) -> ChatCompletion:
        try:
            completion: ChatCompletion | str = self.client.chat.completions.create(
                **self._arguments(request, wire)
            )
        except APIStatusError as error:
            self.reached = True
            raise _schema_rejection(error, wire) from error
        except ValueError as error:  # a truncated, empty or non-JSON body
            self.reached = True
            raise _Malformed(str(error)) from error
        self.reached = True
        return self._checked(completion)

    async def _acreate(self, request: ModelRequest, wire: Wire) -> ChatCompletion:
        try:
            completion: ChatCompletion | str = await self.async_client.chat.completions.create(
                **self._arguments(request, wire)
            )
        except APIStatusError as error:
            self.reached = True
            raise _schema_rejection(error, wire) from error
        except ValueError as error:  # a truncated, empty or non-JSON body
            self.reached = True
            raise _Malformed(str(error)) from error
        self.reached = True
        return self._checked(completion)

    def _checked(self, completion: ChatCompletion | str) -> ChatCompletion:
        """The completion, unless the server sent something else (the openai client hands back
        the raw text of a non-JSON answer, such as a web page at a base URL missing its /v1)."""
        if isinstance(completion, ChatCompletion):
            return completion
        raise MalformedResponseError(
            f"the server at {self.base_url} sent {_gist(str(completion))!r}, not an "
            "OpenAI-compatible answer; check OPENAI_BASE_URL (it usually ends in /v1)"
        )

    def _arguments(self, request: ModelRequest, wire: Wire) -> dict[str, Any]:
        """The request body, deterministic so that recorded cassettes match it."""
        response_format, extra_body = _response_format(request.output_type, wire)
        return {
            "model": self._name,
            "messages": [_message(m) for m in request.messages],
            "temperature": 0,
            "max_tokens": request.max_tokens or self.max_tokens,
            "response_format": response_format,
            "extra_body": extra_body,
        }

    def _fall_back(self, rejected: _SchemaRejected) -> None:
        """Switch this instance to ``json_object`` in auto mode; else say which setting to fix."""
        if self.mode != "auto":
            raise RequestRejectedError(
                f"the server at {self.base_url} does not accept json_schema response formats "
                f"({_server_message(rejected.error)}); set CLAIMDESK_OUTPUT_MODE=json_object",
                status_code=rejected.error.status_code,
            )
        self._wire = "json_object"

    # --- errors ---------------------------------------------------------------------------------

    def _translate(self, error: Exhausted | OpenAIError | _Malformed) -> ModelServerError:
        if isinstance(error, Exhausted):
            return self._exhausted(error.last, error.attempts)
        if isinstance(error, APIStatusError):
            return self._rejected(error)
        if isinstance(error, APIConnectionError | _Malformed):
            return self._exhausted(error, 1)
        return ModelServerError(f"the model server at {self.base_url} failed: {error}")

    def _exhausted(self, last: BaseException, attempts: int) -> ModelServerError:
        where = f"the model server at {self.base_url}"
        if isinstance(last, _Malformed):
            return MalformedResponseError(
                f"{where} sent a truncated, empty or non-JSON answer ({_attempts(attempts)}; "
                f"{_gist(str(last))}); check the server and OPENAI_BASE_URL"
            )
        if isinstance(last, APITimeoutError):
            return RetriesExhaustedError(
                f"{where} did not answer within {self.timeout:g} s ({_attempts(attempts)}); "
                "raise CLAIMDESK_TIMEOUT or use a faster model",
                attempts=attempts,
            )
        if isinstance(last, APIConnectionError) and (self.reached or not _refused(last)):
            return RetriesExhaustedError(
                f"{where} kept dropping the connection ({_attempts(attempts)}: "
                f"{_gist(str(last.__cause__ or last))}); try again later",
                attempts=attempts,
            )
        if isinstance(last, APIConnectionError):
            return UnreachableError(
                f"cannot reach {where} ({_attempts(attempts)}): check that it is running "
                "and that OPENAI_BASE_URL is right"
            )
        status = last.status_code if isinstance(last, APIStatusError) else None
        detail = _server_message(last) if isinstance(last, APIStatusError) else str(last)
        return RetriesExhaustedError(
            f"{where} kept failing after {_attempts(attempts)} (HTTP {status}: {detail}); "
            "try again later",
            attempts=attempts,
            status_code=status,
        )

    def _rejected(self, error: APIStatusError) -> ModelServerError:
        status, detail = error.status_code, _server_message(error)
        if status in (401, 403):
            return AuthenticationError(
                f"the model server at {self.base_url} refused the API key (HTTP {status}: "
                f"{detail}); set OPENAI_API_KEY to a valid key",
                status_code=status,
            )
        if status == 404:
            return RequestRejectedError(
                f"model {self._name!r} or its endpoint was not found at {self.base_url} "
                f"(HTTP 404: {detail}); check the model name and OPENAI_BASE_URL",
                status_code=status,
            )
        if _is_quota(error):
            return RequestRejectedError(
                f"the account behind OPENAI_API_KEY has no quota left (HTTP 429: {detail})",
                status_code=status,
            )
        return RequestRejectedError(
            f"the model server rejected the request (HTTP {status}): {detail}",
            status_code=status,
        )


# --- the wire -----------------------------------------------------------------------------------


def strict_schema(output_type: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema the SDK sends for ``output_type`` in strict ``json_schema`` mode."""
    response_format = type_to_response_format_param(output_type)
    if not isinstance(response_format, dict) or response_format["type"] != "json_schema":
        raise TypeError(f"{output_type.__name__} has no json_schema response format")
    return dict(response_format["json_schema"].get("schema") or {})


def _response_format(
    output_type: type[BaseModel], wire: Wire
) -> tuple[ResponseFormat, None] | tuple[Any, dict[str, Any]]:
    if wire == "json_schema":
        response_format = type_to_response_format_param(output_type)
        if not isinstance(response_format, dict):
            raise TypeError(f"{output_type.__name__} has no response format")
        return response_format, None
    # the schema key is an extension of llama-cpp-python's server, so it goes in the extra body
    schema = strict_schema(output_type)
    return omit, {"response_format": {"type": "json_object", "schema": schema}}


def _gist(text: str, limit: int = 60) -> str:
    """The start of a text on one line, for an error message."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _message(message: Message) -> ChatCompletionMessageParam:
    if message.role == "system":
        return {"role": "system", "content": message.content}
    if message.role == "user":
        return {"role": "user", "content": message.content}
    return {"role": "assistant", "content": message.content}


def _response(completion: ChatCompletion, retries: int) -> ModelResponse:
    if not completion.choices:
        raise MalformedResponseError("the model server answered without any choices")
    choice = completion.choices[0]
    if getattr(choice, "message", None) is None:
        raise MalformedResponseError("the model server answered a choice without a message")
    refusal = choice.message.refusal or None
    usage = completion.usage
    return ModelResponse(
        content=choice.message.content or "",
        finish_reason=_finish_reason(choice.finish_reason, refusal),
        refusal=refusal,
        prompt_tokens=usage.prompt_tokens if usage else 0,
        completion_tokens=usage.completion_tokens if usage else 0,
        retries=retries,
    )


# --- streamed answers ---------------------------------------------------------------------------

Opened = tuple[Stream[ChatCompletionChunk], ChatCompletionChunk | None]
AsyncOpened = tuple[AsyncStream[ChatCompletionChunk], ChatCompletionChunk | None]


class _Collected:
    """A streamed answer put back together, its content passed on piece by piece."""

    def __init__(self, on_text: TextSink) -> None:
        self.on_text = on_text
        self.content: list[str] = []
        self.refusal: list[str] = []
        self.finish_reason: str | None = None
        self.usage: CompletionUsage | None = None
        self.chosen = False

    def add(self, chunk: ChatCompletionChunk | None) -> None:
        if chunk is None:
            return
        if chunk.usage is not None:
            self.usage = chunk.usage
        for choice in chunk.choices:
            if choice.index != 0:
                continue
            self.chosen = True
            if choice.delta.content:
                self.content.append(choice.delta.content)
                self.on_text(choice.delta.content)
            if choice.delta.refusal:
                self.refusal.append(choice.delta.refusal)
            self.finish_reason = choice.finish_reason or self.finish_reason

    def response(self, retries: int) -> ModelResponse:
        if not self.chosen:
            raise MalformedResponseError("the model server answered without any choices")
        refusal = "".join(self.refusal) or None
        return ModelResponse(
            content="".join(self.content),
            finish_reason=_finish_reason(self.finish_reason, refusal),
            refusal=refusal,
            prompt_tokens=self.usage.prompt_tokens if self.usage else 0,
            completion_tokens=self.usage.completion_tokens if self.usage else 0,
            retries=retries,
        )


def _whole(response: ModelResponse, on_text: TextSink, *, rejected: int = 0) -> ModelResponse:
    """A whole answer given where a stream was asked for: passed on as one piece."""
    if response.content:
        on_text(response.content)
    return replace(response, retries=response.retries + rejected) if rejected else response


def _connection_error(error: httpx2.TransportError, request: httpx2.Request) -> APIConnectionError:
    """The SDK's error for a transport failure while reading a stream (so it is retried)."""
    if isinstance(error, httpx2.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(message=str(error) or type(error).__name__, request=request)


def _stream_rejection(error: APIStatusError, wire: Wire) -> Exception:
    """A refused ``json_schema`` (see _schema_rejection), else a refused streaming request."""
    rejection = _schema_rejection(error, wire)
    if rejection is not error or error.status_code not in (400, 422):
        return rejection
    rejects_streaming = STREAM_WORDS.search(_server_text(error)) is not None
    return _StreamRejected(str(error)) if rejects_streaming else error


def _finish_reason(reason: str | None, refusal: str | None) -> FinishReason:
    if refusal:
        return "refusal"
    if reason in ("length", "content_filter"):
        return cast(FinishReason, reason)
    return "stop"


# --- error classification -----------------------------------------------------------------------


def _transient(error: BaseException) -> bool:
    """429 (except insufficient_quota), 408, 5xx, timeouts, connection failures and truncated,
    empty or non-JSON bodies."""
    if isinstance(error, APIConnectionError | _Malformed):
        return True
    if isinstance(error, APIStatusError):
        transient = error.status_code in TRANSIENT_STATUS or error.status_code >= 500
        return transient and not _is_quota(error)
    return False


def _asked_wait(error: BaseException) -> float | None:
    if isinstance(error, APIStatusError):
        return retry_after_seconds(error.response.headers)
    return None


def _is_quota(error: APIStatusError) -> bool:
    return error.status_code == 429 and error.code == "insufficient_quota"


def _schema_rejection(error: APIStatusError, wire: Wire) -> Exception:
    """A server refusing the ``json_schema`` response format (llama-cpp answers HTTP 500)."""
    if wire != "json_schema" or error.status_code not in (400, 422, 500):
        return error
    text = _server_text(error).lower()
    return _SchemaRejected(error) if "json_schema" in text or "response_format" in text else error


def _refused(error: BaseException) -> bool:
    """Whether a connection failure never got a connection (refused, DNS, connect timeout),
    rather than losing one the server had accepted (a reset, a body cut off)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(
            seen, httpx2.ConnectError | httpx2.ConnectTimeout | httpx2.UnsupportedProtocol
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _attempts(count: int) -> str:
    return "1 attempt" if count == 1 else f"{count} attempts"


def _server_text(error: APIStatusError) -> str:
    """The server's own words on one line."""
    body = error.body
    text: object = body
    if isinstance(body, dict):
        text = body.get("message") or body.get("detail") or body
    return " ".join(str(text or error.message).split())


def _server_message(error: APIStatusError) -> str:
    """The server's words, short enough for a terminal, with anything key-like blanked out."""
    line = redaction.redact(_server_text(error))
    return line if len(line) <= 300 else line[:297] + "..."
