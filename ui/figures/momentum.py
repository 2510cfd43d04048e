"""Figures of the momentum page (pure Plotly, no Streamlit; labels come translated).

Gradient descent and momentum take their colours from ``ui.figures.COLORS``; raw gradients
are ``COLORS["data"]``, marks (start, target, zero line) ``COLORS["accent"]``. Colours of
its own: :data:`OTHER`, the light grey of the sweep's βs other than the chosen one, and the
grey shades :data:`MAP_SCALE` of the maps, which leave the blue and orange paths the only
colour on a map (Viridis's blues and greens hid them).

Each figure is built once per setting and shared by every visitor (``ui/cached.py``
freezes it): everything about a figure happens here, never in the page. Arrays go in as
float32 (:func:`lean`): half the bytes of float64 and still exact to about 6·10⁻⁸ of each
value; NaN (after a divergence) stays NaN, which Plotly draws as a gap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui import figures
from ui.figures import COLORS, lean
from ui.numbers import text as num

OTHER = "#BBBBBB"  # light grey: the βs of the sweep other than the chosen one (not in PALETTE)
MAP_SCALE = figures.MAP_SCALE  # the maps' grey cost (no hue, so every path stands out on it)

HEAD = figures.HEAD  # points of recent path each animation frame carries
NUMBERED = 4  # the direction maps write the step number next to the first points (0 … 3)


def race_notes(race, note: str) -> list[str]:
    """The costs of both runs at every step of a ``Race``, written into the translated template
    ``note`` (fields k, gd, m): one per animation frame."""
    return [
        note.format(k=i, gd=num(a, 3), m=num(b, 3))
        for i, (a, b) in enumerate(zip(race.gd_loss, race.m_loss, strict=True))
    ]


def race(xs, ys, z, gd_xy, m_xy, *, start, labels: Mapping[str, str], notes: Sequence[str]):
    """Both paths on the valley's contour map, animated in the browser.

    ``gd_xy`` / ``m_xy`` are ``(n, 2)`` points (NaN after a divergence, which ends the
    line; points far outside the box are simply clipped by the fixed axes).
    """
    xs, ys, gd_xy, m_xy = lean(xs), lean(ys), lean(gd_xy), lean(m_xy)
    fig = _map(xs, ys, z, start=start, minimum=(0.0, 0.0), labels=labels)
    first = len(fig.data)
    figures.add_path(fig, gd_xy, name=labels["gd"], color=COLORS["gd"])
    figures.add_path(fig, m_xy, name=labels["momentum"], color=COLORS["momentum"])
    fig.update_xaxes(title=labels["w"])
    fig.update_yaxes(title=labels["b"])
    fig.update_layout(height=470)
    figures.animate_paths(
        fig,
        [(gd_xy, first), (m_xy, first + 1)],
        labels=labels,
        annotations=notes,
    )
    figures.shorter_heads(fig)
    # The start sits at the top left, where the step note goes by default: move the
    # note (in the figure and in every frame) to the plot's bottom right corner.
    corner = dict(
        x=float(xs[-1]), y=float(ys[0]), xref="x", yref="y", xanchor="right", yanchor="bottom"
    )
    fig.update_layout(annotations=[figures.frame_note(notes[-1], **corner)])
    for frame, note in zip(fig.frames, notes, strict=False):
        frame.layout.annotations = [figures.frame_text(note)]
    return fig


def _map(xs, ys, z, *, start, minimum, labels, title=None) -> go.Figure:
    """The grey contour map of a cost with its minimum (a white star) and the start."""
    fig = figures.contour(xs, ys, z, log_scale=True, title=title)
    fig.update_traces(showscale=False, colorscale=MAP_SCALE, selector=dict(type="contour"))
    fig.add_trace(
        go.Scatter(
            x=[float(minimum[0])],
            y=[float(minimum[1])],
            mode="markers",
            name=labels["minimum"],
            marker=dict(symbol="star", size=16, color="white", line=dict(width=2)),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[float(start[0])],
            y=[float(start[1])],
            mode="markers",
            name=labels["start"],
            marker=dict(symbol="circle-open", size=14, color=COLORS["accent"], line=dict(width=3)),
        )
    )
    return fig


def direction_map(view, *, labels: Mapping[str, str], title: str, equal: bool) -> go.Figure:
    """Plain descent's first steps on one cost (``view``: the lesson's ``View``), not animated:
    the zig-zag shows along whichever direction is steep. ``equal=False`` lets each axis
    take its own scale (the tips valley is about 50 times narrower in w than in b)."""
    xs, ys, z = view.grid
    path = lean(view.path)
    fig = _map(lean(xs), lean(ys), z, start=view.path[0], minimum=view.minimum, labels=labels)
    numbers = [str(k) if k < NUMBERED else "" for k in range(len(path))]
    fig.add_trace(
        go.Scatter(
            x=path[:, 0],
            y=path[:, 1],
            mode="lines+markers+text",
            name=labels["gd"],
            line=dict(color=COLORS["gd"], width=2),
            marker=dict(color=COLORS["gd"], size=5),
            text=numbers,  # the first steps numbered, above and below in turn: the back and forth
            textposition=["top center" if k % 2 else "bottom center" for k in range(len(path))],
            textfont=dict(color=COLORS["gd"], size=13),
        )
    )
    fig.update_xaxes(title=labels["w"])
    fig.update_yaxes(title=labels["b"])
    if not equal:
        fig.update_xaxes(constrain=None)
        fig.update_yaxes(scaleanchor=None, scaleratio=None)
    fig.update_layout(legend_font_size=12)
    return figures.base_layout(fig, title, height=400)


def costs(gd_loss, m_loss, *, target: float, reached: Mapping[str, int], labels):
    """Cost per step of both runs on a log axis, with the target line and where each got there."""
    steps = np.arange(len(gd_loss))
    fig = figures.loss_curves(
        {
            labels["gd"]: (steps, lean(gd_loss), COLORS["gd"]),
            labels["momentum"]: (steps, lean(m_loss), COLORS["momentum"]),
        },
        xlabel=labels["step"],
        ylabel=labels["cost"],
        log_y=True,
        title=labels.get("cost_title"),
    )
    fig.add_hline(y=target, line=dict(color=COLORS["accent"], dash="dash", width=1))
    # add_hline's own annotation lands at the wrong height on a log axis: a log axis
    # takes annotation positions as log10 of the value
    fig.add_annotation(
        x=1,
        xref="paper",
        xanchor="right",
        y=float(np.log10(target)),
        yanchor="bottom",
        text=labels["target"],
        showarrow=False,
        font=dict(color=COLORS["accent"]),
    )
    for key in ("gd", "momentum"):
        k = reached.get(key, -1)
        if 0 <= k < len(steps):
            fig.add_vline(x=k, line=dict(color=COLORS[key], dash="dot", width=2))
    fig.update_layout(height=380 if labels.get("cost_title") else 340)
    return fig


def components(
    g, v, *, g_plain=None, first: int, labels: Mapping[str, str], title: str, height: int = 320
):
    """One coordinate per step: the raw gradient g_k and the velocity v_k (and, faint,
    the gradient plain descent saw), with the first ``first`` updates shaded."""
    k = np.arange(1, len(g) + 1)
    g, v = lean(g), lean(v)
    fig = go.Figure()
    fig.add_vrect(
        x0=0.5,
        x1=min(first, len(g)) + 0.5,
        fillcolor=COLORS["accent"],
        opacity=0.06,
        line_width=0,
    )
    if g_plain is not None:
        fig.add_trace(
            go.Scatter(
                x=k,
                y=lean(g_plain),
                mode="lines",
                name=labels["g_plain"],
                line=dict(color=COLORS["gd"], width=1, dash="dot"),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=k,
            y=g,
            mode="lines+markers",
            name=labels["g"],
            line=dict(color=COLORS["data"], width=1),
            marker=dict(size=4, color=COLORS["data"]),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=k, y=v, mode="lines", name=labels["v"], line=dict(color=COLORS["momentum"], width=3)
        )
    )
    fig.add_hline(y=0, line=dict(color=COLORS["accent"], width=1))
    # open on the first 2·first steps, where the story happens (zoom out to see all)
    fig.update_xaxes(title=labels["step"], range=[0, min(len(g), 2 * first) + 0.5])
    return figures.base_layout(fig, title, height=height)


def sweep(rows, *, chosen: float, labels: Mapping[str, str]):
    """Steps to the target for each β (bars); runs that diverged or never got there get a
    hatched bar a little above the tallest real one, with a word instead of a number.
    β = 0 is plain gradient descent (its blue), the chosen β momentum's orange, the rest
    grey. ``labels`` may hold the chart's "title"."""
    names = [f"{b:g}" for b, _, _ in rows]
    finite = [steps for _, steps, diverged in rows if diverged < 0 and steps >= 0]
    stand_in = 1.1 * max(finite) if finite else 1.0  # height of a bar that never got there
    heights, texts, colors, patterns = [], [], [], []
    for b, steps, diverged in rows:
        if diverged > 0 or steps < 0:
            heights.append(stand_in)
            texts.append(labels["diverged"] if diverged > 0 else labels["not_reached"])
            patterns.append("/")
        else:
            heights.append(steps)
            texts.append(str(steps))
            patterns.append("")
        colors.append(COLORS["gd"] if b == 0 else COLORS["momentum"] if b == chosen else OTHER)
    fig = go.Figure(
        go.Bar(
            x=names,
            y=heights,
            text=texts,
            textposition="outside",
            cliponaxis=False,
            name=labels["steps"],
            marker=dict(color=colors, pattern=dict(shape=patterns, fgcolor=COLORS["data"])),
        )
    )
    fig.update_xaxes(title=labels["beta"], type="category")
    fig.update_yaxes(title=labels["steps"], rangemode="tozero")
    fig.update_layout(showlegend=False)
    titled = "title" in labels
    fig = figures.base_layout(fig, labels.get("title"), height=340 if titled else 300)
    return fig.update_layout(margin_t=50 if titled else 20)  # no legend to make room for


