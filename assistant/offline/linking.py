"""Which earlier claim a later sentence speaks to.

"Neither side has confirmed these talks", "The company declined to comment", "That is simply
false", "Ashford have received no offer for Okonkwo": such sentences add a source to a claim
already made instead of making a new one. The rules, in order:

1. a possessed report ("the army's account") points to the latest claim the possessor is a
   source of; a report anaphor ("these reports", "the talks", "such claims") to the latest
   claim that rests on reports or anonymous sources, else the latest claim a party denied;
2. otherwise the recent claim sharing the most content words with the sentence, when they share
   enough;
3. otherwise the latest claim, if it was made within the last few sentences.

A negated statement by a party ("no offer was received") that restates a recent reported claim
contradicts it: it is that party's denial.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import rubric
from assistant.offline import claims_rules as rules
from assistant.offline import lexicons as lex
from assistant.offline.drafts import DraftClaim
from assistant.textsim import content_stems, stem
from assistant.wordforms import FRAME, opposed, opposes_some_act, roots

SEARCH_BACK = 8  # claims
# How far back a contradiction looks for claims naming the party, reported or denied: far
# beyond any article's length in claims, so only a book-length text is cut to a window.
CONTRADICTION_WINDOW = 400  # claims
RECENT_SENTENCES = 3
GENERIC_HINT_STEMS = 1  # "on the matter", "it": says nothing about what it refers to
# Words of "declined to comment on the matter" that say nothing about which claim is meant.
_GENERIC = frozenset(
    stem(w)
    for w in """comment comments request requests question questions matter matters issue
    issues case statement message messages call calls email emails inquiry inquiries
    repeated immediately publicly further detail details""".split()
)
MIN_SHARED = 2
MIN_CONTAINMENT = 0.3
CONTRADICTION_SHARED = 3
CONTRADICTION_CONTAINMENT = 0.35
CONCERNED_SHARED = 2
RESTATEMENT_SHARED = 3
RESTATEMENT_CONTAINMENT = 0.5
SHORT_RESTATEMENT_SHARED = 2
SHORT_RESTATEMENT_CONTAINMENT = 1.0


_POSSESSED_REPORT = re.compile(
    r"\b(\w+)['\u2019]s\s+(?:\w+\s+)?(?:" + "|".join(sorted(lex.REPORT_ANAPHORS)) + r")\b",
    re.IGNORECASE,
)


def overlap(a: str, b: str) -> tuple[int, float]:
    """Shared content stems of two texts, and that count over the smaller text's stems."""
    sa, sb = content_stems(a), content_stems(b)
    shared = len(sa & sb)
    smaller = min(len(sa), len(sb))
    return shared, (shared / smaller if smaller else 0.0)


def _best_overlap(
    claims: Sequence[DraftClaim], text: str, min_shared: int, min_containment: float
) -> DraftClaim | None:
    scored = []
    for claim in claims[-SEARCH_BACK:]:
        shared, containment = overlap(claim.text, text)
        if shared >= min_shared and containment >= min_containment:
            scored.append((containment, claim))
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def latest_reported(claims: Sequence[DraftClaim]) -> DraftClaim | None:
    return next((c for c in reversed(claims) if c.reported), None)


def referent(
    claims: Sequence[DraftClaim],
    hint: str,
    sentence: int,
    parties: Sequence[str] = (),
    denial: bool = False,
) -> DraftClaim | None:
    """The claim that ``hint`` (what the sentence says it is about) speaks to, or None.

    A hint with its own subject matter ("declined to comment on internal discussions") must
    share words with the claim; only a back-reference or an empty hint ("declined to comment")
    falls back: to the latest recent claim that names one of the ``parties`` speaking (a
    party declining to comment was asked about a claim concerning it), else to the latest
    claim, and only when that claim is recent.
    """
    anaphor = rules.refers_to_report(hint)
    owner = _POSSESSED_REPORT.search(hint)
    if owner:  # "the army's account": the latest claim the army is a source of
        found = _sourced_by(claims[-SEARCH_BACK:], owner.group(1))
        if found is not None:
            return found
        media = owner.group(1).lower() in lex.REPORT_NOUNS
        # "rejected the newspaper's account": a denial of what the media reported
        found = latest_reported(claims[-SEARCH_BACK:]) if media and denial else None
        if found is not None:
            return found
    if anaphor:  # "the claims": what rests on reports, else what a party has denied
        found = latest_reported(claims) or _latest_contested(claims[-SEARCH_BACK:])
        if found is not None:
            return found
    found = _best_overlap(claims, hint, MIN_SHARED, MIN_CONTAINMENT)
    if found is not None:
        return found
    generic = anaphor or len(content_stems(hint) - _GENERIC) <= GENERIC_HINT_STEMS
    if not generic:
        return None
    concerning = _naming(claims[-SEARCH_BACK:], parties)
    if concerning is not None:
        return concerning
    if claims and sentence - claims[-1].sentence <= RECENT_SENTENCES:
        # A party declining to comment is silent on what concerns it, not on what another
        # party just stated on the record ("X said Y. Z declined to comment.")
        return claims[-1] if denial or not _stated_on_record(claims[-1]) else None
    return None


