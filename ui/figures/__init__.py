"""Pure Plotly figure builders shared by the pages (no Streamlit here).

Colours come from the Okabe–Ito palette, which stays distinguishable with the
common colour-vision deficiencies; each optimizer keeps its colour on every page.
Labels are passed in already translated, so these functions know no language.
"""

from __future__ import annotations

import base64
import json
import struct
import zlib
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

# One colour per meaning, decided here once. The six racers take the Okabe–Ito
# colours (distinguishable with the common colour-vision deficiencies); the other
# meanings take colours from Paul Tol's muted scheme, so no colour stands for two
# things anywhere in the dashboard (tests/ui/test_figures.py checks it).
COLORS = {
    "gd": "#0072B2",  # blue
    "momentum": "#E69F00",  # orange
    "rmsprop": "#009E73",  # bluish green
    "adam": "#CC79A7",  # reddish purple
    "adagrad": "#56B4E9",  # sky blue
    "nesterov": "#D55E00",  # vermillion
    "data": "#888888",  # grey: measured data, raw series
    "noisy": "#882255",  # wine: noisy / mini-batch runs
    "batch": "#117733",  # dark green: the chosen batch size
    "accent": "#000000",  # black: minima, markers, the current step
}
# The cost under animated paths, low to high: dark to light grey. A map with no hue leaves
# the racers' colours the only ones on it (Viridis's blues and greens hid some paths).
MAP_SCALE = ((0.0, "#9A9A9A"), (0.45, "#D2D2D2"), (1.0, "#FAFAFA"))
BETA_COLORS = ("#332288", "#44AA99", "#999933")  # indigo, teal, olive: the three β curves
RACERS = ("gd", "momentum", "rmsprop", "adam", "adagrad", "nesterov")
PALETTE = frozenset(COLORS.values()) | frozenset(BETA_COLORS)
MINIMUM_SYMBOLS = {"global": "star", "local": "circle", "saddle": "x"}

CAMERAS = {
    "iso": dict(eye=dict(x=1.5, y=-1.5, z=1.1)),
    "top": dict(eye=dict(x=0.0, y=0.0, z=2.4), up=dict(x=0, y=1, z=0)),
    "side": dict(eye=dict(x=0.0, y=-2.4, z=0.35)),
}

_FONT = dict(family="Noto Sans, Noto Sans CJK KR, sans-serif", size=14)


def _template() -> go.layout.Template:
    """plotly_white's look for the traces these charts use, without its 7 KiB of defaults
    for polar, ternary and geo plots, colour scales and the trace types never drawn here:
    a figure carries its template, so every chart of every view paid for them."""
    white = pio.templates["plotly_white"].layout
    axis = {k: white.xaxis[k] for k in ("gridcolor", "linecolor", "ticks", "zerolinecolor")}
    axis |= dict(automargin=True, zerolinewidth=2, title_standoff=15)
    scene_axis = {k: white.scene.xaxis[k] for k in ("backgroundcolor", "gridcolor", "linecolor")}
    scene_axis |= dict(showbackground=True, ticks="", zerolinecolor=white.scene.xaxis.zerolinecolor)
    colorbar = dict(outlinewidth=0, ticks="")
    return go.layout.Template(
        layout=dict(
            colorway=white.colorway,
            font_color=white.font.color,
            hovermode="closest",
            hoverlabel_align="left",
            paper_bgcolor="white",
            plot_bgcolor="white",
            xaxis=axis,
            yaxis=axis,
            scene=dict(xaxis=scene_axis, yaxis=scene_axis, zaxis=scene_axis),
            shapedefaults=dict(line_color=white.font.color),
            annotationdefaults=dict(arrowcolor=white.font.color, arrowhead=0, arrowwidth=1),
        ),
        data=dict(
            bar=[go.Bar(marker_line=dict(color="white", width=0.5))],
            contour=[go.Contour(colorbar=colorbar)],
            heatmap=[go.Heatmap(colorbar=colorbar)],
        ),
    )


TEMPLATE = _template()


