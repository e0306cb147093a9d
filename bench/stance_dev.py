"""Development measurement of the offline check on FNC-1 (train pairs) and Emergent (dev).

Runs ``assistant.offline.checking.check`` directly on every selected pair and prints the FNC-1
score, four-way macro-F1, per-label precision/recall/F1, the confusion matrix, Emergent accuracy
and macro-F1, and pairs per second. Data is read from ../shared/data (never copied into the repo).

    python bench/stance_dev.py                 # all 49,972 FNC-1 pairs and all of Emergent dev
    python bench/stance_dev.py --sample 10     # every 10th FNC-1 pair
    python bench/stance_dev.py --limit 2000    # the first 2,000 FNC-1 pairs
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.offline.checking import check

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FNC_LABELS = {
    "agree": "confirmed",
    "disagree": "denied",
    "discuss": "unverified",
    "unrelated": "not_addressed",
}
EMERGENT_LABELS = {"for": "confirmed", "against": "denied", "observing": "unverified"}
VERDICTS = ("confirmed", "denied", "unverified", "not_addressed")
RELATED = frozenset({"confirmed", "denied", "unverified"})


@dataclass(frozen=True)
class Pair:
    """A claim, the text checked against it, and the gold verdict."""

    claim: str
    text: str
    gold: str


def fnc_pairs(data: Path, every: int = 1, limit: int | None = None) -> list[Pair]:
    """FNC-1 training pairs (headline as claim, body as document), every ``every``-th one."""
    csv.field_size_limit(sys.maxsize)
    with (data / "fnc1" / "train_bodies.csv").open(encoding="utf-8") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    with (data / "fnc1" / "train_stances.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[::every][:limit]
    return [Pair(r["Headline"], bodies[r["Body ID"]], FNC_LABELS[r["Stance"]]) for r in rows]


def emergent_pairs(data: Path) -> list[Pair]:
    """Emergent dev rows: the claim checked against the article headline."""
    with (data / "emergent" / "emergent_dev.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Pair(r["claimHeadline"], r["articleHeadline"], EMERGENT_LABELS[r["articleHeadlineStance"]])
        for r in rows
    ]


def predict(pairs: Sequence[Pair]) -> list[str]:
    """The offline check's status for each pair."""
    return [
        str(check({"claim": p.claim, "documents": [{"id": "d", "text": p.text}]})["status"])
        for p in pairs
    ]


@dataclass(frozen=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int


def label_scores(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]
) -> dict[str, LabelScore]:
    """Precision, recall, F1 and support for each label."""
    scores = {}
    for label in labels:
        hits = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        predicted = sum(p == label for p in pred)
        support = sum(g == label for g in gold)
        precision = hits / predicted if predicted else 0.0
        recall = hits / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = LabelScore(precision, recall, f1, support)
    return scores


def macro_f1(scores: dict[str, LabelScore]) -> float:
    return sum(s.f1 for s in scores.values()) / len(scores)


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """The official FNC-1 weighted score as a share of the best possible score."""

    def points(g: str, p: str) -> float:
        score = 0.25 if (g in RELATED) == (p in RELATED) else 0.0
        return score + (0.75 if g in RELATED and g == p else 0.0)

    best = sum(points(g, g) for g in gold)
    return sum(points(g, p) for g, p in zip(gold, pred, strict=True)) / best


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


def _timed(pairs: Sequence[Pair]) -> tuple[list[str], float]:
    start = time.perf_counter()
    pred = predict(pairs)
    return pred, len(pairs) / max(time.perf_counter() - start, 1e-9)


def _print_scores(scores: dict[str, LabelScore], out: Callable[[str], None]) -> None:
    out(f"  {'label':<14}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
    for label, s in scores.items():
        out(f"  {label:<14}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.support:>9}")


def _print_confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> None:
    counts = Counter(zip(gold, pred, strict=True))
    print("  confusion (rows gold, columns predicted):")
    print("  " + " " * 14 + "".join(f"{label[:12]:>14}" for label in labels))
    for g in labels:
        print(f"  {g:<14}" + "".join(f"{counts[(g, p)]:>14}" for p in labels))


def report_fnc(pairs: Sequence[Pair]) -> None:
    pred, speed = _timed(pairs)
    gold = [p.gold for p in pairs]
    scores = label_scores(gold, pred, VERDICTS)
    print(f"FNC-1 train: {len(pairs)} pairs, {speed:,.0f} pairs/s")
    print(f"  FNC score: {100 * fnc_score(gold, pred):.2f} %")
    print(f"  four-way macro-F1: {macro_f1(scores):.4f}")
    print(f"  accuracy: {accuracy(gold, pred):.4f}")
    _print_scores(scores, print)
    _print_confusion(gold, pred, VERDICTS)


def report_emergent(pairs: Sequence[Pair]) -> None:
    pred, speed = _timed(pairs)
    gold = [p.gold for p in pairs]
    labels = VERDICTS[:3]
    scores = label_scores(gold, pred, labels)
    print(f"Emergent dev: {len(pairs)} pairs, {speed:,.0f} pairs/s")
    print(f"  accuracy: {accuracy(gold, pred):.4f}")
    print(f"  macro-F1: {macro_f1(scores):.4f}")
    _print_scores(scores, print)
    _print_confusion(gold, pred, VERDICTS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--sample", type=int, default=1, help="take every N-th FNC-1 pair")
    parser.add_argument("--limit", type=int, default=None, help="at most this many FNC-1 pairs")
    parser.add_argument("--skip-fnc", action="store_true")
    parser.add_argument("--skip-emergent", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "fnc1").is_dir() or not (args.data / "emergent").is_dir():
        print(f"error: no FNC-1/Emergent data under {args.data}", file=sys.stderr)
        return 2
    if args.sample < 1:
        print("error: --sample must be at least 1", file=sys.stderr)
        return 2
    if not args.skip_fnc:
        report_fnc(fnc_pairs(args.data, args.sample, args.limit))
    if not args.skip_emergent:
        report_emergent(emergent_pairs(args.data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
