"""Compare a run with a previous one: metric deltas, the items whose verdict flipped, and
whether both runs cover the same items (with numbers on the shared ones when they do not)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.evals import formatting as fmt
from assistant.evals.metrics import FAILED, NO_MATCH, confusion, label_metrics, ratio
from assistant.evals.records import EvalReport, ItemResult

JUDGED_KINDS = ("claim", "pair")
SHARED_METRICS = ("status.macro_f1", "status.recall.denied", "status.accuracy", "claims.recall")


@dataclass(frozen=True)
class Delta:
    metric: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def changed(self) -> bool:
        if self.before is None or self.after is None:
            return self.before != self.after
        return abs(self.after - self.before) > 1e-12


@dataclass(frozen=True)
class Flip:
    """An item right in one run and wrong in the other, with what each run said."""

    id: str
    group: str
    subject: str
    expected: str
    before: str
    after: str
    now_correct: bool


@dataclass(frozen=True)
class Coverage:
    """Which scored items, and which of their groups (articles, bodies), each run covered.
    Extra predictions are left out: their ids are the model's, not the data set's."""

    shared: list[str]
    only_before: list[str]
    only_after: list[str]
    shared_items: set[str]
    items_only_before: int
    items_only_after: int

    @property
    def differs(self) -> bool:
        return bool(self.items_only_before or self.items_only_after)


@dataclass(frozen=True)
class Comparison:
    previous: EvalReport
    previous_name: str
    deltas: list[Delta]
    flips: list[Flip]
    coverage: Coverage
    shared_deltas: list[Delta]  # on the shared groups only; empty when the coverage is the same
    changes: list[Flip]  # wrong in both runs, with a different answer now

    @property
    def changed(self) -> list[Delta]:
        return [d for d in self.deltas if d.changed]

    def by_expected(self) -> dict[str, tuple[list[Flip], list[Flip], list[Flip]]]:
        """Gold label -> (right -> wrong, wrong -> right, still wrong but answered differently),
        labels in first-seen order."""
        table: dict[str, tuple[list[Flip], list[Flip], list[Flip]]] = {}
        for flip in self.flips + self.changes:
            worse, better, changed = table.setdefault(flip.expected, ([], [], []))
            if flip in self.changes:
                changed.append(flip)
            else:
                (better if flip.now_correct else worse).append(flip)
        return table


def load_report(path: Path) -> EvalReport:
    try:
        return EvalReport.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", path=str(path)) from exc
    except ValidationError as exc:
        raise InputError(
            f"{path}: not an eval report written by --json ({exc.error_count()} problems)",
            path=str(path),
        ) from exc


def check_comparable(previous: EvalReport, dataset: str) -> None:
    """A run can only be compared with a report on the same data set."""
    if previous.meta.dataset != dataset:
        raise InputError(f"cannot compare a {dataset} run with a {previous.meta.dataset} report")


def _judged(items: Sequence[ItemResult]) -> list[tuple[str, str]]:
    """(expected, predicted) status pairs as the scorers count them: every stance pair, and
    every gold claim some predicted claim matched."""
    return [
        (i.expected, i.predicted)
        for i in items
        if i.kind in JUDGED_KINDS and (i.kind == "pair" or i.predicted not in (NO_MATCH, FAILED))
    ]


def status_numbers(report: EvalReport, ids: set[str]) -> dict[str, float | None]:
    """Status macro-F1, denied recall, accuracy and claims found over the items ``ids``."""
    items = [i for i in report.items if i.id in ids]
    numbers: dict[str, float | None] = {}
    if report.confusion is not None:
        metrics, _ = label_metrics("status", confusion(_judged(items), report.confusion.rows))
        numbers.update({k: v for k, v in metrics.items() if k in SHARED_METRICS})
    claims = [i for i in items if i.kind == "claim"]
    if claims:
        found = sum(i.predicted not in (NO_MATCH, FAILED) for i in claims)
        numbers["claims.recall"] = ratio(found, len(claims))
    return numbers


def _scored_ids(report: EvalReport) -> set[str]:
    return {i.id for i in report.items if i.kind != "extra"}


def coverage(previous: EvalReport, current: EvalReport) -> Coverage:
    before = list(dict.fromkeys(i.group for i in previous.items))
    after = list(dict.fromkeys(i.group for i in current.items))
    seen_before, seen_after = set(before), set(after)
    ids_before, ids_after = _scored_ids(previous), _scored_ids(current)
    return Coverage(
        shared=[g for g in after if g in seen_before],
        only_before=[g for g in before if g not in seen_after],
        only_after=[g for g in after if g not in seen_before],
        shared_items=ids_before & ids_after,
        items_only_before=len(ids_before - ids_after),
        items_only_after=len(ids_after - ids_before),
    )


def _flips(previous: EvalReport, current: EvalReport) -> tuple[list[Flip], list[Flip]]:
    """(right <-> wrong flips, items wrong in both runs whose answer changed)."""
    before = {i.id: i for i in previous.items}
    flips, changes = [], []
    for item in current.items:
        old = before.get(item.id)
        if old is None or (old.correct == item.correct and old.predicted == item.predicted):
            continue
        flip = Flip(
            item.id,
            item.group,
            item.subject,
            item.expected,
            old.predicted,
            item.predicted,
            item.correct,
        )
        if old.correct != item.correct:
            flips.append(flip)
        elif not item.correct and item.kind != "extra":  # extra ids differ from run to run
            changes.append(flip)
    return flips, changes


def _shared_deltas(previous: EvalReport, current: EvalReport, shared: set[str]) -> list[Delta]:
    """The status numbers of both runs over the items both scored."""
    before, after = status_numbers(previous, shared), status_numbers(current, shared)
    return [Delta(m, before.get(m), after.get(m)) for m in SHARED_METRICS if m in after]


def _ordered(names: list[str]) -> list[str]:
    """The headline metrics first (in headline order), then the rest as they came."""
    first = [m for m in fmt.HEADLINE if m in names]
    return first + [m for m in names if m not in first]


def compare(previous: EvalReport, current: EvalReport, previous_name: str = "") -> Comparison:
    check_comparable(previous, current.meta.dataset)
    names = list(current.metrics) + [m for m in previous.metrics if m not in current.metrics]
    covered = coverage(previous, current)
    shared = _shared_deltas(previous, current, covered.shared_items) if covered.differs else []
    flips, changes = _flips(previous, current)
    return Comparison(
        previous=previous,
        previous_name=previous_name or f"the run of {previous.meta.date}",
        deltas=[Delta(m, previous.metrics.get(m), current.metrics.get(m)) for m in _ordered(names)],
        flips=flips,
        coverage=covered,
        shared_deltas=shared,
        changes=changes,
    )
