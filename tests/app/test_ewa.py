"""AppTest: the exponentially weighted averages page, its controls, links and speed."""

import re

import numpy as np
import pytest

from optim_core import datasets
from optim_core.lessons import ewa as lesson
from tests.app.helpers import chart, open_app, trace
from ui import text, upload
from ui.figures import ewa as fig

PAGE = "app_pages/ewa.py"


def open_page(lang="en", **params):
    at = open_app(PAGE, lang, timeout=60, **params)
    return at


def overlay_spec(at):
    return chart(at, "ewa_overlay")


def curve(spec, beta, window, lang="en"):
    """The overlay's average for ``beta`` (its label names the window 1/(1-β))."""
    return trace(spec, text.get("ewa.curve_label", lang, beta=beta, window=window))


def errors(at):
    return [e.value for e in at.exception]


def page_text(at):
    """Every text and formula of the page (a section's text and formulas go as one Markdown)."""
    return " ".join(element.value for element in [*at.markdown, *at.latex, *at.caption])


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_page_renders_in_both_languages(lang):
    at = open_page(lang)
    assert not at.exception, errors(at)
    assert at.title[0].value == text.get("ewa.title", lang)
    assert len(at.get("plotly_chart")) == 6
    # three averages by default, labelled with their windows 1/(1-β) = 2, 10, 50
    names = [trace["name"] for trace in overlay_spec(at)["data"]]
    assert names[1:] == [
        text.get("ewa.curve_label", lang, beta=b, window=w)
        for b, w in (("0.5", "2"), ("0.9", "10"), ("0.98", "50"))
    ]
    assert r"V_{1461}" in page_text(at)  # the live last step of the Seattle series


def test_overlay_is_the_ewa_of_the_series():
    at = open_page()
    series = datasets.load_series("seattle_temp").to_numpy()
    spec = overlay_spec(at)
    assert np.allclose(trace(spec, text.get("ewa.raw", "en"))["y"], series)
    # β = 0.5, without correction: V_1 = 0.5 θ_1, V_2 = 0.25 θ_1 + 0.5 θ_2
    first = np.array(curve(spec, "0.5", "2")["y"][:2])
    assert first == pytest.approx([0.5 * series[0], 0.25 * series[0] + 0.5 * series[1]])


def test_bias_correction_switch_changes_the_start_only():
    at = open_page(bc="true")
    assert not at.exception, errors(at)
    series = datasets.load_series("seattle_temp").to_numpy()
    corrected = np.array(curve(overlay_spec(at), "0.98", "50")["y"])
    assert corrected[0] == pytest.approx(series[0])  # corrected V_1 = θ_1
    at.toggle(key="bc").set_value(False).run()
    assert not at.exception, errors(at)
    plain = np.array(curve(overlay_spec(at), "0.98", "50")["y"])
    assert plain[0] == pytest.approx(0.02 * series[0])
    assert plain[-1] == pytest.approx(corrected[-1], rel=1e-6)  # factor 1/(1-0.98^1461) ≈ 1


@pytest.mark.parametrize("beta", [0.0, 0.999])
@pytest.mark.parametrize("bc", [False, True])
def test_beta_at_its_ends_with_and_without_correction(beta, bc):
    at = open_page()
    at.slider(key="b1").set_value(beta).run()
    at.slider(key="bw").set_value(beta).run()
    at.toggle(key="bc").set_value(bc).run()
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == 6
    spec = overlay_spec(at)
    first = np.array(curve(spec, f"{beta:g}", f"{1 / (1 - beta):.4g}")["y"])
    series = datasets.load_series("seattle_temp").to_numpy()
    if beta == 0.0:
        assert first == pytest.approx(series)  # β = 0 keeps no past
        zero = text.get("ewa.beta_zero", "en")
        assert sum(zero in caption for caption in at.caption.values) == 1
    else:
        # a window of 1000 points, and the weight chart says it shows only part of them
        assert "β = 0.999 (window ≈ 1000)" in [tr["name"] for tr in spec["data"]]
        assert np.all(np.isfinite(first))
        shapes = chart(at, "ewa_weights")["layout"]["shapes"]  # k = 1/(1-β) = 1000 marked
        assert any(shape["x0"] == 1000 for shape in shapes)


def test_second_and_third_average_can_be_switched_off():
    at = open_page(on2="false", on3="false")
    assert not at.exception, errors(at)
    assert len(overlay_spec(at)["data"]) == 2  # raw values + one average
    at.toggle(key="on3").set_value(True).run()
    assert len(overlay_spec(at)["data"]) == 3


