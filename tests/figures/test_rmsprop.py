"""RMSprop figures and formulas, built directly from the lesson: traces by name, clean data,
colours from the shared palette, and the LaTeX with the run's numbers."""

import numpy as np
import pytest

from optim_core.lessons import rmsprop as lesson
from tests.figures.helpers import float_arrays
from ui import text
from ui.figures import COLORS, PALETTE
from ui.figures import rmsprop as fig
from ui.formulas import rmsprop as formulas
from ui.numbers import text as num

LABELS = {"play": "play", "pause": "pause", "step": "step"}
DEFAULTS = lesson.setup(25, 0.1, 0.9, 1e-8, 0.07, 200)
DIVERGING = lesson.setup(100, 0.1, 0.9, 1e-8, 0.2, 200)  # GD above 2/κ


def by_name(figure) -> dict:
    return {trace.name: trace for trace in figure.data if trace.name}


def numbers(values) -> np.ndarray:
    """Trace data as floats; ``None`` (a gap in a line) is allowed and left out."""
    if values is None:
        return np.array([])
    flat = np.ravel(np.asarray(values, dtype=object))
    return np.array([v for v in flat if v is not None], dtype=float)


def assert_clean(figure):
    """No inf or NaN in any trace of the figure or of its animation frames."""
    traces = list(figure.data) + [t for frame in figure.frames for t in frame.data]
    for trace in traces:
        for axis in ("x", "y", "z"):
            values = numbers(getattr(trace, axis, None))
            assert np.isfinite(values).all(), (trace.name, axis)


def colours(figure) -> set:
    found = set()
    for trace in figure.data:
        for part in ("line", "marker"):
            colour = getattr(getattr(trace, part, None), "color", None)
            if isinstance(colour, str):
                found.add(colour)
    found |= {shape.line.color for shape in figure.layout.shapes if shape.line.color}
    return found


def valley_figure(setup):
    valley = lesson.valley(setup)
    runs = {"GD": (valley.gd_path, COLORS["gd"]), "RMSprop": (valley.rms_path, COLORS["rmsprop"])}
    notes = [f"note {k}" for k in range(setup.steps + 1)]
    return fig.valley(*valley.grid, runs, labels=LABELS, notes=notes, title="valley")


@pytest.mark.parametrize("setup", [DEFAULTS, DIVERGING], ids=["defaults", "gd-diverges"])
def test_valley_has_both_named_paths_clean_and_animated(setup):
    figure = valley_figure(setup)
    traces = by_name(figure)
    assert {"GD", "RMSprop"} <= traces.keys()
    assert traces["GD"].line.color == COLORS["gd"]
    assert traces["RMSprop"].line.color == COLORS["rmsprop"]
    assert len(figure.frames) == setup.steps + 1  # a diverged path stops, the frames stay
    assert figure.frames[-1].layout.annotations[0].text == f"note {setup.steps}"
    assert_clean(figure)
    assert colours(figure) <= PALETTE


def test_a_diverged_path_stops_at_its_last_finite_point():
    valley = lesson.valley(DIVERGING)
    gd = np.asarray(by_name(valley_figure(DIVERGING))["GD"].x, dtype=float)
    last = valley.gd_diverged - 1
    assert np.all(gd[last:] == np.float32(valley.gd_path[last, 0]))  # drawn in float32


def test_cost_and_distance_charts():
    valley = lesson.valley(DEFAULTS)
    cost = fig.cost(
        valley.steps,
        {"GD": (valley.gd_loss, COLORS["gd"]), "RMSprop": (valley.rms_loss, COLORS["rmsprop"])},
        target=lesson.TARGET,
        target_label="target",
        xlabel="step",
        ylabel="cost",
        title="cost",
    )
    near = lesson.near_minimum(DEFAULTS)
    distance = fig.distance(
        near.steps,
        {"GD": (near.gd_distance, COLORS["gd"]), "RMSprop": (near.rms_distance, COLORS["rmsprop"])},
        lr=near.lr,
        lr_label="α",
        xlabel="step",
        ylabel="distance",
        title="distance",
    )
    for figure in (cost, distance):
        assert set(by_name(figure)) == {"GD", "RMSprop"}
        assert figure.layout.yaxis.type == "log"
        assert_clean(figure)
        assert colours(figure) <= PALETTE
    np.testing.assert_allclose(numbers(by_name(cost)["RMSprop"].y), valley.rms_loss)
    assert cost.layout.shapes[0].y0 == lesson.TARGET


