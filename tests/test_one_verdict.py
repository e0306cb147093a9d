"""One claim, one status: analyze, check and chat agree, and the rubric decides by code.

Regression tests for the cases that made the three ways of asking disagree, the batching
invariance of a check, and a scripted model that tries to pass off a denied claim as confirmed.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant import Analysis, Assistant, Document, Session
from assistant.claims import Source
from assistant.cli.main import main
from assistant.matching import claims_about
from assistant.models.base import ModelRequest
from assistant.models.function import FunctionModel
from assistant.rendering import markdown, table
from tests import wire
from tests.chat_support import extraction_reply, seed_document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "pakistan-fo-china-security.txt"
KENTON = ROOT / "evals" / "gold" / "articles" / "business-harrow-motors-kenton-plant-reports.txt"
PRESSURE = "China is pressuring Islamabad to allow Chinese security personnel"
DENIAL_SENTENCE = (
    "Pakistan’s Foreign Office (FO), on Thursday, denied claims that China is pressuring "
    "Islamabad to allow Chinese security personnel to protect Chinese nationals in Pakistan."
)


def status_in_analysis(analysis: Analysis, text: str) -> str:
    [claim] = [c for c in analysis.claims if c.text.startswith(text)]
    return claim.status


# --- the examples that disagreed --------------------------------------------------------------


def test_the_bisham_blast_is_confirmed_by_check_as_by_analyze() -> None:
    assistant = Assistant("offline")
    analysis = assistant.analyze(SEED)
    verdict = assistant.check("A blast in Bisham killed five Chinese nationals", SEED)
    assert status_in_analysis(analysis, "In March, a blast in Bisham") == "confirmed"
    assert verdict.status == "confirmed"
    assert all("denied" not in e.quote for e in verdict.evidence)
    assert verdict.matching_claim_ids[:1] == [
        next(c.id for c in analysis.claims if "Bisham" in c.text)
    ]


def test_a_sentence_pasted_from_an_article_keeps_its_status() -> None:
    sentence = (
        "The Kenton plant opened in 1974 and builds four- and six-cylinder engines for Harrow's "
        "pickups and SUVs."
    )
    assistant = Assistant("offline")
    analysis = assistant.analyze(KENTON)
    verdict = assistant.check(sentence, KENTON)
    assert verdict.status == status_in_analysis(analysis, sentence) == "confirmed"
    assert verdict.status != "denied"


def test_a_denial_of_something_else_does_not_deny_the_claim() -> None:
    article = Document.from_text(
        "Mayor Alan Reeve of Dunmore resigned on Monday. "
        "Officials denied reports that the city budget would be cut."
    )
    assistant = Assistant("offline")
    analysis = assistant.analyze(article)
    # rubric.md, "Deciding in code" rule 2: the outlet states the resignation in its own voice
    # as an event and nobody in the document doubts it (the officials deny something else)
    assert assistant.check("The mayor resigned", article).status == "confirmed"
    as_written = assistant.check("Mayor Alan Reeve of Dunmore resigned on Monday.", article)
    assert as_written.status == status_in_analysis(analysis, "Mayor Alan Reeve") == "confirmed"


def test_a_denial_of_something_else_in_a_short_article_does_not_deny_the_claim() -> None:
    # no claim of the analysis restates it: the stance reader contributes a source. Its
    # reading rests on the sentence about the claim, not on the officials' denial of a budget
    # cut. rubric.md, "Deciding in code" rule 2: the outlet states the resignation in its own
    # voice as an event and nobody in the document doubts it, so it is confirmed.
    article = Document.from_text(
        "The mayor resigned on Monday. Officials denied reports that the city budget would be cut."
    )
    verdict = Assistant("offline").check("The mayor resigned", article)
    assert verdict.status == "confirmed"
    assert [e.quote for e in verdict.evidence] == ["The mayor resigned on Monday."]


def test_check_with_an_analysis_prints_the_status_of_the_matching_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path))
    saved = tmp_path / "analysis.json"
    argv = ["analyze", str(SEED), "-m", "offline", "-f", "json", "-o", str(saved)]
    assert main(argv) == 0
    analysis = Analysis.model_validate_json(saved.read_text(encoding="utf-8"))
    claim = next(c for c in analysis.claims if c.text.startswith(PRESSURE))
    capsys.readouterr()
    argv = ["check", claim.text, str(SEED), "-m", "offline", "--analysis", str(saved)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"status: {claim.status}" in out and claim.status == "denied"
    assert f"matching claims: {claim.id}" in out


def test_chat_answers_is_it_confirmed_with_the_status_claims_shows() -> None:
    denial = Document.from_text(
        "Harlow Bank on Tuesday denied reports that it is selling its insurance arm to Corvid "
        'Group. "There is no sale," bank spokesperson Maria Lenz said.',
        title="denial",
        date=date(2026, 3, 3),
    )
    follow_up = Document.from_text(
        "Harlow Bank confirmed on Monday that it is selling its insurance arm to Corvid Group. "
        "The bank said the deal would close in June.",
        title="follow-up",
        date=date(2026, 3, 9),
    )
    chat = Assistant("offline").session([denial])
    [claim] = chat.analysis.claims
    answer = chat.ask("Is the insurance arm sale confirmed?")
    assert claim.status == "denied"
    assert answer.kind == "check"
    assert answer.text.startswith("Checked against the documents: denied.")
    chat.add(follow_up)
    [claim] = chat.analysis.claims
    answer = chat.ask("Is the insurance arm sale confirmed?")
    assert claim.status == "confirmed"
    assert answer.text.startswith("Checked against the documents: confirmed.")


def test_one_matcher_names_the_claims_for_check_and_chat() -> None:
    assistant = Assistant("offline")
    analysis = assistant.analyze(SEED)
    topic = "the blast in Bisham"
    expected = [m.claim.id for m in claims_about(topic, analysis.claims)]
    verdict = assistant.check(topic, SEED, analysis=analysis)
    chat = Session(assistant, analysis.documents, analysis=analysis)
    via_command = chat.check(topic)
    via_question = chat.ask(f"Is {topic} confirmed?")
    bisham = next(c for c in analysis.claims if "Bisham" in c.text)
    assert expected and verdict.matching_claim_ids == expected and expected[0] == bisham.id
    for answer in (via_command, via_question):
        assert answer.text.startswith(f"Checked against the documents: {bisham.status}.")
        assert f"{bisham.id} is {bisham.status}" in answer.text


def test_a_claim_about_a_story_does_not_restate_the_story() -> None:
    from assistant.matching import restates

    typed = "High school student scores $72M playing the stock market"
    # the analysed claim is about what a newspaper ran, not the assertion itself
    about_story = f"The New York Post ran a story of its own, with the headline: {typed}."
    assert not restates(about_story, typed)
    assert restates(f"{typed}.", typed)
    bisham = "In March, a blast in Bisham, Khyber Pakhtunkhwa, killed five Chinese nationals."
    assert restates(bisham, "A blast in Bisham killed five Chinese nationals")


# --- batching cannot change a verdict -----------------------------------------------------------

CLAIM = "Vell Port will sell its east terminal"
DOCS = {
    "ledger": "Three officials who asked not to be named said Vell Port will sell its east "
    "terminal to a private operator.",
    "courier": "Port director Ilse Marten said Vell Port will sell its east terminal next year.",
    "gazette": "Vell Port denied on Thursday that it will sell its east terminal. "
    '"There is no plan to sell the east terminal to anyone," Marten said.',
}
QUOTES = {
    "ledger": ("three officials", "anonymous", "asserts", "Three officials who asked not"),
    "courier": ("Ilse Marten", "named_official", "asserts", "Port director Ilse Marten said"),
    "gazette": ("Vell Port", "organization", "denies", "Vell Port denied on Thursday"),
}


def _per_document_reader(request: ModelRequest) -> dict[str, Any]:
    """A reader that sees each document on its own and proposes a status by counting, as the
    old count rule did: the rubric, not this proposal, must decide."""
    sources = []
    for document in request.inputs["documents"]:
        key = document["title"]
        name, kind, stance, quote = QUOTES[key]
        sources.append(wire.source(name, [quote], kind=kind, stance=stance, standing=True))
    stances = [s["stance"] for s in sources]
    denied = stances.count("denies") >= stances.count("asserts")
    return {"status": "denied" if denied else "confirmed", "reason": "r", "sources": sources}


def _documents(order: list[str]) -> list[Document]:
    return [Document.from_text(DOCS[k], title=k) for k in order]


@pytest.mark.parametrize("engine", ["scripted", "offline"])
def test_batching_three_ways_gives_one_status(engine: str) -> None:
    order = ["ledger", "courier", "gazette"]
    longest = max(len(t) for t in DOCS.values())
    statuses = set()
    for names, budget in ((order, 10_000), (order, longest), (order[::-1], longest)):
        if engine == "offline":
            assistant = Assistant("offline")
            verdicts = [assistant.check(CLAIM, _documents(names))]
        else:
            model = wire.reader(_per_document_reader, context_chars=budget)
            verdicts = [Assistant(model).check(CLAIM, _documents(names))]
            batches = len(wire.checks(model))
            assert batches == (1 if budget == 10_000 else 3)
        statuses |= {v.status for v in verdicts}
    # rubric: Vell Port, the party, denies on the record; the rest is anonymous or asserts
    assert statuses == {"denied"}, statuses


# --- a model that marks the seed's denied claim confirmed ---------------------------------------


def _injected(sources: list[dict[str, Any]]) -> FunctionModel:
    """The seed's claims as a model reads them, except the denied claim: marked confirmed."""

    def answer(request: ModelRequest) -> dict[str, Any]:
        reply = extraction_reply(seed_document())
        for claim in reply["claims"]:
            if claim["text"].startswith(PRESSURE):
                claim.update(status="confirmed", status_reason="Confirmed.", sources=sources)
        return reply

    return FunctionModel(answer)


