"""Cross-document analysis: merging, independent origins, chains, retraction, timeline, status."""

from __future__ import annotations

from datetime import date

import pytest
from multidoc_fake import FIRE, RESIGNED, SALE, documents, extraction_model

from assistant import Analysis, Assistant
from assistant.claims import Claim, Document, Evidence, Source
from assistant.multidoc import combine_documents


def analyse(*names: str, undated: bool = False) -> Analysis:
    return Assistant(extraction_model()).analyze(documents(*names, undated=undated))


def by_text(analysis: Analysis, text: str) -> Claim:
    return next(c for c in analysis.claims if c.text == text)


@pytest.fixture(scope="module")
def full() -> Analysis:
    # arguments deliberately out of date order: the timeline must follow the dates
    return analyse("d_ledger_correction.txt", "c_gazette.txt", "b_courier.txt", "a_ledger.txt")


def test_restatements_across_documents_merge_into_one_claim(full: Analysis) -> None:
    assert len(full.claims) == 3
    assert [c.id for c in full.claims] == ["c1", "c2", "c3"]
    assert {c.text for c in full.claims} == {SALE, RESIGNED, FIRE}
    assert full.usage.model_calls == 4


def test_every_source_names_its_document(full: Analysis) -> None:
    ids = {d.id for d in full.documents}
    sale = by_text(full, SALE)
    assert all(s.document_id in ids for c in full.claims for s in c.sources)
    assert all(e.document_id == s.document_id for s in sale.sources for e in s.evidence)
    outlets = {full.document(s.document_id or "").outlet for s in sale.sources}
    assert outlets == {"The Harbour Ledger", "Coastal Courier", "Bay Gazette"}
    assert len(sale.document_ids) == 3


def test_one_anonymous_report_repeated_by_two_outlets_counts_once(full: Analysis) -> None:
    sale = by_text(full, SALE)
    assert sale.independent_sources == 1
    assert "Coastal Courier cites The Harbour Ledger's report" in sale.chains
    assert any(
        "repeats the anonymous sources first carried by The Harbour" in c for c in sale.chains
    )


def test_two_independent_named_sources_count_twice(full: Analysis) -> None:
    fire = by_text(full, FIRE)
    assert fire.independent_sources == 2
    assert fire.chains == []
    assert fire.status == "confirmed"


def test_later_on_record_denial_flips_the_status(full: Analysis) -> None:
    sale = by_text(full, SALE)
    assert sale.status == "denied"
    assert "Ilse Marten" in sale.status_reason
    steps = [(e.label, e.event, e.status, e.status_changed) for e in sale.timeline]
    assert steps == [
        ("The Harbour Ledger", "first_reported", "unverified", False),
        ("Coastal Courier", "reported", "unverified", False),
        ("Coastal Courier", "not_confirmed", "unverified", False),
        ("Bay Gazette", "denied", "denied", True),
    ]
    assert sale.timeline[0].date == date(2026, 3, 2)


def test_retraction_withdraws_the_report_and_its_re_reports(full: Analysis) -> None:
    resigned = by_text(full, RESIGNED)
    assert resigned.status == "unverified"
    assert resigned.independent_sources == 0
    assert "retracted by The Harbour Ledger" in resigned.status_reason
    assert any(
        c.startswith("The Harbour Ledger retracted its report (2026-03-05)")
        for c in resigned.chains
    )
    events = [(e.event, e.status, e.status_changed) for e in resigned.timeline]
    assert events == [
        ("first_reported", "confirmed", False),
        ("reported", "confirmed", False),
        ("retracted", "unverified", True),
    ]


def test_timeline_follows_dates_not_arguments(full: Analysis) -> None:
    assert full.timeline_order == "date"
    for claim in full.claims:
        stamps = [e.date.isoformat() for e in claim.timeline if e.date is not None]
        assert len(stamps) == len(claim.timeline)
        assert stamps == sorted(stamps)


def test_without_dates_argument_order_is_used_and_labelled() -> None:
    analysis = analyse("c_gazette.txt", "a_ledger.txt", "b_courier.txt", undated=True)
    assert analysis.timeline_order == "arguments"
    sale = by_text(analysis, "The Vell Port Authority plans to sell the east terminal")
    assert [e.label for e in sale.timeline][:2] == ["Bay Gazette", "The Harbour Ledger"]
    assert sale.timeline[0].event == "denied"
    assert sale.status == "denied"


def test_status_filter_keeps_only_denied(full: Analysis) -> None:
    denied = full.filter("denied")
    assert [c.text for c in denied.claims] == [SALE]
    assert denied.documents == full.documents
    with pytest.raises(ValueError, match="unknown status"):
        full.filter("maybe")  # type: ignore[arg-type]


def test_single_document_analysis_keeps_the_contract() -> None:
    analysis = analyse("a_ledger.txt")
    assert all(c.timeline == [] and c.chains == [] for c in analysis.claims)
    assert by_text(analysis, FIRE).independent_sources == 1
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis
    old = analysis.model_dump()
    for claim in old["claims"]:
        for name in ("document_ids", "independent_sources", "chains", "timeline"):
            del claim[name]
    assert Analysis.model_validate(old).claims[0].independent_sources == 0


# --- the rules on hand-built claims -------------------------------------------------------------


def doc(outlet: str, day: int | None) -> Document:
    when = date(2026, 5, day) if day else None
    return Document.from_text(f"{outlet} article {day}", outlet=outlet, date=when)


