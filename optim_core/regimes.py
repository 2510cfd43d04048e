r"""Learning-rate regimes of gradient descent on a quadratic.

On a parabola :math:`C(W) = \tfrac12 C''\,(W - W^*)^2 + C^*` the slope is
:math:`C'(W) = C''\,(W - W^*)`, so one step :math:`W \leftarrow W - \alpha C'(W)` gives

.. math::  W_{k+1} - W^* = (1 - \alpha C'')\,(W_k - W^*)
           \quad\Longrightarrow\quad
           W_k - W^* = (1 - \alpha C'')^k\,(W_0 - W^*) .

The distance to the minimum is multiplied by :math:`|1 - \alpha C''|` every step, which
splits the learning rates into five regimes:

=========================  ===========  ==============================================
learning rate              name         what the run does
=========================  ===========  ==============================================
α < 1/C''                  ``creep``    approaches from one side, never crosses W*
α = 1/C''                  ``one_step`` lands on W* in one step
1/C'' < α < 2/C''          ``overshoot`` jumps across W* every step, converges
α = 2/C''                  ``bounce``   jumps between W₀ and 2W* − W₀ forever
α > 2/C''                  ``diverge``  jumps across W* farther every step
=========================  ===========  ==============================================

With several parameters the curvature is a matrix (the Hessian :math:`H`); each eigen-direction
behaves like its own parabola with :math:`C'' = \lambda_i`, so a step size must stay below
:math:`2/\lambda_{\max}` while the flattest direction shrinks only by
:math:`1 - \alpha\lambda_{\min}` per step. The ratio :math:`\kappa = \lambda_{\max}/\lambda_{\min}`
(the condition number) therefore says how slow gradient descent is.
"""

from __future__ import annotations

import math

import numpy as np

from optim_core import checks

__all__ = [
    "REGIMES",
    "condition_number",
    "contraction",
    "curvature",
    "regime",
    "steps_to_shrink",
    "thresholds",
]

REGIMES = ("creep", "one_step", "overshoot", "bounce", "diverge")


def curvature(x) -> float:
    r"""Curvature of the no-intercept least-squares cost: :math:`C'' = \frac{1}{m}\sum_i x_i^2`."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1-D array, got shape {x.shape}")
    return float(x @ x / x.size)


def thresholds(c2: float) -> tuple[float, float]:
    r"""The two special learning rates :math:`(1/C'', 2/C'')` for curvature ``c2`` > 0."""
    c2 = checks.positive(c2, "curvature")
    return 1.0 / c2, 2.0 / c2


def contraction(lr: float, c2: float) -> float:
    r"""The signed factor :math:`1 - \alpha C''` that multiplies :math:`W - W^*` each step."""
    return 1.0 - checks.positive(lr, "lr") * checks.positive(c2, "curvature")


def regime(lr: float, c2: float, *, rtol: float = 1e-9) -> str:
    r"""Which of :data:`REGIMES` the learning rate ``lr`` falls in for curvature ``c2``.

    ``lr`` within a relative ``rtol`` of :math:`1/C''` or :math:`2/C''` counts as exactly
    on the threshold (a computed threshold is never exact in floating point).
    """
    one, two = thresholds(c2)
    lr = checks.positive(lr, "lr")
    if math.isclose(lr, one, rel_tol=rtol):
        return "one_step"
    if math.isclose(lr, two, rel_tol=rtol):
        return "bounce"
    if lr < one:
        return "creep"
    if lr < two:
        return "overshoot"
    return "diverge"


def condition_number(hessian) -> float:
    r""":math:`\kappa = \lambda_{\max} / \lambda_{\min}` of a symmetric positive definite matrix.

    Returns ``inf`` when the smallest eigenvalue is not positive (a flat direction).
    """
    h = np.asarray(hessian, dtype=np.float64)
    if h.ndim != 2 or h.shape[0] != h.shape[1]:
        raise ValueError(f"hessian must be a square matrix, got shape {h.shape}")
    eig = np.linalg.eigvalsh((h + h.T) / 2.0)
    if eig[0] <= 0:
        return math.inf
    return float(eig[-1] / eig[0])


def steps_to_shrink(factor: float, shrink: float = 0.01) -> float:
    r"""Steps until an error multiplied by ``factor`` each step falls below ``shrink`` of its size.

    :math:`\lceil \ln(\text{shrink}) / \ln|\text{factor}| \rceil`; 1 when the factor is 0 and
    ``inf`` when :math:`|\text{factor}| \ge 1` (the error never shrinks).
    """
    if not 0.0 < shrink < 1.0:
        raise ValueError(f"shrink must lie strictly between 0 and 1, got {shrink!r}")
    f = abs(float(factor))
    if f >= 1.0:
        return math.inf
    if f == 0.0:
        return 1
    return math.ceil(math.log(shrink) / math.log(f) - 1e-12)
