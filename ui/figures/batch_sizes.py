"""Figures and tables of the batch-sizes page (pure Plotly and pandas, no Streamlit).

Each builder takes a result of :mod:`optim_core.lessons.batch_sizes` and labels that arrive
already translated. Colours: the chosen batch size is ``COLORS["batch"]``, full batch is
gradient descent's ``COLORS["gd"]``, the optimum ``COLORS["accent"]``; the page's own
meanings take the documented :data:`OWN_PALETTE` (none of them in ``ui.figures.PALETTE``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from ui.figures import COLORS, base_layout, lean
from ui.numbers import text as num
from ui.text import CATALOG

CHOSEN = COLORS["batch"]  # the chosen batch size
FULL = COLORS["gd"]  # full batch is plain gradient descent
OPTIMUM = COLORS["accent"]  # the optimum: dashed line, outline of the star
# This page's own meanings (colour-blind safe, none of them in ui.figures.PALETTE):
MARKER = "#FFE93B"  # marker-pen yellow: the sum over the current batch in the formula
ON_MAP = "#FFFFFF"  # white: the start and the optimum drawn on the dark contour map
SWEEP_COLORS = {  # Paul Tol's muted rose and purple: the two measured times of the sweep
    "to_target": "#CC6677",
    "per_epoch": "#AA4499",
}
OWN_PALETTE = frozenset({MARKER, ON_MAP, *SWEEP_COLORS.values()})
RUN_COLORS = {"chosen": CHOSEN, "full": FULL}
CLOCKS = ("step", "epoch", "examples", "time")  # the four x axes of section 2
SWEEP_LABELS = ("to_target", "per_epoch", "not_reached_name", "not_reached", "fastest", "ms")


def percent(x: float, digits: int = 2) -> str:
    """``x`` as a percentage (``0.0123`` → ``1.23%``); a dash when it is not finite."""
    return f"{x:.{digits}%}" if np.isfinite(x) else num(x)


@lru_cache(maxsize=8)
def _look(height: int) -> go.Layout:
    """The shared look (:func:`ui.figures.base_layout`) with room between the title and the
    legend above the plot, built once per height (applying it costs a figure some 15 ms).

    Only the layout part of the template is kept: its per-trace-type defaults (some 4 KiB
    that every figure would carry to the browser) set nothing these charts draw.
    """
    fig = base_layout(go.Figure(), "·", height=height)
    fig.update_layout(margin=dict(t=84), title=dict(y=0.985, yanchor="top", yref="container"))
    fig.layout.template.data = {}
    return fig.layout


def _new(title: str, height: int) -> go.Figure:
    """An empty figure in the page's look (a copy of :func:`_look`'s layout) titled ``title``."""
    fig = go.Figure(layout=_look(height))
    fig.layout.title.text = title
    return fig


# -- user text ----------------------------------------------------------------------------------
def plotly_text(value) -> str:
    """Text from a user's file (a column name) made plain for a Plotly label: Plotly reads
    ``<b>``, ``<a href=…>``, ``<br>`` and entities in titles, so ``&``, ``<`` and ``>`` are
    written as entities and show as typed."""
    shown = " ".join(str(value).split())
    return shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column_name(say, prepared, name: str) -> str:
    """A column's name as tables and axes show it: a built-in table's column in the learner's
    language (``data.column.<name>``, looked up by the column's name in the file), an
    uploaded file's column exactly as the user wrote it."""
    key = f"data.column.{name}"
    return say(key) if prepared.source and key in CATALOG else str(name)


def column_names(say, prepared) -> tuple[str, ...]:
    """:func:`column_name` of every feature, then of the target."""
    return tuple(
        column_name(say, prepared, name) for name in (*prepared.feature_names, prepared.target_name)
    )


def feature_label(say, prepared, number: int) -> str:
    """:func:`column_name` of feature ``number`` (1-based, as on the page)."""
    return column_name(say, prepared, prepared.feature_name(number))


# -- tables -------------------------------------------------------------------------------------
SWEEP_COLUMNS = ("batch", "lr", "epoch_ms", "target_ms", "steps", "examples", "floor")
TRIAL_COLUMNS = ("batch", "rate", "outcome")
OUTCOMES = ("diverged", "reached", "floor", "pruned", "falling")
IN_BATCH = "●"  # the mark of a row of the current batch in section 1's table


class Table(NamedTuple):
    """A table as the page shows it: the frame, a printf-style number format per column
    (``"%.3f"``) and the columns kept narrow (the batch marker)."""

    frame: pd.DataFrame
    formats: dict[str, str]
    narrow: tuple[str, ...] = ()


def arrow(frame: pd.DataFrame) -> pa.Table:
    """``frame`` as an Arrow table without its index (what ``st.dataframe`` sends)."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def unique_names(names, taken=()) -> list[str]:
    """``names`` as text, each made unique against ``taken`` and the names before it by a
    trailing " (2)", " (3)", …: a file's column may be called like the table's own."""
    seen = {str(name) for name in taken}
    out = []
    for name in map(str, names):
        shown, count = name, 1
        while shown in seen:
            count += 1
            shown = f"{name} ({count})"
        seen.add(shown)
        out.append(shown)
    return out


def scaling_table(prepared, labels: Mapping) -> Table:
    """Mean and standard deviation of each feature (``labels``: feature, mean, std and, as
    ``names``, the features' names as shown: :func:`column_names`; default the file's)."""
    mean, std = prepared.scaling
    feature, mean_label, std_label = unique_names(
        (labels["feature"], labels["mean"], labels["std"])
    )
    names = labels.get("names") or prepared.feature_names
    frame = pd.DataFrame(
        {feature: [str(name) for name in names[: prepared.n]], mean_label: mean, std_label: std}
    )
    return Table(frame, {})  # rounded to 4 decimals, shown as they are


def batch_table(
    prepared,
    step,
    *,
    position_label: str,
    row_label: str,
    batch_label: str = IN_BATCH,
    names: Sequence[str] | None = None,
) -> Table:
    """The rows ``step.rows`` of a :class:`~optim_core.lessons.batch_sizes.Step` as a table.

    Columns: :data:`IN_BATCH` on the rows of the batch (header ``batch_label``), the
    position in the epoch's shuffled order, the original row number, the standardized
    features and the target of ``prepared``, headed ``names`` (features then target, as
    :func:`column_names` gives them; default the file's own). The file's column names never
    replace the table's own: a clash gets a number (:func:`unique_names`).
    """
    own = [batch_label, position_label, row_label]
    shown = names or (*prepared.feature_names, prepared.target_name)
    names = unique_names(shown, taken=own)
    rows = step.rows
    columns = {
        own[0]: np.where(step.in_batch, IN_BATCH, ""),
        own[1]: np.asarray(step.positions, dtype=np.int64),
        own[2]: np.asarray(step.row_numbers, dtype=np.int64),
    }
    columns |= dict(zip(names[:-1], np.round(prepared.X[rows], 3).T, strict=True))
    columns[names[-1]] = np.round(prepared.y[rows], 3)
    target = "%d" if prepared.task == "classification" else "%.3f"
    formats = {name: "%.3f" for name in names[:-1]} | {names[-1]: target}
    return Table(pd.DataFrame(columns), formats, (own[0],))


def sweep_table(sweep, labels: Mapping[str, str], not_reached: str) -> Table:
    """The sweep's table: one row per batch size (``labels``: the keys of SWEEP_COLUMNS).

    Cells of a batch size that did not reach the target read ``not_reached`` (time) or stay
    empty (steps, examples); the floor column appears only when some batch size missed.
    """
    rows = list(
        zip(sweep.reached, sweep.target_ms, sweep.steps, sweep.examples, sweep.floors, strict=True)
    )
    table = {
        labels["batch"]: list(sweep.sizes),
        labels["lr"]: list(sweep.lrs),
        labels["epoch_ms"]: list(sweep.epoch_ms),
        labels["target_ms"]: [num(ms, 3) if ok else not_reached for ok, ms, *_ in rows],
        labels["steps"]: [str(steps) if ok else "" for ok, _, steps, _, _ in rows],
        labels["examples"]: [str(seen) if ok else "" for ok, _, _, seen, _ in rows],
    }
    if not sweep.all_reached:
        table[labels["floor"]] = ["" if ok else percent(gap) for ok, *_, gap in rows]
    return Table(pd.DataFrame(table), {labels["epoch_ms"]: "%.3f"})


def trial_table(sweep, labels: Mapping[str, str], outcomes: Mapping[str, str]) -> Table:
    """Every learning rate tried: ``outcomes`` maps each key of OUTCOMES to its template
    (fields ``{examples}`` and ``{floor}``)."""
    frame = pd.DataFrame(
        {
            labels["batch"]: [o.batch for o in sweep.outcomes],
            labels["rate"]: [o.lr for o in sweep.outcomes],
            labels["outcome"]: [
                outcomes[o.key].format(examples=o.examples, floor=percent(o.floor))
                for o in sweep.outcomes
            ],
        }
    )
    return Table(frame, {})


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
    ``cost − optimum`` would hide where the runs start). Points that are not finite (the NaN
    records after a run diverged) are left out; the runs go as float32.
    """
    fig = _new(title, 330)
    for name, x, cost, color in runs:
        x, cost = np.asarray(x, dtype=float), np.asarray(cost, dtype=float)
        drawn = np.isfinite(x) & np.isfinite(cost)  # a diverged run ends where it blew up
        fig.add_trace(
            go.Scatter(
                x=lean(x[drawn]),
                y=lean(cost[drawn]),
                mode="lines",
                name=name,
                line=dict(color=color, width=2),
            )
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
    return fig


def _against(curve, clock: str) -> tuple[np.ndarray, np.ndarray]:
    """A :class:`~optim_core.lessons.batch_sizes.Curve`'s (x, cost) for one clock."""
    if clock == "epoch":
        return curve.epochs, curve.epoch_loss
    x = {"step": curve.steps, "examples": curve.examples, "time": curve.ms}[clock]
    return x, curve.loss


def clock_curve(
    curves, clock: str, *, names: Mapping[str, str], optimum: float, labels: Mapping[str, str]
) -> go.Figure:
    """One of section 2's charts: the cost of a ``Curves`` result against ``clock`` (one of
    :data:`CLOCKS`).

    ``names`` maps "chosen" and "full" to the runs' legend names; ``labels`` holds
    ``"optimum"``, ``"y"`` and, per clock, ``"x.<clock>"`` and ``"plot.<clock>"`` (axis
    title and chart title). Full batch is drawn only when it is not the chosen run itself.
    """
    return cost_curve(
        [(names[kind], *_against(curve, clock), RUN_COLORS[kind]) for kind, curve in curves.shown],
        optimum=optimum,
        optimum_label=labels["optimum"],
        xlabel=labels[f"x.{clock}"],
        ylabel=labels["y"],
        title=labels[f"plot.{clock}"],
    )


def clock_curves(
    curves, *, names: Mapping[str, str], optimum: float, labels: Mapping[str, str]
) -> list[go.Figure]:
    """Section 2's four charts, :func:`clock_curve` for each clock in :data:`CLOCKS`."""
    return [
        clock_curve(curves, clock, names=names, optimum=optimum, labels=labels) for clock in CLOCKS
    ]


def contour_paths(
    contour, *, names: Mapping[str, str], labels: Mapping[str, str], title: str
) -> go.Figure:
    """A ``Contour`` result: the full-data cost of ``(w, b)`` as a map with both paths on it.

    ``names`` maps "chosen" and "full" to the paths' legend names; ``labels`` holds the axis
    titles "x" and "y" and the legend names "optimum" and "start". The grid and the paths
    go as float32.
    """
    ws, bs, z = contour.ws, contour.bs, contour.z
    shown = np.log10(z - np.nanmin(z) + 1e-3 * (np.nanmax(z) - np.nanmin(z)) + 1e-12)
    fig = _new(title, 540)
    fig.add_trace(
        go.Contour(
            x=lean(ws),
            y=lean(bs),
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
    for kind, xy in contour.shown:
        color = RUN_COLORS[kind]
        fig.add_trace(
            go.Scatter(
                x=lean(xy[:, 0]),
                y=lean(xy[:, 1]),
                mode="lines+markers",
                name=names[kind],
                line=dict(color=color, width=2),
                marker=dict(color=color, size=4),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[0.0],
            y=[0.0],
            mode="markers",
            name=labels["start"],
            marker=dict(
                symbol="circle-open", size=12, color=ON_MAP, line=dict(width=2, color=ON_MAP)
            ),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[contour.optimum[0]],
            y=[contour.optimum[1]],
            mode="markers",
            name=labels["optimum"],
            marker=dict(symbol="star", size=15, color=ON_MAP, line=dict(width=1.5, color=OPTIMUM)),
        )
    )
    fig.update_xaxes(title=labels["x"], range=[ws[0], ws[-1]])
    fig.update_yaxes(title=labels["y"], range=[bs[0], bs[-1]])
    return fig


def sweep_figure(sweep, *, chosen: int | None, labels: Mapping[str, str], title: str) -> go.Figure:
    """A ``Sweep`` result: ms to the target and ms per epoch against batch size (log-log).

    Batch sizes that did not reach the target are marked above the curve with their floor
    (``labels["not_reached"]`` takes ``{floor}``); the chosen batch size gets a dashed line.
    ``labels`` holds the keys of :data:`SWEEP_LABELS` and ``"x"``.
    """
    sizes = np.asarray(sweep.sizes)
    tt = np.asarray(sweep.target_ms, dtype=float)
    pe = np.asarray(sweep.per_epoch_ms, dtype=float)
    ok = np.isfinite(tt)
    fig = _new(title, 440)
    fig.add_trace(
        go.Scatter(
            x=sizes[ok],
            y=tt[ok],
            mode="lines+markers",
            name=labels["to_target"],
            line=dict(color=SWEEP_COLORS["to_target"], width=3),
            marker=dict(size=9, color=SWEEP_COLORS["to_target"]),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=sizes,
            y=pe,
            mode="lines+markers",
            name=labels["per_epoch"],
            line=dict(color=SWEEP_COLORS["per_epoch"], width=2, dash="dot"),
            marker=dict(size=7, symbol="square", color=SWEEP_COLORS["per_epoch"]),
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
                    labels["not_reached"].format(floor=percent(f, 1))
                    for f in np.asarray(sweep.floors)[~ok]
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
        fig.add_vline(x=chosen, line=dict(color=CHOSEN, dash="dash", width=1))
    fig.update_xaxes(
        title=labels["x"], type="log", tickvals=list(sizes), ticktext=[str(s) for s in sizes]
    )
    fig.update_yaxes(title=labels["ms"], type="log", dtick=1)
    return fig


# -- labels: every text of the charts and tables, from the catalog ------------------------------
def curve_labels(say) -> dict[str, str]:
    """Section 2's labels for :func:`clock_curve`; ``say(key)`` looks up the catalog."""
    labels = {"optimum": say("batch_sizes.optimum"), "y": say("common.loss")}
    for kind in ("x", "plot"):
        labels |= {f"{kind}.{clock}": say(f"batch_sizes.{kind}.{clock}") for clock in CLOCKS}
    return labels


def map_labels(say, feature) -> dict[str, str]:
    """Section 3's labels for :func:`contour_paths`; ``feature`` is the file's own text."""
    return {
        "x": say("batch_sizes.axis_w", feature=plotly_text(feature)),
        "y": say("batch_sizes.axis_b"),
        "optimum": say("batch_sizes.optimum"),
        "start": say("common.start"),
    }


def sweep_labels(say) -> dict[str, str]:
    """Section 4's labels for :func:`sweep_figure`."""
    labels = {key: say(f"batch_sizes.sweep.{key}") for key in SWEEP_LABELS}
    return labels | {"x": say("batch_sizes.batch")}


def sweep_table_labels(say) -> dict:
    """The keyword labels of section 4's two tables (:func:`sweep_table`, :func:`trial_table`)."""
    return {
        "columns": {key: say(f"batch_sizes.col.{key}") for key in SWEEP_COLUMNS},
        "not_reached": say("batch_sizes.not_reached_short"),
        "trial_columns": {key: say(f"batch_sizes.col.{key}") for key in TRIAL_COLUMNS},
        "outcomes": {key: say(f"batch_sizes.outcome.{key}") for key in OUTCOMES},
    }


def batch_labels(say, prepared=None) -> dict:
    """The keyword labels of :func:`batch_table` (with ``prepared``: its column names too)."""
    keys = {"batch_label": "in_batch", "position_label": "position", "row_label": "row"}
    labels = {label: say(f"batch_sizes.{key}") for label, key in keys.items()}
    return labels | ({"names": column_names(say, prepared)} if prepared is not None else {})


def run_names(say, batch: int, m: int) -> dict[str, str]:
    """The legend names of the chosen run and of full batch."""
    return {
        "chosen": say("batch_sizes.chosen_name", batch=batch),
        "full": say("batch_sizes.full_name", m=m),
    }


def scaling_labels(say, prepared=None) -> dict:
    """The labels of :func:`scaling_table` (with ``prepared``: its features' names too)."""
    labels = {key: say(f"batch_sizes.{key}") for key in ("feature", "mean", "std")}
    return labels | ({"names": column_names(say, prepared)} if prepared is not None else {})
