"""The SDK as developers expect it: a file name given as text is refused with a pointer to
Path(...), every error is a ClaimdeskError, "the documents don't say" is not marked verified."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, ClaimdeskError
from assistant.errors import ArgumentTypeError, InvalidArgumentError, NotFoundError
from assistant.models.function import StreamingFunctionModel
from tests.conftest import SEED


@pytest.fixture(scope="module")
def desk() -> Assistant:
    return Assistant("offline")


def test_a_str_naming_a_file_is_refused_with_path_suggested(
    desk: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SEED.parent)
    with pytest.raises(InvalidArgumentError) as raised:
        desk.analyze(SEED.name)
    message = str(raised.value)
    assert f"Path('{SEED.name}')" in message and "is the name of a file" in message
    assert desk.analyze(Path(SEED.name)).claims  # the suggested call works


def test_a_missing_file_name_is_not_analysed_as_text(desk: Assistant) -> None:
    with pytest.raises(InvalidArgumentError, match="looks like a file name"):
        desk.analyze("article.txt")
    with pytest.raises(InvalidArgumentError):
        desk.check("China pressures Pakistan", ["notes.md"])


def test_text_is_still_text(desk: Assistant, seed_text: str) -> None:
    assert desk.analyze(seed_text).claims
    assert desk.analyze("The minister said the port will open in May.").documents


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda d: d.analyze(Path(SEED)).filter("false"), InvalidArgumentError),
        (lambda d: Assistant(42), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda d: d.analyze(42), ArgumentTypeError),
        (lambda d: d.check(3, "text"), ArgumentTypeError),
        (lambda d: d.session("The port opened.").ask(7), ArgumentTypeError),
        (lambda d: Assistant("gpt-4o"), ClaimdeskError),
        (lambda d: d.analyze(Path(SEED)).document("doc-000000000000"), NotFoundError),
        (lambda d: StreamingFunctionModel(lambda r: {}, chunk_size=0), InvalidArgumentError),
    ],
)
def test_every_sdk_error_is_a_claimdesk_error(desk: Assistant, call, kind) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(kind) as raised:
        call(desk)
    assert isinstance(raised.value, ClaimdeskError)
    assert "--" not in str(raised.value)  # SDK terms, not command-line flags


def test_filter_error_is_still_a_value_error(desk: Assistant) -> None:
    with pytest.raises(ValueError, match="unknown status 'false': use one of"):
        desk.analyze(Path(SEED)).filter("false")  # type: ignore[arg-type]


def test_a_documents_dont_say_answer_is_not_verified(desk: Assistant) -> None:
    session = desk.session(Path(SEED))
    answer = session.ask("What is the capital of France?")
    assert answer.says_not_covered and not answer.citations
    assert answer.verified is False
    covered = session.ask("What did the Foreign Office deny?")
    assert covered.citations and covered.verified


def test_a_missing_document_is_also_a_key_error(desk: Assistant) -> None:
    with pytest.raises(KeyError) as raised:
        desk.analyze(Path(SEED)).document("doc-000000000000")
    assert str(raised.value).startswith("no document 'doc-000000000000' in this analysis")
