"""Adam figures and formulas, built directly from the lesson: traces by name, clean data,
colours from the shared palette, and the LaTeX with the run's numbers."""

import json

import numpy as np
import pytest

from optim_core.lessons import adam as lesson
from ui.figures import COLORS, PALETTE
from ui.figures import adam as fig
from ui.formulas import adam as formulas

LABELS = {"play": "play", "pause": "pause", "step": "step"}
MARKERS = {"white"}  # start and critical points: white markers on the map (shared style)


def settings(surface="elongated_bowl", **changes):
    values = dict(
        kappa=10, own_start=False, x0=None, y0=None, steps=1000, b1=0.9, b2=0.999, bc=True
    ) | dict(tune=False, lrs=())
    return lesson.setup(surface, *(values | changes).values())


DIVERGING = settings("beale", own_start=True, x0=4.5, y0=4.5, tune=True, lrs=(1.0,) * 4)


def by_name(figure) -> dict:
    return {trace.name: trace for trace in figure.data if trace.name}


def assert_clean(figure):
    """No inf or NaN in any trace of the figure or of its animation frames."""
    traces = list(figure.data) + [t for frame in figure.frames for t in frame.data]
    for trace in traces:
        for axis in ("x", "y", "z"):
            values = getattr(trace, axis, None)
            if values is not None:
                assert np.isfinite(np.asarray(values, dtype=float)).all(), (trace.name, axis)


def colours(figure) -> set:
    found = set()
    for trace in figure.data:
        for part in ("line", "marker"):
            colour = getattr(getattr(trace, part, None), "color", None)
            if isinstance(colour, str):
                found.add(colour)
    return found


def race_figure(setup):
    race = lesson.race(setup)
    colors = {n: COLORS[n] for n in lesson.RACERS}
    runs = {n: (race.paths[n], colors[n]) for n in lesson.RACERS}
    notes = fig.race_notes("step", race.frame_steps, race.frame_costs, colors)
    figure = fig.race_contour(
        *race.grid,
        runs,
        labels=LABELS,
        annotations=notes,
        log_scale=race.log_scale,
        critical_points=race.critical_points,
        critical_labels={"global": "global", "local": "local", "saddle": "saddle"},
        start_label="start",
        start=setup.start,
    )
    return race, figure


def test_bias_closeup_shows_the_raw_and_corrected_averages():
    near = lesson.closeup(settings(), "x")
    keys = ("g", "v", "v_hat", "g2", "s", "s_hat", "left", "right")
    figure = fig.bias_closeup(near, labels={key: key for key in keys})
    traces = by_name(figure)
    assert set(traces) == {"g", "v", "v_hat", "g2", "s", "s_hat"}
    assert traces["v_hat"].line.color == traces["v"].line.color == COLORS["momentum"]
    assert traces["s_hat"].line.color == COLORS["rmsprop"]
    assert traces["g"].line.color == COLORS["data"]
    np.testing.assert_allclose(traces["g2"].y, near.g2)
    assert_clean(figure)
    assert colours(figure) <= PALETTE


@pytest.mark.parametrize(
    "setup",
    [settings(), settings("rosenbrock"), DIVERGING],
    ids=["bowl", "rosenbrock", "diverging"],
)
def test_race_map_has_one_named_path_per_racer_and_clean_frames(setup):
    race, figure = race_figure(setup)
    traces = by_name(figure)
    assert set(lesson.RACERS) | {"start"} <= traces.keys()
    for name in lesson.RACERS:
        assert traces[name].line.color == COLORS[name]
    assert len(figure.frames) == len(race.frame_steps)
    assert_clean(figure)
    assert colours(figure) <= PALETTE | MARKERS


