"""The OpenAI engine streaming answers from a scripted server: SSE chunks, retries, fallbacks."""

from __future__ import annotations

import asyncio
import json

import pytest

from assistant import Assistant, Session
from assistant.errors import ModelServerError
from assistant.models.base import StreamingModel
from assistant.models.function import scripted
from tests.chat_support import seed_analysis
from tests.scripted_server import (
    FakeClock,
    ScriptedServer,
    broken_stream,
    completion,
    error,
    extract_request,
    streamed,
)

LLAMA_CPP_REJECTION = (
    "1 validation error: {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)
PIECES = ('{"claims"', ": [", "]}")


def test_the_engine_streams_and_the_fakes_need_not() -> None:
    assert isinstance(ScriptedServer().model(), StreamingModel)
    assert not isinstance(scripted([]), StreamingModel)
    assert isinstance(scripted([], stream=True), StreamingModel)


def test_pieces_are_passed_on_as_they_arrive_and_the_response_is_whole() -> None:
    server = ScriptedServer(streamed(*PIECES, usage=(40, 3)))
    seen: list[str] = []
    response = server.model(mode="json_object", max_tokens=64).stream(
        extract_request(), seen.append
    )
    assert seen == list(PIECES)
    assert response.content == '{"claims": []}'
    assert (response.finish_reason, response.prompt_tokens, response.completion_tokens) == (
        "stop",
        40,
        3,
    )
    assert response.retries == 0
    body = server.bodies[0]
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert body["response_format"]["type"] == "json_object"
    assert body["max_tokens"] == 64


def test_a_stream_without_usage_counts_no_tokens_and_keeps_the_finish_reason() -> None:
    server = ScriptedServer(streamed('{"claims": [', finish_reason="length", usage=None))
    response = server.model().stream(extract_request(), lambda _: None)
    assert (response.finish_reason, response.prompt_tokens) == ("length", 0)


def test_failures_before_the_first_chunk_are_retried() -> None:
    clock = FakeClock()
    server = ScriptedServer(error(503, "busy"), broken_stream(), streamed(*PIECES))
    seen: list[str] = []
    response = server.model(clock).stream(extract_request(), seen.append)
    assert response.retries == 2 and len(clock.sleeps) == 2
    assert seen == list(PIECES)


def test_a_stream_broken_after_text_arrived_is_an_error_not_a_retry() -> None:
    server = ScriptedServer(broken_stream('{"claims"', ": ["), streamed(*PIECES))
    seen: list[str] = []
    with pytest.raises(ModelServerError, match="broke off its answer"):
        server.model().stream(extract_request(), seen.append)
    assert seen == ['{"claims"', ": ["]
    assert len(server.requests) == 1


def test_a_server_rejecting_stream_options_gets_whole_requests_from_then_on() -> None:
    rejection = error(400, "Unrecognized request argument supplied: stream_options")
    server = ScriptedServer(rejection, completion(), completion())
    model = server.model(mode="json_object")
    seen: list[str] = []
    first = model.stream(extract_request(), seen.append)
    assert (first.content, first.retries) == ('{"claims": []}', 1)
    assert seen == ['{"claims": []}']  # the whole answer, as one piece
    assert not model.streams
    model.stream(extract_request(), seen.append)
    assert ["stream" in b for b in server.bodies] == [True, False, False]


@pytest.mark.parametrize("message", ["messages must not be empty", "upstream refused the prompt"])
def test_other_client_errors_are_not_taken_for_a_streaming_rejection(message: str) -> None:
    server = ScriptedServer(error(400, message))
    model = server.model(mode="json_object")
    with pytest.raises(ModelServerError, match="HTTP 400"):
        model.stream(extract_request(), lambda _: None)
    assert model.streams


def test_auto_mode_falls_back_to_json_object_while_streaming() -> None:
    server = ScriptedServer(error(500, LLAMA_CPP_REJECTION), streamed(*PIECES))
    model = server.model()
    response = model.stream(extract_request(), lambda _: None)
    assert response.retries == 1 and model.wire_mode == "json_object"
    assert [b["response_format"]["type"] for b in server.bodies] == ["json_schema", "json_object"]
    assert all(b["stream"] for b in server.bodies)


def test_async_streaming_retries_and_passes_pieces_on() -> None:
    server = ScriptedServer(error(429, "slow down"), streamed(*PIECES, usage=(5, 2)))
    seen: list[str] = []
    response = asyncio.run(server.model().astream(extract_request(), seen.append))
    assert seen == list(PIECES)
    assert (response.content, response.retries, response.prompt_tokens) == ('{"claims": []}', 1, 5)


def test_async_stream_rejection_falls_back_to_a_whole_answer() -> None:
    server = ScriptedServer(error(422, "stream is not supported"), completion())
    model = server.model(mode="json_object")
    seen: list[str] = []
    asyncio.run(model.astream(extract_request(), seen.append))
    assert seen == ['{"claims": []}'] and not model.streams


def test_a_chat_answer_streams_its_text_through_the_engine_with_a_reask() -> None:
    made_up = {"text": "It was denied.", "citations": [{"claim_id": "c1", "quote": "nowhere"}]}
    good = {
        "text": "The Foreign Office denied c1.",
        "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
    }

    def pieces(answer: dict[str, object]) -> list[str]:
        raw = json.dumps(answer)
        return [raw[i : i + 4] for i in range(0, len(raw), 4)]

    server = ScriptedServer(streamed(*pieces(made_up)), streamed(*pieces(good)))
    assistant = Assistant(server.model(mode="json_object"))
    analysis = seed_analysis(assistant.engine)
    chat = Session(assistant, analysis.documents, analysis=analysis)
    seen: list[str] = []
    answer = chat.ask(
        "What did the FO deny?", on_text=seen.append, on_restart=lambda: seen.append("|")
    )
    assert answer.verified and answer.reasked
    assert "".join(seen) == "It was denied.|The Foreign Office denied c1."
    assert chat.usage.prompt_tokens == 22
