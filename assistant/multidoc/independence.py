"""Count a claim's independent origins across documents and show how re-reports chain together.

Every supporting mention (stance asserts or confirms) belongs to an origin:

- a named party (named official or person, organization, document) is its own origin, the same
  party in several documents counted once (names matched by :mod:`assistant.identity`);
- everything else in a document (the outlet's own voice, its anonymous sources, the reports it
  cites) is that outlet's report; the own voice counts only when the article gives no other
  source for the claim. Reports join into one origin when one cites the other (a
  media-report source naming the other outlet), when they cite the same outside report, when they
  carry anonymous sources described alike, or when they are by the same outlet;
- an outlet that later retracts (its own voice denies the claim in a later document) withdraws its
  report and every report joined to it.

docs/check.md walks through the rules with examples.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from assistant import identity
from assistant.claims import Document, Source
from assistant.rubric import SUPPORTING
from assistant.textsim import similarity

NAMED_KINDS = frozenset({"named_official", "named_person", "organization", "document"})
SAME_DESCRIPTION = 0.6


@dataclass(frozen=True, eq=False)
class Mention:
    """One source as one document carries it; ``position`` is the document's place in time."""

    source: Source
    document: Document
    position: int

    @cached_property
    def outlet(self) -> str:
        return identity.document_outlet(self.document)

    @cached_property
    def label(self) -> str:
        return identity.document_label(self.document)


@dataclass(frozen=True)
class Independence:
    count: int
    chains: list[str]
    withdrawn: frozenset[Mention]
    retracted_by: list[str]


class _Origins:
    """Union-find over origin keys ("report:<outlet>", "named:<name>")."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.add(a)
        self.add(b)
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Work:
    mentions: list[Mention]
    origins: _Origins = field(default_factory=_Origins)
    keys: dict[Mention, str] = field(default_factory=dict)
    chains: list[str] = field(default_factory=list)


def _supporting(mentions: Sequence[Mention]) -> list[Mention]:
    return sorted((m for m in mentions if m.source.stance in SUPPORTING), key=lambda m: m.position)


def _counted(mentions: Sequence[Mention]) -> list[Mention]:
    """Supporting mentions that can be origins: an outlet's own voice only when its article
    gives no other source for the claim (otherwise it is taken to rest on those sources)."""
    supporting = _supporting(mentions)
    sourced = {m.document.id for m in supporting if m.source.kind != "outlet"}
    return [m for m in supporting if m.source.kind != "outlet" or m.document.id not in sourced]


def _named_key(source: Source, names: list[str]) -> str | None:
    """A named party's origin key (the first of ``names`` that is the same party, else its own
    name, added to ``names``); None for everything else, which is its outlet's report."""
    if source.kind not in NAMED_KINDS:
        return None
    known = identity.first_match(source.name, names)
    if known is None:
        names.append(source.name)
    return f"named:{known or source.name}"


def _key_mentions(work: _Work) -> None:
    names: list[str] = []
    for mention in _counted(work.mentions):
        key = _named_key(mention.source, names) or f"report:{mention.outlet}"
        work.keys[mention] = key
        work.origins.add(key)


