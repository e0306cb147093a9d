"""How HTTP cassettes are recorded and replayed (pytest-recording on vcrpy, which patches httpx2).

Cassettes live in ``cassettes/<test module>/<test name>.yaml`` at the repository root. Requests
match on method, path and JSON body (so prompt text is part of the match: change a prompt
template and the cassettes must be re-recorded with scripts/record-cassettes.sh). Credentials
never reach a cassette: request headers that carry them are dropped before recording, and so are
response cookies; request and response bodies pass through ``assistant.redaction.redact`` (the
configured key, URL credentials, key shapes), so a key a server echoes is masked. Import both
fixtures into a test module (or conftest.py) to use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.redaction import redact

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes"
SECRET_REQUEST_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "cookie",
    "openai-organization",
    "openai-project",
]
SECRET_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project"}


def _redacted(body: Any) -> Any:
    if isinstance(body, bytes):
        try:
            return redact(body.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            return body
    return redact(body) if isinstance(body, str) else body


def _drop_response_secrets(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in [n for n in headers if n.lower() in SECRET_RESPONSE_HEADERS]:
        del headers[name]
    body = response.get("body")
    if isinstance(body, dict) and "string" in body:
        body["string"] = _redacted(body["string"])
    return response


def _drop_request_secrets(request: Any) -> Any:
    request.body = _redacted(request.body)
    return request


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "match_on": ["method", "path", "body"],
        "filter_headers": SECRET_REQUEST_HEADERS,
        "before_record_response": _drop_response_secrets,
        "before_record_request": _drop_request_secrets,
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / Path(str(request.node.fspath)).stem)
