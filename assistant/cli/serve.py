"""``claimdesk serve``: the web desk on this machine (loopback unless told otherwise)."""

from __future__ import annotations

import argparse
import sys
import webbrowser
from typing import Any

from assistant.cli.helptext import add_command
from assistant.cli.options import add_model_options, assistant_from
from assistant.errors import ConfigurationError, InputError

WEB_EXTRA = "pip install 'claimdesk[web]'"
EXAMPLES = [
    ("claimdesk serve --open", "the desk on 127.0.0.1:8765, opened in your browser"),
    ("claimdesk serve --model openai:gpt-4o-mini --port 9000", "another engine and port"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "serve",
        EXAMPLES,
        help="open the web desk: articles with highlighted evidence, claims, check and chat",
        description="Serve the web desk on this machine. It binds 127.0.0.1 by default; another "
        "--host makes it reachable from other machines and then every request needs the access "
        "token printed at start.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free)")
    add_model_options(parser)
    parser.add_argument("--open", action="store_true", help="open the desk in a web browser")
    parser.add_argument(
        "--max-request-mb",
        type=float,
        default=5.0,
        metavar="MB",
        help="largest request body accepted (default 5 MB)",
    )
    parser.set_defaults(handler=run)


def _web() -> Any:
    try:
        from assistant.web import app, server
    except ImportError as exc:
        raise ConfigurationError(
            f"claimdesk serve needs the web extra ({exc.name} is missing): {WEB_EXTRA}"
        ) from exc
    return app, server


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise InputError(f"--port {args.port}: give a port from 0 to 65535")
    if args.max_request_mb <= 0:
        raise InputError("--max-request-mb must be more than 0")
    app_module, server = _web()
    sock = server.bind(args.host, args.port)
    loopback = server.is_loopback(args.host)
    token = None if loopback else server.new_token()
    app = app_module.create_app(
        assistant_from(args),
        token=token,
        loopback_only=loopback,
        max_body=int(args.max_request_mb * 1_000_000),
    )
    address = server.url(server.local_name(args.host), sock, token)
    _announce(address, None if loopback else server.url(server.public_name(args.host), sock, token))
    if args.open:
        webbrowser.open(address)
    server.serve(app, sock)
    return 0


def _announce(address: str, public: str | None) -> None:
    if public is None:
        print(f"claimdesk desk: {address} (this machine only; Ctrl-C stops it)", file=sys.stderr)
        return
    print(
        f"claimdesk desk: {address}\n"
        f"  from other machines: {public}\n"
        "  every request needs this access token (the links carry it); Ctrl-C stops it",
        file=sys.stderr,
    )
