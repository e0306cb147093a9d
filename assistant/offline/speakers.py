"""Who speaks where in the documents, read by rules for chat answers.

"What did the clerk say?" needs the clerk's sentences even when the analysis kept no claim of
theirs; "who declined to comment?" needs every "declined to comment" line. These scans read the
document text sentence by sentence: a speaker is the name or role next to a speech verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.claims import Document
from assistant.offline.segmentation import sentences
from assistant.wordforms import roots, spelled_out

SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|added|adds|wrote|writes|reported|reports|"
    r"announced|confirmed|confirms|denied|denies|declined|noted|notes|insisted|argued|explained|"
    r"warned|called|calls|asserted|stressed|emphasi[sz]ed|assured|reiterated|reaffirmed|"
    r"acknowledged|repeated|according\s+to|responded|replied|published|questioned|cautioned|"
    r"countered|disputed)\b"
)
QUOTE_END = re.compile(r"[\"\u201d][\s,]*$|,[\"\u201d]\s*$|[,.?!][\"\u201d]\s*$")
PRONOUN_LEAD = re.compile(
    r"^[\"\u201c]?\s*(?:He|She|They)\s+(?:\w+\s+)?(?:said|added|noted|told|stressed|"
    r"emphasi[sz]ed|insisted|argued|explained|warned|wrote|assured|reiterated|repeated)\b"
)
NAME = re.compile(
    r"(?:[A-Z][\w\u2019'.-]*(?:\s+(?:de|van|von|al|bin))?\s+)*[A-Z][\w\u2019'-]*[A-Za-z]"
)
NAME_BEFORE_ROLE = re.compile(
    r"([A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)+),\s+(?:an?\s+|the\s+)?$"
)
_CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
    Nov Dec The A An He She They It In On At But And Under""".split()
)
DECLINE = re.compile(
    r"\b(?:declined\s+to\s+comment|declines\s+to\s+comment|refused\s+to\s+comment|"
    r"did\s+not\s+(?:respond|return|reply|comment)|does\s+not\s+(?:comment|discuss)|"
    r"do\s+not\s+comment|would\s+not\s+(?:say|comment)|no\s+statement|"
    r"(?:has|have|had)\s+(?:yet\s+to|not)\s+comment(?:ed)?|could\s+not\s+be\s+reached|"
    r"(?:has|have|had)\s+not\s+responded|declined\s+to\s+(?:say|discuss|confirm)|"
    r"can(?:no|')t\s+(?:tell|say|comment|discuss))"
)
UNCONFIRMED = re.compile(
    r"\b(?:(?:could|can|was|were|has|have)\s*(?:not|n't)\s+(?:been\s+able\s+to\s+)?"
    r"(?:independently\s+)?(?:confirm|verify|determine)|neither\s+confirm\s+nor\s+deny|"
    r"(?:has|had|have)\s+not\s+(?:yet\s+)?been\s+(?:determined|established|confirmed))"
)
_CLAUSE = re.compile(r",\s+(?:and|but)\s+|;\s*|\s+but\s+")
_RELATIVE = re.compile(r",\s+(?:who|which|whose|now|speaking)\b[^,]*,")


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


@dataclass(frozen=True)
class Statement:
    speaker: str  # the name (or role, when no name is given) as the text writes it
    lines: tuple[Line, ...]


def document_lines(documents: Sequence[Document]) -> Iterator[list[Line]]:
    """Each paragraph's sentences, in document order."""
    for document in documents:
        text, start = document.text, 0
        for paragraph in text.split("\n"):
            end = start + len(paragraph)
            spans = sentences(text, start, end) if paragraph.strip() else []
            yield [Line(document, s.start, s.end) for s in spans]
            start = end + 1


QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def speech_verbs(text: str) -> list[re.Match[str]]:
    """The speech verbs of a sentence outside its quotations ("I have not told" is quoted)."""
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    return [v for v in SPEECH.finditer(text) if not any(a < v.start() < b for a, b in quoted)]


def _windows(text: str) -> Iterator[tuple[str, bool]]:
    """(attribution window, whether it follows the verb) for each speech verb: the words before
    it, or after it when it follows a closing quote ('"...," said X')."""
    for verb in speech_verbs(text):
        before = text[: verb.start()]
        if QUOTE_END.search(before):
            yield text[verb.end() : verb.end() + 80], True
        else:
            words = before.split()
            lead = " ".join(words[:6]) if len(before) > 80 else ""
            yield lead + " " + before[-80:], False


