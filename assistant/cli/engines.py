"""``claimdesk models``: the engines, the models a configured server offers, the default model."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant.cli.helptext import add_command

ENGINE_COLUMN = 16  # where the descriptions start
EXAMPLES = [
    ("claimdesk models", "engines, the default marked with *"),
    ("claimdesk models --server", "what the server at OPENAI_BASE_URL serves"),
    ("claimdesk models default offline", "make the offline engine the default"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "models",
        EXAMPLES,
        help="list engines and models; show or set the default model",
        description="List the engines claimdesk can use, with the default marked *; with "
        "--server, the models the configured OpenAI-compatible server offers at /v1/models.",
    )
    parser.add_argument(
        "--server", action="store_true", help="ask the configured server which models it serves"
    )
    parser.add_argument("--base-url", help="server URL for --server (env OPENAI_BASE_URL)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no spinner on stderr")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    default = add_command(
        actions,
        "default",
        [
            ("claimdesk models default openai:gpt-4o-mini", "use this model unless told otherwise"),
            ("claimdesk models default", "show the default and where it comes from"),
        ],
        help="show the default model, or set it in the configuration file",
        description="Show the model used when neither --model nor CLAIMDESK_MODEL names one, "
        "or store NAME as the default in the configuration file.",
    )
    default.add_argument("name", nargs="?", metavar="NAME", help="'offline' or 'openai:NAME'")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "default":
        return _default(args.name)
    from assistant.cli.terminal import wrap

    text = _served(args.base_url, quiet=args.quiet) if args.server else _engines()
    sys.stdout.write(wrap(text, hang=ENGINE_COLUMN))
    return 0


def _origin_note(origin: str) -> str:
    if origin == "default":
        return "no model configured"
    if origin.startswith("file "):
        return f"set in {origin.removeprefix('file ')}"
    if origin == "OPENAI_API_KEY/OPENAI_BASE_URL":
        return "an API key or server URL is configured"
    return f"set by {origin}"


def _engines() -> str:
    from assistant import config, settings
    from assistant.models._settings import OPENAI_URL

    choice = config.choose()
    server = settings.layered().get("OPENAI_BASE_URL") or OPENAI_URL
    offline = "*" if choice.spec in (config.OFFLINE, config.OFFLINE_ENGINE) else " "
    openai = " " if offline == "*" else "*"
    return "\n".join(
        [
            f"{offline} {'offline':<{ENGINE_COLUMN - 2}}the built-in rule engine: no key, "
            "nothing leaves this machine (also offline:rules)",
            f"{openai} {'openai:NAME':<{ENGINE_COLUMN - 2}}a model of the OpenAI-compatible "
            f"server at {server} (claimdesk models --server lists them)",
            f"{'default:':<{ENGINE_COLUMN}}{choice.spec} ({_origin_note(choice.origin)})",
            "",
        ]
    )


def _served(base_url: str | None, *, quiet: bool) -> str:
    from assistant import config
    from assistant.cli.spinner import Spinner
    from assistant.models.openai import OpenAIModel

    choice = config.choose()
    server = OpenAIModel("(listing models)", base_url=base_url)
    with Spinner(f"asking {server.base_url} for its models", enabled=not quiet):
        names = server.served_models()
    lines = [f"{'*' if f'openai:{n}' == choice.spec else ' '} openai:{n}" for n in names]
    if not names:
        lines = [f"  (the server at {server.base_url} lists no models)"]
    return "\n".join([f"models served at {server.base_url}:", *lines, ""])


def _default(name: str | None) -> int:
    from assistant import config, settings

    if name is None:
        choice = config.choose()
        sys.stdout.write(f"{choice.spec} ({_origin_note(choice.origin)})\n")
        return 0
    config.check_spec(name)
    path = settings.write_value("model", name)
    print(f"default model: {name} (saved in {path})")
    if settings.layered().origin("CLAIMDESK_MODEL") == "environment":
        print("claimdesk: note: CLAIMDESK_MODEL is set and overrides it", file=sys.stderr)
    return 0
