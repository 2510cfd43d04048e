"""Every user-facing string, in English and Korean, looked up by key.

Each module of this package (found automatically) holds one page's strings as ``STRINGS = {key: {"en": ..,
"ko": ..}}``; keys are prefixed by the page (``home.title``) or ``common.``. Strings
may contain ``str.format`` fields filled in by :func:`get`. No Streamlit here.
"""

from __future__ import annotations

import importlib
import pkgutil
import string

LANGUAGES = ("en", "ko")
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"

CATALOG: dict[str, dict[str, str]] = {}
for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    _overlap = CATALOG.keys() & _module.STRINGS.keys()
    if _overlap:
        raise RuntimeError(f"duplicate text keys: {sorted(_overlap)}")
    CATALOG.update(_module.STRINGS)


def get(key: str, lang: str = DEFAULT_LANGUAGE, /, **fields) -> str:
    """The string ``key`` in ``lang``, with ``fields`` formatted in.

    A Korean particle after a field is chosen by how the field's value is read aloud:
    ``"평균 {mean:을/를}"`` gives "평균 19.79를" and "평균 19.73을" (see :func:`particle`).
    """
    entry = CATALOG[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return _FORMATTER.format(template, **fields) if fields else template


# -- Korean particles after inserted values -------------------------------------------
# Each pair is (after a final consonant, after a vowel); 으로/로 also takes 로 after ㄹ.
PARTICLES = {
    "은/는": ("은", "는"),
    "이/가": ("이", "가"),
    "을/를": ("을", "를"),
    "과/와": ("과", "와"),
    "와/과": ("과", "와"),
    "으로/로": ("으로", "로"),
    "이다/다": ("이다", "다"),
    "이라는/라는": ("이라는", "라는"),
    "이나/나": ("이나", "나"),
}
_RIEUL = 8  # index of ㄹ among Hangul final consonants
# how the last digit of a number is read: (has a final consonant, that consonant is ㄹ)
_DIGITS = {
    "0": (True, False),  # 영
    "1": (True, True),  # 일
    "2": (False, False),  # 이
    "3": (True, False),  # 삼
    "4": (False, False),  # 사
    "5": (False, False),  # 오
    "6": (True, False),  # 육
    "7": (True, True),  # 칠
    "8": (True, True),  # 팔
    "9": (False, False),  # 구
}
_LETTERS_WITH_FINAL = {"l": True, "m": False, "n": False, "r": True}  # 엘 엠 엔 알
_GREEK_WITH_FINAL = {"ε": False}  # 엡실론; α 알파, β 베타, κ 카파, λ 람다 … end in a vowel
_SILENT = " )]}'\"’”$*`_"


def _final_sound(word: str) -> tuple[bool, bool]:
    """(ends in a final consonant, that consonant is ㄹ) for ``word`` read aloud."""
    word = word.rstrip(_SILENT)
    if not word:
        return False, False
    last = word[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        return final != 0, final == _RIEUL
    if last.isdigit():
        digits = word.replace(",", "")
        tail = len(digits) - len(digits.rstrip("0"))
        head = digits[: len(digits) - tail]
        whole = not any(c in head for c in ".eE") and head[-1:].isdigit()
        if last == "0" and whole and head.lstrip("-+"):  # read by its last unit: 십, 백 …
            units = {1: "십", 2: "백", 3: "천"}
            if tail in units:
                return _final_sound(units[tail])
            return _final_sound("만" if tail < 8 else "억" if tail < 12 else "조")
        return _DIGITS[last]
    if last == "%":
        return False, False  # 퍼센트
    if last.isascii() and last.isalpha():
        if len(word) == 1 or not word[-2].isalpha():
            lower = last.lower()
            return (lower in _LETTERS_WITH_FINAL, _LETTERS_WITH_FINAL.get(lower, False))
        lower = last.lower()
        if lower in "lr":
            return True, True
        return lower in "mnkptbdg", False  # Adam 아담, RMSprop 알엠에스프롭
    if last in _GREEK_WITH_FINAL:
        return True, _GREEK_WITH_FINAL[last]
    return False, False


def particle(word: str, pair: str) -> str:
    """The form of ``pair`` ("을/를", "은/는", "이/가", "과/와", "으로/로" …) that follows
    ``word`` as it is read aloud: ``particle("19.79", "을/를")`` is "를" (구)."""
    after_consonant, after_vowel = PARTICLES[pair]
    final, rieul = _final_sound(word)
    if pair == "으로/로" and rieul:
        return after_vowel
    return after_consonant if final else after_vowel


class _Formatter(string.Formatter):
    def format_field(self, value, format_spec):
        if format_spec in PARTICLES:
            word = format(value)
            return word + particle(word, format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()
