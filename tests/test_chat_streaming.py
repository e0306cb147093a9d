"""The chat printing streamed answers: live on a terminal, whole when piped."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
from rich.console import Console

from assistant import Assistant, Session
from assistant.cli.live import RESTART
from assistant.cli.repl import Chat
from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.function import FunctionModel, StreamingFunctionModel, scripted
from tests.chat_support import ROOT, seed_analysis

GOOD: dict[str, Any] = {
    "text": "The Foreign Office denied c1.",
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}
MADE_UP: dict[str, Any] = {
    "text": "China admitted it.",
    "citations": [{"claim_id": "c1", "quote": "China admitted everything"}],
}
CITATION = '  [c1] "motivated by an agenda to create confusion"'


class Writes(io.StringIO):
    """A terminal stand-in that keeps every write separately."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return super().write(text)


def chat_with(model: FunctionModel, *, terminal: bool) -> tuple[Chat, Writes]:
    out = Writes()
    console = Console(file=out, force_terminal=terminal, color_system=None, width=200)
    assistant = Assistant(model)
    analysis = seed_analysis(assistant.engine)
    return Chat(Session(assistant, analysis.documents, analysis=analysis), console, echo=False), out


def words(text: str) -> list[str]:
    return [text[i : i + 6] for i in range(0, len(text), 6)]


def test_on_a_terminal_the_text_is_printed_piece_by_piece_then_the_citations() -> None:
    chat, out = chat_with(scripted([GOOD], stream=True, chunk_size=words), terminal=True)
    chat.handle("What did the FO deny?")
    text_writes = [w for w in out.writes if w and w in GOOD["text"]]
    assert "".join(text_writes) == GOOD["text"] and len(text_writes) > 3
    assert out.getvalue() == f"{GOOD['text']}\n{CITATION}\n\n"
    last_text = max(i for i, w in enumerate(out.writes) if w in text_writes)
    assert any(CITATION in w for w in out.writes[last_text + 1 :])


def test_a_reask_says_the_text_is_replaced_and_streams_the_new_answer() -> None:
    chat, out = chat_with(scripted([MADE_UP, GOOD], stream=True, chunk_size=5), terminal=True)
    chat.handle("What did the FO deny?")
    assert out.getvalue() == f"{MADE_UP['text']}\n{RESTART}\n{GOOD['text']}\n{CITATION}\n\n"


def test_an_answer_that_stays_unverified_keeps_its_warning() -> None:
    chat, out = chat_with(scripted([MADE_UP, MADE_UP], stream=True), terminal=True)
    chat.handle("What did China admit?")
    first, second = out.getvalue().split(RESTART)
    assert first == MADE_UP["text"] + "\n"
    assert second.startswith("\n" + MADE_UP["text"] + "\n")
    assert '[c1] "China admitted everything"  NOT VERIFIED' in second
    assert "Warning: could not verify this answer" in second


def test_piped_output_is_the_same_whether_or_not_the_engine_streams() -> None:
    outputs = []
    for model in (scripted([MADE_UP, GOOD]), scripted([MADE_UP, GOOD], stream=True)):
        chat, out = chat_with(model, terminal=False)
        chat.handle("What did the FO deny?")
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1] == f"{GOOD['text']}\n{CITATION}\n\n"
    assert RESTART not in outputs[1]


def test_an_engine_that_does_not_stream_prints_the_whole_answer_on_a_terminal() -> None:
    chat, out = chat_with(scripted([GOOD]), terminal=True)
    chat.handle("What did the FO deny?")
    assert out.getvalue() == f"{GOOD['text']}\n{CITATION}\n\n"


def test_ctrl_c_while_streaming_ends_the_line_and_cancels() -> None:
    class CutShort(StreamingFunctionModel):
        def stream(self, request: ModelRequest, on_text: Callable[[str], None]) -> ModelResponse:
            on_text('{"text": "The Foreign')
            raise KeyboardInterrupt

    chat, out = chat_with(CutShort(lambda _: GOOD), terminal=True)
    chat.handle("What did the FO deny?")
    assert out.getvalue() == "The Foreign\n(cancelled)\n\n"


def test_surrounding_spaces_streamed_still_count_as_the_checked_text() -> None:
    spaced = json.dumps({**GOOD, "text": "  The Foreign Office denied c1.  "})
    chat, out = chat_with(scripted([spaced], stream=True), terminal=True)
    chat.handle("What did the FO deny?")
    assert out.getvalue() == f"  {GOOD['text']}  \n{CITATION}\n\n"


def test_streamed_text_that_is_not_the_checked_text_is_followed_by_the_checked_answer() -> None:
    citations = json.dumps(GOOD["citations"])
    twice = f'{{"text": "A draft.", "text": "{GOOD["text"]}", "citations": {citations}}}'
    chat, out = chat_with(scripted([twice], stream=True), terminal=True)
    chat.handle("What did the FO deny?")
    checked = f"(the answer as checked:)\n{GOOD['text']}\n{CITATION}"
    assert out.getvalue() == f"A draft.\n{checked}\n\n"


def test_in_a_pseudo_terminal_text_appears_before_the_answer_is_complete(tmp_path: Path) -> None:
    gate = tmp_path / "send-the-rest"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env.update(CLAIMDESK_HOME=str(tmp_path), TERM="xterm")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "tests.live_chat_script", str(gate)],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 160),
    )
    child.expect_exact("claimdesk> ")
    child.sendline("What did the FO deny?")
    child.expect_exact("The Foreign Office")  # printed while the engine waits for the gate
    gate.touch()
    child.expect_exact("denied c1.")
    child.expect_exact('"motivated by an agenda to create confusion"')
    child.expect_exact("claimdesk> ")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
