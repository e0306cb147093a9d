"""Show an answer while it streams: pick the ``text`` field out of JSON that is still arriving.

A streamed answer is raw JSON (``{"text": "...", "citations": [...]}``) cut into arbitrary
pieces. :class:`TextFieldStream` is fed those pieces and passes on the decoded characters of the
top-level ``"text"`` string as soon as they arrive, whatever the cut: escapes such as ``\\n``,
``\\"`` and ``\\uXXXX`` (surrogate pairs too) may be split across pieces. Everything else in the
JSON is skipped. Validation still happens on the whole answer once it has arrived.

:func:`answer_sinks` gives the session's streaming driver a fresh extractor per request, and
tells the caller (``on_restart``) when a re-ask starts a new answer.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.models.base import TextSink

Restart = Callable[[], None]

FIELD = "text"
SIMPLE_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
HIGH_SURROGATES = range(0xD800, 0xDC00)
LOW_SURROGATES = range(0xDC00, 0xE000)


class _StringDecoder:
    """Decodes the inside of one JSON string, a character at a time, escapes included."""

    def __init__(self, out: Callable[[str], None]) -> None:
        self._out = out
        self._escape = False
        self._hex: str | None = None  # the digits of a \\u escape read so far
        self._high: int | None = None  # a high surrogate waiting for its low half

    def feed(self, char: str) -> bool:
        """Take one character; False when it is the closing quote."""
        if self._hex is not None:
            self._read_hex(char)
        elif self._escape:
            self._escape = False
            if char == "u":
                self._hex = ""
            else:
                self._put(SIMPLE_ESCAPES.get(char, char))
        elif char == "\\":
            self._escape = True
        elif char == '"':
            self._flush_high()
            return False
        else:
            self._put(char)
        return True

    def _read_hex(self, char: str) -> None:
        self._hex = (self._hex or "") + char
        if len(self._hex) < 4:
            return
        try:
            code = int(self._hex, 16)
        except ValueError:  # not JSON; show the characters rather than lose them
            code = None
        digits, self._hex = self._hex, None
        if code is None:
            self._put("\\u" + digits)
        else:
            self._put_code(code)

    def _put_code(self, code: int) -> None:
        if self._high is not None:
            high, self._high = self._high, None
            if code in LOW_SURROGATES:
                self._out(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)))
                return
            self._out(chr(high))
        if code in HIGH_SURROGATES:
            self._high = code
        else:
            self._out(chr(code))

    def _put(self, char: str) -> None:
        self._flush_high()
        self._out(char)

    def _flush_high(self) -> None:
        if self._high is not None:
            self._out(chr(self._high))
            self._high = None


class TextFieldStream:
    """Feed it JSON pieces; it calls ``on_text`` with each new run of the ``text`` value."""

    def __init__(self, on_text: TextSink, field: str = FIELD) -> None:
        self._on_text = on_text
        self._field = field
        self._depth = 0
        self._expect_key = False
        self._last_key: str | None = None
        self._string: _StringDecoder | None = None
        self._role = "skip"  # what the open string is: "key", "text" or "skip"
        self._key: list[str] = []
        self._emitted: list[str] = []  # this feed's characters of the text value
        self._seen: list[str] = []
        self.done = False  # the text value's closing quote has arrived

    @property
    def text(self) -> str:
        """The decoded text value so far."""
        return "".join(self._seen)

    def feed(self, piece: str) -> None:
        for char in piece:
            if self._string is not None:
                if not self._string.feed(char):
                    self._close_string()
            else:
                self._structure(char)
        if self._emitted:
            run = "".join(self._emitted)
            self._emitted.clear()
            self._seen.append(run)
            self._on_text(run)

    def _structure(self, char: str) -> None:
        if char in "{[":
            self._depth += 1
            self._expect_key = char == "{" and self._depth == 1
        elif char in "}]":
            self._depth -= 1
        elif self._depth == 1 and char == ",":
            self._expect_key = True
        elif self._depth == 1 and char == ":":
            self._expect_key = False
        elif char == '"':
            self._open_string()

    def _open_string(self) -> None:
        role = "skip"
        if self._depth == 1 and self._expect_key:
            role = "key"
        elif self._depth == 1 and self._last_key == self._field and not self.done:
            role = "text"
        self._role = role
        sinks = {"key": self._key.append, "text": self._emitted.append}
        self._string = _StringDecoder(sinks.get(role, _ignore))

    def _close_string(self) -> None:
        if self._role == "key":
            self._last_key = "".join(self._key)
            self._key.clear()
        elif self._role == "text":
            self.done = True
            self._last_key = None
        self._string = None


def _ignore(_: str) -> None:
    return None


def answer_sinks(on_text: TextSink, on_restart: Restart | None = None) -> Callable[[], TextSink]:
    """A fresh ``text`` extractor per request; ``on_restart()`` before each but the first."""
    started = False

    def next_sink() -> TextSink:
        nonlocal started
        if started and on_restart is not None:
            on_restart()
        started = True
        return TextFieldStream(on_text).feed

    return next_sink
