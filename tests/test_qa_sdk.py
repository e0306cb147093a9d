"""QA: the SDK as a developer uses it: what ``analyze`` accepts and how it refuses the rest."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant, Document
from assistant.errors import ConfigurationError, InputError
from tests.conftest import SEED

SHORT = "The mayor resigned on Monday, the city council said in a statement."


@pytest.fixture
def offline() -> Assistant:
    return Assistant(model="offline")


def test_a_path_is_read_as_the_file(offline: Assistant, seed_text: str) -> None:
    from_path = offline.analyze(SEED)
    from_text = offline.analyze(seed_text)
    assert [d.id for d in from_path.documents] == [d.id for d in from_text.documents]
    assert from_path.documents[0].title == SEED.name
    assert [c.text for c in from_path.claims] == [c.text for c in from_text.claims]


def test_a_missing_path_is_an_input_error(offline: Assistant, tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        offline.analyze(tmp_path / "missing.txt")
    assert error.value.path == str(tmp_path / "missing.txt")


def test_str_document_and_path_mix_in_one_list(offline: Assistant) -> None:
    analysis = offline.analyze([SHORT, Document.from_text("The port was sold."), SEED])
    assert len(analysis.documents) == 3


def test_a_tuple_of_texts_is_accepted(offline: Assistant) -> None:
    assert len(offline.analyze((SHORT, "The port was sold.")).documents) == 2


@pytest.mark.parametrize("bad", [None, 42, b"bytes", [SHORT, None]])
def test_other_types_get_a_clear_type_error(offline: Assistant, bad: Any) -> None:
    with pytest.raises(TypeError, match="str, Document or Path"):
        offline.analyze(bad)


def test_empty_text_in_a_list_names_its_position(offline: Assistant) -> None:
    with pytest.raises(InputError, match="document 2"):
        offline.analyze([SHORT, "   "])


def test_empty_inputs_are_input_errors(offline: Assistant) -> None:
    for empty in ("", [], ()):
        with pytest.raises(InputError):
            offline.analyze(empty)


def test_check_takes_a_path_too(offline: Assistant, seed_text: str) -> None:
    claim = "China is pressuring Islamabad to allow Chinese security personnel in Pakistan"
    from_path, from_text = offline.check(claim, SEED), offline.check(claim, seed_text)
    assert from_path.status == from_text.status == "denied"


def test_aanalyze_runs_concurrently_with_the_same_results(offline: Assistant) -> None:
    async def both() -> list[Any]:
        return list(await asyncio.gather(*(offline.aanalyze(SEED) for _ in range(3))))

    analyses = asyncio.run(both())
    assert len({a.model_dump_json(exclude={"usage"}) for a in analyses}) == 1


def test_openai_without_key_or_url_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY") as error:
        Assistant(model="openai:x")
    assert error.value.setting == "OPENAI_API_KEY"


def test_check_refuses_an_analysis_of_other_documents(offline: Assistant, seed_text: str) -> None:
    other = offline.analyze(SHORT)
    with pytest.raises(InputError, match="other documents"):
        offline.check("The mayor resigned", seed_text, analysis=other)
    with pytest.raises(InputError, match="other documents"):
        asyncio.run(offline.acheck("The mayor resigned", seed_text, analysis=other))


def test_check_accepts_an_analysis_of_some_of_the_documents(offline: Assistant) -> None:
    analysis = offline.analyze(SHORT)
    verdict = offline.check("The mayor resigned", [SHORT, "The port was sold."], analysis=analysis)
    assert verdict.matching_claim_ids


@pytest.mark.parametrize("spec", [" offline ", "offline\n", "offline:rules"])
def test_model_strings_as_people_write_them(spec: str) -> None:
    assert Assistant(model=spec).engine.name == "offline"


def test_model_string_from_the_environment_is_stripped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMDESK_MODEL", "offline ")
    assert Assistant().engine.name == "offline"


def test_a_model_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="model"):
        Assistant(model=123)  # type: ignore[arg-type]


def test_a_claim_of_the_wrong_type_is_a_type_error(offline: Assistant) -> None:
    with pytest.raises(TypeError, match="claim"):
        offline.check(None, SHORT)  # type: ignore[arg-type]


def test_a_document_with_blank_text_is_an_input_error(offline: Assistant) -> None:
    with pytest.raises(InputError, match="empty"):
        offline.analyze(Document(id="doc-blank", text="  \n"))


def test_session_add_takes_a_text_or_a_path_like_analyze(offline: Assistant) -> None:
    chat = offline.session(SHORT)
    chat.add("The port authority denied it plans to sell the east terminal, its spokesman said.")
    chat.add(SEED)
    assert len(chat.documents) == 3
    assert chat.documents[2].title == SEED.name


def test_session_question_of_the_wrong_type_is_a_type_error(offline: Assistant) -> None:
    with pytest.raises(TypeError, match="question"):
        offline.session(SHORT).ask(None)  # type: ignore[arg-type]
