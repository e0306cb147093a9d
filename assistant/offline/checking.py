"""Offline check task (not built yet)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.errors import ConfigurationError


def check(inputs: Mapping[str, Any]) -> dict[str, Any]:
    raise ConfigurationError("the offline engine cannot check yet", setting="CLAIMDESK_MODEL")
