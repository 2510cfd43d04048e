"""AppTest: the Adam page — languages, surfaces, the bias-correction switch, bad input, links,
the race's verdict against the runs."""

import numpy as np
import pytest
from streamlit.elements.lib import policies

import optim_core
from optim_core import objectives
from optim_core.lessons import adam as lesson
from tests.app.helpers import chart, open_app
from ui import text

PAGE = "app_pages/adam.py"
CHARTS = 5  # moves, close-up, race, costs, 3-D


def errors(at):
    return [e.value for e in at.exception]


def latex(at) -> str:
    """Every formula on the page: ``st.latex`` and the display formulas inside Markdown."""
    return "\n".join([e.value for e in at.latex] + [e.value for e in at.markdown])


def words(at) -> str:
    return "\n".join(e.value for e in [*at.markdown, *at.caption])


def table_rows(at) -> list[list[str]]:
    """The cells of the race's Markdown table (header and separator left out)."""
    for block in at.markdown:
        lines = [line for line in block.value.splitlines() if line.startswith("|")]
        if lines:
            return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    raise AssertionError("no table on the page")


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_renders_in_both_languages(lang):
    at = open_app(PAGE, lang)
    assert not at.exception, errors(at)
    assert at.title[0].value == text.get("adam.title", lang)
    assert len(at.get("plotly_chart")) == CHARTS
    assert not at.warning  # nothing diverges at the defaults
    # the live numbers of step 3 of both coordinates are in the formulas
    assert r"v_{3,x}" in latex(at) and r"\hat s_{3,y}" in latex(at)


@pytest.mark.parametrize("surface", lesson.SURFACES)
def test_each_surface_renders_with_its_race(surface):
    at = open_app(PAGE, "en", a_surf=surface)
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
    adam_row = table_rows(at)[3]
    missed = text.get("adam.not_within", "en", steps=1000, cost=f"{expected.final:.4g}")
    assert adam_row[0] == f"Adam (α = {lr:g})"  # α beside the name, as in the legend
    assert adam_row[1] == (str(expected.reached) if expected.reached >= 0 else missed)


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
    compare = text.get("adam.first_compare", "en", with_c="1", without="3.162", ratio="3.162")
    assert compare in words(at)


def test_step_one_shows_corrected_averages_equal_to_g():
    at = open_app(PAGE, "en", a_k="1")
    assert not at.exception, errors(at)
    body = latex(at)
    assert r"\hat v_{1,x} &= \frac{-0.25}{1-0.9^{1}} = -2.5" in body
    assert r"\hat s_{1,y} &= \frac{0.225}{1-0.999^{1}} = 225" in body
    # the chart beside the formulas marks the same step, and its note says what it shows
    moves = chart(at, "adam_moves")
    current = next(
        tr for tr in moves["data"] if tr["name"] == text.get("adam.moves_current", "en", k=1)
    )
    assert list(current["x"]) == [1, 1]
    note = text.get("adam.moves_caption", "en", mx="0.1", my="0.1", gx="-2.5", gy="15", lr="0.1")
    assert note in words(at)


def test_the_step_slider_moves_the_formulas_and_the_mark_together():
    at = open_app(PAGE, "en")
    at.slider(key="a_k").set_value(40).run()
    assert not at.exception, errors(at)
    assert r"v_{40,x}" in latex(at) and r"v_{3,x}" not in latex(at)
    marks = [tr for tr in chart(at, "adam_moves")["data"] if tr["mode"] == "markers"]
    assert [list(tr["x"]) for tr in marks] == [[40, 40]]


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
        a_x0="3.0",
        a_y0="-2.0",
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
        a_surf="beale",
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
    assert len(at.get("plotly_chart")) == CHARTS
    assert text.get("adam.diverged_cell", "ko", step=1) in [row[1] for row in table_rows(at)]


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
    assert len(at.get("plotly_chart")) == CHARTS


BOUND = ("a_kappa", "a_x0", "a_y0", "a_n", "a_b1", "a_b2", "a_lr_gd", "a_lr_m", "a_lr_r", "a_lr_a")


@pytest.mark.parametrize("value", ["", "inf", "-1e999", "NaN", "11111111111111111111", "x" * 300])
def test_garbage_numbers_in_every_bound_parameter_give_no_exception(value):
    # issue 10: every bound parameter × non-numbers, huge, NaN, inf, empty, very long
    params = {key: value for key in (*BOUND, "a_k")} | {"a_own": "true", "a_tune": "true"}
    at = open_app(PAGE, "en", **params, a_c=value, cam=value, a_surf=value, opt=value)
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == CHARTS
    assert (at.slider(key="a_x0").value, at.slider(key="a_y0").value) == (-2.5, 1.5)


