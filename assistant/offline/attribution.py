"""Who said what: speaker, cue and content of each attribution in a sentence.

Handles direct quotes (``"...," she said`` / ``X said, "..."``), indirect speech (``X said that
...``, ``X told Y ...``, ``X denied claims that ...``), ``according to X``, ``citing X``,
participles that reuse the sentence's subject (``..., asserting that ...``), trailing and inverted
attributions (``..., the government said Sunday`` / ``..., said Jane Doe, a spokeswoman``) and the
outlet's own "could not be verified". Speakers are returned as written (pronouns included); the
caller resolves them (see sourcing.py).

All matching runs on a "masked" copy of the sentence: curly quotes made straight, and the inside
of every quotation replaced by ``x``, so words and commas inside a quote never look like
attribution. Offsets are shared with the original text, so every span is exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.grounding import _CHAR_MAP  # what plain() straightens
from assistant.offline import lexicons as lex
from assistant.offline.segmentation import (
    _QUOTE_MARK,  # the marks quotations() reads: a sentence without one has no quotation
    Span,
    mask_quotations,
    plain,
    quotations,
    sentences,
)

ACCORDING = "according to"
CITING = "citing"
CALLED = (
    "called",
    "calling",
    "described",
    "describing",
    "branded",
    "branding",
    "termed",
    "labelled",
    "labeled",
    "dubbed",
)
MAX_SPEAKER_WORDS = 12


@dataclass(frozen=True)
class Attribution:
    """One act of speech found in a sentence; spans are offsets into the full text.

    ``speaker`` is the phrase as written ("FO Spokesperson Mumtaz Zahra Baloch", "she", "" for
    the outlet's own voice), ``role`` an appositive role ("a spokesman for the firm").
    ``content`` is what is attributed, without the cue's "that"; ``hearsay`` marks content
    introduced as others' claims ("denied claims that ..."), ``clause`` content introduced by
    "that" or a quotation (not a bare noun phrase). ``statement`` marks a noun-phrase
    object ("reaffirmed Beijing's support"): the claim is the statement itself. ``cited`` are
    sources the speaker cites ("citing five officials"). ``lead`` is a main clause in the
    outlet's own voice before a subordinate attribution ("Shares rose 14 percent, after two
    outlets reported that ...").
    """

    speaker: str
    role: str | None
    cue: str
    stance: lex.CueStance
    content: str
    sentence: Span
    direct: bool = False
    hearsay: bool = False
    clause: bool = False
    statement: bool = False
    exhortation: bool = False
    cited: tuple[str, ...] = field(default=())
    lead: str = ""
    cue_at: Span | None = None  # the cue's offsets in the full text


def _cue_table() -> dict[str, lex.CueStance]:
    table: dict[str, lex.CueStance] = {}
    for stance, phrases in lex.CUES.items():
        for phrase in phrases:
            table[phrase] = stance
    for phrase in lex.OUTLET_NOT_CONFIRMED:
        table[phrase] = "not_confirmed"
    return table


CUE_STANCE = _cue_table()
_CUE_WORDS = frozenset(c for c in CUE_STANCE if " " not in c)
_SPECIAL = (ACCORDING, CITING, *CALLED, *lex.EXHORTATION_VERBS)
_ALL_CUES = sorted({*CUE_STANCE, *_SPECIAL}, key=len, reverse=True)
_TOKEN = re.compile(r"[a-z]+")


class _CueTable:
    """Cue phrases by their first word (longest first, so the longest phrase wins), with the
    first words that are phrases alone and the second words of the longer phrases, to tell
    cheaply whether a sentence can hold one. Hashed by identity: a key of the per-sentence
    memo."""

    def __init__(self, cues: Sequence[str]) -> None:
        table: dict[str, list[str]] = {}
        for cue in cues:
            table.setdefault(cue.split()[0], []).append(cue)
        self.by_first_word = {word: tuple(phrases) for word, phrases in table.items()}
        self.first = frozenset(table)
        self.alone = frozenset(cue for cue in cues if " " not in cue)
        self.second_words = {
            word: frozenset(p.split()[1] for p in phrases if " " in p)
            for word, phrases in table.items()
        }

    def first_words(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """The first words among ``tokens`` of phrases that may be there: a phrase found in a
        sentence has each of its words as a word of the sentence."""
        found = self.first.intersection(tokens)
        if not found:
            return ()
        return tuple(
            word
            for word in found
            if word in self.alone or not self.second_words[word].isdisjoint(tokens)
        )


_NARROW_TABLE = _CueTable(_ALL_CUES)
_TOKEN_ANY_CASE = re.compile(r"[A-Za-z]+")
_VERB_FILLERS = (
    lex.AUXILIARIES
    | lex.MODALS
    | frozenset("also not never still long has have and but once even then later".split())
)
_SPEAKER_ENDS = (
    lex.PERSONAL_PRONOUNS
    | lex.GROUP_PRONOUNS
    | lex.ANONYMOUS_HEADS
    | lex.TITLES
    | lex.ORGANIZATION_NOUNS
    | lex.REPORT_NOUNS
    | lex.DOCUMENT_NOUNS
    | frozenset(
        """poll survey study research analysis data video footage ad website campaign critic
        supporter voter people expert analyst democrat republican leader american member
        resident observer""".split()
    )
)


def _is_participle(cue: str) -> bool:
    return cue.split()[0].endswith("ing")


# The wider reading for the attributions a document lists (who said what): every cue above and
# the verbs of belief, wish and stance as well.
_BROAD_CUES = sorted({*_ALL_CUES, *lex.ATTRIBUTION_CUES}, key=len, reverse=True)
_BROAD_TABLE = _CueTable(_BROAD_CUES)
# Every cue phrase either reading finds (the wider cues include the narrow ones) opening with a
# participle ("saying", "denying").
_PARTICIPLE_CUES = frozenset(filter(_is_participle, _BROAD_CUES))
# Cues the wider reading reads differently from the narrow one.
_NARROW = frozenset(_ALL_CUES)
_WIDER_READ = frozenset((*CALLED, *lex.SHOW_CUES, *lex.EXHORTATION_VERBS, *lex.NEEDS_CLAUSE))
# Words that make the wider reading differ: its own cues, and the cues it reads more freely
# ("called" without a dismissive word, "shows" after any speaker, "asked" without advice).
_BROAD_ONLY = (_BROAD_TABLE.first - _NARROW_TABLE.first) | frozenset(
    c.split()[0] for c in _WIDER_READ
)


@dataclass(frozen=True)
class CueMatch:
    """A cue phrase found in a sentence: offsets into the sentence, text lower-cased."""

    start: int
    end: int
    cue: str


def has_wider_cues(sentence: str) -> bool:
    """Whether ``sentence`` has a cue only the wider reading knows ("wants", "the poll found")
    right after a word that can end a speaker's name (a capitalised word, a pronoun, a noun for
    people, bodies or reports): a cheap test before the wider reading."""
    lowered = _lowered(sentence)[1]
    if _BROAD_ONLY.isdisjoint(lowered):
        return False
    words = _TOKEN_ANY_CASE.findall(sentence)
    if not sentence.isascii():  # lower case may join or part letters there
        lowered = tuple(word.lower() for word in words)
    return any(_after_speaker(words, i) for i, low in enumerate(lowered) if low in _BROAD_ONLY)


def _after_speaker(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` follows a possible speaker, across up to two auxiliaries or
    adverbs ("Trump has long called for")."""
    for before in reversed(words[max(0, at - 3) : at]):
        if _speaker_end(before):
            return True
        low = before.lower()
        if not (low in _VERB_FILLERS or (low.endswith("ly") and len(low) > 4)):
            return False
    return False


