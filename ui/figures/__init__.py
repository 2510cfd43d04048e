"""Pure Plotly figure builders shared by the pages (no Streamlit here).

Colours come from the Okabe–Ito palette, which stays distinguishable with the
common colour-vision deficiencies; each optimizer keeps its colour on every page.
Labels are passed in already translated, so these functions know no language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

# One colour per meaning, decided here once. The six racers take the Okabe–Ito
# colours (distinguishable with the common colour-vision deficiencies); the other
# meanings take colours from Paul Tol's muted scheme, so no colour stands for two
# things anywhere in the dashboard (tests/ui/test_figures.py checks it).
COLORS = {
    "gd": "#0072B2",  # blue
    "momentum": "#E69F00",  # orange
    "rmsprop": "#009E73",  # bluish green
    "adam": "#CC79A7",  # reddish purple
    "adagrad": "#56B4E9",  # sky blue
    "nesterov": "#D55E00",  # vermillion
    "data": "#888888",  # grey: measured data, raw series
    "noisy": "#882255",  # wine: noisy / mini-batch runs
    "batch": "#117733",  # dark green: the chosen batch size
    "accent": "#000000",  # black: minima, markers, the current step
}
BETA_COLORS = ("#332288", "#44AA99", "#999933")  # indigo, teal, olive: the three β curves
RACERS = ("gd", "momentum", "rmsprop", "adam", "adagrad", "nesterov")
PALETTE = frozenset(COLORS.values()) | frozenset(BETA_COLORS)
MINIMUM_SYMBOLS = {"global": "star", "local": "circle", "saddle": "x"}

CAMERAS = {
    "iso": dict(eye=dict(x=1.5, y=-1.5, z=1.1)),
    "top": dict(eye=dict(x=0.0, y=0.0, z=2.4), up=dict(x=0, y=1, z=0)),
    "side": dict(eye=dict(x=0.0, y=-2.4, z=0.35)),
}

_FONT = dict(family="Noto Sans, Noto Sans CJK KR, sans-serif", size=14)


def base_layout(fig: go.Figure, title: str | None = None, *, height: int = 420) -> go.Figure:
    """Shared look: white background, readable font, compact margins, legend on top."""
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", y=0.99, yanchor="top") if title else None,
        template="plotly_white",
        font=_FONT,
        height=height,
        margin=dict(l=10, r=10, t=90 if title else 40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, xanchor="left", x=0),
    )
    return fig


def contour(xs, ys, z, *, log_scale: bool = False, title: str | None = None, colorbar_title=""):
    """Filled contour map of ``z`` (log-spaced levels when the range spans decades)."""
    shown = np.log10(z - np.nanmin(z) + 1e-3) if log_scale else z
    fig = go.Figure(
        go.Contour(
            x=xs,
            y=ys,
            z=shown.astype(np.float32),
            colorscale="Viridis",
            contours=dict(showlines=False),
            ncontours=30,
            colorbar=dict(title=colorbar_title, thickness=12),
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(range=[xs[0], xs[-1]], constrain="domain")
    fig.update_yaxes(range=[ys[0], ys[-1]], scaleanchor="x", scaleratio=1)
    return base_layout(fig, title)


def surface(xs, ys, z, *, title: str | None = None, camera: str = "iso", zlabel: str = "f"):
    """3-D surface (float32 to halve the payload) with a named camera preset."""
    fig = go.Figure(
        go.Surface(
            x=xs,
            y=ys,
            z=z.astype(np.float32),
            colorscale="Viridis",
            showscale=False,
            opacity=0.9,
            contours=dict(z=dict(show=True, usecolormap=True, project=dict(z=True))),
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        scene=dict(camera=CAMERAS[camera], zaxis_title=zlabel, aspectmode="cube"),
        scene_camera=CAMERAS[camera],
    )
    return base_layout(fig, title, height=520)


def add_path(fig: go.Figure, xy: np.ndarray, *, name: str, color: str, z=None) -> go.Figure:
    """Draw a path of points ``(n, 2)`` (lines + markers), on a 3-D scene when ``z`` is given."""
    style = dict(name=name, line=dict(color=color, width=3), marker=dict(color=color, size=5))
    if z is None:
        fig.add_trace(go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="lines+markers", **style))
    else:
        fig.add_trace(go.Scatter3d(x=xy[:, 0], y=xy[:, 1], z=z, mode="lines+markers", **style))
    return fig


def add_critical_points(fig: go.Figure, points, labels: Mapping[str, str], *, z_of=None):
    """Mark known minima and saddles; ``labels`` maps kind → translated name."""
    for kind in ("global", "local", "saddle"):
        chosen = [c for c in points if c.kind == kind]
        if not chosen:
            continue
        xy = np.array([c.point for c in chosen])
        marker = dict(symbol=MINIMUM_SYMBOLS[kind], size=12, color="white", line=dict(width=2))
        if z_of is None:
            fig.add_trace(
                go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="markers", name=labels[kind], marker=marker)
            )
        else:
            fig.add_trace(
                go.Scatter3d(
                    x=xy[:, 0],
                    y=xy[:, 1],
                    z=[c.value for c in chosen],
                    mode="markers",
                    name=labels[kind],
                    marker=dict(symbol="diamond", size=5, color="white"),
                )
            )
    return fig


def loss_curves(
    curves: Mapping[str, tuple[np.ndarray, np.ndarray, str]],
    *,
    xlabel,
    ylabel,
    log_y: bool = False,
    title: str | None = None,
) -> go.Figure:
    """Cost against step for several runs: ``{name: (steps, loss, color)}``."""
    fig = go.Figure()
    for name, (steps, loss, color) in curves.items():
        fig.add_trace(go.Scatter(x=steps, y=loss, mode="lines", name=name, line=dict(color=color)))
    fig.update_xaxes(title=xlabel)
    fig.update_yaxes(title=ylabel, type="log" if log_y else "linear", exponentformat="power")
    return base_layout(fig, title, height=320)


def animate_paths(
    fig: go.Figure,
    paths: Sequence[tuple[np.ndarray, int]],
    *,
    labels,
    frame_ms: int = 80,
    annotations: Sequence[str] | None = None,
    redraw: bool = True,
) -> go.Figure:
    """Add client-side playback (Plotly frames, slider, Play/Pause) to ``fig``.

    ``paths`` holds ``(xy, trace_index)`` pairs (``xy`` of shape (n, 2), or (n, 3)
    for a path on a 3-D surface): each frame k redraws the given
    traces with the first k+1 points of their path, so the browser animates the
    run without a server round-trip. ``annotations`` (one per frame) can carry
    the numbers of that step. ``labels`` maps "play", "pause", "step" to text.
    ``redraw=True`` (the default) is needed for per-frame annotations and 3-D paths:
    without it Plotly moves 2-D traces but leaves annotations and 3-D scenes as they were.
    """
    n = max(len(xy) for xy, _ in paths)
    frames = []
    for k in range(n):
        data = [_partial_path(xy[: k + 1]) for xy, _ in paths]
        layout = {}
        if annotations is not None:
            layout = dict(annotations=[frame_note(annotations[min(k, len(annotations) - 1)])])
        frames.append(go.Frame(data=data, traces=[i for _, i in paths], name=str(k), layout=layout))
    fig.frames = frames
    fig.update_layout(**playback(n, labels, frame_ms=frame_ms, redraw=redraw))
    if annotations is not None:
        fig.update_layout(annotations=[frame_note(annotations[-1])])
    fig.update_layout(margin=dict(b=120), height=(fig.layout.height or 420) + 80)
    return fig


def playback(
    n: int,
    labels,
    *,
    frame_ms: int = 80,
    redraw: bool = True,
    active: int | None = None,
    y: float = -0.12,
    show_step: bool = False,
) -> dict:
    """Layout of Play/Pause buttons and a frame slider for ``n`` frames named "0".."n-1".

    Pass it to ``fig.update_layout(**playback(...))``. ``active`` is the frame the slider
    starts on (the last by default); ``show_step`` prints "step k" above the slider.
    """
    play = dict(
        frame=dict(duration=frame_ms, redraw=redraw),
        fromcurrent=True,
        transition=dict(duration=0),
        mode="immediate",
    )
    pause = dict(frame=dict(duration=0, redraw=False), mode="immediate")
    jump = dict(mode="immediate", frame=dict(duration=0, redraw=redraw))
    return dict(
        updatemenus=[
            dict(
                type="buttons",
                showactive=False,
                x=0,
                y=y,
                xanchor="left",
                yanchor="top",
                direction="left",
                pad=dict(t=0, r=10),
                buttons=[
                    dict(label="▶ " + labels["play"], method="animate", args=[None, play]),
                    dict(label="■ " + labels["pause"], method="animate", args=[[None], pause]),
                ],
            )
        ],
        sliders=[
            dict(
                active=n - 1 if active is None else active,
                x=0.25,
                len=0.75,
                y=y,
                yanchor="top",
                pad=dict(t=0, b=0),
                currentvalue=dict(prefix=labels["step"] + " ", visible=show_step),
                steps=[
                    dict(label=str(k), method="animate", args=[[str(k)], jump]) for k in range(n)
                ],
            )
        ],
    )


def _partial_path(xy: np.ndarray):
    """The first points of a path as a 2-D (x, y) or 3-D (x, y, z) scatter update."""
    if xy.shape[1] == 3:
        return go.Scatter3d(x=xy[:, 0], y=xy[:, 1], z=xy[:, 2])
    return go.Scatter(x=xy[:, 0], y=xy[:, 1])


def frame_note(text: str, **where) -> dict:
    """A boxed annotation with the numbers of one frame (top left unless ``where`` moves it)."""
    return (
        dict(
            text=text,
            x=0.01,
            y=0.99,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            bgcolor="rgba(255,255,255,0.85)",
            bordercolor="#888",
            borderwidth=1,
            font=dict(size=13),
        )
        | where
    )


def paths_on_contour(
    xs,
    ys,
    z,
    runs: Mapping[str, tuple[np.ndarray, str]],
    *,
    labels,
    log_scale: bool = False,
    title: str | None = None,
    critical_points=(),
    critical_labels=None,
) -> go.Figure:
    """Contour map with one animated path per run: ``{name: (xy (n, 2), color)}``.

    NaN points (a diverged run) simply end the drawn path.
    """
    fig = contour(xs, ys, z, log_scale=log_scale, title=title)
    if critical_points:
        add_critical_points(fig, critical_points, critical_labels)
    first = len(fig.data)
    for name, (xy, color) in runs.items():
        add_path(fig, xy, name=name, color=color)
    paths = [(xy, first + i) for i, (xy, _) in enumerate(runs.values())]
    return animate_paths(fig, paths, labels=labels)
