"""``claimdesk chat`` in a real pseudo-terminal: prompt, colour, Ctrl-C, up-arrow, Ctrl-D."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.chat_support import ROOT, SEED, seed_offline_cache

UP = "\x1b[A"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    seed_offline_cache(tmp_path)
    return tmp_path


def spawn(home: Path) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env.update(CLAIMDESK_HOME=str(home), TERM="xterm")
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "assistant", "chat", str(SEED), "--model", "offline"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 160),
    )
    child.expect_exact("claimdesk> ")
    return child


def test_typed_questions_get_answers_and_ctrl_d_leaves(home: Path) -> None:
    child = spawn(home)
    assert "\x1b[1;31mdenied" in (child.before or "")  # a terminal gets colour
    child.sendline("what did the Foreign Office deny?")
    child.expect_exact("denied by Mumtaz Zahra Baloch")
    child.expect_exact("motivated by an agenda to create confusion")
    child.expect_exact("claimdesk> ")
    child.send("half a question")
    child.expect_exact("half a question")  # echoed: readline is waiting for more
    child.sendintr()  # Ctrl-C drops the line, not the session
    child.expect_exact("claimdesk> ")
    child.sendline("/claims unverified")
    child.expect_exact("Beijing pushed for its own security staff")
    child.expect_exact("claimdesk> ")
    child.sendeof()
    child.expect_exact("session 1 saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_up_arrow_recalls_questions_across_sessions(home: Path) -> None:
    first = spawn(home)
    first.sendline("which claims are confirmed?")
    first.expect_exact("3 claims are confirmed")
    first.expect_exact("claimdesk> ")
    first.sendline("quit")
    first.expect(pexpect.EOF)
    second = spawn(home)
    second.send(UP)
    second.sendline("")
    second.expect_exact("3 claims are confirmed")
    second.expect_exact("claimdesk> ")
    second.sendeof()
    second.expect(pexpect.EOF)
    assert (home / "chat_input_history").exists()
