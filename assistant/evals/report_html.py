"""A single self-contained HTML report an editor reads in ten seconds.

A headline card (the gate's verdict and the numbers that matter, in plain words, the metric key
on hover), inline SVG charts, the comparison with a previous run, then every item grouped by
article with the article's text and its evidence marked at the reported offsets, filterable by
kind of error. No network: styles, charts and the small script are inline. Generic over data
sets: it shows what the report holds. All data is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from assistant.evals import formatting as fmt
from assistant.evals import svg_charts
from assistant.evals.compare import Comparison, Delta, Flip
from assistant.evals.errors_breakdown import breakdown, error_kind
from assistant.evals.highlight import highlighted
from assistant.evals.records import EvalReport, ItemResult
from assistant.evals.report_style import SCRIPT, STYLE


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _number(metric: str, title: str, shown: str, hint: str = "") -> str:
    tip = f"{metric}: {hint}" if hint else metric
    return (
        f'<div class="number" data-metric="{_e(metric)}" title="{_e(tip)}">'
        f"<dt>{_e(title)}</dt><dd>{_e(shown)}</dd></div>"
    )


def _metric_number(report: EvalReport, metric: str) -> str:
    value = report.metrics[metric]
    return _number(metric, fmt.name(metric), fmt.value(metric, value), fmt.explanation(metric))


def _claims_found(report: EvalReport) -> str:
    m = report.metrics
    found, gold = m.get("claims.matched"), m.get("claims.gold")
    if found is None or gold is None:
        return _metric_number(report, "claims.recall")
    hint = fmt.explanation("claims.recall") + f" ({fmt.value('claims.recall', m['claims.recall'])})"
    return _number("claims.recall", "Gold claims found", f"{found:.0f} of {gold:.0f}", hint)


def _overrules(report: EvalReport, metric: str) -> str:
    """Claims whose model status the rubric overruled (issue 9's count, whatever its key)."""
    value = report.metrics[metric]
    shown = "n/a" if value is None else (f"{value:.0f}" if value == int(value) else f"{value:.3f}")
    hint = "claims where the rubric overruled the status the model proposed"
    return _number(metric, "Overruled by the rubric", shown, hint)


def _gate(report: EvalReport) -> str:
    verdict = fmt.gate_verdict(report.gates)
    if not report.gates:
        text = "No gate set (--min-macro-f1, --min-denied-recall, --min-claim-recall)"
    else:
        text = f"Gate {verdict}: " + "; ".join(fmt.gate_line(g) for g in report.gates)
    return f'<p class="gate gate-{verdict.replace(" ", "-")}" id="gate">{_e(text)}</p>'


def _headline_numbers(report: EvalReport) -> list[str]:
    cells = []
    for metric in fmt.HEADLINE:
        if metric not in report.metrics:
            continue
        is_claims = metric == "claims.recall"
        cells.append(_claims_found(report) if is_claims else _metric_number(report, metric))
    cells += [_overrules(report, m) for m in report.metrics if "overrul" in m]
    meta = report.meta
    cells.append(_number("meta.model", "Model", f"{meta.model} ({meta.engine})"))
    cells.append(_number("meta.date", "Date", fmt.when(meta.date)))
    return cells


OPEN_FLIPS = 12
KIND_NAMES = {
    "claim": "gold claims",
    "pair": "pairs",
    "source": "gold sources",
    "non_claim": "non-claims",
    "extra": "extra predictions (matching nothing in the gold)",
}


def _kind_tally(kind: str, items: list[ItemResult]) -> str:
    counts: dict[str, int] = {}
    for item in items:
        key = error_kind(item) or "right"
        counts[key] = counts.get(key, 0) + 1
    label = KIND_NAMES.get(kind, kind)
    if kind == "extra":
        return f"{len(items)} {label}"
    parts = [f"{counts.pop('right', 0)} right", *(f"{n} {k}" for k, n in counts.items())]
    return f"{len(items)} {label}: " + ", ".join(parts)


def _error_summary(report: EvalReport) -> str:
    kinds: dict[str, list[ItemResult]] = {}
    for item in report.items:
        kinds.setdefault(item.kind, []).append(item)
    lines = "".join(f"<li>{_e(_kind_tally(k, items))}</li>" for k, items in kinds.items())
    return f'<ul class="tally" id="tally">{lines}</ul>'


def _headline(report: EvalReport) -> str:
    meta = report.meta
    run = f" · run {meta.run_id}" if meta.run_id else ""
    return (
        f'<header class="card" id="headline"><h1>claimdesk eval · {_e(meta.dataset)}</h1>'
        f'<p class="muted">{_e(fmt.header(meta))}<br>{_e(fmt.scope(meta))}{_e(run)}</p>'
        f"{_gate(report)}"
        f'<dl class="numbers">{"".join(_headline_numbers(report))}</dl>'
        f"{_error_summary(report)}</header>"
    )


def _figure(title: str, body: str, element_id: str) -> str:
    return f'<figure id="{element_id}"><figcaption>{_e(title)}</figcaption>{body}</figure>'


def _charts(report: EvalReport) -> str:
    figures = []
    if report.confusion is not None:
        figures.append(
            _figure(
                "Gold status (rows) vs predicted (columns)",
                svg_charts.confusion_heatmap(report.confusion),
                "chart-confusion",
            )
        )
    if report.per_label:
        figures.append(
            _figure(
                "Precision, recall, F1 per label",
                svg_charts.label_bars(report.per_label),
                "chart-labels",
            )
        )
    p50, p95 = report.metrics.get("latency.p50_s"), report.metrics.get("latency.p95_s")
    histogram = svg_charts.latency_histogram(report.latencies_s, p50, p95)
    figures.append(_figure("Latency per run", histogram, "chart-latency"))
    return f'<section class="charts">{"".join(figures)}</section>'


def _delta_row(delta: Delta) -> str:
    way = fmt.direction(delta.metric, delta.change)
    arrow = {"better": " ▲", "worse": " ▼"}.get(way, "")
    return (
        f'<tr class="delta {way}" data-metric="{_e(delta.metric)}">'
        f'<th title="{_e(delta.metric)}">{_e(fmt.name(delta.metric))}</th>'
        f'<td class="num">{_e(fmt.value(delta.metric, delta.before))}</td>'
        f'<td class="num">{_e(fmt.value(delta.metric, delta.after))}</td>'
        f'<td class="num change">{_e(fmt.change(delta.metric, delta.change))}{arrow}</td></tr>'
    )


def _delta_table(deltas: Iterable[Delta]) -> str:
    head = "<tr><th>metric</th><th>before</th><th>now</th><th>change</th></tr>"
    return f'<table class="deltas">{head}{"".join(_delta_row(d) for d in deltas)}</table>'


def _flip_rows(flips: list[Flip], titles: dict[str, str], way: str) -> str:
    rows = []
    for flip in flips:
        rows.append(
            f'<tr class="flip {way}"><td>{_e(titles.get(flip.group, flip.group))}</td>'
            f"<td>{_e(flip.subject)}<br><small>{_e(flip.id)}</small></td>"
            f"<td>{_e(flip.expected)}</td>"
            f'<td class="change">{_e(flip.before)} → {_e(flip.after)}</td></tr>'
        )
    head = "<tr><th>article</th><th>claim</th><th>gold</th><th>before → now</th></tr>"
    return f'<table class="flips">{head}{"".join(rows)}</table>'


def _article_list(flips: list[Flip], titles: dict[str, str]) -> str:
    counts: dict[str, int] = {}
    for flip in flips:
        counts[flip.group] = counts.get(flip.group, 0) + 1
    shown = [f"{titles.get(g, g)}" + (f" ({n})" if n > 1 else "") for g, n in counts.items()]
    return _e("; ".join(shown) or "–")


def _by_expected(comparison: Comparison, titles: dict[str, str]) -> str:
    rows = "".join(
        f'<tr data-expected="{_e(label)}"><th>{_e(label)}</th>'
        f'<td class="num worse">{len(worse)}</td><td class="num better">{len(better)}</td>'
        f'<td class="num">{len(changed)}</td>'
        f"<td>{_article_list(worse, titles)}</td><td>{_article_list(better, titles)}</td></tr>"
        for label, (worse, better, changed) in comparison.by_expected().items()
    )
    head = (
        "<tr><th>gold label</th><th>right → wrong</th><th>wrong → right</th>"
        "<th>still wrong, new answer</th><th>worse in</th><th>better in</th></tr>"
    )
    return f'<table class="by-expected" id="flips-by-label">{head}{rows}</table>' if rows else ""


def _flip_list(title: str, flips: list[Flip], titles: dict[str, str], element_id: str) -> str:
    way = {"flips-worse": "worse", "flips-better": "better"}.get(element_id, "")
    """The flips under a heading, folded when there are many."""
    state = " open" if len(flips) <= OPEN_FLIPS else ""
    return (
        f'<details id="{element_id}"{state}><summary><h3>{_e(title)} ({len(flips)})</h3></summary>'
        f"{_flip_rows(flips, titles, way)}</details>"
    )


def _coverage_warning(comparison: Comparison) -> str:
    covered = comparison.coverage
    if not covered.differs:
        return ""
    return (
        f'<p class="warning" id="coverage-warning">{_e(fmt.coverage_line(covered))}. '
        "On the items both runs scored:</p>" + _delta_table(comparison.shared_deltas)
    )


def _comparison(report: EvalReport, comparison: Comparison | None, show_all: bool) -> str:
    if comparison is None:
        return ""
    meta = comparison.previous.meta
    deltas = comparison.deltas if show_all else comparison.changed
    unchanged = len(comparison.deltas) - len(comparison.changed)
    note = "" if show_all or not unchanged else f"{unchanged} unchanged metrics not shown."
    titles = {g: d.title or g for g, d in report.documents.items()}
    worse = [f for f in comparison.flips if not f.now_correct]
    better = [f for f in comparison.flips if f.now_correct]
    return (
        f'<section id="comparison" class="card"><h2>Compared with {_e(comparison.previous_name)}'
        f'</h2><p class="muted">{_e(fmt.header(meta))}</p>{_coverage_warning(comparison)}'
        f"{_delta_table(deltas) if deltas else '<p>No metric changed.</p>'}"
        f'<p class="muted">{_e(note)}</p>'
        f"<h3>Flips by gold label</h3>{_by_expected(comparison, titles)}"
        f"{_flip_list('Right → wrong', worse, titles, 'flips-worse')}"
        f"{_flip_list('Wrong → right', better, titles, 'flips-better')}"
        f"{_flip_list('Still wrong, new answer', comparison.changes, titles, 'flips-changed')}"
        "</section>"
    )


def _filters(report: EvalReport) -> str:
    counts = breakdown(report)
    wrong = sum(1 for i in report.items if error_kind(i))
    buttons = [("all", f"All ({len(report.items)})"), ("errors", f"All errors ({wrong})")]
    buttons += [(kind, f"{kind.capitalize()} ({n})") for kind, n in counts.items()]
    html = "".join(
        f'<button type="button" data-filter="{_e(key)}" aria-pressed="{str(key == "all").lower()}">'
        f"{_e(label)}</button>"
        for key, label in buttons
    )
    return (
        f'<div class="filters" role="toolbar" aria-label="Filter items">{html}'
        f'<span id="shown-count" class="muted"></span></div>'
    )


def _quotes(item: ItemResult) -> str:
    if not item.evidence:
        return ""
    first = item.evidence[0]
    more = f" <small>+{len(item.evidence) - 1} more</small>" if len(item.evidence) > 1 else ""
    return f'<q title="{_e(" | ".join(item.evidence))}">{_e(first)}</q>{more}'


def _item(item: ItemResult) -> str:
    kind = error_kind(item)
    badge = f'<span class="badge {"bad" if kind else "ok"}">{_e(kind or "right")}</span>'
    why = item.failure or item.error_detail or (item.detail if kind == "wrong status" else "")
    return (
        f'<tr class="item" data-error="{_e(kind)}" data-id="{_e(item.id)}">'
        f"<td>{badge}</td>"
        f'<td class="subject" title="{_e(item.id)}">{_e(item.subject)}</td>'
        f'<td class="labels">{_e(item.expected)} → <b>{_e(item.predicted)}</b>'
        f"{f'<br><small>{_e(why)}</small>' if why else ''}</td>"
        f'<td class="evidence">{_quotes(item)}</td></tr>'
    )


def _groups(report: EvalReport) -> dict[str, list[ItemResult]]:
    groups: dict[str, list[ItemResult]] = {}
    for item in report.items:
        groups.setdefault(item.group, []).append(item)
    return groups


def _article_text(report: EvalReport, group: str, items: list[ItemResult]) -> str:
    document = report.documents.get(group)
    if document is None:
        return f'<p class="excerpt muted">{_e(items[0].excerpt)}</p>' if items else ""
    predicted = [s for i in items for s in i.spans]
    gold = [s for i in items for s in i.expected_spans]
    return (
        '<details class="text"><summary>Article text, evidence marked '
        '(<mark class="ev">model</mark>, <span class="gold">gold</span>)</summary>'
        f'<div class="doc">{highlighted(document.text, predicted, gold)}</div></details>'
    )


def _article(report: EvalReport, group: str, items: list[ItemResult]) -> str:
    document = report.documents.get(group)
    title = document.title if document and document.title else group
    wrong = sum(1 for i in items if error_kind(i))
    rows = "".join(_item(i) for i in items)
    return (
        f'<section class="article" data-group="{_e(group)}">'
        f'<h3>{_e(title)} <small class="muted">{len(items)} items · {wrong} with errors</small>'
        f"</h3>{_article_text(report, group, items)}"
        f'<table class="items"><tbody>{rows}</tbody></table></section>'
    )


def _items(report: EvalReport) -> str:
    articles = "".join(_article(report, g, items) for g, items in _groups(report).items())
    return f'<section id="items"><h2>Items by article</h2>{_filters(report)}{articles}</section>'


def _failures(report: EvalReport) -> str:
    if not report.failures:
        return ""
    items = "".join(f"<li>{_e(f.id)}: {_e(f.kind)}: {_e(f.message)}</li>" for f in report.failures)
    heading = f"<h2>Failed runs ({len(report.failures)})</h2>"
    return f'<section class="card warning">{heading}<ul>{items}</ul></section>'


def _all_metrics(report: EvalReport) -> str:
    rows = "".join(
        f'<tr><th title="{_e(m)}">{_e(fmt.name(m))}</th><td><code>{_e(m)}</code></td>'
        f'<td class="num">{_e(fmt.value(m, v))}</td></tr>'
        for m, v in report.metrics.items()
    )
    return (
        f'<details id="all-metrics"><summary>Every metric ({len(report.metrics)})</summary>'
        f'<table class="metrics">{rows}</table></details>'
    )


def html_report(
    report: EvalReport, comparison: Comparison | None = None, *, show_all: bool = False
) -> str:
    title = f"claimdesk eval: {report.meta.dataset}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<style>{STYLE}</style></head><body>",
        _headline(report),
        _comparison(report, comparison, show_all),
        _charts(report),
        _failures(report),
        _items(report),
        _all_metrics(report),
        f"<script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
