"""The HTML eval report rendered in real headless Chromium: the headline card fits the first
screen, the charts are SVG with the report's numbers, the filters change the visible rows, the
evidence is marked at its offsets, dark and print styles apply, and the console stays clean."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assistant.evals.errors_breakdown import breakdown
from assistant.evals.records import EvalReport

VIEWPORT = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Rendered:
    report: EvalReport
    page: Path


def _claimdesk(*argv: str) -> None:
    """The real command, in its own process (Playwright's sync API owns this one's event loop)."""
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *argv], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The offline engine on the shipped gold set, compared with a run over 10 articles."""
    folder = tmp_path_factory.mktemp("report")
    before, after, page = folder / "before.json", folder / "after.json", folder / "report.html"
    common = ["eval", "gold", "--model", "offline", "-q", "--no-log"]
    _claimdesk(*common, "--limit", "10", "--json", str(before))
    gates = ["--min-macro-f1", "0.5", "--min-denied-recall", "0.5"]
    _claimdesk(
        *common, *gates, "--compare", str(before), "--json", str(after), "--report", str(page)
    )
    return Rendered(EvalReport.model_validate_json(after.read_text(encoding="utf-8")), page)


@pytest.fixture
def page(chromium: Any, rendered: Rendered) -> Iterator[Any]:
    context = chromium.new_context(viewport=VIEWPORT)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(str(e)))
    opened.goto(rendered.page.as_uri())
    yield opened
    context.close()
    assert problems == []  # no console errors


def test_headline_card_is_on_the_first_screen(page: Any, rendered: Rendered) -> None:
    box = page.locator("#headline").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"]
    numbers = page.locator("#headline .number")
    shown = {n.get_attribute("data-metric"): n.inner_text() for n in numbers.all()}
    metrics = rendered.report.metrics
    assert shown["status.macro_f1"] == f"Status macro-F1\n{metrics['status.macro_f1']:.3f}"
    assert shown["status.recall.denied"].endswith(f"{metrics['status.recall.denied']:.3f}")
    assert shown["grounding.rate"].endswith(f"{metrics['grounding.rate']:.3f}")
    found = f"{metrics['claims.matched']:.0f} of {metrics['claims.gold']:.0f}"
    assert shown["claims.recall"] == f"Gold claims found\n{found}"
    assert {"usage.cost_usd", "meta.model", "meta.date"} <= shown.keys()
    hover = page.locator('#headline .number[data-metric="status.recall.denied"]')
    assert hover.get_attribute("title").startswith("status.recall.denied: ")
    assert page.locator("#gate").inner_text().startswith("Gate passed: status macro-F1 ")
    for number in numbers.all():
        number_box = number.bounding_box()
        assert number_box["y"] + number_box["height"] <= VIEWPORT["height"]


def test_confusion_heatmap_shows_the_counts(page: Any, rendered: Rendered) -> None:
    matrix = rendered.report.confusion
    assert matrix is not None
    cells = page.locator("#chart-confusion svg g.cell")
    drawn = [int(c.locator("text").text_content()) for c in cells.all()]
    assert drawn == [n for row in matrix.counts for n in row]
    assert page.locator("#chart-confusion svg").bounding_box()["width"] > 100


def test_label_bars_show_precision_recall_f1(page: Any, rendered: Rendered) -> None:
    for score in rendered.report.per_label:
        for measure, value in (("P", score.precision), ("R", score.recall), ("F1", score.f1)):
            bar = page.locator(
                f'#chart-labels g.bar[data-label="{score.label}"][data-measure="{measure}"]'
            )
            assert bar.locator("text.value").text_content() == f"{value:.3f}"
            width = bar.locator("rect.fill").bounding_box()["width"]
            track = bar.locator("rect.track").bounding_box()["width"]
            assert width == pytest.approx(track * (value or 0.0), abs=1.5)


def test_latency_histogram_counts_every_run(page: Any, rendered: Rendered) -> None:
    bins = page.locator("#chart-latency svg g.bin")
    total = sum(int(b.get_attribute("data-count")) for b in bins.all())
    assert total == len(rendered.report.latencies_s) > 0


def _visible_rows(page: Any) -> int:
    return int(page.evaluate("document.querySelectorAll('tr.item:not([hidden])').length"))


def test_filters_change_the_visible_rows(page: Any, rendered: Rendered) -> None:
    counts = breakdown(rendered.report)
    assert _visible_rows(page) == len(rendered.report.items)
    for kind in ("missed", "extra", "wrong status", "wrong source"):
        page.locator(f'.filters button[data-filter="{kind}"]').click()
        assert _visible_rows(page) == counts[kind]
        kinds = page.evaluate(
            "[...document.querySelectorAll('tr.item:not([hidden])')].map(r => r.dataset.error)"
        )
        assert set(kinds) == {kind}
        assert (
            page.locator(f'.filters button[data-filter="{kind}"]').get_attribute("aria-pressed")
            == "true"
        )
        assert page.locator("#shown-count").inner_text() == (
            f"showing {counts[kind]} of {len(rendered.report.items)} items"
        )
    hidden_articles = page.locator("section.article[hidden]").count()
    assert hidden_articles > 0  # articles with no row of this kind are folded away
    page.locator('.filters button[data-filter="all"]').click()
    assert _visible_rows(page) == len(rendered.report.items)
    assert page.locator("section.article[hidden]").count() == 0


def test_evidence_is_marked_at_the_reported_offsets(page: Any, rendered: Rendered) -> None:
    report = rendered.report
    item = next(i for i in report.items if i.kind == "claim" and i.spans)
    text = report.documents[item.group].text
    article = page.locator(f'section.article[data-group="{item.group}"]')
    article.locator("details.text summary").click()
    start, end = item.spans[0]
    mark = article.locator(f'mark.ev[data-start="{start}"]')
    assert mark.is_visible()
    assert text[start:end].startswith(mark.text_content())
    assert article.locator(".doc").text_content() == text  # marks add no text


def test_comparison_shows_direction_flips_and_coverage(page: Any, rendered: Rendered) -> None:
    assert (
        "(articles or groups: 10 in both, 0 only before, 20 only now)"
        in page.locator("#coverage-warning").inner_text()
    )
    rows = page.locator("#comparison table.deltas").first.locator("tr.delta")
    assert rows.count() > 0
    for row in rows.all():
        classes = row.get_attribute("class").split()
        change = row.locator("td.change").text_content()
        colour = row.locator("td.change").evaluate("e => getComputedStyle(e).color")
        if "worse" in classes:
            assert change.endswith("▼") and colour == "rgb(192, 40, 45)"
        if "better" in classes:
            assert change.endswith("▲") and colour == "rgb(23, 128, 61)"


def test_dark_theme_and_print_layout(page: Any) -> None:
    background = "getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(251, 251, 252)"
    page.emulate_media(color_scheme="dark")
    assert page.evaluate(background) == "rgb(20, 23, 28)"
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(230, 233, 239)"
    page.locator('.filters button[data-filter="missed"]').click()
    page.emulate_media(media="print", color_scheme="light")
    assert page.locator(".filters").is_hidden()
    assert page.locator("tr.item[hidden]").first.is_visible()  # print shows every row
    assert page.pdf()[:4] == b"%PDF"
