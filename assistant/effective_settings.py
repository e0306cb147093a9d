"""Every setting's effective value and where it comes from, for ``claimdesk config``.

Values are shown as the code will use them; API keys only masked (see keystore.mask).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant import config, keystore, settings
from assistant.models import _settings as engine

DEFAULTS = {
    "base_url": engine.OPENAI_URL,
    "timeout": f"{engine.DEFAULT_TIMEOUT_S:g}",
    "concurrency": str(settings.DEFAULT_CONCURRENCY),
    "max_tokens": str(engine.DEFAULT_MAX_TOKENS),
    "context_chars": str(engine.DEFAULT_CONTEXT_CHARS),
    "output_mode": "auto",
}


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    origin: str


def _origin(layers: settings.Layers, variable: str) -> str:
    origin = layers.origin(variable)
    if origin == "environment":
        return f"environment ({variable})"
    if origin.startswith("file "):
        return "configuration file"
    return origin


def _model_row(layers: settings.Layers, model: str | None) -> Row:
    choice = config.choose(model, layers)
    origin = {
        "argument": "argument (--model)",
        "CLAIMDESK_MODEL": "environment (CLAIMDESK_MODEL)",
        "default": "default (no model configured)",
        "OPENAI_API_KEY/OPENAI_BASE_URL": "default (an API key or server URL is set)",
    }.get(choice.origin, "configuration file")
    return Row("model", choice.spec, origin)


def _key_row(layers: settings.Layers) -> Row:
    key = layers.get("OPENAI_API_KEY")
    if not key:
        return Row("api_key", "(none)", "needed only for hosted servers")
    origin = _origin(layers, "OPENAI_API_KEY")
    if origin == "stored key":
        origin = "stored key (claimdesk keys set openai)"
    return Row("api_key", keystore.mask(key), origin)


def rows(*, model: str | None = None, base_url: str | None = None) -> list[Row]:
    """model, api_key, then every other key of the configuration file, in that order."""
    layers = settings.layered()
    shown = [_model_row(layers, model), _key_row(layers)]
    for key, spec in settings.KEYS.items():
        if key == "model":
            continue
        if key == "base_url" and base_url:
            shown.append(Row(key, base_url, "argument (--base-url)"))
            continue
        value = layers.get(spec.variable)
        origin = _origin(layers, spec.variable) if value else "default"
        shown.append(Row(key, value or DEFAULTS[key], origin))
    return shown
