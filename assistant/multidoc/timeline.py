"""Put documents in time order and tell, per claim, who reported, confirmed, denied or retracted
it when, with the status the claim had once each document was read."""

from __future__ import annotations

from collections.abc import Sequence

from assistant import identity
from assistant.claims import (
    Document,
    Source,
    Status,
    TimelineEntry,
    TimelineEvent,
    TimelineOrder,
)
from assistant.multidoc.independence import NAMED_KINDS, Mention, independence
from assistant.multidoc.settling import Member, add_party_sides, mentions_of, superseded
from assistant.rubric import STANDING_KINDS, SUPPORTING, decide_grounded

EVENT_ORDER: tuple[TimelineEvent, ...] = (
    "first_reported",
    "reported",
    "confirmed",
    "denied",
    "not_confirmed",
    "retracted",
)

SUPPORT_EVENTS = frozenset({"first_reported", "reported", "confirmed"})


def ordered_documents(documents: Sequence[Document]) -> tuple[list[Document], TimelineOrder]:
    """By date when every document has one (ties keep argument order), else argument order."""
    if documents and all(d.date is not None for d in documents):
        ranked = sorted(enumerate(documents), key=lambda pair: (pair[1].date, pair[0]))
        return [d for _, d in ranked], "date"
    return list(documents), "arguments"


def _event(source: Source, first: bool, retraction: bool) -> TimelineEvent:
    if retraction:
        return "retracted"
    if source.stance == "denies":
        return "denied"
    if source.stance in {"declines_comment", "not_confirmed"}:
        return "not_confirmed"
    if source.stance == "confirms" and source.kind in STANDING_KINDS and source.on_record:
        return "confirmed"
    return "first_reported" if first else "reported"


def _who(source: Source) -> str:
    return f"{source.name} ({source.role})" if source.role else source.name


def _events(
    mentions: Sequence[Mention], first: bool, retractions: Sequence[Mention]
) -> dict[TimelineEvent, list[str]]:
    events: dict[TimelineEvent, list[str]] = {}
    for mention in mentions:
        kind = _event(mention.source, first, mention in retractions)
        names = events.setdefault(kind, [])
        if _who(mention.source) not in names:
            names.append(_who(mention.source))
    if not events:
        events["first_reported" if first else "reported"] = []
    return {kind: events[kind] for kind in EVENT_ORDER if kind in events}


class _Reading:
    """A claim's members taken in one document at a time, in time order, keeping what the status
    after each document needs, so that each document costs work in proportion to what it adds
    (the rubric runs over everything read only when the documents disagree)."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self.members: list[Member] = []
        self.mentions: list[Mention] = []
        self.statuses: set[Status] = set()
        self.supported: dict[str, int] = {}  # outlet -> where its report first supported it
        self.retractions: dict[str, Mention] = {}  # as independence.retracting finds them
        self.parties: list[list[Mention]] = []  # as settling.party_sides groups them

    def read(self, members: Sequence[Member]) -> list[Mention]:
        """Take in one document's members; returns their mentions."""
        mine = mentions_of(members)
        self.members += members
        self.mentions += mine
        self.statuses.update(m.claim.status for m in members)
        for mention in mine:
            if mention.source.stance in SUPPORTING and mention.source.kind not in NAMED_KINDS:
                self.supported.setdefault(mention.outlet, mention.position)
        for mention in mine:
            if _retracts(mention, self.supported):
                self.retractions.setdefault(mention.outlet, mention)
        add_party_sides(self.parties, mine)
        return mine

    def status(self) -> Status:
        """The status once the documents read so far are read: what ``settle`` gives."""
        if len(self.statuses) == 1 and not self.retractions and not _any_superseded(self.parties):
            return self.members[0].claim.status
        stale = superseded(self.mentions)
        withdrawn = (
            independence(self.mentions, self.documents).withdrawn
            if self.retractions
            else frozenset()
        )
        in_force = [m.source for m in self.mentions if m not in withdrawn and m not in stale]
        return decide_grounded(in_force)[0]


def _retracts(mention: Mention, supported: dict[str, int]) -> bool:
    source = mention.source
    if source.kind != "outlet" or source.stance != "denies":
        return False
    first = supported.get(mention.outlet)
    return first is not None and first < mention.position


def _any_superseded(parties: Sequence[Sequence[Mention]]) -> bool:
    """Whether a party's earlier word went the other way from its latest (see ``superseded``)."""
    for party in parties:
        latest = max(party, key=lambda m: m.position)
        denies_now = latest.source.stance == "denies"
        if any(
            m.position < latest.position and (m.source.stance == "denies") != denies_now
            for m in party
        ):
            return True
    return False


def timeline(members: Sequence[Member], documents: Sequence[Document]) -> list[TimelineEntry]:
    """One entry per (document, event), documents in the order of ``documents``."""
    entries: list[TimelineEntry] = []
    previous = None
    reported = False
    reading = _Reading(documents)
    by_position: dict[int, list[Member]] = {}
    for member in members:
        by_position.setdefault(member.position, []).append(member)
    for position in sorted(by_position):
        document = by_position[position][0].document
        mine = reading.read(by_position[position])
        status = reading.status()
        retractions = list(reading.retractions.values())
        for kind, names in _events(mine, not reported, retractions).items():
            entries.append(
                TimelineEntry(
                    document_id=document.id,
                    date=document.date,
                    label=identity.document_label(document),
                    event=kind,
                    by=names,
                    status=status,
                    status_changed=previous is not None and status != previous,
                )
            )
        reported = reported or any(e.event in SUPPORT_EVENTS for e in entries)
        previous = status
    return entries
