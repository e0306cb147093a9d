"""Score who said what on PolNeAR: the engine's attributions against the gold Source, Cue and
Content spans.

Each of the three span kinds is scored two ways, as the PolNeAR and PARC papers report them:
**overlap** (a predicted span is right when it shares a character with some gold span of its
kind; a gold span is found when some predicted span overlaps it) and **exact** (the same, but the
spans must coincide once surrounding spaces and punctuation are trimmed). ``attribution.*`` is
the source overlap score; ``claim_sources.*`` scores the older, narrower reading: the evidence of
the sources of claims only. Attributions in the outlet's own voice are left out: PolNeAR
annotates attributions, not the outlet's narration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from assistant.claims import Analysis, Attribution, Evidence, Source
from assistant.evals.metrics import FAILED, Span, any_overlap, precision_recall_f1, ratio
from assistant.evals.polnear import AttributionArticle, SourceSpan
from assistant.evals.records import ItemResult, ReportDocument
from assistant.evals.runner import Outcome
from assistant.evals.scored import Scored, analysis_grounding, analysis_sources, excerpt

_EDGE = " \t\r\n,.;:!?\"'()[]\u201c\u201d\u2018\u2019\u2014\u2013-"
PARTS = ("source", "cue", "content")


def _attributions(analysis: Analysis | None) -> list[Attribution]:
    if analysis is None:
        return []
    return [a for a in analysis.attributions if a.kind != "outlet"]


def _span(evidence: Evidence | None) -> Span | None:
    return (evidence.start, evidence.end) if evidence else None


def _predicted(attributions: Sequence[Attribution], part: str) -> list[Span]:
    spans = (_span(getattr(a, part)) for a in attributions)
    return [s for s in spans if s is not None]


def trimmed(text: str, span: Span) -> Span:
    """``span`` without surrounding spaces and punctuation (for exact matching)."""
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _spans(attribution: Attribution) -> list[Span]:
    """The attribution's source, cue and content spans (for highlighting in reports)."""
    parts = (attribution.source, attribution.cue, attribution.content)
    return [(e.start, e.end) for e in parts if e is not None]


def _gold_extent(gold: SourceSpan) -> Span:
    return gold.fragments[0][0], gold.fragments[-1][1]


def _counts(
    text: str, golds: Sequence[SourceSpan], predicted: Sequence[Span], prefix: str
) -> Counter[str]:
    """right/predicted/found/gold counts for overlap and exact matching of one span kind."""
    gold_fragments = [f for g in golds for f in g.fragments]
    exact_gold = {trimmed(text, _gold_extent(g)) for g in golds}
    exact_pred = {trimmed(text, p) for p in predicted}
    found = sum(any_overlap(predicted, g.fragments) for g in golds)
    return Counter(
        {
            f"{prefix}.right": sum(any_overlap([p], gold_fragments) for p in predicted),
            f"{prefix}.predicted": len(predicted),
            f"{prefix}.found": found,
            f"{prefix}.gold": len(golds),
            f"{prefix}.exact.right": sum(trimmed(text, p) in exact_gold for p in predicted),
            f"{prefix}.exact.found": len(exact_gold & exact_pred),
            f"{prefix}.exact.gold": len(exact_gold),
            f"{prefix}.exact.predicted": len(exact_pred),
        }
    )


def _gold_item(
    article: AttributionArticle, gold: SourceSpan, said: list[Attribution], failed: str | None
) -> ItemResult:
    covering = [a for a in said if a.source and any_overlap([_span(a.source)], gold.fragments)]  # type: ignore[list-item]
    start, end = _gold_extent(gold)
    names = sorted({a.name for a in covering})
    return ItemResult(
        id=f"{article.id}/{gold.id}",
        kind="source",
        group=article.id,
        correct=bool(covering),
        expected=gold.text,
        predicted=FAILED if failed else ("; ".join(names) or "not found"),
        subject=gold.text,
        excerpt=excerpt(article.text, start, end),
        evidence=[a.source.quote for a in covering if a.source],
        failure=failed,
        error="" if covering else "missed",
        spans=[span for a in covering for span in _spans(a)],
        expected_spans=list(gold.fragments),
    )


