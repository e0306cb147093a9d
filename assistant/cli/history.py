"""``claimdesk history [ID]``: list stored chat sessions, or show one session's questions."""

from __future__ import annotations

import argparse
from typing import Any

from assistant.chat.history import History, SessionRow, StoredSession
from assistant.cli.options import write_output
from assistant.errors import InputError
from assistant.sanitising import visible


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "history",
        help="list stored chat sessions, or show one",
        description="List the chat sessions stored in the history database (CLAIMDESK_HOME or "
        "the user data directory), or show one session's questions and answers. Resume one "
        "with: claimdesk chat --continue ID.",
    )
    parser.add_argument("session", nargs="?", type=int, metavar="ID", help="show this session")
    parser.set_defaults(handler=run)


def _row(row: SessionRow) -> str:
    titles = ", ".join(row.titles) or "(no documents)"
    last = f' last: "{" ".join(row.last_question.split())}"' if row.last_question else ""
    return (
        f"{row.id:>4}  {row.started_at:<25}  {row.model:<22} {row.questions:>3} question(s)  "
        f"{titles}{last}"
    )


def _listing(history: History) -> str:
    rows = history.sessions()
    if not rows:
        return f"no chat sessions yet in {history.path}"
    header = f"{'id':>4}  {'started (UTC)':<25}  {'model':<22} {'questions':<15}  documents"
    return "\n".join([header, *(_row(r) for r in rows)])


def _session(stored: StoredSession) -> str:
    titles = ", ".join(d.title or d.id for d in stored.documents)
    lines = [f"session {stored.id} ({stored.model}): {titles}", ""]
    for turn in stored.turns:
        lines += [f"> {turn.question}", turn.text]
        lines += [f'  [{c.claim_id or "document"}] "{c.quote}"' for c in turn.citations]
        if turn.warning:
            lines.append(f"Warning: {turn.warning}")
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    history = History.open_default()
    try:
        if args.session is None:
            write_output(visible(_listing(history)), None)
        else:
            if args.session < 1:
                raise InputError("session ids start at 1")
            write_output(visible(_session(history.load(args.session))), None)
    finally:
        history.close()
    return 0
