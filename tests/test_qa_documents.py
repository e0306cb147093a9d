"""QA: awkward documents and front matter give one-line InputErrors or correct documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.documents import parse_document
from assistant.errors import InputError

BODY = "The mayor said on Monday that the bridge will open in May.\n"


def test_front_matter_with_an_impossible_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="date"):
        parse_document(f"---\ndate: 2026-13-45\n---\n{BODY}".encode(), "a.txt")


def test_front_matter_with_a_date_and_time_keeps_the_date() -> None:
    document = parse_document(f"---\ndate: 2026-03-02 10:00:00\n---\n{BODY}".encode(), "a.txt")
    assert document.date == date(2026, 3, 2)


def test_invalid_yaml_front_matter_is_reported_on_one_line() -> None:
    with pytest.raises(InputError) as error:
        parse_document(f"---\ntitle: [unclosed\n---\n{BODY}".encode(), "a.txt")
    assert "\n" not in str(error.value)
    assert "line 1" in str(error.value)


def test_crlf_front_matter_and_body_are_read() -> None:
    raw = f"---\ntitle: T\ndate: 2026-03-02\n---\n{BODY}".replace("\n", "\r\n")
    document = parse_document(raw.encode(), "a.txt")
    assert (document.title, document.date) == ("T", date(2026, 3, 2))
    assert document.text.startswith("The mayor")


def test_bad_front_matter_date_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"---\ndate: 2026-13-45\n---\n{BODY}", encoding="utf-8")
    assert main(["analyze", "-q", str(article)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("claimdesk: error:") and err.count("\n") == 1


def test_stdin_given_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "-q", "-", "-"]) == 2
    assert "standard input" in capsys.readouterr().err


def test_date_option_matches_the_file_by_another_spelling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    code = main(["analyze", "-q", "a.txt", "--date", f"./{'a.txt'}=2026-03-02", "-f", "json"])
    assert code == 0
    assert '"date": "2026-03-02"' in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read_as_text(encoding: str) -> None:
    raw = ("\ufeff" if encoding == "utf-16-be" else "") + f"---\ntitle: T\n---\n{BODY}"
    document = parse_document(raw.encode(encoding), "notepad.txt")
    assert (document.title, document.text) == ("T", BODY)


def test_the_same_text_given_twice_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "copy.txt"
    first.write_text(BODY, encoding="utf-8")
    second.write_text(BODY, encoding="utf-8")
    assert main(["analyze", "-q", str(first), str(second)]) == 2
    err = capsys.readouterr().err
    assert f"{second}: same text as {first}" in err


def test_the_sdk_refuses_the_same_text_twice() -> None:
    from assistant import Assistant

    with pytest.raises(InputError, match="document 2: same text as document 1"):
        Assistant(model="offline").analyze([BODY, BODY])
