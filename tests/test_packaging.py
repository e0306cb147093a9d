"""What an install ships and what it shows: every subpackage and the prompt templates are found
by setuptools, and after the README's editable install mypy sees the package's real types."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from setuptools import find_packages

from tests.conftest import REPO


def test_every_subpackage_and_the_prompts_are_found_for_setuptools() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    listed = set(find_packages(where=str(REPO / find["where"][0]), include=find["include"]))
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "assistant").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert "assistant.rendering" in found
    assert {"assistant._prompts", "assistant._gold"} <= listed  # through the symlinks
    assert found - listed == set()
    assert (REPO / "assistant" / "_prompts" / "rubric.j2").read_text(encoding="utf-8")


USER_SCRIPT = """\
from pathlib import Path

from assistant import Analysis, Assistant

desk = Assistant("offline")
analysis: Analysis = desk.analyze(Path("article.txt"))
wrong: str = analysis.claims
"""


def _editable_install() -> bool:
    for distribution in importlib.metadata.distributions(name="claimdesk"):
        direct = distribution.read_text("direct_url.json")
        if direct and json.loads(direct).get("dir_info", {}).get("editable", False):
            return True
    return False


def test_mypy_sees_the_types_of_an_editable_install(tmp_path: Path) -> None:
    if not _editable_install():
        pytest.skip("claimdesk is not installed with pip install -e here")
    (tmp_path / "user.py").write_text(USER_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
        cwd=tmp_path,  # outside the checkout: only the install can make 'assistant' visible
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "import-not-found" not in done.stdout, done.stdout
    assert done.stdout.count("error:") == 1, done.stdout  # only the deliberate mistake
    assert 'expression has type "list[Claim]", variable has type "str"' in done.stdout