def test_a_floor_keeps_the_tiny_dip_from_squashing_the_log_axis():
    valley = lesson.valley(DEFAULTS)
    curves = {"RMSprop": (valley.rms_loss, COLORS["rmsprop"])}
    words = dict(target_label="t", xlabel="step", ylabel="cost", title="cost")
    free = fig.cost(valley.steps, curves, target=lesson.TARGET, **words)
    floored = fig.cost(valley.steps, curves, target=lesson.TARGET, floor=1e-8, **words)
    assert free.layout.yaxis.range is None  # Plotly would span down to about 1e-36
    low, high = floored.layout.yaxis.range
    assert low == -8 and high > np.log10(valley.rms_loss[0])
    np.testing.assert_allclose(numbers(by_name(floored)["RMSprop"].y), valley.rms_loss)  # all kept
    calm = fig.cost(
        valley.steps, {"GD": (valley.gd_loss, COLORS["gd"])}, target=1e-3, floor=1e-30, **words
    )
    assert calm.layout.yaxis.range is None  # nothing below the floor: the axis is Plotly's


def test_the_step_figure_draws_step_k_of_the_update():
    step = lesson.update(DEFAULTS, 3)
    valley = lesson.valley(DEFAULTS)
    labels = {key: key for key in (*fig.STEP_LABELS, "w", "b")}
    figure = fig.step_figure(step, valley.rms_path, 0.07, box=lesson.box(25), labels=labels)
    assert not figure.frames and not figure.layout.sliders
    traces = by_name(figure)
    arrow = traces["rms_step"]
    np.testing.assert_allclose([arrow.x[0], arrow.y[0]], valley.rms_path[2])
    np.testing.assert_allclose([arrow.x[1], arrow.y[1]], valley.rms_path[3])
    moved = np.array([arrow.x[1] - arrow.x[0], arrow.y[1] - arrow.y[0]])
    np.testing.assert_allclose(moved, [c.step for c in step.coords])  # −α·g/(√s + ε) each
    plain = traces["gd_step"]
    g = np.array([c.g for c in step.coords])
    np.testing.assert_allclose([plain.x[1], plain.y[1]], valley.rms_path[2] - 0.07 * g)
    assert arrow.line.color == COLORS["rmsprop"] and plain.line.color == COLORS["gd"]
    assert figure.layout.yaxis.scaleanchor == "x"
    w_lo, w_hi = figure.layout.xaxis.range
    assert -3 <= w_lo < -2.5 and 0 < w_hi <= 3  # around the run, inside the valley's box


def test_per_coordinate_rates_with_gd_line():
    per = lesson.rates(DEFAULTS)
    figure = fig.per_coordinate(
        per.steps,
        per.rates[:, 0],
        per.rates[:, 1],
        color=COLORS["rmsprop"],
        names=("w", "b"),
        xlabel="step",
        ylabel="rate",
        title="rates",
        gd=(per.gd_lr, "GD", COLORS["gd"]),
    )
    traces = by_name(figure)
    assert set(traces) == {"w", "b", "GD"}
    assert (traces["w"].line.dash, traces["b"].line.dash) == ("solid", "dash")
    assert list(traces["GD"].y) == [0.07, 0.07]
    np.testing.assert_allclose(numbers(traces["w"].y), per.rates[:, 0])
    assert_clean(figure)
    assert colours(figure) <= PALETTE


