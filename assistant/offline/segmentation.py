"""Split article text into lines, sentences and quotations, as spans of the original text.

Hand-written and regex-based (fast enough for hundreds of articles a second): a period ends a
sentence unless it closes a known abbreviation ("U.S.", "Dr.") or an initial ("John F. Kennedy"),
and no sentence ends inside a quotation, so a quote of several sentences stays whole. Curly and
straight quotes are treated alike. A short line without final punctuation is a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.chunking import Span
from assistant.grounding import straightened
from assistant.offline.lexicons import (
    ABBREVIATIONS,
    BOILERPLATE_PATTERNS,
    BYLINE,
    BYLINE_MAX_WORDS,
    CALLS_TO_ACTION,
    SOCIAL_NETWORKS,
)

__all__ = [
    "Span",
    "is_boilerplate",
    "is_boilerplate_sentence",
    "is_heading",
    "lines",
    "mask_quotations",
    "plain",
    "quotations",
    "sentences",
]

# A candidate boundary: terminal punctuation, any closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"')\]\u201d\u2019]*(?=\s+[\"'(\[\u201c\u2018]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'-]*)$")
_QUOTE_MARK = re.compile("[\"\u201c\u201d]|''")
# Two apostrophes as a quotation mark (''Like this,'' some archives print it): opening when a
# word follows, else closing.
_DOUBLE_APOSTROPHE = re.compile("''")
_LINE = re.compile(r"[^\n]+")
# Every boilerplate pattern is anchored where the line opens or where it ends (a test checks);
# each group is one pattern, tried once. Those anchored at the line's end ("... contributed to
# this report.") match at most BOILERPLATE_TAIL characters (a test checks), so only the line's
# tail is searched for them.
_BOILERPLATE_AT_START = re.compile(
    "|".join(f"(?:{p[1:]})" for p in BOILERPLATE_PATTERNS if p[0] == "^"), re.IGNORECASE
)
_BOILERPLATE_AT_END = re.compile(
    "|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS if p[0] != "^"), re.IGNORECASE
)
BOILERPLATE_TAIL = 80
_SOCIAL = re.compile(SOCIAL_NETWORKS, re.IGNORECASE)
_CALL_TO_ACTION = re.compile(CALLS_TO_ACTION, re.IGNORECASE)
# The same, written in lower case, on a lowercased ASCII line: twice as fast as ignoring case.
_CALL_TO_ACTION_LOWER = re.compile(CALLS_TO_ACTION)
_BYLINE = re.compile(BYLINE)
_FINAL_PUNCTUATION = ".!?\"')]:;”’…"
HEADING_MAX_WORDS = 14


def plain(text: str) -> str:
    """``text`` with curly quotes, apostrophes and dashes made straight; same length. A pair of
    apostrophes used as a quotation mark becomes one straight quote and a space, the quote on
    the side of the words it encloses (as :func:`quotations` reads it)."""
    straight = straightened(text)
    if "''" not in straight:
        return straight
    return _DOUBLE_APOSTROPHE.sub(lambda m: ' "' if _opens(straight, m.end()) else '" ', straight)


def _opens(text: str, after: int) -> bool:
    """Whether a quotation mark ending at ``after`` opens a quotation (a word follows it)."""
    return after < len(text) and text[after].isalnum()


def lines(text: str) -> list[Span]:
    """Non-blank lines of ``text``, surrounding whitespace trimmed."""
    spans = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            spans.append(Span(start, start + len(stripped)))
    return spans


def quotations(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Double-quoted stretches in ``text[start:end]`` (quote marks included).

    Straight quotes pair up in order; curly ones by direction. News convention for a quotation
    running over several paragraphs: each paragraph reopens it with a quote mark and only the
    last one closes it. So an opening mark (after a sentence's end, before a word) while a
    quotation is open ends that quotation where its paragraph ended, and a quotation opening a
    paragraph (the range) and left open runs to the paragraph's end. Any other quote left open
    at the end of the range (a stray mark) is dropped rather than guessed.
    """
    stop = len(text) if end is None else end
    spans: list[Span] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text, start, stop):
        i, ch = mark.start(), mark.group()
        if ch == "''":  # the mark is the apostrophe next to the quoted words
            if _opens(text, mark.end()):
                opened = i + 1
            elif opened is not None:
                spans.append(Span(opened, i + 1))
                opened = None
        elif opened is not None and _reopens(text, opened, i, ch):
            spans.append(Span(opened, len(text[:i].rstrip())))  # its paragraph ended here
            opened = i
        elif ch == "\u201c" or (ch == '"' and opened is None):
            opened = i
        elif opened is not None:
            spans.append(Span(opened, i + 1))
            opened = None
    if opened is not None and not text[start:opened].strip():
        spans.append(Span(opened, len(text[:stop].rstrip())))  # continued in the next paragraph
    return spans


_PARAGRAPH_END = re.compile(r"[.!?\u2026][\"')\]\u201d\u2019]*\s*$")


def _reopens(text: str, opened: int, at: int, mark: str) -> bool:
    """Whether the mark at ``at`` reopens a quotation continuing from an earlier paragraph
    rather than closing the one opened at ``opened``: it opens a word after whitespace, and
    the open quotation's text ended a sentence before it."""
    if mark == "\u201d" or not (at + 1 < len(text) and text[at + 1].isalnum()):
        return False
    if at == 0 or not text[at - 1].isspace():
        return False
    return _PARAGRAPH_END.search(text, opened, at) is not None


