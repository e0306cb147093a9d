"""``batch run``: every pending corpus item through the pipeline, written to OUT.jsonl as done.

Resumable: items whose id is already in OUT are skipped (``retry_errors`` first removes the
failed ones so they run again). Items run ``concurrency`` at a time in one process; each line is
written whole as its item finishes, so stopping the run (Ctrl-C, a kill) loses at most the items
in flight, which the next run does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from assistant._assistant import Assistant
from assistant.batch import records
from assistant.batch.pipeline import aanalyze_item
from assistant.batch.records import Record
from assistant.claims import Document

OnRecord = Callable[[Record], None]


@dataclass(frozen=True)
class Plan:
    """What a run will do: the items still to run and how many are already in OUT."""

    pending: list[Document]
    done: int


def plan(documents: Sequence[Document], output: Path, *, retry_errors: bool = False) -> Plan:
    state = records.progress(output)
    if retry_errors and state.failed:
        records.drop_ids(output, state.failed)
        state.done -= state.failed
    pending = [d for d in documents if d.id not in state.done]
    return Plan(pending, len(documents) - len(pending))


def run_local(
    assistant: Assistant,
    pending: Sequence[Document],
    output: Path,
    concurrency: int,
    on_record: OnRecord | None = None,
) -> None:
    """Run the pending items in this process and append their lines to ``output``."""
    with records.open_output(output) as out:
        asyncio.run(_run(assistant, pending, out, concurrency, on_record))


async def _run(
    assistant: Assistant,
    pending: Sequence[Document],
    out: IO[str],
    concurrency: int,
    on_record: OnRecord | None,
) -> None:
    queue = iter(pending)
    workers = [
        asyncio.create_task(_worker(assistant, queue, out, on_record))
        for _ in range(max(1, min(concurrency, len(pending))))
    ]
    try:
        await asyncio.gather(*workers)
    finally:
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)


async def _worker(
    assistant: Assistant, queue: Iterator[Document], out: IO[str], on_record: OnRecord | None
) -> None:
    for document in queue:
        record = await aanalyze_item(assistant, document)
        records.write(out, record)
        if on_record is not None:
            on_record(record)
