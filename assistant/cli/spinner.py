"""A one-line spinner on standard error while a model works, shown only on a terminal.

``with Spinner("analysing 2 articles"):`` draws ``⠋ analysing 2 articles (3 s)`` and erases it
when the block ends; off a terminal (pipes, files, CI) or when ``enabled`` is false it writes
nothing at all, so redirected output stays clean.
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TextIO

FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
INTERVAL_S = 0.1


class Spinner:
    """Context manager drawing ``message`` with a turning frame and the seconds elapsed."""

    def __init__(self, message: str, *, enabled: bool = True, stream: TextIO | None = None):
        self.stream = sys.stderr if stream is None else stream
        self.message = message
        self.active = enabled and _isatty(self.stream)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Spinner:
        if self.active:
            self._draw(0, 0)  # at once, so even an instant answer shows what was happening
            self._thread = threading.Thread(target=self._spin, name="claimdesk-spinner")
            self._thread.daemon = True
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop turning and erase the line (safe to call twice)."""
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        self._thread = None
        self._write("\r\x1b[2K")

    def _spin(self) -> None:
        started = time.monotonic()
        frame = 1
        while not self._stop.wait(INTERVAL_S):
            self._draw(frame, int(time.monotonic() - started))
            frame += 1

    def _draw(self, frame: int, seconds: int) -> None:
        self._write(f"\r\x1b[2K{FRAMES[frame % len(FRAMES)]} {self.message} ({seconds} s)")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away; nothing to draw on
            self._stop.set()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
