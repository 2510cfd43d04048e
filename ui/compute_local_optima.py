"""Cached calls for the local-optima page, keyed by plain numbers and names.

The surfaces are fixed (``multi_well`` for the basins, ``saddle_with_minima`` for
the saddle), so every result depends only on the sliders' values and returning to
a setting is served from the cache.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from optim_core import basins, objectives
from ui import compute

SURFACE = "multi_well"
SADDLE = "saddle_with_minima"
GRID = 100  # starts per side of the basin map
SADDLE_START_X = 1.5
SADDLE_STEPS = 300
SADDLE_RADIUS = 0.5  # "near the saddle" = within this distance of it
ANIMATION_FRAMES = 100  # at most this many frames per animated path
EXTRA_HYPER = {  # the fixed hyperparameters besides lr of the optimizers one can add
    "momentum": (("beta", 0.9),),
    "adam": (("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8)),
}


def hyper(optimizer: str, lr: float) -> tuple[tuple[str, float], ...]:
    """The hyperparameter pairs of ``optimizer`` with learning rate ``lr``."""
    return (("lr", float(lr)),) + EXTRA_HYPER.get(optimizer, ())


@st.cache_data(show_spinner=False)
def minima(name: str = SURFACE) -> tuple:
    """Known minima (global first) of a named surface."""
    return objectives.get(name).minima


@st.cache_data(show_spinner=False)
def critical_points(name: str) -> tuple:
    return objectives.get(name).critical_points


def basin_map(optimizer: str, lr: float, steps: int, noise: float, seed: int, n: int = GRID):
    """Where each start of an ``n × n`` grid ends (one ``optim_core.run`` call, cached).

    Without noise the seed plays no part, so it is left out of the cache key.
    """
    return _basin_map(optimizer, float(lr), int(steps), float(noise), int(seed) if noise else 0, n)


@st.cache_data(max_entries=96, show_spinner=False)
def _basin_map(optimizer: str, lr: float, steps: int, noise: float, seed: int, n: int):
    opt = compute.make_optimizer(optimizer, hyper(optimizer, lr))
    return basins.basin_map(
        opt, objectives.get(SURFACE), n, steps, noise=noise, seed=seed if noise > 0 else None
    )


@st.cache_data(max_entries=64, show_spinner=False)
def start_runs(lr: float, steps: int, x0: float, y0: float, noise: float, seed: int) -> dict:
    """Plain and noisy gradient descent from ``(x0, y0)`` and where each ended."""
    surface = objectives.get(SURFACE)
    found = surface.minima
    out = {}
    for kind, sigma in (("gd", 0.0), ("noisy", noise)):
        run = compute.trajectory(
            "gd",
            hyper("gd", lr),
            SURFACE,
            (x0, y0),
            steps,
            noise=sigma,
            seed=seed if sigma > 0 else None,
        )
        label = int(basins.classify(run.final, found))
        last = run.params[-2] if len(run.params) > 1 else run.params[-1]
        out[kind] = dict(
            params=run.params,
            loss=run.loss,
            steps=run.steps,
            label=label,
            diverged_at=int(run.diverged_at),
            final=run.final,
            final_loss=float(run.loss[-1]),
            last=last,
            last_grad=surface.grad(last),
        )
    return out


@st.cache_data(max_entries=64, show_spinner=False)
def saddle_runs(
    lr: float, offset: float, noise: float, seed: int, steps: int = SADDLE_STEPS
) -> dict:
    """Plain and noisy gradient descent from just off the saddle of x² + y⁴/4 − y²/2."""
    surface = objectives.get(SADDLE)
    saddle = next(c for c in surface.critical_points if c.kind == "saddle")
    escape_curvature = float(basins.hessian_eigenvalues(surface, saddle.point)[0])
    start = (SADDLE_START_X, saddle.point[1] + offset)
    out = dict(
        saddle=saddle.point,
        curvature=escape_curvature,
        predicted=basins.saddle_escape_steps(offset, lr, escape_curvature, SADDLE_RADIUS),
        start=start,
    )
    for kind, sigma in (("gd", 0.0), ("noisy", noise)):
        run = compute.trajectory(
            "gd",
            hyper("gd", lr),
            SADDLE,
            start,
            steps,
            noise=sigma,
            seed=seed if sigma > 0 else None,
        )
        out[kind] = dict(
            params=run.params,
            steps=run.steps,
            grad_norm=basins.gradient_norm(surface, run.params),
            near=basins.steps_near(run.params, saddle.point, SADDLE_RADIUS),
            exit=basins.first_exit(run.params, saddle.point, SADDLE_RADIUS),
            label=int(basins.classify(run.final, surface.minima)),
            diverged_at=int(run.diverged_at),
            final=run.final,
        )
    return out


def frame_stride(n_points: int) -> int:
    """Keep every k-th point so an animation has at most ANIMATION_FRAMES frames."""
    return max(1, int(np.ceil((n_points - 1) / ANIMATION_FRAMES)))
