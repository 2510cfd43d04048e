r"""Exponentially weighted averages (EWA) and their bias correction.

The recursion, with the average starting at zero:

.. math::  V_0 = 0, \qquad V_t = \beta V_{t-1} + (1-\beta)\,\theta_t .

Unrolled, :math:`V_t = (1-\beta)\sum_{k=0}^{t-1} \beta^k \theta_{t-k}`: the point k
steps back weighs :math:`(1-\beta)\beta^k`, and because
:math:`\beta^{1/(1-\beta)} \approx 1/e` the average reaches back about
:math:`1/(1-\beta)` points. The weights sum to :math:`1-\beta^t`, so the early
values are pulled toward the zero start; dividing by that sum,
:math:`\hat V_t = V_t / (1-\beta^t)`, is the bias correction. The corrected
average equals ``pandas.Series.ewm(alpha=1-beta, adjust=True).mean()``.

Momentum keeps this average of the gradients, RMSprop of the squared gradients
and Adam both: :func:`ewa_update` and :func:`debias` are the pieces they share.
"""

from __future__ import annotations

import numpy as np

from optim_core import checks


def ewa_update(average, value, beta: float):
    """One step of the recursion: ``beta * average + (1 - beta) * value``."""
    return beta * average + (1.0 - beta) * value


def debias(average, beta: float, t):
    """Bias-corrected average ``average / (1 - beta**t)`` for step ``t >= 1``."""
    return average / (1.0 - beta**t)


def ewa(series, beta: float, *, bias_correction: bool = False) -> np.ndarray:
    """Exponentially weighted average of ``series`` along axis 0, from ``V_0 = 0``.

    ``series`` has shape ``(T, ...)``; the result has the same shape and holds
    ``V_1 .. V_T`` (or the corrected ``V_t / (1 - beta**t)``).
    """
    beta = checks.beta(beta)
    theta = np.asarray(series, dtype=np.float64)
    if theta.ndim == 0:
        raise ValueError("series must have at least one axis (time along axis 0)")
    out = np.empty_like(theta)
    average = np.zeros(theta.shape[1:])
    for t in range(theta.shape[0]):
        average = ewa_update(average, theta[t], beta)
        out[t] = average
    if bias_correction and theta.shape[0]:
        steps = np.arange(1, theta.shape[0] + 1).reshape((-1,) + (1,) * (theta.ndim - 1))
        out = debias(out, beta, steps)
    return out


def weights(beta: float, n: int) -> np.ndarray:
    """Weights ``(1 - beta) * beta**k`` of the points ``k = 0 .. n-1`` steps back."""
    beta = checks.beta(beta)
    n = checks.integer(n, "n", minimum=0)
    return (1.0 - beta) * beta ** np.arange(n, dtype=np.float64)


def window(beta: float) -> float:
    """Rough number of points the average spans, ``1 / (1 - beta)``."""
    return 1.0 / (1.0 - checks.beta(beta))
