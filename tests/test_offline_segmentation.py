"""The offline engine's building blocks: sentences, quotations, headings, attributions."""

from __future__ import annotations

from assistant.chunking import Span
from assistant.grounding import _CHAR_MAP
from assistant.offline.attribution import attribute, attributions, find_cues
from assistant.offline.lexicons import BOILERPLATE_PATTERNS, CALLS_TO_ACTION
from assistant.offline.segmentation import (
    _CALL_TO_ACTION_WORDS,
    BOILERPLATE_TAIL,
    MAX_SENTENCE_CHARS,
    is_boilerplate,
    is_boilerplate_sentence,
    is_heading,
    mask_quotations,
    plain,
    quotations,
    sentences,
)
from assistant.offline.sourcing import SpeakerMemory, classify


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Dr. Ann Lee of the U.S. Army met John F. Kennedy Jr. at 5 p.m. Monday. Then she left."
    assert texts(text) == [
        "Dr. Ann Lee of the U.S. Army met John F. Kennedy Jr. at 5 p.m. Monday.",
        "Then she left.",
    ]


def test_quotes_spanning_sentences_stay_in_one_sentence() -> None:
    text = '\u201cWe are ready. We will win,\u201d she said. "It works. Really," he said. Done.'
    assert texts(text) == [
        "\u201cWe are ready. We will win,\u201d she said.",
        '"It works. Really," he said.',
        "Done.",
    ]


def test_sentence_ending_inside_a_closing_quote_splits_after_it() -> None:
    text = "She called it \u201cspeculation.\u201d The ministry agreed."
    assert texts(text) == ["She called it \u201cspeculation.\u201d", "The ministry agreed."]


def test_sentences_never_cross_lines_and_spans_are_exact() -> None:
    text = "  First line here.\nSecond line. Third one.  \n"
    spans = sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First line here.",
        "Second line.",
        "Third one.",
    ]


def test_quotations_pair_curly_and_straight_marks() -> None:
    text = 'He said \u201cyes\u201d and "no", then "open'
    assert [text[q.start : q.end] for q in quotations(text)] == ["\u201cyes\u201d", '"no"']


def test_headings_and_boilerplate() -> None:
    assert is_heading("Trump and Biden Meet, Pledge Smooth Transition of Power")
    assert not is_heading("The talks ended on Monday.")
    assert is_boilerplate("Follow Day News on Google News, Instagram and TikTok for latest updates")
    assert is_boilerplate("By Jane Doe, Reuters")
    assert not is_boilerplate("Share prices fell 5 percent on Monday.")
    assert not is_boilerplate("By Monday, the army had withdrawn from the town.")


def test_boilerplate_at_a_long_lines_end_and_calls_to_action_in_any_case() -> None:
    long = "Officials said the bridge would open next year after long delays. " * 5
    assert is_boilerplate(long + "Jane Doe contributed reporting to this article.")
    assert not is_boilerplate(long + "Jane Doe uncontributed reporting to this article.")
    assert is_boilerplate("FOLLOW us for the LATEST UPDATES on Twitter")
    assert is_boilerplate("FOLLOW us for the LATEST UPDATES on Twitter — café news")
    assert not is_boilerplate("Twitter users said the case was closed.")


def test_end_anchored_boilerplate_patterns_fit_in_the_tail_searched() -> None:
    # is_boilerplate searches only a line's last BOILERPLATE_TAIL characters for these
    from re import _parser  # type: ignore[attr-defined]

    for pattern in (p for p in BOILERPLATE_PATTERNS if p.endswith("$")):
        parsed = _parser.parse(pattern)
        assert str(parsed[-1][1]) == "AT_END"
        assert parsed.getwidth()[1] < BOILERPLATE_TAIL
    assert CALLS_TO_ACTION.lower() == CALLS_TO_ACTION  # run case-sensitively on lowercased lines


