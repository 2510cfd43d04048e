"""Race figures and the page's helpers, built directly from the lesson: the click grid, frames
that carry only the heads, colours, float32, the page's budget, and the sentences' numbers."""

import json
import math

import numpy as np
import pytest

from optim_core import expression, objectives, schedules
from optim_core.lessons import race as lesson
from tests.figures.test_gradient_descent import LEAN, typed_arrays
from ui import cached, figures, text
from ui.figures import COLORS, HEAD_MARK
from ui.figures import race as fig
from ui.formulas import race as formulas

BUDGET_KIB = 500  # the brief: the page at its defaults sends at most 500 KiB of figures


def tr_en(key, **fields):
    return text.get(key, "en", **fields)


NAMES = formulas.names_of(tr_en)
MAP_WORDS = formulas.words("race.map", fig.MAP_LABELS, tr_en)


setting = formulas.default_setting


def run(s: formulas.Setting, mode="shared"):
    objective = s.surface
    if s.surface == formulas.TYPED:
        objective = expression.typed_function(s.expression, formulas.flat(s.box))
    sched = formulas.schedule_of(s.schedule, s.param)
    return lesson.race(objective, s.box, s.start, s.racers, mode, s.lr, sched, s.steps)


def board(s: formulas.Setting):
    objective = s.surface
    if s.surface == formulas.TYPED:
        objective = expression.typed_function(s.expression, formulas.flat(s.box))
    return lesson.board(objective, s.box)


def map_of(s: formulas.Setting, mode="shared"):
    critical = formulas.critical_points(s.surface, s.box)
    return fig.map_figure(board(s), run(s, mode), critical, names=NAMES, labels=MAP_WORDS)


@pytest.fixture(scope="module")
def default_map():
    return map_of(setting())


# -- the map ------------------------------------------------------------------------------------


def test_the_click_grid_is_an_invisible_but_clickable_trace_over_the_map(default_map):
    grid = default_map.data[fig.CLICK_TRACE]
    assert grid.type == "scatter" and grid.mode == "markers"
    assert grid.marker.opacity == 0 and grid.visible is not False  # hidden traces take no clicks
    clicks = board(setting()).clicks
    np.testing.assert_array_equal(np.asarray(grid.x), clicks.points[:, 0])
    np.testing.assert_array_equal(np.asarray(grid.y), clicks.points[:, 1])
    assert len(grid.x) == lesson.CLICK_GRID**2
    assert default_map.data[0].type == "contour"
    # every other trace lets the click through to the grid
    assert all(tr.hoverinfo == "skip" for tr in default_map.data[fig.CLICK_TRACE + 1 :])


def test_each_racer_has_its_whole_path_in_its_colour_from_the_start(default_map):
    r = run(setting())
    paths = {tr.name: tr for tr in default_map.data if "α" in (tr.name or "")}
    assert len(paths) == 2 * len(lesson.RACERS)  # a faint whole path and a head each
    for racer in r.racers:
        name = fig.legend_name(NAMES[racer.name], racer.lr)
        whole, head = paths[name], paths[f"{name} {HEAD_MARK}"]
        assert whole.line.color == COLORS[racer.name] == head.line.color
        assert whole.opacity == figures.FAINT
        np.testing.assert_array_equal(np.asarray(whole.x, dtype=np.float32), racer.path[:, 0])
        assert (whole.x[0], whole.y[0]) == pytest.approx(r.start)


def test_frames_carry_only_the_heads_and_the_slider_counts_steps(default_map):
    heads = [i for i, tr in enumerate(default_map.data) if (tr.name or "").endswith(HEAD_MARK)]
    assert len(heads) == len(lesson.RACERS)
    shown = fig.frame_steps(lesson.STEPS)
    assert len(default_map.frames) == len(shown) == fig.FRAMES + 1
    assert shown[0] == 0 and shown[-1] == lesson.STEPS
    for frame in default_map.frames:
        assert list(frame.traces) == heads  # never the map, the grid or a whole path
        assert all(len(tr.x) <= figures.TAIL for tr in frame.data)
    labels = [step.label for step in default_map.layout.sliders[0].steps]
    assert labels == [str(k) for k in shown] == [f.name for f in default_map.frames]
    # frame k's heads end at step k of each path
    r = run(setting())
    k = len(shown) // 2
    for racer, tr in zip(r.racers, default_map.frames[k].data, strict=True):
        assert tr.x[-1] == pytest.approx(float(racer.path[shown[k], 0]), rel=1e-6)


def test_frame_steps_are_every_step_of_a_short_run():
    assert fig.frame_steps(40).tolist() == list(range(41))
    long = fig.frame_steps(1000)
    assert len(long) == fig.FRAMES + 1 and long[-1] == 1000 and np.all(np.diff(long) > 0)


