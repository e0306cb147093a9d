"""How numbers and run headers are written in every report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.evals.records import EvalMeta, GateResult

if TYPE_CHECKING:
    from assistant.evals.compare import Coverage

COUNT_PREFIXES = (
    "usage.",
    "claims.gold",
    "claims.predicted",
    "claims.matched",
    "claims.ungrounded",
    "chat.questions",
)
COUNT_SUFFIXES = ("_sources",)


def is_count(metric: str) -> bool:
    if metric in ("usage.cost_usd",):
        return False
    return metric.startswith(COUNT_PREFIXES) or metric.endswith(COUNT_SUFFIXES)


def value(metric: str, number: float | None) -> str:
    if number is None:
        return "unknown" if metric == "usage.cost_usd" else "n/a"
    if metric == "usage.cost_usd":
        return "$0" if number == 0 else f"${number:.4f}"
    if metric.startswith("latency."):
        return f"{number:.3f} s"
    if metric == "fnc.score_pct":
        return f"{number:.2f} %"
    if is_count(metric):
        return f"{number:,.0f}"
    return f"{number:.3f}"


def change(metric: str, delta: float | None) -> str:
    if delta is None:
        return "n/a"
    if abs(delta) < 1e-12:
        return "="
    return ("+" if delta > 0 else "−") + value(metric, abs(delta))


def header(meta: EvalMeta) -> str:
    """The line naming what was measured: engine, model, prompt version and date."""
    return (
        f"engine {meta.engine} · model {meta.model} · prompt version {meta.prompt_version} · "
        f"{meta.date} · claimdesk {meta.claimdesk_version}"
    )


def scope(meta: EvalMeta) -> str:
    parts = [f"{meta.items_run} of {meta.items_available} items from {meta.data_path}"]
    if meta.sample is not None:
        parts.append(f"random sample of {meta.sample} (seed {meta.seed})")
    if meta.limit is not None:
        parts.append(f"limit {meta.limit}")
    parts.append(f"concurrency {meta.concurrency}")
    parts.append("cache on" if meta.cache else "cache off")
    return " · ".join(parts)


# The numbers an editor reads first, in this order, where the data set has them.
HEADLINE = (
    "status.macro_f1",
    "status.recall.denied",
    "fnc.score_pct",
    "attribution.f1",
    "grounding.rate",
    "claims.recall",
    "usage.cost_usd",
)
NAMES: dict[str, tuple[str, str]] = {
    "status.macro_f1": (
        "Status macro-F1",
        "how well confirmed / denied / unverified agree with the gold, averaged over the labels",
    ),
    "status.recall.denied": (
        "Denials caught",
        "share of claims the gold calls denied that the model also called denied",
    ),
    "status.accuracy": ("Status accuracy", "share of matched claims with the gold status"),
    "fnc.score_pct": ("FNC-1 score", "the FNC-1 weighted score, as % of the best possible"),
    "attribution.f1": ("Attribution F1", "how well the sources found match the annotated ones"),
    "grounding.rate": (
        "Quotes found in the text",
        "share of evidence quotes that sit verbatim at their reported offsets",
    ),
    "claims.recall": ("Gold claims found", "share of gold claims some predicted claim matches"),
    "claims.precision": ("Claims on target", "share of predicted claims that match a gold claim"),
    "usage.cost_usd": ("Cost", "list-price cost of the model calls (unknown for unpriced models)"),
    "latency.p50_s": ("Median latency", "per article or pair, model calls only"),
    "latency.p95_s": ("95th percentile latency", "per article or pair, model calls only"),
}
LOWER_IS_BETTER_PREFIXES = ("latency.", "usage.cost_usd", "usage.errors", "usage.parse_failures")
LOWER_IS_BETTER = frozenset({"usage.retries", "claims.ungrounded"})
NEUTRAL_PREFIXES = ("usage.", "claims.gold", "claims.predicted", "attribution.gold_sources")


def name(metric: str) -> str:
    """The metric in plain words (its key when it has no name)."""
    return NAMES[metric][0] if metric in NAMES else metric


def explanation(metric: str) -> str:
    return NAMES[metric][1] if metric in NAMES else ""


def polarity(metric: str) -> int:
    """1 when a higher value is better, -1 when lower is better, 0 for plain counts."""
    if metric in LOWER_IS_BETTER or metric.startswith(LOWER_IS_BETTER_PREFIXES):
        return -1
    if metric.startswith(NEUTRAL_PREFIXES) or metric == "attribution.predicted_sources":
        return 0
    return 1


def direction(metric: str, delta: float | None) -> str:
    """ "better", "worse" or "" (no change, no direction, or not measurable)."""
    if delta is None or abs(delta) < 1e-12 or polarity(metric) == 0:
        return ""
    return "better" if delta * polarity(metric) > 0 else "worse"


def gate_verdict(gates: list[GateResult]) -> str:
    """ "passed", "failed" or "no gate" for the run's thresholds."""
    if not gates:
        return "no gate"
    return "passed" if all(g.passed for g in gates) else "failed"


def gate_line(gate: GateResult) -> str:
    """ "denied recall 0.640 ≥ 0.560: passed" in plain words."""
    shown = "not measurable" if gate.value is None else f"{gate.value:.3f}"
    sign = "≥" if gate.passed else "<"
    return f"{gate.name} {shown} {sign} {gate.minimum:.3f}: {'passed' if gate.passed else 'failed'}"


def when(iso: str) -> str:
    """ "2026-11-30 05:26 UTC" from an ISO timestamp in UTC (as given when it is not one)."""
    if len(iso) >= 16 and iso[10] == "T" and iso.endswith("+00:00"):
        return f"{iso[:10]} {iso[11:16]} UTC"
    return iso


def coverage_line(covered: Coverage) -> str:
    """ "the runs cover different items: 120 in both, 0 only before, 274 only now (...)"."""
    return (
        f"the runs cover different items: {len(covered.shared_items)} in both, "
        f"{covered.items_only_before} only before, {covered.items_only_after} only now "
        f"(articles or groups: {len(covered.shared)} in both, {len(covered.only_before)} only "
        f"before, {len(covered.only_after)} only now)"
    )
