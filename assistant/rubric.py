"""The rubric: how a claim's status follows from its sources, decided by code.

The only precedence in the product. Whoever reads the documents (a language model or the offline
rules) proposes sources with ``kind``, ``stance``, ``on_record`` and ``standing``; after grounding,
:func:`decide` gives the status from the sources that still have evidence, for every engine and
every path (analyze, check, several documents, chat). Where the reader proposed another status,
:func:`overrule` says why the rubric's stands.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.claims import Overrule, Source, Status, VerdictStatus
from assistant.textsim import content_stems

# Parties whose own word can deny or confirm: they speak for themselves or with authority.
STANDING_KINDS = frozenset({"named_official", "organization", "document", "named_person"})
SUPPORTING = frozenset({"asserts", "confirms"})
# Who can never deny with standing: unnamed people, and other outlets reporting a denial.
SECOND_HAND = frozenset({"anonymous", "media_report"})
UNGROUNDED = "Ungrounded: no quote was found in the text"


@cache
def revision() -> str:
    """A hash of the code that decides statuses from sources (this module and evidence.py):
    stored analyses decided by other rules must not be reused."""
    digest = hashlib.sha256()
    for name in ("rubric.py", "evidence.py"):
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:12]


def grounded(sources: Sequence[Source]) -> list[Source]:
    """The sources that count: those with at least one located quote."""
    return [s for s in sources if s.evidence]


def decide(sources: Sequence[Source]) -> tuple[Status, str]:
    """Status and a one-sentence reason naming the decisive sources, in the rubric's order:

    1. denied: a source with standing denies it on the record, and no source with standing
       confirms it on the record;
    2. confirmed: a named party with standing affirms it on the record (unless it is only
       asserted while parties withhold comment), two or more named parties affirm it on the
       record, or the outlet states it in its own voice and nobody doubts it;
    3. unverified otherwise. Denials by parties without standing are named in the reason.
    """
    named = [s for s in sources if s.kind in STANDING_KINDS and s.on_record]
    deniers = [s for s in sources if _denies_with_standing(s)]
    third = [s for s in named if s.stance == "denies" and not s.standing]
    backers = [s for s in named if s.stance == "confirms"]
    backers += [s for s in named if s.stance in SUPPORTING - {"confirms"}]
    parties = [b for b in backers if b.standing]
    outlet = [s for s in sources if s.kind == "outlet" and s.stance in SUPPORTING]
    doubters = [s for s in sources if s.stance in {"not_confirmed", "declines_comment"}]
    if deniers and not any(b.stance == "confirms" for b in parties):
        return "denied", f"Denied on the record by {_names(deniers)}{_origin(sources)}."
    corroborated = len(_distinct(backers)) >= 2
    if corroborated or (parties and (not doubters or deniers)):
        disputed = f"; disputed by {_names(third)}, not a party to it" if third else ""
        return "confirmed", f"Affirmed on the record by {_names(backers)}{disputed}."
    if outlet and not doubters:
        return "confirmed", "Reported by the outlet in its own voice as established fact."
    return "unverified", _unverified_reason(sources, doubters)


def decide_grounded(sources: Sequence[Source]) -> tuple[Status, str]:
    """:func:`decide` over the grounded sources; none at all cannot confirm or deny."""
    counted = grounded(sources)
    if not counted:
        return "unverified", f"{UNGROUNDED}."
    return decide(counted)


def _denies_with_standing(source: Source) -> bool:
    """An on-record denial by a party to the claim; the outlet's own voice counts when the
    reader says it rules on the claim itself (a debunk), other outlets' reports never do."""
    return (
        source.stance == "denies"
        and source.on_record
        and source.standing
        and source.kind not in SECOND_HAND
    )


def overrule(
    proposed: VerdictStatus, status: VerdictStatus, reason: str, sources: Sequence[Source]
) -> Overrule | None:
    """Why the rubric's status replaces the one the reader proposed (None when they agree)."""
    if proposed == status:
        return None
    if sources and not grounded(sources):
        why = "none of its quotes was found in the text, so no source counts"
    elif len(grounded(sources)) < len(sources):
        dropped = len(sources) - len(grounded(sources))
        why = f"{dropped} source(s) lost every quote in grounding; by the rubric: {reason}"
    else:
        why = f"by the rubric: {reason}"
    return Overrule(proposed_status=proposed, reason=why)


