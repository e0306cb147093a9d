"""The shared terminal pieces: output width, word-safe wrapping and the stderr spinner."""

from __future__ import annotations

import io
import os
import sys
import time

import pexpect
import pytest

from assistant.cli import terminal
from assistant.cli.spinner import Spinner


def test_width_follows_columns_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "64")
    assert terminal.width(io.StringIO()) == 64
    monkeypatch.delenv("COLUMNS")
    assert terminal.width(io.StringIO()) == terminal.DEFAULT_WIDTH


def test_wrap_never_breaks_a_word_and_keeps_indentation() -> None:
    text = "  a denial by Pakistan’s Foreign Office spokesperson Mumtaz Zahra Baloch, verbatim\n"
    wrapped = terminal.wrap(text, 30)
    lines = wrapped.splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert all(line.startswith("  ") for line in lines)
    assert wrapped.split() == text.split()  # every word whole, in order


def test_a_word_longer_than_the_width_stands_alone() -> None:
    url = "https://example.org/" + "x" * 40
    lines = terminal.wrap(f"see {url} now", 20).splitlines()
    assert url in lines
    assert lines == ["see", url, "now"]


def test_spinner_writes_nothing_off_a_terminal() -> None:
    stream = io.StringIO()
    with Spinner("analysing", stream=stream):
        time.sleep(0.25)
    assert stream.getvalue() == ""


SCRIPT = (
    "import time\n"
    "from assistant.cli.spinner import Spinner\n"
    "with Spinner('analysing 1 article', enabled={enabled}):\n"
    "    time.sleep(0.5)\n"
    "print('done')\n"
)


@pytest.mark.parametrize("enabled", [True, False])
def test_spinner_on_a_terminal(enabled: bool) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-c", SCRIPT.format(enabled=enabled)],
        env={**os.environ, "TERM": "xterm"},
        encoding="utf-8",
        timeout=20,
    )
    child.expect("done")
    shown = child.before or ""
    child.expect(pexpect.EOF)
    assert ("analysing 1 article" in shown) is enabled
    if enabled:
        assert shown.rstrip("\r\n").endswith("\x1b[2K")  # the line is erased before output