def _speaker_end(word: str) -> bool:
    low = word.lower()
    if word[:1].isupper() or low in _SPEAKER_ENDS or low.removesuffix("s") in _SPEAKER_ENDS:
        return True
    return low.endswith(("ers", "ists", "ians"))  # "protesters", "economists", "politicians"


@lru_cache(maxsize=1024)
def find_cues(sentence: str) -> tuple[CueMatch, ...]:
    """Speech cues in ``sentence`` (longest phrase first at each word), in reading order."""
    return _cues(sentence, _NARROW_TABLE)


@lru_cache(maxsize=256)
def find_wider_cues(sentence: str) -> tuple[CueMatch, ...]:
    """:func:`find_cues` with the verbs of belief, wish and stance too
    (lexicons.ATTRIBUTION_CUES)."""
    return _cues(sentence, _BROAD_TABLE)


def _cues(sentence: str, table: _CueTable) -> tuple[CueMatch, ...]:
    first_words = _first_words(sentence, table)
    if not first_words:
        return ()
    low = _lowered(sentence)[0]
    found: list[CueMatch] = []
    resume = 0
    starts = sorted(at for first in first_words for at in _token_starts(low, first))
    for start, word in starts:
        if start < resume or (start > 0 and low[start - 1].isalnum()):
            continue
        if start > 0 and sentence[start].isupper():
            continue  # part of a name: "the United States"
        for cue in table.by_first_word[word]:
            end = start + len(cue)
            if low.startswith(cue, start) and not low[end : end + 1].isalnum():
                found.append(CueMatch(start, end, cue))
                resume = end
                break
    return tuple(found)


@lru_cache(maxsize=512)
def _first_words(sentence: str, table: _CueTable) -> tuple[str, ...]:
    """The first words of ``table``'s phrases that ``sentence`` may hold, read once a sentence
    (the narrow and the wider reading, the plain test for a verb of saying)."""
    return table.first_words(_lowered(sentence)[1])


@lru_cache(maxsize=256)
def _lowered(sentence: str) -> tuple[str, tuple[str, ...]]:
    """``sentence`` in lower case and its words (runs of a-z), read once for every cue table."""
    low = sentence.lower()
    return low, tuple(_TOKEN.findall(low))


def _token_starts(low: str, word: str) -> list[tuple[int, str]]:
    """Where ``word`` stands as a whole run of letters a-z in ``low``."""
    starts = []
    at = low.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _is_letter(low[at - 1])) and not (end < len(low) and _is_letter(low[end])):
            starts.append((at, word))
        at = low.find(word, at + 1)
    return starts


def _is_letter(char: str) -> bool:
    return "a" <= char <= "z"


class _Guarded:
    """A case-blind pattern run only where it can match: on ASCII text, only if the text holds
    one of the words it ``needs`` or ends with one of its ``ends`` (a pattern anchored at $).
    Other text always runs it, as re.IGNORECASE also matches some non-ASCII letters ("ſ")."""

    def __init__(
        self, pattern: re.Pattern[str], needs: tuple[str, ...] = (), ends: tuple[str, ...] = ()
    ) -> None:
        self.pattern = pattern
        self.needs = needs
        self.ends = ends
        self.tail = max(map(len, ends), default=0) + 1  # an ending and a newline

    def may_match(self, text: str) -> bool:
        if not text.isascii():
            return True
        if self.ends:  # $ also matches before a final newline
            return text[-self.tail :].lower().removesuffix("\n").endswith(self.ends)
        return any(map(text.lower().__contains__, self.needs))

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.may_match(text) else text

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.may_match(text) else None


