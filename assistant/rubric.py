"""The rubric: how a claim's status follows from its sources, decided by code.

Used wherever a status must be derived rather than read from a model: the offline engine, and
claims merged from several parts or documents whose statuses disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.claims import Source, Status
from assistant.textsim import content_stems

# Parties whose own word can deny or confirm: they speak for themselves or with authority.
STANDING_KINDS = frozenset({"named_official", "organization", "document", "named_person"})
SUPPORTING = frozenset({"asserts", "confirms"})


def _label(source: Source) -> str:
    return f"{source.name} ({source.kind.replace('_', ' ')})"


def _standing(sources: Sequence[Source], stances: frozenset[str]) -> list[Source]:
    return [s for s in sources if s.kind in STANDING_KINDS and s.on_record and s.stance in stances]


def resolve(sources: Sequence[Source], claim: str = "") -> tuple[Status, str]:
    """Status and a one-sentence reason naming the decisive sources.

    With the ``claim`` text, a denial must come from a party the claim concerns when a party
    on the record affirms it: an opposition leader dismissing a ministry's figures does not
    make them denied (the rubric's standing). Without it, every on-record denial counts.
    """
    deniers = _standing(sources, frozenset({"denies"}))
    backers = _standing(sources, frozenset({"confirms"})) + _standing(
        sources, SUPPORTING - {"confirms"}
    )
    disputed = ""
    if claim and any(concerned(b, claim) for b in backers):
        third = [d for d in deniers if not concerned(d, claim, backers)]
        deniers = [d for d in deniers if d not in third]
        disputed = f"; disputed by {_names(third)}, not a party to it" if third else ""
    outlet = [s for s in sources if s.kind == "outlet" and s.stance in SUPPORTING]
    doubters = [s for s in sources if s.stance in {"not_confirmed", "declines_comment"}]
    if deniers and not any(b.stance == "confirms" for b in backers):
        return "denied", f"Denied on the record by {_names(deniers)}{_origin(sources)}."
    if backers and (not doubters or len(_distinct(backers)) >= 2 or deniers):
        return "confirmed", f"Affirmed on the record by {_names(backers)}{disputed}."
    if outlet and not doubters:
        return "confirmed", "Reported by the outlet in its own voice as established fact."
    return "unverified", _unverified_reason(sources, doubters)


# Words of a name or role that say nothing about whom a party speaks for.
_GENERIC_PARTY_WORDS = content_stems(
    """spokesman spokeswoman spokesperson official officials officer office representative
    head chief leader director deputy executive manager adviser advisor aide lawyer attorney
    counsel agent publicist senior former statement new"""
)


def concerned(source: Source, claim: str, backers: Sequence[Source] = ()) -> bool:
    """Whether ``source`` speaks for a party the claim is about: a word of its name or role
    is in the claim ("the army" on "rebels shot down an army helicopter"), or it also
    affirms the claim itself (its own word)."""
    if any(b.name.casefold() == source.name.casefold() for b in backers):
        return True
    party = content_stems(f"{source.name} {source.role or ''}") - _GENERIC_PARTY_WORDS
    return bool(party & content_stems(claim))


def _distinct(sources: Sequence[Source]) -> set[str]:
    return {s.name.casefold() for s in sources}


def _names(sources: Sequence[Source]) -> str:
    seen: dict[str, Source] = {}
    for source in sources:
        seen.setdefault(source.name.casefold(), source)
    labels = [_label(s) for s in seen.values()]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _origin(sources: Sequence[Source]) -> str:
    asserting = [
        s for s in sources if s.stance == "asserts" and s.kind in {"anonymous", "media_report"}
    ]
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
