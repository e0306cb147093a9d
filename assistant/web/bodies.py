"""Request bodies read into SDK values: documents through the CLI's own readers, a claim, a
question. Everything the page or a script can get wrong becomes a :class:`Problem` (400/415)."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from assistant.claims import Document
from assistant.documents import parse_document, refuse_repeats
from assistant.web.problems import Problem

DOCUMENT_FIELDS = ("text", "title", "outlet", "date")


async def json_body(request: Request) -> dict[str, Any]:
    """The body as a JSON object; only ``application/json`` (so other sites cannot post forms)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise Problem(415, "send the body as JSON (Content-Type: application/json)", "media_type")
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise Problem(400, f"the body is not valid JSON ({exc})") from exc
    if not isinstance(body, dict):
        raise Problem(400, "the body must be a JSON object")
    return body


def _text_field(item: dict[str, Any], name: str, where: str) -> str | None:
    value = item.get(name)
    if value is None or (name != "text" and value == ""):
        return None
    if not isinstance(value, str):
        raise Problem(400, f"{where}: {name!r} must be a string")
    return value


def _document(item: object, where: str) -> Document:
    if not isinstance(item, dict):
        raise Problem(400, f"{where}: must be an object with 'text' (and title, outlet, date)")
    unknown = sorted(set(item) - set(DOCUMENT_FIELDS))
    if unknown:
        raise Problem(
            400, f"{where}: unknown field {unknown[0]!r}; use {', '.join(DOCUMENT_FIELDS)}"
        )
    text = _text_field(item, "text", where)
    if text is None:
        raise Problem(400, f"{where}: 'text' is missing")
    fields = {name: _text_field(item, name, where) for name in DOCUMENT_FIELDS[1:]}
    return parse_document(text.encode("utf-8"), where, **fields)


def documents(body: dict[str, Any]) -> list[Document]:
    """``{"documents": [{"text": ..., "title": ..., "outlet": ..., "date": ...}, ...]}``."""
    items = body.get("documents")
    if not isinstance(items, list) or not items:
        raise Problem(400, "'documents' must be a non-empty list of {\"text\": ...} objects")
    names = [f"document {n}" for n in range(1, len(items) + 1)]
    parsed = [_document(item, name) for item, name in zip(items, names, strict=True)]
    refuse_repeats(parsed, names)
    return parsed


def text(body: dict[str, Any], name: str) -> str:
    """A required non-empty string field."""
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        raise Problem(400, f"{name!r} must be a non-empty string")
    return value


def optional_id(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Problem(400, f"{name!r} must be a positive integer")
    return value
