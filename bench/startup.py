"""Start-up of the offline CLI: ``claimdesk analyze <seed> -q`` against ``python -c pass``.

Runs the two in turn N times (after a warm-up that lets Python cache bytecode, as an installed
package has it) and prints the median CPU and wall time of each and their ratio (target: the
analysis within 10x of a bare interpreter, CPU time).

    python bench/startup.py [N]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _process import measure, median

ENTRY = "from assistant.cli.main import entry; entry()"
SEED = Path(__file__).resolve().parents[1] / "examples" / "pakistan-fo-china-security.txt"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["CLAIMDESK_HOME"] = tempfile.mkdtemp()
    script = Path(sys.executable).parent / "claimdesk"  # the installed command, when there is one
    entry = [str(script)] if script.exists() else [sys.executable, "-c", ENTRY]
    analyze = [*entry, "analyze", str(SEED), "-q"]
    bare = [sys.executable, "-c", "pass"]
    measure(analyze, env)  # warm-up: bytecode cached
    timings: dict[str, list[tuple[float, float]]] = {"analyze": [], "bare": []}
    for _ in range(runs):
        for name, command in (("analyze", analyze), ("bare", bare)):
            run = measure(command, env)
            timings[name].append((run.cpu_s, run.wall_s))
    cpu = {n: median([c for c, _ in t]) for n, t in timings.items()}
    wall = {n: median([w for _, w in t]) for n, t in timings.items()}
    ratio = cpu["analyze"] / cpu["bare"]
    print(
        f"claimdesk analyze seed -q: cpu {cpu['analyze'] * 1000:.0f} ms, wall "
        f"{wall['analyze'] * 1000:.0f} ms; python -c pass: cpu {cpu['bare'] * 1000:.0f} ms, wall "
        f"{wall['bare'] * 1000:.0f} ms -> cpu ratio {ratio:.1f} (target <= 10), wall ratio "
        f"{wall['analyze'] / wall['bare']:.1f}"
    )


if __name__ == "__main__":
    main()
