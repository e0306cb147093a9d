"""FNC-1 as published: ``train_bodies.csv`` (Body ID, articleBody) and ``train_stances.csv``
(Headline, Body ID, Stance). Each headline/body pair becomes one stance pair."""

from __future__ import annotations

from pathlib import Path

from assistant.claims import VerdictStatus
from assistant.errors import InputError
from assistant.evals.pairs import StancePair, label, read_rows

LABELS: dict[str, VerdictStatus] = {
    "agree": "confirmed",
    "disagree": "denied",
    "discuss": "unverified",
    "unrelated": "not_addressed",
}
BODIES = "train_bodies.csv"
STANCES = "train_stances.csv"


def _bodies(path: Path) -> dict[str, str]:
    return {
        row["Body ID"].strip(): row["articleBody"]
        for row in read_rows(path, ["Body ID", "articleBody"])
    }


def load(folder: Path) -> list[StancePair]:
    bodies = _bodies(folder / BODIES)
    pairs = []
    rows = read_rows(folder / STANCES, ["Headline", "Body ID", "Stance"])
    for number, row in enumerate(rows, start=2):
        where = f"{folder / STANCES}:{number}"
        body_id = row["Body ID"].strip()
        if body_id not in bodies:
            raise InputError(f"{where}: Body ID {body_id} is not in {BODIES}")
        expected = label(row["Stance"], LABELS, where)
        pairs.append(StancePair(f"fnc1-{number - 1}", row["Headline"], bodies[body_id], expected))
    return pairs
