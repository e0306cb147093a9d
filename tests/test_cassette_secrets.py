"""No cassette may carry anything that looks like a credential, nor any key a test configures.

The scan is assistant.redaction's (key shapes: sk-, Bearer, GitHub, Slack, AWS, Google, Hugging
Face, JWTs, URL credentials, long random tokens) plus every key configured for the tests: the
API keys in the environment and the ``api_key="..."`` literals in tests/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.redaction import NOT_SECRET, redact
from tests.cassette_config import CASSETTES

TESTS = Path(__file__).resolve().parent
KEY_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-]{16,}"),  # OpenAI-style keys, including sk-proj-...
    re.compile(r"Bearer\s+(?!unused\b)[A-Za-z0-9._~+/=\-]{16,}", re.IGNORECASE),
    re.compile(r"AKIA[0-9A-Z]{16}"),  # cloud access key ids, in case a proxy adds them
]
SECRET_HEADERS = {"authorization", "api-key", "x-api-key", "cookie", "set-cookie"}
KEY_VARIABLES = ("OPENAI_API_KEY", "CLAIMDESK_RECORDING_API_KEY")
_KEY_LITERAL = re.compile(r"""api_key["']?\s*[=:,]\s*["']([^"']{4,})["']""")


def configured_keys() -> list[str]:
    """Keys the tests are configured with: in the environment and as literals in tests/."""
    keys = {os.environ.get(name, "") for name in KEY_VARIABLES}
    for source in TESTS.glob("*.py"):
        keys.update(_KEY_LITERAL.findall(source.read_text(encoding="utf-8")))
    return sorted(k for k in keys if k and k not in NOT_SECRET)


def cassette_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def secret_headers(cassette: dict[str, Any]) -> list[str]:
    found = []
    for number, interaction in enumerate(cassette.get("interactions") or []):
        for side in ("request", "response"):
            headers = (interaction.get(side) or {}).get("headers") or {}
            found += [f"{side} {number}: {h}" for h in headers if h.lower() in SECRET_HEADERS]
    return found


def problems(path: Path, keys: list[str] | None = None) -> list[str]:
    text = path.read_text(encoding="utf-8")
    # say where, never what: a leaked key must not reach the test log either
    found = [f"looks like a key at {m.start()}" for p in KEY_PATTERNS for m in p.finditer(text)]
    keys = configured_keys() if keys is None else keys
    found += [f"a configured test key at {text.index(k)}" for k in keys if k in text]
    if redact(text, tuple(keys)) != text:
        found.append("a key shape or URL credentials that redaction masks")
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


@pytest.mark.parametrize(
    "leak",
    [
        "ghp_" + "a1B2" * 9,  # a GitHub token
        "xoxb-" + "1234567890-abcdefghij",  # a Slack token
        "AIza" + "Sy" + "A1b2C3d4" * 4,  # a Google API key
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",  # a JWT
        "https://alice:s3cret-pass@proxy.example/v1",  # credentials in a URL
        "Xq9" + "Lm2Vr8Tz4Kp7Wn3Ys6Hd1Fb5Gc0Jx" + "Qe",  # a long random token
    ],
)
def test_the_scan_finds_generic_token_shapes(tmp_path: Path, leak: str) -> None:
    planted = tmp_path / "leak.yaml"
    planted.write_text(f"interactions:\n- response:\n    body: {{string: 'echo {leak}'}}\n")
    assert problems(planted, keys=[]) != []


def test_the_scan_finds_a_configured_key_of_any_shape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = "plain-words-key-" + "2718"
    planted = tmp_path / "leak.yaml"
    planted.write_text(f"interactions:\n- response:\n    body: {{string: 'bad key {key}'}}\n")
    assert problems(planted, keys=[]) == []  # no shape gives it away ...
    monkeypatch.setenv("OPENAI_API_KEY", key)
    assert problems(planted) != []  # ... but it is the configured key


def test_recording_masks_a_key_the_server_echoes() -> None:
    from tests.cassette_config import _drop_response_secrets

    key = "plain-words-key-" + "3141"
    os.environ["CLAIMDESK_RECORDING_API_KEY"] = key
    try:
        from assistant import redaction

        redaction.register(key)
        response = {"headers": {}, "body": {"string": f'{{"error": "bad key {key}"}}'.encode()}}
        cleaned = _drop_response_secrets(response)["body"]["string"]
    finally:
        del os.environ["CLAIMDESK_RECORDING_API_KEY"]
    assert key.encode() not in cleaned and b"bad key ****" in cleaned
