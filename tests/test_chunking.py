from assistant.chunking import chunk, paragraphs


def test_paragraph_spans_trim_whitespace() -> None:
    text = "  First para.  \n\nSecond para.\n"
    spans = paragraphs(text)
    assert [text[s.start : s.end] for s in spans] == ["First para.", "Second para."]


def test_chunks_respect_budget_and_paragraph_boundaries() -> None:
    paras = [f"Paragraph {i} says something about the budget." for i in range(20)]
    text = "\n".join(paras)
    parts = chunk(text, 200)
    assert len(parts) > 1
    for part in parts:
        assert part.end - part.start <= 200
        for span in part.paragraphs:
            assert text[span.start : span.end] in paras
    assert sum(len(p.paragraphs) for p in parts) == 20


def test_overlong_paragraph_is_split_at_sentence_ends() -> None:
    text = "One sentence here. " * 30
    parts = chunk(text.strip(), 100)
    pieces = [text[s.start : s.end] for p in parts for s in p.paragraphs]
    assert all(len(p) <= 100 for p in pieces)
    assert all(p.endswith(".") for p in pieces)
