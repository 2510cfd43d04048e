"""AppTest: the RMSprop page renders in both languages, survives extreme and garbage settings,
shows numbers that come from the run, and gives the flat direction the larger learning rate."""

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from tests.app.helpers import chart, open_app, trace
from ui import text

PAGE = "app_pages/rmsprop.py"


def open_page(lang="en", **params):
    at = open_app(PAGE, lang, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def latex(at) -> str:
    return " ".join(e.value for e in at.latex)


def ys(spec, name):
    """The y values of the trace ``name`` (gaps, written as None, become NaN)."""
    return np.array(trace(spec, name)["y"], dtype=float)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_renders_in_both_languages_with_five_charts(lang):
    at = open_page(lang)
    assert at.title[0].value == text.get("rmsprop.title", lang)
    assert len(at.get("plotly_chart")) == 5
    assert not at.error
    assert len(at.info) >= 4  # a "what to try" per section


def test_first_step_is_alpha_over_root_one_minus_beta_from_the_run():
    at = open_page("en", r_lr="0.1", r_beta="0.99")
    # 10·α = 1 on both coordinates, measured from the run and given by the formula
    assert r"\frac{0.1}{\sqrt{0.01}} = 1" in latex(at)
    assert r"|\Delta w_1| = 1,\ |\Delta b_1| = 1" in latex(at)
    assert "RMSprop(lr=0.1, alpha=0.99, eps=1e-08)" in " ".join(c.value for c in at.caption)


def test_live_numbers_at_step_k_match_a_direct_run():
    at = open_page("en", r_k="3")
    f = objectives.get("elongated_bowl", condition=25)
    tr = optim_core.run(
        optim_core.rmsprop(0.1, 0.9, 1e-8), f, np.array([-2.5, 1.5]), 3, record_states=True
    )
    s_b = tr.states.s[3, 1]
    assert "k = 3:" in latex(at)
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
    assert len(at.get("plotly_chart")) == 5


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
    assert len(at.get("plotly_chart")) == 5


def test_sliders_at_their_ends():
    at = open_page("en")
    at.slider(key="r_beta").set_value(0.999).run()
    at.select_slider(key="r_lr").set_value(1.0).run()
    at.slider(key="r_n").set_value(10).run()
    at.slider(key="r_k").set_value(300).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 5
