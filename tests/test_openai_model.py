"""The OpenAI engine over a scripted transport: retries, error mapping, modes, configuration."""

from __future__ import annotations

import asyncio

import httpx2
import pytest

from assistant import config
from assistant.errors import (
    AuthenticationError,
    ConfigurationError,
    RequestRejectedError,
    RetriesExhaustedError,
    UnreachableError,
)
from assistant.models._retry import retry_after_seconds
from assistant.models.base import Model
from assistant.models.openai import OpenAIModel
from tests.scripted_server import (
    BASE_URL,
    FakeClock,
    ScriptedServer,
    completion,
    error,
    extract_request,
)

LLAMA_CPP_REJECTION = (
    "1 validation error: {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)


# --- retries ----------------------------------------------------------------------------------


def test_429_then_success_is_retried_and_counted() -> None:
    clock = FakeClock()
    server = ScriptedServer(error(429, "slow down"), completion())
    response = server.model(clock).complete(extract_request())
    assert response.content == '{"claims": []}'
    assert response.retries == 1
    assert len(server.requests) == 2
    assert len(clock.sleeps) == 1


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "7"}, 7.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "600"}, 30.0),
    ],
)
def test_retry_after_is_honoured_and_capped(headers: dict[str, str], expected: float) -> None:
    clock = FakeClock()
    server = ScriptedServer(error(429, "slow down", headers=headers), completion())
    server.model(clock).complete(extract_request())
    assert clock.sleeps == [expected]


def test_retry_after_as_an_http_date() -> None:
    headers = {"retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"}
    assert retry_after_seconds(headers, now=784111770.0) == 7.0
    assert retry_after_seconds({"retry-after": "whenever"}) is None
    assert retry_after_seconds({}) is None


def test_backoff_without_retry_after_is_jittered_exponential_and_capped() -> None:
    clock = FakeClock()
    server = ScriptedServer(*[error(503, "busy")] * 4, completion())
    response = server.model(clock).complete(extract_request())
    assert response.retries == 4
    for number, slept in enumerate(clock.sleeps, start=1):
        assert 0 <= slept <= min(0.5 * 2**number, 30.0)


def test_insufficient_quota_is_not_retried() -> None:
    clock = FakeClock()
    server = ScriptedServer(error(429, "You exceeded your quota", code="insufficient_quota"))
    with pytest.raises(RequestRejectedError, match="OPENAI_API_KEY has no quota"):
        server.model(clock).complete(extract_request())
    assert len(server.requests) == 1
    assert clock.sleeps == []


@pytest.mark.parametrize(
    ("status", "kind", "words"),
    [
        (401, AuthenticationError, ["OPENAI_API_KEY", "HTTP 401"]),
        (403, AuthenticationError, ["OPENAI_API_KEY", "HTTP 403"]),
        (404, RequestRejectedError, ["'test-model'", BASE_URL, "OPENAI_BASE_URL"]),
        (400, RequestRejectedError, ["HTTP 400", "the server says no"]),
        (422, RequestRejectedError, ["HTTP 422", "the server says no"]),
    ],
)
def test_client_errors_are_not_retried(
    status: int, kind: type[Exception], words: list[str]
) -> None:
    clock = FakeClock()
    server = ScriptedServer(error(status, "the server says no"))
    with pytest.raises(kind) as raised:
        server.model(clock).complete(extract_request())
    for word in words:
        assert word in str(raised.value)
    assert getattr(raised.value, "status_code", None) == status
    assert len(server.requests) == 1
    assert clock.sleeps == []


def test_a_key_echoed_by_the_server_is_not_repeated() -> None:
    echoed = "Incorrect API key provided: sk-proj-abcd************************wxyz. See docs."
    server = ScriptedServer(error(401, echoed))
    with pytest.raises(AuthenticationError) as raised:
        server.model().complete(extract_request())
    assert "sk-proj" not in str(raised.value)
    assert "Incorrect API key provided: " + "*" * 41 + " See docs." in str(raised.value)


def test_connection_failure_is_retried_then_unreachable() -> None:
    clock = FakeClock()
    server = ScriptedServer(*[httpx2.ConnectError] * 5)
    with pytest.raises(UnreachableError) as raised:
        server.model(clock).complete(extract_request())
    assert BASE_URL in str(raised.value)
    assert "OPENAI_BASE_URL" in str(raised.value)
    assert len(server.requests) == 5
    assert len(clock.sleeps) == 4


