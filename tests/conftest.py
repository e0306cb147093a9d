"""Shared fixtures: the seed article, its document, and ../shared/data when present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.claims import Document
from tests import browser as headless
from tests.fault_server import FaultServer, serving

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "pakistan-fo-china-security.txt"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _private_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Nothing a test runs writes to the user's data directory (history, saved eval runs)."""
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path_factory.mktemp("home")))


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


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Headless Chromium (Playwright over Debian's chromium) for one test module; skipped, saying
    why, where there is none, except under ``CLAIMDESK_REQUIRE_BROWSER=1`` (set by ``.ci/run``
    when Chromium is installed), where that fails. Module scope: Playwright's sync API runs an
    event loop on this thread while it is open, and later tests call asyncio.run."""
    reason = headless.unavailable()
    if reason is not None:
        if os.environ.get("CLAIMDESK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason} (CLAIMDESK_REQUIRE_BROWSER=1)")
        pytest.skip(f"browser test skipped: {reason}")
    with headless.chromium() as launched:
        yield launched


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
