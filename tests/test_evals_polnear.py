"""PolNeAR "who said it": predicted source evidence spans against gold Source spans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.evals.records import EvalReport
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel
from tests.evals_support import FIXTURES, run_cli


def _source(name: str, kind: str, quote: str) -> dict[str, Any]:
    return {
        "name": name, "role": None, "kind": kind, "stance": "asserts", "on_record": True,
        "standing": True,
        "quotes": [quote],
    }  # fmt: skip


def _answer(request: ModelRequest) -> dict[str, Any]:
    claim = {
        "text": "The budget will pass.",
        "status": "unverified",
        "status_reason": "r",
        "sources": [
            _source("Senator Lee", "named_official", "Senator Lee said the budget would pass"),
            _source("weather", "organization", "The weather was mild"),  # no attribution there
            _source("the outlet", "outlet", "Officials said the vote is Friday"),  # left out
        ],
    }
    return {"claims": [claim]}


def test_source_span_overlap_precision_recall(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "run.json"
    argv = ["polnear", "--data", str(FIXTURES / "polnear"), "--model", "x", "--json", str(out)]
    assert run_cli(monkeypatch, FunctionModel(_answer), argv, tmp_path / "cache") == 0
    report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    assert report.metrics["attribution.precision"] == 0.5  # Lee right, weather wrong
    assert report.metrics["attribution.recall"] == 0.5  # Senator Lee found, Officials missed
    assert report.metrics["attribution.f1"] == 0.5
    assert report.metrics["grounding.rate"] == 1.0
    found = {i.id: i.correct for i in report.items}
    assert found == {
        "sample-article/T1": True,
        "sample-article/T5": False,
        "sample-article/extra-1": False,
    }
