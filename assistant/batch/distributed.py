"""Corpus runs on a Ray cluster: the same per-item pipeline, one Assistant per worker process.

``ray`` is an optional extra (``pip install 'claimdesk[ray]'``); it is imported only here.
:func:`analyze_dataset` maps a ``ray.data.Dataset`` of corpus rows (id, text, title, outlet,
date) to rows ``{"id", "line"}``, ``line`` being exactly the OUT.jsonl line a local run writes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any

from assistant._assistant import Assistant
from assistant.batch import records
from assistant.batch.pipeline import analyze_item
from assistant.claims import Document
from assistant.errors import ConfigurationError

OnLine = Callable[[records.Record], None]


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigurationError(
            "--ray needs Ray: pip install 'claimdesk[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


@cache
def _worker_assistant(model: str, base_url: str | None) -> Assistant:
    return Assistant(model, base_url=base_url, concurrency=1)


def _analyze_row(model: str, base_url: str | None, row: dict[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in row.items() if v is not None}
    document = Document.model_validate(fields)
    record = analyze_item(_worker_assistant(model, base_url), document)
    return {"id": document.id, "line": records.line(record)}


def analyze_dataset(dataset: Any, model: str = "offline", *, base_url: str | None = None) -> Any:
    """A ``ray.data.Dataset`` of corpus rows, each analysed on the cluster: a Dataset of rows
    ``{"id", "line"}``, ``line`` the OUT.jsonl line (lazy, like every Ray Data transform)."""
    return dataset.map(partial(_analyze_row, model, base_url))


def _quiet(ray: Any) -> None:
    """Ray Data's own progress lines would bury the run's progress bar and summary."""
    ray.data.DataContext.get_current().enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def rows(documents: Sequence[Document]) -> list[dict[str, Any]]:
    return [d.model_dump(mode="json") for d in documents]


def run_on_ray(
    address: str | None,
    model: str,
    base_url: str | None,
    pending: Sequence[Document],
    output: Path,
    on_record: OnLine | None = None,
) -> None:
    """Run the pending items on the cluster at ``address`` (None: a local Ray instance),
    appending each line to ``output`` as it comes back."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    _quiet(ray)
    dataset = analyze_dataset(ray.data.from_items(rows(pending)), model, base_url=base_url)
    with records.open_output(output) as out:
        for row in dataset.iter_rows():
            out.write(row["line"])
            out.flush()
            if on_record is not None:
                on_record(json.loads(row["line"]))
