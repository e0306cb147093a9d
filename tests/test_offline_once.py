"""Work done once per document: restatements grouped once, the name index built once.

A single document's claims are grouped by ``analysis.document_reading``; ``combine_documents``
does not group them again. These tests compare the result with the second grouping it skips (on
the seed, the fixtures and random claim lists), and count the name indexes the parts of one
document build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.chunking import paragraphs
from assistant.claims import Claim, Document, Evidence, Usage
from assistant.merging import merge_claims, restatement_groups
from assistant.multidoc import combining
from assistant.multidoc.combining import combine_documents, group, merged_claim, stamp
from assistant.multidoc.settling import Member
from assistant.multidoc.timeline import ordered_documents
from assistant.offline import sourcing
from assistant.offline.engine import OfflineModel
from assistant.offline.extraction import extract, read_paragraphs

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    ROOT / "examples" / "pakistan-fo-china-security.txt",
    *sorted((ROOT / "tests" / "fixtures" / "extraction").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "denials").glob("*.txt")),
]


def combined_grouping_twice(document: Document, claims: list[Claim]) -> list[Claim]:
    """``combine_documents`` for one document as it was: the merged claims grouped again."""
    in_time, _ = ordered_documents([document])
    members = [Member(document, 0, stamp(document, c)) for c in claims]
    return [merged_claim(g, in_time, f"c{i}") for i, g in enumerate(group(members), start=1)]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_one_document_is_grouped_once_with_the_same_claims(path: Path) -> None:
    document = Document(id="d1", text=path.read_text(encoding="utf-8"))
    claims = Assistant(OfflineModel()).readings([document], Usage())[0].claims
    assert claims
    combined, _ = combine_documents([document], [claims])
    assert combined == combined_grouping_twice(document, claims)


def test_one_document_is_not_grouped_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(members: object) -> object:
        calls.append(1)
        return group(members)  # type: ignore[arg-type]

    monkeypatch.setattr(combining, "group", counting)
    Assistant(model="offline").analyze(ARTICLES[0].read_text(encoding="utf-8"))
    assert calls == []
    Assistant(model="offline").analyze([p.read_text(encoding="utf-8") for p in ARTICLES[:2]])
    assert calls == [1]  # several documents: grouped across them once


WORDS = "minister port strike closed ferry wages union talks deal signed rejected city".split()
sentences = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(sentences, max_size=25))
def test_merged_claims_have_no_restatements_left(texts: list[str]) -> None:
    """What makes the second grouping redundant: merging leaves no two similar first texts."""
    claims = [Claim(id="", text=t, status="unverified", status_reason="") for t in texts]
    merged = merge_claims(claims)
    assert restatement_groups([c.text for c in merged]) == [[i] for i in range(len(merged))]


def test_the_parts_of_one_document_share_one_name_index(monkeypatch: pytest.MonkeyPatch) -> None:
    seed = ARTICLES[0].read_text(encoding="utf-8").strip()
    text = f"{seed}\n\n{seed}"  # each half looks up surnames
    spans = [(p.start, p.end) for p in paragraphs(text)]
    parts = [spans[: len(spans) // 2], spans[len(spans) // 2 :]]
    built: list[str] = []
    real_init = sourcing.NameIndex.__init__

    def counting(self: sourcing.NameIndex, whole: str) -> None:
        built.append(whole)
        real_init(self, whole)

    monkeypatch.setattr(sourcing.NameIndex, "__init__", counting)
    rebuilt = []
    for part in parts:  # as before: each part with an index of its own
        sourcing.names_in.cache_clear()
        read_paragraphs.cache_clear()
        rebuilt.append(extract({"text": text, "spans": part}))
    assert len(built) == 2
    sourcing.names_in.cache_clear()
    read_paragraphs.cache_clear()
    shared = [extract({"text": text, "spans": part}) for part in parts]
    assert len(built) == 3  # one index for the document, built by the part that asks first
    assert shared == rebuilt


def test_each_quote_is_judged_once_per_part(monkeypatch: pytest.MonkeyPatch) -> None:
    """The re-ask check and the grounding after it share their verdicts on each quote, with the
    same output as judging every quote twice."""
    from assistant import evidence

    text = ARTICLES[0].read_text(encoding="utf-8")
    judged = evidence._judged

    def unshared(find: object, quote: str, claim: str, source: object, verdicts: object) -> object:
        return judged(find, quote, claim, source, {})  # type: ignore[arg-type]

    with monkeypatch.context() as every_time:  # the reference: no verdict shared
        every_time.setattr(evidence, "_judged", unshared)
        twice = Assistant(model="offline").analyze(text)
    calls: dict[tuple[object, ...], int] = {}
    real = evidence.problem

    def counted(document: Document, found: Evidence, claim: str, source: evidence.Cited) -> object:
        key = (found.start, found.end, claim, source.kind, source.name, source.role, source.stance)
        calls[key] = calls.get(key, 0) + 1
        return real(document, found, claim, source)

    monkeypatch.setattr(evidence, "problem", counted)
    once = Assistant(model="offline").analyze(text)
    assert calls and max(calls.values()) == 1
    assert once.model_dump(exclude={"usage"}) == twice.model_dump(exclude={"usage"})
    assert once.usage.rejected_quotes == twice.usage.rejected_quotes


def test_each_cue_speaker_is_looked_for_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Grounding an attribution looks for its speaker next to each cue once: the cues compared
    and the cue kept share the look-up, with the same output as looking again for every cue
    and comparing them all (the cue nearest its content and speaker together, the first of
    equals)."""
    from assistant import attributions

    def looked_for_again(self: attributions._Speakers, cue: tuple[int, int]) -> object:
        return attributions._source(self.text, self.out, cue)

    def every_cue(cues: list[tuple[int, int]], said: tuple[int, int], speakers: object) -> object:
        def apart(cue: tuple[int, int]) -> int:
            return attributions._gap(cue, said) + attributions._speaker_gap(speakers, cue)  # type: ignore[arg-type]

        return min(cues, key=apart)

    texts = [article.read_text(encoding="utf-8") for article in ARTICLES]
    with monkeypatch.context() as unshared:  # the reference: no look-up shared or skipped
        unshared.setattr(attributions._Speakers, "at", looked_for_again)
        unshared.setattr(attributions, "_closest_with_speaker", every_cue)
        again = [Assistant(model="offline").analyze(text) for text in texts]
    calls: dict[tuple[str, int, int, int], int] = {}
    real = attributions._source

    def counted(text: str, out: object, cue: tuple[int, int]) -> tuple[int, int] | None:
        key = (text, id(out), *cue)
        calls[key] = calls.get(key, 0) + 1
        return real(text, out, cue)  # type: ignore[arg-type]

    monkeypatch.setattr(attributions, "_source", counted)
    once = [Assistant(model="offline").analyze(text) for text in texts]
    assert calls and max(calls.values()) == 1
    for shared, reference in zip(once, again, strict=True):
        assert shared.model_dump(exclude={"usage"}) == reference.model_dump(exclude={"usage"})


