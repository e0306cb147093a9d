"""Put documents in time order and tell, per claim, who reported, confirmed, denied or retracted
it when, with the status the claim had once each document was read."""

from __future__ import annotations

from collections.abc import Sequence

from assistant import identity
from assistant.claims import Document, Source, TimelineEntry, TimelineEvent, TimelineOrder
from assistant.multidoc.independence import Mention, retracting
from assistant.multidoc.settling import Member, mentions_of, settle
from assistant.rubric import STANDING_KINDS

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


def timeline(members: Sequence[Member], documents: Sequence[Document]) -> list[TimelineEntry]:
    """One entry per (document, event), documents in the order of ``documents``."""
    entries: list[TimelineEntry] = []
    previous = None
    reported = False
    for position in sorted({m.position for m in members}):
        prefix = [m for m in members if m.position <= position]
        document = next(m.document for m in prefix if m.position == position)
        status = settle(prefix, documents).status
        mentions = mentions_of(prefix)
        mine = [m for m in mentions if m.position == position]
        retractions = list(retracting(mentions).values())
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
