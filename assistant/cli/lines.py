"""Read one chat entry: a line, lines continued by a trailing backslash, or a triple-quoted block.

On a terminal, lines come from readline (arrow keys, up-arrow history kept in a file across
sessions); when standard input is a pipe they are read plainly, one question a line.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.private_files import private_file

LineReader = Callable[[str], str]  # prompt -> line without newline; raises EOFError at the end
BLOCK = '"""'
HISTORY_LENGTH = 1000


def read_entry(next_line: LineReader, prompt: str, more: str) -> str:
    """The next entry; raises EOFError when input ends before one starts."""
    line = next_line(prompt)
    if line.strip() == BLOCK:
        return _block(next_line, more)
    parts = []
    while line.endswith("\\"):
        parts.append(line[:-1])
        try:
            line = next_line(more)
        except EOFError:
            line = ""
            break
    parts.append(line)
    return "\n".join(parts).strip()


def _block(next_line: LineReader, more: str) -> str:
    parts = []
    while True:
        try:
            line = next_line(more)
        except EOFError:
            break
        if line.strip() == BLOCK:
            break
        parts.append(line)
    return "\n".join(parts).strip()


def piped_reader(prompt: str) -> str:
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


class TerminalReader:
    """``input()`` with readline editing and a persistent history file (when one is given)."""

    def __init__(self, history_file: Path | None, *, forget: frozenset[str] = frozenset()) -> None:
        self.history_file = history_file
        self.forget = forget
        try:
            import readline
        except ImportError:  # Windows without pyreadline: plain input()
            self._readline = None
            return
        self._readline = readline
        readline.set_history_length(HISTORY_LENGTH)
        readline.parse_and_bind(r'"\C-l": clear-screen')  # Ctrl-L clears, keeping the line
        if history_file is not None and history_file.exists():
            with contextlib.suppress(OSError):
                readline.read_history_file(history_file)

    def __call__(self, prompt: str) -> str:
        return input(prompt)

    def save(self) -> None:
        if self._readline is None or self.history_file is None:
            return
        readline = self._readline
        for index in reversed(range(readline.get_current_history_length())):
            item = readline.get_history_item(index + 1)
            if item is not None and item.strip().casefold() in self.forget:
                readline.remove_history_item(index)
        with contextlib.suppress(OSError):
            readline.write_history_file(private_file(self.history_file))
