"""QA: a base URL that answers with a web page instead of the OpenAI API (a chat UI, a proxy's
login page, a URL missing its /v1) gives a one-line server error, not an AttributeError."""

from __future__ import annotations

import asyncio

import httpx2
import pytest

from assistant.errors import ModelServerError
from tests.scripted_server import ScriptedServer, extract_request


def web_page() -> httpx2.Response:
    return httpx2.Response(
        200, headers={"content-type": "text/html"}, content=b"<html><body>Chat UI</body></html>"
    )


def test_a_web_page_answer_is_a_server_error() -> None:
    with pytest.raises(ModelServerError, match=r"not an OpenAI-compatible answer.*/v1"):
        ScriptedServer(web_page()).model().complete(extract_request())


def test_a_web_page_answer_is_a_server_error_in_async_code() -> None:
    model = ScriptedServer(web_page()).model()
    with pytest.raises(ModelServerError, match="not an OpenAI-compatible answer"):
        asyncio.run(model.acomplete(extract_request()))
