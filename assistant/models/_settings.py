"""Settings of the OpenAI-compatible engine: argument, then environment variable (over the
configuration file and stored keys, see assistant.settings), then default.

Every bad or missing value raises a ConfigurationError naming the variable to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar, cast, get_args
from urllib.parse import urlsplit

from assistant.errors import ConfigurationError

OutputMode = Literal["auto", "json_schema", "json_object"]
N = TypeVar("N", int, float)

OPENAI_URL = "https://api.openai.com/v1"
PLACEHOLDER_KEY = "unused"  # local servers ignore the key; the SDK insists on one
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MAX_TOKENS = 4096
DEFAULT_CONTEXT_CHARS = 24_000
DEFAULT_ATTEMPTS = 5
DEFAULT_RETRY_WAIT_S = 0.5


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str
    mode: OutputMode
    timeout_s: float
    max_tokens: int
    context_chars: int
    max_attempts: int = DEFAULT_ATTEMPTS
    retry_wait_s: float = DEFAULT_RETRY_WAIT_S


def resolve(
    env: Mapping[str, str],
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: OutputMode | None = None,
    timeout_s: float | None = None,
    max_tokens: int | None = None,
    context_chars: int | None = None,
) -> Settings:
    server = base_url or env.get("OPENAI_BASE_URL")
    return Settings(
        base_url=_http_url(server or OPENAI_URL).rstrip("/"),
        api_key=_api_key(api_key, server, env),
        mode=mode or _output_mode(env),
        timeout_s=_positive(timeout_s, env, "CLAIMDESK_TIMEOUT", float, DEFAULT_TIMEOUT_S),
        max_tokens=_positive(max_tokens, env, "CLAIMDESK_MAX_TOKENS", int, DEFAULT_MAX_TOKENS),
        context_chars=_positive(
            context_chars, env, "CLAIMDESK_CONTEXT_CHARS", int, DEFAULT_CONTEXT_CHARS
        ),
        max_attempts=_positive(None, env, "CLAIMDESK_MAX_ATTEMPTS", int, DEFAULT_ATTEMPTS),
        retry_wait_s=_positive(None, env, "CLAIMDESK_RETRY_WAIT", float, DEFAULT_RETRY_WAIT_S),
    )


def _http_url(url: str) -> str:
    """The server URL, if it is one: http(s)://host[:port]/path."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        problem = f"the server URL {url!r} is not an http(s) URL"
        example = "one such as http://localhost:8080/v1"
        raise ConfigurationError(
            f"{problem}; pass base_url= or set OPENAI_BASE_URL to {example}",
            setting="OPENAI_BASE_URL",
            cli_message=f"{problem}; set --base-url or OPENAI_BASE_URL to {example}",
        )
    return url


def _api_key(api_key: str | None, base_url: str | None, env: Mapping[str, str]) -> str:
    key = api_key or env.get("OPENAI_API_KEY")
    if key:
        return key
    if base_url:
        return PLACEHOLDER_KEY
    local = "or OPENAI_BASE_URL for a local OpenAI-compatible server"
    raise ConfigurationError(
        f"no API key: pass api_key= or set OPENAI_API_KEY, {local}",
        setting="OPENAI_API_KEY",
        cli_message=f"no API key: set OPENAI_API_KEY or run 'claimdesk keys set openai', {local}",
    )


def _output_mode(env: Mapping[str, str]) -> OutputMode:
    value = env.get("CLAIMDESK_OUTPUT_MODE") or "auto"
    modes = get_args(OutputMode)
    if value not in modes:
        raise ConfigurationError(
            f"CLAIMDESK_OUTPUT_MODE={value!r} is not one of {', '.join(modes)}",
            setting="CLAIMDESK_OUTPUT_MODE",
        )
    return cast(OutputMode, value)


def _positive(
    given: N | None, env: Mapping[str, str], variable: str, kind: type[N], default: N
) -> N:
    if given is not None:
        return given
    value = env.get(variable)
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        number = kind("0")
    if number <= 0:
        raise ConfigurationError(f"{variable}={value!r} is not a positive number", setting=variable)
    return number
