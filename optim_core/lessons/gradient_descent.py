r"""Gradient descent: the one-weight model on restaurant bills and tips, then a (w, b) valley.

**The data.** The 244 restaurant bills of ``plotly.data.tips()``, loaded by
:func:`optim_core.datasets.tips` (nothing downloaded): :math:`x_i` is the total bill and
:math:`y_i` the tip, both in dollars.

**The parabola** (:func:`parabola`). The model :math:`\hat y = W x` without intercept has
the cost

.. math::  C(W) = \frac{1}{2m}\sum_{i=1}^m (W x_i - y_i)^2
                = \underbrace{\frac{\sum x_i^2}{2m}}_{a} W^2
                  \underbrace{- \frac{\sum x_i y_i}{m}}_{b} W
                  + \underbrace{\frac{\sum y_i^2}{2m}}_{c} ,

with slope :math:`C'(W) = 2aW + b = \frac{1}{m}\sum_i (W x_i - y_i)\,x_i`, constant
curvature :math:`C'' = 2a = \frac{1}{m}\sum_i x_i^2` and minimum at :math:`W^* = -b/(2a)`.

**One step at a time** (:func:`descent`). Since :math:`C'(W) = C''\,(W - W^*)`, one step
:math:`W \leftarrow W - \alpha C'(W)` gives

.. math::  W_{k+1} - W^* = (1 - \alpha C'')\,(W_k - W^*)
           \quad\Longrightarrow\quad
           W_k - W^* = (1 - \alpha C'')^k\,(W_0 - W^*) .

The distance to the minimum is multiplied by :math:`|1 - \alpha C''|` every step, which
splits the learning rates into five regimes (:data:`REGIMES`):

=========================  ===========  ==============================================
learning rate              name         what the run does
=========================  ===========  ==============================================
α < 1/C''                  ``creep``    approaches from one side, never crosses W*
α = 1/C''                  ``one_step`` lands on W* in one step
1/C'' < α < 2/C''          ``overshoot`` jumps across W* every step, converges
α = 2/C''                  ``bounce``   jumps between W₀ and 2W* − W₀ forever
α > 2/C''                  ``diverge``  jumps across W* farther every step
=========================  ===========  ==============================================

**Two parameters** (:func:`valley`). With an intercept, :math:`\hat y = w x + b`, the
curvature is a matrix (the Hessian :math:`H`); each eigen-direction behaves like its own
parabola with :math:`C'' = \lambda_i`, so a step size must stay below :math:`2/\lambda_{\max}`
while the flattest direction shrinks only by :math:`1 - \alpha\lambda_{\min}` per step. The
ratio :math:`\kappa = \lambda_{\max}/\lambda_{\min}` (the condition number) therefore says how
slow gradient descent is; standardizing the bill makes :math:`\kappa = 1`.

**The intercept.** On the standardized bill :math:`z_i = (x_i - \bar x)/s` the normal equation
for b reads :math:`\sum_i (w z_i + b - y_i) = 0`, and :math:`\sum_i z_i = 0`, so
:math:`b^* = \bar y`: the best intercept is the mean tip, the guess one would make without
looking at the bill. On the raw bill :math:`b^* = \bar y - w^*\bar x` is the tip of a $0 bill.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from optim_core import checks, datasets
from optim_core.lessons import Grid, grid
from optim_core.losses import LinearRegression, parabola_coefficients, standardize
from optim_core.objectives import CriticalPoint, Objective
from optim_core.optimizers import gd
from optim_core.trajectory import run

__all__ = [
    "BOX_2D",
    "DEFAULT_LR",
    "DEFAULT_RATE",
    "GRID_2D",
    "LR_GRID",
    "RATES_2D",
    "REGIMES",
    "Descent",
    "NoInterceptLeastSquares",
    "Parabola",
    "Valley",
    "condition_number",
    "contraction",
    "curvature",
    "descent",
    "last_step",
    "lr_options",
    "parabola",
    "regime",
    "step_after",
    "steps_to_shrink",
    "thresholds",
    "tips",
    "valley",
]

REGIMES = ("creep", "one_step", "overshoot", "bounce", "diverge")
DEFAULT_LR = 0.001
# Log-spaced learning rates (10 per decade, 3 significant digits) from 1e-4 to 1e-2: for the
# tips data 2/C'' ≈ 0.00425, so the grid reaches well past it; the exact thresholds 1/C''
# and 2/C'' are added to the options (see :func:`lr_options`).
LR_GRID = tuple(float(f"{v:.3g}") for v in np.geomspace(1e-4, 1e-2, 21))
RATES_2D = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.3, 1.6, 1.9, 2.0, 2.05)  # α·λ_max
DEFAULT_RATE = 0.3
GRID_2D = 70  # 70 × 70 keeps the bowl smooth at half the bytes of 100 × 100 (sent twice)
BOX_2D = ((-3.0, 5.0), (-2.0, 6.0))  # (w, b) plotting box, the same for raw and standardized
HEAD = 6  # rows of the data shown as a table
SHRINK = 0.01  # "steps needed" = steps until the error is a hundredth of its size


# -- the data and the one-weight model ----------------------------------------------------------


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


# -- learning-rate regimes of a quadratic -------------------------------------------------------


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


# -- section 1: the data and the parabola -------------------------------------------------------


class Parabola(NamedTuple):
    """Every number of the data section, the thresholds and the conditioning of the valley."""

    x: np.ndarray  # the bills
    y: np.ndarray  # the tips
    m: int
    head_x: np.ndarray  # the first HEAD rows, for the table
    head_y: np.ndarray
    sum_x2: float
    sum_xy: float
    sum_y2: float
    a: float  # C(W) = aW² + bW + c
    b: float
    minus_b: float  # −b = Σxy/m, printed after a minus sign
    c: float
    c2: float  # C'' = 2a
    one: float  # 1/C''
    two: float  # 2/C''
    w_star: float
    percent: float  # 100·W*: the tip as a share of the bill
    cost_star: float
    lr_options: tuple[float, ...]  # LR_GRID plus 1/C'' and 2/C'', sorted
    x_mean: float
    x_std: float
    y_mean: float  # the mean tip: b* of the standardized valley
    eig_raw: tuple[float, float]  # (λ_min, λ_max) of the (w, b) Hessian on the raw bill
    eig_std: tuple[float, float]  # the same on the standardized bill
    kappa_raw: float
    kappa_std: float


@functools.cache
def parabola() -> Parabola:
    """Every number of the lesson that depends on the data alone (computed once)."""
    x, y = tips()
    a, b, c = parabola_coefficients(x, y)
    loss = NoInterceptLeastSquares(x, y)
    c2 = curvature(x)
    one, two = thresholds(c2)
    raw_h = _loss_2d(True).curvature()
    std_h = _loss_2d(False).curvature()
    eig_raw = np.linalg.eigvalsh(raw_h)
    eig_std = np.linalg.eigvalsh(std_h)
    return Parabola(
        x=np.asarray(x),
        y=np.asarray(y),
        m=int(len(x)),
        head_x=np.asarray(x[:HEAD]),
        head_y=np.asarray(y[:HEAD]),
        sum_x2=float(x @ x),
        sum_xy=float(x @ y),
        sum_y2=float(y @ y),
        a=a,
        b=b,
        minus_b=-b,
        c=c,
        c2=c2,
        one=one,
        two=two,
        w_star=loss.minimizer,
        percent=100.0 * loss.minimizer,
        cost_star=float(loss.value(np.array([loss.minimizer]))),
        lr_options=tuple(sorted(set(LR_GRID) | {one, two})),
        x_mean=float(x.mean()),
        x_std=float(x.std()),
        y_mean=float(y.mean()),
        eig_raw=(float(eig_raw[0]), float(eig_raw[-1])),
        eig_std=(float(eig_std[0]), float(eig_std[-1])),
        kappa_raw=condition_number(raw_h),
        kappa_std=condition_number(std_h),
    )


def lr_options() -> tuple[float, ...]:
    """The log grid plus the exact thresholds 1/C'' and 2/C'', sorted."""
    return parabola().lr_options


# -- section 2: one step at a time ----------------------------------------------------------------


class Descent(NamedTuple):
    """A run of gradient descent on C(W), every update's numbers and those of the step shown."""

    lr: float
    w_path: np.ndarray  # (steps + 1,) W_0 … W_steps (NaN after divergence)
    loss_path: np.ndarray  # (steps + 1,)
    diverged_at: int  # -1 if it never diverged
    n_frames: int  # updates j → j+1 while W_{j+1} is still a number
    w: np.ndarray  # (steps,) W_j of every update j
    slope: np.ndarray  # C'(W_j)
    move: np.ndarray  # −α·C'(W_j)
    new: np.ndarray  # W_{j+1}
    k: int  # the step asked for, within 0 … steps − 1
    shown: int  # the step shown: k, or the last finite one of a diverged run
    w_k: float
    slope_k: float
    new_k: float
    error_k: float  # W_k − W*
    new_error_k: float  # W_{k+1} − W*
    slope_sign: str  # "positive", "negative" or "zero"
    factor: float  # 1 − α·C''
    growth: float  # |1 − α·C''|
    regime: str  # one of REGIMES
    cost_first: float  # C(W_0)
    cost_last: float  # the cost at the last finite point of the run
    last: int  # the step of that point


