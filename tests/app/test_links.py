"""Garbage in a link never breaks a page: numbers the control cannot take are replaced by
the default (with a note), empty option values leave the control at its default."""

import pytest

from optim_core.lessons import adam, momentum
from tests.app.helpers import open_app
from ui import text

NUMBER_KEYS = [("app_pages/batch_sizes.py", "seed"), ("app_pages/local_optima.py", "nseed")]
REFUSED = ["inf", "-inf", "Infinity", "1e999", "-1e999", "nan", "abc", "", "1e3x"]


@pytest.mark.parametrize("page, key", NUMBER_KEYS)
@pytest.mark.parametrize("raw", REFUSED)
def test_a_non_number_in_a_link_gives_the_default_and_a_note(page, key, raw):
    at = open_app(page, **{key: raw})
    assert not at.exception
    assert at.number_input(key=key).value == 0
    assert any("cannot be used" in w.value for w in at.warning)


@pytest.mark.parametrize("page, key", NUMBER_KEYS)
def test_a_number_out_of_range_gives_the_default_and_a_note(page, key):
    at = open_app(page, **{key: "11111111111111111111"})
    assert not at.exception
    assert at.number_input(key=key).value == 0
    assert any("11111111111111111111" in w.value for w in at.warning)


@pytest.mark.parametrize("page, key", NUMBER_KEYS)
def test_a_number_in_range_passes_without_a_note(page, key):
    at = open_app(page, **{key: "17"})
    assert not at.exception
    assert at.number_input(key=key).value == 17
    assert not any("cannot be used" in w.value for w in at.warning)


def test_the_note_is_in_korean_on_a_korean_page():
    at = open_app("app_pages/local_optima.py", "ko", nseed="inf")
    assert not at.exception
    note = text.get("common.link_refused", "ko").split("“")[0]
    assert any(w.value.startswith(note) for w in at.warning)


@pytest.mark.parametrize(
    "page, key",
    [
        ("app_pages/gradient_descent.py", "cam"),
        ("app_pages/local_optima.py", "cam"),
        ("app_pages/local_optima.py", "opt"),
        ("app_pages/adam.py", "a_c"),
        ("app_pages/adam.py", "cam"),
    ],
)
def test_an_empty_option_value_leaves_the_default(page, key):
    at = open_app(page, **{key: ""})
    assert not at.exception


# -- option controls ------------------------------------------------------------------


def param(at, key: str):
    """The address's value for ``key`` as the script left it (a list holds repeats)."""
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


@pytest.mark.parametrize(
    "page, key, raw, value",
    [
        ("app_pages/momentum.py", "m_lr", "2", 2.0),  # shown as "2.0"
        ("app_pages/batch_sizes.py", "alpha", "3", 3.0),
        ("app_pages/adam.py", "a_b2", "0", 0.0),
        ("app_pages/momentum.py", "m_lr", "1e-1", 0.1),
    ],
)
def test_a_number_equal_to_an_option_is_taken(page, key, raw, value):
    at = open_app(page, **{key: raw})
    assert not at.exception
    assert at.select_slider(key=key).value == value
    assert not any("cannot be used" in w.value for w in at.warning)


@pytest.mark.parametrize("raw", ["7", "abc", "inf"])
def test_a_value_that_is_no_option_gives_the_default_and_a_note(raw):
    at = open_app("app_pages/momentum.py", m_lr=raw)
    assert not at.exception
    assert at.select_slider(key="m_lr").value == momentum.DEFAULT_LR
    assert any(raw in w.value and "cannot be used" in w.value for w in at.warning)


def test_translated_options_keep_short_keys_in_the_address_in_any_language():
    # a link made by an older version carries English labels; opened in Korean
    at = open_app("app_pages/adam.py", "ko", a_surf="Beale", cam="From above")
    assert not at.exception
    assert at.selectbox(key="a_surf").value == "beale"
    assert param(at, "a_surf") == "beale" and param(at, "cam") == "top"
    # the short keys themselves, and a Korean label opened in English
    at = open_app("app_pages/adam.py", "en", a_surf="beale", cam="위에서")
    assert at.selectbox(key="a_surf").value == "beale"
    assert param(at, "cam") == "top"
    shown = at.get("button_group")
    assert any("From above" in str(group.proto.options) for group in shown)


def test_an_unknown_option_key_gives_the_default_and_a_note():
    at = open_app("app_pages/adam.py", "en", a_surf="nowhere")
    assert not at.exception
    assert at.selectbox(key="a_surf").value == adam.SURFACES[0]
    assert "a_surf" not in at.query_params
    assert any("nowhere" in w.value for w in at.warning)


@pytest.mark.parametrize(
    "raw, lang, kept",
    [
        ("ko", "ko", "ko"),
        ("KO", "ko", "ko"),
        ("한국어", "ko", "ko"),
        ("xx", "en", None),
        ("", "en", None),
    ],
)
def test_the_language_choice_shows_names_and_keeps_the_code_in_the_address(raw, lang, kept):
    at = open_app(None, raw)
    assert not at.exception
    control = at.get("button_group")[0]
    assert list(control.proto.options[i].content for i in range(2)) == ["English", "한국어"]
    assert at.title[0].value == text.get("home.title", lang)
    assert param(at, "lang") == kept
