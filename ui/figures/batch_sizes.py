"""Figures, formulas and the highlighted data table of the batch-sizes page (no Streamlit).

Labels arrive already translated; LaTeX is built here so the page stays thin. The marker-pen
highlight is KaTeX's ``\\colorbox`` around the part of the gradient that sums over rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.figures import COLORS, base_layout
from ui.numbers import latex as num

MARKER = "#FFE93B"  # marker-pen yellow, in the formula and in the table
CHOSEN = COLORS["noisy"]  # the chosen batch size
FULL = COLORS["gd"]  # full batch
OPTIMUM = "#555555"


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """The shared look, with room between the title and the legend above the plot."""
    base_layout(fig, title, height=height)
    fig.update_layout(
        margin=dict(t=84),
        title=dict(y=0.985, yanchor="top", yref="container"),
    )
    return fig


def marker(tex: str) -> str:
    r"""``tex`` in a yellow ``\colorbox``, like a marker pen on paper."""
    return rf"\colorbox{{{MARKER}}}{{$\displaystyle {tex}$}}"


def latex_cost(task: str, m: int, l2: float) -> str:
    """The full-data cost with m filled in."""
    if task == "regression":
        return (
            rf"C(w,b) = \frac{{1}}{{2\cdot {m}}} \sum_{{i=1}}^{{{m}}}"
            r"\left(w\cdot x^{(i)} + b - y^{(i)}\right)^2"
        )
    return (
        rf"C(w,b) = \frac{{1}}{{{m}}} \sum_{{i=1}}^{{{m}}} \Big[-y^{{(i)}}\log \hat y^{{(i)}}"
        r" - (1-y^{(i)})\log(1-\hat y^{(i)})\Big]"
        rf" + \frac{{{num(l2)}}}{{2}}\lVert w\rVert^2,\quad \hat y^{{(i)}} = \sigma(w\cdot x^{{(i)}}+b)"
    )


def _residual(task: str) -> str:
    if task == "regression":
        return r"\left(w\cdot x^{(i)} + b - y^{(i)}\right)"
    return r"\left(\sigma(w\cdot x^{(i)} + b) - y^{(i)}\right)"


def latex_full_gradient(task: str, m: int, j: int, l2: float, value: float) -> str:
    """The gradient of one weight, summed over all m rows, with its value now."""
    ridge = rf" + {num(l2)}\,w_{{{j}}}" if task == "classification" else ""
    return (
        rf"\frac{{\partial C}}{{\partial w_{{{j}}}}} = \frac{{1}}{{{m}}}\sum_{{i=1}}^{{{m}}}"
        rf"{_residual(task)}\,x^{{(i)}}_{{{j}}}{ridge} = {num(value)}"
    )


def latex_batch_gradient(task: str, batch: int, j: int, l2: float, value: float, t: int) -> str:
    """The mini-batch gradient: the sum over m becomes a highlighted sum over the batch."""
    ridge = rf" + {num(l2)}\,w_{{{j}}}" if task == "classification" else ""
    summed = marker(rf"\frac{{1}}{{{batch}}}\sum_{{i \in B_{{{t}}}}}")
    return (
        rf"g_{{{j}}} = {summed}"
        rf"{_residual(task)}\,x^{{(i)}}_{{{j}}}{ridge} = {num(value)}"
    )


def latex_update(j: int, lr: float, w_before: float, g: float) -> str:
    """The step on weight j with the live numbers."""
    after = w_before - lr * g
    return (
        rf"w_{{{j}}} \leftarrow w_{{{j}}} - \alpha\, g_{{{j}}} = {num(w_before)} - {num(lr)}"
        rf"\times ({num(g)}) = {num(after)}"
    )


# -- the data table -----------------------------------------------------------------------------
def batch_table(
    X: np.ndarray,
    y: np.ndarray,
    feature_names: Sequence[str],
    target_name: str,
    order: np.ndarray,
    start: int,
    stop: int,
    *,
    position_label: str,
    row_label: str,
    pad: int = 5,
    max_rows: int = 200,
):
    """Rows of X in this epoch's shuffled order around the batch ``order[start:stop]``.

    Returns ``(styler, first, last)``: a pandas Styler with the batch's rows highlighted in
    marker yellow, and the 1-based positions of the first and last shown row.
    """
    first = max(0, start - pad)
    last = min(len(order), stop + pad, first + max_rows)
    shown = order[first:last]
    frame = pd.DataFrame(np.round(X[shown], 3), columns=[str(c) for c in feature_names])
    frame.insert(0, row_label, shown + 1)
    frame.insert(0, position_label, np.arange(first, last) + 1)
    frame[str(target_name)] = np.round(y[shown], 3)
    in_batch = (np.arange(first, last) >= start) & (np.arange(first, last) < stop)

    def paint(row):
        style = f"background-color: {MARKER}; color: #000; font-weight: 600"
        return [style if in_batch[row.name] else ""] * len(row)

    styler = frame.style.apply(paint, axis=1).format(precision=3)
    return styler, first + 1, last


# -- curves -----------------------------------------------------------------------------------
def cost_curve(
    runs: Sequence[tuple[str, np.ndarray, np.ndarray, str]],
    *,
    optimum: float,
    optimum_label: str,
    xlabel: str,
    ylabel: str,
    title: str,
    log_x: bool = False,
) -> go.Figure:
    """Full-data cost against some measure of progress: ``runs = [(name, x, cost, color)]``.

    A dashed line marks the optimum. The y axis is the plain cost on a log scale (the gap
    ``cost − optimum`` would hide where the runs start).
    """
    fig = go.Figure()
    for name, x, cost, color in runs:
        fig.add_trace(
            go.Scatter(x=x, y=cost, mode="lines", name=name, line=dict(color=color, width=2))
        )
    xs = np.concatenate([np.asarray(x, dtype=float) for _, x, _, _ in runs])
    xs = xs[np.isfinite(xs)]
    span = [float(xs.min()), float(xs.max())] if xs.size else [0.0, 1.0]
    fig.add_trace(  # a trace, not add_hline: its label would be misplaced on a log axis
        go.Scatter(
            x=span,
            y=[optimum, optimum],
            mode="lines",
            name=optimum_label,
            line=dict(color=OPTIMUM, dash="dash", width=1.5),
            hoverinfo="skip",
        )
    )
    values = np.concatenate([np.asarray(c, dtype=float) for _, _, c, _ in runs] + [[optimum]])
    values = values[np.isfinite(values) & (values > 0)]
    fig.update_xaxes(title=xlabel, type="log" if log_x else "linear")
    fig.update_yaxes(title=ylabel, type="log")
    if values.size:
        low, high = np.log10(values.min()) - 0.05, np.log10(values.max()) + 0.05
        fig.update_yaxes(range=[low, high])
        if high - low > 1.5:
            fig.update_yaxes(dtick=1)  # powers of ten only, when there are several
    return _layout(fig, title, 330)


def contour_paths(
    ws,
    bs,
    z,
    paths: Mapping[str, tuple[np.ndarray, str]],
    optimum: np.ndarray,
    *,
    xlabel: str,
    ylabel: str,
    optimum_label: str,
    start_label: str,
    title: str,
) -> go.Figure:
    """Full-data cost of ``(w, b)`` as a contour map with training paths on it."""
    shown = np.log10(z - np.nanmin(z) + 1e-3 * (np.nanmax(z) - np.nanmin(z)) + 1e-12)
    fig = go.Figure(
        go.Contour(
            x=ws,
            y=bs,
            z=shown.astype(np.float32),
            colorscale="Viridis",
            ncontours=25,
            contours=dict(showlines=True, coloring="fill"),
            line=dict(width=0.5),
            showscale=False,
            hoverinfo="skip",
            opacity=0.85,
        )
    )
    for name, (xy, color) in paths.items():
        fig.add_trace(
            go.Scatter(
                x=xy[:, 0],
                y=xy[:, 1],
                mode="lines+markers",
                name=name,
                line=dict(color=color, width=2),
                marker=dict(color=color, size=4),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[0.0],
            y=[0.0],
            mode="markers",
            name=start_label,
            marker=dict(symbol="circle-open", size=12, color="white", line=dict(width=2)),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[optimum[0]],
            y=[optimum[1]],
            mode="markers",
            name=optimum_label,
            marker=dict(symbol="star", size=15, color="white", line=dict(width=1.5, color="black")),
        )
    )
    fig.update_xaxes(title=xlabel, range=[ws[0], ws[-1]])
    fig.update_yaxes(title=ylabel, range=[bs[0], bs[-1]])
    return _layout(fig, title, 540)


def sweep_figure(
    sizes: Sequence[int],
    to_target: Sequence[float],
    per_epoch: Sequence[float],
    floors: Sequence[float],
    *,
    chosen: int | None,
    labels: Mapping[str, str],
    title: str,
) -> go.Figure:
    """Seconds to the target and seconds per epoch against batch size (log-log).

    ``to_target`` is NaN where the target was not reached; those batch sizes are marked
    above the curve with their floor (``labels["not_reached"]`` takes ``{floor}``).
    """
    sizes = np.asarray(sizes)
    tt = np.asarray(to_target, dtype=float) * 1e3
    pe = np.asarray(per_epoch, dtype=float) * 1e3
    ok = np.isfinite(tt)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=sizes[ok],
            y=tt[ok],
            mode="lines+markers",
            name=labels["to_target"],
            line=dict(color=CHOSEN, width=3),
            marker=dict(size=9),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=sizes,
            y=pe,
            mode="lines+markers",
            name=labels["per_epoch"],
            line=dict(color=FULL, width=2, dash="dot"),
            marker=dict(size=7, symbol="square"),
        )
    )
    top = np.nanmax(np.concatenate([tt[ok], pe])) if np.isfinite(pe).any() else 1.0
    if (~ok).any():
        fig.add_trace(
            go.Scatter(
                x=sizes[~ok],
                y=np.full((~ok).sum(), top * 2.0),
                mode="markers+text",
                name=labels["not_reached_name"],
                marker=dict(symbol="x", size=11, color=COLORS["accent"]),
                text=[
                    labels["not_reached"].format(floor=f"{f:.1%}") for f in np.asarray(floors)[~ok]
                ],
                textposition="bottom center",
                textfont=dict(size=11),
            )
        )
    if ok.any():
        k = int(np.nanargmin(np.where(ok, tt, np.inf)))
        fig.add_annotation(
            x=np.log10(sizes[k]),
            y=np.log10(tt[k]),
            text=labels["fastest"],
            showarrow=True,
            arrowhead=2,
            ay=40,
            font=dict(size=12),
        )
    if chosen is not None:
        fig.add_vline(x=chosen, line=dict(color="#999", dash="dash", width=1))
    fig.update_xaxes(
        title=labels["x"], type="log", tickvals=list(sizes), ticktext=[str(s) for s in sizes]
    )
    fig.update_yaxes(title=labels["y"], type="log", dtick=1)
    return _layout(fig, title, 440)
