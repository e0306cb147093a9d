"""The width text is laid out for, and wrapping to it without ever breaking a word.

A terminal's own width when writing to one; ``COLUMNS`` when piped or redirected (as ``ls`` and
``git`` do); 80 columns otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
from typing import TextIO

DEFAULT_WIDTH = 80
MIN_WIDTH = 20


def _columns_variable() -> int | None:
    value = os.environ.get("COLUMNS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def width(stream: TextIO | None = None) -> int:
    """Columns to lay text out in for ``stream`` (standard output by default)."""
    stream = sys.stdout if stream is None else stream
    columns = _columns_variable()
    if columns is None and _isatty(stream):
        columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(MIN_WIDTH, columns or DEFAULT_WIDTH)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


def wrap_line(line: str, columns: int, hang: int | None = None) -> list[str]:
    """One line wrapped to ``columns``; continuation lines start at column ``hang`` if given,
    else keep the line's indentation plus what aligns them with the text they continue; a word
    longer than the width stands alone on its line rather than being cut."""
    if len(line) <= columns or not line.strip():
        return [line.rstrip()]
    indent = line[: len(line) - len(line.lstrip())]
    if hang is not None and hang > columns // 2:  # too narrow to keep that column
        hang = None
    hanging = indent + " " * _hang(line.lstrip()) if hang is None else " " * hang
    return textwrap.wrap(
        line.strip(),
        width=columns,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )


LABEL = re.compile(r"^\S{1,12}\s{2,}(?=\S)")  # an id column such as 'c12  ', then the text


def _hang(text: str) -> int:
    """Extra indentation for continuation lines, so they align under the text they continue:
    after a bullet, inside a quotation, past a short label column."""
    if text.startswith(("- ", "* ", "> ")):
        return 2
    if text.startswith(('"', "“")):
        return 1
    label = LABEL.match(text)
    return len(label.group()) if label else 0


def wrap(text: str, columns: int | None = None, *, hang: int | None = None) -> str:
    """Every line of ``text`` wrapped to ``columns`` (the output width by default); blank lines
    and line breaks are kept, words are never split."""
    columns = width() if columns is None else columns
    lines = [piece for line in text.splitlines() for piece in wrap_line(line, columns, hang)]
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")