def test_a_typed_function_with_gaps_draws_them_as_nan():
    s = setting(formulas.TYPED, expression="log(x)")
    b = board(s)
    assert formulas.gaps(b) == int(np.count_nonzero(b.grid.xs <= 0)) * len(b.grid.ys)
    m = map_of(s)
    z = np.asarray(m.data[0].z, dtype=float)
    assert np.isnan(z).sum() == formulas.gaps(b)
    assert np.isfinite(z[np.isfinite(z)]).all()


def test_a_diverged_path_ends_in_nan_and_its_heads_stay_finite():
    # gd at α = 3 on the bowl: x_k = (−2)^k x₀ until the run's bound stops it
    r = lesson.race("bowl", None, (1.5, -1.0), ("gd",), "shared", 3.0, None, 30)
    gd = r.racers[0]
    assert gd.diverged_at > 0 and np.isnan(gd.path[gd.diverged_at :]).all()
    m = fig.map_figure(lesson.board("bowl"), r, (), names=NAMES, labels=MAP_WORDS)
    whole = next(tr for tr in m.data if tr.name == fig.legend_name(NAMES["gd"], 3.0))
    assert np.isnan(np.asarray(whole.x, dtype=float)[gd.diverged_at :]).all()
    for frame in m.frames:
        for tr in frame.data:
            assert np.isfinite(np.asarray(tr.x, dtype=float)).all()


# -- the other charts ---------------------------------------------------------------------------


def test_the_loss_chart_draws_each_gap_and_alpha_of_the_schedule():
    s = setting(schedule="exponential", param=0.99)
    r = run(s, "tuned")
    reference = formulas.reference(s.surface, r)
    assert reference == objectives.get(s.surface).global_minimum.value
    words = formulas.words("race.loss", fig.LOSS_LABELS, tr_en, v="0")
    chart = fig.loss_figure(r, reference, names=NAMES, labels=words)
    gaps = [tr for tr in chart.data if tr.yaxis == "y"]
    alphas = [tr for tr in chart.data if tr.yaxis == "y2"]
    assert len(gaps) == len(r.racers)
    for racer, tr in zip(r.racers, gaps, strict=True):
        assert tr.line.color == COLORS[racer.name]
        expected = np.clip(racer.loss - reference, fig.FLOOR, None)
        np.testing.assert_allclose(np.asarray(tr.y, dtype=float), expected, rtol=1e-6)
    if len({x.lr for x in r.racers}) > 1:  # each its own rate: one α(t) line per racer
        for racer, tr in zip(r.racers, alphas, strict=True):
            rates = racer.lr * schedules.exponential(0.99).factors(lesson.STEPS)
            np.testing.assert_allclose(np.asarray(tr.y, dtype=float), rates, rtol=1e-6)
    assert chart.layout.yaxis.type == "log" and chart.layout.yaxis2.type == "log"


def test_one_shared_rate_draws_one_alpha_line_in_neutral_grey():
    r = run(setting(schedule="step_decay", param=100))
    words = formulas.words("race.loss", fig.LOSS_LABELS, tr_en, v="0")
    chart = fig.loss_figure(r, 0.0, names=NAMES, labels=words)
    alphas = [tr for tr in chart.data if tr.yaxis == "y2"]
    assert len(alphas) == 1 and alphas[0].line.color == COLORS["data"]
    expected = lesson.LR * 0.5 ** np.floor(np.arange(lesson.STEPS) / 100)
    np.testing.assert_allclose(np.asarray(alphas[0].y, dtype=float), expected, rtol=1e-6)


@pytest.mark.parametrize("surface", ["himmelblau", formulas.TYPED])
def test_the_progress_chart_has_the_tolerance_and_a_dot_per_arrival(surface):
    r = run(setting(surface))
    words = formulas.words("race.progress", fig.PROGRESS_LABELS, tr_en)
    chart = fig.progress_figure(r, names=NAMES, labels=words)
    tol = next(tr for tr in chart.data if tr.name == words["tolerance"])
    assert list(tol.y) == [r.tolerance, r.tolerance]
    dots = [tr for tr in chart.data if tr.mode == "markers"]
    arrived = [x for x in r.racers if x.arrived_at is not None]
    assert [int(d.x[0]) for d in dots] == [x.arrived_at for x in arrived] and arrived
    first = chart.data[0]
    if r.target == "minimum":
        expected = np.clip(r.racers[0].distance, fig.FLOOR, None)
    else:
        share = (r.racers[0].loss - r.best_value) / (r.start_value - r.best_value)
        expected = np.clip(share, fig.FLOOR, None)
    np.testing.assert_allclose(np.asarray(first.y, dtype=float), expected, rtol=1e-5)


