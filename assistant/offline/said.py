"""Offline answers about people: "what did X say?" and "the second one" after a "Which one?"
list (both from the attributions, as every engine answers them), and who declined to comment."""

from __future__ import annotations

from assistant import matching
from assistant.chat import said as attributed
from assistant.chat.questions import Intent
from assistant.claims import Claim
from assistant.offline.lines import Line, paragraph_of
from assistant.offline.remarks import Remark, non_confirmations, refusals
from assistant.offline.replies import POINTERS, Context, Reply, not_said, status_report
from assistant.wordforms import roots


def what_said(intent: Intent, context: Context) -> Reply:
    """What a party said, from the attributions (see :mod:`assistant.chat.said`)."""
    return attributed.what_said(intent, context.said)


def choose(intent: Intent, context: Context) -> Reply:
    """'the second one': that option of the previous answer's list, else that cited claim."""
    ordinal = intent.ordinal or 1
    option = attributed.chosen_option(context.previous_text, ordinal)
    if option is not None:
        return what_said(Intent("said", party=option), context)
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
    every = refusals(context.said)
    if intent.party is not None:
        party = intent.party
        return [r for r in every if r.by(party) or attributed.names_speaker(party, r.line.text)]
    if not (intent.back or intent.topic):
        return every
    near = [r for r in every if near_claims(r.line, pool, context, intent.topic)]
    found = near or ([] if intent.back else every)
    if unconfirmed:
        others = non_confirmations(context.said)
        found += [r for r in others if near_claims(r.line, pool, context, intent.topic)]
    return found


def near_claims(line: Line, pool: list[Claim], context: Context, topic: str | None) -> bool:
    """Whether a sentence is about the claims: their evidence, their paragraph, or the topic."""
    if context.owner(line) in {c.id for c in pool} or covers(topic, line.text):
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
    return matching.covers(roots(topic or "") - POINTERS, text)
