"""Output as users expect from their terminals: the format from ``-o``'s extension, text wrapped
to the terminal or ``COLUMNS`` without breaking words, Markdown for check, a spinner on stderr
only on a terminal (``-q`` silences it). All through the real command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import SEED

CLAIM = "China is pressuring Islamabad to allow Chinese security personnel"
BOX = re.compile(r"[\u2500-\u257f]")


def claimdesk(*args: str, columns: int | None = 80, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_MODEL", "OPENAI_"))}
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *args, "-q"],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # -q: no notes, no spinner
    return done.stdout


def test_the_output_extension_picks_the_format_unless_f_says_otherwise(tmp_path: Path) -> None:
    claimdesk("analyze", str(SEED), "-o", str(tmp_path / "out.json"))
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["claims"]
    claimdesk("analyze", str(SEED), "-o", str(tmp_path / "out.md"))
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# Claims")
    claimdesk("analyze", str(SEED), "-f", "table", "-o", str(tmp_path / "table.json"))
    assert (tmp_path / "table.json").read_text(encoding="utf-8").startswith("┏")
    claimdesk("check", CLAIM, str(SEED), "-o", str(tmp_path / "verdict.json"))
    # the seed's Foreign Office denies the claim on the record (test_one_verdict.py)
    assert json.loads((tmp_path / "verdict.json").read_text(encoding="utf-8"))["status"] == "denied"
    claimdesk("analyze", str(SEED), "-o", str(tmp_path / "plain.txt"))
    assert (tmp_path / "plain.txt").read_text(encoding="utf-8").startswith("┏")


def test_check_speaks_markdown() -> None:
    text = claimdesk("check", CLAIM, str(SEED), "-f", "markdown")
    assert text.startswith("# Claim check\n\n> " + CLAIM)
    assert re.search(r"^\*\*denied\*\*", text, re.M)  # the status, not any status
    assert "\n  > " in text  # the quotes, verbatim


def _words(text: str) -> list[str]:
    return BOX.sub(" ", text).split()


@pytest.mark.parametrize("columns", [60, 80])
def test_denied_listing_wraps_to_columns_and_keeps_every_word(columns: int) -> None:
    wide = claimdesk("analyze", str(SEED), "--status", "denied", columns=1000)
    narrow = claimdesk("analyze", str(SEED), "--status", "denied", columns=columns)
    assert max(len(line) for line in wide.splitlines()) > columns  # there was something to wrap
    assert max(len(line) for line in narrow.splitlines()) <= columns
    assert narrow.split() == wide.split()  # only line breaks changed: no word was cut


def test_piped_table_follows_columns_and_defaults_to_80() -> None:
    for columns, expected in ((72, 72), (None, 80)):
        table = claimdesk("analyze", str(SEED), columns=columns)
        assert {len(line) for line in table.splitlines()[:3]} == {expected}
    verdict = claimdesk("check", CLAIM, str(SEED), columns=64)
    assert max(len(line) for line in verdict.splitlines()) <= 64


def test_the_table_breaks_no_word_at_80_columns() -> None:
    wide = set(_words(claimdesk("analyze", str(SEED), columns=400)))
    narrow = _words(claimdesk("analyze", str(SEED), columns=80))
    assert [w for w in narrow if w not in wide] == []


def spawn(*args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_MODEL", "OPENAI_"))}
    return pexpect.spawn(
        sys.executable,
        ["-m", "assistant", *args],
        env={**env, "TERM": "xterm", "COLUMNS": "100"},
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )


@pytest.mark.parametrize("command", [["analyze", str(SEED)], ["check", CLAIM, str(SEED)]])
def test_a_spinner_shows_on_a_terminal_and_q_silences_it(command: list[str]) -> None:
    child = spawn(*command)
    child.expect(pexpect.EOF)
    shown = child.before or ""
    assert re.search(r"[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] (analysing 1 article|checking the claim) with offline", shown)
    assert "\x1b[2K" in shown  # erased before the result is printed
    quiet = spawn(*command, "-q")
    quiet.expect(pexpect.EOF)
    assert "with offline:rules (" not in (quiet.before or "")
