"""Every command's ``--help`` ends with two or three real examples, and the shell completion
script completes commands, options and option values in a real bash."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.main import parser
from tests.conftest import REPO


def _commands(root: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for action in root._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.append((*path, name))
                found += _commands(child, (*path, name))
    return found


TOP = [c for c in _commands(parser()) if len(c) == 1]


def claimdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        cwd=REPO,
        timeout=60,
        check=False,
    )


def examples(help_text: str) -> list[str]:
    """The command lines of the examples section (each follows its '# comment' line)."""
    lines = [line.strip() for line in help_text.split("\nexamples:\n", 1)[1].splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


SHELL = {">>", "<", "|"}


def parses(example: str, command: tuple[str, ...]) -> None:
    """A real command line: argparse accepts the claimdesk part as written."""
    words = shlex.split(example)[1:]
    cut = next((n for n, word in enumerate(words) if word in SHELL), len(words))
    assert words[0] == command[0]  # an example of this command (or its neighbour subcommand)
    parser().parse_args(words[:cut])


def check_examples(help_text: str, command: tuple[str, ...]) -> None:
    assert "\nexamples:\n" in help_text
    shown = examples(help_text)
    assert 2 <= len(shown) <= 3
    assert help_text.rstrip().endswith(shown[-1])  # the examples end the help
    ours = [e for e in shown if e.startswith("claimdesk ")]
    assert ours
    for example in ours:
        parses(example, command)


@pytest.mark.parametrize("command", TOP, ids=" ".join)
def test_help_ends_with_two_or_three_examples_that_parse(command: tuple[str, ...]) -> None:
    done = claimdesk(*command, "--help")
    assert done.returncode == 0
    check_examples(done.stdout, command)


def _subcommand_parser(path: tuple[str, ...]) -> argparse.ArgumentParser:
    current = parser()
    for name in path:
        action = next(a for a in current._actions if isinstance(a, argparse._SubParsersAction))
        current = action.choices[name]
    return current


@pytest.mark.parametrize("command", [c for c in _commands(parser()) if len(c) > 1], ids=" ".join)
def test_every_subcommand_help_ends_with_examples(command: tuple[str, ...]) -> None:
    check_examples(_subcommand_parser(command).format_help(), command)


def test_the_seed_examples_run() -> None:
    for command in ("analyze", "chat"):
        example = examples(claimdesk(command, "--help").stdout)[0]
        assert "examples/pakistan-fo-china-security.txt" in example
    done = claimdesk(*shlex.split(examples(claimdesk("analyze", "--help").stdout)[0])[1:], "-q")
    assert done.returncode == 0 and "claims (" in done.stdout


BASH = shutil.which("bash")


def complete(script: Path, line: str) -> list[str]:
    """What TAB offers after ``line`` (which ends where the cursor is)."""
    words = shlex.split(line) + ([""] if line.endswith(" ") else [])
    program = (
        f"source {shlex.quote(str(script))}\n"
        f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_claimdesk\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        [BASH, "--norc", "-c", program], capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout.split()


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_completion_completes_commands_options_and_values(tmp_path: Path) -> None:
    done = claimdesk("completion", "bash")
    assert done.returncode == 0
    script = tmp_path / "claimdesk.bash"
    script.write_text(done.stdout, encoding="utf-8")
    assert {"analyze", "check", "chat", "models", "config", "keys"} <= set(
        complete(script, "claimdesk ")
    )
    assert complete(script, "claimdesk an") == ["analyze"]
    assert "--status" in complete(script, "claimdesk analyze --st")
    assert complete(script, "claimdesk analyze --status ") == [
        "confirmed",
        "denied",
        "unverified",
    ]
    assert complete(script, "claimdesk check -f m") == ["markdown"]
    assert complete(script, "claimdesk models def") == ["default"]
    assert set(complete(script, "claimdesk keys ")) >= {"set", "list", "remove"}
    assert "base_url" in complete(script, "claimdesk config set ")
    assert "gold" in complete(script, "claimdesk eval ")
    assert complete(script, "claimdesk chat --ci") == ["--cid"]


def test_zsh_script_loads_bash_completion() -> None:
    done = claimdesk("completion", "zsh")
    assert "bashcompinit" in done.stdout and "complete -o filenames -F _claimdesk" in done.stdout
    bad = claimdesk("completion", "fish")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