class _FixedSpeakers:
    """Where each cue's speaker stands, as given (no text to look in)."""

    def __init__(self, at: dict[tuple[int, int], tuple[int, int] | None]) -> None:
        self._at = at

    def at(self, cue: tuple[int, int]) -> tuple[int, int] | None:
        return self._at[cue]


_SPANS = st.tuples(st.integers(0, 600), st.integers(1, 40)).map(lambda s: (s[0], s[0] + s[1]))


@settings(max_examples=300, deadline=None)
@given(
    cues=st.lists(st.tuples(_SPANS, st.none() | _SPANS), min_size=1, max_size=8),
    said=_SPANS,
)
def test_the_cue_kept_is_the_nearest_of_all_with_its_speaker(
    cues: list[tuple[tuple[int, int], tuple[int, int] | None]], said: tuple[int, int]
) -> None:
    """The cues skipped unweighed (already too far from the content) never change the cue
    kept: the same as weighing every cue, the first of equals."""
    from assistant import attributions

    speakers = _FixedSpeakers(dict(cues))
    tried = [cue for cue, _ in cues]

    def apart(cue: tuple[int, int]) -> int:
        return attributions._gap(cue, said) + attributions._speaker_gap(speakers, cue)  # type: ignore[arg-type]

    kept = attributions._closest_with_speaker(tried, said, speakers)  # type: ignore[arg-type]
    assert kept == min(tried, key=apart)
