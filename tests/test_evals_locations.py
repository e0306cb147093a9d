"""Where eval data is read from: the gold set shipped in the package, --data as a folder or a
file for every set, and the FNC-1 train and competition-test splits as published."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.evals import fnc1, locations, polnear
from tests.evals_support import FIXTURES, GOLD_FILE, fnc1_folder, oracle_model, run_cli

TEST_SPLIT = ["confirmed", "denied", "unverified", "not_addressed", "not_addressed"]


def test_gold_defaults_to_the_copy_inside_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(locations, "_REPO_GOLD", tmp_path / "no-checkout")
    path = locations.data_path("gold", None)
    assert path.name == "gold.jsonl" and path.is_file()
    assert (path.parent / "articles").is_dir()


def test_gold_data_may_be_a_folder_or_the_jsonl_file() -> None:
    assert locations.data_path("gold", str(GOLD_FILE.parent)) == GOLD_FILE
    assert locations.data_path("gold", str(GOLD_FILE)) == GOLD_FILE


def test_a_gold_folder_without_the_jsonl_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no gold\.jsonl in this folder"):
        locations.data_path("gold", str(tmp_path))


def test_fnc1_reads_the_competition_test_split_as_published(tmp_path: Path) -> None:
    folder = fnc1_folder(tmp_path, ("test",))
    assert (folder / "competition_test_stances.csv").is_file()
    stances = locations.data_path("fnc1", str(folder))  # only test is there: picked by default
    assert stances.name == "competition_test_stances.csv"
    pairs = fnc1.load(stances)
    assert [p.expected for p in pairs] == TEST_SPLIT
    assert pairs[3].claim == "Explosion at the old mill"
    assert pairs[3].document.startswith("The harbour authority")
    assert [p.group for p in pairs] == ["body-12", "body-12", "body-40", "body-12", "body-40"]


def test_fnc1_split_picks_between_train_and_test(tmp_path: Path) -> None:
    folder = fnc1_folder(tmp_path, ("train", "test"))
    assert locations.data_path("fnc1", str(folder)).name == "train_stances.csv"
    assert locations.data_path("fnc1", str(folder), "test").name == "competition_test_stances.csv"
    assert len(fnc1.load(folder, "test")) == 5 and len(fnc1.load(folder, "train")) == 4


def test_fnc1_split_that_is_missing_names_its_files(tmp_path: Path) -> None:
    folder = fnc1_folder(tmp_path, ("train",))
    with pytest.raises(InputError, match=r"no FNC-1 test split here .*competition_test_bodies"):
        locations.data_path("fnc1", str(folder), "test")


def test_fnc1_data_may_be_a_stances_file(tmp_path: Path) -> None:
    stances = fnc1_folder(tmp_path, ("test",)) / "competition_test_stances.csv"
    assert [p.expected for p in fnc1.load(locations.data_path("fnc1", str(stances)))] == TEST_SPLIT
    with pytest.raises(InputError, match="--split picks the files in a folder"):
        locations.data_path("fnc1", str(stances), "train")
    with pytest.raises(InputError, match=r"expected an FNC-1 stances file \(\*_stances.csv\)"):
        fnc1.load(stances.with_name("competition_test_bodies.csv"))


def test_split_applies_to_fnc1_only() -> None:
    with pytest.raises(InputError, match="--split applies to fnc1 only"):
        locations.data_path("gold", None, "test")


def test_emergent_and_polnear_take_a_file(tmp_path: Path) -> None:
    emergent_file = FIXTURES / "emergent" / "emergent_dev.csv"
    assert locations.data_path("emergent", str(emergent_file)) == emergent_file
    ann = sorted((FIXTURES / "polnear" / "dev" / "attributions").glob("*.ann"))[0]
    articles = polnear.load(ann)
    assert len(articles) == 1 and articles[0].sources
    copy = tmp_path / "notes.txt"
    shutil.copyfile(ann, copy)
    with pytest.raises(InputError, match=r"expected a PolNeAR \.ann file"):
        polnear.load(copy)


def test_cli_runs_the_fnc1_test_split(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fnc1_folder(tmp_path, ("train", "test"))
    argv = ["fnc1", "--data", str(folder), "--split", "test", "--model", "fake", "--no-log"]
    assert run_cli(monkeypatch, oracle_model(), argv, tmp_path / "cache") == 0
    out = capsys.readouterr().out
    assert "5 of 5 items from " in out and "competition_test_stances.csv" in out
    gold_folder = ["gold", "--data", str(GOLD_FILE.parent), "--model", "fake", "--no-log"]
    assert run_cli(monkeypatch, oracle_model(), gold_folder, tmp_path / "cache") == 0
