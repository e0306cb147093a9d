"""Model answers in the wire format (the ExtractionOutput JSON a model sends), for scripted
models: one source with its quotes, one claim with its sources."""

from __future__ import annotations

from typing import Any


def source(
    name: str,
    quotes: list[str],
    *,
    kind: str = "named_official",
    stance: str = "asserts",
    on_record: bool = True,
    role: str | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "role": role,
        "kind": kind,
        "stance": stance,
        "on_record": on_record,
        "quotes": quotes,
    }


def claim(
    text: str, status: str, sources: list[dict[str, Any]], reason: str = "reason"
) -> dict[str, Any]:
    return {"text": text, "status": status, "status_reason": reason, "sources": sources}


def said(
    source: str,
    cue: str,
    content: str,
    name: str,
    *,
    kind: str = "named_official",
    stance: str = "asserts",
    role: str | None = None,
    on_record: bool = True,
) -> dict[str, Any]:
    """One attribution (who said what) as a model sends it."""
    return {
        "source": source,
        "cue": cue,
        "content": content,
        "name": name,
        "role": role,
        "kind": kind,
        "stance": stance,
        "on_record": on_record,
    }
