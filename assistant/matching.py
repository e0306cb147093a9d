"""The one matcher: which analysed claims (and sources) a typed claim or question is about.

Every path asks it: ``Verdict.matching_claim_ids`` and the verdict itself (checking.py), the
chat's ``/check``, ``/claim`` and "is X ...?" questions, and the offline engine's answers.
"the Foreign Office" finds "Pakistan's Foreign Office (FO)" and its "FO spokesperson"; "the
written proposal" finds the claim that mentions a written proposal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from assistant.claims import Claim, Source
from assistant.evidence import rejects
from assistant.offline.claims_rules import is_clause
from assistant.offline.lexicons import AUXILIARIES
from assistant.offline.stance_lexicon import CLAIM_HEDGE_WORDS
from assistant.textsim import content_stems, similarity
from assistant.wordforms import roots

NAME_MATCH = 0.6
TOPIC_SHARE = 0.5  # a sentence or statement is about a topic with half its words
CLAIM_MATCH = 0.6
# Similarity at which an analysed claim makes a typed claim's assertion. Stricter than merging's
# restatements (0.75): on FNC-1 headlines, claims between the two are often a related report
# whose status is not the headline's (measured with bench/stance_dev.py rows, see docs/check.md).
RESTATES = 0.9
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
    return names(query, source_label(source))


def names(query: str, label: str) -> bool:
    """Whether ``query`` (a name, role or organisation) refers to the party ``label`` names
    (its name and role as written: "Mumtaz Zahra Baloch, FO Spokesperson")."""
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


def _coverage(wanted: AbstractSet[str], found: AbstractSet[str]) -> float:
    return len(wanted & found) / len(wanted) if wanted else 0.0


def covers(wanted: AbstractSet[str], text: str) -> bool:
    """Whether ``text`` has at least ``TOPIC_SHARE`` of the ``wanted`` roots (a topic's)."""
    return _coverage(wanted, roots(text)) >= TOPIC_SHARE


def _claim_roots(claim: Claim) -> frozenset[str]:
    """The roots of the claim's text and its quotes: words never run across the space that
    would join them, so this is the roots of the text and quotes joined, without re-reading
    them (each is remembered by :func:`roots`)."""
    return roots(claim.text).union(*(roots(e.quote) for e in claim.evidence))


def claims_about(query: str, claims: Sequence[Claim]) -> list[ClaimMatch]:
    """Claims whose text or quotes cover most of the query's content words, best first."""
    matches = []
    wanted = roots(query) - _POINTERS
    for claim in claims:
        text = _coverage(wanted, roots(claim.text))
        score = max(text, _coverage(wanted, _claim_roots(claim)) * 0.95)
        if score >= CLAIM_MATCH:
            matches.append(ClaimMatch(claim, score + similarity(query, claim.text) / 10))
    return sorted(matches, key=lambda m: -m.score)


def deciding(query: str, matches: Sequence[ClaimMatch]) -> list[Claim]:
    """The analysed claim whose status answers a typed claim, if any: the closest one that
    makes the same assertion (:func:`restates`). A claim that is merely about the same thing
    does not decide; the stance reader does."""
    restating = [m.claim for m in matches if restates(m.claim.text, query)]
    return restating[:1]


def best_claim(query: str, claims: Sequence[Claim]) -> Claim | None:
    """The claim a query is about: the one that restates it, or, for a query that names a
    topic ("the written proposal", "the sale"), the closest claim about it."""
    matches = claims_about(query, claims)
    chosen = deciding(query, matches)
    if chosen:
        return chosen[0]
    return matches[0].claim if matches and names_topic(query) else None


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
TOPIC_WORDS = 5


def names_topic(query: str) -> bool:
    """A noun phrase that names what a claim is about ("the sale", "the blast in Bisham"),
    rather than an assertion ("the mayor resigned", "Kanye banned")."""
    if not is_clause(query):
        return True
    words = query.casefold().split()
    short = len(words) <= TOPIC_WORDS and words[0] in _DETERMINERS
    return short and not any(w in AUXILIARIES or w.endswith("ed") for w in words[1:])


def restates(text: str, query: str) -> bool:
    """Whether ``text`` makes the assertion ``query`` makes.

    Nearly the same content (``RESTATES``: every content word of "a blast in Bisham killed five
    Chinese nationals" is in "In March, a blast in Bisham, Khyber Pakhtunkhwa, killed five
    Chinese nationals"), the same polarity
    ("did not burrow" is not "burrows"), and a plain assertion on both sides: "X, it was
    reported", "a video purporting to show X", "X reportedly did Y?" or "a story headlined X"
    speak of a report, which the stance reader judges better. A claim in its own words always
    restates itself.
    """
    if _wording(text) == _wording(query):
        return True
    if _negated(text) != _negated(query) or _hedged(query) or _hedged(text):
        return False
    if _reports(text) - _reports(query):
        return False
    return similarity(query, text) >= RESTATES


def _wording(text: str) -> list[str]:
    """The words of a text, whatever its punctuation, quote marks and case."""
    return re.findall(r"\w+", text.replace("\u2019", "'").casefold())


def _negated(text: str) -> bool:
    """Whether ``text`` negates, denies or debunks ("did not", "denies", "hoax")."""
    return rejects(text)


# Nouns by which a claim speaks of a published piece ("The Oct. 19 phony story was headlined
# X", "the Post ran a story with the headline: X"): a claim about the piece, not X itself.
_PIECES = frozenset("story stories headline headlines headlined article articles".split())


def _reports(text: str) -> set[str]:
    return _words(text) & _PIECES


def _hedged(text: str) -> bool:
    return "?" in text or bool(_words(text) & CLAIM_HEDGE_WORDS)
