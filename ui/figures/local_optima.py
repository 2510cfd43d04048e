"""Figures of the local-optima page (pure Plotly, no Streamlit).

Minima are passed as ``CriticalPoint``s with translated names (``names[i]`` for
``minima[i]``), so these builders know no language. The 3-D surface takes no
slider value at all: Streamlit 1.67 resets a rotated camera whenever a 3-D
figure's data changes, so the moving paths live on the 2-D maps only.

What the page sends is kept lean (issue 9): float32 grids and paths, one byte per basin
cell, a small template of our own instead of plotly_white's 7 KiB (:data:`TEMPLATE`), and
the builders at the end of the module take the page's settings, not lesson results, so
the shared cache hashes a few numbers per view instead of arrays.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from optim_core.lessons import local_optima as lesson
from optim_core.lessons.local_optima import DIVERGED, UNSETTLED
from ui import figures
from ui.figures import lean

# The basin fills are a palette of this page's own (light colours, none of them in
# ``figures.PALETTE``): paths and markers drawn on top stay readable, and no fill can be taken
# for an optimizer. Markers and labels are the shared accent (black) on white.
GLOBAL_COLOR = "#FFD92F"  # the global minimum's basin: bright yellow
LOCAL_COLORS = (  # light, distinct fills for the local basins (paths and markers stay readable)
    "#8DD3C7",
    "#BEBADA",
    "#FB8072",
    "#80B1D3",
    "#FDB462",
    "#B3DE69",
    "#FCCDE5",
    "#BC80BD",
    "#CCEBC5",
    "#FFED6F",
)
UNSETTLED_COLOR = "#9E9E9E"  # grey
DIVERGED_COLOR = "#222222"  # near black
FILL = "#FFFFFF"  # white: the inside of marker symbols
GUIDE_COLORS = {"band": "#999999", "floor": "#666666"}  # the predicted-crawl band, the floor line
BASIN_PALETTE = frozenset(
    {GLOBAL_COLOR, *LOCAL_COLORS, UNSETTLED_COLOR, DIVERGED_COLOR, FILL, *GUIDE_COLORS.values()}
)
ACCENT = figures.COLORS["accent"]
TOOLBAR = 30  # pixels: Plotly's toolbar takes the top of a chart; titles start below it
MAP_HEIGHT = 620  # an animated map: legend and title above, Play and the step slider below
SURFACE_CENTER = dict(x=0, y=0, z=-0.25)
SURFACE_ASPECT = dict(x=1.15, y=1.15, z=0.95)  # the 3-D box (a wider one crops at 1024 px)
SURFACE_HEIGHT = 600  # the 3-D view spans the page's width and fills a projector's column (1024 px)


TEMPLATE = figures.TEMPLATE  # the shared small template (ui/figures/__init__.py)


_TEMPLATE_SPEC = TEMPLATE.to_plotly_json()


def slim(fig: go.Figure, frames: list | None = None) -> go.Figure:
    """``fig`` with the page's small template (see :data:`TEMPLATE`) and ``frames`` (plain
    dicts, see :func:`animate`), made from its dict without validating it again: the parts
    were validated as they were built, and the frames are plain data."""
    spec = fig.to_dict()
    spec["layout"]["template"] = _TEMPLATE_SPEC
    if frames is not None:
        spec["frames"] = frames
    return go.Figure(spec, _validate=False)


def _typed(values) -> dict:
    """A float32 array in plotly's typed-array form (what plotly writes for numpy arrays)."""
    data = np.ascontiguousarray(values, dtype=np.float32).tobytes()
    return {"dtype": "f4", "bdata": base64.b64encode(data).decode("ascii")}


