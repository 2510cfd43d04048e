"""Figures of the gradient-descent page (pure Plotly, no Streamlit).

``descent_figure`` puts the parabola C(W) with the tangent and the step arrow, the data with
the line y = W·x, and the cost per step in one figure, so a single Play button animates all
three in the browser (Plotly frames, each with the numbers of its step). ``step_figure`` marks
one update W_k → W_{k+1} on the parabola, not animated: it stands beside the formulas of that
step. Labels and note templates arrive translated. The ``*_run`` builders take the page's
plain settings (what ``ui/cached.py`` keys the shared figures by) and run the lesson.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from optim_core.lessons import gradient_descent as lesson
from ui import figures
from ui.figures import lean
from ui.numbers import text as num

# Colours of this page's own meanings, outside ``figures.PALETTE`` (Paul Tol's muted scheme and
# neutrals). Gradient descent's own marks (its path, its step −α·∂C/∂W, its line W·x, its cost)
# are its blue, as on every page; the data grey, minima black. No optimizer's colour stands for
# anything else here.
LESSON_COLORS = {
    "cost": "#555555",  # dark grey: the cost curve C(W)
    "tangent": "#AA4499",  # purple: the slope at the current W
    "fill": "#FFFFFF",  # white: the inside of the minimum's star
}
GD = figures.COLORS["gd"]
STEP_COLOR = GD  # the step −α·∂C/∂W is the move gradient descent makes
TANGENT_COLOR = LESSON_COLORS["tangent"]
ACCENT = figures.COLORS["accent"]
BEST_MARKER = dict(
    symbol="star", size=14, color=LESSON_COLORS["fill"], line=dict(width=2, color=ACCENT)
)

HEAD = figures.HEAD  # points of recent path each animation frame carries


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
    "run",
    "path",
    "tangent",
    "step_arrow",
    "current",
    "model",
    "cost_log",
)
# the words ``step_figure`` needs (gradient_descent.fig.*), plus cost
STEP_LABELS = ("parabola", "best", "run", "tangent", "step_arrow", "current", "next")


def run_notes(descent, note: str) -> list[str]:
    """The numbers of every update j → j+1 of a ``Descent``, written into the translated
    template ``note`` (fields k, w, slope, move, new), one per animation frame."""
    return [
        note.format(
            k=j,
            w=num(descent.w[j]),
            slope=num(descent.slope[j]),
            move=num(descent.move[j]),
            new=num(descent.new[j]),
        )
        for j in range(descent.n_frames)
    ]


def descent_run_figure(lr: float, w0: float, steps: int, *, labels, note: str) -> go.Figure:
    """:func:`descent_figure` of the run with these settings, its frame notes written from the
    template ``note`` (what the page caches: plain settings in, no arrays to hash)."""
    parabola, descent = lesson.parabola(), lesson.descent(lr, w0, steps)
    return descent_figure(parabola, descent, labels=labels, notes=run_notes(descent, note))


def step_run_figure(lr: float, w0: float, steps: int, k: int, *, labels) -> go.Figure:
    """:func:`step_figure` of update ``k`` of the run with these settings."""
    return step_figure(lesson.parabola(), lesson.descent(lr, w0, steps, k), labels=labels)


class _View(NamedTuple):
    """The parabola C(W) = aW² + bW + c and the fixed window a run is drawn in."""

    a: float
    b: float
    c: float
    w_star: float
    w_lo: float
    w_hi: float
    c_lo: float
    c_top: float
    pad: float
    half: float  # half-width of the drawn tangent

    def cost(self, w):
        return (self.a * w + self.b) * w + self.c

    def slope(self, w):
        return 2 * self.a * w + self.b


def _view(coefficients, w_path) -> _View:
    """Fixed axes (frames must not rescale the view): the start and the first three steps fit;
    later points of a diverging run leave the view."""
    a, b, c = coefficients
    w_star = -b / (2 * a)
    early = np.abs(np.asarray(w_path[:4], dtype=float) - w_star)
    reach = max(1.3 * float(np.max(early[np.isfinite(early)], initial=0.0)), 0.25)
    w_lo, w_hi = w_star - reach, w_star + reach
    view = _View(a, b, c, w_star, w_lo, w_hi, 0.0, 0.0, 0.0, 0.28 * reach)
    far = w_lo if abs(w_lo - w_star) > abs(w_hi - w_star) else w_hi
    c_top, c_lo = float(view.cost(far)), float(view.cost(w_star))
    return view._replace(c_lo=c_lo, c_top=c_top, pad=0.08 * (c_top - c_lo))


TAIL_1D = 6  # points of the recent path a frame of the 1-D run carries


def _short(values) -> list:
    """A few numbers as a short list (six significant digits: finer than a pixel, and a
    third of the bytes of full floats in each frame); NaN becomes a gap."""
    return [float(f"{v:.6g}") if np.isfinite(v) else None for v in np.asarray(values, float)]


def _step_traces(view: _View, w_path, j: int) -> list:
    """What marks update j on the parabola: the tangent at W_j, the step arrow to W_{j+1}, the
    drop to the new cost and the current point."""
    wk = float(w_path[j])
    wn = float(w_path[j + 1]) if j + 1 < len(w_path) else np.nan
    ck = float(view.cost(wk))
    tangent_x = np.array([wk - view.half, wk + view.half])
    tangent_y = ck + view.slope(wk) * (tangent_x - wk)
    return [
        go.Scatter(x=_short(tangent_x), y=_short(tangent_y)),  # tangent
        go.Scatter(x=_short([wk, wn]), y=_short([ck, ck])),  # step arrow (a change of W)
        go.Scatter(x=_short([wn, wn]), y=_short([ck, view.cost(wn)])),  # drop to the new point
        go.Scatter(x=_short([wk]), y=_short([ck])),  # current point
    ]


def _step_styles(labels) -> list[dict]:
    return [
        dict(mode="lines", name=labels["tangent"], line=dict(color=TANGENT_COLOR, width=3)),
        dict(
            mode="lines+markers",
            name=labels["step_arrow"],
            line=dict(color=STEP_COLOR, width=4),
            marker=dict(symbol="arrow", angleref="previous", size=[0, 16], color=STEP_COLOR),
        ),
        dict(
            mode="lines",
            showlegend=False,
            line=dict(color=LESSON_COLORS["cost"], width=1.5, dash="dot"),
        ),
        dict(
            mode="markers",
            name=labels["current"],
            marker=dict(color=ACCENT, size=12, line=dict(color=LESSON_COLORS["fill"], width=2)),
        ),
    ]


def _add_parabola(fig: go.Figure, view: _View, w_path, labels, **where) -> None:
    """C(W) over the window, its minimum, and the whole run drawn faint on it."""
    ws = np.linspace(view.w_lo, view.w_hi, 301)
    fig.add_trace(
        go.Scatter(
            x=lean(ws),
            y=lean(view.cost(ws)),
            mode="lines",
            name=labels["parabola"],
            line=dict(color=LESSON_COLORS["cost"], width=3),
        ),
        **where,
    )
    fig.add_trace(
        go.Scatter(
            x=[view.w_star],
            y=[view.c_lo],
            mode="markers",
            name=labels["best"],
            marker=BEST_MARKER,
        ),
        **where,
    )
    fig.add_trace(
        go.Scatter(
            x=lean(w_path),
            y=lean(view.cost(np.asarray(w_path, dtype=float))),
            mode="lines+markers",
            name=labels["run"],
            opacity=figures.FAINT,
            line=dict(color=GD, width=1),
            marker=dict(color=GD, size=5),
            hoverinfo="skip",
        ),
        **where,
    )


def step_figure(parabola, descent, *, labels) -> go.Figure:
    """The update the lesson shows (``descent.shown``: W_k → W_{k+1}) on the parabola: the
    tangent at W_k, the step −α·C'(W_k), the new point, and the whole run faint. Not animated:
    the page's step slider picks k, and the formulas beside it show the same step."""
    w_path = np.asarray(descent.w_path, dtype=float)
    view = _view((parabola.a, parabola.b, parabola.c), w_path)
    fig = go.Figure()
    _add_parabola(fig, view, w_path, labels)
    for trace, style in zip(
        _step_traces(view, w_path, descent.shown), _step_styles(labels), strict=True
    ):
        trace.update(**style)
        fig.add_trace(trace)
    wn = descent.new_k
    fig.add_trace(
        go.Scatter(
            x=[wn],
            y=[float(view.cost(wn))],
            mode="markers",
            name=labels["next"],
            marker=dict(color=LESSON_COLORS["fill"], size=11, line=dict(color=ACCENT, width=2)),
        )
    )
    fig.update_xaxes(title_text="W", range=[view.w_lo, view.w_hi])
    fig.update_yaxes(title_text=labels["cost"], range=[view.c_lo - view.pad, view.c_top + view.pad])
    return figures.base_layout(fig, height=400)


