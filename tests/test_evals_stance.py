"""Stance sets through the check path, with a fake checker in place of Assistant.acheck."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.claims import Document, Evidence, Source
from assistant.cli import eval as eval_command
from assistant.evals.engines import Engines, engines_for
from assistant.evals.records import EvalReport
from assistant.models.base import Model
from tests.evals_support import (
    FIXTURES,
    FakeVerdict,
    data_folder,
    fake_checker,
    oracle_model,
    run_cli,
)

FNC_TRUTH = {
    "Springfield dam is safe": "confirmed",
    "Springfield dam has a crack": "denied",
    "Shark swam down Main Street": "unverified",
    "New phone launched in Tokyo": "not_addressed",
}


def _use_checker(monkeypatch: pytest.MonkeyPatch, checker: Any) -> None:
    def engines(assistant: Assistant) -> Engines:
        return replace(engines_for(assistant), check=checker)

    monkeypatch.setattr(eval_command, "engines_for", engines)


def _run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dataset: str, rule: Any) -> EvalReport:
    _use_checker(monkeypatch, fake_checker(rule))
    out = tmp_path / "run.json"
    data = data_folder(dataset, tmp_path)
    argv = [dataset, "--data", str(data), "--model", "fake", "--json", str(out)]
    assert run_cli(monkeypatch, oracle_model(), argv, tmp_path / "cache") == 0
    return EvalReport.model_validate_json(out.read_text(encoding="utf-8"))


def test_fnc1_perfect_checker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    report = _run(monkeypatch, tmp_path, "fnc1", lambda claim, doc: FNC_TRUTH[claim])
    assert report.metrics["status.macro_f1"] == 1.0
    assert report.metrics["fnc.score_pct"] == 100.0
    assert [i.predicted for i in report.items] == list(FNC_TRUTH.values())


def test_fnc1_checker_that_never_denies(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def rule(claim: str, document: Document) -> str:
        truth = FNC_TRUTH[claim]
        return "unverified" if truth == "denied" else truth

    report = _run(monkeypatch, tmp_path, "fnc1", rule)
    assert report.metrics["status.recall.denied"] == 0.0
    # related pairs earn 1 + 0.25 + 1, the unrelated one 0.25, of 1 + 1 + 1 + 0.25
    assert report.metrics["fnc.score_pct"] == pytest.approx(100 * 2.5 / 3.25)
    # confirmed 1, denied 0, unverified F1 = 2*(1/2*1)/(1.5), not_addressed 1
    assert report.metrics["status.macro_f1"] == pytest.approx((1 + 0 + 2 / 3 + 1) / 4)
    assert [i.id for i in report.items if not i.correct] == ["fnc1-2"]


def test_emergent_has_three_labels_and_no_fnc_score(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    report = _run(monkeypatch, tmp_path, "emergent", lambda claim, doc: "not_addressed")
    assert report.confusion is not None
    assert report.confusion.rows == ["confirmed", "denied", "unverified"]
    assert report.confusion.columns[-1] == "not_addressed"
    assert report.metrics["status.macro_f1"] == 0.0
    assert "fnc.score_pct" not in report.metrics


def test_verdict_evidence_is_checked_for_grounding(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    async def check(claim: str, document: Document) -> FakeVerdict:
        real = Evidence(document_id=document.id, quote=document.text[:5], start=0, end=5)
        wrong = Evidence(document_id=document.id, quote="zzzzz", start=0, end=5)
        source = Source(
            name="s", kind="outlet", stance="asserts", on_record=True, evidence=[real, wrong]
        )
        return FakeVerdict("confirmed", "r", [source])

    _use_checker(monkeypatch, check)
    out = tmp_path / "run.json"
    argv = ["emergent", "--data", str(FIXTURES / "emergent"), "--model", "x", "--json", str(out)]
    assert run_cli(monkeypatch, oracle_model(), argv, tmp_path / "cache") == 0
    report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    assert report.metrics["grounding.rate"] == 0.5


def test_sample_is_seeded_and_limit_cuts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _use_checker(monkeypatch, fake_checker(lambda claim, doc: FNC_TRUTH[claim]))
    ids = []
    data = str(data_folder("fnc1", tmp_path))
    for name in ("a", "b"):
        out = tmp_path / f"{name}.json"
        argv = ["fnc1", "--data", data, "--sample", "2", "--seed", "7"]
        assert run_cli(monkeypatch, oracle_model(), [*argv, "--json", str(out)]) == 0
        report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
        ids.append([i.id for i in report.items])
        assert report.meta.items_available == 4 and report.meta.items_run == 2
    assert ids[0] == ids[1]
    out = tmp_path / "limit.json"
    argv = ["fnc1", "--data", data, "--limit", "1", "--json", str(out)]
    assert run_cli(monkeypatch, oracle_model(), argv) == 0
    assert len(EvalReport.model_validate_json(out.read_text(encoding="utf-8")).items) == 1


def test_missing_acheck_aborts_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class NoCheck:
        def __init__(self, model: Model) -> None:
            self.engine = Assistant(model).engine

        async def aanalyze(self, document: Document) -> Any:
            raise AssertionError("not used")

    monkeypatch.setattr(eval_command, "Assistant", NoCheck)
    argv = ["emergent", "--data", str(FIXTURES / "emergent"), "--model", "x"]
    code = run_cli(monkeypatch, oracle_model(), argv)
    assert code == 1
    assert "has no Assistant.acheck" in capsys.readouterr().err