def mentions(query: str, text: str) -> bool:
    """Whether ``text`` names the party ``query`` (its content words, or its last name)."""
    wanted = roots(spelled_out(query))
    if not wanted:
        return False
    have = roots(text)
    return len(wanted & have) / len(wanted) >= 0.99 or _surname_in(query, text)


def _surname_in(query: str, text: str) -> bool:
    names = [w for w in re.findall(r"[A-Z][\w'-]+", query) if w not in _CALENDAR]
    return bool(names) and re.search(rf"\b{re.escape(names[-1])}\b", text) is not None


def speaker_in(window: str, query: str) -> str:
    """The name nearest the query's words in an attribution window, else the role words."""
    names = [n.group(0) for n in NAME.finditer(window) if _is_name(n.group(0))]
    for name in names:
        if _surname_in(query, name) or _surname_in(name, query):
            return name
    role = _role_phrase(window, query)
    at = window.casefold().find(role.casefold()) if role else -1
    if at < 0:
        return role or (names[-1] if names else query)
    follow = NAME.match(window[at + len(role) :].lstrip(" ,"))
    if follow and _is_name(follow.group(0)):
        return follow.group(0)
    before = NAME_BEFORE_ROLE.search(window[:at])
    if before and _is_name(before.group(1)):
        return before.group(1)
    return role


def _person_names(window: str) -> list[str]:
    """Names in an attribution window, leaving out possessives ("Lumora's chief ...")."""
    found = [n.group(0) for n in NAME.finditer(window) if _is_name(n.group(0))]
    return [n for n in found if not n.endswith(("'s", "\u2019s"))]


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and not all(w.strip(".'\u2019") in _CALENDAR for w in words)


def _role_phrase(window: str, query: str) -> str:
    """The words of the window from a few before the query's last content word up to it."""
    stems = roots(query)
    words = window.split()
    for index in range(len(words) - 1, -1, -1):
        if roots(words[index]) & stems:
            first = index
            while first > 0 and index - first < 3 and not _stop(words[first - 1]):
                first -= 1
            return " ".join(words[first : index + 1]).strip(',."\u201c\u201d')
    return ""


def _stop(word: str) -> bool:
    return word.casefold() in {"the", "a", "an", "and", "that", "said", "by", "to", "of"} or (
        word.endswith((",", ".", ";", "\u201d", '"'))
    )


def statements(query: str, documents: Sequence[Document]) -> list[Statement]:
    """Each speaker matching ``query`` with the sentences where they speak, in document order;
    when nobody matches every word ("the hospital spokeswoman"), those matching its last word."""
    query = spelled_out(query)
    found = _statements(query, documents)
    head = query.split()[-1] if query.split() else query
    if not found and roots(head) and roots(head) != roots(query):
        found = _statements(head, documents)
    return found


def _statements(query: str, documents: Sequence[Document]) -> list[Statement]:
    found: dict[str, list[Line]] = {}
    for paragraph in document_lines(documents):
        current: str | None = None
        for line in paragraph:
            speaker = _speaker_of(line.text, query)
            if speaker is None and current is not None and _named_next(line, current):
                speaker = _rename(found, current, speaker_of(line) or current)
            elif speaker is None and current is not None and _continues(line.text, current):
                speaker = current
            current = speaker
            if speaker is not None:
                found.setdefault(_key(speaker, found), []).append(line)
    _by_surname(found, documents)
    return _fold_roles([Statement(name, tuple(lines)) for name, lines in found.items()])


def _by_surname(found: dict[str, list[Line]], documents: Sequence[Document]) -> None:
    """Add the sentences elsewhere where a found speaker speaks under their surname alone."""
    order = {d.id: n for n, d in enumerate(documents)}
    for speaker, lines in found.items():
        if not any(w[:1].isupper() for w in speaker.split()):
            continue
        for paragraph in document_lines(documents):
            for line in paragraph:
                if line not in lines and _speaker_of(line.text, speaker) is not None:
                    lines.append(line)
        lines.sort(key=lambda x: (order[x.document.id], x.start))


def _fold_roles(found: list[Statement]) -> list[Statement]:
    """A bare role ("clerk says ...") joins the one named person with it, when there is one."""
    named = [s for s in found if any(w[:1].isupper() for w in s.speaker.split())]
    if len(named) != 1 or len(named) == len(found):
        return found
    order = {line.document.id: n for n, line in enumerate(x for s in found for x in s.lines)}
    lines = sorted(
        (line for s in found for line in s.lines), key=lambda x: (order[x.document.id], x.start)
    )
    return [Statement(named[0].speaker, tuple(lines))]


