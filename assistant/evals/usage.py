"""Run-level cost and speed: model calls, cache hits, tokens, dollars, retries, failures and
latency percentiles, summed from every job's meter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.claims import EngineInfo
from assistant.evals.metrics import percentile
from assistant.evals.runner import Outcome
from assistant.pricing import list_cost


def usage_metrics(outcomes: Sequence[Outcome[Any]], engine: EngineInfo) -> dict[str, float | None]:
    meters = [o.meter for o in outcomes]
    prompt = sum(m.prompt_tokens for m in meters)
    completion = sum(m.completion_tokens for m in meters)
    fresh = [o.latency_s for o in outcomes if o.meter.model_calls]
    failures = [o.failure for o in outcomes if o.failure is not None]
    return {
        "usage.model_calls": sum(m.model_calls for m in meters),
        "usage.cache_hits": sum(m.cache_hits for m in meters),
        "usage.prompt_tokens": prompt,
        "usage.completion_tokens": completion,
        "usage.cost_usd": list_cost(engine.name, engine.model, prompt, completion),
        "usage.retries": sum(m.retries for m in meters),
        "usage.parse_failures": sum(f.kind == "parse_failure" for f in failures),
        "usage.errors": sum(f.kind == "error" for f in failures),
        "latency.p50_s": percentile(fresh, 0.50),
        "latency.p95_s": percentile(fresh, 0.95),
    }
