"""Merge claims across documents: one claim per assertion, with who said what where, how many
independent origins stand behind it, the chains that collapse re-reports, and a timeline.

The per-document claims come from the extraction pipeline (analysis.py); this module only combines
them. The rules are explained in docs/check.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.claims import Claim, Document, Source, TimelineOrder
from assistant.merging import merge_sources, restatement_groups
from assistant.multidoc.independence import origins_in_one_document
from assistant.multidoc.settling import Member, settle
from assistant.multidoc.timeline import ordered_documents, timeline


def stamped_sources(document: Document, claim: Claim) -> list[Source]:
    """The claim's sources, each tagged with the document it came from."""
    return [
        s if s.document_id else s.model_copy(update={"document_id": document.id})
        for s in claim.sources
    ]


def stamp(document: Document, claim: Claim) -> Claim:
    """The claim with every source and the claim itself tagged with the document they came from."""
    sources = stamped_sources(document, claim)
    return claim.model_copy(update={"sources": sources, "document_ids": [document.id]})


def group(members: Sequence[Member]) -> list[list[Member]]:
    """Restatements of one assertion together; each group's first member names it."""
    return [[members[i] for i in g] for g in restatement_groups([m.claim.text for m in members])]


def merged_claim(members: Sequence[Member], documents: Sequence[Document], claim_id: str) -> Claim:
    """Claim ``claim_id`` from its members, worded as first reported; ``documents`` in time
    order."""
    in_time = sorted(members, key=lambda m: m.position)
    settled = settle(in_time, documents)
    sources = merge_sources([s for m in in_time for s in m.claim.sources])
    document_ids = list(dict.fromkeys(m.document.id for m in in_time))
    several = len(documents) > 1
    first = in_time[0].claim
    return first.model_copy(
        update={
            "id": claim_id,
            "status": settled.status,
            "status_reason": settled.reason,
            "overruled": first.overruled if settled.status == first.status else None,
            "sources": sources,
            "ungrounded": not any(s.evidence for s in sources),
            "document_ids": document_ids,
            "independent_sources": settled.independence.count,
            "chains": settled.independence.chains if several else [],
            "timeline": timeline(members, documents) if several else [],
        }
    )


def claim_of_one_document(document: Document, claim: Claim, claim_id: str) -> Claim:
    """:func:`merged_claim` of a claim when one document is analysed, in one copy. The claim is
    its own group: a document's claims come merged already (by
    :func:`assistant.analysis.document_reading`), so grouping them again would find nothing.
    Its status stands as the reading decided it: one document can neither retract (that takes
    a later document) nor supersede a party's word (that takes another document), so
    ``settle`` keeps it; chains and a timeline are shown only across documents."""
    stamped = stamped_sources(document, claim)
    sources = merge_sources(stamped)
    return claim.model_copy(
        update={
            "id": claim_id,
            "sources": sources,
            "ungrounded": not any(s.evidence for s in sources),
            "document_ids": [document.id],
            "independent_sources": origins_in_one_document(stamped),
            "chains": [],
            "timeline": [],
        }
    )


def combine_documents(
    documents: Sequence[Document], per_document: Sequence[list[Claim]]
) -> tuple[list[Claim], TimelineOrder]:
    """Merged claims numbered c1, c2, ... in argument order, and how the timeline is ordered.
    ``per_document``: each document's claims as :func:`assistant.analysis.document_reading`
    merged them."""
    in_time, order = ordered_documents(documents)
    if len(documents) == 1:
        (document,), (claims,) = documents, per_document
        numbered = enumerate(claims, start=1)
        return [claim_of_one_document(document, c, f"c{i}") for i, c in numbered], order
    position = {d.id: i for i, d in enumerate(in_time)}
    members = [
        Member(document, position[document.id], stamp(document, claim))
        for document, claims in zip(documents, per_document, strict=True)
        for claim in claims
    ]
    groups = enumerate(group(members), start=1)
    return [merged_claim(g, in_time, f"c{i}") for i, g in groups], order
