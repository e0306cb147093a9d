"""Inline SVG charts for the HTML report: confusion heat map, per-label bars, latency histogram.

Plain SVG strings, no scripts and nothing fetched; colours come from the page's CSS variables so
the charts follow the light and dark themes. Every number drawn is also in a <title> tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from assistant.evals.records import Confusion, LabelScore

CELL, LABEL_W, HEAD_H = 54, 112, 74
BAR_W, BAR_H, BAR_GAP, BAR_LABEL_W = 220, 11, 3, 132
BINS = 12


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _svg(width: int, height: int, label: str, body: str) -> str:
    return (
        f'<svg class="chart" role="img" aria-label="{_e(label)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{_e(label)}</title>{body}</svg>"
    )


def _heat_cell(x: int, y: int, count: int, peak: int, on_diagonal: bool, tip: str) -> str:
    share = count / peak if peak else 0.0
    kind = "hit" if on_diagonal else "miss"
    return (
        f'<g class="cell" data-count="{count}"><title>{_e(tip)}</title>'
        f'<rect x="{x}" y="{y}" width="{CELL - 2}" height="{CELL - 2}" rx="3" '
        f'class="heat {kind}" fill-opacity="{0.08 + 0.85 * share:.3f}"/>'
        f'<text x="{x + CELL / 2 - 1:.0f}" y="{y + CELL / 2 + 4:.0f}" text-anchor="middle" '
        f'class="count{" strong" if share > 0.55 else ""}">{count}</text></g>'
    )


def confusion_heatmap(matrix: Confusion) -> str:
    """Rows: expected labels; columns: predicted labels; darker = more items."""
    peak = max((c for row in matrix.counts for c in row), default=0)
    parts = []
    for j, column in enumerate(matrix.columns):
        x = LABEL_W + j * CELL + CELL // 2
        parts.append(
            f'<text x="{x}" y="{HEAD_H - 8}" transform="rotate(-35 {x} {HEAD_H - 8})" '
            f'class="axis">{_e(column)}</text>'
        )
    for i, (label, row) in enumerate(zip(matrix.rows, matrix.counts, strict=True)):
        y = HEAD_H + i * CELL
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y + CELL // 2 + 4}" text-anchor="end" '
            f'class="axis">{_e(label)}</text>'
        )
        for j, count in enumerate(row):
            column = matrix.columns[j]
            tip = f"gold {label}, predicted {column}: {count}"
            parts.append(_heat_cell(LABEL_W + j * CELL, y, count, peak, column == label, tip))
    width = LABEL_W + CELL * len(matrix.columns) + 60
    height = HEAD_H + CELL * len(matrix.rows) + 4
    return _svg(
        width, height, "Confusion matrix: gold status by row, predicted by column", "".join(parts)
    )


def _bar(y: int, measure: str, value: float | None, label: str) -> str:
    shown = "n/a" if value is None else f"{value:.3f}"
    width = 0 if value is None else round(BAR_W * value)
    return (
        f'<g class="bar" data-label="{_e(label)}" data-measure="{measure}" data-value="{shown}">'
        f"<title>{_e(label)} {measure}: {shown}</title>"
        f'<rect x="{BAR_LABEL_W}" y="{y}" width="{BAR_W}" height="{BAR_H}" class="track"/>'
        f'<rect x="{BAR_LABEL_W}" y="{y}" width="{width}" height="{BAR_H}" class="fill {measure}"/>'
        f'<text x="{BAR_LABEL_W - 6}" y="{y + BAR_H - 2}" text-anchor="end" class="measure">'
        f"{measure}</text>"
        f'<text x="{BAR_LABEL_W + BAR_W + 6}" y="{y + BAR_H - 2}" class="value">{shown}</text></g>'
    )


def label_bars(scores: Sequence[LabelScore]) -> str:
    """Precision, recall and F1 per label, as bars from 0 to 1."""
    group_h = 3 * (BAR_H + BAR_GAP) + 22
    parts = []
    for n, score in enumerate(scores):
        top = n * group_h + 14
        parts.append(
            f'<text x="0" y="{top + 10}" class="axis strong">{_e(score.label)}</text>'
            f'<text x="0" y="{top + 24}" class="axis">{score.support} in gold</text>'
        )
        for k, (measure, value) in enumerate(
            (("P", score.precision), ("R", score.recall), ("F1", score.f1))
        ):
            parts.append(_bar(top + k * (BAR_H + BAR_GAP), measure, value, score.label))
    height = len(scores) * group_h + 10
    label = "Precision, recall and F1 per label"
    return _svg(BAR_LABEL_W + BAR_W + 52, height, label, "".join(parts))


def _bins(values: Sequence[float]) -> tuple[float, list[int]]:
    """(bin width, counts) over 0..max."""
    top = max(values)
    width = top / BINS if top > 0 else 1.0
    counts = [0] * BINS
    for value in values:
        counts[min(BINS - 1, int(value / width))] += 1
    return width, counts


def latency_histogram(values: Sequence[float], p50: float | None, p95: float | None) -> str:
    """How long each article or pair took, model calls only."""
    if not values:
        return '<p class="muted">No model calls: every answer came from the cache.</p>'
    width, counts = _bins(values)
    plot_w, plot_h, left, top = 300, 120, 34, 34
    peak = max(counts)
    step = plot_w / BINS
    parts = []
    for n, count in enumerate(counts):
        h = round(plot_h * count / peak)
        low, high = n * width, (n + 1) * width
        parts.append(
            f'<g class="bin" data-count="{count}"><title>{low:.2f}–{high:.2f} s: {count}</title>'
            f'<rect x="{left + n * step + 1:.1f}" y="{top + plot_h - h}" width="{step - 2:.1f}" '
            f'height="{h}" class="fill hist"/></g>'
        )
    for row, (name, mark) in enumerate((("p50", p50), ("p95", p95))):
        if mark is not None:
            x = left + plot_w * min(mark / (width * BINS), 1.0)
            y = 12 + 14 * row
            anchor = "end" if x > left + plot_w / 2 else "start"
            shift = -3 if anchor == "end" else 3
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + plot_h}" class="marker"/>'
                f'<text x="{x + shift:.1f}" y="{y}" text-anchor="{anchor}" class="axis">'
                f"{name} {mark:.2f} s</text>"
            )
    parts.append(
        f'<text x="{left}" y="{top + plot_h + 16}" class="axis">0 s</text>'
        f'<text x="{left + plot_w}" y="{top + plot_h + 16}" text-anchor="end" class="axis">'
        f"{width * BINS:.2f} s</text>"
        f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" class="axis">{peak}</text>'
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" '
        'class="baseline"/>'
    )
    label = f"Latency of {len(values)} model-answered runs"
    return _svg(left + plot_w + 10, top + plot_h + 24, label, "".join(parts))