_HEARSAY = re.compile(
    r"^(?:the\s+|these\s+|those\s+)?(?:media\s+|news\s+)?(?:claims?|reports?|allegations?|"
    r"suggestions?|rumou?rs?|speculations?|accusations?)\s+that\s+",
    re.IGNORECASE,
)
_THAT = re.compile(r"^\s*[,:]?\s*(?:that\s+)?", re.IGNORECASE)
_THAT_OPENING = re.compile(r"^\s*[,:]?\s*that\b", re.IGNORECASE)
_THAT_OR_QUOTE = re.compile(r"^\s*[,:]?\s*(?:that\b|\")")
_THAT_WORD = re.compile(r"\bthat\b", re.IGNORECASE)
_THAT_CLAUSE = re.compile(r"^\s*,?\s*(?:\w+\s+){0,2}?that\s", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'.-]*")
_PARTICIPLE_LEAD = re.compile(
    r"(?:,\s*(?:while|and|before|after|by)?|,\"|\s(?:while|before|after))$"
)
_LATE_THAT = _Guarded(
    re.compile(r"^\s*,?\s*((?:[\w.'-]+\s+){1,10}?)that\s+", re.IGNORECASE), needs=("that",)
)
_SHARED_SUBJECT = re.compile(r"\s(?:and|but)(?:\s+(?:also|later|then))?\s*$", re.IGNORECASE)
_TRAILING_TIME = _Guarded(
    re.compile(
        r"\s+(?:(?:late|early|earlier|later)\s+)?(?:on|this|last|in|early|late)\s+(?:monday|"
        r"tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|morning|"
        r"evening|night|afternoon|a statement)(?:\s+(?:morning|evening|night|afternoon))?$"
        r"|\s+(?:yesterday|today|tonight|earlier|later|previously)$",
        re.IGNORECASE,
    ),
    ends=(
        *("day", "week", "weekend", "month", "year", "morning", "evening", "night"),
        *("afternoon", "statement", "earlier", "later", "previously"),
    ),
)
_DISMISSED_AS = re.compile(r"\s+as\s+[\"\u201c][^\"\u201d]*[\"\u201d]?\.?[\"\u201d]?$")
_TRAILING_LABEL = re.compile(r"\s+[\"\u201c][^\"\u201d]*[\"\u201d]\.?$")
_EXHORTED = re.compile(r"\b(?:to|for)\b", re.IGNORECASE)


_ANONYMITY = re.compile(
    r"^\s*(?:not to be (?:named|identified)|that (?:his|her|their) names? (?:not )?be|"
    r"for anonymity)\b",
    re.IGNORECASE,
)


def _exhorts(after: str) -> bool:
    """Advice has an addressee and an action: "urged reporters to wait", "called for calm";
    "asked not to be named" describes an anonymous speaker and asks nothing."""
    if _ANONYMITY.match(after):
        return False
    following = after.split()[:1]
    if following and following[0].lower() in _STATEMENT_OPENERS:
        return False  # "warned that ...", "warned could add ...": a statement, not advice
    return _EXHORTED.search(after[:45]) is not None


_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\([^)]*\))?\s*[-\u2013\u2014]+\s*")
_LEAD = re.compile(
    r"^(?P<lead>[^\"]*?\S)\s*,?\s+(?:" + "|".join(sorted(lex.SUBORDINATORS)) + r")\s+[^,]+$",
    re.IGNORECASE,
)
_INTERVAL = _Guarded(  # "..., a day after": the interval belongs to the subordinate clause
    re.compile(
        r",?\s+(?:a|an|one|two|three|four|five|six|several|just|only)\s+"
        r"(?:day|days|week|weeks|hour|hours|month|months|minutes)$",
        re.IGNORECASE,
    ),
    ends=("day", "days", "week", "weeks", "hour", "hours", "month", "months", "minutes"),
)
_AND_LEAD = re.compile(r"^(?P<lead>[^\"]*?\S),\s+(?:and|but)\s+[^,]+$", re.IGNORECASE)
_CIRCUMSTANCE = re.compile(
    r",\s+(?P<interval>(?:a|one|two|three|several) (?:day|days|week|weeks|hour|hours) |shortly "
    r"|just |soon )?(?P<word>after|before|amid|despite|while)\s",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$", re.IGNORECASE)
_LEAD_IN = re.compile(r"^\s*(?:only|simply|just|merely)\s*:\s*", re.IGNORECASE)
_AND_THAT = _Guarded(re.compile(r",?\s+and\s+that\s+", re.IGNORECASE), needs=("that",))
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|that)\s+", re.IGNORECASE)  # "officials who asked"
# "according to the audit summary posted on the district's website": the document is the
# noun phrase before the participle.
_REDUCED_RELATIVE = re.compile(
    r"\s+(?:posted|published|released|filed|seen|obtained|shared|issued|prepared|sent|"
    r"submitted|compiled|conducted|commissioned)\b"
)
_TIMED_CLAUSE = re.compile(r"^(?:\S+\s+){0,3}(?:after|before|since|until)\b", re.IGNORECASE)
_PAIRED_APOSTROPHES = _Guarded(re.compile(r"^'{1,2}(?=[A-Z])|,'{1,2}$|''$"), needs=("'",))
_RECALLED = re.compile(r"\b(?:after|before|since|without)\s*$", re.IGNORECASE)
_RELATIVE_TAIL = _Guarded(
    re.compile(r"(?<=\w)\s+(?:who|whose)\s+\w.*$", re.IGNORECASE), needs=("who",)
)
_RELATIVE_END = re.compile(r"\s+(?:who|which|that)$", re.IGNORECASE)
_AS_CLAUSE = re.compile(r"^\s*as\s+", re.IGNORECASE)
_NEGATED_SUBJECT = re.compile(r"^(?:neither|no|none|nobody)\b", re.IGNORECASE)
_CITING = _Guarded(re.compile(r",?\s*\bciting\b[^,]*,?", re.IGNORECASE), needs=("citing",))


def _participle_cue(cue: str) -> bool:
    """:func:`_is_participle` of a cue phrase found in a sentence, looked up."""
    return cue in _PARTICIPLE_CUES


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_verb(word: str) -> bool:
    low = word.lower()
    if low in lex.AUXILIARIES:
        return True
    if word.islower() and low in lex.IRREGULAR_PAST:
        return True
    return word.islower() and low.endswith("ed") and low not in lex.TITLES


@lru_cache(maxsize=4096)
def _looks_like_speaker(phrase: str) -> bool:
    words = _words(phrase)
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    head = words[0].lower().replace("\u2019", "'").split("'")[0]
    if len(words) > 1 and head in _ADDRESSING_PRONOUNS:
        return False
    if words[0].lower() in _NO_SPEAKER_OPENERS or any(_is_verb(w) for w in words):
        return False
    if any(w.lower() in lex.NOT_IN_SPEAKERS for w in words) or any(c in phrase for c in ':"'):
        return False
    if words[-1].lower().endswith(("'s", "\u2019s")) or words[-1].lower() in lex.CONJUNCTIONS:
        return False
    lowered = {w.lower().removesuffix("'s") for w in words}
    head = words[-1].lower().removesuffix("'s")
    core = _core_head(words)  # "two managers at the plant": managers
    if core and (core in _PEOPLE or core.removesuffix("s") in _PEOPLE):
        return True
    if head in _SPEAKER_NOUNS:  # "provincial authorities", "senior officials"
        return True
    opener = words[0][0].isupper() or words[0].lower() in _OPENERS_OR_NOUNS
    # "port authority spokesperson Tom Okafor" after "However,": a title, then a name
    titled = any(w.lower() in lex.TITLES for w in words[:-1]) and words[-1][0].isupper()
    return titled or (
        opener and (any(w[0].isupper() for w in words) or bool(lowered & _SPEAKER_NOUNS))
    )


_PEOPLE = lex.ANONYMOUS_HEADS | lex.TITLES
_POSTMODIFIER_PREPOSITIONS = frozenset("at of from in with for on".split())


def _core_head(words: list[str]) -> str:
    """The head noun before a prepositional postmodifier, or ""."""
    for i, word in enumerate(words[1:], start=1):
        if word in _POSTMODIFIER_PREPOSITIONS:
            return words[i - 1].lower()
    return ""


_RELATIVES = frozenset(
    {"who", "whom", "whose", "which", "that", "to", "of", "prior", "than", "as", "and", "but"}
)
_OPENERS = lex.NUMBER_WORDS | frozenset(
    "the a an some several many most few two three four five six seven eight nine ten".split()
)
# Word sets the speaker tests ask about, joined once (not on every call).
_ADDRESSING_PRONOUNS = lex.PERSONAL_PRONOUNS | lex.GROUP_PRONOUNS | {"you"}
_ALL_PRONOUNS = lex.GROUP_PRONOUNS | lex.PERSONAL_PRONOUNS
_PRONOUNS_AND_THEY = lex.PERSONAL_PRONOUNS | {"they"}
_NO_SPEAKER_OPENERS = lex.ADVERBIAL_OPENERS | _RELATIVES
_SPEAKER_NOUNS = (
    lex.ANONYMOUS_HEADS
    | lex.ORGANIZATION_NOUNS
    | lex.REPORT_NOUNS
    | lex.DOCUMENT_NOUNS
    | lex.TITLES
    | lex.PERSONAL_PRONOUNS
    | lex.GROUP_PRONOUNS
)
_OPENERS_OR_NOUNS = _OPENERS | _SPEAKER_NOUNS
_STATEMENT_OPENERS = lex.MODALS | lex.AUXILIARIES | {"that"}
_DENIABLE = lex.DENIABLE_OBJECTS | lex.REPORT_ANAPHORS