def test_connection_recovers_within_budget() -> None:
    server = ScriptedServer(httpx2.ConnectError, completion())
    assert server.model().complete(extract_request()).retries == 1


def test_timeouts_exhaust_the_retries() -> None:
    server = ScriptedServer(*[httpx2.ReadTimeout] * 5)
    with pytest.raises(RetriesExhaustedError, match="CLAIMDESK_TIMEOUT") as raised:
        server.model().complete(extract_request())
    assert raised.value.attempts == 5


def test_persistent_server_errors_exhaust_the_attempts() -> None:
    server = ScriptedServer(*[error(502, "bad gateway")] * 5)
    with pytest.raises(RetriesExhaustedError, match="bad gateway") as raised:
        server.model().complete(extract_request())
    assert raised.value.attempts == 5
    assert raised.value.status_code == 502


def test_wall_clock_budget_stops_retrying() -> None:
    clock = FakeClock()
    asks_for_4s = error(429, "slow down", headers={"retry-after": "4"})
    server = ScriptedServer(*[asks_for_4s] * 5)
    model = server.model(retry=clock.policy(budget_s=10.0))
    with pytest.raises(RetriesExhaustedError) as raised:
        model.complete(extract_request())
    # attempts at t=0 and t=4 may wait 4 s more; at t=8 the next try would start after 10 s
    assert raised.value.attempts == 3
    assert clock.sleeps == [4.0, 4.0]


def test_async_retries_and_errors() -> None:
    clock = FakeClock()
    server = ScriptedServer(error(500, "oops"), completion(), error(404, "no such model"))
    model = server.model(clock)
    assert asyncio.run(model.acomplete(extract_request())).retries == 1
    with pytest.raises(RequestRejectedError, match="not found"):
        asyncio.run(model.acomplete(extract_request()))
    assert len(clock.sleeps) == 1


def test_each_event_loop_gets_its_own_async_client() -> None:
    model = OpenAIModel("m", base_url=BASE_URL, env={})

    async def two_clients() -> tuple[object, object]:
        return model.async_client, model.async_client

    first, same = asyncio.run(two_clients())
    second, _ = asyncio.run(two_clients())
    assert first is same
    assert second is not first


# --- structured output modes ------------------------------------------------------------------


def test_json_schema_request_is_strict_and_deterministic() -> None:
    server = ScriptedServer(completion())
    server.model(mode="json_schema", max_tokens=300).complete(extract_request())
    body = server.bodies[0]
    assert body["temperature"] == 0
    assert body["max_tokens"] == 300
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert body["response_format"]["json_schema"]["name"] == "ExtractionOutput"
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert server.requests[0].headers["authorization"] == "Bearer unused"


def test_json_object_request_carries_the_schema() -> None:
    server = ScriptedServer(completion())
    server.model(mode="json_object").complete(extract_request())
    response_format = server.bodies[0]["response_format"]
    assert response_format["type"] == "json_object"
    assert response_format["schema"]["required"] == ["claims", "attributions"]


def test_auto_falls_back_to_json_object_once_and_remembers() -> None:
    server = ScriptedServer(error(500, LLAMA_CPP_REJECTION), completion(), completion())
    model = server.model()
    first = model.complete(extract_request())
    assert first.retries == 1
    assert model.wire_mode == "json_object"
    model.complete(extract_request())
    kinds = [b["response_format"]["type"] for b in server.bodies]
    assert kinds == ["json_schema", "json_object", "json_object"]


def test_async_auto_fallback() -> None:
    server = ScriptedServer(error(400, "response_format json_schema is unsupported"), completion())
    model = server.model()
    assert asyncio.run(model.acomplete(extract_request())).retries == 1
    assert model.wire_mode == "json_object"


def test_explicit_json_schema_rejection_names_the_setting_and_is_not_retried() -> None:
    clock = FakeClock()
    server = ScriptedServer(error(500, LLAMA_CPP_REJECTION))
    with pytest.raises(RequestRejectedError, match="CLAIMDESK_OUTPUT_MODE=json_object"):
        server.model(clock, mode="json_schema").complete(extract_request())
    assert len(server.requests) == 1
    assert clock.sleeps == []


