"""Offline answers over the whole story: the overview ("summarize", "what is this about?": denied
first, then unverified, then confirmed, with sources) and the timeline ("when", "in which
document")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.chat.questions import Intent
from assistant.claims import Claim, Document, Source, Status
from assistant.matching import covers
from assistant.offline.lines import Line, document_lines
from assistant.offline.replies import (
    POINTERS,
    Context,
    Reply,
    claim_line,
    not_said,
    plural,
    reply,
)
from assistant.wordforms import roots

ORDER: tuple[Status, ...] = ("denied", "unverified", "confirmed")
SHOWN = {"denied": 8, "unverified": 6, "confirmed": 6}
LEADS = {"denied": "Denied", "unverified": "Unverified", "confirmed": "Confirmed"}
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
WHEN = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?|{_MONTH}(?:\s+(?:19|20)\d{{2}})?|"
    rf"{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|(?:19|20)\d{{2}}|"
    r"(?:last|this|next)\s+(?:week|month|year)|yesterday|today|tonight|within\s+\w+)\b"
)


def overview(intent: Intent, context: Context) -> Reply:
    claims = context.claims
    if not claims:
        return not_said("anything check-worthy: no claims were found")
    counts = ", ".join(f"{sum(c.status == s for c in claims)} {s}" for s in ORDER)
    lines = [f"{_about(context.documents)}: {plural(len(claims), 'claim')} ({counts})."]
    cited: list[tuple[Claim, Source]] = []
    for status in ORDER:
        chosen = [c for c in claims if c.status == status]
        if not chosen:
            continue
        lines.append(f"{LEADS[status]}:")
        for claim in chosen[: SHOWN[status]]:
            lines += [claim_line(claim), f"  {_sourcing(claim)}"]
            cited += [(claim, s) for s in _deciding(claim)[:1]]
        if len(chosen) > SHOWN[status]:
            lines.append(f"  ... {len(chosen) - SHOWN[status]} more {status}")
    return reply(lines, cited)


def _about(documents: Sequence[Document]) -> str:
    titles = [f"\u201c{d.title}\u201d" for d in documents if d.title]
    if len(documents) == 1:
        return f"The article{' ' + titles[0] if titles else ''}"
    return f"{len(documents)} documents" + (f" ({'; '.join(titles)})" if titles else "")


def _deciding(claim: Claim) -> list[Source]:
    """Sources in the order that decides the status: deniers of a denied claim first."""
    first = {"denied": "denies", "confirmed": "confirms", "unverified": "asserts"}[claim.status]
    return sorted(claim.sources, key=lambda s: (s.stance != first, not s.evidence))


def _sourcing(claim: Claim) -> str:
    parts = []
    for stance, verb in (
        ("denies", "denied by"),
        ("confirms", "confirmed by"),
        ("asserts", "from"),
        ("declines_comment", "no comment from"),
        ("not_confirmed", "not confirmed by"),
    ):
        chosen = [s for s in claim.sources if s.stance == stance]
        names = [f"{s.name} ({s.kind.replace('_', ' ')})" for s in chosen]
        if names:
            parts.append(f"{verb} {', '.join(names)}")
    return "; ".join(parts) or claim.status_reason


def timeline(intent: Intent, context: Context) -> Reply:
    pool = context.pool(intent) if (intent.topic or intent.back) else []
    if not pool:
        return _dated_sentences(intent, context)
    lines: list[str] = []
    quotes: list[Line] = []
    for claim in pool[:3]:
        lines.append(claim_line(claim))
        for sentence in _sentences(claim, context):
            times = list(dict.fromkeys(m.group(0) for m in WHEN.finditer(sentence.text)))
            lines.append(f"  {_where(sentence.document)}: {', '.join(times) or 'no date given'}")
            lines.append(f"    \u201c{sentence.text}\u201d")
            quotes.append(sentence)
        lines += [f"  {_event(e.event, e.by)} in {e.label}" for e in claim.timeline]
    return reply(lines, [], extra_quotes=quotes, context=context)


def _dated_sentences(intent: Intent, context: Context) -> Reply:
    """No claim matches: the sentences of the articles about the topic that give a date."""
    wanted = roots(intent.topic or "") - POINTERS
    subject = {w for d in context.documents for w in roots(d.title or "")}
    wanted = (wanted - subject) or wanted  # the article's subject is in every sentence
    found = [
        line
        for paragraph in document_lines(context.documents)
        for line in paragraph
        if covers(wanted, line.text) and WHEN.search(line.text)
    ][:3]
    if not found:
        return not_said(f"when {intent.topic or 'that'} happened")
    lines = []
    for line in found:
        times = ", ".join(dict.fromkeys(m.group(0) for m in WHEN.finditer(line.text)))
        lines += [f"{_where(line.document)}: {times}", f"  \u201c{line.text}\u201d"]
    return reply(lines, [], extra_quotes=found, context=context)


def _where(document: Document) -> str:
    name = f"\u201c{document.title}\u201d" if document.title else document.id
    return f"in {name}" + (f" ({document.date.isoformat()})" if document.date else "")


def _event(event: str, by: list[str]) -> str:
    return event.replace("_", " ") + (f" by {', '.join(by)}" if by else "")


def _sentences(claim: Claim, context: Context) -> list[Line]:
    """The whole sentences holding a claim's evidence, each once, in document order."""
    spans = [(e.document_id, e.start, e.end) for e in claim.evidence]
    found: list[Line] = []
    for paragraph in document_lines(context.documents):
        for line in paragraph:
            if any(d == line.document.id and s < line.end and line.start < e for d, s, e in spans):
                found.append(line)
    return found[:4]