def _strip_trailing_adverbs(pre: str) -> str:
    text = pre.rstrip()
    while text:  # word by word from the end (split at single spaces)
        head, _, last = text.rpartition(" ")
        if not (last.lower() in lex.SPEAKER_ADVERBS or _is_adverb(last)):
            break
        text = head
    return _without_trailing_time(text.rstrip())


def _without_trailing_time(phrase: str) -> str:
    """ "the ministry on Monday" -> "the ministry"; "Norland Today" is a name, kept."""
    words = phrase.rsplit(None, 2)  # the last two words
    if len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper():
        return phrase
    return _TRAILING_TIME.sub("", phrase)


def _is_adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) > 4


# Words that may end a clause before a noun phrase (with any word in -ed or -ing).
_CLAUSE_WORDS = lex.AUXILIARIES | lex.IRREGULAR_PAST | _CUE_WORDS | lex.CONJUNCTIONS
# "parents began circulating a letter": a gerund before a determiner is a verb.
_DETERMINERS = frozenset("a an the his her its their this these those".split())


def _after_last_verb(chunk: str) -> str:
    """The noun phrase closing ``chunk``: words after its last verb or clause conjunction."""
    words = chunk.split()
    cut = 0
    for i, word in enumerate(words):
        bare = word.strip(",;:\"'()").lower()
        if bare not in _CLAUSE_WORDS and not bare.endswith(("ed", "ing")):
            continue  # neither verb nor conjunction
        verb = _is_verb(word.strip(",;:\"'()")) or bare in _CUE_WORDS
        if not verb and bare.endswith("ing") and word.islower() and i + 1 < len(words):
            verb = words[i + 1].lower() in _DETERMINERS  # "circulating a letter"
        conjunction = bare in lex.CONJUNCTIONS and bare != "and"
        if conjunction and i and words[i - 1].lower() in _TIME_NOUNS:
            conjunction = False  # "posts in the days after the fire": a time, no clause
        if verb or conjunction:
            cut = i + 1
    if cut == 0 and words and words[0].lower() in {"and", "but", "or"}:
        cut = 1
    if cut and cut < len(words) and words[cut].lower() not in _DETERMINERS:
        # "officials said Tuesday they" -> "they" (not "circulating a letter" -> "letter")
        while cut < len(words) - 1 and words[cut].lower() in lex.TIME_WORDS:
            cut += 1
    if len(words) > 1 and words[-1].lower() in _PRONOUNS_AND_THEY:
        cut = len(words) - 1  # "... reaches Rollinger she": an unparsed verb, then the speaker
    if cut and cut < len(words) and words[cut].lower() in lex.ADVERBIAL_OPENERS:
        agents = [i for i in range(cut, len(words)) if words[i].lower() == "by"]
        if agents:  # "published on Wednesday by the newsletter X, which said"
            cut = agents[-1] + 1
    return " ".join(words[cut:])


_TIME_PHRASE = _Guarded(
    re.compile(
        r"(?<=\w)\s+(?:in|during|over|within)\s+(?:the\s+)?(?:\w+\s+)?"
        r"(?:days|hours|weeks|months|minutes|moments)\s+(?:after|before|since|following)\b.*$",
        re.IGNORECASE,
    ),
    needs=("after", "before", "since", "following"),
)
_TIME_NOUNS = frozenset(
    "day days hour hours week weeks month months year years minutes moments night nights".split()
)
_CLAUSE_COMMA = re.compile(r",(?!\d{3})")  # not the comma of "1,450"


@lru_cache(maxsize=4096)
def _speaker_before(masked_pre: str) -> tuple[str, str | None]:
    """Speaker phrase (and appositive role) ending a stretch of masked text, or ("", None)."""
    pre = _strip_trailing_adverbs(_CITING.sub(" ", masked_pre))
    if '"' in pre:
        pre = pre[pre.rfind('"') + 1 :]
    chunks = [c.strip() for c in _CLAUSE_COMMA.split(pre.rsplit(":", 1)[-1])]
    chunks = [c for c in chunks if c]
    if chunks and chunks[-1].split()[0].lower() in lex.SUBORDINATORS:
        chunks = [chunks[-1].split(None, 1)[-1]]  # "..., after two news outlets reported"
    while len(chunks) > 1 and chunks[-1].split()[0].lower() in lex.ADVERBIAL_OPENERS:
        chunks.pop()
    if len(chunks) > 1 and _is_participle(chunks[0].split()[0].lower()):
        chunks = chunks[1:]  # "Denying the report, the council's chief executive said"
    if not chunks:
        return "", None
    chain = _appositive_chain(chunks)
    if chain is not None:  # "Scott Pruitt, the attorney general ..., one of the states ..., said"
        speaker = _after_last_verb(chunks[chain])
        role = next((c for c in chunks[chain + 1 :] if _has_title(c)), None)
        return (speaker, role) if _looks_like_speaker(speaker) else ("", None)
    last = _RELATIVE_TAIL.sub("", chunks[-1])  # "a shopkeeper who asked not to be named"
    last = _TIME_PHRASE.sub("", last)  # "posts on social media in the days after the fire"
    if len(chunks) > 1 and _participle_phrase(last):
        last = chunks[-2]  # "The letter, dated June 3, says": the letter
        chunks = chunks[:-1]
    role = None
    first = last.split()[0].lower()
    if first in {"a", "an", "the"} and len(chunks) > 1 and _appositive(chunks[-2], last):
        role, last = last, chunks[-2]
    elif len(chunks) > 1 and _prepositive_role(chunks[-2], last):
        role = chunks[-2]  # "A Chatterbox spokesman, Felipe Arango, declined"
    if role and _TIMED_CLAUSE.match(role):
        role = None  # "Ruiz, a week after denying it, confirmed": a time, not a role
    speaker = _RELATIVE_END.sub("", _after_last_verb(last))  # "a man who said" -> "a man"
    return (speaker, role) if _looks_like_speaker(speaker) else ("", None)


_DESCRIBING = frozenset("a an the one his her its their who which whose of from".split())


def _appositive_chain(chunks: list[str]) -> int | None:
    """Where a name opens a chain of two or more descriptions before the cue ("Donna Rawlings,
    59, of Ashton, Md., who watched ..., said"), or None."""
    if len(chunks) < 3:
        return None
    for j, chunk in enumerate(chunks[:-2]):
        words = _words(chunk)
        named = 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)
        if named and all(_describing(c) for c in chunks[j + 1 :]):
            return j
    return None


def _describing(chunk: str) -> bool:
    """A description set off by commas: "the foreign minister", "59", "who watched", "Md."."""
    words = _words(chunk) or chunk.split()
    if not words:
        return False
    first = words[0]
    short_name = len(words) <= 2 and all(w[:1].isupper() for w in words)
    return first.lower() in _DESCRIBING or first[:1].isdigit() or short_name