def test_betas_come_from_the_url():
    at = open_page(b1="0.3", b2="0.95", b3="0.99", bw="0.95", bs="32")
    assert not at.exception, errors(at)
    assert [at.slider(key=k).value for k in ("b1", "b2", "b3", "bw")] == [0.3, 0.95, 0.99, 0.95]
    names = [trace["name"] for trace in overlay_spec(at)["data"]]
    assert "β = 0.95 (window ≈ 20)" in names
    assert "β = 0.99 (window ≈ 100)" in names
    # the live ratio β^(1/(1-β)) for the weights' β, and its gap to 1/e (four decimals)
    assert f"0.95^{{20}} = {0.95**20:.4f}" in page_text(at)
    assert f"{{{0.95**20 - np.exp(-1):.4f}}}" in page_text(at)


def test_garbage_url_values_fall_back_to_defaults():
    at = open_page(b1="banana", b2="7", bw="-1", series="nope", bs="3")
    assert not at.exception, errors(at)
    assert at.slider(key="b1").value == 0.5
    assert at.slider(key="bw").value == 0.9


def test_a_link_made_on_an_upload_opens_on_the_default_data_with_the_note():
    at = open_page(series="upload")
    assert not at.exception, errors(at)
    assert text.get("data.shared_upload_note", "en") in [i.value for i in at.info]
    series = datasets.load_series("seattle_temp").to_numpy()
    assert np.allclose(trace(overlay_spec(at), text.get("ewa.raw", "en"))["y"], series)


@pytest.mark.parametrize("name", list(datasets.SERIES))
def test_every_built_in_series_renders(name):
    at = open_page(series=name)
    assert not at.exception, errors(at)
    raw = np.asarray(trace(overlay_spec(at), text.get("ewa.raw", "en"))["y"], float)
    series = datasets.load_series(name).to_numpy()
    # every value drawn; an hourly series' missing hour (the clocks going forward) is an empty
    # slot on its even grid of hours
    assert np.allclose(raw[np.isfinite(raw)], series, rtol=1e-6)
    assert len(raw) - len(series) == (1 if "hourly" in name else 0)


@pytest.mark.parametrize("name", list(datasets.SERIES))
def test_every_series_choice_sends_at_most_400_kib(name):
    at = open_page(series=name)
    sent = sum(len(element.proto.spec) for element in at.get("plotly_chart"))
    assert sent <= 400 * 1024, f"{sent / 1024:.0f} KiB"


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_data_menu_shows_names_and_the_link_keeps_the_key(lang):
    at = open_page(lang, series="aapl")
    menu = at.selectbox(key="series")
    assert menu.options == [text.get(f"ewa.series.{k}", lang) for k in lesson.SERIES_OPTIONS]
    assert menu.value == "aapl"
    assert not any(re.fullmatch("[a-z][a-z0-9_]*", option) for option in menu.options)


def test_a_label_in_the_link_still_opens_its_series():
    at = open_page("en", series=text.get("ewa.series.sf_hourly", "ko"))
    assert not at.exception, errors(at)
    assert at.selectbox(key="series").value == "sf_hourly"


def test_gradient_averages_settle_near_the_full_batch_gradient():
    at = open_page(bs="1")
    assert not at.exception, errors(at)
    spec = chart(at, "ewa_gradients")
    noisy = lesson.noisy_gradients(1, (0.5, 0.9, 0.98), False)
    full_name = text.get("ewa.grad_full", "en", value=f"{noisy.full:.3g}")
    raw = np.array(trace(spec, text.get("ewa.grad_raw", "en"))["y"])
    b09 = np.array(trace(spec, text.get("ewa.beta_label", "en", beta="0.9"))["y"])
    full = trace(spec, full_name)["y"][0]
    tail = slice(100, None)
    assert np.std(b09[tail]) < 0.5 * np.std(raw[tail])
    assert abs(np.mean(b09[tail]) - full) < 0.5 * np.std(raw[tail])


# -- uploads (issue 10: choosing "upload" replaced the page with an AttributeError) ------------