def _extra_item(article: AttributionArticle, number: int, said: Attribution) -> ItemResult:
    assert said.source is not None
    return ItemResult(
        id=f"{article.id}/extra-{number}",
        kind="extra",
        group=article.id,
        correct=False,
        expected="no attribution here",
        predicted=said.name,
        subject=said.source.quote,
        excerpt=excerpt(article.text, said.source.start, said.source.end),
        evidence=[said.cue.quote],
        detail=f"{said.kind}, {said.stance}",
        error="extra",
        spans=_spans(said),
    )


def _claim_source_counts(article: AttributionArticle, analysis: Analysis | None) -> Counter[str]:
    sources: list[Source] = []
    if analysis is not None:
        sources = [s for s in analysis_sources(analysis) if s.kind != "outlet" and s.evidence]
    gold_spans = [f for g in article.sources for f in g.fragments]
    spans = [[(e.start, e.end) for e in s.evidence] for s in sources]
    return Counter(
        {
            "claim_sources.right": sum(any_overlap(s, gold_spans) for s in spans),
            "claim_sources.predicted": len(spans),
            "claim_sources.found": sum(
                any(any_overlap(s, g.fragments) for s in spans) for g in article.sources
            ),
            "claim_sources.gold": len(article.sources),
        }
    )


def _article_counts(article: AttributionArticle, said: list[Attribution]) -> Counter[str]:
    counts: Counter[str] = Counter()
    golds = {"source": article.sources, "cue": article.cues, "content": article.contents}
    for part in PARTS:
        counts += _counts(article.text, golds[part], _predicted(said, part), part)
    return counts


def _metrics(c: Counter[str]) -> dict[str, float | None]:
    metrics: dict[str, float | None] = {}
    for part in PARTS:
        for kind in (part, f"{part}.exact"):
            metrics |= precision_recall_f1(
                f"attribution.{kind}",
                c[f"{kind}.right"],
                c[f"{kind}.predicted"],
                c[f"{kind}.found"],
                c[f"{kind}.gold"],
            )
    overlap = ("right", "predicted", "found", "gold")
    metrics |= precision_recall_f1("attribution", *(c[f"source.{k}"] for k in overlap))
    metrics |= precision_recall_f1("claim_sources", *(c[f"claim_sources.{k}"] for k in overlap))
    metrics["attribution.gold_sources"] = c["source.gold"]
    metrics["attribution.predicted_sources"] = c["source.predicted"]
    metrics["grounding.rate"] = ratio(c["grounded"], c["quotes"])
    return metrics


def score_attribution(
    articles: Sequence[AttributionArticle], outcomes: Sequence[Outcome[Analysis]]
) -> Scored:
    items: list[ItemResult] = []
    counts: Counter[str] = Counter()
    for article, outcome in zip(articles, outcomes, strict=True):
        said = _attributions(outcome.value)
        failed = outcome.failure.message if outcome.failure else None
        gold_spans = [f for g in article.sources for f in g.fragments]
        wrong = [
            a
            for a in said
            if a.source and not any_overlap([_span(a.source)], gold_spans)  # type: ignore[list-item]
        ]
        items += [_gold_item(article, g, said, failed) for g in article.sources]
        items += [_extra_item(article, n, a) for n, a in enumerate(wrong, start=1)]
        counts += _article_counts(article, said) + _claim_source_counts(article, outcome.value)
        if outcome.value is not None:
            grounded, total = analysis_grounding(outcome.value)
            counts.update(grounded=grounded, quotes=total)
    documents = {a.id: ReportDocument(title=a.id, text=a.text) for a in articles}
    return Scored(items, _metrics(counts), documents=documents)
