"""Bytes that are not UTF-8, terminal controls in articles, private files, secrets in history.

Issue 10 cases 3 (invalid UTF-8 in arguments, file names and piped questions), 6 (escape
sequences, bidi overrides and zero-width characters reaching the terminal) and 10 (a
world-readable history database).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.chat.history import DB_NAME, History
from assistant.cli.main import main
from assistant.private_files import private_file
from assistant.sanitising import scrub, visible, visible_model
from tests.chat_support import ROOT, SEED, seed_offline_cache

HOSTILE = (
    "Officials said the bridge \x1b[2J\x1b]0;pwned\x07opened on Monday.\n"
    "The minister, Ali Khan, said \u202eevil\u202c the budget rose by 5\u200b percent.\n"
)
UNSAFE = ["\x1b", "\x07", "\u202e", "\u202c", "\u200b"]


def _run(*args: bytes, stdin: bytes = b"", home: Path) -> subprocess.CompletedProcess[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env = {**clean, "CLAIMDESK_HOME": str(home), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"assistant", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


# --- case 3: bytes that are not UTF-8 ------------------------------------------------------------


def test_a_claim_argument_with_invalid_bytes_is_replaced_and_reported(tmp_path: Path) -> None:
    done = _run(
        b"check",
        b"-q",
        b"The FO \xff denied claims",
        str(SEED).encode(),
        b"-f",
        b"json",
        home=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"not UTF-8" in done.stderr
    assert json.loads(done.stdout)["claim"] == "The FO \ufffd denied claims"


def test_a_file_name_with_invalid_bytes_is_read_and_reported(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/article-\xff.txt"
    with open(name, "wb") as handle:
        handle.write(SEED.read_bytes())
    done = _run(b"analyze", b"-q", name, b"-f", b"json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"not UTF-8" in done.stderr and b"Traceback" not in done.stderr
    assert json.loads(done.stdout)["documents"][0]["title"] == "article-\ufffd.txt"
    table = _run(b"analyze", b"-q", name, home=tmp_path)
    assert table.returncode == 0 and b"Traceback" not in table.stderr


def test_a_piped_chat_question_with_invalid_bytes_is_answered_and_stored(tmp_path: Path) -> None:
    home = tmp_path / "home"
    seed_offline_cache(home)
    question = b"what did the Foreign Office \xff deny?\n"
    done = _run(b"chat", str(SEED).encode(), b"--model", b"offline", stdin=question, home=home)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr + done.stdout
    assert b"not UTF-8" in done.stdout
    with sqlite3.connect(home / DB_NAME) as db:
        stored = [row[0] for row in db.execute("SELECT question FROM turns")]
    assert stored == ["what did the Foreign Office \ufffd deny?"]


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre a d\xe9menti.\n".encode("latin-1"))
    done = _run(b"analyze", str(latin).encode(), home=tmp_path)
    assert done.returncode == 2
    assert b"not UTF-8 text" in done.stderr and b"Traceback" not in done.stderr


def test_sdk_text_with_lone_surrogates_is_scrubbed() -> None:
    analysis = Assistant("offline").analyze("The minister said the bridge \udcff opened on Monday.")
    assert "\ufffd" in analysis.documents[0].text
    analysis.model_dump_json()  # would raise on a lone surrogate


# --- case 6: terminal controls -------------------------------------------------------------------


def test_visible_keeps_lengths_and_shows_every_control() -> None:
    shown = visible(HOSTILE)
    assert len(shown) == len(HOSTILE)
    assert not any(c in shown for c in UNSAFE)
    assert "␛[2J" in shown and "\n" in shown
    assert visible("مرحبا\u200cبالعالم") == "مرحبا\u200cبالعالم"  # a joiner stays
    assert scrub("a\udcffb") == "a\ufffdb"


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_analyze_shows_no_terminal_controls(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    assert main(["analyze", "-q", str(article), "-f", fmt]) == 0
    out = capsys.readouterr().out
    assert "bridge" in out
    assert not any(c in out for c in UNSAFE)


def test_json_keeps_the_exact_text_and_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    assert main(["analyze", "-q", str(article), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = data["documents"][0]["text"]
    assert text == HOSTILE
    evidence = [e for c in data["claims"] for s in c["sources"] for e in s["evidence"]]
    assert evidence and all(text[e["start"] : e["end"]] == e["quote"] for e in evidence)
    assert any("\x1b" in e["quote"] for e in evidence)


def test_check_table_shows_no_terminal_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    assert main(["check", "-q", "the bridge opened on Monday", str(article)]) == 0
    out = capsys.readouterr().out
    assert "bridge" in out and not any(c in out for c in UNSAFE)


def test_visible_model_keeps_evidence_valid() -> None:
    analysis = Assistant("offline").analyze(HOSTILE)
    shown = visible_model(analysis)
    assert not any(c in shown.model_dump_json() for c in ["\\u001b", "\u202e"])
    assert [e.start for c in shown.claims for e in c.evidence] == [
        e.start for c in analysis.claims for e in c.evidence
    ]


def test_chat_shows_no_terminal_controls(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    stdin = b"/claims\nwhat did Ali Khan say?\n"
    done = _run(
        b"chat", str(article).encode(), b"--model", b"offline", stdin=stdin, home=tmp_path / "home"
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "bridge" in out
    assert not any(c in out for c in UNSAFE)


# --- case 10: private files ----------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_history_database_and_its_folder_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        home = tmp_path / "home" / "nested"
        History(home / DB_NAME).close()
    finally:
        os.umask(old)
    assert _mode(home / DB_NAME) == 0o600
    assert _mode(home) == 0o700 and _mode(home.parent) == 0o700


def test_an_existing_world_readable_history_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.touch(mode=0o644)
    path.chmod(0o644)
    private_file(path)
    assert _mode(path) == 0o600


def test_chat_creates_its_files_private(tmp_path: Path) -> None:
    home = tmp_path / "fresh-home"
    done = _run(b"chat", str(SEED).encode(), b"--model", b"offline", stdin=b"/model\n", home=home)
    assert done.returncode == 0, done.stderr
    assert _mode(home) == 0o700
    assert all(_mode(p) == 0o600 for p in home.iterdir() if p.is_file())


def test_history_masks_secrets_and_stores_invalid_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "corp-secret-value-31415")
    history = History(tmp_path / DB_NAME)
    session = history.start_session("m", [])
    history._write(
        "UPDATE sessions SET model = ? WHERE id = ?", ("k corp-secret-value-31415 \udcff", session)
    )
    stored = history.connection.execute("SELECT model FROM sessions").fetchone()[0]
    assert stored == "k " + "*" * 23 + " \ufffd"