def test_update_formula_carries_the_numbers_of_step_k():
    step = lesson.update(DEFAULTS, 1)
    w, b = formulas.update(step)  # one formula per coordinate
    assert w.startswith(r"\begin{aligned}g_w &= -2.5") and b.startswith(
        r"\begin{aligned}g_b &= 37.5"
    )
    assert r"s_b &= 0.9\cdot 0 + 0.1\cdot (37.5)^{2} = 140.6" in b
    assert r"\eta_w &= \frac{\alpha}{\sqrt{s_w}+\varepsilon}" in w and r"&= 0.1265" in w
    assert r"\Delta w &= -\eta_w\, g_w \\[2pt] &= -0.1265\cdot(-2.5) = 0.3162" in w
    assert w.count(r"\\") == 6  # seven short rows: none runs past a phone's width


def test_first_step_and_ratio_formulas():
    first = lesson.first_move(lesson.setup(25, 0.1, 0.99, 1e-8, 0.07, 200))
    formula, run = formulas.first_step(first)
    assert formula.endswith(r"\\ &= \frac{0.1}{\sqrt{0.01}} = 1\end{aligned}")  # two rows
    assert run.startswith(r"\begin{gathered}|\Delta w_1| = 1,\ |\Delta b_1| = 1\\")
    per = lesson.rates(DEFAULTS)
    tex = formulas.ratio(per)
    assert r"\Big|_{k=200}" in tex and tex.endswith(r"\\ \kappa = 25\end{gathered}")
    assert "\\color" not in formulas.RULE + formulas.RATES


# -- lean data (issue 9) --------------------------------------------------------------------------

PAGE_KIB = 400  # what a page at its defaults may send in figures (issue 9)
BIG = 10  # arrays of at least this many numbers must be float32 (GD's flat 2-point line may not)


def page_like(lang: str, setup=DEFAULTS):
    """The page's six figures, with its own texts, notes and labels (as app_pages/rmsprop.py)."""

    def t(key, **fields):
        return text.get(key, lang, **fields)

    def fmt(x):
        return num(x, 3)

    def short(x):
        return num(x, 6)

    valley, per, near = lesson.valley(setup), lesson.rates(setup), lesson.near_minimum(setup)
    names = {"gd": t("common.optimizer.gd"), "rmsprop": t("common.optimizer.rmsprop")}
    labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
    start = valley.rms_path[0]
    notes = [t("rmsprop.frame_start", w=fmt(start[0]), b=fmt(start[1]))] + [
        t("rmsprop.frame_note", k=j, rate_w=fmt(rate_w), rate_b=fmt(rate_b))
        for j, (rate_w, rate_b) in enumerate(valley.rates[1:], start=1)
    ]
    paths = {
        names["gd"]: (valley.gd_path, COLORS["gd"]),
        names["rmsprop"]: (valley.rms_path, COLORS["rmsprop"]),
    }
    losses = {
        names["gd"]: (valley.gd_loss, COLORS["gd"]),
        names["rmsprop"]: (valley.rms_loss, COLORS["rmsprop"]),
    }
    distances = {
        names["gd"]: (near.gd_distance, COLORS["gd"]),
        names["rmsprop"]: (near.rms_distance, COLORS["rmsprop"]),
    }
    axes = {"xlabel": t("common.step")}
    step_labels = {key: t(f"rmsprop.fig.{key}") for key in (*fig.STEP_LABELS, "w", "b")}
    step = lesson.update(setup, lesson.K[2])
    return [
        fig.step_figure(
            step, valley.rms_path, setup.gd_lr, box=lesson.box(setup.kappa), labels=step_labels
        ),
        fig.valley(
            *valley.grid,
            paths,
            labels=labels,
            notes=notes,
            title=t("rmsprop.valley_title", kappa=fmt(valley.kappa)),
        ),
        fig.cost(
            valley.steps,
            losses,
            target=valley.target,
            target_label=t("rmsprop.target", target=short(valley.target)),
            ylabel=t("common.loss"),
            title=t("rmsprop.cost_title"),
            **axes,
        ),
        fig.per_coordinate(
            per.steps,
            per.sqrt_s[:, 0],
            per.sqrt_s[:, 1],
            color=COLORS["rmsprop"],
            names=(t("rmsprop.sqrt_s_w"), t("rmsprop.sqrt_s_b")),
            ylabel=t("rmsprop.sqrt_s_y"),
            title=t("rmsprop.sqrt_s_title"),
            **axes,
        ),
        fig.per_coordinate(
            per.steps,
            per.rates[:, 0],
            per.rates[:, 1],
            color=COLORS["rmsprop"],
            names=(t("rmsprop.rate_w"), t("rmsprop.rate_b")),
            ylabel=t("rmsprop.rate_y"),
            title=t("rmsprop.rate_title"),
            gd=(per.gd_lr, t("rmsprop.rate_gd", lr=short(per.gd_lr)), COLORS["gd"]),
            **axes,
        ),
        fig.distance(
            near.steps,
            distances,
            lr=near.lr,
            lr_label=t("rmsprop.alpha_line", lr=short(near.lr)),
            ylabel=t("rmsprop.dist_y"),
            title=t("rmsprop.dist_title"),
            **axes,
        ),
    ]