FO = {"name": "Pakistan's Foreign Office", "kind": "organization"}
INJECTIONS = {
    "denial sentence as confirmation": [
        wire.source(FO["name"], [DENIAL_SENTENCE], kind="organization", stance="confirms")
    ],
    "denial sentence under asserts": [
        wire.source(FO["name"], [DENIAL_SENTENCE], kind="organization", stance="asserts")
    ],
    "denial sentence, denying source": [
        wire.source(FO["name"], [DENIAL_SENTENCE], kind="organization", stance="denies")
    ],
    "one-word quote": [wire.source(FO["name"], ["the"], kind="organization", stance="confirms")],
    "fabricated quote": [
        wire.source(
            FO["name"],
            ["The Foreign Office confirmed that China is pressuring Islamabad"],
            kind="organization",
            stance="confirms",
        )
    ],
}


@pytest.mark.parametrize("case", list(INJECTIONS))
def test_a_denied_claim_marked_confirmed_is_not_confirmed_anywhere(case: str) -> None:
    assistant = Assistant(_injected(INJECTIONS[case]))
    analysis = assistant.analyze(seed_document())
    claim = next(c for c in analysis.claims if c.text.startswith(PRESSURE))
    assert claim.status != "confirmed"
    assert claim.overruled is not None and claim.overruled.proposed_status == "confirmed"
    # visible in JSON, the table and markdown
    data = json.loads(analysis.model_dump_json())
    [dumped] = [c for c in data["claims"] if c["id"] == claim.id]
    assert dumped["overruled"]["proposed_status"] == "confirmed"
    assert "OVERRULED" in table(analysis, color=False, width=200)
    assert "Overruled: the reader said confirmed" in markdown(analysis)
    # check and chat give the same status and show the overrule
    verdict = assistant.check(claim.text, [seed_document()])
    assert verdict.status == claim.status
    assert verdict.overruled is not None
    answer = Session(assistant, analysis.documents, analysis=analysis).check(claim.text)
    assert f"Checked against the documents: {claim.status}." in answer.text
    assert "overruled" in answer.text
    if case == "denial sentence, denying source":
        assert claim.status == "denied"
    else:
        assert claim.ungrounded and claim.status == "unverified"


