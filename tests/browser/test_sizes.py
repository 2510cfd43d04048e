"""Projector and phone sizes: pages read at 1280×720, 1024×768, 1920×1080 and 390×844.

``make test`` checks two pages at the projector and HD sizes in both languages; ``make
screenshots`` sets ``ALL_SIZES=1`` and checks every page, phones included (the full matrix). Each view must show no error,
no formula wider than its box (KaTeX would cut it or need sideways scrolling), no
page wider than the window, and every chart title inside its chart.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import app_errors, full_screenshot, wait_for_app
from tests.browser.test_browser import SCREENSHOTS, page_url
from ui import navigation, text

SIZES = {"projector": (1280, 720), "old-projector": (1024, 768), "hd": (1920, 1080)}
if os.environ.get("ALL_SIZES"):  # phones: the full matrix only, until every formula wraps
    SIZES["phone"] = (390, 844)
CHECKED = {"gradient_descent", "momentum"}
CONCEPTS = [c for c in navigation.PAGES if os.environ.get("ALL_SIZES") or c.key in CHECKED]

OVERFLOW = """() => {
  const wide = [];
  for (const el of document.querySelectorAll('.katex-display')) {
    if (el.scrollWidth > el.clientWidth + 2) wide.push('formula: ' + el.textContent.slice(0, 60));
  }
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth + 2) wide.push('page ' + root.scrollWidth + 'px wide');
  for (const chart of document.querySelectorAll('[data-testid=stPlotlyChart]')) {
    const box = chart.getBoundingClientRect();
    for (const title of chart.querySelectorAll('.gtitle')) {
      const r = title.getBoundingClientRect();
      if (r.width && (r.left < box.left - 2 || r.right > box.right + 2)) {
        wide.push('chart title: ' + title.textContent.slice(0, 60));
      }
    }
  }
  return wide;
}"""


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.key)
def test_page_reads_at_this_size(server, browser, concept, size, lang):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    try:
        pg.goto(page_url(server, concept, lang=lang))
        wait_for_app(pg)
        assert app_errors(pg) == []
        assert pg.evaluate(OVERFLOW) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        full_screenshot(pg, SCREENSHOTS / f"{concept.key}-{lang}-{size}.png")
    finally:
        context.close()
