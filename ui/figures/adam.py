"""Figures and formulas of the Adam page (pure: no Streamlit; labels come translated)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.figures import (
    COLORS,
    add_critical_points,
    add_path,
    animate_paths,
    base_layout,
    contour,
    surface,
)
from ui.numbers import latex as num

MOMENTUM = r"v_t = \beta_1\, v_{t-1} + (1-\beta_1)\, g_t"
RMSPROP = r"s_t = \beta_2\, s_{t-1} + (1-\beta_2)\, g_t^2"
CORRECTION = r"\hat v_t = \frac{v_t}{1-\beta_1^{\,t}},\qquad \hat s_t = \frac{s_t}{1-\beta_2^{\,t}}"
UPDATE = r"x_t = x_{t-1} - \alpha\,\frac{\hat v_t}{\sqrt{\hat s_t} + \varepsilon}"
FIRST_WITH = (
    r"\hat v_1 = g_1,\ \ \hat s_1 = g_1^2 \ \Rightarrow\ "
    r"|x_1 - x_0| = \frac{\alpha\,|g_1|}{|g_1| + \varepsilon} \approx \alpha"
)
FIRST_WITHOUT = (
    r"v_1 = (1-\beta_1)\,g_1,\ \ s_1 = (1-\beta_2)\,g_1^2 \ \Rightarrow\ "
    r"|x_1 - x_0| = \frac{\alpha\,(1-\beta_1)\,|g_1|}{\sqrt{1-\beta_2}\,|g_1| + \varepsilon}"
    r" \approx \frac{1-\beta_1}{\sqrt{1-\beta_2}}\,\alpha"
)
PIECE_COLORS = {"v": COLORS["momentum"], "s": COLORS["rmsprop"], "step": COLORS["adam"]}
LINE_COLOR = "#555555"
FLOOR = 1e-16  # cost gaps below this (round-off) are drawn on this line of the log plot


def par(x: float) -> str:
    """A number in parentheses when negative (for substituting into a formula)."""
    return rf"({num(x)})" if float(x) < 0 else num(x)


def _color(tex: str, color: str) -> str:
    return rf"\color{{{color}}}{{{tex}}}"


def latex_momentum(k: int, coord: str, b1: float, v_prev: float, g: float, v: float) -> str:
    return (
        rf"v_{{{k},{coord}}} = {num(b1)}\cdot {par(v_prev)} + {num(1 - b1)}\cdot {par(g)}"
        rf" = {_color(num(v), PIECE_COLORS['v'])}"
    )


def latex_rmsprop(k: int, coord: str, b2: float, s_prev: float, g: float, s: float) -> str:
    return (
        rf"s_{{{k},{coord}}} = {num(b2)}\cdot {num(s_prev)} + {num(1 - b2)}\cdot {par(g)}^2"
        rf" = {_color(num(s), PIECE_COLORS['s'])}"
    )


def latex_correction(
    k: int, coord: str, b1: float, b2: float, v: float, s: float, v_hat: float, s_hat: float
) -> str:
    return (
        rf"\hat v_{{{k},{coord}}} = \frac{{{num(v)}}}{{1-{num(b1)}^{{{k}}}}} = {num(v_hat)},"
        rf"\quad \hat s_{{{k},{coord}}} = \frac{{{num(s)}}}{{1-{num(b2)}^{{{k}}}}} = {num(s_hat)}"
    )


def latex_step(
    k: int, coord: str, lr: float, num_top: float, den: float, eps: float, step: float, bc: bool
) -> str:
    """The update of one coordinate with the averages the run used (corrected or not)."""
    top, bottom = (r"\hat v", r"\hat s") if bc else ("v", "s")
    return (
        rf"{coord}_{{{k}}} - {coord}_{{{k - 1}}} = -\alpha\,\frac{{{top}_{{{k},{coord}}}}}"
        rf"{{\sqrt{{{bottom}_{{{k},{coord}}}}} + \varepsilon}}"
        rf" = -{num(lr)}\cdot\frac{{{par(num_top)}}}{{\sqrt{{{num(den)}}} + {num(eps)}}}"
        rf" = {_color(num(step), PIECE_COLORS['step'])}"
    )


def latex_first(lr: float, measured: float, formula_value: float, bc: bool, coord: str) -> str:
    """First step of the chosen mode: the formula and its value, then the move measured in the run."""
    head = FIRST_WITH if bc else FIRST_WITHOUT
    size = abs(measured)
    return (
        rf"{head} = {num(formula_value)}"
        rf"\\[6pt] {coord}_1 - {coord}_0 = {num(measured)}"
        rf"\ \Rightarrow\ |{coord}_1 - {coord}_0| = {_color(num(size), PIECE_COLORS['step'])}"
        rf" = {num(size / lr, 4)}\,\alpha"
    )


def bias_closeup(
    t: np.ndarray,
    g: np.ndarray,
    v: np.ndarray,
    v_hat: np.ndarray,
    s: np.ndarray,
    s_hat: np.ndarray,
    *,
    labels: Mapping[str, str],
    height: int = 380,
) -> go.Figure:
    """Left: g, v and v̂ over the first steps; right: g², s and ŝ (one coordinate)."""
    fig = make_subplots(
        rows=1, cols=2, subplot_titles=(labels["left"], labels["right"]), horizontal_spacing=0.12
    )
    mom, rms = PIECE_COLORS["v"], PIECE_COLORS["s"]
    raw = dict(color="#9A9A9A", width=1.5, dash="dot")
    traces = [
        (1, t, g, labels["g"], raw, "lines+markers"),
        (1, t, v, labels["v"], dict(color=mom, width=2, dash="dash"), "lines"),
        (1, t, v_hat, labels["v_hat"], dict(color=mom, width=3), "lines"),
        (2, t, g * g, labels["g2"], raw, "lines+markers"),
        (2, t, s, labels["s"], dict(color=rms, width=2, dash="dash"), "lines"),
        (2, t, s_hat, labels["s_hat"], dict(color=rms, width=3), "lines"),
    ]
    for col, x, y, name, line, mode in traces:
        fig.add_trace(
            go.Scatter(x=x, y=y, name=name, mode=mode, line=line, marker=dict(size=4)),
            row=1,
            col=col,
        )
    fig.update_xaxes(title_text="t")
    base_layout(fig, height=height)
    fig.update_layout(
        legend=dict(orientation="h", yref="container", y=0, yanchor="bottom", x=0),
        margin=dict(t=40, b=90),
    )
    return fig


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
) -> go.Figure:
    """Contour map with the four paths animated together (NaN ends a diverged path)."""
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
    for name, (xy, color) in runs.items():
        add_path(fig, xy, name=name, color=color)
    paths = [(xy, first + i) for i, (xy, _) in enumerate(runs.values())]
    fig.update_layout(height=560)
    return animate_paths(fig, paths, labels=labels, annotations=annotations, frame_ms=60)


def race_costs(curves, *, xlabel: str, ylabel: str) -> go.Figure:
    """Cost above the minimum against step, log scale: ``{name: (steps, gap, color)}``."""
    fig = go.Figure()
    for name, (steps, gap, color) in curves.items():
        shown = np.where(np.isfinite(gap), np.maximum(gap, FLOOR), np.nan)
        fig.add_trace(
            go.Scatter(x=steps, y=shown, mode="lines", name=name, line=dict(color=color, width=2))
        )
    fig.update_xaxes(title=xlabel)
    fig.update_yaxes(title=ylabel, type="log", exponentformat="power")
    return base_layout(fig, height=360)


def height_of(z, log_height: bool):
    """What the 3-D view plots as height: f itself, or log10(1 + f − min) for steep surfaces."""
    z = np.asarray(z, dtype=np.float64)
    return np.log10(1.0 + np.maximum(z, 0.0)) if log_height else z


def race_surface(
    xs, ys, z, paths: Mapping[str, tuple[np.ndarray, np.ndarray, str]], *, camera, zlabel
) -> go.Figure:
    """3-D surface with each optimizer's whole path ``{name: (xy, height, color)}``."""
    fig = surface(xs, ys, z, camera=camera, zlabel=zlabel)
    lift = 0.02 * float(np.nanmax(z) - np.nanmin(z))  # keep the paths above the surface
    for name, (xy, h, color) in paths.items():
        add_path(fig, xy, name=name, color=color, z=np.asarray(h) + lift)
    fig.update_traces(selector=dict(type="scatter3d"), marker=dict(size=2.5), line=dict(width=7))
    fig.update_traces(selector=dict(type="surface"), opacity=0.6)  # see the paths through it
    return fig
