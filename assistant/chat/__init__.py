"""The chat: questions about a set of documents answered from their analysis, with citations.

``session`` holds a conversation, ``answering`` asks the model, ``citations`` verifies what it
cites, ``verdicts`` shows a claim check as an answer, ``questions`` reads what kind of question
was asked, ``streaming`` shows an answer while it arrives and ``history`` keeps sessions on disk.
"""

from assistant.chat.answers import Answer, Citation
from assistant.chat.session import Session

__all__ = ["Answer", "Citation", "Session"]
