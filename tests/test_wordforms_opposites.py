"""Denials by the opposite act (assistant/wordforms.py ``opposed``) and evidence accepting them
(assistant/evidence.py): sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from assistant.claims import Document, Evidence, SourceKind, Stance
from assistant.evidence import problem
from assistant.wordforms import opposed

CLOSE = "Ostby will close the Lund Street mill."


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        (CLOSE, "The Lund Street mill will stay open"),
        (CLOSE, "We are keeping the Lund Street mill open"),
        (CLOSE, "The mill will reopen on Monday"),
        ("Mayor Ida Berg will step down in May.", "Ida Berg will remain mayor"),
        ("Ostby would sell the Lund Street mill.", "Ostby will keep the mill"),
    ],
)
def test_the_opposite_act_about_the_same_thing(claim: str, statement: str) -> None:
    assert opposed(claim, statement)


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        (CLOSE, "The Lund Street mill opened in 1962"),  # a past opening answers nothing
        (CLOSE, "The Harbor Road shop will stay open"),  # another thing
        (CLOSE, "Ostby will close the mill"),  # the same act
        ("Ostby hired 40 workers.", "The mill will stay open"),  # no act to oppose
    ],
)
def test_other_statements_are_no_opposite(claim: str, statement: str) -> None:
    assert not opposed(claim, statement)


@dataclass
class _Denier:
    quotes: list[str] = field(default_factory=list)
    name: str = "Kari Nes"
    role: str | None = "Ostby spokeswoman"
    stance: Stance = "denies"
    kind: SourceKind = "named_official"


def test_evidence_accepts_the_opposite_act_as_a_denial() -> None:
    text = '"The Lund Street mill will stay open," Ostby spokeswoman Kari Nes said.'
    document = Document.from_text(text)
    found = Evidence(document_id=document.id, quote=text, start=0, end=len(text))
    assert problem(document, found, CLOSE, _Denier()) is None
    other = "Mayor Ida Berg will step down in May."
    assert problem(document, found, other, _Denier()) == (
        "it does not show a denial, cited for a source that denies the claim"
    )
