"""Locate quotes in documents by code, so evidence provably exists in the text.

A quote matches when it equals a stretch of the document after both are normalised the same way:
runs of whitespace become one space, curly quotes and apostrophes become straight ones, and
dashes become a hyphen. Offsets are always computed on the original text, so the stored quote is
``text[start:end]`` exactly, whatever the model typed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
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
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*")
_EDGE = " \t\r\n\"'"
MIN_FRAGMENT = 12
_SPACE_RUN = re.compile(r"\s+")
_FOLDED_SPACE = re.compile(r"\s{2,}|[^\S ]")  # whitespace runs other than a single space


@dataclass(frozen=True)
class NormalisedText:
    """A normalised copy of a text and, for each of its characters, the original offset."""

    text: str
    offsets: tuple[int, ...]


def normalise(text: str) -> NormalisedText:
    mapped = text.translate(_CHAR_MAP)
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for run in _FOLDED_SPACE.finditer(mapped):  # a lone space is already what it becomes
        pieces += (mapped[pos : run.start()], " ")
        offsets += range(pos, run.start())
        offsets.append(run.start())
        pos = run.end()
    pieces.append(mapped[pos:])
    offsets += range(pos, len(mapped))
    return NormalisedText("".join(pieces), tuple(offsets))


@lru_cache(maxsize=64)
def _normalised(text: str) -> NormalisedText:
    return normalise(text)


def _clean(quote: str) -> str:
    # The same text normalise() produces, without the offsets (a quote needs none).
    return _SPACE_RUN.sub(" ", quote.strip().translate(_CHAR_MAP)).strip(_EDGE)


def _needles(quote: str) -> list[str]:
    """The quote as given (quotation marks kept, so a quote that ends inside a quotation keeps
    its closing mark), then with the marks around it stripped; a quote of a tag the prompt
    defanged (``&lt;document``, see prompts.defang) is looked for as the text has it, too."""
    whole = _SPACE_RUN.sub(" ", quote.strip().translate(_CHAR_MAP)).strip()
    bare = whole.strip(_EDGE)
    variants = (whole, bare, whole.replace("&lt;", "<"), bare.replace("&lt;", "<"))
    return [n for n in dict.fromkeys(variants) if n.strip(_EDGE)]


def find_span(
    text: str, quote: str, start_at: int = 0, end_at: int | None = None
) -> tuple[int, int] | None:
    """The (start, end) of ``quote`` in ``text[start_at:end_at]`` under normalisation, or None."""
    hay = _normalised(text)
    begin = _normalised_index(hay, start_at)
    end = len(hay.text) if end_at is None else _normalised_index(hay, end_at)
    for needle in _needles(quote):
        pos = hay.text.find(needle, begin, end)
        if pos >= 0:
            return hay.offsets[pos], hay.offsets[pos + len(needle) - 1] + 1
    return None


def _normalised_index(hay: NormalisedText, original: int) -> int:
    return bisect_left(hay.offsets, original)


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


def locate_near(
    document: Document, quote: str, lo: int, hi: int, reach: int = 400
) -> Evidence | None:
    """Evidence for a short ``quote`` ("he", "said") as a whole word or phrase: the occurrence
    nearest to the stretch ``[lo, hi)`` within ``reach`` characters of it, preferring one outside
    the stretch (a speaker or cue is not inside what they said); None when there is none."""
    exact = _nearest_as_written(document.text, quote, lo, hi, reach)
    if exact is not None:
        return evidence_at(document, *exact)
    hay = _normalised(document.text)
    begin = _normalised_index(hay, max(0, lo - reach))
    end = _normalised_index(hay, hi + reach)
    first, last = _normalised_index(hay, lo), _normalised_index(hay, hi)
    for needle in _needles(quote):
        spans = [
            (pos, pos + len(needle))
            for pos in _occurrences(hay.text, needle, begin, end)
            if _whole_word(hay.text, pos, pos + len(needle))
        ]
        if spans:
            start, stop = min(spans, key=lambda s: _distance(s, first, last))
            return evidence_at(document, hay.offsets[start], hay.offsets[stop - 1] + 1)
    return None


def nearest_spans(
    document: Document, quote: str, lo: int, hi: int, reach: int = 400
) -> list[Evidence]:
    """Every whole-word occurrence of ``quote`` as written within ``reach`` of ``[lo, hi)``,
    nearest first (for a caller that must try them in turn)."""
    if not quote or quote != quote.strip():
        return []
    begin, end = max(0, lo - reach), hi + reach
    spans = [
        span
        for span in _ending_a_word(document.text, quote, begin, end)
        if _whole_word(document.text, *span)
    ]
    spans.sort(key=lambda s: _distance(s, lo, hi))
    return [evidence_at(document, *span) for span in spans]


def _nearest_as_written(
    text: str, quote: str, lo: int, hi: int, reach: int
) -> tuple[int, int] | None:
    """The nearest whole-word occurrence of ``quote`` exactly as written (the usual case,
    found without normalising), or None."""
    if not quote or quote != quote.strip():
        return None
    begin, end = max(0, lo - reach), hi + reach
    spans = [span for span in _ending_a_word(text, quote, begin, end) if _whole_word(text, *span)]
    return min(spans, key=lambda s: _distance(s, lo, hi)) if spans else None


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
