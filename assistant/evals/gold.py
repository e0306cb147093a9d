"""The gold set: hand-annotated articles in ``evals/gold/gold.jsonl`` (schema in evals/METRICS.md).

Each line is one article record; its text lives in the file named by ``article``, relative to
the JSONL file.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.claims import SourceKind, Stance, Status
from assistant.errors import InputError


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldSource(_Gold):
    name: str
    role: str | None
    kind: SourceKind
    stance: Stance
    on_record: bool
    quotes: list[str]


class GoldClaim(_Gold):
    id: str
    text: str
    status: Status
    status_reason: str
    sources: list[GoldSource]


class GoldRecord(_Gold):
    id: str
    article: str
    title: str
    outlet: str | None
    date: str | None
    tags: list[str]
    claims: list[GoldClaim]
    non_claims: list[str]


class GoldArticle(BaseModel):
    """A gold record with its article text read in."""

    record: GoldRecord
    text: str

    @property
    def id(self) -> str:
        return self.record.id


def _record(line: str, where: str) -> GoldRecord:
    try:
        return GoldRecord.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(map(str, first["loc"])) or "record"
        raise InputError(f"{where}: {field}: {first['msg']}", path=where) from exc


def _text(base: Path, record: GoldRecord, where: str) -> str:
    path = base / record.article
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{where}: cannot read article {path}", path=str(path)) from exc


def load_gold(path: Path) -> list[GoldArticle]:
    """Every article of a gold JSONL file; a clear error names the line that is wrong."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the gold set", path=str(path)) from exc
    articles = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})", path=str(path)) from exc
        record = _record(line, where)
        articles.append(GoldArticle(record=record, text=_text(path.parent, record, where)))
    if not articles:
        raise InputError(f"{path}: the gold set is empty", path=str(path))
    return articles
