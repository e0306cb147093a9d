"""What model calls cost: list prices in USD per million tokens, for the /usage estimate.

Prices change; ``CLAIMDESK_PRICES="INPUT,OUTPUT"`` (USD per million prompt and completion tokens)
overrides the table for whatever model is in use. Engines that run locally cost nothing.
"""

from __future__ import annotations

import os

from assistant.claims import Usage
from assistant.errors import ConfigurationError

# model name -> (USD per 1M prompt tokens, USD per 1M completion tokens), OpenAI list prices.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
}
FREE_ENGINES = frozenset({"offline", "function"})


def _override() -> tuple[float, float] | None:
    raw = os.environ.get("CLAIMDESK_PRICES")
    if not raw:
        return None
    try:
        prompt, completion = (float(p) for p in raw.split(","))
    except ValueError as exc:
        raise ConfigurationError(
            f"CLAIMDESK_PRICES={raw!r} must be two numbers: INPUT,OUTPUT",
            setting="CLAIMDESK_PRICES",
        ) from exc
    return prompt, completion


def cost(engine: str, model: str, usage: Usage) -> float | None:
    """Estimated USD for ``usage``, or None when the model's price is not known."""
    if engine in FREE_ENGINES:
        return 0.0
    prices = _override() or PRICES.get(model)
    if prices is None:
        return None
    return (usage.prompt_tokens * prices[0] + usage.completion_tokens * prices[1]) / 1_000_000