def test_race_notes_name_the_step_and_each_cost_in_its_colour():
    assert fig.racer("Adam", 0.3) == "Adam (α = 0.3)"
    costs = {"gd": np.array([2.0, np.nan]), "adam": np.array([0.12345, 1e-9])}
    notes = fig.race_notes("step", [0, 7], costs, {"gd": COLORS["gd"], "adam": COLORS["adam"]})
    assert notes == [
        "step 0<br><span style='color:#0072B2'>●</span> 2 · "
        "<span style='color:#CC79A7'>●</span> 0.123",
        "step 7<br><span style='color:#0072B2'>●</span> — · "
        "<span style='color:#CC79A7'>●</span> 1e-09",
    ]


def test_race_costs_floor_round_off_and_end_at_divergence():
    race = lesson.race(DIVERGING)
    curves = {n: (race.gaps[n], COLORS[n]) for n in lesson.RACERS}
    figure = fig.race_costs(curves, xlabel="step", ylabel="gap")
    traces = by_name(figure)
    assert set(traces) == set(lesson.RACERS)
    assert len(traces["gd"].y) == 1  # diverged at step 1: only the start's cost is drawn
    assert all((tr.x, tr.x0, tr.dx) == (None, 0, 1) for tr in figure.data)  # steps 0, 1, …
    assert min(traces["adam"].y) >= fig.FLOOR
    assert figure.layout.yaxis.type == "log"
    assert_clean(figure)
    assert colours(figure) <= PALETTE


def test_race_surface_draws_each_path_above_the_surface():
    view = lesson.landscape(settings("beale"))
    paths = {n: (xy, h, COLORS[n]) for n, (xy, h) in view.paths.items()}
    figure = fig.race_surface(*view.grid, paths, camera="top", zlabel="z")
    traces = by_name(figure)
    assert set(traces) == set(view.paths)
    for name, (_, height) in view.paths.items():
        assert np.all(np.asarray(traces[name].z) > height)  # lifted above the surface
    assert figure.layout.scene.camera.eye.z == 2.4
    assert_clean(figure)
    assert colours(figure) <= PALETTE


def test_live_formulas_with_the_numbers_of_step_one():
    live = lesson.live(settings(), 1)
    x, y = live.coords
    tex = formulas.live_coordinate(live, x)
    # each sum on its own row, its value under it (issue 10: one row overflowed a phone)
    assert tex.startswith(
        r"\begin{aligned}v_{1,x} &= 0.9\cdot 0\\&\phantom{=}\ + 0.1\cdot (-2.5)"
        r"\\&= \color{#E69F00}{-0.25}"
    )  # v in momentum's colour
    assert r"\hat v_{1,x} &= \frac{-0.25}{1-0.9^{1}} = -2.5" in tex
    assert (
        r"x_{1} - x_{0} &= -\alpha\,\frac{\hat v_{1,x}}{\sqrt{\hat s_{1,x}} + \varepsilon}" in tex
    )
    assert tex.endswith(r"&= \color{#CC79A7}{0.1}\end{aligned}")
    assert (
        r"s_{1,y} &= 0.999\cdot 0\\&\phantom{=}\ + 0.001\cdot 15^2\\&= \color{#009E73}{0.225}"
        in (formulas.live_coordinate(live, y))
    )
    raw = lesson.live(settings(bc=False), 1)
    assert r"\frac{v_{1,x}}{\sqrt{s_{1,x}} + \varepsilon}" in formulas.live_coordinate(raw, x)


def test_first_step_formula_keeps_its_form():
    tex = formulas.first(lesson.closeup(settings(), "x"))
    assert tex.startswith(r"\begin{aligned}&" + formulas.FIRST_WITH[0] + r"\\&")
    assert formulas.FIRST_WITH[1] + " = 0.1" in tex
    assert r"|x_1 - x_0| = \color{#CC79A7}{0.1} = 1\,\alpha" in tex
    tex = formulas.first(lesson.closeup(settings(bc=False), "y"))
    assert tex.startswith(r"\begin{aligned}&" + formulas.FIRST_WITHOUT[0])
    assert formulas.FIRST_WITHOUT[-1] + " = 0.3162" in tex
    assert r"|y_1 - y_0| = \color{#CC79A7}{0.3162} = 3.162\,\alpha" in tex
    assert formulas.par(-2) == "(-2)" and formulas.par(2) == "2"


