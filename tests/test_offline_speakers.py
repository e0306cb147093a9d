"""Who speaks where, read from the article text: speakers by name or role, who declined to
comment (pronouns resolved), and sentences that say a thing is not so."""

from __future__ import annotations

from assistant.claims import Document
from assistant.offline.speakers import denials, refusals, statements

TEXT = (
    "Port authority spokesperson Daniel Osei said the appraisal was routine. "
    '"It is not connected to any sale," Osei said.\n'
    "A Kestrel Development spokesperson, Maria Chen, said the marina would stay open.\n"
    '"The documents will speak for themselves," said Ana Ruiz, a lawyer for the tenants.\n'
    "Council member Rosa Lindqvist said she had not been briefed. "
    "She would not say whether she had seen the appraisal.\n"
    "The report was dismissed by former captain Gareth Lloyd, who called it rubbish.\n"
    "Kestrel Development declined to comment."
)
DOCUMENT = Document.from_text(TEXT, title="t")


def test_a_role_finds_every_person_who_holds_it() -> None:
    found = statements("the spokesperson", [DOCUMENT])
    assert [s.speaker for s in found] == ["Daniel Osei", "Maria Chen"]
    assert len(found[0].lines) == 2  # the surname-attributed quote joins him


def test_a_name_or_a_role_after_the_name() -> None:
    assert [s.speaker for s in statements("Lindqvist", [DOCUMENT])] == ["Rosa Lindqvist"]
    [lawyer] = statements("the lawyer", [DOCUMENT])
    assert lawyer.speaker == "Ana Ruiz"


def test_refusals_name_who_declined_even_as_a_pronoun() -> None:
    parties = [r.party for r in refusals([DOCUMENT])]
    assert parties == ["Rosa Lindqvist", "Kestrel Development"]


def test_denials_read_from_the_text_name_the_denier() -> None:
    found = denials([DOCUMENT])
    assert [d.party for d in found] == ["Gareth Lloyd"]
