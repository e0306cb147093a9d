"""Show results to a person: analyses (``analysis``), verdicts (``verdict``), the notes on
several documents (``multidoc``) and the pieces they share (``text``)."""

from assistant.rendering.analysis import markdown, summary, table
from assistant.rendering.text import STATUS_STYLE, append_quotes, overrule_note, source_line

__all__ = [
    "STATUS_STYLE",
    "append_quotes",
    "markdown",
    "overrule_note",
    "source_line",
    "summary",
    "table",
]
