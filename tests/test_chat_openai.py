"""The chat's answer requests through the real OpenAI engine, against a scripted HTTP transport."""

from __future__ import annotations

import json

from assistant import Assistant, Session
from tests.chat_support import seed_analysis
from tests.scripted_server import ScriptedServer, completion

GOOD = {
    "text": "The Foreign Office denied c1.",
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}
MADE_UP = {"text": "It was denied.", "citations": [{"claim_id": "c1", "quote": "no such words"}]}


def test_answer_request_on_the_wire_with_one_reask() -> None:
    server = ScriptedServer(completion(json.dumps(MADE_UP)), completion(json.dumps(GOOD)))
    assistant = Assistant(server.model(mode="json_schema", max_tokens=400))
    analysis = seed_analysis(assistant.engine)
    chat = Session(assistant, analysis.documents, analysis=analysis)
    answer = chat.ask("What did the Foreign Office deny?")
    assert answer.verified and answer.reasked
    first, second = server.bodies
    assert first["response_format"]["json_schema"]["name"] == "AnswerOutput"
    assert first["response_format"]["json_schema"]["strict"] is True
    user = first["messages"][1]["content"]
    assert "<question>What did the Foreign Office deny?</question>" in user
    assert "[c1] (denied)" in user
    assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "user"]
    assert "no such words" in second["messages"][3]["content"]
    assert (chat.usage.model_calls, chat.usage.prompt_tokens) == (2, 22)
