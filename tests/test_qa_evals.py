"""QA: malformed stance data sets give one-line InputErrors, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.evals import emergent, fnc1

BODIES = 'Body ID,articleBody\n1,"The mayor said the bridge will open in May."\n'


def fnc_folder(tmp_path: Path, stances: bytes) -> Path:
    (tmp_path / fnc1.BODIES).write_text(BODIES, encoding="utf-8")
    (tmp_path / fnc1.STANCES).write_bytes(stances)
    return tmp_path


def test_a_csv_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    folder = fnc_folder(tmp_path, b"Headline,Body ID,Stance\nLe minist\xe8re,1,agree\n")
    with pytest.raises(InputError, match="UTF-8"):
        fnc1.load(folder)


def test_a_row_with_missing_fields_names_its_line(tmp_path: Path) -> None:
    folder = fnc_folder(tmp_path, b"Headline,Body ID,Stance\nBridge opens,1,agree\nfoo,1\n")
    with pytest.raises(InputError, match=r":3: .*Stance"):
        fnc1.load(folder)


def test_an_emergent_row_with_missing_fields_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / emergent.FILE
    path.write_text("claimHeadline,articleHeadline,articleHeadlineStance\nx\n", encoding="utf-8")
    with pytest.raises(InputError, match=r":2: "):
        emergent.load(tmp_path)


def test_a_stance_file_with_no_pairs_is_an_input_error(tmp_path: Path) -> None:
    folder = fnc_folder(tmp_path, b"Headline,Body ID,Stance\n")
    with pytest.raises(InputError, match="no pairs"):
        fnc1.load(folder)


def test_compare_with_another_data_set_is_refused_before_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli import eval as eval_command
    from assistant.cli.main import main
    from tests.conftest import REPO

    gold = str(REPO / "evals" / "gold" / "gold.jsonl")
    previous = tmp_path / "gold.json"
    assert (
        main(["eval", "gold", "-q", "--data", gold, "--limit", "1", "--json", str(previous)]) == 0
    )

    def must_not_run(*args: object) -> None:
        raise AssertionError("the eval ran although its --compare report cannot be used")

    monkeypatch.setattr(eval_command, "evaluate", must_not_run)
    folder = fnc_folder(tmp_path, b"Headline,Body ID,Stance\nBridge opens,1,agree\n")
    capsys.readouterr()
    code = main(["eval", "fnc1", "-q", "--data", str(folder), "--compare", str(previous)])
    assert code == 2
    assert "cannot compare a fnc1 run with a gold report" in capsys.readouterr().err


def test_a_cache_dir_that_is_a_file_is_a_configuration_error(tmp_path: Path) -> None:
    from assistant.errors import ConfigurationError
    from assistant.evals.cache import CachedModel
    from assistant.models.function import FunctionModel

    a_file = tmp_path / "cache"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="CLAIMDESK_CACHE_DIR") as error:
        CachedModel(FunctionModel(lambda request: {}), a_file / "model-answers")
    assert error.value.setting == "CLAIMDESK_CACHE_DIR"


def test_an_answer_that_cannot_be_cached_is_still_returned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    from assistant.evals.cache import CachedModel
    from assistant.models.base import Message, ModelRequest, ModelResponse
    from assistant.models.function import FunctionModel
    from assistant.outputs import VerdictOutput

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", disk_full)
    answer = '{"status": "confirmed", "reason": "r", "sources": []}'
    model = CachedModel(FunctionModel(lambda r: ModelResponse(answer)), tmp_path / "cache")
    request = ModelRequest("check", (Message("user", "x"),), VerdictOutput, {"claim": "x"})
    assert model.complete(request).content == answer


def test_a_polnear_file_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    from assistant.evals import polnear

    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions" / "a_0f3c.ann").write_text("T1\tSource 0 3\tThe\n", "utf-8")
    (tmp_path / "text" / "a.txt").write_bytes(b"The minist\xe8re said so.")
    with pytest.raises(InputError, match="UTF-8"):
        polnear.load(tmp_path)


def test_eval_refuses_two_outputs_to_one_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli.main import main
    from tests.conftest import REPO

    gold = str(REPO / "evals" / "gold" / "gold.jsonl")
    out = str(tmp_path / "run.out")
    code = main(["eval", "gold", "-q", "--data", gold, "--json", out, "--junit", out])
    assert code == 2
    assert "--json and --junit" in capsys.readouterr().err
