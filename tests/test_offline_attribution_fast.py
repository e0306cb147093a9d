"""The attribution parser's faster forms give the answers of the plain forms they replaced
(reference versions written out here): cue phrases found from their first words, the cheap
tests before case-blind patterns, trailing words stripped from the end, the last verb found
with a word filter, and the test that lets a sentence without cue words skip parsing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.offline import attribution as at
from assistant.offline import lexicons as lex
from assistant.offline.segmentation import Span, mask_quotations, plain, quotations

WORDS = (
    "said says told according to citing was were has have had did not immediately respond "
    "could be verified confirmed declined comment neither nor denied the a an who whose after "
    "before since following days hours in on last Monday Sunday week morning night today "
    "yesterday earlier later previously statement one two several just day weeks minutes "
    "reportedly also publicly officially however Tuesday Officials Reuters ministry spokesman "
    "Jane Doe Said SAID wants found believes called show shows and but as when while circulating "
    "his their reported is are been posted X United States during within"
).split()
PHRASES = sorted(c for c in at._BROAD_CUES if " " in c)  # "did not respond", "according to"
ODD = ["\u017f", "\u212a", "\u0130", "\u0131", "é", "\u2019", "''", "`", "1,450", "x", ""]
SEPARATORS = [" ", " ", " ", ", ", ": ", ' "', '" ', '," ', ". ", "\n", "  ", "-", "\u201c"]

TEXT = st.lists(
    st.tuples(st.sampled_from(WORDS + PHRASES + ODD), st.sampled_from(SEPARATORS)), max_size=14
).map(lambda parts: "".join(word + gap for word, gap in parts))


def cues_word_by_word(sentence: str, table: dict[str, tuple[str, ...]]) -> list[at.CueMatch]:
    """The scan the parser made before: every word looked up in the table."""
    low = sentence.lower()
    found: list[at.CueMatch] = []
    if table.keys().isdisjoint(re.findall("[a-z]+", low)):
        return found
    resume = 0
    for token in re.finditer("[a-z]+", low):
        cues = table.get(token.group())
        if not cues:
            continue
        if token.start() < resume or (token.start() > 0 and low[token.start() - 1].isalnum()):
            continue
        if token.start() > 0 and sentence[token.start()].isupper():
            continue
        for cue in cues:
            end = token.start() + len(cue)
            if low.startswith(cue, token.start()) and not low[end : end + 1].isalnum():
                found.append(at.CueMatch(token.start(), end, cue))
                resume = end
                break
    return found


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_cues_found_as_word_by_word(sentence: str) -> None:
    for table in (at._NARROW_TABLE, at._BROAD_TABLE):
        found = at._cues(sentence, table)
        assert list(found) == cues_word_by_word(sentence, table.by_first_word)


@settings(max_examples=1000, deadline=None)
@given(TEXT, TEXT)
def test_a_sentence_without_cue_words_has_no_cue_once_masked(before: str, sentence: str) -> None:
    text = f"{before} {sentence}"
    span = Span(len(before) + 1, len(text))
    masked = at._prepare(text, span).masked
    for table in (at._NARROW_TABLE, at._BROAD_TABLE):
        if not at._first_words(sentence, table):
            assert cues_word_by_word(masked, table.by_first_word) == []


@settings(max_examples=1000, deadline=None)
@given(TEXT, TEXT)
def test_sentence_masked_as_every_quotation_masked(before: str, sentence: str) -> None:
    text = f"{before} {sentence}"
    start = len(before) + 1
    prepared = at._prepare.__wrapped__(text, Span(start, len(text)))
    quotes = quotations(text, start, len(text))
    assert prepared.masked == mask_quotations(plain(sentence), quotes, start)
    assert prepared.plain == plain(sentence)


GUARDED = [
    *(at._TRAILING_TIME, at._INTERVAL, at._CITING, at._RELATIVE_TAIL, at._TIME_PHRASE),
    *(at._LATE_THAT, at._AND_THAT, at._PAIRED_APOSTROPHES, at._CITED),
]


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_guarded_patterns_replace_as_the_patterns_do(text: str) -> None:
    for guarded in GUARDED:
        assert guarded.sub("", text) == guarded.pattern.sub("", text)
        assert guarded.sub(" ", text.rstrip()) == guarded.pattern.sub(" ", text.rstrip())
        found, expected = guarded.match(text), guarded.pattern.match(text)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_things_said_split_as_the_pattern_splits(content: str) -> None:
    parts = [p for p in at._AND_THAT.pattern.split(content) if p.strip()] or [content]
    assert at.said_parts(content) == parts


def has_wider_cues_word_by_word(sentence: str) -> bool:
    if at._BROAD_ONLY.isdisjoint(re.findall("[a-z]+", sentence.lower())):
        return False
    words = re.findall("[A-Za-z]+", sentence)
    return any(
        word.lower() in at._BROAD_ONLY and at._after_speaker(words, i)
        for i, word in enumerate(words)
    )


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_wider_cues_told_as_word_by_word(sentence: str) -> None:
    assert at.has_wider_cues(sentence) == has_wider_cues_word_by_word(sentence)


def strip_trailing_adverbs_by_words(pre: str) -> str:
    words = pre.rstrip().split(" ")
    while words and (words[-1].lower() in lex.SPEAKER_ADVERBS or at._is_adverb(words[-1])):
        words.pop()
    return without_trailing_time_by_words(" ".join(words).rstrip())


def without_trailing_time_by_words(phrase: str) -> str:
    words = phrase.split()
    if len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper():
        return phrase
    return at._TRAILING_TIME.pattern.sub("", phrase)


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_trailing_adverbs_stripped_as_word_by_word(pre: str) -> None:
    assert at._strip_trailing_adverbs(pre) == strip_trailing_adverbs_by_words(pre)
    assert at._without_trailing_time(pre.strip()) == without_trailing_time_by_words(pre.strip())


def after_last_verb_testing_every_word(chunk: str) -> str:
    words = chunk.split()
    cut = 0
    for i, word in enumerate(words):
        bare = word.strip(",;:\"'()").lower()
        verb = at._is_verb(word.strip(",;:\"'()")) or bare in at._CUE_WORDS
        if not verb and bare.endswith("ing") and word.islower() and i + 1 < len(words):
            verb = words[i + 1].lower() in at._DETERMINERS
        conjunction = bare in lex.CONJUNCTIONS and bare != "and"
        if conjunction and i and words[i - 1].lower() in at._TIME_NOUNS:
            conjunction = False
        if verb or conjunction:
            cut = i + 1
    if cut == 0 and words and words[0].lower() in {"and", "but", "or"}:
        cut = 1
    if cut and cut < len(words) and words[cut].lower() not in at._DETERMINERS:
        while cut < len(words) - 1 and words[cut].lower() in lex.TIME_WORDS:
            cut += 1
    if len(words) > 1 and words[-1].lower() in at._PRONOUNS_AND_THEY:
        cut = len(words) - 1
    if cut and cut < len(words) and words[cut].lower() in lex.ADVERBIAL_OPENERS:
        agents = [i for i in range(cut, len(words)) if words[i].lower() == "by"]
        if agents:
            cut = agents[-1] + 1
    return " ".join(words[cut:])


VERBISH = st.lists(
    st.sampled_from(
        WORDS + ODD + sorted(lex.IRREGULAR_PAST)[:40] + ["Reported", "(said)", "wanted,", "by"]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=2000, deadline=None)
@given(VERBISH)
def test_last_verb_found_as_testing_every_word(chunk: str) -> None:
    assert at._after_last_verb(chunk) == after_last_verb_testing_every_word(chunk)


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_lead_patterns_only_skipped_where_they_cannot_match(pre: str) -> None:
    if not at._may_lead(pre):
        assert at._LEAD.match(pre) is None and at._AND_LEAD.match(pre) is None


@given(st.text(alphabet=st.sampled_from(["a", "B", " ", "'", "`", '"', "\u2019", "\u201c", "é"])))
def test_a_sentence_plain_as_plain_reads_it(sentence: str) -> None:
    assert at._straight(sentence) == plain(sentence)


def test_participle_cues_looked_up_as_read() -> None:
    cues = {*at._BROAD_TABLE.by_first_word.values(), *at._NARROW_TABLE.by_first_word.values()}
    for cue in (c for phrases in cues for c in phrases):
        assert at._participle_cue(cue) == at._is_participle(cue)
