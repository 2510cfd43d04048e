"""AppTest: the batch-sizes page at SGD, a mini-batch and full batch, in both languages."""

import numpy as np
import pytest

from optim_core import datasets
from optim_core.lessons import batch_sizes as lesson
from tests.app.helpers import chart, open_app, trace
from ui import text

PAGE = "app_pages/batch_sizes.py"
M = datasets.TABLES["cars"].rows  # the default data


def open_page(lang="en", **params):
    at = open_app(PAGE, lang, timeout=120, **params)
    return at


def errors(at):
    return [e.value for e in at.exception]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("batch", [1, 32, M], ids=["sgd", "mini", "full"])
def test_page_renders_at_sgd_mini_batch_and_full_batch(lang, batch):
    at = open_page(lang, batch=str(batch))
    assert not at.exception, errors(at)
    assert at.title[0].value == text.get("batch_sizes.title", lang)
    assert at.slider(key="batch").value == batch
    regime = "sgd" if batch == 1 else "full" if batch == M else "mini"
    nb = -(-M // batch)
    expected = text.get(f"batch_sizes.regime.{regime}", lang, batch=batch, m=M, nb=nb)
    assert expected in [i.value for i in at.info]
    # four cost curves, the contour map and the sweep
    assert len(at.get("plotly_chart")) == 6
    # the marker-pen sum over the batch, with the batch size filled in
    batch_latex = [x.value for x in at.latex if r"\colorbox" in x.value]
    assert len(batch_latex) == 1 and rf"\frac{{1}}{{{batch}}}" in batch_latex[0]
    assert all("nan" not in x.value for x in at.latex)


def test_classification_on_the_larger_table_renders():
    at = open_page("ko", data="seattle_weather", cls="true", batch="64")
    assert not at.exception, errors(at)
    caption = text.get(
        "batch_sizes.data_caption",
        "ko",
        source=text.get("data.table.seattle_weather", "ko"),
        m=1461,
        n=4,
        description=text.get("data.table.seattle_weather.classification", "ko"),
    )
    assert caption in [c.value for c in at.caption]
    assert any(r"\sigma" in x.value for x in at.latex)


def test_a_link_made_on_an_upload_opens_on_the_default_data_with_the_note():
    at = open_page("en", data="upload")
    assert not at.exception, errors(at)
    assert text.get("data.shared_upload_note", "en") in [i.value for i in at.info]
    assert text.get("batch_sizes.using_default", "en", name=text.get("data.table.cars", "en")) in [
        c.value for c in at.caption
    ]
    # the page runs on the default data
    assert any(f"m = {M} rows" in c.value for c in at.caption)


def test_walking_the_steps_highlights_the_right_rows_and_numbers():
    at = open_page("en", batch="32", k="3", epochs="4", ep="2")
    assert not at.exception, errors(at)
    caption = text.get(
        "batch_sizes.table_caption",
        "en",
        first=60,
        last=101,
        m=M,
        epoch=2,
        start=65,
        stop=96,
        size=32,
    )
    assert caption in [c.value for c in at.caption]
    # the live gradient in the formula is the gradient of the replayed run at step 13 + 3
    prepared = lesson.builtin("cars", "regression")
    look = lesson.inspect(prepared.X, prepared.y, "regression", 32, 0.05, 0, 16)
    batch_latex = next(x.value for x in at.latex if r"\colorbox" in x.value)
    assert f"= {look.batch_grad[0]:.4g}" in batch_latex.replace(r"\times 10^", "e")


def test_garbage_url_values_fall_back_to_defaults():
    at = open_page("en", batch="banana", alpha="-3", epochs="900", data="nope", k="99999")
    assert not at.exception, errors(at)
    assert at.slider(key="batch").value == 32
    assert at.session_state["data"] == "cars"


@pytest.mark.parametrize(
    "seed", ["inf", "-inf", "Infinity", "1e999", "-1e999", "11111111111111111111", "nan", ""]
)
def test_an_infinite_or_huge_seed_in_the_link_still_opens_the_page(seed):
    # issue 10: ?seed=inf and friends raised OverflowError (cannot convert float infinity)
    at = open_page("en", seed=seed)
    assert not at.exception, errors(at)
    assert lesson.SEEDS[0] <= at.number_input(key="seed").value <= lesson.SEEDS[1]
    assert len(at.get("plotly_chart")) == 6
    path = trace(
        chart(at, "batch_sizes_contour"), text.get("batch_sizes.chosen_name", "en", batch=32)
    )
    assert np.isfinite(np.asarray(path["x"], dtype=float)).all()


def test_an_empty_option_in_the_link_keeps_the_defaults():
    at = open_page("en", data="", alpha="", feat="", cls="")
    assert not at.exception, errors(at)
    assert at.session_state["data"] == "cars"
    assert at.select_slider(key="alpha").value == lesson.DEFAULT_LR


def test_presets_set_the_batch_size():
    at = open_page("en")
    at.button(key="batch_sizes_preset_sgd").click().run()
    assert not at.exception, errors(at)
    assert at.slider(key="batch").value == 1
    at.button(key="batch_sizes_preset_full").click().run()
    assert at.slider(key="batch").value == M


def test_sweep_table_shows_measured_numbers_for_every_batch_size():
    at = open_page("en")
    assert not at.exception, errors(at)
    frames = [d.value for d in at.dataframe]
    sweep = next(f for f in frames if text.get("batch_sizes.col.lr", "en") in f.columns)
    sizes = list(sweep[text.get("batch_sizes.batch", "en")])
    assert sizes == [1, 2, 4, 8, 16, 32, 64, 128, 256, M]
    epoch_ms = np.asarray(sweep[text.get("batch_sizes.col.epoch_ms", "en")], dtype=float)
    assert np.all(epoch_ms >= 0)
    # one row at a time is slower per epoch than one matrix product over all rows
    assert epoch_ms[0] > epoch_ms[-1]
