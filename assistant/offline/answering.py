"""Offline answer task: answer a chat question from the analysed claims and the documents, by rules.

No language model: the question is read by assistant/questions.py ("who denied the sale?", "what
did the spokesperson say?", "summarize", "who said that?") and answered from the claims, their
sources and statuses, and the sentences of the documents where people speak. A question that
points back ("did anyone confirm it?") is about the claims the previous answer cited. Every
citation is a verbatim quote. Questions nothing answers get "The documents don't say".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from assistant.chat import said as attributed
from assistant.chat.answers import NOT_IN_DOCUMENTS
from assistant.chat.questions import Intent, read
from assistant.claims import Claim, Source
from assistant.matching import names_party, source_label
from assistant.offline import overview, said
from assistant.offline.lines import Line, line_holding, paragraph_of
from assistant.offline.remarks import Remark, confirmations, denials, negations, speaker_of
from assistant.offline.replies import (
    Context,
    Reply,
    claim_line,
    not_said,
    plural,
    quoted,
    reply,
    report,
    status_report,
    topic_claims,
    who,
)
from assistant.offline.said import near_claims, same_paragraph
from assistant.rubric import STANDING_KINDS, SUPPORTING
from assistant.textsim import NUMBER_WORDS

ORDER = ("unverified", "denied", "confirmed")
COUNTING = re.compile(
    r"(?i)^(?:how\s+many\s+(?P<noun>[a-z]+)|how\s+(?:much|long|big|large|old)|"
    r"what\s+(?:number|share|percentage|price|amount|sum|figure))\b"
)
VERB = {"denies": "denied", "confirms": "confirmed", "declines_comment": "declined to comment on"}


def answer(inputs: Mapping[str, Any]) -> Reply:
    context = Context.from_inputs(inputs)
    intent = read(str(inputs["question"]))
    return _ANSWERERS[intent.kind](intent, context)


# --- who denied / confirmed / declined -----------------------------------------------------------


def _stance(intent: Intent, context: Context) -> Reply:
    pool = context.pool(intent)
    if intent.stance == "declines_comment":
        return _refusals(intent, context, pool)
    wanted = _confirmers if intent.stance == "confirms" else _deniers
    cited = [(c, s) for c in pool for s in wanted(c) if _by_party(intent, s)]
    if not cited and intent.stance == "denies":
        return _denials_in_text(intent, context, pool)
    in_text = confirmations if intent.stance == "confirms" else denials
    more = _in_text(in_text(context.said), intent, context, pool, cited)
    if not cited and not more:
        return _nobody(intent, context, pool)
    verb = VERB[intent.stance or "denies"]
    lines = []
    for claim in _claims_of(cited):
        lines.append(claim_line(claim))
        for source in [s for c, s in cited if c.id == claim.id]:
            lines.append(f"  {verb} by {who(source)}{quoted(source)}")
    lines += [f"{r.party} {verb} it: \u201c{r.line.text}\u201d" for r in more]
    return reply(lines, cited, extra_quotes=[r.line for r in more], context=context)


def _in_text(
    remarks: list[Remark],
    intent: Intent,
    context: Context,
    pool: list[Claim],
    cited: list[tuple[Claim, Source]],
) -> list[Remark]:
    """Sentences of the articles ("X confirmed that ...", "X denied ...") about the claims asked
    about, by the party asked about, that no cited quote already covers."""
    if not (intent.topic or intent.back):
        return []
    found = [
        r
        for r in remarks
        if _made_by(intent, r) and near_claims(r.line, pool, context, intent.topic)
    ]
    return _uncovered(found, cited)


def _deniers(claim: Claim) -> list[Source]:
    return [s for s in claim.sources if s.stance == "denies"]


def _confirmers(claim: Claim) -> list[Source]:
    confirms = [s for s in claim.sources if s.stance == "confirms"]
    on_record = [
        s
        for s in claim.sources
        if s.stance == "asserts" and s.kind in STANDING_KINDS and s.on_record
    ]
    return confirms + on_record


def _by_party(intent: Intent, source: Source) -> bool:
    return intent.party is None or names_party(intent.party, source)


def _made_by(intent: Intent, remark: Remark) -> bool:
    return intent.party is None or remark.by(intent.party)


def _claims_of(cited: list[tuple[Claim, Source]]) -> list[Claim]:
    return list({c.id: c for c, _ in cited}.values())


def _denials_in_text(intent: Intent, context: Context, pool: list[Claim]) -> Reply:
    """No analysed source denies it; the sentences of the documents that say it is not so."""
    found = [
        d
        for d in denials(context.said)
        if _made_by(intent, d)
        and (not (intent.topic or intent.back) or near_claims(d.line, pool, context, intent.topic))
    ]
    if intent.topic or intent.back:
        found += _negations_near(intent, context, pool, found)
    if not found or (intent.topic is None and not intent.back and intent.party is None and pool):
        return _nobody(intent, context, pool)
    lines = [f"{d.party} said it is not so: \u201c{d.line.text}\u201d" for d in found]
    return reply(lines, [], extra_quotes=[d.line for d in found], context=context)


def _negations_near(
    intent: Intent, context: Context, pool: list[Claim], found: list[Remark]
) -> list[Remark]:
    """Attributed "not"/"no" sentences about the claims or topic, then those in the same
    paragraphs as the denials found so far (denials come together)."""
    own = {c.id for c in pool}
    every = [
        n
        for n in negations(context.said)
        if context.owner(n.line) not in own and _made_by(intent, n)
    ]
    seen = {d.line.key for d in found}
    near = [
        n
        for n in every
        if n.line.key not in seen
        and (same_paragraph(n.line, pool) or said.covers(intent.topic, n.line.text))
    ]
    paragraphs = {_paragraph(d.line) for d in [*found, *near]}
    seen |= {n.line.key for n in near}
    beside = [n for n in every if n.line.key not in seen and _paragraph(n.line) in paragraphs]
    return (near + beside)[:4]


def _paragraph(line: Line) -> tuple[str, int]:
    return line.document.id, paragraph_of(line)[0]


def _nobody(intent: Intent, context: Context, pool: list[Claim]) -> Reply:
    """No one denied (or confirmed) it: say so, with how the matching claims stand."""
    verb = VERB[intent.stance or "denies"]
    party = intent.party or "anyone"
    if not pool or (intent.topic is None and not intent.back):
        about = f" {intent.topic}" if intent.topic else " anything"
        return not_said(f"that {party} {verb}{about}")
    lead = f"No one on the record {verb} this." if party == "anyone" else f"{party} {verb} nothing."
    lines, cited = [lead], []
    for claim in pool[:3]:
        lines.append(claim_line(claim))
        for source in claim.sources:
            lines.append(f"  {source.stance.replace('_', ' ')}: {who(source)}{quoted(source)}")
            cited.append((claim, source))
    silent = said.refusals_about(intent, context, pool, unconfirmed=True)
    silent = _uncovered(silent, cited)
    lines += [f"  {r.party} did not confirm or comment: \u201c{r.line.text}\u201d" for r in silent]
    return reply(lines, cited, extra_quotes=[r.line for r in silent], context=context)


def _uncovered(found: list[Remark], cited: list[tuple[Claim, Source]]) -> list[Remark]:
    """The remarks whose sentence no cited quote already covers."""
    spans = [e for _, s in cited for e in s.evidence]
    return [
        r
        for r in found
        if not any(
            e.document_id == r.line.document.id and e.start < r.line.end and r.line.start < e.end
            for e in spans
        )
    ]


def _refusals(intent: Intent, context: Context, pool: list[Claim]) -> Reply:
    cited = [
        (c, s)
        for c in pool
        for s in c.sources
        if s.stance in {"declines_comment", "not_confirmed"} and _by_party(intent, s)
    ]
    if intent.topic is None and not intent.back:
        cited = [(c, s) for c, s in cited if s.stance == "declines_comment"]
    lines = [f"{who(s)} did not comment on {c.id}{quoted(s)}" for c, s in cited]
    about = bool(intent.topic or intent.back)  # "who wouldn't say what caused it?"
    extra = said.refusals_about(intent, context, pool, unconfirmed=about)
    extra = _uncovered(extra, cited)
    lines += [f"{r.party}: \u201c{r.line.text}\u201d" for r in extra]
    if not lines:
        return not_said(f"that {intent.party or 'anyone'} declined to comment")
    return reply(lines, cited, extra_quotes=[r.line for r in extra], context=context)


# --- who said it, what rests on anonymous sources or media reports ----------------------------


def _who_said(intent: Intent, context: Context) -> Reply:
    pool = context.pool(intent)
    if not pool and intent.back:
        return _speakers_of_quotes(context)
    if not pool:
        speakers = attributed.who_said(intent.topic, context.said) if intent.topic else None
        return speakers or not_said(f"who said {intent.topic or 'that'}")
    lines, cited = [], []
    for claim in pool[:3]:
        lines.append(claim_line(claim))
        ordered = sorted(claim.sources, key=lambda s: s.stance not in SUPPORTING)
        for source in ordered:
            lines.append(f"  {source.stance.replace('_', ' ')}: {who(source)}{quoted(source)}")
            cited.append((claim, source))
    return reply(lines, cited)


def _speakers_of_quotes(context: Context) -> Reply:
    """Who said the quotes the previous answer cited, when it cited no claim."""
    lines, quotes = [], []
    for quote in context.previous_quotes[:4]:
        line = line_holding(quote, context.documents)
        speaker = speaker_of(line, context.said) if line is not None else None
        if line is not None and speaker is not None:
            lines.append(f"{speaker}: \u201c{line.text}\u201d")
            quotes.append(line)
    if not lines:
        return not_said("who said that")
    return reply(lines, [], extra_quotes=quotes, context=context)


def _secondhand(claims: list[Claim], kinds: frozenset[str], party: str | None) -> list[Claim]:
    """Claims that some source of these kinds backs and no one on the record confirms."""
    found = []
    for claim in claims:
        backers = [s for s in claim.sources if s.stance in SUPPORTING and s.kind in kinds]
        if party is not None:
            backers = [s for s in backers if names_party(party, s)]
        first_hand = [s for s in _confirmers(claim) if s.kind != "outlet"]
        if backers and not first_hand:
            found.append(claim)
    return sorted(found, key=lambda c: ORDER.index(c.status))


def _rests_on(intent: Intent, context: Context, kinds: frozenset[str], what: str) -> Reply:
    found = _secondhand(context.claims, kinds, intent.party)
    if not found and intent.party:
        return _reported_by(intent.party, context, what)
    if not found:
        return {
            "text": f"No claim in the documents rests on {what}. {NOT_IN_DOCUMENTS} that any "
            f"claim comes from {what}.",
            "citations": [],
        }
    lines = [f"{plural(len(found), 'claim')} rest{'s' if len(found) == 1 else ''} on {what}:"]
    cited = []
    for claim in found:
        lines.append(claim_line(claim))
        ordered = sorted(claim.sources, key=lambda s: s.kind not in kinds)
        for source in ordered:
            lines.append(f"  {source.stance.replace('_', ' ')}: {who(source)}{quoted(source)}")
        cited += [(claim, s) for s in ordered[:2]]
    return reply(lines, cited)


def _reported_by(outlet: str, context: Context, what: str) -> Reply:
    """No analysed claim rests on that outlet's report: what the attributions have it say."""
    found = attributed.speakers(outlet, context.said)
    if not found:
        return not_said(f"that any claim comes from {what}")
    said = attributed.what_said(Intent("said", party=outlet), context.said)
    lead = f"No analysed claim rests on {what}; the articles say of it:"
    return {**said, "text": f"{lead}\n{said['text']}"}


