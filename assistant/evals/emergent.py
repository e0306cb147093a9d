"""Emergent as published (``emergent_dev.csv``): claimHeadline vs articleHeadline with
articleHeadlineStance in for / against / observing."""

from __future__ import annotations

from pathlib import Path

from assistant.claims import VerdictStatus
from assistant.evals.pairs import StancePair, label, read_rows

LABELS: dict[str, VerdictStatus] = {
    "for": "confirmed",
    "against": "denied",
    "observing": "unverified",
}
FILE = "emergent_dev.csv"
COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance")


def load(folder: Path) -> list[StancePair]:
    path = folder / FILE if folder.is_dir() else folder
    pairs = []
    for number, row in enumerate(read_rows(path, COLUMNS), start=2):
        expected = label(row["articleHeadlineStance"], LABELS, f"{path}:{number}")
        item_id = f"emergent-{row.get('id') or number - 1}"
        group = f"claim-{row['claimId']}" if row.get("claimId") else ""
        claim, headline = row["claimHeadline"], row["articleHeadline"]
        pairs.append(StancePair(item_id, claim, headline, expected, group))
    return pairs