def animate(fig: go.Figure, paths, *, labels, frame_ms: int, steps) -> list[dict]:
    """What :func:`ui.figures.animate_paths` adds to a 2-D map, with its frames as plain dicts.

    Each whole path (``(xy, trace_index)``, already drawn) turns faint; one head per path
    (the current point and at most ``figures.TAIL`` points behind it) is added; frame k moves
    only the heads; the map is also drawn as an image underneath (so Play never blanks it);
    the Play buttons and the slider count ``steps``. The same figure through ``go.Frame``
    objects took 80% of this chart's build, which every change of α or the start pays.
    Returns the frames, for :func:`slim`.
    """
    heads = []
    for xy, index in paths:
        full = fig.data[index]
        full.update(opacity=figures.FAINT, hoverinfo="skip", legendgroup=full.name)
        color = full.line.color
        part = _tail(xy, len(xy) - 1)
        fig.add_trace(
            go.Scatter(
                x=part[:, 0],
                y=part[:, 1],
                mode="lines+markers",
                line=dict(color=color, width=4),
                marker=dict(
                    color=color, size=_head_sizes(len(part)), line=dict(width=1, color=ACCENT)
                ),
                name=f"{full.name} {figures.HEAD_MARK}",
                legendgroup=full.name,
                showlegend=False,
                hoverinfo="skip",
            )
        )
        heads.append(len(fig.data) - 1)
    n = max(len(xy) for xy, _ in paths)
    frames = []
    for k in range(n):
        data = []
        for xy, _ in paths:
            part = _tail(xy, min(k, len(xy) - 1))
            data.append(
                {
                    "type": "scatter",
                    "x": _typed(part[:, 0]),
                    "y": _typed(part[:, 1]),
                    "marker": {"size": _head_sizes(len(part))},
                }
            )
        frames.append({"data": data, "traces": heads, "name": str(int(steps[k]))})
    figures._maps_as_images(fig)  # the shared fallback image under the map
    names = [int(step) for step in steps]
    fig.update_layout(**figures.playback(n, labels, frame_ms=frame_ms, redraw=False, names=names))
    fig.update_layout(margin=dict(b=165))
    return frames


def _tail(xy: np.ndarray, k: int) -> np.ndarray:
    """Points ``k − TAIL + 1 … k`` of a path, without the NaN of a diverged run."""
    part = np.asarray(xy[max(0, k - figures.TAIL + 1) : k + 1], dtype=np.float32)
    finite = np.isfinite(part).all(axis=1)
    return part[finite] if finite.any() else part[:0]


def _head_sizes(n: int) -> list[int]:
    """Small markers along a head's tail, a big one on its current point."""
    return [4] * max(0, n - 1) + [11] if n else []


def lean_steps(steps) -> np.ndarray:
    """Step numbers as int32 (a step axis never needs 64 bits)."""
    return np.asarray(steps).astype(np.int32)


def _lean_grid(xs, ys, z) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return lean(xs), lean(ys), lean(z)


def basin_colors(n_minima: int) -> list[str]:
    """One colour per minimum (global first), then "did not settle", then "diverged"."""
    locals_ = [LOCAL_COLORS[i % len(LOCAL_COLORS)] for i in range(max(0, n_minima - 1))]
    return [GLOBAL_COLOR, *locals_][:n_minima] + [UNSETTLED_COLOR, DIVERGED_COLOR]


def _label_note(x, y, text, *, xref="x", yref="y") -> dict:
    return dict(
        x=x,
        y=y,
        xref=xref,
        yref=yref,
        text=text,
        showarrow=False,
        yshift=14,
        font=dict(size=11, color=ACCENT),
        bgcolor="rgba(255,255,255,0.8)",
        borderpad=1,
    )


def _minima_markers(
    minima, names: Sequence[str], *, size=13, showlegend=True, legend_name=""
) -> go.Scatter:
    xy = np.array([m.point for m in minima])
    symbols = [figures.MINIMUM_SYMBOLS.get(m.kind, "circle") for m in minima]
    return go.Scatter(
        x=xy[:, 0],
        y=xy[:, 1],
        mode="markers",
        name=legend_name,
        showlegend=showlegend,
        marker=dict(symbol=symbols, size=size, color=FILL, line=dict(width=2, color=ACCENT)),
        text=[f"{n}: {m.value:.3f}" for n, m in zip(names, minima, strict=True)],
        hovertemplate="%{text}<extra></extra>",
    )


