"""``batch run --ray`` and ``analyze_dataset`` on a local Ray instance: a local run's lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.batch import analyze_dataset, read_corpus, run_corpus
from assistant.cli.main import main

ray = pytest.importorskip("ray")

ARTICLES = [
    {
        "id": f"r{n}",
        "text": f"The mayor said the tunnel will cost {n} million. Police denied the report.",
        "outlet": "Herald",
        "date": f"2026-01-{n + 1:02d}",
    }
    for n in range(6)
]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_ray_run_writes_the_lines_a_local_run_writes(local_ray: None, tmp_path: Path) -> None:
    local, on_ray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_corpus(corpus(tmp_path), local, Assistant("offline"))
    arguments = ["batch", "run", str(corpus(tmp_path)), "-o", str(on_ray), "--ray", "-q"]
    assert main([*arguments, "-m", "offline"]) == 0
    assert sorted(on_ray.read_text().splitlines()) == sorted(local.read_text().splitlines())
    assert main([*arguments, "-m", "offline"]) == 0  # resumed: nothing left to do
    assert len(on_ray.read_text().splitlines()) == len(ARTICLES)


def test_analyze_dataset_maps_corpus_rows_to_output_lines(local_ray: None, tmp_path: Path) -> None:
    documents = read_corpus(corpus(tmp_path))
    dataset = ray.data.from_items([d.model_dump(mode="json") for d in documents])
    rows = sorted(analyze_dataset(dataset).take_all(), key=lambda r: r["id"])
    assert [r["id"] for r in rows] == [a["id"] for a in ARTICLES]
    first = json.loads(rows[0]["line"])
    assert first["ok"] and first["analysis"]["documents"][0]["outlet"] == "Herald"