def _anonymous(intent: Intent, context: Context) -> Reply:
    return _rests_on(intent, context, frozenset({"anonymous"}), "anonymous sources")


def _reports(intent: Intent, context: Context) -> Reply:
    what = f"the {intent.party} report" if intent.party else "media reports"
    return _rests_on(intent, context, frozenset({"media_report"}), what)


# --- claims by status, sources, and any other topic -----------------------------------------------


def _check(intent: Intent, context: Context) -> Reply:
    pool = context.pool(intent)
    if not pool:
        return not_said(f"anything about {intent.topic or 'that'}")
    return report(pool[:3])


def _status(intent: Intent, context: Context) -> Reply:
    chosen = [c for c in context.claims if c.status == intent.status]
    if not chosen:
        return not_said(f"of any {intent.status} claim")
    count = f"{plural(len(chosen), 'claim')} {'is' if len(chosen) == 1 else 'are'}"
    lines = [f"{count} {intent.status}:"]
    for claim in chosen:
        lines += [claim_line(claim), f"  {claim.status_reason}"]
    return reply(lines, [(c, c.sources[0]) for c in chosen if c.sources])


def _sources(intent: Intent, context: Context) -> Reply:
    seen: dict[str, list[tuple[Claim, Source]]] = {}
    for claim in context.claims:
        for source in claim.sources:
            seen.setdefault(source.name.casefold(), []).append((claim, source))
    if not seen:
        return not_said("who the sources are: no claim has a source")
    lines = [f"{plural(len(seen), 'source')} speak to the claims:"]
    for uses in seen.values():
        first = uses[0][1]
        record = "on record" if first.on_record else "not on record"
        stances = ", ".join(f"{c.id} {s.stance}" for c, s in uses)
        lines.append(f"- {source_label(first)} [{first.kind}, {record}]: {stances}")
    return reply(lines, [uses[0] for uses in seen.values()])


