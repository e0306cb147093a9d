"""The README's ``claimdesk config`` output is what a real run of its commands prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

SHOWN_HOME = "/tmp/readme-home"
COMMANDS = [
    (["models", "default", "openai:llama3.1:8b"], ""),
    (["config", "set", "base_url", "http://127.0.0.1:11434/v1"], ""),
    (["keys", "set", "openai"], "sk-proj-abcdefghijklmnop1234\n"),
]


def readme_block() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after = text.split("`claimdesk config` after the commands above", 1)[1]
    return after.split("```text\n", 1)[1].split("```", 1)[0]


def test_readme_config_output_is_a_real_run(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env.pop("XDG_CONFIG_HOME", None)
    env.update(HOME=str(tmp_path), COLUMNS="300")  # no wrapping of the long tmp path
    for args, stdin in COMMANDS:
        done = subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=60,
        )
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "config"],
        capture_output=True,
        text=True,
        env={**env, "CLAIMDESK_TIMEOUT": "300"},
        check=True,
        timeout=60,
    )
    assert done.stdout.replace(str(tmp_path), SHOWN_HOME) == readme_block()
