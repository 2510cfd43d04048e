"""The shared figure pieces: one colour per meaning, pure builders with clean data."""

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
