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

LABELS = {key: key for key in fig.DESCENT_LABELS + ("cost", "bill", "tip", "play", "pause", "step")}
STEP_LABELS = {key: key for key in fig.STEP_LABELS + ("cost",)}
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
    expected = {"parabola", "best", "data", "best_line", "cost", "run", "path", "tangent"}
    assert expected | {"step_arrow", "current", "model"} <= traces.keys()
    gd = figures.COLORS["gd"]
    assert traces["path"]["line"]["color"] == gd and traces["cost"]["line"]["color"] == gd
    assert traces["model"]["line"]["color"] == gd
    assert traces["data"]["marker"]["color"] == figures.COLORS["data"]
    assert traces["parabola"]["line"]["color"] == fig.LESSON_COLORS["cost"]
    assert traces["tangent"]["line"]["color"] == fig.LESSON_COLORS["tangent"]
    assert traces["step_arrow"]["line"]["color"] == gd  # gradient descent's step: its blue
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
    assert spec["layout"]["sliders"][0]["active"] == 0  # the animation opens on step 0


def test_frames_carry_only_what_moves():
    # issue 9: every frame held the whole path so far, so the figure grew with steps²
    spec, d = descent_figure(steps=200)
    assert len(spec["frames"]) == 200
    for frame in spec["frames"]:
        assert max(len(numbers(tr)[0]) for tr in frame["data"]) <= figures.TAIL
        assert frame["layout"]["annotations"] == [{"text": f"step {frame['name']}"}]
    whole = by_name(spec)["run"]  # the whole run is drawn once, faint, in the base figure
    np.testing.assert_allclose(whole["x"], d.w_path, rtol=1e-6)
    assert whole["opacity"] == figures.FAINT
    p = lesson.parabola()
    sizes = {}
    for n in (20, 200):
        d = lesson.descent(0.001, 0.5, n)
        built = fig.descent_figure(p, d, labels=LABELS, notes=[f"step {j}" for j in range(n)])
        sizes[n] = len(built.to_json())
    assert sizes[200] < 8 * sizes[20]  # 10 × the steps: less than 10 × the bytes, not 100 ×


def test_the_step_figure_marks_update_k_and_is_not_animated():
    p, d = lesson.parabola(), lesson.descent(0.00316, 0.5, 25, 3)
    spec = decode(fig.step_figure(p, d, labels=STEP_LABELS).to_dict())
    assert not spec.get("frames") and not spec["layout"].get("sliders")
    traces = by_name(spec)
    assert traces["current"]["x"][0] == pytest.approx(d.w_k, rel=1e-5)  # six digits sent
    assert traces["next"]["x"][0] == pytest.approx(d.new_k, rel=1e-5)
    tangent = traces["tangent"]
    slope = np.diff(tangent["y"]) / np.diff(tangent["x"])
    assert slope[0] == pytest.approx(d.slope_k, rel=1e-3)  # the tangent's slope is C'(W_k)
    np.testing.assert_allclose(traces["step_arrow"]["x"], [d.w_k, d.new_k], rtol=1e-5)
    assert colours(spec["data"]) <= ALLOWED


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


def test_the_surface_is_see_through_and_the_path_floats_above_it():
    # issue 10: the path was hidden inside the opaque bowl, and the ticks piled up in a corner
    _, surface, v = valley_figures()
    bowl, path = surface["data"][0], by_name(surface)["gd"]
    assert bowl["opacity"] < 0.8
    height = float(np.nanmax(v.grid.z) - np.nanmin(v.grid.z))
    above = np.asarray(path["z"], dtype=float) - v.loss
    np.testing.assert_allclose(above, fig.LIFT * height, rtol=1e-4)
    assert 0 < fig.LIFT * height < 0.1 * height  # above it, but only slightly
    head = surface["data"][surface["frames"][0]["traces"][0]]
    for frame in surface["frames"][1:3]:  # the moving head floats at the same height
        k = int(frame["name"])
        assert frame["data"][0]["z"][-1] == pytest.approx(v.loss[k] + fig.lift(v), rel=1e-5)
    assert head["type"] == "scatter3d"
    scene = surface["layout"]["scene"]
    for axis, title in (("xaxis", "w"), ("yaxis", "b"), ("zaxis", "C")):
        assert scene[axis]["nticks"] <= 5 and scene[axis]["title"]["text"] == title


def test_no_optimizer_colour_stands_for_anything_else():
    # issue 10: gradient descent's run was vermillion (Nesterov's colour) on its own page
    spec, _ = descent_figure()
    others = {figures.COLORS[name] for name in figures.RACERS if name != "gd"}
    assert not colours(spec["data"]) & others
    assert not {c.upper() for c in fig.LESSON_COLORS.values()} & {c.upper() for c in others}


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
    assert formulas.lr_label(p.two, p) == "0.004252" and formulas.lr_label(0.001, p) == "0.001"
    labels = [formulas.lr_label(v, p) for v in p.lr_options]
    assert len(set(labels)) == len(labels) and all(float(x) > 0 for x in labels)
    assert formulas.lr_option("0.004252", p) == p.two
    assert formulas.lr_option("2/C'' = 0.004252", p) == p.two  # a link of an older version
    assert formulas.lr_option("1/C'' = 0.002126", p) == p.one
    assert formulas.is_old_lr_label("2/C'' = 0.004252") and formulas.is_old_lr_label(
        "1/C''=0.002126"
    )
    assert not any(formulas.is_old_lr_label(raw) for raw in ("0.004252", "", None, ["2/C''"]))
    assert formulas.lr_option("1e-3", p) == 0.001
    assert formulas.lr_option(["0.00316", "0.001"], p) == 0.00316
    for raw in (None, "", "banana", "inf", "nan", "0.0042", "7"):
        assert formulas.lr_option(raw, p) is None, raw
    block = formulas.expansion_block(p)
    assert block.count(r"\\") == 6 and "235.21" in block and "2\\cdot244" in block
    table = formulas.data_table(p, "first", "bill", "tip")
    assert "| bill | tip |" in table and f"| {p.head_x[0]:.2f} | {p.head_y[0]:.2f} |" in table
    assert "W_{3} &= W_{2}" in formulas.update(d)
    assert f"{d.new_k:.4g}" in formulas.update(d)
    assert f"{d.slope_k:.4g}" in formulas.slope(p, d)
    assert f"{d.new_error_k:.4g}" in formulas.error(d)
    assert "470.41" in formulas.thresholds(p, d)
    assert "2814" in formulas.condition(p) and r"\kappa_{\text{std}}" in formulas.condition(p)
    assert formulas.texp(-1.5) == "(-1.5)" and formulas.texp(2.0) == "2"


