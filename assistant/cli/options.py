"""Options shared by several commands: model selection, documents, output."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterable, Mapping

from assistant import Assistant
from assistant.claims import Document
from assistant.cli import terminal
from assistant.cli.metadata import add_metadata_options, metadata_overrides
from assistant.cli.output import check_writable, write_text
from assistant.cli.spinner import Spinner
from assistant.documents import (
    parse_document,
    read_limited,
    read_titled_document,
    refuse_repeats,
)
from assistant.errors import InputError
from assistant.redaction import redact
from assistant.sanitising import scrub, visible


def add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", "-m", help="'offline' or 'openai:NAME' (env CLAIMDESK_MODEL)")
    parser.add_argument("--base-url", help="OpenAI-compatible server URL (env OPENAI_BASE_URL)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no notes on stderr")


def add_document_options(parser: argparse.ArgumentParser) -> None:
    """FILE... (``-`` for stdin), the model options and per-file ``--date``/``--outlet``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="article text files; - for stdin")
    add_model_options(parser)
    add_metadata_options(parser)


EXTENSION_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown"}


def add_output_options(parser: argparse.ArgumentParser, formats: list[str]) -> None:
    """``--format`` and ``-o/--output``: the format is ``-f``, else the one ``-o``'s extension
    names (.json, .md), else the first of ``formats``; see :func:`output_format`."""
    parser.add_argument(
        "--format",
        "-f",
        choices=formats,
        help=f"output format (default: from the -o extension, .json or .md; else {formats[0]})",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    parser.set_defaults(formats=formats)


def output_format(args: argparse.Namespace) -> str:
    """``-f`` if given, else the format ``-o``'s extension names, else the command's default."""
    formats: list[str] = args.formats
    if args.format:
        return str(args.format)
    if args.output:
        named = EXTENSION_FORMATS.get(os.path.splitext(args.output)[1].lower())
        if named in formats:
            return named
    return formats[0]


def wants_color(args: argparse.Namespace) -> bool:
    """Colour only when writing to a terminal."""
    return args.output is None and sys.stdout.isatty()


def text_width(args: argparse.Namespace) -> int:
    """Columns for text output: the terminal's, or ``COLUMNS`` (else 80) for pipes and files."""
    return terminal.width(sys.stdout) if args.output is None else terminal.width(io.StringIO())


def assistant_from(args: argparse.Namespace) -> Assistant:
    assistant = Assistant(args.model, base_url=args.base_url)
    if assistant.choice.origin == "default" and not args.quiet:
        print(
            "claimdesk: no model configured; using the offline engine "
            "(rule-based, nothing leaves this machine). Set --model or CLAIMDESK_MODEL.",
            file=sys.stderr,
        )
    return assistant


def working(args: argparse.Namespace, message: str, assistant: Assistant) -> Spinner:
    """A spinner on stderr while the model works: terminal only, silenced by ``-q``."""
    model = f"{assistant.model.engine_name}:{assistant.model.model_name}"
    return Spinner(f"{message} with {model}", enabled=not args.quiet)


def print_warnings(warnings: Iterable[str]) -> None:
    """What the user must know about a result (shown even with -q)."""
    for warning in warnings:
        print(f"claimdesk: warning: {visible(redact(warning))}", file=sys.stderr)


def load_documents(
    paths: list[str], overrides: Mapping[str, Mapping[str, str]] | None = None
) -> list[Document]:
    """Read the files (``-`` is stdin); ``overrides`` maps a path to fields such as its date."""
    if not paths:
        raise InputError("give one or more files, or - for standard input")
    if paths.count("-") > 1:
        raise InputError("- (standard input) can be given only once")
    overrides = overrides or {}
    documents = []
    for path in paths:
        fields = overrides.get(path, {})
        if path == "-":
            raw = read_limited(sys.stdin.buffer, "<stdin>")
            documents.append(parse_document(raw, "<stdin>", **fields))
        else:
            documents.append(read_titled_document(path, **fields))
    refuse_repeats(documents, ["<stdin>" if p == "-" else p for p in paths])
    return documents


def documents_from(args: argparse.Namespace) -> list[Document]:
    """The documents named by ``add_document_options``, with their ``--date``/``--outlet``."""
    documents = load_documents(args.files, metadata_overrides(args))
    if not args.quiet:
        note_extracted(documents, args.files)
    return documents


def note_extracted(documents: Iterable[Document], names: Iterable[str]) -> None:
    """Say which documents are the article text taken from an HTML page."""
    for document, name in zip(documents, names, strict=False):
        if document.extracted_from == "html":
            shown = "<stdin>" if name == "-" else visible(scrub(name))
            print(
                f"claimdesk: {shown}: HTML page reduced to its article text "
                f"({len(document.text):,} characters, by trafilatura); quotes and offsets refer "
                "to that text",
                file=sys.stderr,
            )


def check_output(path: str | None, inputs: Iterable[str]) -> None:
    """Refuse an ``-o`` path that cannot be written before any model is asked anything."""
    if path is not None:
        check_writable(path, inputs)


def write_output(text: str, path: str | None, *, inputs: Iterable[str] = ()) -> None:
    """Print ``text``, or write it to ``path``, which must not be one of the ``inputs``."""
    if path is None:
        text = redact(text)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    write_text(text, path, inputs=inputs)
