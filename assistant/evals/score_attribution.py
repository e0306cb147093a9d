"""Score "who said it" on PolNeAR: the engine's source evidence spans against gold Source spans.

A gold Source span is found when some predicted source's evidence overlaps it; a predicted
source is right when one of its evidence spans overlaps some gold Source span. Sources in the
outlet's own voice are left out: PolNeAR annotates attributions, not the outlet's narration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from assistant.claims import Analysis, Source
from assistant.evals.metrics import FAILED, Span, any_overlap, precision_recall_f1, ratio
from assistant.evals.polnear import AttributionArticle, SourceSpan
from assistant.evals.records import ItemResult, ReportDocument
from assistant.evals.runner import Outcome
from assistant.evals.scored import (
    Scored,
    analysis_grounding,
    analysis_sources,
    evidence_quotes,
    excerpt,
)


def _evidence(source: Source) -> list[Span]:
    return [(e.start, e.end) for e in source.evidence]


def _attributed(analysis: Analysis | None) -> list[Source]:
    if analysis is None:
        return []
    return [s for s in analysis_sources(analysis) if s.kind != "outlet" and s.evidence]


def _gold_item(
    article: AttributionArticle, gold: SourceSpan, sources: list[Source], failed: str | None
) -> ItemResult:
    covering = [s for s in sources if any_overlap(_evidence(s), gold.fragments)]
    start, end = gold.fragments[0][0], gold.fragments[-1][1]
    names = sorted({s.name for s in covering})
    return ItemResult(
        id=f"{article.id}/{gold.id}",
        kind="source",
        group=article.id,
        correct=bool(covering),
        expected=gold.text,
        predicted=FAILED if failed else ("; ".join(names) or "not found"),
        subject=gold.text,
        excerpt=excerpt(article.text, start, end),
        evidence=evidence_quotes(covering),
        failure=failed,
        error="" if covering else "missed",
        spans=[span for s in covering for span in _evidence(s)],
        expected_spans=list(gold.fragments),
    )


def _extra_item(article: AttributionArticle, number: int, source: Source) -> ItemResult:
    start, end = _evidence(source)[0]
    return ItemResult(
        id=f"{article.id}/extra-{number}",
        kind="extra",
        group=article.id,
        correct=False,
        expected="no attribution here",
        predicted=source.name,
        subject=source.name,
        excerpt=excerpt(article.text, start, end),
        evidence=[e.quote for e in source.evidence],
        detail=f"{source.kind}, {source.stance}",
        error="extra",
        spans=_evidence(source),
    )


def score_attribution(
    articles: Sequence[AttributionArticle], outcomes: Sequence[Outcome[Analysis]]
) -> Scored:
    items: list[ItemResult] = []
    counts: Counter[str] = Counter()
    for article, outcome in zip(articles, outcomes, strict=True):
        sources = _attributed(outcome.value)
        failed = outcome.failure.message if outcome.failure else None
        gold_items = [_gold_item(article, g, sources, failed) for g in article.sources]
        gold_spans = [f for g in article.sources for f in g.fragments]
        right = [s for s in sources if any_overlap(_evidence(s), gold_spans)]
        wrong = [s for s in sources if not any_overlap(_evidence(s), gold_spans)]
        items += gold_items + [_extra_item(article, n, s) for n, s in enumerate(wrong, start=1)]
        counts.update(gold=len(gold_items), found=sum(i.correct for i in gold_items))
        counts.update(predicted=len(sources), right=len(right))
        if outcome.value is not None:
            grounded, total = analysis_grounding(outcome.value)
            counts.update(grounded=grounded, quotes=total)
    c = counts
    metrics: dict[str, float | None] = {
        **precision_recall_f1("attribution", c["right"], c["predicted"], c["found"], c["gold"]),
        "attribution.gold_sources": counts["gold"],
        "attribution.predicted_sources": counts["predicted"],
        "grounding.rate": ratio(counts["grounded"], counts["quotes"]),
    }
    documents = {a.id: ReportDocument(title=a.id, text=a.text) for a in articles}
    return Scored(items, metrics, documents=documents)