def test_rejected_quotes_are_re_asked_then_dropped_and_counted() -> None:
    model = _injected(INJECTIONS["one-word quote"])
    analysis = Assistant(model).analyze(seed_document())
    assert len(model.requests) == 2  # the answer, then one re-ask naming the bad quote
    followup = model.requests[1].messages[-1].content
    assert "- the (a word or two shows nothing)" in followup
    assert analysis.usage.rejected_quotes == 1 and analysis.usage.reasks == 1


def test_the_check_reader_cannot_confirm_with_a_denial_sentence() -> None:
    confirming = wire.source(FO["name"], [DENIAL_SENTENCE], kind="organization", stance="confirms")
    verdict_reply = {"status": "confirmed", "reason": "Confirmed.", "sources": [confirming]}
    model = wire.reader(lambda request: verdict_reply)
    verdict = Assistant(model).check(PRESSURE, [seed_document()])
    assert verdict.status != "confirmed"
    assert verdict.overruled is not None and verdict.overruled.proposed_status == "confirmed"
    assert verdict.usage.rejected_quotes >= 1


def test_an_asserting_party_may_cite_its_own_denial_of_something_else() -> None:
    # the quote rule for `asserts` rejects only a denial the source makes of the claim itself
    police = Document.from_text(
        "Police denied that officers had fired tear gas at the demonstrators, saying only "
        "water cannon was used."
    )
    quote = police.text.rstrip(".")
    source = wire.source("Police", [quote], kind="organization", stance="asserts")
    reply = {"status": "confirmed", "reason": "Police said so.", "sources": [source]}
    verdict = Assistant(wire.reader(lambda request: reply)).check(
        "Only water cannon was used", [police]
    )
    assert verdict.usage.rejected_quotes == 0 and not verdict.ungrounded
    assert verdict.status == "confirmed"


