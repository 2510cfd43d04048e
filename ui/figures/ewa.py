"""Plotly figures of the weighted-averages page (pure: no Streamlit, labels come translated).

Each β on the page keeps one colour (Okabe–Ito, distinct from the raw points' grey) in every
figure, so the learner can follow one β from the overlay to the weights and the bias close-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go

from ui.figures import base_layout as _shared_layout

BETA_COLORS = ("#D55E00", "#0072B2", "#009E73")  # vermillion, blue, bluish green
RAW_COLOR = "#9A9A9A"
MARK_COLOR = "#000000"


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
    """Raw points as dots and one EWA line per ``(label, values, color)``."""
    traces = [
        dict(
            type="scatter",
            mode="markers",
            x=x,
            y=raw,
            name=raw_label,
            marker=dict(color=RAW_COLOR, size=4, opacity=0.55),
        )
    ]
    traces += [
        _line(x=x, y=values, name=label, line=dict(color=color, width=2.5))
        for label, values, color in curves
    ]
    return _figure(
        traces, title, 440, xaxis=dict(title=dict(text=xlabel)), yaxis=dict(title=dict(text=ylabel))
    )


def weight_bars(
    weights: np.ndarray,
    k_window: int,
    *,
    color: str,
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
    color: str,
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
        shapes=[_hline(inv_e, dict(color="#CC79A7", dash="dash", width=2))],
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
    traces = [
        dict(
            type="scatter",
            mode="markers",
            x=t,
            y=raw,
            name=raw_label,
            marker=dict(color=RAW_COLOR, size=7),
        )
    ]
    for label, plain, corrected, color in curves:
        traces.append(
            _line(
                x=t,
                y=plain,
                name=f"{label} · {plain_label}",
                line=dict(color=color, width=2, dash="dot"),
            )
        )
        traces.append(
            _line(
                x=t,
                y=corrected,
                name=f"{label} · {corrected_label}",
                line=dict(color=color, width=3),
            )
        )
    return _figure(
        traces, title, 420, xaxis=dict(title=dict(text=xlabel)), yaxis=dict(title=dict(text=ylabel))
    )


def correction_curves(
    t,
    curves: Sequence[tuple[str, np.ndarray, str]],
    *,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
) -> go.Figure:
    """The factor ``1/(1-β^t)`` against t for each β (log axes): large at first, then 1."""
    traces = [
        _line(x=t, y=factor, name=label, line=dict(color=color, width=2.5))
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
    traces = [
        dict(
            type="scatter",
            mode="lines+markers",
            x=steps,
            y=grads,
            name=raw_label,
            line=dict(color=RAW_COLOR, width=1),
            marker=dict(size=4),
        )
    ]
    traces += [
        _line(x=steps, y=values, name=label, line=dict(color=color, width=2.5))
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


# -- formulas with live numbers (KaTeX strings for st.latex) ------------------------------------


def tex_num(x: float, digits: int = 4) -> str:
    """A number for KaTeX: ``digits`` significant figures, ``a \\times 10^{b}`` when tiny or huge."""
    x = float(x)
    if not np.isfinite(x):
        return r"\infty" if x > 0 else (r"-\infty" if x < 0 else r"\text{NaN}")
    if x == 0:
        return "0"
    if 1e-4 <= abs(x) < 1e6:
        return f"{x:.{digits}g}"
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    return rf"{mantissa.rstrip('0').rstrip('.')} \times 10^{{{int(exponent)}}}"


def _factor(x: float) -> str:
    """A number used as a factor: negatives in brackets."""
    shown = tex_num(x)
    return f"({shown})" if x < 0 else shown


def _colored(color: str, body: str) -> str:
    """``body`` in ``color``; an alignment ``&`` is kept outside the coloured groups."""
    parts = [part.strip() for part in body.split("&")]
    parts = ["{}" + part if part.startswith("=") else part for part in parts]  # relation spacing
    return " & ".join(rf"\textcolor{{{color}}}{{{part}}}" for part in parts)


RECURSION = r"V_t = \beta\,V_{t-1} + (1-\beta)\,\theta_t, \qquad V_0 = 0, \quad 0 \le \beta < 1"


def latex_last_step(
    t: int, rows: Sequence[tuple[float, float, float, float, float | None, str]]
) -> str:
    """The last step of each average with its numbers.

    ``rows``: ``(beta, v_prev, theta, v, corrected_or_None, color)``; with a corrected value
    the division by ``1 - beta**t`` is written out on the next line.
    """
    lines = []
    for beta, v_prev, theta, v, corrected, color in rows:
        lines.append(
            _colored(
                color,
                rf"V_{{{t}}} &= {tex_num(beta)} \times {_factor(v_prev)} + {tex_num(1 - beta)} "
                rf"\times {_factor(theta)} = {tex_num(v)}",
            )
        )
        if corrected is not None:
            lines.append(
                _colored(
                    color,
                    rf"\hat V_{{{t}}} &= \frac{{{tex_num(v)}}}{{1 - {tex_num(beta)}^{{{t}}}}}"
                    rf" = {tex_num(corrected)}",
                )
            )
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


def latex_unrolled(beta: float, color: str, terms: int = 3) -> str:
    """``V_t`` as a weighted sum, with the first weights ``(1-β)β^k`` as numbers (two lines)."""
    parts = []
    for k in range(terms):
        w = (1 - beta) * beta**k
        theta = r"\theta_t" if k == 0 else rf"\theta_{{t-{k}}}"
        parts.append(rf"{tex_num(w, 3)}\,{theta}")
    numbers = _colored(color, " + ".join(parts) + r" + \cdots")
    return (
        r"\begin{aligned} V_t &= (1-\beta)\sum_{k=0}^{t-1} \beta^k\,\theta_{t-k}"
        r" = (1-\beta)\,\theta_t + (1-\beta)\beta\,\theta_{t-1}"
        r" + (1-\beta)\beta^2\,\theta_{t-2} + \cdots \\ &= " + numbers + r"\end{aligned}"
    )


def latex_window(beta: float, ratio: float, color: str) -> str:
    """``β^{1/(1-β)}`` with the chosen β next to ``1/e``."""
    n = 1.0 / (1.0 - beta)
    n_shown = f"{n:.0f}" if abs(n - round(n)) < 1e-9 else f"{n:.4g}"
    live = _colored(color, rf"{tex_num(beta)}^{{{n_shown}}} = {tex_num(ratio)}")
    return (
        rf"\beta^{{1/(1-\beta)}} = {live} \qquad\longleftrightarrow\qquad "
        rf"\frac{{1}}{{e}} = {tex_num(np.exp(-1.0))}"
    )


LIMIT = (
    r"\beta = 1 - \tfrac{1}{n} \;\Rightarrow\; \beta^{n} = \left(1 - \tfrac{1}{n}\right)^{n}"
    r"\;\xrightarrow[n \to \infty]{}\; \frac{1}{e} \qquad\Big|\qquad"
    r"\left(1 + \tfrac{1}{n}\right)^{n} \xrightarrow[n \to \infty]{} e"
)

BIAS = (
    r"\hat V_t = \frac{V_t}{1-\beta^t}"
    r" = \frac{(1-\beta)\sum_{k=0}^{t-1}\beta^k\,\theta_{t-k}}{(1-\beta)\sum_{k=0}^{t-1}\beta^k}"
    r" = \frac{\sum_{k=0}^{t-1}\beta^k\,\theta_{t-k}}{\sum_{k=0}^{t-1}\beta^k}"
)


def latex_first_steps(
    beta: float, theta: Sequence[float], corrected: Sequence[float], color: str
) -> str:
    """``\\hat V_1, \\hat V_2, \\hat V_3`` as weighted means of the first values, with numbers."""
    lines = []
    for t in range(1, min(3, len(theta)) + 1):
        powers = [beta ** (t - 1 - s) for s in range(t)]  # weight of theta_{s+1}
        top = " + ".join(
            _factor(theta[s])
            if t - 1 - s == 0
            else rf"{tex_num(powers[s])} \cdot {_factor(theta[s])}"
            for s in range(t)
        )
        bottom = " + ".join("1" if t - 1 - s == 0 else tex_num(powers[s]) for s in range(t))
        lines.append(
            _colored(
                color, rf"\hat V_{{{t}}} = \frac{{{top}}}{{{bottom}}} = {tex_num(corrected[t - 1])}"
            )
        )
    return r"\begin{gathered}" + r" \\[4pt] ".join(lines) + r"\end{gathered}"
