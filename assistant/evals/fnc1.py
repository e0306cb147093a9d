"""FNC-1 as published: ``<split>_bodies.csv`` (Body ID, articleBody) and ``<split>_stances.csv``
(Headline, Body ID, Stance), where the split is ``train`` or ``competition_test``. Each
headline/body pair becomes one stance pair, grouped by its body."""

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
SPLITS = {"train": "train", "test": "competition_test"}
BODIES = "train_bodies.csv"
STANCES = "train_stances.csv"


def split_files(folder: Path, split: str) -> tuple[Path, Path]:
    """(bodies, stances) of ``split`` ("train" or "test") in a folder laid out as published."""
    prefix = SPLITS[split]
    return folder / f"{prefix}_bodies.csv", folder / f"{prefix}_stances.csv"


def default_split(folder: Path) -> str:
    """``train`` when its files are there, else ``test`` when only the competition test split is."""
    for split in SPLITS:
        if all(p.is_file() for p in split_files(folder, split)):
            return split
    return "train"


def bodies_beside(stances: Path) -> Path:
    """The bodies file published beside a stances file (``x_stances.csv`` -> ``x_bodies.csv``)."""
    if not stances.name.endswith("_stances.csv"):
        raise InputError(
            f"{stances}: expected an FNC-1 stances file (*_stances.csv) or a folder",
            path=str(stances),
        )
    return stances.with_name(stances.name.removesuffix("_stances.csv") + "_bodies.csv")


def _bodies(path: Path) -> dict[str, str]:
    return {
        row["Body ID"].strip(): row["articleBody"]
        for row in read_rows(path, ["Body ID", "articleBody"])
    }


def load_files(bodies_path: Path, stances_path: Path) -> list[StancePair]:
    bodies = _bodies(bodies_path)
    pairs = []
    rows = read_rows(stances_path, ["Headline", "Body ID", "Stance"])
    for number, row in enumerate(rows, start=2):
        where = f"{stances_path}:{number}"
        body_id = row["Body ID"].strip()
        if body_id not in bodies:
            raise InputError(f"{where}: Body ID {body_id} is not in {bodies_path.name}")
        expected = label(row["Stance"], LABELS, where)
        pair_id = f"fnc1-{number - 1}"
        body = bodies[body_id]
        pairs.append(StancePair(pair_id, row["Headline"], body, expected, f"body-{body_id}"))
    return pairs


def load(path: Path, split: str | None = None) -> list[StancePair]:
    """Pairs from a folder (the ``split``, by default train if present, else test) or from a
    ``*_stances.csv`` file with its ``*_bodies.csv`` beside it."""
    if path.is_dir():
        return load_files(*split_files(path, split or default_split(path)))
    return load_files(bodies_beside(path), path)
