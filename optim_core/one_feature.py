r"""The one-feature model without intercept, :math:`\hat y = W x`, on restaurant bills and tips.

The data are the 244 restaurant bills of ``plotly.data.tips()``, loaded by
:func:`optim_core.datasets.tips` (nothing downloaded): :math:`x_i` is the total bill and
:math:`y_i` the tip, both in dollars.

The cost of the model is a parabola in the single weight :math:`W`:

.. math::  C(W) = \frac{1}{2m}\sum_{i=1}^m (W x_i - y_i)^2
                = \underbrace{\frac{\sum x_i^2}{2m}}_{a} W^2
                  \underbrace{- \frac{\sum x_i y_i}{m}}_{b} W
                  + \underbrace{\frac{\sum y_i^2}{2m}}_{c} ,

with slope :math:`C'(W) = 2aW + b = \frac{1}{m}\sum_i (W x_i - y_i)\,x_i`, constant
curvature :math:`C'' = 2a = \frac{1}{m}\sum_i x_i^2` and minimum at :math:`W^* = -b/(2a)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from optim_core import datasets
from optim_core.losses import parabola_coefficients
from optim_core.objectives import CriticalPoint, Objective

__all__ = ["NoInterceptLeastSquares", "tips"]


def tips() -> tuple[np.ndarray, np.ndarray]:
    """``(x, y)`` = (total bill, tip) in dollars for the 244 tables of ``plotly.data.tips()``."""
    return datasets.tips()


@dataclass(frozen=True, eq=False, repr=False)
class NoInterceptLeastSquares(Objective):
    r""":math:`C(W) = \frac{1}{2m}\sum_i (W x_i - y_i)^2 = aW^2 + bW + c` as a 1-D objective.

    Parameters have shape ``(..., 1)``; ``value`` returns ``(...)`` and ``grad``
    :math:`C'(W) = 2aW + b` of shape ``(..., 1)``, so :func:`optim_core.run` can do gradient
    descent on it from many starts at once. ``a, b, c`` come from
    :func:`optim_core.losses.parabola_coefficients`.
    """

    x: np.ndarray
    y: np.ndarray
    name: str = field(init=False, default="no-intercept least squares")
    dim: int = field(init=False, default=1)

    def __post_init__(self) -> None:
        a, b, c = parabola_coefficients(self.x, self.y)  # validates x and y
        object.__setattr__(self, "coefficients", (a, b, c))

    def __repr__(self) -> str:
        return f"NoInterceptLeastSquares(m={len(self.x)})"

    @property
    def curvature(self) -> float:
        r""":math:`C'' = 2a = \frac{1}{m}\sum_i x_i^2` (the same at every W)."""
        return 2.0 * self.coefficients[0]

    @property
    def minimizer(self) -> float:
        """:math:`W^* = -b / (2a)`."""
        a, b, _ = self.coefficients
        return -b / (2.0 * a)

    def value(self, p) -> np.ndarray:
        a, b, c = self.coefficients
        w = np.asarray(p, dtype=np.float64)[..., 0]
        return (a * w + b) * w + c

    def grad(self, p) -> np.ndarray:
        a, b, _ = self.coefficients
        p = np.asarray(p, dtype=np.float64)
        return 2.0 * a * p + b

    def slope(self, w):
        """:math:`C'(W)` for scalar or array ``w`` (no trailing axis)."""
        a, b, _ = self.coefficients
        return 2.0 * a * np.asarray(w, dtype=np.float64) + b

    @property
    def bounds(self) -> tuple[tuple[float, float], ...]:
        w = self.minimizer
        return ((w - 1.0, w + 1.0),)

    @property
    def critical_points(self) -> tuple[CriticalPoint, ...]:
        w = self.minimizer
        return (CriticalPoint((w,), float(self.value(np.array([w]))), "global"),)
