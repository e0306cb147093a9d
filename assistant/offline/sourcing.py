"""Who a speaker is: name, role, kind and whether on the record, from the phrase as written.

``classify`` reads one phrase with the lexicons (titles, organisation nouns, anonymous heads,
report and document nouns). ``SpeakerMemory`` keeps the named parties seen so far in a document
so pronouns ("she"), surnames ("Baloch") and role nouns ("the spokesperson") resolve to the last
matching named speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.claims import SourceKind
from assistant.offline import lexicons as lex

OUTLET_NAME = "the outlet"
_WORD = re.compile(r"[A-Za-z][\w'\u2019.&-]*")
_OUTLETS = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in lex.OUTLETS) + r")\b")
_NEITHER = re.compile(r"^\s*neither\s+(.+?)\s+nor\s+(.+?)\s*$", re.IGNORECASE)
_AGED = re.compile(r"^the\s+\d+-year-old$", re.IGNORECASE)
_NOT_IN_NAMES = (
    lex.ADVERBIAL_OPENERS
    | lex.CONJUNCTIONS
    | frozenset("neither nor the a an both either said says this that of to for".split())
)
_AFFILIATED = re.compile(r"^((?:[A-Z][\w'.-]*\s+){1,3}[A-Z][\w'.-]*)\s+((?:of|at|from|with)\s+.+)$")
_MEDIA_ONLY = lex.REPORT_NOUNS - {"report", "reports", "reporting"}
_POSSESSIVES = frozenset({"its", "their", "his", "her", "the"})
_POSTMODIFIERS = frozenset(
    "who whom that which with from at in familiar close briefed involved".split()
)
_OF_THEM = frozenset({"them", "those", "us"})
_QUANTIFIERS = frozenset({"a", "an", "some", "several", "many", "few", "both", "another"})
_COUNTED_HEADS = lex.ANONYMOUS_HEADS | lex.TITLES | _OF_THEM
_COUNTS = lex.NUMBER_WORDS | _QUANTIFIERS
_NOT_PERSONAL_NOUNS = lex.ORGANIZATION_NOUNS | lex.REPORT_NOUNS | lex.DOCUMENT_NOUNS | lex.TITLES
_SPEAKS_FOR_BODY = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})
_DETERMINERS = frozenset({"the", "a", "an"})
_TITLES_BUT_OFFICIAL = lex.TITLES - {"official"}


@dataclass(frozen=True)
class Party:
    """A source as the rubric describes it (without stance and evidence)."""

    name: str
    role: str | None
    kind: SourceKind
    on_record: bool


OUTLET = Party(OUTLET_NAME, None, "outlet", True)


def _bare(word: str) -> str:
    return word.lower().replace("\u2019", "'").removesuffix("'s").strip(".()")


def _words(phrase: str) -> list[str]:
    return _WORD.findall(phrase)


def _has(phrase: str, nouns: frozenset[str]) -> bool:
    """Whether a word of ``phrase`` (or a part of a hyphenated one: "Times-Herald") is listed."""
    return not nouns.isdisjoint(_listable(phrase))


@lru_cache(maxsize=4096)
def _listable(phrase: str) -> frozenset[str]:
    """The bare words of ``phrase`` and the parts of its hyphenated ones, as a lexicon lists
    them: read once for the many lexicons a speaker phrase is checked against."""
    bare = [_bare(w) for w in _words(phrase)]
    return frozenset(bare).union(*(w.split("-") for w in bare))


def _name_after_title(words: list[str]) -> tuple[str, str] | None:
    """("Mumtaz Zahra Baloch", "FO Spokesperson") from "FO Spokesperson Mumtaz Zahra Baloch"."""
    titled = [i for i, w in enumerate(words) if _bare(w) in lex.TITLES]
    if not titled:
        return None
    last = titled[-1]
    name = words[last + 1 :]
    if name and all(w[:1].isupper() for w in name):
        return " ".join(name), " ".join(words[: last + 1])
    return None


def is_personal_name(phrase: str) -> bool:
    """Two or more capitalised words and nothing that marks a body, report or document."""
    if _bare(phrase.split()[0]) in _DETERMINERS:
        return False  # "The Consumer Finance Bureau": names of people take no article
    words = _words(phrase)
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    if _bare(words[0]) in lex.NUMBER_WORDS:
        return False
    return not _has(phrase, _NOT_PERSONAL_NOUNS) and not _OUTLETS.search(phrase.lower())


def _anonymous(phrase: str) -> bool:
    """Unnamed people: "sources", "two officials", "one of them", "a person familiar with".

    Officials or authorities of a named body ("Eastfield County health officials", "police
    officials") speak for that body on the record: an organization, not anonymous.
    """
    low = phrase.lower()
    if any(marker in low for marker in lex.ANONYMOUS_MARKERS):
        return True
    words = _words(phrase)
    if not words:
        return False
    words = _head_words(words)
    if _counted(words):
        return not _has(phrase, _SPEAKS_FOR_BODY)
    if _bare(words[0]) in _POSSESSIVES and _has(phrase, _TITLES_BUT_OFFICIAL):
        return False  # "its chief executive", "the company's spokesman": on the record
    head = _bare(words[-1])
    if head in lex.INSTITUTIONAL_HEADS and len(words) > 1 and _institution(words[:-1]):
        return False
    return head in lex.ANONYMOUS_HEADS or _unnamed_of(words)


def _unnamed_of(words: list[str]) -> bool:
    """ "a friend of the couple", "relatives of the victim": an unnamed person described by
    whom they belong to (not "Friends of the Earth", not "officials of the FBI")."""
    bare = [_bare(w) for w in words]
    if "of" not in bare[1:]:
        return False
    at = bare.index("of", 1)
    head = words[at - 1]
    people = lex.ANONYMOUS_HEADS - lex.INSTITUTIONAL_HEADS
    named = any(w[:1].isupper() for w in words[1:])
    return head.islower() and _bare(head) in people and not named


def _head_words(words: list[str]) -> list[str]:
    """The phrase up to its head noun: "five nurses who work there" -> "five nurses"."""
    for i, word in enumerate(words[1:], start=1):
        if _bare(word) in _POSTMODIFIERS:
            return words[:i]
    return words


def _counted(words: list[str]) -> bool:
    """ "One manager", "two of them", "several residents": counted, unnamed individuals."""
    first = _bare(words[0])
    rest_named = any(w[:1].isupper() for w in words[1:])
    people = _bare(words[-1]) in _COUNTED_HEADS
    return first in _COUNTS and not rest_named and people


def _institution(words: list[str]) -> bool:
    return any(w[:1].isupper() or _bare(w) in lex.ORGANIZATION_NOUNS for w in words)


def _document_report(phrase: str) -> bool:
    """ "the quarterly report", "the company's annual report": a document, not the media."""
    low = phrase.lower().replace("\u2019", "'")
    if "report" not in low or _OUTLETS.search(low) or _has(phrase, _MEDIA_ONLY):
        return False
    return _has(phrase, lex.DOCUMENT_REPORT_MODIFIERS) or "'s " in low


@lru_cache(maxsize=4096)
def classify(phrase: str, role: str | None = None) -> Party:
    """The party a speaker phrase names, judged from the phrase alone."""
    name = phrase.strip().strip(",").strip()
    words = _words(name)
    titled = _name_after_title(words)
    if titled is not None:
        return Party(titled[0], role or titled[1], "named_official", True)
    if role and is_personal_name(name):
        kind: SourceKind = "named_official" if _has(role, lex.TITLES) else "named_person"
        return Party(name, role, kind, True)
    low = name.lower()
    if _document_report(name):
        return Party(name, role, "document", True)
    if _OUTLETS.search(low) or _has(name, lex.REPORT_NOUNS):
        return Party(name, role, "media_report", True)
    person = _person_with_description(name, words)
    if person is not None:
        return replace(person, role=role or person.role)
    if _anonymous(name):
        return Party(name, role, "anonymous", False)
    if _has(name, lex.DOCUMENT_NOUNS):
        return Party(name, role, "document", True)
    if _has(name, lex.ORGANIZATION_NOUNS) or _has(name, lex.TITLES):
        return Party(name, role, "organization", True)
    if is_personal_name(name):
        return Party(name, role, "named_person", True)
    if _unnamed_individual(words):  # "a crane operator", "another shopper"
        return Party(name, role, "anonymous", False)
    return Party(name, role, "organization", True)


def _unnamed_individual(words: list[str]) -> bool:
    rest = words[1:]
    indefinite = bool(words) and _bare(words[0]) in {"a", "an", "one", "another"}
    return indefinite and bool(rest) and all(w.islower() for w in rest)


def _person_with_description(name: str, words: list[str]) -> Party | None:
    """ "Anita Desai of Crestline Research", "prison investigator Joe Goldsmith": a named
    person, the rest of the phrase their role."""
    affiliated = _AFFILIATED.match(name)
    if affiliated and is_personal_name(affiliated.group(1)):
        organization = affiliated.group(2).split(None, 1)[1]  # "of Crestline" -> "Crestline"
        return Party(affiliated.group(1), organization, "named_person", True)
    embedded = _embedded_name(words)
    if embedded is None:
        return None
    person, described = embedded
    kind: SourceKind = "named_official" if _has(described, lex.TITLES) else "named_person"
    return Party(person, described, kind, True)


def _embedded_name(words: list[str]) -> tuple[str, str] | None:
    """("Keiko Brandt", "Industry analyst ... of Signalbridge Research") from "Industry
    analyst Keiko Brandt of Signalbridge Research": a personal name after a lower-case
    descriptor, the rest of the phrase its role."""
    for i in range(1, len(words) - 1):
        descriptor = words[i - 1]
        if not descriptor.islower() or descriptor in _NOT_IN_NAMES or not words[i][:1].isupper():
            continue  # "investigator Joe Goldsmith", not "of Homeland Security"
        j = i
        while j < len(words) and words[j][:1].isupper():
            j += 1
        if 2 <= j - i <= 4 and is_personal_name(" ".join(words[i:j])):
            return " ".join(words[i:j]), " ".join(words[:i] + words[j:])
    return None


def split_neither(phrase: str) -> list[str]:
    """["Islamabad", "Beijing"] from "Neither Islamabad nor Beijing"; else [phrase]."""
    match = _NEITHER.match(phrase)
    return [match.group(1), match.group(2)] if match else [phrase]


def _is_role_reference(words: list[str]) -> str | None:
    """ "the spokesperson" -> "spokesperson": a definite role noun without a name."""
    if len(words) == 2 and words[0].lower() == "the" and _bare(words[1]) in lex.ROLE_NOUNS:
        return _bare(words[1])
    return None


_NAME_TOKEN = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'\u2019-]*)"
# A full name ("Prime Minister Boris Johnson") lies inside one stretch of name characters and
# spaces; its surname starts a space-separated piece of that stretch.
_NAME_STRETCH = re.compile(r"[\w'\u2019.& -]+")
_TOKEN = re.compile(_NAME_TOKEN)
_TOKEN_START = re.compile(r"\b[A-Z]")
_BOUNDARY = re.compile(r"\b")
_MOST_TOKENS = 4


class NameIndex:
    """The stretches of name characters of a text around a given place, so that the full name
    behind a surname is searched for only in the stretches holding that surname. A stretch is
    read forwards from the place, and backwards in the reversed text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.backwards = text[::-1]

    def stretch_at(self, at: int) -> tuple[int, int] | None:
        """The stretch holding ``text[at]``, if that is a name character."""
        forwards = _NAME_STRETCH.match(self.text, at)
        backwards = _NAME_STRETCH.match(self.backwards, len(self.text) - 1 - at)
        if forwards is None or backwards is None:
            return None
        return len(self.text) - backwards.end(), forwards.end()

    def stretches_with(self, surname: str) -> list[tuple[int, int]]:
        """The stretches holding ``surname``, in order."""
        found: list[tuple[int, int]] = []
        at = self.text.find(surname) if surname else -1
        while at >= 0:
            stretch = self.stretch_at(at)
            if stretch is not None:
                found.append(stretch)
            after = stretch[1] if stretch is not None else at + 1
            at = self.text.find(surname, after)
        return found


def full_names(text: str, start: int, end: int, surname: str) -> Iterator[tuple[int, int]]:
    """Where ``\\b((?:TOKEN +){1,4})SURNAME\\b`` (TOKEN: ``_NAME_TOKEN``) matches in
    ``text[start:end]``, as ``re.finditer`` finds it: (match start, surname start) pairs. Read
    token by token instead of compiling one pattern per surname: a token runs up to the next
    space, so each candidate start has one reading, and the greedy repetition takes the most
    tokens (up to four) after which the surname follows. ``surname`` is a word as ``_WORD``
    reads one (it opens with a letter)."""
    at = start
    while True:
        for candidate in _TOKEN_START.finditer(text, at, end):
            surname_at = _surname_after_tokens(text, candidate.start(), end, surname)
            if surname_at is not None:
                yield candidate.start(), surname_at
                at = surname_at + len(surname)
                break
        else:
            return


def _surname_after_tokens(text: str, at: int, end: int, surname: str) -> int | None:
    """Where ``surname`` (a whole word) starts after the most name tokens from ``at``, if any."""
    found = None
    for _ in range(_MOST_TOKENS):
        space = text.find(" ", at, end)
        if space < 0 or _TOKEN.fullmatch(text, at, space) is None:
            break
        at = space + 1
        while at < end and text[at] == " ":
            at += 1
        after = at + len(surname)
        if text.startswith(surname, at, end) and _BOUNDARY.match(text, after, end):
            found = at
    return found


class DocumentNames:
    """A document's full names behind lone surnames, found through one :class:`NameIndex`.
    Depends on the text alone, so every part of a document shares one (see :func:`names_in`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: NameIndex | None = None
        self._found: dict[str, Party | None] = {}

    def full_name(self, surname: str) -> Party | None:
        """ "Johnson" -> "Prime Minister Boris Johnson" when the text names them so somewhere."""
        if surname not in self._found:
            self._found[surname] = self._search(surname)
        return self._found[surname]

    def _search(self, surname: str) -> Party | None:
        """The first full name in the text ending in ``surname``, searched only in the stretches
        of name characters that hold the surname (a match never crosses such a stretch)."""
        if self._index is None:
            self._index = NameIndex(self.text)
        for start, end in self._index.stretches_with(surname):
            for match_at, surname_at in full_names(self.text, start, end, surname):
                if any(_bare(w) in _NOT_IN_NAMES for w in _words(self.text[match_at:surname_at])):
                    continue
                whole_end = surname_at + len(surname)
                party = classify(self.text[match_at:whole_end])
                if party.kind == "named_person" and party.role is None:
                    role = appositive_role(self.text, whole_end)
                    party = classify(self.text[match_at:whole_end], role) if role else party
                if party.kind in {"named_official", "named_person"}:
                    return party
        return None


@lru_cache(maxsize=4)
def names_in(text: str) -> DocumentNames:
    """The names of the document ``text``: built once, shared by the extractors of its parts
    (each reads the whole text; a few recent documents are kept)."""
    return DocumentNames(text)


_PEOPLE = frozenset({"named_official", "named_person"})
_ORGANIZATIONS = frozenset({"organization"})
_REMEMBERED = _PEOPLE | _ORGANIZATIONS | {"document"}


class _LatestByWord:
    """Party names under each word, so the latest party with a word is found without a scan."""

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}

    def add(self, words: set[str], name: str) -> None:
        for word in words:
            self.names.setdefault(word, set()).add(name)

    def discard(self, words: set[str], name: str) -> None:
        for word in words:
            self.names.get(word, set()).discard(name)

    def latest(self, word: str, order: dict[str, int]) -> str | None:
        return max(self.names.get(word, ()), key=order.__getitem__, default=None)


@dataclass
class SpeakerMemory:
    """Named parties seen so far in one document (by name, most recent last), and the
    document's text for finding the full name behind a lone surname. Indexes by name word and
    role word keep each look-up independent of how many parties the document names."""

    text: str = ""
    parties: dict[str, Party] = field(default_factory=dict)
    _order: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _remembered: int = field(default=0, init=False, repr=False, compare=False)
    _people_by_name: _LatestByWord = field(
        default_factory=_LatestByWord, init=False, repr=False, compare=False
    )
    _people_by_role: _LatestByWord = field(
        default_factory=_LatestByWord, init=False, repr=False, compare=False
    )
    _documents_by_name: _LatestByWord = field(
        default_factory=_LatestByWord, init=False, repr=False, compare=False
    )

    def _full_name(self, surname: str) -> Party | None:
        """ "Johnson" -> "Prime Minister Boris Johnson" when the text names them so somewhere."""
        return names_in(self.text).full_name(surname)

    def remember(self, party: Party) -> None:
        if party.kind not in _REMEMBERED:
            return
        old = self.parties.pop(party.name, None)
        self.parties[party.name] = party
        self._remembered += 1
        self._order[party.name] = self._remembered
        if old == party:
            return  # the same party named again: its index entries stand
        if old is not None:
            self._index(old, adding=False)
        self._index(party, adding=True)

    def _index(self, party: Party, adding: bool) -> None:
        """Add ``party`` to (or drop it from) the indexes of its kind."""
        if party.kind in _PEOPLE:
            indexes = [
                (self._people_by_name, {w.lower() for w in _words(party.name)}),
                (self._people_by_role, {_bare(w) for w in _words(party.role or "")}),
            ]
        elif party.kind == "document":
            indexes = [(self._documents_by_name, {_bare(w) for w in _words(party.name)})]
        else:
            indexes = []
        for index, words in indexes:
            (index.add if adding else index.discard)(words, party.name)

    def _latest(self, kinds: frozenset[str]) -> Party | None:
        return next((p for p in reversed(self.parties.values()) if p.kind in kinds), None)

    def _by_token(self, token: str) -> Party | None:
        name = self._people_by_name.latest(token.lower(), self._order)
        return self.parties[name] if name is not None else None

    def _by_role(self, noun: str) -> Party | None:
        name = self._people_by_role.latest(noun, self._order)
        return self.parties[name] if name is not None else None

    def resolve(self, phrase: str, role: str | None = None) -> Party | None:
        """The party ``phrase`` names in context; None for an unresolvable pronoun."""
        words = _words(phrase)
        if not words:
            return None
        low = words[0].lower()
        if len(words) == 1 and low in lex.PERSONAL_PRONOUNS:
            return self._latest(_PEOPLE)
        if len(words) == 1 and low in lex.GROUP_PRONOUNS:
            return self._latest(_ORGANIZATIONS) if low in {"it", "they"} else None
        noun = _is_role_reference(words)
        if noun is not None:
            found = self._by_role(noun)
            if found is not None:
                return found
        if _AGED.match(phrase.strip()):  # "the 36-year-old"
            return self._latest(_PEOPLE)
        if len(words) == 1 and words[0][:1].isupper() and role is None:
            found = self._by_token(words[0]) or self._full_name(words[0])
            if found is not None:
                return found
        known = self.parties.get(phrase.strip())
        if known is not None and known.kind in _PEOPLE and role is None:
            return known
        return self._document(words) or classify(phrase, role)

    def _document(self, words: list[str]) -> Party | None:
        """ "The report said ..." after "according to an inspection report": that document."""
        if len(words) != 2 or words[0].lower() not in {"the", "this", "that"}:
            return None
        name = self._documents_by_name.latest(words[1].lower(), self._order)
        return self.parties[name] if name is not None else None


_BODY_AFTER = re.compile(r"\b(?:for|of|at|with)\s+(.+)$")


def speaks_for(party: Party) -> str:
    """The body a party speaks for: an organization itself; for a person, the body their role
    names ("a spokesman for the firm": the firm; "Port authority spokesperson": the port
    authority; "Harborline's director": Harborline), else ""."""
    if party.kind == "organization":
        return party.name
    role = (party.role or "").strip().rstrip(",")
    after = _BODY_AFTER.search(role)
    if after:
        return after.group(1).strip()
    words = role.split()
    titles = [i for i, w in enumerate(words) if _bare(w) in lex.TITLES]
    if not titles or titles[0] == 0:
        return ""
    body = words[: titles[0]]
    if body[-1].endswith(("'s", "’s")):
        return " ".join(body)[:-2]
    if body[0].lower() in {"the", "a", "an"}:
        body = body[1:]
    proper = all(w[:1].isupper() for w in body)
    common = len(body) == 1 and _bare(body[0]) in lex.ORGANIZATION_NOUNS  # "Company spokeswoman"
    return " ".join(body) if proper and not common else "the " + " ".join(body).lower()


_APPOSITIVE = re.compile(r",\s+((?:the|a|an)\s+[^,.;:\"\u201c]{3,80}?),")


def appositive_role(text: str, end: int) -> str | None:
    """The role set off after a name ending at ``end``: "Tom Okafor, the port authority's
    spokesperson, ..." gives "the port authority's spokesperson"; None without a title."""
    match = _APPOSITIVE.match(text, end)
    if match is None or not _has(match.group(1), lex.TITLES):
        return None
    return match.group(1)