def _cap_contour(fig: go.Figure, z: np.ndarray, cap: float) -> None:
    low = float(np.nanmin(z))
    fig.data[0].update(
        zauto=False,
        zmin=low,
        zmax=cap,
        autocontour=False,
        contours=dict(start=low, end=cap, size=(cap - low) / 24, showlines=False),
    )


def title_below_toolbar(fig: go.Figure, *, room: int = 40) -> None:
    """The title starts under Plotly's toolbar (on a narrow chart a long title ran beneath
    it), with ``room`` pixels for it (and a legend) above the plot."""
    fig.update_layout(
        title=dict(
            y=1, yanchor="top", yref="container", x=0.01, xanchor="left", pad=dict(t=TOOLBAR)
        ),
        margin=dict(t=TOOLBAR + room),
    )


def room_for_legend(fig: go.Figure) -> None:
    """Title under the toolbar, the horizontal legend under it (two rows on a narrow
    chart), then the plot."""
    title_below_toolbar(fig, room=85)
    fig.update_layout(legend=dict(y=1.01, yanchor="bottom"))


def surface_with_minima(
    xs,
    ys,
    z,
    minima,
    names: Sequence[str],
    *,
    camera: str,
    title: str,
    legend_name: str,
    cap: float | None = None,
) -> go.Figure:
    """The surface in 3-D with its minima marked (no slider-dependent data).

    Heights above ``cap`` are drawn at ``cap`` (a flat cut) so the dips fill the view.
    """
    xs, ys, z = _lean_grid(xs, ys, z)
    shown = z if cap is None else np.minimum(z, np.float32(cap))
    fig = figures.surface(xs, ys, shown, title=title, camera=camera)
    xyz = np.array([(*m.point, m.value) for m in minima])
    fig.add_trace(
        go.Scatter3d(
            x=xyz[:, 0],
            y=xyz[:, 1],
            z=xyz[:, 2],
            mode="markers+text",
            name=legend_name,
            marker=dict(
                size=[9 if m.kind == "global" else 6 for m in minima],
                color=[GLOBAL_COLOR if m.kind == "global" else FILL for m in minima],
                line=dict(width=1, color=ACCENT),
            ),
            text=[
                f"{n} {m.value:.2f}" if m.kind == "global" else ""
                for n, m in zip(names, minima, strict=True)
            ],
            hovertext=[f"{n} {m.value:.3f}" for n, m in zip(names, minima, strict=True)],
            textposition="top center",
            textfont=dict(size=11, color=ACCENT),
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_layout(
        scene=dict(
            xaxis_title="x",
            yaxis_title="y",
            # a flatter box than the cube fits a wide chart without cutting its corners off
            aspectmode="manual",
            aspectratio=SURFACE_ASPECT,
            # the preset's eye, looking a little below the middle: the surface fills the
            # chart instead of leaving its top empty
            camera=figures.CAMERAS[camera] | {"center": SURFACE_CENTER},
        ),
        showlegend=False,
        height=SURFACE_HEIGHT,
        margin=dict(l=0, r=0, b=0),
    )
    title_below_toolbar(fig)
    return fig


def minima_contour(
    xs, ys, z, minima, names: Sequence[str], *, title: str, cap: float | None = None
) -> go.Figure:
    """Contour map with every minimum marked and labelled with its name and cost."""
    xs, ys, z = _lean_grid(xs, ys, z)
    fig = figures.contour(xs, ys, z, title=title)
    if cap is not None:
        _cap_contour(fig, z, cap)
    fig.add_trace(_minima_markers(minima, names, showlegend=False))
    fig.update_layout(
        annotations=[
            _label_note(*m.point, f"{n} {m.value:.2f}") for n, m in zip(names, minima, strict=True)
        ]
    )
    fig.update_xaxes(title="x")
    fig.update_yaxes(title="y")
    return fig


def paths_figure(
    xs,
    ys,
    z,
    points,
    names: Sequence[str],
    runs: Mapping[str, tuple[np.ndarray, str]],
    start,
    *,
    labels,
    title: str,
    start_name: str,
    points_name: str,
    stride: int = 1,
    cap: float | None = None,
    costs: bool = False,
) -> go.Figure:
    """Contour map, labelled critical points, the start and one animated path per run.

    ``runs`` maps a translated name to ``(xy (n, 2), colour)``; every ``stride``-th point
    (and the last) becomes a frame of the client-side animation. With ``costs`` each
    point's label also gives its cost (this map is the page's map of the minima).
    """
    xs, ys, z = _lean_grid(xs, ys, z)
    fig = figures.contour(xs, ys, z, title=title)
    if cap is not None:
        _cap_contour(fig, z, cap)
    fig.data[0].showscale = False
    fig.add_trace(_minima_markers(points, names, legend_name=points_name, showlegend=False))
    fig.add_trace(
        go.Scatter(
            x=[start[0]],
            y=[start[1]],
            mode="markers",
            name=start_name,
            showlegend=False,
            hovertemplate=start_name + " (%{x:.2f}, %{y:.2f})<extra></extra>",
            marker=dict(symbol="diamond", size=12, color=FILL, line=dict(width=2, color=ACCENT)),
        )
    )
    first = len(fig.data)
    paths = []
    for i, (name, (xy, color)) in enumerate(runs.items()):
        shown = lean(thin(xy, stride))
        figures.add_path(fig, shown, name=name, color=color)
        fig.data[-1].marker.size = 3
        fig.data[-1].line.width = 2
        paths.append((shown, first + i))
    fig.update_layout(
        annotations=[
            _label_note(*p.point, f"{n} {p.value:.2f}" if costs else n)
            for n, p in zip(names, points, strict=True)
        ]
    )
    fig.update_yaxes(title="y")  # no x title: the Play buttons sit where it would
    # the slider counts optimizer steps: the thinned points' step numbers
    longest = max(len(xy) for xy, _ in runs.values())
    steps = thin(np.arange(longest)[:, None], stride)[:, 0]
    frames = animate(fig, paths, labels=labels, frame_ms=80, steps=steps)
    room_for_legend(fig)
    fig.update_layout(height=MAP_HEIGHT)
    return slim(fig, frames)


def thin(xy: np.ndarray, stride: int) -> np.ndarray:
    """Every ``stride``-th point of a path, always keeping the last one."""
    if stride <= 1 or len(xy) <= 2:
        return xy
    idx = np.arange(0, len(xy), stride)
    if idx[-1] != len(xy) - 1:
        idx = np.append(idx, len(xy) - 1)
    return xy[idx]


def _codes(labels: np.ndarray, n_minima: int) -> np.ndarray:
    """Basin labels → colour codes: minima 0…M−1, unsettled M, diverged M+1 (uint8: one
    byte per start, an eighth of the labels' int64)."""
    if n_minima + 1 > np.iinfo(np.uint8).max:
        raise ValueError(f"{n_minima} minima do not fit one byte of colour codes")
    codes = np.where(labels == UNSETTLED, n_minima, labels)
    return np.where(labels == DIVERGED, n_minima + 1, codes).astype(np.uint8)


BASIN_HEIGHT = 470  # the maps, and room under them for the legend (several rows on a phone)


def wrap_title(title: str, width: int = 14) -> str:
    """A panel title on two lines (split at the space nearest its middle) when wider than
    ``width`` (Hangul counts double): side by side on a phone, one-line titles overlapped."""
    if _width(title) <= width or " " not in title:
        return title
    middle = _width(title) / 2
    spaces = [i for i, c in enumerate(title) if c == " "]
    cut = min(spaces, key=lambda i: abs(_width(title[:i]) - middle))
    return title[:cut] + "<br>" + title[cut + 1 :]


def _width(text: str) -> int:
    return sum(2 if "\uac00" <= c <= "\ud7a3" else 1 for c in text)


def basin_maps(
    panels: Sequence[tuple[str, object]],
    minima,
    names: Sequence[str],
    *,
    unsettled: str,
    diverged: str,
    title: str | None = None,
) -> go.Figure:
    """Side-by-side basin maps ``[(panel title, BasinMap), …]`` with one legend of the colours
    under them (a horizontal legend wraps onto more rows on a narrow screen, where a colour
    bar beside the maps took half the width)."""
    m = len(minima)
    colors = basin_colors(m)
    k = len(colors)
    scale = []
    for i, c in enumerate(colors):
        scale += [(i / k, c), ((i + 1) / k, c)]
    fig = make_subplots(
        rows=1,
        cols=len(panels),
        subplot_titles=[wrap_title(p[0]) for p in panels],
        horizontal_spacing=0.06,
        shared_yaxes=True,
    )
    categories = [f"{n} ({mm.value:.2f})" for n, mm in zip(names, minima, strict=True)] + [
        unsettled,
        diverged,
    ]
    for j, (_, bmap) in enumerate(panels, start=1):
        fig.add_trace(
            go.Heatmap(
                x=lean(bmap.xs),
                y=lean(bmap.ys),
                z=_codes(bmap.labels, m),
                zmin=-0.5,
                zmax=k - 0.5,
                colorscale=scale,
                showscale=False,
                hovertemplate="x₀=%{x:.2f}, y₀=%{y:.2f}<extra></extra>",
            ),
            row=1,
            col=j,
        )
        fig.add_trace(_minima_markers(minima, names, size=10, showlegend=False), row=1, col=j)
        fig.update_xaxes(
            range=[bmap.xs[0], bmap.xs[-1]],
            title="x₀",
            constrain="domain",
            scaleanchor=f"y{'' if j == 1 else j}",
            row=1,
            col=j,
        )
        fig.update_yaxes(range=[bmap.ys[0], bmap.ys[-1]], constrain="domain", row=1, col=j)
    for name, color in zip(categories, colors, strict=True):  # the legend: one swatch each
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=name,
                marker=dict(
                    symbol="square", size=13, color=color, line=dict(width=1, color=ACCENT)
                ),
                hoverinfo="skip",
            ),
            row=1,
            col=1,
        )
    fig.update_yaxes(title="y₀", row=1, col=1)
    figures.base_layout(fig, title, height=BASIN_HEIGHT)
    title_below_toolbar(fig, room=50)  # the panels' titles (two lines) sit where a title would
    fig.update_annotations(font_size=13)
    fig.update_layout(
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=-0.16,
            yanchor="top",
            itemclick=False,
            itemdoubleclick=False,
            font_size=12,
        ),
        margin=dict(b=10),
    )
    return fig


