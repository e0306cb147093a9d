"""Throughput and peak memory of the offline engine's full analyze pipeline on one core.

Analyses every FNC-1 training article body (../shared/data/fnc1/train_bodies.csv) with
``Assistant(model="offline")``; when that data set is absent, the small sample of hand-written
articles in bench/offline_sample/ (repeated) instead. Prints articles per second and peak memory.

    python bench/offline_throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402

FNC_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "train_bodies.csv"
SAMPLE = ROOT / "bench" / "offline_sample"
SAMPLE_REPEAT = 100


def load_articles() -> tuple[str, list[str]]:
    if FNC_BODIES.exists():
        csv.field_size_limit(10_000_000)
        with FNC_BODIES.open(encoding="utf-8", newline="") as handle:
            return str(FNC_BODIES), [row["articleBody"] for row in csv.DictReader(handle)]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    return f"{SAMPLE} (x{SAMPLE_REPEAT})", texts * SAMPLE_REPEAT


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="analyse only the first N articles")
    args = parser.parse_args()
    origin, articles = load_articles()
    if args.limit:
        articles = articles[: args.limit]
    assistant = Assistant(model="offline")
    claims = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in articles:
        if text.strip():
            claims += len(assistant.analyze(text).claims)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"data: {origin}")
    print(f"articles: {len(articles)}  claims: {claims}  seconds: {elapsed:.2f}")
    print(f"articles/s: {len(articles) / elapsed:.1f} (wall clock)")
    print(f"articles per CPU second: {len(articles) / cpu:.1f} (one core; fair on a busy machine)")
    print(f"peak RSS: {peak_rss_mb():.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