# --- answers ----------------------------------------------------------------------------------


def test_usage_and_finish_reasons_are_mapped() -> None:
    server = ScriptedServer(
        completion('{"claims": [', finish_reason="length", prompt_tokens=50, completion_tokens=9),
        completion(None, finish_reason="content_filter"),
        completion(None, refusal="I can't help with that."),
    )
    model = server.model(mode="json_object")
    truncated = model.complete(extract_request())
    assert (truncated.finish_reason, truncated.content) == ("length", '{"claims": [')
    assert (truncated.prompt_tokens, truncated.completion_tokens) == (50, 9)
    filtered = model.complete(extract_request())
    assert (filtered.finish_reason, filtered.content) == ("content_filter", "")
    refused = model.complete(extract_request())
    assert refused.finish_reason == "refusal"
    assert refused.refusal == "I can't help with that."


# --- configuration ----------------------------------------------------------------------------


def test_no_key_and_no_base_url_names_openai_api_key() -> None:
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY") as raised:
        OpenAIModel("gpt-4o-mini", env={})
    assert raised.value.setting == "OPENAI_API_KEY"


def test_environment_supplies_base_url_key_mode_and_timeout() -> None:
    env = {
        "OPENAI_BASE_URL": "http://localhost:8080/v1/",
        "CLAIMDESK_OUTPUT_MODE": "json_object",
        "CLAIMDESK_TIMEOUT": "300",
        "CLAIMDESK_MAX_TOKENS": "512",
        "CLAIMDESK_CONTEXT_CHARS": "6000",
    }
    model = OpenAIModel("local", env=env)
    assert model.base_url == "http://localhost:8080/v1"
    assert (model.mode, model.wire_mode, model.timeout) == ("json_object", "json_object", 300.0)
    assert (model.max_tokens, model.context_chars) == (512, 6000)
    assert model.client.api_key == "unused"


def test_arguments_win_over_environment() -> None:
    env = {"OPENAI_BASE_URL": "http://env/v1", "OPENAI_API_KEY": "from-env"}
    env |= {"CLAIMDESK_OUTPUT_MODE": "json_object", "CLAIMDESK_MAX_TOKENS": "100"}
    model = OpenAIModel(
        "m", base_url="http://arg/v1", api_key="from-arg", mode="auto", max_tokens=7, env=env
    )
    assert (model.base_url, model.client.api_key) == ("http://arg/v1", "from-arg")
    assert (model.mode, model.max_tokens) == ("auto", 7)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CLAIMDESK_OUTPUT_MODE", "yaml"),
        ("CLAIMDESK_TIMEOUT", "soon"),
        ("CLAIMDESK_TIMEOUT", "0"),
        ("CLAIMDESK_MAX_TOKENS", "1.5"),
        ("CLAIMDESK_CONTEXT_CHARS", "-3"),
    ],
)
def test_bad_settings_name_the_variable(variable: str, value: str) -> None:
    env = {"OPENAI_API_KEY": "unused", variable: value}
    with pytest.raises(ConfigurationError, match=variable) as raised:
        OpenAIModel("m", env=env)
    assert raised.value.setting == variable


def test_config_builds_the_openai_engine() -> None:
    model = config.build("openai:gpt-4o-mini", base_url=BASE_URL, api_key="unused")
    assert isinstance(model, OpenAIModel)
    assert isinstance(model, Model)
    assert (model.engine_name, model.model_name) == ("openai", "gpt-4o-mini")


@pytest.mark.parametrize("mode", ["json_schema", "json_object"])
def test_the_schema_is_sent_once(mode: str) -> None:
    """json_schema: only in response_format; json_object: in the system prompt (and in the
    extension key llama-cpp-python's server enforces), as a server need not enforce it."""
    server = ScriptedServer(completion())
    server.model(mode=mode).complete(extract_request())
    body = server.bodies[0]
    system = body["messages"][0]["content"]
    assert body["messages"][0]["role"] == "system"
    if mode == "json_schema":
        assert body["response_format"]["json_schema"]["schema"]["required"] == [
            "claims",
            "attributions",
        ]
        assert '"claims"' not in system
    else:
        assert system.startswith("List the claims as JSON.\n\nThe JSON must match this schema:\n")
        assert system.count('"required":["claims","attributions"]') == 1
