"""The answer cache as a Model wrapper, and per-item metering under concurrency."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from assistant.evals.cache import CachedModel, cache_dir, request_key
from assistant.evals.metering import Meter, MeteredModel, current_meter
from assistant.evals.runner import Job, run_jobs
from assistant.models.base import Message, ModelRequest, ModelResponse
from assistant.models.function import FunctionModel
from assistant.offline.engine import OfflineModel
from assistant.outputs import VerdictOutput

ANSWER = '{"status": "confirmed", "reason": "r", "sources": []}'


def _request(text: str = "a claim") -> ModelRequest:
    return ModelRequest("check", (Message("user", text),), VerdictOutput, {"claim": text})


def _answer(request: ModelRequest) -> ModelResponse:
    return ModelResponse(ANSWER, prompt_tokens=10, completion_tokens=3)


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMDESK_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path / "model-answers"


def test_second_call_is_served_from_disk(tmp_path: Path) -> None:
    fake = FunctionModel(_answer)
    cached = CachedModel(fake, tmp_path)
    first = cached.complete(_request())
    second = cached.complete(_request())
    third = asyncio.run(cached.acomplete(_request()))
    assert len(fake.requests) == 1
    assert first.content == second.content == third.content == ANSWER
    assert second.prompt_tokens == 10
    cached.complete(_request("another claim"))
    assert len(fake.requests) == 2


def test_key_covers_model_prompt_version_and_inputs() -> None:
    request = _request()
    key = request_key("openai", "gpt-4o-mini", "v1", request)
    assert key != request_key("openai", "gpt-4o", "v1", request)
    assert key != request_key("openai", "gpt-4o-mini", "v2", request)
    other_inputs = ModelRequest("check", request.messages, VerdictOutput, {"claim": "b"})
    assert key != request_key("openai", "gpt-4o-mini", "v1", other_inputs)
    assert len(key) == 64


def test_bad_answers_are_not_cached(tmp_path: Path) -> None:
    fake = FunctionModel(lambda request: ModelResponse("{", finish_reason="length"))
    cached = CachedModel(fake, tmp_path)
    cached.complete(_request())
    cached.complete(_request())
    assert len(fake.requests) == 2


def test_offline_engine_runs_through_the_wrapper_but_is_not_stored(tmp_path: Path) -> None:
    cached = CachedModel(OfflineModel(), tmp_path)
    assert not cached.enabled
    assert cached.engine_name == "offline"
    assert not any(tmp_path.iterdir())


def test_meters_charge_each_concurrent_item(tmp_path: Path) -> None:
    fake = FunctionModel(_answer)
    model = CachedModel(MeteredModel(fake), tmp_path)

    async def item(texts: list[str]) -> Meter:
        for text in texts:
            await model.acomplete(_request(text))
            await asyncio.sleep(0)
        meter = current_meter.get()
        assert meter is not None
        return meter

    jobs = [Job("a", lambda: item(["x", "y"])), Job("b", lambda: item(["x", "x", "z"]))]
    outcomes = asyncio.run(run_jobs(jobs, concurrency=2))
    meters = {o.id: o.meter for o in outcomes}
    assert len(fake.requests) == 3  # x, y, z once each
    assert meters["a"].model_calls + meters["b"].model_calls == 3
    assert meters["a"].cache_hits + meters["b"].cache_hits == 2
    assert meters["b"].prompt_tokens == 30  # cached answers keep their token counts


def test_progress_bar_is_silent_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.evals.progress import ProgressBar
    from assistant.evals.runner import Outcome

    with ProgressBar("eval") as bar:
        bar.start(2)
        bar.done(Outcome("a", None, None, 0.1))
    assert not bar.enabled
    assert capsys.readouterr().err == ""
