"""Figures of the RMSprop page (pure Plotly, no Streamlit; its LaTeX is in ui/formulas/rmsprop.py).

Labels arrive translated. Each figure is built once per setting and shared by every
visitor (``ui/cached.py`` freezes it), so everything about a figure happens here, never in
the page. Arrays go in as float32 (:func:`_lean`: half the bytes of float64, exact to about
6·10⁻⁸ of each value); points that are not finite (a diverged run), or not positive on a
log axis, become NaN, which Plotly draws as a gap.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ui import figures

W_DASH, B_DASH = "solid", "dash"


def _lean(a, *, positive: bool = False) -> np.ndarray:
    """``a`` as float32 with NaN for every point that is not finite (or, with ``positive``,
    not above 0 once in float32: a log axis cannot draw it)."""
    a = np.asarray(a, dtype=np.float32)
    good = np.isfinite(a) & (a > 0) if positive else np.isfinite(a)
    return np.where(good, a, np.float32(np.nan))


def _held(xy) -> np.ndarray:
    """A path ``(n, 2)`` (float32) whose points from the first non-finite one on (a diverged run) repeat
    the last finite point: the path stops there, and every frame of the animation stays."""
    xy = np.array(xy, dtype=np.float32)
    bad = np.flatnonzero(~np.all(np.isfinite(xy), axis=1))
    if bad.size and bad[0] > 0:
        xy[bad[0] :] = xy[bad[0] - 1]
    return xy


def valley(xs, ys, z, runs, *, labels, title, notes=None, wlabel="w", blabel="b") -> go.Figure:
    """GD and RMSprop on one contour map, animated in the browser.

    ``runs = {name: (xy (n, 2), color)}``; ``notes[k]`` (optional) is the text shown in the
    bottom-right corner at frame k (the numbers of that step), away from the paths' start.
    """
    xs, ys = _lean(xs), _lean(ys)
    fig = figures.contour(xs, ys, z, log_scale=True, title=title)
    first = len(fig.data)
    kept = [_held(xy) for xy, _ in runs.values()]
    for name, xy, (_, color) in zip(runs, kept, runs.values(), strict=True):
        figures.add_path(fig, xy, name=name, color=color)
    paths = [(xy, first + i) for i, xy in enumerate(kept)]
    # per-frame notes are layout: only a redrawing frame shows them
    figures.animate_paths(fig, paths, labels=labels, redraw=notes is not None)
    if notes is not None:
        # in data coordinates: the map is narrower than the paper (equal axis scales)
        where = dict(
            xref="x", yref="y", x=float(xs[-1]), y=float(ys[0]), xanchor="right", yanchor="bottom"
        )
        for frame, note in zip(fig.frames, notes, strict=False):
            frame.layout.annotations = [figures.frame_text(note)]
        fig.update_layout(annotations=[figures.frame_note(notes[-1], **where)])
    # a taller map, and the Play/slider row moved below the w-axis title
    fig.update_layout(height=700, margin=dict(b=150))
    fig.layout.sliders[0].y = -0.15
    fig.layout.updatemenus[0].y = -0.15
    fig.update_xaxes(title=wlabel)
    fig.update_yaxes(title=blabel)
    fig.update_traces(colorbar=dict(title="log₁₀ f", thickness=12), selector=dict(type="contour"))
    return fig


def cost(steps, curves, *, target, target_label, xlabel, ylabel, title) -> go.Figure:
    """Cost per step (log scale) with the target line: ``curves = {name: (loss, color)}``."""
    return _positive_curves_with_line(
        steps, curves, target, target_label, "top right", xlabel=xlabel, ylabel=ylabel, title=title
    )


def per_coordinate(steps, w, b, *, color, names, xlabel, ylabel, title, gd=None) -> go.Figure:
    """One quantity per coordinate (w solid, b dashed) on a log axis; ``gd=(value, name, color)``
    adds GD's single learning rate as a flat line."""
    fig = go.Figure()
    for values, name, dash in ((w, names[0], W_DASH), (b, names[1], B_DASH)):
        fig.add_trace(
            go.Scatter(
                x=np.asarray(steps),
                y=_lean(values, positive=True),
                name=name,
                mode="lines",
                line=dict(color=color, dash=dash, width=3 if dash == W_DASH else 2),
            )
        )
    if gd is not None:
        value, name, gd_color = gd
        fig.add_trace(
            go.Scatter(
                x=[float(steps[0]), float(steps[-1])],
                y=[value, value],
                name=name,
                mode="lines",
                line=dict(color=gd_color, dash="dot", width=2),
            )
        )
    fig.update_xaxes(title=xlabel)
    fig.update_yaxes(title=ylabel, type="log", exponentformat="power")
    return figures.base_layout(fig, title, height=360)


def distance(steps, curves, *, lr, lr_label, xlabel, ylabel, title) -> go.Figure:
    """Distance to the minimum per step (log), ``curves = {name: (dist, color)}``, α as a line."""
    return _positive_curves_with_line(
        steps, curves, lr, lr_label, "top left", xlabel=xlabel, ylabel=ylabel, title=title
    )


def _positive_curves_with_line(steps, curves, y, label, where, *, xlabel, ylabel, title):
    """Curves ``{name: (values, color)}`` on a log axis (values <= 0 left out), a dotted level y."""
    fig = go.Figure()
    for name, (values, color) in curves.items():
        fig.add_trace(
            go.Scatter(
                x=np.asarray(steps),
                y=_lean(values, positive=True),
                name=name,
                mode="lines",
                line=dict(color=color),
            )
        )
    fig.add_hline(
        y=y,
        line=dict(color=figures.COLORS["accent"], dash="dot"),
        annotation_text=label,
        annotation_position=where,
    )
    fig.update_xaxes(title=xlabel)
    fig.update_yaxes(title=ylabel, type="log", exponentformat="power")
    return figures.base_layout(fig, title, height=360)