def test_the_surface_keeps_paths_on_the_map_and_heights_above_the_lowest_value():
    s = setting("rosenbrock")
    b, r = board(s), run(s)
    chart = fig.surface_figure(b, r, "top", names=NAMES, zlabel="f")
    assert chart.data[0].type == "surface" and not chart.frames
    assert b.log_scale  # Rosenbrock's walls: log heights, ticks named by the heights
    assert chart.layout.scene.zaxis.ticktext[0] == "0"
    paths = [tr for tr in chart.data if tr.type == "scatter3d"]
    assert [tr.line.color for tr in paths] == [COLORS[x.name] for x in r.racers]
    (x0, x1), (y0, y1) = s.box
    for tr in paths:
        x, y = np.asarray(tr.x, dtype=float), np.asarray(tr.y, dtype=float)
        shown = np.isfinite(x)
        assert ((x[shown] >= x0) & (x[shown] <= x1) & (y[shown] >= y0) & (y[shown] <= y1)).all()
    assert chart.layout.scene.camera.eye.z == figures.CAMERAS["top"]["eye"]["z"]


def test_the_settling_chart_shows_both_runs_and_the_cycle_line():
    case = lesson.settling()
    words = formulas.words(
        "race.settling", fig.SETTLING_LABELS, tr_en, **formulas.settling_fields(case)
    )
    chart = fig.settling_figure(case, name="RMSprop", labels=words)
    solid, dashed, line = chart.data
    assert solid.line.color == dashed.line.color == COLORS["rmsprop"] and dashed.line.dash == "dash"
    assert list(line.y) == [pytest.approx(0.1 / math.sqrt(2))] * 2
    np.testing.assert_allclose(
        np.asarray(solid.y, dtype=float),
        np.clip(case.constant_distance, fig.SETTLING_FLOOR, None),
        rtol=1e-6,
    )


def test_adagrad_and_nesterov_have_colours_of_their_own():
    assert {"adagrad", "nesterov"} <= COLORS.keys()
    assert len({COLORS[n] for n in lesson.RACERS}) == len(lesson.RACERS)
    assert COLORS["gd"] == "#0072B2"


# -- what the page sends: at most 500 KiB at its defaults, float32, built once --------------------


def page_figures(lang: str, camera: str = "iso") -> dict:
    """The page's five charts at its defaults, through ``ui.cached`` with its words."""

    def t(key, **fields):
        return text.get(key, lang, **fields)

    s, names = setting(), formulas.names_of(t)
    r = cached.race_race(s, "shared")
    case = cached.race_settling()
    fields = formulas.settling_fields(case)
    loss_words = formulas.words("race.loss", fig.LOSS_LABELS, t, **formulas.loss_fields(s, r))
    return {
        "map": cached.race_map_figure(
            s, "shared", lang, names, formulas.words("race.map", fig.MAP_LABELS, t)
        ),
        "loss": cached.race_loss_figure(s, "shared", lang, names, loss_words),
        "progress": cached.race_progress_figure(
            s, "shared", lang, names, formulas.words("race.progress", fig.PROGRESS_LABELS, t)
        ),
        "surface": cached.race_surface_figure(s, "shared", camera, lang, names, t("race.height")),
        "settling": cached.race_settling_figure(
            lang,
            names["rmsprop"],
            formulas.words("race.settling", fig.SETTLING_LABELS, t, **fields),
        ),
    }


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_page_sends_at_most_500_kib_of_figures_at_its_defaults(lang):
    sizes = {name: len(f.to_json()) / 1024 for name, f in page_figures(lang).items()}
    assert sum(sizes.values()) <= BUDGET_KIB, sizes


def test_the_page_figures_are_shared_and_frozen():
    first, second = page_figures("en"), page_figures("en")
    for name, built in first.items():
        assert figures.is_frozen(built), name
        assert second[name] is built, name
    assert page_figures("en", camera="side")["surface"] is not first["surface"]


def test_big_arrays_are_float32():
    for name, built in page_figures("en").items():
        spec = json.loads(built.to_json())
        found = list(typed_arrays({"data": spec["data"], "frames": spec.get("frames", [])}))
        big = [(where, dtype) for where, dtype, n in found if n >= 50]
        assert big and all(dtype in LEAN for _, dtype in big), (name, big)
    spec = json.loads(page_figures("en")["map"].to_json())
    assert {spec["data"][0][axis]["dtype"] for axis in ("z",)} == {"f4"}
    assert spec["data"][fig.CLICK_TRACE]["x"]["dtype"] == "f4"


# -- the page's helpers -------------------------------------------------------------------------


def selection(*points):
    return {"selection": {"points": list(points), "point_indices": [], "box": [], "lasso": []}}


