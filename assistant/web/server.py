"""Run the desk: bind the socket first (a clear error for a busy port), then uvicorn on it."""

from __future__ import annotations

import ipaddress
import secrets
import socket
import threading
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette

from assistant.errors import InputError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


WILDCARDS = frozenset({"0.0.0.0", "::", "[::]", ""})


def local_name(host: str) -> str:
    """How a browser on this machine reaches the desk bound to ``host``."""
    return "127.0.0.1" if host in WILDCARDS else host


def public_name(host: str) -> str:
    """How other machines reach it: this machine's name when bound to every address."""
    return socket.gethostname() if host in WILDCARDS else host


def new_token() -> str:
    return secrets.token_urlsafe(24)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port)."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(
            f"--host {host}: not an address this machine has ({exc.strerror})"
        ) from exc
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise InputError(
            f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port"
        ) from exc
    sock.listen(128)
    return sock


def url(host: str, sock: socket.socket, token: str | None = None) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


@dataclass
class Running:
    """A desk served from a background thread (tests and benchmarks)."""

    server: uvicorn.Server
    thread: threading.Thread
    base_url: str

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve(app: Starlette, sock: socket.socket, *, log_level: str = "warning") -> None:
    """Serve until interrupted (Ctrl-C)."""
    config = uvicorn.Config(app, log_level=log_level, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])


def serve_in_thread(app: Starlette, host: str = "127.0.0.1", port: int = 0) -> Running:
    sock = bind(host, port)
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.01)
    return Running(server, thread, url(host, sock).rstrip("/"))
