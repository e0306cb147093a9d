"""Blank out secrets wherever text leaves the process: configured keys, URL credentials, key shapes.

``redact(text)`` masks, character for character (so offsets into a text stay right):

- every secret registered with :func:`register` (the engine registers its API key and any
  password in its base URL) and the value of ``OPENAI_API_KEY``;
- credentials in URLs (``https://user:password@host``);
- common key shapes: ``sk-...``, ``Bearer ...``, GitHub, Slack, AWS, Google, Hugging Face and
  Groq tokens, JWTs, ``api_key=...``-style assignments and long random-looking tokens.

Errors, reports, history, chat output and cassettes pass their text through it; anyone holding
another secret (a key store, a proxy password) registers it once.
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit

MASK = "*"
SECRET_VARIABLES = ("OPENAI_API_KEY",)
NOT_SECRET = frozenset({"", "unused", "none", "null", "sk-no-key-required", "EMPTY"})
MIN_SECRET = 6  # shorter "secrets" would mask ordinary words

_registered: set[str] = set()

_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)([^/\s@:]*:[^/\s@]*|[^/\s@:]{3,})@")
_ASSIGNED = re.compile(
    r"""(?ix)\b(api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret|password|passwd)
    (["']?\s*[:=]\s*["']?)([^\s"'<>,;&]{6,})"""
)
_KEY_SHAPES = re.compile(
    r"""(?x)
      \bsk-[A-Za-z0-9_*.\-]{6,}
    | \b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{16,}
    | \bgithub_pat_[A-Za-z0-9_]{20,}
    | \bxox[abprs]-[A-Za-z0-9\-]{10,}
    | \b(?:AKIA|ASIA)[0-9A-Z]{16}\b
    | \bAIza[0-9A-Za-z_\-]{30,}
    | \b(?:hf|gsk|pk|rk)_[A-Za-z0-9]{20,}
    | \beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{4,}
    """
)
_BEARER = re.compile(r"(?i)\b(Bearer|Basic|Token)(\s+)([A-Za-z0-9._~+/=\-]{8,})")
# a random-looking token: 32+ letters and digits mixing upper case, lower case and digits
_RANDOM = re.compile(
    r"(?<![A-Za-z0-9_\-])(?=[A-Za-z0-9_\-]*[A-Z])(?=[A-Za-z0-9_\-]*[a-z])"
    r"(?=[A-Za-z0-9_\-]*[0-9])[A-Za-z0-9_\-]{32,}(?![A-Za-z0-9_\-])"
)


def register(*secrets: str | None) -> None:
    """Mask these values from now on, wherever :func:`redact` runs."""
    for secret in secrets:
        if secret and secret.strip() not in NOT_SECRET and len(secret) >= MIN_SECRET:
            _registered.add(secret)


def register_url(url: str | None) -> None:
    """Mask the user name and password a URL carries (as written and percent-decoded)."""
    if not url:
        return
    parts = urlsplit(url)
    for value in (parts.username, parts.password):
        if value:
            register(value, unquote(value))


def configured_secrets() -> list[str]:
    """Registered secrets and those in the environment, longest first."""
    from_env = [os.environ.get(name, "") for name in SECRET_VARIABLES]
    found = {s for s in (*_registered, *from_env) if s and s not in NOT_SECRET}
    return sorted((s for s in found if len(s) >= MIN_SECRET), key=len, reverse=True)


def _mask(text: str) -> str:
    return MASK * len(text)


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with every secret masked character for character."""
    for secret in (*secrets, *configured_secrets()):
        if secret and secret in text:
            text = text.replace(secret, _mask(secret))
    text = _URL_CREDENTIALS.sub(lambda m: m.group(1) + _mask(m.group(2)) + "@", text)
    text = _ASSIGNED.sub(lambda m: m.group(1) + m.group(2) + _mask(m.group(3)), text)
    text = _BEARER.sub(lambda m: m.group(1) + m.group(2) + _mask(m.group(3)), text)
    text = _KEY_SHAPES.sub(lambda m: _mask(m.group()), text)
    return _RANDOM.sub(lambda m: _mask(m.group()), text)