def _participle_phrase(chunk: str) -> bool:
    """An aside between a speaker and the cue: "dated June 3", "speaking on condition of
    anonymity", "which represents about 600 nurses"."""
    first = chunk.split()[0]
    if first.lower() in {"who", "which", "whose"}:
        return True
    return first.islower() and first.endswith(("ed", "ing")) and first not in lex.TITLES


def _appositive(name: str, role: str) -> bool:
    """ "Jane Doe, a geologist at ...": a capitalised name followed by a descriptive phrase."""
    words = _words(name)
    capitalised = bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 5
    return _has_title(role) or capitalised


# Roles that stand before a name without being titles ("The researcher, Johanna Pike, wrote").
_ROLES_BEFORE_NAMES = lex.TITLES | frozenset({"researcher", "owner", "analyst"})


def _prepositive_role(role: str, name: str) -> bool:
    first = role.split()[0].lower().replace("\u2019", "'")
    determined = first in {"a", "an", "the"} or first.endswith("'s")  # "Ashford's director"
    titled = any(w.lower() in _ROLES_BEFORE_NAMES for w in _words(role))
    return determined and titled and _appositive(name, role)


def _has_title(phrase: str) -> bool:
    return any(w.lower() in lex.TITLES for w in _words(phrase))


def _subject(masked: str) -> str:
    """The sentence's subject: the leading noun phrase of its first non-adverbial chunk."""
    for chunk in masked.split(","):
        words = chunk.split()
        if not words or words[0].lower() in lex.ADVERBIAL_OPENERS:
            continue
        if words[0].lower().endswith("ing"):
            continue
        taken = words[:1]
        for word in words[1:]:
            bare = word.strip("\"'()")
            if _is_verb(bare) or bare.lower() in CUE_STANCE or bare.lower() in lex.CONJUNCTIONS:
                break
            taken.append(word)
        phrase = " ".join(taken)
        return phrase if _looks_like_speaker(phrase) else ""
    return ""


def _only_time_words(text: str) -> bool:
    return all(w.group().lower().rstrip(".") in lex.TIME_WORDS for w in _WORD.finditer(text))


def _skippable(words: list[str]) -> bool:
    """Words between a cue and its "that": a prepositional phrase, or no verb at all."""
    if words and words[0].lower() in _PREPOSITIONS:
        return True
    short = len(words) <= 6
    return short and not any(_is_verb(w) or w.lower() in _CUE_WORDS for w in words)


_FINITE = lex.AUXILIARIES | lex.MODALS
_WITHHELD = frozenset({"declines_comment", "not_confirmed"})
_PREPOSITIONS = frozenset("in on at during via through after before to from by".split())


def _prepositional(post: str) -> bool:
    """ "..., the company said in its quarterly report.": a place or medium, not content."""
    head = post.partition(",")[0]
    words = head.split()
    if not words or words[0].lower() not in _PREPOSITIONS or len(words) > 8:
        return False
    if '"' in head or any(w.lower() == "that" for w in words):
        return False
    return not any(_is_verb(w.strip(".")) for w in words) and (
        not post.partition(",")[2].strip() or _time_then_subordinate(post)
    )


def _time_then_subordinate(post: str) -> bool:
    """ "... its chief executive said on Monday, after posts claimed ...": still trailing."""
    head, _, rest = post.partition(",")
    if not head.strip() or not _only_time_words(head):
        return False
    first = rest.split(None, 1)[:1]
    return bool(first) and first[0].lower() in lex.SUBORDINATORS


def _object_of_told(post: str) -> str:
    """Content after "told": drop the addressee ("told Reuters", "told reporters on Monday")."""
    match = _THAT_WORD.search(post[:80])
    if match:
        return post[match.end() :]
    words = post.strip().split(" ")
    i = 0
    while i < len(words) and i < 4 and (words[i][:1].isupper() or words[i].lower() in _HEARERS):
        i += 1
    return " ".join(words[i:])


def _addressee_only(post: str) -> bool:
    """ "..., two sources told the broadcaster NRK on Friday.": a hearer, perhaps a time."""
    words = post.strip().rstrip(".").split()
    i = 0
    while i < min(len(words), 5) and (
        words[i][:1].isupper() or words[i].lower() in _HEARERS_OR_REPORTS
    ):
        i += 1
    return i > 0 and '"' not in post and _only_time_words(" ".join(words[i:]))


_HEARERS = frozenset(
    "reporters journalists the a an media press lawmakers parliament him her them us me".split()
)
_HEARERS_OR_REPORTS = _HEARERS | lex.REPORT_NOUNS


@dataclass(frozen=True)
class _Sentence:
    text: str  # the full document text
    span: Span
    masked: str  # the sentence, straight quotes, quotations masked
    plain: str  # the sentence, straight quotes

    def original(self, start: int, end: int) -> str:
        return self.text[self.span.start + start : self.span.start + end]

    def at(self, match: CueMatch) -> Span:
        """A cue's offsets in the full text."""
        return Span(self.span.start + match.start, self.span.start + match.end)


@lru_cache(maxsize=64)
def _prepare(text: str, span: Span) -> _Sentence:
    sentence = text[span.start : span.end]
    straight = _straight(sentence)
    if _QUOTE_MARK.search(sentence) is None:
        return _Sentence(text, span, straight, straight)  # no quotation to mask
    quotes = quotations(text, span.start, span.end)
    return _Sentence(text, span, mask_quotations(straight, quotes, span.start), straight)


@lru_cache(maxsize=64)
def _straight(sentence: str) -> str:
    """:func:`plain` of a sentence, read once for the narrow and the wider reading and the
    plain test for a verb of saying. Most sentences are ASCII without a character plain()
    changes: they are their own plain form."""
    if sentence.isascii() and not any(map(sentence.__contains__, _ASCII_PLAINED)):
        return sentence
    return plain(sentence)


# The ASCII text plain() changes: the characters it maps ("`") and a pair of apostrophes.
_ASCII_PLAINED = ("''", *(chr(code) for code in _CHAR_MAP if code < 128))


def said_parts(content: str) -> list[str]:
    """The things said in one content: "A and that B" is two ("posts claimed that the firm was
    behind on its rent and that it had set the fire itself")."""
    if not _AND_THAT.may_match(content):
        return [content]
    return [p for p in _AND_THAT.pattern.split(content) if p.strip()] or [content]


def _without_circumstance(text: str) -> str:
    """Content without a trailing circumstance that is another story: a reaction ("amid",
    "despite", "while"), a timed interval ("a day after parents began ..."), or what someone
    else said ("after a newspaper reported ..."). A plain dated event stays: "sent letters on
    March 8, after the first case was confirmed on March 6" is one fact."""
    match = _CIRCUMSTANCE.search(text)
    if match is None:
        return text
    rest = text[match.end() :]
    plain_event = match["word"].lower() in {"after", "before"} and not match["interval"]
    if plain_event and not _someone_said(plain(rest)):
        return text
    return text[: match.start()]


def _someone_said(clause: str) -> bool:
    """A verb of saying in ``clause`` in the active voice ("the paper reported"), not "the
    case was confirmed"."""
    return any(not _PASSIVE_BEFORE.search(clause[: m.start]) for m in find_cues(clause))


