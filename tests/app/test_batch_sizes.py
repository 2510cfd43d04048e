"""AppTest: the batch-sizes page at SGD, a mini-batch and full batch, in both languages."""

import re

import numpy as np
import pytest

from optim_core import datasets
from optim_core.lessons import batch_sizes as lesson
from tests.app.helpers import chart, open_app, trace
from ui import text

HANGUL = re.compile("[\uac00-\ud7a3]")

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


# -- links that a control cannot take (issue 10) --------------------------------------------------
@pytest.mark.parametrize(
    "params, key, value",
    [
        ({"batch": "-5"}, "batch", 32),  # out of range: the default, with a note
        ({"batch": "1e999"}, "batch", 32),
        ({"alpha": "2"}, "alpha", 2.0),  # a number equal to an option is that option
        ({"alpha": "0.5"}, "alpha", 0.5),
        ({"data": ""}, "data", "cars"),
        ({"epochs": "inf", "ep": "-1", "k": "nan", "feat": "99"}, "epochs", 10),
    ],
)
def test_a_link_value_the_control_cannot_take_still_opens_the_page(params, key, value):
    at = open_page("en", **params)
    assert not at.exception, errors(at)
    assert at.session_state[key] == value
    assert len(at.get("plotly_chart")) == 6


# -- uploads (issue 10) ---------------------------------------------------------------------------
def csv(header: str, rows) -> bytes:
    return (header + "\n" + "".join(",".join(map(str, row)) + "\n" for row in rows)).encode()


def upload(at, raw: bytes, name: str = "mine.csv"):
    at.file_uploader(key="batch_sizes_csv").set_value((name, raw, "text/csv")).run()
    return at


def on_upload(lang: str = "en"):
    """The page with "My own file" chosen (as a link made on an upload opens it)."""
    at = open_page(lang, data="upload")
    assert not at.exception, errors(at)
    return at


GOOD = csv("a,b,c,y", [(i, (i * i) % 7, (3 * i) % 5, 2 * i + 1) for i in range(20)])
MALFORMED = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "excel": b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40,
    "header_only": b"a,b,c\n",
    "ragged": b"a,b,c\n1,2,3\n4,5\n6,7,8\n",
    "only_text": csv("name,city", [(f"n{i}", f"c{i}") for i in range(12)]),
    "all_missing": csv("a,b,y", [("", "", "")] * 12),
    "all_infinite": csv("a,b,y", [("inf", i, i) for i in range(12)]),
    "huge_target": csv("y,a,b", [(1e307 * (i % 2), i, i % 3) for i in range(12)]),
    "constant": csv("y,a,b", [(2 * i, 1, i) for i in range(12)]),
    "one_row": csv("a,b,y", [(1, 2, 3)]),
}


def read_or_choose(raw: bytes, lang: str) -> str:
    """The message the page must show for ``raw`` with its default column choice."""
    from ui import upload as ui_upload

    try:
        frame = datasets.read_csv(raw)
    except datasets.DataError as err:
        return ui_upload.error_message(err, lang)
    columns = lesson.upload_columns(frame, "regression")
    if not columns.targets:
        return ui_upload.error_message(lesson.NO_COLUMNS, lang)
    target = columns.targets[0]
    try:
        lesson.from_upload(frame, columns.default_features(target), target, "regression")
    except lesson.DataError as err:
        from ui.formulas.batch_sizes import plain_fields

        own = err.code in lesson.OWN_ERRORS
        key = f"batch_sizes.error.{err.code}" if own else f"data.error.{err.code}"
        return text.get(key, lang, **plain_fields(err.details))
    raise AssertionError("this upload should have been refused")


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_a_malformed_upload_gives_its_message_and_the_page_still_draws(kind, lang):
    at = upload(on_upload(lang), MALFORMED[kind])
    assert not at.exception, errors(at)
    message = read_or_choose(MALFORMED[kind], lang)
    assert message in [e.value for e in at.error]
    assert bool(HANGUL.search(message)) == (lang == "ko")
    # the page runs on the default data, and says so
    default = text.get("data.table.cars", lang)
    assert text.get("batch_sizes.using_default", lang, name=default) in captions(at)
    assert at.title[0].value == text.get("batch_sizes.title", lang)
    assert len(at.get("plotly_chart")) == 6


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_a_good_upload_trains_on_the_file():
    at = upload(on_upload(), GOOD)
    assert not at.exception and not at.error, errors(at)
    assert at.selectbox(key="batch_sizes_target").value == "a"
    assert at.multiselect(key="batch_sizes_features").value == ["b", "c", "y"]
    assert any(c.startswith("Data: My own file — m = 20 rows, n = 3") for c in captions(at))
    assert len(at.get("plotly_chart")) == 6


