"""Acceptance: a journalist opens the seed article with the offline engine and asks three questions.

Runs the real offline extractor (no cached or scripted analysis). Skips while the extractor is
not built yet ("cannot extract yet"); runs by itself once it is merged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Answer, Assistant, Session
from assistant.claims import Claim
from assistant.errors import ConfigurationError
from assistant.matching import claims_about
from tests.chat_support import ROOT, SEED, seed_document

PRESSURE = "China is pressuring Islamabad to allow Chinese security personnel in Pakistan"
PROPOSAL = "Beijing made a written proposal for its own security staff"


@pytest.fixture(scope="module")
def session() -> Session:
    chat = Assistant("offline").session([seed_document()])
    try:
        chat.analysis  # noqa: B018
    except ConfigurationError as exc:
        pytest.skip(f"offline extractor not available: {exc}")
    return chat


def best(session: Session, text: str) -> Claim:
    matches = claims_about(text, session.analysis.claims)
    assert matches, f"no claim about {text!r} in {[c.text for c in session.analysis.claims]}"
    return matches[0].claim


def cited_ids(answer: Answer) -> set[str]:
    assert answer.verified, answer.warning
    assert all(c.evidence is not None for c in answer.citations)
    return {c.claim_id for c in answer.citations if c.claim_id}


def test_what_did_the_foreign_office_deny(session: Session) -> None:
    pressure = best(session, PRESSURE)
    assert pressure.status == "denied"
    answer = session.ask("What did the Foreign Office deny?")
    assert pressure.id in cited_ids(answer)
    assert pressure.id in answer.text


def test_which_claims_rest_only_on_anonymous_sources(session: Session) -> None:
    proposal = best(session, PROPOSAL)
    answer = session.ask("Which claims rest only on anonymous sources?")
    assert proposal.id in cited_ids(answer)
    confirmed = {c.id for c in session.analysis.by_status("confirmed")}
    assert not cited_ids(answer) & confirmed


def test_is_the_written_proposal_confirmed_anywhere(session: Session) -> None:
    proposal = best(session, PROPOSAL)
    assert proposal.status == "unverified"
    answer = session.ask("Is the written proposal confirmed anywhere?")
    assert proposal.id in cited_ids(answer)
    assert "unverified" in answer.text


def test_the_same_three_questions_through_the_command(session: Session, tmp_path: Path) -> None:
    questions = (
        "What did the Foreign Office deny?\n"
        "Which claims rest only on anonymous sources?\n"
        "Is the written proposal confirmed anywhere?\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "chat", str(SEED), "--model", "offline"],
        input=questions,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "CLAIMDESK_HOME": str(tmp_path)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    pressure, proposal = best(session, PRESSURE), best(session, PROPOSAL)
    out = done.stdout
    assert out.count("> ") >= 3 and "NOT VERIFIED" not in out
    assert f"[{pressure.id}]" in out and f"[{proposal.id}]" in out
