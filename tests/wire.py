"""Model answers in the wire format (the ExtractionOutput JSON a model sends), for scripted
models: one source with its quotes, one claim with its sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.models.base import ModelRequest
from assistant.models.function import Answer, FunctionModel

PARTIES = frozenset({"named_official", "named_person", "organization", "document"})


def source(
    name: str,
    quotes: list[str],
    *,
    kind: str = "named_official",
    stance: str = "asserts",
    on_record: bool = True,
    role: str | None = None,
    standing: bool | None = None,
) -> dict[str, Any]:
    """``standing`` defaults to what a careful model would say of a named party on the record."""
    if standing is None:
        standing = on_record and kind in PARTIES
    return {
        "name": name,
        "role": role,
        "kind": kind,
        "stance": stance,
        "on_record": on_record,
        "standing": standing,
        "quotes": quotes,
    }


def claim(
    text: str, status: str, sources: list[dict[str, Any]], reason: str = "reason"
) -> dict[str, Any]:
    return {"text": text, "status": status, "status_reason": reason, "sources": sources}


NO_CLAIMS: dict[str, Any] = {"claims": []}


def reader(function: Callable[[ModelRequest], Answer], **options: Any) -> FunctionModel:
    """A model whose analysis finds no claims, so a check falls to its ``check`` answers
    (given by ``function``); ``checks(model)`` lists the check requests it saw."""

    def answer(request: ModelRequest) -> Answer:
        return NO_CLAIMS if request.task == "extract" else function(request)

    return FunctionModel(answer, **options)


def scripted_reader(answers: list[Answer], **options: Any) -> FunctionModel:
    """:func:`reader` giving the scripted check answers in order."""
    queue = list(answers)

    def next_answer(request: ModelRequest) -> Answer:
        if not queue:
            raise AssertionError("scripted reader ran out of check answers")
        return queue.pop(0)

    return reader(next_answer, **options)


def checks(model: FunctionModel) -> list[ModelRequest]:
    return [r for r in model.requests if r.task == "check"]


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
