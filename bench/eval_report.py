"""What the eval outputs cost on an FNC-1-sized run: saving it among the runs, the HTML report
and the --json dump, for N synthetic stance pairs over 1,683 bodies (FNC-1 train's shape).

Prints items, seconds and sizes. The real gold set (394 items) takes milliseconds.

    python bench/eval_report.py [N]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from assistant.evals import saved_runs
from assistant.evals.records import EvalMeta, EvalReport, ItemResult, ReportDocument
from assistant.evals.report_html import html_report

BODIES = 1683
BODY = "Officials said on Tuesday that the dam is safe, a spokesperson told reporters. " * 30


def _item(n: int) -> ItemResult:
    wrong = n % 3 == 0
    return ItemResult(
        id=f"fnc1-{n}",
        kind="pair",
        group=f"body-{n % BODIES}",
        correct=not wrong,
        expected="confirmed",
        predicted="denied" if wrong else "confirmed",
        subject=f"Headline number {n} about the dam",
        excerpt=BODY[:320],
        evidence=["the dam is safe"],
        detail="a reason",
        error="wrong status" if wrong else "",
        spans=[(30, 45)],
    )


def synthetic(pairs: int) -> EvalReport:
    meta = EvalMeta(
        dataset="fnc1",
        data_path="synthetic",
        engine="offline",
        model="rules",
        prompt_version="bench",
        date="2026-11-30T00:00:00+00:00",
        claimdesk_version="bench",
        items_available=pairs,
        items_run=pairs,
    )
    documents = {f"body-{n}": ReportDocument(title=f"body-{n}", text=BODY) for n in range(BODIES)}
    return EvalReport(
        meta=meta,
        metrics={"status.macro_f1": 0.5, "latency.p50_s": 0.01, "latency.p95_s": 0.02},
        items=[_item(n) for n in range(pairs)],
        documents=documents,
        latencies_s=[0.01 + (n % 7) / 1000 for n in range(pairs)],
    )


def _timed(label: str, action: object) -> object:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label:<22} {time.perf_counter() - started:6.2f} s")
    return result


def main() -> None:
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 49_972
    report = synthetic(pairs)
    print(f"items {pairs:,}, bodies {BODIES:,}")
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLAIMDESK_HOME"] = home
        _timed("save among the runs", lambda: saved_runs.save(report))
        saved = saved_runs.runs_dir() / "0001.json.gz"
        print(f"{'saved run size':<22} {saved.stat().st_size / 1e6:6.2f} MB")
    page = str(_timed("HTML report", lambda: html_report(report)))
    print(f"{'HTML size':<22} {len(page.encode()) / 1e6:6.2f} MB")
    dump = str(_timed("--json dump", report.model_dump_json))
    print(f"{'JSON size':<22} {len(dump.encode()) / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
