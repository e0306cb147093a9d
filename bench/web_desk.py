"""The web desk's speed: from request to rendered analysis in a real browser, and what the server
itself adds to each request.

1. In headless Chromium (the system's ``/usr/bin/chromium`` through Playwright), the seed article
   is analysed with the offline engine ROUNDS times: the page's own clock from the click on
   Analyse (the request leaves) to the article and claims being rendered, and the same span seen
   from the test driver.
2. Over HTTP on loopback (uvicorn, one connection), REQUESTS times each: ``POST /api/analyze`` of
   the seed against the SDK's own ``Assistant.analyze`` in-process (the difference is the
   server's overhead: HTTP, JSON parsing, the guard, serialisation), and ``GET /api/health``
   (a request that does no work at all).

Prints medians and 90th percentiles in milliseconds.

    python bench/web_desk.py [ROUNDS] [REQUESTS]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant, Document
from assistant.chat.history import History
from assistant.web import create_app
from assistant.web.server import Running, serve_in_thread
from tests.browser import CHROMIUM, FLAGS
from tests.conftest import SEED


def summary(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return (
        f"{name}: median {statistics.median(ordered):.1f} ms, p90 {p90:.1f} ms (n={len(ordered)})"
    )


def timed(action: Callable[[], object], count: int) -> list[float]:
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def browser_rounds(desk: Running, text: str, rounds: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    page_clock, driver_clock = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(desk.base_url + "/")
        page.wait_for_selector("#doc-inputs textarea")
        page.fill("#doc-inputs textarea", text)
        for n in range(1, rounds + 2):
            page.evaluate("document.getElementById('inputs').open = true")
            started = time.perf_counter()
            page.click("#analyze")
            page.wait_for_function(f"() => document.body.dataset.analysed === '{n}'")
            elapsed = (time.perf_counter() - started) * 1000
            if n > 1:  # the first round warms the page and the server up
                driver_clock.append(elapsed)
                page_clock.append(page.evaluate("window.claimdesk.timings.analyze.total_ms"))
        browser.close()
    return page_clock, driver_clock


def post(url: str, body: bytes) -> bytes:
    request = urllib.request.Request(url, body, {"content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        data: bytes = response.read()
        return data


def get(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        data: bytes = response.read()
        return data


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    text = SEED.read_text(encoding="utf-8")
    assistant = Assistant("offline")
    with tempfile.TemporaryDirectory() as home:
        app = create_app(assistant, history=lambda: History(Path(home) / "history.sqlite3"))
        desk = serve_in_thread(app)
        try:
            body = json.dumps({"documents": [{"text": text}]}).encode()
            post(desk.base_url + "/api/analyze", body)  # warm up
            over_http = timed(lambda: post(desk.base_url + "/api/analyze", body), requests)
            document = Document.from_text(text)
            in_process = timed(lambda: assistant.analyze(document), requests)
            health = timed(lambda: get(desk.base_url + "/api/health"), requests)
            page_clock, driver_clock = (
                browser_rounds(desk, text, rounds) if CHROMIUM.exists() else ([], [])
            )
        finally:
            desk.stop()
    print(f"seed article, offline engine ({len(text):,} characters)")
    if page_clock:
        print(summary("request to rendered analysis, page clock", page_clock))
        print(summary("click to rendered analysis, driver clock", driver_clock))
    else:
        print(f"request to rendered analysis: skipped (no Chromium at {CHROMIUM})")
    print(summary("POST /api/analyze over HTTP", over_http))
    print(summary("Assistant.analyze in process", in_process))
    overhead = statistics.median(over_http) - statistics.median(in_process)
    print(f"server overhead per analyze request (median difference): {overhead:.1f} ms")
    print(summary("GET /api/health (no work)", health))


if __name__ == "__main__":
    main()
