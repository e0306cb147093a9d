"""The SDK chat session with a scripted model: grounding of answers, re-asks, cache, add, check."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from assistant import Answer, Assistant, Session
from assistant.chat.history import DB_NAME, History
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel
from tests.chat_support import extraction_reply, seed_document

FO_ANSWER: dict[str, Any] = {
    "text": "The Foreign Office denied c1, that China is pressuring Islamabad.",
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}
MADE_UP: dict[str, Any] = {
    "text": "The Foreign Office denied c1.",
    "citations": [{"claim_id": "c1", "quote": "China admitted everything"}],
}


def scripted_chat(answers: list[dict[str, Any]], context_chars: int = 24_000) -> FunctionModel:
    """Extraction requests get the seed claims; answer requests get ``answers`` in order."""
    queue = list(answers)

    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.task == "extract":
            return extraction_reply(seed_document())
        assert request.task == "answer"
        return queue.pop(0)

    return FunctionModel(reply, context_chars=context_chars)


def new_session(model: FunctionModel, history: History | None = None) -> Session:
    return Assistant(model).session([seed_document()], history=history)


def test_answer_with_located_quote_is_verified() -> None:
    model = scripted_chat([FO_ANSWER])
    answer = new_session(model).ask("What did the Foreign Office deny?")
    assert answer.verified and not answer.reasked and answer.warning is None
    [citation] = answer.citations
    assert citation.claim_id == "c1"
    assert citation.evidence is not None
    text = seed_document().text
    assert text[citation.evidence.start : citation.evidence.end] == citation.quote
    assert [r.task for r in model.requests] == ["extract", "answer"]


def test_answer_request_carries_claims_and_documents_as_data() -> None:
    model = scripted_chat([FO_ANSWER])
    new_session(model).ask("What did the Foreign Office deny?")
    request = model.requests[-1]
    assert request.inputs["question"] == "What did the Foreign Office deny?"
    assert [c["id"] for c in request.inputs["claims"]] == ["c1", "c2", "c3", "c4", "c5"]
    user = request.messages[-1].content
    assert "<claims>" in user and "<document id=" in user and "<question>" in user
    assert "The documents don't say" in request.messages[0].content


def test_unverifiable_citation_is_reasked_once_then_fixed() -> None:
    model = scripted_chat([MADE_UP, FO_ANSWER])
    answer = new_session(model).ask("What did the Foreign Office deny?")
    assert answer.verified and answer.reasked and answer.warning is None
    reask = model.requests[-1].messages[-1].content
    assert "China admitted everything" in reask
    assert answer.usage.reasks == 1


def test_answer_still_unverifiable_after_one_reask_is_shown_with_warning() -> None:
    model = scripted_chat([MADE_UP, MADE_UP])
    answer = new_session(model).ask("What did the Foreign Office deny?")
    assert not answer.verified and answer.reasked
    assert answer.warning is not None and "China admitted everything" in answer.warning
    assert answer.citations[0].verified is False
    assert sum(r.task == "answer" for r in model.requests) == 2


def test_citation_of_unknown_claim_is_not_verified() -> None:
    wrong_id = {**FO_ANSWER, "citations": [{**FO_ANSWER["citations"][0], "claim_id": "c42"}]}
    answer = new_session(scripted_chat([wrong_id, wrong_id])).ask("What did the FO deny?")
    assert not answer.verified
    assert answer.citations[0].problem == "claim 'c42' does not exist"


def test_uncited_answer_is_reasked_but_documents_dont_say_is_accepted() -> None:
    uncited = {"text": "Paris is the capital of France.", "citations": []}
    not_said = {"text": "The documents don't say what the capital of France is.", "citations": []}
    model = scripted_chat([uncited, not_said])
    answer = new_session(model).ask("What is the capital of France?")
    assert answer.reasked and answer.says_not_covered and answer.warning is None
    assert not answer.verified  # nothing cited, nothing verified


def test_earlier_questions_go_with_the_next_request() -> None:
    model = scripted_chat([FO_ANSWER, FO_ANSWER])
    chat = new_session(model)
    chat.ask("What did the Foreign Office deny?")
    chat.ask("And who said it?")
    history = model.requests[-1].inputs["history"]
    assert history == [
        {
            "question": "What did the Foreign Office deny?",
            "answer": FO_ANSWER["text"],
            "claims": ["c1"],
            "quotes": ["motivated by an agenda to create confusion"],
        }
    ]
    assert len(chat.turns) == 2 and chat.usage.model_calls == 3
    prompt = model.requests[-1].messages[-1].content  # what the model reads of that turn
    assert "Q: What did the Foreign Office deny?" in prompt and f"A: {FO_ANSWER['text']}" in prompt


def test_aask_matches_ask() -> None:
    model = scripted_chat([FO_ANSWER])
    answer = asyncio.run(new_session(model).aask("What did the Foreign Office deny?"))
    assert isinstance(answer, Answer) and answer.verified


def test_analysis_is_cached_by_document_engine_and_prompts(tmp_path: Path) -> None:
    history = History(tmp_path / DB_NAME)
    first = scripted_chat([FO_ANSWER])
    new_session(first, history).ask("What did the Foreign Office deny?")
    again = scripted_chat([FO_ANSWER])
    reopened = new_session(again, history)
    assert reopened.analysis.claims[0].id == "c1" and reopened.reused
    assert [r.task for r in again.requests] == []
    other_text = seed_document().model_copy(update={"text": seed_document().text + " More."})
    changed = Assistant(scripted_chat([])).session([other_text], history=history)
    assert changed.analysis is not None and not changed.reused


def test_add_analyses_only_the_new_document_and_keeps_ids() -> None:
    second = "The interior ministry said on Friday that it had received no written proposal."

    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.inputs["text"] == second:
            return {
                "claims": [
                    {
                        "text": "The interior ministry received no written proposal.",
                        "status": "confirmed",
                        "status_reason": "On the record.",
                        "sources": [
                            {
                                "name": "the interior ministry",
                                "role": None,
                                "kind": "organization",
                                "stance": "asserts",
                                "on_record": True,
                                "quotes": ["it had received no written proposal"],
                            }
                        ],
                    }
                ]
            }
        return extraction_reply(seed_document())

    model = FunctionModel(reply)
    chat = new_session(model)
    before = [(c.id, c.text) for c in chat.analysis.claims]
    from assistant.documents import parse_document

    analysis = chat.add(parse_document(second.encode(), "second"))
    assert [(c.id, c.text) for c in analysis.claims][: len(before)] == before
    assert analysis.claims[-1].id == f"c{len(before) + 1}"
    assert [r.task for r in model.requests] == ["extract", "extract"]


VERDICT: dict[str, Any] = {
    "status": "unverified",
    "reason": "Only a media report citing anonymous sources says so.",
    "sources": [
        {
            "name": "five Pakistani security and government sources",
            "role": None,
            "kind": "anonymous",
            "stance": "asserts",
            "on_record": False,
            "quotes": ["five Pakistani security and government sources"],
        }
    ],
}


def test_check_runs_the_full_check_and_names_matching_claims() -> None:
    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.task == "extract":
            return extraction_reply(seed_document())
        assert request.task == "check"
        return VERDICT

    model = FunctionModel(reply)
    chat = new_session(model)
    answer = chat.check("Beijing pushed for its own security staff and made a written proposal")
    assert [r.task for r in model.requests] == ["extract", "check"]
    assert answer.text.startswith("Checked against the documents: unverified.")
    assert "c2 is unverified" in answer.text
    assert answer.verified and answer.citations
    assert {c.claim_id for c in answer.citations} == {"c2"}
    quotes = [c.quote for c in answer.citations]  # the verdict's quote is also c2's: cited once
    assert quotes.count("five Pakistani security and government sources") == 1
    assert answer.usage.model_calls == 1 and chat.usage.model_calls == 2


def test_check_with_a_made_up_quote_is_flagged() -> None:
    made_up = {**VERDICT, "sources": [{**VERDICT["sources"][0], "quotes": ["Beijing admitted it"]}]}

    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.task == "extract":
            return extraction_reply(seed_document())
        return made_up

    answer = new_session(FunctionModel(reply)).check("Lin Jian visited Islamabad")
    # the check drops the quote it cannot find; nothing in the analysis matches: no evidence
    assert not answer.verified and answer.warning is not None


def test_offline_is_x_confirmed_questions_go_to_the_check() -> None:
    from tests.chat_support import seed_analysis

    assistant = Assistant("offline")
    analysis = seed_analysis(assistant.engine)
    chat = Session(assistant, analysis.documents, analysis=analysis)
    answer = chat.ask("Is the written proposal confirmed anywhere?")
    assert answer.kind == "check" and answer.verified
    assert answer.text.startswith("Checked against the documents: unverified")
    assert "Matching claims in the analysis:" in answer.text
    assert "c2" in {c.claim_id for c in answer.citations}


def test_answers_serialise_for_export() -> None:
    answer = new_session(scripted_chat([FO_ANSWER])).ask("What did the Foreign Office deny?")
    data = json.loads(answer.model_dump_json())
    assert data["citations"][0]["evidence"]["quote"] == data["citations"][0]["quote"]


def test_documents_beyond_the_context_budget_are_left_out_but_claims_stay() -> None:
    model = scripted_chat([FO_ANSWER], context_chars=100)  # smaller than the seed article
    new_session(model).ask("What did the Foreign Office deny?")
    request = model.requests[-1]
    assert request.inputs["documents"] == [] and request.inputs["omitted"] == 1
    assert len(request.inputs["claims"]) == 5
    assert "left out for length" in request.messages[-1].content


def test_empty_question_is_an_input_error() -> None:
    from assistant.errors import InputError

    with pytest.raises(InputError, match="empty"):
        new_session(scripted_chat([])).ask("   ")


def test_verdict_quote_outside_every_claim_is_cited_as_document_text() -> None:
    outside = {**VERDICT, "sources": [{**VERDICT["sources"][0], "quotes": ["Follow Day News"]}]}

    def reply(request: ModelRequest) -> dict[str, Any]:
        if request.task == "extract":
            return extraction_reply(seed_document())
        return outside

    answer = new_session(FunctionModel(reply)).check("Day News is on Google News")
    [citation] = answer.citations
    assert citation.claim_id is None and citation.verified
