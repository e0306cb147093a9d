"""QA: summaries read as English for one claim."""

from __future__ import annotations

from assistant import Assistant
from assistant.rendering import chat as chatview
from assistant.rendering.analysis import summary

ONE = "The city council confirmed on Monday that Mayor Jane Doe resigned."


def test_one_claim_is_not_one_claims() -> None:
    analysis = Assistant(model="offline").analyze(ONE)
    assert len(analysis.claims) == 1
    assert summary(analysis).startswith("1 claim (")
    assert "1 claim:" in chatview.summary(analysis, reused=False).plain
