"""The OpenAI engine against recordings of a real server: llama-cpp-python serving SmolLM2-135M.

The cassettes prove the wire protocol (what is sent, how answers and errors come back) and show
how the assistant copes with a weak model's output. They replay with ``--record-mode=none``;
re-record them with scripts/record-cassettes.sh, never by hand.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx2
import pytest

from assistant import Assistant
from assistant.claims import Analysis
from assistant.errors import RequestRejectedError, TruncatedOutputError
from assistant.models.base import Message, ModelRequest
from assistant.models.openai import OpenAIModel
from assistant.outputs import VerdictOutput
from tests.cassette_config import vcr_cassette_dir, vcr_config

__all__ = ["vcr_cassette_dir", "vcr_config"]

SERVER = "http://127.0.0.1:8011/v1"  # where scripts/record-cassettes.sh serves the model
MODEL = "smollm2-135m"
ARTICLE = (
    "Mayor Lena Park said the new library will open in June. "
    "The city council has not confirmed the date."
)


def local_model(sent: list[str] | None = None, **options: Any) -> OpenAIModel:
    """The engine pointed at the recording server; ``sent`` collects the paths it requests."""
    options.setdefault("base_url", SERVER)
    client = None
    if sent is not None:
        client = httpx2.Client(event_hooks={"request": [lambda r: sent.append(r.url.path)]})
    return OpenAIModel(MODEL, api_key="unused", env={}, http_client=client, **options)


def verdict_request() -> ModelRequest:
    messages = (
        Message("system", "Say whether the text supports the claim. Answer with JSON."),
        Message("user", "Claim: the bridge opened.\nText: The mayor said the bridge opened."),
    )
    return ModelRequest("check", messages, VerdictOutput)


def assert_grounded(analysis: Analysis) -> None:
    """Every kept quote sits at its offsets in the document; claims without any are flagged."""
    text = analysis.documents[0].text
    for claim in analysis.claims:
        evidence = [e for s in claim.sources for e in s.evidence]
        assert claim.ungrounded == (not evidence)
        for item in evidence:
            assert text[item.start : item.end] == item.quote


@pytest.mark.vcr
def test_llama_cpp_rejects_json_schema_so_auto_falls_back_to_json_object() -> None:
    sent: list[str] = []
    model = local_model(sent, max_tokens=200)
    response = model.complete(verdict_request())
    assert model.wire_mode == "json_object"
    assert response.retries == 1  # the rejected json_schema request
    assert response.finish_reason == "stop"
    VerdictOutput.model_validate_json(response.content)  # the grammar kept it to the schema
    assert sent == ["/v1/chat/completions"] * 2


@pytest.mark.vcr
def test_weak_model_output_through_the_full_analysis() -> None:
    sent: list[str] = []
    analysis = Assistant(model=local_model(sent, mode="json_object", max_tokens=300)).analyze(
        ARTICLE
    )
    # SmolLM2 quoted text that is not in the article (wrong case, stray characters): the
    # engine re-asked once, got the same answer, dropped the quotes (the claim's two and its
    # attribution's content), and the claim they supported is flagged ungrounded.
    assert analysis.usage.model_calls == 2
    assert analysis.usage.reasks == 1
    assert analysis.usage.dropped_quotes == 3
    assert analysis.attributions == []
    assert analysis.usage.prompt_tokens > 0
    assert len(analysis.claims) == 1
    assert analysis.claims[0].ungrounded
    assert all(source.evidence == [] for source in analysis.claims[0].sources)
    assert_grounded(analysis)
    assert (analysis.engine.name, analysis.engine.model) == ("openai", MODEL)
    assert len(sent) == 2


@pytest.mark.vcr
def test_async_analysis_records_the_same_conversation() -> None:
    assistant = Assistant(model=local_model(mode="json_object", max_tokens=300))
    analysis = asyncio.run(assistant.aanalyze(ARTICLE))
    assert analysis.usage.model_calls == 2
    assert analysis.usage.dropped_quotes == 3  # as in the sync test: same answers
    assert analysis.attributions == []
    assert_grounded(analysis)


@pytest.mark.vcr
def test_token_limit_splits_the_part_then_stops_the_analysis() -> None:
    sent: list[str] = []
    assistant = Assistant(model=local_model(sent, mode="json_object", max_tokens=24))
    with pytest.raises(TruncatedOutputError, match="CLAIMDESK_MAX_TOKENS"):
        assistant.analyze(ARTICLE)
    # the part is split and its first half (one sentence, which cannot be split) asked again
    assert len(sent) == 2


@pytest.mark.vcr
def test_404_from_the_server_is_not_retried() -> None:
    # the base URL lacks /v1, so llama-cpp-python answers 404 Not Found
    sent: list[str] = []
    model = local_model(sent, base_url="http://127.0.0.1:8011")
    with pytest.raises(RequestRejectedError, match="OPENAI_BASE_URL") as raised:
        model.complete(verdict_request())
    assert raised.value.status_code == 404
    assert "Not Found" in str(raised.value)
    assert sent == ["/chat/completions"]
