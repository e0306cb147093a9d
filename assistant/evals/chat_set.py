"""The chat eval set: conversations over articles, each question with what a right answer holds.

``evals/chat/questions.jsonl`` has one question (or one ``add`` of a document) per line, in
conversation order; ``sessions.json`` beside it names each conversation's articles and where the
claim ids a question must cite come from (a gold record's quotes, or quotes listed in place).
Layout and fields: evals/chat/README.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.claims import Document
from assistant.documents import read_titled_document
from assistant.errors import InputError
from assistant.evals.gold import load_gold


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChatTurn(_Strict):
    """One question, or one document added to the conversation (``add``)."""

    id: str
    conversation: str
    kind: str
    question: str | None = None
    add: str | None = None
    must: list[str] = Field(default_factory=list)  # each "a|b": one of them must appear
    must_not: list[str] = Field(default_factory=list)
    cite: list[str] = Field(default_factory=list)  # claim ids every one of which must be cited
    dont_know: bool = False
    note: str | None = None


class SessionSpec(_Strict):
    articles: list[str]
    gold: str | None = None
    claims: dict[str, list[str]] = Field(default_factory=dict)


@dataclass
class Conversation:
    id: str
    documents: list[Document]
    turns: list[ChatTurn]
    added: dict[str, Document]  # turn id -> the document that turn adds
    quotes: dict[str, list[str]]  # claim id -> the verbatim quotes that stand for it


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})", path=str(path)) from exc


def _turns(path: Path) -> list[ChatTurn]:
    turns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            turns.append(ChatTurn.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(map(str, first["loc"])) or "record"
            raise InputError(f"{path}:{number}: {field}: {first['msg']}", path=str(path)) from exc
    return turns


def _gold_quotes(base: Path, gold_id: str) -> dict[str, list[str]]:
    for article in load_gold(base.parent / "gold" / "gold.jsonl"):
        if article.id == gold_id:
            claims = article.record.claims
            return {c.id: [q for s in c.sources for q in s.quotes] for c in claims}
    raise InputError(f"{base}: no gold record {gold_id!r}", path=str(base))


def _conversation(base: Path, name: str, spec: SessionSpec, turns: list[ChatTurn]) -> Conversation:
    documents = [read_titled_document(base / a) for a in spec.articles]
    added = {t.id: read_titled_document(base / t.add) for t in turns if t.add}
    quotes = _gold_quotes(base, spec.gold) if spec.gold else {}
    quotes.update(spec.claims)
    for turn in turns:
        unknown = [c for c in turn.cite if c not in quotes]
        if unknown:
            raise InputError(f"{turn.id}: cites unknown claim(s) {unknown}", path=str(base))
    return Conversation(name, documents, turns, added, quotes)


def load_chat_set(path: Path) -> list[Conversation]:
    """Every conversation of the set in ``path`` (the folder or its questions.jsonl)."""
    base = path if path.is_dir() else path.parent
    raw = _read_json(base / "sessions.json")
    if not isinstance(raw, dict):
        raise InputError(f"{base / 'sessions.json'}: expected an object", path=str(base))
    turns = _turns(base / "questions.jsonl")
    conversations = []
    for name, spec in raw.items():
        own = [t for t in turns if t.conversation == name]
        conversations.append(_conversation(base, name, SessionSpec.model_validate(spec), own))
    orphans = {t.conversation for t in turns} - set(raw)
    if orphans:
        raise InputError(f"{base}: questions for unknown conversations {sorted(orphans)}")
    return conversations
