"""Figures of the race page (pure Plotly, no Streamlit; labels come translated).

Each builder takes what the lesson :mod:`optim_core.lessons.race` returned (a ``Board``, a
``Race``, a ``Settling``) and the translated words; ``ui/cached.py`` builds each figure once
per setting. Every racer keeps its colour from :data:`ui.figures.COLORS`.

- :func:`map_figure`: the contour map, every path animated (Plotly frames carry only the
  moving heads), and an invisible grid of clickable starts (trace :data:`CLICK_TRACE`);
- :func:`surface_figure`: the same paths on the 3-D surface, not animated;
- :func:`loss_figure`: the cost above the best known (or found) value per step, log scale,
  with each racer's learning rate α(t) under it;
- :func:`progress_figure`: the distance to the nearest known minimum (or the share of the
  drop still to go) with the tolerance line;
- :func:`settling_figure`: RMSprop's distance at a constant and at a decaying rate.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.figures import (
    CAMERAS,
    COLORS,
    MAP_SCALE,
    add_critical_points,
    add_path,
    animate_paths,
    base_layout,
    contour,
    lean,
    surface,
)
from ui.numbers import text

CLICK_TRACE = 1  # the clickable grid: drawn right over the map, under everything else
# at most this many animation frames (steps spaced evenly, the last included): every click on
# the map builds a new map, and Plotly validates each frame's heads one by one (~10 ms a frame)
FRAMES = 60
FLOOR = 1e-16  # gaps below this (round-off) are drawn on this line of a log chart
CEILING = float(np.finfo(np.float32).max)
SETTLING_FLOOR = 1e-20  # the schedule case passes within ~1e-18 of its minimum: show it
MAP_LABELS = ("play", "pause", "step", "start", "click", "global", "local", "saddle", "x", "y")
LOSS_LABELS = ("step", "gap", "alpha")
PROGRESS_LABELS = ("step", "distance", "share", "tolerance")
SETTLING_LABELS = ("step", "distance", "constant", "decayed", "expected")
SURFACE_ASPECT = dict(x=1.2, y=1.2, z=0.75)
SURFACE_CENTER = dict(x=0, y=0, z=-0.12)


def lean_template(fig: go.Figure) -> go.Figure:
    """Keep only the layout part of the template (its per-trace defaults are ~4 KiB)."""
    fig.layout.template.data = {}
    return fig


def legend_name(name: str, lr: float) -> str:
    """A racer's legend entry: its translated name and the learning rate it ran with."""
    return f"{name} (α = {text(lr)})"


def frame_steps(steps: int, frames: int | None = None) -> np.ndarray:
    """The steps the animation shows: every step up to ``frames`` (default :data:`FRAMES`),
    else ``frames + 1`` steps spaced evenly from 0 to ``steps`` (both ends included)."""
    frames = FRAMES if frames is None else frames
    if steps <= frames:
        return np.arange(steps + 1)
    return np.unique(np.rint(np.linspace(0, steps, frames + 1)).astype(int))


def _finite(z) -> np.ndarray:
    """``z`` as float64 with every non-finite value (overflow, 0/0, beyond float32) NaN."""
    z = np.asarray(z, dtype=np.float64)
    return np.where(np.isfinite(z), z, np.nan)


def _click_grid(points: np.ndarray, label: str) -> go.Scatter:
    """The clickable starts: markers that cannot be seen (``opacity = 0``, not hidden: a
    hidden trace takes no clicks) but answer hover and click with their point."""
    return go.Scatter(
        x=points[:, 0],
        y=points[:, 1],
        mode="markers",
        marker=dict(size=14, opacity=0, color=COLORS["accent"]),
        name=label,
        showlegend=False,
        hovertemplate=label + "<br>(%{x:.3f}, %{y:.3f})<extra></extra>",
    )


