"""``batch collect``: answer the pipeline from a Batch API output file, live only where needed.

A Batch API output line is ``{"id", "custom_id", "response": {"status_code", "request_id",
"body"}, "error"}``. :class:`BatchAnswers` is a model that answers a request from those bodies
when one was made for exactly that request (matched through the export's ``custom_id`` and the
request body), and otherwise asks the live model: the re-asks validation and grounding need,
and the requests whose batch line failed. Everything else (validation, grounding, the rubric,
merging) is the ordinary pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.batch.requests import body_key, request_lines
from assistant.claims import Document
from assistant.errors import InputError, ModelServerError
from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.openai import OpenAIModel
from assistant.models.wrapper import ModelWrapper


def read_results(text: str, where: str) -> dict[str, dict[str, Any]]:
    """custom_id -> the completion body, for every line that succeeded."""
    bodies: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            custom_id, response, error = record["custom_id"], record["response"], record["error"]
            if error is None and response and response["status_code"] == 200:
                bodies[str(custom_id)] = dict(response["body"])
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{where}:{number}: not a Batch API output line") from None
    return bodies


class BatchAnswers(ModelWrapper):
    """Answers from a batch's results; anything else goes to ``live`` (an OpenAIModel)."""

    def __init__(
        self, live: OpenAIModel, documents: Sequence[Document], bodies: dict[str, dict[str, Any]]
    ) -> None:
        super().__init__(live)
        self.live = live
        self.answers: dict[str, dict[str, Any]] = {}
        for line in request_lines(live, documents):
            body = bodies.get(line["custom_id"])
            if body is not None:
                self.answers[body_key(line["body"])] = body
        self.from_batch = 0
        self.asked_live = 0

    def _recorded(self, request: ModelRequest) -> ModelResponse | None:
        body = self.answers.get(body_key(self.live.request_body(request)))
        if body is None:
            return None
        self.from_batch += 1
        return self.live.response_from_body(body)

    def complete(self, request: ModelRequest) -> ModelResponse:
        recorded = self._recorded(request)
        if recorded is not None:
            return recorded
        self.asked_live += 1
        return self.live.complete(request)

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        recorded = self._recorded(request)
        if recorded is not None:
            return recorded
        self.asked_live += 1
        return await self.live.acomplete(request)


def load_results(path: Path) -> dict[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})", path=str(path)) from None
    return read_results(text, str(path))


def download_results(model: OpenAIModel, batch_id: str) -> dict[str, dict[str, Any]]:
    job = model.batch_job(batch_id)
    if job.output_file_id is None:
        raise ModelServerError(f"batch {batch_id} has no results yet (status {job.status})")
    return read_results(model.batch_file(job.output_file_id), f"batch {batch_id}")
