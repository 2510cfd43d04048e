"""Figures of the gradient-descent page (pure Plotly, no Streamlit).

``descent_figure`` puts the parabola C(W) with the tangent and the step arrow, the data with
the line y = W·x, and the cost per step in one figure, so a single Play button animates all
three in the browser (Plotly frames). Labels arrive translated.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui import figures
from ui.figures import lean

# Colours of this page's own meanings, outside ``figures.PALETTE`` (Paul Tol's muted scheme and
# neutrals): the run itself is gradient descent's blue, the data grey, minima black.
LESSON_COLORS = {
    "cost": "#555555",  # dark grey: the cost curve C(W)
    "tangent": "#AA4499",  # purple: the slope at the current W
    "step": "#CC6677",  # rose: the step −α·∂C/∂W
    "fill": "#FFFFFF",  # white: the inside of the minimum's star
}
STEP_COLOR = LESSON_COLORS["step"]
TANGENT_COLOR = LESSON_COLORS["tangent"]
GD = figures.COLORS["gd"]
ACCENT = figures.COLORS["accent"]
BEST_MARKER = dict(
    symbol="star", size=14, color=LESSON_COLORS["fill"], line=dict(width=2, color=ACCENT)
)


def _lean_grid(grid) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The axes as float32; ``z`` stays as it is (``figures.contour`` takes its log first and
    sends float32 itself, and so does ``figures.surface``)."""
    xs, ys, z = grid
    return lean(xs), lean(ys), z


def _note(text: str) -> dict:
    """The numbers of one frame, on one line between the legend and the panels."""
    return figures.frame_note(
        text, x=0.5, y=1.045, xanchor="center", yanchor="bottom", bgcolor="rgba(255,255,255,0.88)"
    )


def _title(text: str, x: float, y: float) -> dict:
    return dict(
        text=f"<b>{text}</b>",
        x=x,
        y=y,
        xref="paper",
        yref="paper",
        xanchor="center",
        yanchor="bottom",
        showarrow=False,
        font=dict(size=14),
    )


# the translated words ``descent_figure`` needs from the page's catalog (gradient_descent.fig.*)
DESCENT_LABELS = (
    "title_parabola",
    "title_data",
    "title_cost",
    "parabola",
    "best",
    "best_line",
    "data",
    "path",
    "tangent",
    "step_arrow",
    "current",
    "model",
    "cost_log",
)


def descent_figure(parabola, descent, *, labels, notes, frame_ms: int = 400) -> go.Figure:
    """The 1-D lesson as one animated figure, from the lesson's ``Parabola`` and ``Descent``.

    The figure starts at the step the lesson shows (the update W_k → W_{k+1}); ``notes[j]``
    is the annotation text of frame j (one per frame). ``labels`` holds the translated words
    of :data:`DESCENT_LABELS` plus cost, bill, tip, play, pause and step.
    """
    return _descent_figure(
        coefficients=(parabola.a, parabola.b, parabola.c),
        w_path=descent.w_path,
        loss_path=descent.loss_path,
        x=parabola.x,
        y=parabola.y,
        k=descent.shown,
        labels=labels,
        notes=notes,
        frame_ms=frame_ms,
    )


