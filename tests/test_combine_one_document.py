"""One document's claims are combined by a short path (no regrouping, settling or chains); it
gives what the general cross-document path gives for one document, written out here as the
reference: stamp, merged_claim over the claim as its own group."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.claims import SOURCE_KINDS, STANCES, STATUSES, Claim, Document, Evidence, Source
from assistant.multidoc.combining import claim_of_one_document, merged_claim, stamp
from assistant.multidoc.settling import Member

NAMES = ["Dana Ruiz", "Ruiz", "the ministry", "Reuters", "a Reuters report", "officials", "AP"]


@st.composite
def sources(draw: st.DrawFn) -> Source:
    name = draw(st.sampled_from(NAMES))
    quotes = draw(st.lists(st.integers(0, 3), max_size=2))
    evidence = [Evidence(document_id="d", quote="ab", start=q, end=q + 2) for q in quotes]
    return Source(
        name=name,
        kind=draw(st.sampled_from(SOURCE_KINDS)),
        stance=draw(st.sampled_from(STANCES)),
        on_record=draw(st.booleans()),
        standing=draw(st.booleans()),
        evidence=evidence,
        document_id=draw(st.sampled_from([None, "elsewhere"])),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    return Claim(
        id="",
        text="The minister approved the dam",
        status=draw(st.sampled_from(STATUSES)),
        status_reason="as read",
        sources=draw(st.lists(sources(), max_size=6)),
        ungrounded=draw(st.booleans()),
    )


DOCUMENTS = st.builds(
    Document.from_text,
    st.just("The minister approved the dam."),
    outlet=st.sampled_from([None, "Reuters", "The Ledger"]),
    date=st.sampled_from([None, date(2026, 5, 1)]),
)


@settings(max_examples=500, deadline=None)
@given(DOCUMENTS, claims())
def test_one_document_claim_is_the_general_merge_of_its_one_member(
    document: Document, claim: Claim
) -> None:
    general = merged_claim([Member(document, 0, stamp(document, claim))], [document], "c3")
    assert claim_of_one_document(document, claim, "c3") == general
