"""The weighted-averages figures and formulas, built directly from the lesson (no Streamlit).

Traces are found by name; every number drawn is finite; every colour is one of the shared
palette (``ui.figures.PALETTE``; white only as the outline of a marker).
"""

import base64
import json

import numpy as np
import plotly.graph_objects as go
import pytest

from optim_core.lessons import ewa as lesson
from ui import text
from ui.figures import BETA_COLORS, COLORS, PALETTE
from ui.figures import ewa as fig
from ui.formulas import ewa as formulas

VALUES = 10 + np.sin(np.arange(200) / 7.0) + np.linspace(0, 2, 200)
X = np.arange(1, 201)


def by_name(figure, name):
    found = [tr for tr in figure.data if tr.name == name]
    assert len(found) == 1, [tr.name for tr in figure.data]
    return found[0]


def colours(figure):
    """Every colour a figure's traces and shapes are drawn in."""
    spec = figure.to_dict()
    found = set()
    for tr in spec["data"]:
        for part in ("line", "marker"):
            colour = tr.get(part, {}).get("color")
            if colour is not None:
                found |= set(np.atleast_1d(colour).tolist())
    for shape in spec["layout"].get("shapes", []):
        found.add(shape["line"]["color"])
    return found


def numbers_are_finite(figure):
    for tr in figure.data:
        for axis in ("x", "y"):
            values = getattr(tr, axis, None)
            if values is not None and np.asarray(values).dtype.kind in "fi":
                assert np.isfinite(np.asarray(values, dtype=float)).all(), (tr.name, axis)


def page_figures():
    """The page's six figures at its defaults (all three βs), as the page builds them."""
    run = lesson.running(VALUES, lesson.BETA_DEFAULTS, (True, True, True), False)
    colors = fig.beta_colors(run.slots)
    names = [f"β = {b:g}" for b in run.betas]
    w = lesson.weights(lesson.WEIGHTS_BETA)
    closeup = lesson.bias(VALUES, run.betas)
    noisy = lesson.noisy_gradients(lesson.DEFAULT_BATCH, run.betas, False)
    return dict(
        overlay=fig.overlay(
            X,
            VALUES,
            list(zip(names, run.shown, colors, strict=True)),
            raw_label="raw",
            xlabel="t",
            ylabel=fig.value_axis("θ", "°C"),
        ),
        weights=fig.weight_bars(
            w.weights,
            w.k_window,
            color=fig.WEIGHTS_COLOR,
            xlabel="k",
            ylabel="weight",
            window_label="window",
            level_label="level",
        ),
        decay=fig.decay_limit(
            w.decay_n,
            w.decay,
            n_beta=w.n_beta,
            value_beta=w.value_beta,
            color=fig.WEIGHTS_COLOR,
            xlabel="n",
            curve_label="curve",
            e_label="1/e",
            beta_label="chosen",
        ),
        closeup=fig.bias_closeup(
            closeup.steps,
            closeup.raw,
            list(zip(names, closeup.plain, closeup.corrected, colors, strict=True)),
            raw_label="raw",
            plain_label="plain",
            corrected_label="corrected",
            xlabel="t",
            ylabel="θ",
        ),
        factor=fig.correction_curves(
            closeup.t, list(zip(names, closeup.factor, colors, strict=True)), xlabel="t", ylabel="f"
        ),
        gradients=fig.gradient_stream(
            noisy.steps,
            noisy.grads,
            list(zip(names, noisy.averages, colors, strict=True)),
            noisy.full,
            raw_label="raw",
            full_label="full",
            xlabel="step",
            ylabel="g",
        ),
    )


