"""The user's configuration file and where every setting comes from.

Precedence: argument > environment variable > configuration file > default. The file is TOML,
``config.toml`` in the user config directory (``CLAIMDESK_HOME`` when set, else platformdirs'
user config dir; ``CLAIMDESK_CONFIG`` names another file). Each key stands for one environment
variable, so the code that reads settings sees one layered mapping (:func:`layered`) and every
layer answers where its value came from (:meth:`Layers.origin`).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from assistant.errors import ConfigurationError

CONFIG_NAME = "config.toml"
DEFAULT_CONCURRENCY = 4


@dataclass(frozen=True)
class Key:
    """One configuration key: the environment variable it stands for and its value's type."""

    variable: str
    kind: type[str] | type[int] | type[float]
    help: str


KEYS: dict[str, Key] = {
    "model": Key("CLAIMDESK_MODEL", str, "'offline' or 'openai:NAME'"),
    "base_url": Key("OPENAI_BASE_URL", str, "OpenAI-compatible server URL"),
    "timeout": Key("CLAIMDESK_TIMEOUT", float, "seconds to wait for one model answer"),
    "concurrency": Key("CLAIMDESK_CONCURRENCY", int, "parallel model requests in eval"),
    "max_tokens": Key("CLAIMDESK_MAX_TOKENS", int, "longest answer asked of the model"),
    "context_chars": Key("CLAIMDESK_CONTEXT_CHARS", int, "article characters sent per request"),
    "output_mode": Key("CLAIMDESK_OUTPUT_MODE", str, "auto, json_schema or json_object"),
}


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    home = env.get("CLAIMDESK_HOME")
    return Path(home) if home else Path(platformdirs.user_config_dir("claimdesk"))


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    named = env.get("CLAIMDESK_CONFIG")
    return Path(named) if named else config_dir(env) / CONFIG_NAME


def read_file(path: Path) -> dict[str, str]:
    """The file's settings as text keyed by configuration key; {} when there is no file."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # nothing stored there (yet)
        return {}
    except OSError as exc:
        raise ConfigurationError(
            f"{path}: cannot be read ({exc.strerror})", setting=str(path)
        ) from exc
    try:
        table = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"{path}: not valid TOML ({exc})", setting=str(path)) from exc
    return {key: _checked(path, key, value) for key, value in table.items()}


def _checked(path: Path, key: str, value: object) -> str:
    if key not in KEYS:
        raise ConfigurationError(
            f"{path}: unknown key {key!r}; known keys: {', '.join(KEYS)}", setting=key
        )
    kind = KEYS[key].kind
    fits = isinstance(value, str) if kind is str else _is_number(value, kind)
    if not fits:
        raise ConfigurationError(
            f"{path}: {key} = {value!r} should be a {kind.__name__}", setting=key
        )
    return str(value)


def _is_number(value: object, kind: type) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return value > 0 and (kind is float or isinstance(value, int))


class Layers(Mapping[str, str]):
    """Environment variables, then the configuration file (as the variables its keys stand
    for), then stored keys: a read-only mapping that knows where each value came from. An empty
    variable counts as unset, so ``CLAIMDESK_MODEL=`` does not hide the file's ``model``."""

    def __init__(self, env: Mapping[str, str], file: Path, stored: Mapping[str, str]) -> None:
        self.env = env
        self.file = file
        self.from_file = {KEYS[k].variable: v for k, v in read_file(file).items()}
        self.stored = stored

    def _layers(self) -> list[tuple[str, Mapping[str, str]]]:
        return [
            ("environment", self.env),
            (f"file {self.file}", self.from_file),
            ("stored key", self.stored),
        ]

    def __getitem__(self, variable: str) -> str:
        for _, layer in self._layers():
            if layer.get(variable):
                return layer[variable]
        raise KeyError(variable)

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for _, layer in self._layers():
            for variable, value in layer.items():
                if value and variable not in seen:
                    seen.add(variable)
                    yield variable

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def origin(self, variable: str) -> str:
        """'environment', 'file PATH', 'stored key' or 'default'."""
        for name, layer in self._layers():
            if layer.get(variable):
                return name
        return "default"


def concurrency(given: int | None = None) -> int:
    """Parallel model requests: argument > CLAIMDESK_CONCURRENCY > file > 4."""
    if given is not None:
        return given
    value = layered().get("CLAIMDESK_CONCURRENCY", "")
    if not value:
        return DEFAULT_CONCURRENCY
    if not value.strip().isdigit() or int(value) < 1:
        raise ConfigurationError(
            f"CLAIMDESK_CONCURRENCY={value!r} is not a positive whole number",
            setting="CLAIMDESK_CONCURRENCY",
        )
    return int(value)


def layered(env: Mapping[str, str] | None = None) -> Layers:
    """The environment over the configuration file over the stored API key."""
    from assistant import keystore

    env = os.environ if env is None else env
    if isinstance(env, Layers):
        return env
    return Layers(env, config_path(env), keystore.as_environment(env))


def toml_value(key: str, text: str) -> str:
    """``text`` as the TOML value of ``key``, checked against the key's type."""
    if key not in KEYS:
        raise ConfigurationError(f"unknown key {key!r}; known keys: {', '.join(KEYS)}", setting=key)
    kind = KEYS[key].kind
    if kind is str:
        return json.dumps(text.strip())
    try:
        number: float = int(text) if kind is int else float(text)
    except ValueError:
        number = 0
    if not number > 0:
        raise ConfigurationError(f"{key} must be a positive {kind.__name__}, not {text!r}")
    return repr(number)


def write_value(key: str, text: str | None, path: Path | None = None) -> Path:
    """Set (or, with ``None``, remove) one key in the file, keeping its other lines and comments."""
    path = config_path() if path is None else path
    value = None if text is None else toml_value(key, text)
    lines = _lines(path)
    assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
    kept = [line for line in lines if not assignment.match(line)]
    if value is not None:
        at = next((n for n, line in enumerate(lines) if assignment.match(line)), len(kept))
        kept.insert(min(at, len(kept)), f"{key} = {value}")
    content = "\n".join(kept).strip("\n") + "\n"
    _check_content(path, content)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot be written ({exc.strerror})") from exc
    return path


def _lines(path: Path) -> list[str]:
    read_file(path)  # refuse to edit a file that is already broken
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return ["# claimdesk settings; 'claimdesk config' shows them with where each comes from"]


def _check_content(path: Path, content: str) -> None:
    try:
        tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:  # a multi-line value we did not write ourselves
        raise ConfigurationError(f"{path}: cannot edit this file safely ({exc})") from exc
