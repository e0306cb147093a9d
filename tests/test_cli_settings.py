"""Configuration file, stored keys and ``claimdesk models/config/keys`` through the real CLI."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from assistant import Assistant, config, settings
from assistant.errors import ConfigurationError, UnknownModelError
from assistant.models.openai import OpenAIModel
from assistant.redaction import redact

KEY = "sk-test-0123456789abcdefSECRET"
CLEAN = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}


def claimdesk(
    home: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**CLEAN, "CLAIMDESK_HOME": str(home), "COLUMNS": "200", **env},
        timeout=60,
        check=False,
    )


def setting(output: str, key: str) -> list[str]:
    """The value and origin columns of one row of 'claimdesk config'."""
    for line in output.splitlines():
        if line.split(maxsplit=1)[:1] == [key]:
            return line.split(None, 2)[1:]
    raise AssertionError(f"no row {key!r} in:\n{output}")


def test_precedence_argument_over_environment_over_file_over_default(tmp_path: Path) -> None:
    assert setting(claimdesk(tmp_path, "config").stdout, "model")[1].startswith("default")
    done = claimdesk(tmp_path, "config", "set", "model", "openai:from-file")
    assert done.returncode == 0, done.stderr
    shown = claimdesk(tmp_path, "config").stdout
    assert setting(shown, "model") == ["openai:from-file", "configuration file"]
    shown = claimdesk(tmp_path, "config", CLAIMDESK_MODEL="openai:from-env").stdout
    assert setting(shown, "model") == ["openai:from-env", "environment (CLAIMDESK_MODEL)"]
    shown = claimdesk(tmp_path, "config", "--model", "offline", CLAIMDESK_MODEL="x").stdout
    assert setting(shown, "model") == ["offline", "argument (--model)"]


def test_file_settings_reach_the_engine_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMDESK_TIMEOUT", "CLAIMDESK_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    (tmp_path / "config.toml").write_text(
        'model = "openai:tiny"\nbase_url = "http://127.0.0.1:9/v1"\ntimeout = 7.5\n'
        "concurrency = 3\n",
        encoding="utf-8",
    )
    assistant = Assistant()
    assert isinstance(assistant.model, OpenAIModel)
    assert (assistant.model.model_name, assistant.model.base_url) == (
        "openai:tiny"[7:],
        "http://127.0.0.1:9/v1",
    )
    assert assistant.model.timeout == 7.5
    assert settings.concurrency() == 3
    monkeypatch.setenv("CLAIMDESK_TIMEOUT", "2")
    assert OpenAIModel("tiny").timeout == 2.0
    assert OpenAIModel("tiny", timeout=1.0).timeout == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("model = \n", "not valid TOML"),
        ('colour = "red"\n', "unknown key 'colour'"),
        ('timeout = "soon"\n', "timeout = 'soon' should be a float"),
    ],
)
def test_a_bad_file_is_one_line_naming_it(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "config.toml").write_text(content, encoding="utf-8")
    done = claimdesk(tmp_path, "analyze", "examples/pakistan-fo-china-security.txt")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert str(tmp_path / "config.toml") in done.stderr and message in done.stderr


def test_stored_key_is_private_masked_and_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = claimdesk(tmp_path, "keys", "set", "openai", stdin=KEY + "\n")
    assert done.returncode == 0, done.stderr
    keys_file = tmp_path / "keys.json"
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    outputs = [done, claimdesk(tmp_path, "keys", "list"), claimdesk(tmp_path, "config")]
    assert outputs[1].stdout.split() == ["openai"]
    assert setting(outputs[2].stdout, "api_key") == [
        "sk-...CRET",
        "stored key (claimdesk keys set openai)",
    ]
    shown = claimdesk(tmp_path, "config", OPENAI_API_KEY="sk-env-abcdefghijklmnopq")
    assert setting(shown.stdout, "api_key")[1] == "environment (OPENAI_API_KEY)"
    for done in [*outputs, shown]:
        assert KEY not in done.stdout + done.stderr
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert OpenAIModel("m")._api_key == KEY
    assert KEY not in redact(f"the server said: bad key {KEY}")  # stored keys are masked
    assert config.choose().spec == f"openai:{config.DEFAULT_OPENAI_MODEL}"  # as with the env var
    removed = claimdesk(tmp_path, "keys", "remove", "openai")
    assert removed.returncode == 0 and claimdesk(tmp_path, "keys", "list").stdout.startswith(
        "no keys"
    )
    missing = claimdesk(tmp_path, "keys", "remove", "openai")
    assert missing.returncode == 2 and "no key named 'openai'" in missing.stderr


def test_an_empty_key_is_refused(tmp_path: Path) -> None:
    done = claimdesk(tmp_path, "keys", "set", "openai", stdin="\n")
    assert done.returncode == 2 and "nothing was stored" in done.stderr
    assert not (tmp_path / "keys.json").exists()


def test_models_lists_engines_marks_and_sets_the_default(tmp_path: Path) -> None:
    listed = claimdesk(tmp_path, "models").stdout
    assert listed.splitlines()[0].startswith("* offline")
    assert "default:        offline (no model configured)" in listed
    done = claimdesk(tmp_path, "models", "default", "openai:gpt-4o-mini")
    assert done.returncode == 0 and "config.toml" in done.stdout
    listed = claimdesk(tmp_path, "models").stdout
    assert listed.splitlines()[1].startswith("* openai:NAME")
    assert "default:        openai:gpt-4o-mini (set in" in listed
    assert claimdesk(tmp_path, "models", "default").stdout.startswith("openai:gpt-4o-mini")
    noted = claimdesk(tmp_path, "models", "default", "offline", CLAIMDESK_MODEL="openai:x")
    assert "CLAIMDESK_MODEL is set and overrides it" in noted.stderr
    bad = claimdesk(tmp_path, "models", "default", "gpt-4o")
    assert bad.returncode == 2 and "--model" in bad.stderr and "model=" not in bad.stderr


def test_models_server_unreachable_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = claimdesk(tmp_path, "models", "--server", "--base-url", "http://127.0.0.1:9/v1")
    assert done.returncode == 1
    assert "cannot reach the model server at http://127.0.0.1:9/v1" in done.stderr
    assert "Traceback" not in done.stderr


def test_sdk_errors_speak_sdk_terms() -> None:
    with pytest.raises(UnknownModelError) as raised:
        Assistant("gpt-4o")
    assert "model=" in str(raised.value) and "--model" not in str(raised.value)
    with pytest.raises(ConfigurationError) as bad_url:
        OpenAIModel("m", base_url="localhost:8080")
    assert "base_url=" in str(bad_url.value) and "--base-url" in bad_url.value.cli_message


def test_config_wraps_to_columns_with_origins_kept_whole(tmp_path: Path) -> None:
    claimdesk(tmp_path, "keys", "set", "openai", stdin=KEY + "\n")
    wide = claimdesk(tmp_path, "config").stdout
    narrow = claimdesk(tmp_path, "config", COLUMNS="60").stdout
    assert max(len(line) for line in wide.splitlines()) > 60
    long = [line for line in narrow.splitlines() if len(line) > 60]
    assert all(len(line.split()) == 1 for line in long)  # only a path too long to fit any line
    assert narrow.split() == wide.split()


def test_keys_set_at_a_terminal_does_not_echo_the_key(tmp_path: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "assistant", "keys", "set", "openai"],
        env={**CLEAN, "CLAIMDESK_HOME": str(tmp_path), "TERM": "xterm"},
        encoding="utf-8",
        timeout=60,
    )
    child.expect("Enter key for openai: ")
    child.sendline(KEY)
    child.expect(pexpect.EOF)
    assert KEY not in (child.before or "") and "stored in" in (child.before or "")
    assert json.loads((tmp_path / "keys.json").read_text(encoding="utf-8")) == {"openai": KEY}


def test_an_explicit_model_needs_no_configuration_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "config.toml").write_text("model = \n", encoding="utf-8")
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    assert Assistant("offline").choice.origin == "argument"
    with pytest.raises(ConfigurationError, match="not valid TOML"):
        Assistant()


def test_config_set_and_unset_keep_the_users_comments(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('# my newsroom server\nbase_url = "http://10.0.0.5:8000/v1"\n')
    assert claimdesk(tmp_path, "config", "set", "timeout", "30").returncode == 0
    assert (
        claimdesk(tmp_path, "config", "set", "base_url", "http://10.0.0.6:8000/v1").returncode == 0
    )
    assert config_file.read_text() == (
        '# my newsroom server\nbase_url = "http://10.0.0.6:8000/v1"\ntimeout = 30.0\n'
    )
    assert claimdesk(tmp_path, "config", "unset", "timeout").returncode == 0
    assert config_file.read_text() == '# my newsroom server\nbase_url = "http://10.0.0.6:8000/v1"\n'
    bad = claimdesk(tmp_path, "config", "set", "colour", "red")
    assert bad.returncode == 2 and "invalid choice: 'colour'" in bad.stderr
    assert claimdesk(tmp_path, "config", "path").stdout.strip() == str(config_file)


def test_an_empty_variable_does_not_hide_the_file(tmp_path: Path) -> None:
    claimdesk(tmp_path, "config", "set", "model", "openai:from-file")
    shown = claimdesk(tmp_path, "config", CLAIMDESK_MODEL="").stdout
    assert setting(shown, "model") == ["openai:from-file", "configuration file"]


def test_a_stored_key_of_no_known_shape_is_redacted_once_read(tmp_path: Path) -> None:
    plain = "plain-key-77x1"  # no sk- prefix, too short to look random: only registration masks it
    assert claimdesk(tmp_path, "keys", "set", "openai", stdin=plain + "\n").returncode == 0
    script = (
        "from assistant import redaction, settings\n"
        f"before = redaction.redact('echoed {plain}')\n"
        "settings.layered()\n"
        f"print(before); print(redaction.redact('echoed {plain}'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**CLEAN, "CLAIMDESK_HOME": str(tmp_path)},
        timeout=60,
        check=True,
    )
    before, after = done.stdout.splitlines()
    assert plain in before and plain not in after