# -- lean data and step-labelled playback (issue 9) ---------------------------------------------


NAMES = {n: n for n in lesson.RACERS}


def page_figures(setup) -> list:
    """The page's five figures at ``setup``, built by the builders the page caches."""
    keys = ("g", "v", "v_hat", "g2", "s", "s_hat", "left", "right")
    return [
        fig.closeup_chart(setup, "x", labels={key: key for key in keys}),
        fig.race_chart(setup, names=NAMES, labels={key: key for key in fig.RACE_LABELS}),
        fig.costs_chart(setup, names=NAMES, xlabel="step", ylabel="f − f*"),
        fig.surface_chart(setup, "iso", names=NAMES, zlabel="f", zlabel_log="log10(1 + f)"),
        fig.moves_chart(setup, 3, labels={key: key for key in fig.MOVES_LABELS}),
    ]


def typed(trace: dict, axis: str) -> str:
    """The dtype of a trace's typed array (JSON as ``st.plotly_chart`` sends it)."""
    return trace[axis]["dtype"]


def test_the_big_arrays_are_sent_as_float32():
    _, race_map, costs, surface, _ = (json.loads(f.to_json()) for f in page_figures(settings()))
    contour = next(tr for tr in race_map["data"] if tr["type"] == "contour")
    assert typed(contour, "z") == "f4"
    paths = [tr for tr in race_map["data"] if tr.get("name", "").startswith(lesson.RACERS)]
    assert len(paths) == 2 * len(lesson.RACERS)  # whole paths and their moving heads
    assert {typed(tr, axis) for tr in paths for axis in "xy"} == {"f4"}
    heads = [tr for frame in race_map["frames"] for tr in frame["data"]]
    assert {typed(tr, axis) for tr in heads for axis in "xy"} == {"f4"}
    assert {typed(tr, "y") for tr in costs["data"]} == {"f4"}
    assert all("x" not in tr and tr["x0"] == 0 for tr in costs["data"])  # steps: x0 + k·dx
    grid = next(tr for tr in surface["data"] if tr["type"] == "surface")
    assert typed(grid, "z") == "f4"
    lines = [tr for tr in surface["data"] if tr["type"] == "scatter3d"]
    assert {typed(tr, axis) for tr in lines for axis in "xyz"} == {"f4"}


def test_the_page_at_its_defaults_sends_at_most_350_kib_of_figures():
    # issue 9: at most 400 KiB per view in all; the charts take ~330 KiB of it (was ~450)
    sizes = [len(f.to_json()) for f in page_figures(settings())]
    assert sum(sizes) <= 350 * 1024, [round(s / 1024) for s in sizes]
    for figure in page_figures(settings()):
        assert not figure.layout.template.data.to_plotly_json()  # no per-trace-type defaults


def test_costs_beyond_float32_are_drawn_at_its_largest_value():
    gap = np.array([1.0, 1e300, np.inf])
    figure = fig.race_costs({"gd": (gap, COLORS["gd"])}, xlabel="step", ylabel="gap")
    assert len(figure.data[0].y) == 2  # steps 0 and 1: the curve ends at the last finite cost
    assert np.isfinite(figure.data[0].y).all() and figure.data[0].y[1] == fig.CEILING


@pytest.mark.parametrize("steps", [1000, 3000])
def test_the_animation_slider_counts_optimizer_steps_as_the_notes_do(steps):
    # issue 9: 1,000 steps, a slider from 0 to 149 and a note saying "step 1000"
    setup = settings(steps=steps)
    race = lesson.race(setup)
    race_map = page_figures(setup)[1]
    names = [str(k) for k in race.frame_steps]
    assert [frame.name for frame in race_map.frames] == names
    slider = race_map.layout.sliders[0]
    assert [s.label for s in slider.steps] == names
    assert [list(s.args[0]) for s in slider.steps] == [[name] for name in names]
    assert names[-1] == str(steps) and slider.active == len(names) - 1
    for name, frame in zip(names, race_map.frames, strict=True):
        assert frame.layout.annotations[0].text.startswith(f"step {name}<br>")
    assert race_map.layout.annotations[0].text.startswith(f"step {steps}<br>")


