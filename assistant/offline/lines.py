"""The sentences of the documents, located: what offline chat answers quote."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.claims import Document
from assistant.offline.segmentation import sentences


@dataclass(frozen=True)
class Line:
    """One sentence of a document, located."""

    document: Document
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]

    @property
    def key(self) -> tuple[str, int]:
        """What tells sentences apart (a Document is not hashable)."""
        return self.document.id, self.start


def document_lines(documents: Sequence[Document]) -> Iterator[list[Line]]:
    """Each paragraph's sentences, in document order."""
    for document in documents:
        text, start = document.text, 0
        for paragraph in text.split("\n"):
            end = start + len(paragraph)
            spans = sentences(text, start, end) if paragraph.strip() else []
            yield [Line(document, s.start, s.end) for s in spans]
            start = end + 1


def line_at(lines: Sequence[Line], offset: int) -> Line | None:
    """The sentence of a document's ``lines`` that holds the character at ``offset``."""
    return next((line for line in lines if line.start <= offset < line.end), None)


def line_holding(quote: str, documents: Sequence[Document]) -> Line | None:
    """The sentence of the documents that holds a quote."""
    for paragraph in document_lines(documents):
        for line in paragraph:
            if quote.strip() and quote.strip() in line.text:
                return line
    return None


def paragraph_of(line: Line) -> tuple[int, int]:
    """The bounds of the paragraph (line of text) holding a sentence."""
    text = line.document.text
    end = text.find("\n", line.end)
    return text.rfind("\n", 0, line.start) + 1, len(text) if end < 0 else end
