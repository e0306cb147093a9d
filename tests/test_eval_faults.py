"""An eval against a failing server finishes, counts each failure and writes every report."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.evals.records import EvalReport
from tests.evals_support import GOLD_FILE
from tests.fault_server import RESET, FaultServer, claims_answer, error

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
SECRET = "corp-KEY-not-an-sk-shape-2718281828"


@pytest.fixture
def outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("CLAIMDESK_CACHE_DIR", str(tmp_path / "cache"))
    return {name: tmp_path / f"run.{name}" for name in ("json", "html", "xml")}


def _eval(outputs: dict[str, Path]) -> int:
    files = ["--json", str(outputs["json"]), "--report", str(outputs["html"])]
    argv = ["eval", "gold", "--data", str(GOLD_FILE), "--concurrency", "1", "-q", *files]
    return main([*argv, "--junit", str(outputs["xml"])])


def test_resets_after_answers_are_per_item_errors_and_reports_are_written(
    fault_env: FaultServer, outputs: dict[str, Path]
) -> None:
    """Issue 10 case 4: resets as the last failure used to abort the eval without a report."""
    fault_env.play(claims_answer(), RESET, RESET, RESET)
    assert _eval(outputs) in (0, 1)
    report = EvalReport.model_validate_json(outputs["json"].read_text(encoding="utf-8"))
    assert len(report.failures) == 1
    assert report.failures[0].kind == "error"
    assert "connection" in report.failures[0].message
    assert outputs["html"].exists() and outputs["xml"].exists()
    assert len(fault_env.requests) == 4
    home = Path(os.environ["CLAIMDESK_HOME"])  # the saved run: private (issue 10 case 10)
    saved = list(home.rglob("*"))
    assert any(p.name.endswith(".json.gz") for p in saved)
    for path in [home, *saved]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_a_flaky_server_still_gives_a_full_report(
    fault_env: FaultServer, outputs: dict[str, Path]
) -> None:
    fault_env.play(RESET, RESET, claims_answer(), error(503, "busy"), RESET, claims_answer())
    _eval(outputs)
    report = EvalReport.model_validate_json(outputs["json"].read_text(encoding="utf-8"))
    assert report.failures == []
    assert len(fault_env.requests) == 6


def test_an_unreachable_server_stops_the_eval(
    fault_env: FaultServer, outputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    fault_env.stop()
    assert _eval(outputs) == 1
    assert "cannot reach" in capsys.readouterr().err


def test_an_echoed_configured_key_reaches_no_report(
    fault_env: FaultServer,
    outputs: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 10 case 5: a key that is not sk- shaped, echoed by the server."""
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    fault_env.play(error(400, f"invalid key {SECRET} for this model"), claims_answer())
    _eval(outputs)
    captured = capsys.readouterr()
    texts = [p.read_text(encoding="utf-8") for p in outputs.values()]
    assert all(SECRET not in text for text in [*texts, captured.out, captured.err])
    report = json.loads(texts[0])
    assert "invalid key ****" in report["failures"][0]["message"]
    assert fault_env.requests[0].headers["authorization"] == f"Bearer {SECRET}"


def test_a_key_refused_mid_run_is_a_per_item_error(
    fault_env: FaultServer, outputs: dict[str, Path]
) -> None:
    fault_env.play(claims_answer(), error(401, "key revoked"))
    _eval(outputs)
    report = EvalReport.model_validate_json(outputs["json"].read_text(encoding="utf-8"))
    assert len(report.failures) == 1 and "refused the API key" in report.failures[0].message
    assert len(fault_env.requests) == 2


def test_a_key_refused_from_the_start_stops_the_eval(
    fault_env: FaultServer, outputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    fault_env.play(error(401, "invalid key"))
    assert _eval(outputs) == 1
    assert "eval stopped at" in capsys.readouterr().err
    assert len(fault_env.requests) == 1


def test_the_eval_cache_over_a_streaming_engine_reports_no_streaming() -> None:
    """The check used to be isinstance(self, StreamingModel), which on Python 3.11 reads
    ``capabilities`` again while computing it: a RecursionError in some hash orders."""
    from assistant.evals.cache import CachedModel
    from assistant.models.openai import OpenAIModel
    from assistant.models.wrapper import ModelWrapper

    engine = OpenAIModel("m", base_url="http://127.0.0.1:9/v1", env={})
    assert engine.capabilities.streams
    assert not CachedModel(engine).capabilities.streams

    class Streaming(ModelWrapper):
        def stream(self, request: object, on_text: object) -> None: ...

        async def astream(self, request: object, on_text: object) -> None: ...

    assert Streaming(engine).capabilities.streams
