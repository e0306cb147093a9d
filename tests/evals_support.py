"""Fakes for the eval harness tests: an oracle model answering from gold, a fake checker."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.claims import Document, Source
from assistant.evals import fnc1
from assistant.evals.gold import GoldArticle, load_gold
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "evals"
GOLD_FILE = FIXTURES / "gold" / "gold.jsonl"


FNC1_FIXTURES = {"train": FIXTURES / "fnc1", "test": FIXTURES / "fnc1-test"}


def fnc1_folder(scratch: Path, splits: tuple[str, ...] = ("train",)) -> Path:
    """The FNC-1 fixtures (written for these tests, stored as bodies.csv / stances.csv so that no
    file in the repository carries the real data set's file names) laid out in ``scratch``
    under the published names of each split: train_* and competition_test_*."""
    folder = scratch / "fnc1"
    folder.mkdir(parents=True, exist_ok=True)
    for split in splits:
        bodies, stances = fnc1.split_files(folder, split)
        shutil.copyfile(FNC1_FIXTURES[split] / "bodies.csv", bodies)
        shutil.copyfile(FNC1_FIXTURES[split] / "stances.csv", stances)
    return folder


def data_folder(dataset: str, scratch: Path) -> Path:
    """The fixture folder for ``dataset`` in its published layout."""
    return fnc1_folder(scratch) if dataset == "fnc1" else FIXTURES / dataset


def gold_articles() -> dict[str, GoldArticle]:
    return {a.id: a for a in load_gold(GOLD_FILE)}


def _claim_output(claim: Any, status: str) -> dict[str, Any]:
    return {
        "text": claim.text,
        "status": status,
        "status_reason": claim.status_reason,
        "sources": [s.model_dump() for s in claim.sources],
    }


def oracle_model(
    statuses: Mapping[str, str] | None = None, drop: frozenset[str] = frozenset()
) -> FunctionModel:
    """Answers extract requests with the gold claims of the article (by document id).

    ``statuses`` overrides the status of claims named "article/claim"; ``drop`` leaves claims out.
    """
    articles, overrides = gold_articles(), dict(statuses or {})

    def answer(request: ModelRequest) -> dict[str, Any]:
        article = articles[request.inputs["document_id"]]
        claims = [
            _claim_output(c, overrides.get(f"{article.id}/{c.id}", c.status))
            for c in article.record.claims
            if f"{article.id}/{c.id}" not in drop
        ]
        return {"claims": claims}

    return FunctionModel(answer, name="oracle")


@dataclass
class FakeVerdict:
    status: str
    reason: str
    sources: list[Source] = field(default_factory=list)


Rule = Callable[[str, Document], str]


def fake_checker(rule: Rule) -> Callable[[str, Document], Any]:
    async def check(claim: str, document: Document) -> FakeVerdict:
        return FakeVerdict(rule(claim, document), "fake")

    return check


def as_json(data: Any) -> str:
    return json.dumps(data)


def run_cli(monkeypatch: Any, model: Any, argv: list[str], cache_dir: Path | None = None) -> int:
    """Run ``claimdesk eval`` in-process with ``model`` as whatever --model names."""
    from assistant import config
    from assistant.cli.main import main

    monkeypatch.setattr(config, "build", lambda spec, base_url=None: model)
    if cache_dir is not None:
        monkeypatch.setenv("CLAIMDESK_CACHE_DIR", str(cache_dir))
    return main(["eval", *argv])
