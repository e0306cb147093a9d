"""The C stemmer snowballstemmer picks up (PyStemmer) stems exactly as the Python one does."""

from __future__ import annotations

import Stemmer
from snowballstemmer.english_stemmer import EnglishStemmer

from assistant.textsim import stem

WORDS = """running ran runs officials officially denied denies denial confirmed confirming
reported reporting reportedly generously universities university's organisation organization
spokesperson spokeswomen ministries ministry's agreed agreement happily happiness 2026 a1b2
dying lying tied skies news exceeded proceeded succeeded""".split()


def test_the_c_stemmer_is_in_use_and_agrees_with_the_python_one() -> None:
    fast, slow = Stemmer.Stemmer("english"), EnglishStemmer()
    assert [fast.stemWord(w) for w in WORDS] == [slow.stemWord(w) for w in WORDS]
    assert [stem(w) for w in WORDS] == [slow.stemWord(w.lower()) for w in WORDS]
