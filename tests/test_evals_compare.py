"""Comparing runs: changed metrics only (``--all`` for every one), better / worse marked and
coloured, flips with claim text and before -> after, a warning with numbers on the shared
articles when the runs cover different ones; runs saved and picked by id."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.evals.compare import compare, status_numbers
from assistant.evals.records import EvalReport
from assistant.evals.report_md import markdown
from tests.evals_support import GOLD_FILE, oracle_model, run_cli

GOLD = ["gold", "--data", str(GOLD_FILE), "--model", "fake", "--no-cache"]


def _run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, *extra: str, **kw: str
) -> EvalReport:
    out = tmp_path / f"{name}.json"
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--json", str(out), *extra]) == 0
    return EvalReport.model_validate_json(out.read_text(encoding="utf-8"))


@pytest.fixture
def two_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[EvalReport, EvalReport]:
    before_model = oracle_model({"port-strike/c2": "confirmed"})
    after_model = oracle_model({"bridge-closure/c2": "denied"})
    reports = []
    for name, model in (("before", before_model), ("after", after_model)):
        out = tmp_path / f"{name}.json"
        assert run_cli(monkeypatch, model, [*GOLD, "--json", str(out)]) == 0
        reports.append(EvalReport.model_validate_json(out.read_text(encoding="utf-8")))
    return reports[0], reports[1]


def test_only_changed_metrics_by_default(two_runs: tuple[EvalReport, EvalReport]) -> None:
    before, after = two_runs
    comparison = compare(before, after, "run 1")
    text = markdown(after, comparison)
    changed = {d.metric for d in comparison.changed}
    assert "status.recall.denied" in changed and "claims.recall" not in changed
    assert "| claims.recall | 1.000 | 1.000 | = |" not in text
    unchanged = len(comparison.deltas) - len(changed)
    assert f"{unchanged} metrics unchanged (--all shows every one)." in text
    every = markdown(after, comparison, show_all=True)
    assert "| claims.recall | 1.000 | 1.000 | = |" in every


def test_regressions_red_and_gains_green_on_a_terminal(
    two_runs: tuple[EvalReport, EvalReport],
) -> None:
    before, after = two_runs
    comparison = compare(before, after, "run 1")
    plain = markdown(after, comparison)
    assert "\x1b[" not in plain
    assert "| status.recall.denied | 0.000 | 1.000 | +1.000 ▲ better |" in plain
    assert "| status.recall.unverified | 1.000 | 0.500 | −0.500 ▼ worse |" in plain
    coloured = markdown(after, comparison, colour=True)
    assert "\x1b[32m+1.000 ▲ better\x1b[0m" in coloured
    assert "\x1b[31m−0.500 ▼ worse\x1b[0m" in coloured


def test_flips_carry_claim_text_and_before_after(two_runs: tuple[EvalReport, EvalReport]) -> None:
    before, after = two_runs
    comparison = compare(before, after, "run 1")
    [worse] = [f for f in comparison.flips if not f.now_correct]
    assert (worse.id, worse.before, worse.after, worse.expected) == (
        "bridge-closure/c2",
        "unverified",
        "denied",
        "unverified",
    )
    subject = next(i.subject for i in after.items if i.id == worse.id)
    assert f"- bridge-closure/c2 (bridge-closure): {subject} — unverified -> denied" in markdown(
        after, comparison
    )


def test_runs_over_different_articles_warn_and_compare_the_shared_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = _run(monkeypatch, tmp_path, "one", "--limit", "1")
    after = _run(monkeypatch, tmp_path, "two")
    comparison = compare(before, after, "run 1")
    assert comparison.coverage.only_after == ["bridge-closure"]
    assert comparison.coverage.shared == ["port-strike"]
    text = markdown(after, comparison)
    assert (
        "Warning: the runs cover different items: 4 in both, 0 only before, 3 only now "
        "(articles or groups: 1 in both, 0 only before, 1 only now)" in text
    )
    shared = {d.metric: (d.before, d.after) for d in comparison.shared_deltas}
    assert shared["status.macro_f1"] == (1.0, 1.0)
    same = compare(after, after, "itself")
    assert not same.coverage.differs and same.shared_deltas == []


def test_shared_numbers_are_the_report_numbers_on_a_full_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The matched-items recomputation agrees with the scorer on a real offline run."""
    out = tmp_path / "offline.json"
    argv = ["eval", "gold", "--model", "offline", "-q", "--no-log", "--json", str(out)]
    assert main(argv) == 0
    report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    numbers = status_numbers(report, {i.id for i in report.items})
    for metric, value in numbers.items():
        assert value == pytest.approx(report.metrics[metric]), metric


