"""Claim extraction in the offline engine, on short development articles written for this
purpose (tests/fixtures/extraction/): claims in indirect speech with less common cues, outlet
facts with numbers and dates, documents as sources, dated plans in reported speech, and the
sentences that must not become claims (generalities, feelings, fragments)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import Analysis, Claim, Document
from assistant.offline.extraction import extract

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extraction"


@cache
def analyse(name: str) -> Analysis:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return Assistant(model="offline").analyze(text)


def claims_with(analysis: Analysis, *words: str) -> list[Claim]:
    return [c for c in analysis.claims if all(w.lower() in c.text.lower() for w in words)]


def claim_with(analysis: Analysis, *words: str) -> Claim:
    """The one claim whose text contains every word (case-insensitive)."""
    found = claims_with(analysis, *words)
    assert len(found) == 1, [c.text for c in analysis.claims]
    return found[0]


# (article, words of the claim, expected status, (source name word, kind, stance))
FOUND = [
    # indirect speech with less common cues
    (
        "school-budget-vote.txt",
        ("classroom supply funds", "40 percent"),
        "confirmed",
        ("Dunne", "named_official", "asserts"),
    ),
    (
        "school-budget-vote.txt",
        ("supply budget had risen",),
        "confirmed",
        ("Haddad", "named_official", "asserts"),
    ),
    (
        "ferry-service-cut.txt",
        ("300 residents",),
        "confirmed",
        ("council", "organization", "asserts"),
    ),
    (
        "pharmacy-chain-filing.txt",
        ("subpoena", "February"),
        "confirmed",
        ("Pillbox", "organization", "asserts"),
    ),
    (
        "pharmacy-chain-filing.txt",
        ("chief compliance officer",),
        "confirmed",
        ("Pillbox", "organization", "asserts"),
    ),
    ("library-hours.txt", ("busiest day",), "confirmed", ("Ellis", "named_official", "asserts")),
    (
        "hospital-wait-times.txt",
        ("60 nursing posts",),
        "denied",
        ("hospital", "organization", "denies"),
    ),
    # documents as sources
    (
        "warehouse-inspection.txt",
        ("14 safety violations",),
        "confirmed",
        ("inspection report", "document", "asserts"),
    ),
    (
        "warehouse-inspection.txt",
        ("forklifts", "six occasions"),
        "confirmed",
        ("inspection report", "document", "asserts"),
    ),
    (
        "bus-contract-letter.txt",
        ("without a public tender",),
        "confirmed",
        ("letter", "document", "asserts"),
    ),
    (
        "bus-contract-letter.txt",
        ("18 million dollars",),
        "confirmed",
        ("letter", "document", "asserts"),
    ),
    (
        "bus-contract-letter.txt",
        ("250,000 dollars",),
        "unverified",
        ("Court filings", "document", "asserts"),
    ),
    ("pharmacy-chain-filing.txt", ("38 stores",), "confirmed", ("filing", "document", "asserts")),
    (
        "pharmacy-chain-filing.txt",
        ("pharmacist sued",),
        "confirmed",
        ("Court filings", "document", "asserts"),
    ),
    (
        "ferry-service-cut.txt",
        ("1.4 million passengers",),
        "confirmed",
        ("annual report", "document", "asserts"),
    ),
    (
        "hospital-wait-times.txt",
        ("9 hours and 40 minutes",),
        "confirmed",
        ("figures", "document", "asserts"),
    ),
    (
        "stadium-lease.txt",
        ("1.2 million pounds a year",),
        "confirmed",
        ("agreement", "document", "asserts"),
    ),
    (
        "stadium-lease.txt",
        ("repairs to the stadium roof",),
        "confirmed",
        ("agreement", "document", "asserts"),
    ),
    # dated plans and costs in reported speech
    (
        "ferry-service-cut.txt",
        ("two sailings a day", "from Monday"),
        "confirmed",
        ("company", "organization", "asserts"),
    ),
    (
        "ferry-service-cut.txt",
        ("until further notice",),
        "confirmed",
        ("company", "organization", "asserts"),
    ),
    (
        "school-budget-vote.txt",
        ("12 teaching positions", "next fall"),
        "confirmed",
        ("Petrov", "named_official", "asserts"),
    ),
    ("library-hours.txt", ("140,000 dollars",), "confirmed", ("Webb", "named_official", "asserts")),
    (
        "bakery-fire.txt",
        ("reopen", "next month"),
        "confirmed",
        ("Morrow", "named_person", "asserts"),
    ),
    (
        "wildfire-evacuation.txt",
        ("evacuation orders", "until further notice"),
        "confirmed",
        ("sheriff", "organization", "asserts"),
    ),
    # a modal inside "how ..." is not the claim's own
    (
        "warehouse-inspection.txt",
        ("not yet estimated", "repairs"),
        "confirmed",
        ("Lindqvist", "named_official", "asserts"),
    ),
    (
        "bakery-fire.txt",
        ("not yet determined how the fire began",),
        "confirmed",
        ("Briggs", "named_official", "asserts"),
    ),
    # a possessive resolved to the speaker
    (
        "ferry-service-cut.txt",
        ("Okafor's office", "85 complaints"),
        "confirmed",
        ("Okafor", "named_official", "asserts"),
    ),
    (
        "wildfire-evacuation.txt",
        ("Lena Hart's house",),
        "confirmed",
        ("Hart", "named_person", "asserts"),
    ),
    # asides between the speaker and the cue, and numbers with thousands separators
    (
        "port-union-vote.txt",
        ("strike vote", "Oct. 14"),
        "confirmed",
        ("Dockworkers Union", "organization", "asserts"),
    ),
    (
        "port-union-vote.txt",
        ("1,250 vessels", "1,190"),
        "confirmed",
        ("port authority", "organization", "asserts"),
    ),
    (
        "port-union-vote.txt",
        ("cranes had been idle",),
        "unverified",
        ("supervisors", "anonymous", "asserts"),
    ),
    (
        "port-union-vote.txt",
        ("crane operator had worked 70 hours",),
        "unverified",
        ("crane operator", "anonymous", "asserts"),
    ),
    (
        "port-union-vote.txt",
        ("fell 8 percent",),
        "confirmed",
        ("Shipping data", "document", "asserts"),
    ),
    (
        "apartment-mould.txt",
        ("40 flats",),
        "confirmed",
        ("Corran Homes", "organization", "asserts"),
    ),
    (
        "apartment-mould.txt",
        ("improvement notice", "Nov. 2"),
        "confirmed",
        ("inspectors", "organization", "asserts"),
    ),
    # an unnamed speaker's "she" is the speaker, not the last person named
    (
        "apartment-mould.txt",
        ("One tenant had reported black mould",),
        "unverified",
        ("tenant", "anonymous", "asserts"),
    ),
    (
        "apartment-mould.txt",
        ("Another resident had paid 1,200 pounds",),
        "unverified",
        ("resident", "anonymous", "asserts"),
    ),
    # the main clause before "a day after X began circulating a letter claiming ..."
    (
        "council-leak-report.txt",
        ("finance chief resigned on Monday",),
        "confirmed",
        ("outlet", "outlet", "asserts"),
    ),
    (
        "council-leak-report.txt",
        ("lost 900,000 pounds",),
        "confirmed",
        ("a letter", "document", "asserts"),
    ),
    (
        "council-leak-report.txt",
        ("6 million pounds",),
        "unverified",
        ("Courier", "media_report", "asserts"),
    ),
    # the outlet's main clause before ", saying ..." and before "after X said" when the
    # speaker cannot be parsed
    (
        "paper-correction.txt",
        ("corrected a report", "Stanton Health"),
        "confirmed",
        ("outlet", "outlet", "asserts"),
    ),
    (
        "paper-correction.txt",
        ("withdrew an article about a clinic closure",),
        "confirmed",
        ("outlet", "outlet", "asserts"),
    ),
    # "the Herald's report" (curly apostrophe) is the report the Herald is a source of
    (
        "paper-correction.txt",
        ("signed a merger agreement",),
        "unverified",
        ("Quint", "named_official", "not_confirmed"),
    ),
    # a reported schedule ("is expected to take 90 days", "is expected to end next month")
    (
        "paper-correction.txt",
        ("expected to take 90 days",),
        "confirmed",
        ("health department", "organization", "asserts"),
    ),
    (
        "paper-correction.txt",
        ("expected to end next month",),
        "confirmed",
        ("department", "organization", "asserts"),
    ),
    # "The report also said X had ...": a whole clause is a claim of its own
    (
        "transfer-report.txt",
        ("Tomas Ek", "met the club's directors"),
        "unverified",
        ("report", "media_report", "asserts"),
    ),
    (
        "transfer-report.txt",
        ("4 million euros",),
        "unverified",
        ("Tribuna Norte", "media_report", "asserts"),
    ),
    # a denied plan is a claim ("denied that it plans to close"); the speaker's own
    # first-person restatement joins the denial; "three supervisors at the mill" are unnamed
    (
        "mill-closure-denied.txt",
        ("plans to close its Lund Street mill",),
        "denied",
        ("Kessel", "named_official", "denies"),
    ),
    (
        "mill-closure-denied.txt",
        ("move to Poland within two years",),
        "unverified",
        ("supervisors", "anonymous", "asserts"),
    ),
    (
        "paper-correction.txt",
        ("merger talks had ended in April",),
        "confirmed",
        ("spokesman", "organization", "asserts"),
    ),
    # a present progressive is an event, not a generality
    (
        "wildfire-evacuation.txt",
        ("crews are cutting containment lines",),
        "confirmed",
        ("spokesman", "organization", "asserts"),
    ),
    # outlet-voice facts with numbers and dates
    (
        "warehouse-inspection.txt",
        ("employs about 420 people",),
        "confirmed",
        ("outlet", "outlet", "asserts"),
    ),
    (
        "pharmacy-chain-filing.txt",
        ("1,100 stores in 19 states",),
        "confirmed",
        ("outlet", "outlet", "asserts"),
    ),
    ("stadium-lease.txt", ("18,000 spectators",), "confirmed", ("outlet", "outlet", "asserts")),
    ("bakery-fire.txt", ("local landmark in 2010",), "confirmed", ("outlet", "outlet", "asserts")),
]


@pytest.mark.parametrize(("article", "words", "expected", "source"), FOUND)
def test_claim_is_found_with_its_source(
    article: str, words: tuple[str, ...], expected: str, source: tuple[str, str, str]
) -> None:
    claim = claim_with(analyse(article), *words)
    assert claim.status == expected, claim.status_reason
    name, kind, stance = source
    matching = [s for s in claim.sources if name.lower() in s.name.lower()]
    assert matching, [s.name for s in claim.sources]
    assert (matching[0].kind, matching[0].stance) == (kind, stance)


# (article, words that must appear in no claim)
NOT_CLAIMS = [
    ("ferry-service-cut.txt", ("lifeline",)),  # a generality
    ("warehouse-inspection.txt", ("exist for a reason",)),
    ("warehouse-inspection.txt", ("said nothing about layoffs",)),  # no statement at all
    ("school-budget-vote.txt", ("want the best",)),
    ("wildfire-evacuation.txt", ("spreads quickly",)),
    ("pharmacy-chain-filing.txt", ("could weigh on the shares",)),  # a warning of the future
    ("pharmacy-chain-filing.txt", ("drug prices",)),
    ("stadium-lease.txt", ("delighted",)),  # a feeling
    ("stadium-lease.txt", ("18,000 fans",)),  # a wish, though it has a number
    ("stadium-lease.txt", ("50 years",)),  # a bet
    ("stadium-lease.txt", ("part of the town's identity",)),
    ("hospital-wait-times.txt", ("dangerous for elderly",)),
    ("bakery-fire.txt", ("heart of small towns",)),
    ("bus-contract-letter.txt", ("open to competition",)),
    ("library-hours.txt", ("matter to everyone",)),
    ("mill-closure-denied.txt", ("we have no plan",)),  # joined the denial instead
    ("paper-correction.txt", ("responded to questions",)),  # only the act of speaking
    # sentences about how a story was reported
    ("council-leak-report.txt", ("carried a similar account",)),
    ("council-leak-report.txt", ("cited two council officers",)),
    ("council-leak-report.txt", ("stood by its reporting",)),
    # a subject that points back ("Both were treated")
    ("council-leak-report.txt", ("treated at the scene",)),
]


@pytest.mark.parametrize(("article", "words"), NOT_CLAIMS)
def test_background_and_feelings_are_not_claims(article: str, words: tuple[str, ...]) -> None:
    assert not claims_with(analyse(article), *words)


def test_a_sentence_with_a_morning_time_ends_before_the_next() -> None:
    """ "at about 3 a.m. He said ..." is two sentences: the second is its own claim."""
    claim = claim_with(analyse("bakery-fire.txt"), "flour storage room")
    assert "investigators" not in claim.text


def test_a_main_clause_before_and_someone_said_nothing_is_the_outlets() -> None:
    claim = claim_with(analyse("warehouse-inspection.txt"), "420 people")
    assert "layoffs" not in claim.text


def test_a_document_named_again_is_the_same_source() -> None:
    """ "The report said ..." after "according to an inspection report": the document, not a
    media report, so its claim is confirmed."""
    claim = claim_with(analyse("warehouse-inspection.txt"), "forklifts")
    assert [s.kind for s in claim.sources] == ["document"]


def test_the_appositive_date_is_not_the_speaker() -> None:
    """ "The letter, dated June 3, says ...": the letter speaks."""
    claim = claim_with(analyse("bus-contract-letter.txt"), "18 million")
    assert all("June" not in s.name for s in claim.sources)


def test_every_fixture_yields_well_formed_grounded_claims() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        analysis = analyse(path.name)
        assert analysis.claims, path.name
        assert not any(c.ungrounded for c in analysis.claims), path.name


def test_the_outlet_is_named_when_the_request_gives_its_name() -> None:
    text = (FIXTURES / "stadium-lease.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    named = extract({"paragraphs": paragraphs, "outlet": "Norbury Echo"})
    unnamed = extract({"paragraphs": paragraphs})
    kinds = {(s["name"], s["kind"]) for c in named["claims"] for s in c["sources"]}
    assert ("Norbury Echo", "outlet") in kinds
    assert ("the outlet", "outlet") not in kinds
    assert len(named["claims"]) == len(unnamed["claims"])


def test_a_name_after_a_role_is_the_speaker() -> None:
    """ "said Ostby's head of European operations, Maria Kessel": Maria Kessel speaks."""
    claim = claim_with(analyse("mill-closure-denied.txt"), "Lund Street mill")
    kessel = [s for s in claim.sources if s.name == "Maria Kessel"]
    assert kessel and "head of European operations" in (kessel[0].role or "")


def test_outlet_voice_is_named_after_the_documents_outlet() -> None:
    text = "A fire destroyed the Kestrel Packaging warehouse on Route 30 on Sunday night."
    named = Assistant(model="offline").analyze([Document.from_text(text, outlet="Dunmore Courier")])
    unnamed = Assistant(model="offline").analyze(text)
    assert [s.name for s in named.claims[0].sources] == ["Dunmore Courier"]
    assert [s.kind for s in named.claims[0].sources] == ["outlet"]
    assert unnamed.claims[0].sources[0].name != "Dunmore Courier"
