"""How numbers and run headers are written in every report."""

from __future__ import annotations

from assistant.evals.records import EvalMeta, EvalReport

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
        return f"${number:.4f}"
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


def wrong_items(report: EvalReport) -> int:
    return sum(not i.correct for i in report.items)
