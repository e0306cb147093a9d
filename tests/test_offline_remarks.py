"""What offline chat answers quote of people (who declined, denied, confirmed, spoke in a
sentence) is read from the analysis's attributions, not from the text a second time."""

from __future__ import annotations

from assistant import Assistant
from assistant.chat.said import Said
from assistant.claims import Analysis
from assistant.offline.remarks import (
    confirmations,
    denials,
    negations,
    non_confirmations,
    refusals,
    speaker_of,
)

TEXT = (
    "Port authority spokesperson Daniel Osei said the appraisal was routine. "
    '"It is not connected to any sale," Osei said.\n'
    "Council member Rosa Lindqvist said she had not been briefed. "
    "She would not say whether she had seen the appraisal.\n"
    "The city confirmed that it had received the appraisal in March.\n"
    "The report was rejected by the mayor, Elena Ruiz, who called it false.\n"
    "Kestrel Development declined to comment.\n"
    "Investigators said the cause had not been determined."
)


def said_of(analysis: Analysis) -> Said:
    return Said(analysis.attributions, analysis.documents, analysis.claims)


def test_remarks_come_from_the_attributions() -> None:
    analysis = Assistant("offline").analyze(TEXT)
    said = said_of(analysis)
    assert [r.party for r in refusals(said)] == ["Rosa Lindqvist", "Kestrel Development"]
    assert [r.party for r in denials(said)] == ["Elena Ruiz"]
    assert [r.party for r in confirmations(said)] == ["The city"]
    assert [r.party for r in non_confirmations(said)] == ["Investigators"]
    refusal = refusals(said)[0]
    assert refusal.by("the council member") and not refusal.by("the spokesperson")


def test_without_attributions_nothing_is_read_from_the_text() -> None:
    analysis = Assistant("offline").analyze(TEXT)
    bare = said_of(analysis.model_copy(update={"attributions": []}))
    assert refusals(bare) == denials(bare) == confirmations(bare) == []
    line = refusals(said_of(analysis))[0].line
    assert speaker_of(line, bare) is None
    assert speaker_of(line, said_of(analysis)) == "Rosa Lindqvist"


def test_negations_read_the_engine_negation_words() -> None:
    """ "neither ... nor" and "cannot" say no as "not" does (the offline engine's one list)."""
    text = (
        "Harbour master Ida Brekke said neither the tug nor the barge had been damaged.\n"
        "The pilot, Tomas Reyes, said the crew cannot enter the channel at night.\n"
        "Engineer Mia Holt said the crane was repaired on Friday."
    )
    said = said_of(Assistant("offline").analyze(text))
    assert [r.party for r in negations(said)] == ["Ida Brekke", "Tomas Reyes"]