SEATTLE = "data.series.seattle_temp"
NUMBERS = "".join(f"{i},{(i * 7) % 5}\n" for i in range(12))
MALFORMED = {  # every kind of bad file (issue 10), and the message it gets
    "empty": (b"", "empty"),
    "binary": (b"\x00\x01\x02\x03binary\xff\xfe\x00", "binary"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "excel": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "excel"),
    "header_only": (b"a,b,c\n", "header_only"),
    "ragged": (b"a,b,c\n1,2,3\n4,5\n", "ragged"),
    "only_text": (b"name,word\n" + b"x,y\n" * 12, "no_numeric"),
    "all_missing": (b"a,b\n" + b",\n" * 12, "no_numeric"),
    "one_row": (b"t,value\n1,2.5\n", "too_few_rows"),
    "bad_dates": (b"date,value\n" + b"someday,1\n" * 12, "bad_dates"),
}


def message_for(raw: bytes, lang: str) -> tuple[str, str]:
    """The code and the message the page gives ``raw`` (read, then its first number column with
    the suggested date column, as the page starts)."""
    try:
        frame = datasets.read_csv(raw)
        columns = lesson.upload_columns(frame)
        if not columns.numeric:
            return "no_numeric", text.get("ewa.no_numeric", lang)
        value = columns.numeric[0]
        options, suggested = columns.dates[value]
        lesson.upload_series(frame, value, options[suggested])
    except datasets.DataError as err:
        return err.code, upload.error_message(err, lang)
    raise AssertionError("the file was accepted")


def choose_upload(at, raw=None):
    at.selectbox(key="series").set_value(lesson.UPLOAD).run()
    if raw is not None:
        at.file_uploader(key="ewa_csv").upload("data.csv", raw, "text/csv").run()
    return at


def draws_the_default_series(at):
    series = datasets.load_series("seattle_temp").to_numpy()
    raw = trace(overlay_spec(at), text.get("ewa.raw", at.session_state["lang"]))["y"]
    return len(at.get("plotly_chart")) == 6 and np.allclose(raw, series)


def drawn_values(at):
    return np.asarray(trace(overlay_spec(at), text.get("ewa.raw", at.session_state["lang"]))["y"])


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_upload_without_a_file_keeps_the_default_series_with_a_hint(lang):
    at = choose_upload(open_page(lang))
    assert not at.exception, errors(at)
    default = text.get("ewa.using_default", lang, name=text.get(SEATTLE, lang))
    assert text.get("ewa.upload_hint", lang) in at.caption.values
    assert default in at.caption.values
    assert draws_the_default_series(at)


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_a_refused_file_shows_its_message_and_keeps_the_default_series(kind, lang):
    raw, code = MALFORMED[kind]
    at = choose_upload(open_page(lang), raw)
    assert not at.exception, errors(at)
    assert message_for(raw, lang)[0] == code
    assert message_for(raw, lang)[1] in [e.value for e in at.error]
    assert bool(re.search("[\uac00-\ud7a3]", at.error[0].value)) == (lang == "ko")
    assert text.get("ewa.upload_hint", lang) not in at.caption.values  # the error says it
    default = text.get("ewa.using_default", lang, name=text.get(SEATTLE, lang))
    assert default in at.caption.values
    assert draws_the_default_series(at)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_infinite_and_huge_values_are_left_out_or_drawn_with_a_note(lang):
    rows = "".join(f"{v}\n" for v in ["1e300", "-1e300"] * 6 + ["inf", "1e999", "-inf"])
    at = choose_upload(open_page(lang), f"value\n{rows}".encode())
    assert not at.exception, errors(at)
    assert not at.error
    assert text.get("data.dropped_rows", lang, count=3) in at.caption.values
    assert np.array_equal(drawn_values(at), [1e300, -1e300] * 6)  # float64: too big for float32
    assert len(at.get("plotly_chart")) == 6
    assert "nan" not in page_text(at).lower() and "inf" not in page_text(at).replace("\\inf", "")


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_constant_column_is_averaged_with_a_note(lang):
    at = choose_upload(open_page(lang, bc="true"), b"name,value\n" + b"x,5\n" * 12)
    assert not at.exception, errors(at)
    assert not at.error
    note = text.get("ewa.constant", lang, value="5")
    assert any(note in caption for caption in at.caption.values)
    corrected = np.asarray(curve(overlay_spec(at), "0.98", "50", lang)["y"], float)
    assert corrected == pytest.approx(np.full(12, 5.0))  # the corrected EWA of a constant


def test_a_file_without_numbers_says_so_and_keeps_the_default_series():
    at = choose_upload(open_page(), b"name,word\n" + b"x,y\n" * 12)
    assert not at.exception, errors(at)
    assert text.get("ewa.no_numeric", "en") in [e.value for e in at.error]
    assert draws_the_default_series(at)