# Words of a name or role that say nothing about whom a party speaks for.
_GENERIC_PARTY_WORDS = content_stems(
    """spokesman spokeswoman spokesperson official officials officer office representative
    head chief leader director deputy executive manager adviser advisor aide lawyer attorney
    counsel agent publicist senior former statement new"""
)


def _speaks_for(source: Source, claim_stems: frozenset[str]) -> bool:
    """Whether ``source`` speaks for a party the claim (its content stems) is about: a word of
    its name or role is in the claim ("the army" on "rebels shot down an army helicopter")."""
    party = content_stems(f"{source.name} {source.role or ''}") - _GENERIC_PARTY_WORDS
    return not party.isdisjoint(claim_stems)


def _on_record_party(source: Source) -> bool:
    return source.kind in STANDING_KINDS and source.on_record


def with_standing(sources: Sequence[Source], claim: str) -> list[Source]:
    """The rule reader's standing for each source of ``claim`` (a source whose standing is
    already that is given back as it is).

    When a named party on the record that the claim is about affirms it, only parties the claim
    concerns have standing (an opposition leader dismissing a ministry's figures is not a party
    to them); otherwise every named party on the record speaks with standing. The outlet's
    own debunk (:func:`debunks`) always does, as the check's reader reads it.
    """
    backers = [s for s in sources if _on_record_party(s) and s.stance in SUPPORTING]
    claim_stems = content_stems(claim) if backers else frozenset()
    if any(_speaks_for(b, claim_stems) for b in backers):
        backing = {b.name.casefold() for b in backers}  # a backer's own word concerns it
        standing = [
            s.name.casefold() in backing or _speaks_for(s, claim_stems) or debunks(s)
            for s in sources
        ]
    else:
        standing = [_on_record_party(s) or debunks(s) for s in sources]
    return [
        s if s.standing == has else s.model_copy(update={"standing": has})
        for s, has in zip(sources, standing, strict=True)
    ]


def debunks(source: Source) -> bool:
    """The outlet ruling against the claim in its own voice ("That report is false"): it
    speaks on the claim itself, as a fact-check does, so its denial stands like a party's."""
    return source.kind == "outlet" and source.stance == "denies"


def _distinct(sources: Sequence[Source]) -> set[str]:
    return {s.name.casefold() for s in sources}


def _label(source: Source) -> str:
    return f"{source.name} ({source.kind.replace('_', ' ')})"


def _names(sources: Sequence[Source]) -> str:
    seen: dict[str, Source] = {}
    for source in sources:
        seen.setdefault(source.name.casefold(), source)
    labels = [_label(s) for s in seen.values()]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _origin(sources: Sequence[Source]) -> str:
    asserting = [s for s in sources if s.stance == "asserts" and s.kind in SECOND_HAND]
    return f"; the claim rests on {_names(asserting)}" if asserting else ""


def _withheld(doubters: Sequence[Source]) -> str:
    """ "the ministry declined to comment and X has not confirmed it"."""
    parts = []
    declined = [s for s in doubters if s.stance == "declines_comment"]
    silent = [s for s in doubters if s.stance != "declines_comment"]
    if silent:
        verb = "have" if len(_distinct(silent)) > 1 else "has"
        parts.append(f"{_names(silent)} {verb} not confirmed it")
    if declined:
        parts.append(f"{_names(declined)} declined to comment")
    return " and ".join(parts)


def _unverified_reason(sources: Sequence[Source], doubters: Sequence[Source]) -> str:
    asserting = [s for s in sources if s.stance in SUPPORTING]
    basis = f"Rests on {_names(asserting)}" if asserting else "No party with standing affirms it"
    if doubters:
        return f"{basis}; {_withheld(doubters)}."
    return f"{basis}; no on-record confirmation."
