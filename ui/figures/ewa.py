"""Plotly figures of the weighted-averages page (pure: no Streamlit, labels come translated).

Each β slider keeps one colour of the shared ``BETA_COLORS`` in every figure (and formula), so
the learner can follow one β from the overlay to the weights and the bias close-up; raw values
take ``COLORS["data"]``, marks (the window, 1/e, the full-batch gradient) ``COLORS["accent"]``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go

from ui.figures import BETA_COLORS, COLORS
from ui.figures import base_layout as _shared_layout

RAW_COLOR = COLORS["data"]
MARK_COLOR = COLORS["accent"]
WEIGHTS_COLOR = BETA_COLORS[1]  # section 2 shows one β: the colour of the second slider
FLOAT32_RANGE = (1e-30, 1e30)  # magnitudes drawn as float32 (beyond them: float64)
LOG_POINTS = 400  # at most about this many points of a long curve drawn on a log t axis
# The overlay draws every value of the series and each average over it, one float32 per point
# and trace; evenly spaced x goes once, as x0/dx. Two rules keep it under 400 KiB whatever the
# series: an x that is even but for a few missing slots (the hourly series skip the hour the
# clocks go forward) is drawn on its even grid with an empty slot there, the lines joined
# across it, instead of one date text per point and trace (738 KiB -> 190 KiB on the hourly
# series); and a longer series than the chart can show (uploads) is drawn at every k-th point,
# which the page says under the chart (the averages are still computed on every value).
OVERLAY_POINTS = 12_000  # at most this many points per trace on an even x (4 traces: ~250 KiB)
OVERLAY_UNEVEN = 3_000  # ... and on an uneven x, where each point also carries its date
GAP_SLACK = 0.05  # at most this share of empty slots for an x to count as "even with gaps"


def beta_colors(slots: Sequence[int]) -> list[str]:
    """The colour of each average from the slider (0, 1, 2) it comes from."""
    return [BETA_COLORS[slot] for slot in slots]


def value_axis(name: str, unit: str) -> str:
    """The value axis title: ``θ (°C)``, or the column's name alone when there is no unit.

    A name from an uploaded file shows as written: Plotly reads ``<a href=…>``, ``<b>`` in a
    title as markup, so ``&``, ``<`` and ``>`` go as entities (which Plotly shows as the
    characters)."""
    name = html.escape(name, quote=False)
    return f"{name} ({unit})" if unit else name


@lru_cache(maxsize=4)
def _base(has_title: bool, height: int) -> dict:
    """The shared look of :func:`ui.figures.base_layout` as a plain layout dict (built once)."""
    fig = _shared_layout(go.Figure(), "·" if has_title else None, height=height)
    layout = fig.layout.to_plotly_json()
    layout.pop("title", None)
    # the template's layout part only: its per-trace-type defaults are a few thousand nested
    # entries that every figure would copy again on its way to the browser
    layout["template"] = dict(layout=layout["template"]["layout"])
    layout["legend"] = dict(
        orientation="h", yref="container", y=0, yanchor="bottom", xanchor="left", x=0
    )
    layout["margin"] = dict(layout["margin"], b=10)
    return layout


def _figure(traces: list[dict], title: str | None, height: int, **layout) -> go.Figure:
    """A figure from plain dicts, skipping Plotly's property-by-property validation.

    Building through ``go.Scatter``/``update_layout`` costs 10-20 ms per chart; these dicts
    take well under 1 ms, so a slider redraws the page's six charts at once. The shared look
    (legend moved under the plot, as the β labels are long) comes from ``ui.figures``.
    """
    merged = dict(_base(bool(title), height))  # shallow: entries are replaced, never mutated
    if title:
        merged["title"] = dict(text=title)
    for key, value in layout.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return go.Figure(dict(data=traces, layout=merged), _validate=False)


def lean(values) -> np.ndarray:
    """A long line's values as float32: half the bytes of float64, seven significant digits.

    Values float32 cannot hold (an upload in units of 1e-40 or 1e40) stay float64.
    """
    values = np.asarray(values, dtype=np.float64)
    size = np.abs(values[np.isfinite(values) & (values != 0)])
    if size.size and (size.max() > FLOAT32_RANGE[1] or size.min() < FLOAT32_RANGE[0]):
        return values
    return values.astype(np.float32)


def dates(x) -> list[str]:
    """datetime64 values as ISO text in the coarsest unit that keeps every one of them exact
    (``2012-01-01`` for days, ``2012-01-01T05`` for hours: plotly reads both as dates)."""
    x = np.asarray(x)
    for unit in ("D", "h", "m", "s", "ms"):
        if (x.astype(f"datetime64[{unit}]") == x).all():
            return np.datetime_as_string(x, unit=unit).tolist()
    return np.datetime_as_string(x).tolist()


def x_axis(x) -> dict:
    """A trace's x: ``x0`` and ``dx`` when the values are evenly spaced (two numbers instead of
    one per point, and the same for every trace of the chart; a date step is in milliseconds),
    else the values themselves (dates as short ISO text, numbers as they are)."""
    x = np.asarray(x)
    if len(x) >= 2 and x.dtype.kind in "iuM":
        step = np.diff(x)
        if (step == step[0]).all() and step[0] > np.zeros((), step.dtype):
            if x.dtype.kind == "M":
                return dict(x0=dates(x[:1])[0], dx=float(step[0] / np.timedelta64(1, "ms")))
            return dict(x0=x[0].item(), dx=step[0].item())
    return dict(x=dates(x) if x.dtype.kind == "M" else x)


def _even_grid(x) -> np.ndarray | None:
    """Where each x sits on the even grid of its smallest step (0, 1, 2, 4, ... when one slot
    is missing), or None when x is not whole numbers or dates, not rising, has a step that is
    not a whole multiple of the smallest, or would leave more than ``GAP_SLACK`` slots empty."""
    x = np.asarray(x)
    if len(x) < 2 or x.dtype.kind not in "iuM":
        return None
    step = np.diff(x)
    smallest = step.min()
    if (
        not smallest > np.zeros((), step.dtype)
        or (step % smallest != np.zeros((), step.dtype)).any()
    ):
        return None
    slots = np.concatenate([[0], np.cumsum(step // smallest)])
    if slots[-1] + 1 > len(x) * (1 + GAP_SLACK):
        return None
    return slots


def overlay_stride(x) -> int:
    """The overlay draws every k-th point of a series at ``x`` (1: every point)."""
    if len(x) <= OVERLAY_UNEVEN:
        return 1
    slots = _even_grid(x)
    if slots is not None:
        return -(-(int(slots[-1]) + 1) // OVERLAY_POINTS)
    return -(-len(x) // OVERLAY_UNEVEN)


def _drawn(x):
    """How the overlay draws values at ``x``: the traces' x (as :func:`x_axis` gives it), a
    function giving the drawn y of one trace's values, and whether the drawn grid has empty
    slots (NaN: no dot there, and the lines are joined across it)."""
    x = np.asarray(x)
    slots, k = _even_grid(x), overlay_stride(x)
    if slots is None:
        keep = np.arange(0, len(x), k)
        return x_axis(x[keep]), lambda y: np.asarray(y)[keep], False
    size = int(slots[-1]) + 1
    keep = np.arange(0, size, k)
    grid = x[0] + keep * np.diff(x).min()

    def values(y):
        padded = np.full(size, np.nan)
        padded[slots] = y
        return padded[keep]

    return x_axis(grid), values, size > len(x)


def _date_axis(x) -> dict:
    """``type="date"`` for dated values (a trace given by ``x0``/``dx`` has no dates to guess from)."""
    return dict(type="date") if np.asarray(x).dtype.kind == "M" else {}


def _line(**kwargs) -> dict:
    return dict(type="scatter", mode="lines", **kwargs)


def _hline(y: float, line: dict) -> dict:
    return dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=y, y1=y, line=line)


def _vline(x: float, line: dict) -> dict:
    return dict(type="line", yref="paper", y0=0, y1=1, xref="x", x0=x, x1=x, line=line)


def _note(text: str, **where) -> dict:
    return dict(text=text, showarrow=False, bgcolor="rgba(255,255,255,0.8)", **where)


def overlay(
    x,
    raw,
    curves: Sequence[tuple[str, np.ndarray, str]],
    *,
    raw_label: str,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
) -> go.Figure:
    """Raw points as dots and one EWA line per ``(label, values, color)``.

    Values go as float32 and x as ``x0``/``dx`` when evenly spaced (a daily series of
    thousands of points sends its dates once, as two numbers, instead of once per trace);
    see :data:`OVERLAY_POINTS` for the hourly series' missing hour and for long uploads.
    """
    where, drawn, gaps = _drawn(x)
    joined = dict(connectgaps=True) if gaps else {}
    traces = [
        dict(
            type="scatter",
            mode="markers",
            **where,
            y=lean(drawn(raw)),
            name=raw_label,
            marker=dict(color=RAW_COLOR, size=4, opacity=0.55),
        )
    ]
    traces += [
        _line(
            **where, y=lean(drawn(values)), name=label, line=dict(color=color, width=2.5), **joined
        )
        for label, values, color in curves
    ]
    xaxis = dict(title=dict(text=xlabel), **_date_axis(x))
    return _figure(traces, title, 440, xaxis=xaxis, yaxis=dict(title=dict(text=ylabel)))


def weight_bars(
    weights: np.ndarray,
    k_window: int,
    *,
    color: str = WEIGHTS_COLOR,
    xlabel: str,
    ylabel: str,
    window_label: str,
    level_label: str,
    title: str | None = None,
) -> go.Figure:
    """Bars of the weight ``(1-β)β^k`` of the point k steps back, with k = 1/(1-β) marked.

    A dotted line at newest/e shows where the weight has fallen to about 1/e of the newest.
    """
    count = len(weights)
    bar = dict(
        type="bar",
        x=np.arange(count),
        y=weights,
        marker=dict(color=color, line=dict(width=0)),
        name=ylabel,
        hovertemplate="k = %{x}<br>%{y:.4g}<extra></extra>",
    )
    shapes, notes = [], []
    if count:
        level = weights[0] / np.e
        shapes.append(_hline(level, dict(color=MARK_COLOR, dash="dot", width=1.5)))
        notes.append(
            _note(
                level_label, xref="paper", x=1, xanchor="right", yref="y", y=level, yanchor="bottom"
            )
        )
    if k_window < count:
        shapes.append(_vline(k_window, dict(color=MARK_COLOR, dash="dash", width=2)))
        notes.append(
            _note(
                window_label, xref="x", x=k_window, xanchor="left", yref="paper", y=1, yanchor="top"
            )
        )
    return _figure(
        [bar],
        title,
        360,
        xaxis=dict(title=dict(text=xlabel), range=[-0.5 - 0.02 * count, count - 0.5]),
        yaxis=dict(title=dict(text=ylabel)),
        bargap=0.05,
        showlegend=False,
        shapes=shapes,
        annotations=notes,
    )


def decay_limit(
    n: np.ndarray,
    values: np.ndarray,
    *,
    n_beta: float | None,
    value_beta: float | None,
    color: str = WEIGHTS_COLOR,
    xlabel: str,
    curve_label: str,
    e_label: str,
    beta_label: str,
    title: str | None = None,
) -> go.Figure:
    """``(1-1/n)^n`` against n (log axis) rising to the line 1/e; the chosen β marked at n = 1/(1-β)."""
    inv_e = float(np.exp(-1.0))
    traces = [
        dict(
            type="scatter",
            mode="lines+markers",
            x=n,
            y=values,
            name=curve_label,
            line=dict(color=MARK_COLOR, width=2),
            marker=dict(size=4),
        )
    ]
    if n_beta is not None and value_beta is not None:
        traces.append(
            dict(
                type="scatter",
                mode="markers",
                x=[n_beta],
                y=[value_beta],
                name=beta_label,
                marker=dict(
                    color=color, size=14, symbol="diamond", line=dict(color="white", width=1.5)
                ),
            )
        )
    return _figure(
        traces,
        title,
        360,
        xaxis=dict(title=dict(text=xlabel), type="log"),
        yaxis=dict(title=dict(text="(1 − 1/n)ⁿ"), range=[0, 0.42]),
        shapes=[_hline(inv_e, dict(color=MARK_COLOR, dash="dash", width=2))],
        annotations=[
            _note(e_label, xref="paper", x=1, xanchor="right", yref="y", y=inv_e, yanchor="top")
        ],
    )


def bias_closeup(
    t,
    raw,
    curves: Sequence[tuple[str, np.ndarray, np.ndarray, str]],
    *,
    raw_label: str,
    plain_label: str,
    corrected_label: str,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
) -> go.Figure:
    """First points: raw dots, and per β ``(label, plain, corrected, color)`` a dotted
    uncorrected and a solid corrected line."""
    where = x_axis(t)
    traces = [
        dict(
            type="scatter",
            mode="markers",
            **where,
            y=lean(raw),
            name=raw_label,
            marker=dict(color=RAW_COLOR, size=7),
        )
    ]
    for label, plain, corrected, color in curves:
        traces.append(
            _line(
                **where,
                y=lean(plain),
                name=f"{label} · {plain_label}",
                line=dict(color=color, width=2, dash="dot"),
            )
        )
        traces.append(
            _line(
                **where,
                y=lean(corrected),
                name=f"{label} · {corrected_label}",
                line=dict(color=color, width=3),
            )
        )
    return _figure(
        traces, title, 420, xaxis=dict(title=dict(text=xlabel)), yaxis=dict(title=dict(text=ylabel))
    )


def log_spaced(n: int, points: int = LOG_POINTS) -> np.ndarray:
    """Indices into ``n`` values at about ``points`` log-spaced positions, first and last included
    (all of them when ``n <= points``)."""
    if n <= points:
        return np.arange(n)
    return np.unique(np.round(np.geomspace(1, n, points)).astype(np.int64)) - 1


def correction_curves(
    t,
    curves: Sequence[tuple[str, np.ndarray, str]],
    *,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
) -> go.Figure:
    """The factor ``1/(1-β^t)`` against t for each β (log axes): large at first, then 1.

    On the log t axis a long series is drawn from about :data:`LOG_POINTS` log-spaced t
    (every t at the start, where the factor changes fast; the first and last t always),
    as float32: the same curve as every point, in a fraction of the bytes.
    """
    keep = log_spaced(len(t))
    t = np.asarray(t)[keep]
    traces = [
        _line(x=t, y=lean(np.asarray(factor)[keep]), name=label, line=dict(color=color, width=2.5))
        for label, factor, color in curves
    ]
    return _figure(
        traces,
        title,
        420,
        xaxis=dict(title=dict(text=xlabel), type="log", dtick=1),
        yaxis=dict(title=dict(text=ylabel), type="log", dtick=1, exponentformat="none"),
        shapes=[_hline(1.0, dict(color=MARK_COLOR, dash="dot", width=1))],
    )


def gradient_stream(
    steps,
    grads,
    curves: Sequence[tuple[str, np.ndarray, str]],
    full: float,
    *,
    raw_label: str,
    full_label: str,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
) -> go.Figure:
    """Mini-batch gradients of one parameter per step, their EWAs, and the full-batch gradient."""
    where = x_axis(steps)
    traces = [
        dict(
            type="scatter",
            mode="lines+markers",
            **where,
            y=lean(grads),
            name=raw_label,
            line=dict(color=RAW_COLOR, width=1),
            marker=dict(size=4),
        )
    ]
    traces += [
        _line(**where, y=lean(values), name=label, line=dict(color=color, width=2.5))
        for label, values, color in curves
    ]
    traces.append(
        _line(
            x=[steps[0], steps[-1]],
            y=[full, full],
            name=full_label,
            line=dict(color=MARK_COLOR, dash="dash", width=2),
        )
    )
    return _figure(
        traces, title, 420, xaxis=dict(title=dict(text=xlabel)), yaxis=dict(title=dict(text=ylabel))
    )
