"""Placeholder until the offline engine lands (issue 3)."""

from __future__ import annotations

from assistant.errors import ConfigurationError


class OfflineModel:
    def __init__(self) -> None:
        raise ConfigurationError("the offline engine is not built yet", setting="CLAIMDESK_MODEL")
