"""The eval command end to end with fake models: outputs, thresholds, failures, cache."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import UnreachableError
from assistant.evals.records import EvalReport
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel
from tests.evals_support import FIXTURES, GOLD_FILE, oracle_model, run_cli

GOLD = ["gold", "--data", str(GOLD_FILE), "--model", "fake"]


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CLAIMDESK_CACHE_DIR", str(cache))
    return cache


def _report(path: Path) -> EvalReport:
    return EvalReport.model_validate_json(path.read_text(encoding="utf-8"))


def test_perfect_answers_score_one_and_name_the_engine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run.json"
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--json", str(out)]) == 0
    report = _report(out)
    assert report.metrics["claims.recall"] == 1.0
    assert report.metrics["status.macro_f1"] == 1.0
    assert report.metrics["grounding.rate"] == 1.0
    assert report.metrics["usage.model_calls"] == 2
    assert (report.meta.engine, report.meta.model) == ("function", "oracle")
    assert len(report.meta.prompt_version) == 12
    stdout = capsys.readouterr().out
    assert "engine function · model oracle · prompt version" in stdout
    assert "| status.macro_f1 | 1.000 |" in stdout


def test_threshold_failure_exits_1_and_names_the_gate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    model = oracle_model({"port-strike/c2": "unverified"})  # the only denied claim is missed
    argv = [*GOLD, "--min-macro-f1", "0.5", "--min-denied-recall", "0.9"]
    assert run_cli(monkeypatch, model, argv) == 1
    err = capsys.readouterr().err
    assert "threshold failed: denied recall 0.000 < 0.900" in err
    # macro-F1 = (F1 confirmed 1 + denied 0 + unverified 0.8) / 3 = 0.6, above its gate
    assert "macro-F1" not in err


def test_thresholds_met_exit_0(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = [*GOLD, "--min-macro-f1", "0.99", "--min-denied-recall", "0.99"]
    assert run_cli(monkeypatch, oracle_model(), argv) == 0


def test_claim_recall_gate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    model = oracle_model(drop=frozenset({"port-strike/c3", "bridge-closure/c3"}))  # 4 of 6
    assert run_cli(monkeypatch, model, [*GOLD, "--min-claim-recall", "0.7"]) == 1
    assert "threshold failed: claim recall 0.667 < 0.700" in capsys.readouterr().err
    assert run_cli(monkeypatch, model, [*GOLD, "--min-claim-recall", "0.66"]) == 0
    gate = ["polnear", "--data", str(FIXTURES / "polnear"), "--min-claim-recall", "0.5"]
    assert run_cli(monkeypatch, oracle_model(), gate) == 2
    assert "--min-claim-recall applies to gold, not polnear" in capsys.readouterr().err


def test_unreachable_model_fails_fast(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(request: ModelRequest) -> str:
        raise UnreachableError("cannot reach http://127.0.0.1:9/v1 (connection refused)")

    model = FunctionModel(refuse)
    assert run_cli(monkeypatch, model, [*GOLD, "--concurrency", "1"]) == 1
    assert len(model.requests) == 1  # the second article was never sent
    err = capsys.readouterr().err
    assert "eval stopped at port-strike: cannot reach http://127.0.0.1:9/v1" in err
    assert "Traceback" not in err


def test_invalid_output_counts_as_wrong_and_is_listed_as_parse_failure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    oracle = oracle_model()

    def answer(request: ModelRequest) -> Any:
        if request.inputs["document_id"] == "bridge-closure":
            return "this is not JSON"
        return oracle.complete(request)

    out = tmp_path / "run.json"
    assert run_cli(monkeypatch, FunctionModel(answer), [*GOLD, "--json", str(out)]) == 0
    report = _report(out)
    assert report.metrics["usage.parse_failures"] == 1
    assert [f.id for f in report.failures] == ["bridge-closure"]
    bridge = [i for i in report.items if i.group == "bridge-closure"]
    assert bridge and all(not i.correct and i.predicted == "failed" for i in bridge)
    assert report.metrics["claims.recall"] == pytest.approx(3 / 6)
    assert "## Failed runs (1)" in capsys.readouterr().out


def test_second_run_is_answered_from_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first, second = oracle_model(), oracle_model()
    assert run_cli(monkeypatch, first, [*GOLD, "--json", str(tmp_path / "a.json")]) == 0
    assert run_cli(monkeypatch, second, [*GOLD, "--json", str(tmp_path / "b.json")]) == 0
    assert len(first.requests) == 2
    assert second.requests == []
    again = _report(tmp_path / "b.json")
    assert again.metrics["usage.model_calls"] == 0
    assert again.metrics["usage.cache_hits"] == 2
    assert again.metrics["status.macro_f1"] == 1.0


def test_no_cache_asks_the_model_again(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli(monkeypatch, oracle_model(), GOLD) == 0
    model = oracle_model()
    assert run_cli(monkeypatch, model, [*GOLD, "--no-cache"]) == 0
    assert len(model.requests) == 2


def test_html_report_escapes_article_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--report", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert html.count("<script>") == 1  # only the report's own filter script
    assert 'data-filter="errors"' in html
    assert "model oracle" in html and "prompt version" in html


def test_junit_has_one_testcase_per_item_and_fails_wrong_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    xml = tmp_path / "junit.xml"
    model = oracle_model({"port-strike/c2": "confirmed"})
    assert run_cli(monkeypatch, model, [*GOLD, "--junit", str(xml)]) == 0
    suite = ET.parse(xml).getroot()
    cases = suite.findall("testcase")
    assert suite.tag == "testsuite" and suite.get("tests") == str(len(cases)) == "7"
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == ["port-strike/c2"]
    assert suite.get("failures") == "1"
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["model"] == "oracle"


def test_compare_lists_deltas_and_flips(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before.json"
    model = oracle_model({"port-strike/c2": "confirmed"})
    assert run_cli(monkeypatch, model, [*GOLD, "--json", str(before)]) == 0
    capsys.readouterr()
    model = oracle_model({"bridge-closure/c2": "denied"})
    argv = [*GOLD, "--no-cache", "--compare", str(before)]  # same requests: bypass the cache
    assert run_cli(monkeypatch, model, argv) == 0
    out = capsys.readouterr().out
    assert "Right -> wrong (1):\n- bridge-closure/c2 (bridge-closure): " in out
    assert "— unverified -> denied (gold unverified)" in out
    assert "Wrong -> right (1):\n- port-strike/c2 (port-strike): " in out
    assert "| status.recall.denied | 0.000 | 1.000 | +1.000 ▲ better |" in out


def test_bad_inputs_give_one_line_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = ["gold", "--data", str(tmp_path / "nope.jsonl"), "--model", "fake"]
    assert run_cli(monkeypatch, oracle_model(), missing) == 2
    assert "no gold data at" in capsys.readouterr().err
    garbage = tmp_path / "old.json"
    garbage.write_text("{}", encoding="utf-8")
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--compare", str(garbage)]) == 2
    assert "not an eval report" in capsys.readouterr().err
    gate = ["polnear", "--data", str(FIXTURES / "polnear"), "--min-macro-f1", "0.5"]
    assert run_cli(monkeypatch, oracle_model(), gate) == 2
    assert "do not apply to polnear" in capsys.readouterr().err
