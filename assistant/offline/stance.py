"""Reading a document's stance on a claim from the cues in and around its relevant passages.

Three readings, by rules with hand-set thresholds:

- **denied**: the document calls the story untrue (hoax, fake, satire, debunked, not true ...)
  while the claim asserts it. When the claim is itself the debunking ("X is a hoax") the same
  cues confirm it instead.
- **unverified**: the document (or the claim's own wording) keeps its distance: reportedly,
  allegedly, claims, sources, could ... dense enough across the text.
- **confirmed**: it reports the matter plainly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assistant.offline.passages import (
    DOCUMENTS_CACHED,
    IndexedText,
    Sentence,
    content_stems,
    index_text,
    words_of,
)
from assistant.offline.relevance import Relevance, ScoredSentence, claim_terms
from assistant.offline.stance_lexicon import (
    CLAIM_HEDGE_MARKS,
    CLAIM_HEDGE_WORDS,
    CLAIM_REFUTE_WORDS,
    DENIAL_WORDS,
    HEDGE_PHRASES,
    HEDGE_WORDS,
    NEGATIONS,
    REFUTE_PHRASES,
    REFUTE_WORDS,
    SPEAKER_NOUNS,
)

Reading = Literal["confirmed", "denied", "unverified"]

# A document debunks the story from this many refuting cues in its text, counting only cues in
# sentences that neither hedge nor ask ("it may be a hoax" discusses, "it was a hoax" debunks).
# A claim that is itself framed as reported is only discussed, never denied, by a long text.
REFUTE_MIN = 1
HEDGED_REFUTE_MIN = 4
# A document only reports the story when its hedging score (see hedging()) reaches this.
HEDGE_SCORE = 0.21
LEAD_SENTENCES = 3
# A party the claim names denying it in the opening sentence denies it (the rubric's denial by
# a party with standing); a denial further down is reported as one side of a dispute.
PARTY_DENIAL_SENTENCES = 1
# Content stems from which a sentence of a short text that shares none with the claim has a
# subject of its own ("Officials denied reports that the city budget would be cut").
OWN_SUBJECT_STEMS = 3
# A sentence ending in a full stop followed by another sentence: prose, not a headline.
PROSE = re.compile(r"[a-z0-9]\.\s+[A-Z]")
# Words before a colon that can still name a speaker ("Rep. Duncan Hunter: ...").
SPEAKER_SPAN = 4
_TRAILING_SPEAKER = re.compile(r"\s[-\u2013\u2014]{1,2}\s*(\S+)\s*$")


@dataclass(frozen=True)
class SentenceCues:
    """Counts of stance cues in one sentence."""

    refutes: int
    hedges: int
    firm_refutes: int


@dataclass(frozen=True)
class DocumentCues:
    """Stance cues of every sentence of a document."""

    sentences: tuple[SentenceCues, ...]

    @property
    def refutes(self) -> int:
        return sum(s.refutes for s in self.sentences)

    @property
    def firm_refutes(self) -> int:
        return sum(s.firm_refutes for s in self.sentences)

    @property
    def hedge_density(self) -> float:
        return sum(s.hedges for s in self.sentences) / max(1, len(self.sentences))


@dataclass(frozen=True)
class ClaimCues:
    """How the claim itself is framed: as a rejection, or as something reported."""

    refutes: bool
    hedged: bool


CueTest = Callable[[SentenceCues], bool]


# Why a document reads as it does: it calls the story untrue (or, for a claim that is itself a
# debunking, agrees with it), a party the claim names denies it, it only reports the story, or
# it states it plainly.
Basis = Literal["debunk", "party", "reported", "plain"]


@dataclass(frozen=True)
class StanceReading:
    """The reading, the sentence that shows it best, and the kind of cue it rests on."""

    reading: Reading
    evidence: Sentence | None
    basis: Basis


def _phrase_count(text: str, phrases: tuple[str, ...]) -> int:
    """Whole-phrase occurrences; a phrase not in the text at all is not searched for."""
    return sum(len(_phrase(p).findall(text)) for p in phrases if p in text)


@lru_cache(maxsize=256)
def _phrase(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(phrase)}\b")


def sentence_cues(sentence: Sentence, text: str) -> SentenceCues:
    """Refuting and hedging cues counted in one sentence of ``text``."""
    lowered = text[sentence.start : sentence.end].lower().replace("\u2019", "'")
    refutes = sum(w in REFUTE_WORDS for w in sentence.words)
    refutes += _phrase_count(lowered, REFUTE_PHRASES)
    hedges = sum(w in HEDGE_WORDS for w in sentence.words)
    hedges += _phrase_count(lowered, HEDGE_PHRASES)
    asked = lowered.rstrip("\"' )").endswith("?")
    return SentenceCues(refutes, hedges, 0 if hedges or asked else refutes)


@lru_cache(maxsize=DOCUMENTS_CACHED)
def document_cues(text: str) -> DocumentCues:
    """Cues of every sentence of ``text``; cached like the text's index."""
    document = index_text(text)
    return DocumentCues(tuple(sentence_cues(s, text) for s in document.sentences))


@lru_cache(maxsize=8192)
def claim_cues(claim: str) -> ClaimCues:
    """Whether the claim rejects something itself, and whether it is framed as reported."""
    words = words_of(claim)
    refutes = _rejecting(words)
    hedged = (
        any(w in CLAIM_HEDGE_WORDS for w in words)
        or any(m in claim for m in CLAIM_HEDGE_MARKS)
        or _phrase_count(claim.lower(), HEDGE_PHRASES) > 0
        or _attributed(claim)
    )
    return ClaimCues(refutes, hedged)


def _rejecting(words: Sequence[str]) -> bool:
    return any(w in CLAIM_REFUTE_WORDS or w in NEGATIONS for w in words)


