"""Run one chat-set conversation through a chat session: questions in order, documents added."""

from __future__ import annotations

import asyncio

from assistant._assistant import Assistant
from assistant.chat.answers import Answer
from assistant.chat.session import Session
from assistant.evals.chat_set import Conversation


async def converse(assistant: Assistant, conversation: Conversation) -> dict[str, Answer]:
    """Each question's answer by turn id, asked in one session so follow-ups see earlier turns."""
    session = Session(assistant, conversation.documents)
    await session.aanalysis()
    answers: dict[str, Answer] = {}
    for turn in conversation.turns:
        if turn.id in conversation.added:
            await asyncio.to_thread(session.add, conversation.added[turn.id])
        elif turn.question is not None:
            answers[turn.id] = await session.aask(turn.question)
    return answers
