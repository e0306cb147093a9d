"""``claimdesk analyze`` against a real local HTTP server that fails: one line, exit 1, no trace."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from assistant import config
from assistant.cli.main import main
from assistant.models._retry import RetryPolicy
from assistant.models.openai import OpenAIModel
from tests.conftest import SEED

SECRET = "test-secret-value-0123456789"

# These tests talk to a server they start on loopback; everything else stays blocked.
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


class FailingServer(BaseHTTPRequestHandler):
    status = 500
    requests = 0

    def do_POST(self) -> None:
        type(self).requests += 1
        body = json.dumps({"error": {"message": f"failure {self.status}", "type": "x"}}).encode()
        self.send_response(self.status)
        self.send_header("content-type", "application/json")
        self.send_header("retry-after", "0")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, type[FailingServer]]]:
    handler = type("Handler", (FailingServer,), {"requests": 0})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1", handler
    httpd.shutdown()


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real adapter, with retries that do not sleep."""
    policy = RetryPolicy(sleep=lambda seconds: None, max_attempts=3)

    def build(spec: str, *, base_url: str | None = None, api_key: str | None = None) -> Any:
        name = spec.partition(":")[2]
        return OpenAIModel(name, base_url=base_url, api_key=api_key, retry=policy, env={})

    monkeypatch.setattr(config, "build", build)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)


def analyze(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["analyze", str(SEED), "--model", "openai:m", "--base-url", url, "-f", "json"])
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("claimdesk: error:") and err.count("\n") == 1
    assert SECRET not in err
    return code, err


@pytest.mark.parametrize(("status", "words"), [(401, "OPENAI_API_KEY"), (403, "OPENAI_API_KEY")])
def test_auth_failure_is_not_retried(server: Any, capsys: Any, status: int, words: str) -> None:
    url, handler = server
    handler.status = status
    code, err = analyze(url, capsys)
    assert code == 1 and words in err and handler.requests == 1


def test_exhausted_retries(server: Any, capsys: Any) -> None:
    url, handler = server
    handler.status = 503
    code, err = analyze(url, capsys)
    assert code == 1 and handler.requests == 3 and "3 attempts" in err


def test_unreachable_server(capsys: Any) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, err = analyze(f"http://127.0.0.1:{port}/v1", capsys)
    assert code == 1 and "OPENAI_BASE_URL" in err and str(port) in err
