"""The Markdown summary printed on stdout after every eval run."""

from __future__ import annotations

from assistant.evals import formatting as fmt
from assistant.evals.compare import Comparison
from assistant.evals.records import Confusion, EvalReport, LabelScore

MAX_LISTED = 50


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _metrics(report: EvalReport) -> list[str]:
    lines = ["| metric | value |", "|---|---:|"]
    lines += [f"| {m} | {fmt.value(m, v)} |" for m, v in report.metrics.items()]
    return lines


def _labels(scores: list[LabelScore]) -> list[str]:
    lines = ["| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    for s in scores:
        cells = [fmt.value("", x) for x in (s.precision, s.recall, s.f1)]
        lines.append(f"| {s.label} | {' | '.join(cells)} | {s.support} |")
    return lines


def _confusion(matrix: Confusion) -> list[str]:
    lines = [
        "| expected ↓ / predicted → | " + " | ".join(matrix.columns) + " |",
        "|---|" + "---:|" * len(matrix.columns),
    ]
    for label, row in zip(matrix.rows, matrix.counts, strict=True):
        lines.append(f"| {label} | " + " | ".join(map(str, row)) + " |")
    return lines


def _listed(ids: list[str]) -> list[str]:
    shown = [f"- {_cell(i)}" for i in ids[:MAX_LISTED]]
    if len(ids) > MAX_LISTED:
        shown.append(f"- … and {len(ids) - MAX_LISTED} more (see --json)")
    return shown


def _comparison(comparison: Comparison) -> list[str]:
    meta = comparison.previous.meta
    lines = [
        "",
        f"## Compared with {meta.model} ({meta.engine}, prompt {meta.prompt_version}, {meta.date})",
        "",
        "| metric | before | after | change |",
        "|---|---:|---:|---:|",
    ]
    for d in comparison.deltas:
        before, after = fmt.value(d.metric, d.before), fmt.value(d.metric, d.after)
        lines.append(f"| {d.metric} | {before} | {after} | {fmt.change(d.metric, d.change)} |")
    lines += ["", f"Right → wrong ({len(comparison.right_to_wrong)}):"]
    lines += _listed(comparison.right_to_wrong)
    lines += ["", f"Wrong → right ({len(comparison.wrong_to_right)}):"]
    lines += _listed(comparison.wrong_to_right)
    return lines


def markdown(report: EvalReport, comparison: Comparison | None = None) -> str:
    meta = report.meta
    lines = [f"# claimdesk eval: {meta.dataset}", "", fmt.header(meta), "", fmt.scope(meta), ""]
    lines += [f"{fmt.wrong_items(report)} of {len(report.items)} scored items wrong.", ""]
    lines += _metrics(report)
    if report.per_label:
        lines += ["", "## Per label", "", *_labels(report.per_label)]
    if report.confusion:
        lines += ["", "## Confusion matrix", "", *_confusion(report.confusion)]
    if report.failures:
        lines += ["", f"## Failed runs ({len(report.failures)})", ""]
        lines += _listed([f"{f.id}: {f.kind}: {f.message}" for f in report.failures])
    if comparison is not None:
        lines += _comparison(comparison)
    return "\n".join(lines) + "\n"
