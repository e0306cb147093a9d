"""What the desk keeps between requests: the engine, the chat history and recent analyses.

One :class:`Desk` per app. The history is the same SQLite file as ``claimdesk chat`` (so
sessions started here are listed by ``claimdesk history`` and resumable from either side); it is
opened on the server's event loop at startup, because sqlite connections belong to one thread.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Sequence

from assistant import Analysis, Assistant, Document, Session
from assistant.chat.history import History
from assistant.errors import InputError

RECENT_ANALYSES = 32


class Desk:
    def __init__(self, assistant: Assistant, open_history: Callable[[], History] | None) -> None:
        self.assistant = assistant
        self._open_history = open_history
        self.history: History | None = None
        self._analyses: OrderedDict[tuple[str, ...], Analysis] = OrderedDict()
        self._sessions: dict[int, Session] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    def open(self) -> None:
        if self._open_history is not None and self.history is None:
            self.history = self._open_history()

    def close(self) -> None:
        if self.history is not None:
            self.history.close()
            self.history = None

    # --- analyses -------------------------------------------------------------------------------

    def remember(self, analysis: Analysis) -> None:
        key = tuple(d.id for d in analysis.documents)
        self._analyses[key] = analysis
        self._analyses.move_to_end(key)
        while len(self._analyses) > RECENT_ANALYSES:
            self._analyses.popitem(last=False)

    def known_analysis(self, documents: Sequence[Document]) -> Analysis | None:
        """The analysis this desk made of exactly these documents, if it still has it."""
        return self._analyses.get(tuple(d.id for d in documents))

    # --- chat sessions --------------------------------------------------------------------------

    def new_session(self, documents: list[Document]) -> Session:
        analysis = self.known_analysis(documents)
        return Session(self.assistant, documents, history=self.history, analysis=analysis)

    def session(self, session_id: int) -> Session:
        """A session by its history id: live in memory, else resumed from the history."""
        if session_id in self._sessions:
            return self._sessions[session_id]
        if self.history is None:
            raise InputError("this desk keeps no chat history, so no session can be resumed")
        if session_id not in {row.id for row in self.history.sessions()}:
            raise LookupError(session_id)
        stored = self.history.load(session_id)
        same_engine = stored.model == self.assistant.choice.spec
        session = Session(
            self.assistant,
            stored.documents,
            history=self.history,
            analysis=stored.analysis if same_engine else None,
            turns=stored.turns,
            session_id=stored.id,
        )
        self._sessions[session_id] = session
        return session

    def keep(self, session: Session) -> None:
        if session.session_id is not None:
            self._sessions[session.session_id] = session

    def lock(self, session: Session) -> asyncio.Lock:
        """One question at a time per stored session (answers build on the turns before them);
        a session not stored yet belongs to the one request that started it."""
        if session.session_id is None:
            return asyncio.Lock()
        return self._locks.setdefault(session.session_id, asyncio.Lock())
