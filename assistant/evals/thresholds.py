"""Quality gates: a run fails when a chosen metric is below its minimum (or cannot be measured)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.evals.records import EvalReport, GateResult


@dataclass(frozen=True)
class Threshold:
    metric: str
    label: str
    minimum: float


def gate_results(report: EvalReport, thresholds: list[Threshold]) -> list[GateResult]:
    """Each gate with the run's value and whether it held (an unmeasurable metric fails)."""
    results = []
    for gate in thresholds:
        value = report.metrics.get(gate.metric)
        passed = value is not None and value >= gate.minimum
        results.append(
            GateResult(
                metric=gate.metric,
                name=gate.label,
                minimum=gate.minimum,
                value=value,
                passed=passed,
            )
        )
    return results


def failure_line(gate: GateResult) -> str:
    if gate.value is None:
        return f"{gate.name} cannot be measured on this run (need ≥ {gate.minimum})"
    return f"{gate.name} {gate.value:.3f} < {gate.minimum:.3f}"