def _clean_content(text: str) -> str:
    """Content trimmed ("X and that Y", two things said, stays whole: see :func:`said_parts`);
    "only: X" becomes X."""
    text = _without_circumstance(text)  # ", a day after parents began ..."
    text = _DATELINE.sub("", _LEAD_IN.sub("", text))  # "PORTVILLE - The city will ..."
    text = _INTERVAL.sub("", text.strip().rstrip(",;:"))  # "..., a week" (after denying ...)
    return text.strip().strip(",;:").strip()


def _content_end(s: _Sentence, matches: Sequence[CueMatch], index: int) -> int:
    """Content of cue ``index`` runs to the next clause with its own cue or to the end.

    The next clause starts at ", adding ..." (a participle) or at ", and the ministry said".
    """
    for later in matches[index + 1 :]:
        before = s.masked[: later.start].rstrip()
        if _participle_cue(later.cue):
            lead = _PARTICIPLE_LEAD.search(s.plain[: len(before)])
            if lead:
                return lead.start()
            continue
        shared = _SHARED_SUBJECT.search(before)
        if shared and shared.start() > matches[index].end:
            return shared.start()
        comma = before.rfind(", ")  # not "6,412"
        if comma > matches[index].end and _speaker_before(before[comma:])[0]:
            return comma
    return len(s.masked)


_CITED = _Guarded(
    re.compile(r'\bciting\s+("[^"]*"|[^,"]+?(?=,|\.?$))', re.IGNORECASE), needs=("citing",)
)


def _cited(s: _Sentence) -> tuple[str, ...]:
    if not _CITED.may_match(s.masked):
        return ()
    names = []
    for match in _CITED.pattern.finditer(s.masked):
        raw = s.original(match.start(1), match.end(1))
        names.append(raw.strip().strip("\"'\u201c\u201d,").strip())
    return tuple(n for n in names if n)


def _according(s: _Sentence, match: CueMatch) -> Attribution | None:
    rest = s.masked[match.end :]
    comma = rest.find(",")
    if match.start == 0 and comma > 0:
        speaker = s.original(match.end, match.end + comma)
        content = s.original(match.end + comma + 1, len(s.masked))
    elif match.start > 0:
        end = len(rest) if comma < 0 else comma
        speaker = s.original(match.end, match.end + end)
        content = s.original(0, match.start)
    else:
        return None
    speaker = _REDUCED_RELATIVE.split(speaker.strip().rstrip("."), maxsplit=1)[0]
    if not _looks_like_speaker(_RELATIVE_CLAUSE.split(speaker, maxsplit=1)[0]):
        return None
    content = _clean_content(content)
    return Attribution(speaker, None, ACCORDING, "asserts", content, s.span, cue_at=s.at(match))


def _dismissive(s: _Sentence, match: CueMatch) -> bool:
    window = s.plain[match.end : match.end + 80].lower()
    return any(w in lex.DISMISSIVE_WORDS for w in _TOKEN.findall(window))


def _one(
    s: _Sentence, matches: Sequence[CueMatch], i: int, prior: str, broad: bool = False
) -> Attribution | None:
    match = matches[i]
    cue = match.cue
    if cue == ACCORDING:
        return _according(s, match)
    if cue == CITING or match.start == 0 or _plural_noun(s.masked, match):
        return None
    if broad and cue not in CUE_STANCE and cue not in lex.WARNING_VERBS:
        found = _speech(s, matches, i, "asserts", prior, broad=True)  # "wants", "urged"
        return None if found is None or _noun_not_verb(cue, found.speaker) else found
    if _participle_cue(cue) and s.masked[: match.start].rstrip().lower().endswith(" in"):
        return None  # "delivered in writing": a manner, not speech
    if _participle_cue(cue) and _RECALLED.search(s.masked[: match.start]):
        return None  # "a week after denying it": an earlier act recalled, not said here
    stance = CUE_STANCE.get(cue, "asserts")
    if cue in lex.WARNING_VERBS and _THAT_CLAUSE.match(s.masked[match.end :]):
        return _speech(s, matches, i, stance, prior)  # "warned that ...": a statement
    if cue in lex.EXHORTATION_VERBS and not _exhorts(s.masked[match.end :]):
        return None  # "the appeals court", "asked questions", "warned could add": no advice
    if cue in CALLED:
        if not _dismissive(s, match):
            return None
        stance = "denies"
    if stance == "denies":
        passive = _passive_denial(s, match)
        if passive is not None:
            return passive
    found = _speech(s, matches, i, stance, prior, broad=broad)
    if broad or found is None:
        return found
    if cue in lex.SHOW_CUES and not _is_document(found.speaker):
        return None  # "Video shows a man ...", "the figures show": only documents speak
    return found


_NOUN_HEADS = lex.ORGANIZATION_NOUNS | lex.REPORT_NOUNS | lex.DOCUMENT_NOUNS | _PEOPLE


def _noun_not_verb(cue: str, speaker: str) -> bool:
    """ "two major attacks", "her hopes": a plural noun after a modifier, not a verb of saying
    after its subject."""
    words = _words(speaker)
    if not cue.endswith("s") or not words:
        return False
    last = words[-1]
    return last.islower() and not last.endswith("s") and last.lower() not in _NOUN_HEADS


def _is_document(speaker: str) -> bool:
    """ "Court filings", "Tracking data from the firm SeaLens": the head noun is a document."""
    words = _words(_OF_FROM.split(speaker, maxsplit=1)[0])
    return bool(words) and words[-1].lower() in lex.DOCUMENT_NOUNS


_OF_FROM = re.compile(r"\s+(?:of|from|by)\s+", re.IGNORECASE)


_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s*$", re.IGNORECASE)
_BY_AGENT = re.compile(r"^\s*by\s+", re.IGNORECASE)


def _passive_denial(s: _Sentence, match: CueMatch) -> Attribution | None:
    """ "Reports that X ... were dismissed by the bank's chief executive, Laura Finch": the
    agent denies the subject."""
    pre = s.masked[: match.start]
    aux = _PASSIVE_AUX.search(pre)
    agent = _BY_AGENT.match(s.masked[match.end :])
    if aux is None or agent is None:
        return None
    start = match.end + agent.end()
    chunks = [c.strip() for c in s.masked[start:].split(",")]
    speaker, role = _TRAILING_TIME.sub("", chunks[0].split(" as ")[0]).rstrip("."), None
    named = _TRAILING_TIME.sub("", chunks[1]).rstrip(".") if len(chunks) > 1 else ""
    if named and _appositive(named, speaker) and _has_title(speaker):
        speaker, role = named, speaker  # "by its chief executive, Laura Finch"
    if not _looks_like_speaker(speaker):
        return None
    content = s.original(0, aux.start()).strip()
    hearsay = _HEARSAY.match(content)
    if hearsay:
        content = content[hearsay.end() :]
    return _build(s, speaker, role, match, "denies", _clean_content(content), hearsay=bool(hearsay))


