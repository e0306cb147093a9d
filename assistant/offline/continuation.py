"""Sentences that carry on the one before: a pronoun standing for its subject.

News writing states one actor's facts across short sentences: "Tollgate employs about 38,000
people. Its shares have gained 34 percent this year." or "Two patients have been hospitalized,
the health officer said. She said both were in stable condition." The second sentence cannot
stand alone (it leans on a pronoun), yet it states a checkable fact about the same subject. A
claim written to stand alone joins the two: "Tollgate employs about 38,000 people, and its
shares have gained 34 percent this year."
"""

from __future__ import annotations

from assistant.offline import claims_rules as rules

# Pronouns that stand for the previous sentence's subject (a person, a body, a group) or
# its possessor; "this"/"that" point at events and are left alone.
_SUBJECT_PRONOUNS = frozenset("he she it they his her its their".split())
_QUANTIFIERS = frozenset("both all each neither none".split())
# "It is unclear whether ...", "It was not immediately clear ...": no referent at all.
_EXPLETIVE_VERBS = frozenset("is was remains remained seems seemed appears appeared 's".split())


def _opener(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("\u2019", "'") for w in rules.words(text)[:2])


def leans_on_previous(text: str) -> bool:
    """Whether ``text`` opens with a pronoun (or "both", "all") for someone named before;
    not the empty "it" of "It is unclear ..."."""
    first = _opener(text)
    if not first:
        return False
    if first[0] == "it" and first[1:2] and first[1] in _EXPLETIVE_VERBS:
        return False
    return first[0] in _SUBJECT_PRONOUNS or (first[0] in _QUANTIFIERS and len(first) > 1)


def continues(text: str) -> bool:
    """Whether ``text`` carries on the previous sentence's subject with a checkable fact of its
    own: a pronoun opening, a verb, something to check (a number, a date, a name, an event),
    and no question, prediction, opinion or first person."""
    if not leans_on_previous(text) or len(rules.words(text)) < rules.MIN_CONTENT_WORDS:
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
    ...", "Halvorsen, based in Duluth, employs ..."); None when it is no name."""
    head = sentence.split(",", 1)[0]
    taken: list[str] = []
    for word in rules.words(head)[:6]:
        if not word[:1].isupper():
            break
        taken.append(word)
    if not taken or taken[0].lower() in _SUBJECT_PRONOUNS | {"the", "a", "an", "this"}:
        return None
    name = " ".join(taken)
    return name if head.startswith(name) else None


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
