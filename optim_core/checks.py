"""Up-front validation of hyperparameters, with messages a learner can act on.

Stricter than ``torch.optim``: a learning rate of 0 is refused, because an
optimizer that never moves teaches nothing and usually hides a mistake.
"""

from __future__ import annotations

import math
import numbers


def _real(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return value


def positive(value, name: str) -> float:
    """Return ``value`` as a float after checking ``value > 0``."""
    value = _real(value, name)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value!r}")
    return value


def non_negative(value, name: str) -> float:
    """Return ``value`` as a float after checking ``value >= 0``."""
    value = _real(value, name)
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value!r}")
    return value


def beta(value, name: str = "beta") -> float:
    """Return a decay rate after checking ``0 <= beta < 1``."""
    value = _real(value, name)
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{name} must satisfy 0 <= {name} < 1, got {value!r}")
    return value


def integer(value, name: str, *, minimum: int) -> int:
    """Return ``value`` as an int after checking it is a whole number >= minimum."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    value = int(value)
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return value
