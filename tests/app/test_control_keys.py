"""Control keys are URL parameters *and* session-state keys, kept for the whole session
(persist_state="session"): two pages using one key would hand each other their values.
Every key must therefore belong to one page, except the camera preset, which means the
same thing (and has the same options) wherever a 3-D figure is shown."""

import re
from collections import defaultdict
from pathlib import Path

from ui import navigation

ROOT = Path(__file__).resolve().parents[2]
CONTROL = re.compile(
    r"controls\.(?:slider|select_slider|selectbox|segmented|toggle|number)\(\s*\"([A-Za-z0-9_]+)\""
)
SHARED_ON_PURPOSE = {"cam"}


def keys_by_page():
    found = defaultdict(set)
    for page in sorted(ROOT / c.file for c in navigation.PAGES):
        for key in CONTROL.findall(page.read_text(encoding="utf-8")):
            found[key].add(page.stem)
    return found


def test_every_page_uses_controls():
    pages = {p for owners in keys_by_page().values() for p in owners}
    assert {Path(c.file).stem for c in navigation.PAGES} <= pages


def test_no_two_pages_share_a_control_key():
    clashes = {
        key: sorted(pages)
        for key, pages in keys_by_page().items()
        if len(pages) > 1 and key not in SHARED_ON_PURPOSE
    }
    assert clashes == {}


def test_keys_do_not_clash_with_the_language():
    assert "lang" not in keys_by_page()
