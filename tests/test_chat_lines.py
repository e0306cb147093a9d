"""Reading chat entries: single lines, backslash continuations, triple-quoted blocks."""

from __future__ import annotations

import pytest

from assistant.cli.lines import LineReader, read_entry


def reader(*lines: str) -> LineReader:
    queue = list(lines)

    def next_line(prompt: str) -> str:
        if not queue:
            raise EOFError
        return queue.pop(0)

    return next_line


def test_plain_line() -> None:
    assert read_entry(reader("  what did the FO deny?  "), ">", "...") == "what did the FO deny?"


def test_backslash_continues() -> None:
    entry = read_entry(reader("which claims \\", "are unverified?", "next"), ">", "...")
    assert entry == "which claims \nare unverified?"


def test_triple_quoted_block() -> None:
    entry = read_entry(reader('"""', "line one", "line two", '"""', "next"), ">", "...")
    assert entry == "line one\nline two"


def test_input_ending_inside_a_block_keeps_what_was_typed() -> None:
    assert read_entry(reader('"""', "unfinished"), ">", "...") == "unfinished"


def test_end_of_input_before_an_entry() -> None:
    with pytest.raises(EOFError):
        read_entry(reader(), ">", "...")
