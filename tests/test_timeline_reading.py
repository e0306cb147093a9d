"""The timeline reads documents one at a time; each entry's status is still exactly what settling
every document read so far gives (the rubric over all of them), whatever the sources."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.claims import Claim, Document, Source
from assistant.multidoc.settling import Member, settle
from assistant.multidoc.timeline import timeline

OUTLETS = ["Herald", "Courier", "Post"]
NAMES = ["Minister Ana Ruiz", "Ruiz", "the Ministry of Works", "Herald", "officials", "Post"]
KINDS = ["named_official", "organization", "anonymous", "media_report", "outlet", "document"]
STANCES = ["asserts", "confirms", "denies", "declines_comment", "not_confirmed"]
STATUSES = ["confirmed", "denied", "unverified"]

sources = st.builds(
    lambda name, kind, stance, on_record: Source(
        name=name, kind=kind, stance=stance, on_record=on_record
    ),
    st.sampled_from(NAMES),
    st.sampled_from(KINDS),
    st.sampled_from(STANCES),
    st.booleans(),
)
members = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(STATUSES), st.lists(sources, max_size=3)),
    min_size=1,
    max_size=12,
)


def document(n: int) -> Document:
    return Document(
        id=f"d{n}", text=f"article {n}", outlet=OUTLETS[n % 3], date=date(2026, 1, 1) + timedelta(n)
    )


@settings(max_examples=400, deadline=None)
@given(members, st.booleans())
def test_each_entry_has_the_status_of_everything_read_so_far(
    drawn: list[tuple[int, str, list[Source]]], agreeing: bool
) -> None:
    if agreeing:  # every document gave the claim one status: only sources can move it
        drawn = [(n, drawn[0][1], s) for n, _, s in drawn]
    documents = [document(n) for n in range(6)]
    group = [
        Member(
            documents[n],
            n,
            Claim(id="", text="The bridge will close", status=status, status_reason="r", sources=s),  # type: ignore[arg-type]
        )
        for n, status, s in drawn
    ]
    entries = timeline(group, documents)
    for entry in entries:
        position = int(entry.document_id[1:])
        read = [m for m in group if m.position <= position]
        assert entry.status == settle(read, documents).status
    assert {e.document_id for e in entries} == {m.document.id for m in group}


def test_an_outlet_retracting_its_report_changes_the_status_though_all_agreed() -> None:
    documents = [document(n) for n in range(6)]

    def member(n: int, stance: str) -> Member:
        source = Source(name="Herald", kind="outlet", stance=stance, on_record=True)  # type: ignore[arg-type]
        claim = Claim(id="", text="The bridge will close", status="confirmed", status_reason="r")
        return Member(documents[n], n, claim.model_copy(update={"sources": [source]}))

    entries = timeline([member(0, "asserts"), member(3, "denies")], documents)
    assert [(e.document_id, e.event, e.status) for e in entries] == [
        ("d0", "first_reported", "confirmed"),
        ("d3", "retracted", "unverified"),
    ]