def test_a_second_file_starts_a_fresh_choice_of_columns():
    # issue 10: the first file's feature choice was kept, filtered to nothing, and the page
    # fell back to the built-in data with "no column of numbers"
    at = upload(on_upload(), GOOD)
    at.multiselect(key="batch_sizes_features").set_value(["c"]).run()
    other = csv("p,q,r,s", [(i, (i * i) % 7, (3 * i) % 5, 2 * i + 1) for i in range(20)])
    upload(at, other, "other.csv")
    assert not at.exception and not at.error, errors(at)
    assert at.selectbox(key="batch_sizes_target").value == "p"
    assert at.multiselect(key="batch_sizes_features").value == ["q", "r", "s"]
    assert any("m = 20 rows, n = 3 features" in c and "column p." in c for c in captions(at))


def test_huge_and_subnormal_features_are_standardized_and_trained_on():
    # issue 10: values near 1e307 (the spread overflows) or 1e-320 (subnormal) raised
    # "X must be finite"; standardizing does not depend on the unit, so they are rescaled
    rows = [(3 * i + (i % 3), 1e307 * (i % 5 - 2) / 2, (i % 4 + 1) * 1e-320, i) for i in range(24)]
    at = upload(on_upload(), csv("y,huge,tiny,plain", rows))
    assert not at.exception and not at.error, errors(at)
    assert at.multiselect(key="batch_sizes_features").value == ["huge", "tiny", "plain"]
    assert all("nan" not in x.value for x in at.latex)
    path = trace(
        chart(at, "batch_sizes_contour"), text.get("batch_sizes.chosen_name", "en", batch=24)
    )
    assert np.isfinite(np.asarray(path["x"], dtype=float)).all()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_file_whose_columns_are_named_like_the_tables_own_columns(lang):
    # issue 10: "Row i" / "Order in epoch" ("행 i", "에폭 안 순서") raised "cannot insert"
    own = [text.get(f"batch_sizes.{key}", lang) for key in ("position", "row", "in_batch")]
    header = "y," + ",".join(own)
    rows = [(2 * i, i, (i * 7) % 11, (i * 5) % 3) for i in range(16)]
    at = upload(on_upload(lang), csv(header, rows))
    assert not at.exception and not at.error, errors(at)
    table = next(d.value for d in at.dataframe if text.get("batch_sizes.row", lang) in d.value)
    assert list(table.columns)[:3] == [own[2], own[0], own[1]]
    assert [f"{name} (2)" for name in own] == list(table.columns)[3:6]
    assert list(table[own[0]]) == list(range(1, len(table) + 1))  # the page's own columns
    assert set(table[own[1]]) <= set(range(1, 17)) and len(set(table[own[1]])) == len(table)
    assert (table[f"{own[1]} (2)"].abs() <= 2).all()  # the file's column, standardized


