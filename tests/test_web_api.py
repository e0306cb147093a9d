"""The web desk's JSON API, route by route: what it returns, how it refuses, and who may ask.

Every answer is compared with what the SDK or the CLI gives for the same input, since the desk
must be a thin shell over them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from assistant import Analysis, Assistant, Document
from assistant.chat.history import History
from assistant.cli.main import main
from assistant.errors import InvalidOutputError, UnreachableError
from assistant.models.base import ModelRequest, ModelResponse
from assistant.models.function import FunctionModel, StreamingFunctionModel
from assistant.offline.engine import OfflineModel
from assistant.web import create_app
from tests.conftest import SEED

LOCAL = "http://127.0.0.1:8765"
DENIED_CLAIM = "China is pressuring Pakistan to allow Chinese security personnel"

Client = Callable[..., TestClient]


@pytest.fixture
def history_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    return tmp_path / "history.sqlite3"


@pytest.fixture
def desk(history_path: Path) -> Iterator[Client]:
    """Open a desk over an assistant (offline by default); closed after the test."""
    opened: list[TestClient] = []

    def open_desk(
        assistant: Assistant | None = None, *, base_url: str = LOCAL, **options: Any
    ) -> TestClient:
        app = create_app(
            assistant or Assistant("offline"),
            history=lambda: History(history_path),
            **options,
        )
        client = TestClient(app, base_url=base_url, raise_server_exceptions=False)
        client.__enter__()
        opened.append(client)
        return client

    yield open_desk
    for client in opened:
        client.__exit__(None, None, None)


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_body(**fields: Any) -> dict[str, Any]:
    return {"documents": [{"text": seed_text(), **fields}]}


def events(body: str) -> list[tuple[str, dict[str, Any]]]:
    """Server-sent events as (name, data) pairs."""
    found = []
    for block in body.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        found.append((lines["event"], json.loads(lines["data"])))
    return found


def problem(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status
    message: str = body["message"]
    assert message and "Traceback" not in message
    return message


def cli_json(*argv: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main([*argv, "--format", "json", "-q"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def failing(exc: Exception) -> FunctionModel:
    def fail(request: ModelRequest) -> ModelResponse:
        raise exc

    return FunctionModel(fail)


# --- health and the page ---------------------------------------------------------------------


def test_health_names_the_engine(desk: Client) -> None:
    body = desk().get("/api/health").json()
    assert body["status"] == "ok"
    assert (body["engine"], body["model"]) == ("offline", "rules")
    assert body["history"] is True


def test_no_api_key_or_server_address_reaches_the_page(desk: Client) -> None:
    secret = "sk-test-DO-NOT-LEAK-1234567890"
    assistant = Assistant("openai:gpt-4o-mini", base_url="http://10.9.8.7:1/v1", api_key=secret)
    client = desk(assistant)
    served = [client.get(path).text for path in ("/", "/api/health", "/static/desk.js")]
    assert "openai" in served[1]
    for text in served:
        assert secret not in text and "10.9.8.7" not in text


def test_the_page_and_its_files_are_served_with_a_strict_policy(desk: Client) -> None:
    client = desk()
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    for name in ("desk.js", "desk.css"):
        assert client.get(f"/static/{name}").status_code == 200
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from elsewhere


def test_unknown_routes_and_methods_answer_json(desk: Client) -> None:
    client = desk()
    assert "Not Found" in problem(client.get("/api/nothing"), 404)
    problem(client.get("/api/analyze"), 405)


# --- analyze -----------------------------------------------------------------------------------


def test_analyze_returns_the_sdks_analysis_with_the_documents_fields(desk: Client) -> None:
    response = desk().post(
        "/api/analyze", json=seed_body(title="FO denies", outlet="Day News", date="2024-10-31")
    )
    assert response.status_code == 200, response.text
    analysis = Analysis.model_validate(response.json())
    document = Document.from_text(
        seed_text(), title="FO denies", outlet="Day News", date="2024-10-31"
    )
    expected = Assistant("offline").analyze(document)
    assert analysis.documents == expected.documents
    assert analysis.claims == expected.claims
    denied = analysis.by_status("denied")[0]
    assert "Chinese security personnel" in denied.text
    deniers = {s.name for s in denied.sources if s.stance == "denies"}
    assert any("Foreign Office" in n for n in deniers) and "Mumtaz Zahra Baloch" in deniers


def test_analyze_reads_front_matter_as_the_cli_does(desk: Client) -> None:
    text = "---\ntitle: Wire copy\ndate: 2024-11-01\n---\n" + seed_text()
    analysis = desk().post("/api/analyze", json={"documents": [{"text": text}]}).json()
    assert analysis["documents"][0]["title"] == "Wire copy"
    assert analysis["documents"][0]["date"] == "2024-11-01"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "'documents' must be a non-empty list"),
        ({"documents": []}, "'documents' must be a non-empty list"),
        ({"documents": ["text"]}, "document 1: must be an object"),
        ({"documents": [{"title": "x"}]}, "document 1: 'text' is missing"),
        ({"documents": [{"text": "   \n"}]}, "document 1: the document is empty"),
        ({"documents": [{"text": "A.", "date": "31/10/2024"}]}, "is not YYYY-MM-DD"),
        ({"documents": [{"text": "A.", "author": "me"}]}, "unknown field 'author'"),
        ({"documents": [{"text": 5}]}, "'text' must be a string"),
        ({"documents": [{"text": "Same."}, {"text": "Same."}]}, "same text as document 1"),
    ],
)
def test_analyze_refuses_bad_documents_with_400(
    desk: Client, body: dict[str, Any], message: str
) -> None:
    assert message in problem(desk().post("/api/analyze", json=body), 400)


def test_analyze_refuses_bodies_that_are_not_json(desk: Client) -> None:
    client = desk()
    headers = {"content-type": "application/json"}
    assert "not valid JSON" in problem(
        client.post("/api/analyze", content=b"{nope", headers=headers), 400
    )
    listed = client.post("/api/analyze", content=b"[]", headers=headers)
    assert "JSON object" in problem(listed, 400)
    # a form post (what another web site could send without asking) is refused
    plain = {"content-type": "text/plain"}
    form = client.post("/api/analyze", content=b"documents=x", headers=plain)
    assert "application/json" in problem(form, 415)


def test_a_body_over_the_limit_is_refused_with_413(desk: Client) -> None:
    client = desk(max_body=2_000)
    big = {"documents": [{"text": "word " * 1_000}]}
    assert "2,000 bytes" in problem(client.post("/api/analyze", json=big), 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it arrives
        yield b'{"documents": [{"text": "'
        for _ in range(100):
            yield b"word " * 10
        yield b'"}]}'

    chunked = client.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "2,000 bytes" in problem(chunked, 413)


def test_a_failing_model_server_is_a_502(desk: Client) -> None:
    server_down = failing(UnreachableError("cannot reach http://127.0.0.1:9/v1"))
    message = problem(desk(Assistant(server_down)).post("/api/analyze", json=seed_body()), 502)
    assert "cannot reach" in message
    nonsense = InvalidOutputError("the model kept answering nonsense", attempts=3, last_error="x")
    garbage = failing(nonsense)
    problem(desk(Assistant(garbage)).post("/api/check", json={"claim": "x", **seed_body()}), 502)


# --- check -------------------------------------------------------------------------------------


def test_check_gives_the_same_verdict_as_the_cli(
    desk: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    # the CLI titles a document by its file name, as the page does for a dropped file
    body = {"claim": DENIED_CLAIM, **seed_body(title=SEED.name)}
    response = desk().post("/api/check", json=body)
    assert response.status_code == 200, response.text
    verdict = response.json()
    cli = cli_json("check", DENIED_CLAIM, str(SEED), capsys=capsys)
    assert verdict["status"] == cli["status"] == "denied"
    del verdict["usage"], cli["usage"]
    assert verdict == cli


def test_check_after_analyze_names_the_matching_claims(desk: Client) -> None:
    client = desk()
    analysis = client.post("/api/analyze", json=seed_body()).json()
    verdict = client.post("/api/check", json={"claim": DENIED_CLAIM, **seed_body()}).json()
    denied = [c["id"] for c in analysis["claims"] if c["status"] == "denied"]
    assert denied[0] in verdict["matching_claim_ids"]


@pytest.mark.parametrize("claim", [None, "", "   ", 7])
def test_check_refuses_a_missing_claim(desk: Client, claim: object) -> None:
    message = problem(desk().post("/api/check", json={"claim": claim, **seed_body()}), 400)
    assert "'claim'" in message


# --- chat and sessions -------------------------------------------------------------------------


def ask(client: TestClient, **body: Any) -> list[tuple[str, dict[str, Any]]]:
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    return events(response.text)


def test_chat_answers_with_located_citations_and_stores_the_session(
    desk: Client, history_path: Path
) -> None:
    client = desk()
    found = ask(client, question="What did the Foreign Office deny?", **seed_body())
    name, data = found[-1]
    assert name == "answer"
    answer, session_id = data["answer"], data["session_id"]
    assert answer["verified"] and answer["citations"]
    text = seed_text()
    for citation in answer["citations"]:
        evidence = citation["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    # the same SQLite history as `claimdesk chat` / `claimdesk history`
    stored = History(history_path)
    assert [row.id for row in stored.sessions()] == [session_id]
    assert stored.load(session_id).turns[0].question == "What did the Foreign Office deny?"
    stored.close()


def test_a_session_is_listed_and_resumed_by_id(desk: Client) -> None:
    client = desk()
    first = ask(client, question="What did the Foreign Office deny?", **seed_body())
    session_id = first[-1][1]["session_id"]
    second = ask(client, question="Who is Lin Jian?", session_id=session_id)
    assert second[-1][1]["session_id"] == session_id
    rows = client.get("/api/sessions").json()
    assert rows[0]["id"] == session_id and rows[0]["questions"] == 2
    stored = client.get(f"/api/sessions/{session_id}").json()
    assert [t["question"] for t in stored["turns"]] == [
        "What did the Foreign Office deny?",
        "Who is Lin Jian?",
    ]
    assert stored["documents"][0]["text"] == seed_text()
    assert stored["analysis"]["claims"]


def test_a_session_started_by_the_sdk_is_resumed_by_the_desk(
    desk: Client, history_path: Path
) -> None:
    history = History(history_path)
    session = Assistant("offline").session(seed_text(), history=history)
    session.ask("What did the Foreign Office deny?")
    session_id = session.session_id
    history.close()
    found = ask(desk(), question="Who is Lin Jian?", session_id=session_id)
    assert found[-1][0] == "answer" and found[-1][1]["session_id"] == session_id


def test_answers_stream_in_pieces_as_the_engine_gives_them(desk: Client) -> None:
    offline = OfflineModel()
    streaming = StreamingFunctionModel(offline.complete, chunk_size=7)
    client = desk(Assistant(streaming))
    found = ask(client, question="What did the Foreign Office deny?", **seed_body())
    pieces = [data["text"] for name, data in found if name == "text"]
    answer = found[-1][1]["answer"]
    assert len(pieces) > 3
    assert "".join(pieces).strip() == answer["text"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"question": ""}, 400, "'question'"),
        ({"question": "Who?"}, 400, "'documents'"),
        ({"question": "Who?", "session_id": "one"}, 400, "'session_id'"),
        ({"question": "Who?", "session_id": 999}, 404, "no chat session 999"),
    ],
)
def test_chat_refuses_bad_questions(
    desk: Client, body: dict[str, Any], status: int, message: str
) -> None:
    assert message in problem(desk().post("/api/chat", json=body), status)


def test_a_model_failure_during_a_chat_arrives_as_an_error_event(desk: Client) -> None:
    client = desk(Assistant(failing(UnreachableError("cannot reach the model server"))))
    found = ask(client, question="Who?", **seed_body())
    assert found == [
        (
            "error",
            {"error": "model_server", "message": "cannot reach the model server", "status": 502},
        )
    ]


def test_unknown_stored_session_is_404(desk: Client) -> None:
    assert "no chat session 41" in problem(desk().get("/api/sessions/41"), 404)


# --- read and export ---------------------------------------------------------------------------


def read(client: TestClient, name: str, raw: bytes, media: str = "application/octet-stream") -> Any:
    return client.post(f"/api/read?name={name}", content=raw, headers={"content-type": media})


def test_a_dropped_file_is_read_by_the_clis_reader(desk: Client) -> None:
    raw = b"---\noutlet: Day News\ndate: 2024-10-31\n---\nThe FO denied it.\n"
    fields = read(desk(), "story.md", raw).json()
    assert fields == {
        "text": "The FO denied it.\n",
        "title": "story.md",
        "outlet": "Day News",
        "date": "2024-10-31",
    }


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("scan.pdf", b"%PDF", "read .txt, .md or .html files"),
        ("blob.txt", b"\x00\x01\x02", "blob.txt: looks like a binary file"),
        ("empty.txt", b"  \n", "empty.txt: the document is empty"),
        ("", b"text", "?name=FILE"),
    ],
)
def test_unreadable_files_are_refused_naming_the_file(
    desk: Client, name: str, raw: bytes, message: str
) -> None:
    text = problem(read(desk(), name, raw), 400)
    assert message in text and "claimdesk-web-" not in text


def test_read_wants_raw_bytes(desk: Client) -> None:
    problem(read(desk(), "a.txt", b"x", media="application/json"), 415)


def test_export_writes_what_the_cli_writes(
    desk: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    client = desk()
    analysis = client.post("/api/analyze", json=seed_body(title=SEED.name)).json()
    as_json = client.post("/api/export", json={"analysis": analysis, "format": "json"})
    assert as_json.headers["content-disposition"].endswith('"claimdesk-analysis.json"')
    assert as_json.text == Analysis.model_validate(analysis).model_dump_json(indent=2) + "\n"
    cli = cli_json("analyze", str(SEED), capsys=capsys)
    assert json.loads(as_json.text)["claims"] == cli["claims"]
    as_markdown = client.post("/api/export", json={"analysis": analysis, "format": "markdown"})
    assert as_markdown.headers["content-type"].startswith("text/markdown")
    assert main(["analyze", str(SEED), "--format", "markdown", "-q"]) == 0
    assert as_markdown.text == capsys.readouterr().out


def test_export_refuses_what_is_no_analysis(desk: Client) -> None:
    client = desk()
    assert "not an Analysis" in problem(client.post("/api/export", json={"analysis": {}}), 400)
    analysis = client.post("/api/analyze", json=seed_body()).json()
    body = {"analysis": analysis, "format": "pdf"}
    assert "'format'" in problem(client.post("/api/export", json=body), 400)


# --- who may ask -------------------------------------------------------------------------------


def test_on_loopback_only_loopback_host_names_are_answered(desk: Client) -> None:
    for base in ("http://127.0.0.1:8765", "http://localhost:8765", "http://[::1]:8765"):
        assert desk(base_url=base).get("/api/health").status_code == 200
    rebound = desk(base_url="http://attacker.example:8765")
    assert "127.0.0.1" in problem(rebound.get("/api/health"), 400)


def test_off_loopback_every_request_needs_the_token(desk: Client) -> None:
    client = desk(token="s3cret-token", loopback_only=False, base_url="http://10.1.2.3:8765")
    for path in ("/", "/api/health", "/static/desk.js", "/api/sessions"):
        assert "access token" in problem(client.get(path), 401)
    assert "access token" in problem(client.post("/api/analyze", json=seed_body()), 401)
    wrong = client.get("/api/health", headers={"authorization": "Bearer nope"})
    problem(wrong, 401)
    bearer = {"authorization": "Bearer s3cret-token"}
    assert client.get("/api/health", headers=bearer).status_code == 200
    assert client.post("/api/analyze", json=seed_body(), headers=bearer).status_code == 200
    header = {"x-claimdesk-token": "s3cret-token"}
    assert client.get("/api/health", headers=header).status_code == 200


def test_the_printed_link_sets_a_cookie_the_page_then_uses(desk: Client) -> None:
    client = desk(token="s3cret-token", loopback_only=False, base_url="http://10.1.2.3:8765")
    page = client.get("/?token=s3cret-token")
    assert page.status_code == 200
    cookie = page.headers["set-cookie"]
    assert "claimdesk_token=s3cret-token" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/api/health").status_code == 200  # the client kept the cookie
    client.cookies.clear()
    problem(client.get("/api/health"), 401)
