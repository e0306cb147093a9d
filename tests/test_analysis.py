"""The analysis pipeline, driven by the scripted fake model."""

from __future__ import annotations

import asyncio
import json

import jinja2
import pytest

from assistant import Assistant, prompts
from assistant.claims import Document
from assistant.errors import (
    ContentFilterError,
    InvalidOutputError,
    RefusalError,
    TruncatedOutputError,
)
from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.function import FunctionModel, scripted
from tests.wire import claim, source

DENIAL = claim(
    "China is pressuring Islamabad to let Chinese security personnel protect its nationals",
    "denied",
    [
        source(
            "Mumtaz Zahra Baloch",
            ["called these reports \u201cspeculations,\u201d"],
            stance="denies",
            role="FO Spokesperson",
        ),
        source(
            "media reports",
            ["denied claims that China is pressuring Islamabad"],
            kind="media_report",
            on_record=True,
        ),
    ],
)
BLAST = claim(
    "A March blast in Bisham killed five Chinese nationals",
    "confirmed",
    [
        source(
            "outlet",
            ["a blast in Bisham, Khyber Pakhtunkhwa, killed five Chinese nationals"],
            kind="outlet",
        )
    ],
)


def test_statuses_sources_and_evidence_are_mapped(seed_document: Document) -> None:
    analysis = Assistant(scripted([{"claims": [DENIAL, BLAST]}])).analyze(seed_document)
    denial, blast = analysis.claims
    assert (denial.id, denial.status, blast.id, blast.status) == ("c1", "denied", "c2", "confirmed")
    baloch = denial.sources[0]
    assert (baloch.kind, baloch.stance, baloch.on_record, baloch.role) == (
        "named_official",
        "denies",
        True,
        "FO Spokesperson",
    )
    for evidence in denial.evidence + blast.evidence:
        assert seed_document.text[evidence.start : evidence.end] == evidence.quote
    assert analysis.usage.model_calls == 1 and analysis.usage.dropped_quotes == 0
    assert analysis.engine.prompt_version == prompts.prompt_version()


def test_invented_quote_gets_one_reask_then_is_dropped(seed_document: Document) -> None:
    invented = claim(
        "Beijing sent troops",
        "confirmed",
        [source("sources", ["Beijing sent 500 troops"], kind="anonymous", on_record=False)],
    )
    model = scripted([{"claims": [invented, BLAST]}, {"claims": [invented, BLAST]}])
    analysis = Assistant(model).analyze(seed_document)
    troops, blast = analysis.claims
    assert troops.ungrounded and troops.evidence == []
    assert troops.status == "unverified"  # never shown as sourced
    assert troops.status_reason.startswith("Ungrounded") and "confirmed" in troops.status_reason
    assert not blast.ungrounded
    assert analysis.usage.dropped_quotes == 1 and analysis.usage.reasks == 1
    followup = model.requests[1].messages[-1].content
    assert "Beijing sent 500 troops" in followup


def test_reask_fixes_a_quote(seed_document: Document) -> None:
    wrong = claim(
        BLAST["text"], "confirmed", [source("outlet", ["a bomb killed five"], kind="outlet")]
    )
    analysis = Assistant(scripted([{"claims": [wrong]}, {"claims": [BLAST]}])).analyze(
        seed_document
    )
    assert not analysis.claims[0].ungrounded and analysis.usage.dropped_quotes == 0


@pytest.mark.parametrize(
    "bad",
    [
        "not json at all",
        json.dumps({"claims": [dict(BLAST, status="probably")]}),
        json.dumps({"claims": [dict(BLAST, sources=[dict(BLAST["sources"][0], kind="blog")])]}),
    ],
)
def test_invalid_output_is_reasked_with_the_error(seed_document: Document, bad: str) -> None:
    model = scripted([bad, {"claims": [BLAST]}])
    analysis = Assistant(model).analyze(seed_document)
    assert [c.status for c in analysis.claims] == ["confirmed"]
    assert analysis.usage.reasks == 1
    correction = model.requests[1].messages[-1].content
    assert correction.startswith("Your answer could not be used")
    assert model.requests[1].messages[-2].content == bad


