r"""The numbers the Adam page shows: Adam's pieces per step, its first step, race results.

Adam keeps two exponentially weighted averages, both starting at 0::

    v_t = β₁·v_{t-1} + (1−β₁)·g_t        (momentum's average of the gradients)
    s_t = β₂·s_{t-1} + (1−β₂)·g_t²       (RMSprop's average of the squared gradients)
    v̂_t = v_t/(1−β₁ᵗ),  ŝ_t = s_t/(1−β₂ᵗ) (bias correction)
    x_t = x_{t-1} − α·v̂_t/(√ŝ_t + ε)

At t = 1 the corrected averages are exactly g and g², so the first step moves each
coordinate by ``α·|g|/(|g| + ε)`` (α up to ε), whatever the size of g. Without the
correction v_1 = (1−β₁)·g and s_1 = (1−β₂)·g²: both are pulled toward 0, by different
amounts, and the first step is ``α·(1−β₁)·|g|/(√(1−β₂)·|g| + ε)`` ≈ ``α·(1−β₁)/√(1−β₂)``
(3.16·α at β₁ = 0.9, β₂ = 0.999).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import checks


class AdamPieces(NamedTuple):
    """Adam's quantities per step, from a run with ``record_states=True`` (one start).

    Arrays ``g, v_hat, s_hat, step`` have shape ``(n, d)`` for steps ``t = 1..n``;
    ``v, s`` have shape ``(n + 1, d)`` and hold ``v_0 = s_0 = 0`` in row 0.
    ``step`` is the measured move ``x_t − x_{t-1}`` of the run.
    """

    g: np.ndarray
    v: np.ndarray
    s: np.ndarray
    v_hat: np.ndarray
    s_hat: np.ndarray
    step: np.ndarray


def first_step_size(g, lr: float, beta1: float, beta2: float, eps: float, bias_correction: bool):
    """Size of Adam's first move per coordinate for a first gradient ``g``.

    Corrected: ``lr·|g|/(|g| + eps)``. Uncorrected: ``lr·(1−β₁)·|g|/(√(1−β₂)·|g| + eps)``.
    """
    lr = checks.positive(lr, "lr")
    beta1, beta2 = checks.beta(beta1, "beta1"), checks.beta(beta2, "beta2")
    eps = checks.positive(eps, "eps")
    a = np.abs(np.asarray(g, dtype=np.float64))
    if bias_correction:
        return lr * a / (a + eps)
    return lr * (1.0 - beta1) * a / (np.sqrt(1.0 - beta2) * a + eps)


def uncorrected_ratio(beta1: float, beta2: float) -> float:
    """First step without correction over α, for gradients far above ε: ``(1−β₁)/√(1−β₂)``."""
    beta1, beta2 = checks.beta(beta1, "beta1"), checks.beta(beta2, "beta2")
    return (1.0 - beta1) / np.sqrt(1.0 - beta2)


def adam_pieces(params, states, grad, beta1: float, beta2: float) -> AdamPieces:
    """Per-step g, v, s, v̂, ŝ and measured step of one Adam run recorded at every step.

    ``params`` ``(n + 1, d)`` and ``states`` (an ``AdamState`` of arrays with a leading
    record axis, record 0 the initial state) come from ``run(..., record_states=True)``;
    ``grad`` is the objective's gradient. v̂ and ŝ are the corrected averages whether or
    not the run itself used the correction.
    """
    params = np.asarray(params, dtype=np.float64)
    v = np.asarray(states.v, dtype=np.float64)
    s = np.asarray(states.s, dtype=np.float64)
    t = np.arange(1, len(params)).reshape(-1, 1)
    with np.errstate(all="ignore"):
        g = np.asarray(grad(params[:-1]), dtype=np.float64)
        v_hat = v[1:] / (1.0 - beta1**t)
        s_hat = s[1:] / (1.0 - beta2**t)
        step = np.diff(params, axis=0)
    return AdamPieces(g, v, s, v_hat, s_hat, step)


class RaceResult(NamedTuple):
    final: float  # cost at the last step (NaN when the run diverged)
    reached: int  # first step with cost − f* <= tol, -1 if never
    diverged: int  # step of divergence, -1 if never


def race_result(loss, diverged_at: int, f_min: float, tol: float = 1e-6) -> RaceResult:
    """Final cost, first step within ``tol`` of the minimum value, and the divergence step.

    ``loss`` holds the cost at steps 0, 1, 2, … (one record per step).
    """
    loss = np.asarray(loss, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        hit = np.flatnonzero(loss - f_min <= tol)
    return RaceResult(
        float(loss[-1]),
        int(hit[0]) if hit.size else -1,
        int(diverged_at),
    )


def first_exit(xy, bounds) -> int:
    """Index of the first point of a path ``(n, 2)`` outside ``bounds`` (or not finite), else n."""
    xy = np.asarray(xy, dtype=np.float64)
    (x0, x1), (y0, y1) = bounds
    with np.errstate(invalid="ignore"):
        inside = (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
    out = np.flatnonzero(~inside)
    return int(out[0]) if out.size else len(xy)
