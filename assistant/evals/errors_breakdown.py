"""What went wrong in a run, by kind: missed, extra, wrong status, wrong source and the rest."""

from __future__ import annotations

from collections import Counter

from assistant.evals.records import EvalReport, ItemResult

ORDER = ("missed", "extra", "wrong status", "wrong source", "non-claim taken", "failed run")
OTHER = "wrong"


def error_kind(item: ItemResult) -> str:
    """The item's error in plain words; "" when it is right."""
    if item.error:
        return item.error
    return "" if item.correct else OTHER


def breakdown(report: EvalReport) -> dict[str, int]:
    """Error counts in a fixed order (kinds with no errors left out)."""
    counts = Counter(error_kind(i) for i in report.items)
    counts.pop("", None)
    known = [k for k in ORDER if counts[k]]
    rest = sorted(k for k in counts if k not in ORDER)
    return {k: counts[k] for k in [*known, *rest]}