# -- what the page sends (issue 9): shared figures, lean arrays, at most 500 KiB -------------------
PAGE_DEFAULTS = dict(w0=0.5, steps=25, k=0, w2=-2.5, b2=5.5, n2=40, raw=False)  # the page's
BUDGET_KIB = 400  # issue 9: a page at its defaults sends at most 400 KiB
LEAN = {"f4", "i4", "u4", "i2", "u2", "i1", "u1"}  # typed-array dtypes a big array may have


def page_figures(lang: str, camera: str = "iso") -> dict:
    """The page's four charts at its defaults, built as app_pages/gradient_descent.py builds
    them (through the shared builders of ``ui.cached``, with its translated labels)."""
    d = PAGE_DEFAULTS

    def t(key, **fields):
        return text.get(key, lang, **fields)

    playback = {key: t(f"common.{key}") for key in ("play", "pause", "step")}
    labels = {key: t(f"gradient_descent.fig.{key}") for key in fig.DESCENT_LABELS} | playback
    labels |= {"cost": t("common.loss")}
    labels |= {key: t(f"gradient_descent.{key}") for key in ("bill", "tip")}
    step_labels = {key: t(f"gradient_descent.fig.{key}") for key in fig.STEP_LABELS}
    labels2 = playback | {
        "best": t("gradient_descent.fig.best_wb"),
        "path": t("common.optimizer.gd"),
    }
    run = (lesson.DEFAULT_LR, d["w0"], d["steps"])
    valley = (lesson.DEFAULT_RATE, d["w2"], d["b2"], d["n2"], d["raw"])
    note2 = t("gradient_descent.note2")
    step_labels |= {"cost": t("common.loss")}
    return {
        "descent": cached.gradient_descent_descent_figure(
            *run, lang, labels, t("gradient_descent.note")
        ),
        "step": cached.gradient_descent_step_figure(*run, d["k"], lang, step_labels),
        "contour": cached.gradient_descent_contour_figure(*valley, lang, labels2, note2),
        "surface": cached.gradient_descent_surface_figure(*valley, camera, lang, labels2, note2),
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
    parabola, _, _, data = descent["data"][:4]
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


def test_the_valley_animations_carry_short_heads():
    contour, surface, v = valley_figures()
    for spec in (contour, surface):
        for frame in spec["frames"]:
            (head,) = frame["data"]
            assert 1 <= len(head["x"]) <= fig.HEAD and len(head["marker"]["size"]) == len(head["x"])
        last = spec["frames"][-1]["data"][0]
        np.testing.assert_allclose([last["x"][-1], last["y"][-1]], v.path[-1], rtol=1e-6)
        assert len(by_name(spec)["gd"]["x"]) == len(v.path)  # the whole path, faint, in the base


def say(key, **fields):
    return text.get(key, "en", **fields)


def test_sentences_of_the_two_parameter_run():
    p = lesson.parabola()
    calm = formulas.two_result(say, p, lesson.valley(0.3, -2.5, 5.5, 40, False))
    assert "about 13 steps" in calm and "ȳ = 2.998" in calm and "b* = 2.998" in calm
    # a run that never shrinks says so (it printed "about never (it does not shrink) steps")
    growing = formulas.two_result(say, p, lesson.valley(2.05, -2.5, 5.5, 40, False))
    assert say("gradient_descent.never") in growing and "takes about" not in growing
    assert "What b means" not in growing  # its end is no estimate of b
    blown = formulas.two_result(say, p, lesson.valley(2.05, -2.5, 5.5, 300, False))
    assert "What b means" not in blown and "—" not in blown  # no "ends — above the minimum"
    assert formulas.look_contour(say, lesson.valley(2.05, -2.5, 5.5, 40, False)).startswith(
        say("gradient_descent.look.contour_growing").split("{")[0]
    )
    raw = formulas.look_contour(say, lesson.valley(0.3, -2.5, 5.5, 40, True))
    assert "κ = 2814" in raw


def test_the_maps_note_stays_clear_of_the_default_start():
    # the note sat top left, on the start (w, b) = (−2.5, 5.5) of the default run
    contour, _, v = valley_figures()
    note = contour["layout"]["annotations"][0]
    assert (note["xanchor"], note["yanchor"]) == ("right", "bottom") and note["x"] > 0.9
    (lo_w, hi_w), (lo_b, hi_b) = lesson.BOX_2D
    w0, b0 = v.path[0]
    assert w0 < (lo_w + hi_w) / 2 and b0 > (lo_b + hi_b) / 2  # the start: top left
    assert all(
        frame["layout"]["annotations"] == [{"text": f"step {frame['name']}"}]
        for frame in contour["frames"]
    )
