"""Lexical similarity of short texts: stemmed content words, for merging restated claims."""

from __future__ import annotations

import re
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


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    result: str = _STEMMER.stemWord(word.lower())
    return result


def content_stems(text: str) -> frozenset[str]:
    words = (w.lower().replace("\u2019", "'") for w in _WORD.findall(text))
    return frozenset(stem(w) for w in words if w not in STOPWORDS and len(w) > 1)


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of content stems, raised to containment when one text is inside the other."""
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return 0.0
    shared = len(sa & sb)
    jaccard = shared / len(sa | sb)
    containment = shared / min(len(sa), len(sb)) if min(len(sa), len(sb)) >= 4 else 0.0
    return max(jaccard, 0.9 * containment)