@pytest.mark.parametrize("query", [{"opt": ""}, {"a_c": ""}, {"cam": ""}, {"a_surf": ""}])
def test_an_empty_parameter_in_a_link_keeps_the_default(query):
    at = open_app(PAGE, "en", **query)
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == CHARTS
    assert at.button_group(key="cam").value == "iso" and at.button_group(key="a_c").value == "x"


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_link_with_labels_opens_their_settings_in_either_language(lang):
    # issue 10: ?a_surf=Beale&cam=From+above (labels from an older English link)
    at = open_app(PAGE, lang, a_surf="Beale", cam="From above")
    assert not at.exception, errors(at)
    assert at.selectbox(key="a_surf").value == "beale"
    assert at.button_group(key="cam").value == "top"
    assert chart(at, "adam_surface")["layout"]["scene"]["camera"]["eye"]["z"] == 2.4
    assert (at.query_params["a_surf"], at.query_params["cam"]) == ("beale", "top")


def test_step_past_the_end_of_the_run_is_clamped():
    at = open_app(PAGE, "en", a_n="100", a_k="150")
    assert not at.exception, errors(at)
    infos = [i.value for i in at.info]
    assert text.get("adam.k_clamped", "en", k=150, shown=100) in infos
    assert r"v_{100,x}" in latex(at)


def test_own_learning_rates_start_at_the_surface_defaults():
    at = open_app(PAGE, "en", a_surf="rosenbrock")
    at.toggle(key="a_tune").set_value(True).run()
    assert not at.exception, errors(at)
    chosen = {k: at.select_slider(key=k).value for k in ("a_lr_gd", "a_lr_m", "a_lr_r", "a_lr_a")}
    assert list(chosen.values()) == [lesson.DEFAULT_LRS["rosenbrock"][n] for n in lesson.RACERS]
    at.select_slider(key="a_lr_a").set_value(0.01).run()
    assert not at.exception, errors(at)
    assert table_rows(at)[3][0] == "Adam (α = 0.01)"
    at.toggle(key="a_own").set_value(True).run()
    assert not at.exception, errors(at)
    assert (at.slider(key="a_x0").value, at.slider(key="a_y0").value) == (-1.2, 1.0)
    # another surface: its own start and its own picks
    at.selectbox(key="a_surf").set_value("beale").run()
    assert not at.exception, errors(at)
    assert at.select_slider(key="a_lr_a").value == lesson.DEFAULT_LRS["beale"]["adam"]
    assert (at.slider(key="a_x0").value, at.slider(key="a_y0").value) == (1.0, 1.5)


def test_another_surface_starts_the_own_start_afresh_on_its_own_area():
    # each surface's own-start sliders span its plotted area; a start from the link that lies
    # outside the next surface's area (still in the address, bound to the old slider) crashed
    # ui.widgets' link check ("Cannot directly delete query parameter 'a_x0'")
    at = open_app(PAGE, "en", a_surf="himmelblau", a_own="true", a_x0="-4.0")
    assert at.slider(key="a_x0").value == -4.0
    at.selectbox(key="a_surf").set_value("rosenbrock").run()
    assert not at.exception, errors(at)
    assert (at.slider(key="a_x0").value, at.slider(key="a_y0").value) == (-1.2, 1.0)
    assert (at.slider(key="a_x0").proto.min, at.slider(key="a_x0").proto.max) == (-2.0, 2.0)
    assert "start (-1.2, 1)" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize(
    "params, start",
    [
        ({"a_own": "true"}, (-2.5, 1.5)),
        ({"a_own": "true", "a_surf": "rosenbrock"}, (-1.2, 1.0)),
        ({"a_own": "true", "a_x0": "1.0"}, (1.0, 1.5)),
    ],
)
def test_a_link_that_turns_on_the_own_start_opens_where_its_maker_was(params, start):
    # issue 10: the address after turning "own start" on is ?a_own=true; opened, it ran from
    # (0, 0) with the sliders at 0.00 while its maker saw the run from (-2.5, 1.5)
    at = open_app(PAGE, "en", **params)
    assert not at.exception, errors(at)
    assert (at.slider(key="a_x0").value, at.slider(key="a_y0").value) == start
    assert f"start ({start[0]:g}, {start[1]:g})" in " ".join(c.value for c in at.caption)
    assert list(chart(at, "adam_race")["data"][2]["x"]) == [start[0]]  # the start marker


def test_a_link_that_turns_on_own_rates_opens_with_the_surface_picks():
    at = open_app(PAGE, "en", a_tune="true", a_surf="beale")
    assert not at.exception, errors(at)
    rates = [at.select_slider(key=k).value for k in ("a_lr_gd", "a_lr_m", "a_lr_r", "a_lr_a")]
    assert rates == [lesson.DEFAULT_LRS["beale"][n] for n in lesson.RACERS]


