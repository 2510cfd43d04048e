"""Cached computations of the batch-sizes page, keyed by plain values and data arrays.

A problem is ``(X, y, task)``: standardized features, the target and "regression" or
"classification". Built-in tables come from :func:`builtin` (cached by name); an upload's
arrays are hashed by ``st.cache_data`` like any argument, so the same file is computed once.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import streamlit as st

import optim_core
from optim_core import batches, datasets, losses, training

TASKS = ("regression", "classification")
L2 = 1e-3  # the small ridge that keeps the logistic optimum finite on separable data
SWEEP_LRS = (3.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.003)
SWEEP_SEED = 0
SWEEP_MAX_EPOCHS = 100
SWEEP_MAX_EXAMPLES = 60_000
MAX_STEPS = 100_000  # the page's own run stops here (a huge upload at batch size 1)
MAX_RECORDS = 1500  # points per curve
MAX_PATH = 1200  # points of a path on the contour
GRID = 90  # contour grid points per axis


class Prepared(NamedTuple):
    """Data ready to train on: standardized ``X`` (m, n), target ``y``, names and scaling."""

    X: np.ndarray
    y: np.ndarray
    raw: np.ndarray  # X before standardizing
    feature_names: tuple[str, ...]
    target_name: str
    labels: tuple | None
    mean: np.ndarray
    std: np.ndarray
    n_dropped: int


def prepare(table: datasets.Table) -> Prepared:
    """Standardize a table's features: ``(x − mean) / std`` column by column."""
    X, mean, std = losses.standardize(table.X)
    return Prepared(
        X,
        table.y,
        table.X,
        table.feature_names,
        table.target_name,
        table.labels,
        mean,
        std,
        table.n_dropped,
    )


@st.cache_data(max_entries=8, show_spinner=False)
def builtin(name: str, task: str) -> Prepared:
    """A built-in table (``datasets.TABLES``) with its suggested columns for ``task``."""
    info = datasets.TABLES[name]
    df = datasets.load_table(name)
    if task == "regression":
        features, target = info.regression_features, info.regression_target
    else:
        features, target = info.classification_features, info.classification_target
    return prepare(datasets.table_from_frame(df, list(features), target, task))


def make_loss(X: np.ndarray, y: np.ndarray, task: str):
    """Least squares or L2-regularized logistic regression on ``(X, y)``."""
    if task == "regression":
        return losses.LinearRegression(X, y)
    return losses.LogisticRegression(X, y, l2=L2)


@st.cache_data(max_entries=16, show_spinner=False)
def optimum(X: np.ndarray, y: np.ndarray, task: str) -> tuple[np.ndarray, float]:
    """Closed-form least squares, or Newton's method for the logistic loss."""
    return make_loss(X, y, task).optimum()