def test_a_good_file_is_averaged():
    rows = "".join(f"2024-01-{d:02d},{d}\n" for d in range(1, 29))
    at = choose_upload(open_page(), f"date,value\n{rows}".encode())
    assert not at.exception, errors(at)
    assert not at.error
    spec = overlay_spec(at)
    assert np.allclose(trace(spec, text.get("ewa.raw", "en"))["y"], np.arange(1, 29))
    assert np.array_equal(
        datasets.read_csv(f"t,v\n{NUMBERS}".encode())["v"], [(i * 7) % 5 for i in range(12)]
    )
    assert np.array(curve(spec, "0.5", "2")["y"][:2]) == pytest.approx([0.5, 1.25])


def test_a_long_upload_is_drawn_at_every_kth_point_under_400_kib():
    n = 50_000
    rows = "".join(f"{i},{(i * 37) % 101}\n" for i in range(n))
    at = choose_upload(open_page(), f"t,value\n{rows}".encode())
    assert not at.exception, errors(at)
    k = -(-n // fig.OVERLAY_POINTS)  # no date column: the row order, an even x
    assert k == 5 and text.get("ewa.thinned", "en", n=n, k=k) in " ".join(at.caption.values)
    assert len(drawn_values(at)) == -(-n // k)
    sent = sum(len(element.proto.spec) for element in at.get("plotly_chart"))
    assert sent <= 400 * 1024, f"{sent / 1024:.0f} KiB"


@pytest.mark.parametrize("key", ["series", "bs"])
def test_an_empty_option_in_the_link_leaves_the_default(key):
    at = open_page(**{key: ""})
    assert not at.exception, errors(at)
    assert draws_the_default_series(at)
    assert chart(at, "ewa_gradients")["layout"]["title"]["text"] == text.get(
        "ewa.grad_title", "en", bs=8
    )


def test_a_second_file_with_other_columns_starts_a_fresh_choice():
    first = "a,b\n" + "".join(f"{i},{100 + i}\n" for i in range(12))
    at = choose_upload(open_page(), first.encode())
    at.selectbox(key="ewa_value").set_value("b").run()
    assert np.array_equal(drawn_values(at), 100 + np.arange(12))
    second = "c,d\n" + "".join(f"{2 * i},{-i}\n" for i in range(12))
    at.file_uploader(key="ewa_csv").upload("other.csv", second.encode(), "text/csv").run()
    assert not at.exception, errors(at)
    assert not at.error
    assert at.selectbox(key="ewa_value").value == "c"
    assert np.array_equal(drawn_values(at), 2 * np.arange(12))


def test_a_column_name_from_the_file_is_shown_as_written_on_the_axis():
    raw = "<a href='https://example.com'>x</a>\n" + "".join(f"{i}\n" for i in range(12))
    at = choose_upload(open_page(), raw.encode())
    assert not at.exception, errors(at)
    title = overlay_spec(at)["layout"]["yaxis"]["title"]["text"]
    assert "<a" not in title and title.startswith("&lt;a href=")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_bom_is_read(encoding):
    raw = ("value\n" + "".join(f"{i * i}\n" for i in range(12))).encode(encoding)
    at = choose_upload(open_page(), raw)
    assert not at.exception, errors(at)
    assert not at.error
    assert np.array_equal(drawn_values(at), np.arange(12) ** 2)


LOOK = {"en": "*What to look at:*", "ko": "*볼 곳:*"}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_chart_has_a_line_saying_what_to_look_at(lang):
    at = open_page(lang)
    assert not at.exception, errors(at)
    looks = [m.value for m in at.markdown if m.value.startswith(LOOK[lang])]
    assert len(looks) == len(at.get("plotly_chart")) == 6
    # the overlay's line ends with where the averages stand at the last value (from the run)
    data = lesson.series(lesson.DEFAULT_SERIES)
    run = lesson.running(data.values, lesson.BETA_DEFAULTS, (True, True, True), False)
    last = f"{run.v_last[2]:.4g}"
    said = {"en": f"{last} at β = 0.98", "ko": f"β = 0.98일 때 {last}"}[lang]
    assert any(said in m for m in looks)
    w = lesson.weights(lesson.WEIGHTS_BETA)  # β = 0.9: ten steps back the weight is 0.0349
    assert any(f"{w.at_window:.3g}" in m and "0.0349" in m for m in looks)