def _descent_figure(
    *, coefficients, w_path, loss_path, x, y, k, labels, notes, frame_ms: int
) -> go.Figure:
    """``coefficients`` = (a, b, c) of C(W) = aW² + bW + c; ``w_path`` and ``loss_path`` the run
    (NaN after divergence); ``k`` the step shown first."""
    a, b, c = coefficients
    w_star = -b / (2 * a)
    cost = lambda w: (a * w + b) * w + c  # noqa: E731
    slope = lambda w: 2 * a * w + b  # noqa: E731
    w_path = np.asarray(w_path, dtype=float)
    n_frames = len(notes)

    # fixed axes: the frames must not rescale the view, and a diverging run leaves it
    # the start and the first three steps fit; later points of a diverging run leave the view
    early = np.abs(w_path[:4] - w_star)
    reach = max(1.3 * float(np.max(early[np.isfinite(early)], initial=0.0)), 0.25)
    w_lo, w_hi = w_star - reach, w_star + reach
    ws = np.linspace(w_lo, w_hi, 301)
    c_top = float(cost(w_lo if abs(w_lo - w_star) > abs(w_hi - w_star) else w_hi))
    c_lo = cost(w_star)
    pad = 0.08 * (c_top - c_lo)
    half = 0.28 * reach  # half-width of the drawn tangent

    fig = make_subplots(
        rows=2,
        cols=2,
        specs=[[{}, {}], [{"colspan": 2}, None]],
        row_heights=[0.64, 0.36],
        vertical_spacing=0.16,
        horizontal_spacing=0.08,
    )
    # static traces
    fig.add_trace(
        go.Scatter(
            x=lean(ws),
            y=lean(cost(ws)),
            mode="lines",
            name=labels["parabola"],
            line=dict(color=LESSON_COLORS["cost"], width=3),
        ),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(
            x=[w_star],
            y=[c_lo],
            mode="markers",
            name=labels["best"],
            marker=BEST_MARKER,
        ),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(
            x=lean(x),
            y=lean(y),
            mode="markers",
            name=labels["data"],
            showlegend=False,
            marker=dict(color=figures.COLORS["data"], size=6, opacity=0.7),
        ),
        1,
        2,
    )
    x_line = np.array([0.0, float(np.max(x)) * 1.05])
    fig.add_trace(
        go.Scatter(
            x=x_line,
            y=w_star * x_line,
            mode="lines",
            name=labels["best_line"],
            line=dict(color=ACCENT, dash="dot", width=1.5),
        ),
        1,
        2,
    )
    steps = np.arange(len(loss_path), dtype=np.int32)
    fig.add_trace(
        go.Scatter(
            x=steps,
            y=lean(loss_path),
            mode="lines+markers",
            showlegend=False,
            name=labels["cost"],
            line=dict(color=GD),
            marker=dict(size=4),
        ),
        2,
        1,
    )
    first_dynamic = len(fig.data)

    def dynamic(j: int) -> list:
        wk = w_path[j]
        wn = w_path[j + 1] if j + 1 < len(w_path) else np.nan
        ck = cost(wk)
        done = w_path[: j + 1]
        tangent_x = np.array([wk - half, wk + half])
        return [
            go.Scatter(x=lean(done), y=lean(cost(done))),  # path so far
            go.Scatter(x=tangent_x, y=ck + slope(wk) * (tangent_x - wk)),  # tangent
            go.Scatter(x=[wk, wn], y=[ck, ck]),  # step arrow (horizontal: a change of W)
            go.Scatter(x=[wn, wn], y=[ck, cost(wn)]),  # drop to the new point
            go.Scatter(x=[wk], y=[ck]),  # current point
            go.Scatter(x=x_line, y=wk * x_line),  # the model y = W_k x
            go.Scatter(x=[j], y=[loss_path[j]]),  # current step on the cost curve
        ]

    styles = [
        dict(
            mode="lines+markers",
            name=labels["path"],
            line=dict(color=GD, width=1),
            marker=dict(color=GD, size=6),
            row=1,
            col=1,
        ),
        dict(
            mode="lines",
            name=labels["tangent"],
            line=dict(color=TANGENT_COLOR, width=3),
            row=1,
            col=1,
        ),
        dict(
            mode="lines+markers",
            name=labels["step_arrow"],
            line=dict(color=STEP_COLOR, width=4),
            marker=dict(symbol="arrow", angleref="previous", size=[0, 16], color=STEP_COLOR),
            row=1,
            col=1,
        ),
        dict(
            mode="lines",
            showlegend=False,
            line=dict(color=STEP_COLOR, width=1.5, dash="dot"),
            row=1,
            col=1,
        ),
        dict(
            mode="markers",
            name=labels["current"],
            marker=dict(color=ACCENT, size=12, line=dict(color=LESSON_COLORS["fill"], width=2)),
            row=1,
            col=1,
        ),
        dict(mode="lines", name=labels["model"], line=dict(color=GD, width=3), row=1, col=2),
        dict(mode="markers", showlegend=False, marker=dict(color=ACCENT, size=11), row=2, col=1),
    ]
    for trace, style in zip(dynamic(k), styles, strict=True):
        row, col = style.pop("row"), style.pop("col")
        trace.update(**style)
        fig.add_trace(trace, row, col)

    frame_traces = list(range(first_dynamic, len(fig.data)))
    titles = [
        _title(labels["title_parabola"], 0.23, 1.0),
        _title(labels["title_data"], 0.77, 1.0),
        _title(labels["title_cost"], 0.5, 0.34),
    ]
    fig.frames = [
        go.Frame(
            data=dynamic(j),
            traces=frame_traces,
            name=str(j),
            layout=dict(annotations=titles + [_note(notes[j])]),
        )
        for j in range(n_frames)
    ]
    fig.update_layout(
        annotations=titles + [_note(notes[k])],
        **figures.playback(n_frames, labels, frame_ms=frame_ms, active=k, y=-0.06, show_step=True),
    )
    fig.update_xaxes(title_text="W", range=[w_lo, w_hi], row=1, col=1)
    fig.update_yaxes(title_text=labels["cost"], range=[c_lo - pad, c_top + pad], row=1, col=1)
    fig.update_xaxes(title_text=labels["bill"], range=[0, float(x_line[1])], row=1, col=2)
    fig.update_yaxes(title_text=labels["tip"], range=[0, float(np.max(y)) * 1.1], row=1, col=2)
    fig.update_xaxes(title_text=labels["step"], range=[-0.5, len(loss_path) - 0.5], row=2, col=1)
    ok = loss_path[np.isfinite(loss_path)]
    log_lo = np.log10(max(float(np.min(ok)), 1e-12)) if ok.size else 0.0
    log_hi = np.log10(max(float(np.max(ok)), 1e-12)) if ok.size else 1.0
    fig.update_yaxes(
        title_text=labels["cost_log"],
        type="log",
        tickformat=".2~g",
        range=[log_lo - 0.2, log_hi + 0.2],
        row=2,
        col=1,
    )
    figures.base_layout(fig, height=780)
    fig.update_layout(
        margin=dict(l=10, r=10, t=110, b=110),
        legend=dict(orientation="h", y=1.1, yanchor="bottom", x=0),
    )
    return fig


