"""Chat over the documents: answers streamed as server-sent events, sessions kept in the same
SQLite history as ``claimdesk chat``.

``POST /api/chat`` with ``{"question": ..., "session_id": N}`` (or ``"documents": [...]`` to
start one) answers with ``text/event-stream``: ``text`` events carry the answer's text as the
engine streams it, ``restart`` says a re-asked answer starts over, then one ``answer`` event
carries the Answer JSON (citations with located evidence) and the session id, or one ``error``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse

from assistant import Answer, Session
from assistant.web import bodies
from assistant.web.endpoints import desk_of
from assistant.web.problems import Problem, sse_error

DONE = object()


def event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n"


def _session_for(request: Request, body: dict[str, Any]) -> Session:
    desk = desk_of(request)
    session_id = bodies.optional_id(body, "session_id")
    if session_id is None:
        return desk.new_session(bodies.documents(body))
    try:
        return desk.session(session_id)
    except LookupError as exc:
        raise Problem(404, f"no chat session {session_id}", "not_found") from exc


async def chat(request: Request) -> StreamingResponse:
    body = await bodies.json_body(request)
    question = bodies.text(body, "question")
    session = _session_for(request, body)
    stream = _answer_events(request, session, question)
    return StreamingResponse(stream, media_type="text/event-stream")


async def _answer_events(request: Request, session: Session, question: str) -> AsyncIterator[str]:
    queue: asyncio.Queue[object] = asyncio.Queue()
    desk = desk_of(request)

    async def ask() -> None:
        try:
            async with desk.lock(session):
                answer = await session.aask(
                    question,
                    on_text=lambda piece: queue.put_nowait(event("text", {"text": piece})),
                    on_restart=lambda: queue.put_nowait(event("restart", {})),
                )
            desk.keep(session)
            queue.put_nowait(_final(answer, session))
        except Exception as exc:  # every failure reaches the page as one error event
            queue.put_nowait(sse_error(exc))
        finally:
            queue.put_nowait(DONE)

    task = asyncio.create_task(ask())
    try:
        while (item := await queue.get()) is not DONE:
            yield str(item)
    finally:
        if not task.done():
            task.cancel()


def _final(answer: Answer, session: Session) -> str:
    return event(
        "answer", {"answer": answer.model_dump(mode="json"), "session_id": session.session_id}
    )


async def sessions(request: Request) -> JSONResponse:
    """Stored chat sessions, newest first (``claimdesk history``)."""
    history = desk_of(request).history
    rows = history.sessions() if history is not None else []
    return JSONResponse(
        [
            {
                "id": row.id,
                "started_at": row.started_at,
                "updated_at": row.updated_at,
                "model": row.model,
                "titles": row.titles,
                "questions": row.questions,
                "last_question": row.last_question,
            }
            for row in reversed(rows)
        ]
    )


async def session(request: Request) -> JSONResponse:
    """One stored session to resume: its documents, its analysis (if kept) and its turns."""
    history = desk_of(request).history
    raw = request.path_params["session_id"]
    if history is None or raw not in {row.id for row in history.sessions()}:
        raise Problem(404, f"no chat session {raw}", "not_found")
    stored = history.load(raw)
    return JSONResponse(
        {
            "id": stored.id,
            "model": stored.model,
            "documents": [d.model_dump(mode="json") for d in stored.documents],
            "analysis": stored.analysis.model_dump(mode="json") if stored.analysis else None,
            "turns": [t.model_dump(mode="json") for t in stored.turns],
        }
    )
