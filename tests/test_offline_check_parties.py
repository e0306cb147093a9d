"""The offline check weighs what the party a claim concerns says on the record (rubric.md):
its denial makes the claim denied, its own affirmation confirmed; a third party's denial,
anonymous sources or media reports decide nothing of the kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assistant.offline.checking import check
from assistant.outputs import VerdictOutput

FIXTURES = Path(__file__).parent / "fixtures" / "check"
ROOT = Path(__file__).resolve().parents[1]


def _check(claim: str, name: str) -> VerdictOutput:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    document = {"id": f"{name}.txt", "text": text, "outlet": None, "title": None}
    verdict = VerdictOutput.model_validate(check({"claim": claim, "documents": [document]}))
    for source in verdict.sources:
        assert source.quotes, source
        assert all(quote in text for quote in source.quotes), source.quotes
    return verdict


def test_party_denying_a_report_about_itself_denies_it() -> None:
    verdict = _check("Meridian Rail will scrap the night train to Vienna", "self_denial")
    assert verdict.status == "denied"
    [source] = verdict.sources
    assert (source.name, source.stance, source.on_record) == ("Meridian Rail", "denies", True)
    assert source.quotes[0].startswith("Meridian Rail has denied reports")
    assert verdict.reason.startswith("Denied on the record by Meridian Rail")


def test_third_party_without_standing_does_not_deny() -> None:
    verdict = _check("Meridian Rail will scrap the night train to Vienna", "third_party_denial")
    assert verdict.status == "unverified"
    assert all(s.stance != "denies" for s in verdict.sources)
    [source] = verdict.sources
    assert (source.name, source.kind) == ("A travel blog", "media_report")
    assert source.role == "cited by third_party_denial.txt"


def test_same_partys_confirmation_on_the_record_outranks_its_denial() -> None:
    verdict = _check(
        "Oakhill Council will close the Elm Street library", "denial_then_confirmation"
    )
    assert verdict.status == "confirmed"
    [source] = verdict.sources
    assert (source.name, source.kind, source.stance) == (
        "Oakhill Council",
        "organization",
        "confirms",
    )
    assert source.quotes == [
        "On Thursday, Oakhill Council confirmed that it will close the Elm Street library"
        " at the end of March."
    ]


def test_anonymous_only_report_stays_unverified() -> None:
    verdict = _check(
        "Brightwater Energy is preparing to sell its wind farms in the north", "anonymous_only"
    )
    assert verdict.status == "unverified"
    [source] = verdict.sources
    assert (source.name, source.kind) == ("two people familiar with the matter", "anonymous")
    assert source.on_record is False
    assert source.name in source.quotes[0]


def test_one_line_denial_by_the_authority_denies_the_claim() -> None:
    verdict = _check("The port authority plans to sell the east terminal", "port_denial")
    assert verdict.status == "denied"
    [source] = verdict.sources
    assert source.name == "The port authority"
    assert source.kind == "organization"
    assert source.quotes == [
        "The port authority denied reports that it plans to sell the east terminal."
    ]


def test_a_claim_that_is_itself_the_rejection_is_not_denied_by_the_party() -> None:
    verdict = _check(
        "Reports that the port authority will sell the east terminal are false", "port_denial"
    )
    assert verdict.status != "denied"


def test_cli_check_repro_names_the_party_not_the_file() -> None:
    article = FIXTURES / "port_denial.txt"
    claim = "The port authority plans to sell the east terminal"
    command = [
        sys.executable,
        "-m",
        "assistant",
        "check",
        claim,
        str(article),
        "--model",
        "offline",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "status: denied" in result.stdout
    assert "The port authority" in result.stdout
    assert "media_report" not in result.stdout
