"""Styled chat output wrapped like plain text: ``terminal.wrap_line`` decides the breaks, the
rich styles of every piece are kept."""

from __future__ import annotations

from rich.text import Text

from assistant.cli.terminal import wrap_line


def wrap_text(text: Text, columns: int) -> Text:
    """Every line of ``text`` wrapped to ``columns`` without breaking a word, styles kept."""
    out = Text()
    lines = text.split("\n", allow_blank=True)
    for number, line in enumerate(lines):
        if number:
            out.append("\n")
        out.append_text(_wrapped(line, columns))
    return out


def _wrapped(line: Text, columns: int) -> Text:
    plain = line.plain
    pieces = wrap_line(plain, columns)
    if len(pieces) <= 1:
        return line
    out, cursor = Text(), 0
    for number, piece in enumerate(pieces):
        body = piece.lstrip()
        start = plain.find(body, cursor)
        if start < 0:  # textwrap changed the spacing inside: keep the line as it was
            return line
        out.append(("\n" if number else "") + piece[: len(piece) - len(body)])
        out.append_text(line[start : start + len(body)])
        cursor = start + len(body)
    return out


class StreamWrap:
    """Wrap text that arrives in pieces (a streaming answer): words are held until whole, and a
    word that would cross the right edge starts a new line (the spaces before it are dropped)."""

    def __init__(self, columns: int) -> None:
        self.columns = columns
        self.column = 0
        self._word = ""
        self._spaces = ""

    def feed(self, run: str) -> str:
        """What to print now for ``run``."""
        out: list[str] = []
        for char in run:
            if char == "\n":
                out += [self.end(), "\n"]
                self.column = 0
            elif char.isspace():
                out.append(self._flush())
                self._spaces += char
            else:
                self._word += char
        return "".join(out)

    def end(self) -> str:
        """What is still held back, once the text (or its line) is complete."""
        text, self._spaces = self._flush() + self._spaces, ""
        self.column += len(text)
        return text

    def _flush(self) -> str:
        word, self._word = self._word, ""
        if not word:
            return ""
        spaces, self._spaces = self._spaces, ""
        if self.column and self.column + len(spaces) + len(word) > self.columns:
            self.column = len(word)
            return "\n" + word
        self.column += len(spaces) + len(word)
        return spaces + word
