"""Locate quotes in documents by code, so evidence provably exists in the text.

A quote matches when it equals a stretch of the document after both are normalised the same way:
runs of whitespace become one space, curly quotes and apostrophes become straight ones, and
dashes become a hyphen. Offsets are always computed on the original text, so the stored quote is
``text[start:end]`` exactly, whatever the model typed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from assistant.claims import Document, Evidence

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
# The same mapping as pairs, for :func:`straightened` (each maps to a character that is no key).
_CHAR_PAIRS = tuple((chr(key), value) for key, value in _CHAR_MAP.items())
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*")
_EDGE = " \t\r\n\"'"
MIN_FRAGMENT = 12
_SPACE_RUN = re.compile(r"\s+")
# Whitespace runs other than a single space: ``\s{2,}|[^\S ]``, written to open with one class
# (a whitespace that is no space, or is followed by more) so the regex engine skips to it fast.
_FOLDED_SPACE = re.compile(r"\s(?:(?<=[^\S ])|(?=\s))\s*")
_MAPPED_CHAR = re.compile("[" + "".join(re.escape(char) for char, _ in _CHAR_PAIRS) + "]")


@dataclass(frozen=True)
class NormalisedText:
    """A normalised copy of a text and where its characters stand in the original.

    The copy is a series of stretches, each a run of the original's characters copied one for
    one (a character mapped or a lone whitespace stays in place): stretch ``i`` begins at
    ``starts[i]`` in the copy and at ``origins[i]`` in the original. A longer whitespace run
    becomes one space at the run's start, and a new stretch begins after it.
    """

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]

    def original(self, index: int) -> int:
        """The original offset of the copy's character at ``index``."""
        i = bisect_right(self.starts, index) - 1
        return self.origins[i] + index - self.starts[i]

    def index(self, original: int) -> int:
        """The first index of the copy whose character stands at ``original`` or after."""
        if original <= 0:
            return 0
        i = bisect_right(self.origins, original) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return min(self.starts[i] + original - self.origins[i], end)

    @property
    def offsets(self) -> tuple[int, ...]:
        """The original offset of every character of the copy."""
        return tuple(self.original(i) for i in range(len(self.text)))


def straightened(text: str) -> str:
    """``text.translate(_CHAR_MAP)``: curly quotes, apostrophes and dashes made straight, no-break
    spaces plain; the same length. Only the characters the text has are replaced (most texts
    have few or none, and translating looks up every character)."""
    if not _MAPPED_CHAR.search(text):
        return text
    for char, replacement in _CHAR_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def normalise(text: str) -> NormalisedText:
    mapped = straightened(text)
    pieces: list[str] = []
    starts, origins = [0], [0]
    pos = length = 0
    for run in _FOLDED_SPACE.finditer(mapped):  # a lone space is already what it becomes
        pieces += (mapped[pos : run.start()], " ")
        length += run.start() - pos + 1
        pos = run.end()
        if pos > run.start() + 1:  # the run lost characters: what follows is a new stretch
            starts.append(length)
            origins.append(pos)
    pieces.append(mapped[pos:])
    return NormalisedText("".join(pieces), tuple(starts), tuple(origins))


@lru_cache(maxsize=64)
def _normalised(text: str) -> NormalisedText:
    return normalise(text)


def _folded(text: str) -> str:
    """The text :func:`normalise` makes of ``text``, without the offsets (a quote needs none)."""
    mapped = straightened(text)
    return _SPACE_RUN.sub(" ", mapped) if _FOLDED_SPACE.search(mapped) else mapped


def _clean(quote: str) -> str:
    return _folded(quote.strip()).strip(_EDGE)


def _needles(quote: str) -> Iterator[str]:
    """The quote as given (quotation marks kept, so a quote that ends inside a quotation keeps
    its closing mark), then with the marks around it stripped; a quote of a tag the prompt
    defanged (``&lt;document``, see prompts.defang) is looked for as the text has it, too.
    Each made only if the ones before are not found."""
    whole = _folded(quote.strip()).strip()
    seen: set[str] = set()
    for needle in _variants(whole):
        if needle not in seen and needle.strip(_EDGE):
            yield needle
        seen.add(needle)


def _variants(whole: str) -> Iterator[str]:
    bare = whole.strip(_EDGE)
    yield from (whole, bare)
    if "&lt;" in whole:
        yield from (whole.replace("&lt;", "<"), bare.replace("&lt;", "<"))


def find_span(
    text: str, quote: str, start_at: int = 0, end_at: int | None = None
) -> tuple[int, int] | None:
    """The (start, end) of ``quote`` in ``text[start_at:end_at]`` under normalisation, or None."""
    hay = _normalised(text)
    begin = hay.index(start_at)
    end = len(hay.text) if end_at is None else hay.index(end_at)
    for needle in _needles(quote):
        pos = hay.text.find(needle, begin, end)
        if pos >= 0:
            return hay.original(pos), hay.original(pos + len(needle) - 1) + 1
    return None


