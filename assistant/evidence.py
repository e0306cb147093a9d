"""Whether a located quote is evidence for the source it is cited for.

A quote counts only when it is a meaningful span (not a word or two), concerns the claim (it
shares content with it, or it is the statement of the source it is cited for: the source is
named around it) and does not read against the source's stance (a denial cited for a party that
backs the claim). Rejected quotes go back to the model once with the reason, then are dropped
and counted, like quotes that cannot be found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Protocol

from assistant.claims import Document, Evidence, SourceKind, Stance, Usage
from assistant.offline.lexicons import DISMISSIVE_PHRASES, DISMISSIVE_WORDS, SAY_CUES
from assistant.offline.stance_lexicon import (
    CLAIM_REFUTE_WORDS,
    DENIAL_WORDS,
    DISPUTE_WORDS,
    NEGATIONS,
    REFUTE_PHRASES,
    REFUTE_WORDS,
)
from assistant.textsim import content_stems, shares_stem
from assistant.wordforms import opposed

MIN_WORDS = 3
# How far around a quote the name of its source may stand for the quote to be its statement.
SPEAKER_WINDOW = 240
_WORD = re.compile(r"\w+")
_MARKS = ".!?\n"  # what ends a sentence, for the sentence a quote stands in
_MARK = re.compile(f"[{re.escape(_MARKS)}]")
SENTENCE_REACH = 2_000
_AGAINST = DENIAL_WORDS | REFUTE_WORDS
_DENIAL_IN = re.compile("|".join(map(re.escape, sorted(DENIAL_WORDS))))  # as a word or in one
_REJECTING = _AGAINST | NEGATIONS | CLAIM_REFUTE_WORDS | DISMISSIVE_WORDS | DISPUTE_WORDS
_REJECTING_PHRASES = (*REFUTE_PHRASES, *DISMISSIVE_PHRASES)
# Words that end what a denial denies and hand the sentence to other speech ("X denied the
# accusation and claimed that ...", "denied A but suggested B").
_SPEECH = frozenset(cue for cue in SAY_CUES if " " not in cue) | frozenset(
    """saying calling adding insisting claimed claiming suggested suggesting but while""".split()
)
# How much of the claim a party's denial must name for the denial to be of the claim.
DENIED_SHARE = 0.5
# A quote that reads as a denial still backs a claim when it also affirms something
# ("confirmed on Wednesday ... a week after it denied").
_AFFIRMING = ("confirm", "acknowledg", "admit", "affirm")


class Cited(Protocol):
    """What the check needs of the source a quote is cited for, with the quotes it cites."""

    @property
    def quotes(self) -> list[str]: ...

    @property
    def name(self) -> str: ...

    @property
    def role(self) -> str | None: ...

    @property
    def stance(self) -> Stance: ...

    @property
    def kind(self) -> SourceKind: ...


def problem(document: Document, found: Evidence, claim: str, source: Cited) -> str | None:
    """Why ``found`` is not evidence for ``source`` on ``claim``, or None when it is."""
    words = _WORD.findall(found.quote)
    if len(words) < MIN_WORDS:
        return "a word or two shows nothing"
    if not (shares_stem(found.quote, content_stems(claim)) or _speaks(document, found, source)):
        return "it neither concerns the claim nor is the statement of its source"
    if _reads_against(document, found, claim, source):
        return "it reads as a denial, cited for a source that backs the claim"
    if source.stance == "denies" and not _shows_denial(_sentence(document.text, found), claim):
        return "it does not show a denial, cited for a source that denies the claim"
    return None


def _shows_denial(sentence: str, claim: str) -> bool:
    """A denial, a debunk, a negation, or the opposite of the claim's act ("will stay open")."""
    return rejects(sentence) or opposed(claim, sentence)


def _reads_against(document: Document, found: Evidence, claim: str, source: Cited) -> bool:
    """A denial cited for a source that backs the claim: any denial for a ``confirms`` source;
    for one that only ``asserts`` it, a denial the source itself makes (an asserting source's
    sentence may well report another party's denial of something else); never when the claim
    itself rejects something or the quote also affirms. (The denial, rare, is read first.)"""
    if source.stance == "confirms":
        against = _against(found.quote)
    elif source.stance == "asserts":
        against = _denies_itself(_sentence(document.text, found), claim, source)
    else:
        return False
    return against and not rejects(claim) and not _affirms(found.quote)