EXPECTED = {
    "overlay": ["raw", "β = 0.5", "β = 0.9", "β = 0.98"],
    "weights": ["weight"],
    "decay": ["curve", "chosen"],
    "closeup": ["raw"]
    + [f"β = {b} · {kind}" for b in (0.5, 0.9, 0.98) for kind in ("plain", "corrected")],
    "factor": ["β = 0.5", "β = 0.9", "β = 0.98"],
    "gradients": ["raw", "β = 0.5", "β = 0.9", "β = 0.98", "full"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_figure_has_its_traces_by_name_finite_and_in_the_palette(name):
    figure = page_figures()[name]
    assert [tr.name for tr in figure.data] == EXPECTED[name]
    numbers_are_finite(figure)
    assert colours(figure) <= PALETTE | {"white"}, colours(figure)
    go.Figure(figure.to_dict())  # the dicts the builders skip validation for are valid


def test_each_beta_keeps_its_slider_colour_and_raw_values_are_data_grey():
    figures = page_figures()
    assert fig.beta_colors((0, 2)) == [BETA_COLORS[0], BETA_COLORS[2]]
    for name in ("overlay", "factor", "gradients"):
        for slot, b in enumerate(("0.5", "0.9", "0.98")):
            assert by_name(figures[name], f"β = {b}").line.color == BETA_COLORS[slot]
    assert by_name(figures["overlay"], "raw").marker.color == COLORS["data"]
    assert by_name(figures["gradients"], "raw").line.color == COLORS["data"]
    assert by_name(figures["gradients"], "full").line.color == COLORS["accent"]
    # the 1/e line and the window mark are accents, not an optimizer's colour
    assert {s["line"]["color"] for s in figures["decay"].to_dict()["layout"]["shapes"]} == {
        COLORS["accent"]
    }
    assert by_name(figures["decay"], "chosen").marker.color == fig.WEIGHTS_COLOR


def test_weight_bars_are_the_weights_of_the_lesson():
    w = lesson.weights(0.9)
    bars = by_name(page_figures()["weights"], "weight")
    np.testing.assert_allclose(np.asarray(bars.y, float), w.weights)
    assert len(bars.x) == w.count == 31


def test_value_axis_and_decay_table():
    assert fig.value_axis("θ", "°C") == "θ (°C)"
    assert fig.value_axis("temp", "") == "temp"
    # a column name from a file is text, never Plotly markup (no link, no bold)
    assert fig.value_axis("<a href='x'>a & b</a>", "") == "&lt;a href='x'&gt;a &amp; b&lt;/a&gt;"
    w = lesson.weights(0.9)
    table = formulas.decay_table(w, ["n", "b", "v", "g"]).splitlines()
    assert table[:2] == ["| n | b | v | g |", "|---:|---:|---:|---:|"]  # numbers to the right
    assert len(table) == 2 + len(lesson.DECAY_N)
    # (1 - 1/n)^n at n = 1, 2, 3: 0, 1/4, 8/27, and the gap to 1/e
    assert table[2] == f"| 1 | 0.0000 | 0.000000 | {np.exp(-1):.6f} |"
    assert table[3] == f"| 2 | 0.5000 | 0.250000 | {np.exp(-1) - 0.25:.6f} |"
    assert table[4] == f"| 3 | 0.6667 | {8 / 27:.6f} | {np.exp(-1) - 8 / 27:.6f} |"


def test_a_section_goes_as_one_markdown_text():
    text_ = formulas.paragraphs(formulas.heading("1. T"), "", formulas.display(r"V_t"), "b")
    assert text_ == "## 1. T\n\n$$\nV_t\n$$\n\nb"  # st.latex sends the same $$ … $$
    assert formulas.lines("a", "", "c") == "a  \nc"


# -- formulas -----------------------------------------------------------------------------------


def test_last_step_formula_carries_the_numbers_of_the_run():
    run = lesson.running([10.0, 20.0, 30.0], (0.9, 0.5, 0.3), (True, False, False), True)
    tex = formulas.last_step(run, fig.beta_colors(run.slots))
    # V_3 = 0.9 · 2.9 + 0.1 · 30 = 5.61, corrected 5.61 / (1 - 0.9³) = 20.7
    assert r"V_{3}" in tex and r"{}= 0.9 \times 2.9 + 0.1 \times 30}}" in tex
    assert r"\\ {\color{#332288}{}} & {\color{#332288}{{}= 5.61}}" in tex  # a row of its own
    assert r"1 - 0.9^{3}" in tex and "20.7" in tex
    assert BETA_COLORS[0] in tex and tex.startswith(r"\begin{aligned}")
    plain = lesson.running([10.0, 20.0, 30.0], (0.9, 0.5, 0.3), (True, False, False), False)
    assert r"\hat V" not in formulas.last_step(plain, [BETA_COLORS[0]])


def test_weights_formulas():
    w = lesson.weights(0.9)
    unrolled = formulas.unrolled(w, fig.WEIGHTS_COLOR)
    assert r"0.1\,\theta_t + 0.09\,\theta_{t-1} + 0.081\,\theta_{t-2}" in unrolled
    window = formulas.window(w, fig.WEIGHTS_COLOR)
    assert "0.9^{10} = 0.3487" in window and r"\frac{1}{e} = 0.3679" in window
    # the gap 0.9^10 - 1/e = 0.34868 - 0.36788 = -0.0192, to four decimals as the ratio
    assert r"\beta^{1/(1-\beta)} - \frac{1}{e} = {\color{" in window and "{-0.0192}" in window
    assert "0.95^{20}" in formulas.window(lesson.weights(0.95), fig.WEIGHTS_COLOR)


def test_first_steps_formula_is_the_weighted_mean():
    b = lesson.bias(np.array([10.0, 20.0, 30.0, 40.0]), (0.5, 0.9))
    tex = formulas.first_steps(b, BETA_COLORS[1])
    # V̂_2 = (0.9·10 + 20)/(0.9 + 1) = 15.26, V̂_3 = (0.81·10 + 0.9·20 + 30)/2.71 = 20.7
    assert r"{}= \frac{0.9 \cdot 10 + 20}{0.9 + 1}}} \\[4pt]" in tex and r"{}= 15.26" in tex
    assert r"\frac{0.81 \cdot 10 + 0.9 \cdot 20 + 30}{0.81 + 0.9 + 1}" in tex
    assert tex.endswith(r"{}= 20.7}}\end{aligned}")  # each result on a row of its own
    negative = lesson.bias(np.array([-1.0, 2.0, 3.0]), (0.5,))
    assert "(-1)" in formulas.first_steps(negative, BETA_COLORS[0])  # negatives in brackets


def test_formulas_never_print_nan():
    assert "nan" not in formulas.RECURSION + formulas.LIMIT + formulas.BIAS


def test_wide_formulas_are_split_into_rows_for_a_phone():
    assert formulas.RECURSION.count(r"\\") == 1 and formulas.LIMIT.count(r"\\") == 1
    assert formulas.BIAS.count(r"\\") == 1
    w = lesson.weights(0.9)
    assert formulas.unrolled(w, fig.WEIGHTS_COLOR).count(r"\\") == 3
    assert formulas.window(w, fig.WEIGHTS_COLOR).count(r"\\[4pt]") == 2


def test_what_to_look_at_lines_carry_the_numbers_of_the_run():
    run = lesson.running([10.0, 20.0, 30.0], (0.9, 0.5, 0.3), (True, True, False), False)
    # V_3 of β = 0.9 is 5.61 (above); of β = 0.5: 0.5·(0.5·(0.5·10) + 0.5·20) + 0.5·30 = 21.25
    look = formulas.look_overlay(run, "en")
    assert "θ = 30" in look and "5.61 at β = 0.9, 21.25 at β = 0.5" in look
    w = lesson.weights(0.9)  # newest weight 0.1; ten steps back 0.1·0.9¹⁰ = 0.03487
    look = formulas.look_weights(w, "en")
    assert "weighs 0.1;" in look and "k = 10 steps back, the weight is 0.0349" in look
    assert formulas.look_weights(lesson.weights(0.0), "ko") == text.get(
        "ewa.look.weights_zero", "ko"
    )
    assert "n = 10, where (1 − 1/n)ⁿ = 0.3487" in formulas.look_decay(w, "en")
    b = lesson.bias(np.array([10.0, 20.0, 30.0, 40.0]), (0.5, 0.9))
    look = formulas.look_closeup(b, "en")  # the largest β: V₁ = (1 − 0.9)·10 = 1
    assert "θ₁ = 10" in look and "1 for β = 0.9" in look
    look = formulas.look_factor(b, (0.5, 0.9), 4, "ko")
    assert look.startswith(text.get("ewa.look.factor", "ko"))
    assert "t = 1에서 2," in look  # β = 0.5: 1/(1 − 0.5) = 2


def test_fast_figures_are_valid_plotly():
    """The page builds its figures from plain dicts without validation: validate them here."""
    import plotly.graph_objects as go

    values = np.linspace(0.0, 1.0, 50)
    run = lesson.running(values, (0.5, 0.9, 0.98), (True, True, False), False)
    factor = lesson.bias(values, run.betas).factor
    weights = lesson.weights(0.9)
    t = np.arange(1, 51)
    figures = [
        fig.overlay(
            t,
            values,
            [("a", run.plain[0], "#000")],
            raw_label="r",
            xlabel="x",
            ylabel="y",
            title="T",
        ),
        fig.weight_bars(
            weights.weights,
            weights.k_window,
            color="#000",
            xlabel="x",
            ylabel="y",
            window_label="w",
            level_label="l",
        ),
        fig.decay_limit(
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
        fig.bias_closeup(
            t,
            values,
            [("a", run.plain[0], run.corrected[0], "#000")],
            raw_label="r",
            plain_label="p",
            corrected_label="c",
            xlabel="x",
            ylabel="y",
        ),
        fig.correction_curves(t, [("a", factor[1], "#000")], xlabel="x", ylabel="y"),
        fig.gradient_stream(
            t,
            values,
            [("a", run.plain[0], "#000")],
            0.5,
            raw_label="r",
            full_label="f",
            xlabel="x",
            ylabel="y",
        ),
    ]
    for figure in figures:
        spec = figure.to_dict()
        go.Figure(spec)  # raises on any invalid property
        assert spec["layout"]["xaxis"]["title"]["text"] == "x"
        assert spec["layout"]["template"]["layout"]  # the shared plotly_white look
    # the weights chart marks k = 1/(1-β) = 10 and the level newest/e
    shapes = figures[1].to_dict()["layout"]["shapes"]
    assert shapes[1]["x0"] == 10
    assert shapes[0]["y0"] == pytest.approx(0.1 / np.e)


# -- lean data (issue 9): what the page sends -----------------------------------------------------
KIB = 1024
PAGE_BUDGET = 500 * KIB  # every page at its defaults sends at most this much of figures


def sent(figure) -> dict:
    """The figure as ``st.plotly_chart`` sends it (JSON, typed arrays still encoded)."""
    return json.loads(figure.to_json())


def default_page_figures() -> dict:
    """The page's six figures at its defaults, on the default series (Seattle, 1,461 days),
    built as the page builds them (English labels)."""

    def t(key, **fields):
        return text.get(key, "en", **fields)

    data = lesson.series(lesson.DEFAULT_SERIES)
    run = lesson.running(data.values, lesson.BETA_DEFAULTS, (True, True, True), False)
    colors = fig.beta_colors(run.slots)
    beta_names = [t("ewa.beta_label", beta=f"{b:g}") for b in run.betas]
    pairs = zip(run.betas, run.windows, strict=True)
    names = [t("ewa.curve_label", beta=f"{b:g}", window=f"{w:.4g}") for b, w in pairs]
    ylabel = fig.value_axis(data.value_name, data.unit)
    w = lesson.weights(lesson.WEIGHTS_BETA)
    closeup = lesson.bias(data.values, run.betas)
    noisy = lesson.noisy_gradients(lesson.DEFAULT_BATCH, run.betas, False)
    return dict(
        overlay=fig.overlay(
            data.x,
            data.values,
            list(zip(names, run.shown, colors, strict=True)),
            raw_label=t("ewa.raw"),
            xlabel=t("ewa.time"),
            ylabel=ylabel,
            title=t("ewa.overlay_title"),
        ),
        weights=fig.weight_bars(
            w.weights,
            w.k_window,
            color=fig.WEIGHTS_COLOR,
            xlabel=t("ewa.weights_x"),
            ylabel=t("ewa.weights_y"),
            window_label=t("ewa.window_mark", k=w.k_window),
            level_label=t("ewa.level_mark"),
            title=t("ewa.weights_title", beta="0.9"),
        ),
        decay=fig.decay_limit(
            w.decay_n,
            w.decay,
            n_beta=w.n_beta,
            value_beta=w.value_beta,
            color=fig.WEIGHTS_COLOR,
            xlabel=t("ewa.decay_x"),
            curve_label=t("ewa.decay_curve"),
            e_label=t("ewa.e_line"),
            beta_label=t("ewa.beta_point"),
            title=t("ewa.decay_title"),
        ),
        closeup=fig.bias_closeup(
            closeup.steps,
            closeup.raw,
            list(zip(beta_names, closeup.plain, closeup.corrected, colors, strict=True)),
            raw_label=t("ewa.raw"),
            plain_label=t("ewa.plain"),
            corrected_label=t("ewa.corrected"),
            xlabel=t("ewa.step_t"),
            ylabel=ylabel,
            title=t("ewa.closeup_title", n=closeup.first),
        ),
        factor=fig.correction_curves(
            closeup.t,
            list(zip(beta_names, closeup.factor, colors, strict=True)),
            xlabel=t("ewa.step_t"),
            ylabel=t("ewa.factor_y"),
            title=t("ewa.factor_title"),
        ),
        gradients=fig.gradient_stream(
            noisy.steps,
            noisy.grads,
            list(zip(beta_names, noisy.averages, colors, strict=True)),
            noisy.full,
            raw_label=t("ewa.grad_raw"),
            full_label=t("ewa.grad_full", value=f"{noisy.full:.3g}"),
            xlabel=t("common.step"),
            ylabel=t("ewa.grad_y"),
            title=t("ewa.grad_title", bs=noisy.batch_size),
        ),
    )


def test_the_page_at_its_defaults_sends_at_most_500_kib_of_figures():
    figures = default_page_figures()
    assert len(figures) == 6
    total = sum(len(figure.to_json()) for figure in figures.values())
    assert total <= PAGE_BUDGET, f"{total / KIB:.0f} KiB"


def test_the_long_series_go_as_float32_and_their_even_dates_once():
    data = lesson.series(lesson.DEFAULT_SERIES)
    figures = default_page_figures()
    overlay = sent(figures["overlay"])
    assert overlay["layout"]["xaxis"]["type"] == "date"
    for trace in overlay["data"]:  # raw values and the three averages: 1,461 days each
        assert trace["y"]["dtype"] == "f4" and "x" not in trace
        # the days, as plotly.js rebuilds them: x0 + i·dx milliseconds
        days = np.datetime64(trace["x0"]) + np.arange(data.n) * np.timedelta64(
            int(trace["dx"]), "ms"
        )
        assert np.array_equal(days, data.x)
    raw = by_name(figures["overlay"], text.get("ewa.raw", "en"))
    np.testing.assert_allclose(np.asarray(raw.y, float), data.values, rtol=1e-6)
    for name in ("closeup", "factor", "gradients"):
        for trace in sent(figures[name])["data"]:
            if isinstance(trace["y"], dict):  # a typed array: every line of more than 2 points
                assert trace["y"]["dtype"] == "f4", (name, trace["name"])


def test_the_correction_factor_is_drawn_at_log_spaced_steps():
    data = lesson.series(lesson.DEFAULT_SERIES)
    closeup = lesson.bias(data.values, lesson.BETA_DEFAULTS)
    figure = fig.correction_curves(
        closeup.t, [("a", closeup.factor[2], "#000")], xlabel="t", ylabel="f"
    )
    t, factor = np.asarray(figure.data[0].x), np.asarray(figure.data[0].y, float)
    assert len(t) <= fig.LOG_POINTS and t[0] == 1 and t[-1] == data.n
    assert np.all(np.diff(t) > 0) and np.array_equal(t[:50], np.arange(1, 51))  # every early t
    np.testing.assert_allclose(factor, closeup.factor[2][t - 1], rtol=1e-6)
    short = fig.correction_curves(
        np.arange(1, 31), [("a", np.ones(30), "#000")], xlabel="t", ylabel="f"
    )
    assert list(short.data[0].x) == list(range(1, 31))  # a short series keeps every point


def test_x_is_sent_once_when_even_and_as_short_dates_when_not():
    days = np.arange("2024-01-01", "2024-01-11", dtype="datetime64[D]").astype("datetime64[us]")
    assert fig.x_axis(days) == dict(x0="2024-01-01", dx=86_400_000.0)
    assert fig.x_axis(np.arange(1, 201)) == dict(x0=1, dx=1)
    gaps = days[[0, 1, 3]]
    assert fig.x_axis(gaps) == dict(x=["2024-01-01", "2024-01-02", "2024-01-04"])
    hours = gaps + np.timedelta64(5, "h")
    assert fig.x_axis(hours)["x"][0] == "2024-01-01T05"
    odd = np.array([1.0, 2.5, 4.0])  # not whole numbers: sent as they are
    assert fig.x_axis(odd)["x"] is not None and "x0" not in fig.x_axis(odd)
    assert fig.x_axis(np.array([3, 2, 1]))["x"].tolist() == [3, 2, 1]  # falling: as they are


def test_values_float32_cannot_hold_stay_float64():
    assert fig.lean([1.0, 2.0]).dtype == np.float32
    assert fig.lean([0.0, np.nan, 5.0]).dtype == np.float32
    assert fig.lean([1e-40, 2e-40]).dtype == np.float64  # would vanish into zero
    assert fig.lean([1e40, 1.0]).dtype == np.float64  # would overflow to infinity


# -- the overlay of long series (issue 9: at most 400 KiB for every series choice) -------------


@pytest.mark.parametrize("name", list(lesson.SERIES))
def test_every_built_in_series_overlay_stays_under_400_kib_with_every_value(name):
    data = lesson.series(name)
    run = lesson.running(data.values, lesson.BETA_DEFAULTS, (True, True, True), True)
    curves = [(f"β = {b:g}", v, "#000") for b, v in zip(run.betas, run.shown, strict=True)]
    figure = fig.overlay(data.x, data.values, curves, raw_label="raw", xlabel="x", ylabel="y")
    assert len(figure.to_json()) <= 400 * KIB, f"{len(figure.to_json()) / KIB:.0f} KiB"
    assert fig.overlay_stride(data.x) == 1  # no built-in series is thinned
    spec = sent(figure)
    for trace, values in zip(spec["data"], [data.values, *run.shown], strict=True):
        drawn = np.frombuffer(base64.b64decode(trace["y"]["bdata"]), trace["y"]["dtype"])
        np.testing.assert_allclose(drawn[np.isfinite(drawn)], values, rtol=1e-6)
        if "x0" in trace:  # an even grid: every value sits at its own date
            step = np.timedelta64(int(trace["dx"]), "ms")
            grid = np.datetime64(trace["x0"]) + np.arange(len(drawn)) * step
            assert np.array_equal(grid[np.isfinite(drawn)], data.x)
        else:
            assert name == "aapl" and len(trace["x"]) == data.n  # monthly: uneven, 123 dates


def test_an_even_grid_with_a_missing_hour_gets_an_empty_slot_and_joined_lines():
    hours = np.arange(0, 100) * np.timedelta64(1, "h") + np.datetime64("2010-03-14T00", "us")
    x = np.delete(hours, 2)  # the clocks go forward: 02:00 never happens
    assert fig._even_grid(x).tolist() == [0, 1, *range(3, 100)]
    values = np.arange(99.0)
    figure = fig.overlay(x, values, [("a", values, "#000")], raw_label="r", xlabel="x", ylabel="y")
    raw, line = sent(figure)["data"]
    drawn = np.frombuffer(base64.b64decode(raw["y"]["bdata"]), raw["y"]["dtype"])
    assert len(drawn) == 100 and np.isnan(drawn[2]) and np.array_equal(np.delete(drawn, 2), values)
    assert raw["x0"] == "2010-03-14" and raw["dx"] == 3_600_000
    assert line["connectgaps"] is True and "connectgaps" not in raw
    # too many empty slots (more than GAP_SLACK), or a step that is not a whole multiple of
    # the smallest: every date as it is
    assert fig._even_grid(np.array([0, 2, 3])) is None  # 1 empty slot in 4
    assert fig._even_grid(np.array([*range(100), 101])) is not None  # 1 in 102
    assert fig._even_grid(np.array([0, 2, 5])) is None
    assert fig._even_grid(np.array([0.0, 1.0, 2.0])) is None  # not whole numbers or dates


def test_a_long_series_is_drawn_at_every_kth_point():
    n = 50_000
    values = np.sin(np.arange(n) / 50.0)
    even = fig.overlay(
        np.arange(1, n + 1), values, [("a", values, "#000")], raw_label="r", xlabel="x", ylabel="y"
    )
    k = fig.overlay_stride(np.arange(1, n + 1))
    assert k == -(-n // fig.OVERLAY_POINTS) == 5
    trace = sent(even)["data"][0]
    assert trace["x0"] == 1 and trace["dx"] == k
    np.testing.assert_allclose(np.asarray(even.data[0].y, float), values[::k], rtol=1e-6)
    assert len(even.to_json()) <= 400 * KIB
    days = np.datetime64("2000-01-01") + np.cumsum(np.arange(n) % 3 + 1).astype("timedelta64[D]")
    uneven = fig.overlay(
        days, values, [("a", values, "#000")], raw_label="r", xlabel="x", ylabel="y"
    )
    k = fig.overlay_stride(days)
    assert k == -(-n // fig.OVERLAY_UNEVEN)
    assert len(uneven.data[0].x) == len(values[::k]) and len(uneven.to_json()) <= 400 * KIB
