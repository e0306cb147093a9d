"""Who said what, read by the offline engine: regressions for the extraction misses behind
attributions (a short local-news article and its follow-up, written for these tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant import Analysis, Assistant, Claim, Document, Source
from assistant.offline.attribution import attributions
from assistant.rendering.analysis import markdown, table

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "offline"
SALE = FIXTURES / "harbor-terminal-sale.txt"
FOLLOWUP = FIXTURES / "harbor-terminal-followup.txt"


@pytest.fixture(scope="module")
def sale() -> Analysis:
    return Assistant(model="offline").analyze(SALE.read_text(encoding="utf-8"))


def claim_with(analysis: Analysis, *words: str) -> Claim:
    found = [c for c in analysis.claims if all(w.lower() in c.text.lower() for w in words)]
    assert len(found) == 1, [c.text for c in analysis.claims]
    return found[0]


def claim_in(text: str, *words: str) -> Claim:
    """The one claim the offline engine reads from ``text`` with all of ``words``."""
    return claim_with(Assistant(model="offline").analyze(text), *words)


def by(claim: Claim, name: str) -> list[Source]:
    return [s for s in claim.sources if name in s.name]


def test_a_clause_initial_connective_keeps_the_speaker(sale: Analysis) -> None:
    # "However, port authority spokesperson Tom Okafor confirmed that ..." was the outlet's
    # own voice; deleting "However," fixed it.
    claim = claim_with(sale, "cargo volumes fell 12 percent")
    [okafor] = by(claim, "Tom Okafor")
    assert (okafor.kind, okafor.stance) == ("named_official", "confirms")
    assert not [s for s in claim.sources if s.kind == "outlet"]
    assert claim.text.startswith("Cargo volumes")


def test_no_media_report_source_is_invented_from_a_denial(sale: Analysis) -> None:
    claim = claim_with(sale, "sell the Harbor Terminal")
    assert claim.status == "denied"
    reports = [s for s in claim.sources if s.kind == "media_report"]
    assert [s.name for s in reports] == ["a report in the Portville Ledger on Monday"]
    quotes = [e.quote for s in reports for e in s.evidence]
    assert not any("denied" in q or "no plan" in q for q in quotes)


def test_first_person_in_reported_speech_is_the_speakers_body(sale: Analysis) -> None:
    # "Okafor said we received a letter": not "we received", and Okafor keeps the role the
    # article gave him two sentences earlier ("Tom Okafor, the port authority's spokesperson").
    claim = claim_with(sale, "received a letter")
    assert claim.text == "The port authority received a letter from the operator in May."
    [okafor] = by(claim, "Tom Okafor")
    assert okafor.kind == "named_official"
    assert okafor.role == "the port authority's spokesperson"


def test_declined_to_comment_answers_only_what_concerns_the_party(sale: Analysis) -> None:
    # "Harborline, the operator named in the report, declined to comment." is silent on the
    # report, not on the spokesperson's on-record figure in the paragraph before.
    dockworkers = claim_with(sale, "340 dockworkers")
    assert dockworkers.status == "confirmed"
    assert not by(dockworkers, "Harborline")
    report = claim_with(sale, "sell the Harbor Terminal")
    assert [s.stance for s in by(report, "Harborline")] == ["declines_comment"]


def test_a_denial_worded_without_the_claims_words() -> None:
    text = (
        "Terminal sale report\n\n"
        "The city will sell the Harbor Terminal to Harborline, the Portville Ledger reported.\n\n"
        '"There is no plan to sell the terminal," Mayor Ana Ruiz said on Tuesday.\n'
    )
    claim = claim_in(text, "Harbor Terminal")
    assert claim.status == "denied"
    assert [s.stance for s in by(claim, "Ana Ruiz")] == ["denies"]


def test_a_negated_statement_answering_a_report_in_the_same_sentence() -> None:
    text = (
        "The messaging app Chatterbox is not shutting down, its chief executive said on "
        "Monday, after posts claiming the service would close on Dec. 31 were shared widely.\n"
    )
    analysis = Assistant(model="offline").analyze(text)
    [claim] = analysis.claims
    assert claim.text == "The messaging app Chatterbox would close on Dec. 31."
    assert claim.status == "denied"
    assert [s.stance for s in claim.sources] == ["asserts", "denies"]


def test_quotes_opening_a_sentence_are_shown_without_doubled_marks(sale: Analysis) -> None:
    shown = table(sale, color=False, width=200) + markdown(sale)
    assert '""There is no plan' not in shown
    assert '"There is no plan to sell the terminal,"' in shown


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''The lack of reciprocity is deplorable,'' said Elez Biberaj, the director."
    [said] = attributions(text)
    assert (said.speaker, said.content) == ("Elez Biberaj", "The lack of reciprocity is deplorable")


def test_timeline_events_come_only_from_statements_made_in_the_document() -> None:
    # "a week after denying that ..." recalls the Monday denial: it is no denial dated Tuesday.
    documents = [
        Document.from_text(SALE.read_text(encoding="utf-8"), date=date(2026, 3, 2)),
        Document.from_text(FOLLOWUP.read_text(encoding="utf-8"), date=date(2026, 3, 9)),
    ]
    analysis = Assistant(model="offline").analyze(documents)
    followup = documents[1].id
    events = [
        (t.event, t.by) for c in analysis.claims for t in c.timeline if t.document_id == followup
    ]
    assert events and all(event != "denied" for event, _ in events)
    ruiz = analysis.said_by("Ruiz")
    assert [a.stance for a in ruiz if a.document_id == followup] == ["confirms", "asserts"]
    assert all(a.role == "Mayor" for a in ruiz)  # not "a week after denying ..."


def test_a_claim_made_after_the_denial_that_answers_it() -> None:
    """The bank's denial comes first; the founder's claim that it answers comes later, worded
    positively ("No one at Harlow Bank approved" / "a Harlow Bank executive had approved")."""
    text = (
        "Payment start-up Finch said on Monday it had signed a deal with Harlow Bank.\n\n"
        '"No one at Harlow Bank approved this announcement," a Harlow Bank spokesman, Tom '
        "Reyes, said in a statement.\n\n"
        "Reached by phone, Finch's founder, Ravi Mehta, said a Harlow Bank executive had "
        "approved the announcement.\n"
    )
    claim = claim_in(text, "executive had approved")
    assert claim.status == "denied"
    assert [s.stance for s in by(claim, "Tom Reyes")] == ["denies"]


def test_an_earlier_denial_of_something_else_leaves_a_later_claim_alone() -> None:
    text = (
        '"No one at Harlow Bank approved this announcement," a Harlow Bank spokesman, Tom '
        "Reyes, said in a statement.\n\n"
        "Finch's founder, Ravi Mehta, said the company had hired 40 engineers in Leeds.\n"
    )
    claim = claim_in(text, "40 engineers")
    assert claim.status == "confirmed"


def test_she_in_a_report_is_the_titled_person_named_before_it() -> None:
    text = (
        "Chief Executive Lara Quint addressed a report published by the newsletter PortWatch, "
        "which said she planned to step down by the end of the year.\n"
    )
    [claim] = Assistant(model="offline").analyze(text).claims
    assert claim.text == "Lara Quint planned to step down by the end of the year."


@pytest.mark.parametrize(
    ("report", "denial"),
    [
        ("she planned to step down by the end of the year", "I'm not going anywhere"),
        ("she planned to step down by the end of the year", "I am not leaving Marlow"),
        ("the company would wind down its ferry service", "We are not closing the ferry service"),
    ],
)
def test_a_denial_naming_the_act_in_other_words(report: str, denial: str) -> None:
    text = (
        "Chief Executive Lara Quint of Marlow addressed a report published by the newsletter "
        f"PortWatch, which said {report}.\n\n"
        f'"{denial}," Quint told analysts on Thursday.\n'
    )
    claim = claim_in(text, report.split(None, 1)[1])  # "she" is Quint in the claim
    assert claim.status == "denied"
    assert [s.stance for s in by(claim, "Quint")] == ["denies"]


def test_a_negated_statement_about_another_act_is_no_denial() -> None:
    text = (
        "Chief Executive Lara Quint addressed a report published by the newsletter PortWatch, "
        "which said she planned to step down by the end of the year.\n\n"
        '"We are not raising prices this year," Quint told analysts on Thursday.\n'
    )
    claim = claim_in(text, "planned to step down")
    assert claim.status != "denied"


@pytest.mark.parametrize(
    ("report", "answer"),
    [
        ("Ostby would close the Lund Street mill", "The Lund Street mill will stay open"),
        ("Ostby would sell the Lund Street mill", "Ostby will keep the Lund Street mill"),
        ("Mayor Ida Berg would step down in May", "Ida Berg will remain mayor"),
    ],
)
def test_a_denial_by_the_opposite_act(report: str, answer: str) -> None:
    text = (
        f"The Lund Courier reported on Monday that {report}, citing two people familiar "
        "with the plans.\n\n"
        f'"{answer}," Ostby spokeswoman Kari Nes said on Tuesday.\n'
    )
    claim = claim_in(text, report)
    assert claim.status == "denied"
    assert [s.stance for s in by(claim, "Kari Nes")] == ["denies"]


def test_a_past_opening_is_no_answer_to_a_closure() -> None:
    text = (
        "The Lund Courier reported on Monday that Ostby would close the Lund Street mill, "
        "citing two people familiar with the plans.\n\n"
        '"The Lund Street mill opened in 1962 and employs 300 people," Ostby spokeswoman '
        "Kari Nes said on Tuesday.\n"
    )
    claim = claim_in(text, "would close the Lund Street mill")
    assert claim.status != "denied"
