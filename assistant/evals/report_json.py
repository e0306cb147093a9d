"""A report's JSON written piece by piece: the text of ``report.model_dump_json()`` without the
whole of it in memory at once (50,000 items make a string of about 100 MB)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from pydantic_core import to_json

from assistant.evals.records import EvalReport

ITEMS_PER_PIECE = 500


def json_pieces(report: EvalReport) -> Iterator[str]:
    """Pieces that join into ``report.model_dump_json()``: the items a few hundred at a time,
    the documents one by one."""
    yield "{"
    for number, name in enumerate(EvalReport.model_fields):
        if number:
            yield ","
        if name == "items":
            yield from _items(report)
        elif name == "documents":
            yield from _documents(report)
        else:
            yield report.model_dump_json(include={name})[1:-1]  # '"name":value'
    yield "}"


def _items(report: EvalReport) -> Iterator[str]:
    yield '"items":['
    for start in range(0, len(report.items), ITEMS_PER_PIECE):
        batch = report.items[start : start + ITEMS_PER_PIECE]
        yield ("," if start else "") + ",".join(item.model_dump_json() for item in batch)
    yield "]"


def _documents(report: EvalReport) -> Iterator[str]:
    yield '"documents":{'
    for number, (key, document) in enumerate(report.documents.items()):
        name = to_json(key).decode("utf-8")
        yield f"{',' if number else ''}{name}:{document.model_dump_json()}"
    yield "}"


def write_json(report: EvalReport, stream: TextIO) -> None:
    for piece in json_pieces(report):
        stream.write(piece)
