"""Analysis.attributions: every attributed statement, located by code and linked to claims, from
any engine (a scripted model answering in the wire format, and the offline rules)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Analysis, Assistant
from assistant.cli.main import main
from assistant.evals.polnear import load
from assistant.models.function import scripted
from tests.wire import claim, said, source

TEXT = (
    "The council will close the Elm Street library, the Gazette reported. "
    "Mayor Ana Ruiz said she had signed no such order. "
    '"We are keeping every branch open," she said on Friday. '
    "Library staff declined to comment.\n"
)
CLOSURE = claim(
    "The council will close the Elm Street library.",
    "unverified",
    [source("the Gazette", ["The council will close the Elm Street library"], kind="media_report")],
)


def analyse(attributions: list[dict[str, object]], answers: int = 1) -> Analysis:
    answer = {"claims": [CLOSURE], "attributions": attributions}
    return Assistant(scripted([answer] * answers)).analyze(TEXT)


def test_spans_are_located_verbatim_nearest_their_content() -> None:
    analysis = analyse(
        [
            said("the Gazette", "reported", "The council will close the Elm Street library",
                 "the Gazette", kind="media_report"),
            said("she", "said", "We are keeping every branch open", "Ana Ruiz", role="Mayor"),
        ]
    )  # fmt: skip
    gazette, mayor = analysis.attributions
    for a in analysis.attributions:
        for span in (a.source, a.cue, a.content):
            assert span is not None and TEXT[span.start : span.end] == span.quote
    # "she" is the whole word nearest the cue (not the earlier "she had signed")
    assert mayor.source is not None and mayor.source.start == TEXT.index("she said on Friday")
    assert mayor.cue.start == TEXT.index("said on Friday")
    assert (mayor.name, mayor.role, mayor.kind, mayor.on_record) == (
        "Ana Ruiz", "Mayor", "named_official", True,
    )  # fmt: skip
    assert gazette.claim_ids == ["c1"]  # its words are the claim's evidence
    assert mayor.claim_ids == []


def test_an_attribution_with_no_content_and_one_with_no_named_speaker() -> None:
    analysis = analyse(
        [said("Library staff", "declined to comment", "", "Library staff",
              kind="anonymous", stance="declines_comment", on_record=False)]
    )  # fmt: skip
    [staff] = analysis.attributions
    assert staff.content is None and staff.cue.quote == "declined to comment"
    assert staff.source is not None and staff.source.quote == "Library staff"


def test_content_not_in_the_text_is_reasked_then_dropped() -> None:
    invented = said("she", "said", "The library will never close", "Ana Ruiz")
    analysis = analyse([invented], answers=2)
    assert analysis.usage.reasks == 1
    assert analysis.usage.dropped_quotes == 1
    assert analysis.attributions == []


def test_a_cue_not_in_the_text_is_dropped() -> None:
    analysis = analyse([said("she", "proclaimed", "We are keeping every branch open", "x")])
    assert analysis.attributions == []
    assert analysis.usage.dropped_quotes == 1


def test_an_answer_without_attributions_still_gives_its_claims() -> None:
    analysis = Assistant(scripted([{"claims": [CLOSURE]}])).analyze(TEXT)
    assert len(analysis.claims) == 1 and analysis.attributions == []


def test_offline_engine_lists_every_attribution_and_what_feeds_claims() -> None:
    analysis = Assistant(model="offline").analyze(TEXT)
    cues = [a.cue.quote for a in analysis.attributions]
    assert cues == ["reported", "said", "said", "declined to comment"]
    reported, signed, keeping, declined = analysis.attributions
    assert reported.kind == "media_report" and reported.claim_ids
    assert keeping.source is not None and keeping.source.quote == "she"
    assert keeping.name == signed.name == "Ana Ruiz"  # "she" resolved to the mayor
    assert keeping.role == "Mayor" and keeping.kind == "named_official"
    assert declined.stance == "declines_comment" and declined.content is None
    assert analysis.said_by("Ruiz") == [signed, keeping]


def test_offline_wider_reading_lists_beliefs_and_wishes_but_makes_no_claim_of_them() -> None:
    text = (
        "Senator Lena Ortiz wants the vote delayed until March. The committee of the state "
        "senate will meet on Tuesday in the capital to discuss the bill and its budget.\n"
    )
    analysis = Assistant(model="offline").analyze(text)
    [wants] = analysis.attributions
    assert (wants.name, wants.cue.quote, wants.kind) == ("Lena Ortiz", "wants", "named_official")
    assert not [s for c in analysis.claims for s in c.sources if s.name == "Lena Ortiz"]


def test_json_markdown_and_table_show_who_said_what(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMDESK_HOME", str(tmp_path / "home"))
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(article), "--model", "offline", "--format", "json"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert [a["cue"]["quote"] for a in dumped["attributions"]][:2] == ["reported", "said"]
    assert main(["analyze", str(article), "--model", "offline", "--format", "markdown"]) == 0
    shown = capsys.readouterr().out
    assert "# Who said what" in shown
    assert '- Ana Ruiz, Mayor [named_official, on record] as "Mayor Ana Ruiz" *said*' in shown
    assert main(["analyze", str(article), "--model", "offline"]) == 0
    assert "Who said what" in capsys.readouterr().out


def test_polnear_dev_source_f1_offline(shared_data: Path) -> None:
    """The offline engine's attribution sources on PolNeAR dev (overlap match), as the README
    reports them; a drop below the issue's bar fails here."""
    from assistant.evals.runner import Outcome
    from assistant.evals.score_attribution import score_attribution

    articles = load(shared_data / "polnear")
    assistant = Assistant(model="offline")
    outcomes = [
        Outcome(id=a.id, value=assistant.analyze(a.text), failure=None, latency_s=0.0)
        for a in articles
    ]
    metrics = score_attribution(articles, outcomes).metrics
    assert (metrics["attribution.source.f1"] or 0) >= 0.65
    assert (metrics["attribution.source.precision"] or 0) >= 0.80