def _speech(
    s: _Sentence,
    matches: Sequence[CueMatch],
    i: int,
    stance: lex.CueStance,
    prior: str,
    broad: bool = False,
) -> Attribution | None:
    match = matches[i]
    cue = match.cue
    end = _content_end(s, matches, i)
    pre = s.masked[: match.start]
    post_masked = s.masked[match.end : end]
    post = s.original(match.end, end)
    if cue in lex.OUTLET_NOT_CONFIRMED:
        content = _clean_content(s.original(0, match.start))
        return Attribution("", None, cue, stance, content, s.span, cue_at=s.at(match))
    as_clause = _AS_CLAUSE.match(pre)
    if as_clause and post_masked.lstrip().startswith(","):
        speaker = s.original(as_clause.end(), len(pre.rstrip()))
        return _build(s, speaker, None, match, stance, _clean_content(post))
    role = None
    if _participle_cue(cue):
        speaker = _participle_subject(s, pre, prior)
        if _reduced_relative(s, pre):  # "posts claiming X were shared": X ends before "were"
            post = _before_main_verb(post)
    else:
        speaker, role = _speaker_before(pre)
        if prior and speaker.lower() in _ALL_PRONOUNS:
            speaker = prior
        if _SHARED_SUBJECT.search(pre):
            # "X acknowledged ... but said ...", "X supported Democrats ..., and said ..."
            speaker = prior or _strip_trailing_adverbs(_subject(s.masked)) or speaker
    leading = _leading_quote(s, pre)
    if speaker and leading and not _THAT_OR_QUOTE.match(post_masked):
        return _build(s, speaker, role, match, stance, leading, direct=True)
    if speaker and stance not in _WITHHELD and _trailing(cue, post_masked):
        at = pre.rfind(speaker)  # the speaker may have lost a trailing time word
        content_text = s.original(0, at if at >= 0 else len(pre.rstrip()) - len(speaker))
        content_text = content_text.rstrip(",").strip()
        direct = content_text[:1] in '"“'
        return _build(s, speaker, role, match, stance, content_text, direct=direct)
    if not speaker and s.plain[: len(pre)].rstrip().endswith((",", ',"')):
        return _inverted(s, match, stance, pre, post_masked)
    if not speaker:
        return None
    found = _forward(s, speaker, role, match, stance, post, broad)
    if found is None:
        return None
    if _participle_cue(cue) and not _reduced_relative(s, pre):
        lead = "" if prior else _before_participle(s, pre)  # "X retracted ..., saying ..."
    else:
        lead = _lead(s, pre)  # also "a day after a letter claiming ..."
    return replace(found, lead=lead) if lead else found


def _trailing(cue: str, post_masked: str) -> bool:
    """Whether the cue ends the sentence's attribution (" ..., she said on Monday."): the
    content came before it."""
    return (
        _only_time_words(post_masked)
        or _time_then_subordinate(post_masked)
        or _prepositional(post_masked)
        or (cue in {"told", "tells"} and _addressee_only(post_masked))
    )


def _before_participle(s: _Sentence, pre: str) -> str:
    """The outlet's main clause before ", saying ...", when it has no cue of its own."""
    clause = s.original(0, len(pre.rstrip().rstrip(",")))
    if find_cues(s.masked[: len(clause)]):
        return ""
    speaking = any(w.lower() in lex.SPEECH_ACTS for w in _words(clause))
    return "" if speaking else clause.strip()


def main_clause(text: str, sentence: Span) -> str:
    """The outlet's clause before "... after X said" in a sentence whose speaker could not be
    parsed ("the paper withdrew a story after the developer named in it said ..."), or ""."""
    s = _prepare(text, sentence)
    matches = find_cues(s.masked)
    return _lead(s, s.masked[: matches[0].start]) if matches and matches[0].start else ""


def _participle_subject(s: _Sentence, pre: str, prior: str) -> str:
    """Who a participle cue's speaker is: after a comma, the sentence's subject ("Baloch ...,
    asserting that"); right after a noun, that noun ("posts claiming that ...")."""
    if _reduced_relative(s, pre):
        noun, _ = _speaker_before(pre)
        if noun:
            return noun
    return prior or _subject(s.masked)


def _reduced_relative(s: _Sentence, pre: str) -> bool:
    return not s.plain[: len(pre)].rstrip().endswith((",", ',"'))


_MAIN_VERBS = frozenset("was were is are has have had".split())


def _before_main_verb(post: str) -> str:
    """Cut at the sentence's own verb after the participle's clause has had its verb."""
    words = post.split(" ")
    seen_verb = False
    for i, word in enumerate(words):
        low = word.lower()
        if seen_verb and low in _MAIN_VERBS:
            return " ".join(words[:i])
        seen_verb = seen_verb or low in lex.MODALS or low in lex.AUXILIARIES or _is_verb(word)
    return post


def _leading_quote(s: _Sentence, pre: str) -> str:
    """The quotation opening the sentence when the speaker follows it ("..." she said)."""
    if not pre.startswith('"'):
        return ""
    close = pre.find('"', 1)
    return _clean_content(s.original(1, close)) if close > 0 else ""


def _name_after_role(role: str, name: str) -> bool:
    """ "Harrow's head of North American manufacturing, Paula Grieve": the name speaks."""
    names = name.split()
    if not 2 <= len(names) <= 3 or not all(w[:1].isupper() for w in names):
        return False
    if any(w.lower().strip(".,") in lex.ORGANIZATION_NOUNS for w in names):
        return False
    words = [w.lower().strip(".,").removesuffix("'s").removesuffix("\u2019s") for w in role.split()]
    return any(w in lex.TITLES for w in words)


def _inverted(
    s: _Sentence, match: CueMatch, stance: lex.CueStance, pre: str, post_masked: str
) -> Attribution | None:
    """``"...," said Jane Doe, a spokeswoman`` : the speaker follows the cue."""
    parts = [p.strip() for p in post_masked.strip().rstrip(".").split(",")]
    if not parts or not _looks_like_speaker(parts[0]) or match.cue not in lex.SAY_CUES:
        return None
    offset = match.end + post_masked.find(parts[0])
    speaker = s.original(offset, offset + len(parts[0]))
    role = parts[1] if len(parts) > 1 and parts[1] else None
    if role is not None:
        role_at = s.masked.find(role, offset + len(parts[0]))
        role = s.original(role_at, role_at + len(role))
        if _name_after_role(speaker, role):  # "said Harrow's head of X, Paula Grieve"
            speaker, role = role, speaker
    leading = _leading_quote(s, pre) if pre.rstrip().endswith('"') else ""
    content = leading or s.original(0, len(pre.rstrip())).rstrip(",").strip()
    return _build(s, speaker, role, match, stance, content, direct=bool(leading))


