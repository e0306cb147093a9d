"""``claimdesk analyze FILE...``: claims, statuses and sourcing for one or more articles."""

from __future__ import annotations

import argparse
from typing import Any

from assistant import rendering
from assistant.claims import STATUSES, Analysis
from assistant.cli import options
from assistant.cli.helptext import add_command
from assistant.cli.terminal import wrap
from assistant.rendering import multidoc
from assistant.sanitising import visible_model

EXAMPLES = [
    ("claimdesk analyze examples/pakistan-fo-china-security.txt", "claims, statuses, sources"),
    ("claimdesk analyze a.txt b.txt --status denied", "who denied what, verbatim"),
    ("claimdesk analyze article.txt -o claims.json", "JSON, from the extension"),
]


def add_parser(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "analyze",
        EXAMPLES,
        help="list every check-worthy claim with status and sourcing",
        description="List every check-worthy claim in the articles, tagged confirmed, denied or "
        "unverified as the reporting supports it, with sources and verbatim quotes.",
    )
    options.add_document_options(parser)
    parser.add_argument(
        "--status",
        choices=list(STATUSES),
        help="only claims with this status; 'denied' lists who denied, the verbatim denial and "
        "who asserted the claim",
    )
    options.add_output_options(parser, ["table", "json", "markdown"])
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    args.format = options.output_format(args)
    options.check_output(args.output, args.files)
    documents = options.documents_from(args)
    assistant = options.assistant_from(args)
    with options.working(args, f"analysing {_articles(len(documents))}", assistant):
        analysis = assistant.analyze(documents)
    options.print_warnings(analysis.warnings)
    total = len(analysis.claims)
    if args.status:
        analysis = analysis.filter(args.status)
    if args.format == "json":
        text = analysis.model_dump_json(indent=2)  # the exact text, offsets and all
        options.write_output(text, args.output, inputs=args.files)
        return 0
    analysis = visible_model(analysis)  # no terminal controls from the articles
    if args.status == "denied" and args.format == "table":
        text = wrap(multidoc.denials(analysis), options.text_width(args))
    else:
        text = _rendered(analysis, args)
        if args.status:
            shown = len(analysis.claims)
            gap = "\n\n" if args.format == "markdown" else "\n"
            text = f"{text.rstrip()}{gap}{shown} of {total} claims have status {args.status}\n"
    options.write_output(text, args.output, inputs=args.files)
    return 0


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


def _rendered(analysis: Analysis, args: argparse.Namespace) -> str:
    if args.format == "markdown":
        return rendering.markdown(analysis)
    return rendering.table(
        analysis, color=options.wants_color(args), width=options.text_width(args)
    )
