"""A single self-contained HTML report: summary, per-label table, confusion matrix and every
item, with a toggle that shows only the wrong ones. All data is HTML-escaped."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from assistant.evals import formatting as fmt
from assistant.evals.compare import Comparison
from assistant.evals.records import Confusion, EvalReport, ItemResult, LabelScore

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
td.num{text-align:right}
tr.wrong td.verdict{background:#fde2e1}
tr.right td.verdict{background:#e3f6e3}
body.only-failures tr.right{display:none}
.excerpt{max-width:36em;color:#555}
blockquote{margin:.2em 0;padding-left:.6em;border-left:3px solid #bbb}
"""
SCRIPT = """
document.getElementById('only-failures').addEventListener('change', function (event) {
  document.body.classList.toggle('only-failures', event.target.checked);
});
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _row(cells: Iterable[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


def _metrics(report: EvalReport) -> str:
    rows = [_row(["metric", "value"], "th")]
    rows += [_row([_e(m), _e(fmt.value(m, v))]) for m, v in report.metrics.items()]
    return "<h2>Summary</h2><table>" + "".join(rows) + "</table>"


def _labels(scores: list[LabelScore]) -> str:
    rows = [_row(["label", "precision", "recall", "F1", "support"], "th")]
    for s in scores:
        values = [fmt.value("", x) for x in (s.precision, s.recall, s.f1)]
        rows.append(_row([_e(s.label), *map(_e, values), str(s.support)]))
    return "<h2>Per label</h2><table>" + "".join(rows) + "</table>"


def _confusion(matrix: Confusion) -> str:
    rows = [_row(["expected ↓ / predicted →", *map(_e, matrix.columns)], "th")]
    for label, counts in zip(matrix.rows, matrix.counts, strict=True):
        rows.append(_row([f"<b>{_e(label)}</b>", *map(str, counts)]))
    return "<h2>Confusion matrix</h2><table>" + "".join(rows) + "</table>"


def _failures(report: EvalReport) -> str:
    if not report.failures:
        return ""
    items = "".join(f"<li>{_e(f.id)}: {_e(f.kind)}: {_e(f.message)}</li>" for f in report.failures)
    return f"<h2>Failed runs ({len(report.failures)})</h2><ul>{items}</ul>"


def _comparison(comparison: Comparison | None) -> str:
    if comparison is None:
        return ""
    meta = comparison.previous.meta
    rows = [_row(["metric", "before", "after", "change"], "th")]
    for d in comparison.deltas:
        cells = [fmt.value(d.metric, d.before), fmt.value(d.metric, d.after)]
        rows.append(_row([_e(d.metric), *map(_e, cells), _e(fmt.change(d.metric, d.change))]))
    worse = "".join(f"<li>{_e(i)}</li>" for i in comparison.right_to_wrong)
    better = "".join(f"<li>{_e(i)}</li>" for i in comparison.wrong_to_right)
    return (
        f"<h2>Compared with {_e(fmt.header(meta))}</h2><table>{''.join(rows)}</table>"
        f"<h3>Right → wrong ({len(comparison.right_to_wrong)})</h3><ul>{worse}</ul>"
        f"<h3>Wrong → right ({len(comparison.wrong_to_right)})</h3><ul>{better}</ul>"
    )


def _item(item: ItemResult) -> str:
    evidence = "".join(f"<blockquote>{_e(q)}</blockquote>" for q in item.evidence)
    detail = f"<div>{_e(item.detail)}</div>" if item.detail else ""
    failure = f"<div><b>failed:</b> {_e(item.failure)}</div>" if item.failure else ""
    state = "right" if item.correct else "wrong"
    return (
        f'<tr class="{state}"><td>{_e(item.id)}<br><small>{_e(item.kind)}</small></td>'
        f"<td>{_e(item.subject)}</td><td>{_e(item.expected)}</td>"
        f'<td class="verdict">{_e(item.predicted)}{failure}</td>'
        f'<td>{evidence}{detail}</td><td class="excerpt">{_e(item.excerpt)}</td></tr>'
    )


def _items(report: EvalReport) -> str:
    head = _row(["item", "claim / source", "expected", "predicted", "evidence", "excerpt"], "th")
    toggle = (
        '<label><input type="checkbox" id="only-failures"> show only wrong items '
        f"({fmt.wrong_items(report)} of {len(report.items)})</label>"
    )
    body = "".join(_item(i) for i in report.items)
    return f"<h2>Items</h2>{toggle}<table>{head}{body}</table>"


def html_report(report: EvalReport, comparison: Comparison | None = None) -> str:
    meta = report.meta
    title = f"claimdesk eval: {meta.dataset}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>',
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1><p>{_e(fmt.header(meta))}</p><p>{_e(fmt.scope(meta))}</p>",
        _metrics(report),
        _labels(report.per_label) if report.per_label else "",
        _confusion(report.confusion) if report.confusion else "",
        _failures(report),
        _comparison(comparison),
        _items(report),
        f"<script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
