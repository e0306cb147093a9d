"""What every request passes before any route: the Host check, the access token, the body size
limit, and the security headers on every response.

- On loopback the desk answers only to a loopback ``Host`` (a web page cannot rebind its own
  domain name to 127.0.0.1 to read the desk).
- Bound to another address, every request must carry the access token: ``Authorization: Bearer
  TOKEN``, the ``X-Claimdesk-Token`` header, the cookie the page gets when first opened with
  ``?token=TOKEN``, or that query parameter itself.
- A body larger than the limit is refused with 413 before it is read in full.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.web.problems import TooLarge, payload

COOKIE = "claimdesk_token"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
TOKEN_HELP = (
    "this desk needs its access token: open the address printed when 'claimdesk serve' "
    "started (…/?token=…), or send 'Authorization: Bearer TOKEN'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


@dataclass(frozen=True)
class Policy:
    token: str | None
    loopback_only: bool
    max_body: int


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}


def host_name(host_header: str) -> str:
    """``[::1]:8765`` -> ``::1``; ``localhost:8765`` -> ``localhost``."""
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def given_token(scope: Scope, headers: dict[str, str]) -> tuple[str | None, bool]:
    """The token the request carries, and whether it came in the query string."""
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    if "x-claimdesk-token" in headers:
        return headers["x-claimdesk-token"].strip(), False
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except CookieError:  # a malformed cookie header carries no token
        cookie = SimpleCookie()
    if COOKIE in cookie:
        return cookie[COOKIE].value, False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if "token" in query:
        return query["token"][0], True
    return None, False


class Guard:
    """ASGI middleware applying a :class:`Policy` to every HTTP request."""

    def __init__(self, app: ASGIApp, policy: Policy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _refuse(send, *refusal)
            return
        from_query = self.policy.token is not None and given_token(scope, headers)[1]
        await self.app(scope, self._limited(receive), _secured(send, self._cookie(from_query)))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, str] | None:
        policy = self.policy
        if policy.loopback_only and host_name(headers.get("host", "")) not in LOOPBACK_NAMES:
            return 400, "bad_host", "this desk answers only on 127.0.0.1 or localhost"
        if policy.token is not None:
            token, _ = given_token(scope, headers)
            if token is None or not hmac.compare_digest(token.encode(), policy.token.encode()):
                return 401, "token", TOKEN_HELP
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > policy.max_body:
            exc = TooLarge(policy.max_body)
            return exc.status, exc.kind, exc.message
        return None

    def _cookie(self, from_query: bool) -> bytes | None:
        if not from_query or self.policy.token is None:
            return None
        return f"{COOKIE}={self.policy.token}; HttpOnly; SameSite=Strict; Path=/".encode()

    def _limited(self, receive: Receive) -> Receive:
        limit, seen = self.policy.max_body, 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge(limit)
            return message

        return counted


def _secured(send: Send, cookie: bytes | None) -> Send:
    async def with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            extra: list[Any] = list(SECURITY_HEADERS)
            if cookie is not None:
                extra.append((b"set-cookie", cookie))
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return with_headers


async def _refuse(send: Send, status: int, kind: str, message: str) -> None:
    body = json.dumps(payload(status, kind, message)).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
