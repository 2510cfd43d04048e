"""The home page: the preview's caption carries the run's own numbers, in both languages."""

import pytest

from optim_core.lessons import home
from tests.app.helpers import open_app
from ui import text
from ui.numbers import percent


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("steps", [10, 60, 200])
def test_the_caption_reports_the_run(lang, steps):
    at = open_app(None, lang, preview=str(steps))
    assert not at.exception
    preview = home.preview(steps)
    key = "home.teaser_caption" if preview.crawls else "home.teaser_caption_close"
    opening = text.get(
        key,
        lang,
        condition="100",
        limit="0.02",
        steps=steps,
        gd="",
        momentum="",
        rmsprop="",
        adam="",
    ).split("(")[0]
    caption = next(c.value for c in at.caption if c.value.startswith(opening))
    for name in home.TEASER:
        assert percent(preview.covered[name]) in caption
    crawl_word = {"en": "it crawls", "ko": "기어갑니다"}[lang]
    assert crawl_word in text.get("home.teaser_caption", lang)
    assert (crawl_word in caption) == preview.crawls
