"""Metrics on hand-computable cases; expected values are worked out independently here."""

from __future__ import annotations

import pytest

from assistant.evals.metrics import (
    confusion,
    fnc_score,
    label_metrics,
    label_scores,
    macro_f1,
    percentile,
)

LABELS = ["confirmed", "denied", "unverified"]


def _pairs(table: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    return [pair for pair, n in table.items() for _ in range(n)]


def test_three_by_three_confusion_gives_known_scores() -> None:
    # rows expected, columns predicted:
    #              conf  den  unv
    # confirmed      5    1    2
    # denied         1    3    0
    # unverified     2    0    6
    table = {
        ("confirmed", "confirmed"): 5, ("confirmed", "denied"): 1, ("confirmed", "unverified"): 2,
        ("denied", "confirmed"): 1, ("denied", "denied"): 3,
        ("unverified", "confirmed"): 2, ("unverified", "unverified"): 6,
    }  # fmt: skip
    matrix = confusion(_pairs(table), LABELS)
    assert matrix.counts == [[5, 1, 2], [1, 3, 0], [2, 0, 6]]
    metrics, scores = label_metrics("status", matrix)
    # confirmed: P = 5/8, R = 5/8, F1 = 5/8; denied: P = 3/4, R = 3/4; unverified: P = 6/8, R = 6/8
    assert metrics["status.precision.confirmed"] == pytest.approx(0.625)
    assert metrics["status.recall.denied"] == pytest.approx(0.75)
    assert metrics["status.f1.unverified"] == pytest.approx(0.75)
    assert metrics["status.macro_f1"] == pytest.approx((0.625 + 0.75 + 0.75) / 3)
    assert metrics["status.accuracy"] == pytest.approx(14 / 20)
    assert [s.support for s in scores] == [8, 4, 8]


def test_asymmetric_precision_and_recall() -> None:
    # confirmed predicted for everything: P(confirmed) = 2/4, R(confirmed) = 1
    pairs = [("confirmed", "confirmed")] * 2 + [("denied", "confirmed")] * 2
    scores = {s.label: s for s in label_scores(confusion(pairs, LABELS))}
    assert scores["confirmed"].precision == pytest.approx(0.5)
    assert scores["confirmed"].f1 == pytest.approx(2 * 0.5 * 1 / 1.5)
    assert scores["denied"].precision is None  # never predicted
    assert scores["denied"].recall == 0.0
    assert scores["denied"].f1 == 0.0
    assert scores["unverified"].f1 is None  # neither expected nor predicted
    # macro-F1 averages over labels present in the expected data only
    assert macro_f1(list(scores.values())) == pytest.approx((2 / 3 + 0.0) / 2)


def test_predictions_outside_the_labels_get_their_own_column() -> None:
    matrix = confusion([("denied", "failed"), ("denied", "denied")], LABELS)
    assert matrix.columns == [*LABELS, "failed"]
    scores = {s.label: s for s in label_scores(matrix)}
    assert scores["denied"].recall == pytest.approx(0.5)


def test_fnc_score_weights() -> None:
    pairs = [
        ("not_addressed", "not_addressed"),  # 0.25 of 0.25
        ("confirmed", "confirmed"),  # 1.0 of 1.0
        ("denied", "unverified"),  # related right, label wrong: 0.25 of 1.0
        ("unverified", "not_addressed"),  # 0 of 1.0
        ("not_addressed", "failed"),  # a failed run earns nothing: 0 of 0.25
    ]
    assert fnc_score(pairs) == pytest.approx(100 * 1.5 / 3.5)
    assert fnc_score([]) is None


def test_percentile_nearest_rank() -> None:
    values = [0.5, 0.1, 0.4, 0.2, 0.3]
    assert percentile(values, 0.5) == 0.3
    assert percentile(values, 0.95) == 0.5
    assert percentile([], 0.5) is None
