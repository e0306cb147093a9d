"""The incremental extractor of an answer's ``text`` field, fed JSON in arbitrary pieces."""

from __future__ import annotations

import json
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from assistant.chat.streaming import TextFieldStream


def stream_pieces(pieces: list[str]) -> tuple[list[str], TextFieldStream]:
    runs: list[str] = []
    extractor = TextFieldStream(runs.append)
    for piece in pieces:
        extractor.feed(piece)
    return runs, extractor


def cut(text: str, points: list[int]) -> list[str]:
    edges = sorted({0, len(text), *(p % (len(text) + 1) for p in points)})
    return [text[a:b] for a, b in pairwise(edges)]


CITATIONS = st.lists(
    st.fixed_dictionaries(
        {"claim_id": st.one_of(st.none(), st.text(max_size=5)), "quote": st.text(max_size=20)}
    ),
    max_size=3,
)


@given(
    text=st.text(),
    citations=CITATIONS,
    points=st.lists(st.integers(min_value=0), max_size=40),
    ascii_only=st.booleans(),
    text_first=st.booleans(),
)
def test_any_cut_of_an_answer_streams_exactly_its_text(
    text: str,
    citations: list[dict[str, str]],
    points: list[int],
    ascii_only: bool,
    text_first: bool,
) -> None:
    answer = {"text": text, "citations": citations}
    if not text_first:
        answer = {"citations": citations, "text": text}
    raw = json.dumps(answer, ensure_ascii=ascii_only)
    runs, extractor = stream_pieces(cut(raw, points))
    assert "".join(runs) == text == extractor.text
    assert extractor.done
    assert all(runs)  # no empty calls


SURROGATES_AND_SYMBOLS = st.one_of(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone halves, as json allows
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F),  # pairs in \\u escapes
    st.sampled_from('"\\/\b\f\n\r\t\x00\x1fé'),
)


@given(text=st.text(alphabet=SURROGATES_AND_SYMBOLS))
def test_escapes_split_at_every_position(text: str) -> None:
    raw = json.dumps({"text": text})
    for size in (1, 2, 3, 5):
        pieces = [raw[i : i + size] for i in range(0, len(raw), size)]
        assert "".join(stream_pieces(pieces)[0]) == json.loads(raw)["text"]


def test_one_character_at_a_time_shows_each_character_as_it_arrives() -> None:
    raw = r'{"text": "a\"b\n\u00e9\ud83d\ude00", "citations": []}'
    runs, _ = stream_pieces(list(raw))
    assert runs == ["a", '"', "b", "\n", "é", "😀"]


def test_only_the_top_level_text_field_is_shown() -> None:
    answer = {
        "citations": [{"text": "nested", "quote": "text"}],
        "note": {"text": "deeper"},
        "t\u0065xt": "shown",
        "after": "text",
    }
    runs, extractor = stream_pieces([json.dumps(answer)])
    assert runs == ["shown"] and extractor.done


def test_an_unfinished_answer_shows_what_has_arrived() -> None:
    runs, extractor = stream_pieces(['{"text": "The Foreign Office den'])
    assert runs == ["The Foreign Office den"]
    assert not extractor.done


def test_json_without_a_text_field_shows_nothing() -> None:
    runs, extractor = stream_pieces(['{"claims": [{"text": "x"}]}', "garbage"])
    assert runs == [] and not extractor.done
