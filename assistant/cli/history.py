"""``claimdesk history [ID]``: list stored chat sessions, or show one session's questions."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.chat.history import History, SessionRow, StoredSession
from assistant.cli.helptext import add_command
from assistant.cli.options import write_output
from assistant.cli.terminal import width, wrap
from assistant.errors import InputError
from assistant.sanitising import visible

EXAMPLES = [
    ("claimdesk history -n 5", "the five latest sessions"),
    ('claimdesk history --search "Foreign Office"', "sessions that mention it"),
    ("claimdesk history 3 --json", "one session, as JSON"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "history",
        EXAMPLES,
        help="list stored chat sessions, or show one",
        description="List the chat sessions stored in the history database (CLAIMDESK_HOME or "
        "the user data directory), or show one session's questions and answers. Resume the "
        "latest with 'claimdesk chat -c', another with 'claimdesk chat --cid ID'.",
    )
    parser.add_argument("session", nargs="?", type=int, metavar="ID", help="show this session")
    parser.add_argument(
        "-n",
        "--count",
        type=_positive,
        metavar="N",
        help="only the N latest sessions (with ID: its N latest questions)",
    )
    parser.add_argument(
        "--search",
        metavar="TEXT",
        help="only sessions whose questions, answers or documents contain TEXT (case-insensitive)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(handler=run)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


# --- the list ---------------------------------------------------------------------------------


def _started(row: SessionRow) -> str:
    return row.started_at[:16].replace("T", " ")


def _row(row: SessionRow, model_width: int) -> list[str]:
    lines = [f"{row.id:>4}  {_started(row):<16}  {row.model:<{model_width}}  {row.questions:>9}"]
    lines.append(f"      documents: {', '.join(row.titles) or '(none)'}")
    if row.last_question:
        lines.append(f'      last: "{" ".join(row.last_question.split())}"')
    return lines


def _listing(rows: list[SessionRow], history: History) -> str:
    if not rows:
        return f"no chat sessions found in {history.path}\n"
    model_width = max(5, *(len(r.model) for r in rows))
    header = f"{'id':>4}  {'started (UTC)':<16}  {'model':<{model_width}}  {'questions':>9}"
    lines = [header, *(line for row in rows for line in _row(row, model_width))]
    return "\n".join(lines) + "\n"


def _row_json(row: SessionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "started_at": row.started_at,
        "updated_at": row.updated_at,
        "model": row.model,
        "documents": row.titles,
        "questions": row.questions,
        "last_question": row.last_question,
    }


# --- one session ------------------------------------------------------------------------------


def _session(stored: StoredSession) -> str:
    titles = ", ".join(d.title or d.id for d in stored.documents)
    lines = [f"session {stored.id} ({stored.model}): {titles}", ""]
    for turn in stored.turns:
        lines += [f"> {turn.question}", *turn.text.splitlines()]
        lines += [f'  [{c.claim_id or "document"}] "{c.quote}"' for c in turn.citations]
        if turn.warning:
            lines.append(f"Warning: {turn.warning}")
        lines.append("")
    return "\n".join(lines)


def _session_json(stored: StoredSession) -> str:
    return json.dumps(
        {
            "id": stored.id,
            "model": stored.model,
            "documents": [d.model_dump(mode="json") for d in stored.documents],
            "turns": [t.model_dump(mode="json") for t in stored.turns],
            "analysis": stored.analysis.model_dump(mode="json") if stored.analysis else None,
        },
        indent=2,
        ensure_ascii=False,
    )


def _rows(history: History, args: argparse.Namespace) -> list[SessionRow]:
    rows = history.sessions()
    if args.search:
        wanted = history.sessions_mentioning(args.search)
        rows = [r for r in rows if r.id in wanted]
    return rows[-args.count :] if args.count else rows


def _show(history: History, args: argparse.Namespace) -> str:
    if args.session < 1:
        raise InputError("session ids start at 1")
    if args.search:
        raise InputError("--search picks sessions from the list; give it without a session ID")
    stored = history.load(args.session)
    if args.count:
        stored = StoredSession(
            stored.id, stored.model, stored.documents, stored.analysis, stored.turns[-args.count :]
        )
    return _session_json(stored) if args.json else _session(stored)


def run(args: argparse.Namespace) -> int:
    history = History.open_default()
    try:
        if args.session is not None:
            text = _show(history, args)
        else:
            rows = _rows(history, args)
            text = (
                json.dumps([_row_json(r) for r in rows], indent=2, ensure_ascii=False)
                if args.json
                else _listing(rows, history)
            )
        write_output(text if args.json else wrap(visible(text), width()), None)
    finally:
        history.close()
    return 0
