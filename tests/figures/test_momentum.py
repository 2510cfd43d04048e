"""The momentum figures and formulas, built directly from the lesson (no Streamlit).

Traces are found by name; every number drawn is finite at the page's defaults; every colour
is one of the shared palette (``ui.figures.PALETTE``), the module's own ``OTHER`` grey, or
white (the minimum's star).
"""

import numpy as np
import pytest

from optim_core.lessons import momentum as lesson
from tests.figures.helpers import float_arrays
from ui import text
from ui.figures import COLORS, PALETTE
from ui.figures import momentum as fig
from ui.formulas import momentum as formulas
from ui.numbers import text as num

DEFAULTS = (lesson.DEFAULT_LR, lesson.DEFAULT_BETA, float(lesson.DEFAULT_KAPPA))
LABELS = {
    key: key
    for key in (
        "play",
        "pause",
        "step",
        "start",
        "cost",
        "gd",
        "momentum",
        "minimum",
        "w",
        "b",
        "target",
        "g",
        "v",
        "g_plain",
        "beta",
        "steps",
        "diverged",
        "not_reached",
        *fig.STEP_LABELS,
    )
}
ALLOWED = PALETTE | {fig.OTHER, "white"}
GREYS = {colour for _, colour in fig.MAP_SCALE}  # the maps' shades (a colour scale, no hue)


def by_name(figure, name):
    found = [tr for tr in figure.data if tr.name == name]
    assert len(found) == 1, [tr.name for tr in figure.data]
    return found[0]


def colours(figure):
    """Every colour the traces, shapes and annotations of a figure are drawn in."""
    spec = figure.to_dict()
    found = set()
    for tr in spec["data"]:
        for part in ("line", "marker"):
            colour = tr.get(part, {}).get("color")
            if colour is not None and not isinstance(colour, dict):
                found |= set(np.atleast_1d(colour).tolist())
        fg = tr.get("marker", {}).get("pattern", {}).get("fgcolor")
        if fg is not None:
            found.add(fg)
    for shape in spec["layout"].get("shapes", []):
        found |= {c for c in (shape.get("line", {}).get("color"), shape.get("fillcolor")) if c}
    for note in spec["layout"].get("annotations", []):
        colour = note.get("font", {}).get("color")
        if colour is not None:
            found.add(colour)
    return found


def finite(figure):
    for tr in figure.data:
        for axis in ("x", "y"):
            values = getattr(tr, axis, None)
            if values is not None and np.asarray(values).dtype.kind in "fi":
                assert np.isfinite(np.asarray(values, dtype=float)).all(), (tr.name, axis)


def page_figures():
    lr, beta, kappa = DEFAULTS
    race = lesson.race(lr, beta, kappa, lesson.DEFAULT_STEPS)
    reach = lesson.reach(lr, beta, kappa)
    c = lesson.cancellation(lr, beta, kappa, lesson.DEFAULT_STEPS)
    notes = [f"step {k}" for k in range(len(race.gd_loss))]
    rule = lesson.rule(lr, beta, kappa, lesson.DEFAULT_STEPS, lesson.DEFAULT_K)
    box = lesson.bowl(kappa).bounds
    return dict(
        step=fig.step_figure(rule, race.m_path, box=box, labels=LABELS),
        race=fig.race(
            *lesson.valley(kappa),
            race.gd_path,
            race.m_path,
            start=lesson.START,
            labels=LABELS,
            notes=notes,
        ),
        costs=fig.costs(
            race.gd_loss,
            race.m_loss,
            target=race.target,
            reached={"gd": reach.gd_steps, "momentum": reach.m_steps},
            labels=LABELS,
        ),
        vertical=fig.components(
            c.g[:, 1], c.v[:, 1], g_plain=c.g_plain[:, 1], first=c.first, labels=LABELS, title="b"
        ),
        sweep=fig.sweep(lesson.sweep(lr, kappa, beta).rows, chosen=beta, labels=LABELS),
        **{
            f"dir_{which}": fig.direction_map(
                getattr(lesson.directions(kappa), which),
                labels=LABELS,
                title=which,
                equal=which == "valley",
            )
            for which in ("valley", "tips")
        },
    )


EXPECTED = {
    "race": [None, "minimum", "start", "gd", "momentum", "gd ●", "momentum ●"],  # paths, heads
    "costs": ["gd", "momentum"],
    "vertical": ["g_plain", "g", "v"],
    "sweep": ["steps"],
    "step": ["run", "g_step", "v_step", "x_prev", "x_new"],
    "dir_valley": [None, "minimum", "start", "gd"],
    "dir_tips": [None, "minimum", "start", "gd"],
}


