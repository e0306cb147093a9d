"""``Session.ask(question, on_text=...)``: answers stream through a streaming fake model."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from assistant import Assistant, Session
from assistant.models.base import ModelRequest, StreamingModel
from assistant.models.function import FunctionModel, StreamingFunctionModel, scripted
from tests.chat_support import extraction_reply, seed_analysis, seed_document

GOOD: dict[str, Any] = {
    "text": 'The Foreign Office denied c1, calling the reports "speculations".\nSee c1.',
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}
MADE_UP: dict[str, Any] = {
    "text": "China admitted it.",
    "citations": [{"claim_id": "c1", "quote": "China admitted everything"}],
}


class Events:
    """What the callbacks saw, in order: text runs and restarts."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def text(self, run: str) -> None:
        self.seen.append(run)

    def restart(self) -> None:
        self.seen.append("<restart>")

    @property
    def answers(self) -> list[str]:
        return "".join(self.seen).split("<restart>")


def session_with(model: FunctionModel) -> Session:
    assistant = Assistant(model)
    analysis = seed_analysis(assistant.engine)
    return Session(assistant, analysis.documents, analysis=analysis)


def test_the_answer_text_streams_in_pieces_before_the_answer_returns() -> None:
    model = scripted([GOOD], stream=True, chunk_size=3)
    events = Events()
    answer = session_with(model).ask("What did the FO deny?", on_text=events.text)
    assert answer.verified and not answer.reasked
    assert events.answers == [GOOD["text"]]
    assert len(events.seen) > 10  # piece by piece, not whole
    assert isinstance(model, StreamingFunctionModel)
    assert "".join(model.pieces) == json.dumps(GOOD)


def test_a_reask_restarts_the_stream_with_the_new_answer() -> None:
    model = scripted([MADE_UP, GOOD], stream=True, chunk_size=5)
    events = Events()
    chat = session_with(model)
    answer = chat.ask("What did the FO deny?", on_text=events.text, on_restart=events.restart)
    assert answer.verified and answer.reasked
    assert events.answers == [MADE_UP["text"], GOOD["text"]]
    assert chat.usage.model_calls == 2


def test_invalid_json_is_reasked_and_restarts_the_stream_too() -> None:
    broken = '{"text": "Half an ans'
    model = scripted([broken, GOOD], stream=True, chunk_size=4)
    events = Events()
    session_with(model).ask("What did the FO deny?", on_text=events.text, on_restart=events.restart)
    assert events.answers == ["Half an ans", GOOD["text"]]


def test_async_ask_streams() -> None:
    model = scripted([MADE_UP, MADE_UP], stream=True, chunk_size=2)
    events = Events()
    chat = session_with(model)
    answer = asyncio.run(
        chat.aask("What did China admit?", on_text=events.text, on_restart=events.restart)
    )
    assert not answer.verified and answer.warning
    assert events.answers == [MADE_UP["text"], MADE_UP["text"]]


def test_a_model_that_cannot_stream_answers_without_calling_back() -> None:
    model = scripted([GOOD])
    assert not isinstance(model, StreamingModel)
    events = Events()
    answer = session_with(model).ask("What did the FO deny?", on_text=events.text)
    assert answer.text == GOOD["text"].strip() and events.seen == []


def test_without_a_callback_a_streaming_model_is_not_streamed() -> None:
    model = scripted([GOOD], stream=True)
    assert session_with(model).ask("What did the FO deny?").verified
    assert model.pieces == []  # type: ignore[attr-defined]


def test_only_the_answer_streams_not_the_analysis() -> None:
    def reply(request: ModelRequest) -> dict[str, Any]:
        return extraction_reply(seed_document()) if request.task == "extract" else GOOD

    model = StreamingFunctionModel(reply, chunk_size=lambda text: re.findall(r"\S*\s*", text))
    events = Events()
    chat = Assistant(model).session([seed_document()])
    chat.ask("What did the FO deny?", on_text=events.text)
    assert [r.task for r in model.requests] == ["extract", "answer"]
    assert "".join(model.pieces) == json.dumps(GOOD)
    assert events.answers == [GOOD["text"]]
