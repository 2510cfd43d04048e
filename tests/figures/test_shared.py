"""The shared figure pieces: one colour per meaning, pure builders with clean data."""

import base64
import json

import numpy as np

from optim_core.lessons import home
from ui import figures


def test_each_colour_means_one_thing():
    colours = list(figures.COLORS.values()) + list(figures.BETA_COLORS)
    assert len(colours) == len(set(c.upper() for c in colours))
    assert set(figures.RACERS) <= figures.COLORS.keys()
    assert figures.PALETTE == frozenset(colours)


def test_the_preview_race_has_one_named_path_per_optimizer_in_its_colour():
    preview = home.preview(40)
    runs = {name: (xy, figures.COLORS[name]) for name, xy in preview.paths.items()}
    labels = {"play": "play", "pause": "pause", "step": "step"}
    fig = figures.paths_on_contour(*preview.grid, runs, labels=labels, title="t")
    by_name = {trace.name: trace for trace in fig.data if trace.name}
    assert set(runs) <= by_name.keys()
    for name, (xy, colour) in runs.items():
        trace = by_name[name]
        assert trace.line.color == colour
        np.testing.assert_allclose(np.asarray(trace.x, dtype=float), xy[:, 0])
        assert np.isfinite(np.asarray(trace.x, dtype=float)).all()
    assert fig.frames, "the preview is animated"


def test_the_preview_loss_is_floored_for_the_log_scale():
    preview = home.preview(200)
    for losses in preview.losses.values():
        assert (losses >= home.LOSS_FLOOR).all()
        assert np.isfinite(losses).all()


def _plain(node):
    """A typed array of plotly's JSON (``{"dtype", "bdata"}``) as a list of numbers."""
    if set(node) == {"dtype", "bdata"}:
        return np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"]).tolist()
    return node


def _animated(steps=None, n=150):
    xy = np.column_stack([np.linspace(-2, 2, n), np.linspace(1, 0, n)])
    xs = ys = np.linspace(-3, 3, 20)
    z = np.add.outer(ys**2, xs**2)
    runs = {"gd": (xy, figures.COLORS["gd"]), "adam": (xy[::-1], figures.COLORS["adam"])}
    fig = figures.contour(xs, ys, z)
    first = len(fig.data)
    for name, (path, colour) in runs.items():
        figures.add_path(fig, path, name=name, color=colour)
    paths = [(path, first + i) for i, (path, _) in enumerate(runs.values())]
    labels = {"play": "Play", "pause": "Pause", "step": "step"}
    return figures.animate_paths(fig, paths, labels=labels, steps=steps), xy


def test_frames_carry_only_each_racers_head_so_size_grows_with_steps_not_their_square():
    fig, xy = _animated()
    heads = [i for i, tr in enumerate(fig.data) if (tr.name or "").endswith(figures.HEAD_MARK)]
    assert len(heads) == 2
    frames = json.loads(fig.to_json(), object_hook=_plain)["frames"]
    for k, frame in enumerate(frames):
        assert list(frame["traces"]) == heads  # never the contour, never the whole path
        for tr in frame["data"]:
            assert len(tr["x"]) == min(k + 1, figures.TAIL)
    np.testing.assert_allclose(frames[30]["data"][0]["x"][-1], xy[30, 0], rtol=1e-6)
    # the whole path stays in the base figure, faint, under its own name
    path = next(tr for tr in fig.data if tr.name == "gd")
    assert path.opacity == figures.FAINT
    np.testing.assert_allclose(path.x, xy[:, 0])
    short, _ = _animated(n=75)
    assert len(fig.to_json()) < 2.2 * len(short.to_json())  # linear in the steps


def test_the_slider_counts_optimizer_steps_and_play_offers_speeds():
    steps = list(range(0, 1000, 10)) + [999]
    fig, _ = _animated(steps=steps, n=len(steps))
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == [str(s) for s in steps]
    assert [f.name for f in fig.frames] == [str(s) for s in steps]
    buttons = fig.layout.updatemenus[0].buttons
    durations = [b.args[1]["frame"]["duration"] for b in buttons if b.args[0] is None]
    assert len(durations) == len(figures.SPEEDS) and durations == sorted(durations, reverse=True)
    # 2-D heads without per-frame notes move without redrawing the map underneath
    assert all(b.args[1]["frame"]["redraw"] is False for b in buttons if b.args[0] is None)


def test_a_frozen_figure_serializes_exactly_as_before_through_streamlits_path():
    import plotly.io as pio
    import plotly.tools as tools

    fig, _ = _animated()
    before = pio.to_json(tools.return_figure_from_figure_or_data(fig, True), validate=False)
    assert not figures.is_frozen(fig)
    frozen = figures.freeze(fig)
    assert figures.is_frozen(frozen) and not frozen.data  # a shell: the built objects are let go
    for _ in range(2):  # st.plotly_chart pops uids from the dict it gets: still the same
        after = pio.to_json(tools.return_figure_from_figure_or_data(frozen, True), validate=False)
        assert after == before


def test_an_animated_map_is_also_drawn_as_an_image_so_play_cannot_blank_it():
    import base64

    fig, _ = _animated()
    (image,) = fig.layout.images
    assert image.layer == "below" and image.xref == "x" and image.sizing == "stretch"
    png = base64.b64decode(image.source.split(",", 1)[1])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert max(width, height) == figures.MAP_IMAGE_SIDE
    contour = fig.data[0]
    assert (image.x, image.y) == (contour.x[0], contour.y[-1])
    assert image.sizex == contour.x[-1] - contour.x[0]


def test_the_map_image_uses_the_maps_colours():
    xs = ys = np.linspace(0, 1, 30)
    z = np.add.outer(ys, xs)  # lowest at the bottom left, highest at the top right
    fig = figures.contour(xs, ys, z)
    rgb = figures._map_pixels(fig.data[0])
    low, high = figures._colorscale_rgb(fig.data[0].colorscale, np.array([0.0, 1.0]))
    assert np.abs(rgb[-1, 0].astype(int) - low).max() < 40  # bottom-left pixel: dark purple
    assert np.abs(rgb[0, -1].astype(int) - high).max() < 40  # top-right pixel: yellow


def test_frames_set_without_validation_are_what_validated_frames_would_be():
    # animate_paths builds its frames as plain data and skips plotly's validators (a
    # second per map); validating the very same frames must give the same figure
    import plotly.graph_objects as go
    import plotly.io as pio

    fig, _ = _animated(n=40)
    checked = go.Figure(fig)  # copies the figure, validating data, layout and every frame
    checked.frames = [go.Frame(frame) for frame in fig.to_dict()["frames"]]
    ours, theirs = json.loads(pio.to_json(fig)), json.loads(pio.to_json(checked))
    assert ours["frames"] == theirs["frames"] and len(ours["frames"]) == 40
    assert ours["data"] == theirs["data"]