PARTIES = frozenset({"named_official", "named_person", "organization", "document"})


def src(name: str, kind: str, stance: str = "asserts") -> Source:
    on_record = kind != "anonymous"
    quote = Evidence(document_id="d", quote=name, start=0, end=len(name))
    return Source.model_validate(
        {
            "name": name,
            "kind": kind,
            "stance": stance,
            "on_record": on_record,
            "standing": on_record and kind in PARTIES,
            "evidence": [quote],
        }
    )


def claim(status: str, *sources: Source) -> Claim:
    text = "The minister approved the new dam project"
    return Claim.model_validate(
        {"id": "", "text": text, "status": status, "status_reason": "r", "sources": sources}
    )


def merged(pairs: list[tuple[Document, Claim]]) -> Claim:
    claims, _ = combine_documents([d for d, _ in pairs], [[c] for _, c in pairs])
    assert len(claims) == 1
    return claims[0]


def test_alike_anonymous_sources_in_two_outlets_count_once_without_citation() -> None:
    a = (
        doc("North Post", 1),
        claim("unverified", src("two senior ministry officials", "anonymous")),
    )
    b = (
        doc("South Herald", 2),
        claim("unverified", src("two senior ministry officials", "anonymous")),
    )
    result = merged([a, b])
    assert result.independent_sources == 1
    assert result.chains == [
        "South Herald repeats the anonymous sources first carried by North Post "
        "('two senior ministry officials')"
    ]


def test_differently_described_anonymous_sources_stay_separate() -> None:
    a = (
        doc("North Post", 1),
        claim("unverified", src("two senior ministry officials", "anonymous")),
    )
    b = (doc("South Herald", 2), claim("unverified", src("a contractor on the site", "anonymous")))
    assert merged([a, b]).independent_sources == 2


def test_outlets_citing_the_same_outside_report_count_once() -> None:
    a = (doc("North Post", 1), claim("unverified", src("Reuters", "media_report")))
    b = (doc("South Herald", 2), claim("unverified", src("a Reuters report", "media_report")))
    result = merged([a, b])
    assert result.independent_sources == 1
    assert "South Herald cites a Reuters report (not among the documents)" in result.chains


def test_same_named_official_in_two_outlets_is_one_source() -> None:
    a = (
        doc("North Post", 1),
        claim("confirmed", src("Energy Minister Sara Lund", "named_official")),
    )
    b = (doc("South Herald", 2), claim("confirmed", src("Lund", "named_official")))
    result = merged([a, b])
    assert result.independent_sources == 1
    assert result.chains == [
        "Energy Minister Sara Lund is quoted in North Post, South Herald (one source)"
    ]


def test_same_outlet_twice_is_one_source() -> None:
    a = (doc("North Post", 1), claim("confirmed", src("North Post", "outlet")))
    b = (doc("North Post", 2), claim("confirmed", src("North Post", "outlet")))
    result = merged([a, b])
    assert result.independent_sources == 1
    assert result.chains == ["North Post carried it in 2 articles (one source)"]


def test_a_party_that_later_denies_what_it_confirmed_is_denied() -> None:
    a = (doc("North Post", 1), claim("confirmed", src("Sara Lund", "named_official", "confirms")))
    b = (doc("South Herald", 2), claim("denied", src("Sara Lund", "named_official", "denies")))
    result = merged([a, b])
    assert result.status == "denied"
    assert [e.status for e in result.timeline] == ["confirmed", "denied"]
    assert result.timeline[1].status_changed


def test_a_later_on_record_confirmation_overrides_a_denial() -> None:
    a = (doc("North Post", 1), claim("denied", src("Sara Lund", "named_official", "denies")))
    b = (doc("South Herald", 2), claim("confirmed", src("Sara Lund", "named_official", "confirms")))
    assert merged([a, b]).status == "confirmed"


def test_second_hand_assertion_does_not_outrank_a_denial() -> None:
    a = (doc("North Post", 1), claim("unverified", src("officials", "anonymous")))
    b = (
        doc("South Herald", 2),
        claim("denied", src("Ministry of Energy", "organization", "denies")),
    )
    result = merged([a, b])
    assert result.status == "denied"
    assert result.independent_sources == 1


def test_partly_dated_documents_use_argument_order() -> None:
    a = (doc("North Post", 9), claim("unverified", src("officials", "anonymous")))
    b = (doc("South Herald", None), claim("unverified", src("officials", "anonymous")))
    _, order = combine_documents([a[0], b[0]], [[a[1]], [b[1]]])
    assert order == "arguments"


def test_outlet_voice_next_to_a_named_source_adds_no_origin() -> None:
    both = claim("confirmed", src("North Post", "outlet"), src("Sara Lund", "named_official"))
    alone = claim("confirmed", src("South Herald", "outlet"))
    result = merged([(doc("North Post", 1), both), (doc("South Herald", 2), alone)])
    assert result.independent_sources == 2


def test_retracting_an_own_voice_report_that_also_quoted_a_named_source() -> None:
    first = claim("confirmed", src("North Post", "outlet"), src("Sara Lund", "named_official"))
    retraction = claim("unverified", src("North Post", "outlet", "denies"))
    result = merged([(doc("North Post", 1), first), (doc("North Post", 2), retraction)])
    assert result.independent_sources == 1
    assert result.status == "confirmed"
    assert "retracted by North Post" in result.status_reason