def _attributed(claim: str) -> bool:
    """Whether the claim is framed as someone's word: "Official: ...", "... -- analyst"."""
    head, colon, _ = claim.partition(":")
    if colon and len(head.split()) <= SPEAKER_SPAN and SPEAKER_NOUNS & set(words_of(head)):
        return True
    trailing = _TRAILING_SPEAKER.search(claim)
    return trailing is not None and bool(SPEAKER_NOUNS & set(words_of(trailing.group(1))))


def read_stance(claim: str, relevance: Relevance) -> StanceReading:
    """The document's stance on ``claim``, given how its sentences relate to the claim."""
    document = relevance.document
    cues = document_cues(document.text)
    framing = claim_cues(claim)
    if relevance.short:
        return _read_headline(framing, claim_cues(_about_text(relevance)), relevance)
    refuting = _best_with(document, cues, relevance, _refuting)
    if framing.refutes and cues.refutes >= REFUTE_MIN:
        return StanceReading("confirmed", refuting, "debunk")
    if _debunks(framing, cues):
        return StanceReading("denied", refuting, "debunk")
    party_denial = None if framing.refutes else denial_by_party(claim, relevance)
    if party_denial is not None:
        return StanceReading("denied", party_denial, "party")
    if framing.hedged or hedging(cues, relevance) >= HEDGE_SCORE or _denial_reported(relevance):
        evidence = _best_with(document, cues, relevance, lambda c: c.hedges > 0)
        return StanceReading("unverified", evidence, "reported")
    return StanceReading("confirmed", _best_with(document, cues, relevance, _plain), "plain")


def hedging(cues: DocumentCues, relevance: Relevance) -> float:
    """Hedging cues per sentence, in the lead (counted twice: the lead frames the story), in the
    passages about the claim, and across the whole text."""
    lead = cues.sentences[:LEAD_SENTENCES]
    in_lead = sum(c.hedges for c in lead) / max(1, len(lead))
    in_passages = sum(cues.sentences[p.index].hedges for p in relevance.passages)
    near = in_passages / max(1, len(relevance.passages))
    return (2 * in_lead + near + cues.hedge_density) / 4


def denial_by_party(claim: str, relevance: Relevance) -> Sentence | None:
    """An opening passage where a party the claim names denies it ("Halvard Foods denied the
    report"): the denial verb comes after a name that is one of the claim's own words."""
    names = relevance.document.capitalised.intersection(claim_terms(claim).weights)
    for passage in relevance.passages:
        if passage.index >= PARTY_DENIAL_SENTENCES:
            break
        words = passage.sentence.words
        for position, word in enumerate(words):
            if word in DENIAL_WORDS and names.intersection(content_stems(list(words[:position]))):
                return passage.sentence
    return None


def _denial_reported(relevance: Relevance) -> bool:
    """Whether a passage about the claim reports someone denying it: disputed, so unsettled."""
    return any(DENIAL_WORDS.intersection(p.sentence.words) for p in relevance.passages)


def _debunks(framing: ClaimCues, cues: DocumentCues) -> bool:
    """Whether the document calls untrue what the claim asserts."""
    if framing.hedged:
        return cues.firm_refutes >= HEDGED_REFUTE_MIN
    return cues.refutes >= REFUTE_MIN


def _plain(cues: SentenceCues) -> bool:
    return cues.refutes == 0 and cues.hedges == 0


def _refuting(cues: SentenceCues) -> bool:
    return cues.refutes > 0


def _read_headline(claim: ClaimCues, headline: ClaimCues, relevance: Relevance) -> StanceReading:
    """A headline-like text is read by the framing of its sentences about the claim, as the
    claim is: one that rejects what the claim asserts denies it; one that hedges (or asks)
    only reports it. A sentence about something else ("Officials denied reports that the
    budget would be cut" beside "The mayor resigned") frames nothing."""
    about = _about(relevance)
    evidence = about[0].sentence if about else None
    if headline.refutes and not claim.refutes:
        rejecting = next((p.sentence for p in about if _rejecting(p.sentence.words)), evidence)
        return StanceReading("denied", rejecting, "debunk")
    if headline.hedged:
        return StanceReading("unverified", evidence, "reported")
    return StanceReading("confirmed", evidence, "plain")


def _about(relevance: Relevance) -> list[ScoredSentence]:
    """The passages of a short text that may frame the claim, most relevant first. In prose,
    those that share content with it and fragments with little content of their own; a
    sentence with its own subject matter and none of the claim's is about something else."""
    ranked = sorted(relevance.passages, key=lambda p: -p.coverage)
    if not PROSE.search(relevance.document.text):
        return ranked  # a headline's parts frame each other ("Dead? Another Death Hoax ...")
    return [p for p in ranked if p.coverage > 0 or len(p.sentence.stems) < OWN_SUBJECT_STEMS]


def _about_text(relevance: Relevance) -> str:
    text = relevance.document.text
    about = sorted(_about(relevance), key=lambda p: p.index)
    return " ".join(text[p.sentence.start : p.sentence.end] for p in about) or text


def _best_with(
    document: IndexedText,
    cues: DocumentCues,
    relevance: Relevance,
    wanted: CueTest,
) -> Sentence | None:
    """The most relevant passage whose cues pass ``wanted``, else the first such sentence of the
    document, else the most relevant passage."""
    ranked = sorted(relevance.passages, key=lambda p: -p.coverage)
    for passage in ranked:
        if wanted(cues.sentences[passage.index]):
            return passage.sentence
    for index, sentence in enumerate(document.sentences):
        if wanted(cues.sentences[index]):
            return sentence
    return ranked[0].sentence if ranked else None
