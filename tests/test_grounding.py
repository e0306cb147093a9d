from assistant.claims import Document
from assistant.grounding import Locator, find_span, locate, normalise

TEXT = "He said: \u201cWe will  not\nrespond\u201d \u2014 and left. Baloch\u2019s office agreed."


def doc() -> Document:
    return Document.from_text(TEXT)


def test_offsets_index_the_original_text() -> None:
    evidence = locate(doc(), "We will not respond")
    assert evidence is not None
    assert TEXT[evidence.start : evidence.end] == evidence.quote == "We will  not\nrespond"


def test_straight_quotes_dashes_and_apostrophes_match_curly_ones() -> None:
    evidence = locate(doc(), '"We will not respond" - and left. Baloch\'s office')
    assert evidence is not None
    assert evidence.quote.startswith("\u201cWe will")  # the quotation mark given is in the text
    assert evidence.quote.endswith("Baloch\u2019s office")
    assert TEXT[evidence.start : evidence.end] == evidence.quote


def test_invented_quote_is_rejected() -> None:
    assert locate(doc(), "We will respond firmly") is None
    assert locate(doc(), "   ") is None


def test_ellipsis_keeps_longest_locatable_part() -> None:
    evidence = locate(doc(), "We will not respond ... nothing like this appears")
    assert evidence is not None and evidence.quote == "We will  not\nrespond"


def test_search_can_start_later_in_the_text() -> None:
    text = "alpha beta. alpha beta."
    assert find_span(text, "alpha beta") == (0, 10)
    assert find_span(text, "alpha beta", start_at=5) == (12, 22)


def test_normalise_maps_every_character_to_an_original_offset() -> None:
    norm = normalise(TEXT)
    assert len(norm.text) == len(norm.offsets)
    assert all(TEXT[o].isspace() for c, o in zip(norm.text, norm.offsets, strict=True) if c == " ")


def test_quotation_marks_are_kept_when_the_text_has_them_and_dropped_when_not() -> None:
    text = "She called them \u201cspeculations,\u201d and said \u201cthe talks are over.\u201d"
    document = Document.from_text(text)
    kept = locate(document, "said \u201cthe talks are over.\u201d")
    assert kept is not None and kept.quote.endswith("over.\u201d")
    dropped = locate(document, '"speculations"')
    assert dropped is not None and dropped.quote == "speculations"


def test_locator_prefers_the_occurrence_near_the_last_find_and_falls_back_to_the_whole_text() -> (
    None
):
    filler = "Filler sentence about nothing in particular. " * 3000
    text = f"The mayor resigned. {filler}Officials met. The mayor resigned. {filler}Tail."
    document = Document.from_text(text)
    second = text.index("Officials met.")
    locator = Locator(document, start=second)
    near = locator.locate("The mayor resigned.")
    assert near is not None and near.start > second  # the repeat near the cursor, not the first
    assert text[near.start : near.end] == near.quote
    far = locator.locate("Tail.")
    assert far is not None and far.start == text.index("Tail.")  # beyond the window: whole text
    assert locator.locate("not in the text at all") is None