@pytest.mark.parametrize("name", ["race", "dir_valley", "dir_tips"])
def test_the_maps_are_grey_so_only_the_paths_carry_colour(name):
    (contour,) = [tr for tr in page_figures()[name].data if tr.type == "contour"]
    scale = [colour for _, colour in contour.colorscale]
    assert set(scale) == GREYS
    for colour in scale:  # red = green = blue: no hue to mistake for an optimizer
        assert colour[1:3] == colour[3:5] == colour[5:7], colour


def test_the_direction_maps_draw_plain_descent_with_its_first_steps_numbered():
    ways = lesson.directions(float(lesson.DEFAULT_KAPPA))
    for which, equal in (("valley", True), ("tips", False)):
        figure = page_figures()[f"dir_{which}"]
        path = by_name(figure, "gd")
        view = getattr(ways, which)
        np.testing.assert_allclose(np.column_stack([path.x, path.y]), view.path, rtol=1e-6)
        assert path.line.color == COLORS["gd"]
        assert list(path.text[: fig.NUMBERED + 1]) == ["0", "1", "2", "3", ""]
        assert (figure.layout.yaxis.scaleanchor == "x") is equal
        assert not figure.frames  # a still picture
    star = by_name(page_figures()["dir_tips"], "minimum")
    assert (star.x[0], star.y[0]) == pytest.approx(ways.tips.minimum)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_figure_has_its_traces_by_name_finite_and_in_the_palette(name):
    figure = page_figures()[name]
    assert [tr.name for tr in figure.data] == EXPECTED[name]
    finite(figure)
    assert colours(figure) <= ALLOWED, colours(figure) - ALLOWED


def test_each_optimizer_keeps_its_colour():
    figures = page_figures()
    for key in ("gd", "momentum"):
        assert by_name(figures["race"], key).line.color == COLORS[key]
        assert by_name(figures["costs"], key).line.color == COLORS[key]
    assert by_name(figures["vertical"], "v").line.color == COLORS["momentum"]
    assert by_name(figures["vertical"], "g").line.color == COLORS["data"]
    assert by_name(figures["race"], "start").marker.color == COLORS["accent"]


def test_the_step_figure_draws_step_k_of_the_rule_without_frames():
    lr, beta, kappa = DEFAULTS
    rule = lesson.rule(lr, beta, kappa, 100, 5)
    figure = page_figures()["step"]
    assert not figure.frames and not figure.layout.sliders
    mine = fig.step_figure(
        rule, lesson.race(lr, beta, kappa, 100).m_path, box=((-3, 3), (-2, 2)), labels=LABELS
    )
    arrow = by_name(mine, "v_step")
    np.testing.assert_allclose([arrow.x[0], arrow.y[0]], rule.x_prev)
    np.testing.assert_allclose([arrow.x[1], arrow.y[1]], rule.x_new)  # x_k = x_(k−1) − α·v_k
    plain = by_name(mine, "g_step")
    np.testing.assert_allclose([plain.x[1], plain.y[1]], rule.x_prev - lr * rule.g)
    path = lesson.race(lr, beta, kappa, 100).m_path
    (w_lo, w_hi), (b_lo, b_hi) = mine.layout.xaxis.range, mine.layout.yaxis.range
    assert -3 <= w_lo < path[:, 0].min() and path[:, 0].max() < w_hi <= 3  # the run, inside
    assert -2 <= b_lo < path[:, 1].min() and path[:, 1].max() < b_hi <= 2  # the valley's box
    assert mine.layout.yaxis.scaleanchor == "x"
    later = lesson.rule(lr, beta, kappa, 100, 40)
    later = fig.step_figure(later, path, box=((-3, 3), (-2, 2)), labels=LABELS)
    assert later.layout.xaxis.range == mine.layout.xaxis.range  # moving k never rescales
    assert by_name(mine, "v_step").line.color == COLORS["momentum"]
    assert by_name(mine, "g_step").line.color == COLORS["gd"]


def test_race_draws_the_runs_and_animates_them():
    race = lesson.race(*DEFAULTS, lesson.DEFAULT_STEPS)
    figure = page_figures()["race"]
    gd = by_name(figure, "gd")
    np.testing.assert_allclose(np.column_stack([gd.x, gd.y]), race.gd_path)
    assert len(figure.frames) == lesson.DEFAULT_STEPS + 1
    assert figure.layout.annotations[0].text == f"step {lesson.DEFAULT_STEPS}"


