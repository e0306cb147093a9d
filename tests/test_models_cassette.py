"""``claimdesk models --server`` against a recording of a real server's ``GET /v1/models``
(llama-cpp-python serving SmolLM2-135M; re-record with scripts/record-cassettes.sh)."""

from __future__ import annotations

import pytest

from assistant.cli.main import main
from assistant.models.openai import OpenAIModel
from tests.cassette_config import vcr_cassette_dir, vcr_config

__all__ = ["vcr_cassette_dir", "vcr_config"]

SERVER = "http://127.0.0.1:8011/v1"  # where scripts/record-cassettes.sh serves the model
GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.mark.vcr
def test_models_server_lists_what_the_server_serves_and_marks_the_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "unused")
    monkeypatch.delenv("CLAIMDESK_MODEL", raising=False)
    names = OpenAIModel("any", base_url=SERVER).served_models()
    assert len(names) == 1 and names[0].endswith(GGUF)
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["models", "--server", "--base-url", SERVER]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == [f"models served at {SERVER}:", f"  openai:{names[0]}"]
    monkeypatch.setenv("CLAIMDESK_MODEL", f"openai:{names[0]}")
    assert main(["models", "--server", "--base-url", SERVER]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"* openai:{names[0]}"
