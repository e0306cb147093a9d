"""Sentences that carry on the one before with a pronoun (assistant/offline/continuation.py):
joined into one standalone claim when short, a claim of their own (the pronoun replaced by the
subject) when long. Sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.offline.continuation import (
    completes,
    continues,
    describes,
    joined,
    leans_on_previous,
    resolved,
    subject,
)
from assistant.offline.extraction import extract


def claims(text: str) -> list[str]:
    return [c["text"] for c in extract({"paragraphs": text.split("\n")})["claims"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Its shares have gained 34 percent this year.",
        "She chairs the council's finance committee and joined it in 2019.",
        "Both were in stable condition on Friday.",
        "It reported 3 million subscribers at the end of March.",
    ],
)
def test_a_pronoun_opening_with_a_fact_continues(sentence: str) -> None:
    assert continues(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is unclear when the ferry will return to service on Monday.",  # empty "it"
        "This was the third closure in 2024.",  # "this" points at an event
        "They will probably appeal the ruling in May.",  # a prediction
        "He was disappointed.",  # a feeling, nothing to check
        "We opened 12 stores last year.",  # first person
        "The mill employs 300 people.",  # no pronoun: a claim of its own
        "Will it reopen in 2026?",
    ],
)
def test_other_sentences_do_not_continue(sentence: str) -> None:
    assert not continues(sentence)


def test_the_empty_it_leans_on_nothing() -> None:
    assert not leans_on_previous("It was not immediately clear who owned the boat.")
    assert leans_on_previous("It owns 40 percent of the port.")


def test_joined_claims_read_as_one_sentence() -> None:
    assert (
        joined("Marlow Freight employs about 2,100 people.", "Its shares fell 9 percent in May.")
        == "Marlow Freight employs about 2,100 people, and its shares fell 9 percent in May."
    )


def test_a_short_follow_on_or_a_slight_claim_completes_and_a_long_one_stands() -> None:
    long_claim = "Marlow Freight, based in Leeds, reported revenue of 410 million pounds last year."
    long_follow = (
        "Its share price had fallen by about a quarter over the previous 12 months as fuel "
        "and wage costs rose across the whole of its European road network."
    )
    assert completes(long_claim, "Its shares fell 9 percent in May.")
    assert completes("Pym was elected in 2016.", long_follow)
    assert not completes(long_claim, long_follow)


def test_subject_and_resolution() -> None:
    assert subject("Marlow Freight, based in Leeds, employs 2,100 people.") == "Marlow Freight"
    assert subject("Pym joined the club in 2021 from Dunmore.") == "Pym"
    assert subject("The club said it had no plans.") is None
    assert resolved("Its shares fell.", "Marlow Freight") == "Marlow Freight's shares fell."
    assert resolved("He has scored 9 goals.", "Pym") == "Pym has scored 9 goals."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Marlow Freight employs about 2,100 people. Its shares have fallen 12 percent "
            "this year.",
            [
                "Marlow Freight employs about 2,100 people, and its shares have fallen 12 percent "
                "this year."
            ],
            id="outlet_facts_carried_by_a_pronoun_make_one_claim",
        ),
        pytest.param(
            "Marlow Freight employs about 2,100 people.\nIts shares fell 12 percent.",
            ["Marlow Freight employs about 2,100 people."],
            id="a_follow_on_in_a_new_paragraph_is_left_alone",
        ),
        pytest.param(
            "Two workers were taken to hospital, fire chief Alan Reyes said. He said both "
            "were released on Tuesday.",
            ["Two workers were taken to hospital, and both were released on Tuesday."],
            id="a_speaker_continuing_their_own_statement_makes_one_claim",
        ),
        pytest.param(
            # "..., after the first case was confirmed on May 2": one fact, dates kept (a passive
            # "was confirmed" is no one speaking).
            "The school board said it closed two classrooms on May 4 and 5, after the first case "
            "was confirmed on May 2.",
            [
                "The school board closed two classrooms on May 4 and 5, after the first case was "
                "confirmed on May 2."
            ],
            id="a_dated_event_after_the_main_one_stays_in_the_claim",
        ),
        pytest.param(
            "The harbour police confirmed that they had stopped the trawler on May 3 off Kelso "
            "Point, and that its 12 crew members were being questioned.",
            [
                "The harbour police had stopped the trawler on May 3 off Kelso Point, and its 12 "
                "crew members were being questioned."
            ],
            id="a_second_thing_said_leaning_on_the_first_stays_with_it",
        ),
        pytest.param(
            "The bakery chain had 412 shops at the end of June, according to its annual report, "
            "up from 380 a year earlier.",
            ["The bakery chain had 412 shops at the end of June, up from 380 a year earlier."],
            id="what_follows_according_to_stays_in_the_claim",
        ),
        pytest.param(
            "The bakery chain had 412 shops at the end of June, according to its annual report, "
            "citing growth in the north.",
            ["The bakery chain had 412 shops at the end of June."],
            id="someone_speaking_after_according_to_is_not_added",
        ),
        pytest.param(
            "The port's biggest tenant, Marr Shipping, which owns about 40 percent of the quays, "
            "did not return a message seeking comment.",
            ["Marr Shipping owns about 40 percent of the quays."],
            id="a_background_fact_about_a_silent_party_is_the_outlets",
        ),
        pytest.param(
            "The Kelso Dockers Union, which represents about 2,300 workers at the port, said it "
            "would hold a strike vote on June 4.",
            [
                "The Kelso Dockers Union, which represents about 2,300 workers at the port, would "
                "hold a strike vote on June 4."
            ],
            id="a_background_fact_about_the_speaker_stays_with_their_claim",
        ),
        pytest.param(
            "Marr Shipping, which leases part of the quays, did not return a message seeking "
            "comment.",
            [],
            id="a_description_without_anything_to_check_is_left_out",
        ),
        pytest.param(
            '"Our crews rescued 14 people from the flooded estate on Sunday," fire service '
            "spokeswoman Ama Boateng told reporters.",
            ["The fire service's crews rescued 14 people from the flooded estate on Sunday."],
            id="our_in_a_quote_is_the_body_the_speaker_speaks_for",
        ),
        pytest.param(
            '"Our crews rescued 14 people, and we are proud of them," fire service spokeswoman Ama '
            "Boateng told reporters.",
            ["Ama Boateng said our crews rescued 14 people, and we are proud of them."],
            id="our_stays_attributed_when_the_quote_says_more_in_the_first_person",
        ),
    ],
)
def test_claims_read_from_the_text(text: str, expected: list[str]) -> None:
    assert claims(text) == expected


def test_a_slight_fact_and_its_follow_on_make_one_claim() -> None:
    found = claims(
        "Pym was first elected in 2016. She chairs the council's transport committee and "
        "sponsored the 2022 ordinance that cut bus fares for pensioners to 50 pence."
    )
    assert len(found) == 1 and found[0].startswith("Pym was first elected in 2016, and she")


def test_a_long_follow_on_is_its_own_claim_with_the_subject_named() -> None:
    found = claims(
        "Dario Pym joined Dunmore from Kelso Athletic in 2021 for a fee of 4 million pounds. "
        "He has scored 31 goals in 70 league matches since then, more than any other player "
        "at the club in that time."
    )
    assert found[1].startswith("Dario Pym has scored 31 goals")


@pytest.mark.parametrize(
    "circumstance",
    [
        "after a local paper reported that the roof had collapsed",  # someone else speaking
        "a day after parents began a sit-in at the town hall",  # an interval: another event
        "amid protests by parents at the town hall",
    ],
)
def test_another_story_after_the_claim_is_cut(circumstance: str) -> None:
    found = claims(f"The school board said it closed two classrooms on May 4, {circumstance}.")
    assert found[0] == "The school board closed two classrooms on May 4."


def test_two_things_said_in_one_report_are_two_claims() -> None:
    found = claims(
        "Posts on a tenants' forum claimed that the landlord had cut the heating in January "
        "and that the agent had changed the locks on 14 flats."
    )
    assert len(found) == 2
    assert "cut the heating in January" in found[0] and "changed the locks" in found[1]


def test_a_speaker_who_asked_not_to_be_named_still_speaks() -> None:
    """ "who asked not to be named" describes the speaker; it is no request and no verb."""
    from assistant.offline.attribution import attribute
    from assistant.offline.segmentation import Span

    text = (
        "A second tenant, a nurse who asked not to be named for fear of eviction, said she had "
        "seen water pouring from the ceiling on Sunday."
    )
    [said] = attribute(text, Span(0, len(text)))
    assert (said.speaker, said.cue) == ("a nurse", "said")
    assert said.content.startswith("she had seen water")


def test_a_description_of_the_subject_continues_it() -> None:
    before = "Kelso General, the largest clinic in the valley, opened a 12-bed ward in 2023."
    assert describes("The clinic is owned by Marr Health, which runs 9 clinics.", before)
    assert not describes("The ward is owned by Marr Health, which runs 9 clinics.", before)
    assert not describes("The clinic is owned by Marr Health.", "The valley has 9 clinics.")
    found = claims(f"{before} The clinic is owned by Marr Health, which runs 9 clinics.")
    assert found == [
        "Kelso General, the largest clinic in the valley, opened a 12-bed ward in 2023, and the "
        "clinic is owned by Marr Health, which runs 9 clinics."
    ]


def test_a_subject_keeps_its_abbreviations() -> None:
    assert subject("St. Anne's, a school in Leeds, closed in 2020.") == "St. Anne's"
