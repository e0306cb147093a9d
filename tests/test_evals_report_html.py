"""The HTML report's pieces without a browser: evidence marking at offsets, and a report for
each kind of data set (the renderer is generic over suites)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.cli import eval as eval_command
from assistant.cli.main import main
from assistant.evals.compare import compare
from assistant.evals.engines import Engines, engines_for
from assistant.evals.highlight import highlighted
from assistant.evals.records import EvalReport
from assistant.evals.report_html import html_report
from tests.evals_support import FIXTURES, fake_checker, fnc1_folder, oracle_model, run_cli


def test_marks_wrap_the_spans_and_keep_the_text() -> None:
    text = "The FO denied <it>. Police said nothing."
    html = highlighted(text, [(4, 18)], [(0, 6), (20, 26)])
    assert html == (
        '<span class="gold" data-start="0">The </span>'
        '<mark class="ev gold" data-start="4">FO</mark>'
        '<mark class="ev" data-start="6"> denied &lt;it&gt;</mark>. '
        '<span class="gold" data-start="20">Police</span> said nothing.'
    )


def test_spans_outside_the_text_are_ignored() -> None:
    assert highlighted("short", [(3, 99), (-1, 2), (4, 4)]) == "short"


def _report(tmp_path: Path, name: str) -> tuple[EvalReport, str]:
    report = EvalReport.model_validate_json((tmp_path / f"{name}.json").read_text("utf-8"))
    return report, (tmp_path / f"{name}.html").read_text("utf-8")


def test_stance_report_groups_pairs_by_body_and_shows_the_fnc_score(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    checker = fake_checker(lambda claim, doc: "denied")

    def engines(assistant: Assistant) -> Engines:
        return replace(engines_for(assistant), check=checker)

    monkeypatch.setattr(eval_command, "engines_for", engines)
    folder = fnc1_folder(tmp_path, ("test",))
    out = ["--json", str(tmp_path / "fnc.json"), "--report", str(tmp_path / "fnc.html")]
    argv = ["fnc1", "--data", str(folder), "--model", "fake", "--no-log", *out]
    assert run_cli(monkeypatch, oracle_model(), argv, tmp_path / "cache") == 0
    report, html = _report(tmp_path, "fnc")
    assert '<div class="number" data-metric="fnc.score_pct"' in html
    assert html.count('<section class="article" data-group="body-12">') == 1
    assert html.count('<section class="article" data-group="body-40">') == 1
    assert report.documents["body-40"].text.startswith("Residents reported a loud bang")
    assert 'data-filter="wrong status"' in html and 'data-filter="missed"' not in html


def test_attribution_report_has_no_status_charts(tmp_path: Path) -> None:
    out = ["--json", str(tmp_path / "pol.json"), "--report", str(tmp_path / "pol.html")]
    data = ["--data", str(FIXTURES / "polnear")]
    assert main(["eval", "polnear", *data, "--model", "offline", "-q", "--no-log", *out]) == 0
    report, html = _report(tmp_path, "pol")
    assert 'id="chart-confusion"' not in html and 'id="chart-latency"' in html
    assert '<div class="number" data-metric="attribution.f1"' in html
    assert set(report.documents) == {i.group for i in report.items}


def test_an_overrule_count_shows_on_the_headline_card(tmp_path: Path) -> None:
    out = tmp_path / "gold.json"
    assert main(["eval", "gold", "--model", "offline", "-q", "--no-log", "--json", str(out)]) == 0
    report = EvalReport.model_validate_json(out.read_text("utf-8"))
    assert "Overruled by the rubric" not in html_report(report)
    report.metrics["status.overruled"] = 7.0
    card = html_report(report).split('<section class="charts">')[0]
    assert 'data-metric="status.overruled"' in card and "<dd>7</dd>" in card


def test_html_comparison_lists_unchanged_metrics_only_with_all(tmp_path: Path) -> None:
    out = tmp_path / "gold.json"
    assert main(["eval", "gold", "--model", "offline", "-q", "--no-log", "--json", str(out)]) == 0
    report = EvalReport.model_validate_json(out.read_text("utf-8"))
    before = report.model_copy(deep=True)
    before.metrics["status.recall.denied"] = 0.25
    comparison = compare(before, report, "run 1")
    changed = html_report(report, comparison).split('id="comparison"')[1].split("</table>")[0]
    assert changed.count('<tr class="delta') == 1
    assert '<tr class="delta better" data-metric="status.recall.denied">' in changed
    every = html_report(report, comparison, show_all=True).split('id="comparison"')[1]
    assert every.split("</table>")[0].count('<tr class="delta') == len(report.metrics)
