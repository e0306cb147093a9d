"""Merging restatements of one claim keeps the rubric's standing rule: a denial by a party the
claim does not name does not outweigh the named party's own word (merging.py passes the
standing each reader gives a source to the rubric)."""

from __future__ import annotations

from assistant.claims import Claim, Evidence, Source
from assistant.merging import merge_claims, restatement_groups

TEXT = "The labour ministry had created 40,000 jobs since January."


QUOTE = Evidence(document_id="d", quote="40,000 jobs", start=0, end=11)


def src(name: str, kind: str, stance: str, standing: bool) -> Source:
    return Source.model_validate(
        {
            "name": name,
            "kind": kind,
            "stance": stance,
            "on_record": True,
            "standing": standing,
            "evidence": [QUOTE],
        }
    )


def claim(status: str, text: str, *sources: Source) -> Claim:
    return Claim.model_validate(
        {"id": "", "text": text, "status": status, "status_reason": "r", "sources": sources}
    )


def test_a_third_partys_denial_does_not_outweigh_the_party_named() -> None:
    affirmed = claim("confirmed", TEXT, src("the labour ministry", "organization", "asserts", True))
    disputed = claim("denied", TEXT, src("Karl Brandt", "named_official", "denies", False))
    [merged] = merge_claims([affirmed, disputed])
    assert merged.status == "confirmed"
    assert "Karl Brandt" in merged.status_reason


def test_a_denial_by_the_party_named_still_wins_when_merged() -> None:
    reported = claim("unverified", TEXT, src("the Daily Ledger", "media_report", "asserts", False))
    denied = claim("denied", TEXT, src("the labour ministry", "organization", "denies", True))
    [merged] = merge_claims([reported, denied])
    assert merged.status == "denied"


def test_restatements_are_found_among_hundreds_of_claims_sharing_common_words() -> None:
    texts = [f"The council approved budget line {i} for the harbour district" for i in range(300)]
    texts.insert(150, "The council approved the Kestrel ferry subsidy at its March meeting")
    texts.append("At its March meeting the council approved the Kestrel ferry subsidy")
    groups = restatement_groups(texts)
    assert [150, len(texts) - 1] in groups
    assert len(groups) == len(texts) - 1
