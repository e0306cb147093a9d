"""Score chat answers: the facts a right answer holds, the claims it cites, "don't know" when due.

A question's answer is correct when every ``must`` fact appears (one of its ``|`` alternatives,
case-insensitive), no ``must_not`` phrase does, and it says the documents don't cover the
question when the set expects that. Saying so when the set does not expect it is wrong unless the
``must`` facts are all there (a negative answer: "no claim rests on anonymous sources"). Its
citations are correct when, for every claim id in ``cite``, some citation's located quote
overlaps one of that claim's quotes in the documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.chat.answers import Answer
from assistant.claims import Document, Evidence
from assistant.evals.chat_set import ChatTurn, Conversation
from assistant.evals.records import ItemResult
from assistant.evals.runner import Outcome
from assistant.evals.scored import Scored

Span = tuple[str, int, int]
Replies = dict[str, Answer]


def _folded(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").casefold()


def missing_facts(turn: ChatTurn, text: str) -> list[str]:
    """The ``must`` facts absent from ``text`` and the ``must_not`` phrases present in it."""
    folded = _folded(text)
    absent = [f for f in turn.must if not any(_folded(a) in folded for a in f.split("|"))]
    present = [f"must not say {p!r}" for p in turn.must_not if _folded(p) in folded]
    return absent + present


def answer_correct(turn: ChatTurn, answer: Answer) -> tuple[bool, str]:
    problems = missing_facts(turn, answer.text)
    if turn.dont_know and not answer.says_not_covered:
        problems.append("should say the documents don't say")
    if not turn.dont_know and answer.says_not_covered and not turn.must:
        problems.append("said the documents don't say")
    return not problems, "; ".join(problems)


def _spans(quotes: Sequence[str], documents: Sequence[Document]) -> list[Span]:
    spans = []
    for quote in quotes:
        for document in documents:
            start = document.text.find(quote)
            if start >= 0:
                spans.append((document.id, start, start + len(quote)))
    return spans


def _overlaps(evidence: Evidence, spans: Sequence[Span]) -> bool:
    return any(
        evidence.document_id == doc and evidence.start < end and start < evidence.end
        for doc, start, end in spans
    )


def citation_correct(
    turn: ChatTurn, answer: Answer, conversation: Conversation, documents: Sequence[Document]
) -> tuple[bool, str]:
    located = [c.evidence for c in answer.citations if c.verified and c.evidence is not None]
    uncited = []
    for claim_id in turn.cite:
        spans = _spans(conversation.quotes[claim_id], documents)
        if not any(_overlaps(e, spans) for e in located):
            uncited.append(claim_id)
    return not uncited, f"does not cite {', '.join(uncited)}" if uncited else ""


def _documents_at(conversation: Conversation, turn: ChatTurn) -> list[Document]:
    """The conversation's documents once ``turn`` is reached (added ones included)."""
    documents = list(conversation.documents)
    for earlier in conversation.turns:
        if earlier.id == turn.id:
            break
        if earlier.id in conversation.added:
            documents.append(conversation.added[earlier.id])
    return documents


def _cited(answer: Answer) -> list[str]:
    return [f"[{c.claim_id or 'document'}] {c.quote}" for c in answer.citations]


def _item(turn: ChatTurn, conversation: Conversation, answer: Answer | None) -> ItemResult:
    expected = "don't know" if turn.dont_know else " + ".join(turn.must) or "(any answer)"
    if turn.cite:
        expected += f"; cites {', '.join(turn.cite)}"
    subject = turn.question or ""
    if answer is None:
        return ItemResult(
            id=turn.id,
            kind="question",
            group=turn.kind,
            expected=expected,
            correct=False,
            predicted="(no answer)",
            subject=subject,
        )
    right, why = answer_correct(turn, answer)
    documents = _documents_at(conversation, turn)
    cites, why_cites = citation_correct(turn, answer, conversation, documents)
    detail = "; ".join(p for p in (why, why_cites if turn.cite else "") if p)
    return ItemResult(
        id=turn.id,
        kind="question",
        group=turn.kind,
        expected=expected,
        correct=right and (cites or not turn.cite),
        predicted=answer.text,
        subject=subject,
        evidence=_cited(answer),
        detail=detail,
    )


def _share(right: int, total: int) -> float | None:
    return right / total if total else None


def score_chat(
    conversations: Sequence[Conversation], outcomes: Sequence[Outcome[Replies]]
) -> Scored:
    """Items per question; answer, citation and don't-know accuracy overall and per kind."""
    replies = {o.id: o.value or {} for o in outcomes}
    items, answers, citations = [], [], []
    for conversation in conversations:
        got = replies.get(conversation.id, {})
        for turn in conversation.turns:
            if turn.question is None:
                continue
            answer = got.get(turn.id)
            items.append(_item(turn, conversation, answer))
            right = answer is not None and answer_correct(turn, answer)[0]
            answers.append((turn, right))
            if turn.cite:
                documents = _documents_at(conversation, turn)
                cited = (
                    answer is not None
                    and citation_correct(turn, answer, conversation, documents)[0]
                )
                citations.append(cited)
    return Scored(items=items, metrics=_metrics(answers, citations))


def _metrics(
    answers: list[tuple[ChatTurn, bool]], citations: list[bool]
) -> dict[str, float | None]:
    dont_know = [right for turn, right in answers if turn.dont_know]
    metrics: dict[str, float | None] = {
        "chat.answer_accuracy": _share(sum(r for _, r in answers), len(answers)),
        "chat.citation_accuracy": _share(sum(citations), len(citations)),
        "chat.dont_know_accuracy": _share(sum(dont_know), len(dont_know)),
        "chat.questions": float(len(answers)),
    }
    for kind in sorted({turn.kind for turn, _ in answers}):
        of_kind = [right for turn, right in answers if turn.kind == kind]
        metrics[f"chat.answer_accuracy.{kind}"] = _share(sum(of_kind), len(of_kind))
    return metrics
