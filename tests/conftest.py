"""Shared fixtures: the seed article, documents, and scripted answers in the wire format."""

from __future__ import annotations

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


def source(
    name: str,
    quotes: list[str],
    *,
    kind: str = "named_official",
    stance: str = "asserts",
    on_record: bool = True,
    role: str | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "role": role,
        "kind": kind,
        "stance": stance,
        "on_record": on_record,
        "quotes": quotes,
    }


def claim(
    text: str, status: str, sources: list[dict[str, Any]], reason: str = "reason"
) -> dict[str, Any]:
    return {"text": text, "status": status, "status_reason": reason, "sources": sources}