@pytest.mark.parametrize("surface", ["elongated_bowl", "rosenbrock"])
def test_the_sidebar_shows_the_start_and_rates_the_run_uses(surface):
    # issue 10: with "own start" off the sidebar showed a greyed "start x/y 0.00"
    at = open_app(PAGE, "en", a_surf=surface)
    assert not at.exception, errors(at)
    x0, y0 = lesson.DEFAULT_START[surface]
    notes = [c.value for c in at.sidebar.caption]
    assert text.get("adam.start_now", "en", x=f"{x0:g}", y=f"{y0:g}") in notes
    picks = lesson.DEFAULT_LRS[surface]
    items = ", ".join(
        text.get("adam.lr_item", "en", name=text.get(f"common.optimizer.{n}", "en"), lr=picks[n])
        for n in lesson.RACERS
    )
    assert text.get("adam.lrs_now", "en", items=items) in notes
    assert f"start ({x0:g}, {y0:g})" in " ".join(c.value for c in at.caption)


def test_turning_on_own_choices_sets_no_value_the_widgets_also_default():
    # issue 10: "The widget with key "a_x0" was created with a default value but also had its
    # value set via the Session State API" (logged once per server when "own start" was
    # turned on; likewise for the learning rates)
    logged = []
    at = open_app(PAGE, "en")
    original = policies._LOGGER.warning
    policies._LOGGER.warning = lambda message, *args, **kw: logged.append(message % args)
    try:
        for step in (
            lambda: at.toggle(key="a_own").set_value(True),
            lambda: at.toggle(key="a_tune").set_value(True),
            lambda: at.selectbox(key="a_surf").set_value("beale"),
            lambda: at.select_slider(key="a_lr_a").set_value(0.1),
            lambda: at.selectbox(key="a_surf").set_value("rosenbrock"),
        ):
            policies._shown_default_value_warning = False  # it is logged once per process
            step().run()
            assert not at.exception, errors(at)
    finally:
        policies._LOGGER.warning = original
    assert logged == []


def test_the_note_under_the_animation_says_which_steps_the_frames_are():
    # issue 10: it said "100 evenly spaced frames"; they are every step up to 65, then wider
    at = open_app(PAGE, "en")
    race = chart(at, "adam_race")
    steps = [int(frame["name"]) for frame in race["frames"]]
    assert steps[:66] == list(range(66)) and steps[66] > 66 and steps[-1] == 1000
    growth = np.median(np.array(steps[67:]) / np.array(steps[66:-1]))
    note = text.get(
        "adam.frames_note",
        "en",
        frames=100,
        dense=65,
        growth=f"{100 * (growth - 1):.0f}",
        steps=1000,
    )
    assert note in [c.value for c in at.caption] and "every step up to step 65" in note


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_race_says_who_won_and_why_with_the_runs_numbers(lang):
    # issue 10: RMSprop 22, gradient descent 47, Adam 125, momentum 131 and no sentence why
    at = open_app(PAGE, lang)
    assert not at.exception, errors(at)
    body = words(at)
    standings = lesson.standings(lesson.default_setup("elongated_bowl"))
    name = {n: text.get(f"common.optimizer.{n}", lang) for n in lesson.RACERS}
    rows = standings.rows
    assert [rows[n].reached for n in standings.arrived] == [22, 47, 125, 131]
    assert text.get("adam.verdict", lang, name=name["rmsprop"], step=22) in body
    then = [
        text.get("adam.then_item", lang, name=name[n], step=rows[n].reached)
        for n in standings.arrived[1:]
    ]
    assert text.get("adam.verdict_then", lang, items=", ".join(then)) in body
    compare = text.get(
        "adam.compare",
        lang,
        first=name["rmsprop"],
        other=name["adam"],
        first_move="(0.9487, 0.9487)",
        other_move="(0.1, 0.1)",
        first_cross=0,
        other_cross=9,
    )
    assert compare in body
    adam_first = text.get("adam.why_adam_bc", lang)
    assert text.get("adam.why_race", lang, rms="31.62", b1="0.9", adam_first=adam_first) in body
    assert [row[2:] for row in table_rows(at)] == [
        ["(0.375, 2.25)", "(0, 47)"],
        ["(0.025, 0.15)", "(4, 13)"],
        ["(0.9487, 0.9487)", "(0, 0)"],
        ["(0.1, 0.1)", "(3, 6)"],
    ]
    # and where Adam's strengths show: Beale, measured there
    show = text.get(
        "adam.showcase",
        lang,
        adam=205,
        momentum=405,
        gd=557,
        rmsprop=657,
        adam_lr="0.3",
        rms_first="9.49",
        rms_left=1,
        rms_lr="0.03",
        r_momentum=450,
        r_adam=679,
        steps=1000,
    )
    assert show in body


