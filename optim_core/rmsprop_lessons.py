r"""Small measurements behind the RMSprop page (numpy only).

RMSprop keeps an exponentially weighted average of the squared gradients and
divides each coordinate's step by its root (all averages start at 0)::

    s ← β·s + (1−β)·g²            (element-wise)
    x ← x − α·g / (√s + ε)

so each coordinate moves with its own learning rate ``α/(√s + ε)``. There is no
bias correction (this is ``torch.optim.RMSprop(lr=α, alpha=β, eps=ε)``): after the
first update ``s = (1−β)·g²`` and the first step has size

    |Δx| = α·|g| / (√(1−β)·|g| + ε)  ≈  α/√(1−β)      (10·α at β = 0.99).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import checks


def first_step(g, lr: float, beta: float, eps: float) -> np.ndarray:
    """Size of RMSprop's first step per coordinate: ``α·|g| / (√(1−β)·|g| + ε)``."""
    lr = checks.positive(lr, "lr")
    beta = checks.beta(beta, "beta")
    eps = checks.positive(eps, "eps")
    g = np.abs(np.asarray(g, dtype=np.float64))
    return lr * g / (np.sqrt(1.0 - beta) * g + eps)


def effective_rates(s, lr: float, eps: float) -> np.ndarray:
    """Per-coordinate learning rate ``α / (√s + ε)`` for averaged squared gradients ``s``."""
    lr = checks.positive(lr, "lr")
    eps = checks.positive(eps, "eps")
    return lr / (np.sqrt(np.asarray(s, dtype=np.float64)) + eps)


class RateRatios(NamedTuple):
    """How the flat coordinate's rate compares with the steep one's over steps ``1 .. last``."""

    last: int  # last step whose rates are finite (0: none)
    median: float
    low: float
    high: float
    wider: int  # steps at which coordinate 0 had the larger rate


def rate_ratios(rates) -> RateRatios:
    """Ratios ``rate_0 / rate_1`` of per-coordinate rates ``(steps + 1, 2)`` up to the last finite
    step (row 0, before any update, is left out)."""
    rates = np.asarray(rates, dtype=np.float64)
    finite = np.flatnonzero(np.all(np.isfinite(rates[1:]), axis=1)) + 1
    if not finite.size:
        return RateRatios(0, np.nan, np.nan, np.nan, 0)
    last = int(finite[-1])
    ratios = rates[1 : last + 1, 0] / rates[1 : last + 1, 1]
    return RateRatios(
        last,
        float(np.median(ratios)),
        float(ratios.min()),
        float(ratios.max()),
        int(np.sum(ratios > 1)),
    )


def steps_to_target(loss, target: float) -> int:
    """First record index whose cost is ``<= target`` (record k = after k steps); -1 if none.

    NaN (a diverged run) never counts as reaching the target.
    """
    loss = np.asarray(loss, dtype=np.float64)
    hit = np.flatnonzero(loss <= target)
    return int(hit[0]) if hit.size else -1


def tail_stats(params, minimum, last: int) -> tuple[float, float, float]:
    """Behaviour over the last ``last`` steps of a path ``(n, d)``.

    Returns ``(mean distance to minimum, max distance, mean step length ‖x_k − x_{k−1}‖)``,
    NaN when the path holds NaN there (a diverged run).
    """
    last = checks.integer(last, "last", minimum=1)
    params = np.asarray(params, dtype=np.float64)
    tail = params[-(last + 1) :]
    dist = np.linalg.norm(tail[1:] - np.asarray(minimum, dtype=np.float64), axis=-1)
    moves = np.linalg.norm(np.diff(tail, axis=0), axis=-1)
    if not (np.all(np.isfinite(dist)) and np.all(np.isfinite(moves))):
        return (float("nan"),) * 3
    return float(dist.mean()), float(dist.max()), float(moves.mean())
