"""The Markdown summary printed on stdout after every eval run (coloured on a terminal)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.evals import formatting as fmt
from assistant.evals.compare import Comparison, Delta, Flip
from assistant.evals.errors_breakdown import breakdown
from assistant.evals.records import Confusion, EvalReport, LabelScore

MAX_LISTED = 50
COLOURS = {"better": "\x1b[32m", "worse": "\x1b[31m"}
RESET = "\x1b[0m"
ARROWS = {"better": " ▲ better", "worse": " ▼ worse", "": ""}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _headline(report: EvalReport) -> list[str]:
    lines = [f"Gate: {fmt.gate_verdict(report.gates)}"]
    lines += [f"  {fmt.gate_line(g)}" for g in report.gates]
    for metric in fmt.HEADLINE:
        if metric in report.metrics:
            shown = fmt.value(metric, report.metrics[metric])
            lines.append(f"{fmt.name(metric)}: {shown} ({metric})")
    return lines


def _errors(report: EvalReport) -> list[str]:
    counts = breakdown(report)
    if not counts:
        return ["No errors."]
    return ["Errors: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + "."]


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


def _listed(lines: list[str]) -> list[str]:
    shown = lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        shown.append(f"- … and {len(lines) - MAX_LISTED} more (see --report or --json)")
    return shown


def _change(delta: Delta, colour: bool) -> str:
    text = fmt.change(delta.metric, delta.change)
    way = fmt.direction(delta.metric, delta.change)
    text += ARROWS[way]
    return f"{COLOURS[way]}{text}{RESET}" if colour and way else text


def _delta_rows(deltas: Sequence[Delta], colour: bool) -> list[str]:
    lines = ["| metric | before | after | change |", "|---|---:|---:|---:|"]
    for d in deltas:
        before, after = fmt.value(d.metric, d.before), fmt.value(d.metric, d.after)
        lines.append(f"| {d.metric} | {before} | {after} | {_change(d, colour)} |")
    return lines


def _flip(flip: Flip) -> str:
    return (
        f"- {flip.id} ({flip.group}): {_cell(flip.subject)} — {flip.before} -> {flip.after} "
        f"(gold {flip.expected})"
    )


def _articles(flips: list[Flip]) -> str:
    counts: dict[str, int] = {}
    for flip in flips:
        counts[flip.group] = counts.get(flip.group, 0) + 1
    return ", ".join(f"{g} ({n})" if n > 1 else g for g, n in counts.items()) or "-"


def _by_expected(comparison: Comparison) -> list[str]:
    """Flips per gold label, with the articles they sit in."""
    table = comparison.by_expected()
    if not table:
        return []
    lines = [
        "",
        "| gold label | right -> wrong | wrong -> right | still wrong, new answer | worse in "
        "| better in |",
        "|---|---:|---:|---:|---|---|",
    ]
    for label, (worse, better, changed) in table.items():
        lines.append(
            f"| {label} | {len(worse)} | {len(better)} | {len(changed)} "
            f"| {_cell(_articles(worse))} | {_cell(_articles(better))} |"
        )
    return lines


def _coverage(comparison: Comparison, colour: bool) -> list[str]:
    covered = comparison.coverage
    if not covered.differs:
        return []
    lines = [
        "",
        f"Warning: {fmt.coverage_line(covered)}. Numbers on the items both runs scored:",
        "",
    ]
    return lines + _delta_rows(comparison.shared_deltas, colour)


def _comparison(comparison: Comparison, show_all: bool, colour: bool) -> list[str]:
    meta = comparison.previous.meta
    deltas = comparison.deltas if show_all else comparison.changed
    lines = [
        "",
        f"## Compared with {comparison.previous_name}: {meta.model} ({meta.engine}, "
        f"prompt {meta.prompt_version}, {meta.date})",
        *_coverage(comparison, colour),
        "",
    ]
    if deltas:
        unchanged = len(comparison.deltas) - len(deltas)
        lines += _delta_rows(deltas, colour)
        lines += [f"\n{unchanged} metrics unchanged (--all shows every one)."] if unchanged else []
    else:
        lines.append("No metric changed.")
    lines += _by_expected(comparison)
    worse = [f for f in comparison.flips if not f.now_correct]
    better = [f for f in comparison.flips if f.now_correct]
    lines += ["", f"Right -> wrong ({len(worse)}):", *_listed([_flip(f) for f in worse])]
    lines += ["", f"Wrong -> right ({len(better)}):", *_listed([_flip(f) for f in better])]
    changed = [_flip(f) for f in comparison.changes]
    lines += ["", f"Still wrong, new answer ({len(changed)}):", *_listed(changed)]
    return lines


def markdown(
    report: EvalReport,
    comparison: Comparison | None = None,
    *,
    show_all: bool = False,
    colour: bool = False,
) -> str:
    meta = report.meta
    lines = [f"# claimdesk eval: {meta.dataset}", "", fmt.header(meta), "", fmt.scope(meta), ""]
    lines += [*_headline(report), "", *_errors(report), ""]
    lines += _metrics(report)
    if report.per_label:
        lines += ["", "## Per label", "", *_labels(report.per_label)]
    if report.confusion:
        lines += ["", "## Confusion matrix", "", *_confusion(report.confusion)]
    if report.failures:
        lines += ["", f"## Failed runs ({len(report.failures)})", ""]
        lines += _listed([f"- {f.id}: {f.kind}: {_cell(f.message)}" for f in report.failures])
    if comparison is not None:
        lines += _comparison(comparison, show_all, colour)
    return "\n".join(lines) + "\n"
