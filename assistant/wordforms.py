"""Word roots that join the forms a question and a claim use for one idea: sale/sell/sold,
valuation/valuing, closure/close, denial/denied. Snowball stems, with derived and irregular forms
mapped to one root."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.textsim import FINGERPRINTS_CACHED, content_stems

# Snowball stem -> the root it shares with its other forms.
ROOTS = {
    "sale": "sell",
    "sold": "sell",
    "denial": "deni",
    "valuat": "valu",
    "closur": "close",
    "acquisit": "acquir",
    "takeov": "acquir",
    "shut": "close",
    "shutdown": "close",
    "expuls": "expel",
    "suspens": "suspend",
    "departur": "depart",
    "death": "die",
    "dead": "die",
    "di": "die",
    "injuri": "injur",
    "layoff": "lay",
    "cut": "lay",  # job cuts / layoffs
    "told": "tell",
    "resign": "step",  # resigned / stepped down
    "sack": "dismiss",
    "fire": "dismiss",
    "fired": "dismiss",
    "purchas": "buy",
    "bought": "buy",
    "agreement": "agre",
    "appraisal": "apprais",
    "spokeswoman": "spokesperson",
    "intrus": "intrud",
    "spokesman": "spokesperson",
}
# Abbreviations a question uses for roles the article spells out.
ABBREVIATIONS = {
    "ceo": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "ciso": "chief information security officer",
    "pm": "prime minister",
    "ag": "attorney general",
    "da": "district attorney",
    "fm": "foreign ministry",
}
# Irregular past forms -> the Snowball stem of the present.
IRREGULAR = dict(
    pair.split(":")
    for pair in """began:begin begun:begin went:go gone:go made:make took:take taken:take held:hold
    gave:give given:give left:leav met:meet paid:pay ran:run won:win lost:lose fell:fall
    fallen:fall rose:rise risen:rise knew:know known:know saw:see seen:see came:come
    becam:becom thought:think found:find led:lead kept:keep brought:bring spoke:speak
    spoken:speak wrote:write written:write chose:choos chosen:choos drove:drive struck:strike
    built:build sent:send spent:spend hit:hit quit:quit shot:shoot caught:catch
    taught:teach sought:seek stood:stand understood:understand hung:hang froze:freez
    broke:break broken:break stole:steal stolen:steal""".split()
)
ROOTS.update(IRREGULAR)


@lru_cache(maxsize=FINGERPRINTS_CACHED)  # one analysis's texts; more only burden the collector
def roots(text: str) -> frozenset[str]:
    """The content words of ``text`` as roots."""
    return frozenset(ROOTS.get(stem, stem) for stem in content_stems(text))


def spelled_out(text: str) -> str:
    """``text`` with role abbreviations written out ("the CEO" -> "the chief executive")."""
    words = text.split()
    return " ".join(ABBREVIATIONS.get(w.strip("?.,'\u2019s").casefold(), w) for w in words)


# An act, and words saying it will not happen without a negation: every set of one of its
# alternatives must be met ("will stay open", "will remain in the post", "will keep the
# terminal"); a bare "opened" (a past event) is no answer to "will close".
_GOING_ON = frozenset({"stay", "remain", "keep", "continu"})
# Words a denial wraps around what it denies ("there is no plan to ...").
FRAME = frozenset("plan plans intent intend intention consid current ani such talk".split())
OPPOSITES: tuple[tuple[frozenset[str], tuple[tuple[frozenset[str], ...], ...]], ...] = (
    (
        frozenset({"close", "wind", "shutter"}),
        ((frozenset({"open"}), _GOING_ON), (frozenset({"reopen"}),)),
    ),
    (frozenset({"step", "leav", "depart", "quit", "retir"}), ((frozenset({"stay", "remain"}),),)),
    (frozenset({"sell"}), ((frozenset({"keep", "retain"}),),)),
)


def _opposing_words(
    said: frozenset[str], alternatives: tuple[tuple[frozenset[str], ...], ...]
) -> frozenset[str]:
    """The words of ``said`` that meet one alternative in full, or none."""
    for sets in alternatives:
        if all(words & said for words in sets):
            return frozenset().union(*(words & said for words in sets))
    return frozenset()


# A cheap first look for the words the opposites are made of.
_OPPOSING = re.compile(r"\b(?:stay|remain|keep|kept|continu|reopen|retain)", re.IGNORECASE)


def opposes_some_act(text: str) -> bool:
    """Whether ``text`` names the opposite of some act ("stay open", "keep")."""
    if _OPPOSING.search(text) is None:
        return False
    said = roots(text)
    return any(_opposing_words(said, alternatives) for _, alternatives in OPPOSITES)


def opposed(claim: str, statement: str) -> bool:
    """Whether ``statement`` says the act of ``claim`` will not happen, in opposite words and
    about the same thing ("The Lund Street mill will stay open" against "Ostby will close the
    Lund Street mill"): the claim names the act, the statement its opposite and at least one
    other word of the claim."""
    if _OPPOSING.search(statement) is None:
        return False
    said, words = roots(statement), roots(claim)
    for act, alternatives in OPPOSITES:
        opposing = _opposing_words(said, alternatives)
        if not opposing or not act & words or opposing & words:
            continue
        if (words - act) & (said - opposing - _GOING_ON - FRAME):
            return True
    return False