def _denies_itself(sentence: str, claim: str, source: Cited) -> bool:
    """The source itself denies the claim in ``sentence``: its name stands in the clause
    before a verb of denial and what it denies is the claim ("Pakistan's Foreign Office (FO), on
    Thursday, denied claims that China is pressuring ..."). Not so in "Police denied that
    officers fired tear gas, saying only water cannon was used", cited for the water cannon."""
    if not _DENIAL_IN.search(sentence.casefold()):  # holds every word's casefold
        return False  # no verb of denial, no denial
    words = _WORD.findall(sentence)
    party = content_stems(f"{source.name} {source.role or ''}")
    wanted = content_stems(claim)
    for before, after in pairwise(_clauses(words)):
        if not after or after[0].casefold() not in DENIAL_WORDS:
            continue
        named = party & content_stems(" ".join(before))
        denied = wanted & content_stems(" ".join(after[1:]))
        if named and wanted and len(denied) / len(wanted) >= DENIED_SHARE:
            return True
    return False


def _clauses(words: list[str]) -> list[list[str]]:
    """Words cut before every verb of denial and at every word that hands the sentence to
    other speech ("said", "saying"): each denial opens a clause of what it denies ("a fake
    news story" is no denial by the story)."""
    clauses: list[list[str]] = [[]]
    for word in words:
        folded = word.casefold()
        if folded in DENIAL_WORDS or folded in _SPEECH:
            clauses.append([])
        if folded not in _SPEECH:
            clauses[-1].append(word)
    return clauses


def _speaks(document: Document, found: Evidence, source: Cited) -> bool:
    """The source is named around the quote (the outlet speaks throughout its own text): the
    quote is that source's statement."""
    if source.kind == "outlet":
        return True
    start = max(0, found.start - SPEAKER_WINDOW)
    around = document.text[start : found.end + SPEAKER_WINDOW]
    return bool(content_stems(f"{source.name} {source.role or ''}") & content_stems(around))


def _against(text: str) -> bool:
    return any(w.casefold() in _AGAINST for w in _WORD.findall(text))


def _sentence(text: str, found: Evidence) -> str:
    """The sentence(s) the quote stands in."""
    start = _last_mark(text, found.start) + 1
    end = _MARK.search(text, max(found.start, found.end - 1))
    return text[start : end.start() if end else len(text)]


def _last_mark(text: str, before: int) -> int:
    """Where the last sentence mark before ``before`` stands (-1: none), looked for in the
    stretch just before first (not back to the start of a long text for a missing "?")."""
    near = max(0, before - SENTENCE_REACH)
    last = max(text.rfind(mark, near, before) for mark in _MARKS)
    return last if last >= 0 or near == 0 else max(text.rfind(mark, 0, near) for mark in _MARKS)


def rejects(text: str) -> bool:
    """A denial, a debunk or a negation: what a quote for a denying source must show."""
    folded = text.casefold().replace("\u2019", "'")
    words = {w.casefold() for w in _WORD.findall(text)}
    return (
        bool(words & _REJECTING) or "n't" in folded or any(p in folded for p in _REJECTING_PHRASES)
    )


def _affirms(text: str) -> bool:
    return any(w.casefold().startswith(_AFFIRMING) for w in _WORD.findall(text))


Finder = Callable[[str], tuple[Document, Evidence] | None]
NOT_FOUND = "not in the document word for word"
Verdicts = dict[tuple[str, str, str, str, str | None, str], str | None]
"""Why a quote is not evidence (None when it is), by quote, claim and what :func:`problem` reads
of the source (kind, name, role, stance): the re-ask check and the grounding after it share one,
with one finder, so each quote is judged once."""


def _judged(
    find: Finder, quote: str, claim: str, source: Cited, verdicts: Verdicts
) -> tuple[tuple[Document, Evidence] | None, str | None]:
    """Where ``quote`` is and why it is not evidence (None when it is)."""
    found = find(quote)
    if found is None:
        return None, NOT_FOUND
    key = (quote, claim, source.kind, source.name, source.role, source.stance)
    if key not in verdicts:
        verdicts[key] = problem(found[0], found[1], claim, source)
    return found, verdicts[key]


def faults(find: Finder, claim: str, source: Cited, verdicts: Verdicts) -> list[tuple[str, str]]:
    """Each quote of ``source`` that is not evidence, with the reason (for the re-ask)."""
    rejected = []
    for quote in source.quotes:
        reason = _judged(find, quote, claim, source, verdicts)[1]
        if reason is not None:
            rejected.append((quote, reason))
    return rejected


def evidence_for(
    find: Finder, claim: str, source: Cited, usage: Usage, verdicts: Verdicts
) -> list[Evidence]:
    """The quotes of ``source`` that are evidence, located; the rest are dropped and counted."""
    kept: list[Evidence] = []
    for quote in source.quotes:
        found, reason = _judged(find, quote, claim, source, verdicts)
        if found is None:
            usage.dropped_quotes += 1
        elif reason is not None:
            usage.rejected_quotes += 1
        elif found[1] not in kept:
            kept.append(found[1])
    return kept