def _speaker_of(text: str, query: str) -> str | None:
    for window, _ in _windows(text):
        if mentions(query, window) and not _plural_only(query, window):
            return speaker_in(window, query)
    return None


def _plural_only(query: str, window: str) -> bool:
    """'the analyst' is not 'analysts' (a call with analysts): the role only as a plural."""
    words = query.split()
    head = words[-1].casefold() if words else ""
    if not head.isalpha() or head.endswith("s"):
        return False
    folded = window.casefold()
    plural = re.search(rf"\b{head}(?:s|es)\b", folded) is not None
    return plural and re.search(rf"\b{head}\b", folded) is None


def _named_next(line: Line, speaker: str) -> bool:
    """'One analyst questioned the gains. "...," said Anita Desai.': a bare role, then a quote
    whose speaker is named."""
    words = speaker.split()
    if words and words[0].casefold() in _DETERMINERS:
        words = words[1:]
    role_only = not any(w[:1].isupper() for w in words)
    quoted = line.text.lstrip().startswith(("\u201c", '"'))
    return role_only and quoted and speaker_of(line) is not None


def _continues(text: str, speaker: str) -> bool:
    """A sentence carrying on the previous speaker's words: 'she said', their surname, a quote."""
    if PRONOUN_LEAD.search(text) or re.search(r"\b(?:he|she|they)\s+said\b", text):
        return True
    names = "|".join(re.escape(w) for w in speaker.split() if w[:1].isupper() and len(w) > 2)
    said = rf"\b(?:{names or re.escape(speaker)})\s+(?:said|added|told|wrote|noted|stressed)\b"
    return re.search(said, text) is not None or (
        text.lstrip().startswith(("\u201c", '"')) and SPEECH.search(text) is None
    )


def _key(speaker: str, found: dict[str, list[Line]]) -> str:
    """The same person under one key: 'Baloch' joins 'Mumtaz Zahra Baloch'."""
    folded = speaker.casefold()
    for known in found:
        other = known.casefold()
        if folded == other or folded.split()[-1:] == other.split()[-1:]:
            return known if len(known) >= len(speaker) else _rename(found, known, speaker)
    return speaker


def _rename(found: dict[str, list[Line]], old: str, new: str) -> str:
    if old in found:
        found[new] = found.pop(old)
    return new


@dataclass(frozen=True)
class Remark:
    """A sentence where someone declines to comment, or says a thing is not so."""

    party: str
    line: Line


Speaker = Callable[[str, re.Match[str]], str]


class Finder(Protocol):
    """A compiled pattern, or anything that finds a match the same way."""

    def search(self, text: str, /) -> re.Match[str] | None: ...


def _remarks(
    documents: Sequence[Document],
    pattern: Finder,
    who: Speaker,
    *,
    spoken: bool,
    also: re.Pattern[str] | None = None,
) -> list[Remark]:
    """Sentences matching ``pattern`` (and ``also``; with a speech verb when ``spoken``), each
    with its speaker as ``who`` reads it; "she" and "it" are looked up in the sentence before."""
    found = []
    for paragraph in document_lines(documents):
        for index, line in enumerate(paragraph):
            match = pattern.search(line.text)
            wanted = match is not None and (also is None or also.search(line.text) is not None)
            if match is not None and wanted and (not spoken or speech_verbs(line.text)):
                party = who(line.text, match)
                if party.casefold() in PRONOUNS and index > 0:
                    party = _previous_party(paragraph[index - 1].text, party)
                found.append(Remark(party, line))
    return found


PRONOUNS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their"})
_DETERMINERS = frozenset("a an the one two three several some another".split())


def _previous_party(text: str, pronoun: str) -> str:
    """Who 'she' or 'it' is: the named speaker of the sentence before, else its subject."""
    for window, _ in _windows(text):
        names = [n.group(0) for n in NAME.finditer(window) if _is_name(n.group(0))]
        if names and pronoun.casefold() in {"he", "she"}:
            return names[-1]
    verb = SPEECH.search(text)
    return _subject(text[: verb.start()]) if verb else pronoun


def refusals(documents: Sequence[Document]) -> list[Remark]:
    """Who declined to comment, did not respond or would not say, and where."""
    return _remarks(documents, DECLINE, _before, spoken=False)


