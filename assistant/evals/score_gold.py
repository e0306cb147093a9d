"""Score analyses of gold articles: claim matching, status, sources, non-claims, grounding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.claims import STATUSES, Analysis, Claim
from assistant.evals import matching
from assistant.evals.gold import GoldArticle, GoldClaim
from assistant.evals.metrics import (
    FAILED,
    NO_MATCH,
    chars,
    confusion,
    label_metrics,
    precision_recall_f1,
    ratio,
)
from assistant.evals.records import ItemResult, ReportDocument
from assistant.evals.runner import Outcome
from assistant.evals.scored import Scored, analysis_grounding, evidence_quotes, excerpt
from assistant.grounding import find_span
from assistant.textsim import similarity

NON_CLAIM_TEXT = 0.5
NON_CLAIM_SPAN = 0.5


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    status_pairs: list[tuple[str, str]] = field(default_factory=list)
    items: list[ItemResult] = field(default_factory=list)


def _spans(claim: Claim) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in claim.evidence]


def _gold_spans(article: GoldArticle, claim: GoldClaim) -> list[tuple[int, int]]:
    quotes = [q for s in claim.sources for q in s.quotes]
    return matching.quote_spans(article.text, quotes)


def match_claims(article: GoldArticle, predicted: Sequence[Claim]) -> dict[int, int]:
    """Gold claim index -> predicted claim index, one to one."""
    gold = article.record.claims
    gold_spans = [_gold_spans(article, g) for g in gold]

    def score(p: Claim, j: int) -> float:
        return matching.claim_score(p.text, _spans(p), gold[j].text, gold_spans[j])

    pairs = matching.assign(predicted, range(len(gold)), score, matching.CLAIM_THRESHOLD)
    return {j: i for i, j, _ in pairs}


def _source_pairs(gold: GoldClaim, predicted: Claim) -> list[tuple[int, int]]:
    """(predicted source index, gold source index) matched by name, one to one."""

    def score(p: int, g: int) -> float:
        return matching.name_similarity(predicted.sources[p].name, gold.sources[g].name)

    pairs = matching.assign(
        range(len(predicted.sources)), range(len(gold.sources)), score, matching.NAME_THRESHOLD
    )
    return [(i, j) for i, j, _ in pairs]


def _tally_sources(tally: Tally, gold: GoldClaim, predicted: Claim) -> None:
    pairs = _source_pairs(gold, predicted)
    tally.counts["sources.gold"] += len(gold.sources)
    tally.counts["sources.predicted"] += len(predicted.sources)
    tally.counts["sources.matched"] += len(pairs)
    for i, j in pairs:
        p, g = predicted.sources[i], gold.sources[j]
        tally.counts["sources.kind_ok"] += p.kind == g.kind
        tally.counts["sources.stance_ok"] += p.stance == g.stance
        tally.counts["sources.on_record_ok"] += p.on_record == g.on_record


def _source_problems(gold: GoldClaim, predicted: Claim) -> list[str]:
    """What the predicted sourcing gets wrong: gold sources not found, or found with another
    kind, stance or standing."""
    pairs = _source_pairs(gold, predicted)
    found = {j for _, j in pairs}
    problems = [f"missing source {g.name}" for j, g in enumerate(gold.sources) if j not in found]
    for i, j in pairs:
        p, g = predicted.sources[i], gold.sources[j]
        for field_name in ("kind", "stance", "on_record"):
            got, want = getattr(p, field_name), getattr(g, field_name)
            if got != want:
                problems.append(f"{g.name}: {field_name} {got}, expected {want}")
    return problems


def _claim_error(gold: GoldClaim, predicted: Claim | None, failed: str | None) -> tuple[str, str]:
    if failed:
        return "missed", f"the run failed: {failed}"
    if predicted is None:
        return "missed", "no predicted claim matches this gold claim"
    if predicted.status != gold.status:
        return "wrong status", predicted.status_reason
    problems = _source_problems(gold, predicted)
    return ("wrong source", "; ".join(problems)) if problems else ("", "")


def _claim_item(
    article: GoldArticle, gold: GoldClaim, predicted: Claim | None, failed: str | None
) -> ItemResult:
    spans = _gold_spans(article, gold)
    start, end = spans[0] if spans else (0, 0)
    shown = FAILED if failed else (predicted.status if predicted else NO_MATCH)
    error, error_detail = _claim_error(gold, predicted, failed)
    return ItemResult(
        id=f"{article.id}/{gold.id}",
        kind="claim",
        group=article.id,
        correct=predicted is not None and predicted.status == gold.status,
        expected=gold.status,
        predicted=shown,
        subject=gold.text,
        excerpt=excerpt(article.text, start, end),
        evidence=evidence_quotes(predicted.sources) if predicted else [],
        detail=(predicted.text + " — " + predicted.status_reason) if predicted else "",
        failure=failed,
        error=error,
        error_detail=error_detail,
        spans=_spans(predicted) if predicted else [],
        expected_spans=spans,
    )


def _hits_non_claim(claim: Claim, text: str, span: tuple[int, int] | None) -> bool:
    if similarity(claim.text, text) >= NON_CLAIM_TEXT:
        return True
    if span is None or span[1] <= span[0]:
        return False
    shared = chars(_spans(claim)) & chars([span])
    return len(shared) / (span[1] - span[0]) >= NON_CLAIM_SPAN


def _non_claim_items(
    tally: Tally, article: GoldArticle, extras: Sequence[Claim], failed: str | None
) -> None:
    """A non-claim is violated by a predicted claim matching no gold claim that restates it or
    quotes it as evidence (a claim about the text, matched to gold, is legitimate)."""
    for number, text in enumerate(article.record.non_claims, start=1):
        span = find_span(article.text, text)
        hits = [c for c in extras if _hits_non_claim(c, text, span)]
        tally.counts["non_claims"] += 1
        tally.counts["non_claims.rejected"] += not hits and not failed
        tally.items.append(
            ItemResult(
                id=f"{article.id}/non-claim-{number}",
                kind="non_claim",
                group=article.id,
                correct=not hits and not failed,
                expected="no claim",
                predicted=FAILED if failed else (hits[0].status if hits else "no claim"),
                subject=text,
                excerpt=excerpt(article.text, *(span or (0, 0))),
                detail=hits[0].text if hits else "",
                failure=failed,
                error="non-claim taken" if hits else ("failed run" if failed else ""),
                error_detail=f"claimed as: {hits[0].text}" if hits else "",
                spans=_spans(hits[0]) if hits else [],
                expected_spans=[span] if span else [],
            )
        )


def _extra_items(tally: Tally, article: GoldArticle, extras: Sequence[Claim]) -> None:
    for claim in extras:
        spans = _spans(claim)
        tally.items.append(
            ItemResult(
                id=f"{article.id}/extra/{claim.id}",
                kind="extra",
                group=article.id,
                correct=False,
                expected="no claim",
                predicted=claim.status,
                subject=claim.text,
                excerpt=excerpt(article.text, *(spans[0] if spans else (0, 0))),
                evidence=evidence_quotes(claim.sources),
                detail=claim.status_reason,
                error="extra",
                error_detail="no gold claim matches this predicted claim",
                spans=spans,
            )
        )


def _score_article(tally: Tally, article: GoldArticle, outcome: Outcome[Analysis]) -> None:
    analysis = outcome.value
    failed = outcome.failure.message if outcome.failure else None
    claims = analysis.claims if analysis else []
    matched = match_claims(article, claims)
    tally.counts["claims.predicted"] += len(claims)
    for j, gold in enumerate(article.record.claims):
        predicted = claims[matched[j]] if j in matched else None
        tally.counts[f"gold.{gold.status}"] += 1
        if predicted is not None:
            tally.counts[f"matched.{gold.status}"] += 1
            tally.status_pairs.append((gold.status, predicted.status))
            _tally_sources(tally, gold, predicted)
        tally.items.append(_claim_item(article, gold, predicted, failed))
    extras = [c for i, c in enumerate(claims) if i not in matched.values()]
    _non_claim_items(tally, article, extras, failed)
    _extra_items(tally, article, extras)
    if analysis is not None:
        grounded, total = analysis_grounding(analysis)
        tally.counts["quotes.grounded"] += grounded
        tally.counts["quotes"] += total
        tally.counts["claims.ungrounded"] += sum(c.ungrounded for c in claims)


def _metrics(t: Counter[str]) -> dict[str, float | None]:
    gold = sum(t[f"gold.{s}"] for s in STATUSES)
    matched = sum(t[f"matched.{s}"] for s in STATUSES)
    sources_matched = t["sources.matched"]
    metrics: dict[str, float | None] = {
        **precision_recall_f1("claims", matched, t["claims.predicted"], matched, gold),
        "claims.gold": gold,
        "claims.predicted": t["claims.predicted"],
        "claims.matched": matched,
        "claims.ungrounded": t["claims.ungrounded"],
        **precision_recall_f1(
            "sources", sources_matched, t["sources.predicted"], sources_matched, t["sources.gold"]
        ),
        "sources.kind_accuracy": ratio(t["sources.kind_ok"], t["sources.matched"]),
        "sources.stance_accuracy": ratio(t["sources.stance_ok"], t["sources.matched"]),
        "sources.on_record_accuracy": ratio(t["sources.on_record_ok"], t["sources.matched"]),
        "non_claims.rejected": ratio(t["non_claims.rejected"], t["non_claims"]),
        "grounding.rate": ratio(t["quotes.grounded"], t["quotes"]),
    }
    for status in STATUSES:
        metrics[f"claims.recall.{status}"] = ratio(t[f"matched.{status}"], t[f"gold.{status}"])
    return metrics


def score_gold(articles: Sequence[GoldArticle], outcomes: Sequence[Outcome[Analysis]]) -> Scored:
    tally = Tally()
    for article, outcome in zip(articles, outcomes, strict=True):
        _score_article(tally, article, outcome)
    matrix = confusion(tally.status_pairs, list(STATUSES))
    status_metrics, per_label = label_metrics("status", matrix)
    scored = Scored(tally.items, {**_metrics(tally.counts), **status_metrics}, per_label, matrix)
    scored.documents = {a.id: ReportDocument(title=a.record.title, text=a.text) for a in articles}
    return scored
