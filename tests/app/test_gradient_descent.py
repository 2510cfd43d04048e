"""AppTest: the gradient-descent page renders, reports regimes and divergence, steps through runs."""

import numpy as np
import pytest

import optim_core
from optim_core.lessons import gradient_descent as lesson
from tests.app.helpers import chart, open_app, trace
from ui import text

PAGE = "app_pages/gradient_descent.py"
X, Y = lesson.tips()
C2 = lesson.curvature(X)
ONE, TWO = lesson.thresholds(C2)


def open_page(lang="en", **params):
    at = open_app(PAGE, lang, timeout=60, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


GD = text.get("common.optimizer.gd", "en")  # the name of the path trace


def spec_text(at, key) -> str:
    """The raw Plotly JSON of the chart drawn with ``key=key`` (to compare two runs exactly)."""
    (found,) = [c.proto.spec for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return found


def latex(at) -> str:
    """Every formula on the page: ``st.latex`` elements and ``$$…$$`` inside Markdown (a
    formula goes out in one element with the text beside it)."""
    return " ".join(e.value for e in [*at.latex, *at.markdown])


def gd_run(lr, w0=0.5, steps=25):
    loss = lesson.NoInterceptLeastSquares(X, Y)
    return optim_core.run(optim_core.gd(lr), loss, np.array([w0]), steps)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_page_renders_with_four_charts_and_the_coefficients(lang):
    at = open_page(lang)
    assert at.title[0].value == text.get("gradient_descent.title", lang)
    assert len(at.get("plotly_chart")) == 4  # the run, step k, contour, surface
    assert "235.21" in latex(at) and "67.613" in latex(at)  # a = Σx²/2m, -b = Σxy/m
    assert "470.41" in latex(at)  # C''
    assert not at.error  # the default α converges


def test_alpha_above_two_over_c2_reports_divergence_with_its_step():
    at = open_page("en")
    at.select_slider(key="gd_lr").set_value(0.00631).run()
    assert not at.exception
    run = gd_run(0.00631)
    step = int(run.diverged_at)
    assert step > 0
    errors = " ".join(e.value for e in at.error)
    expected = text.get("common.diverged", "en", name="Gradient descent", step=step)
    assert expected in errors
    assert "2/C'' = 0.004252" in errors
    # the chart is not blank: frames up to the last finite step, each with its numbers
    fig = chart(at, "gd_descent")
    assert len(fig["frames"]) == step - 1
    assert len(at.get("plotly_chart")) == 4


def test_korean_divergence_message():
    at = open_page("ko", gd_lr="0.01")
    step = int(gd_run(0.01).diverged_at)
    expected = text.get("common.diverged", "ko", name="경사 하강법", step=step)
    assert expected in " ".join(e.value for e in at.error)


def test_learning_rate_grid_covers_every_regime():
    found = {lesson.regime(lr, C2) for lr in lesson.LR_GRID}
    assert found == {"creep", "overshoot", "diverge"}  # log grid misses the exact thresholds
    assert max(lesson.LR_GRID) > 2 * TWO  # well past 2/C''
    options = lesson.lr_options()
    assert ONE in options and TWO in options  # offered exactly, on the slider and as buttons
    assert list(options) == sorted(options)


def test_threshold_buttons_pick_the_exact_values_and_name_the_regime():
    at = open_page("en")
    at.button(key="_gd_two").click().run()
    assert not at.exception
    assert at.select_slider(key="gd_lr").value == pytest.approx(TWO, rel=1e-12)
    assert any("exactly 2/C''" in w.value for w in at.warning)
    assert not at.error  # bouncing is not divergence
    at.button(key="_gd_one").click().run()
    assert at.select_slider(key="gd_lr").value == pytest.approx(ONE, rel=1e-12)
    assert any("exactly 1/C''" in s.value for s in at.success)


@pytest.mark.parametrize(
    ("lr", "regime"),
    [(0.001, "creep"), (0.00316, "overshoot"), (0.00501, "diverge"), (0.0001, "creep")],
)
def test_grid_values_fall_in_the_named_regime(lr, regime):
    assert lesson.regime(lr, C2) == regime
    at = open_page("en", gd_lr=f"{lr:.3g}")
    messages = " ".join(m.value for m in (*at.info, *at.error, *at.warning, *at.success))
    first_words = text.get(
        f"gradient_descent.regime.{regime}", "en", lr="§", one="", two="", factor="", growth=""
    ).split("§")[1][:12]
    assert first_words in messages


def current_w(at) -> float:
    """W_k as the step-k chart marks it (its "current W" point)."""
    name = text.get("gradient_descent.fig.current", "en")
    return float(np.asarray(trace(chart(at, "gd_step"), name)["x"], dtype=float)[0])


def test_step_buttons_move_k_and_the_chart_and_formulas_show_that_step():
    at = open_page("en")
    run = gd_run(0.001)
    assert at.slider(key="gd_k").value == 0
    at.button(key="_gd_fwd").click().run()
    at.button(key="_gd_fwd").click().run()
    assert at.slider(key="gd_k").value == 2
    shown = latex(at)
    assert "W_{3} &= W_{2}" in shown
    assert f"{run.params[3, 0]:.4g}" in shown
    assert current_w(at) == pytest.approx(run.params[2, 0], rel=1e-5)  # the chart: step 2
    at.button(key="_gd_back").click().run()
    assert at.slider(key="gd_k").value == 1
    assert current_w(at) == pytest.approx(run.params[1, 0], rel=1e-5)
    assert "W_{2} &= W_{1}" in latex(at)
    # the animation previews the whole run from step 0, every frame with its own numbers
    fig = chart(at, "gd_descent")
    assert fig["layout"]["sliders"][0]["active"] == 0
    assert len(fig["frames"]) == 25
    note = fig["frames"][4]["layout"]["annotations"][0]["text"]
    assert f"W = {run.params[4, 0]:.4g}" in note and f"new W = {run.params[5, 0]:.4g}" in note
    assert f"W = {run.params[0, 0]:.4g}" in fig["layout"]["annotations"][0]["text"]


def test_step_k_is_one_control_in_the_main_area_and_leaves_the_animation_alone():
    # issue 10: two step controls (the sidebar's and the chart's) showed different steps
    at = open_page("en")
    assert not [s for s in at.sidebar.slider if s.key == "gd_k"]
    before = spec_text(at, "gd_descent")
    at.slider(key="gd_k").set_value(7).run()
    assert not at.exception
    assert spec_text(at, "gd_descent") == before  # the animation does not follow k
    run = gd_run(0.001)
    assert current_w(at) == pytest.approx(run.params[7, 0], rel=1e-5)
    assert "W_{8} &= W_{7}" in latex(at)
    assert at.subheader[0].value == text.get("gradient_descent.formulas_title", "en", k=7)


def test_the_step_slider_is_url_bound_under_its_key():
    at = open_page("en", gd_k="5")
    assert at.slider(key="gd_k").value == 5
    assert "W_{6} &= W_{5}" in latex(at)


def test_the_address_holds_the_learning_rate_as_a_number():
    # issue 10: the α = 2/C'' preset wrote its label into the address (gd_lr=2%2FC%27%27+%3D+...)
    at = open_page("en")
    options = at.select_slider(key="gd_lr").options  # what Streamlit writes into the URL
    assert all(float(o) > 0 for o in options)
    assert "0.004252" in options and "0.002126" in options
    for link in ("0.004252", "2/C'' = 0.004252"):  # the number, or an older link's label
        at = open_page("en", gd_lr=link)
        assert at.select_slider(key="gd_lr").value == pytest.approx(TWO, rel=1e-12)
        assert not any("cannot be used" in w.value for w in at.warning)
        assert any("exactly 2/C''" in w.value for w in at.warning)


GARBAGE = ["", "inf", "-inf", "nan", "1e999", "-1e999", "abc", "11111111111111111111", "２", "-0"]
BOUND = ("gd_lr", "gd_w0", "gd_steps", "gd_k", "gd_raw", "gd_r2", "gd_w2", "gd_b2", "gd_n2", "cam")


@pytest.mark.parametrize("raw", GARBAGE)
def test_garbage_in_every_bound_parameter_gives_no_exception(raw):
    at = open_app(PAGE, "en", timeout=60, **dict.fromkeys(BOUND, raw))
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("plotly_chart")) == 4


def test_step_beyond_the_run_is_clamped():
    at = open_page("en", gd_steps="10", gd_k="9")
    assert at.slider(key="gd_k").value == 9
    at.slider(key="gd_steps").set_value(5).run()
    assert not at.exception
    assert at.slider(key="gd_k").value == 4


def test_garbage_url_values_fall_back_to_defaults():
    at = open_page("en", gd_lr="banana", gd_w0="nan", gd_k="-3", gd_r2="7")
    assert at.select_slider(key="gd_lr").value == 0.001
    assert at.slider(key="gd_w0").value == 0.5
    assert at.slider(key="gd_k").value == 0


def test_one_dimensional_controls_leave_the_3d_figure_unchanged():
    at = open_page("en")
    before = spec_text(at, "gd_surface")
    at.select_slider(key="gd_lr").set_value(0.00316).run()
    at.button(key="_gd_fwd").click().run()
    assert spec_text(at, "gd_surface") == before
    fig = chart(at, "gd_surface")
    assert fig["data"][0]["type"] == "surface"
    assert len(fig["frames"]) == 41  # the 40-step path plays on the fixed surface


def test_two_parameter_view_reports_condition_numbers_and_divergence():
    at = open_page("en")
    shown = latex(at)
    assert "2814" in shown  # κ raw
    assert r"\kappa_{\text{std}}" in shown
    at.select_slider(key="gd_r2").set_value(2.05).run()
    assert not at.exception
    assert any("diverging" in w.value for w in at.warning)  # 40 steps: growing, not yet blown up
    at.slider(key="gd_n2").set_value(300).run()
    assert any("diverged at step" in e.value for e in at.error)
    at.slider(key="gd_n2").set_value(40).run()
    at.select_slider(key="gd_r2").set_value(1.9).run()
    b_std = np.asarray(trace(chart(at, "gd_contour"), GD)["y"], dtype=float)
    assert b_std[-1] == pytest.approx(2.998, abs=0.05)  # round bowl: near b* in 40 steps
    at.toggle(key="gd_raw").set_value(True).run()
    assert not at.exception
    b_raw = np.asarray(trace(chart(at, "gd_contour"), GD)["y"], dtype=float)
    assert len(b_raw) == 41
    assert b_raw[-1] > 5.0  # raw bills: b crawls from 5.5 and is still far from b* ≈ 0.92


def test_empty_camera_in_the_link_falls_back_to_the_default():
    # ?cam= clears the bound control to None (issue 10: KeyError: None)
    at = open_app(PAGE, "en", timeout=60, cam="")
    assert not at.exception, [e.value for e in at.exception]
    assert chart(at, "gd_surface")["layout"]["scene"]["camera"]["eye"]["x"] == 1.5  # "iso"


# -- issue 10: what b means, what to look at, colours ---------------------------------------------
def markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_standardized_run_ends_at_the_mean_tip_and_the_page_says_so():
    # the study note: b is "the average output you would guess with no input"
    mean_tip = float(np.mean(Y))
    valley = lesson.valley(lesson.DEFAULT_RATE, -2.5, 5.5, 40, False)
    assert valley.optimum[1] == pytest.approx(mean_tip, rel=1e-12)  # b* = ȳ exactly
    assert valley.end[1] == pytest.approx(mean_tip, abs=1e-3)  # where the run ends
    assert valley.mean_tip == pytest.approx(mean_tip, rel=1e-12)
    for lang in text.LANGUAGES:
        at = open_page(lang)
        said = text.get(
            "gradient_descent.intercept_std",
            lang,
            b_end=f"{valley.end[1]:.4g}",
            b_star=f"{valley.optimum[1]:.4g}",
            mean=f"{mean_tip:.4g}",
            m=244,
        )
        assert any(said in m for m in markdown(at)), lang
        assert "2.998" in said
    raw = lesson.valley(lesson.DEFAULT_RATE, -2.5, 5.5, 40, True)
    assert raw.optimum[1] == pytest.approx(mean_tip - raw.optimum[0] * X.mean(), rel=1e-9)
    at = open_page("en", gd_raw="true")
    assert any("bill of $0" in m and f"{raw.optimum[1]:.4g}" in m for m in markdown(at))


LOOK = {lang: text.get("gradient_descent.look.step", lang).split(":")[0] for lang in text.LANGUAGES}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_chart_has_a_line_saying_what_to_look_at_with_the_runs_numbers(lang):
    at = open_page(lang)
    lines = [m for m in markdown(at) if m.startswith(LOOK[lang])]
    assert len(lines) == len(at.get("plotly_chart")) == 4
    descent, step, contour, surface = lines
    p, d = lesson.parabola(), lesson.descent(0.001, 0.5, 25)
    assert f"{p.cost_star:.4g}" in descent  # the lowest cost there is
    assert f"{d.cost_first:.4g}" in descent and f"{d.loss_path[-1]:.4g}" in descent
    assert f"{d.w[0]:.4g}" in step and f"{d.new[0]:.4g}" in step and f"{d.slope[0]:.4g}" in step
    v = lesson.valley(0.3, -2.5, 5.5, 40, False)
    assert f"({v.end[0]:.4g}, {v.end[1]:.4g})" in contour
    assert f"{v.loss[0]:.4g}" in surface and f"{v.loss[-1]:.4g}" in surface
    # a diverging 1-D run says the cost climbs
    at = open_page(lang, gd_lr="0.01")
    first = [m for m in markdown(at) if m.startswith(LOOK[lang])][0]
    climb = text.get("gradient_descent.look.descent_diverge", lang).split("{")[0]
    assert first.startswith(climb)


def test_the_look_line_under_the_step_chart_follows_k():
    at = open_page("en")
    at.slider(key="gd_k").set_value(3).run()
    d = lesson.descent(0.001, 0.5, 25, 3)
    line = [m for m in markdown(at) if m.startswith(LOOK["en"]) and "touches" in m][0]
    assert "$W_{3}$" in line and f"{d.w_k:.4g}" in line and f"{d.new_k:.4g}" in line


def test_gradient_descent_is_blue_on_its_own_page():
    at = open_page("en")
    blue = "#0072B2"
    others = {"#D55E00", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"}  # the other racers
    for key in ("gd_descent", "gd_step", "gd_contour", "gd_surface"):
        spec = chart(at, key)
        used = {str(c).upper() for tr in spec["data"] for c in _colours(tr)}
        assert not used & others, key
    assert trace(chart(at, "gd_contour"), GD)["line"]["color"] == blue
    assert trace(chart(at, "gd_surface"), GD)["line"]["color"] == blue
    arrow = text.get("gradient_descent.fig.step_arrow", "en")
    assert trace(chart(at, "gd_step"), arrow)["line"]["color"] == blue


def _colours(tr: dict):
    for part in ("line", "marker"):
        colour = (tr.get(part) or {}).get("color")
        if isinstance(colour, str):
            yield colour
