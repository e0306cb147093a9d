"""What the chat itself costs per question, model time excluded.

Measures, on the seed article's hand-made analysis: building and verifying one LLM answer (a
FunctionModel answers instantly), one offline answer (rules), and the same with the history
database logging every turn. Prints milliseconds per question.

    python bench/chat_overhead.py [QUESTIONS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant, Session
from assistant.chat.history import DB_NAME, History
from assistant.models.function import FunctionModel
from tests.chat_support import seed_analysis

QUESTIONS = [
    "What did the Foreign Office deny?",
    "Which claims rest only on anonymous sources?",
    "Is the written proposal confirmed anywhere?",
    "What is the capital of France?",
    "What did the spokesperson say?",
    "Summarize",
    "Who said that?",
]
LLM_ANSWER = {
    "text": "The Foreign Office denied c1.",
    "citations": [{"claim_id": "c1", "quote": "motivated by an agenda to create confusion"}],
}
LLM_VERDICT = {  # "is X confirmed?" questions go to the claim check
    "status": "unverified",
    "reason": "Only a media report citing anonymous sources says so.",
    "sources": [
        {
            "name": "five Pakistani security and government sources",
            "role": None,
            "kind": "anonymous",
            "stance": "asserts",
            "on_record": False,
            "quotes": ["five Pakistani security and government sources"],
        }
    ],
}


def per_question_ms(session: Session, count: int) -> float:
    started = time.perf_counter()
    for i in range(count):
        session.ask(QUESTIONS[i % len(QUESTIONS)])
    return (time.perf_counter() - started) * 1000 / count


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    llm = Assistant(FunctionModel(lambda r: LLM_VERDICT if r.task == "check" else LLM_ANSWER))
    offline = Assistant("offline")
    for name, assistant in (("function model (LLM path)", llm), ("offline rules", offline)):
        analysis = seed_analysis(assistant.engine)
        session = Session(assistant, analysis.documents, analysis=analysis)
        print(f"{name}: {per_question_ms(session, count):.2f} ms/question, no history")
        with tempfile.TemporaryDirectory() as home:
            history = History(Path(home) / DB_NAME)
            logged = Session(assistant, analysis.documents, analysis=analysis, history=history)
            print(f"{name}: {per_question_ms(logged, count):.2f} ms/question, history logged")
            history.close()


if __name__ == "__main__":
    main()
