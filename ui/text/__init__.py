"""Every user-facing string, in English and Korean, looked up by key.

Each module of this package (found automatically) holds one page's strings as ``STRINGS = {key: {"en": ..,
"ko": ..}}``; keys are prefixed by the page (``home.title``) or ``common.``. Strings
may contain ``str.format`` fields filled in by :func:`get`. No Streamlit here.
"""

from __future__ import annotations

import importlib
import pkgutil

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
    """The string ``key`` in ``lang``, with ``fields`` formatted in."""
    entry = CATALOG[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**fields) if fields else template
