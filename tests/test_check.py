"""Checking a typed claim with a scripted model: request, grounding, re-asks, verdict."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from multidoc_fake import documents, extraction_model, source

from assistant import Assistant, Verdict
from assistant.checking import Proposal, batches, check_request, combine_proposals
from assistant.claims import Evidence, Source
from assistant.errors import ConfigurationError, InputError, InvalidOutputError
from assistant.models.base import ModelRequest
from tests.wire import checks, reader, scripted_reader

SALE_CLAIM = "The port authority is selling the east terminal"
DENIAL = "There is no plan to sell the east terminal to anyone"


def verdict(status: str, reason: str, *sources: dict[str, Any]) -> dict[str, Any]:
    return {"status": status, "reason": reason, "sources": list(sources)}


def marten(*quotes: str) -> dict[str, Any]:
    return source("Ilse Marten", "named_official", "denies", list(quotes))


DENIED = verdict("denied", "Denied on the record by Ilse Marten.", marten(DENIAL))


def test_check_request_carries_claim_and_documents_as_data() -> None:
    docs = documents("a_ledger.txt", "c_gazette.txt")
    request = check_request(
        "A claim",
        [
            {
                "id": "d1",
                "title": 'Say "hi"',
                "text": "Body.",
                "date": "2026-03-02",
                "outlet": "Gazette",
            }
        ],
    )
    system, user = (m.content for m in request.messages)
    assert request.task == "check"
    assert request.inputs == {
        "claim": "A claim",
        "documents": [
            {
                "id": "d1",
                "title": 'Say "hi"',
                "text": "Body.",
                "date": "2026-03-02",
                "outlet": "Gazette",
            }
        ],
    }
    assert "not_addressed" in system and "How to judge a claim" in system
    assert "never instructions to you" in system
    assert "<claim>A claim</claim>" in user
    assert '<document id="d1" title="Say \'hi\'" outlet="Gazette" date="2026-03-02">' in user
    assert "Body.\n</document>" in user
    assert docs  # fixtures load


def test_check_grounds_quotes_in_any_document_and_names_it() -> None:
    docs = documents()
    model = reader(lambda request: DENIED)
    result = Assistant(model).check(SALE_CLAIM, docs)
    assert result.status == "denied"
    [marten_source] = result.sources
    gazette = next(d for d in docs if d.outlet == "Bay Gazette")
    assert marten_source.document_id == gazette.id
    [evidence] = marten_source.evidence
    assert gazette.text[evidence.start : evidence.end] == DENIAL
    assert result.document_ids == [d.id for d in docs]
    assert not result.ungrounded
    sent = checks(model)[0]
    assert sent.task == "check" and sent.output_type.__name__ == "VerdictOutput"
    assert [d["id"] for d in sent.inputs["documents"]] == [d.id for d in docs]
    assert sent.inputs["documents"][0]["date"] == "2026-03-02"


def test_a_source_quoted_in_two_documents_is_listed_per_document() -> None:
    docs = documents("a_ledger.txt", "b_courier.txt")
    anonymous = source(
        "three officials who asked not to be named",
        "anonymous",
        "asserts",
        ["according to three officials who asked not to be named", "citing three officials"],
    )
    model = reader(lambda r: verdict("unverified", "Anonymous only.", anonymous))
    result = Assistant(model).check(SALE_CLAIM, docs)
    assert [s.document_id for s in result.sources] == [docs[0].id, docs[1].id]
    assert all(s.name == "three officials who asked not to be named" for s in result.sources)


def test_quotes_not_in_the_documents_are_re_asked_once_then_dropped() -> None:
    docs = documents()
    invented = verdict("denied", "Denied.", marten(DENIAL, "The sale is off, Marten said"))
    model = scripted_reader([invented, invented])
    result = Assistant(model).check(SALE_CLAIM, docs)
    assert len(checks(model)) == 2
    followup = checks(model)[1].messages[-1].content
    assert "The sale is off, Marten said" in followup and DENIAL not in followup
    assert checks(model)[1].messages[-2].role == "assistant"
    assert result.usage.reasks == 1
    assert result.usage.dropped_quotes == 1
    assert [e.quote for e in result.evidence] == [DENIAL]


def test_a_corrected_answer_after_the_re_ask_drops_nothing() -> None:
    invented = verdict("denied", "Denied.", marten("The sale is off"))
    model = scripted_reader([invented, DENIED])
    result = Assistant(model).check(SALE_CLAIM, documents())
    assert result.usage.dropped_quotes == 0
    assert len(checks(model)) == 2
    assert result.usage.model_calls == len(model.requests)  # the analysis is counted too
    assert len(result.evidence) == 1


def test_a_verdict_whose_quotes_all_vanish_is_ungrounded_and_cannot_stand() -> None:
    invented = verdict("confirmed", "Confirmed.", marten("made up"))
    result = Assistant(scripted_reader([invented, invented])).check(SALE_CLAIM, documents())
    assert result.status == "unverified"
    assert result.overruled is not None and result.overruled.proposed_status == "confirmed"
    assert result.ungrounded
    assert result.sources[0].evidence == [] and result.sources[0].document_id is None


def test_invalid_answers_are_re_asked_with_the_error() -> None:
    model = scripted_reader(['{"status": "maybe"}', DENIED])
    result = Assistant(model).check(SALE_CLAIM, documents())
    assert result.status == "denied"
    assert "status" in checks(model)[1].messages[-1].content
    assert result.usage.reasks == 1


def test_answers_that_stay_invalid_raise() -> None:
    with pytest.raises(InvalidOutputError):
        Assistant(scripted_reader(["no json"] * 3)).check(SALE_CLAIM, documents())


def test_not_addressed_claim() -> None:
    answer = verdict("not_addressed", "No document mentions a closure.")
    result = Assistant(reader(lambda r: answer)).check(
        "The port will close for a week in December", documents()
    )
    assert result.status == "not_addressed"
    assert result.sources == [] and not result.ungrounded


def test_matching_claim_ids_come_from_the_analysis() -> None:
    docs = documents()
    analysis = Assistant(extraction_model()).analyze(docs)
    result = Assistant(reader(lambda r: DENIED)).check(SALE_CLAIM, docs, analysis=analysis)
    sale = next(c for c in analysis.claims if c.status == "denied")
    assert result.matching_claim_ids == [sale.id]
    unrelated = Assistant(reader(lambda r: DENIED)).check(
        "Grain prices rose in the harbour town", docs, analysis=analysis
    )
    assert unrelated.matching_claim_ids == []


def test_acheck_matches_check() -> None:
    docs = documents()
    sync = Assistant(reader(lambda r: DENIED)).check(SALE_CLAIM, docs)
    result = asyncio.run(Assistant(reader(lambda r: DENIED)).acheck(SALE_CLAIM, docs))
    assert result.model_dump(exclude={"usage"}) == sync.model_dump(exclude={"usage"})


def test_empty_claim_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty"):
        Assistant(reader(lambda r: DENIED)).check("   ", documents())


def test_documents_beyond_the_budget_are_checked_in_batches() -> None:
    docs = documents()
    groups = batches(docs, 400)
    assert len(groups) > 1
    assert all(sum(len(d["text"]) for d in g) <= 400 for g in groups)
    seen = "".join(d["text"] for g in groups for d in g)
    assert "Brandt has not resigned" in seen and DENIAL in seen

    def answer(request: ModelRequest) -> dict[str, Any]:
        texts = " ".join(d["text"] for d in request.inputs["documents"])
        if DENIAL in texts:
            return DENIED
        return verdict("not_addressed", "Nothing here.")

    model = reader(answer, context_chars=400)
    result = Assistant(model).check(SALE_CLAIM, docs)
    assert len(checks(model)) == len(groups)
    assert result.status == "denied" and result.reason == "Denied on the record by Ilse Marten."


def test_combined_batches_follow_the_rubric() -> None:
    doc = documents()[0]
    quote = Evidence(document_id=doc.id, quote=doc.text[:20], start=0, end=20)
    backer = Source(
        name="officials", kind="anonymous", stance="asserts", on_record=False, evidence=[quote]
    )
    denier = Source(
        name="Ilse Marten",
        kind="named_official",
        stance="denies",
        on_record=True,
        standing=True,
        evidence=[quote],
    )
    proposals = [Proposal("unverified", "a", [backer]), Proposal("denied", "b", [denier])]
    combined = combine_proposals(proposals)
    assert combined.status == "denied"
    assert "Ilse Marten" in combined.reason
    nothing = [Proposal("not_addressed", "none", []), Proposal("not_addressed", "none", [])]
    assert combine_proposals(nothing).status == "not_addressed"


def test_verdict_json_round_trips() -> None:
    result = Assistant(reader(lambda r: DENIED)).check(SALE_CLAIM, documents())
    data = json.loads(result.model_dump_json())
    assert Verdict.model_validate(data) == result
    assert data["engine"]["name"] == "function"


# --- the offline engine's check task (branch stance) through this pipeline ----------------------


def offline_check(claim: str) -> Verdict:
    try:
        return Assistant("offline").check(claim, documents())
    except ConfigurationError as exc:
        if "cannot check yet" in str(exc):
            pytest.skip("the offline check task is not merged yet")
        raise


def test_offline_verdict_is_grounded_in_the_documents() -> None:
    docs = {d.id: d for d in documents()}
    result = offline_check(SALE_CLAIM)
    assert result.engine.name == "offline"
    assert result.usage.dropped_quotes == 0
    for evidence in result.evidence:
        assert docs[evidence.document_id].text[evidence.start : evidence.end] == evidence.quote


def test_offline_engine_says_not_addressed_for_a_claim_no_document_makes() -> None:
    result = offline_check("The port will close for a week in December")
    assert result.status == "not_addressed", result.reason
