"""AppTest: the RMSprop page renders in both languages, survives extreme and garbage settings,
shows numbers that come from the run, and gives the flat direction the larger learning rate."""

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.lessons import rmsprop as lesson
from tests.app.helpers import chart, open_app, trace
from ui import text

PAGE = "app_pages/rmsprop.py"


def open_page(lang="en", **params):
    at = open_app(PAGE, lang, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


CHARTS = 6  # step k, the valley, the cost, √s, the rates, the distance


def latex(at) -> str:
    """Every formula on the page: ``st.latex`` elements and ``$$…$$`` inside Markdown (a
    formula goes out in one element with the text beside it)."""
    return " ".join(e.value for e in [*at.latex, *at.markdown])


def ys(spec, name):
    """The y values of the trace ``name`` (gaps, written as None, become NaN)."""
    return np.array(trace(spec, name)["y"], dtype=float)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_renders_in_both_languages_with_six_charts(lang):
    at = open_page(lang)
    assert at.title[0].value == text.get("rmsprop.title", lang)
    assert len(at.get("plotly_chart")) == CHARTS
    assert not at.error
    assert len(at.info) >= 4  # a "what to try" per section


def test_first_step_is_alpha_over_root_one_minus_beta_from_the_run():
    at = open_page("en", r_lr="0.1", r_beta="0.99")
    # 10·α = 1 on both coordinates, measured from the run and given by the formula
    assert r"\frac{0.1}{\sqrt{0.01}} = 1" in latex(at)
    assert r"|\Delta w_1| = 1,\ |\Delta b_1| = 1" in latex(at)
    assert "RMSprop(lr=0.1, alpha=0.99, eps=1e-08)" in latex(at)


def test_live_numbers_at_step_k_match_a_direct_run():
    at = open_page("en", r_k="3")
    f = objectives.get("elongated_bowl", condition=25)
    tr = optim_core.run(
        optim_core.rmsprop(0.1, 0.9, 1e-8), f, np.array([-2.5, 1.5]), 3, record_states=True
    )
    s_b = tr.states.s[3, 1]
    assert r"s_b &= 0.9\cdot" in latex(at)
    assert f"= {s_b:.4g}" in latex(at)


def test_flat_direction_gets_the_larger_effective_rate():
    at = open_page("en")
    rates = chart(at, "rmsprop_rates")
    w = ys(rates, text.get("rmsprop.rate_w", "en"))
    b = ys(rates, text.get("rmsprop.rate_b", "en"))
    assert np.all(w > b)
    gd = ys(rates, text.get("rmsprop.rate_gd", "en", lr="0.07"))
    assert np.allclose(gd, 0.07)


def test_steps_to_target_come_from_the_run():
    at = open_page("en")
    f = objectives.get("elongated_bowl", condition=25)
    x0 = np.array([-2.5, 1.5])
    gd = optim_core.run(optim_core.gd(0.07), f, x0, 200)
    rms = optim_core.run(optim_core.rmsprop(0.1, 0.9, 1e-8), f, x0, 200)
    expected = [str(int(np.flatnonzero(r.loss <= 1e-3)[0])) for r in (gd, rms)]
    assert [m.value for m in at.metric[:2]] == expected
    assert int(expected[1]) < int(expected[0])  # RMSprop arrives first at the defaults


def test_gd_above_two_over_kappa_reports_divergence_without_a_blank_chart():
    at = open_page("ko", r_kappa="100", r_gdlr="0.2")
    assert at.error
    assert "발산" in at.error[0].value
    assert len(at.get("plotly_chart")) == CHARTS


@pytest.mark.parametrize(
    "params",
    [
        dict(r_kappa="5", r_lr="0.001", r_beta="0.0", r_eps="1e-08", r_n="10", r_k="300"),
        dict(r_kappa="100", r_lr="1.0", r_beta="0.999", r_eps="1.0", r_n="300", r_gdlr="0.2"),
        dict(r_kappa="abc", r_lr="nan", r_beta="2", r_eps="-1", r_n="1e9", r_k="-4", r_gdlr="x"),
    ],
)
def test_extreme_and_garbage_values_give_no_exception(params):
    at = open_page("en", **params)
    assert len(at.get("plotly_chart")) == CHARTS


def test_sliders_at_their_ends():
    at = open_page("en")
    at.slider(key="r_beta").set_value(0.999).run()
    at.select_slider(key="r_lr").set_value(1.0).run()
    at.slider(key="r_n").set_value(10).run()
    at.slider(key="r_k").set_value(300).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == CHARTS


def inline(x: float) -> str:
    """A number as the page writes it into a sentence: an inline formula, three digits."""
    mantissa, _, exponent = f"{x:.3g}".partition("e")
    return f"${mantissa}\\times 10^{{{int(exponent)}}}$" if exponent else f"${mantissa}$"


def direct(steps=200, kappa=25, lr=0.1, beta=0.9, eps=1e-8):
    f = objectives.get("elongated_bowl", condition=kappa)
    run = optim_core.rmsprop(lr, beta, eps)
    return optim_core.run(run, f, np.array([-2.5, 1.5]), steps, record_states=True)


def marked(at, key):
    spec = trace(chart(at, "rmsprop_step"), text.get(f"rmsprop.fig.{key}", "en"))
    return np.array([spec["x"][0], spec["y"][0]], dtype=float)


def spec_text(at, key) -> str:
    (found,) = [c.proto.spec for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return found


def test_the_step_k_chart_marks_the_step_of_the_formula_and_moves_alone():
    # issue 10: the step-k section holds its slider, its formula and a chart of that step
    at = open_page("en", r_k="4")
    tr = direct()
    np.testing.assert_allclose(marked(at, "x_prev"), tr.params[3])
    np.testing.assert_allclose(marked(at, "x_new"), tr.params[4])
    assert not chart(at, "rmsprop_step").get("frames")
    assert f"{tr.params[4][1] - tr.params[3][1]:.4g}" in latex(at)  # Δb of step 4
    before = {key: spec_text(at, key) for key in ("rmsprop_valley", "rmsprop_cost")}
    at.slider(key="r_k").set_value(12).run()
    assert not at.exception
    assert {key: spec_text(at, key) for key in before} == before  # only step k's section moved
    np.testing.assert_allclose(marked(at, "x_new"), tr.params[12])
    assert f"{tr.params[12][1] - tr.params[11][1]:.4g}" in latex(at)
    assert not [s for s in at.sidebar.slider if s.key == "r_k"]


def test_the_dip_below_the_target_and_the_way_back_are_explained_where_they_are_seen():
    # issue 10: the cost falls to ~1e-36 near step 68 and is back above 1e-3 by step 91
    at = open_page("en")
    tr = direct()
    loss = tr.loss
    low = int(np.argmin(loss))
    back = low + int(np.flatnonzero(loss[low:] > 1e-3)[0])
    rate_b = 0.1 / (np.sqrt(tr.states.s[:, 1]) + 1e-8)  # the rate update k used
    hit = int(np.flatnonzero(loss <= 1e-3)[0])
    unstable = hit + int(np.flatnonzero(25 * rate_b[hit:] > 2)[0])
    assert (low, back, unstable) == (68, 91, 58)
    factor = abs(1 - 25 * rate_b[back])
    expected = text.get(
        "rmsprop.rebound",
        "en",
        low=inline(loss[low]),
        low_step=low,
        back=back,
        back_cost=inline(loss[back]),
        unstable=unstable,
        two="0.08",
        factor=f"{factor:.3g}",
        floor=r"$1\times 10^{-12}$",
    )
    texts = [m.value for m in at.markdown]
    assert any(expected in m for m in texts)
    # in the same section as the cost chart, before section 3's heading
    cost_text = next(i for i, m in enumerate(texts) if expected in m)
    section_3 = next(i for i, m in enumerate(texts) if text.get("rmsprop.s3_title", "en") in m)
    assert cost_text < section_3


def test_the_cost_axis_has_a_floor_so_the_dip_does_not_squash_the_rest():
    at = open_page("en")
    axis = chart(at, "rmsprop_cost")["layout"]["yaxis"]
    assert axis["type"] == "log" and axis["range"][0] == -12  # 1e-12, not 1e-36
    assert axis["range"][1] > np.log10(direct().loss[0])  # the start is in view
    distance = chart(at, "rmsprop_distance")["layout"]["yaxis"]
    assert distance["range"][0] == -7


def test_no_dip_no_sentence():
    at = open_page("en", r_beta="0.99", r_n="300")  # β = 0.99: no hopping within 300 steps
    first = text.get("rmsprop.rebound", "en").split("{")[0]
    assert not any(first in m.value for m in at.markdown)


GARBAGE = ["", "inf", "-inf", "nan", "1e999", "-1e999", "abc", "11111111111111111111", "２", "-0"]
BOUND = ("r_kappa", "r_lr", "r_beta", "r_eps", "r_gdlr", "r_n", "r_k")


@pytest.mark.parametrize("raw", GARBAGE)
def test_garbage_in_every_bound_parameter_gives_no_exception(raw):
    at = open_page("en", **dict.fromkeys(BOUND, raw))
    assert len(at.get("plotly_chart")) == CHARTS


LOOK = {"en": "*What to look at:*", "ko": "*볼 곳:*"}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_chart_has_a_line_saying_what_to_look_at(lang):
    at = open_page(lang)
    looks = [m.value for m in at.markdown if m.value.startswith(LOOK[lang])]
    assert len(looks) == CHARTS == len(at.get("plotly_chart"))
    valley = lesson.valley(lesson.setup(25, 0.1, 0.9, 1e-8, 0.07, 200))
    up = valley.rebound  # the defaults dip and come back: the cost chart says where
    dip = text.get("rmsprop.look.cost_dip", lang, target="0.001", hit=up.hit, low_step=68, back=91)
    assert dip in looks


def test_the_valley_line_measures_the_swing_across_b():
    at = open_page("en")
    tr = direct()
    b = tr.params[:31, 1]
    rms = np.abs(np.diff(b)).sum() - abs(b[-1] - b[0])
    line = next(m.value for m in at.markdown if "back and forth in b" in m.value)
    assert f"the green one (RMSprop) {max(rms, 0):.3g}" in line
