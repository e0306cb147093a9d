"""The chat eval set: its shape, how an answer is scored, and ``claimdesk eval chat`` end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from assistant.chat.answers import Answer, Citation
from assistant.claims import Evidence
from assistant.evals.chat_set import ChatTurn, Conversation, load_chat_set
from assistant.evals.records import EvalReport
from assistant.evals.runner import Outcome
from assistant.evals.score_chat import answer_correct, citation_correct, missing_facts, score_chat
from tests.chat_support import ROOT

CHAT_SET = ROOT / "evals" / "chat"
KINDS = (
    "who_denied",
    "who_confirmed",
    "who_declined",
    "what_said",
    "which_one",
    "check",
    "anonymous",
    "media_reports",
    "summary",
    "timeline",
    "follow_up",
    "dont_know",
)


@pytest.fixture(scope="module")
def conversations() -> list[Conversation]:
    return load_chat_set(CHAT_SET)


def test_the_set_covers_every_question_kind(conversations: list[Conversation]) -> None:
    questions = [t for c in conversations for t in c.turns if t.question]
    assert len(questions) >= 80
    articles = {d.id for c in conversations for d in c.documents}
    articles |= {d.id for c in conversations for d in c.added.values()}
    assert len(articles) >= 8
    kinds = Counter(t.kind for t in questions)
    assert all(kinds[kind] >= 5 for kind in KINDS), kinds
    assert len({t.id for t in questions}) == len(questions)


def test_every_cited_claim_has_quotes_found_in_its_articles(
    conversations: list[Conversation],
) -> None:
    for conversation in conversations:
        texts = [d.text for d in [*conversation.documents, *conversation.added.values()]]
        for turn in conversation.turns:
            for claim_id in turn.cite:
                quotes = conversation.quotes[claim_id]
                assert any(q in t for q in quotes for t in texts), (turn.id, claim_id)


def _turn(**fields: object) -> ChatTurn:
    return ChatTurn.model_validate({"id": "t-01", "conversation": "t", "kind": "x", **fields})


def _answer(text: str, *citations: Citation) -> Answer:
    return Answer(question="q", text=text, citations=list(citations), verified=True)


def test_answer_needs_every_fact_and_none_of_the_forbidden() -> None:
    turn = _turn(question="who denied it?", must=["Moretti|clerk", "denied"], must_not=["Pell"])
    assert answer_correct(turn, _answer("The clerk denied it."))[0]
    assert not answer_correct(turn, _answer("Moretti said so."))[0]
    assert not answer_correct(turn, _answer("The clerk denied Pell's letter."))[0]


def test_dont_know_is_right_only_when_the_documents_do_not_say() -> None:
    turn = _turn(question="What illness?", dont_know=True)
    assert answer_correct(turn, _answer("The documents don't say what illness."))[0]
    assert not answer_correct(turn, _answer("He has the flu."))[0]


def test_a_citation_is_right_when_its_quote_overlaps_the_claims_quotes() -> None:
    conversation = load_chat_set(CHAT_SET)[0]
    document = conversation.documents[0]
    turn = next(t for t in conversation.turns if t.cite)
    quote = conversation.quotes[turn.cite[0]][0]
    start = document.text.index(quote)
    inside = Evidence(document_id=document.id, quote=quote[:20], start=start, end=start + 20)
    elsewhere = Evidence(document_id=document.id, quote="x", start=0, end=1)
    right = Citation(claim_id="c9", quote=inside.quote, evidence=inside, verified=True)
    wrong = Citation(claim_id="c9", quote="x", evidence=elsewhere, verified=True)
    documents = conversation.documents
    assert citation_correct(turn, _answer("a", right), conversation, documents)[0]
    assert not citation_correct(turn, _answer("a", wrong), conversation, documents)[0]
    assert not citation_correct(turn, _answer("a"), conversation, documents)[0]


def test_a_conversation_that_failed_scores_its_questions_wrong(
    conversations: list[Conversation],
) -> None:
    scored = score_chat(conversations[:1], [Outcome(conversations[0].id, None, None, 0.0)])
    assert scored.metrics["chat.answer_accuracy"] == 0.0
    assert all(not item.correct for item in scored.items)


def test_eval_chat_offline_meets_the_gate(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMDESK_", "OPENAI_"))}
    env.update(CLAIMDESK_HOME=str(tmp_path), CLAIMDESK_CACHE_DIR=str(tmp_path / "cache"))
    out, junit = tmp_path / "chat.json", tmp_path / "chat.xml"
    command = [sys.executable, "-m", "assistant", "eval", "chat", "--model", "offline"]
    command += ["--no-cache", "--json", str(out), "--junit", str(junit), "-q"]
    command += ["--min-answer-accuracy", "0.85", "--min-citation-accuracy", "0.90"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| chat.answer_accuracy |" in done.stdout
    report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    assert report.meta.dataset == "chat"
    assert len(report.items) >= 80
    assert {i.group for i in report.items} >= set(KINDS)
    cases = ET.fromstring(junit.read_text(encoding="utf-8")).iter("testcase")
    assert len(list(cases)) == len(report.items)


def test_chat_gates_do_not_apply_to_other_sets(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "assistant", "eval", "gold", "--model", "offline"]
    command += ["--min-answer-accuracy", "0.5", "-q"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 2
    assert "apply to chat only" in done.stderr


def test_a_broken_set_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "sessions.json").write_text(json.dumps({"a": {"articles": ["missing.txt"]}}))
    (tmp_path / "questions.jsonl").write_text('{"id": "a-01", "conversation": "a"}\n')
    command = [sys.executable, "-m", "assistant", "eval", "chat", "--data", str(tmp_path)]
    command += ["--model", "offline", "-q"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("claimdesk: error:") and "Traceback" not in done.stderr


def test_a_model_that_never_knows_scores_only_the_dont_know_questions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The LLM path through the harness: a model that finds nothing and always says the documents
    don't say is right on exactly the "don't know" questions, and cites nothing."""
    from assistant.models.base import ModelRequest
    from assistant.models.function import FunctionModel
    from tests.evals_support import run_cli

    def reply(request: ModelRequest) -> dict[str, object]:
        if request.task == "extract":
            return {"claims": []}
        if request.task == "check":
            return {"status": "not_addressed", "reason": "nothing on this", "sources": []}
        return {"text": "The documents don't say.", "citations": []}

    out = tmp_path / "chat.json"
    argv = ["chat", "--model", "fake", "--no-cache", "--json", str(out), "-q"]
    assert run_cli(monkeypatch, FunctionModel(reply), argv) == 0
    report = EvalReport.model_validate_json(out.read_text(encoding="utf-8"))
    turns = {t.id: t for c in load_chat_set(CHAT_SET) for t in c.turns}
    negative = {i for i, t in turns.items() if t.must and not t.cite}
    negative = {i for i in negative if not missing_facts(turns[i], "The documents don't say.")}
    dont_know = [i for i in report.items if i.group == "dont_know"]
    assert all(i.correct for i in dont_know)
    right = {i.id for i in report.items if i.correct}
    assert right == {i.id for i in dont_know} | negative
    assert report.metrics["chat.citation_accuracy"] == 0.0
    assert report.meta.engine == "function"
