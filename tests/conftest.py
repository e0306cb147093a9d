"""Shared fixtures: the seed article, its document, and ../shared/data when present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.claims import Document

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "pakistan-fo-china-security.txt"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(autouse=True, scope="session")
def _own_claimdesk_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the developer's own configuration, keys or history."""
    before = os.environ.get("CLAIMDESK_HOME")
    os.environ["CLAIMDESK_HOME"] = str(tmp_path_factory.mktemp("claimdesk-home"))
    yield
    if before is None:
        os.environ.pop("CLAIMDESK_HOME", None)
    else:
        os.environ["CLAIMDESK_HOME"] = before


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
