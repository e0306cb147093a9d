"""``claimdesk eval runs``: the saved eval runs with their headline numbers, newest last, so a
``--compare`` target can be picked by id; ``--add REPORT.json`` files a report written elsewhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli.options import write_output
from assistant.evals import formatting as fmt
from assistant.evals.compare import load_report
from assistant.evals.saved_runs import SavedRun, list_runs, runs_dir, save

COLUMNS = (
    ("status.macro_f1", "macro-F1"),
    ("status.recall.denied", "denied recall"),
    ("grounding.rate", "grounding"),
    ("claims.recall", "claims found"),
)


def _number(run: SavedRun, metric: str) -> str:
    if metric not in run.headline:
        return "-"
    return fmt.value(metric, run.headline[metric])


def _row(run: SavedRun) -> str:
    meta = run.meta
    cells = [
        f"{run.id:>4}",
        f"{meta.date:<25}",
        f"{meta.dataset:<8}",
        f"{meta.model[:24]:<24}",
        f"{meta.items_run:>6}/{meta.items_available:<6}",
        f"{run.gate:<7}",
        *(f"{_number(run, m):>{len(title)}}" for m, title in COLUMNS),
    ]
    return "  ".join(cells)


def listing(runs: list[SavedRun]) -> str:
    header = "  ".join(
        [
            f"{'id':>4}",
            f"{'date (UTC)':<25}",
            f"{'set':<8}",
            f"{'model':<24}",
            f"{'items':<13}",
            f"{'gate':<7}",
            *(title for _, title in COLUMNS),
        ]
    )
    return "\n".join([header, *(_row(r) for r in runs)])


def _add(path: Path) -> int:
    saved = save(load_report(path))
    write_output(f"added {path} as run {saved.meta.run_id}", None)
    return 0


def run(args: argparse.Namespace) -> int:
    if args.add:
        return _add(Path(args.add))
    runs = list_runs()
    if not runs:
        write_output(f"no saved eval runs yet in {runs_dir()}", None)
        return 0
    write_output(listing(runs), None)
    return 0