def map_figure(board, race, critical, *, names: Mapping[str, str], labels: Mapping[str, str]):
    """The contour map of ``board`` with every racer of ``race``: its whole path faint, its
    head moving with Play (frames at :func:`frame_steps`), the start, the known critical
    points (``critical``: items with ``point`` and ``kind``) and the click grid."""
    xs, ys, z = board.grid
    fig = contour(lean(xs), lean(ys), _finite(z), log_scale=board.log_scale)
    fig.data[0].update(showscale=False, colorscale=MAP_SCALE)  # grey: six racers' colours on it
    fig.add_trace(_click_grid(board.clicks.points, labels["click"]))
    if critical:
        add_critical_points(fig, critical, {k: labels[k] for k in ("global", "local", "saddle")})
    for trace in fig.data[2:]:
        trace.hoverinfo = "skip"  # clicks go to the grid underneath
    fig.add_trace(
        go.Scatter(
            x=[race.start[0]],
            y=[race.start[1]],
            mode="markers",
            name=labels["start"],
            marker=dict(symbol="circle-open", size=16, color=COLORS["accent"], line=dict(width=3)),
            hoverinfo="skip",
        )
    )
    first = len(fig.data)
    shown = frame_steps(race.steps)
    heads = []
    for i, r in enumerate(race.racers):
        add_path(fig, lean(r.path), name=legend_name(names[r.name], r.lr), color=COLORS[r.name])
        fig.data[-1].marker.size = 3
        heads.append((lean(r.path[shown]), first + i))
    fig.update_xaxes(title=labels["x"])
    fig.update_yaxes(title=labels["y"])
    # two rows of legend above the map, under Plotly's toolbar (which takes the top ~30 px)
    fig.update_layout(
        height=600, clickmode="event+select", dragmode="zoom", margin=dict(t=100), legend_y=1.02
    )
    playback = {k: labels[k] for k in ("play", "pause", "step")}
    fig = animate_paths(fig, heads, labels=playback, steps=shown)
    fig.update_layout(updatemenus=[dict(y=-0.16)], sliders=[dict(y=-0.16)])
    return lean_template(fig)  # heads of TAIL points: cutting them costs more than it saves


def _height(values, low: float, log: bool) -> np.ndarray:
    """Heights drawn on the 3-D chart: ``f − low``, as log₁₀(1 + ·) when ``log``."""
    h = _finite(values) - low
    return np.log10(1.0 + np.maximum(h, 0.0)) if log else h


def log_ticks(top: float) -> tuple[list[float], list[str]]:
    """Ticks of a log₁₀(1 + h) axis labelled with h itself: 0, 1, 10, 100 … up to ``top``."""
    values = [0.0] + [10.0**k for k in range(0, int(np.floor(max(top, 0.0))) + 1)]
    values = [v for v in values if np.log10(1.0 + v) <= top + 1e-9]
    return [float(np.log10(1.0 + v)) for v in values], [f"{v:g}" for v in values]


def surface_figure(board, race, camera: str, *, names: Mapping[str, str], zlabel: str):
    """The surface of ``board`` in 3-D with every racer's whole path on it (points outside
    the map left out), seen from the preset ``camera``. Heights are ``f`` minus the map's
    lowest value; log₁₀(1 + ·) of that when the map's values span decades."""
    xs, ys, z = board.grid
    z = _finite(z)
    low = float(np.nanmin(z)) if np.isfinite(z).any() else 0.0
    heights = _height(z, low, board.log_scale)
    fig = surface(lean(xs), lean(ys), lean(heights), camera=camera, zlabel=zlabel)
    fig.data[0].opacity = 0.6
    top = float(np.nanmax(heights)) if np.isfinite(heights).any() else 1.0
    lift = 0.02 * top
    (x0, x1), (y0, y1) = board.box
    for r in race.racers:
        xy = np.asarray(r.path, dtype=np.float64)
        with np.errstate(invalid="ignore"):
            inside = (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
        h = np.where(inside, _height(r.loss, low, board.log_scale) + lift, np.nan)
        xy = np.where(inside[:, None], xy, np.nan)
        add_path(
            fig, lean(xy), name=legend_name(names[r.name], r.lr), color=COLORS[r.name], z=lean(h)
        )
        fig.data[-1].update(marker=dict(size=2.5), line=dict(width=6))
    view = dict(CAMERAS[camera]) | {"center": SURFACE_CENTER}
    fig.update_layout(
        scene=dict(
            xaxis_title="x",
            yaxis_title="y",
            aspectmode="manual",
            aspectratio=SURFACE_ASPECT,
            camera=view,
        ),
        scene_camera=view,
        height=580,
        margin=dict(l=0, r=0, t=40, b=0),
    )
    if board.log_scale:
        values, ticks = log_ticks(top)
        fig.update_layout(scene_zaxis=dict(tickvals=values, ticktext=ticks))
    return lean_template(fig)


def _curve(values, floor: float = FLOOR) -> np.ndarray:
    """A positive series for a log axis: cut after its last finite value (a diverged run
    ends there), held within [floor, CEILING]."""
    v = _finite(values)
    finite = np.flatnonzero(np.isfinite(v))
    v = v[: finite[-1] + 1] if finite.size else v[:0]
    with np.errstate(invalid="ignore"):
        return lean(np.clip(v, floor, CEILING))


def loss_figure(race, reference: float, *, names: Mapping[str, str], labels: Mapping[str, str]):
    """Top: each racer's cost above ``reference`` (the global minimum's value, or the best
    value found) per step, log scale. Bottom: the learning rate α(t) of each step, log
    scale (one shared line when every racer ran with the same rate)."""
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=(0.72, 0.28), vertical_spacing=0.06
    )
    for r in race.racers:
        name, color = legend_name(names[r.name], r.lr), COLORS[r.name]
        fig.add_trace(
            go.Scatter(
                x0=0,
                dx=1,
                y=_curve(np.asarray(r.loss) - reference),
                mode="lines",
                name=name,
                legendgroup=r.name,
                line=dict(color=color, width=2),
            ),
            row=1,
            col=1,
        )
    lrs = {r.lr for r in race.racers}
    alphas = race.racers[:1] if len(lrs) == 1 else race.racers
    for r in alphas:
        shared = len(lrs) == 1 and len(race.racers) > 1
        fig.add_trace(
            go.Scatter(
                x0=1,
                dx=1,
                y=lean(r.alpha),
                mode="lines",
                name=labels["alpha"],
                legendgroup=r.name,
                showlegend=False,
                line=dict(color=COLORS["data"] if shared else COLORS[r.name], width=2),
            ),
            row=2,
            col=1,
        )
    fig.update_yaxes(title=labels["gap"], type="log", exponentformat="power", row=1, col=1)
    fig.update_yaxes(title=labels["alpha"], type="log", exponentformat="power", row=2, col=1)
    fig.update_xaxes(title=labels["step"], row=2, col=1)
    base_layout(fig, height=520)
    return lean_template(fig)


