"""The saved eval run is written piece by piece, with the same text as the report's JSON dump,
and the evaluation's report is not held by asyncio.run's main task (whose repr Python 3.11
builds on the way out)."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import pytest

from assistant.cli import eval as eval_command
from assistant.evals import report_json, saved_runs
from assistant.evals.records import (
    Confusion,
    EvalMeta,
    EvalReport,
    Failure,
    GateResult,
    ItemResult,
    LabelScore,
    ReportDocument,
)

META = EvalMeta(
    dataset="fnc1",
    data_path="/data/fnc1",
    engine="offline",
    model="rules",
    prompt_version="abc",
    date="2026-11-30T08:00:00+00:00",
    claimdesk_version="0.1.0",
    items_available=3,
    items_run=3,
)


def item(number: int) -> ItemResult:
    return ItemResult(
        id=f"p{number}",
        kind="pair",
        group=f"body {number % 3}",
        correct=number % 2 == 0,
        expected="denied",
        predicted="unverified",
        subject='The FO said "no" \u2014 \u00e9t\u00e9 \U0001f600 \\ end',
        evidence=["quote \u201cone\u201d", "two"],
        spans=[(number, number + 5)],
        failure=None if number % 4 else "error",
    )


def full_report(items: int) -> EvalReport:
    return EvalReport(
        meta=META,
        metrics={"status.macro_f1": 0.5, "status.recall.denied": None},
        per_label=[LabelScore(label="denied", precision=0.5, recall=None, f1=0.1, support=3)],
        confusion=Confusion(rows=["a"], columns=["a", "b"], counts=[[1, 2]]),
        failures=[Failure(id="p1", kind="error", message="boom \u00e9")],
        items=[item(n) for n in range(items)],
        documents={
            "body 0": ReportDocument(title="T", text="Text\nwith \u201cquotes\u201d"),
            'a "key" \u00e9\t\u2028/': ReportDocument(text="\x00\x7f"),
        },
        latencies_s=[0.1, 0.25],
        gates=[GateResult(metric="m", name="n", minimum=0.5, value=None, passed=False)],
    )


@pytest.mark.parametrize("items", [0, 1, report_json.ITEMS_PER_PIECE, 1203])
def test_pieces_join_into_the_report_json(items: int) -> None:
    report = full_report(items)
    assert "".join(report_json.json_pieces(report)) == report.model_dump_json()


def test_a_bare_report_too() -> None:
    report = EvalReport(meta=META, metrics={})
    assert "".join(report_json.json_pieces(report)) == report.model_dump_json()


def test_the_saved_run_reads_back_as_the_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    report = saved_runs.save(full_report(1203))
    assert report.meta.run_id == 1
    with gzip.open(saved_runs.runs_dir() / "0001.json.gz", "rt", encoding="utf-8") as saved:
        assert saved.read() == report.model_dump_json()
    assert saved_runs.load_run(1) == report


def test_the_main_task_of_the_evaluation_returns_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """asyncio.run's exit formats its main task (result included) on Python 3.11: the report
    must not be that result."""
    results: list[object] = []
    real_run = asyncio.run

    def watching(main: object, **options: object) -> object:
        async def wrapped() -> object:
            result = await main  # type: ignore[misc]
            results.append(result)
            return result

        return real_run(wrapped(), **options)  # type: ignore[arg-type]

    monkeypatch.setattr(eval_command.asyncio, "run", watching)
    report = full_report(2)

    async def evaluation() -> EvalReport:
        return report

    assert eval_command._run_to_end(evaluation()) is report
    assert results == [None]
