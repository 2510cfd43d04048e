"""Cached computations of the Adam page, keyed by plain values (names, numbers, tuples)."""

from __future__ import annotations

import inspect
import textwrap
from typing import NamedTuple

import numpy as np
import streamlit as st

import optim_core
from optim_core import adam_lessons, objectives, optimizers
from ui import compute

SURFACES = ("elongated_bowl", "rosenbrock", "beale", "himmelblau")
RACERS = ("gd", "momentum", "rmsprop", "adam")
LRS = (1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.05, 0.1, 0.15, 0.3, 1.0)
# Per surface: the default start and a learning rate per optimizer that reaches the minimum
# (chosen from the grid LRS; momentum uses β₁, RMSprop β₂, as inside Adam).
DEFAULT_START = {
    "elongated_bowl": (-2.5, 1.5),
    "rosenbrock": (-1.2, 1.0),
    "beale": (1.0, 1.5),
    "himmelblau": (0.0, 0.0),
}
DEFAULT_LRS = {
    "elongated_bowl": {"gd": 0.15, "momentum": 0.1, "rmsprop": 0.03, "adam": 0.1},
    "rosenbrock": {"gd": 0.003, "momentum": 0.03, "rmsprop": 0.03, "adam": 0.3},
    "beale": {"gd": 0.03, "momentum": 0.03, "rmsprop": 0.03, "adam": 0.3},
    "himmelblau": {"gd": 0.01, "momentum": 0.01, "rmsprop": 0.03, "adam": 0.3},
}
EPS = 1e-8
TOL = 1e-6
CLOSEUP = 30  # steps in the bias-correction close-up
MAX_FRAMES = 150  # frames of the animated race


def surface_params(surface: str, kappa: float) -> tuple[tuple[str, float], ...]:
    return (("condition", float(kappa)),) if surface == "elongated_bowl" else ()


def hyper(name: str, lr: float, b1: float, b2: float, bc: bool) -> tuple:
    if name == "gd":
        return (("lr", lr),)
    if name == "momentum":
        return (("lr", lr), ("beta", b1))
    if name == "rmsprop":
        return (("lr", lr), ("beta", b2), ("eps", EPS))
    return (("lr", lr), ("beta1", b1), ("beta2", b2), ("eps", EPS), ("bias_correction", bc))


class Race(NamedTuple):
    params: dict  # name -> (steps + 1, 2), NaN after divergence
    loss: dict  # name -> (steps + 1,)
    results: dict  # name -> adam_lessons.RaceResult
    f_min: float


def race(surface, objective_params, x0, lrs, b1, b2, bc, steps) -> Race:
    """The four optimizers from one start (each through the shared cached trajectory)."""
    f = objectives.get(surface, **dict(objective_params))
    f_min = float(f.global_minimum.value)
    params, loss, results = {}, {}, {}
    for name, lr in zip(RACERS, lrs, strict=True):
        traj = compute.trajectory(
            name,
            hyper(name, lr, b1, b2, bc),
            surface,
            tuple(x0),
            steps,
            objective_params=objective_params,
        )
        params[name], loss[name] = traj.params, traj.loss
        results[name] = adam_lessons.race_result(traj.loss, int(traj.diverged_at), f_min, TOL)
    return Race(params, loss, results, f_min)


class AdamDetail(NamedTuple):
    pieces: adam_lessons.AdamPieces
    diverged_at: int
    first_with: np.ndarray  # measured first step (2,) with bias correction
    first_without: np.ndarray  # measured first step (2,) without


@st.cache_data(max_entries=64, show_spinner=False)
def adam_detail(surface, objective_params, x0, lr, b1, b2, bc, steps) -> AdamDetail:
    """Adam's states step by step (``record_states=True``) and both first steps, measured."""
    f = objectives.get(surface, **dict(objective_params))
    start = np.asarray(x0, dtype=np.float64)
    traj = optim_core.run(optim_core.adam(lr, b1, b2, EPS, bc), f, start, steps, record_states=True)
    pieces = adam_lessons.adam_pieces(traj.params, traj.states, f.grad, b1, b2)
    firsts = [
        optim_core.run(optim_core.adam(lr, b1, b2, EPS, corr), f, start, 1).params[1] - start
        for corr in (True, False)
    ]
    return AdamDetail(pieces, int(traj.diverged_at), firsts[0], firsts[1])


def frames(n_points: int, most: int = MAX_FRAMES) -> np.ndarray:
    """Record indices for an animation of about ``most`` frames: every step early on (where
    the paths move most), then geometrically spaced steps to the last one (always kept)."""
    dense = min(n_points, most * 2 // 3)
    tail = (
        np.geomspace(max(dense - 1, 1), n_points - 1, most - dense + 1) if n_points > dense else []
    )
    kept = np.concatenate([np.arange(dense), np.round(tail)]).astype(int)
    return np.unique(kept)


@st.cache_data(show_spinner=False)
def update_source() -> str:
    """The source of ``Adam.update`` in optim_core, shown as it is (not a copy)."""
    return textwrap.dedent(inspect.getsource(optimizers.Adam.update))