# the words ``step_figure`` needs (momentum.fig.*), plus w and b
STEP_LABELS = ("run", "x_prev", "v_step", "g_step", "x_new")


def step_figure(rule, path, *, box, labels: Mapping[str, str]) -> go.Figure:
    """Momentum's update of step k (``rule``: the lesson's ``Rule``) on the (w, b) plane: the
    whole run faint, the point x_{k−1}, the step −α·v_k that momentum takes from it (an arrow
    to x_k) and, dotted, the step −α·g_k plain descent would take from the same point. Not
    animated: the page's step slider picks k, and the formulas beside it show the same step.
    ``box`` = ((w_min, w_max), (b_min, b_max)) fixes the axes, so moving k never rescales."""
    x_prev, x_new = np.asarray(rule.x_prev, float), np.asarray(rule.x_new, float)
    plain = x_prev - rule.lr * np.asarray(rule.g, float)
    fig = go.Figure()
    whole = lean(path)
    fig.add_trace(
        go.Scatter(
            x=whole[:, 0],
            y=whole[:, 1],
            mode="lines+markers",
            name=labels["run"],
            opacity=figures.FAINT,
            line=dict(color=COLORS["momentum"], width=1),
            marker=dict(color=COLORS["momentum"], size=4),
            hoverinfo="skip",
        )
    )
    arrow = dict(symbol="arrow", angleref="previous", size=[0, 15])
    for end, name, color, dash in (
        (plain, labels["g_step"], COLORS["gd"], "dot"),
        (x_new, labels["v_step"], COLORS["momentum"], "solid"),
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
    for point, name, fill in (
        (x_prev, labels["x_prev"], COLORS["accent"]),
        (x_new, labels["x_new"], "white"),
    ):
        fig.add_trace(
            go.Scatter(
                x=[float(point[0])],
                y=[float(point[1])],
                mode="markers",
                name=name,
                marker=dict(color=fill, size=11, line=dict(color=COLORS["accent"], width=2)),
            )
        )
    (w_lo, w_hi), (b_lo, b_hi) = figures.ranges_around(path, box)
    fig.update_xaxes(title=labels["w"], range=[w_lo, w_hi], constrain="domain")
    fig.update_yaxes(title=labels["b"], range=[b_lo, b_hi], scaleanchor="x", scaleratio=1)
    return figures.base_layout(fig, None, height=420).update_layout(legend_font_size=12)
