"""The offline check on short articles written for these tests (tests/fixtures/check)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import InputError
from assistant.models.base import Message, ModelRequest
from assistant.offline.checking import check
from assistant.offline.engine import OfflineModel
from assistant.outputs import VerdictOutput

FIXTURES = Path(__file__).parent / "fixtures" / "check"


def _document(name: str, **fields: str) -> dict[str, Any]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return {"id": name, "title": None, "text": text, "date": None, "outlet": None, **fields}


def _check(claim: str, *documents: dict[str, Any]) -> VerdictOutput:
    answer = check({"claim": claim, "documents": list(documents)})
    verdict = VerdictOutput.model_validate(answer)
    texts = [d["text"] for d in documents]
    for source in verdict.sources:
        assert source.quotes, source
        for quote in source.quotes:
            assert any(quote in text for text in texts), quote
    return verdict


def test_claim_affirmed_on_record_is_confirmed() -> None:
    verdict = _check(
        "Riverton city council approved a 48 million dollar budget",
        _document("confirmed_on_record", outlet="Riverton Post"),
    )
    assert verdict.status == "confirmed"
    assert [s.name for s in verdict.sources] == ["Riverton Post"]
    assert verdict.sources[0].stance == "confirms"
    assert "approved a new budget" in verdict.sources[0].quotes[0]


def test_claim_rejected_by_the_party_it_concerns_is_denied() -> None:
    verdict = _check(
        "Halvard Foods will close its canning plant in Brookfield",
        _document("denied_by_party"),
    )
    assert verdict.status == "denied"
    assert verdict.sources[0].stance == "denies"
    assert verdict.sources[0].name == "Halvard Foods"
    assert verdict.sources[0].kind == "organization"
    assert "false" in verdict.sources[0].quotes[0] or "not true" in verdict.sources[0].quotes[0]
    assert verdict.reason.endswith(".")


def test_denial_verb_by_the_named_party_in_the_lead_is_a_denial() -> None:
    verdict = _check(
        "Norvik Airlines will cut its Atlantic routes next spring",
        _document("party_denial", outlet="Travel Weekly"),
    )
    assert verdict.status == "denied"
    assert verdict.sources[0].quotes[0].startswith("Norvik Airlines denied")
    assert verdict.reason == (
        "Denied on the record by Norvik Airlines (organization), as read in Travel Weekly."
    )


def test_claim_from_anonymous_sources_only_is_unverified() -> None:
    verdict = _check(
        "Transport minister Karl Weiss is preparing to resign",
        _document("anonymous_sources"),
    )
    assert verdict.status == "unverified"
    source = verdict.sources[0]
    assert source.kind == "anonymous"
    assert source.on_record is False
    assert source.name == "two sources familiar with the matter"
    assert source.name in source.quotes[0]


def test_tabloid_headline_matches_a_sober_body() -> None:
    verdict = _check(
        "BREAKING: Hero Firefighter SAVES Kitten From Blazing Leeds Tower Block!!! (VIDEO)",
        _document("sober_body"),
    )
    assert verdict.status == "confirmed"
    assert "rescued a kitten" in verdict.sources[0].quotes[0]


def test_unrelated_claim_is_not_addressed() -> None:
    verdict = _check(
        "The central bank raised interest rates by half a point",
        _document("sober_body"),
        _document("confirmed_on_record"),
    )
    assert verdict.status == "not_addressed"
    assert verdict.sources == []


def test_only_related_documents_become_sources() -> None:
    verdict = _check(
        "Halvard Foods will close its canning plant in Brookfield",
        _document("sober_body", outlet="Leeds Echo"),
        _document("denied_by_party", outlet="Brookfield Gazette"),
    )
    assert [s.name for s in verdict.sources] == ["Halvard Foods"]
    assert "Brookfield Gazette" in verdict.reason


def test_a_claim_that_is_itself_a_debunking_is_confirmed_by_the_debunk() -> None:
    verdict = _check(
        "Report that Halvard Foods will close Brookfield plant is false",
        _document("denied_by_party"),
    )
    assert verdict.status == "confirmed"


def test_headline_as_document_is_read_by_its_framing() -> None:
    claim = "Halvard Foods will close its Brookfield plant"
    hedged = {"id": "h1", "text": "Halvard Foods may close Brookfield plant, sources say"}
    denying = {"id": "h2", "text": "No, Halvard Foods is not closing its Brookfield plant"}
    plain = {"id": "h3", "text": "Halvard Foods to close Brookfield canning plant"}
    assert _check(claim, hedged).status == "unverified"
    assert _check(claim, denying).status == "denied"
    assert _check(claim, plain).status == "confirmed"


@pytest.mark.parametrize(
    "inputs",
    [
        {"claim": "", "documents": [{"text": "x"}]},
        {"claim": "x", "documents": []},
        {"claim": "x", "documents": [{"id": "a"}]},
        {"documents": [{"text": "x"}]},
    ],
)
def test_bad_input_is_a_clear_error(inputs: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        check(inputs)


def test_offline_model_answers_check_requests() -> None:
    request = ModelRequest(
        task="check",
        prompt=(Message("user", "check this"),),
        output_type=VerdictOutput,
        inputs={
            "claim": "Halvard Foods will close its plant",
            "documents": [_document("denied_by_party")],
        },
    )
    answer = json.loads(OfflineModel().complete(request).content)
    assert VerdictOutput.model_validate(answer).status == "denied"


def test_a_one_word_verdict_is_quoted_with_the_claim_it_rules_on() -> None:
    # "FALSE" alone shows nothing (evidence.py rejects a word or two): the reader quotes it
    # with the "Claim: ..." line above it, so the debunk survives grounding
    document = _document("fact_check_verdict")
    verdict = _check("Saltmere banned tourists from its beaches", document)
    assert verdict.status == "denied"
    [quote] = verdict.sources[0].quotes
    assert quote.startswith("Claim: The harbour town of Saltmere") and quote.endswith("FALSE")


def test_a_one_word_verdict_denies_through_the_product_path() -> None:
    from assistant import Assistant, Document

    text = (FIXTURES / "fact_check_verdict.txt").read_text(encoding="utf-8")
    verdict = Assistant("offline").check(
        "Saltmere banned tourists from its beaches", Document.from_text(text)
    )
    assert verdict.status == "denied" and not verdict.ungrounded
    assert verdict.usage.rejected_quotes == 0
