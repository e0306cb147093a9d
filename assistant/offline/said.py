"""Offline answers about people: "what did X say?" (asking which one when a role fits several),
"the second one" after such a question, and who declined to comment."""

from __future__ import annotations

import re

from assistant.chat.questions import Intent
from assistant.claims import Claim
from assistant.matching import source_label, sources_of
from assistant.offline.replies import POINTERS, Context, Reply, not_said, reply, status_report
from assistant.offline.speakers import (
    NAME,
    Line,
    Remark,
    Statement,
    document_lines,
    mentions,
    non_confirmations,
    paragraph_of,
    refusals,
    statements,
)
from assistant.wordforms import roots

MAX_LINES = 6
REPORT_WORDS = roots("report reports story stories article outlet newspaper paper media press")
REPORTED = re.compile(r"\b(?:reported|published|reports)\b")
REPORT_BY = re.compile(r"\breport(?:ed|s)?\b,?\s+(?:on|by|in)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}")
OPTION = re.compile(r"^\s*(\d+)\.\s+(.+?)(?:\s+\u2014\s.*)?$")


def what_said(intent: Intent, context: Context) -> Reply:
    party = intent.party or ""
    found = _speakers(party, context)
    if not found:
        return not_said(f"what {party} said")
    if len(found) > 1 and not _is_name(party, found):
        return _which_one(party, found, context)
    lines: list[str] = []
    quotes: list[Line] = []
    for statement in found:
        lines.append(f"{statement.speaker} said:")
        shown = statement.lines[:MAX_LINES]
        lines += [f"- \u201c{line.text}\u201d" for line in shown]
        quotes += shown
    return reply(lines, [], extra_quotes=quotes, context=context)


def _is_name(party: str, found: list[Statement]) -> bool:
    """Whether the question named a person or body (capitalised) that every match shares."""
    words = [w for w in re.findall(r"[A-Z][\w'-]+", party) if w not in {"The", "A", "An"}]
    return bool(words) and all(words[-1] in s.speaker for s in found)


def _which_one(party: str, found: list[Statement], context: Context) -> Reply:
    lines = [f"Which one? {len(found)} in the documents fit \u201c{party}\u201d:"]
    for number, statement in enumerate(found, 1):
        first = statement.lines[0]
        title = first.document.title or first.document.id
        lines.append(f"{number}. {statement.speaker} \u2014 in {title}")
    lines.append("Ask about one by name, or say \u201cthe first one\u201d.")
    quotes = [s.lines[0] for s in found]
    return reply(lines, [], extra_quotes=quotes, context=context)


def speakers(party: str, context: Context) -> list[Statement]:
    """The people (or outlets, for "the report") matching ``party``, with where they speak."""
    return _speakers(party, context)


def _speakers(party: str, context: Context) -> list[Statement]:
    if roots(party) and roots(party) <= REPORT_WORDS:
        return _outlets(context)
    found = statements(party, context.documents)
    named = {s.speaker.casefold() for s in found}
    spoken = [line for s in found for line in s.lines]
    for claim in context.claims:
        for source in sources_of(party, claim):
            lines = _lines(claim, context)
            heard = any(_overlap(a, b) for a in lines for b in spoken)
            if lines and not heard and not any(_same(source.name, n) for n in named):
                found.append(Statement(source_label(source), tuple(lines)))
                named.add(source.name.casefold())
                spoken += lines
    return found


def _overlap(a: Line, b: Line) -> bool:
    return a.document.id == b.document.id and a.start < b.end and b.start < a.end


def _same(name: str, known: str) -> bool:
    folded = name.casefold()
    return folded == known or folded.split()[-1:] == known.split()[-1:]


def _lines(claim: Claim, context: Context) -> list[Line]:
    by_id = {d.id: d for d in context.documents}
    return [
        Line(by_id[e.document_id], e.start, e.end) for e in claim.evidence if e.document_id in by_id
    ][:1]


def _outlets(context: Context) -> list[Statement]:
    """The outlets whose reports the documents cite, each with the sentences about its report."""
    found: dict[str, list[Line]] = {}
    for paragraph in document_lines(context.documents):
        for line in paragraph:
            outlet = _outlet_in(line.text)
            if outlet is not None:
                key = next((k for k in found if _same(outlet, k.casefold())), outlet)
                found.setdefault(key, []).append(line)
    return [Statement(name, tuple(lines)) for name, lines in found.items()]


def _outlet_in(text: str) -> str | None:
    for pattern in (REPORT_BY, REPORTED):
        for match in pattern.finditer(text):
            if pattern is REPORT_BY:
                name = NAME.match(text, match.end())
            else:
                name = _last_name(text[max(0, match.start() - 60) : match.start()])
            if name is not None and _outletish(name.group(0)):
                return name.group(0).removeprefix("The ")
    return None


def _last_name(window: str) -> re.Match[str] | None:
    matches = [m for m in NAME.finditer(window) if window[m.end() :].strip() == ""]
    return matches[-1] if matches else None


def _outletish(name: str) -> bool:
    words = name.split()
    calendar = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    return bool(words) and words[0] not in calendar | {"He", "She", "It", "They", "A", "An"}


def choose(intent: Intent, context: Context) -> Reply:
    """'the second one': that option of the previous answer's list, else that cited claim."""
    options = [m.group(2) for m in map(OPTION.match, context.previous_text.splitlines()) if m]
    ordinal = intent.ordinal or 1
    if options:
        index = ordinal - 1 if ordinal > 0 else len(options) - 1
        if 0 <= index < len(options):
            return what_said(Intent("said", party=options[index]), context)
    if context.previous:
        index = ordinal - 1 if ordinal > 0 else len(context.previous) - 1
        if 0 <= index < len(context.previous):
            claim = context.previous[index]
            return status_report(claim.text, [claim])
    return not_said("which one you mean: the previous answer listed no such item")


def refusals_about(
    intent: Intent, context: Context, pool: list[Claim], *, unconfirmed: bool = False
) -> list[Remark]:
    """The "declined to comment" sentences of the documents that concern the question: by the
    party asked about, or next to (or about) the claims asked about; all of them when none is.
    With ``unconfirmed``, also the "could not confirm" sentences next to the claims."""
    every = refusals(context.documents)
    if intent.party is not None:
        party = intent.party
        return [r for r in every if mentions(party, r.party) or mentions(party, r.line.text)]
    if not (intent.back or intent.topic):
        return every
    near = [r for r in every if near_claims(r.line, pool, context, intent.topic)]
    found = near or ([] if intent.back else every)
    if unconfirmed:
        others = non_confirmations(context.documents)
        found += [r for r in others if near_claims(r.line, pool, context, intent.topic)]
    return found


def near_claims(line: Line, pool: list[Claim], context: Context, topic: str | None) -> bool:
    """Whether a sentence is about the claims: their evidence, their paragraph, or the topic."""
    if context.owner(line) in {c.id for c in pool} or _covers(topic, line.text):
        return True
    return same_paragraph(line, pool)


def same_paragraph(line: Line, pool: list[Claim]) -> bool:
    """Whether a sentence stands in a paragraph that holds evidence of one of the claims."""
    start, end = paragraph_of(line)
    return any(
        e.document_id == line.document.id and start <= e.start < end
        for c in pool
        for e in c.evidence
    )


def covers(topic: str | None, text: str) -> bool:
    """Whether ``text`` has at least half the topic's content words."""
    return _covers(topic, text)


def _covers(topic: str | None, text: str) -> bool:
    wanted = roots(topic or "") - POINTERS
    return bool(wanted) and len(wanted & roots(text)) / len(wanted) >= 0.5
