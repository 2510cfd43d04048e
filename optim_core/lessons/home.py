r"""Home: the preview race of the four optimizers on an elongated bowl.

``C(x, y) = ½(x² + κ·y²)`` with ``κ = 25``: each optimizer starts at ``(−4.5, 1.6)``
with a learning rate chosen to show its character (gradient descent zigzags across
the valley, momentum overshoots and settles, RMSprop and Adam move straight).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.lessons import Grid, surface_grid, trajectory

SURFACE = "elongated_bowl"
CONDITION = 25.0
START = (-4.5, 1.6)
TEASER = {  # optimizer -> hyperparameters (lr chosen to show each one's character)
    "gd": (("lr", 0.075),),
    "momentum": (("lr", 0.075), ("beta", 0.9)),
    "rmsprop": (("lr", 0.12), ("beta", 0.9)),
    "adam": (("lr", 0.3), ("beta1", 0.9), ("beta2", 0.999)),
}
LOSS_FLOOR = 1e-12  # the log-scale loss chart shows losses below this as this


class Preview(NamedTuple):
    """The preview: the map, and per optimizer its path, steps and (floored) losses."""

    grid: Grid
    paths: dict[str, np.ndarray]
    steps: dict[str, np.ndarray]
    losses: dict[str, np.ndarray]


def preview(steps: int) -> Preview:
    """All four optimizers over ``steps`` updates from :data:`START`."""
    params = (("condition", CONDITION),)
    paths, kept, losses = {}, {}, {}
    for name, hyper in TEASER.items():
        run = trajectory(name, hyper, SURFACE, START, steps, objective_params=params)
        paths[name], kept[name] = run.params, run.steps
        losses[name] = np.maximum(run.loss, LOSS_FLOOR)
    return Preview(surface_grid(SURFACE, 100, params), paths, kept, losses)
