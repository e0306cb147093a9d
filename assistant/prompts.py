"""Prompt templates: one Jinja environment, a missing variable is an error, a version hash.

Templates live in the repository's ``prompts/`` folder, shipped as the ``assistant._prompts``
package. ``PROMPT_VERSION`` hashes every template file, so any wording change shows up in every
Analysis and invalidates eval caches.

No input can close or open the tags that fence it: every value rendered is passed through
:func:`defang` (a ``<document``, ``</claim>``, ``<question>``... inside it loses its ``<`` to
``&lt;``), values inside an attribute go through the ``attribute`` filter (quotes, angle
brackets and line breaks escaped), so a title cannot end its ``title="..."``, and earlier turns
of a chat go through ``oneline``, so a question cannot add a turn of its own.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2

_REPO_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
FENCES = ("document", "documents", "claim", "claims", "question", "answer", "history")
_FENCE = re.compile(rf"<(?=\s*/?\s*(?:{'|'.join(FENCES)})\b)", re.IGNORECASE)
_ATTRIBUTE = str.maketrans({"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;"})


def defang(value: Any) -> Any:
    """A value to render: in text, every tag that looks like one of the fences loses its ``<``."""
    return _FENCE.sub("&lt;", value) if isinstance(value, str) else value


def oneline(value: Any) -> str:
    """A value on one line, so it cannot start a line of its own ("A: ..." in a question)."""
    return " ".join(str(value).split())


def attribute(value: Any) -> str:
    """A value for inside ``name="..."``: one line, quotes and angle brackets escaped."""
    return " ".join(str(value).split()).translate(_ATTRIBUTE)


def _root() -> Traversable:
    """``prompts/`` of a source checkout, else the copy installed as ``assistant._prompts``."""
    if _REPO_PROMPTS.is_dir():
        return _REPO_PROMPTS
    return resources.files("assistant._prompts")


def _template_files() -> dict[str, str]:
    root = _root()
    return {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in root.iterdir()
        if entry.name.endswith(".j2")
    }


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(_template_files()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # prompts are not HTML: defang and attribute fence the inputs instead
        finalize=defang,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["attribute"] = attribute
    env.filters["oneline"] = oneline
    return env


@cache
def prompt_version() -> str:
    digest = hashlib.sha256()
    for name, text in sorted(_template_files().items()):
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(text.encode())
    return digest.hexdigest()[:12]


def render(name: str, **variables: Any) -> str:
    """Render ``prompts/<name>.j2``; raises jinja2.UndefinedError on a missing variable."""
    return environment().get_template(f"{name}.j2").render(**variables).strip()
