"""The chat command in-process with a scripted model: the LLM path, warnings, --no-log."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.cli import chat as chat_command
from assistant.cli.main import main
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel
from tests.chat_support import SEED, extraction_reply, seed_document

GOOD = {
    "text": "The Foreign Office denied c1.",
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}
BAD = {"text": "It was denied.", "citations": [{"claim_id": "c1", "quote": "not in the text"}]}


def run_chat(
    monkeypatch: pytest.MonkeyPatch, stdin: str, answers: list[dict[str, Any]], *args: str
) -> FunctionModel:
    queue = list(answers)

    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.task == "extract":
            return extraction_reply(seed_document())
        return queue.pop(0)

    model = FunctionModel(reply)
    monkeypatch.setattr(chat_command, "assistant_from", lambda args: Assistant(model))
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["chat", str(SEED), *args]) == 0
    return model


def test_unverifiable_answer_is_shown_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    run_chat(monkeypatch, "what was denied?\nwhat did the FO deny?\n", [BAD, BAD, GOOD])
    out = capsys.readouterr().out
    first, second = out.split("> what did the FO deny?")
    assert '[c1] "not in the text"  NOT VERIFIED' in first
    assert "Warning: could not verify this answer" in first
    assert "Warning" not in second
    assert '[c1] "motivated by an agenda to create confusion"' in second


def test_no_log_writes_no_files(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("CLAIMDESK_HOME", str(home))
    model = run_chat(monkeypatch, "what did the FO deny?\n", [GOOD], "--no-log")
    assert "The Foreign Office denied c1." in capsys.readouterr().out
    assert [r.task for r in model.requests] == ["extract", "answer"]
    assert not home.exists()


def test_second_chat_on_same_file_reuses_the_cached_analysis(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    run_chat(monkeypatch, "", [])
    again = run_chat(monkeypatch, "/usage\n", [])
    assert again.requests == []
    out = capsys.readouterr().out
    assert out.count("cached analysis reused") == 1
    assert "0 model calls" in out


def test_ctrl_c_cancels_the_answer_not_the_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    interrupted = [True]

    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.task == "extract":
            return extraction_reply(seed_document())
        if interrupted.pop() if interrupted else False:
            raise KeyboardInterrupt
        return GOOD

    model = FunctionModel(reply)
    monkeypatch.setattr(chat_command, "assistant_from", lambda args: Assistant(model))
    monkeypatch.setattr("sys.stdin", io.StringIO("first question\nsecond question\n"))
    assert main(["chat", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "(cancelled)" in out.split("> second question")[0]
    assert "The Foreign Office denied c1." in out.split("> second question")[1]