def non_confirmations(documents: Sequence[Document]) -> list[Remark]:
    """Who could not confirm, would neither confirm nor deny, or says it is not yet known."""
    return _remarks(documents, UNCONFIRMED, _before, spoken=False)


def _before(text: str, match: re.Match[str]) -> str:
    return _subject(text[: match.start()])


def _subject(before: str) -> str:
    clause = _CLAUSE.split(before)[-1]
    verb = SPEECH.search(clause)
    if verb is not None and verb.start() > 0:
        clause = clause[: verb.start()]
    clause = _RELATIVE.sub("", clause)
    clause = re.sub(r"\s+(?:that|it|there)\s*(?:would\s+be)?\s*$", "", clause)
    clause = re.sub(r"\s+(?:on|in)\s+\w+\s+(?:morning|afternoon|evening)\s*$", "", clause)
    return clause.strip(' ,"\u201c\u201d') or before.strip()


def paragraph_of(line: Line) -> tuple[int, int]:
    """The bounds of the paragraph (line of text) holding a sentence."""
    text = line.document.text
    end = text.find("\n", line.end)
    return text.rfind("\n", 0, line.start) + 1, len(text) if end < 0 else end


DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted|rebutted|untrue|not\s+true|false|"
    r"rubbish|nonsense|made\s+up|baseless|no\s+truth|inaccurate|not\s+(?:received|happened)|"
    r"fiction|fabricated|fake|incorrect|misleading)\b"
)
_BY = re.compile(r"\s+by\s+(?:the\s+)?(?:[a-z]+\s+){0,3}")


DENIAL_VERB = re.compile(r"\b(?:denied|denies|dismissed|rejected|refuted|rebutted)\b")


def denials(documents: Sequence[Document]) -> list[Remark]:
    """Sentences where someone says a thing is not so: "X denied/rejected ...", or a speech verb
    with "false", "fiction", "not received" ..."""
    verbs = _remarks(documents, DENIAL_VERB, _denier, spoken=False)
    said = _remarks(documents, DENIAL, _denier, spoken=True)
    seen = {r.line.key for r in verbs}
    return verbs + [r for r in said if r.line.key not in seen]


CONFIRMATION = re.compile(
    r"\b(?:confirmed|confirms|acknowledged|verified|corroborated|shows|showed|records\s+show)\b"
)
NEGATION = re.compile(r"\b(?:no|not|never|none|nothing|nobody)\b|n't\b")


def confirmations(documents: Sequence[Document]) -> list[Remark]:
    """Sentences where someone confirms something ("X confirmed that ...")."""
    return _remarks(documents, CONFIRMATION, _denier, spoken=False)


def negations(documents: Sequence[Document]) -> list[Remark]:
    """Attributed sentences that say no, not or never: weaker signs of a denial."""
    return _remarks(documents, _OUTSIDE_QUOTES, _speaker_before, spoken=True, also=NEGATION)


class _OutsideQuotes:
    """A pattern-like finder of the first speech verb outside quotations."""

    def search(self, text: str) -> re.Match[str] | None:
        verbs = speech_verbs(text)
        return verbs[0] if verbs else None


_OUTSIDE_QUOTES = _OutsideQuotes()


def _speaker_before(text: str, verb: re.Match[str]) -> str:
    before = text[: verb.start()]
    if QUOTE_END.search(before):
        names = _person_names(text[verb.end() : verb.end() + 80])
        return names[0] if names else text[verb.end() :].strip()
    after_quote = re.split(r"[\"\u201d]", before)[-1]  # '"...," Kaplan said'
    return _subject(after_quote if after_quote.strip(" ,") else before)


def _denier(text: str, match: re.Match[str]) -> str:
    by = _BY.match(text, match.end())
    if by is not None:
        name = NAME.match(text, by.end())
        if name is not None:
            return name.group(0)
    return _subject(text[: match.start()])


def speaker_of(line: Line) -> str | None:
    """Who speaks in a sentence: the name next to its speech verb, else the verb's subject."""
    for window, after in _windows(line.text):
        names = _person_names(window)
        if names:
            return names[0] if after else names[-1]
    verb = SPEECH.search(line.text)
    return _subject(line.text[: verb.start()]) if verb else None


def line_holding(quote: str, documents: Sequence[Document]) -> Line | None:
    """The sentence of the documents that holds a quote."""
    for paragraph in document_lines(documents):
        for line in paragraph:
            if quote.strip() and quote.strip() in line.text:
                return line
    return None
