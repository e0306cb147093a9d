"""Which model to use: argument, then environment variable, then default.

``--model`` / ``Assistant(model=...)`` > ``CLAIMDESK_MODEL`` > ``openai:<DEFAULT_OPENAI_MODEL>``
when ``OPENAI_API_KEY`` or ``OPENAI_BASE_URL`` is set > ``offline``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.errors import ConfigurationError, UnknownModelError
from assistant.models.base import Model

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
OFFLINE = "offline"
OFFLINE_ENGINE = "offline:rules"  # how reports name the offline engine; accepted as a model too


@dataclass(frozen=True)
class ModelChoice:
    spec: str
    origin: str  # "argument", "CLAIMDESK_MODEL", "OPENAI_API_KEY/OPENAI_BASE_URL", "default"


def choose(model: str | None = None, env: Mapping[str, str] | None = None) -> ModelChoice:
    env = os.environ if env is None else env
    model = (model or "").strip()
    if model:
        return ModelChoice(model, "argument")
    configured = env.get("CLAIMDESK_MODEL", "").strip()
    if configured:
        return ModelChoice(configured, "CLAIMDESK_MODEL")
    if env.get("OPENAI_API_KEY") or env.get("OPENAI_BASE_URL"):
        return ModelChoice(f"openai:{DEFAULT_OPENAI_MODEL}", "OPENAI_API_KEY/OPENAI_BASE_URL")
    return ModelChoice(OFFLINE, "default")


def build(spec: str, *, base_url: str | None = None, api_key: str | None = None) -> Model:
    """The engine for a model string: ``offline`` (or ``offline:rules``) or ``openai:NAME``."""
    if spec in (OFFLINE, OFFLINE_ENGINE):
        from assistant.offline.engine import OfflineModel

        return OfflineModel()
    provider, _, name = spec.partition(":")
    if provider == "openai" and name:
        from assistant.models.openai import OpenAIModel

        return OpenAIModel(name, base_url=base_url, api_key=api_key)
    raise UnknownModelError(spec)


DEFAULT_CONCURRENCY = 8


def concurrency(value: int | None = None, env: Mapping[str, str] | None = None) -> int:
    """How many requests may be in flight: argument > ``CLAIMDESK_CONCURRENCY`` > 8."""
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigurationError(f"concurrency must be a whole number of 1 or more: {value!r}")
        return value
    env = os.environ if env is None else env
    configured = env.get("CLAIMDESK_CONCURRENCY", "").strip()
    if not configured:
        return DEFAULT_CONCURRENCY
    if not configured.isdigit() or int(configured) < 1:
        raise ConfigurationError(
            f"CLAIMDESK_CONCURRENCY={configured!r} is not a whole number of 1 or more",
            setting="CLAIMDESK_CONCURRENCY",
        )
    return int(configured)
