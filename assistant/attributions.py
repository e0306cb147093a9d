"""Who said what: attributions the model read, grounded like evidence and linked to claims.

A model (LLM or the offline rules) returns each attribution as the words it found: speaker,
cue and content as written. Code locates them: the content like any evidence quote, then the cue
as a whole word nearest to the content, then the speaker nearest to the cue. One whose cue
cannot be found is dropped; so is one whose content is given but not found.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant.claims import Attribution, Claim, Document, Evidence, Usage
from assistant.grounding import Locator, Span, evidence_at, locate_near, span_near, spans_near
from assistant.outputs import AttributionOutput, ExtractionOutput

CUE_REACH = 400  # how far from its content a cue may stand
SOURCE_REACH = 250  # how far from its cue a speaker may stand
CUE_TRIES = 8  # cues tried in turn when the content stands in more than one place
UNANCHORED_REACH = 5_000  # a cue with no content: near the previous attribution


def _worded(text: str) -> bool:
    """Whether ``text`` has a word in it (a lone "." is no content)."""
    return any(ch.isalnum() for ch in text)


def missing_contents(locator: Locator, output: ExtractionOutput) -> list[str]:
    """Contents the model gave that are not in the text (the model is re-asked about them)."""
    contents = [a.content for a in output.attributions if _worded(a.content)]
    return [c for c in contents if locator.locate(c) is None]


def ground(
    locator: Locator, out: AttributionOutput, usage: Usage, after: int | None = None
) -> Attribution | None:
    """The attribution with its spans located, or None (counted as dropped quotes). ``after``:
    where the previous attribution's cue was (attributions come in reading order)."""
    document = locator.document
    anchor = locator.cursor if after is None else after
    worded = _worded(out.content)
    content = locator.locate(out.content) if worded else None
    if content is None and worded:
        usage.dropped_quotes += 1
        return None
    speakers = _Speakers(document.text, out)
    cue = _cue(document.text, out, content, anchor, speakers)
    if cue is None and content is not None:
        # the content also stands elsewhere (a short "But", a quote repeated in a headline):
        # the cue nearest the previous attribution that has the content next to it
        cue, content = _cue_with_content(document, out, anchor)
    if cue is None or (content is None and worded):
        usage.dropped_quotes += 1
        return None
    source = speakers.at(cue)
    return Attribution(
        document_id=document.id,
        source=evidence_at(document, *source) if source else None,
        cue=evidence_at(document, *cue),
        content=content,
        name=out.name,
        role=out.role,
        kind=out.kind,
        stance=out.stance,
        on_record=out.on_record,
    )


def _cue_with_content(
    document: Document, out: AttributionOutput, anchor: int
) -> tuple[Span | None, Evidence | None]:
    for cue in spans_near(document.text, out.cue, anchor, anchor, UNANCHORED_REACH)[:CUE_TRIES]:
        content = locate_near(document, out.content, *cue, CUE_REACH)
        if content is not None:
            return cue, content
    return None, None


def _cue(
    text: str,
    out: AttributionOutput,
    content: Evidence | None,
    anchor: int,
    speakers: _Speakers,
) -> Span | None:
    """The cue as a whole word nearest the content, or (no content) nearest the anchor."""
    if not out.cue.strip():
        return None
    if content is None:
        return span_near(text, out.cue, anchor, anchor, UNANCHORED_REACH)
    said = (content.start, content.end)
    spans = spans_near(text, out.cue, *said, CUE_REACH)
    nearest = span_near(text, out.cue, *said, CUE_REACH, written=spans)
    if nearest is None or not out.source.strip():
        return nearest
    # '..., Robert Achebe, said in a statement that "..." FreightInsider said': of the cues
    # by the content, the one its speaker stands next to
    return _closest_with_speaker([nearest, *spans[:CUE_TRIES]], said, speakers)


def _closest_with_speaker(cues: list[Span], said: Span, speakers: _Speakers) -> Span:
    """The first of ``cues`` nearest the content and its speaker together (gap to the content
    plus gap to the speaker); a cue already as far from the content as the best sum so far
    cannot win, and its speaker is not looked for."""
    best, best_sum = cues[0], _gap(cues[0], said) + _speaker_gap(speakers, cues[0])
    for cue in cues[1:]:
        gap = _gap(cue, said)
        if gap >= best_sum:
            continue
        total = gap + _speaker_gap(speakers, cue)
        if total < best_sum:
            best, best_sum = cue, total
    return best


def _gap(a: Span, b: Span) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _speaker_gap(speakers: _Speakers, cue: Span) -> int:
    source = speakers.at(cue)
    return _gap(source, cue) if source is not None else SOURCE_REACH * 4


class _Speakers:
    """Where the speaker of ``out`` stands next to each cue tried, looked for once per cue (the
    cues compared and the one kept are often the same span)."""

    def __init__(self, text: str, out: AttributionOutput) -> None:
        self.text, self.out = text, out
        self._by_cue: dict[Span, Span | None] = {}

    def at(self, cue: Span) -> Span | None:
        if cue not in self._by_cue:
            self._by_cue[cue] = _source(self.text, self.out, cue)
        return self._by_cue[cue]


def _source(text: str, out: AttributionOutput, cue: Span) -> Span | None:
    if not out.source.strip():
        return None
    return span_near(text, out.source, *cue, SOURCE_REACH)


def ground_all(
    locator: Locator, outputs: Sequence[AttributionOutput], usage: Usage
) -> list[Attribution]:
    """Every attribution located, in reading order (each cue looked for after the last)."""
    grounded: list[Attribution] = []
    after = locator.start
    for out in outputs:
        found = ground(locator, out, usage, after)
        if found is not None:
            grounded.append(found)
            after = found.cue.start
    return unique(grounded)


def unique(attributions: Iterable[Attribution]) -> list[Attribution]:
    """One attribution per cue in the text (a model may list a statement twice)."""
    seen: dict[tuple[str, int], Attribution] = {}
    for a in attributions:
        seen.setdefault((a.document_id, a.cue.start), a)
    return sorted(seen.values(), key=lambda a: (a.document_id, a.cue.start))


def _extent(attribution: Attribution) -> tuple[int, int]:
    spans = [e for e in (attribution.source, attribution.cue, attribution.content) if e]
    return min(e.start for e in spans), max(e.end for e in spans)


def link(attributions: Sequence[Attribution], claims: Sequence[Claim]) -> list[Attribution]:
    """Each attribution with the ids of the claims it sources: a claim whose evidence, in the
    same document, overlaps the attribution's words."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for claim in claims:
        for evidence in claim.evidence:
            spans.setdefault(evidence.document_id, []).append(
                (evidence.start, evidence.end, claim.id)
            )
    linked = []
    for attribution in attributions:
        start, end = _extent(attribution)
        found = spans.get(attribution.document_id, [])
        ids = list(dict.fromkeys(i for s, e, i in found if s < end and start < e))
        linked.append(attribution.model_copy(update={"claim_ids": ids}) if ids else attribution)
    return linked
