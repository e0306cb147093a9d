"""A fault-injection OpenAI-compatible server on loopback, its replies scripted per test.

Unlike scripted_server.py (an in-process transport), this is a real HTTP server in a thread, so
the whole stack runs: the CLI or SDK, the openai client, httpx2, sockets. Each request to
``/v1/chat/completions`` gets the next scripted :class:`Reply`: a status and body, a delay, a
connection reset before any answer, or a body cut off mid-way. When the script runs out it
answers 500 and counts the request as unscripted, so a test sees any request it did not expect.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json"),)
    delay_s: float = 0.0
    reset: bool = False  # close the connection with a TCP reset instead of answering
    cut_at: int | None = None  # announce the whole body, send this many bytes, hang up


def completion_body(
    content: str | None, *, finish_reason: str = "stop", refusal: str | None = None
) -> dict[str, Any]:
    message = {"role": "assistant", "content": content, "refusal": refusal}
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion",
        "created": 0,
        "model": "fault-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def answer(content: str | None, **options: Any) -> Reply:
    """A well-formed chat completion carrying ``content``."""
    return Reply(body=json.dumps(completion_body(content, **options)).encode())


def claims_answer(claims: list[dict[str, Any]] | None = None, **options: Any) -> Reply:
    return answer(json.dumps({"claims": claims or []}), **options)


def error(status: int, message: str, *, code: str | None = None, **options: Any) -> Reply:
    body = {"error": {"message": message, "type": "error", "code": code, "param": None}}
    return Reply(status=status, body=json.dumps(body).encode(), **options)


def raw(body: bytes, *, status: int = 200, content_type: str = "application/json") -> Reply:
    return Reply(status=status, body=body, headers=(("Content-Type", content_type),))


RESET = Reply(reset=True)


@dataclass
class Seen:
    path: str
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def prompt(self) -> str:
        """Every message's text, joined: what the user gave must be in here."""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


class FaultServer:
    """Serve scripted replies on 127.0.0.1; ``requests`` keeps every request in order."""

    def __init__(self) -> None:
        self.script: list[Reply] = []
        self.requests: list[Seen] = []
        self.unscripted = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def play(self, *replies: Reply) -> FaultServer:
        with self._lock:
            self.script.extend(replies)
        return self

    def next_reply(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            if self.script:
                return self.script.pop(0)
            self.unscripted += 1
        return error(500, "the fault server's script ran out")

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                self._send(answer("{}"))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                try:
                    body = json.loads(data or b"{}")
                except ValueError:
                    body = {}
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = server.next_reply(Seen(self.path, body, headers))
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                if reply.reset:
                    self._reset()
                    return
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                if reply.cut_at is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                try:
                    if reply.cut_at is None:
                        self.wfile.write(reply.body)
                        return
                    self.wfile.write(reply.body[: reply.cut_at])
                    self.wfile.flush()
                    self._reset()
                except OSError:
                    self.close_connection = True

            def _reset(self) -> None:
                """Hang up with a TCP reset: SO_LINGER 0, then close."""
                self.close_connection = True
                linger = struct.pack("ii", 1, 0)
                try:
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    self.connection.close()
                except OSError:
                    pass

        return Handler


def serving() -> Iterator[FaultServer]:
    """A started server, stopped afterwards (the body of the ``fault_server`` fixture)."""
    server = FaultServer().start()
    try:
        yield server
    finally:
        server.stop()
