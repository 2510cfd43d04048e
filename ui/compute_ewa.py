"""Cached computations of the weighted-averages page, keyed by plain values.

:func:`lesson` is everything the page draws for one series and up to three β values:
it takes a few milliseconds for 2,000 points (timed in ``tests/app/test_ewa.py``), and
``st.cache_data`` makes a return to an earlier setting free.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import streamlit as st

from optim_core import datasets
from optim_core.ewa import ewa, weights
from optim_core.ewa_lessons import (
    correction_factor,
    decay_to_e,
    minibatch_gradients,
    pandas_ewm,
    window_ratio,
    window_weight_index,
)
from optim_core.losses import LinearRegression, standardize

FIRST = 30  # points in the bias-correction close-up
MAX_BARS = 3001  # weight bars at most: 3 windows at β = 0.999, so k = 1/(1-β) is always marked
DECAY_N = (1, 2, 3, 5, 10, 20, 50, 100, 1000, 10000)  # the (1-1/n)^n table
GRADIENT_TABLE = "cars"
GRADIENT_FEATURE = "Horsepower"
GRADIENT_TARGET = "Miles_per_Gallon"
GRADIENT_STEPS = 300
GRADIENT_SEED = 0


class Lesson(NamedTuple):
    """Per β (rows, in the order given): plain and corrected averages and correction factors."""

    plain: np.ndarray  # (k, T)  V_t from V_0 = 0
    corrected: np.ndarray  # (k, T)  V_t / (1 - β^t)
    factor: np.ndarray  # (k, T)  1 / (1 - β^t)
    pandas_first: np.ndarray  # (k, 3)  pandas ewm(adjust=True) at t = 1, 2, 3


class Weights(NamedTuple):
    beta: float
    weights: np.ndarray  # (1-β) β^k, k = 0 .. K-1
    k_window: int  # round(1 / (1-β))
    ratio: float  # β^(1/(1-β))
    decay_n: np.ndarray  # n for the curve (1-1/n)^n
    decay: np.ndarray
    table: np.ndarray  # (1-1/n)^n at DECAY_N


class Gradients(NamedTuple):
    steps: np.ndarray  # 1 .. S
    grads: np.ndarray  # (S,) mini-batch gradient of w
    full: float  # full-batch gradient of w
    m: int  # rows used
    feature: str
    target: str


def compute_lesson(values: np.ndarray, betas: tuple[float, ...]) -> Lesson:
    """The uncached computation behind :func:`lesson` (timed by the benchmark)."""
    values = np.asarray(values, dtype=np.float64)
    t = np.arange(1, len(values) + 1)
    plain = np.stack([ewa(values, b) for b in betas])
    factor = np.stack([correction_factor(b, t) for b in betas])
    head = values[:3]
    pandas_first = np.stack([pandas_ewm(head, b) for b in betas])
    return Lesson(plain, plain * factor, factor, pandas_first)


@st.cache_data(max_entries=64, show_spinner=False)
def lesson(values: np.ndarray, betas: tuple[float, ...]) -> Lesson:
    """Averages of ``values`` for each β in ``betas``, with and without bias correction."""
    return compute_lesson(values, betas)


def compute_weights(beta: float) -> Weights:
    k_window = window_weight_index(beta)
    count = int(min(MAX_BARS, max(12, 3 * k_window + 1)))
    n = np.unique(np.concatenate([np.geomspace(1, 10000, 60).round(), DECAY_N]))
    return Weights(
        beta,
        weights(beta, count),
        k_window,
        window_ratio(beta),
        n,
        decay_to_e(n),
        decay_to_e(DECAY_N),
    )


@st.cache_data(max_entries=128, show_spinner=False)
def weight_view(beta: float) -> Weights:
    """The weights ``(1-β)β^k`` over the last points and the curve ``(1-1/n)^n``."""
    return compute_weights(beta)


@st.cache_data(max_entries=4, show_spinner=False)
def series(name: str) -> pd.Series:
    """A built-in series (read once per server)."""
    return datasets.load_series(name)


@st.cache_data(max_entries=16, show_spinner=False)
def gradients(batch_size: int) -> Gradients:
    """Mini-batch gradients of the weight of a standardized one-feature linear regression.

    Cars data: miles per gallon from horsepower, both standardized; the point is the usual
    start w = 0, b = 0, held fixed, so only the batches change from step to step.
    """
    df = datasets.load_table(GRADIENT_TABLE)
    table = datasets.table_from_frame(df, [GRADIENT_FEATURE], GRADIENT_TARGET, "regression")
    X, _, _ = standardize(table.X)
    y = (table.y - table.y.mean()) / table.y.std()
    loss = LinearRegression(X, y)
    point = np.zeros(loss.dim)
    grads = minibatch_gradients(loss, point, batch_size, GRADIENT_STEPS, GRADIENT_SEED)
    return Gradients(
        np.arange(1, GRADIENT_STEPS + 1),
        grads[:, 0],
        float(loss.grad(point)[0]),
        loss.n_samples,
        GRADIENT_FEATURE,
        GRADIENT_TARGET,
    )


class GradientAverages(NamedTuple):
    averages: np.ndarray  # (k, S) EWA of the gradients per β
    spread_raw: float  # std of the raw gradients over the last steps
    spread: tuple[float, ...]  # std of each average over the same steps
    tail: int  # how many last steps the spreads cover


@st.cache_data(max_entries=64, show_spinner=False)
def gradient_averages(batch_size: int, betas: tuple[float, ...], bias_correction: bool):
    """The gradients of :func:`gradients` averaged with each β, and how much each one wobbles."""
    g = gradients(batch_size)
    averages = np.stack([ewa(g.grads, b, bias_correction=bias_correction) for b in betas])
    tail = GRADIENT_STEPS * 2 // 3
    return GradientAverages(
        averages,
        float(np.std(g.grads[-tail:])),
        tuple(float(np.std(a[-tail:])) for a in averages),
        tail,
    )
