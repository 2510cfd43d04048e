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
from ui.numbers import text as num

W_DASH, B_DASH = "solid", "dash"
MAP_SCALE = figures.MAP_SCALE  # the map's grey cost: the paths are the only colours on it

HEAD = figures.HEAD  # points of recent path each animation frame carries


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
    # no colour bar: on a phone it took a third of the map's width (the page's caption says
    # that darker is lower)
    fig.update_traces(colorscale=MAP_SCALE, showscale=False, selector=dict(type="contour"))
    first = len(fig.data)
    kept = [_held(xy) for xy, _ in runs.values()]
    for name, xy, (_, color) in zip(runs, kept, runs.values(), strict=True):
        figures.add_path(fig, xy, name=name, color=color)
    paths = [(xy, first + i) for i, xy in enumerate(kept)]
    # per-frame notes are layout: only a redrawing frame shows them
    figures.animate_paths(fig, paths, labels=labels, redraw=notes is not None)
    figures.shorter_heads(fig)
    if notes is not None:
        # in data coordinates: the map is narrower than the paper (equal axis scales)
        where = dict(
            xref="x", yref="y", x=float(xs[-1]), y=float(ys[0]), xanchor="right", yanchor="bottom"
        )
        for frame, note in zip(fig.frames, notes, strict=False):
            frame.layout.annotations = [figures.frame_text(note)]
        fig.update_layout(annotations=[figures.frame_note(notes[-1], **where)])
    # a taller map, and the Play/slider row moved below the w-axis title
    fig.update_layout(height=620, margin=dict(b=150))
    fig.layout.sliders[0].y = -0.15
    fig.layout.updatemenus[0].y = -0.15
    fig.update_xaxes(title=wlabel)
    fig.update_yaxes(title=blabel)
    return fig