def descent_figure(parabola, descent, *, labels, notes, frame_ms: int = 400) -> go.Figure:
    """The whole 1-D run as one animated figure, from the lesson's ``Parabola`` and ``Descent``.

    Three panels: the parabola with the tangent and the step arrow, the data with the line
    y = W·x, and the cost per step. The whole run is drawn faint in the base figure; frame j
    carries only what moves at update j (the last few points, tangent, arrow, current point,
    the line W_j·x, the mark on the cost curve) and ``notes[j]``, the numbers of that update,
    so the figure grows with the number of steps, not with its square. It opens on step 0.
    ``labels`` holds the translated words of :data:`DESCENT_LABELS` plus cost, bill, tip, play,
    pause and step.
    """
    x, y = parabola.x, parabola.y
    w_path = np.asarray(descent.w_path, dtype=float)
    loss_path = np.asarray(descent.loss_path, dtype=float)
    view = _view((parabola.a, parabola.b, parabola.c), w_path)
    n_frames = len(notes)

    fig = make_subplots(
        rows=2,
        cols=2,
        specs=[[{}, {}], [{"colspan": 2}, None]],
        row_heights=[0.64, 0.36],
        vertical_spacing=0.2,  # room for the top row's axis titles above the bottom title
        horizontal_spacing=0.13,  # room for the data panel's y title on a phone
    )
    _add_parabola(fig, view, w_path, labels, row=1, col=1)
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
            y=view.w_star * x_line,
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

    def moving(j: int) -> list:
        recent = w_path[max(0, j - TAIL_1D + 1) : j + 1]
        return [
            go.Scatter(x=_short(recent), y=_short(view.cost(recent))),  # the last few steps
            *_step_traces(view, w_path, j),
            go.Scatter(y=_short(w_path[j] * x_line)),  # the model y = W_j x (x stays)
            go.Scatter(x=[j], y=_short([loss_path[j]])),  # step j on the cost curve
        ]

    styles = [
        dict(
            mode="lines+markers",
            name=labels["path"],
            line=dict(color=GD, width=1.5),
            marker=dict(color=GD, size=6),
        ),
        *_step_styles(labels),
        dict(mode="lines", name=labels["model"], line=dict(color=GD, width=3)),
        dict(mode="markers", showlegend=False, marker=dict(color=ACCENT, size=11)),
    ]
    places = [(1, 1)] * 5 + [(1, 2), (2, 1)]
    for trace, style, (row, col) in zip(moving(0), styles, places, strict=True):
        trace.update(**style)
        if trace.x is None:
            trace.x = x_line
        fig.add_trace(trace, row, col)

    frame_traces = list(range(first_dynamic, len(fig.data)))
    fig.frames = [
        go.Frame(
            data=moving(j),
            traces=frame_traces,
            name=str(j),
            # the note is the first annotation: a frame's annotations merge into the figure's
            # by position, so each frame carries the note's text only and the titles stay
            layout=dict(annotations=[figures.frame_text(notes[j])]),
        )
        for j in range(n_frames)
    ]
    left, right, bottom = fig.layout.xaxis.domain, fig.layout.xaxis2.domain, fig.layout.yaxis3
    fig.update_layout(
        annotations=[
            _note(notes[0]),
            _title(labels["title_parabola"], sum(left) / 2, 1.0),
            _title(labels["title_data"], sum(right) / 2, 1.0),
            _title(labels["title_cost"], 0.5, bottom.domain[1] + 0.012),
        ],
        **figures.playback(n_frames, labels, frame_ms=frame_ms, active=0, y=-0.06, show_step=True),
    )
    fig.update_xaxes(title_text="W", range=[view.w_lo, view.w_hi], row=1, col=1)
    fig.update_yaxes(
        title_text=labels["cost"], range=[view.c_lo - view.pad, view.c_top + view.pad], row=1, col=1
    )
    fig.update_xaxes(title_text=labels["bill"], range=[0, float(x_line[1])], row=1, col=2)
    fig.update_yaxes(  # its title on the right: on a phone it fell onto the parabola
        title_text=labels["tip"], range=[0, float(np.max(y)) * 1.1], side="right", row=1, col=2
    )
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
    figures.base_layout(fig, height=800)
    fig.update_layout(  # the note (two lines) between the legend and the panels
        margin=dict(l=10, r=10, t=130, b=110),
        legend=dict(orientation="h", y=1.14, yanchor="bottom", x=0),
    )
    return fig


