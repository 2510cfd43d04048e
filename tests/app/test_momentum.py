"""AppTest: the momentum page — both languages, β = 0 is plain descent, divergence, bad input."""

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.lessons import momentum as lesson
from optim_core.lessons.momentum import mean_abs, step_gradients, steps_to_target
from tests.app.helpers import chart, open_app, trace
from ui import text

PAGE = "app_pages/momentum.py"
GD, MOMENTUM = "common.optimizer.gd", "common.optimizer.momentum"  # the two paths, by name


def open_page(lang="en", **params):
    return open_app(PAGE, lang, **params)


def path(spec, name, lang="en"):
    data = trace(spec, text.get(name, lang))
    return np.column_stack([np.asarray(data["x"], float), np.asarray(data["y"], float)])


def velocity(spec, name="momentum.fig.v"):
    return np.asarray(trace(spec, text.get(name, "en"))["y"], float)


def errors(at):
    return [e.value for e in at.exception]


CHARTS = 8  # step k, the race, the costs, the two direction maps, b and w, the sweep


def formulas(at) -> str:
    """Every formula on the page: ``st.latex`` elements and ``$$…$$`` inside Markdown (a
    formula goes out in one element with the text beside it)."""
    return " ".join(element.value for element in [*at.latex, *at.markdown])


def marked(at, name):
    """The one point the step-k chart marks as ``name`` (a ``momentum.fig`` key)."""
    spec = trace(chart(at, "m_step"), text.get(f"momentum.fig.{name}", "en"))
    return np.array([spec["x"][0], spec["y"][0]], dtype=float)


def reference(lr=0.063, beta=0.8, kappa=30.0, steps=lesson.MAX_STEPS):
    bowl = objectives.get("elongated_bowl", condition=kappa)
    gd = optim_core.run(optim_core.gd(lr=lr), bowl, lesson.START, steps)
    mom = optim_core.run(
        optim_core.momentum(lr=lr, beta=beta), bowl, lesson.START, steps, record_states=True
    )
    return bowl, gd, mom


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_renders_in_both_languages_with_numbers_from_the_run(lang):
    at = open_page(lang)
    assert not at.exception, errors(at)
    assert at.title[0].value == text.get("momentum.title", lang)
    assert len(at.get("plotly_chart")) == CHARTS
    _, gd, mom = reference()
    gd_steps, m_steps = steps_to_target(gd.loss), steps_to_target(mom.loss)
    assert 0 < m_steps < gd_steps  # the defaults show momentum winning
    assert [m.value for m in at.metric] == [
        text.get("momentum.reach_value", lang, steps=gd_steps),
        text.get("momentum.reach_value", lang, steps=m_steps),
    ]
    latex = formulas(at)
    assert r"v_{3}" in latex and r"x_{3}" in latex  # the default step k = 3
    assert not at.error  # nothing diverges at the defaults
    # the paths drawn are the runs
    spec = chart(at, "m_race")
    np.testing.assert_allclose(path(spec, GD, lang), gd.params[:101])
    np.testing.assert_allclose(path(spec, MOMENTUM, lang), mom.params[:101])
    assert len(spec["frames"]) == 101


def test_update_rule_shows_the_numbers_of_step_k():
    at = open_page(m_k="5")
    assert not at.exception, errors(at)
    bowl, _, mom = reference(steps=5)
    v5 = mom.states.v[5]
    latex = formulas(at)
    assert f"{v5[0]:.4g}" in latex and f"{v5[1]:.4g}" in latex
    assert f"{mom.params[5][1]:.4g}" in latex
    g5 = step_gradients(bowl, mom.params)[4]
    assert f"{g5[1]:.4g}" in latex


def test_cancellation_numbers_are_measured():
    at = open_page()
    bowl, _, mom = reference(steps=100)
    g, v = step_gradients(bowl, mom.params), mom.states.v[1:]
    latex = formulas(at)
    assert f"{mean_abs(g[:, 1], 30):.3g}" in latex
    assert f"{mean_abs(v[:, 1], 30):.3g}" in latex
    assert mean_abs(v[:, 1], 30) < 0.5 * mean_abs(g[:, 1], 30)
    vertical = chart(at, "m_vertical")
    np.testing.assert_allclose(velocity(vertical), v[:, 1])


def test_beta_zero_draws_the_same_path_as_plain_descent():
    at = open_page(m_beta="0.0")
    assert not at.exception, errors(at)
    spec = chart(at, "m_race")
    np.testing.assert_allclose(path(spec, MOMENTUM), path(spec, GD), atol=1e-12)
    metrics = [m.value for m in at.metric]
    assert metrics[0] == metrics[1]
    # and the velocity is the gradient
    vertical = chart(at, "m_vertical")
    np.testing.assert_allclose(velocity(vertical), velocity(vertical, "momentum.fig.g"))


