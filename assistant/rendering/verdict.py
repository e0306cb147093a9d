"""Show a Verdict to a person: a terminal panel with status, reason, sources and quotes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from assistant.claims import Document, Verdict
from assistant.rendering.multidoc import source_place
from assistant.rendering.text import STATUS_STYLE, append_quotes, render, source_line


def verdict_text(verdict: Verdict, documents: Sequence[Document]) -> Text:
    text = Text()
    text.append("claim: ", style="bold")
    text.append(f"{verdict.claim}\n")
    text.append("status: ", style="bold")
    text.append(verdict.status, style=STATUS_STYLE[verdict.status])
    if verdict.ungrounded:
        text.append("  UNGROUNDED (no quote found in the documents)", style="bold magenta")
    text.append(f"\n{verdict.reason}\n")
    if verdict.matching_claim_ids:
        text.append(f"matching claims: {', '.join(verdict.matching_claim_ids)}\n")
    for source in verdict.sources:
        text.append(f"\n{source_line(source)}{source_place(source, documents)}\n", style="bold")
        append_quotes(text, source, not_found_in="the documents")
    return text


def verdict_summary(verdict: Verdict) -> str:
    engine, usage = verdict.engine, verdict.usage
    return (
        f"{len(verdict.document_ids)} document(s); engine {engine.name}:{engine.model}, "
        f"prompt {engine.prompt_version}; {usage.model_calls} model call(s), "
        f"{usage.reasks} re-ask(s), {usage.dropped_quotes} quote(s) dropped"
    )


def verdict_table(
    verdict: Verdict, documents: Sequence[Document], *, color: bool, width: int | None = None
) -> str:
    return render(
        verdict_text(verdict, documents), verdict_summary(verdict), color=color, width=width
    )


def verdict_markdown(verdict: Verdict, documents: Sequence[Document]) -> str:
    """The verdict as Markdown: claim, status and reason, then each source with its quotes."""
    flag = " (UNGROUNDED: no quote found in the documents)" if verdict.ungrounded else ""
    lines = [
        "# Claim check",
        "",
        f"> {verdict.claim}",
        "",
        f"**{verdict.status}**{flag}: {verdict.reason}",
        "",
    ]
    if verdict.matching_claim_ids:
        lines += [f"Matching claims: {', '.join(verdict.matching_claim_ids)}", ""]
    for source in verdict.sources:
        lines.append(f"- {source_line(source)}{source_place(source, documents)}")
        lines += [f"  > {e.quote}" for e in source.evidence]
        if not source.evidence:
            lines.append("  (no quote found in the documents)")
    return "\n".join([*lines, "", verdict_summary(verdict), ""])
