r"""Data losses for linear models, as objectives over the parameters ``p = (w_1..w_n, b)``.

The bias comes LAST. With ``m`` rows :math:`x_i \in \mathbb{R}^n`, targets :math:`y_i` and
the linear score :math:`z_i = w \cdot x_i + b`:

* :class:`LinearRegression`, the mean squared error

  .. math::  C(p) = \frac{1}{2m} \sum_{i=1}^m (w \cdot x_i + b - y_i)^2 ,

* :class:`LogisticRegression`, the mean cross-entropy with labels :math:`y_i \in \{0, 1\}`
  and an L2 penalty on the weights (never on the bias)

  .. math::  C(p) = \frac{1}{m} \sum_{i=1}^m \bigl[\log(1 + e^{z_i}) - y_i z_i\bigr]
                    + \frac{\lambda}{2} \lVert w \rVert^2 .

Both follow the :class:`~optim_core.objectives.Objective` protocol: ``value`` maps parameters of
shape ``(..., n+1)`` to costs of shape ``(...)``, ``grad`` returns shape ``(..., n+1)`` and
``value_and_grad_cm`` works on coordinate-major ``(n+1, N)`` buffers, so
:func:`optim_core.run` can do full-batch gradient descent on them. Many parameter vectors are
evaluated at once with matrix products (``z = p[..., :n] @ X.T + p[..., n:]``).

For mini-batch training ``value`` and ``grad`` take ``idx``, an integer array of row indices
(see :func:`optim_core.batches.minibatches`). The batch cost and gradient are the same formulas
averaged over the batch :math:`B` instead of all rows, e.g. for least squares

.. math::  g_B(p) = \frac{1}{|B|} \sum_{i \in B} (w \cdot x_i + b - y_i)\,(x_i, 1) ,

an unbiased estimate of the full gradient when the batch is drawn at random; the L2 penalty
is deterministic and enters every batch gradient in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from optim_core import checks
from optim_core.objectives import CriticalPoint, Objective

__all__ = [
    "LinearRegression",
    "LogisticRegression",
    "parabola_coefficients",
    "standardize",
]

_NEWTON_TOL = 1e-12
_NEWTON_MAX_ITER = 100


# -- validation ---------------------------------------------------------------------------------
def _float_array(a, name: str) -> np.ndarray:
    """``a`` as a fresh float64 C-contiguous array, refusing non-numeric and complex data."""
    arr = np.asarray(a)
    if arr.dtype.kind not in "biufO":
        raise ValueError(f"{name} must hold real numbers, got dtype {arr.dtype}")
    try:
        return np.array(arr, dtype=np.float64, order="C", copy=True)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name} must hold real numbers ({err})") from None


def _check_finite(arr: np.ndarray, name: str) -> None:
    bad = ~np.isfinite(arr)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        where_str = where[0] if len(where) == 1 else where
        raise ValueError(
            f"{name} must be finite (no NaN or inf); found {arr[bad][0]!r} at index {where_str}"
        )


def _features(X, name: str = "X", *, min_rows: int = 2) -> np.ndarray:
    X = _float_array(X, name)
    if X.ndim != 2:
        raise ValueError(
            f"{name} must be 2-D (rows = samples, columns = features), got shape {X.shape}"
        )
    if X.shape[0] < min_rows:
        raise ValueError(f"{name} needs at least {min_rows} rows, got {X.shape[0]}")
    if X.shape[1] < 1:
        raise ValueError(f"{name} needs at least one feature column, got shape {X.shape}")
    _check_finite(X, name)
    return X


def _targets(y, m: int, name: str = "y") -> np.ndarray:
    y = _float_array(y, name)
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {y.shape}")
    if y.shape[0] != m:
        raise ValueError(f"{name} has {y.shape[0]} entries but X has {m} rows; they must match")
    _check_finite(y, name)
    return y


def _readonly(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


# -- helpers ------------------------------------------------------------------------------------
def standardize(X) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Centre and scale every column: :math:`(X - \mu) / \sigma`, column by column.

    :math:`\mu` is the column mean and :math:`\sigma` the population standard deviation
    (``ddof=0``), so each returned column has mean 0 and standard deviation 1. Returns
    ``(Xs, mean, std)``; map new rows with ``(X_new - mean) / std``. Raises ``ValueError`` if a
    column is constant (it cannot be scaled), naming the column's index.
    """
    X = _features(X)
    constant = np.flatnonzero(X.max(axis=0) == X.min(axis=0))
    if constant.size:
        raise ValueError(
            f"column {int(constant[0])} of X is constant; it cannot be standardized "
            "(drop it: it carries no information the bias does not)"
        )
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    return (X - mean) / std, mean, std


