"""``batch export``: the first request of every part of every document as Batch API input lines.

Each line is ``{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}``, the
body exactly what the live engine would send (OpenAI's Batch API and vLLM's ``run-batch`` take
the same file). ``custom_id`` is ``<document id>#<part>``. Re-asks (an invalid answer, a quote not
in the text) cannot be known in advance: ``batch collect`` makes those live.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.analysis import part_plans
from assistant.claims import Document, Usage
from assistant.models.base import ModelRequest
from assistant.models.openai import OpenAIModel

ENDPOINT = "/v1/chat/completions"


def first_requests(document: Document, budget: int) -> list[ModelRequest]:
    """The request each part of the document starts with."""
    return [next(plan(Usage())) for plan in part_plans(document, budget)]


def custom_id(document: Document, part: int) -> str:
    return f"{document.id}#{part}"


def request_lines(model: OpenAIModel, documents: Sequence[Document]) -> Iterator[dict[str, Any]]:
    for document in documents:
        for part, request in enumerate(first_requests(document, model.context_chars), start=1):
            yield {
                "custom_id": custom_id(document, part),
                "method": "POST",
                "url": ENDPOINT,
                "body": model.request_body(request),
            }


def body_key(body: dict[str, Any]) -> str:
    """Which request a body is, whatever its JSON key order: how results meet their requests."""
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def export(model: OpenAIModel, documents: Sequence[Document], path: Path) -> int:
    """Write the requests file; returns how many requests it holds."""
    count = 0
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        for request in request_lines(model, documents):
            out.write(json.dumps(request, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    temporary.replace(path)
    return count
