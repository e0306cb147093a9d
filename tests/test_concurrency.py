"""Parts of a document, several documents and check batches go to the model at once, bounded."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from assistant import Assistant
from assistant.errors import ConfigurationError
from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.function import FunctionModel


class Gauge:
    """Counts how many requests are being answered at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def __enter__(self) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def __exit__(self, *exc: object) -> None:
        with self.lock:
            self.now -= 1


def answer(request: ModelRequest) -> dict[str, Any]:
    if request.task == "check":
        return {"status": "not_addressed", "reason": "no", "sources": []}
    return {"claims": []}


class SlowModel(FunctionModel):
    def __init__(self, gauge: Gauge, **options: Any) -> None:
        super().__init__(answer, **options)
        self.gauge = gauge

    def complete(self, request: ModelRequest) -> ModelResponse:
        with self.gauge:
            time.sleep(0.05)
            return super().complete(request)

    async def acomplete(self, request: ModelRequest) -> ModelResponse:
        with self.gauge:
            await asyncio.sleep(0.05)
            return super().complete(request)


TEXTS = [f"Article {n}. The mayor said the bridge will cost {n} million." for n in range(6)]


@pytest.mark.parametrize("bound", [1, 3, 8])
def test_analyze_sends_documents_together_up_to_the_bound(bound: int) -> None:
    gauge = Gauge()
    analysis = Assistant(SlowModel(gauge), concurrency=bound).analyze(TEXTS)
    assert gauge.most == min(bound, len(TEXTS))
    assert analysis.usage.model_calls == len(TEXTS)


def test_aanalyze_respects_the_bound() -> None:
    gauge = Gauge()
    analysis = asyncio.run(Assistant(SlowModel(gauge), concurrency=2).aanalyze(TEXTS))
    assert gauge.most == 2
    assert analysis.usage.model_calls == len(TEXTS)


def test_parts_of_one_long_document_go_together() -> None:
    gauge = Gauge()
    text = "\n\n".join(
        f"Paragraph {n}: the council said costs rose by {n} per cent." for n in range(12)
    )
    model = SlowModel(gauge, context_chars=120)
    analysis = Assistant(model, concurrency=4).analyze(text)
    assert analysis.usage.model_calls > 4
    assert gauge.most == 4


def test_check_batches_go_together() -> None:
    gauge = Gauge()
    model = SlowModel(gauge, context_chars=80)
    verdict = Assistant(model, concurrency=8).check("The bridge cost millions", TEXTS)
    assert verdict.status == "not_addressed"
    # the check reads the documents as analyze does (their parts at once), then, with no
    # analysed claim to decide, sends every batch of the reader at once: half the calls each
    assert verdict.usage.model_calls > 2
    assert gauge.most == verdict.usage.model_calls // 2


def test_bad_concurrency_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMDESK_CONCURRENCY", "lots")
    assistant = Assistant("offline")  # one request at a time needs no bound
    assistant.analyze(TEXTS[0])
    with pytest.raises(ConfigurationError) as caught:
        assistant.analyze(TEXTS)
    assert caught.value.setting == "CLAIMDESK_CONCURRENCY"
    with pytest.raises(ConfigurationError):
        Assistant("offline", concurrency=0)
