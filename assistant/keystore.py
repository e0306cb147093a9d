"""API keys stored for the user, in a file only its owner can read (0600, folder 0700).

``keys.json`` in the configuration folder (see :mod:`assistant.settings`) maps a name to a key;
the ``openai`` key is used when neither ``api_key=`` nor ``OPENAI_API_KEY`` gives one. Keys are
never printed: listings show names, and :func:`mask` shows at most the last four characters.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

from assistant import redaction
from assistant.errors import ConfigurationError, InputError

KEYS_NAME = "keys.json"
OPENAI = "openai"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
ENVIRONMENT = {OPENAI: "OPENAI_API_KEY"}  # which stored key stands for which variable


def keys_path(env: Mapping[str, str] | None = None) -> Path:
    from assistant.settings import config_dir

    return config_dir(env) / KEYS_NAME


def load(path: Path | None = None) -> dict[str, str]:
    path = keys_path() if path is None else path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):  # nothing stored there (yet)
        return {}
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"{path}: cannot read the stored keys ({exc})", setting=str(path)
        ) from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ConfigurationError(f"{path}: not a keys file (a JSON object of names to keys)")
    redaction.register(*data.values())  # a stored key is masked wherever text leaves
    return {str(k): v for k, v in data.items()}


def _save(keys: Mapping[str, str], path: Path) -> None:
    """Write the file readable by its owner only; created 0600 so no other user ever sees it."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(dict(sorted(keys.items())), file, indent=2)
            file.write("\n")
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except OSError as exc:
        raise ConfigurationError(
            f"{path}: cannot store the key ({exc.strerror})", setting=str(path)
        ) from exc


def set_key(name: str, value: str, path: Path | None = None) -> None:
    if not NAME.match(name):
        raise InputError(f"{name!r} is not a key name: use letters, digits, '.', '_' or '-'")
    value = value.strip()
    if not value or any(c.isspace() for c in value):
        raise InputError("the key is empty or contains spaces; nothing was stored")
    path = keys_path() if path is None else path
    redaction.register(value)
    _save({**load(path), name: value}, path)


def remove_key(name: str, path: Path | None = None) -> None:
    path = keys_path() if path is None else path
    stored = load(path)
    if name not in stored:
        raise InputError(f"no key named {name!r} is stored in {path}")
    del stored[name]
    _save(stored, path)


def mask(value: str) -> str:
    """'sk-...wxyz' style: enough to tell keys apart, never enough to use one."""
    return f"{value[:3]}...{value[-4:]}" if len(value) >= 16 else "****"


def as_environment(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The stored keys as the environment variables they stand for."""
    stored = load(keys_path(env))
    return {ENVIRONMENT[n]: v for n, v in stored.items() if n in ENVIRONMENT}