def _controls_below(fig: go.Figure) -> go.Figure:
    """Put the Play buttons under the x-axis title and the frame slider on its own row below."""
    fig.layout.updatemenus[0].y = -0.13
    fig.layout.sliders[0].update(x=0.0, len=1.0, y=-0.13)  # under the buttons (SLIDER_DROP)
    fig.update_layout(margin=dict(b=185))
    return fig


def valley_contour(valley, *, labels, notes, frame_ms: int = 120) -> go.Figure:
    """Contour of C(w, b) (log-spaced levels) with the animated gradient-descent path.

    ``valley`` is the lesson's ``Valley``; ``labels`` holds best, path, play, pause and step.
    """
    path, optimum = lean(valley.path), valley.optimum
    fig = figures.contour(*_lean_grid(valley.grid), log_scale=True, colorbar_title="log₁₀")
    fig.add_trace(
        go.Scatter(
            x=[optimum[0]],
            y=[optimum[1]],
            mode="markers",
            name=labels["best"],
            marker=BEST_MARKER,
        )
    )
    figures.add_path(fig, path, name=labels["path"], color=GD)
    figures.animate_paths(
        fig, [(path, len(fig.data) - 1)], labels=labels, frame_ms=frame_ms, annotations=notes
    )
    fig.update_xaxes(title_text="w")
    fig.update_yaxes(title_text="b")
    fig.update_layout(height=630, legend=dict(y=1.02))
    return _controls_below(fig)


def valley_surface(valley, *, labels, camera, notes, frame_ms: int = 120) -> go.Figure:
    """3-D surface C(w, b) with the gradient-descent path animated on it (Plotly frames).

    The surface trace depends only on the grid, so it stays the same while the run changes.
    """
    path, path_cost, optimum, cost_star = valley.path, valley.loss, valley.optimum, valley.cost_star
    z = valley.grid.z
    fig = figures.surface(*_lean_grid(valley.grid), camera=camera, zlabel="C")
    fig.add_trace(
        go.Scatter3d(
            x=[optimum[0]],
            y=[optimum[1]],
            z=[cost_star],
            mode="markers",
            name=labels["best"],
            marker=dict(symbol="diamond", size=7, color=ACCENT),
        )
    )
    # lift the path a little above the surface so the surface does not hide it
    lifted = lean(np.asarray(path_cost) + 0.01 * float(np.nanmax(z) - np.nanmin(z)))
    path = lean(path)
    xyz = np.column_stack([path, lifted])
    figures.add_path(fig, path, name=labels["path"], color=GD, z=lifted)
    figures.animate_paths(
        fig, [(xyz, len(fig.data) - 1)], labels=labels, frame_ms=frame_ms, annotations=notes
    )
    fig.update_layout(scene=dict(xaxis_title="w", yaxis_title="b", zaxis_title="C"), height=630)
    return _controls_below(fig)