def _forward(
    s: _Sentence,
    speaker: str,
    role: str | None,
    match: CueMatch,
    stance: lex.CueStance,
    post: str,
    broad: bool = False,
) -> Attribution | None:
    """``X said (that) ...``: the content follows the cue."""
    cue = match.cue
    body = _object_of_told(post) if cue in {"told", "tells"} else post
    late = _LATE_THAT.match(body)
    if late and _skippable(late.group(1).split()):
        body = body[late.end() - len("that ") :]  # "said in a statement (released ...) that"
    has_that = _THAT_OPENING.match(body) is not None
    body = _THAT.sub("", body, count=1)
    quoted = body.lstrip()[:1] in '"“”'
    bare_clause = any(w.lower() in _FINITE for w in body.split(None, 8)[:8])
    clause_needed = cue in lex.NEEDS_CLAUSE and not broad  # "suggested looking at": listed
    if clause_needed and not (has_that or quoted or '"' in plain(body) or bare_clause):
        return None
    hearsay = _HEARSAY.match(body)
    if hearsay:
        body = _DISMISSED_AS.sub("", body[hearsay.end() :])
        if cue in CALLED:  # "labelled claims that X "pure fantasy"": the label is not X
            body = _TRAILING_LABEL.sub("", body)
    plain_object = not (has_that or quoted or hearsay)
    if stance == "denies" and cue not in CALLED and plain_object and not _deniable(body):
        return None  # "rejected an offer", "denied bail": not a denial of a claim
    statement = cue in lex.STATEMENT_CUES and not has_that and not quoted
    return _build(
        s,
        speaker,
        role,
        match,
        stance,
        _clean_content(body),
        direct=quoted,
        hearsay=hearsay is not None,
        clause=has_that or quoted or hearsay is not None,
        statement=statement,
    )


def _lead(s: _Sentence, pre: str) -> str:
    """The outlet's main clause before "..., after X reported" or "..., and X has said":
    original text, or ""."""
    match = (_LEAD.match(pre) or _AND_LEAD.match(pre)) if _may_lead(pre) else None
    if match is None or find_cues(match.group("lead")):
        return ""  # no main clause, or it is itself attributed ("X, the club said, after")
    return _INTERVAL.sub("", s.original(0, match.end("lead")).strip())


def _may_lead(pre: str) -> bool:
    """Cheap test before :data:`_LEAD` and :data:`_AND_LEAD`: on ASCII text they need a
    subordinator, "and" or "but" standing between spaces."""
    return not pre.isascii() or not _LEAD_WORDS.isdisjoint(pre.lower().split())


_LEAD_WORDS = lex.SUBORDINATORS | {"and", "but"}


def _deniable(body: str) -> bool:
    """Whether a denial's object is something said: claims, reports, wrongdoing, "it"."""
    words = [w.lower().strip(".,;:") for w in _words(body)[:5]]
    if not words or words[0].endswith("ing"):  # "denied taking any banned substance"
        return True
    return bool(set(words) & _DENIABLE)


def _speaker_text(s: _Sentence, masked_phrase: str) -> str:
    at = s.masked.find(masked_phrase)
    return s.original(at, at + len(masked_phrase)) if at >= 0 else masked_phrase


def _build(
    s: _Sentence,
    speaker: str,
    role: str | None,
    match: CueMatch,
    stance: lex.CueStance,
    content: str,
    *,
    direct: bool = False,
    hearsay: bool = False,
    clause: bool = False,
    statement: bool = False,
) -> Attribution:
    cue = match.cue
    exhortation = cue in lex.EXHORTATION_VERBS and not (cue in lex.WARNING_VERBS and clause)
    content = _PAIRED_APOSTROPHES.sub("", content.strip()).strip(" ,")  # ''Quoted like this,
    speaker = _DATELINE.sub("", _without_trailing_time(speaker.strip()))
    if _NEGATED_SUBJECT.match(speaker) and stance in {"asserts", "confirms"}:
        stance, statement = "not_confirmed", False
    return Attribution(
        speaker=_speaker_text(s, speaker).strip().strip(",").strip(),
        role=role.strip() if role else None,
        cue=cue,
        stance=stance,
        content=content,
        sentence=s.span,
        direct=direct,
        hearsay=hearsay,
        clause=clause,
        statement=statement,
        exhortation=exhortation,
        cited=_cited(s),
        cue_at=s.at(match),
    )


def attribute(text: str, sentence: Span, broad: bool = False) -> list[Attribution]:
    """Every attribution in one sentence of ``text`` (in reading order). ``broad``: only what
    the wider reading adds (the verbs of belief, wish and stance, and the cues it reads more
    freely), for the attributions listed, never for claims."""
    table = _BROAD_TABLE if broad else _NARROW_TABLE
    if not _first_words(text[sentence.start : sentence.end], table):
        return []  # no cue can be there: its masked text has no words the original lacks
    s = _prepare(text, sentence)
    matches = find_wider_cues(s.masked) if broad else find_cues(s.masked)
    found: list[Attribution] = []
    for i, match in enumerate(matches):
        if broad and match.cue in _NARROW and match.cue not in _WIDER_READ:
            continue  # the narrow reading has read it
        prior = found[-1].speaker if found else ""
        attribution = _one(s, matches, i, prior, broad)
        if attribution is None:
            continue
        if attribution.cue == ACCORDING:
            return [attribution]  # everything else in the sentence is what X said
        found.append(attribution)
    opening = _opening_denial(s, matches, found)
    return [opening, *found] if opening is not None else found


def _opening_denial(
    s: _Sentence, matches: Sequence[CueMatch], found: Sequence[Attribution]
) -> Attribution | None:
    """ "Denying the report, the ministry said ...": the main speaker denies the object."""
    if not matches or matches[0].start != 0 or not found or not found[0].speaker:
        return None
    cue = matches[0].cue
    comma = s.masked.find(",", matches[0].end)
    if CUE_STANCE.get(cue) != "denies" or not _participle_cue(cue) or comma < 0:
        return None
    content = s.original(matches[0].end, comma).strip()
    if not _deniable(content):
        return None
    return replace(
        found[0],
        cue=cue,
        stance="denies",
        content=content,
        direct=False,
        clause=False,
        hearsay=False,
        statement=False,
        lead="",
        cue_at=s.at(matches[0]),
    )


def attributions(text: str) -> list[Attribution]:
    """Every attribution in ``text``, sentence by sentence."""
    return [a for span in sentences(text) for a in attribute(text, span)]


def says_something(sentence: str) -> bool:
    """Whether ``sentence`` has a plain verb of saying, parsed or not ("..., says one man")."""
    if not _first_words(sentence, _NARROW_TABLE):
        return False
    text = _straight(sentence)
    return any(m.cue in lex.SAY_CUES and not _plural_noun(text, m) for m in find_cues(text))


_NOUN_BEFORE = re.compile(
    r"(?:\d|\b(?:the|other|several|all|both|many|member|\w+teen|\w+ty|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*$",
    re.IGNORECASE,
)


def _plural_noun(text: str, match: CueMatch) -> bool:
    """ "operates in 14 states": the noun, not the verb of saying."""
    return match.cue == "states" and _NOUN_BEFORE.search(text[: match.start]) is not None
