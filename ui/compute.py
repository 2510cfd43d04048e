"""Cached calls into optim_core, keyed by plain values (names, numbers, tuples).

Pages never build optimizers or objectives themselves: they name them here, so
``st.cache_data`` can hash the arguments and returning to a setting is instant.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import optim_core
from optim_core import objectives
from optim_core.lessons import grid

OPTIMIZERS = {
    "gd": optim_core.gd,
    "momentum": optim_core.momentum,
    "rmsprop": optim_core.rmsprop,
    "adam": optim_core.adam,
}


def make_optimizer(name: str, hyper: tuple[tuple[str, float], ...]):
    """Build optimizer ``name`` from ``(("lr", 0.1), ("beta", 0.9))``-style pairs."""
    return OPTIMIZERS[name](**dict(hyper))


@st.cache_data(max_entries=128, show_spinner=False)
def trajectory(
    optimizer: str,
    hyper: tuple[tuple[str, float], ...],
    objective: str,
    x0: tuple,
    steps: int,
    *,
    objective_params: tuple[tuple[str, float], ...] = (),
    record_every: int = 1,
    noise: float = 0.0,
    seed: int | None = None,
) -> optim_core.Trajectory:
    """``optim_core.run`` on named pieces; ``x0`` is a (nested) tuple of starts."""
    surface = objectives.get(objective, **dict(objective_params))
    return optim_core.run(
        make_optimizer(optimizer, hyper),
        surface,
        np.asarray(x0, dtype=np.float64),
        steps,
        record_every=record_every,
        noise=noise,
        seed=seed,
    )


@st.cache_data(max_entries=32, show_spinner=False)
def surface_grid(objective: str, n: int = 100, objective_params: tuple = ()):
    """``(xs, ys, z)`` of a named surface on an ``n × n`` grid over its bounds."""
    return grid(objectives.get(objective, **dict(objective_params)), n)
