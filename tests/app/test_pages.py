"""AppTest: every page in the navigation renders in both languages without an exception.

The list of pages comes from ui.navigation, so a new page is covered by adding it there.
"""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import ENTRY, open_app
from ui import navigation, text

PAGES = list(navigation.PAGES)


def open_page(concept, lang, **params):
    return open_app(concept.file if concept.url_path else None, lang, **params)


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("concept", PAGES, ids=lambda c: c.key)
def test_page_renders_in_language(concept, lang):
    at = open_page(concept, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == text.get(f"{concept.key}.title", lang)
    assert len(at.get("plotly_chart")) >= 1


def test_language_defaults_to_english_and_follows_the_url():
    at = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert at.title[0].value == text.get("home.title", "en")
    assert at.session_state["lang"] == "en"


def test_garbage_url_values_are_ignored():
    at = open_page(navigation.PAGES[0], "xx", preview="banana")
    assert not at.exception
    assert at.title[0].value == text.get("home.title", "en")
    assert at.slider(key="preview").value == 60


def test_home_links_every_finished_page_and_names_the_rest():
    at = open_page(navigation.PAGES[0], "en")
    markdown = " ".join(m.value for m in [*at.markdown, *at.caption])
    for concept in navigation.LEARNING_PATH[1:]:
        if concept.file is None:
            assert text.get(f"nav.{concept.key}", "en") in markdown
    linked = [link.proto.page for link in at.get("page_link")]
    assert linked == [c.url_path for c in navigation.PAGES[1:]]  # in learning order


def test_home_steps_slider_changes_the_run():
    at = open_page(navigation.PAGES[0], "en")
    before = at.get("plotly_chart")[1].proto.spec
    at.slider(key="preview").set_value(10).run()
    assert not at.exception
    assert at.get("plotly_chart")[1].proto.spec != before


def test_reset_button_restores_defaults():
    at = open_page(navigation.PAGES[0], "en", preview="20")
    assert at.slider(key="preview").value == 20
    at.button(key="_reset_home").click().run()
    assert at.slider(key="preview").value == 60


RAW_KEY = re.compile(r"^[a-z][a-z0-9_]+$")  # one letter is a variable (x, y), not a key


@pytest.mark.parametrize("concept", PAGES, ids=lambda c: c.key)
def test_no_raw_key_among_the_visible_options_in_korean(concept):
    """Options are shown translated (the link keeps the short key)."""
    at = open_page(concept, "ko")
    shown = []
    for kind in ("selectbox", "multiselect", "radio", "select_slider"):
        for widget in at.get(kind):
            shown += [str(option) for option in widget.proto.options]
    for group in at.get("button_group"):
        shown += [option.content for option in group.proto.options]
    assert shown and [option for option in shown if RAW_KEY.match(option)] == []


GLOSSARY = {
    "gradient_descent": ("hessian", "eigen", "condition"),
    "local_optima": ("hessian", "eigen", "pp"),
    "batch_sizes": ("epoch", "cross_entropy", "l2", "newton"),
    "momentum": ("condition", "eigen"),
    "rmsprop": ("condition",),
}


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("key", GLOSSARY)
def test_the_terms_a_page_uses_are_explained_in_its_glossary(key, lang):
    concept = next(c for c in PAGES if c.key == key)
    at = open_page(concept, lang)
    shown = "\n".join(m.value for m in at.sidebar.markdown)
    for term in GLOSSARY[key]:
        assert text.get(f"glossary.{term}", lang) in shown, term
