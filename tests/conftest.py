"""Shared fixtures: the seed article, its document, and ../shared/data when present."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.claims import Document
from tests.fault_server import FaultServer, serving

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "pakistan-fo-china-security.txt"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def seed_document(seed_text: str) -> Document:
    return Document.from_text(seed_text, title="seed")


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present on this machine")
    return SHARED_DATA


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A loopback OpenAI-compatible server whose replies the test scripts (fault_server.py)."""
    yield from serving()


@pytest.fixture
def fault_env(
    monkeypatch: pytest.MonkeyPatch, fault_server: FaultServer, tmp_path: Path
) -> FaultServer:
    """The CLI pointed at the fault server: 3 quick attempts, a throwaway CLAIMDESK_HOME."""
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLAIMDESK_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("OPENAI_BASE_URL", fault_server.url)
    monkeypatch.setenv("CLAIMDESK_MODEL", "openai:fault-model")
    monkeypatch.setenv("CLAIMDESK_RETRY_WAIT", "0.01")
    monkeypatch.setenv("CLAIMDESK_TIMEOUT", "2")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    return fault_server
