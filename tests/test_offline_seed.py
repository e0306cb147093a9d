"""The offline engine end to end (``Assistant(model="offline").analyze``) on the seed article and
on hand-written fixtures: claims matched by content words, statuses, source kinds and stances,
and evidence that is always the exact text at its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import Analysis, Claim, Source

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "pakistan-fo-china-security.txt"
FIXTURES = REPO / "tests" / "fixtures" / "offline"


def analyse(path: Path) -> Analysis:
    return Assistant(model="offline").analyze(path.read_text(encoding="utf-8"))


def claim_with(analysis: Analysis, *words: str) -> Claim:
    """The one claim whose text contains every word (case-insensitive)."""
    found = [c for c in analysis.claims if all(w.lower() in c.text.lower() for w in words)]
    assert len(found) == 1, (
        f"{words}: {[c.text for c in found] or [c.text for c in analysis.claims]}"
    )
    return found[0]


def no_claim_with(analysis: Analysis, word: str) -> None:
    assert not [c.text for c in analysis.claims if word.lower() in c.text.lower()]


def sources(claim: Claim, kind: str, stance: str) -> list[Source]:
    return [s for s in claim.sources if s.kind == kind and s.stance == stance]


def assert_well_formed(analysis: Analysis) -> None:
    text = analysis.documents[0].text
    assert analysis.claims
    for claim in analysis.claims:
        assert claim.sources and not claim.ungrounded, claim.text
        assert claim.status_reason.endswith("."), claim.status_reason
        for evidence in claim.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote
    assert analysis.usage.dropped_quotes == 0


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return analyse(SEED)


def test_seed_is_well_formed(seed: Analysis) -> None:
    assert_well_formed(seed)


def test_seed_pressure_claim_is_denied_by_the_foreign_office(seed: Analysis) -> None:
    claim = claim_with(seed, "pressuring", "Chinese security personnel")
    assert claim.status == "denied"
    deniers = {s.name for s in sources(claim, "organization", "denies")} | {
        s.name for s in sources(claim, "named_official", "denies")
    }
    assert any("Foreign Office" in n for n in deniers)
    assert any("Baloch" in n for n in deniers)
    assert sources(claim, "media_report", "asserts")
    assert "Baloch" in claim.status_reason and "Foreign Office" in claim.status_reason
    baloch = next(s for s in claim.sources if "Baloch" in s.name)
    assert baloch.role is not None and "Spokesperson" in baloch.role
    assert any("speculations" in e.quote for e in baloch.evidence)


def test_seed_written_proposal_is_unverified(seed: Analysis) -> None:
    claim = claim_with(seed, "pushed", "security staff")
    assert claim.status == "unverified"
    assert "written proposal" in claim.text
    assert sources(claim, "media_report", "asserts")
    anonymous = sources(claim, "anonymous", "asserts")
    assert [s.name for s in anonymous] == ["five Pakistani security and government sources"]
    assert not anonymous[0].on_record
    silent = {s.name for s in claim.sources if s.stance == "not_confirmed"}
    assert {"Islamabad", "Beijing"} <= silent
    assert any("interior and planning ministries" in n for n in silent)


def test_seed_lin_jian_statement_is_confirmed(seed: Analysis) -> None:
    claim = claim_with(seed, "Lin Jian", "support for Pakistan")
    assert claim.status == "confirmed"
    lin = sources(claim, "named_official", "confirms")
    assert [s.name for s in lin] == ["Lin Jian"]


@pytest.mark.parametrize(
    "words",
    [("Bisham", "killed five"), ("Karachi airport", "two more"), ("envoy", "frustration")],
)
def test_seed_events_in_the_outlets_voice_are_confirmed(seed: Analysis, words: tuple[str]) -> None:
    claim = claim_with(seed, *words)
    assert claim.status == "confirmed"
    assert [s.kind for s in claim.sources] == ["outlet"]


def test_seed_robust_cooperation_is_confirmed_by_baloch(seed: Analysis) -> None:
    # Baloch's quote ("robust dialogue and cooperation"), a claim of its own or merged with her
    # paraphrase of the same partnership.
    found = [c for c in seed.claims if any("robust dialogue" in e.quote for e in c.evidence)]
    assert len(found) == 1
    claim = found[0]
    assert claim.status == "confirmed"
    assert any("Baloch" in s.name for s in sources(claim, "named_official", "asserts"))


@pytest.mark.parametrize(
    "word", ["Trump", "Biden", "Transition", "Day News", "TikTok", "advise", "motivations"]
)
def test_seed_headline_boilerplate_and_advice_are_not_claims(seed: Analysis, word: str) -> None:
    no_claim_with(seed, word)


@pytest.fixture(scope="module")
def mine() -> Analysis:
    return analyse(FIXTURES / "mine-closure-denial.txt")


def test_denial_of_reports_with_straight_quotes_and_abbreviations(mine: Analysis) -> None:
    assert_well_formed(mine)
    claim = claim_with(mine, "Harbor Minerals Inc.", "close its copper mine", "Red Valley, Nev.")
    assert claim.status == "denied"
    assert sources(claim, "organization", "denies")
    spokeswoman = sources(claim, "named_official", "denies")
    assert [(s.name, s.role) for s in spokeswoman] == [("Dana Whitfield", "Company spokeswoman")]


def test_according_to_a_report_and_an_unverifiable_letter(mine: Analysis) -> None:
    claim = claim_with(mine, "output", "40 percent")
    assert claim.status == "unverified"
    assert sources(claim, "media_report", "asserts")
    assert sources(claim, "outlet", "not_confirmed")


def test_anonymous_claim_with_declined_comment(mine: Analysis) -> None:
    claim = claim_with(mine, "U.S. Dept. of the Interior", "water permits")
    assert claim.status == "unverified"
    assert [s.on_record for s in sources(claim, "anonymous", "asserts")] == [False]
    assert sources(claim, "organization", "declines_comment")
    assert "declined to comment" in claim.status_reason


def test_named_expert_and_quote_resolve_surnames(mine: Analysis) -> None:
    expert = claim_with(mine, "ore grade")
    assert expert.status == "confirmed"
    assert [(s.name, s.kind) for s in expert.sources] == [("Dr. Alan Reyes", "named_person")]
    quote = claim_with(mine, "120 workers")
    assert quote.sources[0].name == "Dana Whitfield"
    no_claim_with(mine, "Twitter")
    no_claim_with(mine, "keep operating")  # a prediction


@pytest.fixture(scope="module")
def tram() -> Analysis:
    return analyse(FIXTURES / "tram-extension-curly.txt")


def test_curly_quotes_spanning_sentences_stay_one_quote(tram: Analysis) -> None:
    assert_well_formed(tram)
    claim = claim_with(tram, "approved the money", "Work starts in May")
    assert claim.status == "confirmed"
    assert [s.name for s in claim.sources] == ["Carla Mendes"]
    outlet = claim_with(tram, "No. 28 tram")
    assert outlet.status == "confirmed"


def test_dismissal_by_the_party_concerned_denies_the_criticism(tram: Analysis) -> None:
    claim = claim_with(tram, "environmental study")
    assert claim.status == "denied"
    assert [s.name for s in sources(claim, "named_official", "denies")] == ["Carla Mendes"]
    assert [s.name for s in sources(claim, "named_official", "asserts")] == ["Rui Tavares"]


def test_no_response_and_yet_to_comment_leave_a_report_unverified(tram: Analysis) -> None:
    claim = claim_with(tram, "fined twice")
    assert claim.status == "unverified"
    assert {s.name for s in claim.sources if s.stance == "not_confirmed"} == {
        "Ferrovia",
        "the city",
    }
    for word in ("Markets", "Oil", "Facebook"):
        no_claim_with(tram, word)


@pytest.fixture(scope="module")
def navy() -> Analysis:
    return analyse(FIXTURES / "navy-collision-anonymous.txt")


def test_trailing_attribution_and_confirmation(navy: Analysis) -> None:
    assert_well_formed(navy)
    collision = claim_with(navy, "collided")
    assert collision.status == "confirmed"
    assert [(s.name, s.kind) for s in collision.sources] == [("the Navy", "organization")]
    injured = claim_with(navy, "two sailors")
    lee = sources(injured, "named_official", "confirms")
    assert [(s.name, s.role) for s in lee] == [
        ("Cmdr. Jessica Lee", "a spokeswoman for the Fifth Fleet")
    ]


def test_according_to_anonymous_officials_then_declined(navy: Analysis) -> None:
    claim = claim_with(navy, "transponder")
    assert claim.status == "unverified"
    assert sources(claim, "anonymous", "asserts")
    assert [s.name for s in sources(claim, "organization", "declines_comment")] == ["The Pentagon"]
    assert claim_with(navy, "80 days").status == "unverified"


def test_questions_and_exhortations_are_not_claims(navy: Analysis) -> None:
    no_claim_with(navy, "fatigued")
    no_claim_with(navy, "wait for the investigation")


@pytest.fixture(scope="module")
def airline() -> Analysis:
    return analyse(FIXTURES / "airline-told-citing.txt")


def test_denial_that_with_pronoun_resolved_and_dismissive_quote(airline: Analysis) -> None:
    assert_well_formed(airline)
    claim = claim_with(airline, "Skyway Air", "300 flights")
    assert claim.status == "denied"
    names = {(s.name, s.kind) for s in claim.sources if s.stance == "denies"}
    assert names == {("Skyway Air", "organization"), ("Mark O'Neill", "named_official")}
    no_claim_with(airline, "simply false")


def test_citing_is_second_hand_and_the_actor_confirms(airline: Analysis) -> None:
    claim = claim_with(airline, "grounded 12 jets")
    cited = [s for s in claim.sources if s.name == "internal emails"]
    assert [(s.kind, s.on_record) for s in cited] == [("document", False)]
    assert sources(claim, "organization", "confirms")
    assert claim.status == "confirmed"


def test_cli_default_is_offline_with_a_note_that_quiet_suppresses(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli.main import main

    for name in ("CLAIMDESK_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert main(["analyze", str(SEED)]) == 0
    out, err = capsys.readouterr()
    assert "offline engine" in err and "denied" in out and "unverified" in out
    assert main(["analyze", str(SEED), "-q"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "Bisham" in out
