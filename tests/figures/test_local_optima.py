"""Figures and formulas of the local-optima page, built straight from the lesson."""

import json

import numpy as np
import pytest

from optim_core.lessons import local_optima as lesson
from tests.app.helpers import decode
from tests.figures.helpers import colours
from ui import cached, figures, text
from ui.figures import local_optima as fig
from ui.formulas import local_optima as formulas

ALLOWED = figures.PALETTE | fig.BASIN_PALETTE
PLAYBACK = {"play": "play", "pause": "pause", "step": "step", "start": "start"}
RUNS = ("plain", "noisy")


def assert_clean(built) -> dict:
    """Decode a figure; every numeric coordinate is finite and every colour from a palette."""
    spec = decode(built.to_dict())
    traces = spec["data"] + [tr for frame in spec.get("frames", []) for tr in frame["data"]]
    for trace in traces:
        for axis in ("x", "y", "z"):
            array = np.asarray(trace.get(axis, []))
            if array.dtype.kind in "fiu":
                assert np.isfinite(array).all(), (trace.get("name"), axis)
    assert colours(traces) <= ALLOWED, colours(traces) - ALLOWED
    shapes = spec["layout"].get("shapes", [])
    assert colours(shapes) <= ALLOWED, colours(shapes) - ALLOWED
    return spec


def by_name(spec) -> dict:
    return {tr["name"]: tr for tr in spec["data"] if tr.get("name")}


@pytest.fixture(scope="module")
def land():
    return lesson.landscape()


@pytest.fixture(scope="module")
def names(land):
    return [f"m{i}" for i in range(land.n_minima)]


def test_landscape_figures(land, names):
    labels = {"surface_title": "s", "contour_title": "c", "minima": "minima"}
    surface = assert_clean(fig.landscape_surface(land, names, camera="top", labels=labels))
    assert surface["data"][0]["type"] == "surface"
    assert np.asarray(surface["data"][0]["z"]).max() <= land.cap + 1e-6  # the flat cut
    marks = by_name(surface)["minima"]
    assert len(marks["x"]) == land.n_minima and marks["marker"]["color"][0] == fig.GLOBAL_COLOR
    camera = surface["layout"]["scene"]["camera"]
    assert camera["eye"] == figures.CAMERAS["top"]["eye"] and camera["center"] == fig.SURFACE_CENTER
    contour = assert_clean(fig.landscape_contour(land, names, labels=labels))
    assert contour["data"][0]["type"] == "contour"
    assert contour["data"][0]["zmax"] == pytest.approx(land.cap)
    assert [a["text"] for a in contour["layout"]["annotations"]][0].startswith("m0 ")


def test_start_paths_and_costs(land, names):
    one = lesson.start(0.05, 500, 1.5, 0.5, 2.0, 0)
    labels = PLAYBACK | {"title": "t", "points": "minima"}
    spec = assert_clean(
        fig.section_paths(
            land.grid, land.minima, names, one, run_names=RUNS, labels=labels, cap=land.cap
        )
    )
    traces = by_name(spec)
    assert {"plain", "noisy", "start", "minima"} <= traces.keys()
    assert traces["plain"]["line"]["color"] == figures.COLORS["gd"]
    assert traces["noisy"]["line"]["color"] == figures.COLORS["noisy"]
    assert len(traces["plain"]["x"]) == len(fig.thin(one.plain.params, one.stride)) == 51
    assert len(spec["frames"]) == 51  # steps 0, 10, …, 500: within ANIMATION_FRAMES + the start
    assert (traces["start"]["x"][0], traces["start"]["y"][0]) == one.start
    costs = assert_clean(
        fig.start_costs(
            one, run_names=RUNS, labels={"step": "s", "cost": "c", "title": "t", "floor": "f"}
        )
    )
    assert by_name(costs)["plain"]["line"]["color"] == figures.COLORS["gd"]
    assert costs["layout"]["yaxis"]["range"][1] == pytest.approx(one.ceiling)
    assert costs["layout"]["shapes"][0]["y0"] == one.floor


