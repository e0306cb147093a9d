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


def test_claimdesk_home_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "home.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    done = claimdesk(not_a_folder, "history")
    assert done.returncode == 2
    assert done.stderr == (
        f"claimdesk: error: cannot open the history database in {not_a_folder}: "
        "it is a file, not a folder (set CLAIMDESK_HOME to a folder)\n"
    )
