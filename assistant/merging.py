"""Merge restatements of one claim (from parts of a document, or from several documents)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce

from assistant import rubric
from assistant.claims import Claim, Evidence, Source
from assistant.textsim import Fingerprint, fingerprint, similar

# Distinct claims about one event in one article reach 0.6 to 0.7 (measured on the gold set).
SAME_CLAIM = 0.75


def _merge_evidence(a: Sequence[Evidence], b: Sequence[Evidence]) -> list[Evidence]:
    seen = {(e.document_id, e.start, e.end) for e in a}
    return [*a, *(e for e in b if (e.document_id, e.start, e.end) not in seen)]


def merge_sources(sources: Sequence[Source]) -> list[Source]:
    """One entry per (party, stance, document); their evidence united."""
    merged: dict[tuple[str, str, str | None], Source] = {}
    for source in sources:
        key = (source.name.casefold(), source.stance, source.document_id)
        if key in merged:
            kept = merged[key]
            evidence = _merge_evidence(kept.evidence, source.evidence)
            merged[key] = kept.model_copy(update={"evidence": evidence})
        else:
            merged[key] = source
    return list(merged.values())


def _combine(a: Claim, b: Claim) -> Claim:
    sources = merge_sources([*a.sources, *b.sources])
    ungrounded = not any(s.evidence for s in sources)
    if a.status == b.status:
        return a.model_copy(update={"sources": sources, "ungrounded": ungrounded})
    # The claim's text lets standing apply: a denial by a party the claim does not name does
    # not outweigh the named party's own word, whichever restatement each came from.
    new_status, reason = rubric.resolve(sources, a.text)
    return a.model_copy(
        update={
            "sources": sources,
            "status": new_status,
            "status_reason": reason,
            "ungrounded": ungrounded,
        }
    )


def restatement_groups(texts: Sequence[str]) -> list[list[int]]:
    """Indices of the texts grouped by the assertion they make, each group in input order.

    A text joins the first earlier group whose first text is similar enough. Only groups sharing
    a content stem are compared (an inverted index), so grouping hundreds of claims stays cheap.
    """
    groups: list[list[int]] = []
    prints: list[Fingerprint] = []
    index: dict[str, list[int]] = {}
    for position, text in enumerate(texts):
        new = fingerprint(text)
        candidates = _candidates(new, index)
        match = next((i for i in candidates if similar(prints[i], new) >= SAME_CLAIM), None)
        if match is not None:
            groups[match].append(position)
            continue
        for s in new.stems:
            index.setdefault(s, []).append(len(groups))
        groups.append([position])
        prints.append(new)
    return groups


# A stem shared by more groups than this says little about which group a text restates; such
# stems are not used to find candidates (a whole article never has this many claims, so for real
# articles the search is exhaustive; for book-length input it stays near-linear).
COMMON_STEM = 64


def _candidates(new: Fingerprint, index: dict[str, list[int]]) -> list[int]:
    postings = [index[s] for s in new.stems if s in index]
    telling = [p for p in postings if len(p) <= COMMON_STEM]
    if not telling and postings:
        telling = [min(postings, key=len)]
    return sorted({i for p in telling for i in p})


def merge_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Fold restatements of one assertion into the first claim that made it."""
    return [
        reduce(_combine, [claims[i] for i in group])
        for group in restatement_groups([c.text for c in claims])
    ]
