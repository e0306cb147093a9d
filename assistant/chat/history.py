"""Chat history and the analysis cache, in one SQLite file in the user's data directory.

``CLAIMDESK_HOME`` overrides the directory (platformdirs' user data dir otherwise). Stored:
sessions (model name, documents, analysis), every question and answer with its usage, and each
document's reading (its claims and attributions, what the Assistant remembers of it in memory)
keyed by the document's hash, the engine and the prompt version.
Never stored: API keys, base URLs or any other setting from the environment.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from pydantic import TypeAdapter

from assistant import rubric
from assistant.analysis import Reading
from assistant.chat.answers import Answer
from assistant.claims import Analysis, Document, EngineInfo, Usage
from assistant.errors import ConfigurationError
from assistant.models.base import Model
from assistant.private_files import private_file
from assistant.redaction import redact
from assistant.sanitising import scrub

DB_NAME = "history.sqlite3"
_READING = TypeAdapter(Reading)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    model TEXT NOT NULL,
    analysis TEXT
);
CREATE TABLE IF NOT EXISTS session_documents (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    position INTEGER NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    asked_at TEXT NOT NULL,
    model TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS readings (
    key TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    engine TEXT NOT NULL,
    reading TEXT NOT NULL,
    usage TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


def data_dir() -> Path:
    home = os.environ.get("CLAIMDESK_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir("claimdesk"))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def engine_key(engine: EngineInfo, model: Model) -> str:
    """What, besides the document, decides an extraction: engine, model, prompts, chunk size,
    the engine's own revision (a rule engine's code) and the rubric's."""
    from assistant import __version__

    parts = [engine.name, engine.model, engine.prompt_version, str(model.context_chars)]
    parts += [__version__, model.capabilities.revision, rubric.revision()]
    return "|".join(p for p in parts if p)


def _extraction_key(document: Document, engine: str) -> str:
    payload = engine + "\0" + document.model_dump_json()
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SessionRow:
    id: int
    started_at: str
    updated_at: str
    model: str
    titles: list[str]
    questions: int
    last_question: str | None


@dataclass(frozen=True)
class StoredSession:
    id: int
    model: str
    documents: list[Document]
    analysis: Analysis | None
    turns: list[Answer]