def test_runs_are_saved_listed_and_compared_by_id(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(monkeypatch, oracle_model({"port-strike/c2": "confirmed"}), GOLD) == 0
    assert "saved as run 1 (later: --compare 1)" in capsys.readouterr().err
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--no-log"]) == 0
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--compare", "1"]) == 0
    out = capsys.readouterr().out
    assert "## Compared with run 1: oracle" in out
    assert "Wrong -> right (1):\n- port-strike/c2" in out
    assert main(["eval", "runs"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split()[:3] == ["id", "date", "(UTC)"]
    assert [line.split()[0] for line in listing[1:]] == ["1", "2"]  # --no-log saved nothing
    first = listing[1].split()
    assert first[2:4] == ["gold", "oracle"] and first[5] == "no"  # gate: "no gate"
    # macro-F1 (confirmed F1 6/7, denied 0, unverified 1), denied recall, grounding, found
    assert first[-4:] == ["0.619", "0.000", "1.000", "1.000"]
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--compare", "last", "--no-log"]) == 0
    assert "## Compared with run 2" in capsys.readouterr().out


def test_an_unknown_run_id_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--compare", "7"]) == 2
    assert "no saved eval run 7 in " in capsys.readouterr().err
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--compare", "last"]) == 2
    assert "no saved gold run in " in capsys.readouterr().err
    assert main(["eval", "runs"]) == 0
    assert "no saved eval runs yet in " in capsys.readouterr().out


def test_a_claim_wrong_in_both_runs_with_a_new_answer_is_listed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = tmp_path / "before.json"
    dropped = oracle_model(drop=frozenset({"port-strike/c2"}))
    assert run_cli(monkeypatch, dropped, [*GOLD, "--json", str(before)]) == 0
    after = _run_with(monkeypatch, tmp_path, oracle_model({"port-strike/c2": "unverified"}))
    comparison = compare(EvalReport.model_validate_json(before.read_text("utf-8")), after)
    assert comparison.flips == []
    [change] = comparison.changes
    assert (change.id, change.before, change.after) == (
        "port-strike/c2",
        "no matching claim",
        "unverified",
    )
    assert comparison.by_expected()["denied"] == ([], [], [change])
    text = markdown(after, comparison)
    assert "| denied | 0 | 0 | 1 | - | - |" in text
    assert "Still wrong, new answer (1):\n- port-strike/c2 (port-strike): " in text


def _run_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, model: object) -> EvalReport:
    out = tmp_path / "after.json"
    assert run_cli(monkeypatch, model, [*GOLD, "--json", str(out)]) == 0
    return EvalReport.model_validate_json(out.read_text(encoding="utf-8"))


def test_a_report_from_elsewhere_is_added_to_the_saved_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "ci.json"
    model = oracle_model({"port-strike/c2": "confirmed"})
    assert run_cli(monkeypatch, model, [*GOLD, "--no-log", "--json", str(report)]) == 0
    capsys.readouterr()
    assert main(["eval", "runs", "--add", str(report)]) == 0
    assert capsys.readouterr().out == f"added {report} as run 1\n"
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--compare", "1"]) == 0
    assert "Wrong -> right (1):\n- port-strike/c2" in capsys.readouterr().out
    assert main(["eval", "gold", "--add", str(report)]) == 2
    assert "--add goes with 'runs'" in capsys.readouterr().err


def test_a_run_that_cannot_be_saved_still_reports(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("CLAIMDESK_HOME", str(home))
    out = tmp_path / "run.json"
    assert run_cli(monkeypatch, oracle_model(), [*GOLD, "--json", str(out)]) == 0
    captured = capsys.readouterr()
    assert "claimdesk: warning: cannot save the eval run in " in captured.err
    assert "(--no-log saves nothing)" in captured.err
    assert out.is_file() and "| status.macro_f1 | 1.000 |" in captured.out
