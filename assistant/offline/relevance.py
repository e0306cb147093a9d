"""How much a document, and each of its sentences, speaks to a claim.

Relevance is lexical: the claim's content stems, weighted by how rare they are in general English
and up again when they are names (the words a tabloid headline cannot paraphrase away), looked up
in the document and in each of its sentences. Headline furniture ("BREAKING", "VIDEO",
"report:") and URLs are dropped from the claim first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from assistant.offline.passages import IndexedText, Sentence, content_stems, index_text, words_of
from assistant.offline.stance_lexicon import HEADLINE_NOISE, NEGATIONS

# A word's weight is its rarity in general English: Zipf frequency subtracted from this ceiling,
# kept between the floor and the cap ("the" ~ 7.7, "state" ~ 5.8, "ebola" ~ 3.6).
RARITY_CEILING = 6.5
WEIGHT_FLOOR = 0.4
WEIGHT_CAP = 4.0
NAME_BONUS = 0.5
NUMBER_WEIGHT = 1.5
# A document speaks to the claim when its relevance (the mean of the share of the claim's weighted
# stems found anywhere in it and the share found in its best sentence) reaches this.
RELATED_SCORE = 0.31
# ... and, unless headline-like, shares at least this many of the claim's stems (all of them, for
# a one-word claim).
MIN_SHARED_TERMS = 2
# A sentence counts as a relevant passage from this share of the claim's weighted stems.
PASSAGE_COVERAGE = 0.2
# A text of at most this many sentences and content stems is read as a headline.
SHORT_SENTENCES = 2
SHORT_STEMS = 25
# A headline-like text cannot repeat the claim's wording; it speaks to it from this score.
SHORT_RELATED_SCORE = 0.1


_URL = re.compile(r"(?:https?://|www\.)\S+|\bread more at\b", re.IGNORECASE)


@dataclass(frozen=True)
class ClaimTerms:
    """The claim's content stems with their weights, and the claim's own words."""

    weights: dict[str, float]
    words: tuple[str, ...]

    @property
    def total(self) -> float:
        return sum(self.weights.values())


@dataclass(frozen=True)
class ScoredSentence:
    """A sentence of the document with the share of the claim it covers."""

    index: int
    sentence: Sentence
    coverage: float


@dataclass(frozen=True)
class Relevance:
    """A document measured against a claim: overall coverage and its relevant passages."""

    document: IndexedText
    coverage: float
    passages: tuple[ScoredSentence, ...]
    short: bool = False
    shares_enough: bool = True

    @property
    def best(self) -> float:
        return max((p.coverage for p in self.passages), default=0.0)

    @property
    def score(self) -> float:
        return self.coverage if self.short else (self.coverage + self.best) / 2

    @property
    def related(self) -> bool:
        threshold = SHORT_RELATED_SCORE if self.short else RELATED_SCORE
        return self.shares_enough and self.score >= threshold


def _capitalised_in_claim(claim: str) -> frozenset[str]:
    """Claim words written with a capital, unless the claim Capitalises Every Word."""
    tokens = [t for t in claim.split() if t[:1].isalpha()]
    capitals = [t for t in tokens if t[0].isupper()]
    if len(tokens) >= 4 and len(capitals) > 0.6 * len(tokens):
        return frozenset()
    return frozenset(w for t in capitals[1:] for w in words_of(t))


@lru_cache(maxsize=8192)
def claim_terms(claim: str) -> ClaimTerms:
    """Weighted content stems of a claim, headline furniture removed."""
    words = [
        w for w in words_of(_URL.sub(" ", claim)) if w not in HEADLINE_NOISE and w not in NEGATIONS
    ]
    names = _capitalised_in_claim(claim)
    weights: dict[str, float] = {}
    for word in words:
        stems = content_stems([word])
        if not stems:
            continue
        weight = rarity(word) + (NAME_BONUS if word in names else 0.0)
        weights[stems[0]] = max(weights.get(stems[0], 0.0), weight)
    return ClaimTerms(weights, tuple(words_of(claim)))


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """How specific a word is: rare words say what a text is about, common ones do not."""
    if word.isdigit():
        return NUMBER_WEIGHT
    frequency = zipf_frequency(word, "en")
    return min(WEIGHT_CAP, max(WEIGHT_FLOOR, RARITY_CEILING - frequency))


def _term_weight(terms: ClaimTerms, document: IndexedText, term: str) -> float:
    weight = terms.weights[term]
    if term in document.capitalised:
        weight += NAME_BONUS
    return weight


def measure(claim: str, text: str) -> Relevance:
    """Coverage of ``claim`` by the document ``text`` and by each of its sentences."""
    terms = claim_terms(claim)
    document = index_text(text)
    if not terms.weights:
        return Relevance(document, 0.0, ())
    weights = {t: _term_weight(terms, document, t) for t in terms.weights}
    total = sum(weights.values())
    present = sum(w for t, w in weights.items() if t in document.stem_counts) / total
    short = is_short(document)
    if short:
        present = max(present, _reverse_coverage(terms, document))
    scored = []
    found = _found_in_sentences(weights, document)
    for i in range(len(document.sentences)) if short else sorted(found):
        share = sum(found.get(i, ())) / total
        if share >= PASSAGE_COVERAGE or short:
            scored.append(ScoredSentence(i, document.sentences[i], share))
    shared = sum(t in document.stem_counts for t in weights)
    enough = short or shared >= min(MIN_SHARED_TERMS, len(weights))
    return Relevance(document, present, tuple(scored), short, enough)


def _found_in_sentences(weights: dict[str, float], document: IndexedText) -> dict[int, list[float]]:
    """Per sentence holding some of them, the weights of the claim's stems it holds, in the
    claim's order (so their sum is the one a sentence-by-sentence scan adds up); a sentence
    holding none covers nothing, below any passage."""
    found: dict[int, list[float]] = {}
    for term, weight in weights.items():
        for i in document.sentences_with.get(term, ()):
            found.setdefault(i, []).append(weight)
    return found


def is_short(document: IndexedText) -> bool:
    """A headline-like text: one or two sentences, few words."""
    return len(document.sentences) <= SHORT_SENTENCES and sum(document.stem_counts.values()) <= (
        SHORT_STEMS
    )


def _reverse_coverage(terms: ClaimTerms, document: IndexedText) -> float:
    """Share of a short text's own weighted stems found in the claim: a headline cannot hold all
    of a long claim, but nearly all of it should be about the claim."""
    own = {stem: rarity(stem) for stem in document.stem_counts}
    total = sum(own.values())
    return sum(w for s, w in own.items() if s in terms.weights) / total if total else 0.0