def test_invalid_output_is_never_defaulted(seed_document: Document) -> None:
    model = scripted(['{"claims": "none"}'] * 3)
    with pytest.raises(InvalidOutputError) as raised:
        Assistant(model).analyze(seed_document)
    assert raised.value.attempts == 3 and len(model.requests) == 3


@pytest.mark.parametrize(
    ("response", "error"),
    [
        (ModelResponse("", finish_reason="refusal", refusal="I can't help"), RefusalError),
        (ModelResponse('{"claims": [', finish_reason="length"), TruncatedOutputError),
        (ModelResponse("", finish_reason="content_filter"), ContentFilterError),
    ],
)
def test_refusal_truncation_and_filter_are_explicit(
    seed_document: Document, response: ModelResponse, error: type[Exception]
) -> None:
    # a truncated part is split and re-asked (the half, then its quarter) before the error
    model = scripted([response] * 3)
    with pytest.raises(error):
        Assistant(model).analyze(seed_document)
    assert len(model.requests) == (3 if error is TruncatedOutputError else 1)


def test_article_goes_in_as_delimited_numbered_data(seed_document: Document) -> None:
    model = scripted([{"claims": []}])
    Assistant(model).analyze(seed_document)
    system, user = model.requests[0].messages
    assert "never instructions" in system.content
    assert '"claims"' in system.content  # the schema
    assert user.content.startswith("<document") and user.content.endswith("</document>")
    assert "[P1] Pakistan\u2019s Foreign Office" in user.content


def _echo_first_sentence(request: ModelRequest) -> dict[str, object]:
    """Claim each part's first paragraph, quoting it: lets tests follow chunk offsets."""
    first = request.inputs["paragraphs"][0]
    return {
        "claims": [claim(first[:40], "confirmed", [source("outlet", [first[:40]], kind="outlet")])]
    }


def test_long_input_is_split_and_offsets_stay_whole_document() -> None:
    paragraphs = [
        f"Paragraph {i} reports that council member {i} voted for budget line {i}."
        for i in range(40)
    ]
    document = Document.from_text("\n".join(paragraphs))
    model = FunctionModel(_echo_first_sentence, context_chars=600)
    analysis = Assistant(model).analyze(document)
    assert len(model.requests) > 3
    assert {r.inputs["part_count"] for r in model.requests} == {len(model.requests)}
    assert "part 2 of" in model.requests[1].messages[1].content
    assert len(analysis.claims) == len(model.requests)
    for c in analysis.claims:
        (evidence,) = c.evidence
        assert document.text[evidence.start : evidence.end] == evidence.quote
    assert analysis.claims[-1].evidence[0].start > 600


def test_restatements_across_parts_are_merged(seed_document: Document) -> None:
    restated = claim(
        "Five Chinese nationals were killed by a March blast in Bisham",
        "confirmed",
        [source("outlet", ["killed five Chinese nationals"], kind="outlet")],
    )
    model = FunctionModel(
        lambda r: {"claims": [BLAST] if r.inputs["part_number"] == 1 else [restated]},
        context_chars=1500,
    )
    analysis = Assistant(model).analyze(seed_document)
    assert len(model.requests) > 1
    assert len(analysis.claims) == 1


def test_async_analysis_of_several_documents(seed_document: Document) -> None:
    other = Document.from_text("The council voted to close the library, the mayor said.")
    answers = {
        seed_document.id: {"claims": [BLAST]},
        other.id: {
            "claims": [
                claim(
                    "The council voted to close the library",
                    "confirmed",
                    [source("the mayor", ["The council voted to close the library"])],
                )
            ]
        },
    }
    model = FunctionModel(lambda r: answers[r.inputs["document_id"]])
    analysis = asyncio.run(Assistant(model).aanalyze([seed_document, other]))
    assert [c.id for c in analysis.claims] == ["c1", "c2"]
    assert {e.document_id for c in analysis.claims for e in c.evidence} == {
        seed_document.id,
        other.id,
    }
    assert analysis.usage.model_calls == 2


def test_missing_template_variable_is_an_error() -> None:
    with pytest.raises(jinja2.UndefinedError):
        prompts.render("extract_user", paragraphs=["x"])
