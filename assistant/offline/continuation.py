"""Sentences that carry on the one before: a pronoun standing for its subject.

News writing states one actor's facts across short sentences: "Tollgate employs about 38,000
people. Its shares have gained 34 percent this year." or "Two patients have been hospitalized,
the health officer said. She said both were in stable condition." The second sentence cannot
stand alone (it leans on a pronoun), yet it states a checkable fact about the same subject. A
claim written to stand alone joins the two: "Tollgate employs about 38,000 people, and its
shares have gained 34 percent this year."
"""

from __future__ import annotations

import re

from assistant.offline import claims_rules as rules

_WORD = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
# Pronouns that stand for the previous sentence's subject (a person, a body, a group) or
# its possessor; "this"/"that" point at events and are left alone.
_SUBJECT_PRONOUNS = frozenset("he she it they his her its their".split())
_NOT_A_NAME_START = _SUBJECT_PRONOUNS | {"the", "a", "an", "this"}
_QUANTIFIERS = frozenset("both all each neither none".split())
# "It is unclear whether ...", "It was not immediately clear ...": no referent at all.
_EXPLETIVE_VERBS = frozenset("is was remains remained seems seemed appears appeared 's".split())


def _opener(text: str) -> tuple[str, ...]:
    """The first two words, lower case (read from the start only: sentences run long)."""
    return tuple(w.lower().replace("\u2019", "'") for w in _WORD.findall(text[:60])[:2])


def leans_on_previous(text: str) -> bool:
    """Whether ``text`` opens with a pronoun (or "both", "all") for someone named before;
    not the empty "it" of "It is unclear ..."."""
    first = _opener(text)
    if not first:
        return False
    if first[0] == "it" and first[1:2] and first[1] in _EXPLETIVE_VERBS:
        return False
    return first[0] in _SUBJECT_PRONOUNS or (first[0] in _QUANTIFIERS and len(first) > 1)


SUBJECT_WORDS = 10  # how far into the sentence before a description looks for its noun


def describes(text: str, before: str) -> bool:
    """Whether ``text`` opens with a definite description of the named subject of ``before``
    ("St. Lucas, the largest hospital in the county, opened ..." then "The hospital is owned
    by ..."): "the" and a noun that the subject's own words used."""
    first = _opener(text)
    if len(first) < 2 or first[0] != "the" or not rules.words(text)[1].islower():
        return False
    if first[1] not in before.lower() or subject(before) is None:
        return False
    return first[1] in (w.lower() for w in rules.words(before)[1:SUBJECT_WORDS])


# A cheap first look: the words a leaning sentence can open with (the pronouns and
# quantifiers above, and the "the" of a description).
_LEANING_OPENERS = "|".join(sorted(_SUBJECT_PRONOUNS | _QUANTIFIERS | {"the"}))
_MAY_LEAN = re.compile(rf"[\s\"\u201c]*(?:{_LEANING_OPENERS})\b", re.I)


def continues(text: str, before: str = "") -> bool:
    """Whether ``text`` carries on the previous sentence's subject with a checkable fact of its
    own: a pronoun opening (or a description of the subject of ``before``), a verb,
    something to check (a number, a date, a name, an event), and no question, prediction,
    opinion or first person."""
    if not _MAY_LEAN.match(text):
        return False
    leaning = leans_on_previous(text) or (bool(before) and describes(text, before))
    if not leaning or len(rules.words(text)) < rules.MIN_CONTENT_WORDS:
        return False
    if rules.is_question(text) or rules.has_first_person(text):
        return False
    if rules.is_prediction_or_opinion(text) or rules.is_exhortation(text):
        return False
    return rules.anchored(text) and not rules.is_feeling(text)


SHORT_FOLLOW_ON = 15  # words: a longer follow-on is a claim of its own ...
SLIGHT_CLAIM = 10  # ... unless the claim before is this slight ("Ortiz was first elected in 2018.")
_POSSESSIVE_PRONOUNS = frozenset("his her its their".split())


def completes(before: str, text: str) -> bool:
    """Whether follow-on ``text`` completes the claim ``before`` it (either is short) rather
    than standing as a claim of its own."""
    short = len(rules.words(text)) <= SHORT_FOLLOW_ON
    return short or len(rules.words(before)) <= SLIGHT_CLAIM


def subject(sentence: str) -> str | None:
    """The named subject opening ``sentence``, up to its verb or first comma ("Okonkwo joined
    ...", "Halvorsen, based in Duluth, employs ...", "St. Lucas opened ..."); None when it is
    no name."""
    head = sentence.split(",", 1)[0]
    end = 0
    for match in _WORD.finditer(head):
        word = match.group()
        gap = head[end : match.start()]
        if not word[:1].isupper() or (end and gap.strip(". ")) or match.start() > 60:
            break
        end = match.end()
    name = head[:end]
    first = rules.words(name)[:1]
    if not first or first[0].lower() in _NOT_A_NAME_START:
        return None
    return name


def resolved(text: str, name: str) -> str:
    """``text`` with its leading pronoun replaced by ``name`` ("Its shares" -> "Tollgate's
    shares", "He has scored" -> "Okonkwo has scored")."""
    first = rules.words(text)[0]
    rest = text[text.find(first) + len(first) :]
    owner = first.lower() in _POSSESSIVE_PRONOUNS and first.lower() != "her"
    return f"{name}'s{rest}" if owner else f"{name}{rest}"


def joined(first: str, then: str) -> str:
    """One standalone claim of two statements: "X employs 38,000 people, and its shares ..."."""
    head = rules.claim_text(first).rstrip(".!? ")
    tail = rules.claim_text(then)
    return f"{head}, and {tail[:1].lower()}{tail[1:]}"