def test_beta_slider_changes_the_momentum_path_only():
    at = open_page()
    before = chart(at, "m_race")
    at.slider(key="m_beta").set_value(0.5).run()
    assert not at.exception, errors(at)
    after = chart(at, "m_race")
    np.testing.assert_allclose(path(after, GD), path(before, GD))
    assert not np.allclose(path(after, MOMENTUM), path(before, MOMENTUM))


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_diverging_step_size_is_reported(lang):
    # κ = 30: plain descent is stable only below 2/30 = 0.0667
    at = open_page(lang, m_lr="0.1")
    assert not at.exception, errors(at)
    _, gd, mom = reference(lr=0.1, steps=100)
    step = int(gd.diverged_at)
    assert step > 0 and int(mom.diverged_at) == -1
    name = text.get("common.optimizer.gd", lang)
    messages = [e.value for e in at.error]
    assert any(text.get("common.diverged", lang, name=name, step=step) in m for m in messages)
    assert at.metric[0].value == text.get("momentum.reach_diverged", lang, step=step)
    drawn = path(chart(at, "m_race"), GD, lang)
    assert np.isnan(drawn[step:]).all() and np.isfinite(drawn[:step]).all()
    assert len(at.get("plotly_chart")) == CHARTS


def test_both_diverging_still_shows_every_chart():
    at = open_page(m_lr="2.0", m_beta="0.0", m_kappa="100", m_k="200", m_steps="200")
    assert not at.exception, errors(at)
    assert len(at.error) == 2  # one message per method
    assert len(at.get("plotly_chart")) == CHARTS
    _, _, mom = reference(lr=2.0, beta=0.0, kappa=100.0, steps=200)
    step = int(mom.diverged_at)
    assert step > 1
    note = text.get("momentum.shown_last", "en", step=step, k=step - 1)
    assert note in [i.value for i in at.info]  # the formulas fall back to the last finite step
    latex = formulas(at)
    assert rf"x_{{{step - 1}}}" in latex


@pytest.mark.parametrize(
    "key, value",
    [
        ("m_lr", 0.001),
        ("m_lr", 2.0),
        ("m_beta", 0.0),
        ("m_beta", 0.99),
        ("m_kappa", 5),
        ("m_kappa", 100),
        ("m_steps", 10),
        ("m_steps", 200),
    ],
)
def test_sliders_at_their_ends(key, value):
    at = open_page()
    if key == "m_lr":
        at.select_slider(key=key).set_value(value).run()
    else:
        at.slider(key=key).set_value(value).run()
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == CHARTS
    at.slider(key="m_k").set_value(at.slider(key="m_k").max).run()
    assert not at.exception, errors(at)


def test_garbage_url_values_fall_back_to_defaults():
    at = open_page(m_lr="banana", m_beta="7", m_kappa="-3", m_steps="x", m_k="999")
    assert not at.exception, errors(at)
    assert at.select_slider(key="m_lr").value == 0.063
    assert at.slider(key="m_beta").value == 0.8
    assert at.slider(key="m_kappa").value == 30
    assert at.slider(key="m_steps").value == 100
    assert len(at.get("plotly_chart")) == CHARTS


def test_step_k_beyond_fewer_steps_is_clamped():
    at = open_page(m_k="80")
    assert not at.exception, errors(at)
    at.slider(key="m_steps").set_value(20).run()
    assert not at.exception, errors(at)
    assert at.slider(key="m_k").value == 20


def test_sweep_marks_the_chosen_beta_and_names_the_fastest():
    at = open_page()
    bars = trace(chart(at, "m_sweep"), text.get("momentum.fig.steps", "en"))
    assert "0.8" in list(bars["x"])
    rows = [
        (b, *lesson.run_to_target(optim_core.momentum(lr=0.063, beta=b), 30.0)) for b in (0.0, 0.8)
    ]
    heights = dict(zip(bars["x"], np.asarray(bars["y"], float), strict=True))
    assert heights["0"] == rows[0][1] and heights["0.8"] == rows[1][1]


def _texts(at):
    return " ".join(m.value for m in at.markdown)


def test_cancellation_text_follows_the_run():
    at = open_page()
    # κ = 30, α = 0.063: ακ = 1.89, so plain descent's b gradient flips at every step
    assert "changed sign 29 times" in _texts(at)
    at = open_page(m_beta="0.0")
    assert text.get("momentum.cancel_beta_zero", "en") in _texts(at)
    at = open_page(m_lr="0.02")  # ακ = 0.6: no zig-zag to cancel
    assert not at.exception, errors(at)
    expected = text.get("momentum.explain_b_calm", "en", ak="0.6", flips=0, n=30, inv="0.0333")
    assert expected in _texts(at)