def base_layout(fig: go.Figure, title: str | None = None, *, height: int = 420) -> go.Figure:
    """Shared look: white background, readable font, compact margins, legend on top."""
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", y=0.99, yanchor="top") if title else None,
        template=TEMPLATE,
        font=_FONT,
        height=height,
        margin=dict(l=10, r=10, t=90 if title else 40, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, xanchor="left", x=0),
    )
    return fig


_F32_MAX = float(np.finfo(np.float32).max)


def lean(values) -> np.ndarray:
    """``values`` as float32, for what a figure sends: half the bytes of float64 and exact to
    about 6·10⁻⁸ of each value. Magnitudes beyond float32's range are held at its largest
    finite value instead of turning infinite; NaN stays NaN (a diverged run's gap)."""
    a = np.asarray(values, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.clip(a, -_F32_MAX, _F32_MAX).astype(np.float32)


def contour(xs, ys, z, *, log_scale: bool = False, title: str | None = None, colorbar_title=""):
    """Filled contour map of ``z`` (log-spaced levels when the range spans decades)."""
    shown = np.log10(z - np.nanmin(z) + 1e-3) if log_scale else z
    fig = go.Figure(
        go.Contour(
            x=xs,
            y=ys,
            z=shown.astype(np.float32),
            colorscale="Viridis",
            contours=dict(showlines=False),
            ncontours=30,
            colorbar=dict(title=colorbar_title, thickness=12),
            hoverinfo="skip",
        )
    )
    # no grid: the filled map covers it, and it would show over the map's image in playback
    fig.update_xaxes(range=[xs[0], xs[-1]], constrain="domain", showgrid=False, zeroline=False)
    fig.update_yaxes(
        range=[ys[0], ys[-1]], scaleanchor="x", scaleratio=1, showgrid=False, zeroline=False
    )
    return base_layout(fig, title)


def surface(xs, ys, z, *, title: str | None = None, camera: str = "iso", zlabel: str = "f"):
    """3-D surface (float32 to halve the payload) with a named camera preset."""
    fig = go.Figure(
        go.Surface(
            x=xs,
            y=ys,
            z=z.astype(np.float32),
            colorscale="Viridis",
            showscale=False,
            opacity=0.9,
            contours=dict(z=dict(show=True, usecolormap=True, project=dict(z=True))),
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        scene=dict(camera=CAMERAS[camera], zaxis_title=zlabel, aspectmode="cube"),
        scene_camera=CAMERAS[camera],
    )
    return base_layout(fig, title, height=520)


def add_path(fig: go.Figure, xy: np.ndarray, *, name: str, color: str, z=None) -> go.Figure:
    """Draw a path of points ``(n, 2)`` (lines + markers), on a 3-D scene when ``z`` is given."""
    style = dict(name=name, line=dict(color=color, width=3), marker=dict(color=color, size=5))
    if z is None:
        fig.add_trace(go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="lines+markers", **style))
    else:
        fig.add_trace(go.Scatter3d(x=xy[:, 0], y=xy[:, 1], z=z, mode="lines+markers", **style))
    return fig


def add_critical_points(fig: go.Figure, points, labels: Mapping[str, str], *, z_of=None):
    """Mark known minima and saddles; ``labels`` maps kind → translated name."""
    for kind in ("global", "local", "saddle"):
        chosen = [c for c in points if c.kind == kind]
        if not chosen:
            continue
        xy = np.array([c.point for c in chosen])
        marker = dict(symbol=MINIMUM_SYMBOLS[kind], size=12, color="white", line=dict(width=2))
        if z_of is None:
            fig.add_trace(
                go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="markers", name=labels[kind], marker=marker)
            )
        else:
            fig.add_trace(
                go.Scatter3d(
                    x=xy[:, 0],
                    y=xy[:, 1],
                    z=[c.value for c in chosen],
                    mode="markers",
                    name=labels[kind],
                    marker=dict(symbol="diamond", size=5, color="white"),
                )
            )
    return fig