def test_a_diverged_path_ends_in_nan_and_the_sweep_marks_it():
    race = lesson.race(0.1, 0.8, 30.0, 100)  # α above 2/κ: plain descent diverges
    assert race.gd_diverged > 0
    assert np.isnan(race.gd_path[race.gd_diverged :]).all()
    s = lesson.sweep(2.0, 100.0, 0.0)
    bars = by_name(fig.sweep(s.rows, chosen=0.0, labels=LABELS), "steps")
    assert "diverged" in bars.text and np.isfinite(np.asarray(bars.y, float)).all()
    colors = dict(zip(bars.x, bars.marker.color, strict=True))
    # β = 0 is plain gradient descent: its blue, also when it is the chosen β
    assert colors["0"] == COLORS["gd"] and colors["0.5"] == fig.OTHER


def test_sweep_bars_take_the_colour_of_the_optimizer_they_run():
    bars = by_name(page_figures()["sweep"], "steps")
    colors = dict(zip(bars.x, bars.marker.color, strict=True))
    assert colors.pop("0") == COLORS["gd"]  # β = 0: plain descent
    assert colors.pop("0.8") == COLORS["momentum"]  # the chosen β
    assert set(colors.values()) == {fig.OTHER}


def test_sweep_bars_are_the_steps_to_the_target():
    lr, beta, kappa = DEFAULTS
    s = lesson.sweep(lr, kappa, beta)
    bars = by_name(page_figures()["sweep"], "steps")
    heights = dict(zip(bars.x, np.asarray(bars.y, float), strict=True))
    for b, steps, diverged in s.rows:
        if diverged < 0 and steps >= 0:
            assert heights[f"{b:g}"] == steps


# -- formulas -----------------------------------------------------------------------------------


def test_rule_formulas_carry_the_numbers_of_step_k():
    r = lesson.rule(0.1, 0.5, 4.0, 10, 1)  # g1 = (-2.5, 4), v1 = (-1.25, 2), x1 = (-2.375, 0.8)
    assert r"\begin{pmatrix}-2.5\\4\end{pmatrix}" in formulas.gradient(r)
    assert r"4\cdot(1)" in formulas.gradient(r)
    velocity = formulas.velocity(r)
    assert r"v_{1} &= 0.5" in velocity
    assert velocity.endswith(r"\\ &= \begin{pmatrix}-1.25\\2\end{pmatrix}\end{aligned}")  # 2 rows
    position = formulas.position(r)
    assert r"0.1\," in position and r"\begin{pmatrix}-2.375\\0.8\end{pmatrix}" in position
    # the step lengths the chart's note gives: ‖α·v₁‖ = 0.1·‖(-1.25, 2)‖, ‖α·g₁‖ = 0.1·‖(-2.5, 4)‖
    assert r.m_move == pytest.approx(0.1 * np.hypot(1.25, 2))
    assert r.g_move == pytest.approx(0.1 * np.hypot(2.5, 4))


def test_valley_limits_means_and_window_formulas():
    race = lesson.race(*DEFAULTS, lesson.DEFAULT_STEPS)
    limits = formulas.limits(race, 0.063, ("GD", "M", "chosen"))
    assert "= 0.0667" in limits and "= 0.6" in limits and r"\alpha = 0.063" in limits
    assert limits.count(r"\\") == 2  # one row per limit, one for α
    assert r"\text{GD}:" in limits and r"\text{chosen}:" in limits
    assert r"\kappa = 30" in formulas.valley(30.0)
    c = lesson.cancellation(*DEFAULTS, lesson.DEFAULT_STEPS)
    means = formulas.means(c)
    assert f"= {c.g_b:.3g}" in means and f"= {c.v_b:.3g}" in means and "1..30" in means
    window = formulas.window(lesson.sweep(0.063, 30.0, 0.9))
    assert window.endswith("= 10") and "1-0.9" in window
    assert "nan" not in (limits + means + window + formulas.RULE).lower()


# -- lean data (issue 9) --------------------------------------------------------------------------

PAGE_KIB = 400  # what a page at its defaults may send in figures (issue 9)
BIG = 10  # arrays of at least this many numbers must be float32 (a marker's one point may not)


