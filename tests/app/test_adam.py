"""AppTest: the Adam page — languages, surfaces, the bias-correction switch, bad input."""

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.lessons import adam as lesson
from tests.app.helpers import chart, open_app
from ui import text

PAGE = "app_pages/adam.py"


def errors(at):
    return [e.value for e in at.exception]


def latex(at) -> str:
    return "\n".join(element.value for element in at.latex)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_renders_in_both_languages(lang):
    at = open_app(PAGE, lang)
    assert not at.exception, errors(at)
    assert at.title[0].value == text.get("adam.title", lang)
    assert len(at.get("plotly_chart")) == 4  # close-up, race, costs, 3-D
    assert not at.warning  # nothing diverges at the defaults
    # the live numbers of step 3 of both coordinates are in the formulas
    assert r"v_{3,x}" in latex(at) and r"\hat s_{3,y}" in latex(at)


@pytest.mark.parametrize("surface", lesson.SURFACES)
def test_each_surface_renders_with_its_race(surface):
    # an option widget's URL value is its shown label (see ui.widgets.Controls._options)
    at = open_app(PAGE, "en", a_surf=text.get(f"adam.surf.{surface}", "en"))
    assert not at.exception, errors(at)
    race = chart(at, "adam_race")
    names = [trace.get("name", "") for trace in race["data"]]
    for opt in lesson.RACERS:
        assert any(n.startswith(text.get(f"common.optimizer.{opt}", "en")) for n in names)
    # the table is measured from the runs: compare Adam's row with a direct run
    f = objectives.get(surface, **dict(lesson.surface_params(surface, 10)))
    x0 = np.array(lesson.DEFAULT_START[surface])
    lr = lesson.DEFAULT_LRS[surface]["adam"]
    traj = optim_core.run(optim_core.adam(lr), f, x0, 1000)
    expected = lesson.race_result(traj.loss, int(traj.diverged_at), 0.0)
    table = at.dataframe[0].value
    adam_row = table.iloc[3]
    assert adam_row.iloc[2] == f"{expected.final:.4g}"
    assert adam_row.iloc[3] == (str(expected.reached) if expected.reached >= 0 else "not reached")


def test_bias_correction_toggle_changes_the_first_step():
    at = open_app(PAGE, "en")
    # default: elongated bowl from (-2.5, 1.5), Adam α = 0.1, g₁ = (-2.5, 15)
    lr, g = lesson.DEFAULT_LRS["elongated_bowl"]["adam"], 2.5
    with_c = lr * g / (g + 1e-8)
    without = lr * 0.1 * g / (np.sqrt(0.001) * g + 1e-8)
    assert rf"|x_1 - x_0| = \color{{#CC79A7}}{{{with_c:.4g}}} = 1\,\alpha" in latex(at)
    at.toggle(key="a_bc").set_value(False).run()
    assert not at.exception, errors(at)
    assert f"{without:.4g}" == "0.3162"
    assert r"|x_1 - x_0| = \color{#CC79A7}{0.3162} = 3.162\,\alpha" in latex(at)
    metrics = [m.value for m in at.metric]
    assert metrics[:3] == ["1 α", "3.162 α", "3.162"]


def test_step_one_shows_corrected_averages_equal_to_g():
    at = open_app(PAGE, "en", a_k="1")
    assert not at.exception, errors(at)
    body = latex(at)
    assert r"\hat v_{1,x} = \frac{-0.25}{1-0.9^{1}} = -2.5" in body
    assert r"\hat s_{1,y} = \frac{0.225}{1-0.999^{1}} = 225" in body


def test_extreme_values_give_messages_not_exceptions():
    at = open_app(
        PAGE,
        "en",
        a_kappa="100",
        a_tune="true",
        a_lr_gd="1.0",
        a_lr_m="1.0",
        a_lr_r="1.0",
        a_lr_a="1.0",
        a_n="3000",
        a_b1="0.0",
        a_b2="0.9999",
        a_k="200",
        a_own="true",
        a_x0="4.5",
        a_y0="-4.5",
    )
    assert not at.exception, errors(at)
    warned = " ".join(w.value for w in at.warning)
    assert text.get("common.optimizer.gd", "en") in warned  # GD at α = 1, κ = 100 diverges
    assert len(at.get("plotly_chart")) >= 3
    for surface in lesson.SURFACES[1:]:
        at.selectbox(key="a_surf").set_value(surface).run()
        assert not at.exception, errors(at)


