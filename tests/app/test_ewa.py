"""AppTest: the exponentially weighted averages page, its controls, links and speed."""

import numpy as np
import pytest

from optim_core import datasets
from optim_core.lessons import ewa as lesson
from tests.app.helpers import chart, open_app, trace
from ui import text, upload

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
    latex = " ".join(element.value for element in at.latex)
    assert r"V_{1461}" in latex  # the live last step of the Seattle series


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
        assert at.caption.values.count(text.get("ewa.beta_zero", "en")) == 1
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
    # the live ratio β^(1/(1-β)) for the weights' β
    assert at.metric[0].value == f"{0.95**20:.4f}"


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
    raw = trace(overlay_spec(at), text.get("ewa.raw", "en"))
    assert len(raw["y"]) == len(datasets.load_series(name))


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
REFUSED = {
    "empty": b"",
    "binary": b"\x00\x01\x02\x03binary\xff\xfe\x00",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "header_only": b"a,b,c\n",
    "ragged": b"a,b,c\n1,2,3\n4,5\n",
}


def choose_upload(at, raw=None):
    at.selectbox(key="series").set_value("upload").run()
    if raw is not None:
        at.file_uploader(key="ewa_csv").upload("data.csv", raw, "text/csv").run()
    return at


def draws_the_default_series(at):
    series = datasets.load_series("seattle_temp").to_numpy()
    raw = trace(overlay_spec(at), text.get("ewa.raw", at.session_state["lang"]))["y"]
    return len(at.get("plotly_chart")) == 6 and np.allclose(raw, series)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_upload_without_a_file_keeps_the_default_series_with_a_hint(lang):
    at = choose_upload(open_page(lang))
    assert not at.exception, errors(at)
    default = text.get("ewa.using_default", lang, name=text.get(SEATTLE, lang))
    assert text.get("ewa.upload_hint", lang) in at.caption.values
    assert default in at.caption.values
    assert draws_the_default_series(at)


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_a_refused_file_shows_its_message_and_keeps_the_default_series(kind, lang):
    at = choose_upload(open_page(lang), REFUSED[kind])
    assert not at.exception, errors(at)
    with pytest.raises(datasets.DataError) as refused:
        datasets.read_csv(REFUSED[kind])
    assert upload.error_message(refused.value, lang) in [e.value for e in at.error]
    assert text.get("ewa.upload_hint", lang) not in at.caption.values  # the error says it
    assert draws_the_default_series(at)


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
    assert np.array(curve(spec, "0.5", "2")["y"][:2]) == pytest.approx([0.5, 1.25])


@pytest.mark.parametrize("key", ["series", "bs"])
def test_an_empty_option_in_the_link_leaves_the_default(key):
    at = open_page(**{key: ""})
    assert not at.exception, errors(at)
    assert draws_the_default_series(at)
    assert chart(at, "ewa_gradients")["layout"]["title"]["text"] == text.get(
        "ewa.grad_title", "en", bs=8
    )
