"""``claimdesk serve``: what it binds to, the token it prints off loopback, and its clear errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli.main import main

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def get(url: str, token: str | None = None) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    started: list[subprocess.Popen[str]] = []

    def start(*argv: str) -> tuple[subprocess.Popen[str], str]:
        """Start ``claimdesk serve ARGV`` and return it with the address it printed."""
        env = {**os.environ, "CLAIMDESK_HOME": str(tmp_path), "PYTHONUNBUFFERED": "1"}
        env.pop("CLAIMDESK_MODEL", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--port", "0", *argv],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        started.append(process)
        assert process.stderr is not None
        for line in process.stderr:
            if line.startswith("claimdesk desk: "):
                return process, line.split()[2]
        pytest.fail(f"serve exited ({process.wait()}) without printing its address")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def test_by_default_it_binds_loopback_and_needs_no_token(serve: object) -> None:
    _, address = serve()  # type: ignore[operator]
    assert address.startswith("http://127.0.0.1:") and "token" not in address
    status, body = get(address + "api/health")
    assert status == 200 and body["engine"] == "offline"


def test_another_host_prints_a_token_every_request_needs(serve: object) -> None:
    _, address = serve("--host", "0.0.0.0")  # type: ignore[operator]
    base, _, token = address.partition("?token=")
    assert len(token) >= 24
    port = base.rstrip("/").rsplit(":", 1)[1]
    local = f"http://127.0.0.1:{port}/api/health"
    status, body = get(local)
    assert status == 401 and "access token" in str(body["message"])
    assert get(local, token="wrong")[0] == 401
    assert get(local, token=token)[0] == 200


def test_a_busy_port_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "-q"]) == 2
    error = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in error and "--port" in error


def test_an_impossible_port_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000", "-q"]) == 2
    assert "give a port from 0 to 65535" in capsys.readouterr().err


def test_without_the_web_extra_it_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "assistant.web", None)
    assert main(["serve", "-q"]) == 2
    assert "pip install 'claimdesk[web]'" in capsys.readouterr().err


def test_open_starts_the_browser_on_the_printed_address(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.web import server

    opened: list[str] = []
    served: list[object] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    monkeypatch.setattr(server, "serve", lambda app, sock: (served.append(app), sock.close()))
    assert main(["serve", "--port", "0", "--open", "-q"]) == 0
    printed = capsys.readouterr().err.split()[2]
    assert opened == [printed] and printed.startswith("http://127.0.0.1:")
    assert len(served) == 1
