"""What counts as a claim, and how its text is written.

A claim is a checkable factual assertion: not a question, prediction, wish, opinion or piece of
advice, not a fragment that leans on a pronoun it cannot resolve, and (in the outlet's own voice)
something with a concrete anchor: a number, a named actor or an event verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from assistant.offline import lexicons as lex

MIN_CONTENT_WORDS = 4
MIN_OUTLET_WORDS = 6
MAX_CLAIM_CHARS = 400
_WORD = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
_QUOTE_MARKS = ('"', "\u201c", "\u201d")
_LEADING_PRONOUNS = frozenset(
    """he she they it this these those that we i you his her their its our my your there here
    here's there's that's it's""".split()
)
_AUXILIARIES_OR_OF = lex.AUXILIARIES | {"of"}
_QUANTIFIER_PRONOUNS = frozenset("both none neither each all most many some several".split())
_PERSONAL = frozenset({"he", "she"})
PERSONAL_POSSESSIVES = frozenset({"his", "her"})
_POSSESSIVES = frozenset({"their", "its"})
_FRAGMENT_OPENERS = frozenset(
    """him her them us me of to for with by about from into than as if unless whether when
    because although though while and but or nor""".split()
)
_CANNOT_CONFIRM = re.compile(
    r"\b(?:cannot|can't|can\u2019t|could not|couldn't|unable to|not able to) "
    r"(?:independently |immediately )?(?:confirm|verify)",
    re.IGNORECASE,
)
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
_PLAN_MODALS = frozenset({"will", "would", "won't"})
_NOT_PLAN_MODALS = lex.MODALS - _PLAN_MODALS
ORGANIZATION_PRONOUNS = frozenset({"it", "they"})
_FIRST_PERSON = frozenset(
    """we our us i my me you your i'm i'll i've i'd we're we've we'll we'd you're you've
    you'll""".split()
)
_CONFIRM_VERBS = ("confirm", "verify")
_HEDGE = re.compile(
    r"\b(?:" + "|".join(re.escape(h).replace("'", "['\u2019]") for h in lex.HEDGES) + r")\b",
    re.IGNORECASE,
)
_SCHEDULED = re.compile(
    r"\bwill\b.*\b(?:on|from|until|by|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|\d)"
)
# A plan with a date, a sum or a term is checkable when it comes out ("would name a
# replacement next week", "will cost about $410,000 a year", "until further notice").
_TIMED = re.compile(
    r"\b(?:next|this|later this|early next|by the end of (?:the|this|next)) "
    r"(?:week|month|year|spring|summer|fall|autumn|winter|season|quarter)\b"
    r"|\buntil further notice\b|\bas early as\b|\bscheduled for\b|[$\u00a3\u20ac]?\d",
    re.IGNORECASE,
)
# Every match of _TIMED holds one of these (a digit for a sum or a date).
_TIMED_LITERALS = (
    "next",
    "this",
    "by the end of",
    "until further notice",
    "as early as",
    "scheduled for",
    *"0123456789",
)
_WH_CLAUSE = frozenset({"how", "whether", "why", "what", "where"})
_APPROXIMATORS = frozenset({"about", "nearly", "almost", "roughly", "around", "over"})
_COMMON_VERBS = frozenset(
    """is are was were has have had says shows show showed took made gave went came got left
    told said found put held became began kept ran saw sent set sold spent stood won wrote
    knows know thinks think seems appears remains includes sits employs makes owns operates
    sells expects represents produces manufactures serves contains earns lost rose fell
    grew""".split()
)
_FINITE_VERBS = _COMMON_VERBS | lex.IRREGULAR_PAST
_CLAUSE_WORDS = lex.AUXILIARIES | lex.EVENT_WORDS
_COUNTS_OR_EVENTS = lex.NUMBER_WORDS | lex.EVENT_WORDS
_NUMBER_FIRST = re.compile(r"(?:^| )[0-9]")  # in joined words: a word opening with a digit
_REPORT_ANAPHORS = tuple(sorted(lex.REPORT_ANAPHORS))
_ANAPHOR = re.compile(
    r"\b(?:the|these|those|this|such|his|her|their|its)\s+(?:\w+\s+){0,2}?(?:"
    + "|".join(sorted(lex.REPORT_ANAPHORS))
    + r")\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (cached: the rules ask about the same sentence many times)."""
    return tuple(_WORD.findall(text))


class _Lowered(NamedTuple):
    """A text's words lowercased, as the word rules read them (see :func:`_lowered`)."""

    words: tuple[str, ...]  # curly apostrophes straightened
    vocabulary: frozenset[str]  # the same words, for membership tests
    as_written: frozenset[str]  # each word only lowercased (curly apostrophes kept)
    joined: str  # the words, one space between each


@lru_cache(maxsize=1024)
def _lowered(text: str) -> _Lowered:
    """The lowercase views of ``text``'s words, read once: the rules ask about the same
    sentence many times. Words hold no space, so they are lowercased joined in one pass."""
    tokens = words(text)
    as_written = " ".join(tokens).lower()
    joined = as_written.replace("\u2019", "'")
    low = tuple(joined.split(" ")) if tokens else ()
    vocabulary = frozenset(low)
    written = vocabulary if joined == as_written else frozenset(as_written.split(" "))
    return _Lowered(low, vocabulary, written, joined)


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'\u201d\u2019").endswith("?")


def is_prediction_or_opinion(text: str, plans_ok: bool = False) -> bool:
    """Modal verbs (will, would, could, should...) or opinion markers ("I think").

    With ``plans_ok``, "will"/"would" pass: a reported plan ("the firm will close the plant,
    sources said") is a checkable claim, where a speaker's own pledge or warning is not.
    """
    lowered = _lowered(text)
    modals = _NOT_PLAN_MODALS if plans_ok else lex.MODALS
    if not modals.isdisjoint(lowered.as_written) and _main_clause_modal(words(text), modals):
        return True
    joined = lowered.joined  # curly apostrophes straightened: "I\u2019d bet"
    found = [m for m in lex.OPINION_MARKERS if m in joined]
    # a reported or denied plan is checkable: "the firm plans to close the plant, sources
    # said", "its review is expected to take 60 to 90 days"
    return bool(found) and not (plans_ok and all(m in lex.PLAN_MARKERS for m in found))


def _main_clause_modal(tokens: Sequence[str], modals: frozenset[str]) -> bool:
    """A modal in the main clause: not inside a relative clause ("a rule that would have ..."),
    not a counterfactual "would have", and not the month May."""
    for i, token in enumerate(tokens):
        low = token.lower()
        if (low in _RELATIVE_PRONOUNS or low in _WH_CLAUSE) and i > 0:
            return False  # "a rule that would ...", "estimated how long it would stay closed"
        if low in modals and (token.islower() or i == 0):
            following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if not (low in {"would", "could"} and following == "have"):
                return True
    return False


def is_exhortation(text: str) -> bool:
    """Advice or demands: "We advise media to ...", "Please ...", "Let us ..."."""
    return _lowered(text).joined.startswith(lex.EXHORTATION_OPENERS)


def leans_on_pronoun(text: str) -> bool:
    """ "He said ...", "Both were in stable condition", "None of them had ...": the subject is
    someone named before."""
    low = _lowered(text).words
    if not low:
        return False
    if low[0] in _QUANTIFIER_PRONOUNS and low[1:2] and low[1] in _AUXILIARIES_OR_OF:
        return low[1] != "of" or low[2:3] in (("them",), ("those",), ("these",), ("us",))
    return low[0] in _LEADING_PRONOUNS


def opens_with_possessive(text: str) -> bool:
    """ "their fighters ...", "its plant ...": a body's own, in its indirect speech."""
    low = _lowered(text).words
    return bool(low) and low[0] in _POSSESSIVES


def has_first_person(text: str) -> bool:
    return not _FIRST_PERSON.isdisjoint(_lowered(text).vocabulary)


def refers_to_report(text: str) -> bool:
    """Anaphora pointing back at a reported claim: "these talks", "the report", "such claims"."""
    return _may_match(text, _REPORT_ANAPHORS) and _ANAPHOR.search(text) is not None


def is_fragment(content: str) -> bool:
    """Content that cannot open a sentence: "him of being ...", "of killing ...", "bringing ..."
    (the object of a verb the rules did not parse), or a conditional ("If genuine, ...")."""
    first = words(content)[:2]
    if not first:
        return True
    word = first[0].lower()
    if word in _APPROXIMATORS and first[1:] and _is_number(first[1]):
        return False  # "about 210 vessels are affected"
    gerund = first[0].islower() and word.endswith("ing")  # not "Beijing"
    verb = first[0].islower() and (word in _COMMON_VERBS or word in lex.EVENT_WORDS)
    return word in _FRAGMENT_OPENERS or word in lex.AUXILIARIES or gerund or verb


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in lex.NUMBER_WORDS


def is_scheduled(content: str) -> bool:
    """A plan anchored in a date, a sum or a term: checkable once reported (see ``_TIMED``)."""
    return _is_scheduled_will(content) or _is_timed(content)


def _is_timed(text: str) -> bool:
    return _may_match(text, _TIMED_LITERALS) and _TIMED.search(text) is not None


def _is_scheduled_will(text: str) -> bool:
    return "will" in text and _SCHEDULED.search(text) is not None


def is_assertion(content: str, *, plans_ok: bool = False, sentence: bool = False) -> bool:
    """Content that can stand as a claim (before pronoun resolution). A whole ``sentence`` may
    open with "By", "As", "After"; attributed content may not (it would be a fragment)."""
    if len(words(content)) < MIN_CONTENT_WORDS or is_question(content):
        return False
    if is_conditional(content) if sentence else is_fragment(content):
        return False
    return not (is_prediction_or_opinion(content, plans_ok) or is_exhortation(content))


def is_conditional(text: str) -> bool:
    first = _lowered(text).words[:1]
    return bool(first) and first[0] in {"if", "unless", "whether"}


def is_negated(text: str) -> bool:
    """ "no offer", "is not closing", "never", "hasn't": the content denies something."""
    lowered = _lowered(text)
    if not lex.NEGATIONS.isdisjoint(lowered.vocabulary):
        return True
    return "n't " in lowered.joined or lowered.joined.endswith("n't")  # a word ending "n't"


def declines_in_quote(content: str) -> bool:
    """ "The company does not comment on market rumours": declining, in the speaker's words."""
    low = _lowered(content).joined
    return any(phrase in low for phrase in lex.QUOTED_DECLINES)


def withholds_confirmation(content: str) -> bool:
    """A quote saying the speaker cannot confirm: "I cannot confirm those reports"."""
    return _may_match(content, _CONFIRM_VERBS) and _CANNOT_CONFIRM.search(content) is not None


def anchored(sentence: str) -> bool:
    """A number, an event verb or a named actor: something a fact-checker could check."""
    lowered = _lowered(sentence)
    if _NUMBER_FIRST.search(lowered.joined) or not _COUNTS_OR_EVENTS.isdisjoint(lowered.as_written):
        return True
    return any(t[:1].isupper() and t.lower() not in _FIRST_PERSON for t in words(sentence)[1:])


def is_clause(text: str) -> bool:
    """Whether ``text`` has a verb (roughly): an auxiliary, a past tense, an event verb."""
    if not _CLAUSE_WORDS.isdisjoint(_lowered(text).as_written):
        return True
    return any(
        token.islower() and (token.lower().endswith("ed") or token.lower() in _FINITE_VERBS)
        for token in words(text)
    )


def is_hedged(sentence: str) -> bool:
    """The outlet reports without vouching: "reportedly", "is believed to", "appears to"."""
    return _may_match(sentence, lex.HEDGES) and _HEDGE.search(sentence) is not None


def _may_match(text: str, literals: Sequence[str]) -> bool:
    """Whether a case-insensitive pattern that every match of holds one of the lowercase
    ``literals`` may match ``text``: in ASCII text only where the lowercased text holds one
    (cheaper than the pattern's search); other text is left to the pattern."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(literal in low for literal in literals)


def is_outlet_claim(sentence: str) -> bool:
    """A sentence in the outlet's own voice that reports a checkable fact."""
    if len(words(sentence)) < MIN_OUTLET_WORDS or leans_on_pronoun(sentence):
        return False
    if not is_clause(sentence):
        return False
    scheduled = _is_scheduled_will(sentence)  # "will hold clinics on Saturday"
    if has_first_person(sentence) or not is_assertion(sentence, plans_ok=scheduled, sentence=True):
        return False
    if not anchored(sentence):
        return False
    return not (is_generic(sentence) or is_feeling(sentence) or is_about_reporting(sentence))


_PRESENT_VERBS = frozenset(
    """is are isn't aren't do does don't doesn't can cannot can't remain remains put puts carry
    carries tend tends need needs get gets""".split()
)
_TIME_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december yesterday today tonight""".split()
)


_STANDS_BY_LITERALS = ("stood by", "stands by", "stand by")
_STANDS_BY = re.compile(
    r"\b(?:stood|stands|stand) by (?:its|his|her|their|the) (?:reporting|report|story|article)",
    re.IGNORECASE,
)


def _stands_by(text: str) -> bool:
    return _may_match(text, _STANDS_BY_LITERALS) and _STANDS_BY.search(text) is not None


def is_about_reporting(text: str) -> bool:
    """A sentence about how a story was reported, not a claim: "The broadcaster carried a
    near-identical account", "The newsletter cited three people", "FreightInsider stood by
    its reporting" (a news outlet or report as the subject of a verb of publishing)."""
    if _stands_by(text):
        return True
    low = _lowered(text).words
    at = next((i for i, w in enumerate(low[:8]) if i and w in lex.MEDIA_ACTS), None)
    if at is None:
        return False
    return any(w in lex.REPORT_NOUNS or w.removesuffix("s") in lex.REPORT_NOUNS for w in low[:at])


def is_generic(text: str) -> bool:
    """A general statement, not a checkable event: no number, date or name after its first
    word, and its first verb in the simple present ("Measles is one of the most contagious
    diseases", "The hospital does not discuss patients", "Banks are careful about ...")."""
    if not _present_first_verb(_lowered(text).words):
        return False
    tokens = words(text)
    if any(t[:1].isdigit() or t.lower() in _TIME_NAMES for t in tokens) or _is_timed(text):
        return False
    return not any(t[:1].isupper() and t.lower() not in _FIRST_PERSON for t in tokens[1:])


def _present_first_verb(low: Sequence[str]) -> bool:
    """Whether the first verb is a simple present; "is causing", "are taking" are events."""
    for i, word in enumerate(low):
        if word in _PRESENT_VERBS:
            following = low[i + 1] if i + 1 < len(low) else ""
            return not following.endswith("ing")
        if word in lex.AUXILIARIES or word in _COMMON_VERBS or word.endswith("ed"):
            return False
    return False


_BE = frozenset("is are was were remains remained seemed felt".split())


def is_feeling(text: str) -> bool:
    """A short statement of how someone feels: "Hugh Carter was delighted", "she was
    worried about jobs" (a feeling word as the predicate, or as the verb itself)."""
    low = _lowered(text).words
    if len(low) > 10 or any(t[:1].isdigit() for t in low):
        return False
    for i, word in enumerate(low[1:], start=1):
        if word in lex.FEELINGS and (low[i - 1] in _BE or low[i - 1].endswith("ly")):
            return True
        if word in lex.FEELINGS and i <= 3 and low[i + 1 : i + 2] == ("about",):
            return True  # "Gary Stroud worried about after-school jobs"
    return False


def without_quote_marks(text: str) -> str:
    """``text`` without its double quote marks, straight or curly: a deletion of the few marks
    there are (``str.translate`` would look up every character)."""
    for mark in _QUOTE_MARKS:
        if mark in text:
            text = text.replace(mark, "")
    return text


def claim_text(content: str) -> str:
    """Tidy attributed content into a standalone sentence: no quote marks, capitalised, a stop."""
    text = " ".join(without_quote_marks(content).split()).strip(" ,;:")
    if len(text) > MAX_CLAIM_CHARS:
        text = text[:MAX_CLAIM_CHARS].rsplit(" ", 1)[0] + " ..."
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def with_subject(content: str, name: str, pronouns: frozenset[str] = _PERSONAL) -> str:
    """Replace a leading pronoun (by default "he"/"she") in ``content`` with ``name``."""
    first = words(content)[:1]
    if first and first[0].lower() in pronouns:
        at = content.find(first[0])
        return name + content[at + len(first[0]) :]
    return content


def with_owner(content: str, name: str, pronouns: frozenset[str]) -> str:
    """Replace a leading possessive ("his crew") with the owner's name ("Eirik Hald's crew")."""
    first = words(content)[:1]
    if first and first[0].lower() in pronouns:
        at = content.find(first[0])
        return f"{name}'s" + content[at + len(first[0]) :]
    return content


def attributed(name: str, content: str) -> str:
    """Content that needs its speaker: "Mumtaz Zahra Baloch said we will ..."."""
    verb = "said"
    body = without_quote_marks(content).strip(" ,")
    first = words(body)[:1]
    opener = first[0].lower().replace("\u2019", "'") if first else ""
    if opener in _FIRST_PERSON and opener != "i" and not opener.startswith("i'"):
        body = body[0].lower() + body[1:]
    return claim_text(f"{name} {verb} {body}")


_DENIAL_VERBS = frozenset(
    w for cue in lex.CUES["denies"] for w in cue.split() if w not in {"did", "does"}
) | frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut"})


def rejects_in_quote(content: str) -> bool:
    """A speaker's own rejection: "We categorically reject these allegations", "I deny
    any wrongdoing". First person, a verb of denial, and something deniable."""
    low = _lowered(content).words
    if not low or low[0] not in {"we", "i"} or not any(w in _DENIAL_VERBS for w in low[:4]):
        return False
    return refers_to_report(content) or any(w in lex.DENIABLE_OBJECTS for w in low[1:8])


_NOTHING_TO_DO_WITH = re.compile(r"\bnothing to do with\b", re.IGNORECASE)


def disowned(content: str) -> str:
    """What a dismissal names as its object: "he had nothing to do with the fraud inquiry"
    -> "the fraud inquiry"; "" when it points back with a pronoun ("That is false")."""
    match = _NOTHING_TO_DO_WITH.search(content)
    return content[match.end() :].strip() if match else ""


def is_dismissal(content: str) -> bool:
    """Content that dismisses what came before: "That is simply false", "This is nonsense",
    "There is no truth in these reports", "the report was completely untrue", "the allegations
    were without merit". Its subject is a pronoun or a report anaphor, its predicate calls it
    untrue."""
    lowered = _lowered(content)
    if not _calls_untrue_anywhere(lowered):
        return False  # most sentences: no word of dismissal at all
    if lowered.words[:2] == ("no", "such"):  # "No such request was received"
        return True
    return leans_on_pronoun(content) or _opens_with_anaphor(content)


# Each dismissive phrase between spaces, and the words they open with: a phrase is in the
# joined words only if its first word is among the words.
_DISMISSIVE_PADDED = tuple(f" {p} " for p in lex.DISMISSIVE_PHRASES)
_DISMISSIVE_OPENERS = frozenset(p.split(" ", 1)[0] for p in lex.DISMISSIVE_PHRASES)


def _calls_untrue_anywhere(lowered: _Lowered) -> bool:
    """A dismissive word or phrase anywhere in the words ("false", "no truth", "no such")."""
    if not lex.DISMISSIVE_WORDS.isdisjoint(lowered.vocabulary):
        return True
    if _DISMISSIVE_OPENERS.isdisjoint(lowered.vocabulary):
        return False
    joined = f" {lowered.joined} "
    return any(phrase in joined for phrase in _DISMISSIVE_PADDED)


def calls_untrue(sentence: str) -> bool:
    """A dismissal whose predicate calls what it points back to untrue ("That report, however,
    is false"), not one that only names a rumour as its subject ("The rumors began ...")."""
    if not is_dismissal(sentence):
        return False
    low = _lowered(sentence).words
    verb = next((i for i, w in enumerate(low) if w in lex.AUXILIARIES), len(low))
    predicate = low[verb + 1 :]
    joined = f" {' '.join(predicate)} "
    dismissive = any(w in lex.DISMISSIVE_WORDS for w in predicate)
    return dismissive or any(phrase in joined for phrase in _DISMISSIVE_PADDED)


def _opens_with_anaphor(content: str) -> bool:
    """ "the report was ...", "these claims are ...": the subject points back at a claim."""
    opening = len(content) - len(content.lstrip(" \"'\u201c"))  # only quote marks before it
    return _ANAPHOR.match(content, opening) is not None
