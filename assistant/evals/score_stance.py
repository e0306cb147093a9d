"""Score verdicts on (claim, document) pairs: macro-F1, per-label scores, FNC-1 score."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.claims import Document
from assistant.evals.engines import VerdictLike
from assistant.evals.metrics import FAILED, confusion, fnc_score, label_metrics, ratio
from assistant.evals.pairs import StancePair
from assistant.evals.records import ItemResult, ReportDocument
from assistant.evals.runner import Outcome
from assistant.evals.scored import Scored, evidence_quotes, excerpt, grounding_counts


def pair_document(pair: StancePair) -> Document:
    return Document.from_text(pair.document)


def _item(pair: StancePair, outcome: Outcome[VerdictLike]) -> ItemResult:
    verdict = outcome.value
    predicted = verdict.status if verdict is not None else FAILED
    return ItemResult(
        id=pair.id,
        kind="pair",
        group=pair.group or pair.id,
        correct=predicted == pair.expected,
        expected=pair.expected,
        predicted=predicted,
        subject=pair.claim,
        excerpt=excerpt(pair.document),
        evidence=evidence_quotes(verdict.sources) if verdict else [],
        detail=verdict.reason if verdict else "",
        failure=outcome.failure.message if outcome.failure else None,
        error="" if predicted == pair.expected else "wrong status",
        spans=[(e.start, e.end) for s in verdict.sources for e in s.evidence] if verdict else [],
    )


def _documents(pairs: Sequence[StancePair]) -> dict[str, ReportDocument]:
    """The text of each group whose pairs all read one document (an FNC-1 body)."""
    texts: dict[str, str | None] = {}
    for pair in pairs:
        group = pair.group or pair.id
        seen = texts.setdefault(group, pair.document)
        if seen != pair.document:
            texts[group] = None
    return {g: ReportDocument(title=g, text=t) for g, t in texts.items() if t is not None}


def score_stance(
    pairs: Sequence[StancePair],
    outcomes: Sequence[Outcome[VerdictLike]],
    labels: Sequence[str],
    with_fnc_score: bool = False,
) -> Scored:
    items = [_item(p, o) for p, o in zip(pairs, outcomes, strict=True)]
    judged = [(i.expected, i.predicted) for i in items]
    matrix = confusion(judged, list(labels))
    metrics, per_label = label_metrics("status", matrix)
    grounded = total = 0
    for pair, outcome in zip(pairs, outcomes, strict=True):
        if outcome.value is not None:
            document = pair_document(pair)
            g, t = grounding_counts(list(outcome.value.sources), {document.id: document.text})
            grounded, total = grounded + g, total + t
    metrics["grounding.rate"] = ratio(grounded, total)
    if with_fnc_score:
        metrics["fnc.score_pct"] = fnc_score(judged)
    return Scored(items, metrics, per_label, matrix, documents=_documents(pairs))
