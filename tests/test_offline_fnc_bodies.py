"""The offline engine never crashes on real news text, and its evidence is always exact.

Runs the whole pipeline over every FNC-1 training article body (1,683 texts); skipped when the
shared data directory is absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import Analysis


@pytest.fixture
def bodies(shared_data: Path) -> list[str]:
    path = shared_data / "fnc1" / "train_bodies.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["articleBody"] for row in csv.DictReader(handle)]


def _problems(analysis: Analysis) -> list[str]:
    text = analysis.documents[0].text
    problems = []
    for claim in analysis.claims:
        if not claim.sources:
            problems.append(f"claim without a source: {claim.text!r}")
        for evidence in claim.evidence:
            if text[evidence.start : evidence.end] != evidence.quote:
                problems.append(f"quote not at its offsets: {evidence.quote!r}")
        if claim.ungrounded:
            problems.append(f"ungrounded claim: {claim.text!r}")
    if analysis.usage.dropped_quotes:
        problems.append(f"{analysis.usage.dropped_quotes} quotes could not be located")
    return problems


def test_every_fnc_body_analyses_cleanly(bodies: list[str]) -> None:
    assistant = Assistant(model="offline")
    analysed = claims = 0
    for number, body in enumerate(bodies):
        if not body.strip():
            continue
        analysis = assistant.analyze(body)
        problems = _problems(analysis)
        assert not problems, f"body #{number}: {problems[:3]}"
        analysed += 1
        claims += len(analysis.claims)
    assert analysed == len([b for b in bodies if b.strip()])
    assert claims > analysed  # the engine finds claims in real news, not nothing
