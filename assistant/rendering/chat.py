"""How the chat shows things: the opening summary, answers with their citations, claim lists.

Functions return rich Text (coloured on a terminal, plain when piped) or, for exports, strings.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.text import Text

from assistant import rendering
from assistant.chat.answers import Answer
from assistant.claims import Analysis, Claim, Status, Usage
from assistant.pricing import cost
from assistant.rendering.analysis import claims_count

STYLE = rendering.STATUS_STYLE
ORDER: tuple[Status, ...] = ("denied", "unverified", "confirmed")
SUMMARY_ROWS = {"denied": 8, "unverified": 5, "confirmed": 5}
RULES_NOTE = (
    "Offline engine: no language model. Answers come from matching your question to the claims, "
    "their sources and statuses."
)


def _short(text: str, width: int = 96) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _deniers(claim: Claim) -> str:
    names = list(dict.fromkeys(s.name for s in claim.sources if s.stance == "denies"))
    return f" (denied by {', '.join(names)})" if names else ""


def claim_line(claim: Claim, *, width: int = 96) -> Text:
    line = Text(f"  {claim.id:<4} ")
    line.append(f"{claim.status:<10}", style=STYLE[claim.status])
    line.append(" " + _short(claim.text, width))
    if claim.ungrounded:
        line.append(" UNGROUNDED", style="bold magenta")
    return line


def summary(analysis: Analysis, *, reused: bool, reads_prompts: bool = True) -> Text:
    """One screen: counts by status, then the claims with the denied ones first; an engine
    that does not read prompts (rules) gets a note on how its answers come about."""
    counts = ", ".join(f"{len(analysis.by_status(s))} {s}" for s in ORDER)
    engine = analysis.engine
    text = Text()
    text.append(
        f"{len(analysis.documents)} document(s), {claims_count(len(analysis.claims))}: {counts}. "
        f"Engine {engine.name}:{engine.model}"
        + (" (cached analysis reused)" if reused else "")
        + "\n",
        style="bold",
    )
    for status in ORDER:
        claims = analysis.by_status(status)
        shown = claims[: SUMMARY_ROWS[status]]
        for claim in shown:
            text.append_text(claim_line(claim))
            text.append(_deniers(claim) + "\n", style="dim")
        if len(claims) > len(shown):
            text.append(f"  … {len(claims) - len(shown)} more: /claims {status}\n", style="dim")
    if not reads_prompts:
        text.append(RULES_NOTE + "\n", style="dim")
    for warning in analysis.warnings:
        text.append(f"warning: {warning}\n", style="yellow")
    text.append("Ask a question, or /help for commands; /quit or Ctrl-D leaves.", style="dim")
    return text


def answer(reply: Answer) -> Text:
    text = Text(reply.text + "\n")
    text.append_text(citations(reply))
    text.rstrip()
    return text


def citations(reply: Answer) -> Text:
    """What follows an answer's text: its citations with their checks, then any warning."""
    text = Text()
    for citation in reply.citations:
        text.append(f"  [{citation.claim_id or 'document'}] ", style="bold cyan")
        text.append(f'"{citation.quote}"', style="italic")
        if not citation.verified:
            text.append(f"  NOT VERIFIED: {citation.problem}", style="bold magenta")
        text.append("\n")
    if reply.warning:
        text.append(f"Warning: {reply.warning}\n", style="bold magenta")
    text.rstrip()
    return text


def claims(analysis: Analysis, status: Status | None) -> Text:
    chosen = analysis.claims if status is None else analysis.by_status(status)
    if not chosen:
        return Text(f"no {status or ''} claims".replace("  ", " "))
    text = Text()
    for claim in chosen:
        text.append_text(claim_line(claim, width=400))
        text.append("\n")
    return text


def claim_detail(claim: Claim) -> Text:
    text = Text(f"{claim.id}: {claim.text}\n", style="bold")
    text.append(claim.status, style=STYLE[claim.status])
    text.append(f": {claim.status_reason}\n")
    for source in claim.sources:
        text.append(rendering.source_line(source) + "\n")
        rendering.append_quotes(text, source, indent="    ")
    return text


def sources(analysis: Analysis) -> Text:
    seen: dict[str, list[str]] = {}
    lines: dict[str, str] = {}
    for claim in analysis.claims:
        for source in claim.sources:
            key = source.name.casefold()
            lines.setdefault(key, rendering.source_line(source))
            seen.setdefault(key, []).append(f"{claim.id} {source.stance}")
    if not seen:
        return Text("no sources")
    return Text("\n".join(f"{lines[k]}: {', '.join(v)}" for k, v in seen.items()))


def usage(total: Usage, analysis: Analysis) -> Text:
    engine = analysis.engine
    spent = cost(engine.name, engine.model, total)
    price = "unknown (set CLAIMDESK_PRICES)" if spent is None else f"${spent:.4f}"
    return Text(
        f"{total.model_calls} model calls, {total.prompt_tokens} prompt + "
        f"{total.completion_tokens} completion tokens, {total.reasks} re-asks; "
        f"estimated cost {price} ({engine.name}:{engine.model})"
    )


def transcript_markdown(analysis: Analysis, turns: Sequence[Answer]) -> str:
    lines = [rendering.markdown(analysis), "# Questions", ""]
    for turn in turns:
        lines += [f"## {turn.question}", "", turn.text, ""]
        lines += [f"- [{c.claim_id or 'document'}] > {c.quote}" for c in turn.citations]
        if turn.warning:
            lines.append(f"\n**Warning:** {turn.warning}")
        lines.append("")
    return "\n".join(lines)


def transcript_json(analysis: Analysis, turns: Sequence[Answer], session_id: int | None) -> str:
    data = {
        "session_id": session_id,
        "analysis": analysis.model_dump(mode="json"),
        "turns": [t.model_dump(mode="json") for t in turns],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
