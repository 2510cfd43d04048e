"""Cached calls for the gradient-descent page, keyed by plain numbers and flags."""

from __future__ import annotations

import numpy as np
import streamlit as st

import optim_core
from optim_core import regimes
from optim_core.losses import LinearRegression, parabola_coefficients, standardize
from optim_core.one_feature import NoInterceptLeastSquares, tips

# Log-spaced learning rates (10 per decade, 3 significant digits) from 1e-4 to 1e-2: for the
# tips data 2/C'' ≈ 0.00425, so the grid reaches well past it; the exact thresholds 1/C''
# and 2/C'' are added to the options by the page (see ``lr_options``).
LR_GRID = tuple(float(f"{v:.3g}") for v in np.geomspace(1e-4, 1e-2, 21))
GRID_2D = 100
BOX_2D = ((-3.0, 5.0), (-2.0, 6.0))  # (w, b) plotting box, the same for raw and standardized


@st.cache_data(show_spinner=False)
def lesson() -> dict:
    """Every number of the lesson, computed from the tips data."""
    x, y = tips()
    a, b, c = parabola_coefficients(x, y)
    loss = NoInterceptLeastSquares(x, y)
    c2 = regimes.curvature(x)
    one, two = regimes.thresholds(c2)
    raw_h = LinearRegression(x[:, None], y).curvature()
    xs = standardize(x[:, None])[0]
    std_h = LinearRegression(xs, y).curvature()
    return dict(
        x=np.asarray(x),
        y=np.asarray(y),
        m=int(len(x)),
        sum_x2=float(x @ x),
        sum_xy=float(x @ y),
        sum_y2=float(y @ y),
        a=a,
        b=b,
        c=c,
        c2=c2,
        one=one,
        two=two,
        w_star=loss.minimizer,
        cost_star=float(loss.value(np.array([loss.minimizer]))),
        x_mean=float(x.mean()),
        x_std=float(x.std()),
        kappa_raw=regimes.condition_number(raw_h),
        kappa_std=regimes.condition_number(std_h),
        eig_raw=tuple(float(v) for v in np.linalg.eigvalsh(raw_h)),
        eig_std=tuple(float(v) for v in np.linalg.eigvalsh(std_h)),
    )


def lr_options() -> tuple[float, ...]:
    """The log grid plus the exact thresholds 1/C'' and 2/C'', sorted."""
    info = lesson()
    return tuple(sorted(set(LR_GRID) | {info["one"], info["two"]}))


def regime(lr: float) -> str:
    """Which learning-rate regime ``lr`` is in on the tips parabola (see optim_core.regimes)."""
    return regimes.regime(lr, lesson()["c2"])


@st.cache_data(max_entries=64, show_spinner=False)
def run_1d(lr: float, w0: float, steps: int) -> optim_core.Trajectory:
    """Gradient descent on C(W) from ``w0``: params ``(steps+1, 1)``, loss ``(steps+1,)``."""
    x, y = tips()
    return optim_core.run(optim_core.gd(lr), NoInterceptLeastSquares(x, y), np.array([w0]), steps)


@st.cache_data(max_entries=64, show_spinner=False)
def step_table(lr: float, w0: float, steps: int) -> dict[str, np.ndarray]:
    """Per update j of :func:`run_1d`: ``w`` = W_j, ``slope`` = C'(W_j), ``move`` = −α·C'(W_j)
    and ``new`` = W_{j+1} (taken from the run, NaN once it has diverged)."""
    x, y = tips()
    w = run_1d(lr, w0, steps).params[:, 0]
    slope = NoInterceptLeastSquares(x, y).slope(w[:-1])
    return dict(w=w[:-1], slope=slope, move=-lr * slope, new=w[1:])


def _loss_2d(raw: bool) -> LinearRegression:
    x, y = tips()
    features = x[:, None] if raw else standardize(x[:, None])[0]
    return LinearRegression(features, y)


@st.cache_data(max_entries=4, show_spinner=False)
def grid_2d(raw: bool):
    """``(xs, ys, z)``: C(w, b) on a GRID_2D² grid over BOX_2D (fixed, so the 3D view is too)."""
    loss = _loss_2d(raw)
    (w0, w1), (b0, b1) = BOX_2D
    xs, ys = np.linspace(w0, w1, GRID_2D), np.linspace(b0, b1, GRID_2D)
    return xs, ys, loss.value(np.stack(np.meshgrid(xs, ys), axis=-1))


@st.cache_data(max_entries=64, show_spinner=False)
def run_2d(rate: float, w0: float, b0: float, steps: int, raw: bool) -> dict:
    """GD on C(w, b) with α = rate / λ_max; the run plus the numbers the page reports."""
    loss = _loss_2d(raw)
    eig = np.linalg.eigvalsh(loss.curvature())
    lr = rate / float(eig[-1])
    traj = optim_core.run(optim_core.gd(lr), loss, np.array([w0, b0]), steps)
    best, cost_star = loss.optimum()
    slow = 1.0 - lr * float(eig[0])
    return dict(
        traj=traj,
        lr=lr,
        lam_min=float(eig[0]),
        lam_max=float(eig[-1]),
        optimum=tuple(float(v) for v in best),
        cost_star=cost_star,
        slow_factor=slow,
        fast_factor=1.0 - lr * float(eig[-1]),
        steps_needed=regimes.steps_to_shrink(max(abs(slow), abs(1.0 - rate)), 0.01),
    )
