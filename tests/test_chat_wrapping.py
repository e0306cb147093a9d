"""Chat output wrapped to a width: whole words, indentation and styles kept, streamed text too."""

from __future__ import annotations

from rich.text import Text

from assistant.cli.wrapping import StreamWrap, wrap_text

LONG = (
    "denied by Elena Ruiz, Bayport Mayor (named official, on the record): the marina is not for "
    "sale"
)


def test_styled_text_wraps_without_breaking_words_and_keeps_its_styles() -> None:
    text = Text()
    text.append("  [c1] ", style="bold cyan")
    text.append(f'"{LONG}"', style="italic")
    wrapped = wrap_text(text, 40)
    lines = wrapped.plain.split("\n")
    assert all(len(line) <= 40 for line in lines) and len(lines) > 2
    assert " ".join(wrapped.plain.split()) == " ".join(text.plain.split())
    assert all(line.startswith("  ") for line in lines)  # continuation keeps the indentation
    styles = {str(span.style) for span in wrapped.spans}
    assert {"bold cyan", "italic"} <= styles


def test_a_word_longer_than_the_width_stands_alone_and_whole() -> None:
    word = "x" * 50
    wrapped = wrap_text(Text(f"short {word} end"), 20).plain
    assert word in wrapped.split("\n")


def test_streamed_pieces_wrap_at_word_boundaries() -> None:
    stream = StreamWrap(30)
    pieces = [LONG[i : i + 7] for i in range(0, len(LONG), 7)]
    printed = "".join(stream.feed(p) for p in pieces) + stream.end()
    assert all(len(line) <= 30 for line in printed.split("\n"))
    assert " ".join(printed.split()) == LONG


def test_streamed_text_keeps_its_own_spaces_and_line_breaks() -> None:
    stream = StreamWrap(80)
    printed = stream.feed("  two spaces\nnext") + stream.end()
    assert printed == "  two spaces\nnext"