def progress_figure(race, *, names: Mapping[str, str], labels: Mapping[str, str]):
    """Per step: the distance to the nearest known minimum (``race.target == "minimum"``) or
    the share of the drop from the start to the best value found still to go, log scale;
    the tolerance as a dotted line and each arrival as a marker on it."""
    fig = go.Figure()
    drop = race.start_value - race.best_value
    for r in race.racers:
        if race.target == "minimum":
            y = r.distance
        else:
            y = (
                (np.asarray(r.loss) - race.best_value) / drop
                if drop > 0
                else np.asarray(r.loss) * np.nan
            )
        color = COLORS[r.name]
        fig.add_trace(
            go.Scatter(
                x0=0,
                dx=1,
                y=_curve(y),
                mode="lines",
                name=legend_name(names[r.name], r.lr),
                legendgroup=r.name,
                line=dict(color=color, width=2),
            )
        )
        if r.arrived_at is not None:
            fig.add_trace(
                go.Scatter(
                    x=[r.arrived_at],
                    y=[race.tolerance],
                    mode="markers",
                    legendgroup=r.name,
                    showlegend=False,
                    marker=dict(color=color, size=11, line=dict(width=1, color=COLORS["accent"])),
                    hovertemplate=f"{names[r.name]}: {labels['step']} %{{x}}<extra></extra>",
                )
            )
    fig.add_trace(
        go.Scatter(
            x=[0, race.steps],
            y=[race.tolerance, race.tolerance],
            mode="lines",
            name=labels["tolerance"],
            line=dict(color=COLORS["accent"], width=1, dash="dot"),
            hoverinfo="skip",
        )
    )
    ylabel = labels["distance"] if race.target == "minimum" else labels["share"]
    fig.update_xaxes(title=labels["step"])
    fig.update_yaxes(title=ylabel, type="log", exponentformat="power")
    return lean_template(base_layout(fig, height=380))


def settling_figure(case, *, name: str, labels: Mapping[str, str]):
    """The schedule case (a lesson ``Settling``): the racer's distance to the minimum at a
    constant rate (solid) and with the decaying rate (dashed), and the 2-cycle's α/√2."""
    color = COLORS[case.racer]
    fig = go.Figure()
    for key, values, dash in (
        ("constant", case.constant_distance, None),
        ("decayed", case.decayed_distance, "dash"),
    ):
        fig.add_trace(
            go.Scatter(
                x0=0,
                dx=1,
                y=_curve(values, SETTLING_FLOOR),
                mode="lines",
                name=f"{name}: {labels[key]}",
                line=dict(color=color, width=2, dash=dash),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[0, case.steps],
            y=[case.expected_jitter] * 2,
            mode="lines",
            name=labels["expected"],
            line=dict(color=COLORS["data"], width=1.5, dash="dot"),
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(title=labels["step"])
    fig.update_yaxes(title=labels["distance"], type="log", exponentformat="power")
    return lean_template(base_layout(fig, height=340))