def test_the_beale_claim_holds_on_the_page_it_points_to():
    at = open_app(PAGE, "en", a_surf="beale")
    assert not at.exception, errors(at)
    arrived = {row[0]: row[1] for row in table_rows(at)}
    assert arrived == {
        "Gradient descent (α = 0.03)": "557",
        "Momentum (α = 0.03)": "405",
        "RMSprop (α = 0.03)": "657",
        "Adam (α = 0.3)": "205",
    }
    assert text.get("adam.verdict", "en", name="Adam", step=205) in words(at)


@pytest.mark.parametrize(
    "kind, key", [("button_group", "a_c"), ("button_group", "cam"), ("selectbox", "a_surf")]
)
def test_an_emptied_option_control_falls_back_to_its_default(kind, key):
    # ?a_c= / ?cam= in a link clears the control to None (issue 10: KeyError on the page)
    at = open_app(PAGE, "en")
    getattr(at, kind)(key=key).set_value(None).run()
    assert not at.exception, errors(at)
    assert len(at.get("plotly_chart")) == CHARTS


def test_without_bias_correction_the_why_gives_adams_own_first_step():
    at = open_app(PAGE, "en", a_bc="false")
    assert not at.exception, errors(at)
    raw = text.get("adam.why_adam_raw", "en", ratio="3.162")
    assert raw in words(at) and text.get("adam.why_adam_bc", "en") not in words(at)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_chart_has_a_line_saying_what_to_look_at(lang):
    # issue 10: under each of the five charts one line with the run's numbers
    at = open_app(PAGE, lang, a_surf="rosenbrock")
    assert not at.exception, errors(at)
    look = text.get("adam.look.costs_none", lang, steps="").split(":")[0]  # "*What to look at"
    lines = [m.value for m in at.markdown if m.value.startswith(look)]
    assert len(lines) == len(at.get("plotly_chart")) == CHARTS
    name = {n: text.get(f"common.optimizer.{n}", lang) for n in lesson.RACERS}
    assert text.get("adam.look.costs", lang, name=name["momentum"], step=450) in lines[3]
    assert (
        text.get(
            "adam.look.surface_climb",
            lang,
            name=name["rmsprop"],
            start="24.2",
            value="357.1",
            step=1,
            minimum="0",
        )
        in lines[4]
    )


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_spikes_of_the_rosenbrock_costs_are_explained_under_the_cost_chart(lang):
    # issue 10: gradient descent's and RMSprop's costs jump near steps 830 and 930, unexplained
    at = open_app(PAGE, lang, a_surf="rosenbrock")
    body = words(at)
    spikes = lesson.spikes(lesson.default_setup("rosenbrock")).spikes
    gd, rms = spikes["gd"], spikes["rmsprop"]
    assert (gd.peak, rms.peak) == (830, 929)
    assert (
        text.get(
            "adam.spike_gd",
            lang,
            peak=830,
            low="0.02782",
            high="11.72",
            since=594,
            number="2.42",
            limit="666.7",
            curv="806.7",
            after="1.29",
        )
        in body
    )
    assert (
        text.get(
            "adam.spike_rmsprop",
            lang,
            peak=929,
            low="0.03707",
            high="10.82",
            since=758,
            number="2.33",
            memory="1000",
            coord="y",
            high_root="13.81",
            high_step=10,
            low_root="8.787",
            ratio="1.57",
            after_root="9.822",
        )
        in body
    )
    # and no such note where nothing jumps
    bowl = open_app(PAGE, lang)
    assert text.get("adam.spike_gd", lang).split("{")[0][:10] not in words(bowl)


def test_a_run_that_does_not_arrive_shows_its_final_cost_in_the_table():
    at = open_app(PAGE, "en", a_surf="rosenbrock")
    rows = {row[0].split(" (")[0]: row for row in table_rows(at)}
    standings = lesson.standings(lesson.default_setup("rosenbrock"))
    final = f"{standings.rows['gd'].final:.4g}"
    assert rows["Gradient descent"][1] == text.get("adam.not_within", "en", steps=1000, cost=final)
    assert rows["Momentum"][1] == "450" and len(rows["Momentum"]) == 4  # four narrow columns


def test_the_sidebar_glossary_explains_the_terms_the_page_uses():
    # issue 10: the spike notes speak of the Hessian's largest eigenvalue, the bowl of κ
    at = open_app(PAGE, "ko", a_surf="rosenbrock")
    labels = [e.label for e in at.sidebar.expander]
    assert text.get("glossary.title", "ko") in labels
    notes = "\n".join(m.value for m in at.sidebar.markdown)
    for term in ("condition", "hessian", "eigen"):
        assert text.get(f"glossary.{term}", "ko") in notes
    body = words(at)
    assert "헤세 행렬" in body and "고윳값" in body and "κ" in text.get("adam.kappa", "ko")
