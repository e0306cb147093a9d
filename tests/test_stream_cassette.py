"""A streamed chat answer on the wire, against a recording of a real OpenAI-compatible server.

Re-record with ``scripts/record-cassettes.sh tests/test_stream_cassette.py`` (llama-cpp-python
serving SmolLM2-135M, see ../shared/design/recording.md); with ``--record-mode=none`` the
server-sent events are replayed from the cassette. The assertions hold whatever the weak model
says: the text passed on while streaming is the answer's text, each re-ask restarts it, and the
answer is grounded as usual.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from assistant import Answer
from tests.cassette_config import vcr_cassette_dir, vcr_config  # noqa: F401
from tests.test_answer_cassette import analysed_session, assert_grounded


class Streamed:
    def __init__(self) -> None:
        self.runs: list[str] = []
        self.restarts = 0

    def text(self, run: str) -> None:
        self.runs.append(run)

    def restart(self) -> None:
        self.runs.append("\0")
        self.restarts += 1

    @property
    def last_answer(self) -> str:
        return "".join(self.runs).split("\0")[-1]


def assert_streamed(vcr: Any, streamed: Streamed, answer: Answer) -> None:
    assert len(vcr.requests) == streamed.restarts + 1 == answer.usage.model_calls
    for request, response in zip(vcr.requests, vcr.responses, strict=True):
        sent = json.loads(request.body)
        assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
        body = response["content"] if "content" in response else response["body"]["string"]
        text = body.decode() if isinstance(body, bytes) else str(body)
        events = [line for line in text.splitlines() if line.startswith("data: ")]
        assert events[-1] == "data: [DONE]" and len(events) > 3  # token by token
    assert len([r for r in streamed.runs if r != "\0"]) > 3
    assert streamed.last_answer.strip() == answer.text


@pytest.mark.vcr
def test_a_streamed_answer_round_trip(vcr: Any) -> None:
    session, streamed = analysed_session(), Streamed()
    question = "When will the library open?"
    answer = session.ask(question, on_text=streamed.text, on_restart=streamed.restart)
    assert_grounded(answer, session, counts_tokens=False)  # llama-cpp streams carry no usage
    assert_streamed(vcr, streamed, answer)


@pytest.mark.vcr
def test_a_streamed_answer_in_async_code(vcr: Any) -> None:
    session, streamed = analysed_session(), Streamed()
    question = "Has the council confirmed the date?"
    answer = asyncio.run(session.aask(question, on_text=streamed.text, on_restart=streamed.restart))
    assert_grounded(answer, session, counts_tokens=False)  # llama-cpp streams carry no usage
    assert_streamed(vcr, streamed, answer)