def test_a_click_snaps_to_the_grid_and_other_traces_are_ignored():
    box, start = ((-5.0, 5.0), (-5.0, 5.0)), (0.0, -4.0)
    path_point = {"curve_number": 7, "point_index": 3, "x": 1.0, "y": 1.0}
    grid_point = {"curve_number": fig.CLICK_TRACE, "point_index": 9, "x": 2.1, "y": 1.4}
    assert formulas.clicked(selection(path_point), box, start) is None
    assert formulas.clicked(selection(path_point, grid_point), box, start) == (2.0, 1.5)
    assert formulas.clicked(selection({**grid_point, "x": 0.0, "y": -4.0}), box, start) is None
    assert formulas.clicked(None, box, start) is None
    assert formulas.clicked({"selection": {"points": []}}, box, start) is None


def test_default_starts_lie_in_each_box_and_the_fairness_case_is_one_of_them():
    for surface in formulas.SURFACES:
        box = formulas.box_of(surface, formulas.TYPED_BOX)
        assert formulas.default_start(surface, box) == formulas.STARTS[surface], surface
    case = lesson.FAIRNESS_CASE
    assert formulas.STARTS[case["objective"]] == case["start"]
    assert formulas.default_start(formulas.TYPED, ((5.0, 9.0), (-1.0, 1.0))) == (5.0, 1.0)


def test_schedules_from_the_controls():
    n = 10
    assert formulas.schedule_of("constant", None).factors(n).tolist() == [1.0] * n
    np.testing.assert_allclose(
        formulas.schedule_of("inverse_time", 0.1).factors(n), 1 / (1 + 0.1 * np.arange(n))
    )
    np.testing.assert_allclose(
        formulas.schedule_of("exponential", 0.9).factors(n), 0.9 ** np.arange(n)
    )
    np.testing.assert_allclose(
        formulas.schedule_of("step_decay", 3).factors(n), 0.5 ** (np.arange(n) // 3)
    )
    formula = formulas.schedule_formula("exponential", 0.9, 0.1, n)
    assert r"0.9^{\,t}" in formula and f"{0.1 * 0.9 ** (n - 1):.3g}" in formula


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("code", expression.ERROR_CODES)
def test_every_expression_error_has_a_message_saying_what_and_where(code, lang):
    error = expression.ExpressionError(code, 7, "zz" if code != "not_allowed" else "lambda")
    message = formulas.expression_message(error, lambda k, **f: text.get(k, lang, **f))
    assert message and "{" not in message
    if code not in ("empty", "too_long", "too_big", "bad_box"):
        assert "7" in message  # the position


@pytest.mark.parametrize("lang", text.LANGUAGES)
@pytest.mark.parametrize("detail", sorted(expression.NOT_ALLOWED))
def test_every_refused_construct_is_named_in_both_languages(detail, lang):
    assert f"race.not_allowed.{detail}" in text.CATALOG
    error = expression.ExpressionError("not_allowed", 3, detail)
    message = formulas.expression_message(error, lambda k, **f: text.get(k, lang, **f))
    assert text.get(f"race.not_allowed.{detail}", lang) in message


def test_the_function_check_names_the_problem_or_none():
    build = expression.typed_function
    assert formulas.function_problem("x**2 + y", (-3, 3, -3, 3), build, tr_en) is None
    said = formulas.function_problem("x + z", (-3, 3, -3, 3), build, tr_en)
    assert said == text.get("race.err.unknown_name", "en", detail="z", position=5)
    said = formulas.function_problem("x", (3, -3, -3, 3), build, tr_en)
    assert said == text.get("race.box_error", "en", axes="x")


def test_rmsprops_pick_is_explained_by_its_cycle_when_the_search_shows_it():
    r = lesson.race("bowl", None, (1.5, -1.0), lesson.RACERS, "tuned", 0.01, None, 300)
    t = r.racer("rmsprop").tuning
    note = formulas.rmsprop_note(r, tr_en)
    picked = t.rates[t.chosen]
    if picked == 0.01 and t.arrived_at[t.chosen] is not None:
        assert note and "0.01" in note and f"{0.03 / math.sqrt(2):.3g}" in note
        assert all(t.arrived_at[i] is None for i, v in enumerate(t.rates) if v > picked)
    else:
        assert note == ""


def test_first_step_lengths_are_those_of_the_paths():
    r = lesson.race("bowl", None, (1.5, -1.0), ("gd", "adam"), "shared", 0.1, None, 5)
    gd, adam = r.racers
    # gd on f = (x² + y²)/2: the first step is α·|x₀|; Adam's first step is α per coordinate
    assert formulas.first_step(gd) == pytest.approx(0.1 * math.hypot(1.5, -1.0), rel=1e-6)
    assert formulas.first_step(adam) == pytest.approx(0.1 * math.sqrt(2), rel=1e-6)
