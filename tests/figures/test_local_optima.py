"""Figures and formulas of the local-optima page, built straight from the lesson."""

import numpy as np
import pytest

from optim_core.lessons import local_optima as lesson
from tests.app.helpers import decode
from ui import figures
from ui.figures import local_optima as fig
from ui.formulas import local_optima as formulas

ALLOWED = figures.PALETTE | fig.BASIN_PALETTE
PLAYBACK = {"play": "play", "pause": "pause", "step": "step", "start": "start"}
RUNS = ("plain", "noisy")


def colours(node) -> set[str]:
    """Every colour string set on a trace (``color``, ``fillcolor``; lists included)."""
    found = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("color", "fillcolor") and isinstance(value, str):
                found.add(value)
            elif key in ("color", "fillcolor") and isinstance(value, (list, tuple)):
                found |= {v for v in value if isinstance(v, str)}
            else:
                found |= colours(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            found |= colours(value)
    return found


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
    assert surface["layout"]["scene"]["camera"] == figures.CAMERAS["top"]
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
    assert len(traces["plain"]["x"]) == len(fig.thin(one.plain.params, one.stride)) == 101
    assert len(spec["frames"]) == 101  # at most ANIMATION_FRAMES + the start
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
        assert codes.shape == (lesson.GRID, lesson.GRID) and codes.dtype == np.int16
        assert codes.min() >= 0 and codes.max() <= land.n_minima + 1
        assert {c for _, c in trace["colorscale"]} <= fig.BASIN_PALETTE
    ticks = heatmaps[0]["colorbar"]["ticktext"]
    assert ticks[-2:] == ["unsettled", "diverged"] and len(ticks) == land.n_minima + 2
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
    assert len(paths["frames"]) == 101


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