def test_divergence_at_the_first_step_is_reported_per_optimizer():
    at = open_app(
        PAGE,
        "ko",
        a_surf=text.get("adam.surf.beale", "ko"),
        a_tune="true",
        a_lr_gd="1.0",
        a_lr_m="1.0",
        a_lr_r="1.0",
        a_lr_a="1.0",
        a_own="true",
        a_x0="4.5",
        a_y0="4.5",
    )
    assert not at.exception, errors(at)
    warned = [w.value for w in at.warning]
    for opt in ("gd", "momentum", "rmsprop"):  # α = 1 on Beale's steep corner: blown up at once
        name = text.get(f"common.optimizer.{opt}", "ko")
        assert text.get("common.diverged", "ko", name=name, step=1) in warned
    # Adam's step is about α per coordinate whatever the gradient, so it does not blow up
    assert not any(w.startswith("Adam") for w in warned)
    assert len(at.get("plotly_chart")) == 4


def test_garbage_url_values_are_ignored():
    at = open_app(
        PAGE,
        "en",
        a_surf="nope",
        a_kappa="abc",
        a_n="7",
        a_b1="2",
        a_b2="-1",
        a_k="-5",
        a_c="z",
        cam="weird",
        a_lr_a="banana",
        a_bc="maybe",
        a_x0="1e999",
    )
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == 4


def test_step_past_the_end_of_the_run_is_clamped():
    at = open_app(PAGE, "en", a_n="100", a_k="150")
    assert not at.exception, errors(at)
    infos = [i.value for i in at.info]
    assert text.get("adam.k_clamped", "en", k=150, shown=100) in infos
    assert r"v_{100,x}" in latex(at)


def test_own_learning_rates_start_at_the_surface_defaults():
    label = text.get("adam.surf.rosenbrock", "en")
    at = open_app(PAGE, "en", a_surf=label)
    at.toggle(key="a_tune").set_value(True).run()
    assert not at.exception, errors(at)
    chosen = {k: at.select_slider(key=k).value for k in ("a_lr_gd", "a_lr_m", "a_lr_r", "a_lr_a")}
    assert list(chosen.values()) == [lesson.DEFAULT_LRS["rosenbrock"][n] for n in lesson.RACERS]
    at.select_slider(key="a_lr_a").set_value(0.01).run()
    assert not at.exception, errors(at)
    assert at.dataframe[0].value.iloc[3, 1] == "0.01"
    at.toggle(key="a_own").set_value(True).run()
    assert not at.exception, errors(at)
    assert (at.slider(key="a_x0").value, at.slider(key="a_y0").value) == (-1.2, 1.0)


@pytest.mark.parametrize(
    "kind, key", [("button_group", "a_c"), ("button_group", "cam"), ("selectbox", "a_surf")]
)
def test_an_emptied_option_control_falls_back_to_its_default(kind, key):
    # ?a_c= / ?cam= in a link clears the control to None (issue 10: KeyError on the page)
    at = open_app(PAGE, "en")
    getattr(at, kind)(key=key).set_value(None).run()
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == 4


@pytest.mark.parametrize("surface", ["elongated_bowl", "rosenbrock"])
def test_the_sidebar_shows_the_start_and_rates_the_run_uses(surface):
    # issue 10: with "own start" off the greyed sliders said 0.00 while the run started elsewhere
    at = open_app(PAGE, "en", a_surf=text.get(f"adam.surf.{surface}", "en"))
    assert not at.exception, errors(at)
    labels = (text.get("adam.x0", "en"), text.get("adam.y0", "en"))
    start = [(s.value, s.proto.disabled) for s in at.sidebar.slider if s.label in labels]
    x0, y0 = lesson.DEFAULT_START[surface]
    assert start == [(x0, True), (y0, True)]
    rates = [s.value for s in at.sidebar.select_slider if s.proto.disabled]
    assert rates == [lesson.DEFAULT_LRS[surface][n] for n in lesson.RACERS]
    assert f"start ({x0:g}, {y0:g})" in " ".join(c.value for c in at.caption)
