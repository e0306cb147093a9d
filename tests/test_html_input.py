"""HTML pages are reduced to the article's text (issue 10 case 8: markup inside claim text and a
lost paragraph). The test page has a site's navigation, a ticker, share buttons, an inline
"Also Read" link, related stories, comments and a footer around the seed article."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.cli.main import main
from assistant.documents import read_titled_document
from assistant.errors import InputError
from assistant.webpages import looks_like_html
from tests.conftest import SEED

PAGE = Path(__file__).resolve().parent / "fixtures" / "html" / "day-news-fo-china.html"
BOILERPLATE = [
    "Related Stories",
    "This is all propaganda",
    "Privacy Policy",
    "BREAKING",
    "Copy link",
    "Trump and Biden Meet",
    "window.dataLayer",
]


def _article_paragraphs() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").strip().splitlines()
    return [line for line in lines if line.endswith((".", "”", "assured."))]


def test_the_page_is_reduced_to_every_paragraph_of_the_article_and_nothing_else() -> None:
    document = read_titled_document(PAGE)
    assert document.extracted_from == "html"
    paragraphs = _article_paragraphs()
    assert len(paragraphs) >= 10
    for paragraph in paragraphs:
        assert paragraph in document.text
    assert "<" not in document.text and "&amp;" not in document.text
    assert not [b for b in BOILERPLATE if b in document.text]


def test_the_page_metadata_gives_title_date_and_outlet() -> None:
    document = read_titled_document(PAGE)
    assert document.title == "FO Denies China Pressuring Pakistan Over Security Personnel"
    assert str(document.date) == "2024-11-14"
    assert document.outlet == "Day News"


def test_analysis_of_the_page_finds_the_claims_of_the_text_with_offsets_into_the_extract(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["analyze", str(PAGE), "-f", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    text = data["documents"][0]["text"]
    evidence = [e for c in data["claims"] for s in c["sources"] for e in s["evidence"]]
    assert evidence and all(text[e["start"] : e["end"]] == e["quote"] for e in evidence)
    assert all("<" not in c["text"] for c in data["claims"])
    from_text = [c.text for c in Assistant("offline").analyze(SEED).claims]
    assert [c["text"] for c in data["claims"]] == from_text
    assert "HTML page reduced to its article text" in captured.err
    assert "offsets refer to that text" in captured.err


def test_a_page_on_standard_input_is_detected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.read_bytes())))
    assert main(["analyze", "-", "-f", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["documents"][0]["extracted_from"] == "html"
    assert "<stdin>: HTML page reduced" in captured.err


def test_the_sdk_reduces_pages_given_as_text_or_path() -> None:
    from_text = Assistant("offline").analyze(PAGE.read_text(encoding="utf-8"))
    from_path = Assistant("offline").analyze(PAGE)
    assert from_text.documents[0].text == from_path.documents[0].text
    assert from_text.documents[0].extracted_from == "html"
    assert len(from_text.claims) >= 10


def test_a_page_without_an_article_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_titled_document(empty)
    assert main(["analyze", "-q", str(empty)]) == 2
    assert "no article text found" in capsys.readouterr().err


def test_text_that_mentions_tags_is_not_a_page() -> None:
    assert looks_like_html("<!DOCTYPE html>\n<html><body><p>x</p></body></html>")
    assert looks_like_html("  <html lang='en'><p>x</p></html>")
    assert not looks_like_html("The council said <html> tags were banned from its site.")
    assert Assistant("offline").analyze(SEED).documents[0].extracted_from is None


def test_an_old_table_layout_page_keeps_every_paragraph_on_its_own_line() -> None:
    page = PAGE.parent / "harbour-ledger-table-layout.html"
    document = read_titled_document(page)
    lines = document.text.splitlines()
    for paragraph in [
        "Dock workers at the city port returned to work on Friday after a three-day strike, "
        "the port authority said.",
        "The union said its members had accepted a 6% pay rise, but the port authority denied "
        'that any pay offer had been made, calling the union\'s statement "simply untrue".',
        "Shipping companies reported delays of up to two days for container traffic during "
        "the strike.",
    ]:
        assert paragraph in lines
    assert "<" not in document.text
    assert document.date is None  # no date invented from the copyright line
    assert document.outlet == "The Harbour Ledger"
    claims = Assistant("offline").analyze(page).claims
    assert any("6% pay rise" in c.text for c in claims)
    assert all(c.evidence and "|" not in c.text for c in claims)