def test_standing_is_what_lets_a_denial_decide() -> None:
    quote = seed_document()
    evidence = wire_evidence(quote, "denied claims that China is pressuring Islamabad")
    from assistant.rubric import decide

    party = Source(
        name="FO", kind="organization", stance="denies", on_record=True, standing=True,
        evidence=[evidence],
    )  # fmt: skip
    bystander = party.model_copy(update={"standing": False})
    assert decide([party])[0] == "denied"
    assert decide([bystander])[0] == "unverified"


def wire_evidence(document: Document, quote: str) -> Any:
    from assistant.grounding import locate

    found = locate(document, quote)
    assert found is not None
    return found


def test_claim_command_finds_a_claim_by_its_words() -> None:
    from rich.console import Console

    from assistant.cli.repl import Chat

    assistant = Assistant("offline")
    analysis = assistant.analyze(SEED)
    chat = Session(assistant, analysis.documents, analysis=analysis)
    console = Console(record=True, width=200)
    Chat(chat, console, echo=False).handle("/claim the blast in Bisham")
    bisham = next(c for c in analysis.claims if "Bisham" in c.text)
    assert f"{bisham.id}: {bisham.text}" in " ".join(console.export_text().split())


def test_is_it_true_that_names_each_claims_own_status() -> None:
    # the seed's claims carry curly apostrophes and full stops the question reader drops
    assistant = Assistant("offline")
    analysis = assistant.analyze(SEED)
    chat = Session(assistant, analysis.documents, analysis=analysis)
    for claim in analysis.claims:
        answer = chat.ask(f"Is it true that {claim.text}?")
        assert answer.text.startswith(f"Checked against the documents: {claim.status}."), claim
        assert assistant.check(claim.text, SEED).status == claim.status
