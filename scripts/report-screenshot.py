#!/usr/bin/env python
"""Screenshot the HTML eval report in headless Chromium, for the README and docs/evals.md.

    scripts/report-screenshot.py                          # docs/img/eval-report.png
    scripts/report-screenshot.py --compare LAST.json --section comparison \\
        --out docs/img/eval-compare.png

Runs ``claimdesk eval gold --model offline`` with the CI gate (nothing saved to the run history), opens the
report at 1280x800 and saves the first screen, or the named section (``comparison``,
``items``) with the "missed" filter applied for ``items``. Needs Playwright for Python and
Debian's chromium (see tests/browser.py); never downloads a browser.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser import chromium, unavailable  # noqa: E402

VIEWPORT = {"width": 1280, "height": 800}
GATES = ["--min-macro-f1", "0.78", "--min-denied-recall", "0.56"]  # the gate .ci/run holds


def _report(folder: Path, compare: str | None) -> Path:
    page = folder / "report.html"
    argv = [sys.executable, "-m", "assistant", "eval", "gold", "--model", "offline", "-q"]
    argv += ["--no-log", "--report", str(page), *GATES]
    argv += ["--compare", compare] if compare else []
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=folder)
    return page


def _shoot(page_path: Path, out: Path, section: str | None, dark: bool) -> None:
    with chromium() as browser:
        context = browser.new_context(
            viewport=VIEWPORT, color_scheme="dark" if dark else "light", device_scale_factor=1
        )
        page = context.new_page()
        page.goto(page_path.as_uri())
        if section == "items":
            page.locator('.filters button[data-filter="missed"]').click()
        if section:
            page.locator(f"#{section}").screenshot(path=str(out))
        else:
            page.screenshot(path=str(out))
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "img" / "eval-report.png"))
    parser.add_argument("--compare", help="a --json report to compare with")
    parser.add_argument("--section", choices=["comparison", "items"], help="shoot one section")
    parser.add_argument("--dark", action="store_true", help="the dark theme")
    args = parser.parse_args()
    reason = unavailable()
    if reason:
        print(f"report-screenshot: {reason}", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    compare = str(Path(args.compare).resolve()) if args.compare else None
    with tempfile.TemporaryDirectory() as folder:
        _shoot(_report(Path(folder), compare), out, args.section, args.dark)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