@pytest.mark.parametrize("setup", [DEFAULTS, DIVERGING], ids=["defaults", "gd-diverges"])
def test_big_arrays_go_out_as_float32(setup):
    checked = 0
    for figure in page_like("en", setup):
        for where, dtype, size in float_arrays(figure):
            if size >= BIG:
                assert dtype == "f4", (where, dtype, size)
                checked += 1
    assert checked > 10  # the contour, the paths, their heads in every frame, the curves


def test_gaps_and_log_axes_in_float32():
    """A diverged cost is a gap (NaN), and so is a value a log axis cannot draw."""
    valley = lesson.valley(DIVERGING)
    cost = fig.cost(
        valley.steps,
        {"GD": (valley.gd_loss, COLORS["gd"])},
        target=lesson.TARGET,
        target_label="target",
        xlabel="step",
        ylabel="cost",
        title="cost",
    )
    drawn = np.asarray(by_name(cost)["GD"].y)
    assert drawn.dtype == np.float32
    assert np.isnan(drawn[valley.gd_diverged :]).all()
    assert np.isfinite(drawn[: valley.gd_diverged]).all()
    shown = fig._lean([1.0, 0.0, -1.0, 1e-60, np.inf], positive=True)
    assert shown[0] == 1.0 and np.isnan(shown[1:]).all()


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_page_sends_at_most_500_kib_of_figures(lang):
    figures = page_like(lang)
    assert len(figures) == 6
    total = sum(len(figure.to_json()) for figure in figures)
    assert total <= PAGE_KIB * 1024, f"{total / 1024:.0f} KiB"


def test_the_201_frames_carry_short_heads_and_the_whole_paths_stay():
    # issue 9: the valley's 201 frames × two 20-point heads were most of the page's bytes
    figure = valley_figure(DEFAULTS)
    assert len(figure.frames) == 201
    for frame in figure.frames:
        for trace in frame.data:
            assert 1 <= len(trace.x) <= fig.HEAD and len(trace.marker.size) == len(trace.x)
    for frame, k in ((figure.frames[0], 0), (figure.frames[150], 150)):
        head = frame.data[1]  # RMSprop's head ends on step k
        rms = lesson.valley(DEFAULTS).rms_path
        assert (head.x[-1], head.y[-1]) == (np.float32(rms[k, 0]), np.float32(rms[k, 1]))
    assert len(by_name(figure)["RMSprop"].x) == 201  # the faint whole path is complete
    assert len(figure.to_json()) < 200 * 1024
