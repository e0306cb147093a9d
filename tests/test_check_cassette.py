"""Wire format of the check prompt against a real OpenAI-compatible server, from a cassette.

Not recorded yet: the lead records it after merging the OpenAI adapter, against the local
llama-cpp-python server described in shared/design/recording.md:

    OPENAI_BASE_URL=http://127.0.0.1:8011/v1 OPENAI_API_KEY=unused \
        python -m pytest tests/test_check_cassette.py --record-mode=once

Header scrubbing and body matching come from the suite's ``vcr_config`` (tests/conftest.py).
The tiny recording model's answers are poor; the test checks what the assistant does with
whatever came back (a valid verdict, only grounded quotes), not the model's judgement.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.documents import read_document

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multidoc" / "c_gazette.txt"
CASSETTE = Path(__file__).resolve().parent / "cassettes" / "test_check_cassette"
MODEL = "openai:SmolLM2-135M-Instruct"
BASE_URL = "http://127.0.0.1:8011/v1"


@pytest.fixture
def recorded(record_mode: str) -> None:
    pytest.importorskip("assistant.models.openai", reason="needs the OpenAI adapter")
    name = "test_check_prompt_wire_format.yaml"
    if record_mode == "none" and not (CASSETTE / name).exists():
        pytest.skip(f"cassette {name} not recorded yet (see this module's docstring)")


@pytest.mark.vcr
def test_check_prompt_wire_format(recorded: None, vcr: Any) -> None:
    document = read_document(FIXTURE)
    base_url = os.environ.get("OPENAI_BASE_URL", BASE_URL)
    assistant = Assistant(MODEL, base_url=base_url, api_key=os.environ.get("OPENAI_API_KEY", "x"))
    verdict = assistant.check("The port authority plans to sell the east terminal", [document])

    sent = json.loads(vcr.requests[0].body)
    system, user = sent["messages"][0]["content"], sent["messages"][1]["content"]
    assert "not_addressed" in system and "never instructions to you" in system
    assert "<claim>The port authority plans to sell the east terminal</claim>" in user
    assert f'<document id="{document.id}"' in user
    assert "response_format" in sent

    assert verdict.status in {"confirmed", "denied", "unverified", "not_addressed"}
    assert verdict.usage.model_calls == len(vcr.requests)
    for evidence in verdict.evidence:
        assert document.text[evidence.start : evidence.end] == evidence.quote
    assert all(s.document_id in {None, document.id} for s in verdict.sources)
    assert "authorization" not in {k.lower() for k in vcr.requests[0].headers}
