"""Split long documents on paragraph boundaries so each part fits a model's context budget."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A part of a document: its paragraphs as spans of the original text."""

    paragraphs: tuple[Span, ...]

    @property
    def start(self) -> int:
        return self.paragraphs[0].start

    @property
    def end(self) -> int:
        return self.paragraphs[-1].end


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines as spans, surrounding whitespace trimmed."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append(Span(match.start() + lead, match.start() + len(line.rstrip())))
    return spans


def _split_long(text: str, span: Span, budget: int) -> list[Span]:
    """Break one over-long paragraph at sentence ends (or hard, as a last resort)."""
    pieces: list[Span] = []
    start = span.start
    while span.end - start > budget:
        window = text[start : start + budget]
        cuts = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = start + (cuts[-1] if cuts else budget)
        pieces.append(Span(start, len(text[:cut].rstrip())))
        start = cut
        while start < span.end and text[start].isspace():
            start += 1
    if start < span.end:
        pieces.append(Span(start, span.end))
    return pieces


def _sentences(text: str, part: Chunk) -> list[Span]:
    """The sentences of a one-paragraph part, as spans."""
    span = part.paragraphs[0]
    cuts = [span.start + m.end() for m in _SENTENCE_END.finditer(text[span.start : span.end])]
    starts = [span.start, *cuts]
    ends = [*(len(text[:c].rstrip()) for c in cuts), span.end]
    return [Span(s, e) for s, e in zip(starts, ends, strict=True) if e > s]


def halve(text: str, part: Chunk) -> tuple[Chunk, Chunk] | None:
    """``part`` as two parts of about half its length, split between paragraphs or else at a
    sentence end; None when it cannot be split (one sentence)."""
    spans = list(part.paragraphs) if len(part.paragraphs) > 1 else _sentences(text, part)
    if len(spans) < 2:
        return None
    middle = (part.start + part.end) // 2
    cut = min(range(1, len(spans)), key=lambda i: abs(spans[i].start - middle))
    return Chunk(tuple(spans[:cut])), Chunk(tuple(spans[cut:]))


def chunk(text: str, budget: int) -> list[Chunk]:
    """Group consecutive paragraphs into chunks of at most ``budget`` characters each."""
    return list(_chunks(text, budget))


# Checking many claims against one document (an eval's 30 headlines a body) cuts it each time.
@lru_cache(maxsize=32)
def _chunks(text: str, budget: int) -> tuple[Chunk, ...]:
    units = [piece for p in paragraphs(text) for piece in _split_long(text, p, budget)]
    chunks: list[Chunk] = []
    current: list[Span] = []
    for unit in units:
        if current and unit.end - current[0].start > budget:
            chunks.append(Chunk(tuple(current)))
            current = []
        current.append(unit)
    if current:
        chunks.append(Chunk(tuple(current)))
    return tuple(chunks)
