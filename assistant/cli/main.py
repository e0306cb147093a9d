"""Entry point: parse arguments, dispatch to one command module, turn errors into exit codes."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Callable, Sequence

from assistant import UnreadLanguageWarning, __version__
from assistant.errors import ClaimdeskError, ConfigurationError, InputError
from assistant.redaction import redact
from assistant.sanitising import had_invalid_bytes, scrub, visible

# Each command is a module assistant/cli/<name>.py with add_parser(subparsers), which sets
# handler=run(args) -> int. Only the module of the command being run is imported, so
# `claimdesk analyze` never loads what chat, eval, serve or batch need; the others are listed
# with the one-line help below. A new command is one module and one line here.
COMMANDS: dict[str, str] = {
    "analyze": "list every check-worthy claim with status and sourcing",
    "check": "check one claim against articles: confirmed, denied, unverified or not addressed",
    "eval": "measure an engine on the gold set or public stance data",
    "chat": "ask questions about articles; answers cite claims and verbatim quotes",
    "history": "list stored chat sessions, or show one",
    "serve": "open the web desk: articles with highlighted evidence, claims, check and chat",
    "batch": "analyse a corpus: locally, on Ray, or through a provider's Batch API",
}

EXIT_INPUT = 2
EXIT_FAILURE = 1


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named on the line: the first argument that is not an option."""
    return next((a for a in argv if not a.startswith("-")), None)


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with ``command``'s own options (its module imported) and the rest listed."""
    root = argparse.ArgumentParser(
        prog="claimdesk",
        description="Find check-worthy claims in news articles and tag them confirmed, denied or "
        "unverified as the reporting supports them.",
    )
    root.add_argument("--version", action="version", version=f"claimdesk {__version__}")
    subparsers = root.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_line in COMMANDS.items():
        if name == command:
            importlib.import_module(f"assistant.cli.{name}").add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=help_line)
    return root


def warn_invalid_bytes(argv: Sequence[str]) -> None:
    """Arguments with bytes that are not UTF-8 are read with U+FFFD in their place: say so."""
    for argument in argv:
        if had_invalid_bytes(argument):
            shown = scrub(argument)
            print(
                f"claimdesk: warning: {shown!r} has bytes that are not UTF-8; "
                "they are read as \ufffd",
                file=sys.stderr,
            )


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    warn_invalid_bytes(argv)
    try:
        with warnings.catch_warnings():  # the commands print these themselves, on one line
            warnings.simplefilter("ignore", UnreadLanguageWarning)
            return _dispatch(argv)
    except Exception as exc:  # a bug: still one line, never a traceback (CLAIMDESK_DEBUG shows it)
        if os.environ.get("CLAIMDESK_DEBUG"):
            raise
        message = " ".join(visible(redact(str(exc))).split())
        print(f"claimdesk: unexpected error ({type(exc).__name__}: {message})", file=sys.stderr)
        return EXIT_FAILURE


def _dispatch(argv: Sequence[str]) -> int:
    args = parser(_command_in(argv)).parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser().print_help()
        return EXIT_INPUT
    try:
        return handler(args)
    except (InputError, ConfigurationError) as exc:
        print(f"claimdesk: error: {visible(str(exc))}", file=sys.stderr)
        return EXIT_INPUT
    except ClaimdeskError as exc:
        print(f"claimdesk: error: {visible(str(exc))}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("claimdesk: interrupted", file=sys.stderr)
        return 130


def entry() -> None:
    sys.exit(main())