def loss_curves(
    curves: Mapping[str, tuple[np.ndarray, np.ndarray, str]],
    *,
    xlabel,
    ylabel,
    log_y: bool = False,
    title: str | None = None,
) -> go.Figure:
    """Cost against step for several runs: ``{name: (steps, loss, color)}``."""
    fig = go.Figure()
    for name, (steps, loss, color) in curves.items():
        fig.add_trace(go.Scatter(x=steps, y=loss, mode="lines", name=name, line=dict(color=color)))
    fig.update_xaxes(title=xlabel)
    fig.update_yaxes(title=ylabel, type="log" if log_y else "linear", exponentformat="power")
    return base_layout(fig, title, height=320)


TAIL = 20  # points of recent path a frame carries behind each racer's current point
FAINT = 0.35  # opacity of a whole path drawn under the moving head
SPEEDS = (1, 4)  # playback speeds offered as buttons (multiples of the base frame rate)
SLIDER_DROP = 42  # pixels between the Play buttons and the step slider under them
HEAD_MARK = "●"  # suffix of a head trace's name (it shares the legend entry of its path)


def animate_paths(
    fig: go.Figure,
    paths: Sequence[tuple[np.ndarray, int]],
    *,
    labels,
    frame_ms: int = 80,
    annotations: Sequence[str] | None = None,
    redraw: bool | None = None,
    steps: Sequence[int] | None = None,
) -> go.Figure:
    """Add client-side playback (Plotly frames, slider, Play buttons) to ``fig``.

    ``paths`` holds ``(xy, trace_index)`` pairs (``xy`` of shape (n, 2), or (n, 3) for a
    path on a 3-D surface) whose whole path is already drawn at ``trace_index``. That
    trace stays in the base figure, faint; for each path one *head* trace is added
    (the current point and at most :data:`TAIL` points behind it), and frame k carries
    only the heads — so the figure grows with the number of steps, not its square,
    and the contour or surface underneath is never re-sent. ``steps`` names each
    record's optimizer step (default 0, 1, …): the slider and the notes count steps.
    ``annotations`` (one per frame) carry the numbers of that step. ``labels`` maps
    "play", "pause", "step" to text. ``redraw`` defaults to True only where needed
    (per-frame notes and 3-D heads); 2-D heads move without redrawing the map.
    """
    n = max(len(xy) for xy, _ in paths)
    steps = list(range(n)) if steps is None else [int(s) for s in steps]
    is_3d = any(xy.shape[1] == 3 for xy, _ in paths)
    if redraw is None:
        redraw = is_3d or annotations is not None
    heads = []
    for xy, index in paths:
        full = fig.data[index]
        full.update(opacity=FAINT, showlegend=full.showlegend, hoverinfo="skip")
        color = full.line.color
        head = _partial_path(_tail(xy, len(xy) - 1))
        head.update(
            mode="lines+markers",
            line=dict(color=color, width=4),
            marker=dict(
                color=color, size=_head_sizes(len(head.x)), line=dict(width=1, color="#000000")
            ),
            name=f"{full.name} {HEAD_MARK}",  # its own name: lookups by name find the path
            legendgroup=full.name,
            showlegend=False,
            hoverinfo="skip",
        )
        full.update(legendgroup=full.name)
        fig.add_trace(head)
        heads.append(len(fig.data) - 1)
    frames = []
    for k in range(n):
        data = [_frame_head(_tail(xy, min(k, len(xy) - 1))) for xy, _ in paths]
        layout = {}
        if annotations is not None:
            layout = dict(annotations=[frame_text(annotations[min(k, len(annotations) - 1)])])
        frames.append(go.Frame(data=data, traces=heads, name=str(steps[k]), layout=layout))
    # The heads are plain data made here (float32 points and marker sizes): validating
    # them, and the frames again when assigned to ``fig.frames``, took ~10 ms per frame
    # (a second per animated map, paid on every new setting). Built unvalidated and set
    # directly they give the same JSON (tests/figures/test_shared.py) in a quarter of it.
    fig._frame_objs = tuple(frames)
    if not is_3d:
        _maps_as_images(fig)
    fig.update_layout(**playback(n, labels, frame_ms=frame_ms, redraw=redraw, names=steps))
    if annotations is not None:
        fig.update_layout(annotations=[frame_note(annotations[-1])])
    fig.update_layout(margin=dict(b=165), height=(fig.layout.height or 420) + 125)
    return fig


