"""``claimdesk chat FILE...``: ask questions about articles; answers cite claims and quotes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from assistant import Assistant
from assistant.chat.history import History, data_dir
from assistant.chat.session import Session
from assistant.cli.helptext import add_command
from assistant.cli.lines import TerminalReader, piped_reader
from assistant.cli.options import add_model_options, assistant_from, load_documents
from assistant.cli.repl import LEAVE, Chat
from assistant.errors import InputError
from assistant.rendering import chat as chatview

INPUT_HISTORY = "chat_input_history"


EXAMPLES = [
    ("claimdesk chat examples/pakistan-fo-china-security.txt", "ask questions about it"),
    ("claimdesk chat -c", "continue the last session"),
    ("claimdesk chat --cid 3", "continue session 3 (see claimdesk history)"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "chat",
        EXAMPLES,
        help="ask questions about articles; answers cite claims and verbatim quotes",
        description="Analyse the articles once, show a summary, then answer questions such as "
        "'who denied the sale?', 'what did the spokesperson say?', 'is it true that ...?', "
        "'summarize' or 'who said that?' from the claims, citing claim ids and verbatim "
        "quotes. Questions are read one per line when standard input is not a terminal; "
        "output wraps to the terminal (COLUMNS when piped). Type /help inside the chat for "
        "commands.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="article text files")
    add_model_options(parser)
    parser.add_argument(
        "-c",
        "--continue",
        dest="resume",
        action="store_true",
        help="continue the latest stored session (see claimdesk history)",
    )
    parser.add_argument(
        "--cid", type=_number, metavar="ID", help="continue the stored session with this id"
    )
    parser.add_argument(
        "--no-log",
        action="store_true",
        help="store nothing: no session history, analysis cache or input history",
    )
    parser.set_defaults(handler=run)


def _check_arguments(args: argparse.Namespace) -> None:
    if args.resume and args.cid is not None:
        raise InputError("give -c (the latest session) or --cid ID, not both")
    old_form = len(args.files) == 1 and args.files[0].isdigit()  # '--continue 3' as before
    if args.resume and old_form and not Path(args.files[0]).exists():
        args.cid, args.files = int(args.files[0]), []
    args.resume = args.resume or args.cid is not None
    if args.resume and args.files:
        raise InputError("give FILE... to start a session or -c/--cid ID to continue one, not both")
    if args.resume and args.no_log:
        raise InputError("-c/--cid need the stored history that --no-log turns off")
    if not args.resume and not args.files:
        raise InputError("give one or more article files, or -c/--cid ID to continue a session")
    if "-" in args.files:
        raise InputError("chat reads questions from standard input; give documents as files")


def _resume(args: argparse.Namespace, history: History) -> Session:
    session_id = history.last_session_id() if args.cid is None else args.cid
    if session_id is None:
        raise InputError(f"no chat session to resume in {history.path}")
    stored = history.load(session_id)
    assistant = Assistant(args.model or stored.model, base_url=args.base_url)
    analysis = stored.analysis if args.model in (None, stored.model) else None
    return Session(
        assistant,
        stored.documents,
        history=history,
        analysis=analysis,
        turns=stored.turns,
        session_id=stored.id,
    )


def _number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a session number, not {text!r}")
    return int(text)


def _console() -> Console:
    color = sys.stdout.isatty()
    return Console(force_terminal=color, no_color=not color, highlight=False)


def _converse(session: Session, history: History | None, files: Sequence[str] = ()) -> None:
    interactive = sys.stdin.isatty()
    chat = Chat(session, _console(), echo=not interactive, inputs=files)
    with chat.waiting(f"analysing {len(session.documents)} document(s)"):
        analysis = session.analysis
    reads = session.assistant.model.capabilities.reads_prompts
    chat.show(chatview.summary(analysis, reused=session.reused, reads_prompts=reads))
    if session.turns:
        chat.show(f"resumed session {session.session_id}: {len(session.turns)} earlier question(s)")
    if not interactive:
        chat.loop(piped_reader)
        return
    reader = TerminalReader(data_dir() / INPUT_HISTORY if history else None, forget=LEAVE)
    try:
        chat.loop(reader)
    finally:
        reader.save()
    if history and chat.session.session_id is not None:
        print(f"session {chat.session.session_id} saved; resume with: claimdesk chat -c")


def run(args: argparse.Namespace) -> int:
    _check_arguments(args)
    history = None if args.no_log else History.open_default()
    try:
        if args.resume and history:
            session = _resume(args, history)
        else:
            session = Session(assistant_from(args), load_documents(args.files), history=history)
        _converse(session, history, args.files)
    finally:
        if history:
            history.close()
    return 0
