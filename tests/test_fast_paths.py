"""Faster forms of scans give the answers of the plain forms they replaced (reference versions
written out here): the letter-script count of language detection and the whole-word search of
grounding."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import language
from assistant.grounding import _ending_a_word

LETTERS = st.text(alphabet="aé中あアДΩب۔ٹ1²_ .", max_size=40)


@settings(max_examples=500, deadline=None)
@given(LETTERS)
def test_scripts_counted_as_letter_by_letter_in_the_same_order(letters: str) -> None:
    reference = Counter(language._script(c) for c in letters)
    counted = language._scripts(letters)
    assert list(counted.items()) == list(reference.items())  # ties broken alike


def ending_a_word_by_regex(text: str, quote: str, begin: int, end: int) -> list[tuple[int, int]]:
    after = r"(?![^\W_])" if quote[-1].isalnum() else ""
    return [m.span() for m in re.compile(re.escape(quote) + after).finditer(text, begin, end)]


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet="aab b_é1².", max_size=20),
    st.text(alphabet="aab_é1.", min_size=1, max_size=3),
    st.integers(0, 22),
    st.integers(0, 25),
)
def test_whole_word_search_finds_what_the_regex_found(
    text: str, quote: str, begin: int, end: int
) -> None:
    assert list(_ending_a_word(text, quote, begin, end)) == ending_a_word_by_regex(
        text, quote, begin, end
    )


ASCII_AND_NOT = st.text(alphabet="aZ09_'-. \u2019\u212a\u0130é", max_size=30)


@settings(max_examples=2000, deadline=None)
@given(ASCII_AND_NOT)
def test_words_lowercased_whole_as_word_by_word(text: str) -> None:
    from assistant import textsim
    from assistant.offline import claims_rules

    by_word = [w.lower().replace("\u2019", "'") for w in textsim._WORD.findall(text)]
    assert textsim._lower_words(text) == by_word
    rules_by_word = tuple(w.lower().replace("\u2019", "'") for w in claims_rules.words(text))
    assert claims_rules._lowered.__wrapped__(text).words == rules_by_word
