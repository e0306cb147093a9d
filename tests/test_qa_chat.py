"""QA: chat commands with missing arguments, and the history listing's columns."""

from __future__ import annotations

from pathlib import Path

from tests.test_chat_cli import chat, claimdesk, home  # noqa: F401  (fixture)


def test_claim_without_an_id_says_how_to_use_it(home: Path) -> None:  # noqa: F811
    out = chat(home, "/claim\n/claim c999\n").stdout
    assert "error: /claim needs a claim id: /claim c1" in out
    assert "error: no claim 'c999'; /claims lists them" in out


def test_history_columns_line_up(home: Path) -> None:  # noqa: F811
    chat(home, "what did the Foreign Office deny?\n")
    header, row = claimdesk(home, "history").stdout.splitlines()[:2]
    assert row.index("offline") == header.index("model")
    assert row.index("1 question(s)") - 2 == header.index("questions")
    assert row.index("pakistan-fo") == header.index("documents")
