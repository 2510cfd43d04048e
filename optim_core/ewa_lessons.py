r"""The numbers behind the lesson on exponentially weighted averages (EWA).

The average :math:`V_t = \beta V_{t-1} + (1-\beta)\theta_t`, :math:`V_0 = 0`, is in
:mod:`optim_core.ewa`. This module holds the facts the lesson shows about it:

* **The window and e.** The point k steps back weighs :math:`(1-\beta)\beta^k`, so relative to
  the newest point its weight is :math:`\beta^k`. With :math:`n = 1/(1-\beta)`, i.e.
  :math:`\beta = 1 - 1/n`, the weight n steps back is :math:`(1 - 1/n)^n`, which rises towards
  :math:`1/e \approx 0.368` as n grows (:func:`decay_to_e`, :func:`window_ratio`): about
  :math:`1/(1-\beta)` points carry the average.
* **Bias correction.** From :math:`V_0 = 0` the weights of :math:`V_t` sum to
  :math:`1 - \beta^t`; the corrected :math:`\hat V_t = V_t / (1-\beta^t)` multiplies by the
  factor :func:`correction_factor` :math:`1/(1-\beta^t)`, which tends to 1 as t grows, so it
  matters only at the start. :math:`\hat V_t` is the weighted mean with weights
  :math:`\beta^k / \sum_{j<t}\beta^j` that sum to one (:func:`normalized_weights`), the same as
  ``pandas.Series.ewm(alpha=1-beta, adjust=True).mean()`` (:func:`pandas_ewm`).
* **The bridge to momentum.** :func:`minibatch_gradients` gives the mini-batch gradients of a
  loss at a fixed point, one per step: the noisy sequence that momentum averages.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from optim_core import checks
from optim_core.batches import batches_per_epoch, minibatches

__all__ = [
    "correction_factor",
    "decay_to_e",
    "minibatch_gradients",
    "normalized_weights",
    "pandas_ewm",
    "window_ratio",
    "window_weight_index",
]

INV_E = math.exp(-1.0)


def decay_to_e(n) -> np.ndarray:
    r""":math:`(1 - 1/n)^n` for whole numbers ``n >= 1``; it increases towards :math:`1/e`.

    ``n = 1`` gives 0, ``n = 2`` gives 0.25, ``n = 10`` gives 0.3487, ``n = 100`` 0.3660.
    Computed as ``exp(n * log1p(-1/n))`` so large n keeps full precision.
    """
    n = np.asarray(n, dtype=np.float64)
    if np.any(n < 1) or np.any(n != np.floor(n)):
        raise ValueError("n must hold whole numbers >= 1")
    with np.errstate(divide="ignore"):  # n = 1: log(0) = -inf, exp(-inf) = 0, which is right
        return np.exp(n * np.log1p(-1.0 / n))


def window_ratio(beta: float) -> float:
    r""":math:`\beta^{1/(1-\beta)}`: the weight one window back, relative to the newest point.

    Equals :math:`(1-1/n)^n` with :math:`n = 1/(1-\beta)` and approaches :math:`1/e` as
    :math:`\beta \to 1` (0.3487 at 0.9, 0.3660 at 0.99). At :math:`\beta = 0` it is 0.
    """
    beta = checks.beta(beta)
    if beta == 0.0:
        return 0.0
    return float(math.exp(math.log(beta) / (1.0 - beta)))


def window_weight_index(beta: float) -> int:
    """The whole step ``k = round(1 / (1 - beta))`` where the weight has fallen to about 1/e."""
    return int(round(1.0 / (1.0 - checks.beta(beta))))


def correction_factor(beta: float, t) -> np.ndarray:
    r"""The bias-correction factor :math:`1 / (1 - \beta^t)` for steps ``t >= 1``.

    At :math:`\beta = 0.9`: 10 at t = 1, 5.263 at t = 2, 3.690 at t = 3, and below 1.01 from
    t = 44 on. At :math:`\beta = 0` it is 1 for every t.
    """
    beta = checks.beta(beta)
    t = np.asarray(t, dtype=np.float64)
    if np.any(t < 1):
        raise ValueError("t must be >= 1 (the first step is t = 1)")
    return 1.0 / -np.expm1(t * math.log(beta)) if beta > 0 else np.ones_like(t)


def normalized_weights(beta: float, t: int) -> np.ndarray:
    r"""Weights of the corrected average :math:`\hat V_t` on :math:`\theta_t, \theta_{t-1}, …, \theta_1`.

    :math:`w_k = (1-\beta)\beta^k / (1-\beta^t) = \beta^k / \sum_{j=0}^{t-1}\beta^j`,
    k = 0 .. t-1 steps back; they sum to one.
    """
    beta = checks.beta(beta)
    t = checks.integer(t, "t", minimum=1)
    raw = beta ** np.arange(t, dtype=np.float64)
    return raw / raw.sum()


def pandas_ewm(series, beta: float) -> np.ndarray:
    """``pandas.Series.ewm(alpha=1 - beta, adjust=True).mean()``: the corrected EWA by pandas."""
    beta = checks.beta(beta)
    if beta == 0.0:
        return np.asarray(series, dtype=np.float64).copy()
    values = pd.Series(np.asarray(series, dtype=np.float64))
    return values.ewm(alpha=1.0 - beta, adjust=True).mean().to_numpy()


def minibatch_gradients(loss, point, batch_size: int, steps: int, seed) -> np.ndarray:
    r"""Mini-batch gradients of ``loss`` at the fixed ``point``, one row per step.

    Step s uses the s-th index array of :func:`optim_core.batches.minibatches` (fresh shuffle
    every epoch), so the rows are the noisy estimates :math:`g_B(p)` whose mean over an epoch is
    the full gradient :math:`\nabla C(p)`. Returns shape ``(steps, dim)``.
    """
    steps = checks.integer(steps, "steps", minimum=1)
    m = loss.n_samples
    epochs = -(-steps // batches_per_epoch(m, batch_size))
    stream = minibatches(m, batch_size, epochs, seed)
    point = np.asarray(point, dtype=np.float64)
    return np.stack([loss.grad(point, next(stream)) for _ in range(steps)])