class History:
    """One SQLite database; every write commits at once so an interrupted chat loses nothing."""

    def __init__(self, path: Path) -> None:
        if path.parent.exists() and not path.parent.is_dir():
            raise ConfigurationError(
                f"cannot open the history database in {path.parent}: it is a file, not a folder "
                "(set CLAIMDESK_HOME to a folder)",
                setting="CLAIMDESK_HOME",
            )
        try:
            private_file(path)
            self.connection = sqlite3.connect(path)
            self.connection.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigurationError(
                f"cannot open the history database {path}: {exc}", setting="CLAIMDESK_HOME"
            ) from exc
        self.path = path

    @classmethod
    def open_default(cls) -> History:
        return cls(data_dir() / DB_NAME)

    def close(self) -> None:
        self.connection.close()

    def _write(self, sql: str, params: tuple[object, ...]) -> int:
        params = tuple(redact(scrub(p)) if isinstance(p, str) else p for p in params)
        try:
            with self.connection:
                cursor = self.connection.execute(sql, params)
        except sqlite3.Error as exc:
            raise ConfigurationError(
                f"cannot write the history database {self.path}: {exc} (--no-log stores nothing)",
                setting="CLAIMDESK_HOME",
            ) from exc
        return cursor.lastrowid or 0

    # --- the analysis cache ------------------------------------------------------------------

    def cached_reading(self, document: Document, engine: str) -> Reading | None:
        """The document's stored reading (claims and attributions) by this engine, if any."""
        row = self.connection.execute(
            "SELECT reading FROM readings WHERE key = ?", (_extraction_key(document, engine),)
        ).fetchone()
        return _READING.validate_json(row[0]) if row else None

    def store_reading(
        self, document: Document, engine: str, reading: Reading, usage: Usage
    ) -> None:
        """Keep a document's reading; ``usage`` is what the read that produced it cost."""
        self._write(
            "INSERT OR REPLACE INTO readings VALUES (?, ?, ?, ?, ?, ?)",
            (
                _extraction_key(document, engine),
                document.id,
                engine,
                _READING.dump_json(reading).decode(),
                usage.model_dump_json(),
                _now(),
            ),
        )

    # --- sessions ----------------------------------------------------------------------------

    def start_session(self, model: str, documents: list[Document]) -> int:
        now = _now()
        session_id = self._write(
            "INSERT INTO sessions (started_at, updated_at, model) VALUES (?, ?, ?)",
            (now, now, model),
        )
        for document in documents:
            self.add_document(session_id, document)
        return session_id

    def add_document(self, session_id: int, document: Document) -> None:
        self._write(
            "INSERT INTO session_documents VALUES (?, "
            "(SELECT COUNT(*) FROM session_documents WHERE session_id = ?), ?)",
            (session_id, session_id, document.model_dump_json()),
        )

    def save_analysis(self, session_id: int, analysis: Analysis) -> None:
        self._write(
            "UPDATE sessions SET analysis = ?, updated_at = ? WHERE id = ?",
            (analysis.model_dump_json(), _now(), session_id),
        )

    def record_turn(self, session_id: int, answer: Answer, model: str) -> None:
        self._write(
            "INSERT INTO turns (session_id, asked_at, model, question, answer) "
            "VALUES (?, ?, ?, ?, ?)",
            (session_id, _now(), model, answer.question, answer.model_dump_json()),
        )
        self._write("UPDATE sessions SET updated_at = ? WHERE id = ?", (_now(), session_id))

    def sessions(self) -> list[SessionRow]:
        rows = self.connection.execute(
            "SELECT id, started_at, updated_at, model FROM sessions ORDER BY id"
        ).fetchall()
        return [self._row(*row) for row in rows]

    def _row(self, session_id: int, started: str, updated: str, model: str) -> SessionRow:
        titles = [d.title or d.id for d in self._documents(session_id)]
        questions = self.connection.execute(
            "SELECT COUNT(*), (SELECT question FROM turns WHERE session_id = ? "
            "ORDER BY id DESC LIMIT 1) FROM turns WHERE session_id = ?",
            (session_id, session_id),
        ).fetchone()
        return SessionRow(session_id, started, updated, model, titles, *questions)

    def sessions_mentioning(self, text: str) -> set[int]:
        """Ids of sessions whose questions, answers or document titles contain ``text``
        (case-insensitive)."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.connection.execute(
            "SELECT session_id FROM turns WHERE question LIKE ?1 ESCAPE '\\' "
            "OR answer LIKE ?1 ESCAPE '\\' "
            "UNION SELECT session_id FROM session_documents "
            "WHERE json_extract(document, '$.title') LIKE ?1 ESCAPE '\\'",
            (pattern,),
        ).fetchall()
        return {int(row[0]) for row in rows}

    def last_session_id(self) -> int | None:
        row = self.connection.execute("SELECT MAX(id) FROM sessions").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def _documents(self, session_id: int) -> list[Document]:
        rows = self.connection.execute(
            "SELECT document FROM session_documents WHERE session_id = ? ORDER BY position",
            (session_id,),
        ).fetchall()
        return [Document.model_validate_json(r[0]) for r in rows]

    def load(self, session_id: int) -> StoredSession:
        row = self.connection.execute(
            "SELECT model, analysis FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise ConfigurationError(f"no chat session {session_id} in {self.path}")
        turns = self.connection.execute(
            "SELECT answer FROM turns WHERE session_id = ? ORDER BY id", (session_id,)
        ).fetchall()
        return StoredSession(
            id=session_id,
            model=row[0],
            documents=self._documents(session_id),
            analysis=Analysis.model_validate_json(row[1]) if row[1] else None,
            turns=[Answer.model_validate_json(t[0]) for t in turns],
        )