def cost(steps, curves, *, target, target_label, xlabel, ylabel, title, floor=None) -> go.Figure:
    """Cost per step (log scale) with the target line: ``curves = {name: (loss, color)}``.
    ``floor`` (optional) is the lowest value the log axis shows: a run that dips to 1e-36
    would otherwise squash the decades that matter into a sliver at the top."""
    return _positive_curves_with_line(
        steps,
        curves,
        target,
        target_label,
        "top right",
        xlabel=xlabel,
        ylabel=ylabel,
        title=title,
        floor=floor,
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


def distance(steps, curves, *, lr, lr_label, xlabel, ylabel, title, floor=None) -> go.Figure:
    """Distance to the minimum per step (log), ``curves = {name: (dist, color)}``, α as a line;
    ``floor`` as in :func:`cost`."""
    return _positive_curves_with_line(
        steps,
        curves,
        lr,
        lr_label,
        "top right",  # at the left it sat on the axis' top tick label
        xlabel=xlabel,
        ylabel=ylabel,
        title=title,
        floor=floor,
    )


def _positive_curves_with_line(steps, curves, y, label, where, *, xlabel, ylabel, title, floor):
    """Curves ``{name: (values, color)}`` on a log axis (values <= 0 left out), a dotted level y;
    with ``floor``, the axis goes no lower than it (lower points run off the bottom)."""
    fig = go.Figure()
    shown = [_lean(values, positive=True) for values, _ in curves.values()]
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
    drawn = np.concatenate([v[np.isfinite(v)] for v in shown] + [np.array([y], np.float32)])
    if floor is not None and float(drawn.min()) < floor:
        top = np.log10(max(float(drawn.max()), floor * 10.0))
        fig.update_yaxes(range=[float(np.log10(floor)), float(top) + 0.3])
    return figures.base_layout(fig, title, height=360)


# the words ``step_figure`` needs (rmsprop.fig.*), plus w and b
STEP_LABELS = ("run", "x_prev", "rms_step", "gd_step", "x_new")


def step_figure(update, path, gd_lr: float, *, box, labels) -> go.Figure:
    """RMSprop's update of step k (``update``: the lesson's ``Update``, live) on the (w, b)
    plane: the whole run faint, the point x_{k−1}, the step RMSprop takes from it (an arrow to
    x_k: each coordinate moved by −α·g/(√s + ε)) and, dotted, the step −α_GD·g plain gradient
    descent would take from the same point. Not animated: the page's step slider picks k and
    the formula beside it shows the same step. ``box`` fixes the axes."""
    path = np.asarray(path, dtype=np.float64)
    k = update.k
    x_prev, x_new = path[k - 1], path[k]
    g = np.array([c.g for c in update.coords])
    plain = x_prev - gd_lr * g
    fig = go.Figure()
    whole = _held(path)
    fig.add_trace(
        go.Scatter(
            x=whole[:, 0],
            y=whole[:, 1],
            mode="lines+markers",
            name=labels["run"],
            opacity=figures.FAINT,
            line=dict(color=figures.COLORS["rmsprop"], width=1),
            marker=dict(color=figures.COLORS["rmsprop"], size=4),
            hoverinfo="skip",
        )
    )
    arrow = dict(symbol="arrow", angleref="previous", size=[0, 15])
    for end, name, color, dash in (
        (plain, labels["gd_step"], figures.COLORS["gd"], "dot"),
        (x_new, labels["rms_step"], figures.COLORS["rmsprop"], "solid"),
    ):
        fig.add_trace(
            go.Scatter(
                x=[float(x_prev[0]), float(end[0])],
                y=[float(x_prev[1]), float(end[1])],
                mode="lines+markers",
                name=name,
                line=dict(color=color, width=3, dash=dash),
                marker=arrow | dict(color=color),
            )
        )
    accent = figures.COLORS["accent"]
    for point, name, fill in (
        (x_prev, labels["x_prev"], accent),
        (x_new, labels["x_new"], "white"),
    ):
        fig.add_trace(
            go.Scatter(
                x=[float(point[0])],
                y=[float(point[1])],
                mode="markers",
                name=name,
                marker=dict(color=fill, size=11, line=dict(color=accent, width=2)),
            )
        )
    (w_lo, w_hi), (b_lo, b_hi) = figures.ranges_around(path, box)
    fig.update_xaxes(title=labels["w"], range=[w_lo, w_hi], constrain="domain")
    fig.update_yaxes(title=labels["b"], range=[b_lo, b_hi], scaleanchor="x", scaleratio=1)
    return figures.base_layout(fig, None, height=420).update_layout(legend_font_size=12)


# -- the page's figures from the lesson's results (what ui/cached.py builds and shares) ---------


def _both(names, gd, rms) -> dict:
    """``{name: (values, colour)}`` of the two runs, each in its optimizer's colour."""
    return {
        names["gd"]: (gd, figures.COLORS["gd"]),
        names["rmsprop"]: (rms, figures.COLORS["rmsprop"]),
    }


def frame_notes(run, start: str, note: str) -> list[str]:
    """The numbers of every frame of the valley's animation (``run``: the lesson's ``Valley``),
    written into the translated templates ``start`` (fields w, b: frame 0) and ``note``
    (k, rate_w, rate_b), three significant digits."""
    w0, b0 = run.rms_path[0]
    return [start.format(w=num(w0, 3), b=num(b0, 3))] + [
        note.format(k=j, rate_w=num(rate_w, 3), rate_b=num(rate_b, 3))
        for j, (rate_w, rate_b) in enumerate(run.rates[1:], start=1)
    ]


def valley_of(run, *, names, labels, notes, title) -> go.Figure:
    """:func:`valley` of the lesson's ``Valley`` ``run``: both paths, animated with ``notes``."""
    runs = _both(names, run.gd_path, run.rms_path)
    return valley(*run.grid, runs, labels=labels, notes=notes, title=title)


def cost_of(run, *, names, floor, **words) -> go.Figure:
    """:func:`cost` of the lesson's ``Valley`` ``run`` (``words``: target_label, xlabel, ylabel,
    title)."""
    curves = _both(names, run.gd_loss, run.rms_loss)
    return cost(run.steps, curves, target=run.target, floor=floor, **words)


def per_coordinate_of(rates, which: str, *, names, gd, **words) -> go.Figure:
    """:func:`per_coordinate` of the lesson's ``Rates``: ``which`` is "sqrt_s" (√s) or "rates"
    (α/(√s + ε), with plain GD's one rate, named ``gd``, as a flat line)."""
    values = rates.sqrt_s if which == "sqrt_s" else rates.rates
    line = (rates.gd_lr, gd, figures.COLORS["gd"]) if which == "rates" else None
    color = figures.COLORS["rmsprop"]
    return per_coordinate(
        rates.steps, values[:, 0], values[:, 1], color=color, names=names, gd=line, **words
    )


def distance_of(near, *, names, floor, **words) -> go.Figure:
    """:func:`distance` of the lesson's ``NearMinimum`` (``words``: lr_label, axes, title)."""
    curves = _both(names, near.gd_distance, near.rms_distance)
    return distance(near.steps, curves, lr=near.lr, floor=floor, **words)
