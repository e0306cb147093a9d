"""Pieces every view shares: status colours, a source's one-line description and its quotes."""

from __future__ import annotations

import io
import shutil

from rich.console import Console, RenderableType
from rich.text import Text

from assistant.claims import Overrule, Source
from assistant.redaction import redact
from assistant.sanitising import visible

STATUS_STYLE = {
    "confirmed": "bold green",
    "denied": "bold red",
    "unverified": "bold yellow",
    "not_addressed": "dim",
}


def overrule_note(overruled: Overrule | None) -> str:
    """How an overrule reads: what the reader proposed and why the rubric's status stands."""
    if overruled is None:
        return ""
    return f"Overruled: the reader said {overruled.proposed_status}; {overruled.reason}."


def source_line(source: Source) -> str:
    record = "on record" if source.on_record else "anonymous"
    role = f", {source.role}" if source.role else ""
    return f"{source.name}{role} [{source.kind}, {source.stance}, {record}]"


_OPENING = "\"\u201c'\u2018"
_CLOSING = "\"\u201d'\u2019"


def quoted(quote: str) -> str:
    """``quote`` in quotation marks, adding none where it already has one: a sentence that
    opens a quotation shows as ``"There is no plan ...``, never ``""There is no plan ...``."""
    opening = "" if quote[:1] in _OPENING else '"'
    closing = "" if quote[-1:] in _CLOSING else '"'
    return f"{opening}{quote}{closing}"


def append_quotes(
    text: Text, source: Source, *, indent: str = "  ", not_found_in: str = "the text"
) -> None:
    """The source's verbatim quotes, one a line, or a note that none was found."""
    for evidence in source.evidence:
        text.append(f"{indent}{quoted(evidence.quote)}\n", style="italic")
    if not source.evidence:
        text.append(f"{indent}(no quote found in {not_found_in})\n", style="magenta")


def shown(item: Text | str) -> Text | str:
    """``item`` safe for a terminal: secrets masked, controls made visible, styles kept."""
    if isinstance(item, str):
        return visible(redact(item))
    copy = item.copy()
    copy.plain = visible(redact(copy.plain))
    return copy


PIPE_WIDTH = 120


def render(*items: RenderableType, color: bool, width: int | None = None) -> str:
    """Render to a string: as wide as the terminal when colouring for one, else 120 columns."""
    if width is None:
        width = shutil.get_terminal_size((PIPE_WIDTH, 24)).columns if color else PIPE_WIDTH
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width)
    for item in items:
        console.print(item)
    return buffer.getvalue()