def last_step(steps: int) -> int:
    """The last update that ``steps`` steps make: ``steps − 1`` (the step slider's maximum)."""
    return max(int(steps) - 1, 0)


def step_after(k: int, delta: int, last: int) -> int:
    """Step ``k + delta``, kept within ``0 … last`` (the Back / Forward buttons)."""
    return min(max(int(k) + int(delta), 0), int(last))


def descent(lr: float, w0: float, steps: int, k: int = 0) -> Descent:
    """Gradient descent on C(W) from ``w0`` for ``steps`` updates; the numbers of update ``k``."""
    p = parabola()
    loss = NoInterceptLeastSquares(p.x, p.y)
    steps = checks.integer(steps, "steps", minimum=1)
    traj = run(gd(lr), loss, np.array([float(w0)]), steps)
    w_path, loss_path = traj.params[:, 0], traj.loss
    diverged_at = int(traj.diverged_at)
    n_frames = steps if diverged_at < 0 else max(1, min(steps, diverged_at - 1))
    k = min(max(int(k), 0), steps - 1)
    shown = min(k, n_frames - 1)
    w, new = w_path[:-1], w_path[1:]
    slope = loss.slope(w)
    move = -lr * slope
    factor = contraction(lr, p.c2)
    s = float(slope[shown])
    finite = np.flatnonzero(np.isfinite(loss_path) & np.isfinite(w_path))
    last = int(finite[-1]) if finite.size else 0
    return Descent(
        lr=float(lr),
        w_path=w_path,
        loss_path=loss_path,
        diverged_at=diverged_at,
        n_frames=n_frames,
        w=w,
        slope=slope,
        move=move,
        new=new,
        k=k,
        shown=shown,
        w_k=float(w[shown]),
        slope_k=s,
        new_k=float(new[shown]),
        error_k=float(w[shown] - p.w_star),
        new_error_k=float(new[shown] - p.w_star),
        slope_sign="positive" if s > 0 else "negative" if s < 0 else "zero",
        factor=factor,
        growth=abs(factor),
        regime=regime(lr, p.c2),
        cost_first=float(loss_path[0]),
        cost_last=float(loss_path[last]),
        last=last,
    )


