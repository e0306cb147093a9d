"""The contract: documents, claims, their sources and the evidence that grounds them.

Every engine (LLM or offline) produces an :class:`Analysis`; ``claimdesk analyze --format json``
prints exactly its JSON dump. Field meanings are documented in the README.
"""

from __future__ import annotations

import hashlib
from datetime import date as Date
from typing import Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import InvalidArgumentError, NotFoundError

Status = Literal["confirmed", "denied", "unverified"]
VerdictStatus = Literal["confirmed", "denied", "unverified", "not_addressed"]
SourceKind = Literal[
    "named_official",
    "named_person",
    "organization",
    "anonymous",
    "media_report",
    "document",
    "outlet",
]
Stance = Literal["asserts", "confirms", "denies", "declines_comment", "not_confirmed"]

# The same values as tuples, in the order above, for loops and argparse choices.
STATUSES: tuple[Status, ...] = get_args(Status)
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)
STANCES: tuple[Stance, ...] = get_args(Stance)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(_Model):
    """One article the user supplied. ``id`` is stable for the same text."""

    id: str
    text: str
    title: str | None = None
    date: Date | None = None
    outlet: str | None = None
    extracted_from: Literal["html"] | None = None  # text taken from a page: offsets are into it

    @classmethod
    def from_text(cls, text: str, **fields: object) -> Document:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        return cls.model_validate({"id": f"doc-{digest}", "text": text, **fields})


class Evidence(_Model):
    """A verbatim quote located by code: ``quote == document.text[start:end]``."""

    document_id: str
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Self:
        if self.end - self.start != len(self.quote):
            raise ValueError("evidence span length does not match the quote")
        return self


class Source(_Model):
    """A party that speaks to a claim, with how it speaks and the quotes showing it."""

    name: str
    role: str | None = None
    kind: SourceKind
    stance: Stance
    on_record: bool
    standing: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    document_id: str | None = None


class Overrule(_Model):
    """The status the reader (a model or the rules) proposed, and why the rubric's replaced it."""

    proposed_status: VerdictStatus
    reason: str


TimelineEvent = Literal[
    "first_reported", "reported", "confirmed", "denied", "not_confirmed", "retracted"
]
TimelineOrder = Literal["date", "arguments"]


class TimelineEntry(_Model):
    """What one document did to a claim, and the claim's status once that document is read."""

    document_id: str
    date: Date | None = None
    label: str
    event: TimelineEvent
    by: list[str] = Field(default_factory=list)
    status: Status
    status_changed: bool = False


class Claim(_Model):
    """One check-worthy factual assertion with its status under the rubric.

    The cross-document fields (``document_ids``, ``independent_sources``, ``chains``,
    ``timeline``) are filled by :func:`assistant.multidoc.combine_documents` (docs/check.md).
    """

    id: str
    text: str
    status: Status
    status_reason: str
    overruled: Overrule | None = None
    sources: list[Source] = Field(default_factory=list)
    ungrounded: bool = False
    document_ids: list[str] = Field(default_factory=list)
    independent_sources: int = Field(default=0, ge=0)
    chains: list[str] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)

    @property
    def evidence(self) -> list[Evidence]:
        return [e for s in self.sources for e in s.evidence]


class EngineInfo(_Model):
    name: str
    model: str
    prompt_version: str


class Usage(_Model):
    """What an analysis cost: model calls, tokens, retries and what grounding threw away."""

    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = 0
    reasks: int = 0
    dropped_quotes: int = 0
    rejected_quotes: int = 0
    wall_time_s: float = 0.0

    def add(self, other: Usage) -> Usage:
        data = {k: getattr(self, k) + getattr(other, k) for k in Usage.model_fields}
        return Usage.model_validate(data)


class Attribution(_Model):
    """One attributed statement in a document: who (``source``) said (``cue``) what
    (``content``), each span located by code like evidence, and the speaker resolved.

    ``source`` is the speaker as written at this place ("he", "a spokeswoman"); ``name``,
    ``role``, ``kind`` and ``on_record`` are who that is. ``source`` is None when the text names
    no speaker (the outlet's own "could not be verified"); ``content`` is None when nothing is
    reported ("declined to comment"). ``claim_ids`` are the claims this statement sources.
    """

    document_id: str
    source: Evidence | None = None
    cue: Evidence
    content: Evidence | None = None
    name: str
    role: str | None = None
    kind: SourceKind
    stance: Stance
    on_record: bool
    claim_ids: list[str] = Field(default_factory=list)


class Analysis(_Model):
    """Claims with their status and sourcing, and every attribution read in the documents."""

    documents: list[Document]
    claims: list[Claim]
    attributions: list[Attribution] = Field(default_factory=list)
    engine: EngineInfo
    usage: Usage = Field(default_factory=Usage)
    timeline_order: TimelineOrder = "arguments"
    warnings: list[str] = Field(default_factory=list)  # e.g. a language the engine cannot read

    def by_status(self, status: Status) -> list[Claim]:
        return [c for c in self.claims if c.status == status]

    def filter(self, status: Status) -> Analysis:
        """The same analysis keeping only the claims with this status (ids unchanged)."""
        if status not in STATUSES:
            raise InvalidArgumentError(
                f"unknown status {status!r}: use one of {', '.join(STATUSES)}"
            )
        return self.model_copy(update={"claims": self.by_status(status)})

    def said_by(self, name: str) -> list[Attribution]:
        """Attributions whose speaker's name or the words as written contain ``name``
        (case-insensitive): ``analysis.said_by("Baloch")``."""
        wanted = name.casefold().strip()
        return [
            a
            for a in self.attributions
            if wanted in a.name.casefold() or (a.source and wanted in a.source.quote.casefold())
        ]

    def document(self, document_id: str) -> Document:
        for doc in self.documents:
            if doc.id == document_id:
                return doc
        known = ", ".join(d.id for d in self.documents)
        raise NotFoundError(f"no document {document_id!r} in this analysis (it has {known})")


class Verdict(_Model):
    """The answer to "is this claim supported by these documents?" for one typed claim."""

    claim: str
    status: VerdictStatus
    reason: str
    overruled: Overrule | None = None
    sources: list[Source] = Field(default_factory=list)
    ungrounded: bool = False
    matching_claim_ids: list[str] = Field(default_factory=list)
    document_ids: list[str] = Field(default_factory=list)
    engine: EngineInfo
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)  # e.g. a language the engine cannot read

    @property
    def evidence(self) -> list[Evidence]:
        return [e for s in self.sources for e in s.evidence]
