"""AppTest: the exponentially weighted averages page, its controls, links and speed."""

import base64
import json

import numpy as np
import pytest

from optim_core import datasets
from tests.app.helpers import open_app
from ui import compute_ewa, text
from ui.figures import ewa as ewa_fig

PAGE = "app_pages/ewa.py"


def open_page(lang="en", **params):
    at = open_app(PAGE, lang, timeout=60, **params)
    return at


def _arrays(node):
    """Decode Plotly's typed arrays ({"dtype", "bdata"} in base64) back to numpy."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            flat = np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"])
            return flat.reshape(node["shape"]) if "shape" in node else flat
        return {key: _arrays(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_arrays(value) for value in node]
    return node


def specs(at):
    return [_arrays(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def overlay_spec(at):
    return specs(at)[0]


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
    data = overlay_spec(at)["data"]
    assert np.allclose(data[0]["y"], series)
    # β = 0.5, without correction: V_1 = 0.5 θ_1, V_2 = 0.25 θ_1 + 0.5 θ_2
    first = np.array(data[1]["y"][:2])
    assert first == pytest.approx([0.5 * series[0], 0.25 * series[0] + 0.5 * series[1]])


def test_bias_correction_switch_changes_the_start_only():
    at = open_page(bc="true")
    assert not at.exception, errors(at)
    series = datasets.load_series("seattle_temp").to_numpy()
    corrected = np.array(overlay_spec(at)["data"][3]["y"])  # β = 0.98
    assert corrected[0] == pytest.approx(series[0])  # corrected V_1 = θ_1
    at.toggle(key="bc").set_value(False).run()
    assert not at.exception, errors(at)
    plain = np.array(overlay_spec(at)["data"][3]["y"])
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
    first = np.array(overlay_spec(at)["data"][1]["y"])
    series = datasets.load_series("seattle_temp").to_numpy()
    if beta == 0.0:
        assert first == pytest.approx(series)  # β = 0 keeps no past
        assert at.caption.values.count(text.get("ewa.beta_zero", "en")) == 1
    else:
        # a window of 1000 points, and the weight chart says it shows only part of them
        assert overlay_spec(at)["data"][1]["name"] == "β = 0.999 (window ≈ 1000)"
        assert np.all(np.isfinite(first))
        shapes = specs(at)[1]["layout"]["shapes"]  # the weights: k = 1/(1-β) = 1000 marked
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
    assert np.allclose(overlay_spec(at)["data"][0]["y"], series)


@pytest.mark.parametrize("name", list(datasets.SERIES))
def test_every_built_in_series_renders(name):
    at = open_page(series=name)
    assert not at.exception, errors(at)
    assert len(overlay_spec(at)["data"][0]["y"]) == len(datasets.load_series(name))


def test_gradient_averages_settle_near_the_full_batch_gradient():
    at = open_page(bs="1")
    assert not at.exception, errors(at)
    data = specs(at)[5]["data"]
    raw, b09, full = np.array(data[0]["y"]), np.array(data[2]["y"]), data[-1]["y"][0]
    tail = slice(100, None)
    assert np.std(b09[tail]) < 0.5 * np.std(raw[tail])
    assert abs(np.mean(b09[tail]) - full) < 0.5 * np.std(raw[tail])


def test_fast_figures_are_valid_plotly():
    """The page builds its figures from plain dicts without validation: validate them here."""
    import plotly.graph_objects as go

    values = np.linspace(0.0, 1.0, 50)
    lesson = compute_ewa.compute_lesson(values, (0.5, 0.9))
    weights = compute_ewa.compute_weights(0.9)
    t = np.arange(1, 51)
    figures = [
        ewa_fig.overlay(
            t,
            values,
            [("a", lesson.plain[0], "#000")],
            raw_label="r",
            xlabel="x",
            ylabel="y",
            title="T",
        ),
        ewa_fig.weight_bars(
            weights.weights,
            weights.k_window,
            color="#000",
            xlabel="x",
            ylabel="y",
            window_label="w",
            level_label="l",
        ),
        ewa_fig.decay_limit(
            weights.decay_n,
            weights.decay,
            n_beta=10.0,
            value_beta=0.35,
            color="#000",
            xlabel="x",
            curve_label="c",
            e_label="e",
            beta_label="b",
        ),
        ewa_fig.bias_closeup(
            t,
            values,
            [("a", lesson.plain[0], lesson.corrected[0], "#000")],
            raw_label="r",
            plain_label="p",
            corrected_label="c",
            xlabel="x",
            ylabel="y",
        ),
        ewa_fig.correction_curves(t, [("a", lesson.factor[1], "#000")], xlabel="x", ylabel="y"),
        ewa_fig.gradient_stream(
            t,
            values,
            [("a", lesson.plain[0], "#000")],
            0.5,
            raw_label="r",
            full_label="f",
            xlabel="x",
            ylabel="y",
        ),
    ]
    for fig in figures:
        spec = fig.to_dict()
        go.Figure(spec)  # raises on any invalid property
        assert spec["layout"]["xaxis"]["title"]["text"] == "x"
        assert spec["layout"]["template"]["layout"]  # the shared plotly_white look
    # the weights chart marks k = 1/(1-β) = 10 and the level newest/e
    shapes = figures[1].to_dict()["layout"]["shapes"]
    assert shapes[1]["x0"] == 10
    assert shapes[0]["y0"] == pytest.approx(0.1 / np.e)