def _outlet_labels(documents: Sequence[Document]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for document in documents:
        labels.setdefault(identity.document_outlet(document), identity.document_label(document))
    return labels


def _join_citations(work: _Work, outlets: dict[str, str]) -> None:
    for mention in work.keys:
        if mention.source.kind != "media_report":
            continue
        cited = identity.cited_outlet(mention.source.name, list(outlets))
        if cited == mention.outlet:
            continue
        work.origins.join(work.keys[mention], f"report:{cited}")
        if cited in outlets:
            work.chains.append(f"{mention.label} cites {outlets[cited]}'s report")
        elif cited == identity.UNNAMED_REPORT:
            work.chains.append(f"{mention.label} cites unnamed media reports")
        else:
            work.chains.append(
                f"{mention.label} cites {mention.source.name} (not among the documents)"
            )


def _join_anonymous(work: _Work) -> None:
    anonymous = [m for m in work.keys if m.source.kind == "anonymous"]
    for i, later in enumerate(anonymous):
        for first in anonymous[:i]:
            if first.outlet == later.outlet:
                continue
            if similarity(first.source.name, later.source.name) >= SAME_DESCRIPTION:
                work.origins.join(work.keys[first], work.keys[later])
                work.chains.append(
                    f"{later.label} repeats the anonymous sources first carried by "
                    f"{first.label} ({first.source.name!r})"
                )
                break


def _note_repeats(work: _Work) -> None:
    by_key: dict[str, list[Mention]] = {}
    for mention, key in work.keys.items():
        by_key.setdefault(key, []).append(mention)
    for key, mentions in by_key.items():
        documents = list(dict.fromkeys(m.document.id for m in mentions))
        if len(documents) < 2:
            continue
        if key.startswith("named:"):
            labels = ", ".join(dict.fromkeys(m.label for m in mentions))
            work.chains.append(f"{mentions[0].source.name} is quoted in {labels} (one source)")
        else:
            work.chains.append(
                f"{mentions[0].label} carried it in {len(documents)} articles (one source)"
            )


def retracting(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Outlets whose own voice denies the claim after an earlier report of theirs supported it."""
    supported: dict[str, int] = {}
    for mention in _supporting(mentions):
        if mention.source.kind not in NAMED_KINDS:
            supported.setdefault(mention.outlet, mention.position)
    retractions: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.position):
        source = mention.source
        if source.kind == "outlet" and source.stance == "denies":
            first = supported.get(mention.outlet)
            if first is not None and first < mention.position:
                retractions.setdefault(mention.outlet, mention)
    return retractions


def _withdraw(work: _Work, retractions: dict[str, Mention]) -> frozenset[Mention]:
    """Every supporting mention of a retracted outlet's report, and of reports joined to it."""
    for outlet in retractions:
        work.origins.add(f"report:{outlet}")
    roots = {work.origins.root(f"report:{outlet}") for outlet in retractions}
    for mention in retractions.values():
        when = mention.document.date.isoformat() if mention.document.date else "a later article"
        work.chains.append(
            f"{mention.label} retracted its report ({when}); it and the reports resting on it "
            "are not counted"
        )
    joined = {m for m, key in work.keys.items() if work.origins.root(key) in roots}
    own_voice = {
        m
        for m in _supporting(work.mentions)
        if m.source.kind == "outlet" and m.outlet in retractions
    }
    return frozenset(joined | own_voice)


def origins_in_one_document(sources: Sequence[Source]) -> int:
    """``independence(...).count`` for the sources of one document, without the joins that
    cannot change it there: every report in one document is its outlet's one report (a
    citation or an alike anonymous description joins it only to reports no source of the
    document has), and a retraction takes a later document. So the count is the distinct
    origin keys of the sources ``_counted`` keeps (None standing for the outlet's report)."""
    supporting = [s for s in sources if s.stance in SUPPORTING]
    sourced = any(s.kind != "outlet" for s in supporting)
    names: list[str] = []
    return len({_named_key(s, names) for s in supporting if s.kind != "outlet" or not sourced})


def independence(mentions: Sequence[Mention], documents: Sequence[Document]) -> Independence:
    """How many independent origins support the claim, the chains that collapse re-reports, and
    which mentions a retraction withdrew. ``documents`` are all inputs, earliest first."""
    work = _Work(list(mentions))
    _key_mentions(work)
    _join_citations(work, _outlet_labels(documents))
    _join_anonymous(work)
    _note_repeats(work)
    retractions = retracting(mentions)
    withdrawn = _withdraw(work, retractions)
    live_roots = {work.origins.root(k) for m, k in work.keys.items() if m not in withdrawn}
    return Independence(
        count=len(live_roots),
        chains=list(dict.fromkeys(work.chains)),
        withdrawn=withdrawn,
        retracted_by=[m.label for m in retractions.values()],
    )
