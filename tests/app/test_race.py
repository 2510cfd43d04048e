"""The race page through AppTest: both languages, every surface, typed functions good and
hostile, garbage in every link key, both fairness modes and every schedule, a click on the map,
and the sentences against the lesson's own numbers."""

import json

import numpy as np
import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates

from optim_core import expression
from optim_core.lessons import race as lesson
from tests.app.helpers import ROOT, chart, open_app
from ui import text
from ui.figures import HEAD_MARK
from ui.figures import race as fig
from ui.formulas import race as formulas

PAGE = "app_pages/race.py"
CHARTS = ("race_map", "race_loss", "race_progress", "race_surface", "race_settling")


def race_page(lang="en", **params):
    return open_app(PAGE, lang, **params)


def body(at) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption, *at.info, *at.warning])


def paths(spec) -> dict:
    """The whole path of each racer on the map (the heads left out), by legend name."""
    return {
        tr["name"]: tr
        for tr in spec["data"]
        if "α" in (tr.get("name") or "") and not tr["name"].endswith(HEAD_MARK)
    }


def t_of(lang):
    return lambda key, **fields: text.get(key, lang, **fields)


default_setting = formulas.default_setting


def lesson_race(s: formulas.Setting, mode: str):
    objective = s.surface
    if s.surface == formulas.TYPED:
        objective = expression.typed_function(s.expression, formulas.flat(s.box))
    sched = formulas.schedule_of(s.schedule, s.param)
    return lesson.race(objective, s.box, s.start, s.racers, mode, s.lr, sched, s.steps)


