"""Where each data set is read from: ``--data`` (a folder or a file), else its default place.

The gold set ships inside the package (``evals/gold`` installed as ``assistant._gold``), so
``claimdesk eval gold`` works from any directory; the public sets default to ``../shared/data``
beside a source checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from assistant.errors import InputError
from assistant.evals import fnc1

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_FILE = "gold.jsonl"
_REPO_GOLD = REPO_ROOT / "evals" / "gold"


def bundled_gold() -> Path:
    """``evals/gold`` of a source checkout, else the copy installed as ``assistant._gold``."""
    if (_REPO_GOLD / GOLD_FILE).is_file():
        return _REPO_GOLD / GOLD_FILE
    return Path(str(resources.files("assistant._gold"))) / GOLD_FILE


def _default(dataset: str) -> Path:
    if dataset == "gold":
        return bundled_gold()
    if dataset == "chat":
        return REPO_ROOT / "evals" / "chat"
    return REPO_ROOT.parent / "shared" / "data" / dataset


def _gold(path: Path) -> Path:
    if not path.is_dir():
        return path
    if not (path / GOLD_FILE).is_file():
        raise InputError(f"{path}: no {GOLD_FILE} in this folder", path=str(path))
    return path / GOLD_FILE


def _fnc1(path: Path, split: str | None) -> Path:
    """The stances file of the split: the one named, or the split picked in a folder."""
    if not path.is_dir():
        if split is not None:
            raise InputError(f"--split picks the files in a folder; {path} is a file")
        return path
    chosen = split or fnc1.default_split(path)
    bodies, stances = fnc1.split_files(path, chosen)
    missing = [p.name for p in (bodies, stances) if not p.is_file()]
    if missing:
        raise InputError(
            f"{path}: no FNC-1 {chosen} split here (missing {', '.join(missing)})", path=str(path)
        )
    return stances


def data_path(dataset: str, given: str | None, split: str | None = None) -> Path:
    """The file or folder to read ``dataset`` from."""
    if split is not None and dataset != "fnc1":
        raise InputError(f"--split applies to fnc1 only, not to {dataset}")
    path = Path(given) if given is not None else _default(dataset)
    if not path.exists():
        raise InputError(f"no {dataset} data at {path}: pass --data PATH", path=str(path))
    if dataset == "gold":
        return _gold(path)
    if dataset == "fnc1":
        return _fnc1(path, split)
    return path
