"""Test surfaces f: R^d -> R with exact gradients, vectorized over many points.

Every objective works on arrays of shape ``(..., d)``: ``value`` returns shape
``(...)`` and ``grad`` returns shape ``(..., d)``. Each one also knows its name,
sensible plotting bounds and its known minima (and saddle points), so pages can
label them and tests can check that the gradient vanishes there.

The fast path of :func:`optim_core.run` calls :meth:`Objective.value_and_grad_cm`
on *coordinate-major* buffers (shape ``(d, N)``); built-in surfaces override it
with fused in-place arithmetic, the base class falls back to ``value``/``grad``.
"""

from __future__ import annotations

import math
import numbers
import threading
from dataclasses import dataclass, field, fields
from functools import cache

import numpy as np

from optim_core import checks


@dataclass(frozen=True)
class CriticalPoint:
    """A known critical point: ``kind`` is "global", "local" or "saddle"."""

    point: tuple[float, ...]
    value: float
    kind: str


@dataclass(frozen=True, eq=False)
class Objective:
    """Base class: subclasses implement ``value`` and ``grad`` for shape (..., d)."""

    name: str = field(init=False, default="objective")
    dim: int = field(init=False, default=2)

    # -- to implement -------------------------------------------------------
    def value(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def grad(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    @property
    def bounds(self) -> tuple[tuple[float, float], ...]:
        """Plotting box, one ``(low, high)`` pair per coordinate."""
        raise NotImplementedError

    @property
    def critical_points(self) -> tuple[CriticalPoint, ...]:
        """Known minima and saddles (may be empty)."""
        return ()

    # -- derived ------------------------------------------------------------
    @property
    def minima(self) -> tuple[CriticalPoint, ...]:
        """Known minima, global ones first."""
        found = [c for c in self.critical_points if c.kind in ("global", "local")]
        return tuple(sorted(found, key=lambda c: (c.kind != "global", c.value)))

    @property
    def global_minimum(self) -> CriticalPoint | None:
        return next((c for c in self.minima if c.kind == "global"), None)

    def value_and_grad_cm(self, x_cm: np.ndarray, grad_out: np.ndarray) -> np.ndarray:
        """Value at, and gradient into ``grad_out`` for, coordinate-major points.

        ``x_cm`` and ``grad_out`` have shape ``(d, N)``; returns values ``(N,)``.
        """
        points = x_cm.T
        grad_out[...] = self.grad(points).T
        return self.value(points)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

_TWO_PI = 2.0 * math.pi
_THREAD = threading.local()


def _xy(x) -> tuple[np.ndarray, np.ndarray]:
    """The two coordinates of points of shape ``(..., 2)`` as float64 arrays."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 0 or x.shape[-1] != 2:
        raise ValueError(f"expected points of shape (..., 2), got shape {x.shape}")
    return x[..., 0], x[..., 1]


def _stack(gx, gy) -> np.ndarray:
    return np.stack(np.broadcast_arrays(gx, gy), axis=-1)


def _scratch(rows: int, n: int) -> np.ndarray:
    """A per-thread float64 work array of shape ``(rows, n)``, reused between calls.

    The coordinate-major fast paths run once per optimizer step; allocating their
    temporaries every time costs as much as the arithmetic. Buffers are per
    thread because Streamlit sessions share cached objectives across threads.
    """
    buffers = getattr(_THREAD, "buffers", None)
    if buffers is None:
        buffers = _THREAD.buffers = {}
    buf = buffers.get((rows, n))
    if buf is None:
        if len(buffers) >= 8:
            buffers.clear()
        buf = buffers[(rows, n)] = np.empty((rows, n))
    return buf


def _real(value, name: str, low: float = -math.inf, high: float = math.inf) -> float:
    """Return ``value`` as a float after checking it is a finite real in ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must satisfy {low:g} <= {name} <= {high:g}, got {value!r}")
    return value


def _set(obj, name: str, value) -> None:
    object.__setattr__(obj, name, value)


def _fd_hessian(grad, p: np.ndarray) -> np.ndarray:
    """Hessians ``(n, 2, 2)`` at points ``(n, 2)`` by central differences of ``grad``."""
    h = 1e-6 * (1.0 + np.abs(p))
    cols = []
    for j in range(2):
        e = np.zeros_like(p)
        e[:, j] = h[:, j]
        cols.append((grad(p + e) - grad(p - e)) / (2.0 * h[:, j, None]))
    hess = np.stack(cols, axis=-1)
    return 0.5 * (hess + np.swapaxes(hess, -1, -2))


def _newton(grad, points, steps: int = 30, hessian=None) -> np.ndarray:
    """Newton's method for ``grad = 0`` from each row of ``points`` (vectorized).

    Seeds that run away end as NaN/inf; callers filter them out.
    """
    p = np.array(points, dtype=np.float64).reshape(-1, 2)
    hessian = hessian or (lambda q: _fd_hessian(grad, q))
    with np.errstate(all="ignore"):
        for _ in range(steps):
            g = grad(p)
            hs = hessian(p)
            a, b, d = hs[:, 0, 0], hs[:, 0, 1], hs[:, 1, 1]
            det = a * d - b * b
            p = (
                p
                - np.stack([d * g[:, 0] - b * g[:, 1], a * g[:, 1] - b * g[:, 0]], -1)
                / det[:, None]
            )
    return p


def _critical(obj: Objective, points, kind: str, value: float | None = None) -> list[CriticalPoint]:
    """Critical points of ``obj`` near ``points``, polished to float precision by Newton."""
    refined = _newton(obj.grad, points, steps=8)
    return [
        CriticalPoint(
            tuple(float(c) for c in p), float(obj.value(p)) if value is None else value, kind
        )
        for p in refined
    ]


# ---------------------------------------------------------------------------
# quadratic bowls and saddles
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bowl(Objective):
    """Isotropic bowl ``f(x, y) = (x² + y²)/2``; gradient ``(x, y)``.

    Every direction has curvature 1, so the gradient always points straight at the
    single (global) minimum ``(0, 0)`` and gradient descent converges for ``lr < 2``.
    """

    name: str = field(init=False, default="bowl")

    def value(self, x):
        x0, x1 = _xy(x)
        return 0.5 * (x0 * x0 + x1 * x1)

    def grad(self, x):
        x0, x1 = _xy(x)
        return _stack(x0, x1)

    @property
    def bounds(self):
        return ((-2.0, 2.0), (-2.0, 2.0))

    @property
    def critical_points(self):
        return (CriticalPoint((0.0, 0.0), 0.0, "global"),)

    def value_and_grad_cm(self, x_cm, grad_out):
        np.copyto(grad_out, x_cm)
        sq = _scratch(2, x_cm.shape[1])
        np.multiply(x_cm, x_cm, out=sq)
        v = np.add(sq[0], sq[1])
        v *= 0.5
        return v


@dataclass(frozen=True)
class ElongatedBowl(Objective):
    """Ill-conditioned bowl ``f(x, y) = (x² + condition·y²)/2``; gradient ``(x, condition·y)``.

    The curvatures are 1 (along x) and ``condition`` (along y), so the condition
    number of the Hessian is ``condition`` (>= 1). Gradient descent is stable only
    for ``lr < 2/condition`` and then crawls along the flat x direction: the classic
    zig-zag that momentum and RMSprop/Adam fix. Single (global) minimum ``(0, 0)``.
    """

    name: str = field(init=False, default="elongated_bowl")
    condition: float = 10.0

    def __post_init__(self):
        condition = checks.positive(self.condition, "condition")
        if condition < 1.0:
            raise ValueError(f"condition must be >= 1, got {condition!r}")
        _set(self, "condition", condition)

    def value(self, x):
        x0, x1 = _xy(x)
        return 0.5 * (x0 * x0 + self.condition * (x1 * x1))

    def grad(self, x):
        x0, x1 = _xy(x)
        return _stack(x0, self.condition * x1)

    @property
    def bounds(self):
        return ((-3.0, 3.0), (-2.0, 2.0))

    @property
    def critical_points(self):
        return (CriticalPoint((0.0, 0.0), 0.0, "global"),)

    def value_and_grad_cm(self, x_cm, grad_out):
        np.copyto(grad_out[0], x_cm[0])
        np.multiply(x_cm[1], self.condition, out=grad_out[1])
        prod = _scratch(2, x_cm.shape[1])
        np.multiply(x_cm, grad_out, out=prod)
        v = np.add(prod[0], prod[1])
        v *= 0.5
        return v


@dataclass(frozen=True)
class Saddle(Objective):
    """Pure saddle ``f(x, y) = x² − y²``; gradient ``(2x, −2y)``.

    The only critical point is the saddle ``(0, 0)`` (value 0). There is no
    minimum: f falls forever along y, so every start off the x axis runs away.
    """

    name: str = field(init=False, default="saddle")

    def value(self, x):
        x0, x1 = _xy(x)
        return x0 * x0 - x1 * x1

    def grad(self, x):
        x0, x1 = _xy(x)
        return _stack(2.0 * x0, -2.0 * x1)

    @property
    def bounds(self):
        return ((-2.0, 2.0), (-2.0, 2.0))

    @property
    def critical_points(self):
        return (CriticalPoint((0.0, 0.0), 0.0, "saddle"),)

    def value_and_grad_cm(self, x_cm, grad_out):
        sq = _scratch(2, x_cm.shape[1])
        np.multiply(x_cm, x_cm, out=sq)
        np.multiply(x_cm[0], 2.0, out=grad_out[0])
        np.multiply(x_cm[1], -2.0, out=grad_out[1])
        return np.subtract(sq[0], sq[1])


@dataclass(frozen=True)
class SaddleWithMinima(Objective):
    """Saddle between two minima: ``f(x, y) = x² + y⁴/4 − y²/2``.

    Gradient ``(2x, y³ − y)``, Hessian ``diag(2, 3y² − 1)``. Saddle at ``(0, 0)``
    (value 0); two global minima at ``(0, ±1)`` (value −1/4). A start exactly on
    the x axis slides into the saddle and stays; any perturbation in y escapes it.
    """

    name: str = field(init=False, default="saddle_with_minima")

    def value(self, x):
        x0, x1 = _xy(x)
        w = x1 * x1
        return x0 * x0 + w * (0.25 * w - 0.5)

    def grad(self, x):
        x0, x1 = _xy(x)
        return _stack(2.0 * x0, x1 * (x1 * x1 - 1.0))

    @property
    def bounds(self):
        return ((-2.0, 2.0), (-2.0, 2.0))

    @property
    def critical_points(self):
        return (
            CriticalPoint((0.0, -1.0), -0.25, "global"),
            CriticalPoint((0.0, 1.0), -0.25, "global"),
            CriticalPoint((0.0, 0.0), 0.0, "saddle"),
        )

    def value_and_grad_cm(self, x_cm, grad_out):
        x, y = x_cm[0], x_cm[1]
        g0, g1 = grad_out[0], grad_out[1]
        tmp = _scratch(2, x_cm.shape[1])
        w, q = tmp[0], tmp[1]
        np.multiply(y, y, out=w)  # y²
        np.subtract(w, 1.0, out=g1)
        g1 *= y  # y³ − y
        np.multiply(x, 2.0, out=g0)
        np.subtract(w, 2.0, out=q)
        q *= w
        q *= 0.25  # y⁴/4 − y²/2
        v = np.multiply(x, x)
        v += q
        return v


# ---------------------------------------------------------------------------
# classic test functions
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rosenbrock(Objective):
    """Rosenbrock's banana valley ``f(x, y) = (a − x)² + b·(y − x²)²``.

    Gradient ``(−2(a − x) − 4b·x·(y − x²), 2b·(y − x²))``. The single (global)
    minimum ``(a, a²)`` (value 0) lies at the end of a long, curved, nearly flat
    valley whose walls have curvature about ``2b``: easy to find, slow to follow.
    """

    name: str = field(init=False, default="rosenbrock")
    a: float = 1.0
    b: float = 100.0

    def __post_init__(self):
        _set(self, "a", _real(self.a, "a"))
        _set(self, "b", checks.positive(self.b, "b"))

    def value(self, x):
        x0, x1 = _xy(x)
        r = x1 - x0 * x0
        u = self.a - x0
        return u * u + self.b * (r * r)

    def grad(self, x):
        x0, x1 = _xy(x)
        r = x1 - x0 * x0
        return _stack(-2.0 * (self.a - x0) - 4.0 * self.b * x0 * r, 2.0 * self.b * r)

    @property
    def bounds(self):
        a = self.a
        return (
            (min(-2.0, a - 1.0), max(2.0, a + 1.0)),
            (min(-1.0, a * a - 1.0), max(3.0, a * a + 1.0)),
        )

    @property
    def critical_points(self):
        return (CriticalPoint((self.a, self.a * self.a), 0.0, "global"),)

    def value_and_grad_cm(self, x_cm, grad_out):
        # 11 passes over N numbers, one fresh array (the returned values):
        # r = y − x², g1 = 2b·r, g0 = 2·((x − a) − x·g1), f = (x − a)² + b·r².
        x, y = x_cm[0], x_cm[1]
        g0, g1 = grad_out[0], grad_out[1]
        t = _scratch(1, x.shape[0])[0]
        np.multiply(x, x, out=t)
        np.subtract(y, t, out=t)  # r
        np.multiply(t, self.b, out=g1)  # b·r
        np.multiply(t, g1, out=t)  # b·r²
        g1 *= 2.0  # 2b·r
        np.multiply(x, g1, out=g0)  # 2b·x·r
        v = np.subtract(x, self.a)  # x − a
        np.subtract(v, g0, out=g0)
        g0 *= 2.0  # 2(x − a) − 4b·x·r
        np.multiply(v, v, out=v)
        v += t
        return v


@dataclass(frozen=True)
class Beale(Objective):
    """Beale's function, with ``rₖ = cₖ − x + x·yᵏ`` and ``(c₁, c₂, c₃) = (1.5, 2.25, 2.625)``::

        f(x, y) = (1.5 − x + x·y)² + (2.25 − x + x·y²)² + (2.625 − x + x·y³)²

    Global minimum ``(3, 0.5)`` (value 0) in a narrow curved valley; saddles at
    ``(0, 1)`` (value 14.203125; f is constant on the whole line x = 0) and near
    ``(0.1005, −2.6445)``. Values span many orders of magnitude over the box.
    """

    name: str = field(init=False, default="beale")

    @staticmethod
    def _terms(x0, x1):
        y2 = x1 * x1
        y3 = y2 * x1
        d1, d2, d3 = x1 - 1.0, y2 - 1.0, y3 - 1.0
        return x0 * d1 + 1.5, x0 * d2 + 2.25, x0 * d3 + 2.625, (d1, d2, d3), (x1, y2)

    def value(self, x):
        r1, r2, r3, _, _ = self._terms(*_xy(x))
        return r1 * r1 + r2 * r2 + r3 * r3

    def grad(self, x):
        x0, x1 = _xy(x)
        gx, gy, *_ = self._grad(x0, x1)
        return _stack(gx, gy)

    def _grad(self, x0, x1):
        r1, r2, r3, (d1, d2, d3), (y, y2) = self._terms(x0, x1)
        gx = 2.0 * (r1 * d1 + r2 * d2 + r3 * d3)
        gy = 2.0 * x0 * (r1 + 2.0 * r2 * y + 3.0 * r3 * y2)
        return gx, gy, r1, r2, r3

    @property
    def bounds(self):
        return ((-4.5, 4.5), (-4.5, 4.5))

    @property
    def critical_points(self):
        return _beale_critical_points()

    def value_and_grad_cm(self, x_cm, grad_out):
        gx, gy, r1, r2, r3 = self._grad(x_cm[0], x_cm[1])
        grad_out[0] = gx
        grad_out[1] = gy
        r1 *= r1
        r2 *= r2
        r3 *= r3
        r1 += r2
        r1 += r3
        return r1


@cache
def _beale_critical_points() -> tuple[CriticalPoint, ...]:
    beale = Beale()
    return (
        CriticalPoint((3.0, 0.5), 0.0, "global"),
        CriticalPoint((0.0, 1.0), 14.203125, "saddle"),
        *_critical(beale, [(0.100538, -2.644514)], "saddle"),
    )


@dataclass(frozen=True)
class Himmelblau(Objective):
    """Himmelblau's function ``f(x, y) = (x² + y − 11)² + (x + y² − 7)²``.

    Four global minima, all with value 0: ``(3, 2)``, ``(−2.805118…, 3.131312…)``,
    ``(−3.779310…, −3.283186…)`` and ``(3.584428…, −1.848127…)`` (refined to float
    precision by Newton's method); four saddles between them and a local maximum
    near ``(−0.2708, −0.9230)`` (not listed). Which minimum you reach depends only
    on where you start: a first look at basins of attraction.
    """

    name: str = field(init=False, default="himmelblau")

    def value(self, x):
        x0, x1 = _xy(x)
        p = x0 * x0 + x1 - 11.0
        q = x0 + x1 * x1 - 7.0
        return p * p + q * q

    def grad(self, x):
        x0, x1 = _xy(x)
        p = x0 * x0 + x1 - 11.0
        q = x0 + x1 * x1 - 7.0
        return _stack(4.0 * x0 * p + 2.0 * q, 2.0 * p + 4.0 * x1 * q)

    @property
    def bounds(self):
        return ((-5.0, 5.0), (-5.0, 5.0))

    @property
    def critical_points(self):
        return _himmelblau_critical_points()

    def value_and_grad_cm(self, x_cm, grad_out):
        x, y = x_cm[0], x_cm[1]
        g0, g1 = grad_out[0], grad_out[1]
        tmp = _scratch(2, x.shape[0])
        p, q = tmp[0], tmp[1]
        np.multiply(x, x, out=p)
        p += y
        p -= 11.0  # x² + y − 11
        np.multiply(y, y, out=q)
        q += x
        q -= 7.0  # x + y² − 7
        np.multiply(x, p, out=g0)
        g0 *= 2.0
        g0 += q
        g0 *= 2.0  # 4x·p + 2q
        np.multiply(y, q, out=g1)
        g1 *= 2.0
        g1 += p
        g1 *= 2.0  # 2p + 4y·q
        v = np.multiply(p, p)
        np.multiply(q, q, out=q)
        v += q
        return v


_HIMMELBLAU_MINIMA = (
    (3.0, 2.0),
    (-2.805118086952745, 3.131312518250573),
    (-3.779310253377747, -3.283185991286170),
    (3.584428340330492, -1.848126526964404),
)
_HIMMELBLAU_SADDLES = (
    (0.086677504, 2.884254701),
    (-3.073025751, -0.081353044),
    (3.385154184, 0.073851879),
    (-0.127961343, -1.953714980),
)


@cache
def _himmelblau_critical_points() -> tuple[CriticalPoint, ...]:
    himmelblau = Himmelblau()
    return (
        *_critical(himmelblau, _HIMMELBLAU_MINIMA, "global", value=0.0),
        *_critical(himmelblau, _HIMMELBLAU_SADDLES, "saddle"),
    )


@dataclass(frozen=True)
class Rastrigin(Objective):
    """Rastrigin's function in 2-D: ``f(x, y) = 2a + Σᵢ (xᵢ² − a·cos 2πxᵢ)``.

    Gradient ``2xᵢ + 2πa·sin 2πxᵢ``. A bowl covered in ripples: one global minimum
    at ``(0, 0)`` (value 0) surrounded by a lattice of local minima near the integer
    points. Listed: the global one and, when they exist, the 8 nearest local ones
    ``(±r, 0)``, ``(0, ±r)``, ``(±r, ±r)``, where ``r`` (≈ 0.99496 for a = 10) solves
    ``2r + 2πa·sin 2πr = 0`` by Newton's method.
    """

    name: str = field(init=False, default="rastrigin")
    a: float = 10.0

    def __post_init__(self):
        _set(self, "a", checks.positive(self.a, "a"))

    def value(self, x):
        x0, x1 = _xy(x)
        a = self.a
        return 2.0 * a + (x0 * x0 - a * np.cos(_TWO_PI * x0)) + (x1 * x1 - a * np.cos(_TWO_PI * x1))

    def grad(self, x):
        x0, x1 = _xy(x)
        c = _TWO_PI * self.a
        return _stack(2.0 * x0 + c * np.sin(_TWO_PI * x0), 2.0 * x1 + c * np.sin(_TWO_PI * x1))

    @property
    def bounds(self):
        return ((-5.12, 5.12), (-5.12, 5.12))

    @property
    def critical_points(self):
        return _rastrigin_critical_points(self.a)

    def value_and_grad_cm(self, x_cm, grad_out):
        tmp = _scratch(4, x_cm.shape[1])
        phase, sq = tmp[:2], tmp[2:]
        np.multiply(x_cm, _TWO_PI, out=phase)
        np.sin(phase, out=grad_out)
        grad_out *= _TWO_PI * self.a
        np.multiply(x_cm, 2.0, out=sq)
        grad_out += sq  # 2x + 2πa·sin 2πx
        np.cos(phase, out=phase)
        phase *= -self.a
        np.multiply(x_cm, x_cm, out=sq)
        phase += sq  # x² − a·cos 2πx
        v = np.add(phase[0], phase[1])
        v += 2.0 * self.a
        return v


@cache
def _rastrigin_critical_points(a: float) -> tuple[CriticalPoint, ...]:
    found = [CriticalPoint((0.0, 0.0), 0.0, "global")]
    # one axis: h(r) = 2r + 2πa·sin 2πr = 0 near r = 1, by Newton's method
    r = 1.0
    for _ in range(50):
        step = (2.0 * r + _TWO_PI * a * math.sin(_TWO_PI * r)) / (
            2.0 + _TWO_PI**2 * a * math.cos(_TWO_PI * r)
        )
        r -= step
        if not math.isfinite(r) or abs(step) < 1e-17:
            break
    residual = 2.0 * r + _TWO_PI * a * math.sin(_TWO_PI * r)
    curvature = 2.0 + _TWO_PI**2 * a * math.cos(_TWO_PI * r)
    if math.isfinite(r) and 0.5 < r < 1.5 and abs(residual) < 1e-9 and curvature > 0:
        surface = Rastrigin(a)
        for p in ((r, 0.0), (-r, 0.0), (0.0, r), (0.0, -r), (r, r), (r, -r), (-r, r), (-r, -r)):
            found.append(CriticalPoint(p, float(surface.value(p)), "local"))
    return tuple(found)


# ---------------------------------------------------------------------------
# many basins
# ---------------------------------------------------------------------------

_MW_SCALE = 5.0 / 6.0  # u = s·x maps the box |x| <= 3 to |u| <= 2.5
_MW_HEIGHT = 0.5  # k: overall height, keeps the curvature in the box <= ~37
_MW_C6 = _MW_HEIGHT * _MW_SCALE**6 / 6.0
_MW_C4 = -5.0 * _MW_HEIGHT * _MW_SCALE**4 / 4.0
_MW_C2 = 2.0 * _MW_HEIGHT * _MW_SCALE**2


@dataclass(frozen=True)
class MultiWell(Objective):
    """Nine wells of different depths: a cheap polynomial for the basins-of-attraction lesson.

    With ``p(u) = u⁶/6 − 5u⁴/4 + 2u²`` (so ``p'(u) = u(u² − 1)(u² − 4)``: wells at
    u = −2, 0, 2 separated by humps at u = ±1), ``s = 5/6`` and ``k = 1/2``::

        f(x, y) = k·[p(s·x) + tilt_x·s·x + p(s·y) + tilt_y·s·y] + coupling·x·y

    Each axis has three wells (near x = −2.4, 0, 2.4); the tilts make their depths
    differ and the small coupling bends the basin borders. The default parameters
    give 9 minima, 12 saddles and 4 maxima inside the box ``[−3, 3]²`` (the extremes
    are found by Newton's method, see :attr:`critical_points`):

    ==================   =======  ======
    minimum (x, y)       f        kind
    ==================   =======  ======
    (+2.4187, -2.4553)   -2.2404  global
    (-2.4468, +2.4091)   -1.8350  local
    (-2.3809, -2.3916)   -1.4839  local
    (+0.1150, -2.4264)   -1.1984  local
    (-2.4163, +0.0529)   -0.9896  local
    (+2.3900, -0.4295)   -0.4458  local
    (-0.3330, +2.3780)   -0.2156  local
    (-0.0834, -0.1518)   -0.0218  local
    (+2.3454, +2.3327)   +0.1704  local
    ==================   =======  ======

    The largest Hessian eigenvalue in the box is about 36.8 (at its corners), so plain
    gradient descent is stable everywhere in it for ``lr < 2/36.8 ≈ 0.054``; the Hessian
    eigenvalues at the minima lie between about 0.75 and 10.
    Tilts must lie in ``[−1, 1]`` and the coupling in ``[−0.3, 0.3]``; other values
    than the defaults may merge wells, which :attr:`critical_points` reflects.
    """

    name: str = field(init=False, default="multi_well")
    tilt_x: float = 0.32
    tilt_y: float = 0.52
    coupling: float = 0.12

    def __post_init__(self):
        _set(self, "tilt_x", _real(self.tilt_x, "tilt_x", -1.0, 1.0))
        _set(self, "tilt_y", _real(self.tilt_y, "tilt_y", -1.0, 1.0))
        _set(self, "coupling", _real(self.coupling, "coupling", -0.3, 0.3))

    @property
    def _linear(self) -> tuple[float, float]:
        k_s = _MW_HEIGHT * _MW_SCALE
        return k_s * self.tilt_x, k_s * self.tilt_y

    def value(self, x):
        x0, x1 = _xy(x)
        bx, by = self._linear
        w0, w1 = x0 * x0, x1 * x1
        fx = (((_MW_C6 * w0 + _MW_C4) * w0 + _MW_C2) * x0 + bx) * x0
        fy = (((_MW_C6 * w1 + _MW_C4) * w1 + _MW_C2) * x1 + by) * x1
        return fx + fy + self.coupling * (x0 * x1)

    def grad(self, x):
        x0, x1 = _xy(x)
        bx, by = self._linear
        w0, w1 = x0 * x0, x1 * x1
        gx = ((6.0 * _MW_C6 * w0 + 4.0 * _MW_C4) * w0 + 2.0 * _MW_C2) * x0 + bx
        gy = ((6.0 * _MW_C6 * w1 + 4.0 * _MW_C4) * w1 + 2.0 * _MW_C2) * x1 + by
        return _stack(gx + self.coupling * x1, gy + self.coupling * x0)

    def hessian(self, x) -> np.ndarray:
        """Exact Hessian, shape ``(..., 2, 2)``."""
        x0, x1 = _xy(x)
        w0, w1 = x0 * x0, x1 * x1
        hxx = (30.0 * _MW_C6 * w0 + 12.0 * _MW_C4) * w0 + 2.0 * _MW_C2
        hyy = (30.0 * _MW_C6 * w1 + 12.0 * _MW_C4) * w1 + 2.0 * _MW_C2
        hxy = np.full_like(hxx, self.coupling)
        return np.stack([np.stack([hxx, hxy], -1), np.stack([hxy, hyy], -1)], -2)

    @property
    def bounds(self):
        return ((-3.0, 3.0), (-3.0, 3.0))

    @property
    def critical_points(self):
        return _multiwell_critical_points(self.tilt_x, self.tilt_y, self.coupling)

    def value_and_grad_cm(self, x_cm, grad_out):
        # Both coordinates at once on (2, N) rows, Horner's scheme in w = x²:
        #   f_i = ((c6·w + c4)·w + c2)·x + b_i)·x,   g_i = ((6c6·w + 4c4)·w + 2c2)·x + b_i
        bx, by = self._linear
        c = self.coupling
        tmp = _scratch(4, x_cm.shape[1])
        w, f = tmp[:2], tmp[2:]
        np.multiply(x_cm, x_cm, out=w)
        np.multiply(w, 6.0 * _MW_C6, out=grad_out)
        grad_out += 4.0 * _MW_C4
        grad_out *= w
        grad_out += 2.0 * _MW_C2
        grad_out *= x_cm
        np.multiply(w, _MW_C6, out=f)
        f += _MW_C4
        f *= w
        f += _MW_C2
        f *= x_cm
        f[0] += bx
        f[1] += by
        f *= x_cm
        v = np.add(f[0], f[1])
        np.multiply(x_cm[::-1], c, out=w)  # (c·y, c·x)
        grad_out += w
        grad_out[0] += bx
        grad_out[1] += by
        np.multiply(w[0], x_cm[0], out=w[0])  # c·x·y
        v += w[0]
        return v


@cache
def _multiwell_critical_points(tilt_x: float, tilt_y: float, coupling: float):
    well = MultiWell(tilt_x, tilt_y, coupling)
    (x_lo, x_hi), (y_lo, y_hi) = well.bounds
    seeds = np.stack(
        np.meshgrid(np.linspace(x_lo, x_hi, 31), np.linspace(y_lo, y_hi, 31)), axis=-1
    ).reshape(-1, 2)
    p = _newton(well.grad, seeds, steps=60, hessian=well.hessian)
    with np.errstate(all="ignore"):
        inside = (
            np.all(np.isfinite(p), axis=1)
            & (p[:, 0] >= x_lo)
            & (p[:, 0] <= x_hi)
            & (p[:, 1] >= y_lo)
            & (p[:, 1] <= y_hi)
        )
        p = p[inside]
        p = p[np.linalg.norm(well.grad(p), axis=1) < 1e-8]
    _, first = np.unique(np.round(p, 6), axis=0, return_index=True)
    kept: list[np.ndarray] = []
    for q in p[np.sort(first)]:  # a few dozen points; also merges rounding-boundary twins
        if all(np.max(np.abs(q - k)) > 1e-6 for k in kept):
            kept.append(q)
    p = _newton(well.grad, np.array(kept).reshape(-1, 2), steps=3, hessian=well.hessian)
    hess = well.hessian(p)
    det = hess[:, 0, 0] * hess[:, 1, 1] - hess[:, 0, 1] ** 2
    values = well.value(p)
    is_min = (det > 0) & (hess[:, 0, 0] > 0)
    is_saddle = det < 0
    lowest = values[is_min].min() if is_min.any() else np.inf
    found = []
    for i in np.argsort(values):
        point = (float(p[i, 0]), float(p[i, 1]))
        if is_min[i]:
            tie = values[i] <= lowest + 1e-9 * (1.0 + abs(lowest))
            found.append(CriticalPoint(point, float(values[i]), "global" if tie else "local"))
    for i in np.argsort(values):
        if is_saddle[i]:
            found.append(
                CriticalPoint((float(p[i, 0]), float(p[i, 1])), float(values[i]), "saddle")
            )
    return tuple(found)


# ---------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------

#: name → class, in teaching order: quadratics, saddles, classic valleys, many minima.
REGISTRY: dict[str, type] = {
    cls.name: cls
    for cls in (
        Bowl,
        ElongatedBowl,
        Saddle,
        SaddleWithMinima,
        Rosenbrock,
        Beale,
        Himmelblau,
        MultiWell,
        Rastrigin,
    )
}


def names() -> list[str]:
    """Registered surface names in teaching order."""
    return list(REGISTRY)


def get(name: str, **params) -> Objective:
    """The surface called ``name``, built with ``params`` (its dataclass fields)."""
    cls = REGISTRY.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown objective {name!r}; choose one of: {', '.join(names())}")
    accepted = [f.name for f in fields(cls) if f.init]
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise ValueError(
            f"objective {name!r} got unknown parameter(s) {', '.join(unknown)}; "
            f"it accepts: {', '.join(accepted) or 'no parameters'}"
        )
    return cls(**params)
