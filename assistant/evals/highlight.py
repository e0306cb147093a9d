"""An article's text as HTML with evidence marked at its character offsets: the model's evidence
as <mark class="ev">, the gold quotes underlined (<span class="gold">), both where they overlap."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import pairwise

Span = tuple[int, int]


def _covered(spans: Sequence[Span], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _valid(spans: Iterable[Span], length: int) -> list[Span]:
    return [(a, b) for a, b in spans if 0 <= a < b <= length]


def highlighted(text: str, predicted: Iterable[Span], gold: Iterable[Span] = ()) -> str:
    """HTML-escaped ``text`` with the spans wrapped; spans outside the text are ignored."""
    ours, theirs = _valid(predicted, len(text)), _valid(gold, len(text))
    cuts = sorted({0, len(text), *(i for span in ours + theirs for i in span)})
    parts = []
    for start, end in pairwise(cuts):
        piece = escape(text[start:end])
        classes = [
            name for name, spans in (("ev", ours), ("gold", theirs)) if _covered(spans, start, end)
        ]
        if not classes:
            parts.append(piece)
        elif "ev" in classes:
            extra = " gold" if "gold" in classes else ""
            parts.append(f'<mark class="ev{extra}" data-start="{start}">{piece}</mark>')
        else:
            parts.append(f'<span class="gold" data-start="{start}">{piece}</span>')
    return "".join(parts)
