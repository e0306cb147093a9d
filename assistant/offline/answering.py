"""Offline answer task (not built yet)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.errors import ConfigurationError


def answer(inputs: Mapping[str, Any]) -> dict[str, Any]:
    raise ConfigurationError("the offline engine cannot answer yet", setting="CLAIMDESK_MODEL")
