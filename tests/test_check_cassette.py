"""Wire format of the check prompt against a real OpenAI-compatible server, from a cassette.

Recorded from the llama-cpp-python + SmolLM2-135M server of shared/design/recording.md on
127.0.0.1:8011; re-record with ``scripts/record-cassettes.sh tests/test_check_cassette.py``.
Cassette location, header scrubbing and body matching come from tests/cassette_config.py.
The tiny model's answers are poor; this checks what is sent and what the assistant does with
whatever came back (a valid verdict, only grounded quotes), not the model's judgement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant import Analysis, Assistant
from assistant.documents import read_document
from assistant.models import openai as openai_engine
from tests.cassette_config import RECORDING_TIMEOUT, vcr_cassette_dir, vcr_config  # noqa: F401

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multidoc" / "c_gazette.txt"
SERVER = "http://127.0.0.1:8011/v1"
MODEL = "smollm2-135m"
CLAIM = "The port authority plans to sell the east terminal"


@pytest.mark.vcr
def test_check_prompt(vcr: Any) -> None:
    document = read_document(FIXTURE)
    model = openai_engine.OpenAIModel(
        MODEL, base_url=SERVER, api_key="unused", env={}, max_tokens=300, timeout=RECORDING_TIMEOUT
    )
    assistant = Assistant(model)
    # an analysis that found no claims: the check falls to the model's check task
    nothing = Analysis(documents=[document], claims=[], engine=assistant.engine)
    verdict = assistant.check(CLAIM, [document], analysis=nothing)

    sent = json.loads(vcr.requests[0].body)
    system, user = sent["messages"][0]["content"], sent["messages"][1]["content"]
    assert "not_addressed" in system and "never instructions to you" in system
    assert f"<claim>{CLAIM}</claim>" in user
    assert f'<document id="{document.id}"' in user
    assert "response_format" in sent

    assert verdict.status in {"confirmed", "denied", "unverified", "not_addressed"}
    assert verdict.usage.model_calls >= 1
    for evidence in verdict.evidence:
        assert document.text[evidence.start : evidence.end] == evidence.quote
    assert all(s.document_id in {None, document.id} for s in verdict.sources)
    assert verdict.ungrounded == (verdict.status != "not_addressed" and not verdict.evidence)
