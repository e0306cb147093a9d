"""Show an Analysis to a person: a coloured terminal table or Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from assistant.claims import Analysis, Attribution, Claim, Document
from assistant.rendering.multidoc import claim_notes, order_label, source_place
from assistant.rendering.text import (
    STATUS_STYLE,
    append_quotes,
    overrule_note,
    quoted,
    render,
    source_line,
)

CONTENT_CHARS = 240  # what was said, cut to this many characters in the who-said-what view


def _status_text(claim: Claim) -> Text:
    text = Text(claim.status, style=STATUS_STYLE[claim.status])
    if claim.ungrounded:
        text.append("\nUNGROUNDED", style="bold magenta")
    if claim.overruled is not None:
        text.append(f"\nOVERRULED\n(reader: {claim.overruled.proposed_status})", style="bold cyan")
    return text


def _reason(claim: Claim) -> str:
    note = overrule_note(claim.overruled)
    return f"{claim.status_reason}\n{note}" if note else claim.status_reason


def _sources_text(claim: Claim, documents: Sequence[Document] = ()) -> Text:
    text = Text()
    for source in claim.sources:
        place = source_place(source, documents) if len(documents) > 1 else ""
        text.append(source_line(source) + place + "\n", style="bold")
        append_quotes(text, source)
    return text


def table(analysis: Analysis, *, color: bool, width: int | None = None) -> str:
    grid = Table(show_lines=True, expand=True)
    grid.add_column("id", no_wrap=True)
    grid.add_column("claim", ratio=3)
    grid.add_column("status", no_wrap=True)
    grid.add_column("sources and evidence", ratio=4)
    several = analysis.documents if len(analysis.documents) > 1 else []
    for claim in analysis.claims:
        notes = "\n\n" + "\n".join(claim_notes(claim, analysis)) if several else ""
        grid.add_row(
            claim.id,
            f"{claim.text}\n\n{_reason(claim)}{notes}",
            _status_text(claim),
            _sources_text(claim, several),
        )
    said = _attributions_table(analysis)
    parts = (grid, said, summary(analysis)) if said is not None else (grid, summary(analysis))
    return render(*parts, color=color, width=width)


def speaker_line(attribution: Attribution) -> str:
    """ "Mumtaz Zahra Baloch, FO Spokesperson [named_official, on record]" and, when the text
    calls them otherwise at that place, "as 'she'"."""
    record = "on record" if attribution.on_record else "anonymous"
    role = f", {attribution.role}" if attribution.role else ""
    written = attribution.source.quote if attribution.source else ""
    alias = f" as {quoted(written)}" if written and written != attribution.name else ""
    return f"{attribution.name}{role} [{attribution.kind}, {record}]{alias}"


def said_text(attribution: Attribution) -> str:
    """What was said, cut to CONTENT_CHARS, or "(nothing reported)"."""
    if attribution.content is None:
        return "(nothing reported)"
    words = " ".join(attribution.content.quote.split())
    if len(words) > CONTENT_CHARS:
        words = words[:CONTENT_CHARS].rsplit(" ", 1)[0] + " ..."
    return quoted(words)


def _document_label(analysis: Analysis, attribution: Attribution) -> str:
    if len(analysis.documents) < 2:
        return ""
    ids = [d.id for d in analysis.documents]
    return f"doc {ids.index(attribution.document_id) + 1}: "


def _attributions_table(analysis: Analysis) -> Text | None:
    """Who said what, one statement a paragraph (wrapped at word boundaries at any width)."""
    if not analysis.attributions:
        return None
    text = Text("Who said what\n", style="bold")
    for a in analysis.attributions:
        claims = f" (claims {', '.join(a.claim_ids)})" if a.claim_ids else ""
        text.append("- " + _document_label(analysis, a) + speaker_line(a), style="bold")
        text.append(f" {a.cue.quote} ({a.stance}): {said_text(a)}{claims}\n")
    return text


def claims_count(count: int) -> str:
    """``1 claim``, ``13 claims``."""
    return f"{count} claim" if count == 1 else f"{count} claims"


def summary(analysis: Analysis) -> str:
    counts = {s: len(analysis.by_status(s)) for s in ("confirmed", "denied", "unverified")}
    ungrounded = sum(c.ungrounded for c in analysis.claims)
    overruled = sum(c.overruled is not None for c in analysis.claims)
    engine = analysis.engine
    parts = ", ".join(f"{n} {s}" for s, n in counts.items())
    order = f" ({order_label(analysis)})" if len(analysis.documents) > 1 else ""
    flags = f"{ungrounded} ungrounded" + (f", {overruled} overruled" if overruled else "")
    return (
        f"{claims_count(len(analysis.claims))} ({parts}; {flags}) in "
        f"{len(analysis.documents)} document(s){order}\n"
        f"engine {engine.name}:{engine.model}, prompt {engine.prompt_version}"
    )


def markdown(analysis: Analysis) -> str:
    lines = ["# Claims", "", summary(analysis), ""]
    for claim in analysis.claims:
        flag = " (UNGROUNDED)" if claim.ungrounded else ""
        lines += [
            f"## {claim.id}: {claim.text}",
            "",
            f"**{claim.status}**{flag}: {claim.status_reason}",
            "",
        ]
        if claim.overruled is not None:
            lines += [f"*{overrule_note(claim.overruled)}*", ""]
        if len(analysis.documents) > 1:
            lines += ["```text", *claim_notes(claim, analysis), "```", ""]
        for source in claim.sources:
            place = source_place(source, analysis.documents) if len(analysis.documents) > 1 else ""
            lines.append(f"- {source_line(source)}{place}")
            lines += [f"  > {e.quote}" for e in source.evidence]
        lines.append("")
    return "\n".join(lines + _attributions_markdown(analysis))


def _attributions_markdown(analysis: Analysis) -> list[str]:
    if not analysis.attributions:
        return []
    lines = ["# Who said what", ""]
    for a in analysis.attributions:
        claims = f" (claims {', '.join(a.claim_ids)})" if a.claim_ids else ""
        who = _document_label(analysis, a) + speaker_line(a)
        lines.append(f"- {who} *{a.cue.quote}* ({a.stance}): {said_text(a)}{claims}")
    return [*lines, ""]
