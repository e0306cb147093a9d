"""What model calls cost: list prices in USD per million tokens.

Two readers: the chat's /usage estimate (:func:`cost`), where ``CLAIMDESK_PRICES="INPUT,OUTPUT"``
(USD per million prompt and completion tokens) overrides the table for whatever model is in use,
and eval reports (:func:`list_cost`), which always use the list price so a report does not
depend on the environment. Engines that run locally cost nothing; a model not in the table has
an unknown cost, reported as such rather than guessed.
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


def _dollars(prices: tuple[float, float], prompt_tokens: int, completion_tokens: int) -> float:
    prompt_price, completion_price = prices
    return (prompt_tokens * prompt_price + completion_tokens * completion_price) / 1_000_000


def cost(engine: str, model: str, usage: Usage) -> float | None:
    """Estimated USD for ``usage`` (``CLAIMDESK_PRICES`` first), or None when the price is
    not known."""
    if engine in FREE_ENGINES:
        return 0.0
    prices = _override() or PRICES.get(model)
    if prices is None:
        return None
    return _dollars(prices, usage.prompt_tokens, usage.completion_tokens)


def list_cost(engine: str, model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """USD at the list price: 0 for engines that run locally, None when the price is unknown."""
    if engine in FREE_ENGINES:
        return 0.0
    if engine != "openai" or model not in PRICES:
        return None
    return _dollars(PRICES[model], prompt_tokens, completion_tokens)