def record_every(total_steps: int) -> int:
    return max(1, -(-total_steps // MAX_RECORDS))


@st.cache_data(max_entries=32, show_spinner=False)
def run(
    X: np.ndarray, y: np.ndarray, task: str, batch: int, lr: float, epochs: int, seed: int
) -> training.TrainingRun:
    """Plain mini-batch gradient descent from 0, at most :data:`MAX_STEPS` steps."""
    loss = make_loss(X, y, task)
    nb = batches.batches_per_epoch(loss.n_samples, batch)
    total = min(epochs * nb, MAX_STEPS)
    return training.train(
        loss,
        optim_core.gd(lr),
        np.zeros(loss.dim),
        batch,
        epochs,
        seed,
        record_every=record_every(total),
        max_steps=total,
    )


class Inspect(NamedTuple):
    """One update step: its rows, the point before it, batch and full gradients, costs."""

    step: int
    idx: np.ndarray
    params: np.ndarray  # before the step
    batch_grad: np.ndarray
    full_grad: np.ndarray
    cost_before: float
    cost_after: float


@st.cache_data(max_entries=64, show_spinner=False)
def inspect(
    X: np.ndarray, y: np.ndarray, task: str, batch: int, lr: float, seed: int, step: int
) -> Inspect:
    """Replay the run of :func:`run` up to update ``step`` (1-based) and look at that step."""
    loss = make_loss(X, y, task)
    nb = batches.batches_per_epoch(loss.n_samples, batch)
    before = training.train(
        loss,
        optim_core.gd(lr),
        np.zeros(loss.dim),
        batch,
        -(-step // nb),
        seed,
        record_every=10**9,
        max_steps=step - 1,
    )
    p = before.trajectory.params[-1]
    idx = training.batch_at(loss.n_samples, batch, seed, step)
    g = loss.grad(p, idx)
    full = loss.grad(p)
    after = p - lr * g
    return Inspect(step, idx, p, g, full, float(loss.value(p)), float(loss.value(after)))


class Contour(NamedTuple):
    """The two-parameter model (one feature and the bias): cost grid, optimum and paths."""

    ws: np.ndarray
    bs: np.ndarray
    z: np.ndarray
    optimum: np.ndarray
    path: np.ndarray  # (k, 2) chosen batch size
    full_path: np.ndarray  # (k, 2) full batch
    diverged: bool


@st.cache_data(max_entries=16, show_spinner=False)
def contour(
    X: np.ndarray,
    y: np.ndarray,
    task: str,
    feature: int,
    batch: int,
    lr: float,
    epochs: int,
    seed: int,
) -> Contour:
    """Paths of the chosen batch size and of full batch on the full-data cost of ``(w, b)``."""
    loss = make_loss(X[:, [feature]], y, task)
    m = loss.n_samples
    batch = min(batch, m)
    paths = []
    diverged = False
    for size in (batch, m):
        nb = batches.batches_per_epoch(m, size)
        total = min(epochs * nb, MAX_STEPS)
        r = training.train(
            loss,
            optim_core.gd(lr),
            np.zeros(2),
            size,
            epochs,
            seed,
            record_every=max(1, -(-total // MAX_PATH)),
            max_steps=total,
        )
        path = r.trajectory.params
        finite = np.all(np.isfinite(path), axis=1)
        diverged |= not finite.all()
        paths.append(path[finite])
    best, _ = loss.optimum()
    pts = np.vstack([paths[0], paths[1], best[None], np.zeros((1, 2))])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, 1e-3)
    lo, hi = lo - 0.12 * span, hi + 0.12 * span
    ws, bs = np.linspace(lo[0], hi[0], GRID), np.linspace(lo[1], hi[1], GRID)
    z = training.cost_grid(loss, ws, bs)
    return Contour(ws, bs, z, best, paths[0], paths[1], diverged)


def sweep_budget(m: int) -> int:
    """Examples each learning rate may use in the sweep."""
    return min(SWEEP_MAX_EPOCHS * m, SWEEP_MAX_EXAMPLES)


@st.cache_data(max_entries=128, show_spinner=False)
def sweep_point(X: np.ndarray, y: np.ndarray, task: str, batch: int) -> training.SweepPoint:
    """One batch size of the sweep: epoch time and time to within 1 % of the optimum."""
    loss = make_loss(X, y, task)
    return training.sweep_batch_size(
        loss,
        batch,
        SWEEP_LRS,
        seed=SWEEP_SEED,
        max_examples=sweep_budget(loss.n_samples),
    )


def epoch_order(m: int, seed: int, epoch: int) -> np.ndarray:
    """The shuffled row order of epoch ``epoch`` (1-based) of the seeded stream.

    Every epoch draws one permutation of ``range(m)`` whatever the batch size, so the
    stream with ``batch_size = m`` yields exactly that permutation as its ``epoch``-th batch.
    """
    stream = batches.minibatches(m, m, epoch, seed)
    for _ in range(epoch - 1):
        next(stream)
    return next(stream)