# plotly.js redraws only animatable traces (scatter) during an animation frame and drops
# the others from the plot: a contour or heatmap under moving paths vanishes when Play
# is pressed and stays gone (plotly.js issue 4491; neither typed arrays, ``redraw``, an
# empty entry in each frame nor a second axis change that). Layout images are not traces,
# so each map is also drawn as a PNG underneath, in the same colours: while the figure
# stands still the vector map covers it, and while it plays the picture stays the same.
MAP_IMAGE_SIDE = 240  # pixels of the fallback image's longer side


def _maps_as_images(fig: go.Figure) -> None:
    for trace in fig.data:
        if trace.type not in ("contour", "heatmap") or trace.z is None:
            continue
        xs, ys = np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)
        rgb = _map_pixels(trace)
        if rgb is None or len(xs) < 2 or len(ys) < 2:
            continue
        fig.add_layout_image(
            source="data:image/png;base64," + base64.b64encode(_png(rgb)).decode("ascii"),
            xref=trace.xaxis or "x",
            yref=trace.yaxis or "y",
            x=xs[0],
            y=ys[-1],
            sizex=xs[-1] - xs[0],
            sizey=ys[-1] - ys[0],
            xanchor="left",
            yanchor="top",
            sizing="stretch",
            layer="below",
        )


def _map_pixels(trace) -> np.ndarray | None:
    """RGB pixels (rows from the top) of a contour's bands or a heatmap's cells."""
    z = np.asarray(trace.z, dtype=np.float64)
    if z.ndim != 2 or not np.isfinite(z).any():
        return None
    if trace.type == "contour":
        z = _resample(z, MAP_IMAGE_SIDE)
        c = trace.contours
        low = c.start if c.start is not None else np.nanmin(z)
        high = c.end if c.end is not None else np.nanmax(z)
        size = c.size if c.size else (high - low) / max(1, (trace.ncontours or 15))
        bands = np.clip(np.floor((z - low) / size), 0, max(0, round((high - low) / size) - 1))
        lo, hi = (trace.zmin, trace.zmax) if trace.zmin is not None else (low, high)
        values = low + (bands + 0.5) * size
        t = (values - lo) / ((hi - lo) or 1.0)
    else:
        lo = trace.zmin if trace.zmin is not None else np.nanmin(z)
        hi = trace.zmax if trace.zmax is not None else np.nanmax(z)
        t = (z - lo) / ((hi - lo) or 1.0)
    rgb = _colorscale_rgb(trace.colorscale, np.clip(np.nan_to_num(t, nan=0.0), 0, 1))
    rgb[~np.isfinite(z)] = 255
    return rgb[::-1]  # the image's first row is the top of the map


def _resample(z: np.ndarray, side: int) -> np.ndarray:
    """Bilinear resampling of a grid to about ``side`` pixels along its longer side."""
    rows, cols = z.shape
    scale = side / max(rows, cols)
    r = np.linspace(0, rows - 1, max(2, round(rows * scale)))
    c = np.linspace(0, cols - 1, max(2, round(cols * scale)))
    across = np.array([np.interp(c, np.arange(cols), row) for row in z])
    return np.array([np.interp(r, np.arange(rows), col) for col in across.T]).T


def _colorscale_rgb(scale, t: np.ndarray) -> np.ndarray:
    stops = np.array([float(s) for s, _ in scale])
    colours = np.array([_rgb(c) for _, c in scale], dtype=float)
    channels = [np.interp(t, stops, colours[:, i]) for i in range(3)]
    return np.rint(np.stack(channels, axis=-1)).astype(np.uint8)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.strip()
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    inner = colour[colour.index("(") + 1 : colour.index(")")].split(",")
    return tuple(int(float(v)) for v in inner[:3])


def _png(rgb: np.ndarray) -> bytes:
    """A minimal 8-bit RGB PNG (no imaging library needed)."""
    height, width, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[row].tobytes() for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _tail(xy: np.ndarray, k: int) -> np.ndarray:
    """Points ``k − TAIL + 1 .. k`` of a path, without the NaN of a diverged start."""
    part = np.asarray(xy[max(0, k - TAIL + 1) : k + 1], dtype=np.float64)
    finite = np.isfinite(part).all(axis=1)
    return part[finite] if finite.any() else part[:0]


