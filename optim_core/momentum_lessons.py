r"""The small pieces of math the momentum page reports about a run.

Momentum in the course's form keeps the exponentially weighted average of the
gradients and steps along it (all averages start at 0)::

    g_k = ∇f(x_{k-1})
    v_k = β·v_{k-1} + (1-β)·g_k
    x_k = x_{k-1} - α·v_k

β = 0 gives v_k = g_k, i.e. plain gradient descent. The same run is
``torch.optim.SGD(lr=α(1-β), momentum=β)``: torch's buffer ``u = v/(1-β)`` obeys
``u ← β·u + g`` and steps by ``α(1-β)·u = α·v``.

On a quadratic with curvature λ (the elongated bowl ``(w² + κ b²)/2`` has λ = 1
along w and λ = κ along b) both are linear recursions, which gives the stability
limits used by the page:

* gradient descent: ``w_k = (1 - αλ)·w_{k-1}``, stable iff ``0 < αλ < 2``, so α < 2/λ;
* momentum is the heavy ball ``x_k = x_{k-1} - η·λ·x_{k-1} + β·(x_{k-1} - x_{k-2})``
  with ``η = α(1-β)``; its characteristic roots ``r² - (1 + β - ηλ)·r + β = 0``
  lie inside the unit circle iff ``0 < ηλ < 2(1+β)``, so ``α < 2(1+β)/((1-β)λ)``.
"""

from __future__ import annotations

import numpy as np

from optim_core import checks


def step_gradients(objective, params) -> np.ndarray:
    r"""The gradient each update used: ``g_k = ∇f(x_{k-1})`` for k = 1..n.

    ``params`` are the recorded points ``(n+1, ..., d)`` of a run recorded at every
    step (record 0 the start); the result has shape ``(n, ..., d)`` and row k-1 holds
    ``g_k``. Points that are NaN (a diverged run) give NaN gradients.
    """
    params = np.asarray(params, dtype=np.float64)
    if params.ndim < 2 or len(params) < 1:
        raise ValueError("params must have shape (n_records, ..., d)")
    with np.errstate(all="ignore"):
        return np.asarray(objective.grad(params[:-1]), dtype=np.float64)


def steps_to_target(loss, fraction: float = 1e-6) -> int:
    r"""The first step k with ``loss_k ≤ fraction·loss_0``, or -1 if the run never gets there.

    ``loss`` is a run's cost at every step (record 0 the start, so index = step).
    NaN (a diverged run) never counts as reached. A start already at cost 0 is
    reached at step 0.
    """
    fraction = checks.positive(fraction, "fraction")
    loss = np.asarray(loss, dtype=np.float64)
    if loss.ndim != 1 or len(loss) == 0:
        raise ValueError("loss must be a non-empty 1-D array")
    with np.errstate(invalid="ignore"):
        hit = np.nonzero(loss <= fraction * loss[0])[0]
    return int(hit[0]) if len(hit) else -1


def gd_lr_limit(curvature: float) -> float:
    r"""Largest stable step size of gradient descent on a quadratic: ``α < 2/λ``."""
    return 2.0 / checks.positive(curvature, "curvature")


def momentum_lr_limit(curvature: float, beta: float) -> float:
    r"""Largest stable α of momentum in the course's form: ``α < 2(1+β)/((1-β)λ)``.

    At β = 0 it is gradient descent's 2/λ; at β = 0.9 it is 38/λ, 19 times larger.
    """
    curvature = checks.positive(curvature, "curvature")
    beta = checks.beta(beta)
    return 2.0 * (1.0 + beta) / ((1.0 - beta) * curvature)


def window(beta: float) -> float:
    r"""How far back the average reaches, about ``1/(1-β)`` steps (1 at β = 0, 10 at 0.9)."""
    return 1.0 / (1.0 - checks.beta(beta))


def torch_sgd_lr(lr: float, beta: float) -> float:
    r"""The ``lr`` of ``torch.optim.SGD(lr=…, momentum=β)`` that runs the same path: ``α(1-β)``."""
    return checks.positive(lr, "lr") * (1.0 - checks.beta(beta))


def mean_abs(values, first: int) -> float:
    r"""Mean of ``|values|`` over the first ``first`` entries that are numbers (NaN if none)."""
    first = checks.integer(first, "first", minimum=1)
    part = np.abs(np.asarray(values, dtype=np.float64)[:first])
    part = part[np.isfinite(part)]
    return float(part.mean()) if len(part) else float("nan")


def sign_changes(values, first: int) -> int:
    r"""How often consecutive entries among the first ``first`` have opposite signs.

    A zig-zag that flips every step gives ``first - 1``; a steady push gives 0.
    Zeros and NaN break the chain (they count as no change).
    """
    first = checks.integer(first, "first", minimum=1)
    s = np.sign(np.asarray(values, dtype=np.float64)[:first])
    s = np.nan_to_num(s, nan=0.0)
    return int(np.count_nonzero(s[1:] * s[:-1] < 0))


def travel(values, first: int) -> float:
    r"""Distance covered along one coordinate in the first ``first`` steps: ``Σ_k |x_k − x_{k−1}|``.

    ``values`` are the recorded positions (record 0 the start). A zig-zag across the
    valley covers much more of it than a path that stays near the floor; NaN steps
    (after a divergence) are left out.
    """
    first = checks.integer(first, "first", minimum=1)
    steps = np.abs(np.diff(np.asarray(values, dtype=np.float64)[: first + 1]))
    return float(steps[np.isfinite(steps)].sum())
