"""``claimdesk chat`` and ``claimdesk history`` as a user runs them, questions piped on stdin.

The offline engine's analysis of the seed article is put in the cache first (see
chat_support.seed_offline_cache), so these run whatever the state of the offline extractor.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.chat_support import ROOT, SEED, seed_offline_cache

SECRET = "some-secret-value"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    seed_offline_cache(tmp_path / "home")
    return tmp_path / "home"


def claimdesk(
    home: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**clean, "CLAIMDESK_HOME": str(home), **(env or {})},
        timeout=60,
    )


def chat(home: Path, stdin: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """The chat with piped questions; wide COLUMNS, so no line is wrapped (wrapping has its own
    tests in test_chat_questions.py)."""
    args = ("chat", str(SEED), "--model", "offline", *extra)
    return claimdesk(home, *args, stdin=stdin, env={"COLUMNS": "400"})


def test_piped_questions_get_cited_answers_without_colour(home: Path) -> None:
    done = chat(home, "what did the Foreign Office deny?\nis the written proposal confirmed?\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "\x1b[" not in out
    assert "1 denied, 1 unverified, 3 confirmed" in out
    assert "cached analysis reused" in out and "Offline engine" in out
    assert out.index("c1   denied") < out.index("c2   unverified") < out.index("c3   confirmed")
    assert "> what did the Foreign Office deny?\n- c1 (denied)" in out
    assert "denied by Mumtaz Zahra Baloch" in out
    assert '[c1] "motivated by an agenda to create confusion"' in out
    assert "c2 is unverified" in out


def test_commands(home: Path, tmp_path: Path) -> None:
    md, js = tmp_path / "notes.md", tmp_path / "notes.json"
    commands = [
        "/claims denied",
        "/claim c3",
        "/sources",
        "/check a blast killed five Chinese nationals",
        "who are the sources?",
        f"/export md {md}",
        f"/export json {js}",
        "/usage",
        "/model",
        "/help",
        "/nonsense",
        "/claims maybe",
        "/new",
        "/quit",
        "after quit",
    ]
    done = chat(home, "\n".join(commands) + "\n")
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "c1   denied     China is pressuring" in out
    assert "c3: China's Foreign Ministry spokesperson Lin Jian" in out
    assert "five Pakistani security and government sources [anonymous, asserts" in out
    assert "c4 is confirmed" in out
    assert "estimated cost $0.0000 (offline:rules)" in out
    assert "offline:rules (chosen by argument" in out
    assert "/export md|json PATH" in out
    assert "error: unknown command /nonsense" in out
    assert "error: /claims takes one of" in out
    assert "new conversation" in out and "after quit" not in out
    assert "# Questions" in md.read_text() and "## who are the sources?" in md.read_text()
    exported = json.loads(js.read_text())
    assert exported["analysis"]["claims"][0]["id"] == "c1"
    assert [t["kind"] for t in exported["turns"]] == ["check", "answer"]


def test_multi_line_entries(home: Path) -> None:
    done = chat(home, 'which claims \\\nare unverified?\n"""\nwhat did\nLin Jian say?\n"""\n')
    assert "1 claim is unverified" in done.stdout
    assert re.search(r"Lin Jian \([^)]*\) said:", done.stdout)  # name (role) said:


def test_add_document_and_bad_file(home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    stdin = f"/add {empty}\n/add {tmp_path / 'missing.txt'}\n/add {SEED}\nwho are the sources?\n"
    done = chat(home, stdin)
    assert "error:" in done.stdout and "the document is empty" in done.stdout
    assert "this text is already in the session" in done.stdout
    assert "no such file" in done.stdout
    assert "7 sources speak to the claims" in done.stdout


def test_history_resume_and_listing(home: Path) -> None:
    chat(home, "what did the Foreign Office deny?\n")
    chat(home, "which claims are confirmed?\n")
    listing = claimdesk(home, "history")
    assert listing.returncode == 0
    rows = re.split(r"\n(?=\s*\d+  )", listing.stdout)[1:]  # a session starts with its id
    assert len(rows) == 2 and 'last: "which claims are confirmed?"' in rows[1]
    resumed = claimdesk(home, "chat", "--cid", "1", stdin="who are the sources?\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed session 1: 1 earlier question(s)" in resumed.stdout
    shown = claimdesk(home, "history", "1")
    assert "> what did the Foreign Office deny?" in shown.stdout
    assert "> who are the sources?" in shown.stdout
    last = claimdesk(home, "chat", "-c", stdin="")
    assert "resumed session 2" in last.stdout
    old_form = claimdesk(home, "chat", "--continue", "1", stdin="")
    assert "resumed session 1: 2 earlier question(s)" in old_form.stdout


def test_api_key_is_never_stored(home: Path) -> None:
    done = claimdesk(
        home,
        "chat",
        str(SEED),
        "--model",
        "offline",
        stdin="what did the Foreign Office deny?\n/usage\n/model\n",
        env={"OPENAI_API_KEY": SECRET, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"},
    )
    assert done.returncode == 0, done.stderr
    files = [p for p in home.rglob("*") if p.is_file()]
    assert files
    for file in files:
        assert SECRET.encode() not in file.read_bytes(), file
    with sqlite3.connect(home / "history.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give one or more article files"),
        (("missing.txt",), "missing.txt: no such file"),
        (("-",), "give documents as files"),
        (("--cid", "7"), "no chat session 7"),
        (("--cid", "x"), "expected a session number, not 'x'"),
        (("-c", "--cid", "2"), "give -c (the latest session) or --cid ID, not both"),
        (("-c", str(SEED)), "give FILE... to start a session or -c/--cid ID to continue one"),
        (("--continue", "--no-log"), "-c/--cid need the stored history"),
    ],
)
def test_bad_arguments_give_one_line_errors(
    home: Path, args: tuple[str, ...], message: str
) -> None:
    done = claimdesk(home, "chat", *args, "--model", "offline")
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_chat_help_and_short_continue(home: Path) -> None:
    helped = claimdesk(home, "chat", "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("usage: claimdesk chat")
    assert "-c, --continue" in helped.stdout and "--cid ID" in helped.stdout  # as llm has them
    nothing = claimdesk(home, "chat", "-c")
    assert nothing.returncode == 2
    assert "no chat session to resume" in nothing.stderr
    assert "usage: claimdesk [-h]" not in nothing.stderr + nothing.stdout
    chat(home, "who denied it?\n")
    resumed = claimdesk(home, "chat", "-c", stdin="who said that?\n", env={"COLUMNS": "400"})
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed session 1: 1 earlier question(s)" in resumed.stdout


def test_an_unknown_chat_option_shows_the_chat_usage(home: Path) -> None:
    done = claimdesk(home, "chat", str(SEED), "--bogus")
    assert done.returncode == 2
    assert done.stderr.startswith("usage: claimdesk chat")
    assert "unrecognized arguments: --bogus" in done.stderr