# -- defaults, languages, surfaces ----------------------------------------------------------------


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_page_at_its_defaults_in_both_languages(lang):
    at = race_page(lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == text.get("race.title", lang)
    for key in CHARTS:
        chart(at, key)
    said = body(at)
    assert text.get("race.intro", lang) in said
    assert text.get("race.look.map", lang, start="(0, -4)").split(".")[0] in said


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_winner_sentence_and_the_table_carry_the_lessons_numbers(lang):
    at = race_page(lang)
    s = default_setting()
    race = lesson_race(s, "shared")
    t, names = t_of(lang), formulas.names_of(t_of(lang))
    said = body(at)
    winner = race.racer(race.winner)
    assert race.winner_arrived
    tol = text.get("race.tol_minimum", lang, tol="0.01")
    opening = text.get(
        "race.verdict_arrived", lang, name=names[race.winner], tol=tol, step=winner.arrived_at
    )
    assert opening in said
    runner = next(r for r in race.racers if r.name == race.ranking[1])
    assert runner.arrived_at is not None
    gap = runner.arrived_at - winner.arrived_at
    next_text = text.get(
        "race.verdict_next", lang, name=names[runner.name], step=runner.arrived_at, gap=gap
    )
    assert next_text in said
    # the table: one row per racer in the ranking's order, with its rate and arrival
    head = f"| {text.get('race.col_racer', lang)} | {text.get('race.col_lr', lang)} |"
    table = next(m.value for m in at.markdown if head in m.value)
    table = table[table.index(head) :]
    rows = [line for line in table.splitlines() if line.startswith("| ")][1:]
    rows = [line for line in rows if not line.startswith("|:")]
    shown = [row.split(" | ")[0].lstrip("| ") for row in rows[: len(race.ranking)]]
    assert shown == [names[n] for n in race.ranking]
    for row, name in zip(rows, race.ranking, strict=False):
        r = race.racer(name)
        cells = [c.strip() for c in row.strip("| ").split(" | ")]
        assert cells[1] == "0.01"
        assert cells[3] == (str(r.arrived_at) if r.arrived_at else t("race.never", steps=300))
    del s


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_fairness_sentence_names_both_winners_from_the_runs(lang):
    at = race_page(lang)
    s = default_setting()
    shared, tuned = (lesson_race(s, m) for m in lesson.LR_MODES)
    fair = lesson.compare(shared, tuned)
    names = formulas.names_of(t_of(lang))
    title = text.get("race.s4_title", lang)
    said = next(m.value for m in at.markdown if title in m.value)
    first = said.index(text.get("race.wins", lang, name=names[fair.shared_winner]))
    assert fair.changed  # the default start shows the winner change
    second = said.index(text.get("race.wins", lang, name=names[fair.tuned_winner]), first + 1)
    assert first < second
    for name, lr in fair.tuned_lrs.items():
        assert text.get("race.rate_item", lang, name=names[name], lr=f"{lr:.4g}") in said


@pytest.mark.parametrize("surface", formulas.SURFACES)
def test_every_surface_renders_with_every_racer_from_its_start(surface):
    at = race_page(r_surf=surface)
    assert not at.exception, [e.value for e in at.exception]
    spec = chart(at, "race_map")
    drawn = paths(spec)
    assert len(drawn) == len(lesson.RACERS)
    start = formulas.STARTS[surface]
    for trace in drawn.values():
        assert (float(trace["x"][0]), float(trace["y"][0])) == pytest.approx(start, abs=1e-6)
    assert at.slider(key="r_x0").value == pytest.approx(start[0])


# -- the typed function ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_typed_function_is_drawn_from_its_formula(lang):
    at = race_page(lang, r_surf="typed", r_expr="x**2 + 3*y**2", r_xlo="-2", r_xhi="1")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    spec = chart(at, "race_map")
    xs, ys = np.asarray(spec["data"][0]["x"], float), np.asarray(spec["data"][0]["y"], float)
    assert xs[0] == -2 and xs[-1] == 1 and ys[0] == -3 and ys[-1] == 3
    z = np.asarray(spec["data"][0]["z"], float)
    expected = xs[None, :] ** 2 + 3 * ys[:, None] ** 2
    board_log = lesson.log_contours(expected)
    shown = np.log10(expected - expected.min() + 1e-3) if board_log else expected
    np.testing.assert_allclose(z, shown, rtol=1e-5, atol=1e-5)
    said = body(at)
    assert text.get("race.arrival_best", lang, tol="0.0001", best="").split("0.0001")[0] in said


HOSTILE = [
    ("__import__('os')", "unknown_function", 1, "__import__"),
    ("__import__('os').system('ls')", "not_allowed", 17, "attribute"),
    ("().__class__", "not_allowed", 3, "attribute"),
    ("x.real", "not_allowed", 2, "attribute"),
    ("lambda: 1", "not_allowed", 1, "lambda"),
    ("[i for i in x]", "not_allowed", 1, "comprehension"),
    ("9**9**9**9", "power_too_big", 7, "9**9"),
    ("(" * 40 + "x" + ")" * 40, "too_deep", 31, None),
    ("", "empty", None, None),
    ("(x + 1", "unbalanced", 1, "("),
    ("x + z", "unknown_name", 5, "z"),
    ("2x + y", "missing_operator", 2, None),
    ("sin(x, y)", "bad_call", 1, "sin"),
    ("x # y", "bad_char", 3, "#"),
    ("1/0 + x", "not_finite", 1, "1/0"),
]


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("typed, code, position, detail", HOSTILE)
def test_a_hostile_or_broken_expression_is_refused_with_what_and_where(
    typed, code, position, detail, lang
):
    at = race_page(lang, r_surf="typed", r_expr=typed)
    assert not at.exception, [e.value for e in at.exception]
    error = expression.ExpressionError(code, position, detail)
    expected = formulas.expression_message(error, t_of(lang))
    assert [e.value for e in at.error] == [expected]
    sidebar = [type(node).__name__ for node in at.sidebar]  # the message right under the input
    assert sidebar[sidebar.index("TextInput") : sidebar.index("TextInput") + 3][-1] == "Error"
    assert text.get("race.fix_function", lang) in [i.value for i in at.info]
    assert not at.get("plotly_chart")  # no race on a function that cannot be read


def test_a_too_long_expression_in_a_link_is_dropped_with_a_note():
    at = race_page(r_surf="typed", r_expr="x+" * 150 + "y")
    assert not at.exception
    assert at.text_input(key="r_expr").value == formulas.TYPED_EXPRESSION
    assert any("cannot be used" in w.value for w in at.warning)


def test_overflow_and_division_by_zero_become_gaps_with_a_warning():
    at = race_page(r_surf="typed", r_expr="log(x) + exp(100*y)")
    assert not at.exception, [e.value for e in at.exception]
    spec = chart(at, "race_map")
    z = np.asarray(spec["data"][0]["z"], float)
    gaps = int(np.isnan(z).sum())
    assert gaps > 0
    assert text.get("race.gaps", "en", count=gaps) in [w.value for w in at.warning]


def test_no_finite_value_at_the_start_is_said_not_raised():
    at = race_page(r_surf="typed", r_expr="log(x)", r_x0="-1")
    assert not at.exception
    assert text.get("race.bad_start", "en", start="(-1, 1.5)") in [e.value for e in at.error]


def test_an_empty_box_side_is_refused_next_to_the_inputs():
    at = race_page(r_surf="typed", r_xlo="2", r_xhi="-2")
    assert not at.exception
    assert [e.value for e in at.error] == [text.get("race.box_error", "en", axes="x")]


def test_an_example_button_puts_its_function_and_box_in():
    at = race_page(r_surf="typed", r_expr="x")
    at.button(key="_race_example_1").click().run()
    assert not at.exception
    text_, box = formulas.EXAMPLES[1]
    assert at.text_input(key="r_expr").value == text_
    assert [at.number_input(key=k).value for k in ("r_xlo", "r_xhi", "r_ylo", "r_yhi")] == list(box)


def test_a_smaller_box_moves_the_start_onto_it():
    at = race_page(r_surf="typed")
    at.number_input(key="r_xhi").set_value(1).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.slider(key="r_x0").value == 1.0  # 2.1 was outside [-3, 1]


# -- links: every key, garbage in ------------------------------------------------------------------

GARBAGE = {
    "r_surf": "nowhere",
    "r_racers": "gd,zzz",
    "r_x0": "abc",
    "r_y0": "1e999",
    "r_steps": "-5",
    "r_fair": "fair",
    "r_rate": "7",
    "r_sched": "weekly",
    "cam": "below",
}


@pytest.mark.parametrize("key, raw", GARBAGE.items())
def test_garbage_in_any_link_key_gives_the_default_and_a_note(key, raw):
    at = race_page(**{key: raw})
    assert not at.exception, [e.value for e in at.exception]
    assert any(raw in w.value and "cannot be used" in w.value for w in at.warning), key
    assert len(at.get("plotly_chart")) == len(CHARTS)


@pytest.mark.parametrize(
    "params",
    [
        dict(r_surf="typed", r_xlo="x", r_yhi="inf"),
        dict(r_sched="exponential", r_gamma="2"),
        dict(r_sched="inverse_time", r_invk="nan"),
        dict(r_sched="step_decay", r_every="-1"),
    ],
)
def test_garbage_in_the_box_and_schedule_keys_gives_a_note(params):
    at = race_page(**params)
    assert not at.exception, [e.value for e in at.exception]
    assert any("cannot be used" in w.value for w in at.warning)


def test_a_link_with_two_racers_races_only_them_in_their_order():
    at = race_page(r_racers="adam,gd")
    assert not at.exception
    assert at.get("button_group")  # the racers' pills
    names = formulas.names_of(t_of("en"))
    drawn = paths(chart(at, "race_map"))
    assert sorted(drawn) == sorted(fig.legend_name(names[n], 0.01) for n in ("gd", "adam"))
    assert at.query_params.get("r_racers") in (None, "gd,adam", ["gd,adam"])


def test_no_racer_chosen_says_what_to_do():
    at = race_page()
    at.session_state["r_racers"] = []
    at.run()
    assert not at.exception
    assert text.get("race.racers_none", "en") in [i.value for i in at.info]


def test_reset_puts_every_control_back():
    at = race_page(r_surf="bowl", r_steps="100", r_fair="tuned", r_rate="0.1")
    at.button(key="_reset_race").click().run()
    assert not at.exception
    assert at.selectbox(key="r_surf").value == formulas.DEFAULT_SURFACE
    assert at.slider(key="r_steps").value == lesson.STEPS
    assert at.select_slider(key="r_rate").value == lesson.LR


# -- fairness and schedules ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", lesson.LR_MODES)
@pytest.mark.parametrize("schedule", formulas.SCHEDULES)
def test_each_fairness_mode_and_schedule_runs_the_lessons_race(mode, schedule):
    params = dict(r_fair=mode, r_sched=schedule, r_surf="elongated_bowl")
    at = race_page(**params)
    assert not at.exception, [e.value for e in at.exception]
    param = formulas.PARAMS[schedule][2] if schedule in formulas.PARAMS else None
    s = default_setting(surface="elongated_bowl", schedule=schedule, param=param)
    race = lesson_race(s, mode)
    names = formulas.names_of(t_of("en"))
    drawn = paths(chart(at, "race_map"))
    assert sorted(drawn) == sorted(fig.legend_name(names[r.name], r.lr) for r in race.racers)
    alphas = [tr for tr in chart(at, "race_loss")["data"] if tr.get("yaxis") == "y2"]
    np.testing.assert_allclose(np.asarray(alphas[0]["y"], float), race.racers[0].alpha, rtol=1e-6)
    assert formulas.verdict(race, names, t_of("en")) in body(at)


def test_rmsprops_rate_is_linked_to_the_schedule_section_when_the_search_shows_it():
    at = race_page(r_surf="bowl", r_fair="tuned")
    s = default_setting(surface="bowl")
    tuned = lesson_race(s, "tuned")
    note = formulas.rmsprop_note(tuned, t_of("en"))
    said = body(at)
    assert note and note in said  # RMSprop's own rate is 0.01 on the bowl: its cycle is why
    case = lesson.settling()
    assert text.get("race.s6_case", "en", **formulas.settling_fields(case)) in said
    assert case.constant_jitter == pytest.approx(case.expected_jitter, rel=1e-3)


# -- a click on the map ----------------------------------------------------------------------------


def click(at, *points):
    """Run ``at`` as the browser does after a click on the map: the chart's selection state."""
    element = next(e for e in at.get("plotly_chart") if e.proto.id.endswith("-race_map"))
    states = WidgetStates()
    states.CopyFrom(at._tree.get_widget_states())
    state = states.widgets.add()
    state.id = element.proto.id
    selection = {"points": list(points), "point_indices": [], "box": [], "lasso": []}
    state.string_value = json.dumps({"selection": selection})
    return at._run(states)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_click_on_the_map_moves_every_paths_first_point_and_the_link(lang):
    at = race_page(lang)
    assert at.slider(key="r_x0").value == 0.0
    on_grid = {"curve_number": fig.CLICK_TRACE, "point_index": 0, "x": 2.1, "y": 1.4}
    on_path = {"curve_number": fig.CLICK_TRACE + 4, "point_index": 0, "x": -3.0, "y": -3.0}
    at = click(at, on_path, on_grid)
    assert not at.exception, [e.value for e in at.exception]
    assert (at.slider(key="r_x0").value, at.slider(key="r_y0").value) == (2.0, 1.5)
    for trace in paths(chart(at, "race_map")).values():
        assert (float(trace["x"][0]), float(trace["y"][0])) == (2.0, 1.5)
    assert at.query_params["r_x0"] in ("2", "2.0", ["2"]) and at.query_params["r_y0"] in (
        "1.5",
        ["1.5"],
    )


def test_a_click_on_a_path_or_its_head_is_ignored():
    at = race_page()
    before = chart(at, "race_map")
    at = click(at, {"curve_number": fig.CLICK_TRACE + 3, "point_index": 2, "x": 1.0, "y": 1.0})
    assert not at.exception
    assert at.slider(key="r_x0").value == 0.0 and at.slider(key="r_y0").value == -4.0
    after = paths(chart(at, "race_map"))
    for name, trace in paths(before).items():
        assert (after[name]["x"][0], after[name]["y"][0]) == (trace["x"][0], trace["y"][0])


def test_every_key_of_the_page_is_its_own():
    """Keys passed through variables (the start, the box, the schedule's parameter) are not seen
    by tests/app/test_control_keys.py: none may be used by another page."""
    at = race_page(r_surf="typed", r_sched="exponential")
    home = set(open_app(None).session_state)  # the run starts on the home page
    keys = {k for k in at.session_state if not k.startswith(("_", "$$")) and k not in home}
    keys -= set(CHARTS)  # the map's selection lives under its chart key
    keys |= {key for key, _, _ in formulas.PARAMS.values()}
    assert {"r_x0", "r_y0", "r_xlo", "r_racers", "r_expr", "r_gamma", "r_invk"} <= keys
    assert all(k.startswith("r_") or k == "cam" for k in keys), keys
    others = [p for p in (ROOT / "app_pages").glob("*.py") if p.name != "race.py"]
    for page in others:
        source = page.read_text(encoding="utf-8")
        assert not [k for k in keys - {"cam"} if f'"{k}"' in source], page.name