# -- section 3: two parameters ----------------------------------------------------------------------


class Valley(NamedTuple):
    """Gradient descent on C(w, b) with α = rate / λ_max, and the numbers the page reports."""

    grid: Grid  # C(w, b) over BOX_2D (fixed, so the 3-D view stays the same)
    path: np.ndarray  # (steps + 1, 2)
    loss: np.ndarray  # (steps + 1,)
    diverged_at: int
    lr: float
    lam_min: float
    lam_max: float
    optimum: tuple[float, float]  # (w*, b*)
    cost_star: float
    slow_factor: float  # 1 − α·λ_min
    fast_factor: float  # 1 − α·λ_max
    fast_growth: float  # |1 − α·λ_max|
    growing: bool  # the steep direction grows (α > 2/λ_max) but has not blown up yet
    steps_needed: float  # steps to shrink the error a hundredfold (inf: never)
    shrinks: bool  # steps_needed is finite
    gap: float  # final cost − C*, inf when the run diverged
    steps: int
    raw: bool  # the raw bill (False: standardized)
    kappa: float  # λ_max / λ_min
    last: int  # the last step whose point is finite
    end: tuple[float, float]  # (w, b) at that step
    cost_first: float  # C(w_0, b_0)
    cost_last: float  # the cost at ``end``
    mean_tip: float  # ȳ: b* when the bill is standardized


@functools.cache
def _loss_2d(raw: bool) -> LinearRegression:
    x, y = tips()
    features = x[:, None] if raw else standardize(x[:, None])[0]
    return LinearRegression(features, y)


@functools.cache
def _grid_2d(raw: bool) -> Grid:
    return grid(_loss_2d(raw), GRID_2D, BOX_2D)


def valley(rate: float, w0: float, b0: float, steps: int, raw: bool) -> Valley:
    """GD on C(w, b) from ``(w0, b0)`` with α = ``rate`` / λ_max, raw or standardized bill."""
    loss = _loss_2d(bool(raw))
    eig = np.linalg.eigvalsh(loss.curvature())
    lam_min, lam_max = float(eig[0]), float(eig[-1])
    lr = checks.positive(rate, "rate") / lam_max
    traj = run(gd(lr), loss, np.array([float(w0), float(b0)]), steps)
    best, cost_star = loss.optimum()
    slow, fast = 1.0 - lr * lam_min, 1.0 - lr * lam_max
    needed = steps_to_shrink(max(abs(slow), abs(1.0 - rate)), SHRINK)
    diverged_at = int(traj.diverged_at)
    finite = np.flatnonzero(np.all(np.isfinite(traj.params), axis=1) & np.isfinite(traj.loss))
    last = int(finite[-1]) if finite.size else 0
    return Valley(
        grid=_grid_2d(bool(raw)),
        path=traj.params,
        loss=traj.loss,
        diverged_at=diverged_at,
        lr=lr,
        lam_min=lam_min,
        lam_max=lam_max,
        optimum=(float(best[0]), float(best[1])),
        cost_star=cost_star,
        slow_factor=slow,
        fast_factor=fast,
        fast_growth=abs(fast),
        growing=diverged_at < 0 and abs(fast) > 1,
        steps_needed=needed,
        shrinks=math.isfinite(needed),
        gap=float(traj.loss[-1] - cost_star) if diverged_at < 0 else math.inf,
        steps=int(steps),
        raw=bool(raw),
        kappa=lam_max / lam_min,
        last=last,
        end=(float(traj.params[last, 0]), float(traj.params[last, 1])),
        cost_first=float(traj.loss[0]),
        cost_last=float(traj.loss[last]),
        mean_tip=float(np.mean(tips()[1])),
    )