def _controls_below(fig: go.Figure) -> go.Figure:
    """Put the Play buttons under the x-axis title and the frame slider on its own row below."""
    # 12-px labels: the four buttons then fit under a map half a projector wide (1024 px)
    fig.layout.updatemenus[0].update(y=-0.13, font=dict(size=12))
    fig.layout.sliders[0].update(x=0.0, len=1.0, y=-0.13)  # under the buttons (SLIDER_DROP)
    fig.update_layout(margin=dict(b=185))
    return fig


def valley_contour(valley, *, labels, notes, frame_ms: int = 120) -> go.Figure:
    """Contour of C(w, b) (log-spaced levels) with the animated gradient-descent path.

    ``valley`` is the lesson's ``Valley``; ``labels`` holds best, path, play, pause and step.
    """
    path, optimum = lean(valley.path), valley.optimum
    fig = figures.contour(*_lean_grid(valley.grid), log_scale=True, title=labels.get("title"))
    # no colour bar: beside the 3-D view (half a projector's width) it squeezed the map and
    # ran into the step's numbers; the rings and the look line under the map say what it shows
    fig.data[0].showscale = False
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
    # the step's numbers in the bottom right corner: top left, where the note of the other
    # charts sits, is where the default start (w, b) = (−2.5, 5.5) lies, and the note hid it
    fig.layout.annotations[0].update(x=0.99, y=0.01, xanchor="right", yanchor="bottom")
    figures.shorter_heads(fig)
    fig.update_xaxes(title_text="w")
    fig.update_yaxes(title_text="b")
    fig.update_layout(height=630, legend=dict(y=1.02))
    return _controls_below(fig)


