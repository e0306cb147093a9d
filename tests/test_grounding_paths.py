"""Grounding's and the quote check's shorter paths give the answers of the plain forms they
replaced (reference versions written out here): normalisation kept as stretches instead of an
offset per character, characters mapped by replacing only those present, a quote's content
compared word by word, and a denial read before the checks that can only excuse it."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant import evidence, grounding
from assistant.claims import Document, Evidence, SourceKind, Stance
from assistant.offline.stance_lexicon import DENIAL_WORDS
from assistant.textsim import content_stems, shares_stem

SPACED = st.text(alphabet="ab .\n\t\r\u00a0\u2019\u201c\u2014`", max_size=40)


def normalised_by_offsets(text: str) -> tuple[str, list[int]]:
    mapped = text.translate(grounding._CHAR_MAP)
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for run in grounding._FOLDED_SPACE.finditer(mapped):
        pieces += (mapped[pos : run.start()], " ")
        offsets += [*range(pos, run.start()), run.start()]
        pos = run.end()
    pieces.append(mapped[pos:])
    offsets += range(pos, len(mapped))
    return "".join(pieces), offsets


@settings(max_examples=2000, deadline=None)
@given(SPACED, st.integers(-3, 45))
def test_stretches_map_offsets_as_the_offset_per_character_did(text: str, at: int) -> None:
    plain, offsets = normalised_by_offsets(text)
    norm = grounding.normalise(text)
    assert norm.text == plain
    assert list(norm.offsets) == offsets
    assert norm.index(at) == bisect_left(offsets, at)


@settings(max_examples=1000, deadline=None)
@given(SPACED)
def test_characters_replaced_as_translate_maps_them(text: str) -> None:
    assert grounding.straightened(text) == text.translate(grounding._CHAR_MAP)


WHITESPACE = st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2003\u3000ab\u2019", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(WHITESPACE)
@example("a  b \n c\td\u3000")
def test_folded_space_finds_the_runs_the_plain_pattern_finds(text: str) -> None:
    plain = re.compile(r"\s{2,}|[^\S ]")
    found = [m.span() for m in grounding._FOLDED_SPACE.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


def needles_as_before(quote: str) -> list[str]:
    whole = grounding._SPACE_RUN.sub(" ", quote.strip().translate(grounding._CHAR_MAP)).strip()
    bare = whole.strip(grounding._EDGE)
    variants = (whole, bare, whole.replace("&lt;", "<"), bare.replace("&lt;", "<"))
    return [n for n in dict.fromkeys(variants) if n.strip(grounding._EDGE)]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="a \n\"'\u201c&lt;", max_size=16))
def test_needles_made_in_turn_as_listed_before(quote: str) -> None:
    assert list(grounding._needles(quote)) == needles_as_before(quote)


WORDS = st.lists(
    st.sampled_from(
        "the The a police Police minister said denied Denied rejects dismissed claims report "
        "that school will stay close closed open not confirmed it acknowledged but saying "
        "officers fired gas 12 I".split()
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=2000, deadline=None)
@given(WORDS, WORDS)
def test_content_shared_as_the_whole_stem_sets_share_it(text: str, other: str) -> None:
    assert shares_stem(text, content_stems(other)) == bool(
        content_stems(text) & content_stems(other)
    )


def sentence_as_before(text: str, found: Evidence) -> str:
    start = max(text.rfind(mark, 0, found.start) for mark in ".!?\n") + 1
    after = max(found.start, found.end - 1)
    ends = [i for i in (text.find(mark, after) for mark in ".!?\n") if i >= 0]
    return text[start : min(ends, default=len(text))]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab .!?\n", max_size=30), st.integers(0, 30), st.integers(0, 8))
def test_sentence_around_a_quote_as_before(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    found = Evidence(document_id="d", quote=text[start:end], start=start, end=end)
    expected = sentence_as_before(text, found)
    assert evidence._sentence(text, found) == expected
    reach = evidence.SENTENCE_REACH
    try:  # a short reach: the look further back is taken too
        evidence.SENTENCE_REACH = 3
        assert evidence._sentence(text, found) == expected
    finally:
        evidence.SENTENCE_REACH = reach


@dataclass
class Cited:
    quotes: list[str]
    name: str
    role: str | None
    stance: Stance
    kind: SourceKind = "named_official"


def reads_against_as_before(document: Document, found: Evidence, claim: str, source: Cited) -> bool:
    if source.stance not in {"confirms", "asserts"} or evidence.rejects(claim):
        return False
    if evidence._affirms(found.quote):
        return False
    if source.stance == "confirms":
        return evidence._against(found.quote)
    sentence = sentence_as_before(document.text, found)
    party = content_stems(f"{source.name} {source.role or ''}")
    wanted = content_stems(claim)
    clauses = evidence._clauses(evidence._WORD.findall(sentence))
    for before, after in pairwise(clauses):
        if not after or after[0].casefold() not in DENIAL_WORDS:
            continue
        named = party & content_stems(" ".join(before))
        denied = wanted & content_stems(" ".join(after[1:]))
        if named and wanted and len(denied) / len(wanted) >= evidence.DENIED_SHARE:
            return True
    return False


@settings(max_examples=3000, deadline=None)
@given(
    WORDS,
    WORDS,
    st.sampled_from(["confirms", "asserts", "denies", "not_confirmed"]),
    st.sampled_from(["Police", "the minister", "school"]),
)
@example("Police denied claims that officers fired gas", "officers fired gas", "asserts", "Police")
@example("Police denied claims that officers fired gas", "officers fired gas", "confirms", "x")
def test_denial_read_first_gives_the_same_answer(
    sentence: str, claim: str, stance: Stance, name: str
) -> None:
    text = f"Earlier. {sentence}. Later."
    document = Document.from_text(text)
    start = len("Earlier. ")
    found = Evidence(
        document_id=document.id, quote=sentence, start=start, end=start + len(sentence)
    )
    source = Cited([sentence], name, None, stance)
    expected = reads_against_as_before(document, found, claim, source)
    if sentence.startswith("Police denied") and claim == "officers fired gas":
        assert expected  # the examples read as denials: the comparison is not all False
    assert evidence._reads_against(document, found, claim, source) == expected


class FixedSpeakers:
    def __init__(self, at: dict[tuple[int, int], tuple[int, int] | None]) -> None:
        self.spans = at

    def at(self, cue: tuple[int, int]) -> tuple[int, int] | None:
        return self.spans[cue]


SPANS = st.tuples(st.integers(0, 60), st.integers(1, 6)).map(lambda s: (s[0], s[0] + s[1]))


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(SPANS, min_size=1, max_size=9),
    SPANS,
    st.lists(st.one_of(st.none(), SPANS), min_size=9, max_size=9),
)
def test_cue_kept_is_the_first_nearest_to_content_and_speaker(
    cues: list[tuple[int, int]],
    said: tuple[int, int],
    speakers: list[tuple[int, int] | None],
) -> None:
    from assistant import attributions as a

    fixed = FixedSpeakers(dict(zip(cues, speakers, strict=False)))
    expected = min(cues, key=lambda c: a._gap(c, said) + a._speaker_gap(fixed, c))  # type: ignore[arg-type]
    assert a._closest_with_speaker(cues, said, fixed) == expected  # type: ignore[arg-type]
