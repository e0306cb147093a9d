"""A progress bar on the terminal while items run; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeRemainingColumn

from assistant.evals.runner import Outcome


class ProgressBar:
    def __init__(self, label: str, enabled: bool | None = None) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.failed = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> ProgressBar:
        if self.enabled:
            columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
            self._progress = Progress(
                "{task.description}", *columns, console=Console(stderr=True), transient=True
            )
            self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def start(self, total: int) -> None:
        if self._progress is not None:
            self._task = self._progress.add_task(self.label, total=total)

    def done(self, outcome: Outcome[Any]) -> None:
        self.advance(failed=outcome.failure is not None)

    def advance(self, *, failed: bool = False) -> None:
        self.failed += failed
        if self._progress is not None and self._task is not None:
            description = f"{self.label} ({self.failed} failed)" if self.failed else self.label
            self._progress.update(self._task, advance=1, description=description)
