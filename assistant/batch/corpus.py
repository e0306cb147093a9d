"""Read a corpus: a JSONL file (one article a line: id, text, title, outlet, date) or a folder.

Every item gets a stable id: the line's ``id``, or for a folder the file's path inside it. A
line that is not a JSON object with a non-empty text is an error naming the line, before any
work starts, so a corpus is either read whole or refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.claims import Document
from assistant.documents import read_titled_document
from assistant.errors import InputError

FIELDS = ("id", "text", "title", "outlet", "date")
TEXT_SUFFIXES = (".txt", ".md", ".text")


def read_corpus(path: str | Path) -> list[Document]:
    """The corpus's documents in order; ids must be unique."""
    where = Path(path)
    if where.is_dir():
        documents = list(_folder(where))
    elif where.is_file():
        documents = list(_jsonl(where))
    else:
        raise InputError(f"{where}: no such file or folder", path=str(where))
    _refuse_repeated_ids(documents, where)
    if not documents:
        raise InputError(f"{where}: the corpus has no documents", path=str(where))
    return documents


def _folder(folder: Path) -> Iterator[Document]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES)
    for file in files:
        document = read_titled_document(file)
        yield document.model_copy(update={"id": file.relative_to(folder).as_posix()})


def _jsonl(path: Path) -> Iterator[Document]:
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield _document(line, f"{path}:{number}")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})", path=str(path)) from exc


def _document(line: str, where: str) -> Document:
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON object ({exc.msg})", path=where) from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: not a JSON object", path=where)
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        raise InputError(f"{where}: the line has no text", path=where)
    if not isinstance(data.get("id"), str | int) or not str(data["id"]).strip():
        raise InputError(f"{where}: the line has no id", path=where)
    fields = {k: data[k] for k in FIELDS if data.get(k) is not None}
    try:
        return Document.model_validate({**fields, "id": str(data["id"])})
    except ValidationError as exc:
        problem = exc.errors()[0]
        field = ".".join(map(str, problem["loc"]))
        raise InputError(f"{where}: {field}: {problem['msg']}", path=where) from None


def _refuse_repeated_ids(documents: list[Document], where: Path) -> None:
    seen: set[str] = set()
    for document in documents:
        if document.id in seen:
            raise InputError(f"{where}: the id {document.id!r} appears twice", path=str(where))
        seen.add(document.id)