@pytest.mark.parametrize("extra", ["none", "momentum"])
def test_basin_maps_and_shares(land, names, extra):
    basins = lesson.basins(0.05, 200, 2.0, 0, extra)
    panels = [f"panel {key}" for key in basins.methods]
    spec = assert_clean(
        fig.basin_maps(
            list(zip(panels, basins.maps, strict=True)),
            land.minima,
            names,
            unsettled="unsettled",
            diverged="diverged",
        )
    )
    heatmaps = [tr for tr in spec["data"] if tr["type"] == "heatmap"]
    assert len(heatmaps) == len(basins.methods)
    for trace in heatmaps:
        codes = np.asarray(trace["z"])
        assert codes.shape == (lesson.GRID, lesson.GRID) and codes.dtype == np.uint8
        assert codes.min() >= 0 and codes.max() <= land.n_minima + 1
        assert {c for _, c in trace["colorscale"]} <= fig.BASIN_PALETTE
    # the colours are named by a legend under the maps (issue 10: a colour bar beside them
    # took half a phone's width), one swatch per code, in the codes' colours
    swatches = [tr for tr in spec["data"] if tr["type"] == "scatter" and tr.get("showlegend", True)]
    swatches = [tr for tr in swatches if tr["marker"].get("symbol") == "square"]
    assert [tr["name"] for tr in swatches][-2:] == ["unsettled", "diverged"]
    assert len(swatches) == land.n_minima + 2
    colors = [tr["marker"]["color"] for tr in swatches]
    assert colors == fig.basin_colors(land.n_minima)
    assert not any(tr.get("showscale") for tr in heatmaps)
    categories = [*names, "unsettled", "diverged"]
    bars = assert_clean(
        fig.basin_shares(basins, panels, categories, labels={"axis": "a", "title": "t"})
    )
    traces = by_name(bars)
    for panel, key, shares in zip(panels, basins.methods, basins.bars, strict=True):
        assert traces[panel]["marker"]["color"] == figures.COLORS[key]
        np.testing.assert_allclose(traces[panel]["y"], 100 * np.array(shares))


@pytest.mark.parametrize("offset", [1e-3, 0.0])
def test_saddle_figures(offset):
    sad = lesson.saddle(0.05, offset, 0.3, 0)
    labels = {"step": "s", "axis": "‖∇f‖", "title": "t", "band": "predicted"}
    norms = assert_clean(fig.saddle_norms(sad, run_names=RUNS, labels=labels))
    assert {"plain", "noisy"} <= by_name(norms).keys()
    assert (len(norms["layout"].get("shapes", [])) == 1) == sad.escapes  # the shaded crawl
    point_names = list(sad.kinds)
    paths = assert_clean(
        fig.section_paths(
            sad.grid,
            sad.points,
            point_names,
            sad,
            run_names=RUNS,
            labels=PLAYBACK | {"title": "t", "points": "critical"},
            cap=lesson.SADDLE_CAP,
        )
    )
    assert {"plain", "noisy", "start", "critical"} <= by_name(paths).keys()
    assert len(paths["frames"]) == 61  # steps 0, 5, …, 300


def test_basin_palette_is_its_own():
    assert not {c.upper() for c in fig.BASIN_PALETTE} & {c.upper() for c in figures.PALETTE}
    assert fig.basin_colors(3) == [
        fig.GLOBAL_COLOR,
        *fig.LOCAL_COLORS[:2],
        fig.UNSETTLED_COLOR,
        fig.DIVERGED_COLOR,
    ]


def test_formulas_carry_the_lessons_numbers():
    assert formulas.number(0.0) == "0.0000" and formulas.number(1.23456) == "1.2346"
    assert formulas.number(3.2e-7) == r"3.2\times 10^{-7}"
    one = lesson.start(0.05, 500, 1.5, 0.5, 2.0, 0)
    step = formulas.last_step(one.plain, one.lr)
    assert "x_{500} &= x_{499}" in step and f"{one.plain.final[0]:.4f}" in step
    assert "0.100" in formulas.noisy_step(one)  # α·σ = 0.05 · 2
    basins = lesson.basins(0.05, 200, 2.0, 0)
    share = formulas.global_share(basins)
    assert f"{basins.n_global}}}{{10000}}" in share and f"{basins.global_percent[0]:.1f}" in share
    sad = lesson.saddle(0.05, 1e-3, 0.3, 0)
    assert f"{sad.predicted:.1f}" in formulas.escape(sad) and "0.5/0.001" in formulas.escape(sad)
    assert r"\delta = 0" in formulas.escape(lesson.saddle(0.05, 0.0, 0.3, 0))


# -- what the page sends (issue 9): shared figures, lean arrays, at most 400 KiB -------------------
PAGE_DEFAULTS = dict(  # app_pages/local_optima.py's control defaults
    lr=0.05, steps=500, x0=1.5, y0=0.5, noise=2.0, seed=0, extra="none", offset=1e-3, sn=0.3
)
BUDGET_KIB = 400
LEAN = {"f4", "i4", "u4", "i2", "u2", "i1", "u1"}  # typed-array dtypes a big array may have


