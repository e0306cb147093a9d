"""The chat answers who said what from ``Analysis.attributions`` (issue 12), for every engine.

A statement the engine read as an attribution but kept in no claim is still answered; the
documents are read once, through the Assistant's memory, and the history keeps the whole
reading (claims and attributions) across sessions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant import Assistant, Session
from assistant.chat.history import DB_NAME, History
from assistant.claims import Document
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel
from tests import wire

TEXT = (
    "The city will sell the Harbor Terminal, the Coastal Herald reported on Monday.\n"
    "Port authority spokesperson Daniel Osei said the appraisal was routine.\n"
    "Tom Okafor, the port authority's harbour master, said the cranes would be replaced "
    "next spring.\n"
    "Council member Rosa Lindqvist said she had not been briefed on any sale."
)
DOCUMENT = Document.from_text(TEXT, title="Harbor")
ATTRIBUTIONS = [
    wire.said(
        "Port authority spokesperson Daniel Osei",
        "said",
        "the appraisal was routine",
        "Daniel Osei",
        role="port authority spokesperson",
    ),
    wire.said(
        "Tom Okafor",
        "said",
        "the cranes would be replaced next spring",
        "Tom Okafor",
        role="the port authority's harbour master",
    ),
    wire.said(
        "Council member Rosa Lindqvist",
        "said",
        "she had not been briefed on any sale",
        "Rosa Lindqvist",
        role="Council member",
    ),
]


def reader(requests: list[str] | None = None) -> FunctionModel:
    """An LLM-like engine: no claims at all, only attributions; answers nothing itself."""

    def reply(request: ModelRequest) -> dict[str, Any]:
        assert request.task == "extract", f"unexpected {request.task} request"
        return {"claims": [], "attributions": ATTRIBUTIONS}

    return FunctionModel(reply)


def test_a_statement_in_no_claim_is_answered_from_the_attributions() -> None:
    model = reader()
    chat = Assistant(model).session([DOCUMENT])
    answer = chat.ask("What did the harbour master say?")
    assert chat.analysis.claims == []  # nothing but the attribution knows what Okafor said
    assert "Tom Okafor" in answer.text and "cranes would be replaced" in answer.text
    assert answer.verified and answer.citations
    [citation] = answer.citations
    assert citation.evidence is not None
    assert TEXT[citation.evidence.start : citation.evidence.end] == citation.quote
    assert "cranes would be replaced next spring" in citation.quote
    assert [r.task for r in model.requests] == ["extract"]  # answered by code, no answer request


def test_a_role_several_people_hold_asks_which_one_then_answers_the_choice() -> None:
    model = reader()
    chat = Assistant(model).session([DOCUMENT])
    which = chat.ask("What did the port authority say?")
    assert which.text.startswith("Which one?")
    assert "1. Daniel Osei" in which.text and "2. Tom Okafor" in which.text
    second = chat.ask("and the second one?")
    assert second.text.startswith("Tom Okafor") and "cranes" in second.text
    assert second.verified
    assert [r.task for r in model.requests] == ["extract"]


def test_what_x_said_about_a_topic_keeps_only_those_statements() -> None:
    chat = Assistant(reader()).session([DOCUMENT])
    answer = chat.ask("What did the port authority say about the cranes?")
    assert "Tom Okafor" in answer.text and "Osei" not in answer.text
    missing = chat.ask("What did Rosa Lindqvist say about the budget?")
    assert missing.says_not_covered and "briefed" in missing.text  # and what she did say


def test_questions_about_the_article_itself_still_go_to_the_model() -> None:
    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.task == "extract":
            return {"claims": [], "attributions": ATTRIBUTIONS}
        return {"text": "The documents don't say.", "citations": []}

    model = FunctionModel(reply)
    chat = Assistant(model).session([DOCUMENT])
    chat.ask("What does the article say about the cranes?")
    chat.ask("What did she say?")
    assert [r.task for r in model.requests] == ["extract", "answer", "answer"]
    assert model.requests[-1].inputs["attributions"]  # there for engines answering by code


def test_the_offline_engine_answers_a_speaker_no_claim_quotes() -> None:
    text = (
        "The council approved the budget on Monday, the clerk's office said.\n"
        "The hospital said it does not discuss patients."
    )
    chat = Assistant("offline").session([Document.from_text(text, title="t")])
    assert not any("discuss" in e.quote for c in chat.analysis.claims for e in c.evidence)
    answer = chat.ask("What did the hospital say?")
    assert "it does not discuss patients" in answer.text and answer.verified


def test_the_session_reads_through_the_assistants_memory() -> None:
    model = reader()
    desk = Assistant(model)
    analysed = desk.analyze(DOCUMENT)
    chat = desk.session([DOCUMENT])
    assert chat.analysis.attributions == analysed.attributions and chat.reused
    assert [r.task for r in model.requests] == ["extract"]  # read once, by analyze


def test_the_history_keeps_attributions_across_sessions(tmp_path: Path) -> None:
    history = History(tmp_path / DB_NAME)
    first = Assistant(reader()).session([DOCUMENT], history=history)
    kept = first.analysis.attributions
    assert len(kept) == 3
    again = reader()
    reopened = Session(Assistant(again), [DOCUMENT], history=history)
    assert reopened.analysis.attributions == kept and reopened.reused
    assert "Rosa Lindqvist" in reopened.ask("What did the council member say?").text
    assert again.requests == []  # nothing read again: the history's reading was used


def test_the_openai_engine_answers_from_the_attributions_it_read() -> None:
    """The LLM engine on the wire: its extraction answer's attributions are grounded into the
    analysis, and "what did X say?" is answered from them without another request."""
    import json

    from tests.scripted_server import ScriptedServer, completion

    read = {"claims": [], "attributions": ATTRIBUTIONS}
    server = ScriptedServer(completion(json.dumps(read)))
    chat = Assistant(server.model(mode="json_schema", max_tokens=400)).session([DOCUMENT])
    answer = chat.ask("What did Rosa Lindqvist say?")
    assert "had not been briefed on any sale" in answer.text and answer.verified
    assert [b["response_format"]["json_schema"]["name"] for b in server.bodies] == [
        "ExtractionOutput"
    ]


def test_offline_who_said_a_thing_no_claim_holds_reads_the_attributions() -> None:
    text = (
        "The council approved the budget on Monday, the clerk's office said.\n"
        "The hospital said it does not discuss patients."
    )
    chat = Assistant("offline").session([Document.from_text(text, title="t")])
    answer = chat.ask("Who said it does not discuss patients?")
    assert answer.text.startswith("The hospital said:") and answer.verified
    assert chat.ask("Who said the moon is made of cheese?").says_not_covered
