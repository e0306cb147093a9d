"""What model answers cost, for the few models whose list price is known here.

Prices are US dollars per million tokens (OpenAI list prices, standard tier). A model not in the
table has an unknown cost, reported as such rather than guessed.
"""

from __future__ import annotations

PER_MILLION_TOKENS: dict[str, tuple[float, float]] = {
    # model: (input, output)
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
}
FREE_ENGINES = frozenset({"offline", "function"})


def cost_usd(engine: str, model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Dollar cost of the tokens, 0 for engines that run locally, None when the price is unknown."""
    if engine in FREE_ENGINES:
        return 0.0
    if engine != "openai" or model not in PER_MILLION_TOKENS:
        return None
    prompt_price, completion_price = PER_MILLION_TOKENS[model]
    return (prompt_tokens * prompt_price + completion_tokens * completion_price) / 1_000_000
