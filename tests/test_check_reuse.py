"""Checks of many claims against one document read it once: concurrent ``acheck`` calls share
one reading in flight, the combined analysis is reused while its claims are the remembered ones,
and the offline check reads the document's claims from the analysis' extraction."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.wrapper import ModelWrapper
from assistant.multidoc import combining
from assistant.offline import extraction, party_check
from assistant.offline.engine import OfflineModel

SEED = Path(__file__).resolve().parents[1] / "examples" / "pakistan-fo-china-security.txt"
CLAIMS = [  # the first two are read by the offline check's party reading (party_check.py)
    "Chinese security personnel will be deployed in Pakistan",
    "Pakistan will hold talks with China on security",
    "China is pressuring Islamabad to allow Chinese security personnel in Pakistan",
    "The moon is made of cheese",
]


class Counting(ModelWrapper):
    def __init__(self) -> None:
        super().__init__(OfflineModel())
        self.tasks: Counter[str] = Counter()

    def complete(self, request: ModelRequest) -> ModelResponse:
        self.tasks[request.task] += 1
        return self.inner.complete(request)

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        self.tasks[request.task] += 1
        await asyncio.sleep(0)  # let the other checks run meanwhile, as a server would
        return await self.inner.acomplete(request)


def one_by_one() -> list[object]:
    """The reference: each claim checked by an assistant of its own, which remembers nothing
    (no reading, combined analysis or extraction shared between the checks)."""
    text = SEED.read_text(encoding="utf-8")
    verdicts = []
    for claim in CLAIMS:
        extraction.read_paragraphs.cache_clear()
        party_check._extracted.cache_clear()
        verdicts.append(Assistant(Counting()).check(claim, text).model_dump(exclude={"usage"}))
    return verdicts


def test_concurrent_checks_read_the_document_once() -> None:
    model = Counting()
    assistant = Assistant(model, concurrency=8)
    text = SEED.read_text(encoding="utf-8")

    async def all_at_once() -> list[object]:
        verdicts = await asyncio.gather(*(assistant.acheck(c, text) for c in CLAIMS))
        return [v.model_dump(exclude={"usage"}) for v in verdicts]

    assert asyncio.run(all_at_once()) == one_by_one()
    assert model.tasks["extract"] == 1


def test_a_reading_that_fails_is_read_again_by_those_waiting() -> None:
    class FailingOnce(Counting):
        async def acomplete(self, request: ModelRequest) -> ModelResponse:
            if request.task == "extract" and not self.tasks["extract"]:
                self.tasks["extract"] += 1
                await asyncio.sleep(0)
                raise RuntimeError("the server went away")
            return await super().acomplete(request)

    model = FailingOnce()
    assistant = Assistant(model, concurrency=8)
    text = SEED.read_text(encoding="utf-8")

    async def both() -> list[object]:
        return await asyncio.gather(
            *(assistant.acheck(c, text) for c in CLAIMS[:2]), return_exceptions=True
        )

    first, second = asyncio.run(both())
    assert isinstance(first, RuntimeError)
    assert second.model_dump(exclude={"usage"}) == one_by_one()[1]  # type: ignore[union-attr]


def test_the_combined_analysis_is_reused_for_further_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real = combining.combine_documents

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("assistant._assistant.combine_documents", counting)
    assistant = Assistant("offline")
    text = SEED.read_text(encoding="utf-8")
    verdicts = [assistant.check(claim, text).model_dump(exclude={"usage"}) for claim in CLAIMS]
    assert len(calls) == 1
    assert verdicts == one_by_one()


def test_the_offline_check_reads_the_analysis_extraction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extraction.read_paragraphs.cache_clear()
    party_check._extracted.cache_clear()
    runs: list[int] = []
    real = extraction.Extractor.run

    def counting(self: extraction.Extractor, spans: object) -> object:
        runs.append(1)
        return real(self, spans)  # type: ignore[arg-type]

    expected = one_by_one()
    extraction.read_paragraphs.cache_clear()
    party_check._extracted.cache_clear()
    monkeypatch.setattr(extraction.Extractor, "run", counting)
    assistant = Assistant("offline")
    text = SEED.read_text(encoding="utf-8")
    verdicts = [assistant.check(claim, text).model_dump(exclude={"usage"}) for claim in CLAIMS]
    assert len(runs) == 1
    assert verdicts == expected
