"""A part whose answer hits the output token limit is split and asked again, to a bounded depth.

Issue 10 case 11: a weak model that loops until finish_reason=length ended the whole analysis.
"""

from __future__ import annotations

import re

import pytest

from assistant import Assistant
from assistant.chunking import Chunk, Span, chunk, halve
from assistant.errors import TruncatedOutputError
from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.function import FunctionModel
from tests.fault_server import FaultServer, answer, claims_answer

ARTICLE = "\n".join(
    f"Minister {name} said the {thing} opened on Monday."
    for name, thing in [
        ("Ali", "bridge"),
        ("Baker", "school"),
        ("Chen", "clinic"),
        ("Diaz", "port"),
        ("Eze", "airport"),
        ("Fox", "library"),
        ("Gul", "market"),
        ("Hale", "museum"),
    ]
)
LOOP = ModelResponse(content='{"claims": [{"text": "the the the', finish_reason="length")


def _paragraphs(request: ModelRequest) -> list[str]:
    return re.findall(r"^\[P\d+\] (.*)$", request.messages[1].content, re.MULTILINE)


def _claims(request: ModelRequest) -> dict[str, object]:
    claims = []
    for text in _paragraphs(request):
        name = text.split()[1]
        source = {
            "name": f"Minister {name}",
            "role": None,
            "kind": "named_official",
            "stance": "asserts",
            "on_record": True,
            "quotes": [text],
        }
        claims.append(
            {
                "text": text,
                "status": "confirmed",
                "status_reason": "On record.",
                "sources": [source],
            }
        )
    return {"claims": claims}


def test_halve_splits_between_paragraphs_then_sentences() -> None:
    parts = chunk(ARTICLE, 10_000)
    first, second = halve(ARTICLE, parts[0]) or (None, None)
    assert first is not None and second is not None
    assert (len(first.paragraphs), len(second.paragraphs)) == (4, 4)
    text = "One sentence here. Another sentence there. A third one now."
    pieces = halve(text, Chunk((Span(0, len(text)),)))
    assert pieces is not None and pieces[0].end < pieces[1].start
    assert halve("Just one sentence", Chunk((Span(0, 17),))) is None


def test_a_part_cut_off_by_length_is_split_and_every_claim_found() -> None:
    def reply(request: ModelRequest) -> ModelResponse | dict[str, object]:
        return LOOP if len(_paragraphs(request)) > 4 else _claims(request)

    model = FunctionModel(reply)
    analysis = Assistant(model).analyze(ARTICLE)
    assert len(model.requests) == 3
    assert len(analysis.claims) == 8
    assert all(c.evidence for c in analysis.claims)
    assert analysis.usage.reasks == 1


def test_splitting_stops_at_its_depth_and_the_error_says_what_to_change() -> None:
    model = FunctionModel(lambda request: LOOP)
    with pytest.raises(TruncatedOutputError, match="CLAIMDESK_MAX_TOKENS"):
        Assistant(model).analyze(ARTICLE)
    # the whole part, its first half, that half's first quarter: still cut off at depth 2
    assert [len(_paragraphs(r)) for r in model.requests] == [8, 4, 2]


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_real_server_answering_length_gets_the_halves(fault_server: FaultServer) -> None:
    from assistant.models.openai import OpenAIModel

    looping = answer('{"claims": [{"text": "the the', finish_reason="length")
    fault_server.play(looping, claims_answer(), claims_answer())
    model = OpenAIModel("fault-model", base_url=fault_server.url)
    Assistant(model).analyze(ARTICLE)
    assert len(fault_server.requests) == 3
    halves = [seen.prompt for seen in fault_server.requests[1:]]
    for line in ARTICLE.splitlines():  # nothing the user gave is lost: each line is asked about
        assert sum(line in prompt for prompt in halves) == 1
    assert all(line in fault_server.requests[0].prompt for line in ARTICLE.splitlines())
