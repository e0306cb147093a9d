"""No cassette may carry anything that looks like a credential."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cassette_config import CASSETTES

KEY_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-]{16,}"),  # OpenAI-style keys, including sk-proj-...
    re.compile(r"Bearer\s+(?!unused\b)[A-Za-z0-9._~+/=\-]{16,}", re.IGNORECASE),
    re.compile(r"AKIA[0-9A-Z]{16}"),  # cloud access key ids, in case a proxy adds them
]
SECRET_HEADERS = {"authorization", "api-key", "x-api-key", "cookie", "set-cookie"}


def cassette_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def secret_headers(cassette: dict[str, Any]) -> list[str]:
    found = []
    for number, interaction in enumerate(cassette.get("interactions") or []):
        for side in ("request", "response"):
            headers = (interaction.get(side) or {}).get("headers") or {}
            found += [f"{side} {number}: {h}" for h in headers if h.lower() in SECRET_HEADERS]
    return found


def problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    # say where, never what: a leaked key must not reach the test log either
    found = [f"looks like a key at {m.start()}" for p in KEY_PATTERNS for m in p.finditer(text)]
    if path.suffix in (".yaml", ".yml"):
        found += secret_headers(yaml.safe_load(text) or {})
    return found


def test_cassettes_exist() -> None:
    assert cassette_files(CASSETTES), "no cassettes found: the replay tests would prove nothing"


@pytest.mark.parametrize("path", cassette_files(CASSETTES), ids=lambda p: p.name)
def test_cassette_holds_no_credentials(path: Path) -> None:
    assert problems(path) == []


def test_the_scan_finds_planted_secrets(tmp_path: Path) -> None:
    planted = tmp_path / "leak.yaml"
    planted.write_text(
        "interactions:\n"
        "- request:\n"
        "    headers:\n"
        "      Authorization: ['Bearer abcdefghijklmnopqrstuvwxyz012345']\n"
        '    body: \'{"key": "sk-proj-abcdefghijklmnopqrstuv"}\'\n'
        "  response:\n"
        "    headers: {set-cookie: ['session=1']}\n",
        encoding="utf-8",
    )
    found = problems(planted)
    assert len([p for p in found if p.startswith("looks like a key")]) == 2
    assert "request 0: Authorization" in found
    assert "response 0: set-cookie" in found
