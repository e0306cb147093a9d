"""QA: a base URL that answers with a web page instead of the OpenAI API (a chat UI, a proxy's
login page, a URL missing its /v1) gives a one-line server error, not an AttributeError."""

from __future__ import annotations

import asyncio

import httpx2
import pytest

from assistant.errors import ConfigurationError, ModelServerError
from assistant.models.openai import OpenAIModel
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


@pytest.mark.parametrize("url", ["not-a-url", "localhost:8080/v1", "ftp://host/v1", "http://"])
def test_a_base_url_that_is_no_http_url_is_a_configuration_error(url: str) -> None:
    with pytest.raises(ConfigurationError, match="OPENAI_BASE_URL") as raised:
        OpenAIModel("m", env={"OPENAI_BASE_URL": url})
    assert raised.value.setting == "OPENAI_BASE_URL"
    with pytest.raises(ConfigurationError, match="http"):
        OpenAIModel("m", base_url=url, env={})
