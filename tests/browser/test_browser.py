"""End to end in headless Chromium: every page in both languages, links, deep links."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import (
    SCREENSHOTS,
    Server,
    app_errors,
    full_screenshot,
    wait_for_app,
)
from ui import navigation, text
from ui.text.common import PLOTLY_KO

pytestmark = pytest.mark.browser


def page_url(server, concept, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{server.url}/{concept.url_path}" + (f"?{query}" if query else "")


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("concept", navigation.PAGES, ids=lambda c: c.key)
def test_every_page_draws_in_both_languages(server, page, concept, lang):
    page.goto(page_url(server, concept, lang=lang))
    wait_for_app(page)
    assert app_errors(page) == []
    assert page.external_requests == []  # no fonts, icons or data fetched from the internet
    title = page.locator("h1").first.inner_text()
    assert title.strip() == text.get(f"{concept.key}.title", lang)
    if len(navigation.PAGES) > 1:  # Streamlit shows no menu for a single page
        nav = page.locator("[data-testid=stSidebarNav]").inner_text()
        for c in navigation.PAGES:
            assert text.get(f"nav.{c.key}", lang) in nav
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    full_screenshot(page, SCREENSHOTS / f"{concept.key}-{lang}.png")


def test_deep_link_on_a_fresh_server_runs_the_entry_file(page):
    """The very first request to a new server is a shared link with settings."""
    concept = navigation.PAGES[-1] if len(navigation.PAGES) > 1 else navigation.PAGES[0]
    fresh = Server()
    try:
        page.goto(page_url(fresh, concept, lang="ko"))
        wait_for_app(page)
        assert app_errors(page) == []
        assert page.locator("h1").first.inner_text().strip() == text.get(
            f"{concept.key}.title", "ko"
        )
        if len(navigation.PAGES) > 1:
            nav = page.locator("[data-testid=stSidebarNav]").inner_text()
            assert text.get("nav.home", "ko") in nav  # full navigation, translated
    finally:
        fresh.stop()


def slider_value(page, label: str) -> str:
    slider = page.locator("[data-testid=stSlider]").filter(has_text=label)
    return slider.locator("[data-testid=stSliderThumbValue]").inner_text()


def test_settings_travel_in_the_url_and_survive_a_reload(server, page):
    home = navigation.PAGES[0]
    page.goto(page_url(server, home, lang="en", preview=20))
    wait_for_app(page)
    assert slider_value(page, text.get("home.steps", "en")) == "20"
    thumb = page.locator("[data-testid=stSlider]").filter(has_text="Number of steps")
    thumb.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('preview=25')")
    page.reload()
    wait_for_app(page)
    assert slider_value(page, text.get("home.steps", "en")) == "25"
    assert parse_qs(urlparse(page.url).query).get("lang", ["en"]) == ["en"]


def test_share_box_holds_the_current_link(server, page):
    page.goto(page_url(server, navigation.PAGES[0], lang="ko", preview=30))
    wait_for_app(page)
    page.get_by_text(text.get("common.share", "ko")).click()
    link = page.locator(".optim-share-link").first

    def shown_query() -> dict:
        return parse_qs(urlparse(link.inner_text().strip()).query)

    page.wait_for_function("() => document.querySelector('.optim-share-link')?.textContent")
    assert shown_query()["lang"] == ["ko"] and shown_query()["preview"] == ["30"]
    # the box follows the address bar: one arrow key on the slider, and the link says 35
    thumb = page.locator("[data-testid=stSlider]").filter(has_text=text.get("home.steps", "ko"))
    thumb.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('preview=35')")
    page.wait_for_function(
        "() => document.querySelector('.optim-share-link').textContent.includes('preview=35')"
    )
    assert shown_query()["preview"] == ["35"] and link.inner_text().strip() == page.url


def test_korean_browser_without_lang_is_switched_to_korean(server, browser):
    context = browser.new_context(locale="ko-KR")
    pg = context.new_page()
    try:
        pg.goto(server.url + "/")
        pg.wait_for_function("() => location.search.includes('lang=ko')", timeout=60_000)
        wait_for_app(pg)
        assert pg.locator("h1").first.inner_text().strip() == text.get("home.title", "ko")
    finally:
        context.close()


def test_settings_come_back_after_visiting_another_page(server, page):
    if len(navigation.PAGES) < 2:
        pytest.skip("needs a second finished page to navigate to")
    home, other = navigation.PAGES[0], navigation.PAGES[1]
    page.goto(page_url(server, home, lang="en", preview=35))
    wait_for_app(page)
    page.locator("[data-testid=stSidebarNav] a").filter(
        has_text=text.get(f"nav.{other.key}", "en")
    ).click()
    page.wait_for_url(re.compile(other.url_path))
    wait_for_app(page)
    page.locator("[data-testid=stSidebarNav] a").filter(has_text=text.get("nav.home", "en")).click()
    wait_for_app(page)
    assert slider_value(page, text.get("home.steps", "en")) == "35"


def test_option_settings_survive_a_language_switch_and_a_reload(server, page):
    """Translated options keep short keys in the address: switch an English link with a
    surface and a camera to Korean, reload, and both settings are still there."""
    adam = next(c for c in navigation.PAGES if c.key == "adam")
    page.goto(page_url(server, adam, a_surf="Beale", cam="From+above"))  # an older link
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('cam=top')")
    assert "a_surf=beale" in page.url
    page.locator("[data-testid=stSidebar] [data-testid=stButtonGroup] button").filter(
        has_text=re.compile("^ko$|한국어")
    ).click()
    page.wait_for_function("() => location.search.includes('lang=ko')")
    wait_for_app(page)
    page.reload()
    wait_for_app(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["lang"] == ["ko"] and query["a_surf"] == ["beale"] and query["cam"] == ["top"]
    top = text.get("common.camera.top", "ko")
    chosen = page.locator("[data-testid=stButtonGroup] button[aria-checked=true]")
    assert top in chosen.all_inner_texts()


def test_plotly_toolbar_speaks_korean_on_a_korean_page(server, page):
    page.goto(page_url(server, navigation.PAGES[0], lang="ko"))
    wait_for_app(page)
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    chart.hover()
    titles = page.eval_on_selector_all(
        ".modebar-btn", "els => els.map(e => e.getAttribute('data-title'))"
    )
    korean = set(PLOTLY_KO["dictionary"].values())
    # Streamlit adds its own full-screen button, with a fixed English title (no API)
    assert titles and {title for title in titles if title != "Fullscreen"} <= korean
