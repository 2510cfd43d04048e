"""Figures and formulas of the gradient-descent page, built straight from the lesson."""

import json

import numpy as np
import pytest

from optim_core.lessons import gradient_descent as lesson
from tests.app.helpers import decode
from tests.figures.helpers import colours
from ui import cached, figures, text
from ui.figures import gradient_descent as fig
from ui.formulas import gradient_descent as formulas
from ui.numbers import text as num

LABELS = {key: key for key in fig.DESCENT_LABELS + ("cost", "bill", "tip", "play", "pause", "step")}
ALLOWED = figures.PALETTE | set(fig.LESSON_COLORS.values())


def numbers(trace: dict) -> list[np.ndarray]:
    """The numeric arrays of a trace's coordinates."""
    out = []
    for axis in ("x", "y", "z"):
        value = trace.get(axis)
        if value is not None and not isinstance(value, str):
            array = np.asarray(value)
            assert array.dtype.kind in "fiu", (axis, array.dtype)  # numbers, decoded
            out.append(array.astype(float))
    return out


def descent_figure(lr=0.001, w0=0.5, steps=25, k=0):
    p, d = lesson.parabola(), lesson.descent(lr, w0, steps, k)
    notes = [f"step {j}" for j in range(d.n_frames)]
    built = fig.descent_figure(p, d, labels=LABELS, notes=notes)
    return decode(built.to_dict()), d


def valley_figures(rate=0.3, steps=40, raw=False):
    v = lesson.valley(rate, -2.5, 5.5, steps, raw)
    labels = {"play": "play", "pause": "pause", "step": "step", "best": "best", "path": "gd"}
    notes = [f"step {j}" for j in range(len(v.path))]
    contour = fig.valley_contour(v, labels=labels, notes=notes)
    surface = fig.valley_surface(v, labels=labels, camera="iso", notes=notes)
    return decode(contour.to_dict()), decode(surface.to_dict()), v


def by_name(spec) -> dict:
    return {tr["name"]: tr for tr in spec["data"] if tr.get("name")}


def test_descent_figure_has_its_traces_by_name_in_their_colours():
    spec, d = descent_figure()
    traces = by_name(spec)
    expected = {"parabola", "best", "data", "best_line", "cost", "path", "tangent"}
    assert expected | {"step_arrow", "current", "model"} <= traces.keys()
    gd = figures.COLORS["gd"]
    assert traces["path"]["line"]["color"] == gd and traces["cost"]["line"]["color"] == gd
    assert traces["model"]["line"]["color"] == gd
    assert traces["data"]["marker"]["color"] == figures.COLORS["data"]
    assert traces["parabola"]["line"]["color"] == fig.LESSON_COLORS["cost"]
    assert traces["tangent"]["line"]["color"] == fig.LESSON_COLORS["tangent"]
    assert traces["step_arrow"]["line"]["color"] == fig.LESSON_COLORS["step"]
    np.testing.assert_allclose(traces["cost"]["y"], d.loss_path)
    assert len(spec["frames"]) == d.n_frames == 25


def test_descent_figure_data_is_finite_and_coloured_from_the_palettes():
    spec, _ = descent_figure()
    for trace in spec["data"] + [tr for frame in spec["frames"] for tr in frame["data"]]:
        for array in numbers(trace):
            assert np.isfinite(array).all(), trace.get("name")
    assert colours(spec["data"]) <= ALLOWED
    assert colours([frame["data"] for frame in spec["frames"]]) <= ALLOWED


def test_diverged_descent_animates_only_its_finite_steps():
    spec, d = descent_figure(lr=0.00631, k=24)
    assert d.diverged_at > 0
    assert len(spec["frames"]) == d.n_frames == d.diverged_at - 1
    for frame in spec["frames"]:
        for trace in frame["data"]:
            for array in numbers(trace):
                assert np.isfinite(array).all()
    assert spec["layout"]["sliders"][0]["active"] == d.shown


@pytest.mark.parametrize("raw", [False, True])
def test_valley_figures_have_the_path_and_the_optimum(raw):
    contour, surface, v = valley_figures(raw=raw)
    for spec in (contour, surface):
        traces = by_name(spec)
        assert {"gd", "best"} <= traces.keys()
        assert traces["gd"]["line"]["color"] == figures.COLORS["gd"]
        np.testing.assert_allclose(traces["gd"]["x"], v.path[:, 0])
        assert len(spec["frames"]) == len(v.path) == 41
        for trace in spec["data"]:
            for array in numbers(trace):
                assert np.isfinite(array).all()
        assert colours(spec["data"]) <= ALLOWED
    assert contour["data"][0]["type"] == "contour" and surface["data"][0]["type"] == "surface"


def test_the_surface_depends_on_the_grid_only():
    _, first, _ = valley_figures(rate=0.3)
    _, second, _ = valley_figures(rate=1.9)
    np.testing.assert_array_equal(first["data"][0]["z"], second["data"][0]["z"])


def test_own_colours_do_not_collide_with_the_shared_palette():
    assert not {c.upper() for c in fig.LESSON_COLORS.values()} & {
        c.upper() for c in figures.PALETTE
    }


