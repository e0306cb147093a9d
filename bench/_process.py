"""Run a command as a child process and read the kernel's accounting of it: CPU, wall, peak RSS."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    cpu_s: float
    wall_s: float
    peak_mb: float
    code: int


def measure(
    command: Sequence[str], env: Mapping[str, str] | None = None, stdout: Path | None = None
) -> Run:
    """Run ``command`` (its output to ``stdout``, a file, or discarded) and account for it."""
    started = time.perf_counter()
    sink = stdout.open("wb") if stdout else subprocess.DEVNULL
    environment = dict(env or os.environ)
    child = subprocess.Popen(command, env=environment, stdout=sink, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    if stdout:
        sink.close()  # type: ignore[union-attr]
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 and child.stderr is not None:
        print(child.stderr.read().decode(errors="replace"))
    cpu = usage.ru_utime + usage.ru_stime
    return Run(cpu, wall, usage.ru_maxrss / 1024, child.returncode)


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
