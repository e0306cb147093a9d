"""What a chat question gets back: an answer in plain language and the evidence behind it.

Every citation names a claim of the analysis and a quote that code located in the documents;
``verified`` says whether all of that checked out. An answer that cites nothing is only verified
when it says the documents do not cover the question.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.claims import Evidence, Usage

NOT_IN_DOCUMENTS = "The documents don't say"
AnswerKind = Literal["answer", "check"]


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claim_id: str | None
    quote: str
    evidence: Evidence | None = None
    verified: bool = False
    problem: str | None = None


class Answer(BaseModel):
    """One reply of a chat session."""

    model_config = ConfigDict(extra="forbid")

    question: str
    text: str
    citations: list[Citation] = Field(default_factory=list)
    verified: bool = False  # it cites at least one quote, and every citation was found
    reasked: bool = False
    warning: str | None = None
    kind: AnswerKind = "answer"
    usage: Usage = Field(default_factory=Usage)

    @property
    def says_not_covered(self) -> bool:
        return says_not_covered(self.text)


def says_not_covered(text: str) -> bool:
    """Whether a reply states that the documents do not answer the question."""
    folded = text.replace("\u2019", "'").casefold()
    return NOT_IN_DOCUMENTS.casefold() in folded or "documents do not say" in folded