def test_boilerplate_patterns_anchored_where_the_line_opens_or_ends() -> None:
    # is_boilerplate matches the first kind where the line opens, the second in its tail only
    assert all(p.startswith("^") or p.endswith("$") for p in BOILERPLATE_PATTERNS)
    # and looks for a call to action only in lines that hold one of its words
    assert r"\b(" + "|".join(_CALL_TO_ACTION_WORDS) + r")\b" == CALLS_TO_ACTION


def test_sentence_of_a_line_cut_inside_a_word_checked_whole() -> None:
    # a line with no space for MAX_SENTENCE_CHARS is cut inside a word: "xjoin" is no call to
    # action in the line, but "join" opening the piece after the cut is one, beside "Twitter"
    text = "x" * MAX_SENTENCE_CHARS + "join the Twitter debate."
    line = sentences(text)
    assert not is_boilerplate(text) and len(line) == 2
    assert is_boilerplate_sentence(text, line[1], Span(0, len(text)))
    assert is_boilerplate(text[line[1].start : line[1].end])


def test_plain_straightens_as_grounding_maps_characters() -> None:
    every = "x".join(chr(code) for code in _CHAR_MAP) + " a `b` “c” d—e"
    assert plain(every) == every.translate(_CHAR_MAP)
    assert not set(_CHAR_MAP.values()) & {chr(code) for code in _CHAR_MAP}


def test_mask_quotations_masks_insides_within_the_text() -> None:
    text = 'He said "we will win" and "soon'
    quotes = quotations(text)
    assert mask_quotations(text, quotes) == 'He said "xxxxxxxxxxx" and "soon'
    sentence = text[3:20]  # 'said "we will wi', the quotation running past its end
    assert mask_quotations(sentence, quotes, 3) == 'said "xxxxxxxxxxx'


def test_cues_match_whole_words_and_prefer_longest_phrases() -> None:
    found = find_cues("the ministry has yet to comment and unsaid things remain")
    assert [c.cue for c in found] == ["has yet to comment"]


def test_direct_quote_with_trailing_speaker() -> None:
    text = '"Output fell 40 percent," the company said on Monday.'
    [found] = attribute(text, sentences(text)[0])
    assert (found.speaker, found.cue, found.content, found.direct) == (
        "the company",
        "said",
        "Output fell 40 percent",
        True,
    )


def test_indirect_speech_denial_and_according_to() -> None:
    text = (
        "The ministry on Friday denied reports that troops crossed the border. "
        "Prices rose 3 percent, according to people familiar with the matter. "
        '"The data is final," said Jane Roe, a spokeswoman for the bank.'
    )
    denial, according, inverted = attributions(text)
    assert (denial.speaker, denial.stance, denial.hearsay) == ("The ministry", "denies", True)
    assert denial.content == "troops crossed the border."
    assert (according.speaker, according.content) == (
        "people familiar with the matter",
        "Prices rose 3 percent",
    )
    assert (inverted.speaker, inverted.role) == ("Jane Roe", "a spokeswoman for the bank")
    assert (inverted.content, inverted.direct) == ("The data is final", True)


def test_speaker_kinds_and_pronoun_resolution() -> None:
    assert classify("FO Spokesperson Mumtaz Zahra Baloch").kind == "named_official"
    assert classify("officials who asked not to be named").kind == "anonymous"
    assert classify("a report by Reuters").kind == "media_report"
    assert classify("the proposal").kind == "document"
    assert classify("the Foreign Office").kind == "organization"
    assert classify("Jane Roe").kind == "named_person"
    assert classify("the Department of Homeland Security").kind == "organization"
    assert classify("Eastfield County health officials").kind == "organization"
    assert classify("two officials").kind == "anonymous"
    assert classify("the quarterly report").kind == "document"
    analyst = classify("Industry analyst Keiko Brandt of Signalbridge Research")
    assert (analyst.name, analyst.kind) == ("Keiko Brandt", "named_person")
    memory = SpeakerMemory()
    memory.remember(classify("FO Spokesperson Mumtaz Zahra Baloch"))
    assert memory.resolve("she") == memory.resolve("Baloch") == memory.resolve("the spokesperson")
    assert memory.resolve("she") is not None and memory.resolve("she").name == "Mumtaz Zahra Baloch"


