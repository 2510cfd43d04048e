"""Time from opening a link to every chart drawn, in headless Chromium: median per page.

    .venv/bin/python bench/bench_browser.py [--repeats 5]

Uses the browser tests' harness (Debian's /usr/bin/chromium, software-drawn 3-D) against
a fresh server, and the bare page (bench/bare.py: one surface, one line) as the floor.
Each sample opens the page in a new tab on a warm server and waits until the script
has finished and every Plotly chart on the page has drawn its SVG. Reported in the
README, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_load import server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM_FLAGS, Server, wait_for_app  # noqa: E402
from ui import navigation  # noqa: E402

ALL_DRAWN = """() => {
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  return charts.length > 0 && charts.every(c => c.querySelector('.main-svg'));
}"""


def time_page(browser, url: str, repeats: int) -> float:
    samples = []
    for i in range(repeats + 1):
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        start = time.perf_counter()
        page.goto(url)
        wait_for_app(page, charts=False)
        page.wait_for_function(ALL_DRAWN, timeout=120_000)
        if i:  # the first visit warms the server's caches
            samples.append(time.perf_counter() - start - 0.5)  # wait_for_app sleeps 0.5 s
        page.close()
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS
        )
        with server("bench/bare.py") as (base, _):
            rows.append(("bare page (floor)", time_page(browser, base, args.repeats)))
        app = Server()
        try:
            for concept in navigation.PAGES:
                url = f"{app.url}/{concept.url_path}?lang=en"
                rows.append((concept.url_path or "home", time_page(browser, url, args.repeats)))
        finally:
            app.stop()
        browser.close()
    print(f"open a link → every chart drawn, headless Chromium, median of {args.repeats}")
    for name, seconds in rows:
        print(f"  {name:<22} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
