"""Numbers computed from predictions: confusion matrices, per-label scores, macro-F1, the FNC-1
weighted score, span overlap and latency percentiles. Definitions are in evals/METRICS.md."""

from __future__ import annotations

import math
from collections.abc import Sequence

from assistant.evals.records import Confusion, LabelScore

FAILED = "failed"
NO_MATCH = "no matching claim"  # a gold claim no predicted claim matched


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def precision_recall_f1(
    prefix: str, right: float, predicted: float, found: float, gold: float
) -> dict[str, float | None]:
    """``prefix.precision`` (right of predicted), ``prefix.recall`` (found of gold) and F1."""
    precision, recall = ratio(right, predicted), ratio(found, gold)
    return {
        f"{prefix}.precision": precision,
        f"{prefix}.recall": recall,
        f"{prefix}.f1": f1(precision, recall),
    }


def confusion(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> Confusion:
    """Rows: expected labels; columns: the labels, then any other predicted value in order seen."""
    columns = list(labels)
    for _, predicted in pairs:
        if predicted not in columns:
            columns.append(predicted)
    counts = [[0] * len(columns) for _ in labels]
    for expected, predicted in pairs:
        counts[labels.index(expected)][columns.index(predicted)] += 1
    return Confusion(rows=list(labels), columns=columns, counts=counts)


def label_scores(matrix: Confusion) -> list[LabelScore]:
    scores = []
    for i, label in enumerate(matrix.rows):
        j = matrix.columns.index(label)
        hits = matrix.counts[i][j]
        predicted = sum(row[j] for row in matrix.counts)
        support = sum(matrix.counts[i])
        precision, recall = ratio(hits, predicted), ratio(hits, support)
        score = f1(precision, recall) if hits else (0.0 if support or predicted else None)
        scores.append(
            LabelScore(label=label, precision=precision, recall=recall, f1=score, support=support)
        )
    return scores


def macro_f1(scores: Sequence[LabelScore]) -> float | None:
    """Mean F1 over labels that occur in the expected data (a label with no support is left out);
    a label never predicted counts as F1 0."""
    values = [s.f1 if s.f1 is not None else 0.0 for s in scores if s.support]
    return sum(values) / len(values) if values else None


def accuracy(matrix: Confusion) -> float | None:
    hits = sum(matrix.counts[i][matrix.columns.index(r)] for i, r in enumerate(matrix.rows))
    return ratio(hits, sum(map(sum, matrix.counts)))


def label_metrics(
    prefix: str, matrix: Confusion
) -> tuple[dict[str, float | None], list[LabelScore]]:
    """Accuracy, macro-F1 and every per-label score as flat metrics named ``prefix.*``."""
    scores = label_scores(matrix)
    metrics: dict[str, float | None] = {
        f"{prefix}.macro_f1": macro_f1(scores),
        f"{prefix}.accuracy": accuracy(matrix),
    }
    for score in scores:
        metrics[f"{prefix}.precision.{score.label}"] = score.precision
        metrics[f"{prefix}.recall.{score.label}"] = score.recall
        metrics[f"{prefix}.f1.{score.label}"] = score.f1
    return metrics, scores


UNRELATED = "not_addressed"


def fnc_score(pairs: Sequence[tuple[str, str]]) -> float | None:
    """FNC-1 weighted score as % of the best possible: 0.25 for getting related/unrelated right,
    a further 0.75 for the exact label of a related pair."""
    earned = best = 0.0
    for expected, predicted in pairs:
        related = expected != UNRELATED
        best += 1.0 if related else 0.25
        if predicted == FAILED:
            continue
        if related == (predicted != UNRELATED):
            earned += 0.25
        if related and predicted == expected:
            earned += 0.75
    return 100 * earned / best if best else None


Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def any_overlap(spans: Sequence[Span], others: Sequence[Span]) -> bool:
    return any(overlaps(a, b) for a in spans for b in others)


def chars(spans: Sequence[Span]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile (``share`` in 0..1) of the values, None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]
