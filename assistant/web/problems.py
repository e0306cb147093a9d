"""Failures as JSON: ``{"error": KIND, "message": ...}`` with the status that says who must act.

400 bad input, 401 missing token, 404 unknown, 413 too large, 415 not JSON, 502 the model server
or the model failed, 500 the desk itself is misconfigured. Messages are one line; no traceback
ever reaches the page.
"""

from __future__ import annotations

import json
import logging

from starlette.responses import JSONResponse

from assistant.errors import (
    ClaimdeskError,
    ConfigurationError,
    InputError,
    ModelOutputError,
    ModelServerError,
)

log = logging.getLogger("claimdesk.web")


class Problem(Exception):
    """A request the desk refuses, with the HTTP status to answer."""

    def __init__(self, status: int, message: str, kind: str = "bad_request") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind


class TooLarge(Problem):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413, f"request body larger than the desk's limit of {limit:,} bytes", "too_large"
        )


def status_of(exc: ClaimdeskError) -> tuple[int, str]:
    """The HTTP status and error kind for an SDK error."""
    if isinstance(exc, InputError):
        return 400, "bad_input"
    if isinstance(exc, ModelServerError):
        return 502, "model_server"
    if isinstance(exc, ModelOutputError):
        return 502, "model_output"
    if isinstance(exc, ConfigurationError):
        return 500, "configuration"
    return 500, "error"


def payload(status: int, kind: str, message: str) -> dict[str, object]:
    return {"error": kind, "message": message, "status": status}


def problem_response(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse(payload(status, kind, message), status_code=status)


def from_problem(problem: Problem) -> JSONResponse:
    return problem_response(problem.status, problem.kind, problem.message)


def from_sdk_error(exc: ClaimdeskError) -> JSONResponse:
    status, kind = status_of(exc)
    return problem_response(status, kind, str(exc))


def unexpected(exc: Exception) -> JSONResponse:
    log.exception("unexpected failure in the web desk", exc_info=exc)
    return problem_response(500, "internal", f"internal error ({type(exc).__name__}); see the log")


def sse_error(exc: Exception) -> str:
    """One server-sent event describing a failure that happened mid-stream."""
    if isinstance(exc, ClaimdeskError):
        status, kind = status_of(exc)
        message = str(exc)
    else:
        log.exception("unexpected failure in a chat stream", exc_info=exc)
        status, kind, message = 500, "internal", f"internal error ({type(exc).__name__})"
    return f"event: error\ndata: {json.dumps(payload(status, kind, message))}\n\n"
