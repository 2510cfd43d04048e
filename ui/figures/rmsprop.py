"""Figures and formulas of the RMSprop page (pure Plotly / LaTeX strings, no Streamlit).

Labels arrive translated. Arrays are written into the figures as plain lists (a few
hundred points each), so the specs stay readable in tests.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from ui import figures
from ui.numbers import latex as num

W_DASH, B_DASH = "solid", "dash"


def _list(a) -> list:
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(a, dtype=float)]


RULE = (
    r"s \leftarrow \beta\, s + (1-\beta)\, g^{2}, \qquad "
    r"x \leftarrow x - \frac{\alpha}{\sqrt{s}+\varepsilon}\, g"
)


def latex_update(k: int, lr: float, beta: float, eps: float, coords) -> str:
    """The update of step ``k`` for each coordinate with its live numbers.

    ``coords`` holds ``(name, g, s_prev, s, rate, step)`` per coordinate.
    """
    lines = []
    for name, g, s_prev, s, rate, step in coords:
        lines.append(
            rf"g_{name} &= {num(g)}, & s_{name} &= {num(beta, 6)}\cdot {num(s_prev)}"
            rf" + {num(1 - beta, 6)}\cdot ({num(g)})^{{2}} = {num(s)}, &"
            rf"\sqrt{{s_{name}}} &= {num(math.sqrt(s) if s >= 0 else float('nan'))}"
        )
        lines.append(
            rf"& & \frac{{\alpha}}{{\sqrt{{s_{name}}}+\varepsilon}} &= "
            rf"\frac{{{num(lr)}}}{{{num(math.sqrt(s) if s >= 0 else float('nan'))}"
            rf" + {num(eps)}}} = {num(rate)}, &"
            rf"\Delta {name} &= -{num(rate)}\cdot({num(g)}) = {num(step)}"
        )
    body = r" \\[4pt] ".join(lines)
    return rf"k = {k}: \quad \begin{{aligned}}{body}\end{{aligned}}"


def latex_first_step(lr: float, beta: float, eps: float, predicted, measured) -> tuple[str, str]:
    """First step: the closed form α·|g|/(√(1−β)|g|+ε) ≈ α/√(1−β), then the run's move
    (two lines, so neither overflows a narrow page)."""
    approx = lr / math.sqrt(1 - beta)
    formula = (
        rf"|\Delta x_1| = \frac{{\alpha\,|g_1|}}{{\sqrt{{1-\beta}}\,|g_1|+\varepsilon}}"
        rf" \approx \frac{{\alpha}}{{\sqrt{{1-\beta}}}} = \frac{{{num(lr)}}}"
        rf"{{\sqrt{{{num(1 - beta, 6)}}}}} = {num(approx)}"
    )
    run = (
        rf"|\Delta w_1| = {num(measured[0])},\ |\Delta b_1| = {num(measured[1])}"
        rf"\qquad \frac{{\alpha\,|g_1|}}{{\sqrt{{1-\beta}}\,|g_1|+\varepsilon}}:\ "
        rf"{num(predicted[0])},\ {num(predicted[1])}"
    )
    return formula, run


def latex_ratio(kappa: float, k: int, rate_w: float, rate_b: float) -> str:
    """Ratio of the two effective rates at step k against the condition number."""
    ratio = rate_w / rate_b if rate_b > 0 else float("nan")
    return (
        rf"\frac{{\alpha/(\sqrt{{s_w}}+\varepsilon)}}{{\alpha/(\sqrt{{s_b}}+\varepsilon)}}"
        rf"\Big|_{{k={k}}} = \frac{{{num(rate_w)}}}{{{num(rate_b)}}} = {num(ratio, 3)}"
        rf"\qquad \kappa = {num(kappa, 3)}"
    )


def valley(xs, ys, z, runs, *, labels, title, notes=None, wlabel="w", blabel="b") -> go.Figure:
    """GD and RMSprop on one contour map, animated in the browser.

    ``runs = {name: (xy (n, 2), color)}``; ``notes[k]`` (optional) is the text shown in the
    bottom-right corner at frame k (the numbers of that step), away from the paths' start.
    """
    fig = figures.contour(xs, ys, z, log_scale=True, title=title)
    first = len(fig.data)
    for name, (xy, color) in runs.items():
        figures.add_path(fig, xy, name=name, color=color)
    paths = [(xy, first + i) for i, (xy, _) in enumerate(runs.values())]
    figures.animate_paths(fig, paths, labels=labels)
    if notes is not None:
        # in data coordinates: the map is narrower than the paper (equal axis scales)
        where = dict(
            xref="x", yref="y", x=float(xs[-1]), y=float(ys[0]), xanchor="right", yanchor="bottom"
        )
        for frame, note in zip(fig.frames, notes, strict=False):
            frame.layout = go.Layout(annotations=[figures.frame_note(note, **where)])
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
                x=_list(steps),
                y=_list(values),
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
        shown = np.where(np.asarray(values) > 0, values, np.nan)
        fig.add_trace(
            go.Scatter(
                x=_list(steps), y=_list(shown), name=name, mode="lines", line=dict(color=color)
            )
        )
    fig.add_hline(
        y=y, line=dict(color="#555", dash="dot"), annotation_text=label, annotation_position=where
    )
    fig.update_xaxes(title=xlabel)
    fig.update_yaxes(title=ylabel, type="log", exponentformat="power")
    return figures.base_layout(fig, title, height=360)