def page_figures(lang: str, camera: str = "iso") -> dict:
    """The page's seven charts at its defaults, built as the page asks for them (through the
    shared builders of ``ui.cached``, keyed by its settings, with its translated labels)."""
    d = PAGE_DEFAULTS

    def t(key, **fields):
        return text.get(key, lang, **fields)

    land = lesson.landscape()
    names = [
        t("local_optima.min_global") if kind == "global" else t("local_optima.min_local", i=i)
        for i, kind in enumerate(land.kinds)
    ]
    kind_names = {k: t(f"common.{k}_min") for k in ("global", "local")}
    kind_names["saddle"] = t("common.saddle")
    run_names = (t("common.optimizer.gd"), t("local_optima.noisy_name"))
    labels = {key: t(f"common.{key}") for key in ("play", "pause", "step", "start")}
    land_labels = {key: t(f"local_optima.{key}") for key in ("surface_title", "minima")}
    start = {k: d[k] for k in ("lr", "steps", "x0", "y0", "noise", "seed")}
    out = {"surface": cached.local_optima_surface_figure(names, camera=camera, labels=land_labels)}
    paths_labels = labels | {
        "title": t("local_optima.paths_title"),
        "points": t("local_optima.minima"),
    }
    out["paths"] = cached.local_optima_paths_figure(
        **start, names=names, run_names=run_names, labels=paths_labels
    )
    cost_labels = {"step": labels["step"], "cost": t("common.loss"), "floor": names[0]}
    cost_labels["title"] = t("local_optima.cost_title")
    out["costs"] = cached.local_optima_costs_figure(
        **start, run_names=run_names, labels=cost_labels
    )
    basins = {k: d[k] for k in ("lr", "steps", "noise", "seed", "extra")}
    panel_names = list(run_names)
    rest = dict(unsettled=t("local_optima.unsettled"), diverged=t("local_optima.diverged"))
    out["basins"] = cached.local_optima_basins_figure(
        **basins, panel_names=panel_names, names=names, **rest
    )
    categories = [f"{n} ({cost:.2f})" for n, cost in zip(names, land.table_cost, strict=True)]
    categories += list(rest.values())
    bar_labels = {"axis": t("local_optima.share_axis"), "title": t("local_optima.bars_title")}
    out["bars"] = cached.local_optima_bars_figure(
        **basins, panel_names=panel_names, categories=categories, labels=bar_labels
    )
    saddle = dict(lr=d["lr"], offset=d["offset"], noise=d["sn"], seed=d["seed"])
    saddle_names = (run_names[0], t("local_optima.noisy_name_sigma", sigma=f"{d['sn']:g}"))
    norm_labels = {"step": labels["step"], "axis": t("local_optima.gradnorm_axis")}
    norm_labels |= {"title": t("local_optima.gradnorm_title")}
    norm_labels |= {"band": t("local_optima.predicted_band")}
    out["norms"] = cached.local_optima_norms_figure(
        **saddle, run_names=saddle_names, labels=norm_labels
    )
    saddle_labels = labels | {"title": t("local_optima.saddle_title")}
    saddle_labels |= {"points": t("local_optima.critical_points")}
    kinds = lesson.saddle(**saddle).kinds
    out["saddle"] = cached.local_optima_saddle_figure(
        **saddle,
        names=[kind_names[kind] for kind in kinds],
        run_names=saddle_names,
        labels=saddle_labels,
    )
    return out


