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


# -- Korean particles after numbers ------------------------------------------------


@pytest.mark.parametrize(
    "word, pair, expected",
    [
        ("19.79", "을/를", "를"),  # …구
        ("19.73", "을/를", "을"),  # …삼
        ("0.063", "은/는", "은"),  # …삼
        ("0.98", "은/는", "은"),  # …팔
        ("0.95", "은/는", "는"),  # …오
        ("11.69", "이/가", "가"),  # …구
        ("8", "과/와", "과"),  # 팔
        ("2", "과/와", "와"),  # 이
        ("0", "과/와", "과"),  # 영
        ("0.50", "이/가", "이"),  # …영
        ("10", "을/를", "을"),  # 십
        ("100", "은/는", "은"),  # 백
        ("1,000", "이/가", "이"),  # 천
        ("20000", "이/가", "이"),  # 이만
        ("7", "으로/로", "로"),  # 칠: ㄹ takes 로
        ("3", "으로/로", "으로"),  # 삼
        ("4", "으로/로", "로"),  # 사
        ("12%", "이/가", "가"),  # 퍼센트
        ("Adam", "은/는", "은"),  # 아담
        ("RMSprop", "은/는", "은"),  # …프롭
        ("α", "이/가", "가"),  # 알파
        ("L", "이/가", "이"),  # 엘
        ("모멘텀", "과/와", "과"),
        ("경사 하강법", "이/가", "이"),
        ("배치", "을/를", "를"),
        ("(x = 1)", "이/가", "이"),  # a closing bracket is not read: …일
    ],
)
def test_particle_follows_the_last_sound(word, pair, expected):
    assert text.particle(word, pair) == expected


def test_a_template_field_can_carry_its_particle():
    text.CATALOG["_test.particle"] = {"en": "mean {m}", "ko": "평균 {m:을/를} 구합니다"}
    try:
        assert text.get("_test.particle", "ko", m="19.79") == "평균 19.79를 구합니다"
        assert text.get("_test.particle", "ko", m="19.73") == "평균 19.73을 구합니다"
        assert text.get("_test.particle", "en", m="19.73") == "mean 19.73"
    finally:
        del text.CATALOG["_test.particle"]


# A particle whose form depends on the word before it (은/는, 이/가, 을/를, 과/와, 으로/로)
# must not be typed after an inserted field: the field's sound is unknown until it is filled,
# so the catalog writes ``{x:을/를}`` (see ``particle``) or rephrases. The copula 이 (이고,
# 이므로, 이며 …) is correct after any sound and is allowed.
FIXED_PARTICLE = re.compile(
    r"\}(?:은|는|을|를|과|와|으로|로(?!그)|가(?!지)|이(?!고|므로|며|면|지만|었|어|라서|ㄴ))"
)


@pytest.mark.parametrize("key", sorted(text.CATALOG))
def test_no_fixed_particle_follows_an_inserted_field_in_korean(key):
    ko = text.CATALOG[key]["ko"]
    found = [ko[max(0, m.start() - 12) : m.end() + 4] for m in FIXED_PARTICLE.finditer(ko)]
    assert not found, f"{key}: {found}"


# Korean text keeps no English words, except names and acronyms written so in Korean too,
# and code, formulas, fields and markup (which are not prose).
KEPT_IN_KOREAN = {
    *SAME_IN_BOTH,
    *("AdaGrad", "Nesterov", "PyTorch", "SGD", "CSV", "UTF", "PDF", "CPU", "Excel", "Dauphin"),
}
NOT_PROSE = re.compile(r"\{[^{}]*\}|\$[^$]*\$|`[^`]*`|<[^<>]*>|:[a-z]+\[|:material/[a-z_]+:")


@pytest.mark.parametrize("key", sorted(text.CATALOG))
def test_no_english_word_is_left_in_korean(key):
    prose = NOT_PROSE.sub(" ", text.CATALOG[key]["ko"])
    words = [w for w in re.findall(r"[A-Za-z]{3,}", prose) if w not in KEPT_IN_KOREAN]
    assert not words, f"{key}: {words}"
