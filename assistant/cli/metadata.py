"""``--date FILE=YYYY-MM-DD`` and ``--outlet FILE=NAME``: per-file metadata on the command line,
overriding the files' front matter."""

from __future__ import annotations

import argparse

from assistant.cli.output import same_file
from assistant.errors import InputError

Overrides = dict[str, dict[str, str]]


def add_metadata_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        action="append",
        default=[],
        metavar="FILE=YYYY-MM-DD",
        help="publication date of one file (repeatable); overrides its front matter",
    )
    parser.add_argument(
        "--outlet",
        action="append",
        default=[],
        metavar="FILE=NAME",
        help="outlet that published one file (repeatable); overrides its front matter",
    )


def _pairs(option: str, values: list[str], files: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        path, sep, field = value.rpartition("=")
        if not sep or not path or not field.strip():
            raise InputError(f"--{option} {value!r}: write it as FILE={option.upper()}")
        pairs[_given(path, files, f"--{option} {value!r}")] = field.strip()
    return pairs


def _given(path: str, files: list[str], where: str) -> str:
    """The file as spelled among ``files``: ``./a.txt`` names the ``a.txt`` given."""
    if path in files:
        return path
    for given in files:
        if given != "-" and path != "-" and same_file(path, given):
            return given
    raise InputError(f"{where}: {path} is not one of the files given")


def metadata_overrides(args: argparse.Namespace) -> Overrides:
    """Per-file fields for load_documents: {path: {"date": ..., "outlet": ...}}."""
    overrides: Overrides = {}
    for option in ("date", "outlet"):
        for path, value in _pairs(option, getattr(args, option), args.files).items():
            overrides.setdefault(path, {})[option] = value
    return overrides
