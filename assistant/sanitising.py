"""Text safe to store and to show: lone surrogates replaced, terminal controls made visible.

Two functions, both character for character so that offsets into a text stay right:

- :func:`scrub` replaces lone surrogates (what Python makes of bytes that are not UTF-8 in
  arguments, file names and standard input) with U+FFFD, so the text can be encoded, stored in
  SQLite and printed;
- :func:`visible` also replaces what would act on a terminal instead of showing: C0 and C1
  controls (ESC sequences, bells, carriage returns), bidirectional overrides and isolates, and
  invisible zero-width characters. C0 controls become their Control Pictures (ESC shows as ␛),
  the rest U+FFFD. Tabs and newlines stay; zero-width joiners stay (scripts need them).

JSON output keeps the exact text; tables, Markdown and chat show :func:`visible` text.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and newline) and C1 controls, DEL
    "\u061c\u180e\u200b\u200e\u200f"  # Arabic letter mark, Mongolian vowel separator, ZWSP, LRM/RLM
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069"  # bidi embeddings, overrides, isolates; word joiner
    "\ufeff\ufff9-\ufffb"  # zero-width no-break space, interlinear annotations
    "\ud800-\udfff]"  # lone surrogates
)
M = TypeVar("M", bound=BaseModel)


def scrub(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text)


def had_invalid_bytes(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else REPLACEMENT


def visible(text: str) -> str:
    """``text`` safe to print on a terminal, each unsafe character replaced by a visible one."""
    return _UNSAFE.sub(_picture, text)


def _visible_data(data: Any) -> Any:
    if isinstance(data, str):
        return visible(data)
    if isinstance(data, list):
        return [_visible_data(d) for d in data]
    if isinstance(data, dict):
        return {k: _visible_data(v) for k, v in data.items()}
    return data


def visible_model(model: M) -> M:
    """A copy of ``model`` with every string :func:`visible` (lengths, so offsets, unchanged)."""
    return type(model).model_validate(_visible_data(model.model_dump()))
