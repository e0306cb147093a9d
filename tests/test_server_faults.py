"""Every way a model server can fail, played by the loopback fault server through the real CLI.

Each case asserts how many requests were made (the retry policy), that the failure ends in a
typed ClaimdeskError with a one-line message and the documented exit code, and that nothing the
user gave is lost: the whole article reached the server and the input file is untouched.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.cli.main import main
from assistant.errors import (
    AuthenticationError,
    ClaimdeskError,
    MalformedResponseError,
    RefusalError,
    RequestRejectedError,
    RetriesExhaustedError,
    UnreachableError,
)
from tests.conftest import SEED
from tests.fault_server import (
    RESET,
    FaultServer,
    Reply,
    answer,
    claims_answer,
    completion_body,
    error,
    raw,
)

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

TRUNCATED = raw(b'{"id": "chatcmpl-1", "object": "chat.completion", "choi')
EMPTY = raw(b"")
NOT_JSON = raw(b"<html><body>Welcome to nginx!</body></html>", content_type="text/html")
WRONG_SCHEMA = raw(b'{"result": "ok", "data": [1, 2, 3]}')
NO_MESSAGE = raw(b'{"id": "x", "object": "chat.completion", "choices": [{"index": 0}]}')
CUT = Reply(body=json.dumps(completion_body('{"claims": []}')).encode(), cut_at=40)
SLOW = Reply(body=claims_answer().body, delay_s=1.5)

# (replies, requests expected, error type or None for success, exit code)
CASES = {
    "truncated JSON body, every time": ([TRUNCATED] * 3, 3, MalformedResponseError, 1),
    "truncated JSON body, then an answer": ([TRUNCATED, claims_answer()], 2, None, 0),
    "empty body, every time": ([EMPTY] * 3, 3, MalformedResponseError, 1),
    "a web page, not JSON": ([NOT_JSON], 1, MalformedResponseError, 1),
    "JSON of another shape": ([WRONG_SCHEMA], 1, MalformedResponseError, 1),
    "a choice without a message": ([NO_MESSAGE], 1, MalformedResponseError, 1),
    "connection reset, every time": ([RESET] * 3, 3, RetriesExhaustedError, 1),
    "connection reset, then an answer": ([RESET, claims_answer()], 2, None, 0),
    "body cut off mid-way, then an answer": ([CUT, claims_answer()], 2, None, 0),
    "body cut off mid-way, every time": ([CUT] * 3, 3, RetriesExhaustedError, 1),
    "too slow, every time": ([SLOW] * 3, 3, RetriesExhaustedError, 1),
    "HTTP 400": ([error(400, "bad parameter: temperature")], 1, RequestRejectedError, 1),
    "HTTP 401": ([error(401, "invalid api key")], 1, AuthenticationError, 1),
    "HTTP 404": ([error(404, "model not found")], 1, RequestRejectedError, 1),
    "HTTP 422": ([error(422, "unprocessable")], 1, RequestRejectedError, 1),
    "HTTP 429, then an answer": ([error(429, "slow down"), claims_answer()], 2, None, 0),
    "HTTP 429 quota": (
        [error(429, "quota", code="insufficient_quota")],
        1,
        RequestRejectedError,
        1,
    ),
    "HTTP 500, every time": ([error(500, "boom")] * 3, 3, RetriesExhaustedError, 1),
    "HTTP 503, then an answer": ([error(503, "warming up"), claims_answer()], 2, None, 0),
    "a refusal": ([answer(None, refusal="I cannot help with that.")], 1, RefusalError, 1),
    "content filter": ([answer("", finish_reason="content_filter")], 1, ClaimdeskError, 1),
}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    copy = tmp_path / "article.txt"
    copy.write_bytes(SEED.read_bytes())
    return copy


@pytest.mark.parametrize("case", list(CASES))
def test_cli_analyze_survives(
    case: str,
    fault_env: FaultServer,
    article: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    replies, requests, failure, code = CASES[case]
    if case.startswith("too slow"):
        monkeypatch.setenv("CLAIMDESK_TIMEOUT", "0.5")
    fault_env.play(*replies)
    out = tmp_path / "out.json"
    before = article.read_bytes()
    status = main(["analyze", "-q", str(article), "-f", "json", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == code, err
    assert len(fault_env.requests) == requests
    assert fault_env.unscripted == 0
    assert article.read_bytes() == before
    last_line = SEED.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert all(last_line in seen.prompt for seen in fault_env.requests)
    if failure is None:
        assert out.exists() and err == ""
    else:
        assert not out.exists()
        assert err.startswith("claimdesk: error: ") and err.count("\n") == 1
        assert "Traceback" not in err


@pytest.mark.parametrize("case", [c for c, spec in CASES.items() if spec[2] is not None])
def test_sdk_raises_a_typed_error(case: str, fault_env: FaultServer) -> None:
    replies, requests, failure, _ = CASES[case]
    fault_env.play(*replies)
    options = {"timeout": 0.5} if case.startswith("too slow") else {}
    assistant = Assistant(_model(fault_env, **options))
    assert failure is not None
    with pytest.raises(failure) as raised:
        assistant.analyze(SEED)
    assert "\n" not in str(raised.value)
    assert len(fault_env.requests) == requests


def test_async_sdk_raises_a_typed_error_on_a_truncated_body(fault_env: FaultServer) -> None:
    fault_env.play(*[TRUNCATED] * 3)
    with pytest.raises(MalformedResponseError):
        asyncio.run(Assistant(_model(fault_env)).aanalyze(SEED))
    assert len(fault_env.requests) == 3


def test_a_server_that_was_never_there_is_unreachable(
    fault_env: FaultServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fault_env.stop()
    assert main(["analyze", "-q", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert "cannot reach" in err and err.count("\n") == 1


def test_a_reset_after_answers_is_not_unreachable(fault_env: FaultServer) -> None:
    """Issue 10 case 4: a reset as the last failure of a server that answered before must not
    look like an unreachable server (which an eval treats as fatal)."""
    fault_env.play(claims_answer(), RESET, RESET, RESET)
    assistant = Assistant(_model(fault_env))
    assistant.analyze(SEED)
    with pytest.raises(RetriesExhaustedError) as raised:
        assistant.analyze(SEED)
    assert not isinstance(raised.value, UnreachableError)
    assert len(fault_env.requests) == 4


def test_check_survives_a_truncated_body(
    fault_env: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    fault_env.play(*[TRUNCATED] * 3)
    assert main(["check", "-q", "China pressured Pakistan", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert "truncated, empty or non-JSON" in err and "Traceback" not in err
    assert all("China pressured Pakistan" in seen.prompt for seen in fault_env.requests)


def _model(server: FaultServer, **options: object) -> object:
    from assistant.models.openai import OpenAIModel

    return OpenAIModel("fault-model", base_url=server.url, **options)  # type: ignore[arg-type]


def test_a_chat_session_survives_a_truncated_answer_and_loses_no_question(
    fault_env: FaultServer, tmp_path: Path
) -> None:
    """Issue 10 case 2: a truncated body used to end the whole chat session with a traceback."""
    import os
    import subprocess
    import sys

    dont_say = json.dumps({"text": "The documents don't say.", "citations": []})
    fault_env.play(claims_answer(), *[TRUNCATED] * 3, answer(dont_say))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDESK_DEBUG")}
    questions = "who denied the report?\nwho confirmed the report?\n"
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "chat", str(SEED)],
        input=questions,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "error: the model server" in done.stdout and "truncated" in done.stdout
    assert "The documents don't say." in done.stdout
    assert len(fault_env.requests) == 5
    asked = [seen.prompt for seen in fault_env.requests[1:]]
    assert all("who denied the report?" in prompt for prompt in asked[:3])
    assert "who confirmed the report?" in asked[3]


def test_credentials_in_the_base_url_and_an_echoed_key_never_reach_stderr(
    fault_env: FaultServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 10 case 5: a key of no known shape echoed by the server, a password in the URL."""
    key, password = "team-key-without-a-known-shape-1618", "hunter2-pass-9876"
    url = fault_env.url.replace("http://", f"http://reporter:{password}@")
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("OPENAI_API_KEY", key)
    fault_env.play(*[error(500, f"upstream rejected {key} from reporter:{password}")] * 3)
    assert main(["analyze", "-q", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert key not in err and password not in err
    assert "upstream rejected ****" in err and err.count("\n") == 1
    assert len(fault_env.requests) == 3


def test_terminal_controls_in_a_server_message_are_shown_visibly(
    fault_env: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    fault_env.play(error(400, "bad \x1b[2J request \u202eevil"))
    assert main(["analyze", "-q", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "␛[2J" in err


def _events(body: bytes) -> Reply:
    return Reply(body=body, headers=(("Content-Type", "text/event-stream"),))


CHUNK = (
    b'data: {"id":"c","object":"chat.completion.chunk","created":0,"model":"m",'
    b'"choices":[{"index":0,"delta":{"content":"ab"},"finish_reason":null}]}\n\n'
)


@pytest.mark.parametrize(
    ("replies", "requests", "failure"),
    [
        ([_events(b'data: {"id": "x", "choi\n\n')] * 3, 3, MalformedResponseError),
        ([_events(CHUNK + b"data: {broken\n\n")], 1, ClaimdeskError),
        ([RESET, _events(CHUNK + b"data: [DONE]\n\n")], 2, None),
    ],
    ids=["truncated first event", "broken event after text", "reset, then a stream"],
)
def test_streamed_answers_fail_typed(
    fault_env: FaultServer, replies: list[Reply], requests: int, failure: type[Exception] | None
) -> None:
    from assistant.models.base import Message, ModelRequest
    from assistant.models.openai import OpenAIModel
    from assistant.outputs import ExtractionOutput

    fault_env.play(*replies)
    model = OpenAIModel("fault-model", base_url=fault_env.url)
    request = ModelRequest("extract", (Message("user", "A bridge opened."),), ExtractionOutput)
    pieces: list[str] = []
    if failure is None:
        assert model.stream(request, pieces.append).content == "ab"
    else:
        with pytest.raises(failure):
            model.stream(request, pieces.append)
    assert len(fault_env.requests) == requests
