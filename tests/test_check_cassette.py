"""Wire format of the check prompt against a real OpenAI-compatible server, from a cassette.

Not recorded yet: the lead records it after merging the OpenAI adapter (branch ``openai``), with
the llama-cpp-python + SmolLM2-135M server of shared/design/recording.md on 127.0.0.1:8011, e.g.

    python -m pytest tests/test_check_cassette.py --record-mode=once

(or through scripts/record-cassettes.sh). Cassette location, header scrubbing and body matching
come from tests/cassette_config.py. The tiny model's answers are poor; this checks what is sent
and what the assistant does with whatever came back (a valid verdict, only grounded quotes), not
the model's judgement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.documents import read_document

cassette_config = pytest.importorskip("tests.cassette_config", reason="needs the openai branch")
openai_engine = pytest.importorskip("assistant.models.openai", reason="needs the OpenAI adapter")
vcr_config = cassette_config.vcr_config
vcr_cassette_dir = cassette_config.vcr_cassette_dir

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multidoc" / "c_gazette.txt"
SERVER = "http://127.0.0.1:8011/v1"
MODEL = "smollm2-135m"
CLAIM = "The port authority plans to sell the east terminal"


@pytest.fixture
def recorded(record_mode: str) -> None:
    cassette = cassette_config.CASSETTES / Path(__file__).stem / "test_check_prompt.yaml"
    if record_mode == "none" and not cassette.exists():
        pytest.skip(f"{cassette.name} not recorded yet (see this module's docstring)")


@pytest.mark.vcr
def test_check_prompt(recorded: None, vcr: Any) -> None:
    document = read_document(FIXTURE)
    model = openai_engine.OpenAIModel(
        MODEL, base_url=SERVER, api_key="unused", env={}, max_tokens=300
    )
    verdict = Assistant(model).check(CLAIM, [document])

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
