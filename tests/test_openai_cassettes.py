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
from tests.cassette_config import RECORDING_TIMEOUT, vcr_cassette_dir, vcr_config

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
    options.setdefault("timeout", RECORDING_TIMEOUT)
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
    """SmolLM2 on this prompt runs on until the token limit (1,000 here): the part is split,
    the first half is answered, the second runs on too and cannot be split again (one
    sentence), so the analysis stops with an error naming the settings, and no verdict is made
    up. (Its weak but complete answers going through grounding and the rubric:
    tests/test_batch_api.py, on answers recorded from the same server.)"""
    sent: list[str] = []
    model = local_model(sent, mode="json_object", max_tokens=1000)
    with pytest.raises(TruncatedOutputError, match="CLAIMDESK_MAX_TOKENS"):
        Assistant(model=model).analyze(ARTICLE)
    assert sent == ["/v1/chat/completions"] * 3


@pytest.mark.vcr
def test_async_analysis_records_the_same_conversation(vcr: Any) -> None:
    """The async path over the wire, as the recorded server answered at 300 tokens: the whole
    part cut off, its first half answered, its second half cut off: the same error."""
    assistant = Assistant(model=local_model(mode="json_object", max_tokens=300))
    with pytest.raises(TruncatedOutputError, match="CLAIMDESK_MAX_TOKENS"):
        asyncio.run(assistant.aanalyze(ARTICLE))
    assert vcr.play_count == 3


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
