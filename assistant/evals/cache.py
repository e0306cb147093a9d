"""An on-disk cache of model answers, as a wrapper implementing the same Model interface.

The key is a sha256 of the engine, model, prompt version and the whole request (task,
messages, inputs, output schema, token limit), so an unchanged eval re-run makes no model
calls and any prompt or input change misses. Stored under the user cache directory, or
``CLAIMDESK_CACHE_DIR``. The offline engine is cheaper to recompute than to read from disk:
for it the wrapper runs but stores nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import platformdirs

from assistant import prompts
from assistant.errors import ConfigurationError
from assistant.evals.metering import current_meter
from assistant.models.base import Model, ModelRequest, ModelResponse
from assistant.models.wrapper import ModelWrapper


def cache_dir() -> Path:
    configured = os.environ.get("CLAIMDESK_CACHE_DIR")
    base = Path(configured) if configured else Path(platformdirs.user_cache_dir("claimdesk"))
    return base / "model-answers"


def request_key(engine: str, model: str, prompt_version: str, request: ModelRequest) -> str:
    payload = {
        "engine": engine,
        "model": model,
        "prompt_version": prompt_version,
        "task": request.task,
        "messages": [[m.role, m.content] for m in request.messages],
        "inputs": request.inputs,
        "output_schema": request.output_type.model_json_schema(),
        "max_tokens": request.max_tokens,
    }
    text = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _refuse_non_folder(directory: Path) -> None:
    """The cache folder, or one of its parents, must not be a file."""
    for folder in (directory, *directory.parents):
        if folder.exists():
            if not folder.is_dir():
                raise ConfigurationError(
                    f"the answer cache {directory} cannot be created: {folder} is a file "
                    "(set CLAIMDESK_CACHE_DIR to a folder, or pass --no-cache)",
                    setting="CLAIMDESK_CACHE_DIR",
                )
            return


class CachedModel(ModelWrapper):
    """Answers from disk when the same request was answered before, else asks ``model``."""

    def __init__(self, model: Model, directory: Path | None = None) -> None:
        super().__init__(model)
        self.directory = directory or cache_dir()
        self.enabled = not model.capabilities.local
        if self.enabled:
            _refuse_non_folder(self.directory)
        self.prompt_version = prompts.prompt_version()

    def _path(self, request: ModelRequest) -> Path:
        key = request_key(self.engine_name, self.model_name, self.prompt_version, request)
        return self.directory / key[:2] / f"{key}.json"

    def _load(self, path: Path) -> ModelResponse | None:
        if not self.enabled:
            return None
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            response = ModelResponse(**{**data, "retries": 0})
        except (OSError, ValueError, TypeError):
            return None
        meter = current_meter.get()
        if meter is not None:
            meter.cache_hits += 1
            meter.add_tokens(response)
        return response

    def _store(self, path: Path, response: ModelResponse) -> None:
        if not self.enabled or response.finish_reason != "stop" or response.refusal:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
            ) as handle:
                json.dump(asdict(response), handle)
            os.replace(handle.name, path)
        except OSError:  # a full disk or a read-only cache costs a re-ask later, not this answer
            return

    def complete(self, request: ModelRequest) -> ModelResponse:
        path = self._path(request)
        cached = self._load(path)
        if cached is not None:
            return cached
        response = self.inner.complete(request)
        self._store(path, response)
        return response

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        path = self._path(request)
        cached = self._load(path)
        if cached is not None:
            return cached
        response = await self.inner.acomplete(request)
        self._store(path, response)
        return response