def test_moves_chart_marks_step_k_next_to_alpha():
    labels = {key: key for key in fig.MOVES_LABELS}
    figure = fig.moves_chart(settings(), 7, labels=labels)
    traces = by_name(figure)
    assert set(traces) == {"x", "y", "alpha", "current"}
    moves = lesson.moves(settings(), 7)
    np.testing.assert_allclose(traces["x"].y, moves.size[:, 0], rtol=1e-6)
    assert (traces["x"].x0, traces["x"].dx) == (1, 1)
    assert list(traces["current"].x) == [7, 7]
    np.testing.assert_allclose(traces["current"].y, moves.size[6], rtol=1e-6)
    assert list(traces["alpha"].y) == [0.1, 0.1]
    assert traces["x"].line.color == traces["y"].line.color == COLORS["adam"]
    assert traces["current"].marker.color == COLORS["accent"]
    assert figure.layout.yaxis.type == "log"
    assert_clean(figure)
    assert colours(figure) <= PALETTE


def test_race_chart_is_the_race_of_the_settings():
    setup = settings("himmelblau")
    race = lesson.race(setup)
    figure = fig.race_chart(setup, names=NAMES, labels={key: key for key in fig.RACE_LABELS})
    traces = by_name(figure)
    assert list(traces["start"].x) == [0.0] and list(traces["start"].y) == [0.0]
    assert [frame.name for frame in figure.frames] == [str(k) for k in race.frame_steps]
    for name in lesson.RACERS:
        path = traces[fig.racer(name, race.lrs[name])]
        np.testing.assert_allclose(path.x, race.paths[name][:, 0], rtol=1e-6, atol=1e-6)
    assert not figure.layout.template.data.to_plotly_json()


def test_the_3d_view_labels_its_log_height_with_f_itself():
    # issue 10: the axis said log₁₀(1 + f); its ticks now name f (0, 10, 100, …)
    chart = fig.surface_chart(
        settings("beale"), "iso", names=NAMES, zlabel="f", zlabel_log="f (log scale)"
    )
    z = chart.layout.scene.zaxis
    assert z.title.text == "f (log scale)"
    assert list(z.ticktext[:4]) == ["0", "10", "100", "1000"]
    np.testing.assert_allclose(z.tickvals[:4], np.log10(1 + np.array([0, 10, 100, 1000])))
    assert fig.log_ticks(2.5)[1] == ["0", "1", "10", "100"]  # under three decades: with the 1
    flat = fig.surface_chart(settings(), "iso", names=NAMES, zlabel="f", zlabel_log="unused")
    assert flat.layout.scene.zaxis.title.text == "f" and flat.layout.scene.zaxis.tickvals is None
    # large and uncropped at 1024 px (checked in the browser): a fixed box, the legend under it
    assert chart.layout.height == fig.SURFACE_HEIGHT >= 600
    assert chart.layout.scene.aspectmode == "manual" and chart.layout.legend.y == 0


def test_the_closeup_titles_wrap_after_their_colon():
    labels = {k: k for k in ("g", "v", "v_hat", "g2", "s", "s_hat")}
    labels |= {"left": "Gradients of x: g, v, v̂", "right": "Squared gradients of x: g², s, ŝ"}
    chart = fig.closeup_chart(settings(), "x", labels=labels)
    titles = [a.text for a in chart.layout.annotations]
    assert titles == ["Gradients of x:<br>g, v, v̂", "Squared gradients of x:<br>g², s, ŝ"]
