"""``claimdesk analyze FILE...``: claims, statuses and sourcing for one or more articles."""

from __future__ import annotations

import argparse
from typing import Any

from assistant import rendering
from assistant.claims import STATUSES
from assistant.cli.metadata import metadata_overrides
from assistant.cli.options import (
    add_document_options,
    add_output_options,
    assistant_from,
    load_documents,
    wants_color,
    write_output,
)
from assistant.rendering import multidoc


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "analyze",
        help="list every check-worthy claim with status and sourcing",
        description="List every check-worthy claim in the articles, tagged confirmed, denied or "
        "unverified as the reporting supports it, with sources and verbatim quotes.",
    )
    add_document_options(parser)
    parser.add_argument(
        "--status",
        choices=list(STATUSES),
        help="only claims with this status; 'denied' lists who denied, the verbatim denial and "
        "who asserted the claim",
    )
    add_output_options(parser, ["table", "json", "markdown"])
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    documents = load_documents(args.files, metadata_overrides(args))
    analysis = assistant_from(args).analyze(documents)
    if args.status:
        analysis = analysis.filter(args.status)
    if args.format == "json":
        text = analysis.model_dump_json(indent=2)
    elif args.status == "denied" and args.format == "table":
        text = multidoc.denials(analysis)
    elif args.format == "markdown":
        text = rendering.markdown(analysis)
    else:
        text = rendering.table(analysis, color=wants_color(args))
    write_output(text, args.output)
    return 0
