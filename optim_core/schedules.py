r"""Learning-rate schedules: the factor ``c(t)`` by which the rate of each step is multiplied.

The learning rate of update ``k`` (k = 1 … n, the step count of :func:`optim_core.run`)
is ``α_k = α·c(t)`` with ``t = k − 1``, the number of updates already taken: every
schedule starts at the full rate (``c(0) = 1``), the way PyTorch's
``torch.optim.lr_scheduler`` does when ``scheduler.step()`` follows each
``optimizer.step()``. With ``t`` counted so:

=============  ==========================  =============================================
constant       c(t) = 1                    no scheduler
inverse time   c(t) = 1/(1 + k·t)          ``LambdaLR(opt, lambda t: 1 / (1 + k * t))``
exponential    c(t) = γᵗ  (= e^{−t·ln(1/γ)})  ``ExponentialLR(opt, gamma=γ)``
step decay     c(t) = d^⌊t/T⌋               ``StepLR(opt, step_size=T, gamma=d)``
=============  ==========================  =============================================

Inverse time decays like 1/t: the rates still add up to infinity, so a run can travel
any distance, while the steps shrink toward 0 (the classic condition for stochastic
gradient descent to settle). Exponential decay is faster: the rates add up to only
``α/(1 − γ)``, so a run that decays too soon stops short. Step decay holds the rate for
T steps at a time, then cuts it by the factor d.

Each schedule is a small frozen dataclass (hashable, picklable) with ``factor(t)``
(vectorized over ``t = 0, 1, …``) and ``factors(n)``, the factors of steps 1 … n as a
float64 array, which is what ``run(..., schedule=...)`` takes. Parameters are checked
up front with a clear ``ValueError``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from optim_core import checks


class _Schedule:
    name = "schedule"

    def factor(self, t) -> np.ndarray:
        """``c(t)`` for ``t`` updates already taken (array-like of whole numbers >= 0)."""
        raise NotImplementedError

    def factors(self, n: int) -> np.ndarray:
        """Factors of steps 1 … n, i.e. ``c(0), …, c(n − 1)``, shape ``(n,)``."""
        n = checks.integer(n, "n", minimum=0)
        return np.asarray(self.factor(np.arange(n, dtype=np.float64)), dtype=np.float64)

    def rates(self, lr: float, n: int) -> np.ndarray:
        """Learning rates ``lr·c(t)`` of steps 1 … n."""
        return checks.positive(lr, "lr") * self.factors(n)


@dataclass(frozen=True)
class Constant(_Schedule):
    """The same rate at every step: ``c(t) = 1``."""

    name = "constant"

    def factor(self, t) -> np.ndarray:
        return np.ones(np.shape(t))


@dataclass(frozen=True)
class InverseTime(_Schedule):
    """Inverse time decay ``c(t) = 1/(1 + k·t)``: half the rate after ``1/k`` steps."""

    k: float = 0.01
    name = "inverse_time"

    def __post_init__(self):
        object.__setattr__(self, "k", checks.non_negative(self.k, "k"))

    def factor(self, t) -> np.ndarray:
        return 1.0 / (1.0 + self.k * np.asarray(t, dtype=np.float64))


@dataclass(frozen=True)
class Exponential(_Schedule):
    """Exponential decay ``c(t) = γᵗ`` with ``0 < γ <= 1``: the rate halves every
    ``ln 2 / ln(1/γ)`` steps (about 69 steps at γ = 0.99)."""

    gamma: float = 0.99
    name = "exponential"

    def __post_init__(self):
        gamma = checks.positive(self.gamma, "gamma")
        if gamma > 1.0:
            raise ValueError(f"gamma must satisfy 0 < gamma <= 1, got {gamma!r}")
        object.__setattr__(self, "gamma", gamma)

    def factor(self, t) -> np.ndarray:
        return self.gamma ** np.asarray(t, dtype=np.float64)


@dataclass(frozen=True)
class StepDecay(_Schedule):
    """Step decay ``c(t) = d^⌊t/T⌋``: the full rate for steps 1 … T, then ``d·α`` for
    the next T steps, and so on (``0 < d <= 1``, whole ``T >= 1``)."""

    drop: float = 0.5
    every: int = 100
    name = "step_decay"

    def __post_init__(self):
        drop = checks.positive(self.drop, "drop")
        if drop > 1.0:
            raise ValueError(f"drop must satisfy 0 < drop <= 1, got {drop!r}")
        object.__setattr__(self, "drop", drop)
        object.__setattr__(self, "every", checks.integer(self.every, "every", minimum=1))

    def factor(self, t) -> np.ndarray:
        return self.drop ** np.floor(np.asarray(t, dtype=np.float64) / self.every)


def constant() -> Constant:
    """No decay."""
    return Constant()


def inverse_time(k: float = 0.01) -> InverseTime:
    """``c(t) = 1/(1 + k·t)`` (default ``k = 0.01``)."""
    return InverseTime(k)


def exponential(gamma: float = 0.99) -> Exponential:
    """``c(t) = γᵗ`` (default ``γ = 0.99``)."""
    return Exponential(gamma)


def step_decay(drop: float = 0.5, every: int = 100) -> StepDecay:
    """``c(t) = drop^⌊t/every⌋`` (defaults ``drop = 0.5``, ``every = 100``)."""
    return StepDecay(drop, every)


#: name → class, from no decay to the most abrupt.
REGISTRY: dict[str, type] = {
    cls.name: cls for cls in (Constant, InverseTime, Exponential, StepDecay)
}


def names() -> list[str]:
    """Schedule names: ``constant, inverse_time, exponential, step_decay``."""
    return list(REGISTRY)


def get(name: str, **params) -> _Schedule:
    """The schedule called ``name`` built with ``params`` (its dataclass fields)."""
    cls = REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown schedule {name!r}; choose one of: {', '.join(names())}")
    accepted = [f.name for f in fields(cls)]
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise ValueError(
            f"schedule {name!r} got unknown parameter(s) {', '.join(unknown)}; "
            f"it accepts: {', '.join(accepted) or 'no parameters'}"
        )
    return cls(**params)
