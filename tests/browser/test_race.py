"""The race page in headless Chromium: a click on the contour map moves the start (the sliders
and the address follow), in English and in Korean; Play moves the heads."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import app_errors, wait_for_app
from ui import text
from ui.formulas import race as formulas

pytestmark = pytest.mark.browser


def map_point(page, x: float, y: float, box) -> tuple[float, float]:
    """Screen position of the map point (x, y): the plot area spans the box exactly."""
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    area = chart.locator(".nsewdrag").first.bounding_box()
    (x0, x1), (y0, y1) = box
    return (
        area["x"] + (x - x0) / (x1 - x0) * area["width"],
        area["y"] + (y1 - y) / (y1 - y0) * area["height"],
    )


def slider_value(page, label: str) -> str:
    slider = page.locator("[data-testid=stSlider]").filter(has_text=label)
    return slider.locator("[data-testid=stSliderThumbValue]").inner_text()


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_click_on_the_map_moves_the_start_into_the_sliders_and_the_link(server, page, lang):
    page.goto(f"{server.url}/race?lang={lang}")
    wait_for_app(page)
    x_label, y_label = text.get("race.x0", lang), text.get("race.y0", lang)
    assert (slider_value(page, x_label), slider_value(page, y_label)) == ("0.000", "-4.000")
    box = formulas.box_of(formulas.DEFAULT_SURFACE, formulas.TYPED_BOX)
    # a little off the grid node (2, 1.5): the start snaps to it
    page.mouse.click(*map_point(page, 2.04, 1.47, box))
    page.wait_for_function("() => location.search.includes('r_x0=2')", timeout=60_000)
    wait_for_app(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["r_x0"] == ["2"] and query["r_y0"] == ["1.5"]
    assert (slider_value(page, x_label), slider_value(page, y_label)) == ("2.000", "1.500")
    assert page.get_by_text("(2, 1.5)").count() >= 1  # the "Now: …" line names the start
    assert app_errors(page) == []
    # the link opens the same start
    page.reload()
    wait_for_app(page)
    assert slider_value(page, x_label) == "2.000"


ACTIVE_FRAME = (
    "() => { const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');"
    " return plot._fullLayout.sliders[0].active; }"
)


def test_play_moves_the_heads(server, page):
    page.goto(f"{server.url}/race?lang=en&r_steps=100")
    wait_for_app(page)
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    last = page.evaluate(ACTIVE_FRAME)
    label = page.evaluate(
        "() => { const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');"
        " const slider = plot._fullLayout.sliders[0]; return slider.steps[slider.active].label; }"
    )
    assert label == "100" and last > 0  # the slider starts on the last frame: step 100
    chart.get_by_text("Play").first.click()
    page.wait_for_function(f"() => ({ACTIVE_FRAME})() < {last}", timeout=10_000)
    page.wait_for_timeout(1000)
    assert 0 < page.evaluate(ACTIVE_FRAME) <= last  # mid-animation: the heads are moving
    assert app_errors(page) == []


def test_the_wide_tables_scroll_sideways_on_a_phone(server, browser):
    """The results table is never cut at the screen's edge: it fits, or it scrolls."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    try:
        pg.goto(f"{server.url}/race?lang=ko")
        wait_for_app(pg)
        tables = pg.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stMarkdownContainer] table')]"
            ".map(t => [t.scrollWidth, t.clientWidth, getComputedStyle(t).overflowX,"
            " t.getBoundingClientRect().right])"
        )
        assert tables
        for scroll, client, overflow, right in tables:
            assert right <= 390 + 1  # inside the screen
            assert scroll <= client or overflow == "auto"
    finally:
        context.close()
