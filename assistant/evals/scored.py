"""The result of scoring one data set: items, flat metrics, per-label scores and confusion."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.claims import Analysis, Source
from assistant.evals.records import Confusion, Failure, ItemResult, LabelScore, ReportDocument


@dataclass
class Scored:
    items: list[ItemResult]
    metrics: dict[str, float | None]
    per_label: list[LabelScore] = field(default_factory=list)
    confusion: Confusion | None = None
    failures: list[Failure] = field(default_factory=list)
    documents: dict[str, ReportDocument] = field(default_factory=dict)
    latencies_s: list[float] = field(default_factory=list)


EXCERPT_CHARS = 160


def excerpt(text: str, start: int = 0, end: int | None = None) -> str:
    """The text around ``text[start:end]`` with some context, marked with ellipses when cut."""
    end = start if end is None else end
    left, right = max(0, start - EXCERPT_CHARS), min(len(text), end + EXCERPT_CHARS)
    if start == 0 and end == 0:
        right = min(len(text), 2 * EXCERPT_CHARS)
    body = " ".join(text[left:right].split())
    return ("…" if left else "") + body + ("…" if right < len(text) else "")


def grounding_counts(sources: list[Source], texts: dict[str, str]) -> tuple[int, int]:
    """(grounded, total) evidence quotes: grounded when the quote is exactly text[start:end]."""
    quotes = [e for s in sources for e in s.evidence]
    grounded = sum(1 for e in quotes if texts.get(e.document_id, "")[e.start : e.end] == e.quote)
    return grounded, len(quotes)


def analysis_grounding(analysis: Analysis) -> tuple[int, int]:
    """(grounded, total) evidence quotes over every claim's sources, against the analysis's
    own documents."""
    texts = {d.id: d.text for d in analysis.documents}
    return grounding_counts(analysis_sources(analysis), texts)


def evidence_quotes(sources: Sequence[Source]) -> list[str]:
    """Every evidence quote of the sources, each once, in order."""
    return list(dict.fromkeys(e.quote for s in sources for e in s.evidence))


def analysis_sources(analysis: Analysis) -> list[Source]:
    return [s for c in analysis.claims for s in c.sources]
