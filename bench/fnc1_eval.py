"""The offline FNC-1 eval over ../shared/data's training pairs, whole command: CPU, wall, peak
memory, and (with ``--against DIR``, an older checkout) the same for that code and the ratio,
checking the two give identical metrics.

    python bench/fnc1_eval.py [--data PATH] [--against DIR] [--limit N]

Targets: <= 0.5x the CPU time of the code before issue 14, identical metrics, peak < 300 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _process import Run, measure

REPO = Path(__file__).resolve().parents[1]
ENTRY = "import sys; sys.path.insert(0, {root!r}); from assistant.cli.main import entry; entry()"
# wall-clock figures differ from run to run; the cost (0 for the offline engine) is printed
# differently by older reports ("$0.0000" against "$0"); the model calls count work, not
# results (fewer since concurrent checks of one document share its reading), printed apart
VARYING = ("latency.", "usage.cost", "usage.model_calls")


def run(root: Path, data: Path, limit: int | None, out: Path) -> Run:
    command = [sys.executable, "-c", ENTRY.format(root=str(root)), "eval", "fnc1"]
    command += ["--data", str(data), "--model", "offline", "--no-cache", "-q"]
    command += ["--limit", str(limit)] if limit else []
    env = {**os.environ, "CLAIMDESK_HOME": tempfile.mkdtemp()}
    return measure(command, env, stdout=out)


def rows(path: Path) -> dict[str, str]:
    """The metric rows of the printed report (``| name | value |``)."""
    cells = [line.split("|")[1:3] for line in path.read_text(encoding="utf-8").splitlines()]
    return {name.strip(): value.strip() for name, value in (r for r in cells if len(r) == 2)}


def metrics(path: Path) -> dict[str, str]:
    """The metric rows, wall-clock ones and work counts left out."""
    return {k: v for k, v in rows(path).items() if "." in k and not k.startswith(VARYING)}


def show(name: str, result: Run) -> None:
    print(
        f"{name}: cpu {result.cpu_s:.1f} s, wall {result.wall_s:.1f} s, "
        f"peak {result.peak_mb:.0f} MB (exit {result.code})"
    )


def main() -> None:
    options = argparse.ArgumentParser()
    options.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "fnc1"))
    options.add_argument("--against", metavar="DIR", help="an older checkout to compare with")
    options.add_argument("--limit", type=int)
    args = options.parse_args()
    folder = Path(tempfile.mkdtemp())
    if not Path(args.data).is_dir():
        sys.exit(f"no FNC-1 data at {args.data}: pass --data PATH")
    now = run(REPO, Path(args.data), args.limit, folder / "now.md")
    show("this checkout", now)
    if now.code != 0:
        sys.exit("the eval failed")
    verdict = "ok" if now.peak_mb < 300 else "HIGH"
    print(f"peak memory {now.peak_mb:.0f} MB (target < 300) {verdict}")
    if args.against:
        before = run(Path(args.against), Path(args.data), args.limit, folder / "before.md")
        show(args.against, before)
        if before.code != 0:
            sys.exit("the eval of the older checkout failed")
        same = metrics(folder / "now.md") == metrics(folder / "before.md")
        calls = [rows(folder / f).get("usage.model_calls") for f in ("now.md", "before.md")]
        print(f"model calls {calls[0]} (before: {calls[1]})")
        ratio = now.cpu_s / before.cpu_s
        print(
            f"cpu ratio {ratio:.2f} (target <= 0.5) {'ok' if ratio <= 0.5 else 'SLOW'}; "
            f"metrics {'identical' if same else 'DIFFERENT'}"
        )


if __name__ == "__main__":
    main()