def mask_quotations(text: str, quotes: list[Span], offset: int = 0) -> str:
    """``text`` with every quotation's inside replaced by ``x`` (marks kept), same length.

    Rules that look for speech verbs or commas run on the masked text, so words and commas
    inside a quotation never look like attribution.
    """
    masked = text
    for quote in quotes:
        start = max(0, quote.start - offset + 1)
        end = min(len(text), quote.end - offset - 1)
        if start < end:
            masked = masked[:start] + "x" * (end - start) + masked[end:]
    return masked


# After a time ("at about 3 a.m."), a pronoun or article opens the next sentence.
_TIME_ABBREVIATIONS = frozenset({"a.m", "p.m"})
_SENTENCE_OPENER = re.compile(r"\s+(?:He|She|They|It|We|I|The|A|An|This|That|But|Police)\b")


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _TIME_ABBREVIATIONS and _SENTENCE_OPENER.match(text, dot + 1):
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    return word in ABBREVIATIONS or word.replace("'", "") in ABBREVIATIONS


def _inside(position: int, quotes: list[Span]) -> bool:
    for quote in quotes:  # in reading order
        if quote.start >= position:
            return False
        if position < quote.end:
            return True
    return False


def _boundaries(text: str, start: int, end: int, quotes: list[Span]) -> Iterator[int]:
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        if not _inside(match.end(), quotes):
            yield match.end()


MAX_SENTENCE_CHARS = 1_500  # longer "sentences" (no full stop for pages) are cut at spaces


def _capped(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` in pieces of at most MAX_SENTENCE_CHARS cut at a space: reading a
    sentence costs time with the square of its length, so a page without full stops would take
    hours."""
    pieces: list[Span] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append(Span(start, len(text[:cut].rstrip())))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    pieces.append(Span(start, end))
    return [p for p in pieces if p.end > p.start]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans of ``text``, whitespace trimmed; none longer
    than MAX_SENTENCE_CHARS.

    Call it once per paragraph (line): sentences never cross line breaks.
    """
    spans: list[Span] = []
    for match in _LINE.finditer(text, start, len(text) if end is None else end):
        line = match.group()
        stripped = line.strip()
        if stripped:
            line_start = match.start() + len(line) - len(line.lstrip())
            spans += _line_sentences(text, line_start, line_start + len(stripped))
    return spans


def _line_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of the line ``text[start:end]`` (its ends not whitespace)."""
    spans: list[Span] = []
    cursor = start
    for cut in [*_boundaries(text, start, end, quotations(text, start, end)), end]:
        piece = text[cursor:cut]
        if piece.strip():
            first = cursor + len(piece) - len(piece.lstrip())
            last = cursor + len(piece.rstrip())
            if last - first > MAX_SENTENCE_CHARS:
                spans += _capped(text, first, last)
            else:
                spans.append(Span(first, last))
        cursor = cut
    return spans


def is_heading(line: str) -> bool:
    """A short line with no final punctuation: a section heading or a pasted headline."""
    stripped = line.strip()
    if not stripped or stripped[-1] in _FINAL_PUNCTUATION:
        return False
    return len(stripped.split()) <= HEADING_MAX_WORDS


def is_boilerplate(line: str) -> bool:
    """Share/follow prompts, bylines, credits and copyright lines."""
    stripped = line.strip()
    if _boilerplate_by_shape(stripped):
        return True
    # the rarer of the two first; a line is long, and most name neither
    return _calls_to_action(stripped) and _SOCIAL.search(stripped) is not None


def is_boilerplate_sentence(text: str, sentence: Span, line: Span) -> bool:
    """:func:`is_boilerplate` of ``sentence``, one of the sentences of ``line`` (spans of
    ``text``) when :func:`is_boilerplate` passed the whole line. A call to action beside a social
    network would have made the line boilerplate, so a part of the line with whitespace or the
    line's ends on both sides (each word boundary as in the line) never has both: only the
    tests of where the sentence opens and ends, and of its length, remain."""
    start, end = sentence.start, sentence.end
    said = text[start:end]
    opens = start <= line.start or text[start - 1].isspace()
    closes = end >= line.end or text[end].isspace()
    return _boilerplate_by_shape(said.strip()) if opens and closes else is_boilerplate(said)


def _boilerplate_by_shape(stripped: str) -> bool:
    """The patterns anchored where the (stripped) line opens or ends, and the byline."""
    if _BOILERPLATE_AT_START.match(stripped):
        return True
    tail = max(0, len(stripped) - BOILERPLATE_TAIL)  # \b still sees the character before it
    if _BOILERPLATE_AT_END.search(stripped, tail):
        return True
    return _BYLINE.match(stripped) is not None and len(stripped.split()) <= BYLINE_MAX_WORDS


# Every match of CALLS_TO_ACTION holds one of these (a test checks): looking for them in the
# lowercased line is cheaper than the pattern's search, which tries every position.
_CALL_TO_ACTION_WORDS = (
    "follow",
    "subscribe",
    "sign up",
    "join",
    "like us",
    "latest updates",
    "stay updated",
)


def _calls_to_action(line: str) -> bool:
    if line.isascii():
        low = line.lower()
        if not any(word in low for word in _CALL_TO_ACTION_WORDS):
            return False
        return _CALL_TO_ACTION_LOWER.search(low) is not None
    return _CALL_TO_ACTION.search(line) is not None