def share_bars(
    groups: Mapping[str, tuple[Sequence[float], str]],
    categories: Sequence[str],
    *,
    ylabel: str,
    title: str | None = None,
) -> go.Figure:
    """Grouped bars: share of the starts per category (minima, unsettled, diverged) per method."""
    fig = go.Figure()
    for name, (values, color) in groups.items():
        fig.add_trace(
            go.Bar(
                x=list(categories),
                y=[100 * v for v in values],
                name=name,
                marker_color=color,
                hovertemplate="%{x}: %{y:.1f}%<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title=ylabel, ticksuffix="%")
    figures.base_layout(fig, title, height=360)
    room_for_legend(fig)
    return fig


def gradient_norms(
    curves: Mapping[str, tuple[np.ndarray, np.ndarray, str]],
    *,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
    shade: tuple[float, float] | None = None,
    shade_label: str = "",
) -> go.Figure:
    """‖∇f‖ per step on a log axis; ``shade`` marks a band of steps (the predicted crawl)."""
    safe = {n: (lean_steps(s), lean(np.maximum(g, 1e-16)), c) for n, (s, g, c) in curves.items()}
    fig = figures.loss_curves(safe, xlabel=xlabel, ylabel=ylabel, log_y=True, title=title)
    fig.update_yaxes(exponentformat="power")
    room_for_legend(fig)
    fig.update_layout(height=420)
    if shade is not None and np.isfinite(shade[1]):
        fig.add_vrect(
            x0=shade[0],
            x1=shade[1],
            fillcolor=GUIDE_COLORS["band"],
            opacity=0.15,
            line_width=0,
            annotation_text=shade_label,
            annotation_position="top left",
            annotation_font_size=12,
        )
    return fig


def cost_figure(
    curves, *, floor: float, ceiling: float, xlabel: str, ylabel: str, title: str, floor_label: str
) -> go.Figure:
    """Cost per step; the y range stops at ``ceiling`` so a diverging run cannot flatten the rest."""
    curves = {n: (lean_steps(s), lean(v), c) for n, (s, v, c) in curves.items()}
    fig = figures.loss_curves(curves, xlabel=xlabel, ylabel=ylabel, title=title)
    fig.add_hline(
        y=floor,
        line_dash="dot",
        line_color=GUIDE_COLORS["floor"],
        annotation_text=floor_label,
        annotation_position="bottom right",  # under the line: above it run the curves
    )
    fig.update_yaxes(range=[floor - 0.1 * (ceiling - floor), ceiling])
    room_for_legend(fig)
    return fig


# -- the page's charts, built from the lesson's sections --------------------------------------------
# ``labels`` carries the translated words; the two runs of a section always take gradient
# descent's colour (plain) and the noisy-run colour (noisy).


def landscape_surface(land, names: Sequence[str], *, camera: str, labels) -> go.Figure:
    """The lesson's ``Landscape`` in 3-D (labels: surface_title, minima)."""
    return surface_with_minima(
        *land.grid,
        land.minima,
        names,
        camera=camera,
        title=labels["surface_title"],
        legend_name=labels["minima"],
        cap=land.cap,
    )


def landscape_contour(land, names: Sequence[str], *, labels) -> go.Figure:
    """The lesson's ``Landscape`` as a contour map (labels: contour_title)."""
    return minima_contour(
        *land.grid, land.minima, names, title=labels["contour_title"], cap=land.cap
    )


def section_paths(
    grid, points, names: Sequence[str], section, *, run_names, labels, cap: float, costs=False
) -> go.Figure:
    """The plain and noisy runs of a ``Start`` or ``Saddle`` section on ``grid``.

    ``labels``: play, pause, step, start, title and points (the legend name of ``points``).
    """
    return paths_figure(
        *grid,
        points,
        names,
        {
            run_names[0]: (section.plain.params, figures.COLORS["gd"]),
            run_names[1]: (section.noisy.params, figures.COLORS["noisy"]),
        },
        section.start,
        labels=labels,
        title=labels["title"],
        start_name=labels["start"],
        points_name=labels["points"],
        stride=section.stride,
        cap=cap,
        costs=costs,
    )


def start_costs(start, *, run_names, labels) -> go.Figure:
    """Cost per step of the ``Start`` section's runs (labels: step, cost, title, floor)."""
    plain, noisy = run_names
    curves = {
        plain: (start.plain.steps, start.plain.loss, figures.COLORS["gd"]),
        noisy: (start.noisy.steps, start.noisy.loss, figures.COLORS["noisy"]),
    }
    return cost_figure(
        curves,
        floor=start.floor,
        ceiling=start.ceiling,
        xlabel=labels["step"],
        ylabel=labels["cost"],
        title=labels["title"],
        floor_label=labels["floor"],
    )


def saddle_norms(saddle, *, run_names, labels) -> go.Figure:
    """‖∇f‖ per step of the ``Saddle`` section's runs, the predicted crawl shaded.

    ``labels``: step, axis, title, band.
    """
    plain, noisy = run_names
    curves = {
        plain: (saddle.plain.steps, saddle.plain.grad_norm, figures.COLORS["gd"]),
        noisy: (saddle.noisy.steps, saddle.noisy.grad_norm, figures.COLORS["noisy"]),
    }
    return gradient_norms(
        curves,
        xlabel=labels["step"],
        ylabel=labels["axis"],
        title=labels["title"],
        shade=saddle.crawl,
        shade_label=labels["band"],
    )


def basin_shares(basins, panel_names: Sequence[str], categories, *, labels) -> go.Figure:
    """Share of the starts per minimum for each map of the ``Basins`` section, in the
    methods' colours (labels: axis, title)."""
    groups = {
        name: (bars, figures.COLORS[key])
        for name, bars, key in zip(panel_names, basins.bars, basins.methods, strict=True)
    }
    return share_bars(groups, categories, ylabel=labels["axis"], title=labels["title"])


# -- the charts as the page asks for them: by its settings ------------------------------------------
# ui/cached.py shares one figure per distinct argument set and hashes the arguments on every
# view: a few numbers and short labels cost microseconds, a lesson result with its arrays
# (a basin map is 10,000 labels) far more. So these take the page's settings and run the
# lesson's section themselves (pure and quick: the basin maps are kept by the lesson), only
# when a figure is first built. Each is slimmed (see :data:`TEMPLATE`).


def surface_view(names: Sequence[str], *, camera: str, labels) -> go.Figure:
    """Section 1: the surface in 3-D from ``camera`` (labels: surface_title, minima)."""
    return slim(landscape_surface(lesson.landscape(), names, camera=camera, labels=labels))


def start_map(lr, steps, x0, y0, noise, seed, *, names, run_names, labels) -> go.Figure:
    """Section 2: both runs from ``(x0, y0)`` on the map of the minima, labelled with their
    costs (labels: play, pause, step, start, title, points)."""
    land = lesson.landscape()
    one = lesson.start(lr, steps, x0, y0, noise, seed)
    return section_paths(
        land.grid,
        land.minima,
        names,
        one,
        run_names=run_names,
        labels=labels,
        cap=land.cap,
        costs=True,
    )


def start_cost_chart(lr, steps, x0, y0, noise, seed, *, run_names, labels) -> go.Figure:
    """Section 2: cost per step of both runs (labels: step, cost, title, floor)."""
    one = lesson.start(lr, steps, x0, y0, noise, seed)
    return slim(start_costs(one, run_names=run_names, labels=labels))


def basins_chart(
    lr, steps, noise, seed, extra, *, panel_names, names, unsettled, diverged
) -> go.Figure:
    """Section 3: one basin map per method, titled ``panel_names``."""
    found = lesson.basins(lr, steps, noise, seed, extra)
    panels = list(zip(panel_names, found.maps, strict=True))
    minima = lesson.landscape().minima
    return slim(basin_maps(panels, minima, names, unsettled=unsettled, diverged=diverged))


def shares_chart(lr, steps, noise, seed, extra, *, panel_names, categories, labels) -> go.Figure:
    """Section 3: the share of starts per minimum and method (labels: axis, title)."""
    found = lesson.basins(lr, steps, noise, seed, extra)
    return slim(basin_shares(found, panel_names, categories, labels=labels))


def saddle_norms_chart(lr, offset, noise, seed, *, run_names, labels) -> go.Figure:
    """Section 4: ‖∇f‖ per step past the saddle (labels: step, axis, title, band)."""
    return slim(
        saddle_norms(lesson.saddle(lr, offset, noise, seed), run_names=run_names, labels=labels)
    )


def saddle_map(lr, offset, noise, seed, *, names, run_names, labels) -> go.Figure:
    """Section 4: both runs past the saddle; ``names`` of its critical points (labels: play,
    pause, step, start, title, points)."""
    found = lesson.saddle(lr, offset, noise, seed)
    return section_paths(
        found.grid,
        found.points,
        names,
        found,
        run_names=run_names,
        labels=labels,
        cap=lesson.SADDLE_CAP,
    )
