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

# Each command is a module of assistant/cli/ with add_parser(subparsers), which sets
# handler=run(args) -> int. To run a command only its module is imported (`claimdesk analyze`
# never loads what chat, eval, serve or batch need); the others are listed with the one-line help
# below. A new command is one module and one line here: name -> (module, help).
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": ("analyze", "list every check-worthy claim with status and sourcing"),
    "check": (
        "check",
        "check one claim against articles: confirmed, denied, unverified or not addressed",
    ),
    "eval": ("eval", "measure an engine on the gold set or public stance data"),
    "chat": ("chat", "ask questions about articles; answers cite claims and verbatim quotes"),
    "history": ("history", "list stored chat sessions, or show one"),
    "serve": (
        "serve",
        "open the web desk: articles with highlighted evidence, claims, check and chat",
    ),
    "models": ("engines", "list engines and models; show or set the default model"),
    "config": ("configuration", "show the settings and where each comes from; set or unset one"),
    "keys": ("keys", "store, list or remove API keys (kept in a file only you can read)"),
    "completion": ("completion", "print a shell completion script for bash or zsh"),
    "batch": ("batch", "analyse a corpus: locally, on Ray, or through a provider's Batch API"),
}

EXIT_INPUT = 2
EXIT_FAILURE = 1


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with ``only`` (a command's name), that command's options and the other
    commands listed by name and help, their modules not imported."""
    root = argparse.ArgumentParser(
        prog="claimdesk",
        description="Find check-worthy claims in news articles and tag them confirmed, denied or "
        "unverified as the reporting supports them.",
    )
    root.add_argument("--version", action="version", version=f"claimdesk {__version__}")
    subparsers = root.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_line) in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"assistant.cli.{module}").add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=help_line)
    return root


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named on the line (the first argument that is not an option), if known."""
    named = next((a for a in argv if not a.startswith("-")), None)
    return named if named in COMMANDS else None


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse; an unknown option is reported with the usage of the command it was given to."""
    root = parser(_command_in(argv or []))
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
