"""A configurable size limit per document, with an error naming the setting (issue 10 case 7)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant import Assistant, Document
from assistant.cli.main import main
from assistant.documents import DEFAULT_MAX_INPUT_BYTES, max_input_bytes
from assistant.errors import ConfigurationError, InputTooLargeError
from tests.conftest import SEED


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("CLAIMDESK_MAX_INPUT_BYTES", "1000")
    return 1000


def test_the_default_is_two_megabytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMDESK_MAX_INPUT_BYTES", raising=False)
    assert max_input_bytes() == DEFAULT_MAX_INPUT_BYTES == 2_000_000
    assert SEED.stat().st_size < DEFAULT_MAX_INPUT_BYTES


def test_a_file_over_the_limit_is_refused_naming_the_setting(
    small_limit: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The minister said the bridge opened. " * 200, encoding="utf-8")
    assert main(["analyze", "-q", str(big)]) == 2
    err = capsys.readouterr().err
    assert "big.txt: 7.4 kB, over the 1.0 kB limit" in err
    assert "CLAIMDESK_MAX_INPUT_BYTES" in err and err.count("\n") == 1


def test_standard_input_over_the_limit_is_refused(
    small_limit: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = io.BytesIO(b"The minister said the bridge opened. " * 200)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stream))
    assert main(["analyze", "-q", "-"]) == 2
    assert "<stdin>: over the" in capsys.readouterr().err
    assert stream.tell() == small_limit + 1  # read no further than the limit


def test_the_sdk_refuses_texts_and_documents_over_the_limit(small_limit: int) -> None:
    text = "The minister said the bridge opened. " * 200
    with pytest.raises(InputTooLargeError) as raised:
        Assistant("offline").analyze(text)
    assert (raised.value.size, raised.value.limit) == (len(text), small_limit)
    with pytest.raises(InputTooLargeError):
        Assistant("offline").analyze(Document.from_text(text))
    with pytest.raises(InputTooLargeError):
        Assistant("offline").analyze(SEED)


def test_a_raised_limit_reads_the_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLAIMDESK_MAX_INPUT_BYTES", str(SEED.stat().st_size))
    assert main(["analyze", "-q", str(SEED), "-f", "json"]) == 0


@pytest.mark.parametrize("value", ["lots", "0", "-5"])
def test_a_bad_limit_is_a_configuration_error(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLAIMDESK_MAX_INPUT_BYTES", value)
    with pytest.raises(ConfigurationError):
        max_input_bytes()
    assert main(["analyze", "-q", str(SEED)]) == 2
    assert "CLAIMDESK_MAX_INPUT_BYTES" in capsys.readouterr().err


def test_a_sentence_without_end_is_cut_into_bounded_pieces() -> None:
    """A page with no full stops was one 'sentence' whose reading time grew with its square
    (93 kB: 100 s); sentences are now at most MAX_SENTENCE_CHARS, cut at spaces."""
    from assistant.offline.segmentation import MAX_SENTENCE_CHARS, sentences

    text = "The minister said the bridge opened on Monday, officials said " * 300
    spans = sentences(text)
    assert len(spans) > 1 and all(s.end - s.start <= MAX_SENTENCE_CHARS for s in spans)
    assert all(text[s.start : s.end] == text[s.start : s.end].strip() for s in spans)
    assert " ".join(text[s.start : s.end] for s in spans) == text.strip()