# Who can state a claim on the record themselves: the rubric's standing kinds but a document.
_STATING_KINDS = rubric.STANDING_KINDS - {"document"}


def _stated_on_record(claim: DraftClaim) -> bool:
    """Whether a named party or body itself asserts the claim on the record."""
    return any(
        s.stance in rubric.SUPPORTING and s.party.on_record and s.party.kind in _STATING_KINDS
        for s in claim.sources
    )


def _denied(claim: DraftClaim) -> bool:
    return any(s.stance == "denies" for s in claim.sources)


def _latest_contested(claims: Sequence[DraftClaim]) -> DraftClaim | None:
    return next((c for c in reversed(claims) if any(s.stance == "denies" for s in c.sources)), None)


def _sourced_by(claims: Sequence[DraftClaim], owner: str) -> DraftClaim | None:
    """The latest claim ``owner`` is a source of ("Sentinel" is in "The Sentinel's report")."""
    owner = owner.lower()
    for claim in reversed(claims):
        if any(owner in _name_words(s.party.name) for s in claim.sources):
            return claim
    return None


def _name_words(name: str) -> set[str]:
    return {w.lower().replace("\u2019", "'").removesuffix("'s") for w in name.split()}


def _name_tokens(party: str) -> list[str]:
    return [w for w in party.split() if w[:1].isupper() and len(w) > 2]


def _names(claim: DraftClaim, tokens: Sequence[str]) -> bool:
    """Whether the claim's text names a party (by all its capitalised ``tokens``)."""
    return bool(tokens) and all(t in claim.text for t in tokens)


def _naming(claims: Sequence[DraftClaim], parties: Sequence[str]) -> DraftClaim | None:
    """The latest claim whose text names one of the parties (by a capitalised word of it),
    other than the parties' own statements: a party responds to what others said of it."""
    tokens = {w for name in parties for w in name.split() if w[:1].isupper() and len(w) > 3}
    # "The museum declined": "a break-in at the museum" names it by its head noun
    heads = {_definite_head(name) for name in parties} - {""}
    speaking = {name.casefold() for name in parties}
    for claim in reversed(claims):
        if any(s.party.name.casefold() in speaking for s in claim.sources):
            continue
        words = claim.text.replace(",", " ").replace(".", " ").split()
        if tokens & set(words) or heads & {w.lower() for w in words}:
            return claim
    return None


def _definite_head(name: str) -> str:
    """The head noun of a common-noun party ("The museum": museum), else ""."""
    words = name.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1].islower():
        return words[1]
    return ""


def contradicted(claims: Sequence[DraftClaim], content: str, party: str = "") -> DraftClaim | None:
    """The recent claim that a negated ``content`` restates, or None: a reported claim, or
    one that names the ``party`` speaking ("Greystone Homes paid him ..." / "Greystone Homes
    said it had never paid Ellison"). When the speaker is the party the claim is about (it
    is named there, or speaks in the first person: "We are not in talks with Crisply"),
    fewer shared words suffice."""
    negated = rules.is_negated(content)
    if not negated and not opposes_some_act(content):
        return None
    concerning, reported, denied = _latest_by_kind(claims, party)
    if not negated:  # "The mill will stay open" against "Ostby will close the mill"
        return _opposite_act(concerning + reported, content)
    if rules.has_first_person(content):
        # the party speaking for itself also restates what it already denied ("Ostby denied
        # that it plans to close the mill" ... "We have no plan to close Lund Street")
        concerning, reported = (concerning + reported + denied)[-SEARCH_BACK:], []
    return (
        _best_overlap(concerning, content, CONCERNED_SHARED, CONTRADICTION_CONTAINMENT)
        or _best_overlap(reported, content, CONTRADICTION_SHARED, CONTRADICTION_CONTAINMENT)
        or _negates(concerning + reported, content)
        or _same_act(concerning, content)
    )


