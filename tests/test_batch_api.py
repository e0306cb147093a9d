"""Batch API: exported lines are valid request lines; collected results go through the pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import pytest
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming
from pydantic import TypeAdapter

from assistant import Assistant
from assistant.batch import read_corpus, read_records, results
from assistant.batch.requests import body_key, export, request_lines
from assistant.batch.running import run_local
from assistant.cli.main import main
from assistant.errors import InputError
from assistant.models.openai import OpenAIModel
from tests.scripted_server import BASE_URL, completion

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
CORPUS = FIXTURES / "corpus.jsonl"
BODY = TypeAdapter(CompletionCreateParamsNonStreaming)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_batch_request_line(line: dict[str, Any]) -> None:
    """OpenAI's Batch API input format (vLLM's run-batch reads the same)."""
    assert set(line) == {"custom_id", "method", "url", "body"}
    assert isinstance(line["custom_id"], str) and line["custom_id"]
    assert line["method"] == "POST"
    assert line["url"] == "/v1/chat/completions"
    BODY.validate_python(line["body"], strict=True)
    assert line["body"]["messages"][0]["role"] == "system"


@pytest.mark.parametrize("mode", ["json_schema", "json_object"])
def test_exported_lines_are_batch_api_requests(tmp_path: Path, mode: str) -> None:
    model = OpenAIModel("gpt-4o-mini", api_key="unused", mode=mode, env={}, context_chars=120)
    out = tmp_path / "requests.jsonl"
    count = export(model, read_corpus(CORPUS), out)
    requests = lines(out)
    assert count == len(requests) > 2  # a short context: every article in several parts
    for line in requests:
        assert_batch_request_line(line)
        assert line["body"]["response_format"]["type"] == mode
    assert len({r["custom_id"] for r in requests}) == len(requests)


def test_export_needs_an_llm_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "requests.jsonl"
    assert main(["batch", "export", str(CORPUS), "-o", str(out), "-m", "offline", "-q"]) == 2
    assert "--model openai:NAME" in capsys.readouterr().err


def test_the_recorded_request_file_is_what_export_writes_today(tmp_path: Path) -> None:
    """The recorded results answer these requests: if the export changes, re-record them."""
    model = OpenAIModel(
        "smollm2-135m", api_key="unused", mode="json_object", max_tokens=256, env={}
    )
    out = tmp_path / "requests.jsonl"
    export(model, read_corpus(CORPUS), out)
    assert lines(out) == lines(FIXTURES / "requests.jsonl")
    for line in lines(out):
        assert_batch_request_line(line)


class RepeatingServer:
    """A live server for re-asks: it answers a follow-up with the model's previous answer."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        previous = [m["content"] for m in body["messages"] if m["role"] == "assistant"]
        return completion(previous[-1] if previous else '{"claims": []}')


def recorded_model(server: RepeatingServer) -> OpenAIModel:
    transport = httpx2.MockTransport(server)
    return OpenAIModel(
        "smollm2-135m",
        base_url=BASE_URL,
        api_key="unused",
        mode="json_object",
        max_tokens=256,
        env={},
        http_client=httpx2.Client(transport=transport),
        async_http_client=httpx2.AsyncClient(transport=transport),
    )


def test_collect_uses_the_recorded_batch_and_asks_live_only_for_re_asks(tmp_path: Path) -> None:
    """results.jsonl is the llama-cpp server's real answers (scripts/record-batch-results.sh)."""
    server = RepeatingServer()
    documents = read_corpus(CORPUS)
    bodies = results.load_results(FIXTURES / "results.jsonl")
    model = results.BatchAnswers(recorded_model(server), documents, bodies)
    out = tmp_path / "out.jsonl"
    run_local(Assistant(model), documents, out, concurrency=2)
    assert model.from_batch == len(documents)  # every first request answered from the batch
    assert model.asked_live == len(server.bodies) > 0
    # live: re-asks (a follow-up after the model's answer) and the halves of a part whose batch
    # answer was cut off at the token limit, never a request the batch answered
    batched = {body_key(line["body"]) for line in request_lines(model.live, documents)}
    assert not batched & {body_key(body) for body in server.bodies}
    texts = {d.id: d.text for d in documents}
    written = list(read_records(out))
    assert sorted(r["id"] for r in written) == sorted(texts)
    kept = {r["id"]: r for r in written}
    # the 135M model's harbour answer is not valid JSON (a raw control character in a string),
    # and stays so when re-asked: the article is recorded as a per-item error, not lost
    assert not kept["harbour"]["ok"]
    assert kept["harbour"]["error"]["kind"] == "model_output"
    # it said "confirmed" quoting words that are not in the clinic article: code found no
    # quote, so the claim is flagged ungrounded and the rubric overrules it to unverified
    assert kept["clinic"]["ok"]
    clinic = kept["clinic"]["analysis"]["claims"]
    assert [(c["status"], c["ungrounded"]) for c in clinic] == [("unverified", True)]
    assert clinic[0]["overruled"]["proposed_status"] == "confirmed"
    for record in written:
        for claim in record.get("analysis", {}).get("claims", []):
            quotes = [e["quote"] for s in claim["sources"] for e in s["evidence"]]
            assert all(q in texts[record["id"]] for q in quotes)  # grounded by code
            if claim["ungrounded"]:
                assert claim["status"] == "unverified"  # the rubric, not the model, decides


def test_collect_asks_live_for_requests_whose_batch_line_failed(tmp_path: Path) -> None:
    lines_ = (FIXTURES / "results.jsonl").read_text(encoding="utf-8").splitlines()
    failed = json.loads(lines_[0])
    failed["response"]["status_code"] = 500
    results_file = tmp_path / "results.jsonl"
    results_file.write_text("\n".join([json.dumps(failed), *lines_[1:]]) + "\n", encoding="utf-8")
    server = RepeatingServer()
    documents = read_corpus(CORPUS)
    model = results.BatchAnswers(
        recorded_model(server), documents, results.load_results(results_file)
    )
    run_local(Assistant(model), documents, tmp_path / "out.jsonl", concurrency=1)
    assert model.from_batch == len(documents) - 1
    first_live = server.bodies[0]["messages"]
    assert [m["role"] for m in first_live] == ["system", "user"]  # the failed request, asked anew


def test_a_file_that_is_not_batch_output_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "results.jsonl"
    bad.write_text('{"custom_id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"results\.jsonl:1: not a Batch API output line"):
        results.load_results(bad)