def _head_sizes(n: int) -> list[int]:
    """Small markers along the tail, a big one on the current point."""
    return [4] * max(0, n - 1) + [11] if n else []


def playback(
    n: int,
    labels,
    *,
    frame_ms: int = 80,
    redraw: bool = True,
    active: int | None = None,
    y: float = -0.12,
    show_step: bool = False,
    names: Sequence | None = None,
) -> dict:
    """Layout of Play buttons (one per speed in :data:`SPEEDS`, and Pause) and a slider for
    ``n`` frames named ``names`` (default "0".."n-1"): the slider is labelled with the
    names, so when frames are named by optimizer step the slider counts steps.

    Pass it to ``fig.update_layout(**playback(...))``. ``active`` is the frame the slider
    starts on (the last by default); ``show_step`` prints "step k" above the slider.
    Speeds are buttons inside the figure (a Streamlit widget would rebuild it).
    """
    names = [str(k) for k in (range(n) if names is None else names)]

    def play(speed: int) -> dict:
        return dict(
            frame=dict(duration=max(10, frame_ms // speed), redraw=redraw),
            fromcurrent=True,
            transition=dict(duration=0),
            mode="immediate",
        )

    pause = dict(frame=dict(duration=0, redraw=False), mode="immediate")
    jump = dict(
        mode="immediate", frame=dict(duration=0, redraw=redraw), transition=dict(duration=0)
    )
    buttons = [
        dict(
            label=("▶ " + labels["play"]) if speed == 1 else f"▶▶ ×{speed}",
            method="animate",
            args=[None, play(speed)],
        )
        for speed in SPEEDS
    ]
    buttons.append(dict(label="■ " + labels["pause"], method="animate", args=[[None], pause]))
    return dict(
        updatemenus=[
            dict(
                type="buttons",
                showactive=False,
                x=0,
                y=y,
                xanchor="left",
                yanchor="top",
                direction="left",
                pad=dict(t=0, r=10),
                buttons=buttons,
            )
        ],
        sliders=[
            dict(
                active=n - 1 if active is None else active,
                # a row of its own under the buttons: on a narrow chart (1024-px projector,
                # Korean button labels) a slider beside them slid under the buttons
                x=0,
                len=1.0,
                y=y,
                yanchor="top",
                pad=dict(t=SLIDER_DROP, b=0),
                currentvalue=dict(prefix=labels["step"] + " ", visible=show_step),
                steps=[dict(label=name, method="animate", args=[[name], jump]) for name in names],
            )
        ],
    )


def _partial_path(xy: np.ndarray):
    """Points of a path as a 2-D (x, y) or 3-D (x, y, z) scatter (float32: half the bytes)."""
    xy = np.asarray(xy, dtype=np.float32)
    if xy.shape[1] == 3:
        return go.Scatter3d(x=xy[:, 0], y=xy[:, 1], z=xy[:, 2])
    return go.Scatter(x=xy[:, 0], y=xy[:, 1])


def _frame_head(part: np.ndarray):
    """A head in one frame: the points of :func:`_partial_path` and their marker sizes."""
    xy = np.asarray(part, dtype=np.float32)
    marker = dict(size=_head_sizes(len(xy)))
    if xy.shape[1] == 3:
        return go.Scatter3d(x=xy[:, 0], y=xy[:, 1], z=xy[:, 2], marker=marker, _validate=False)
    return go.Scatter(x=xy[:, 0], y=xy[:, 1], marker=marker, _validate=False)


def frame_note(text: str, **where) -> dict:
    """A boxed annotation with the numbers of one frame (top left unless ``where`` moves it)."""
    return (
        dict(
            text=text,
            x=0.01,
            y=0.99,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            bgcolor="rgba(255,255,255,0.85)",
            bordercolor="#888",
            borderwidth=1,
            font=dict(size=13),
        )
        | where
    )


def frame_text(text: str) -> dict:
    """What a frame carries for the note :func:`frame_note` placed in the base figure: its
    text only. plotly.js merges a frame's annotations into the figure's by position, so the
    box, font and place stay as the base figure has them (150 frames: ~40 KiB less)."""
    return dict(text=text)


def paths_on_contour(
    xs,
    ys,
    z,
    runs: Mapping[str, tuple[np.ndarray, str]],
    *,
    labels,
    log_scale: bool = False,
    title: str | None = None,
    critical_points=(),
    critical_labels=None,
    axes: tuple[str, str] | None = None,
) -> go.Figure:
    """Contour map with one animated path per run: ``{name: (xy (n, 2), color)}``.

    NaN points (a diverged run) simply end the drawn path; ``axes`` titles x and y.
    """
    fig = contour(xs, ys, z, log_scale=log_scale, title=title)
    if axes is not None:
        fig.update_xaxes(title=axes[0])
        fig.update_yaxes(title=axes[1])
    if critical_points:
        add_critical_points(fig, critical_points, critical_labels)
    first = len(fig.data)
    for name, (xy, color) in runs.items():
        add_path(fig, xy, name=name, color=color)
    paths = [(xy, first + i) for i, (xy, _) in enumerate(runs.values())]
    fig = animate_paths(fig, paths, labels=labels)
    if axes is not None:  # the buttons and the slider go under the x-axis title
        fig.update_layout(updatemenus=[dict(y=-0.2)], sliders=[dict(y=-0.2)])
    return fig


def ranges_around(path, box, pad: float = 0.12):
    """Axis ranges around a whole run (inside ``box``, its plotting box): a step chart
    drawn with them keeps its scale for every step k."""
    xy = np.asarray(path, dtype=np.float64)
    xy = xy[np.all(np.isfinite(xy), axis=1)]
    ranges = []
    for i, (lo, hi) in enumerate(box):
        a, b = (
            (max(lo, float(xy[:, i].min())), min(hi, float(xy[:, i].max())))
            if xy.size
            else (lo, hi)
        )
        margin = pad * max(b - a, 0.5)
        ranges.append((max(lo, a - margin), min(hi, b + margin)))
    return tuple(ranges)


HEAD = 8  # points of recent path the gradient-descent, momentum and RMSprop frames carry


def shorter_heads(fig: go.Figure, keep: int = HEAD) -> go.Figure:
    """Cut the moving heads that :func:`animate_paths` added (in the base figure and in
    every frame) to their last ``keep`` points: the whole path is drawn faint anyway, and
    a hundred or more frames × heads of :data:`TAIL` points were most of a figure's bytes."""
    heads = list(fig.frames[0].traces) if fig.frames else []
    for trace in [fig.data[i] for i in heads] + [t for f in fig.frames for t in f.data]:
        sizes = trace.marker.size
        trace.update(x=trace.x[-keep:], y=trace.y[-keep:])
        if sizes is not None and not isinstance(sizes, int | float):
            trace.marker.size = list(sizes)[-keep:]
    return fig


def freeze(fig: go.Figure) -> go.Figure:
    """Pin ``fig``'s serialized form, for a figure built once and shared by every visitor.

    ``st.plotly_chart`` turns a figure into a dict (``to_dict``, a deep copy) and that
    into JSON on every call: 40–150 ms for an animated chart, per visitor. A frozen
    figure answers ``to_dict`` with the dict made here, once (typed arrays already
    encoded), so each later view costs a few milliseconds and yields the same JSON.
    A frozen figure must not be changed afterwards: build a new one instead.

    The figure returned is an empty shell around that dict, not ``fig``: the built
    figure's validated objects (about three times as many Python objects as the dict)
    are let go, so the shared caches hold less memory and every full garbage
    collection has fewer objects to walk. Read a frozen figure through ``to_dict()``
    or ``to_json()``.
    """
    frozen = json.loads(pio.to_json(fig, validate=False, remove_uids=True))
    shell = go.Figure()
    object.__setattr__(shell, "to_dict", lambda: frozen)
    object.__setattr__(shell, "_frozen", True)
    return shell


def is_frozen(fig: go.Figure) -> bool:
    """True for a figure made by :func:`freeze`."""
    return bool(getattr(fig, "_frozen", False))