def parabola_coefficients(x, y) -> tuple[float, float, float]:
    r"""Least-squares cost of the one-feature model without intercept, as a parabola in W.

    .. math::  C(W) = \frac{1}{2m} \sum_i (W x_i - y_i)^2 = a W^2 + b W + c, \quad
               a = \frac{\sum_i x_i^2}{2m},\; b = -\frac{\sum_i x_i y_i}{m},\;
               c = \frac{\sum_i y_i^2}{2m} .

    The minimum sits at :math:`W^* = -b / (2a)`, and gradient descent with step
    :math:`\eta` converges exactly when :math:`\eta < 2 / C''(W) = 1 / a`.
    ``x`` and ``y`` are 1-D of the same length ``m >= 2``. Returns ``(a, b, c)`` as floats.
    """
    x = _float_array(x, "x")
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if x.shape[0] < 2:
        raise ValueError(f"x needs at least 2 entries, got {x.shape[0]}")
    _check_finite(x, "x")
    y = _targets(y, x.shape[0])
    m = x.shape[0]
    return float(x @ x / (2 * m)), float(-(x @ y) / m), float(y @ y / (2 * m))


def _softplus(z: np.ndarray) -> np.ndarray:
    r""":math:`\log(1 + e^{z})` via ``np.logaddexp``: no overflow, exact tails."""
    with np.errstate(under="ignore"):  # log1p(exp(-huge)) -> 0 is the right answer
        return np.logaddexp(0.0, z)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    r""":math:`\sigma(z) = 1 / (1 + e^{-z}) = \exp(-\log(1 + e^{-z}))`, without overflow."""
    with np.errstate(under="ignore"):  # exp(-huge) -> 0 is the right answer
        return np.exp(-_softplus(-z))


def _box(center: np.ndarray) -> tuple[tuple[float, float], ...]:
    """Equal-width box around ``center`` that also contains the origin (a common start)."""
    radius = max(1.0, 1.5 * float(np.max(np.abs(center))))
    return tuple((float(c - radius), float(c + radius)) for c in center)