def locate(document: Document, quote: str) -> Evidence | None:
    """Evidence for ``quote`` in ``document``; a quote with ellipses keeps its longest part."""
    span = find_span(document.text, quote)
    if span is None:
        parts = [p for p in _ELLIPSIS.split(quote) if len(_clean(p)) >= MIN_FRAGMENT]
        spans = [s for s in (find_span(document.text, p) for p in parts) if s]
        if not spans:
            return None
        span = max(spans, key=lambda s: s[1] - s[0])
    start, end = span
    return Evidence(document_id=document.id, quote=document.text[start:end], start=start, end=end)


class Locator:
    """Locates many quotes in one document, nearest first.

    Quotes mostly come in reading order, so each is first looked for in a window around the
    previous find, then in the whole text; answers are remembered. This keeps grounding linear
    in the length of long documents instead of scanning the whole text for every quote.
    """

    BEHIND = 5_000
    AHEAD = 50_000

    def __init__(self, document: Document, start: int = 0) -> None:
        self.document = document
        self.start = start
        self._cursor = start
        self._found: dict[str, Evidence | None] = {}

    @property
    def cursor(self) -> int:
        """Where the last quote was found (quotes mostly come in reading order)."""
        return self._cursor

    def locate(self, quote: str) -> Evidence | None:
        if quote not in self._found:
            self._found[quote] = self._near(quote) or locate(self.document, quote)
        found = self._found[quote]
        if found is not None:
            self._cursor = found.start
        return found

    def _near(self, quote: str) -> Evidence | None:
        start = max(0, self._cursor - self.BEHIND)
        span = find_span(self.document.text, quote, start, self._cursor + self.AHEAD)
        return evidence_at(self.document, *span) if span else None


def locate_in(documents: Iterable[Document], quote: str) -> Evidence | None:
    """Evidence for ``quote`` in the first of ``documents`` that has it."""
    for document in documents:
        found = locate(document, quote)
        if found is not None:
            return found
    return None


def evidence_at(document: Document, start: int, end: int) -> Evidence:
    """Evidence for a span the caller already knows to be in the text."""
    return Evidence(document_id=document.id, quote=document.text[start:end], start=start, end=end)


Span = tuple[int, int]
"""A (start, end) stretch of a document's text."""


def locate_near(
    document: Document, quote: str, lo: int, hi: int, reach: int = 400
) -> Evidence | None:
    """Evidence for a short ``quote`` ("he", "said") as a whole word or phrase: the occurrence
    nearest to the stretch ``[lo, hi)`` within ``reach`` characters of it, preferring one outside
    the stretch (a speaker or cue is not inside what they said); None when there is none."""
    span = span_near(document.text, quote, lo, hi, reach)
    return evidence_at(document, *span) if span else None


def span_near(
    text: str, quote: str, lo: int, hi: int, reach: int = 400, written: list[Span] | None = None
) -> Span | None:
    """The span :func:`locate_near` finds. ``written``: :func:`spans_near` of the same
    arguments, when the caller has it (the usual answer is the nearest of those)."""
    written = spans_near(text, quote, lo, hi, reach) if written is None else written
    if written:
        return written[0]
    hay = _normalised(text)
    begin, end = hay.index(max(0, lo - reach)), hay.index(hi + reach)
    first, last = hay.index(lo), hay.index(hi)
    for needle in _needles(quote):
        spans = [
            (pos, pos + len(needle))
            for pos in _occurrences(hay.text, needle, begin, end)
            if _whole_word(hay.text, pos, pos + len(needle))
        ]
        if spans:
            start, stop = min(spans, key=lambda s: _distance(s, first, last))
            return hay.original(start), hay.original(stop - 1) + 1
    return None


def spans_near(text: str, quote: str, lo: int, hi: int, reach: int = 400) -> list[Span]:
    """Every whole-word occurrence of ``quote`` as written within ``reach`` of ``[lo, hi)``,
    nearest first (the first in the text of equally near ones), for a caller that must try
    them in turn."""
    if not quote or quote != quote.strip():
        return []
    begin, end = max(0, lo - reach), hi + reach
    spans = [span for span in _ending_a_word(text, quote, begin, end) if _whole_word(text, *span)]
    spans.sort(key=lambda s: _distance(s, lo, hi))
    return spans


def _ending_a_word(text: str, quote: str, begin: int, end: int) -> Iterable[tuple[int, int]]:
    """Where ``quote`` stands as written in ``text[begin:end]``, not followed by more of a word
    (within that stretch), scanning left to right without overlaps like a regular expression
    would; the start is checked by :func:`_whole_word`."""
    word_end = quote[-1].isalnum()
    pos = text.find(quote, begin, end)
    while pos >= 0:
        stop = pos + len(quote)
        if word_end and stop < end and stop < len(text) and text[stop].isalnum():
            pos = text.find(quote, pos + 1, end)
            continue
        yield pos, stop
        pos = text.find(quote, stop, end)


def _occurrences(text: str, needle: str, begin: int, end: int) -> Iterable[int]:
    pos = text.find(needle, begin, end)
    while pos >= 0:
        yield pos
        pos = text.find(needle, pos + 1, end)


def _distance(span: tuple[int, int], lo: int, hi: int) -> int:
    start, stop = span
    if stop <= lo:
        return lo - stop
    if start >= hi:
        return start - hi
    return 1_000_000  # inside the anchor stretch: only when nothing lies outside


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    inside_word = before.isalnum() and text[start].isalnum()
    return not inside_word and not (after.isalnum() and text[end - 1].isalnum())
