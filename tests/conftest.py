"""Shared fixtures: the seed article, its document, ../shared/data when present, and a real
headless Chromium for browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.claims import Document

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


CHROMIUM = Path(os.environ.get("CLAIMDESK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """The system's Chromium (Debian ``chromium``) driven by Playwright; never a downloaded one.

    Skipped when Chromium or Playwright is missing, except under ``CLAIMDESK_REQUIRE_BROWSER=1``
    (set by ``.ci/run``), where that is a failure.
    """
    required = os.environ.get("CLAIMDESK_REQUIRE_BROWSER") == "1"
    missing = None if CHROMIUM.exists() else f"no Chromium at {CHROMIUM}"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = missing or "Playwright for Python is not installed"
    if missing:
        if required:
            pytest.fail(f"{missing} (CLAIMDESK_REQUIRE_BROWSER=1)")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
