"""Corpus runs: many documents through the same pipeline, locally, on Ray or via a Batch API.

- :func:`read_corpus`: a JSONL corpus (id, text, title, outlet, date) or a folder;
- :func:`run_corpus`: analyse it into OUT.jsonl, resumable (ids already there are skipped);
- :func:`analyze_dataset`: the same over a ``ray.data.Dataset`` (``claimdesk[ray]``);
- :mod:`assistant.batch.requests` / :mod:`assistant.batch.results`: Batch API export and
  collection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant._assistant import Assistant
from assistant.batch.corpus import read_corpus
from assistant.batch.records import Record, read_records
from assistant.batch.running import OnRecord, plan, run_local


def run_corpus(
    corpus: str | Path,
    output: str | Path,
    assistant: Assistant | None = None,
    *,
    retry_errors: bool = False,
    on_record: OnRecord | None = None,
) -> int:
    """Analyse every item of ``corpus`` not yet in ``output``; returns how many ran."""
    assistant = assistant or Assistant()
    out = Path(output)
    work = plan(read_corpus(corpus), out, retry_errors=retry_errors)
    run_local(assistant, work.pending, out, assistant.concurrency, on_record)
    return len(work.pending)


def analyze_dataset(dataset: Any, model: str = "offline", *, base_url: str | None = None) -> Any:
    """Each row of a ``ray.data.Dataset`` of corpus rows analysed on the cluster (see
    :func:`assistant.batch.distributed.analyze_dataset`)."""
    from assistant.batch.distributed import analyze_dataset as on_ray

    return on_ray(dataset, model, base_url=base_url)


__all__ = ["Record", "analyze_dataset", "read_corpus", "read_records", "run_corpus"]
