"""rubric.with_standing reads each source's standing as the plain form it replaced (written out
here as the reference), and gives back a source as it is when its standing is already that."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.claims import SOURCE_KINDS, STANCES, Source
from assistant.rubric import _GENERIC_PARTY_WORDS as GENERIC
from assistant.rubric import STANDING_KINDS, SUPPORTING, debunks, with_standing
from assistant.textsim import content_stems

CLAIMS = ["The army shot down a rebel helicopter", "Ruiz resigned from the ministry", "Rain"]


def concerned(source: Source, claim: str, backers: Sequence[Source] = ()) -> bool:
    if any(b.name.casefold() == source.name.casefold() for b in backers):
        return True
    party = content_stems(f"{source.name} {source.role or ''}") - GENERIC
    return bool(party & content_stems(claim))


def reference(sources: Sequence[Source], claim: str) -> list[bool]:
    named = [s for s in sources if s.kind in STANDING_KINDS and s.on_record]
    backers = [s for s in named if s.stance in SUPPORTING]
    if any(concerned(b, claim) for b in backers):
        return [concerned(s, claim, backers) or debunks(s) for s in sources]
    return [s in named or debunks(s) for s in sources]


SOURCES = st.builds(
    Source,
    name=st.sampled_from(["the army", "The Army", "Dana Ruiz", "rebels", "a spokesman"]),
    role=st.sampled_from([None, "ministry official", "army chief"]),
    kind=st.sampled_from(SOURCE_KINDS),
    stance=st.sampled_from(STANCES),
    on_record=st.booleans(),
    standing=st.booleans(),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(SOURCES, max_size=5), st.sampled_from(CLAIMS))
def test_standing_is_read_as_the_plain_form_reads_it(sources: list[Source], claim: str) -> None:
    read = with_standing(sources, claim)
    assert [s.standing for s in read] == reference(sources, claim)
    for before, after in zip(sources, read, strict=True):
        assert after.model_copy(update={"standing": before.standing}) == before
        assert (after is before) == (after.standing == before.standing)
