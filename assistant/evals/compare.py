"""Compare a run with a previous one: metric deltas and the items whose verdict flipped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.evals.records import EvalReport


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


@dataclass(frozen=True)
class Comparison:
    previous: EvalReport
    deltas: list[Delta]
    right_to_wrong: list[str]
    wrong_to_right: list[str]


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


def compare(previous: EvalReport, current: EvalReport) -> Comparison:
    check_comparable(previous, current.meta.dataset)
    names = list(current.metrics) + [m for m in previous.metrics if m not in current.metrics]
    deltas = [Delta(m, previous.metrics.get(m), current.metrics.get(m)) for m in names]
    before = {i.id: i.correct for i in previous.items}
    flips = [(i.id, before[i.id], i.correct) for i in current.items if i.id in before]
    return Comparison(
        previous=previous,
        deltas=deltas,
        right_to_wrong=[i for i, was, now in flips if was and not now],
        wrong_to_right=[i for i, was, now in flips if not was and now],
    )
