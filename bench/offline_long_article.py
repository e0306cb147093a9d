"""Seconds and peak memory of ``claimdesk analyze`` (offline engine) on one long article.

Builds synthetic articles by concatenating distinct real-looking paragraphs (the FNC-1
training bodies in ../shared/data/fnc1/train_bodies.csv when present, else the test fixtures
and bench/offline_sample/) up to each size, then analyses each in a fresh process so the peak
memory is that size's alone.

    python bench/offline_long_article.py [--sizes 100K,400K,1M,5M] [--timeout 300]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FNC_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "train_bodies.csv"
FALLBACK_DIRS = [
    ROOT / "bench" / "offline_sample",
    ROOT / "tests" / "fixtures" / "extraction",
    ROOT / "tests" / "fixtures" / "denials",
]
UNITS = {"K": 1_000, "M": 1_000_000}
CHILD = """
import resource, sys, time
from assistant import Assistant
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
claims = len(Assistant(model="offline").analyze(text).claims)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f} {peak:.0f} {claims}")
"""


def paragraphs() -> list[str]:
    if FNC_BODIES.exists():
        csv.field_size_limit(10_000_000)
        with FNC_BODIES.open(encoding="utf-8", newline="") as handle:
            bodies = [row["articleBody"].strip() for row in csv.DictReader(handle)]
    else:
        files = [p for d in FALLBACK_DIRS for p in sorted(d.glob("*.txt"))]
        bodies = [p.read_text(encoding="utf-8").strip() for p in files]
    return list(dict.fromkeys(b for b in bodies if b))


def article(size: int, bodies: list[str]) -> str:
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        parts.append(bodies[i % len(bodies)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def parse_size(token: str) -> int:
    token = token.strip().upper()
    if token[-1:] in UNITS:
        return int(float(token[:-1]) * UNITS[token[-1]])
    return int(token)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100K,400K,1M,5M")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    bodies = paragraphs()
    print(f"paragraphs: {len(bodies)}")
    with tempfile.TemporaryDirectory() as tmp:
        for token in args.sizes.split(","):
            path = Path(tmp) / f"{token}.txt"
            path.write_text(article(parse_size(token), bodies), encoding="utf-8")
            command = [sys.executable, "-c", CHILD, str(path)]
            try:
                done = subprocess.run(
                    command, cwd=ROOT, capture_output=True, text=True, timeout=args.timeout
                )
            except subprocess.TimeoutExpired:
                print(f"{token:>6}: timed out after {args.timeout:.0f} s")
                continue
            if done.returncode != 0:
                print(f"{token:>6}: failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            seconds, peak, claims = done.stdout.split()
            print(f"{token:>6}: seconds {seconds}  peak MB {peak}  claims {claims}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
