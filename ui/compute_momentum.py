"""Cached runs of the momentum page, keyed by plain numbers.

Every number the page prints comes from these runs: the two paths on the valley
(plain gradient descent and momentum from the same start with the same α), the
gradients each update used and momentum's velocity (``record_states=True``), the
steps each needs to cut the cost to ``TARGET`` of its start, and a small β sweep.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import optim_core
from optim_core import objectives
from optim_core.momentum_lessons import step_gradients, steps_to_target
from ui import compute

OBJECTIVE = "elongated_bowl"
START = (-2.5, 1.0)  # (w, b): far out along the flat w axis, off the valley floor in b
TARGET = 1e-6  # "reached" = cost at most TARGET × the starting cost
MAX_STEPS = 3000  # the runs that count steps to the target go this far
FIRST = 30  # the cancellation numbers average over the first FIRST updates
# Step sizes: log-spaced, 10 per decade, 2 significant digits (0.001 … 2).
LR_OPTIONS = tuple(float(f"{v:.2g}") for v in np.geomspace(1e-3, 2.0, 34))
SWEEP_BETAS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99)


def bowl(kappa: float):
    return objectives.get(OBJECTIVE, condition=float(kappa))


@st.cache_data(max_entries=64, show_spinner=False)
def race(lr: float, beta: float, kappa: float, steps: int) -> dict:
    """Both runs over ``steps`` updates, recorded at every step.

    ``g``/``g_gd`` hold the gradient each update of momentum / gradient descent used
    (row k-1 = g_k), ``v`` momentum's velocity after each update (row k-1 = v_k).
    """
    surface = bowl(kappa)
    gd = optim_core.run(optim_core.gd(lr=lr), surface, START, steps)
    mom = optim_core.run(
        optim_core.momentum(lr=lr, beta=beta), surface, START, steps, record_states=True
    )
    return dict(
        gd=gd,
        mom=mom,
        g=step_gradients(surface, mom.params),
        g_gd=step_gradients(surface, gd.params),
        v=np.asarray(mom.states.v)[1:],
    )


def _reach(optimizer, kappa: float) -> tuple[int, int]:
    run = optim_core.run(optimizer, bowl(kappa), START, MAX_STEPS)
    return steps_to_target(run.loss, TARGET), int(run.diverged_at)


@st.cache_data(max_entries=64, show_spinner=False)
def reach(lr: float, beta: float, kappa: float) -> dict:
    """Steps to the target (-1: not within MAX_STEPS) and divergence step (-1: none)."""
    gd_steps, gd_div = _reach(optim_core.gd(lr=lr), kappa)
    m_steps, m_div = _reach(optim_core.momentum(lr=lr, beta=beta), kappa)
    return dict(gd=gd_steps, gd_div=gd_div, mom=m_steps, mom_div=m_div)


@st.cache_data(max_entries=64, show_spinner=False)
def beta_sweep(lr: float, kappa: float, extra_beta: float) -> list[tuple[float, int, int]]:
    """``(β, steps to target, diverged at)`` for the sweep's β values and the chosen one."""
    betas = sorted(set(SWEEP_BETAS) | {float(extra_beta)})
    return [(b, *_reach(optim_core.momentum(lr=lr, beta=b), kappa)) for b in betas]


def valley(kappa: float):
    """``(ws, bs, cost)`` on a 100 × 100 grid over the bowl's plotting box."""
    return compute.surface_grid(OBJECTIVE, 100, (("condition", float(kappa)),))
