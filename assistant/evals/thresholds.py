"""Quality gates: a run fails when a chosen metric is below its minimum (or cannot be measured)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.evals.records import EvalReport


@dataclass(frozen=True)
class Threshold:
    metric: str
    label: str
    minimum: float


def failed_thresholds(report: EvalReport, thresholds: list[Threshold]) -> list[str]:
    """One line per failed gate, naming the metric, its value and the minimum."""
    failures = []
    for gate in thresholds:
        value = report.metrics.get(gate.metric)
        if value is None:
            failures.append(f"{gate.label} cannot be measured on this run (need ≥ {gate.minimum})")
        elif value < gate.minimum:
            failures.append(f"{gate.label} {value:.3f} < {gate.minimum:.3f}")
    return failures