def typed_arrays(node, where=""):
    """``(where, dtype, length)`` of every typed array (``{"dtype", "bdata"}``) in a spec."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            n = int(np.prod(decode(node).shape))
            yield where, node["dtype"], n
            return
        for key, value in node.items():
            yield from typed_arrays(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from typed_arrays(value, f"{where}[{i}]")


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_page_sends_at_most_400_kib_of_figures_at_its_defaults(lang):
    built = page_figures(lang)
    sizes = {name: len(json.dumps(f.to_dict())) / 1024 for name, f in built.items()}
    assert sum(sizes.values()) <= BUDGET_KIB, sizes


def test_no_chart_repeats_another_ones_grid_or_sends_a_big_template():
    # issue 9: the section-1 contour was the paths map's contour a second time; plotly_white
    # alone is 7 KiB per chart
    built = page_figures("en")
    grids = {}
    for name, f in built.items():
        spec = f.to_dict()
        assert len(json.dumps(spec["layout"]["template"])) < 2048, name
        for trace in spec["data"]:
            if isinstance(trace.get("z"), dict):
                grids.setdefault(trace["z"]["bdata"], []).append(name)
    assert all(len(owners) == 1 for owners in grids.values()), grids


def test_titles_start_under_the_toolbar_and_the_3d_view_is_big():
    # issue 10: at 1024 × 768 long titles ran under Plotly's toolbar; the 3-D view was small
    built = page_figures("ko")
    for name, f in built.items():
        layout = f.to_dict()["layout"]
        if "text" in layout.get("title", {}):
            assert layout["title"]["pad"]["t"] >= fig.TOOLBAR, name
            assert layout["title"]["yref"] == "container", name
        assert layout["margin"]["t"] >= fig.TOOLBAR + 30, name
    scene = built["surface"].to_dict()["layout"]
    assert scene["height"] >= 540 and scene["margin"]["l"] == scene["margin"]["r"] == 0
    assert scene["scene"]["aspectratio"]["z"] < 1  # a flat box fits a wide chart uncut


def test_the_page_figures_are_shared_and_frozen():
    first, second = page_figures("en"), page_figures("en")
    for name, built in first.items():
        assert figures.is_frozen(built), name
        assert second[name] is built, name  # one object for every visitor
    assert page_figures("en", camera="top")["surface"] is not first["surface"]


def test_big_arrays_are_float32_and_basin_codes_one_byte():
    built = page_figures("en")
    for name, f in built.items():
        spec = json.loads(f.to_json())
        found = list(typed_arrays({"data": spec["data"], "frames": spec.get("frames", [])}))
        big = [(where, dtype) for where, dtype, n in found if n >= 50]
        assert big or name == "bars", name  # all but the bars draw long arrays
        assert all(dtype in LEAN for _, dtype in big), (name, big)
    spec = json.loads(built["basins"].to_json())
    heatmaps = [tr for tr in spec["data"] if tr["type"] == "heatmap"]
    assert heatmaps and all(tr["z"]["dtype"] == "u1" for tr in heatmaps)
    for name in ("surface", "paths", "saddle"):
        surface = json.loads(built[name].to_json())["data"][0]
        assert surface["type"] in ("surface", "contour")
        assert {surface[axis]["dtype"] for axis in ("x", "y", "z")} == {"f4"}, name
        side = lesson.SURFACE_GRID
        assert np.asarray(decode(surface["z"])).shape == (side, side), name


def test_lean_keeps_nan_and_holds_huge_values_finite():
    out = fig.lean([1.0, np.nan, 1e300, -1e300])
    assert out.dtype == np.float32 and np.isnan(out[1])
    assert np.isfinite(out[[0, 2, 3]]).all() and out[2] > 1e38 and out[3] < -1e38


def test_the_animation_slider_counts_optimizer_steps_not_frames():
    figure = page_figures("en")["paths"].to_dict()  # frozen: read through its dict
    labels = [s["label"] for s in figure["layout"]["sliders"][0]["steps"]]
    assert labels[0] == "0" and labels[-1] == str(PAGE_DEFAULTS["steps"])
    assert len(labels) == len(figure["frames"]) <= lesson.ANIMATION_FRAMES + 1
    assert labels[:3] == ["0", "10", "20"]  # round steps
    assert [f["name"] for f in figure["frames"]] == labels


def test_both_steps_stacks_the_last_plain_step_over_the_noisy_rule():
    one = lesson.start(0.05, 500, 1.5, 0.5, 2.0, 0)
    both = formulas.both_steps(one)
    assert both.startswith(r"\begin{gathered}") and both.endswith(r"\end{gathered}")
    assert formulas.last_step(one.plain, one.lr) in both and formulas.noisy_step(one) in both
    diverged = one._replace(plain=one.plain._replace(outcome="diverged"))  # no last step then
    assert formulas.both_steps(diverged).count(r"\begin{aligned}") == 1


def test_the_lean_animation_matches_the_shared_one():
    # ui.figures.animate_paths through go.Frame objects, and this page's dict frames, send
    # the same figure (the page's is just built in a fraction of the time)
    land, one = lesson.landscape(), lesson.start(0.05, 500, 1.5, 0.5, 2.0, 0)
    names = [f"m{i}" for i in range(land.n_minima)]
    built = figures.freeze(
        fig.section_paths(
            land.grid,
            land.minima,
            names,
            one,
            run_names=RUNS,
            labels=PLAYBACK | {"title": "t", "points": "p"},
            cap=land.cap,
        )
    ).to_dict()
    heads = [tr for tr in built["data"] if tr.get("name", "").endswith(figures.HEAD_MARK)]
    assert len(heads) == 2 and all(tr["legendgroup"] in RUNS for tr in heads)
    shown = fig.thin(one.plain.params, one.stride)
    last = decode(built["frames"][-1]["data"][0])
    np.testing.assert_allclose(last["x"], shown[-figures.TAIL :, 0].astype(np.float32))
    assert last["marker"]["size"] == [4] * (figures.TAIL - 1) + [11]
    assert built["layout"]["images"] and built["layout"]["sliders"][0]["steps"][1]["label"] == "10"
