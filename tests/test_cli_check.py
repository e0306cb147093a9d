"""The check command and analyze's multi-document options, with a scripted model behind them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from multidoc_fake import FILES, FIXTURES, extraction_answer

from assistant import Analysis, Verdict, config
from assistant.cli.main import EXIT_INPUT, main
from assistant.models.base import ModelRequest
from assistant.models.function import Answer, FunctionModel

DENIAL = "There is no plan to sell the east terminal to anyone"
PATHS = [str(FIXTURES / name) for name in FILES]


def answer(request: ModelRequest) -> Answer:
    if request.task == "extract":
        return extraction_answer(request)
    mentioned = any("sell" in d["text"] for d in request.inputs["documents"])
    if "sell" in request.inputs["claim"] and mentioned:
        quote = {
            "name": "Ilse Marten",
            "role": None,
            "kind": "named_official",
            "stance": "denies",
            "on_record": True,
            "quotes": [DENIAL],
        }
        return {"status": "denied", "reason": "Denied by Ilse Marten.", "sources": [quote]}
    return {"status": "not_addressed", "reason": "No document mentions it.", "sources": []}


@pytest.fixture(autouse=True)
def scripted_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    def build(spec: str, **options: Any) -> FunctionModel:
        return FunctionModel(answer, name="cli-script")

    monkeypatch.setattr(config, "build", build)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_table_names_status_source_and_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "The port is selling the east terminal", *PATHS, "-m", "x")
    assert code == 0
    assert "status: denied" in out
    assert "Ilse Marten [named_official, denies, on record] in Bay Gazette, 2026-03-04" in out
    assert DENIAL in out


def test_check_json_is_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", "The port will close in December", *PATHS, "-m", "x", "-f", "json"
    )
    assert code == 0
    verdict = Verdict.model_validate_json(out)
    assert verdict.status == "not_addressed"
    assert verdict.claim == "The port will close in December"


def test_check_uses_a_saved_analysis_for_matching_claims(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    saved = tmp_path / "analysis.json"
    assert run(capsys, "analyze", *PATHS, "-m", "x", "-f", "json", "-o", str(saved))[0] == 0
    code, out, _ = run(
        capsys,
        "check",
        "The port authority plans to sell its east terminal",
        *PATHS,
        "-m",
        "x",
        "-f",
        "json",
        "--analysis",
        str(saved),
    )
    assert code == 0
    assert Verdict.model_validate_json(out).matching_claim_ids == ["c1"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "  ", "FILE"], "the claim to check is empty"),
        (["check", "A claim", "missing.txt"], "missing.txt: no such file"),
        (
            ["check", "A claim", "FILE", "--analysis", "FILE"],
            "not an 'analyze --format json' result",
        ),
        (
            ["check", "A claim", "FILE", "--analysis", "nowhere.json"],
            "nowhere.json: cannot be read",
        ),
        (["analyze", "FILE", "--date", "FILE=2026-13-01"], "is not YYYY-MM-DD"),
        (["analyze", "FILE", "--date", "other.txt=2026-03-01"], "is not one of the files given"),
        (["analyze", "FILE", "--date", "2026-03-01"], "write it as FILE=DATE"),
    ],
)
def test_bad_input_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    argv = [PATHS[0] if a == "FILE" else a.replace("FILE=", PATHS[0] + "=") for a in argv]
    code, out, err = run(capsys, *argv, "-m", "x")
    assert code == EXIT_INPUT
    assert out == ""
    assert message in err
    assert err.startswith("claimdesk: error: ") and err.count("\n") == 1


def test_analyze_status_denied_lists_denials(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no line wraps
    code, out, _ = run(capsys, "analyze", *PATHS, "-m", "x", "--status", "denied")
    assert code == 0
    assert out.startswith("1 denied claim in 4 document(s)")
    assert (
        "denied by Ilse Marten, port authority spokesperson (named official, on the record) "
        "in Bay Gazette, 2026-03-04:" in out
    )
    assert f'"{DENIAL}"' in out
    assert (
        "asserted by three officials who asked not to be named (anonymous, off the record) "
        "in The Harbour Ledger, 2026-03-02:" in out
    )
    assert "Paul Brandt" not in out and "Warehouse 7" not in out


def test_analyze_status_json_is_a_filtered_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", *PATHS, "-m", "x", "--status", "confirmed", "-f", "json")
    assert code == 0
    analysis = Analysis.model_validate_json(out)
    assert [c.status for c in analysis.claims] == ["confirmed"]
    assert analysis.claims[0].independent_sources == 2


def test_analyze_json_is_the_analysis_dump(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", *PATHS, "-m", "x", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert Analysis.model_validate(data).model_dump(mode="json") == data
    assert data["timeline_order"] == "date"


def test_analyze_table_shows_independence_chains_and_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "analyze", *PATHS, "-m", "x", "-f", "markdown")
    assert code == 0
    assert "(order: by date)" in out
    assert "independent sources: 1 (in 3 document(s))" in out
    assert "chain: Coastal Courier cites The Harbour Ledger's report" in out
    assert (
        "2026-03-04 Bay Gazette: denied by Ilse Marten (port authority spokesperson) -> now denied"
        in out
    )


def undated_copies(tmp_path: Path, *names: str) -> list[str]:
    """Fixture copies without date and outlet lines (titles kept: the script is keyed by them)."""
    copies = []
    for name in names:
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [ln for ln in lines if not ln.startswith(("date:", "outlet:"))]
        copy = tmp_path / name
        copy.write_text("".join(kept), encoding="utf-8")
        copies.append(str(copy))
    return copies


def test_date_option_orders_undated_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    gazette, ledger = undated_copies(tmp_path, "c_gazette.txt", "a_ledger.txt")
    options = ["--date", f"{gazette}=2026-03-04", "--date", f"{ledger}=2026-03-02"]
    options += ["--outlet", f"{gazette}=Bay Gazette", "--outlet", f"{ledger}=Ledger"]
    code, out, _ = run(capsys, "analyze", gazette, ledger, "-m", "x", "-f", "markdown", *options)
    assert code == 0
    assert "(order: by date)" in out
    assert "2026-03-02 Ledger: first reported by three officials" in out
    assert "2026-03-04 Bay Gazette: denied by Ilse Marten" in out


def test_without_dates_the_order_is_labelled(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    gazette, ledger = undated_copies(tmp_path, "c_gazette.txt", "a_ledger.txt")
    code, out, _ = run(capsys, "analyze", gazette, ledger, "-m", "x", "-f", "markdown")
    assert code == 0
    assert "order: argument order, no dates" in out
    assert "#1 Port authority denies terminal sale: denied by Ilse Marten" in out
    assert "#2 Port authority weighs sale of east terminal: first reported by" in out
