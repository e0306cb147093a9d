"""Lexical similarity of short texts: stemmed content words, for merging restated claims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
_STEMMER = snowballstemmer.stemmer("english")
STOPWORDS = frozenset(
    """a an the and or but of to in on at by for from with as is are was were be been being it its
    this that these those he she they them his her their has have had do does did not no will would
    can could should may might than then so such there here who whom which what when where why how
    also said says say told about over after before into out up down more most some any all both
    each other our we you your i me my us""".split()
)


@lru_cache(maxsize=65536)  # a news vocabulary; stemming is the hot spot of merging
def stem(word: str) -> str:
    result: str = _STEMMER.stemWord(word.lower())
    return result


NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty hundred thousand million billion trillion""".split()
)


@dataclass(frozen=True)
class Fingerprint:
    """What similarity compares: content stems, and the numbers a text mentions."""

    stems: frozenset[str]
    numbers: frozenset[str]


# Texts fingerprinted and kept: one analysis compares a few dozen texts again and again. Every
# entry holds three objects the garbage collector walks, so a bigger cache slows everything.
FINGERPRINTS_CACHED = 1024


@lru_cache(maxsize=FINGERPRINTS_CACHED)
def fingerprint(text: str) -> Fingerprint:
    words = _lower_words(text)
    stems = set(map(_content_stem, words))
    stems.discard("")
    numbers = NUMBER_WORDS.intersection(words).union(filter(str.isdigit, words))
    return Fingerprint(frozenset(stems), numbers)


@lru_cache(maxsize=65536)
def _content_stem(word: str) -> str:
    """The stem of a lowercased word that carries content; "" for a stopword or a lone letter
    (no word stems to "")."""
    if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
        return ""
    return stem(word)


def _lower_words(text: str) -> list[str]:
    """The words of ``text`` lowercased, curly apostrophes straightened. Text is lowercased whole,
    in one pass, unless it holds one of the two characters that lowercase to ASCII letters (so
    would make words the text does not have)."""
    if text.isascii():
        return _WORD.findall(text.lower())
    if _LOWERS_TO_ASCII.search(text) is None:
        return _WORD.findall(text.lower().replace("\u2019", "'"))
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


_LOWERS_TO_ASCII = re.compile("[\u0130\u212a]")  # İ (to "i" and a dot) and the Kelvin sign


def content_stems(text: str) -> frozenset[str]:
    return fingerprint(text).stems


def similar(a: Fingerprint, b: Fingerprint) -> float:
    """Jaccard overlap of content stems, raised to containment when one text is inside the other;
    0 when both mention numbers and the numbers differ."""
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return 0.0
    sa, sb = a.stems, b.stems
    if not sa or not sb:
        return 0.0
    shared = len(sa & sb)
    smaller = min(len(sa), len(sb))
    containment = shared / smaller if smaller >= 4 else 0.0
    return max(shared / (len(sa) + len(sb) - shared), 0.9 * containment)


def similarity(a: str, b: str) -> float:
    return similar(fingerprint(a), fingerprint(b))


def shares_stem(text: str, stems: frozenset[str]) -> bool:
    """Whether ``content_stems(text) & stems`` is not empty (``stems`` are content stems, so
    never ""), stemming ``text`` word by word only until the first shared stem (a quote and its
    claim usually share an early word)."""
    return not stems.isdisjoint(map(_content_stem, _lower_words(text)))