# Acts a denial names in other words than the claim (word roots, assistant/wordforms.py):
# "I'm not going anywhere" / "I'm not leaving" against "she plans to step down"; "the plant
# is not closing" / "we are not winding down" against "it will shut the plant".
ACTS = (
    frozenset({"step", "leav", "depart", "quit", "exit", "anywher", "retir"}),
    frozenset({"close", "wind", "fold", "shutter"}),
    frozenset({"sell", "acquir", "buy", "merger", "merg"}),
    frozenset({"lay", "redund"}),
)


def _opposite_act(claims: Sequence[DraftClaim], content: str) -> DraftClaim | None:
    """The latest claim whose act ``content`` opposes about the same thing ("The Lund Street
    mill will stay open" against "Ostby will close the Lund Street mill")."""
    return next((c for c in reversed(claims) if opposed(c.text, content)), None)


def _same_act(claims: Sequence[DraftClaim], content: str) -> DraftClaim | None:
    """The latest claim naming the party that a negated ``content`` by that party answers in
    other words: both name the same act ("I'm not going anywhere" / "plans to step down")."""
    said = roots(content)
    acts = [act for act in ACTS if act & said]
    if not acts:
        return None
    return next((c for c in reversed(claims) if any(act & roots(c.text) for act in acts)), None)


# Words a denial wraps around what it denies ("there is no plan to sell"); acts are read as
# word roots (assistant/wordforms.py: "for sale" / "will sell"; "closure" / "closing"). The
# frame words are wordforms.FRAME's, and "no question", "no truth" here.
_DENIAL_FRAME = FRAME | {"question", "truth"}


ANSWER_CONTAINMENT = 0.5


def answers(claim: str, denial: str) -> bool:
    """Whether a negated statement made earlier in the article (``denial``: "No one at the
    bank approved this release") answers ``claim``, made after it ("A bank executive had
    approved the release"): the claim restates what the denial negates, word for word once
    frames are set aside and acts read alike, or sharing most of its content words."""
    if rules.is_negated(claim) or not rules.is_negated(denial):
        return False
    shared, containment = overlap(claim, denial)
    if shared >= CONTRADICTION_SHARED and containment >= ANSWER_CONTAINMENT:
        return True
    return shared > 0 and _negates_text(claim, denial)


def _negates(claims: Sequence[DraftClaim], content: str) -> DraftClaim | None:
    """The latest claim that a negated ``content`` denies word for word once its frame is set
    aside and acts are read alike ("There is no plan to sell the terminal" against "The city
    will sell the Harbor Terminal"): every remaining word of the denial is in the claim."""
    return next((c for c in reversed(claims) if _negates_text(c.text, content)), None)


def _negates_text(claim: str, content: str) -> bool:
    """:func:`_negates` for one claim's text."""
    denied = roots(content) - _DENIAL_FRAME
    return len(denied) >= MIN_SHARED and denied <= roots(claim)


def _latest_by_kind(
    claims: Sequence[DraftClaim], party: str
) -> tuple[list[DraftClaim], list[DraftClaim], list[DraftClaim]]:
    """The latest claims (up to ``SEARCH_BACK`` of each, in order) that name ``party``, that
    are reported (and do not name it), and that a party denied (and are neither): each claim
    in its first kind only. A scan back over at most ``CONTRADICTION_WINDOW`` claims that
    stops once every kind is full."""
    kinds: tuple[list[DraftClaim], list[DraftClaim], list[DraftClaim]] = ([], [], [])
    tokens = _name_tokens(party)
    for claim in reversed(claims[-CONTRADICTION_WINDOW:]):
        if all(len(kind) >= SEARCH_BACK for kind in kinds):
            break
        if _names(claim, tokens):
            kind = kinds[0]
        elif claim.reported:
            kind = kinds[1]
        elif _denied(claim):
            kind = kinds[2]
        else:
            continue
        if len(kind) < SEARCH_BACK:
            kind.append(claim)
    return kinds[0][::-1], kinds[1][::-1], kinds[2][::-1]


def restated(claims: Sequence[DraftClaim], content: str) -> DraftClaim | None:
    """The recent claim that ``content`` (what a party confirms or denies) restates, or None:
    "the chief executive confirmed that the firm would cut 500 jobs" after a report that it
    would; "the army denied that any civilians had been killed" after residents said the
    strike killed 12 civilians. A short content must be wholly inside the claim."""
    if rules.is_negated(content):
        return None
    return _best_overlap(
        claims, content, RESTATEMENT_SHARED, RESTATEMENT_CONTAINMENT
    ) or _best_overlap(claims, content, SHORT_RESTATEMENT_SHARED, SHORT_RESTATEMENT_CONTAINMENT)
