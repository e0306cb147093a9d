"""Which model to use: argument, then environment variable, then configuration file, then default.

``Assistant(model=...)`` (``--model``) > ``CLAIMDESK_MODEL`` > ``model`` in the configuration
file > ``openai:<DEFAULT_OPENAI_MODEL>`` when an API key or a server URL is configured (in the
environment, the file or the stored keys) > ``offline``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assistant import settings
from assistant.errors import UnknownModelError
from assistant.models.base import Model

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
OFFLINE = "offline"
OFFLINE_ENGINE = "offline:rules"  # how reports name the offline engine; accepted as a model too


@dataclass(frozen=True)
class ModelChoice:
    spec: str
    origin: str  # "argument", "CLAIMDESK_MODEL", "file PATH", "OPENAI_API_KEY/OPENAI_BASE_URL"...


def choose(model: str | None = None, env: Mapping[str, str] | None = None) -> ModelChoice:
    """The model string to use and where it came from (``env``: the environment over the
    configuration file when not given)."""
    model = (model or "").strip()
    if model:  # an argument wins without reading (possibly broken) files
        return ModelChoice(model, "argument")
    env = settings.layered() if env is None else env
    configured = env.get("CLAIMDESK_MODEL", "").strip()
    if configured:
        return ModelChoice(configured, _origin(env, "CLAIMDESK_MODEL"))
    if env.get("OPENAI_API_KEY") or env.get("OPENAI_BASE_URL"):
        return ModelChoice(f"openai:{DEFAULT_OPENAI_MODEL}", "OPENAI_API_KEY/OPENAI_BASE_URL")
    return ModelChoice(OFFLINE, "default")


def _origin(env: Mapping[str, str], variable: str) -> str:
    """The variable's name when it is set in the environment, else the layer that set it."""
    if isinstance(env, settings.Layers) and env.origin(variable) != "environment":
        return env.origin(variable)
    return variable


def check_spec(spec: str) -> str:
    """``spec`` if it names a model claimdesk can build, else UnknownModelError."""
    provider, _, name = spec.partition(":")
    if spec in (OFFLINE, OFFLINE_ENGINE) or (provider == "openai" and name.strip()):
        return spec
    raise UnknownModelError(spec)


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
