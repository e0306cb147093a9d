"""One-to-one matching of predicted claims and sources to gold ones.

A pair's score is text similarity weighted by evidence-span overlap; pairs are assigned greedily,
best score first, each side used at most once (definitions in evals/METRICS.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from assistant.evals.metrics import Span, chars
from assistant.grounding import find_span
from assistant.textsim import content_stems, similarity

P = TypeVar("P")
G = TypeVar("G")

SPAN_SHARE = 0.4
CLAIM_THRESHOLD = 0.4
NAME_THRESHOLD = 0.5


def assign(
    predicted: Sequence[P],
    gold: Sequence[G],
    score: Callable[[P, G], float],
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Greedy one-to-one assignment: (predicted index, gold index, score), best scores first.

    Ties break by index, so the result is deterministic.
    """
    candidates = [
        (s, i, j)
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
        if (s := score(p, g)) >= threshold
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for s, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, s))
    return pairs


def span_overlap(predicted: Sequence[Span], gold: Sequence[Span]) -> float:
    """Shared characters over the smaller of the two evidence sets (0 when either is empty)."""
    a, b = chars(predicted), chars(gold)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def claim_score(
    predicted_text: str, predicted_spans: Sequence[Span], gold_text: str, gold_spans: Sequence[Span]
) -> float:
    """Text similarity, of which 40 % is earned only as far as the evidence overlaps the gold
    quotes: sharing words is not enough, the claim must also rest on the same passage."""
    text = similarity(predicted_text, gold_text)
    span = span_overlap(predicted_spans, gold_spans)
    return text * (1 - SPAN_SHARE + SPAN_SHARE * span)


def quote_spans(text: str, quotes: Sequence[str]) -> list[Span]:
    """Where each gold quote sits in the article (quotes that cannot be found are skipped)."""
    return [span for q in quotes if (span := find_span(text, q)) is not None]


def name_similarity(a: str, b: str) -> float:
    """Shared content words over the shorter name: 'Baloch' matches 'Mumtaz Zahra Baloch'."""
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return 1.0 if a.strip().lower() == b.strip().lower() else 0.0
    return len(sa & sb) / min(len(sa), len(sb))
