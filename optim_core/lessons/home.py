r"""Home: the preview race of the four optimizers on an elongated bowl.

``C(x, y) = ½(x² + κ·y²)`` with ``κ = 100``: the valley is 100 times more curved across
(y) than along (x). Plain gradient descent is stable only for ``α < 2/κ = 0.02``, and
along x each of its steps multiplies the distance by ``1 − α``, so it crawls; momentum
(stable up to ``2(1+β)/((1−β)κ)``, ten times more here) and the rescaled steps of
RMSprop and Adam cover the flat direction far sooner. Every optimizer starts at
``(−2.7, 0.9)``, inside the drawn box, with a rate chosen to show its character.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core.lessons import Grid, surface_grid, trajectory

SURFACE = "elongated_bowl"
CONDITION = 100.0
START = (-2.7, 0.9)
GD_LR = 0.019  # just under the stability limit 2/κ = 0.02
TEASER = {  # optimizer -> hyperparameters (lr chosen to show each one's character)
    "gd": (("lr", GD_LR),),
    "momentum": (("lr", 0.2), ("beta", 0.9)),
    "rmsprop": (("lr", 0.05), ("beta", 0.9)),
    "adam": (("lr", 0.1), ("beta1", 0.9), ("beta2", 0.999)),
}
CRAWL = 0.9  # the caption says "crawls" while gradient descent is short of this share
LOSS_FLOOR = 1e-12  # the log-scale loss chart shows losses below this as this


class Preview(NamedTuple):
    """The preview: the map, and per optimizer its path, steps and (floored) losses."""

    grid: Grid
    paths: dict[str, np.ndarray]
    steps: dict[str, np.ndarray]
    losses: dict[str, np.ndarray]
    covered: dict[str, float]  # share of the way along x (the flat direction) after the run
    slowest: str  # the optimizer that covered the least of it
    crawls: bool  # gradient descent is the slowest and still short of 90% of the way
    gd_limit: float  # 2/κ, the largest stable rate of plain gradient descent


def preview(steps: int) -> Preview:
    """All four optimizers over ``steps`` updates from :data:`START`."""
    params = (("condition", CONDITION),)
    paths, kept, losses = {}, {}, {}
    for name, hyper in TEASER.items():
        run = trajectory(name, hyper, SURFACE, START, steps, objective_params=params)
        paths[name], kept[name] = run.params, run.steps
        losses[name] = np.maximum(run.loss, LOSS_FLOOR)
    covered = {name: float(1 - abs(xy[-1, 0]) / abs(START[0])) for name, xy in paths.items()}
    slowest = min(covered, key=covered.get)
    grid_ = surface_grid(SURFACE, 100, params)
    crawls = slowest == "gd" and covered["gd"] < CRAWL
    return Preview(grid_, paths, kept, losses, covered, slowest, crawls, 2 / CONDITION)