def page_like(lang: str):
    """The page's eight figures at its defaults, with its own texts, notes and labels."""

    def t(key, **fields):
        return text.get(key, lang, **fields)

    lr, beta, kappa = DEFAULTS
    steps = lesson.DEFAULT_STEPS
    race = lesson.race(lr, beta, kappa, steps)
    reach = lesson.reach(lr, beta, kappa)
    cancel = lesson.cancellation(lr, beta, kappa, steps)
    names = {"gd": t("common.optimizer.gd"), "momentum": t("common.optimizer.momentum")}
    labels = {
        "play": t("common.play"),
        "pause": t("common.pause"),
        "step": t("common.step"),
        "start": t("common.start"),
        "cost": t("common.loss"),
        **names,
        **{key: t(f"momentum.fig.{key}") for key in ("minimum", "w", "b", "target")},
    }
    notes = [
        t("momentum.note", k=i, gd=num(a, 3), m=num(b, 3))
        for i, (a, b) in enumerate(zip(race.gd_loss, race.m_loss, strict=True))
    ]
    comp_labels = {
        "step": t("common.step"),
        **{key: t(f"momentum.fig.{key}") for key in ("g", "v", "g_plain")},
    }
    sweep_labels = {
        key: t(f"momentum.fig.{key}") for key in ("beta", "steps", "diverged", "not_reached")
    }
    reached = {"gd": reach.gd_steps, "momentum": reach.m_steps}
    rule = lesson.rule(lr, beta, kappa, steps, lesson.DEFAULT_K)
    step_labels = {key: t(f"momentum.fig.{key}") for key in (*fig.STEP_LABELS, "w", "b")}
    return [
        fig.step_figure(rule, race.m_path, box=lesson.bowl(kappa).bounds, labels=step_labels),
        fig.race(
            *lesson.valley(kappa),
            race.gd_path,
            race.m_path,
            start=lesson.START,
            labels=labels,
            notes=notes,
        ),
        fig.costs(race.gd_loss, race.m_loss, target=race.target, reached=reached, labels=labels),
        *(
            fig.components(
                cancel.g[:, axis],
                cancel.v[:, axis],
                g_plain=cancel.g_plain[:, axis],
                first=cancel.first,
                labels=comp_labels,
                title=t(title),
            )
            for axis, title in ((1, "momentum.vertical_title"), (0, "momentum.horizontal_title"))
        ),
        fig.sweep(lesson.sweep(lr, kappa, beta).rows, chosen=beta, labels=sweep_labels),
        *(
            fig.direction_map(
                getattr(lesson.directions(kappa), which),
                labels={"gd": names["gd"], **labels},
                title=t(f"momentum.dir_{which}_title"),
                equal=which == "valley",
            )
            for which in ("valley", "tips")
        ),
    ]


def test_big_arrays_go_out_as_float32():
    checked = 0
    for figure in page_figures().values():
        for where, dtype, size in float_arrays(figure):
            if size >= BIG:
                assert dtype == "f4", (where, dtype, size)
                checked += 1
    assert checked > 10  # the contour, the paths, their heads in every frame, the curves


def test_a_diverged_path_is_still_a_gap_in_float32():
    race = lesson.race(0.1, 0.8, 30.0, 100)  # plain descent diverges
    figure = fig.race(
        *lesson.valley(30.0),
        race.gd_path,
        race.m_path,
        start=lesson.START,
        labels=LABELS,
        notes=[""] * 101,
    )
    gd = by_name(figure, "gd")
    drawn = np.column_stack([gd.x, gd.y])
    assert drawn.dtype == np.float32
    assert np.isnan(drawn[race.gd_diverged :]).all()
    assert np.isfinite(drawn[: race.gd_diverged]).all()


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_page_sends_at_most_500_kib_of_figures(lang):
    figures = page_like(lang)
    assert len(figures) == 8
    total = sum(len(figure.to_json()) for figure in figures)
    assert total <= PAGE_KIB * 1024, f"{total / 1024:.0f} KiB"


def test_the_race_frames_carry_short_heads():
    figure = page_figures()["race"]
    for frame in figure.frames:
        for trace in frame.data:
            assert 1 <= len(trace.x) <= fig.HEAD and len(trace.marker.size) == len(trace.x)
    race = lesson.race(*DEFAULTS, lesson.DEFAULT_STEPS)
    head = figure.frames[60].data[1]  # momentum's head ends on step 60
    np.testing.assert_allclose([head.x[-1], head.y[-1]], race.m_path[60], rtol=1e-6)
    assert len(figure.to_json()) < 130 * 1024
