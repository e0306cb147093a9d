"""``claimdesk chat`` in a real 80-column pseudo-terminal: answers wrap without breaking words,
a spinner turns on stderr while a slow model thinks, Ctrl-L clears the screen, and the history
keeps each question exactly as typed."""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pexpect
import pytest

from assistant.chat.history import DB_NAME, History
from tests.chat_support import ROOT, SEED, extraction_reply, seed_document

BAYPORT = ROOT / "evals" / "chat" / "articles" / "bayport-marina-sale-denied.txt"
COLUMNS = 80
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SLOW_S = 1.5
ANSWER = {
    "text": "The Foreign Office denied c1.",
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}


class SlowServer(BaseHTTPRequestHandler):
    """An OpenAI-compatible server on loopback that takes its time and never streams."""

    def do_POST(self) -> None:
        request = json.loads(self.rfile.read(int(self.headers["content-length"])))
        if request.get("stream"):
            self._send(400, {"error": {"message": "stream is not supported", "type": "x"}})
            return
        time.sleep(SLOW_S)
        asked = request["messages"][-1]["content"]
        content = ANSWER if "<question>" in asked else extraction_reply(seed_document())
        message = {"role": "assistant", "content": json.dumps(content)}
        body = {
            "id": "slow",
            "object": "chat.completion",
            "created": 0,
            "model": "slow",
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }
        self._send(200, body)

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def slow_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), SlowServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env.update(CLAIMDESK_HOME=str(home), TERM="xterm", OPENAI_API_KEY="loopback-test")
    env.pop("COLUMNS", None)
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "assistant", "chat", *args],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, COLUMNS),
    )


def plain_lines(screen: str) -> list[str]:
    """The lines as the terminal shows them: a carriage return starts the line over."""
    return [ANSI.sub("", line.rstrip("\r").split("\r")[-1]) for line in screen.split("\n")]


def test_answers_wrap_at_80_columns_without_breaking_words(tmp_path: Path) -> None:
    child = spawn(tmp_path, str(BAYPORT), "--model", "offline")
    child.expect_exact("claimdesk> ")
    child.sendline("summarize")
    child.expect_exact("claimdesk> ")
    screen = child.before or ""
    lines = plain_lines(screen)
    assert max(len(line) for line in lines) <= COLUMNS
    assert sum(len(line) > 60 for line in lines) >= 5  # long lines were wrapped, not cut
    flowing = " ".join(" ".join(lines).split())
    quote = (
        "Bayport Mayor Elena Ruiz on Tuesday denied reports that the city has agreed to sell "
        "the municipal marina to a private developer."
    )
    assert quote in flowing  # every word whole, in order, across the wrapped lines
    child.sendeof()
    child.expect(pexpect.EOF)


def test_spinner_while_a_slow_model_thinks(tmp_path: Path, slow_server: str) -> None:
    child = spawn(tmp_path, str(SEED), "--model", "openai:slow", "--base-url", slow_server)
    child.expect_exact("analysing 1 document(s) (")  # the spinner, while the claims come
    child.expect_exact("claimdesk> ")
    child.sendline("what did the Foreign Office deny?")
    child.expect_exact("thinking (")
    child.expect_exact("\x1b[2K")  # erased before the answer
    child.expect_exact("The Foreign Office denied c1.")
    child.expect_exact("claimdesk> ")
    child.sendeof()
    child.expect(pexpect.EOF)


def test_ctrl_l_clears_the_screen(tmp_path: Path) -> None:
    child = spawn(tmp_path, str(BAYPORT), "--model", "offline")
    child.expect_exact("claimdesk> ")
    child.send("who denied")
    child.send("\x0c")  # Ctrl-L
    child.expect(r"\x1b\[H\x1b\[2J|\x1b\[2J\x1b\[H|\x1b\[H\x1b\[J")
    child.expect_exact("claimdesk> who denied")  # the line being typed survives
    child.sendline(" the sale?")
    child.expect_exact("Elena Ruiz")
    child.expect_exact("claimdesk> ")
    child.sendeof()
    child.expect(pexpect.EOF)


def test_history_keeps_the_question_as_typed(tmp_path: Path) -> None:
    typed = "Is the sale confirmed?"
    child = spawn(tmp_path, str(BAYPORT), "--model", "offline")
    child.expect_exact("claimdesk> ")
    child.sendline(typed)
    child.expect_exact("Checked against the documents")
    child.expect_exact("claimdesk> ")
    child.sendeof()
    child.expect_exact("session 1 saved")
    child.expect(pexpect.EOF)
    history = History(tmp_path / DB_NAME)
    try:
        [turn] = history.load(1).turns
    finally:
        history.close()
    assert turn.question == typed
    assert turn.kind == "check"
