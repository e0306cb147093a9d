"""QA: chat commands with missing arguments, and the history listing's columns."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from tests.test_chat_cli import chat, claimdesk, home  # noqa: F401  (fixture)


def test_claim_without_an_id_says_how_to_use_it(home: Path) -> None:  # noqa: F811
    out = chat(home, "/claim\n/claim c999\n").stdout
    assert "error: /claim needs a claim id: /claim c1" in out
    assert "error: no claim 'c999'; /claims lists them" in out


def test_history_columns_line_up(home: Path) -> None:  # noqa: F811
    chat(home, "what did the Foreign Office deny?\n")
    header, row, documents = claimdesk(home, "history").stdout.splitlines()[:3]
    assert row.index("offline") == header.index("model")
    assert row.endswith(" 1") and len(row) == header.index("questions") + len("questions")
    assert documents.split() == ["documents:", "pakistan-fo-china-security.txt"]


def test_claimdesk_home_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "home.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    done = claimdesk(not_a_folder, "history")
    assert done.returncode == 2
    assert done.stderr == (
        f"claimdesk: error: cannot open the history database in {not_a_folder}: "
        "it is a file, not a folder (set CLAIMDESK_HOME to a folder)\n"
    )


def test_an_answer_that_fails_still_counts_its_model_calls() -> None:
    from assistant.errors import InvalidOutputError
    from tests.test_chat_session import new_session, scripted_chat

    not_an_answer: dict[str, Any] = {"claims": []}
    chat = new_session(scripted_chat([not_an_answer] * 3))
    before = chat.analysis.usage.model_calls
    with pytest.raises(InvalidOutputError):
        chat.ask("What did the Foreign Office deny?")
    assert chat.usage.model_calls - before == 3
    assert chat.turns == []


def test_an_async_answer_that_fails_still_counts_its_model_calls() -> None:
    from assistant.errors import InvalidOutputError
    from tests.test_chat_session import new_session, scripted_chat

    not_an_answer: dict[str, Any] = {"claims": []}
    chat = new_session(scripted_chat([not_an_answer] * 3))
    before = chat.analysis.usage.model_calls
    with pytest.raises(InvalidOutputError):
        asyncio.run(chat.aask("What did the Foreign Office deny?"))
    assert chat.usage.model_calls - before == 3
