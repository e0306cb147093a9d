"""``claimdesk history`` as llm's logs: ``--json``, ``-n N``, ``--search TEXT``, aligned and
wrapped at 80 columns; ``chat -c`` and ``--cid ID`` continue sessions. Through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED

QUESTIONS = [
    "what did the Foreign Office deny?",
    "which claims are confirmed?",
    "who is Lin Jian and what did he reaffirm about Beijing's support for Pakistan?",
]


def claimdesk(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**env, "CLAIMDESK_HOME": str(home), "COLUMNS": "80"},
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("history-home")
    for question in QUESTIONS:
        done = claimdesk(home, "chat", str(SEED), "-m", "offline", "-q", stdin=question + "\n")
        assert done.returncode == 0, done.stderr
    return home


def test_json_lists_every_session(home: Path) -> None:
    sessions = json.loads(claimdesk(home, "history", "--json").stdout)
    assert [s["id"] for s in sessions] == [1, 2, 3]
    assert sessions[2]["last_question"] == QUESTIONS[2]
    assert sessions[0]["documents"] == [SEED.name] and sessions[0]["model"] == "offline"


def test_n_keeps_the_latest_and_search_filters(home: Path) -> None:
    latest = json.loads(claimdesk(home, "history", "-n", "2", "--json").stdout)
    assert [s["id"] for s in latest] == [2, 3]
    found = json.loads(
        claimdesk(home, "history", "--search", "FOREIGN office DENY", "--json").stdout
    )
    assert [s["id"] for s in found] == [1]
    titled = json.loads(claimdesk(home, "history", "--search", "china-SECURITY", "--json").stdout)
    assert len(titled) == 3  # document titles count
    none = claimdesk(home, "history", "--search", "no such words anywhere")
    assert none.returncode == 0 and none.stdout.startswith("no chat sessions found")
    bad = claimdesk(home, "history", "-n", "0")
    assert bad.returncode == 2 and "at least 1" in bad.stderr
    both = claimdesk(home, "history", "1", "--search", "x")
    assert both.returncode == 2 and "give it without a session ID" in both.stderr


def test_one_session_as_json(home: Path) -> None:
    session = json.loads(claimdesk(home, "history", "1", "--json").stdout)
    assert session["id"] == 1 and session["turns"][0]["question"] == QUESTIONS[0]
    assert session["analysis"]["claims"] and session["documents"][0]["title"] == SEED.name


def test_the_listing_fits_80_columns_aligned_and_unbroken(home: Path) -> None:
    text = claimdesk(home, "history").stdout
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    header, first = lines[0], lines[1]
    assert header.index("questions") + len("questions") == len(first)  # counts right-aligned
    assert header.index("model") == first.index("offline")
    assert (
        f'"{QUESTIONS[2]}"'.split()
        == " ".join(
            line.strip() for line in lines[lines.index(next(x for x in lines if "who is" in x)) :]
        )
        .removeprefix("last: ")
        .split()
    )  # the long question wraps whole words only


def test_one_session_wraps_at_80_columns(home: Path) -> None:
    text = claimdesk(home, "history", "3").stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    assert QUESTIONS[2].split()[-1] in text.split()


def test_c_continues_the_latest_and_cid_a_chosen_one(tmp_path: Path) -> None:
    for question in QUESTIONS[:2]:
        claimdesk(tmp_path, "chat", str(SEED), "-m", "offline", "-q", stdin=question + "\n")
    latest = claimdesk(tmp_path, "chat", "-c", stdin="who are the sources?\n")
    assert latest.returncode == 0, latest.stderr
    assert "resumed session 2: 1 earlier question(s)" in latest.stdout
    chosen = claimdesk(tmp_path, "chat", "--cid", "1", stdin="")
    assert "resumed session 1: 1 earlier question(s)" in chosen.stdout
    shown = json.loads(claimdesk(tmp_path, "history", "2", "--json").stdout)
    assert [t["question"] for t in shown["turns"]] == [QUESTIONS[1], "who are the sources?"]
    one = json.loads(claimdesk(tmp_path, "history", "2", "-n", "1", "--json").stdout)
    assert [t["question"] for t in one["turns"]] == ["who are the sources?"]