def test_formulas_carry_the_lessons_numbers():
    p, d = lesson.parabola(), lesson.descent(0.001, 0.5, 25, 2)
    general, sums, coefficients = formulas.expansion(p)
    assert r"\frac{1}{2m}" in general
    assert "2\\cdot244" in sums
    assert "235.21" in coefficients and "67.613" in coefficients
    assert (
        formulas.lr_label(p.two, p) == "2/C'' = 0.004252" and formulas.lr_label(0.001, p) == "0.001"
    )
    assert "W_{3} &= W_{2}" in formulas.update(d)
    assert f"{d.new_k:.4g}" in formulas.update(d)
    assert f"{d.slope_k:.4g}" in formulas.slope(p, d)
    assert f"{d.new_error_k:.4g}" in formulas.error(d)
    assert "470.41" in formulas.thresholds(p, d)
    assert "2814" in formulas.condition(p) and r"\kappa_{\text{std}}" in formulas.condition(p)
    assert formulas.texp(-1.5) == "(-1.5)" and formulas.texp(2.0) == "2"


# -- what the page sends (issue 9): shared figures, lean arrays, at most 500 KiB -------------------
PAGE_DEFAULTS = dict(w0=0.5, steps=25, k=0, w2=-2.5, b2=5.5, n2=40, raw=False)  # the page's
BUDGET_KIB = 500
LEAN = {"f4", "i4", "u4", "i2", "u2", "i1", "u1"}  # typed-array dtypes a big array may have


def page_figures(lang: str, camera: str = "iso") -> dict:
    """The page's three charts at its defaults, built as app_pages/gradient_descent.py builds
    them (through the shared builders of ``ui.cached``, with its translated labels)."""
    d = PAGE_DEFAULTS

    def t(key, **fields):
        return text.get(key, lang, **fields)

    data = lesson.parabola()
    run = lesson.descent(lesson.DEFAULT_LR, d["w0"], d["steps"], d["k"])
    notes = [
        t(
            "gradient_descent.note",
            k=j,
            w=num(run.w[j]),
            slope=num(run.slope[j]),
            move=num(run.move[j]),
            new=num(run.new[j]),
        )
        for j in range(run.n_frames)
    ]
    playback = {key: t(f"common.{key}") for key in ("play", "pause", "step")}
    labels = {key: t(f"gradient_descent.fig.{key}") for key in fig.DESCENT_LABELS} | playback
    labels |= {"cost": t("common.loss")}
    labels |= {key: t(f"gradient_descent.{key}") for key in ("bill", "tip")}
    valley = lesson.valley(lesson.DEFAULT_RATE, d["w2"], d["b2"], d["n2"], d["raw"])
    notes2 = [
        t("gradient_descent.note2", k=j, w=num(p[0]), b=num(p[1]), cost=num(cost))
        for j, (p, cost) in enumerate(zip(valley.path, valley.loss, strict=True))
    ]
    labels2 = playback | {
        "best": t("gradient_descent.fig.best_wb"),
        "path": t("common.optimizer.gd"),
    }
    return {
        "descent": cached.gradient_descent_descent_figure(data, run, labels=labels, notes=notes),
        "contour": cached.gradient_descent_contour_figure(valley, labels=labels2, notes=notes2),
        "surface": cached.gradient_descent_surface_figure(
            valley, labels=labels2, camera=camera, notes=notes2
        ),
    }


def typed_arrays(node, where=""):
    """``(where, dtype, length)`` of every typed array (``{"dtype", "bdata"}``) in a spec."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            yield where, node["dtype"], int(np.prod(decode(node).shape))
            return
        for key, value in node.items():
            yield from typed_arrays(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from typed_arrays(value, f"{where}[{i}]")


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_page_sends_at_most_500_kib_of_figures_at_its_defaults(lang):
    built = page_figures(lang)
    sizes = {name: len(f.to_json()) / 1024 for name, f in built.items()}
    assert sum(sizes.values()) <= BUDGET_KIB, sizes


def test_the_page_figures_are_shared_and_frozen():
    first, second = page_figures("en"), page_figures("en")
    for name, built in first.items():
        assert figures.is_frozen(built), name
        assert second[name] is built, name  # one object for every visitor
    assert page_figures("en", camera="top")["surface"] is not first["surface"]


def test_big_arrays_are_float32():
    for name, built in page_figures("en").items():
        spec = json.loads(built.to_json())
        found = list(typed_arrays({"data": spec["data"], "frames": spec.get("frames", [])}))
        big = [(where, dtype) for where, dtype, n in found if n >= 50]
        assert big and all(dtype in LEAN for _, dtype in big), (name, big)
    for name in ("contour", "surface"):
        spec = json.loads(page_figures("en")[name].to_json())
        assert {spec["data"][0][axis]["dtype"] for axis in ("x", "y", "z")} == {"f4"}, name
    descent = json.loads(page_figures("en")["descent"].to_json())
    parabola, _, data = descent["data"][:3]
    assert {parabola["x"]["dtype"], parabola["y"]["dtype"]} == {"f4"}
    assert {data["x"]["dtype"], data["y"]["dtype"]} == {"f4"}


def test_a_diverging_valley_run_stays_finite_or_nan_in_float32():
    # raw features and the largest rate: the run diverges; float32 keeps its numbers finite
    v = lesson.valley(max(lesson.RATES_2D), -2.5, 5.5, 300, True)
    labels = {"play": "play", "pause": "pause", "step": "step", "best": "best", "path": "gd"}
    notes = [f"step {j}" for j in range(len(v.path))]
    assert v.diverged_at > 0
    surface = decode(fig.valley_surface(v, labels=labels, camera="iso", notes=notes).to_dict())
    for trace in surface["data"]:
        for array in numbers(trace):
            assert not np.isinf(array).any(), trace.get("name")


def test_lean_keeps_nan_and_holds_huge_values_finite():
    out = fig.lean([1.0, np.nan, 1e300, -1e300])
    assert out.dtype == np.float32 and np.isnan(out[1])
    assert np.isfinite(out[[0, 2, 3]]).all() and out[2] > 1e38 and out[3] < -1e38
