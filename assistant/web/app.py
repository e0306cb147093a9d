"""The Starlette application: the desk page, its static files and the JSON API, behind the guard."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from assistant import Assistant
from assistant.chat.history import History
from assistant.errors import ClaimdeskError
from assistant.web import conversations, endpoints, problems
from assistant.web.desk import Desk
from assistant.web.guard import Guard, Policy

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BODY = 5_000_000


async def page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html")


def _routes() -> list[Route | Mount]:
    return [
        Route("/", page),
        Route("/api/health", endpoints.health),
        Route("/api/analyze", endpoints.analyze, methods=["POST"]),
        Route("/api/check", endpoints.check, methods=["POST"]),
        Route("/api/read", endpoints.read, methods=["POST"]),
        Route("/api/export", endpoints.export, methods=["POST"]),
        Route("/api/chat", conversations.chat, methods=["POST"]),
        Route("/api/sessions", conversations.sessions),
        Route("/api/sessions/{session_id:int}", conversations.session),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, problems.Problem)
    return problems.from_problem(exc)


async def _on_sdk_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ClaimdeskError)
    return problems.from_sdk_error(exc)


async def _on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    kind = "not_found" if exc.status_code == 404 else "http"
    return problems.problem_response(exc.status_code, kind, str(exc.detail))


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    return problems.unexpected(exc)


def create_app(
    assistant: Assistant,
    *,
    token: str | None = None,
    loopback_only: bool = True,
    max_body: int = DEFAULT_MAX_BODY,
    history: Callable[[], History] | None = History.open_default,
) -> Starlette:
    """The desk over ``assistant``. ``token``: required on every request when set (give one
    whenever the desk listens beyond loopback). ``history``: opens the chat history (None keeps
    none)."""
    desk = Desk(assistant, history)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        desk.open()
        try:
            yield
        finally:
            desk.close()

    app = Starlette(
        routes=_routes(),
        middleware=[Middleware(Guard, policy=Policy(token, loopback_only, max_body))],
        exception_handlers={
            problems.Problem: _on_problem,
            ClaimdeskError: _on_sdk_error,
            HTTPException: _on_http,
            Exception: _on_unexpected,
        },
        lifespan=lifespan,
    )
    app.state.desk = desk
    return app
