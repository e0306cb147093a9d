"""``claimdesk check "CLAIM" FILE...``: is this claim supported by these articles?"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.claims import Analysis, Document, Verdict
from assistant.cli import options
from assistant.cli.helptext import add_command
from assistant.errors import InputError
from assistant.rendering.verdict import verdict_markdown, verdict_table
from assistant.sanitising import visible_model

EXAMPLES = [
    (
        'claimdesk check "China is pressuring Islamabad" examples/pakistan-fo-china-security.txt',
        "confirmed, denied, unverified or not addressed",
    ),
    ('claimdesk check "CLAIM" a.txt b.txt -o verdict.md', "the verdict as Markdown"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "check",
        EXAMPLES,
        help="check one claim against articles: confirmed, denied, unverified or not addressed",
        description="Judge how well the articles support a claim you type: confirmed, denied, "
        "unverified, or not addressed by them, with every source and its verbatim quotes.",
    )
    parser.add_argument("claim", metavar="CLAIM", help="the claim to check, in quotes")
    options.add_document_options(parser)
    parser.add_argument(
        "--analysis",
        metavar="JSON",
        help="an 'analyze --format json' result for these files, to name its matching claims",
    )
    options.add_output_options(parser, ["table", "json", "markdown"])
    parser.set_defaults(handler=run)


def read_analysis(path: str | None) -> Analysis | None:
    if path is None:
        return None
    try:
        return Analysis.model_validate_json(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})", path=path) from exc
    except ValidationError as exc:
        raise InputError(
            f"{path}: not an 'analyze --format json' result ({exc.error_count()} problem(s))",
            path=path,
        ) from exc


def run(args: argparse.Namespace) -> int:
    if not args.claim.strip():
        raise InputError("the claim to check is empty: give it in quotes before the files")
    args.format = options.output_format(args)
    inputs = [*args.files, *([args.analysis] if args.analysis else [])]
    options.check_output(args.output, inputs)
    documents = options.documents_from(args)
    analysis = read_analysis(args.analysis)
    assistant = options.assistant_from(args)
    with options.working(args, "checking the claim", assistant):
        verdict = assistant.check(args.claim, documents, analysis=analysis)
    options.print_warnings(verdict.warnings)
    if args.format == "json":
        text = verdict.model_dump_json(indent=2)  # the exact text
    else:
        text = _shown(visible_model(verdict), [visible_model(d) for d in documents], args)
    options.write_output(text, args.output, inputs=inputs)
    return 0


def _shown(verdict: Verdict, documents: list[Document], args: argparse.Namespace) -> str:
    """The verdict as Markdown or a table, with no terminal controls from the articles."""
    if args.format == "markdown":
        return verdict_markdown(verdict, documents)
    color, width = options.wants_color(args), options.text_width(args)
    return verdict_table(verdict, documents, color=color, width=width)