def test_column_names_from_the_file_show_as_plain_text():
    # issue 10: names were read as Markdown, KaTeX and Streamlit directives in captions, and an
    # <a href> header became a link in a Plotly axis title
    import csv as csv_module
    import io

    names = ["**bold**", ":red[alarm]", "$x^2$", '<a href="https://example.org">link</a>']
    out = io.StringIO()
    writer = csv_module.writer(out, lineterminator="\n")
    writer.writerow(names)
    writer.writerows((i, (i * i) % 7, (3 * i) % 5, 2 * i + 1) for i in range(20))
    at = upload(on_upload(), out.getvalue().encode())
    assert not at.exception and not at.error, errors(at)
    assert at.selectbox(key="batch_sizes_target").value == "**bold**"
    shown = " ".join(captions(at))
    assert r"predicting the column \*\*bold\*\*." in shown
    assert r"j = 1: \:red\[alarm\]" in shown
    assert "3. The path on the map of the cost" in " ".join(m.value for m in at.markdown)
    assert any(r"one feature (\:red\[alarm\])" in m.value for m in at.markdown)
    axis = chart(at, "batch_sizes_contour")["layout"]["xaxis"]["title"]["text"]
    assert axis == "weight w (:red[alarm])"  # Plotly does not read Markdown
    at.selectbox(key="feat").set_value(2).run()
    assert r"j = 2: \$x\^2\$" in captions(at)
    at.selectbox(key="feat").set_value(3).run()
    assert not at.exception, errors(at)
    axis = chart(at, "batch_sizes_contour")["layout"]["xaxis"]["title"]["text"]
    assert axis == 'weight w (&lt;a href="https://example.org"&gt;link&lt;/a&gt;)'
    assert r"j = 3: \<a href\=\"https\:\/\/example\.org\"\>link\<\/a\>" in captions(at)


def test_a_column_name_in_a_message_is_plain_text_too():
    rows = [(2 * i, 1, i) for i in range(12)]
    at = upload(on_upload(), csv("y,:material/home: **x**,b", rows))
    assert not at.exception, errors(at)
    expected = text.get(
        "data.error.constant_column", "en", column=r"\:material\/home\: \*\*x\*\*", value="1"
    )
    assert expected in [e.value for e in at.error]


def test_after_divergence_the_step_says_where_and_no_nan_is_printed():
    # issue 10: "Full-data cost: nan before this step, nan after it"
    at = open_page("en", data="seattle_weather", alpha="3.0", batch="1461", epochs="50", ep="40")
    assert not at.exception, errors(at)
    texts = [*captions(at), *(w.value for w in at.warning), *(m.value for m in at.markdown)]
    assert not any("nan" in s.lower().split() or "nan," in s for s in texts)
    warned = [w.value for w in at.warning if "diverged before step 40" in w.value]
    assert len(warned) == 1 and "blown up by step" in warned[0]


def test_a_warm_view_asks_for_the_whole_sweep_at_once_without_a_progress_bar():
    # issue 9: ten cached calls and ten progress messages on every view; now one call
    open_page("en")  # measures (or finds) the sweep of the default data
    at = open_page("ko")
    assert not at.exception, errors(at)
    assert not at.get("progress") and not at.get("empty")
    sizes = list(next(d.value for d in at.dataframe if len(d.value) == 10).iloc[:, 0])
    assert sizes == [1, 2, 4, 8, 16, 32, 64, 128, 256, M]


# -- issue 10: Korean column names, what to look at, colours ----------------------------------------
def known_columns() -> set[str]:
    names = set()
    for info in datasets.TABLES.values():
        names |= {*info.regression_features, info.regression_target}
        names |= {*info.classification_features, info.classification_target}
    return names


def shown_names(at) -> list[str]:
    """Every header and cell of the page's tables, every chart's axis titles and the captions."""
    shown = [*captions(at), *(m.value for m in at.markdown)]
    for frame in (d.value for d in at.dataframe):
        shown += [str(c) for c in frame.columns]
        shown += [str(v) for v in frame.iloc[:, 0]]
    for spec in (chart(at, key) for key in CHART_KEYS):
        layout = spec["layout"]
        for axis in ("xaxis", "yaxis"):
            shown.append(str(((layout.get(axis) or {}).get("title") or {}).get("text", "")))
    return shown


CHART_KEYS = [f"batch_sizes_curve_{i}" for i in range(4)] + [
    "batch_sizes_contour",
    "batch_sizes_sweep",
]


