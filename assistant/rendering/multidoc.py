"""Text for analyses of several documents: where each source spoke, independence, chains, the
timeline, and the compact list of denied claims (``claimdesk analyze --status denied``)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.claims import Analysis, Claim, Document, Source, TimelineEntry
from assistant.identity import document_label

EVENT_WORDS = {
    "first_reported": "first reported by",
    "reported": "reported by",
    "confirmed": "confirmed by",
    "denied": "denied by",
    "not_confirmed": "not confirmed by",
    "retracted": "retracted by",
}


def order_label(analysis: Analysis) -> str:
    if analysis.timeline_order == "date":
        return "order: by date"
    return "order: argument order, no dates"


def where(documents: Sequence[Document], document_id: str | None) -> str:
    """'Outlet, 2026-03-02' for a document id; '' when unknown."""
    for document in documents:
        if document.id == document_id:
            date = f", {document.date.isoformat()}" if document.date else ""
            return f"{document_label(document)}{date}"
    return ""


def _when(entry: TimelineEntry, documents: Sequence[Document]) -> str:
    if entry.date is not None:
        return entry.date.isoformat()
    ids = [d.id for d in documents]
    number = ids.index(entry.document_id) + 1 if entry.document_id in ids else 0
    return f"#{number}"


def _status_change(entry: TimelineEntry, previous: str | None) -> str:
    if entry.status == previous:
        return ""
    return f" -> now {entry.status}" if entry.status_changed else f" -> {entry.status}"


def timeline_lines(claim: Claim, documents: Sequence[Document]) -> list[str]:
    """'2026-03-04 Bay Gazette: denied by Ilse Marten -> now denied', one line per entry."""
    lines = []
    previous: str | None = None
    for entry in claim.timeline:
        who = ", ".join(entry.by) or "the article"
        change = _status_change(entry, previous)
        when = _when(entry, documents)
        lines.append(f"{when} {entry.label}: {EVENT_WORDS[entry.event]} {who}{change}")
        previous = entry.status
    return lines


def claim_notes(claim: Claim, analysis: Analysis) -> list[str]:
    """Lines under a merged claim: independent origins, chains, then the timeline."""
    count = claim.independent_sources
    lines = [f"independent sources: {count} (in {len(claim.document_ids)} document(s))"]
    lines += [f"  chain: {chain}" for chain in claim.chains]
    if claim.timeline:
        lines.append(f"timeline ({order_label(analysis)}):")
        lines += [f"  {line}" for line in timeline_lines(claim, analysis.documents)]
    return lines


def source_place(source: Source, documents: Sequence[Document]) -> str:
    place = where(documents, source.document_id)
    return f" in {place}" if place else ""


def _party(source: Source, documents: Sequence[Document]) -> str:
    role = f", {source.role}" if source.role else ""
    record = "on the record" if source.on_record else "off the record"
    kind = source.kind.replace("_", " ")
    return f"{source.name}{role} ({kind}, {record}){source_place(source, documents)}"


def _quoted(source: Source) -> list[str]:
    if not source.evidence:
        return ["      (no quote found in the text)"]
    return [f'      "{e.quote}"' for e in source.evidence]


def denial_lines(claim: Claim, documents: Sequence[Document]) -> list[str]:
    lines = [f"{claim.id}  {claim.text}"]
    groups = (
        ("denied by", [s for s in claim.sources if s.stance == "denies"]),
        ("asserted by", [s for s in claim.sources if s.stance in {"asserts", "confirms"}]),
    )
    for verb, sources in groups:
        if not sources:
            lines.append(f"    {verb}: nobody in these documents")
        for source in sources:
            lines.append(f"    {verb} {_party(source, documents)}:")
            lines += _quoted(source)
    lines.append(f"    reason: {claim.status_reason}")
    if len(documents) > 1:
        lines.append(f"    independent sources behind the claim: {claim.independent_sources}")
    return lines


def denials(analysis: Analysis) -> str:
    """Denied claims: who denied, on or off the record, the verbatim denial, who asserted it."""
    denied = analysis.by_status("denied")
    count = f"{len(denied)} denied claim{'s' if len(denied) != 1 else ''}"
    lines = [f"{count} in {len(analysis.documents)} document(s)", ""]
    for claim in denied:
        lines += [*denial_lines(claim, analysis.documents), ""]
    return "\n".join(lines).rstrip() + "\n"
