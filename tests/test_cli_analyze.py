"""``claimdesk analyze``: formats, stdin, and one-line errors with non-zero exits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant import Analysis, config
from assistant.cli.main import main
from assistant.models.function import FunctionModel
from tests.conftest import REPO, SEED
from tests.wire import claim, source

BLAST = claim(
    "A March blast in Bisham killed five Chinese nationals",
    "confirmed",
    [source("outlet", ["killed five Chinese nationals"], kind="outlet")],
)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FunctionModel:
    model = FunctionModel(lambda request: {"claims": [BLAST]})
    monkeypatch.setattr(config, "build", lambda spec, **kw: model)
    return model


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_is_the_analysis_dump(fake: FunctionModel, capsys: Any) -> None:
    code, out, _ = run(["analyze", str(SEED), "--model", "x:y", "--format", "json"], capsys)
    assert code == 0
    analysis = Analysis.model_validate_json(out)
    assert json.loads(out) == json.loads(analysis.model_dump_json())
    assert analysis.claims[0].evidence[0].quote == "killed five Chinese nationals"


def test_table_and_markdown_show_status_sources_and_quotes(
    fake: FunctionModel, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no quote wraps
    code, out, _ = run(["analyze", str(SEED), "--model", "x:y"], capsys)
    assert code == 0 and "confirmed" in out and "killed five Chinese nationals" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal
    code, out, _ = run(["analyze", str(SEED), "--model", "x:y", "-f", "markdown"], capsys)
    assert out.startswith("# Claims") and "> killed five Chinese nationals" in out


def test_output_file_and_stdin(
    fake: FunctionModel, capsys: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", open(SEED, encoding="utf-8"))  # noqa: SIM115
    target = tmp_path / "out.json"
    code, out, _ = run(["analyze", "-", "--model", "x:y", "-f", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert Analysis.model_validate_json(target.read_text()).documents[0].title is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the document is empty"),
        (b"  \n\t \n", "the document is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"---\ndate: yesterday\n---\nText.", "is not YYYY-MM-DD"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    fake: FunctionModel, capsys: Any, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(["analyze", str(path), "--model", "x:y"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("claimdesk: error:") and message in err and err.count("\n") == 1


def test_directory_and_unknown_model(capsys: Any, tmp_path: Path) -> None:
    code, _, err = run(["analyze", str(tmp_path)], capsys)
    assert code == 2 and "is a directory" in err
    code, _, err = run(["analyze", str(SEED), "--model", "gpt-4"], capsys)
    assert code == 2 and "unknown model 'gpt-4'" in err and "CLAIMDESK_MODEL" in err


def test_version_and_help_run_as_a_real_process() -> None:
    for flag, expected in (("--version", "claimdesk 0.1.0"), ("--help", "analyze")):
        done = subprocess.run(
            [sys.executable, "-m", "assistant", flag],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=False,
        )
        assert done.returncode == 0 and expected in done.stdout
