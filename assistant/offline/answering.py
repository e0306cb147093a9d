"""Offline answer task: answer a chat question from the analysed claims, by rules.

No language model: the question is read by assistant/questions.py ("what did X deny?", "which
claims rest only on anonymous sources?", "is X confirmed?", ...) and answered by matching it to
the claims, their sources and statuses. Every citation is a quote the analysis already located.
Questions the claims cannot answer get "The documents don't say".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from assistant.chat.answers import NOT_IN_DOCUMENTS
from assistant.chat.questions import Intent, read
from assistant.claims import Claim, Source
from assistant.matching import claims_about, source_label, sources_of

MAX_CITATIONS = 12
SECOND_HAND = frozenset({"anonymous", "media_report"})
SUPPORTING = frozenset({"asserts", "confirms"})

Reply = dict[str, Any]


def answer(inputs: Mapping[str, Any]) -> Reply:
    claims = [Claim.model_validate(c) for c in inputs.get("claims", [])]
    intent = read(str(inputs["question"]))
    return _ANSWERERS[intent.kind](intent, claims)


def _reply(lines: Sequence[str], cited: Sequence[tuple[Claim, Source]]) -> Reply:
    citations: list[dict[str, str | None]] = []
    for claim, source in cited:
        for evidence in source.evidence[:1]:
            entry: dict[str, str | None] = {"claim_id": claim.id, "quote": evidence.quote}
            if entry not in citations:
                citations.append(entry)
    return {"text": "\n".join(lines), "citations": citations[:MAX_CITATIONS]}


def _not_said(what: str) -> Reply:
    return {"text": f"{NOT_IN_DOCUMENTS} {what}.", "citations": []}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _unique(claims: Sequence[Claim]) -> list[Claim]:
    return list({c.id: c for c in claims}.values())


def _claim_line(claim: Claim) -> str:
    return f"- {claim.id} ({claim.status}): {claim.text}"


def _who(sources: Sequence[Source]) -> str:
    return "; ".join(f"{source_label(s)} [{s.kind}, {s.stance}]" for s in sources)


def _denials(intent: Intent, claims: list[Claim]) -> Reply:
    if intent.party:
        return _denials_by(intent.party, claims)
    pool = [m.claim for m in claims_about(intent.topic, claims)] if intent.topic else claims
    cited = [(c, s) for c in pool for s in c.sources if s.stance == "denies"]
    denied = _unique([c for c, _ in cited])
    if not denied:
        about = f" about {intent.topic}" if intent.topic else ""
        return _not_said(f"that anyone denied anything{about}")
    lines = [f"{_plural(len(denied), 'claim')} {'is' if len(denied) == 1 else 'are'} denied:"]
    for claim in denied:
        deniers = [s for s in claim.sources if s.stance == "denies"]
        lines += [_claim_line(claim), f"  denied by {_who(deniers)}"]
    return _reply(lines, cited)


def _denials_by(party: str, claims: list[Claim]) -> Reply:
    cited = [(c, s) for c in claims for s in sources_of(party, c) if s.stance == "denies"]
    if not cited:
        return _not_said(f"that {party} denied anything")
    denied = _unique([c for c, _ in cited])
    lines = [f"{party[0].upper()}{party[1:]} denied {_plural(len(denied), 'claim')}:"]
    for claim in denied:
        lines += [_claim_line(claim), f"  {_who([s for d, s in cited if d.id == claim.id])}"]
    return _reply(lines, cited)


def _anonymous(intent: Intent, claims: list[Claim]) -> Reply:
    found = []
    for claim in claims:
        backers = [s for s in claim.sources if s.stance in SUPPORTING]
        if backers and all(s.kind in SECOND_HAND for s in backers):
            found.append((claim, backers))
    if not found:
        return _not_said("of any claim that rests only on anonymous sources or media reports")
    lines = [
        f"{_plural(len(found), 'claim')} rest{'s' if len(found) == 1 else ''} only on "
        "anonymous sources or other media reports:"
    ]
    for claim, backers in found:
        lines += [_claim_line(claim), f"  backed only by {_who(backers)}"]
    return _reply(lines, [(c, s) for c, backers in found for s in backers])


def status_report(topic: str, claims: list[Claim]) -> Reply:
    """How the documents stand on ``topic``: the matching claims, their status and sources."""
    matches = claims_about(topic, claims)
    if not matches:
        return _not_said(f"anything about {topic}")
    best = [m.claim for m in matches if m.score >= matches[0].score - 0.15][:3]
    lines = []
    for claim in best:
        lines += [f"{claim.id} is {claim.status}: {claim.text}", f"  {claim.status_reason}"]
        if claim.sources:
            lines.append(f"  sources: {_who(claim.sources)}")
    return _reply(lines, [(c, s) for c in best for s in c.sources])


def _check(intent: Intent, claims: list[Claim]) -> Reply:
    return status_report(intent.topic or "", claims)


def _status(intent: Intent, claims: list[Claim]) -> Reply:
    chosen = [c for c in claims if c.status == intent.status]
    if not chosen:
        return _not_said(f"of any {intent.status} claim")
    lines = [
        f"{_plural(len(chosen), 'claim')} {'is' if len(chosen) == 1 else 'are'} {intent.status}:"
    ]
    for claim in chosen:
        lines += [_claim_line(claim), f"  {claim.status_reason}"]
    return _reply(lines, [(c, c.sources[0]) for c in chosen if c.sources])


def _sources(intent: Intent, claims: list[Claim]) -> Reply:
    seen: dict[str, list[tuple[Claim, Source]]] = {}
    for claim in claims:
        for source in claim.sources:
            seen.setdefault(source.name.casefold(), []).append((claim, source))
    if not seen:
        return _not_said("who the sources are: no claim has a source")
    lines = [f"{_plural(len(seen), 'source')} speak to the claims:"]
    for uses in seen.values():
        first = uses[0][1]
        record = "on record" if first.on_record else "not on record"
        stances = ", ".join(f"{c.id} {s.stance}" for c, s in uses)
        lines.append(f"- {source_label(first)} [{first.kind}, {record}]: {stances}")
    return _reply(lines, [uses[0] for uses in seen.values()])


def _party(intent: Intent, claims: list[Claim]) -> Reply:
    party = intent.party or ""
    cited = [(c, s) for c in claims for s in sources_of(party, c)]
    if not cited:
        return _not_said(f"what {party} said")
    lines = [f"{party[0].upper()}{party[1:]} speaks to {_plural(len(cited), 'claim')}:"]
    lines += [f"{_claim_line(c)}\n  {s.stance}: {source_label(s)}" for c, s in cited]
    return _reply(lines, cited)


def _topic(intent: Intent, claims: list[Claim]) -> Reply:
    reply = status_report(intent.topic or "", claims)
    if not reply["citations"] and not claims_about(intent.topic or "", claims):
        return {
            "text": f"{NOT_IN_DOCUMENTS}: no claim in them matches the question.",
            "citations": [],
        }
    return reply


_ANSWERERS: dict[str, Callable[[Intent, list[Claim]], Reply]] = {
    "denials": _denials,
    "anonymous": _anonymous,
    "check": _check,
    "status": _status,
    "sources": _sources,
    "party": _party,
    "topic": _topic,
}
