"""Faster forms of scans give the answers of the plain forms they replaced (reference versions
written out here): the letter-script count and the whole of language detection, the whole-word
search of grounding, word lowering and fingerprints of textsim, quotation masking and the
boilerplate test of segmentation."""

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


def fingerprint_word_by_word(text: str) -> tuple[frozenset[str], frozenset[str]]:
    from assistant import textsim

    words = textsim._lower_words(text)
    stems = frozenset(
        textsim.stem(w) for w in words if w not in textsim.STOPWORDS and (len(w) > 1 or w.isdigit())
    )
    numbers = frozenset(w for w in words if w.isdigit() or w in textsim.NUMBER_WORDS)
    return stems, numbers


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="a bZ09 the said one twelve 2014 x I\u2019s.", max_size=60))
def test_fingerprint_as_word_by_word(text: str) -> None:
    from assistant import textsim

    found = textsim.fingerprint.__wrapped__(text)
    assert (found.stems, found.numbers) == fingerprint_word_by_word(text)


def detect_letter_by_letter(sample: str) -> language.Language:
    letters = "".join(filter(str.isalpha, sample))
    if len(letters) < language.MIN_SCRIPT_LETTERS:
        return language.ENGLISH
    scripts = Counter(language._script(c) for c in letters)
    script, count = scripts.most_common(1)[0]
    if script != "LATIN" and count >= len(letters) / 2:
        return language._by_script(letters)  # a script other than Latin: no ASCII shortcut taken
    if len(letters) < language.MIN_LETTERS:
        return language.ENGLISH
    words = language._WORD.findall(sample)
    counts = Counter(w.casefold() for w in words)
    shares = {n: sum(counts[w] for w in v) / len(words) for n, v in language._WORDS.items()}
    if shares["English"] >= language.ENGLISH_SHARE:
        return language.ENGLISH
    best = max(shares, key=lambda n: shares[n])
    if best != "English" and shares[best] >= language.ENGLISH_SHARE:
        return language.Language(best, False)
    return language.Language("a language other than English", False)


def word_lists(words: str, most: int) -> st.SearchStrategy[list[str]]:
    """Lists of up to ``most`` of the space-separated ``words``."""
    return st.lists(st.sampled_from(words.split(" ")), max_size=most)


WORDS_OF_LANGUAGES = word_lists(
    "the of The el la de der die und a le et é ½ ² Ⅷ İstanbul ß 中文 ひら カタ Дом Ωμέγα "
    "بيت ٹ پ 한국 x1 _ . \n",
    80,
)


# Two scripts in every proportion: where "most letters are ASCII" decides.
LATIN_AND_CYRILLIC = st.lists(
    st.sampled_from(["the", "of", "data", "Дом", "Дома", "и"]), max_size=40
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(WORDS_OF_LANGUAGES, LATIN_AND_CYRILLIC))
def test_language_detected_as_letter_by_letter(words: list[str]) -> None:
    sample = " ".join(words)
    assert language._detect.__wrapped__(sample) == detect_letter_by_letter(sample)


def mask_char_by_char(text: str, quotes: list[tuple[int, int]], offset: int) -> str:
    chars = list(text)
    for start, end in quotes:
        for i in range(start - offset + 1, end - offset - 1):
            if 0 <= i < len(chars):
                chars[i] = "x"
    return "".join(chars)


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet='ab "\u201c\u201d', max_size=30),
    st.lists(st.tuples(st.integers(-5, 40), st.integers(-5, 40)), max_size=3),
    st.integers(0, 10),
)
def test_quotations_masked_as_char_by_char(
    text: str, quotes: list[tuple[int, int]], offset: int
) -> None:
    from assistant.offline.segmentation import Span, mask_quotations

    spans = [Span(start, end) for start, end in quotes]
    assert mask_quotations(text, spans, offset) == mask_char_by_char(text, quotes, offset)


def boilerplate_by_every_pattern(line: str) -> bool:
    from assistant.offline import lexicons as lex

    stripped = line.strip()
    if any(re.search(p, stripped, re.IGNORECASE) for p in lex.BOILERPLATE_PATTERNS):
        return True
    social = re.search(lex.SOCIAL_NETWORKS, stripped, re.IGNORECASE)
    if social and re.search(lex.CALLS_TO_ACTION, stripped, re.IGNORECASE):
        return True
    short = len(stripped.split()) <= lex.BYLINE_MAX_WORDS
    return short and re.match(lex.BYLINE, stripped) is not None


BOILERPLATE_WORDS = word_lists(
    "Follow FOLLOW us on Twitter ſubscribe Join LIKE US By Jane Doe contributed reporting to "
    "this report article. Photo: © (c) copyright the Sign up \u212a x \u2014",
    40,
)


LINE_ENDS = st.sampled_from(
    ["", " contributed to this story", "Jane Doe contributed reporting to this article. ", "."]
)


@settings(max_examples=2000, deadline=None)
@given(BOILERPLATE_WORDS, LINE_ENDS)
def test_boilerplate_found_as_by_every_pattern_on_the_whole_line(
    words: list[str], end: str
) -> None:
    from assistant.offline.segmentation import is_boilerplate

    line = " ".join(words) + end
    assert is_boilerplate(line) == boilerplate_by_every_pattern(line)


SENTENCE_ENDS = st.sampled_from([" ", ". ", "! ", ".\n", "? By "])


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(BOILERPLATE_WORDS, SENTENCE_ENDS), max_size=4))
def test_sentences_of_a_line_not_boilerplate_found_as_by_every_pattern(
    pieces: list[tuple[list[str], str]],
) -> None:
    from assistant.chunking import Span
    from assistant.offline.segmentation import is_boilerplate, is_boilerplate_sentence, sentences

    text = "".join(" ".join(words) + end for words, end in pieces)
    line = Span(0, len(text))
    if is_boilerplate(text):
        return
    for sentence in sentences(text):
        said = text[sentence.start : sentence.end]
        assert is_boilerplate_sentence(text, sentence, line) == boilerplate_by_every_pattern(said)


def dismissal_as_read_before(content: str) -> bool:
    """claims_rules.is_dismissal as written before the dismissive words were looked for first."""
    from assistant.offline import claims_rules as rules
    from assistant.offline import lexicons as lex

    low = rules._lowered(content).words
    if low[:2] == ("no", "such"):
        return True
    if not (rules.leans_on_pronoun(content) or rules._opens_with_anaphor(content)):
        return False
    lowered = rules._lowered(content)
    if not lex.DISMISSIVE_WORDS.isdisjoint(lowered.vocabulary):
        return True
    joined = f" {lowered.joined} "
    return any(f" {p} " in joined for p in lex.DISMISSIVE_PHRASES)


DISMISSAL_WORDS = word_lists(
    'No no such That This It These reports The report "the claims were is not true false '
    "nothing to do with without merit made up didn't did not happen NOT TRUE Such claim",
    12,
)


@settings(max_examples=2000, deadline=None)
@given(DISMISSAL_WORDS)
def test_dismissals_found_as_before(words: list[str]) -> None:
    from assistant.offline.claims_rules import is_dismissal

    content = " ".join(words)
    assert is_dismissal(content) == dismissal_as_read_before(content)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab \"\u201c\u201d\u2018\u2019'", max_size=20))
def test_quote_marks_removed_as_translate_removes_them(text: str) -> None:
    from assistant.offline.claims_rules import without_quote_marks

    marks = str.maketrans({"\u201c": "", "\u201d": "", '"': ""})
    assert without_quote_marks(text) == text.translate(marks)
