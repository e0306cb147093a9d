"""Score verdicts on (claim, document) pairs: macro-F1, per-label scores, FNC-1 score."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.claims import Document
from assistant.evals.engines import VerdictLike
from assistant.evals.metrics import FAILED, confusion, fnc_score, label_metrics, ratio
from assistant.evals.pairs import StancePair
from assistant.evals.records import ItemResult, ReportDocument
from assistant.evals.runner import Outcome
from assistant.evals.scored import Scored, evidence_quotes, excerpt, grounding_counts


def pair_document(pair: StancePair) -> Document:
    return _document(pair.document)


# An eval meets one document in many pairs in a row (FNC-1: 30 headlines a body).
@lru_cache(maxsize=64)
def _document(text: str) -> Document:
    return Document.from_text(text)


# The fields every pair's item sets, one set for all of them: pydantic otherwise keeps a set of
# set fields per instance (about 700 bytes an item, 35 MB over the 49,972 FNC-1 pairs).
_PAIR_FIELDS = set(
    "id kind group correct expected predicted subject excerpt evidence detail failure error "
    "spans".split()
)


def _item(pair: StancePair, outcome: Outcome[VerdictLike], excerpts: dict[str, str]) -> ItemResult:
    """The pair's scored item, built from values this module makes with the model's types
    (so without validating them again)."""
    verdict = outcome.value
    predicted = verdict.status if verdict is not None else FAILED
    return ItemResult.model_construct(
        _PAIR_FIELDS,
        id=pair.id,
        kind="pair",
        group=pair.group or pair.id,
        correct=predicted == pair.expected,
        expected=pair.expected,
        predicted=predicted,
        subject=pair.claim,
        excerpt=_excerpt(pair.document, excerpts),
        evidence=evidence_quotes(verdict.sources) if verdict else [],
        detail=verdict.reason if verdict else "",
        failure=outcome.failure.message if outcome.failure else None,
        error="" if predicted == pair.expected else "wrong status",
        spans=[(e.start, e.end) for s in verdict.sources for e in s.evidence] if verdict else [],
        error_detail="",
        expected_spans=[],  # given: a default factory is inspected on every construction
    )


def _excerpt(document: str, excerpts: dict[str, str]) -> str:
    """One excerpt string per document, however many pairs share it (FNC-1: 30 a body)."""
    if document not in excerpts:
        excerpts[document] = excerpt(document)
    return excerpts[document]


def _documents(pairs: Sequence[StancePair]) -> dict[str, ReportDocument]:
    """The text of each group whose pairs all read one document (an FNC-1 body)."""
    texts: dict[str, str | None] = {}
    for pair in pairs:
        group = pair.group or pair.id
        seen = texts.setdefault(group, pair.document)
        if seen != pair.document:
            texts[group] = None
    return {g: ReportDocument(title=g, text=t) for g, t in texts.items() if t is not None}


def score_stance(
    pairs: Sequence[StancePair],
    outcomes: Sequence[Outcome[VerdictLike]],
    labels: Sequence[str],
    with_fnc_score: bool = False,
) -> Scored:
    excerpts: dict[str, str] = {}
    items = [_item(p, o, excerpts) for p, o in zip(pairs, outcomes, strict=True)]
    judged = [(i.expected, i.predicted) for i in items]
    matrix = confusion(judged, list(labels))
    metrics, per_label = label_metrics("status", matrix)
    grounded = total = 0
    for pair, outcome in zip(pairs, outcomes, strict=True):
        if outcome.value is not None:
            document = pair_document(pair)
            g, t = grounding_counts(list(outcome.value.sources), {document.id: document.text})
            grounded, total = grounded + g, total + t
    metrics["grounding.rate"] = ratio(grounded, total)
    metrics["status.overruled"] = sum(
        getattr(o.value, "overruled", None) is not None for o in outcomes if o.value is not None
    )
    if with_fnc_score:
        metrics["fnc.score_pct"] = fnc_score(judged)
    return Scored(items, metrics, per_label, matrix, documents=_documents(pairs))
