"""Seconds and peak memory for oversized input: refused at the limit, and a 20 MB article read.

Each run is a fresh process, so its peak RSS is its own:

- ``refuse``: ``claimdesk analyze`` on a 50 MB file at the default limit (CLAIMDESK_MAX_INPUT_BYTES,
  2 MB): it must stop at once, before reading the file;
- ``refuse-stdin``: the same 50 MB piped on standard input;
- ``offline``: a 20 MB article analysed by the offline engine, the limit raised to 25 MB;
- ``pipeline``: the same article through the LLM pipeline (chunking, prompts, grounding) with
  a scripted model that answers no claims, so only claimdesk's own cost is measured;
- ``one-line``: 1.9 MB with no line break and no full stop (a page pasted badly), offline.

    python bench/input_limits.py [--size 20M] [--timeout 600] [--runs refuse,offline,one-line]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offline_long_article import article, paragraphs, parse_size

ROOT = Path(__file__).resolve().parents[1]
PEAK = "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024"
REFUSE = f"""
import resource, sys, time
from assistant.cli.main import main
started = time.perf_counter()
code = main(["analyze", "-q", sys.argv[1]])
print(f"{{time.perf_counter() - started:.2f}} {{{PEAK}:.0f}} exit={{code}}")
"""
REFUSE_STDIN = f"""
import io, resource, sys, time
from assistant.cli.main import main
sys.stdin = io.TextIOWrapper(open(sys.argv[1], "rb"))
started = time.perf_counter()
code = main(["analyze", "-q", "-"])
print(f"{{time.perf_counter() - started:.2f}} {{{PEAK}:.0f}} exit={{code}}")
"""
OFFLINE = f"""
import resource, sys, time
from pathlib import Path
from assistant import Assistant
started = time.perf_counter()
claims = len(Assistant("offline").analyze(Path(sys.argv[1])).claims)
print(f"{{time.perf_counter() - started:.2f}} {{{PEAK}:.0f}} claims={{claims}}")
"""
PIPELINE = f"""
import resource, sys, time
from pathlib import Path
from assistant import Assistant
from assistant.models.function import FunctionModel
model = FunctionModel(lambda request: {{"claims": []}})
started = time.perf_counter()
Assistant(model).analyze(Path(sys.argv[1]))
print(f"{{time.perf_counter() - started:.2f}} {{{PEAK}:.0f}} requests={{len(model.requests)}}")
"""
RUNS = {
    "refuse": (REFUSE, 50_000_000, None),
    "refuse-stdin": (REFUSE_STDIN, 50_000_000, None),
    "offline": (OFFLINE, None, 25_000_000),
    "pipeline": (PIPELINE, None, 25_000_000),
    "one-line": (OFFLINE, None, None),
}
ONE_LINE = "The minister said the bridge opened on Monday, officials said "


def run(name: str, path: Path, limit: int | None, timeout: float) -> str:
    script = RUNS[name][0]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env["CLAIMDESK_HOME"] = str(path.parent / "home")
    if limit is not None:
        env["CLAIMDESK_MAX_INPUT_BYTES"] = str(limit)
    command = [sys.executable, "-c", script, str(path)]
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:.0f} s"
    lines = done.stdout.strip().splitlines()
    if not lines:
        return f"failed: {done.stderr.strip().splitlines()[-1:]}"
    seconds, peak, result = lines[-1].split()
    return f"seconds {seconds}  peak MB {peak}  {result}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="20M", help="the article read with the limit raised")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--runs", default=",".join(RUNS))
    args = parser.parse_args()
    bodies = paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.runs.split(","):
            _, size, limit = RUNS[name]
            size = size or parse_size(args.size)
            path = Path(tmp) / f"{name}.txt"
            text = ONE_LINE * 30_000 if name == "one-line" else article(size, bodies)
            path.write_text(text, encoding="utf-8")
            megabytes = path.stat().st_size / 1_000_000
            print(f"{name:>12} ({megabytes:.1f} MB): {run(name, path, limit, args.timeout)}")
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
