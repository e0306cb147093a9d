"""The offline engine's indexes give the answers of the whole-document scans they replace.

Surname look-ups search only the stretches of name characters holding the surname, speaker
memory looks parties up by word, and contradictions scan back only until each kind of claim
is found; each is checked here against a plain reference scan on the seed article and the
extraction and denial fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.offline import claims_rules as rules
from assistant.offline import lexicons as lex
from assistant.offline import linking
from assistant.offline.drafts import DraftClaim, DraftSource
from assistant.offline.sourcing import (
    _NAME_TOKEN,
    _NOT_IN_NAMES,
    OUTLET,
    NameIndex,
    Party,
    SpeakerMemory,
    _bare,
    _words,
    classify,
    full_names,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    ROOT / "examples" / "pakistan-fo-china-security.txt",
    *sorted((ROOT / "tests" / "fixtures" / "extraction").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "denials").glob("*.txt")),
]
_CAPITALISED = re.compile(r"\b[A-Z][\w'\u2019.&-]*")


def full_name_by_whole_text_search(text: str, surname: str) -> Party | None:
    """The surname look-up as a regular expression over the whole text (the reference)."""
    token = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'\u2019-]*)"
    pattern = rf"\b((?:{token} +){{1,4}}){re.escape(surname)}\b"
    for match in re.finditer(pattern, text):
        if any(_bare(w) in _NOT_IN_NAMES for w in _words(match.group(1))):
            continue
        party = classify(match.group(0))
        if party.kind in {"named_official", "named_person"}:
            return party
    return None


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_surname_lookup_matches_whole_text_search(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    memory = SpeakerMemory(text)
    surnames = sorted(set(_CAPITALISED.findall(text)))
    assert surnames
    for surname in surnames:
        assert memory._full_name(surname) == full_name_by_whole_text_search(text, surname)


def _regex_full_names(text: str, surname: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"\b((?:{_NAME_TOKEN} +){{1,4}}){re.escape(surname)}\b")
    return [(m.start(), m.start() + len(m.group(1))) for m in pattern.finditer(text)]


def _scanned_full_names(text: str, surname: str) -> list[tuple[int, int]]:
    stretches = NameIndex(text).stretches_with(surname)
    return [found for start, end in stretches for found in full_names(text, start, end, surname)]


@pytest.mark.parametrize(
    "text",
    [
        "A.B. Smith Jones and Mr.X Smith met O'Brien Smith",
        "Smith-Jones Smith Smith; Boris Johnson Johnson",
        "AT&T Chief John  Smith Inc. Smith, J. R. R. Tolkien",
        "Dr. Ann Lee Lee. Lee,Bob Lee\u2019s aide Ann Lee_x a b Lee",
    ],
)
def test_surname_scan_finds_what_the_per_surname_pattern_finds(text: str) -> None:
    for surname in set(_CAPITALISED.findall(text)):
        assert _scanned_full_names(text, surname) == _regex_full_names(text, surname)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ABJabj .,'-&_\u2019\u00c9", max_size=40),
    st.sampled_from(["Jab", "B", "Ab.", "J-a", "A&B", "Ja'b"]),
)
def test_surname_scan_matches_the_pattern_on_any_text(text: str, surname: str) -> None:
    assert _scanned_full_names(text, surname) == _regex_full_names(text, surname)


def test_surname_lookup_finds_full_names_in_the_articles() -> None:
    found = set()
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        memory = SpeakerMemory(text)
        found |= {p.name for w in set(_CAPITALISED.findall(text)) if (p := memory._full_name(w))}
    assert len(found) >= 10


def test_surname_lookup_handles_edges_of_name_stretches() -> None:
    text = 'He met "Dr. Ann Lee" and, later, Prime Minister Boris Johnson\u2019s aide. Lee left.'
    memory = SpeakerMemory(text)
    for surname in ["Lee", "Johnson", "Boris", "Ann"]:
        assert memory._full_name(surname) == full_name_by_whole_text_search(text, surname)
    johnson = memory._full_name("Johnson")
    assert johnson is not None and johnson.name == "Boris Johnson"


def test_memory_resolves_to_the_latest_party_after_renaming_and_reremembering() -> None:
    memory = SpeakerMemory()
    baloch = classify("FO Spokesperson Mumtaz Zahra Baloch")
    khan = classify("Interior Minister Sana Khan")
    report = classify("the inspection report")
    for party in [baloch, khan, report, classify("Beijing Trade Ministry")]:
        memory.remember(party)
    assert memory.resolve("she") == khan
    assert memory.resolve("they") == classify("Beijing Trade Ministry")
    assert memory.resolve("the spokesperson") == baloch
    assert memory.resolve("The report") == report
    memory.remember(baloch)  # named again: now the latest person
    assert memory.resolve("she") == baloch and memory.resolve("Khan") == khan
    memory.remember(Party(khan.name, None, "organization", True))  # no longer a person
    assert memory.resolve("Khan") != khan and memory.resolve("the minister") != khan


def _claims() -> list[DraftClaim]:
    """A mix of claims naming Greystone Homes, resting on reports, and denied by a party."""
    greystone = Party("Greystone Homes", None, "organization", True)
    anonymous = Party("two officials", None, "anonymous", False)
    claims = []
    for i in range(60):
        subject = "Greystone Homes" if i % 3 == 0 else "The council"
        claim = DraftClaim(f"{subject} paid the consultant {i} pounds for the plan", i)
        claim.add([OUTLET], "asserts", claim.text)
        if i % 4 == 1:
            claim.add([anonymous], "asserts", claim.text)
        if i % 5 == 2:
            claim.sources.append(DraftSource(greystone, "denies", "no"))
        claims.append(claim)
    return claims


def latest_by_filtering(
    claims: list[DraftClaim], party: str
) -> tuple[list[DraftClaim], list[DraftClaim], list[DraftClaim]]:
    """The three kinds as whole-list filters, each cut to its last ``SEARCH_BACK`` claims."""
    tokens = linking._name_tokens(party)
    concerning = [c for c in claims if linking._names(c, tokens)]
    reported = [c for c in claims if c.reported and c not in concerning]
    denied = [c for c in claims if linking._denied(c) and c not in concerning + reported]
    back = linking.SEARCH_BACK
    return concerning[-back:], reported[-back:], denied[-back:]


@pytest.mark.parametrize("party", ["Greystone Homes", "Ellison", ""])
@pytest.mark.parametrize("count", [0, 3, 20, 60])
def test_contradiction_candidates_match_whole_list_filters(party: str, count: int) -> None:
    claims = _claims()[:count]
    assert linking._latest_by_kind(claims, party) == latest_by_filtering(claims, party)


def test_contradiction_finds_a_recent_claim_among_many() -> None:
    claims = _claims()
    found = linking.contradicted(
        claims, "Greystone Homes never paid the consultant 57 pounds", "Greystone Homes"
    )
    assert found is claims[57]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9 '\u2019-_.\u03a3\u0130\u212a\u00c9\u00df\"", max_size=30))
def test_word_views_read_once_equal_word_by_word_lowercasing(text: str) -> None:
    """The rules' lowercase views, made by lowercasing the joined words in one pass, equal
    lowercasing each word (final sigma, dotted I and the Kelvin sign included)."""
    tokens = rules.words(text)
    straightened = tuple(w.lower().replace("\u2019", "'") for w in tokens)
    lowered = rules._lowered(text)
    assert lowered.words == straightened
    assert lowered.vocabulary == frozenset(straightened)
    assert lowered.as_written == frozenset(w.lower() for w in tokens)
    assert lowered.joined == " ".join(straightened)
    negated = any(w in lex.NEGATIONS or w.endswith("n't") for w in straightened)
    assert rules.is_negated(text) == negated


_FRAGMENTS = [
    "Reportedly",
    "IT'S ASSUMED",
    "it\u2019s assumed",
    "appears to",
    "Can't Verify",
    "could not independently confirm",
    "these REPORTS",
    "the ſtory",
    "such Claims",
    "\u212aelvin",
    "said",
    ",",
    "allegedly",
    "Stood By its Reporting",
    "next Week",
    "7",
    "Scheduled For",
    "£",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=6), st.sampled_from([" ", "  ", "-"]))
def test_literal_prefilters_keep_the_patterns_answers(fragments: list[str], joint: str) -> None:
    """The hedge, cannot-confirm, report-anaphor, timing and stood-by rules look for their
    words in ASCII text before searching with their case-insensitive patterns: same answers
    as the patterns."""
    text = joint.join(fragments)
    assert rules.is_hedged(text) == (rules._HEDGE.search(text) is not None)
    assert rules.withholds_confirmation(text) == (rules._CANNOT_CONFIRM.search(text) is not None)
    assert rules.refers_to_report(text) == (rules._ANAPHOR.search(text) is not None)
    assert rules._is_timed(text) == (rules._TIMED.search(text) is not None)
    assert rules._stands_by(text) == (rules._STANDS_BY.search(text) is not None)
