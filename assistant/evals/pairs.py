"""A (claim, document) pair with its expected verdict: the unit of the stance data sets."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.claims import VerdictStatus
from assistant.errors import InputError


@dataclass(frozen=True)
class StancePair:
    id: str
    claim: str
    document: str
    expected: VerdictStatus
    group: str = ""  # the article (or claim) the pair belongs to; the pair itself when empty


def read_rows(path: Path, required: Sequence[str]) -> Iterator[dict[str, str]]:
    """Rows of a CSV file as dicts; a clear error when the file, a column or a row's field is
    missing, the file is not UTF-8, or it has no rows at all."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", path=str(path))
    csv.field_size_limit(10_000_000)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from _checked_rows(csv.DictReader(handle), path, required)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})", path=str(path)) from exc


def _checked_rows(
    reader: csv.DictReader[str], path: Path, required: Sequence[str]
) -> Iterator[dict[str, str]]:
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}", path=str(path))
    rows = 0
    for row in reader:
        empty = [c for c in required if row.get(c) is None]
        if empty:
            where = f"{path}:{reader.line_num}"
            raise InputError(f"{where}: row has no {', '.join(empty)}", path=str(path))
        rows += 1
        yield row
    if rows == 0:
        raise InputError(f"{path}: no rows, so no pairs to evaluate", path=str(path))


def label(value: str, mapping: dict[str, VerdictStatus], where: str) -> VerdictStatus:
    try:
        return mapping[value.strip().lower()]
    except KeyError:
        known = ", ".join(mapping)
        raise InputError(f"{where}: unknown stance {value!r} (expected {known})") from None
