"""The ``answer`` prompt on the wire, against a recording of a real OpenAI-compatible server.

Re-record with ``scripts/record-cassettes.sh tests/test_answer_cassette.py`` (it serves the model
of ../shared/design/recording.md); with ``--record-mode=none`` these tests never talk to a server.

The assertions hold whatever a weak model says: every citation the chat calls verified sits at
its offsets in the document, and an answer whose citations fail is re-asked and then flagged.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from assistant import Answer, Assistant, Session
from assistant.claims import Analysis, Claim, Document, Source
from assistant.grounding import locate
from assistant.models import openai as openai_engine
from assistant.rubric import resolve
from tests.cassette_config import vcr_cassette_dir, vcr_config  # noqa: F401

SERVER = "http://127.0.0.1:8011/v1"  # where scripts/record-cassettes.sh serves the model
MODEL = "smollm2-135m"
ARTICLE = (
    "Mayor Lena Park said the new library will open in June. "
    "The city council has not confirmed the date."
)


def analysed_session() -> Session:
    document = Document.from_text(ARTICLE, title="library")

    def source(name: str, kind: str, stance: str, quote: str) -> Source:
        evidence = locate(document, quote)
        assert evidence is not None
        return Source.model_validate(
            {
                "name": name,
                "kind": kind,
                "stance": stance,
                "on_record": True,
                "evidence": [evidence],
            }
        )

    sources = [
        source("Lena Park", "named_official", "asserts", "the new library will open in June"),
        source("the city council", "organization", "not_confirmed", "has not confirmed the date"),
    ]
    status, reason = resolve(sources)
    claim = Claim(
        id="c1",
        text="The new library will open in June.",
        status=status,
        status_reason=reason,
        sources=sources,
    )
    model = openai_engine.OpenAIModel(
        MODEL, base_url=SERVER, api_key="unused", env={}, mode="json_object", max_tokens=200
    )
    assistant = Assistant(model=model)
    analysis = Analysis(documents=[document], claims=[claim], engine=assistant.engine)
    return Session(assistant, [document], analysis=analysis)


def assert_grounded(answer: Answer, session: Session, *, counts_tokens: bool = True) -> None:
    """Every citation called verified sits at its offsets; an unverified answer was re-asked and
    flagged. ``counts_tokens=False`` for streams from servers that send no usage."""
    text = session.documents[0].text
    for citation in answer.citations:
        if citation.verified:
            assert citation.evidence is not None
            assert text[citation.evidence.start : citation.evidence.end] == citation.quote
    if not answer.verified:
        assert answer.reasked and answer.warning
    assert session.usage.model_calls >= 1
    if counts_tokens:
        assert session.usage.prompt_tokens > 0


@pytest.mark.vcr
def test_answer_prompt_round_trip(vcr: Any) -> None:
    session = analysed_session()
    question = "When will the library open, and has the council confirmed it?"
    answer = session.ask(question)
    assert_grounded(answer, session)
    sent = json.loads(vcr.requests[0].body)
    system, user = sent["messages"][0]["content"], sent["messages"][-1]["content"]
    assert "citations" in system and question in user
    assert "The new library will open in June." in user and "c1" in user
    assert sent["response_format"]["type"] == "json_object"


@pytest.mark.vcr
def test_question_the_documents_do_not_answer() -> None:
    session = analysed_session()
    answer = asyncio.run(session.aask("Who designed the library?"))
    assert_grounded(answer, session)


@pytest.mark.vcr
def test_follow_up_carries_the_previous_turn(vcr: Any) -> None:
    """'who said that?' reaches the model with the turn before it, so it can resolve 'that'."""
    session = analysed_session()
    first = session.ask("When will the library open?")
    second = session.ask("Who said that?")
    assert_grounded(second, session)
    asked = [json.loads(r.body)["messages"][1]["content"] for r in vcr.requests]
    user = next(u for u in asked if "<question>Who said that?</question>" in u)
    assert "Earlier in this conversation:" in user
    assert "Q: When will the library open?" in user and f"A: {first.text}" in user
    assert user.rstrip().endswith("<question>Who said that?</question>")