# -- losses -------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False, repr=False)
class _LinearModelLoss(Objective):
    r"""Mean of a per-row loss :math:`\ell(z_i, y_i)` of the score :math:`z_i = w\cdot x_i + b`.

    Subclasses give :math:`\ell` and :math:`\partial\ell/\partial z`; the chain rule
    :math:`\partial z_i / \partial (w, b) = (x_i, 1)` and the optional L2 penalty
    :math:`\frac{\lambda}{2}\lVert w\rVert^2` are shared here.
    """

    X: np.ndarray
    y: np.ndarray

    def __post_init__(self) -> None:
        X = _features(self.X)
        y = _targets(self.y, X.shape[0])
        object.__setattr__(self, "X", _readonly(X))
        object.__setattr__(self, "y", _readonly(y))
        object.__setattr__(self, "dim", X.shape[1] + 1)

    # -- to implement ---------------------------------------------------------------------------
    def _loss(self, z: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _dloss(self, z: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    @property
    def _ridge(self) -> float:
        return 0.0

    # -- shape --------------------------------------------------------------------------------
    @property
    def n_samples(self) -> int:
        """Number of rows m."""
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        """Number of features n (the parameter vector has n + 1 entries)."""
        return self.X.shape[1]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(m={self.n_samples}, n={self.n_features})"

    def _params(self, p) -> np.ndarray:
        p = np.asarray(p, dtype=np.float64)
        if p.ndim == 0 or p.shape[-1] != self.dim:
            raise ValueError(
                f"parameters must have shape (..., {self.dim}) = (w_1..w_{self.n_features}, b), "
                f"got shape {p.shape}"
            )
        return p

    def _rows(self, idx) -> tuple[np.ndarray, np.ndarray]:
        if idx is None:
            return self.X, self.y
        idx = np.asarray(idx)
        if idx.ndim != 1 or idx.size == 0 or idx.dtype.kind not in "iu":
            raise ValueError(
                "idx must be a non-empty 1-D array of integer row indices, "
                f"got dtype {idx.dtype} and shape {idx.shape}"
            )
        low, high = int(idx.min()), int(idx.max())
        if low < 0 or high >= self.n_samples:
            raise ValueError(
                f"idx must lie in [0, {self.n_samples - 1}], got values from {low} to {high}"
            )
        return self.X[idx], self.y[idx]

    def _new_rows(self, X) -> np.ndarray:
        X = _features(X, min_rows=1)
        if X.shape[1] != self.n_features:
            raise ValueError(f"X must have {self.n_features} columns, got {X.shape[1]}")
        return X

    @staticmethod
    def _scores(p: np.ndarray, X: np.ndarray) -> np.ndarray:
        return p[..., :-1] @ X.T + p[..., -1:]

    # -- objective protocol --------------------------------------------------------------------
    def value(self, p, idx=None) -> np.ndarray:
        """Cost at parameters of shape ``(..., n+1)``; with ``idx``, over those rows only."""
        p = self._params(p)
        X, y = self._rows(idx)
        cost = self._loss(self._scores(p, X), y).mean(axis=-1)
        if self._ridge:
            w = p[..., :-1]
            cost = cost + 0.5 * self._ridge * np.einsum("...i,...i->...", w, w)
        return cost

    def grad(self, p, idx=None) -> np.ndarray:
        """Gradient, shape ``(..., n+1)``; with ``idx``, the mini-batch average over those rows."""
        p = self._params(p)
        X, y = self._rows(idx)
        dz = self._dloss(self._scores(p, X), y)  # (..., k)
        g_w = dz @ X / X.shape[0]
        if self._ridge:
            g_w = g_w + self._ridge * p[..., :-1]
        return np.concatenate([g_w, dz.mean(axis=-1)[..., None]], axis=-1)

    def value_and_grad_cm(self, x_cm: np.ndarray, grad_out: np.ndarray) -> np.ndarray:
        """Full-batch cost and gradient for coordinate-major ``(n+1, N)`` parameters."""
        if x_cm.shape[0] != self.dim:
            raise ValueError(f"x_cm must have shape ({self.dim}, N), got {x_cm.shape}")
        W = x_cm[:-1]
        z = self.X @ W  # (m, N)
        z += x_cm[-1]
        y = self.y[:, None]
        dz = self._dloss(z, y)
        g_w = self.X.T @ dz
        g_w /= self.n_samples
        cost = self._loss(z, y).mean(axis=0)
        if self._ridge:
            g_w += self._ridge * W
            cost += 0.5 * self._ridge * np.einsum("ij,ij->j", W, W)
        grad_out[:-1] = g_w
        grad_out[-1] = dz.mean(axis=0)
        return cost

    # -- minimum --------------------------------------------------------------------------------
    @cached_property
    def _optimum(self) -> tuple[np.ndarray, float]:
        raise NotImplementedError

    def optimum(self) -> tuple[np.ndarray, float]:
        """``(params, cost)`` at the global minimum; ``params`` has shape ``(n+1,)``."""
        params, cost = self._optimum
        return params.copy(), cost

    @property
    def critical_points(self) -> tuple[CriticalPoint, ...]:
        params, cost = self._optimum
        return (CriticalPoint(tuple(float(v) for v in params), cost, "global"),)

    @property
    def bounds(self) -> tuple[tuple[float, float], ...]:
        """Equal-width box centred on the optimum, wide enough to contain the origin."""
        return _box(self._optimum[0])


@dataclass(frozen=True, eq=False, repr=False)
class LinearRegression(_LinearModelLoss):
    r"""Least squares :math:`C(p) = \frac{1}{2m}\sum_i (w\cdot x_i + b - y_i)^2`.

    With :math:`r_i = w\cdot x_i + b - y_i` and the design matrix :math:`A = [X, 1]`:

    .. math::  \nabla C = \frac{1}{m} \sum_i r_i\,(x_i, 1) = \frac{1}{m} A^\top r, \qquad
               \nabla^2 C = \frac{1}{m} A^\top A \quad (\text{constant}) .

    Gradient descent with step :math:`\eta` converges for every start exactly when
    :math:`\eta < 2/\lambda_{\max}(\nabla^2 C)`; see :meth:`curvature`.
    """

    name: str = field(init=False, default="linear regression")

    def _loss(self, z, y):
        r = z - y
        return 0.5 * r * r

    def _dloss(self, z, y):
        return z - y

    def predict(self, p, X=None) -> np.ndarray:
        """Predictions :math:`w\\cdot x + b`, shape ``(..., rows)``, on the training X or ``X``."""
        p = self._params(p)
        X = self.X if X is None else self._new_rows(X)
        return self._scores(p, X)

    def curvature(self) -> np.ndarray:
        r"""The (constant) Hessian :math:`\frac{1}{m} A^\top A` with :math:`A = [X, 1]`."""
        A = np.column_stack([self.X, np.ones(self.n_samples)])
        return A.T @ A / self.n_samples

    @cached_property
    def _optimum(self) -> tuple[np.ndarray, float]:
        """Least squares :math:`A p \\approx y`, minimum-norm if A is rank-deficient."""
        A = np.column_stack([self.X, np.ones(self.n_samples)])
        params = np.linalg.lstsq(A, self.y, rcond=None)[0]
        return _readonly(params), float(self.value(params))


@dataclass(frozen=True, eq=False, repr=False)
class LogisticRegression(_LinearModelLoss):
    r"""Cross-entropy :math:`C(p) = \frac{1}{m}\sum_i[\log(1+e^{z_i}) - y_i z_i]
    + \frac{\lambda}{2}\lVert w\rVert^2`, labels :math:`y_i \in \{0,1\}`, ``l2`` = :math:`\lambda`.

    With :math:`\sigma(z) = 1/(1+e^{-z})` and :math:`\tilde x_i = (x_i, 1)`:

    .. math::  \nabla C = \frac{1}{m}\sum_i (\sigma(z_i) - y_i)\,\tilde x_i + \lambda (w, 0),
               \qquad
               \nabla^2 C = \frac{1}{m}\sum_i \sigma(z_i)(1-\sigma(z_i))\,\tilde x_i
               \tilde x_i^\top + \lambda\,\mathrm{diag}(1,\dots,1,0) .

    Numerically the per-row loss is evaluated as :math:`\log(1 + e^{s_i z_i})` with
    :math:`s_i = 1 - 2y_i` (the same number) via ``np.logaddexp``, and its derivative as
    :math:`s_i\,\sigma(s_i z_i)`; neither overflows nor loses accuracy for huge :math:`|z|`.
    The bias is not penalized. For ``l2 > 0`` and both classes present the cost is strictly
    convex with a unique minimizer, found by :meth:`optimum` (Newton's method).
    """

    name: str = field(init=False, default="logistic regression")
    l2: float = 1e-3

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "l2", checks.non_negative(self.l2, "l2"))
        labels = np.unique(self.y)
        wrong = labels[(labels != 0.0) & (labels != 1.0)]
        if wrong.size:
            shown = ", ".join(f"{v:g}" for v in wrong[:5])
            raise ValueError(f"y must hold only the labels 0 and 1; also found {shown}")

    def __repr__(self) -> str:
        return f"LogisticRegression(m={self.n_samples}, n={self.n_features}, l2={self.l2:g})"

    @property
    def _ridge(self) -> float:
        return self.l2

    def _loss(self, z, y):
        return _softplus((1.0 - 2.0 * y) * z)

    def _dloss(self, z, y):
        s = 1.0 - 2.0 * y
        return s * _sigmoid(s * z)

    def predict_proba(self, p, X=None) -> np.ndarray:
        r""":math:`P(y=1 \mid x) = \sigma(w\cdot x + b)`, shape ``(..., rows)``.

        Evaluated on the training rows, or on ``X`` (2-D, n columns) if given.
        """
        p = self._params(p)
        X = self.X if X is None else self._new_rows(X)
        return _sigmoid(self._scores(p, X))

    def hessian(self, p) -> np.ndarray:
        """Full-batch Hessian at one parameter vector ``p`` of shape ``(n+1,)``."""
        p = self._params(p)
        if p.ndim != 1:
            raise ValueError(f"hessian takes one parameter vector of shape ({self.dim},)")
        A = np.column_stack([self.X, np.ones(self.n_samples)])
        z = A @ p
        q = _sigmoid(z) * _sigmoid(-z)  # sigma (1 - sigma), accurate in both tails
        H = (A.T * q) @ A / self.n_samples
        H[np.arange(self.n_features), np.arange(self.n_features)] += self.l2
        return H

    @cached_property
    def _fit(self) -> tuple[np.ndarray, float] | ValueError:
        try:
            return self._newton(_NEWTON_TOL, _NEWTON_MAX_ITER)
        except ValueError as err:  # no finite minimizer: remember the verdict
            return err

    @property
    def _optimum(self) -> tuple[np.ndarray, float]:
        fit = self._fit
        if isinstance(fit, ValueError):
            raise ValueError(str(fit))
        return fit

    def optimum(self) -> tuple[np.ndarray, float]:
        """``(params, cost)`` at the unique minimum, found by Newton's method.

        Damped Newton steps from ``p = 0`` (backtracking on the cost) until the gradient norm
        is below 1e-12. Raises ``ValueError`` when no finite minimizer exists (one class only,
        or linearly separable classes with ``l2 = 0``) and ``RuntimeError`` if Newton fails.
        """
        return super().optimum()

    def _newton(self, tol: float, max_iter: int) -> tuple[np.ndarray, float]:
        if np.all(self.y == self.y[0]):
            raise ValueError(
                f"every label is {self.y[0]:g}: the cost keeps falling as the bias goes to "
                f"{'-' if self.y[0] == 0 else '+'}infinity, so there is no finite minimizer"
            )
        p = np.zeros(self.dim)
        cost = float(self.value(p))
        for iteration in range(max_iter + 1):
            g = self.grad(p)
            g_norm = float(np.linalg.norm(g))
            if g_norm < tol:
                if self.l2 == 0.0 and np.all((1.0 - 2.0 * self.y) * self._scores(p, self.X) < 0):
                    # p classifies every row correctly, so t * p does too with a cost that
                    # falls to 0 as t grows: the small gradient is a slope dying out, not a minimum.
                    raise ValueError(
                        "the classes are linearly separable: with l2 = 0 the cost only tends "
                        "to 0 as |w| grows without bound, so there is no finite minimizer "
                        "(use l2 > 0)"
                    )
                return _readonly(p), cost
            if iteration == max_iter:
                break
            try:
                step = np.linalg.solve(self.hessian(p), -g)
            except np.linalg.LinAlgError:
                raise RuntimeError(
                    "Newton's method hit a singular Hessian; use l2 > 0 or drop duplicate "
                    "feature columns"
                ) from None
            decrement = float(-(g @ step))  # Newton decrement squared, >= 0
            if decrement < 1e-10 * (1.0 + abs(cost)):
                # Quadratic-convergence region: the cost change is below rounding, so an
                # Armijo test cannot tell; take the full step.
                p = p + step
                cost = float(self.value(p))
                continue
            t = 1.0
            while True:
                trial = p + t * step
                trial_cost = float(self.value(trial))
                if trial_cost <= cost - 1e-4 * t * decrement:
                    break
                t *= 0.5
                if t < 1e-12:
                    raise RuntimeError(
                        f"Newton line search failed at gradient norm {g_norm:.3g}; "
                        "the data may be badly scaled (try standardize(X))"
                    )
            p, cost = trial, trial_cost
        raise RuntimeError(
            f"Newton's method did not reach gradient norm < {tol:g} in {max_iter} iterations "
            f"(last {g_norm:.3g}); the classes may be separable "
            "with l2 = 0, or the data badly scaled (try standardize(X) or a larger l2)"
        )

    @property
    def critical_points(self) -> tuple[CriticalPoint, ...]:
        """The unique minimum; empty when there is no finite minimizer."""
        if isinstance(self._fit, ValueError):
            return ()
        return super().critical_points

    @property
    def bounds(self) -> tuple[tuple[float, float], ...]:
        """Box around the minimum (around the origin when there is none)."""
        if isinstance(self._fit, ValueError):
            return _box(np.zeros(self.dim))
        return super().bounds
