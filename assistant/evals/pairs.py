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


def read_rows(path: Path, required: Sequence[str]) -> Iterator[dict[str, str]]:
    """Rows of a CSV file as dicts; a clear error when the file or a column is missing."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", path=str(path))
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}", path=str(path))
        yield from reader


def label(value: str, mapping: dict[str, VerdictStatus], where: str) -> VerdictStatus:
    try:
        return mapping[value.strip().lower()]
    except KeyError:
        known = ", ".join(mapping)
        raise InputError(f"{where}: unknown stance {value!r} (expected {known})") from None
