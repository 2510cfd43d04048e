"""Figures of the Adam page (pure Plotly, no Streamlit; labels come translated; its LaTeX is in
ui/formulas/adam.py).

The ``*_chart`` builders are what the page caches: plain settings (a lesson ``Setup``) and
translated labels in, the lesson computed inside, so a view hashes a few numbers and
strings instead of grids and paths.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from optim_core.lessons import adam as lesson
from ui.figures import (
    CAMERAS,
    COLORS,
    add_critical_points,
    add_path,
    animate_paths,
    base_layout,
    contour,
    lean,
    surface,
)
from ui.numbers import text

PIECE_COLORS = {"v": COLORS["momentum"], "s": COLORS["rmsprop"], "step": COLORS["adam"]}
FLOOR = 1e-16  # cost gaps below this (round-off) are drawn on this line of the log plot
CEILING = float(np.finfo(np.float32).max)  # and gaps above float32's range on this one
RACE_LABELS = ("play", "pause", "step", "start", "global", "local", "saddle")
MOVES_LABELS = ("x", "y", "alpha", "current", "xlabel", "ylabel")


def lean_template(fig: go.Figure) -> go.Figure:
    """Keep only the layout part of the figure's template: its per-trace-type defaults
    (about 4 KiB in every chart) style trace types and options these charts do not use."""
    fig.layout.template.data = {}
    return fig


def lean_steps(steps) -> np.ndarray:
    """Step numbers in the smallest integer type that holds them (int16 up to 32767)."""
    steps = np.asarray(steps)
    fits = steps.size == 0 or int(np.max(steps)) <= np.iinfo(np.int16).max
    return steps.astype(np.int16 if fits else np.int32)


def bias_closeup(pieces, *, labels: Mapping[str, str], height: int = 380) -> go.Figure:
    """Left: g, v and v̂ over the first steps; right: g², s and ŝ (one coordinate).

    ``pieces`` has arrays ``t, g, v, v_hat, g2, s, s_hat`` (a lesson ``Closeup``). The raw
    gradients are drawn in the colour of measured data.
    """
    p = pieces
    # each title on two lines (after its colon): side by side on a phone they overlapped
    titles = tuple(labels[side].replace(": ", ":<br>", 1) for side in ("left", "right"))
    fig = make_subplots(rows=1, cols=2, subplot_titles=titles, horizontal_spacing=0.12)
    mom, rms = PIECE_COLORS["v"], PIECE_COLORS["s"]
    raw = dict(color=COLORS["data"], width=1.5, dash="dot")
    traces = [
        (1, p.g, labels["g"], raw, "lines+markers"),
        (1, p.v, labels["v"], dict(color=mom, width=2, dash="dash"), "lines"),
        (1, p.v_hat, labels["v_hat"], dict(color=mom, width=3), "lines"),
        (2, p.g2, labels["g2"], raw, "lines+markers"),
        (2, p.s, labels["s"], dict(color=rms, width=2, dash="dash"), "lines"),
        (2, p.s_hat, labels["s_hat"], dict(color=rms, width=3), "lines"),
    ]
    first = int(p.t[0]) if len(p.t) else 1
    for col, y, name, line, mode in traces:
        fig.add_trace(
            go.Scatter(
                x0=first, dx=1, y=lean(y), name=name, mode=mode, line=line, marker=dict(size=4)
            ),
            row=1,
            col=col,
        )
    fig.update_xaxes(title_text="t")
    base_layout(fig, height=height)
    fig.update_layout(
        legend=dict(orientation="h", yref="container", y=0, yanchor="bottom", x=0),
        margin=dict(t=70, b=90),
    )
    return lean_template(fig)


def closeup_chart(s, coord: str, *, labels: Mapping[str, str]) -> go.Figure:
    """:func:`bias_closeup` of the run with settings ``s`` (a lesson ``Setup``)."""
    return bias_closeup(lesson.closeup(s, coord), labels=labels)


def step_sizes(m, *, labels: Mapping[str, str]) -> go.Figure:
    """Section 1: |move| of x and of y in each of Adam's first steps (log scale), the
    learning rate α as a line, and step ``m.k`` (the one the formulas show) marked.

    ``m`` is a lesson ``Moves``; ``labels`` has :data:`MOVES_LABELS`."""
    fig = go.Figure()
    color = COLORS["adam"]
    size = np.clip(np.asarray(m.size, dtype=np.float64), FLOOR, CEILING)
    for c, dash in ((0, None), (1, "dash")):
        fig.add_trace(
            go.Scatter(
                x0=1,
                dx=1,
                y=lean(size[:, c]),
                mode="lines",
                name=labels[lesson.COORDS[c]],
                line=dict(color=color, width=2, dash=dash),
            )
        )
    n = len(m.t)
    fig.add_trace(
        go.Scatter(
            x=[1, max(n, 1)],
            y=[m.lr, m.lr],
            mode="lines",
            name=labels["alpha"],
            line=dict(color=COLORS["data"], width=1.5, dash="dot"),
            hoverinfo="skip",
        )
    )
    if n:
        fig.add_trace(
            go.Scatter(
                x=[m.k, m.k],
                y=lean(size[m.k - 1]),
                mode="markers",
                name=labels["current"],
                marker=dict(color=COLORS["accent"], size=10, symbol="circle"),
            )
        )
    fig.update_xaxes(title=labels["xlabel"])
    fig.update_yaxes(title=labels["ylabel"], type="log", exponentformat="power")
    return lean_template(base_layout(fig, height=300))


def moves_chart(s, k: int, *, labels: Mapping[str, str]) -> go.Figure:
    """:func:`step_sizes` of the run with settings ``s``, step ``k`` marked."""
    return step_sizes(lesson.moves(s, k), labels=labels)


def race_contour(
    xs,
    ys,
    z,
    runs: Mapping[str, tuple[np.ndarray, str]],
    *,
    labels,
    annotations,
    log_scale: bool,
    critical_points=(),
    critical_labels=None,
    start_label: str,
    start,
    steps=None,
) -> go.Figure:
    """Contour map with the four paths animated together: ``runs = {name: (xy, color)}``, each
    ``xy`` one point per frame (a path that stopped repeats its last point). ``steps`` is the
    optimizer step of each frame (the lesson's ``frame_steps``): the animation slider is
    labelled with them, as the notes are."""
    fig = contour(xs, ys, z, log_scale=log_scale)
    fig.data[0].showscale = False
    if critical_points:
        add_critical_points(fig, critical_points, critical_labels)
    fig.add_trace(
        go.Scatter(
            x=[start[0]],
            y=[start[1]],
            mode="markers",
            name=start_label,
            marker=dict(symbol="circle-open", size=14, color="white", line=dict(width=3)),
        )
    )
    first = len(fig.data)
    shown = {name: lean(xy) for name, (xy, _) in runs.items()}
    for name, (_, color) in runs.items():
        add_path(fig, shown[name], name=name, color=color)
    paths = [(xy, first + i) for i, xy in enumerate(shown.values())]
    fig.update_layout(height=560)
    fig = animate_paths(
        fig, paths, labels=labels, annotations=annotations, frame_ms=60, steps=steps
    )
    return lean_template(fig)


def race_chart(s, *, names: Mapping[str, str], labels: Mapping[str, str]) -> go.Figure:
    """:func:`race_contour` of the race with settings ``s``: ``names`` maps each racer to its
    translated name, ``labels`` has :data:`RACE_LABELS`."""
    race = lesson.race(s)
    colors = {n: COLORS[n] for n in lesson.RACERS}
    runs = {racer(names[n], race.lrs[n]): (race.paths[n], colors[n]) for n in lesson.RACERS}
    return race_contour(
        *race.grid,
        runs,
        labels={key: labels[key] for key in ("play", "pause", "step")},
        annotations=race_notes(labels["step"], race.frame_steps, race.frame_costs, colors),
        log_scale=race.log_scale,
        critical_points=race.critical_points,
        critical_labels={kind: labels[kind] for kind in ("global", "local", "saddle")},
        start_label=labels["start"],
        start=s.start,
        steps=race.frame_steps,  # the slider counts optimizer steps, as the notes do
    )


def racer(name: str, lr: float) -> str:
    """A racer's legend entry: its (translated) name and its learning rate."""
    return f"{name} (α = {text(lr)})"


def race_notes(step_label: str, frame_steps, costs: Mapping[str, np.ndarray], colors) -> list:
    """One note per frame: the step and each racer's cost, behind a dot in its colour
    (``costs = {racer: cost at frame_steps}``, ``colors = {racer: colour}``)."""
    notes = []
    for i, j in enumerate(frame_steps):
        line = " · ".join(
            f"<span style='color:{colors[n]}'>●</span> {text(cost[i], 3)}"
            for n, cost in costs.items()
        )
        notes.append(f"{step_label} {j}<br>{line}")
    return notes


def race_costs(curves, *, xlabel: str, ylabel: str) -> go.Figure:
    """Cost above the minimum against step, log scale: ``{name: (gap, color)}`` with one gap
    per step 0, 1, 2, … (drawn from ``x0 = 0`` in steps of 1: no array of step numbers;
    ``(steps, gap, color)`` is taken too, with those steps).

    Gaps below :data:`FLOOR` are drawn on it (and above float32's range on :data:`CEILING`);
    a diverged run's curve ends at its last finite cost."""
    fig = go.Figure()
    for name, curve in curves.items():
        gap, color = curve[-2:]
        gap = np.asarray(gap, dtype=np.float64)
        finite = np.flatnonzero(np.isfinite(gap))
        shown = gap[: finite[-1] + 1] if finite.size else gap[:0]
        fig.add_trace(
            go.Scatter(
                x0=0,
                dx=1,
                y=lean(np.clip(shown, FLOOR, CEILING)),
                mode="lines",
                name=name,
                line=dict(color=color, width=2),
            )
        )
    fig.update_xaxes(title=xlabel)
    fig.update_yaxes(title=ylabel, type="log", exponentformat="power")
    return lean_template(base_layout(fig, height=360))


def costs_chart(s, *, names: Mapping[str, str], xlabel: str, ylabel: str) -> go.Figure:
    """:func:`race_costs` of the race with settings ``s`` (legend: the translated ``names``)."""
    race = lesson.race(s)
    curves = {names[n]: (race.gaps[n], COLORS[n]) for n in lesson.RACERS}
    return race_costs(curves, xlabel=xlabel, ylabel=ylabel)


SURFACE_HEIGHT = 600  # the 3-D view: the surface fills a laptop's or a projector's column
SURFACE_ASPECT = dict(x=1.05, y=1.05, z=0.95)  # a wider box crops its corners at 1024 px
SURFACE_ZOOM = 1.0  # the camera presets' distance (closer crops the box's corners at 1024 px)
SURFACE_CENTER = dict(x=0, y=0, z=-0.2)  # looking below the middle: the box's base
#   spreads wider in perspective than its top, so it gets the room


def camera_view(camera: str) -> dict:
    """The shared camera preset ``camera``, moved :data:`SURFACE_ZOOM` closer."""
    view = dict(CAMERAS[camera])
    view["eye"] = {k: v * SURFACE_ZOOM for k, v in view["eye"].items()}
    return view | {"center": SURFACE_CENTER}


def log_ticks(top: float) -> tuple[list[float], list[str]]:
    """Ticks of a height axis that draws log₁₀(1 + f), labelled with f itself: 0, 1, 10, 100, …
    up to the largest height ``top`` (in log units); over three decades without the 1, which
    sits close above the 0."""
    first = 1 if top >= 3 else 0
    values = [0.0] + [10.0**k for k in range(first, int(np.floor(max(top, 0.0))) + 1)]
    values = [v for v in values if np.log10(1.0 + v) <= top + 1e-9]
    labels = [_tick(v) for v in values]
    return [float(np.log10(1.0 + v)) for v in values], labels


def _tick(v: float) -> str:
    return f"{v:g}" if v < 1e4 else f"10{_superscript(round(np.log10(v)))}"


def _superscript(k: int) -> str:
    return str(k).translate(str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"))


def race_surface(
    xs,
    ys,
    z,
    paths: Mapping[str, tuple[np.ndarray, np.ndarray, str]],
    *,
    camera,
    zlabel,
    log_height: bool = False,
) -> go.Figure:
    """3-D surface with each optimizer's whole path ``{name: (xy, height, color)}``. With
    ``log_height`` the heights are log₁₀(1 + f) and the axis ticks name f itself."""
    fig = surface(xs, ys, z, camera=camera, zlabel=zlabel)
    lift = 0.02 * float(np.nanmax(z) - np.nanmin(z))  # keep the paths above the surface
    for name, (xy, h, color) in paths.items():
        add_path(fig, lean(xy), name=name, color=color, z=lean(np.asarray(h) + lift))
    fig.update_traces(selector=dict(type="scatter3d"), marker=dict(size=2.5), line=dict(width=7))
    fig.update_traces(selector=dict(type="surface"), opacity=0.6)  # see the paths through it
    view = camera_view(camera)
    fig.update_layout(
        scene=dict(
            xaxis_title="x",
            yaxis_title="y",
            aspectmode="manual",
            aspectratio=SURFACE_ASPECT,
            camera=view,
        ),
        scene_camera=view,
        height=SURFACE_HEIGHT,
        margin=dict(l=0, r=0, t=30, b=0),
        # under the view: above it the legend ran under Plotly's toolbar on a narrow chart
        legend=dict(orientation="h", x=0, xanchor="left", y=0, yanchor="top"),
    )
    if log_height:
        values, labels = log_ticks(float(np.nanmax(z)))
        fig.update_layout(scene_zaxis=dict(tickvals=values, ticktext=labels))
    return lean_template(fig)


def surface_chart(
    s, camera: str, *, names: Mapping[str, str], zlabel: str, zlabel_log: str
) -> go.Figure:
    """:func:`race_surface` of the race with settings ``s``, seen from ``camera``."""
    view = lesson.landscape(s)
    paths = {names[n]: (xy, height, COLORS[n]) for n, (xy, height) in view.paths.items()}
    return race_surface(
        *view.grid,
        paths,
        camera=camera,
        zlabel=zlabel_log if view.log_height else zlabel,
        log_height=view.log_height,
    )
