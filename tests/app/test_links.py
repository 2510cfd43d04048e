"""Garbage in a link never breaks a page: numbers the control cannot take are replaced by
the default (with a note), empty option values leave the control at its default."""

import pytest

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
