"""Denials in the offline engine, on short development articles written for this purpose
(tests/fixtures/denials/): varied denial wordings linked to the claim they deny, and the
rubric's standing (who may deny) and precedence (an on-record confirmation beats a denial)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import Analysis, Claim

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "denials"


def analyse(name: str) -> Analysis:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return Assistant(model="offline").analyze(text)


def claim_with(analysis: Analysis, *words: str) -> Claim:
    """The one claim whose text contains every word (case-insensitive)."""
    found = [c for c in analysis.claims if all(w.lower() in c.text.lower() for w in words)]
    assert len(found) == 1, [c.text for c in analysis.claims]
    return found[0]


def deniers(claim: Claim) -> set[str]:
    return {s.name for s in claim.sources if s.stance == "denies"}


# (article, words of the claim, expected status, a word of the decisive denier or "")
CASES = [
    ("merger-report-denied.txt", ("advanced talks", "Crisply"), "denied", "Harbor Foods"),
    ("club-no-offer.txt", ("offer", "Mensah"), "denied", "Hendry"),
    ("hospital-no-plan.txt", ("close three rural hospitals",), "denied", "Kovac"),
    ("mayor-allegations.txt", ("city funds",), "denied", "Becker"),
    ("helicopter-account.txt", ("shot down",), "denied", "army"),
    ("embassy-visas.txt", ("stopped issuing",), "denied", "embassy"),
    ("governor-son.txt", ("appointed", "water utility"), "denied", "governor"),
    ("drone-purchase.txt", ("attack drones",), "denied", "Maren"),
    ("airline-lawsuit.txt", ("cancelled flights",), "denied", "Bluewing"),
    ("school-closure-rumour.txt", ("close Elm Road",), "denied", "Shah"),
    ("police-tear-gas.txt", ("tear gas",), "denied", "Weller"),
    ("refinery-sale.txt", ("advisers", "Teesport"), "denied", "Sato"),
    ("minister-resignation.txt", ("resignation",), "denied", "Dahl's office"),
    ("vaccine-shortage.txt", ("run out of flu vaccine",), "denied", "National Health Agency"),
    ("consultant-payment.txt", ("50,000 pounds",), "denied", "Greystone"),
    ("port-strike.txt", ("strike for 48 hours",), "denied", "dockers' union"),
    ("bank-passive.txt", ("approached", "Castell"), "denied", "Finch"),
    ("bank-passive.txt", ("Castell Savings was seeking a buyer",), "denied", "Castell"),
    ("singer-split.txt", ("ended their engagement",), "denied", "Vale"),
    ("extradition-request.txt", ("extradite",), "denied", "Lund"),
    # the outlet's own "That report, however, is false" rules on the story it points back to
    ("viral-death-story.txt", ("car crash",), "denied", "the outlet"),
    # an unnamed friend has no standing: the report stays unverified
    ("couple-third-party.txt", ("separated",), "unverified", ""),
    # the chief executive's on-record confirmation beats the spokesman's earlier denial
    ("layoffs-confirmed.txt", ("500 jobs",), "confirmed", ""),
    # an opposition leader's dismissal does not outweigh the ministry's word on itself
    ("opposition-dispute.txt", ("40,000 jobs",), "confirmed", ""),
]


@pytest.mark.parametrize(("article", "words", "expected", "denier"), CASES)
def test_denial_status(article: str, words: tuple[str, ...], expected: str, denier: str) -> None:
    claim = claim_with(analyse(article), *words)
    assert claim.status == expected, (claim.text, claim.status_reason)
    if denier:
        assert any(denier.lower() in name.lower() for name in deniers(claim)), claim.sources
        assert denier.lower() in claim.status_reason.lower()


def test_denial_makes_no_claim_of_its_own() -> None:
    """ "We are not in talks ..." and "There is no truth in these reports" are responses."""
    merger = analyse("merger-report-denied.txt")
    assert not [c for c in merger.claims if "not in talks" in c.text]
    drone = analyse("drone-purchase.txt")
    assert not [c for c in drone.claims if "no truth" in c.text.lower()]


def test_denial_reported_by_another_outlet_is_not_the_partys_own() -> None:
    claim = claim_with(analyse("governor-son.txt"), "appointed", "water utility")
    assert "utility" not in " ".join(deniers(claim)).lower()


def test_confirmation_joins_the_reported_claim() -> None:
    claim = claim_with(analyse("layoffs-confirmed.txt"), "500 jobs")
    stances = {(s.kind, s.stance) for s in claim.sources}
    assert ("named_official", "confirms") in stances
    assert ("anonymous", "asserts") in stances
    assert ("organization", "denies") in stances


def test_third_party_dispute_is_named_in_the_reason() -> None:
    claim = claim_with(analyse("opposition-dispute.txt"), "40,000 jobs")
    assert "Brandt" in claim.status_reason and "disputed" in claim.status_reason
    assert deniers(claim) == {"Karl Brandt"}


def test_unnamed_friend_is_anonymous() -> None:
    claim = claim_with(analyse("couple-third-party.txt"), "separated")
    friend = next(s for s in claim.sources if "friend" in s.name.lower())
    assert friend.kind == "anonymous" and not friend.on_record
    assert friend.stance == "denies"


def test_the_claims_after_a_denial_point_to_the_contested_claim() -> None:
    analysis = analyse("helicopter-account.txt")
    contested = claim_with(analysis, "shot down")
    assert any(s.kind == "outlet" and s.stance == "not_confirmed" for s in contested.sources)
    displaced = claim_with(analysis, "displaced")
    assert displaced.status == "confirmed"


def test_a_denied_clause_joins_the_claim_it_restates() -> None:
    """ "Police denied that officers had fired tear gas" after protesters said they did."""
    analysis = analyse("police-tear-gas.txt")
    claim = claim_with(analysis, "tear gas")
    assert {"Police", "Jan Weller"} <= deniers(claim)
    assert any(s.kind == "anonymous" and s.stance == "asserts" for s in claim.sources)


def test_trailing_told_keeps_the_reported_claim() -> None:
    """ "..., two government sources told the broadcaster NRK on Friday." """
    claim = claim_with(analyse("minister-resignation.txt"), "resignation")
    assert claim.text.startswith("Finance Minister Olav Dahl has offered")


def test_opening_participle_denies_and_is_not_the_speaker() -> None:
    """ "Denying the report, the council's chief executive said ...": the executive denies."""
    claim = claim_with(analyse("consultant-payment.txt"), "50,000 pounds")
    assert "the council's chief executive" in deniers(claim)
    assert not [s for s in claim.sources if s.name == "the report"]
    assert not [s for s in claim.sources if s.kind == "media_report"]  # Ellison said it


def test_passive_denial_names_the_agent_with_role() -> None:
    """ "Reports that X ... were dismissed by Meridian's chief executive, Laura Finch"."""
    claim = claim_with(analyse("bank-passive.txt"), "approached", "Castell")
    finch = next(s for s in claim.sources if s.name == "Laura Finch")
    assert finch.stance == "denies" and finch.kind == "named_official"
    assert finch.role is not None and "chief executive" in finch.role
    assert "dismissed" not in claim.text


def test_a_denial_of_an_event_is_not_a_denial() -> None:
    """ "rejected an offer" and "denied bail" are events, not denials of a claim."""
    text = (
        "The union rejected an offer of a 3 percent pay rise on Monday.\n\n"
        "A judge denied bail to the two men charged over the robbery.\n"
    )
    analysis = Assistant(model="offline").analyze(text)
    assert analysis.claims
    assert all(c.status != "denied" for c in analysis.claims)


def test_nothing_to_do_with_links_only_to_what_it_names() -> None:
    """ "he had nothing to do with the fraud investigation" denies no extradition request."""
    claim = claim_with(analyse("extradition-request.txt"), "extradite")
    assert deniers(claim) == {"Ingrid Lund"}
    assert any(s.name == "the newspaper Norland Today" for s in claim.sources)


def test_in_writing_is_not_speech() -> None:
    text = (
        "Under the rules, a resignation takes effect only when delivered in writing to the clerk.\n"
    )
    analysis = Assistant(model="offline").analyze(text)
    assert not [s for c in analysis.claims for s in c.sources if s.kind != "outlet"]


def test_the_outlets_own_debunk_is_no_claim_and_check_agrees() -> None:
    analysis = analyse("viral-death-story.txt")
    assert not any("false" in c.text.lower() for c in analysis.claims)
    claim = claim_with(analysis, "car crash")
    verdict = Assistant(model="offline").check(claim.text, analysis.documents)
    assert verdict.status == claim.status == "denied"


def test_a_rumour_named_as_a_subject_is_no_debunk() -> None:
    text = (
        "Chatterbox is not shutting down, its chief executive said. The rumors began on Friday "
        "when a screenshot of what was presented as an internal memo circulated on social media."
    )
    analysis = Assistant(model="offline").analyze(text)
    assert any(c.text.startswith("The rumors began on Friday") for c in analysis.claims)
