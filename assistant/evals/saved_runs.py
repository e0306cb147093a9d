"""Every eval run saved in the user's data directory, so a later run can be compared with it
by id (``claimdesk eval runs`` lists them).

Under ``CLAIMDESK_HOME`` (or the user data directory): ``eval-runs/NNNN.json.gz``, the whole
report, and ``eval-runs/NNNN.summary.json``, its meta and headline numbers for the listing.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from assistant.chat.history import data_dir
from assistant.errors import ConfigurationError, InputError
from assistant.evals import formatting as fmt
from assistant.evals.records import EvalMeta, EvalReport
from assistant.evals.report_json import write_json
from assistant.private_files import private_file, private_folder

FOLDER = "eval-runs"


@dataclass(frozen=True)
class SavedRun:
    id: int
    meta: EvalMeta
    headline: dict[str, float | None]
    gate: str


def runs_dir() -> Path:
    return data_dir() / FOLDER


def _claim_id(folder: Path) -> tuple[int, Path]:
    """The next free id, taken by creating its report file exclusively."""
    taken = [int(p.name[:4]) for p in folder.glob("[0-9][0-9][0-9][0-9].json.gz")]
    number = max(taken, default=0) + 1
    while True:
        path = folder / f"{number:04d}.json.gz"
        try:
            path.open("xb").close()
            return number, path
        except FileExistsError:
            number += 1


def _summary(run_id: int, report: EvalReport) -> dict[str, object]:
    return {
        "id": run_id,
        "meta": report.meta.model_dump(),
        "headline": {k: report.metrics.get(k) for k in fmt.HEADLINE if k in report.metrics},
        "gate": fmt.gate_verdict(report.gates),
    }


def save(report: EvalReport) -> EvalReport:
    """Store the report under the next run id; returns it with ``meta.run_id`` set."""
    folder = runs_dir()
    try:
        private_folder(folder)
        run_id, path = _claim_id(folder)
        report = report.model_copy(
            update={"meta": report.meta.model_copy(update={"run_id": run_id})}
        )
        with gzip.open(private_file(path), "wt", encoding="utf-8", compresslevel=5) as out:
            write_json(report, out)
        summary = json.dumps(_summary(run_id, report), ensure_ascii=False)
        summary_path = private_file(folder / f"{run_id:04d}.summary.json")
        summary_path.write_text(summary, encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(
            f"cannot save the eval run in {folder}: {exc.strerror} (--no-log saves nothing)",
            setting="CLAIMDESK_HOME",
        ) from exc
    return report


def _saved(path: Path) -> SavedRun | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        meta = EvalMeta.model_validate(data["meta"])
        return SavedRun(int(data["id"]), meta, dict(data["headline"]), str(data["gate"]))
    except (OSError, ValueError, KeyError, TypeError, ValidationError):
        return None  # a run being written, or a file from elsewhere: not listed


def list_runs(dataset: str | None = None) -> list[SavedRun]:
    """Saved runs, oldest first, of one data set or all."""
    runs = [_saved(p) for p in sorted(runs_dir().glob("[0-9][0-9][0-9][0-9].summary.json"))]
    return [r for r in runs if r is not None and dataset in (None, r.meta.dataset)]


def last_run(dataset: str) -> SavedRun:
    runs = list_runs(dataset)
    if not runs:
        raise InputError(f"no saved {dataset} run in {runs_dir()} to compare with")
    return runs[-1]


def load_run(run_id: int) -> EvalReport:
    path = runs_dir() / f"{run_id:04d}.json.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            return EvalReport.model_validate_json(stream.read())
    except FileNotFoundError:
        raise InputError(
            f"no saved eval run {run_id} in {runs_dir()} (list them: claimdesk eval runs)"
        ) from None
    except (OSError, EOFError, ValidationError, ValueError) as exc:
        raise InputError(f"saved eval run {run_id} cannot be read ({exc})", path=str(path)) from exc
