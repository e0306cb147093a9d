"""Match what a journalist typed against claims and sources, by rules.

Used by the offline engine's answers and by ``/check`` when no full check is available:
"the Foreign Office" finds "Pakistan's Foreign Office (FO)" and its "FO spokesperson"; "the
written proposal" finds the claim that mentions a written proposal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.claims import Claim, Source
from assistant.textsim import content_stems, similarity
from assistant.wordforms import roots

NAME_MATCH = 0.6
CLAIM_MATCH = 0.6
_CAPITALISED = re.compile(r"[A-Z][\w\u2019']*")


def _initials(text: str) -> set[str]:
    """Acronyms of runs of capitalised words: 'Pakistan's Foreign Office' -> PFO, FO, PF."""
    acronyms: set[str] = set()
    for run in re.split(r"[^\w\u2019' ]|\s(?=[a-z])", text):
        words = [w for w in run.split() if _CAPITALISED.fullmatch(w)]
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                acronyms.add("".join(w[0] for w in words[i:j]).casefold())
    return acronyms


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def source_label(source: Source) -> str:
    return f"{source.name}, {source.role}" if source.role else source.name


def names_party(query: str, source: Source) -> bool:
    """Whether ``query`` (a name, role or organisation) refers to ``source``."""
    label = source_label(source)
    wanted, have = content_stems(query), content_stems(label)
    if not wanted:
        return False
    if len(wanted & have) / len(wanted) >= NAME_MATCH:
        return True
    return bool(_initials(query) & _words(label)) or bool(_words(query) & _initials(label))


@dataclass(frozen=True)
class ClaimMatch:
    claim: Claim
    score: float


# Words a question uses to point at claims without saying what they are about.
_POINTERS = content_stems("claim claims report reports story stories statement allegation talk")


def _coverage(query: str, text: str) -> float:
    wanted = roots(query) - _POINTERS
    if not wanted:
        return 0.0
    return len(wanted & roots(text)) / len(wanted)


def _claim_text(claim: Claim) -> str:
    return " ".join([claim.text, *(e.quote for e in claim.evidence)])


def claims_about(query: str, claims: Sequence[Claim]) -> list[ClaimMatch]:
    """Claims whose text or quotes cover most of the query's content words, best first."""
    matches = []
    for claim in claims:
        score = max(_coverage(query, claim.text), _coverage(query, _claim_text(claim)) * 0.95)
        if score >= CLAIM_MATCH:
            matches.append(ClaimMatch(claim, score + similarity(query, claim.text) / 10))
    return sorted(matches, key=lambda m: -m.score)


def sources_of(party: str, claim: Claim) -> list[Source]:
    return [s for s in claim.sources if names_party(party, s)]