@pytest.mark.parametrize(
    "params",
    [{}, {"cls": "true"}, {"data": "seattle_weather"}, {"data": "seattle_weather", "cls": "true"}],
    ids=["cars", "cars-cls", "weather", "weather-cls"],
)
def test_no_known_column_is_left_in_english_on_the_korean_page(params):
    at = open_page("ko", **params)
    assert not at.exception, errors(at)
    found = [
        (name, shown)
        for shown in shown_names(at)
        for name in known_columns()
        if re.search(rf"(?<![A-Za-z_]){re.escape(name)}(?![A-Za-z_])", shown)
    ]
    assert not found, found[:5]
    task = "classification" if params.get("cls") else "regression"
    name = lesson.builtin(params.get("data", "cars"), task).feature_name(1)
    korean = text.get(f"data.column.{name}", "ko")  # the feature of the map, in Korean
    axis = chart(at, "batch_sizes_contour")["layout"]["xaxis"]["title"]["text"]
    assert axis == text.get("batch_sizes.axis_w", "ko", feature=korean)
    assert text.get("batch_sizes.feature_caption", "ko", j=1, feature=korean) in [
        c.replace("\\", "") for c in captions(at)
    ]


def test_the_english_page_keeps_the_files_own_column_names():
    at = open_page("en")
    table = next(d.value for d in at.dataframe if "Row i" in d.value)
    assert {"Cylinders", "Weight_in_lbs", "Miles_per_Gallon"} <= set(table.columns)


def test_an_uploaded_column_named_like_a_known_one_stays_as_written_in_korean():
    rows = [(2 * i + 1, (i * 7) % 11, (i * 5) % 3) for i in range(16)]
    at = upload(on_upload("ko"), csv("Miles_per_Gallon,Cylinders,Horsepower", rows))
    assert not at.exception and not at.error, errors(at)
    table = next(d.value for d in at.dataframe if text.get("batch_sizes.row", "ko") in d.value)
    assert {"Cylinders", "Horsepower", "Miles_per_Gallon"} <= set(table.columns)
    assert "Cylinders" in chart(at, "batch_sizes_contour")["layout"]["xaxis"]["title"]["text"]


LOOK = {lang: text.get("batch_sizes.look.step", lang).split(":")[0] for lang in text.LANGUAGES}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_chart_has_a_line_saying_what_to_look_at_with_the_runs_numbers(lang):
    at = open_page(lang)
    assert not at.exception, errors(at)
    lines = [m.value for m in at.markdown if m.value.startswith(LOOK[lang])]
    assert len(lines) == len(at.get("plotly_chart")) == 6
    prepared = lesson.builtin("cars", "regression")
    runs = lesson.curves(prepared.X, prepared.y, "regression", 32, lesson.DEFAULT_LR, 10, 0)
    look = runs.look
    by_start = {line[:30]: line for line in lines}
    step = next(v for k, v in by_start.items() if f"{look['full_end']:.4g}" in v and "130" in v)
    assert f"{look['chosen_at']:.4g}" in step  # the chosen run after full batch's 10 steps
    assert any(
        f"{look['chosen_e1']:.4g}" in line and f"{look['full_e1']:.4g}" in line for line in lines
    )
    contour = lesson.contour(prepared.X, prepared.y, "regression", 1, 32, lesson.DEFAULT_LR, 10, 0)
    assert any(f"{contour.look['gap_full']:.3g}" in line for line in lines)
    fastest = [line for line in lines if "256" in line or "SGD" in line]
    assert fastest  # the sweep's line names the fastest batch size and SGD's epoch time


def test_a_full_batch_run_alone_says_so_under_each_curve():
    at = open_page("en", batch=str(M))
    lines = [m.value for m in at.markdown if m.value.startswith(LOOK["en"])]
    alone = text.get("batch_sizes.look.alone", "en").split("{")[0]
    assert sum(line.startswith(alone) for line in lines) == 4


def test_full_batch_is_gradient_descents_blue_and_no_optimizer_colour_means_anything_else():
    at = open_page("en")
    blue = "#0072B2"
    others = {"#D55E00", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"}
    full = text.get("batch_sizes.full_name", "en", m=M)
    for key in CHART_KEYS:
        spec = chart(at, key)
        used = set()
        for tr in spec["data"]:
            for part in ("line", "marker"):
                colour = (tr.get(part) or {}).get("color")
                if isinstance(colour, str):
                    used.add(colour.upper())
        assert not used & others, key
        if key != "batch_sizes_sweep":
            assert trace(spec, full)["line"]["color"] == blue, key


def test_the_shuffle_seed_is_named_without_an_english_gloss():
    at = open_page("ko")
    label = at.number_input(key="seed").label
    assert label == text.get("batch_sizes.seed", "ko") and not re.search("[A-Za-z]", label)
