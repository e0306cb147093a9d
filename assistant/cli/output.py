"""Write a result to a path the user names, never over one of the files the user gave as input."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from assistant.errors import InputError
from assistant.redaction import redact


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one existing file (by any spelling or link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet) or cannot be looked at: not the same file
        return False


def refuse_inputs(path: str | Path, inputs: Iterable[str | Path]) -> None:
    """InputError when ``path`` is (by any spelling or link) one of ``inputs``."""
    for given in inputs:
        if str(given) != "-" and same_file(path, given):
            raise InputError(
                f"{path}: is an input file ({given}); write the output to another path",
                path=str(path),
            )


def check_writable(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Before any work: InputError unless ``path`` could be written (its folder exists, it is no
    folder itself, it is not an input), so a failed write never wastes an analysis or a run."""
    refuse_inputs(path, inputs)
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{path}: is a folder; give a file path for the output", path=str(path))
    folder = target.parent
    if not folder.is_dir():
        raise InputError(
            f"{path}: cannot write output (no folder {folder}; create it first)", path=str(path)
        )


def write_text(text: str, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``text`` (ending in a newline) to ``path``; one-line InputError if it cannot be."""
    refuse_inputs(path, inputs)
    text = redact(text)
    try:
        Path(path).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write output ({exc.strerror})", path=str(path)) from exc
