"""The offline engine: rule-based, no network, no key. A full implementation of the model
interface: it answers the same requests as an LLM with the same JSON, built by rules instead.

Each task lives in its own module: extraction.py (claims in a document), checking.py (one typed
claim against documents), answering.py (chat questions over an analysis).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from assistant.errors import ConfigurationError
from assistant.models.base import Capabilities, ModelRequest, ModelResponse

TaskFunction = Callable[[Mapping[str, Any]], dict[str, Any]]


def _task(name: str) -> TaskFunction:
    if name == "extract":
        from assistant.offline.extraction import extract

        return extract
    if name == "check":
        from assistant.offline.checking import check

        return check
    if name == "answer":
        from assistant.offline.answering import answer

        return answer
    raise ConfigurationError(f"the offline engine has no task {name!r}")


@cache
def rules_revision() -> str:
    """The rules change with the code, not the prompts: a hash of the engine's sources."""
    digest = hashlib.sha256()
    for file in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


class OfflineModel:
    """Rules in place of a model; answers instantly and sends nothing anywhere."""

    @property
    def engine_name(self) -> str:
        return "offline"

    @property
    def model_name(self) -> str:
        return "rules"

    @property
    def context_chars(self) -> int:
        return 1_000_000

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            reads_prompts=False, revision=rules_revision(), local=True, languages=frozenset({"en"})
        )

    def complete(self, request: ModelRequest) -> ModelResponse:
        return ModelResponse(content=json.dumps(_task(request.task)(request.inputs)))

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        return self.complete(request)
