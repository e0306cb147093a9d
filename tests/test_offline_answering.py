"""The offline engine's answers: questions read by rules, answered from claims and sources."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.chat.questions import Intent, read
from assistant.claims import Source
from assistant.matching import names_party
from assistant.offline.answering import answer
from tests.chat_support import seed_analysis


def ask(question: str, history: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    analysis = seed_analysis()
    claims = [c.model_dump(mode="json") for c in analysis.claims]
    documents = [d.model_dump(mode="json") for d in analysis.documents]
    inputs = {"question": question, "claims": claims, "documents": documents}
    return answer({**inputs, "history": history or []})


def cited(reply: dict[str, Any]) -> set[str]:
    return {c["claim_id"] for c in reply["citations"]}


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        (
            "What did the Foreign Office deny?",
            Intent("stance", party="the Foreign Office", stance="denies"),
        ),
        (
            "Who denied the pressure claims?",
            Intent("stance", topic="the pressure claims", stance="denies"),
        ),
        ("who denied the sale?", Intent("stance", topic="the sale", stance="denies")),
        ("who denied anything?", Intent("stance", stance="denies")),
        ("who denied it?", Intent("stance", topic="it", stance="denies", back=True)),
        ("did anyone confirm it?", Intent("stance", topic="it", stance="confirms", back=True)),
        ("Who declined to comment?", Intent("stance", stance="declines_comment")),
        ("Has the club commented?", Intent("stance", party="the club", stance="declines_comment")),
        ("who said that?", Intent("who_said", back=True)),
        ("and the second one?", Intent("choose", ordinal=2, back=True)),
        ("summarize", Intent("overview")),
        ("What is this article about?", Intent("overview")),
        ("When did the dispute begin?", Intent("timeline", topic="the dispute begin")),
        ("What rests on the Evening Dispatch report?", Intent("reports", party="Evening Dispatch")),
        (
            "Was the ambassador recalled?",
            Intent("check", topic="the ambassador recalled", verdict=True),
        ),
        (
            "Did the article mention the ferry?",
            Intent("check", topic="the article mention the ferry"),
        ),
        ("Is it true?", Intent("check", back=True, verdict=True)),
        ("Which claims rest only on anonymous sources?", Intent("anonymous")),
        (
            "Is the written proposal confirmed anywhere?",
            Intent("check", topic="the written proposal", verdict=True),
        ),
        (
            "Is it true that China made a written proposal?",
            Intent("check", topic="China made a written proposal", verdict=True),
        ),
        ("Which claims are unverified?", Intent("status", status="unverified")),
        ("Who are the sources?", Intent("sources")),
        ("What did Lin Jian say?", Intent("said", party="Lin Jian")),
        ("What is the capital of France?", Intent("topic", topic="What is the capital of France")),
    ],
)
def test_questions_are_read_by_kind(question: str, intent: Intent) -> None:
    assert read(question) == intent


@pytest.mark.parametrize(
    ("query", "name", "role", "expected"),
    [
        ("the Foreign Office", "Pakistan's Foreign Office (FO)", None, True),
        ("the Foreign Office", "Mumtaz Zahra Baloch", "FO Spokesperson", True),
        ("FO", "Pakistan's Foreign Office", None, True),
        ("Baloch", "Mumtaz Zahra Baloch", "FO Spokesperson", True),
        ("the Foreign Office", "China's Foreign Ministry", None, False),
        ("Lin Jian", "Mumtaz Zahra Baloch", "FO Spokesperson", False),
    ],
)
def test_party_names_match_fuzzily(query: str, name: str, role: str | None, expected: bool) -> None:
    source = Source(name=name, role=role, kind="organization", stance="denies", on_record=True)
    assert names_party(query, source) is expected


def test_what_did_the_foreign_office_deny() -> None:
    reply = ask("What did the Foreign Office deny?")
    assert cited(reply) == {"c1"}
    assert "c1 (denied)" in reply["text"]
    quotes = {c["quote"] for c in reply["citations"]}
    assert "motivated by an agenda to create confusion" in quotes


def test_party_that_denied_nothing_gets_documents_dont_say() -> None:
    reply = ask("What did Lin Jian deny?")
    assert reply["text"].startswith("The documents don't say")
    assert reply["citations"] == []


def test_claims_resting_only_on_anonymous_sources() -> None:
    reply = ask("Which claims rest only on anonymous sources?")
    assert cited(reply) == {"c2"}  # c1 rests on media reports, and the FO denies it
    assert "five Pakistani security and government sources" in reply["text"]


def test_is_the_written_proposal_confirmed() -> None:
    reply = ask("Is the written proposal confirmed anywhere?")
    assert reply["text"].startswith("c2 is unverified")
    assert cited(reply) == {"c2"}


def test_status_listing_and_sources() -> None:
    assert cited(ask("Which claims are confirmed?")) == {"c3", "c4", "c5"}
    sources = ask("Who are the sources?")["text"]
    assert "Lin Jian" in sources and "five Pakistani security and government sources" in sources


def test_outside_question_gets_documents_dont_say() -> None:
    reply = ask("What is the capital of France?")
    assert reply["text"].startswith("The documents don't say")
    assert reply["citations"] == []


def test_confirmers_are_on_record_as_the_rubric_counts_them() -> None:
    """An asserting source counts as a confirmer only on the record, as rubric.decide counts it."""
    from assistant.offline.answering import _confirmers

    claim = seed_analysis().claims[0]
    named = claim.sources[0].model_copy(update={"kind": "named_official", "stance": "asserts"})
    off_record = named.model_copy(update={"name": "an official", "on_record": False})
    on_record = named.model_copy(update={"on_record": True})
    chosen = _confirmers(claim.model_copy(update={"sources": [off_record, on_record]}))
    assert chosen == [on_record]
