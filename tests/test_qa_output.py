"""QA: an output path never replaces a file the user gave as input ("nothing the user gave
is lost"), whichever command writes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.cli.main import main
from tests.chat_support import SEED
from tests.test_chat_cli import claimdesk, home  # noqa: F401  (fixture)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    shutil.copy(SEED, path)
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


def test_analyze_refuses_to_write_over_its_input(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = article.read_bytes()
    code, err = run(["analyze", "-q", str(article), "-o", str(article)], capsys)
    assert code == 2 and "input" in err and err.count("\n") == 1
    assert article.read_bytes() == before


def test_the_same_file_by_another_spelling_is_refused(
    article: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(article.parent)
    before = article.read_bytes()
    code, _ = run(
        ["analyze", "-q", "article.txt", "-o", f"../{article.parent.name}/article.txt"], capsys
    )
    assert code == 2 and article.read_bytes() == before


def test_check_refuses_to_write_over_its_analysis(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "analysis.json"
    assert main(["analyze", "-q", str(article), "-f", "json", "-o", str(saved)]) == 0
    before = saved.read_bytes()
    claim = "China is pressuring Pakistan"
    code, _ = run(
        ["check", "-q", claim, str(article), "--analysis", str(saved), "-o", str(saved)], capsys
    )
    assert code == 2 and saved.read_bytes() == before


def test_analyze_still_writes_a_new_output(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    assert main(["analyze", "-q", str(article), "-f", "markdown", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Claims")


def test_chat_export_refuses_to_write_over_an_article(home: Path, article: Path) -> None:  # noqa: F811
    before = article.read_bytes()
    stdin = f"/export json {article}\n"
    result = claimdesk(home, "chat", str(article), "--model", "offline", stdin=stdin)
    assert "error:" in result.stdout and "input" in result.stdout
    assert article.read_bytes() == before


def test_an_unwritable_output_is_refused_before_any_model_call(
    article: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant import config

    calls: list[str] = []
    monkeypatch.setattr(config, "build", lambda spec, **kw: calls.append(spec))
    missing = tmp_path / "no-such-folder" / "out.json"
    for command in (["analyze"], ["check", "China is pressuring Pakistan"]):
        code, err = run(
            [*command, "-q", "-m", "openai:x", str(article), "-o", str(missing)], capsys
        )
        assert code == 2 and "no-such-folder" in err and "folder" in err
    assert calls == []


def test_eval_refuses_an_unwritable_report_before_running(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.cli import eval as eval_command
    from tests.conftest import REPO

    def must_not_run(*args: object) -> None:
        raise AssertionError("the eval ran although its report cannot be written")

    monkeypatch.setattr(eval_command, "evaluate", must_not_run)
    gold = REPO / "evals" / "gold" / "gold.jsonl"
    missing = str(tmp_path / "nowhere" / "report.html")
    code, err = run(["eval", "gold", "-q", "--data", str(gold), "--report", missing], capsys)
    assert code == 2 and "nowhere" in err


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_status_filter_says_how_many_claims_it_hides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    article = tmp_path / "city.txt"
    article.write_text(
        "The city council confirmed on Monday that Mayor Jane Doe resigned.\n", encoding="utf-8"
    )
    assert main(["analyze", "-q", str(article), "--status", "unverified", "-f", fmt]) == 0
    out = capsys.readouterr().out
    assert "0 of 1 claims have status unverified" in out
