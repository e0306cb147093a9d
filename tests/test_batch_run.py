"""``claimdesk batch run``: one line per corpus item, resumable, errors kept, safe to interrupt."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.batch import read_corpus, read_records, run_corpus
from assistant.cli.main import main
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel

ARTICLES = [
    {
        "id": f"a{n}",
        "text": f"The council said the bridge will cost {n} million dollars.",
        "outlet": "Herald",
    }
    for n in range(5)
]


def write_corpus(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def ids(path: Path) -> list[str]:
    return [r["id"] for r in read_records(path)]


def test_every_item_gets_one_line_and_a_second_run_does_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    assert main(["batch", "run", str(corpus), "-o", str(out), "-m", "offline", "-q"]) == 0
    assert sorted(ids(out)) == [a["id"] for a in ARTICLES]
    first = out.read_bytes()
    record = next(read_records(out))
    assert record["ok"] and record["analysis"]["claims"]
    assert "wall_time_s" not in record["analysis"]["usage"]
    assert run_corpus(corpus, out, Assistant("offline")) == 0
    assert out.read_bytes() == first


def test_a_folder_is_a_corpus_with_paths_as_ids(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "march").mkdir(parents=True)
    (folder / "one.txt").write_text("The mayor said taxes will rise.", encoding="utf-8")
    (folder / "march" / "two.md").write_text("The police denied the report.", encoding="utf-8")
    assert [d.id for d in read_corpus(folder)] == ["march/two.md", "one.txt"]


def failing_on_a2(request: ModelRequest) -> dict[str, Any] | str:
    if "bridge will cost 2 million" in request.inputs["text"]:
        return "this is not JSON"
    return {"claims": []}


def test_item_errors_are_recorded_and_retried_on_request(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    run_corpus(corpus, out, Assistant(FunctionModel(failing_on_a2)))
    failed = [r for r in read_records(out) if not r["ok"]]
    assert [r["id"] for r in failed] == ["a2"]
    assert failed[0]["error"]["kind"] == "model_output"
    assert run_corpus(corpus, out, Assistant("offline")) == 0
    assert run_corpus(corpus, out, Assistant("offline"), retry_errors=True) == 1
    assert sorted(ids(out)) == [a["id"] for a in ARTICLES]
    assert all(r["ok"] for r in read_records(out))


def test_a_torn_last_line_is_cut_and_its_item_run_again(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    run_corpus(corpus, out, Assistant("offline"))
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + lines[3][:40], encoding="utf-8")
    assert run_corpus(corpus, out, Assistant("offline")) == 2
    assert sorted(ids(out)) == [a["id"] for a in ARTICLES]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "corpus.jsonl:2: not a JSON object"),
        ('{"id": "x"}', "corpus.jsonl:2: the line has no text"),
        ('{"id": "a0", "text": "again"}', "the id 'a0' appears twice"),
        ('{"id": "d", "text": "t", "date": "soon"}', "corpus.jsonl:2: date"),
    ],
)
def test_a_bad_corpus_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(ARTICLES[0]) + "\n" + line + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", "run", str(corpus), "-o", str(out), "-m", "offline", "-q"]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def fnc_corpus(shared_data: Path, path: Path) -> list[str]:
    csv.field_size_limit(10_000_000)
    with (shared_data / "fnc1" / "train_bodies.csv").open(encoding="utf-8", newline="") as rows:
        bodies = [{"id": r["Body ID"], "text": r["articleBody"]} for r in csv.DictReader(rows)]
    write_corpus(path, bodies)
    return [b["id"] for b in bodies]


def lines_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def batch_command(corpus: Path, out: Path) -> list[str]:
    run = "from assistant.cli.main import entry; entry()"
    return [sys.executable, "-c", run, "batch", "run", str(corpus), "-o", str(out), "-m", "offline"]


def test_fnc1_bodies_interrupted_then_resumed_lose_and_repeat_nothing(
    shared_data: Path, tmp_path: Path
) -> None:
    corpus, out = tmp_path / "bodies.jsonl", tmp_path / "out.jsonl"
    expected = fnc_corpus(shared_data, corpus)
    env = {**os.environ, "CLAIMDESK_HOME": str(tmp_path)}
    worker = subprocess.Popen(batch_command(corpus, out), env=env, stderr=subprocess.PIPE)
    while worker.poll() is None and lines_in(out) < 300:
        time.sleep(0.05)
    worker.send_signal(signal.SIGINT)
    _, err = worker.communicate(timeout=60)
    assert worker.returncode == 130, err.decode()
    halfway = ids(out)
    assert 300 <= len(halfway) < len(expected)
    resumed = subprocess.run(batch_command(corpus, out), env=env, capture_output=True, check=True)
    assert f"{len(expected) - len(halfway)} to run" in resumed.stderr.decode()
    assert sorted(ids(out)) == sorted(expected)
    again = subprocess.run(batch_command(corpus, out), env=env, capture_output=True, check=True)
    assert f"0 to run, {len(expected)} already in" in again.stderr.decode()
