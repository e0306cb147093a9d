"""Settle one claim's status across the documents that carry it.

When every document gave the claim the same status and nothing was retracted or walked back, that
status and its reason stand. Otherwise the rubric (:func:`assistant.rubric.resolve`) decides over
the sources still in force: reports withdrawn by a retraction no longer count, and when the same
party with standing both backs and denies the claim in different documents, only its latest word
counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant import identity
from assistant.claims import Claim, Document, Status
from assistant.multidoc.independence import NAMED_KINDS, Independence, Mention, independence
from assistant.rubric import SUPPORTING, resolve

TAKES_SIDE = SUPPORTING | {"denies"}


@dataclass(frozen=True)
class Member:
    """A document's own version of a merged claim; ``position`` is the document's place in time."""

    document: Document
    position: int
    claim: Claim


@dataclass(frozen=True)
class Settled:
    status: Status
    reason: str
    independence: Independence


def mentions_of(members: Sequence[Member]) -> list[Mention]:
    return [Mention(s, m.document, m.position) for m in members for s in m.claim.sources]


def _party_sides(mentions: Sequence[Mention]) -> list[list[Mention]]:
    parties: list[list[Mention]] = []
    for mention in mentions:
        source = mention.source
        takes_side = source.kind in NAMED_KINDS and source.on_record and source.stance in TAKES_SIDE
        if not takes_side:
            continue
        for party in parties:
            if identity.same_party(party[0].source.name, source.name):
                party.append(mention)
                break
        else:
            parties.append([mention])
    return parties


def superseded(mentions: Sequence[Mention]) -> frozenset[Mention]:
    """Earlier backing or denial by a party whose later word in another document went the other
    way ("confirmed on Monday, denied on Tuesday")."""
    dropped: set[Mention] = set()
    for party in _party_sides(mentions):
        latest = max(party, key=lambda m: m.position)
        denies_now = latest.source.stance == "denies"
        dropped.update(
            m
            for m in party
            if m.position < latest.position and (m.source.stance == "denies") != denies_now
        )
    return frozenset(dropped)


def settle(members: Sequence[Member], documents: Sequence[Document]) -> Settled:
    """Status, reason and independence of a claim from its members (any order)."""
    ordered = sorted(members, key=lambda m: m.position)
    mentions = mentions_of(ordered)
    found = independence(mentions, documents)
    stale = superseded(mentions)
    statuses = {m.claim.status for m in ordered}
    if len(statuses) == 1 and not found.withdrawn and not found.retracted_by and not stale:
        first = ordered[0].claim
        return Settled(first.status, first.status_reason, found)
    in_force = [m.source for m in mentions if m not in found.withdrawn and m not in stale]
    status, reason = resolve(in_force)
    if found.retracted_by:
        reason = f"{reason.rstrip('.')}; retracted by {', '.join(found.retracted_by)}."
    return Settled(status, reason, found)
