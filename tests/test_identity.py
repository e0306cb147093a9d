from assistant.claims import Document
from assistant.identity import (
    UNNAMED_REPORT,
    cited_outlet,
    document_label,
    document_outlet,
    same_party,
    tokens,
)


def test_tokens_drop_case_possessives_and_honorifics() -> None:
    assert tokens("Pakistan's Foreign Office") == ("pakistan", "foreign", "office")
    assert tokens("Dr. Ilse Marten") == ("ilse", "marten")


def test_same_party_matches_surname_and_qualified_body() -> None:
    assert same_party("Mumtaz Zahra Baloch", "Baloch")
    assert same_party("the Foreign Office", "Pakistan's Foreign Office")
    assert not same_party("Ministry of Interior", "Ministry of Planning")
    assert not same_party("", "Baloch")


def test_cited_outlet_prefers_an_input_outlet() -> None:
    assert cited_outlet("a Harbour Ledger report", ["harbour ledger"]) == "harbour ledger"
    assert cited_outlet("The Harbour Ledger", ["harbour ledger", "bay gazette"]) == "harbour ledger"


def test_cited_outlet_names_outside_and_unnamed_reports() -> None:
    assert cited_outlet("Reuters, citing five security sources", ["bay gazette"]) == "reuters"
    assert cited_outlet("local media reports", ["bay gazette"]) == UNNAMED_REPORT


def test_document_identity_falls_back_to_id() -> None:
    named = Document.from_text("x", outlet="The Bay Gazette")
    bare = Document.from_text("y")
    assert document_outlet(named) == "bay gazette"
    assert document_label(named) == "The Bay Gazette"
    assert document_outlet(bare) == f"document {bare.id}"
    assert document_label(bare) == bare.id