def _topic(intent: Intent, context: Context) -> Reply:
    if intent.back and context.previous:
        return report(context.previous[:3])
    found = topic_claims(intent.topic or "", context.claims)
    if not found:
        return {
            "text": f"{NOT_IN_DOCUMENTS}: no claim in them matches the question.",
            "citations": [],
        }
    counting = COUNTING.match(intent.topic or "")
    if counting and not any(_counts(c, counting.group("noun")) for c in found):
        related = report(found[:2])
        lead = f"{NOT_IN_DOCUMENTS} {(intent.topic or '').rstrip('?')}: no claim gives a figure."
        return {**related, "text": f"{lead} Related claims:\n{related['text']}"}
    return status_report(intent.topic or "", context.claims)


def _counts(claim: Claim, noun: str | None) -> bool:
    """Whether a claim states a figure (a digit or a number word), next to the counted noun
    when the question names one ("how many beds": "24 beds", "a 24-bed expansion")."""
    text = " ".join([claim.text, *(e.quote for e in claim.evidence)])
    number = rf"(?:\d[\d,.]*|\b(?:{'|'.join(NUMBER_WORDS)}))"
    if noun is None:
        return re.search(number, text, re.IGNORECASE) is not None
    head = re.escape(noun.rstrip("s")[:5])
    counted = rf"{number}(?:[\s-]+[\w'-]+){{0,2}}?[\s-]+{head}"
    return re.search(counted, text, re.IGNORECASE) is not None


_ANSWERERS: dict[str, Callable[[Intent, Context], Reply]] = {
    "stance": _stance,
    "said": said.what_said,
    "who_said": _who_said,
    "choose": said.choose,
    "anonymous": _anonymous,
    "reports": _reports,
    "check": _check,
    "status": _status,
    "sources": _sources,
    "overview": overview.overview,
    "timeline": overview.timeline,
    "topic": _topic,
}
