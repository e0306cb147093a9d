"""OUT.jsonl: one line per corpus item, written as each finishes, read back to resume.

A line is ``{"id", "ok": true, "analysis": {...}}`` or ``{"id", "ok": false, "error": {"kind",
"message"}}``. Lines are appended whole and flushed one at a time, so a run stopped at any point
leaves complete lines (at worst one torn last line, which :func:`open_output` cuts off before
appending). The analysis leaves out its wall time, so the same corpus gives the same lines
wherever it runs (one process, a pool, a Ray cluster).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from assistant.claims import Analysis
from assistant.errors import ClaimdeskError, InputError, ModelOutputError

Record = dict[str, Any]


def ok_record(item_id: str, analysis: Analysis) -> Record:
    data = analysis.model_dump(mode="json", exclude={"usage": {"wall_time_s"}})
    return {"id": item_id, "ok": True, "analysis": data}


def error_record(item_id: str, error: Exception) -> Record:
    if isinstance(error, ModelOutputError):
        kind = "model_output"
    elif isinstance(error, InputError):
        kind = "input"
    elif isinstance(error, ClaimdeskError):
        kind = "model_server"
    else:
        kind = type(error).__name__
    return {"id": item_id, "ok": False, "error": {"kind": kind, "message": str(error)}}


def line(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def read_records(path: Path) -> Iterator[Record]:
    """The complete lines of an output file (a torn last line is skipped)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            if not text.endswith("\n"):
                return
            try:
                record = json.loads(text)
            except json.JSONDecodeError:
                raise InputError(f"{path}:{number}: not a line this tool wrote") from None
            if not isinstance(record, dict) or "id" not in record:
                raise InputError(f"{path}:{number}: not a line this tool wrote")
            yield record


@dataclass
class Progress:
    done: set[str]
    failed: set[str]


def progress(path: Path) -> Progress:
    """Ids already in the output, and which of them failed."""
    done: set[str] = set()
    failed: set[str] = set()
    for record in read_records(path):
        done.add(record["id"])
        if not record.get("ok"):
            failed.add(record["id"])
    return Progress(done, failed)


def drop_ids(path: Path, ids: set[str]) -> None:
    """Rewrite the output without the lines of ``ids`` (atomically: a temporary file renamed)."""
    kept = [r for r in read_records(path) if r["id"] not in ids]
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        out.writelines(line(r) for r in kept)
    os.replace(temporary, path)


def open_output(path: Path) -> IO[str]:
    """The output opened for appending, after cutting off a torn last line."""
    if path.exists():
        _cut_torn_tail(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("a", encoding="utf-8")


def _cut_torn_tail(path: Path) -> None:
    with path.open("rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        if size == 0:
            return
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return
        data_end = _last_newline(handle, size)
        handle.truncate(data_end)


def _last_newline(handle: IO[bytes], size: int) -> int:
    """The offset just after the last newline before ``size`` (0 when there is none)."""
    position = size
    while position > 0:
        start = max(0, position - 65536)
        handle.seek(start)
        block = handle.read(position - start)
        found = block.rfind(b"\n")
        if found >= 0:
            return start + found + 1
        position = start
    return 0


def write(out: IO[str], record: Record) -> None:
    out.write(line(record))
    out.flush()
