r"""Lessons: one module per page, one pure function per page section.

Each function takes plain values (numbers, strings, tuples), runs the mathematics
of one section and returns a ``NamedTuple`` holding every number that section
shows, so a lesson can be tested and timed without Streamlit (``ui/cached.py``
wraps each one in ``st.cache_data``). The module names are the concept names used
in every folder: ``gradient_descent, local_optima, batch_sizes, ewa, momentum,
rmsprop, adam`` (and ``race``); ``home`` is the landing page's preview race.

This file holds the pieces several lessons share: optimizers and surfaces built
from names, one run on named pieces, and a surface sampled on a grid.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import objectives, optimizers
from optim_core.trajectory import Trajectory, run

# Only module names here: a lesson module (``lessons.momentum``) must never be shadowed
# by a function of the same name.
OPTIMIZERS = {
    "gd": optimizers.gd,
    "momentum": optimizers.momentum,
    "rmsprop": optimizers.rmsprop,
    "adam": optimizers.adam,
}

Pairs = tuple[tuple[str, float], ...]


def make_optimizer(name: str, hyper: Pairs = ()):
    """Optimizer ``name`` built from ``(("lr", 0.1), ("beta", 0.9))``-style pairs."""
    return OPTIMIZERS[name](**dict(hyper))


def surface(name: str, params: Pairs = ()):
    """Objective ``name`` of :mod:`optim_core.objectives` with ``params`` as pairs."""
    return objectives.get(name, **dict(params))


def trajectory(
    optimizer: str,
    hyper: Pairs,
    objective: str,
    x0: tuple,
    steps: int,
    *,
    objective_params: Pairs = (),
    record_every: int = 1,
    noise: float = 0.0,
    seed: int | None = None,
) -> Trajectory:
    """:func:`optim_core.run` on named pieces; ``x0`` is a (nested) tuple of starts."""
    return run(
        make_optimizer(optimizer, hyper),
        surface(objective, objective_params),
        np.asarray(x0, dtype=np.float64),
        steps,
        record_every=record_every,
        noise=noise,
        seed=seed,
    )


class Grid(NamedTuple):
    """A 2-D objective sampled on a grid: ``z[j, i] = f(xs[i], ys[j])``."""

    xs: np.ndarray
    ys: np.ndarray
    z: np.ndarray


def grid(objective, n: int = 100, bounds=None) -> Grid:
    """Values of a 2-D objective on an ``n × n`` grid over ``bounds`` (default: its own)."""
    (x0, x1), (y0, y1) = bounds or objective.bounds
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    points = np.stack(np.meshgrid(xs, ys), axis=-1)
    return Grid(xs, ys, objective.value(points))


def surface_grid(name: str, n: int = 100, params: Pairs = ()) -> Grid:
    """:func:`grid` of the named surface over its plotting box."""
    return grid(surface(name, params), n)
