"""The text catalog: every entry in both languages, with the same format fields."""

import re
import string

import pytest

from ui import text

HANGUL = re.compile("[\uac00-\ud7a3]")
SAME_IN_BOTH = {"RMSprop", "Adam"}  # names that Korean writes as in English


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(text.CATALOG))
def test_entry_has_both_languages_with_the_same_fields(key):
    entry = text.CATALOG[key]
    assert set(entry) == set(text.LANGUAGES), key
    assert all(entry[lang].strip() for lang in text.LANGUAGES), key
    assert fields(entry["en"]) == fields(entry["ko"]), key


@pytest.mark.parametrize("key", sorted(text.CATALOG))
def test_korean_is_written_in_korean(key):
    ko = text.CATALOG[key]["ko"]
    if ko in SAME_IN_BOTH or not re.search("[A-Za-z]{3,}", text.CATALOG[key]["en"]):
        return
    if ko == text.CATALOG[key]["en"] and len(ko) <= 12:
        return  # short technical names (e.g. "Adam") are kept as they are
    assert HANGUL.search(ko), f"{key}: {ko!r}"


def test_lookup_formats_fields_and_unknown_keys_fail_loudly():
    assert "7" in text.get("common.diverged", "en", name="GD", step=7)
    with pytest.raises(KeyError):
        text.get("no.such.key", "en")