def test_an_empty_step_size_in_the_link_leaves_the_default():
    at = open_page(m_lr="")
    assert not at.exception, errors(at)
    assert at.select_slider(key="m_lr").value == lesson.DEFAULT_LR
    assert len(at.get("plotly_chart")) == CHARTS


def test_the_step_k_chart_marks_the_step_of_the_formulas():
    # issue 10: a section with step-k formulas holds its slider and a chart of that step
    at = open_page(m_k="5")
    _, _, mom = reference(steps=100)
    np.testing.assert_allclose(marked(at, "x_prev"), mom.params[4], rtol=1e-6)
    np.testing.assert_allclose(marked(at, "x_new"), mom.params[5], rtol=1e-6)
    step = trace(chart(at, "m_step"), text.get("momentum.fig.v_step", "en"))
    np.testing.assert_allclose([step["x"][-1], step["y"][-1]], mom.params[5], rtol=1e-6)
    assert "x_{5}" in formulas(at)
    assert not chart(at, "m_step").get("frames")  # not animated


def test_moving_k_leaves_the_animation_and_the_other_sections_alone():
    at = open_page()
    before = {key: spec_text(at, key) for key in ("m_race", "m_costs", "m_sweep")}
    at.slider(key="m_k").set_value(9).run()
    assert not at.exception, errors(at)
    assert {key: spec_text(at, key) for key in before} == before
    _, _, mom = reference(steps=100)
    np.testing.assert_allclose(marked(at, "x_new"), mom.params[9], rtol=1e-6)
    assert "x_{9}" in formulas(at)
    assert not [s for s in at.sidebar.slider if s.key == "m_k"]  # in its section, not the sidebar


def spec_text(at, key) -> str:
    (found,) = [c.proto.spec for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return found


GARBAGE = ["", "inf", "-inf", "nan", "1e999", "-1e999", "abc", "11111111111111111111", "２", "-0"]
BOUND = ("m_lr", "m_beta", "m_kappa", "m_steps", "m_k")


@pytest.mark.parametrize("raw", GARBAGE)
def test_garbage_in_every_bound_parameter_gives_no_exception(raw):
    at = open_page(**dict.fromkeys(BOUND, raw))
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == CHARTS


LOOK = {"en": "*What to look at:*", "ko": "*볼 곳:*"}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_chart_has_a_line_saying_what_to_look_at(lang):
    at = open_page(lang)
    looks = [m.value for m in at.markdown if m.value.startswith(LOOK[lang])]
    assert len(looks) == CHARTS == len(at.get("plotly_chart"))
    _, gd, mom = reference()
    costs = text.get(
        "momentum.look.costs",
        lang,
        gd=text.get("momentum.reach_value", lang, steps=steps_to_target(gd.loss)),
        m=text.get("momentum.reach_value", lang, steps=steps_to_target(mom.loss)),
        max="3,000",
        steps=100,
    )
    assert costs in looks


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_which_direction_zig_zags_is_answered_with_the_tips_data(lang):
    """Issue 10, the study note's open question: b is "vertical" only because the valley is
    drawn that way; on the tips data the steep direction is (nearly) w."""
    at = open_page(lang)
    d = lesson.directions(30.0)
    tips = chart(at, "m_dir_tips")
    drawn = trace(tips, text.get(GD, lang))
    np.testing.assert_allclose(np.column_stack([drawn["x"], drawn["y"]]), d.tips.path, rtol=1e-6)
    valley = trace(chart(at, "m_dir_valley"), text.get(GD, lang))
    np.testing.assert_allclose(valley["y"], d.valley.path[:, 1], rtol=1e-6)
    answer = text.get(
        "momentum.dir_answer",
        lang,
        angle="2.41",
        condition="2814",
        off_b=f"{d.hundreds_off_b:.3g}",
        mean_x2="470.4",
        mean_x="19.79",
    )
    assert answer in _texts(at)
    latex = formulas(at)
    assert r"470.4 & 19.79\\ 19.79 & 1" in latex  # the Hessian, from the data
    assert r"\lambda_{\max} &= 471.2" in latex and r"\lambda_{\min} = 0.1675" in latex


def test_the_direction_maps_follow_kappa():
    at = open_page(m_kappa="60")
    assert not at.exception, errors(at)
    valley = trace(chart(at, "m_dir_valley"), text.get(GD, "en"))
    assert valley["y"][1] == pytest.approx(1.0 * (1 - 1.8))  # α = 1.8/κ whatever κ
    assert valley["x"][1] == pytest.approx(-2.5 * (1 - 1.8 / 60))


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_glossary_explains_the_hessian_the_page_now_uses(lang):
    at = open_page(lang)
    shown = "\n".join(m.value for m in at.sidebar.markdown)
    for term in ("condition", "eigen", "hessian"):
        assert text.get(f"glossary.{term}", lang) in shown, term
