"""Entry point: parse arguments, dispatch to one command module, turn errors into exit codes."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence

from assistant import UnreadLanguageWarning, __version__
from assistant.cli import (
    analyze,
    chat,
    check,
    completion,
    configuration,
    engines,
    history,
    keys,
    serve,
)
from assistant.cli import eval as eval_command
from assistant.errors import ClaimdeskError, ConfigurationError, InputError
from assistant.redaction import redact
from assistant.sanitising import had_invalid_bytes, scrub, visible

# Each command module has add_parser(subparsers) and run(args) -> int.
COMMANDS = [
    analyze,
    check,
    eval_command,
    chat,
    history,
    serve,
    engines,
    configuration,
    keys,
    completion,
]

EXIT_INPUT = 2
EXIT_FAILURE = 1


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="claimdesk",
        description="Find check-worthy claims in news articles and tag them confirmed, denied or "
        "unverified as the reporting supports them.",
    )
    root.add_argument("--version", action="version", version=f"claimdesk {__version__}")
    subparsers = root.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return root


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse; an unknown option is reported with the usage of the command it was given to."""
    root = parser()
    args, unknown = root.parse_known_args(argv)
    if unknown:
        command = _command_parser(root, getattr(args, "command", None))
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _command_parser(root: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser:
    for action in root._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            found: argparse.ArgumentParser = action.choices[name]
            return found
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
    args = _parse(argv)

    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser().print_help()
        return EXIT_INPUT
    try:
        return handler(args)
    except ConfigurationError as exc:
        print(f"claimdesk: error: {visible(exc.cli_message)}", file=sys.stderr)
        return EXIT_INPUT
    except InputError as exc:
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
