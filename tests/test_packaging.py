"""A non-editable install ships only the packages pyproject.toml lists: every subpackage of
assistant/ must be in that list."""

from __future__ import annotations

import tomllib

from tests.conftest import REPO


def test_every_subpackage_is_listed_for_setuptools() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "assistant").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert "assistant.rendering" in found
    assert found - listed == set()