SURFACE_OPACITY = 0.72  # see-through, so the path behind a wall of the bowl shows
LIFT = 0.03  # the path floats this share of the surface's height range above it
SCENE_TICKS = 5  # at most this many ticks per 3-D axis (more pile up in the front corner)


def lift(valley) -> float:
    """How far above the surface the path is drawn: :data:`LIFT` of the grid's height range."""
    z = valley.grid.z
    return LIFT * float(np.nanmax(z) - np.nanmin(z))


def valley_surface(valley, *, labels, camera, notes, frame_ms: int = 120) -> go.Figure:
    """3-D surface C(w, b) with the gradient-descent path animated on it (Plotly frames).

    The surface trace depends only on the grid, so it stays the same while the run changes.
    The surface is see-through and the path (its points, line and moving head) floats
    :func:`lift` above it, so the bowl does not hide the run.
    """
    path, path_cost, optimum, cost_star = valley.path, valley.loss, valley.optimum, valley.cost_star
    fig = figures.surface(
        *_lean_grid(valley.grid), camera=camera, zlabel="C", title=labels.get("title")
    )
    fig.data[0].opacity = SURFACE_OPACITY
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
    lifted = lean(np.asarray(path_cost) + lift(valley))
    path = lean(path)
    xyz = np.column_stack([path, lifted])
    figures.add_path(fig, path, name=labels["path"], color=GD, z=lifted)
    fig.data[-1].update(line_width=5, marker_size=4)
    figures.animate_paths(
        fig, [(xyz, len(fig.data) - 1)], labels=labels, frame_ms=frame_ms, annotations=notes
    )
    figures.shorter_heads(fig)
    axis = dict(nticks=SCENE_TICKS, tickfont=dict(size=11), title_font=dict(size=15))
    fig.update_layout(
        scene=dict(
            xaxis=dict(axis, title_text="w"),
            yaxis=dict(axis, title_text="b"),
            zaxis=dict(axis, title_text="C"),
        ),
        height=630,
    )
    return _controls_below(fig)


def valley_notes(valley, note: str) -> list[str]:
    """The numbers of every step of a ``Valley`` run in the template ``note`` (k, w, b, cost)."""
    return [
        note.format(k=j, w=num(p[0]), b=num(p[1]), cost=num(cost))
        for j, (p, cost) in enumerate(zip(valley.path, valley.loss, strict=True))
    ]


def valley_contour_run(rate, w0, b0, steps, raw, *, labels, note: str) -> go.Figure:
    """:func:`valley_contour` of the (w, b) run with these settings (plain values in)."""
    valley = lesson.valley(rate, w0, b0, steps, raw)
    return valley_contour(valley, labels=labels, notes=valley_notes(valley, note))


def valley_surface_run(rate, w0, b0, steps, raw, *, labels, camera, note: str) -> go.Figure:
    """:func:`valley_surface` of the (w, b) run with these settings (plain values in)."""
    valley = lesson.valley(rate, w0, b0, steps, raw)
    return valley_surface(valley, labels=labels, camera=camera, notes=valley_notes(valley, note))
