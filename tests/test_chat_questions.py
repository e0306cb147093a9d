"""The questions journalists ask, through ``claimdesk chat`` with piped questions (offline engine).

The six rows of issue 11's table, on a local-news article with a mayor's on-record denial, an
anonymous report, a port authority confirmation and a "declined to comment", then a follow-up
article where the mayor confirms the sale.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.chat_support import ROOT, SEED

ARTICLES = ROOT / "evals" / "chat" / "articles"
DENIED = ARTICLES / "bayport-marina-sale-denied.txt"
CONFIRMED = ARTICLES / "bayport-marina-sale-confirmed.txt"
DENIAL_QUOTE = (
    "Bayport Mayor Elena Ruiz on Tuesday denied reports that the city has agreed to sell the "
    "municipal marina to a private developer."
)


def chat(home: Path, questions: list[str], *files: Path, columns: int = 100) -> str:
    """The chat's output for piped questions, each answer's whitespace made single spaces."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env.update(CLAIMDESK_HOME=str(home), COLUMNS=str(columns))
    command = [sys.executable, "-m", "assistant", "chat", *map(str, files), "--model", "offline"]
    done = subprocess.run(
        command,
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def answers(output: str) -> dict[str, str]:
    """Each echoed question's answer, whitespace collapsed (wrapping does not matter here)."""
    found, question = {}, None
    for block in output.split("\n> ")[1:]:
        question, _, rest = block.partition("\n")
        found[question] = " ".join(rest.split())
    return found


def test_who_denied_it_the_sale_anything(tmp_path: Path) -> None:
    asked = ["who denied it?", "who denied the sale?", "who denied anything?"]
    replies = answers(chat(tmp_path, asked, DENIED))
    for question in asked:
        reply = replies[question]
        assert "Elena Ruiz" in reply, question
        assert DENIAL_QUOTE in reply, question  # her quote, in the answer and cited
        assert "don't say" not in reply, question


def test_who_denied_the_reports_on_the_seed(tmp_path: Path) -> None:
    reply = answers(chat(tmp_path, ["who denied the reports?"], SEED))["who denied the reports?"]
    assert "Foreign Office" in reply and "Mumtaz Zahra Baloch" in reply
    assert "motivated by an agenda to create confusion" in reply


def test_who_confirmed_the_sale_after_adding_the_follow_up(tmp_path: Path) -> None:
    output = chat(tmp_path, [f"/add {CONFIRMED}", "who confirmed the sale?"], DENIED)
    reply = answers(output)["who confirmed the sale?"]
    assert "Elena Ruiz" in reply
    assert "Bayport Mayor Elena Ruiz on Monday confirmed that the city will sell" in reply


def test_what_did_the_spokesperson_say_and_which_one(tmp_path: Path) -> None:
    asked = ["what did the spokesperson say?", f"/add {CONFIRMED}"]
    asked += ["what did the spokesperson say?", "and the second one?"]
    output = chat(tmp_path, asked, DENIED)
    first, _, later = output.partition(f"> /add {CONFIRMED}")
    reply = answers(first)["what did the spokesperson say?"]
    assert "Daniel Osei" in reply and "The appraisal was commissioned in March" in reply
    which = answers(later)["what did the spokesperson say?"]
    assert which.startswith("Which one?")
    assert which.index("1. Daniel Osei") < which.index("2. Maria Chen")
    second = answers(later)["and the second one?"]
    assert "Maria Chen" in second and "Boat owners will keep their slips" in second


def test_summarize_and_what_is_this_about(tmp_path: Path) -> None:
    asked = ["summarize", "what is this article about?"]
    replies = answers(chat(tmp_path, asked, DENIED))
    for question in asked:
        reply = replies[question]
        assert "Bayport mayor denies marina sale" in reply  # the article's title
        assert reply.index("Denied:") < reply.index("Unverified:") < reply.index("Confirmed:")
        assert "denied by Elena Ruiz" in reply  # with sources
        assert "[c" in reply  # and citations


def test_follow_ups_resolve_against_the_previous_answer(tmp_path: Path) -> None:
    asked = ["tell me about the valuation", "who said that?", "did anyone confirm it?"]
    replies = answers(chat(tmp_path, asked, DENIED))
    assert "$52 million" in replies["tell me about the valuation"]
    assert "Port Authority" in replies["who said that?"]
    assert "$52 million" in replies["who said that?"]
    assert "Port Authority" in replies["did anyone confirm it?"]
    for question in asked:
        assert "don't say" not in replies[question], question


def test_word_forms_match(tmp_path: Path) -> None:
    """'the sell-off' / 'selling' / 'sold' find the sale; 'the valuation' finds 'valuing'."""
    asked = ["who denied selling the marina?", "is it true the marina was sold?"]
    replies = answers(chat(tmp_path, asked, DENIED))
    assert "Elena Ruiz" in replies["who denied selling the marina?"]
    assert "denied" in replies["is it true the marina was sold?"]


def test_answers_wrap_to_columns_when_piped(tmp_path: Path) -> None:
    output = chat(tmp_path, ["summarize"], DENIED, columns=60)
    assert max(len(line) for line in output.splitlines()) <= 60
    assert DENIAL_QUOTE in " ".join(output.split())  # no word broken across lines
