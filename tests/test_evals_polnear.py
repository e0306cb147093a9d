"""PolNeAR who said what: predicted attributions against gold Source, Cue and Content spans."""

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
    said = [
        _said("Senator Lee", "said", "the budget would pass"),  # all three spans exact
        _said("weather", "was", "mild"),  # no attribution there
        _said("Officials", "said", "the vote is"),  # content cut short: overlap, not exact
    ]
    return {"claims": [claim], "attributions": said}


def _said(source: str, cue: str, content: str) -> dict[str, Any]:
    return {
        "source": source, "cue": cue, "content": content, "name": source, "role": None,
        "kind": "named_official", "stance": "asserts", "on_record": True,
    }  # fmt: skip


def test_source_span_overlap_precision_recall(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "run.json"
    argv = ["polnear", "--data", str(FIXTURES / "polnear"), "--model", "x", "--json", str(out)]
    assert run_cli(monkeypatch, FunctionModel(_answer), argv, tmp_path / "cache") == 0
    report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    metrics = report.metrics
    # claim sources only (the older reading): Lee right, weather wrong, Officials missed
    assert metrics["claim_sources.precision"] == 0.5
    assert metrics["claim_sources.recall"] == 0.5
    # attributions: Lee and Officials right, weather wrong; both gold sources found
    assert metrics["attribution.source.precision"] == pytest.approx(2 / 3)
    assert metrics["attribution.source.recall"] == 1.0
    assert metrics["attribution.precision"] == metrics["attribution.source.precision"]
    assert metrics["attribution.source.exact.recall"] == 1.0
    assert metrics["attribution.cue.exact.recall"] == 1.0  # gold has Lee's cue only
    assert metrics["attribution.content.recall"] == 1.0
    assert metrics["attribution.content.exact.precision"] == pytest.approx(1 / 3)
    assert metrics["grounding.rate"] == 1.0
    found = {i.id: i.correct for i in report.items}
    assert found == {
        "sample-article/T1": True,
        "sample-article/T5": True,
        "sample-article/extra-1": False,
    }