def test_extract_answers_in_the_wire_format_from_paragraphs_alone() -> None:
    from assistant.offline.extraction import extract
    from assistant.outputs import ExtractionOutput

    paragraphs = [
        "Police said two men were arrested on Friday after a break-in at the museum.",
        "The museum declined to comment.",
    ]
    output = ExtractionOutput.model_validate(extract({"paragraphs": paragraphs}))
    [claim] = output.claims
    assert claim.status == "unverified"
    assert [(s.name, s.stance) for s in claim.sources] == [
        ("Police", "asserts"),
        ("The museum", "declines_comment"),
    ]
    assert all(q in "\n".join(paragraphs) for s in claim.sources for q in s.quotes)


def test_a_quotation_reopened_by_the_next_paragraph_ends_where_its_paragraph_ends() -> None:
    """News convention: a quotation over two paragraphs reopens with a quote mark and the
    first paragraph has no closing mark. With the paragraphs run together (as some archives
    print them), the reopening mark must not close the first quote and shift every pairing
    after it."""
    text = (
        'Experts were doubtful. "The group tells no one anything.  "Even her family knew '
        'little," Mr Haddad said.  Police said "two men" were held.'
    )
    quoted = [text[q.start : q.end] for q in quotations(text)]
    assert quoted == [
        '"The group tells no one anything.',
        '"Even her family knew little,"',
        '"two men"',
    ]
    assert texts(text)[1:] == [
        '"The group tells no one anything.',
        '"Even her family knew little," Mr Haddad said.',
        'Police said "two men" were held.',
    ]


def test_a_paragraph_opening_a_quotation_it_does_not_close_is_quoted_to_its_end() -> None:
    text = (
        "\u201cWe will close the plant. We have no choice.\n"
        "\u201cThe staff will be paid,\u201d she said."
    )
    first = text.index("\n")
    assert [text[q.start : q.end] for q in quotations(text, 0, first)] == [text[:first]]
    assert texts(text) == [text[:first], text[first + 1 :]]


def test_a_stray_quote_mark_inside_a_paragraph_is_still_dropped() -> None:
    text = 'The mayor said the "plan was final. The council voted 5-2 on Monday.'
    assert quotations(text) == []
    assert len(texts(text)) == 2


def test_an_unclosed_quotation_is_read_as_the_speakers_continued_words() -> None:
    text = (
        '"We have hired 40 nurses this year," said Dana Ruiz, the hospital\'s director.\n'
        '"We will open a new ward in May. The ward has 20 beds.\n'
        '"Waiting times have fallen by a third," she said.\n'
    )
    said = {a.content for a in attributions(text)}
    assert "Waiting times have fallen by a third" in said


def test_run_together_paragraphs_with_a_reopened_quote_ground_every_attribution() -> None:
    """Paragraphs run together with a reopened quotation: each content stays beside its cue
    and every attribution grounds (the FNC-1 bodies test checks the same on real text)."""
    from assistant import Assistant

    text = (
        'Officials were cautious. "The group tells no one anything. It keeps its plans '
        'within a tiny circle.  "Some think she knows every secret, even though she was cut '
        'off for years."  She is being questioned in Beirut, the official said.  "Her '
        'capture is a success," General Haddad said.  "It shows what cooperation can do."  '
        "But local media reported on Tuesday that gunmen had attacked an army patrol."
    )
    analysis = Assistant(model="offline").analyze(text)
    assert analysis.usage.dropped_quotes == 0
    reported = [a for a in analysis.attributions if a.cue.quote == "reported"]
    assert [a.content.quote for a in reported if a.content] == [
        "gunmen had attacked an army patrol."
    ]


def test_a_time_phrase_after_the_speaker_is_no_part_of_it() -> None:
    """ "Posts ... in the days after the fire claimed": the posts speak, not "the fire"."""
    text = (
        "Posts on a local forum in the days after the flood claimed that the council had "
        "ignored 12 warnings about the dam."
    )
    [said] = attributions(text)
    assert said.speaker == "Posts on a local forum"
    assert classify(said.speaker).kind == "media_report"
