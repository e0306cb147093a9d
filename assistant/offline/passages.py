"""A document cut into sentences with their stems, computed once per text and cached.

Checking many claims against the same article (the FNC-1 setting, or a user checking claim after
claim) must not re-tokenise the article every time, so :func:`index_text` is cached by the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

import snowballstemmer

from assistant.offline.stance_lexicon import STOPWORDS

_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n+")
_STEMMER = snowballstemmer.stemmer("english")
# Whole documents whose per-text work stays cached: callers meet one document many times in a
# row (an eval runs the pairs on one body together), not thousands in turn.
DOCUMENTS_CACHED = 32


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-cased word."""
    result: str = _STEMMER.stemWord(word)
    return result


def words_of(text: str) -> list[str]:
    """Lower-cased words, with curly apostrophes made straight."""
    if text.isascii():  # lower-cased first: the same words, as the pattern ignores case
        return _WORD.findall(text.lower())
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def content_stems(words: list[str]) -> list[str]:
    """Stems of the words that carry content (no stopwords, no single letters)."""
    return [stem(w) for w in words if len(w) > 1 and w not in STOPWORDS]


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the text, lower-cased words and content stems."""

    start: int
    end: int
    words: tuple[str, ...]
    stems: frozenset[str]


@dataclass(frozen=True)
class IndexedText:
    """A text with its sentences, all its content stems and the stems it writes capitalised."""

    text: str
    sentences: tuple[Sentence, ...]
    stem_counts: Counter[str]
    capitalised: frozenset[str]

    @cached_property
    def sentences_with(self) -> dict[str, tuple[int, ...]]:
        """The positions in ``sentences`` of the sentences holding each stem, in order."""
        found: dict[str, list[int]] = {}
        for i, sentence in enumerate(self.sentences):
            for stem_ in sentence.stems:
                found.setdefault(stem_, []).append(i)
        return {s: tuple(at) for s, at in found.items()}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _capitalised_stems(text: str) -> frozenset[str]:
    """Stems of words written with a capital inside a sentence: names, places, organisations."""
    found: set[str] = set()
    for match in re.finditer(r"(?<=[a-z,;:] )([A-Z][a-zA-Z]+)", text):
        word = match.group(1).lower()
        if word not in STOPWORDS:
            found.add(stem(word))
    return frozenset(found)


@lru_cache(maxsize=DOCUMENTS_CACHED)
def index_text(text: str) -> IndexedText:
    """Sentences and stems of ``text``; cached, so each distinct text is processed once."""
    sentences: list[Sentence] = []
    counts: Counter[str] = Counter()
    for start, end in sentence_spans(text):
        words = words_of(text[start:end])
        stems = content_stems(words)
        counts.update(stems)
        sentences.append(Sentence(start, end, tuple(words), frozenset(stems)))
    return IndexedText(text, tuple(sentences), counts, _capitalised_stems(text))
