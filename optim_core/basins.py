r"""Basins of attraction: which minimum a run ends in, and how often each one wins.

A *basin of attraction* of a minimum m is the set of starting points from which
an optimizer ends at m. For plain gradient descent with a small step the basins
are separated by ridges through the saddle points of f; noise in the gradient
lets a run hop over those ridges, and momentum or Adam change them too.

Classification of an end point p (one per start), given the known minima
m_1, …, m_M of the surface (``objective.minima``, global first):

    label(p) = DIVERGED   if the run diverged (p is NaN)
             = argmin_i ‖p − m_i‖   if min_i ‖p − m_i‖ ≤ r
             = UNSETTLED  otherwise (still on its way, stuck on a saddle, or
                          jumping around under noise)

with the radius r = 0.3 · min_{i≠j} ‖m_i − m_j‖ unless given, so the disks
around different minima never overlap.

The share of a class over N starts is ``#(labels == k) / N``; the shares of all
minima plus DIVERGED plus UNSETTLED add up to 1.

Saddle points: near a saddle s with Hessian eigenvalue λ < 0 along the escape
direction, gradient descent multiplies the offset from s along that direction by
(1 + α|λ|) per step, so a run that starts an offset δ off the saddle needs about

    k ≈ ln(r / δ) / ln(1 + α·|λ|)

steps to get a distance r away (:func:`saddle_escape_steps`). The gradient is
tiny the whole time: the run crawls. Gradient noise of size σ replaces δ by
something of order σ·α after one step, which is why noise gets it out quickly.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from optim_core import checks
from optim_core.trajectory import run

DIVERGED = -1
UNSETTLED = -2


class Shares(NamedTuple):
    """Fractions of the starts: ``minima[i]`` reached minimum i; the rest diverged or did not settle."""

    minima: np.ndarray  # (M,)
    diverged: float
    unsettled: float
    total: int  # number of starts

    @property
    def global_share(self) -> float:
        """Share of the first minimum (the global one when the minima come global first)."""
        return float(self.minima[0]) if len(self.minima) else 0.0


class BasinMap(NamedTuple):
    """Where every start of an ``n × n`` grid ends: ``labels[j, i]`` for start ``(xs[i], ys[j])``."""

    xs: np.ndarray
    ys: np.ndarray
    labels: np.ndarray  # (n, n) int: minimum index, DIVERGED or UNSETTLED
    shares: Shares
    radius: float


def minima_points(minima) -> np.ndarray:
    """Points of the minima as an ``(M, d)`` array (accepts CriticalPoints or plain points)."""
    pts = [getattr(m, "point", m) for m in minima]
    return np.asarray(pts, dtype=np.float64).reshape(len(pts), -1)


def default_radius(minima) -> float:
    """``0.3 ×`` the smallest distance between two minima (1.0 for a single minimum)."""
    pts = minima_points(minima)
    if len(pts) < 2:
        return 1.0
    d = np.linalg.norm(pts[:, None, :] - pts[None, :, :], axis=-1)
    d[np.diag_indices(len(pts))] = np.inf
    return 0.3 * float(d.min())


def classify(points, minima, *, radius: float | None = None) -> np.ndarray:
    """Label end points ``(..., d)``: index of the minimum within ``radius``, else UNSETTLED/DIVERGED.

    A point with any NaN or infinite coordinate is DIVERGED. Returns an int array ``(...)``.
    """
    pts = minima_points(minima)
    p = np.asarray(points, dtype=np.float64)
    if len(pts) == 0:
        raise ValueError("classify needs at least one known minimum")
    if p.shape[-1] != pts.shape[-1]:
        raise ValueError(f"points have dimension {p.shape[-1]}, minima {pts.shape[-1]}")
    r = default_radius(minima) if radius is None else checks.positive(radius, "radius")
    with np.errstate(invalid="ignore"):
        dist = np.linalg.norm(p[..., None, :] - pts, axis=-1)  # (..., M)
        bad = ~np.all(np.isfinite(p), axis=-1)
        nearest = np.argmin(np.where(np.isnan(dist), np.inf, dist), axis=-1)
        close = np.take_along_axis(dist, nearest[..., None], axis=-1)[..., 0] <= r
    labels = np.where(close, nearest, UNSETTLED)
    return np.where(bad, DIVERGED, labels).astype(np.int64)


def shares(labels, n_minima: int) -> Shares:
    """Fraction of ``labels`` in each minimum ``0 … n_minima−1``, DIVERGED and UNSETTLED."""
    lab = np.asarray(labels).ravel()
    total = lab.size
    if total == 0:
        raise ValueError("no starts to count")
    counts = np.bincount(lab[lab >= 0], minlength=n_minima)[:n_minima]
    return Shares(
        minima=counts / total,
        diverged=float(np.count_nonzero(lab == DIVERGED)) / total,
        unsettled=float(np.count_nonzero(lab == UNSETTLED)) / total,
        total=int(total),
    )


def start_grid(bounds, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``n × n`` starting points over a 2-D box: ``(xs, ys, starts)``, ``starts[j, i] = (xs[i], ys[j])``."""
    n = checks.integer(n, "n", minimum=2)
    (x0, x1), (y0, y1) = bounds
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    return xs, ys, np.stack(np.meshgrid(xs, ys), axis=-1)


def basin_map(
    optimizer,
    objective,
    n: int,
    steps: int,
    *,
    noise: float = 0.0,
    seed: int | None = None,
    radius: float | None = None,
    bounds=None,
) -> BasinMap:
    """Run ``optimizer`` from every point of an ``n × n`` grid at once and label where each ends.

    One :func:`optim_core.run` call over all ``n²`` starts with ``record_every=steps``,
    so only the start and end points are kept.
    """
    minima = objective.minima
    xs, ys, starts = start_grid(bounds or objective.bounds, n)
    steps = checks.integer(steps, "steps", minimum=1)
    traj = run(optimizer, objective, starts, steps, record_every=steps, noise=noise, seed=seed)
    r = default_radius(minima) if radius is None else radius
    labels = classify(traj.final, minima, radius=r)
    return BasinMap(xs, ys, labels, shares(labels, len(minima)), r)


def gradient_norm(objective, points) -> np.ndarray:
    """``‖∇f(p)‖`` for points ``(..., d)`` (NaN where the point is NaN)."""
    with np.errstate(invalid="ignore"):
        return np.linalg.norm(objective.grad(np.asarray(points, dtype=np.float64)), axis=-1)


def steps_near(path, point, radius: float) -> int:
    """How many points of ``path`` ``(n, d)`` lie within ``radius`` of ``point``."""
    with np.errstate(invalid="ignore"):
        d = np.linalg.norm(np.asarray(path, dtype=np.float64) - np.asarray(point), axis=-1)
    return int(np.count_nonzero(d <= radius))


def first_exit(path, point, radius: float) -> int:
    """First index at which ``path`` is farther than ``radius`` from ``point`` after having been
    within it; -1 if it never comes near, or never leaves."""
    with np.errstate(invalid="ignore"):
        d = np.linalg.norm(np.asarray(path, dtype=np.float64) - np.asarray(point), axis=-1)
    inside = np.flatnonzero(d <= radius)
    if inside.size == 0:
        return -1
    after = np.flatnonzero(~(d[inside[0] :] <= radius))
    return int(inside[0] + after[0]) if after.size else -1


def saddle_escape_steps(offset: float, lr: float, curvature: float, radius: float) -> float:
    """Predicted steps for gradient descent to get ``radius`` away from a saddle.

    ``k = ln(radius / |offset|) / ln(1 + lr·|curvature|)``; ``inf`` for a zero offset
    (exactly on the saddle the gradient along the escape direction stays 0).
    """
    lr = checks.positive(lr, "lr")
    radius = checks.positive(radius, "radius")
    growth = math.log1p(lr * abs(curvature))
    if offset == 0 or growth == 0:
        return math.inf
    return max(0.0, math.log(radius / abs(offset)) / growth)


def hessian_eigenvalues(objective, point, h: float = 1e-5) -> np.ndarray:
    """Eigenvalues (ascending) of the Hessian at ``point``, by central differences of the gradient.

    ``H[:, i] ≈ (∇f(p + h·e_i) − ∇f(p − h·e_i)) / (2h)``, symmetrized. A saddle has at
    least one negative eigenvalue; the most negative one sets how fast a run escapes.
    """
    p = np.asarray(point, dtype=np.float64)
    d = p.shape[-1]
    shifts = np.eye(d) * h
    cols = (objective.grad(p + shifts) - objective.grad(p - shifts)) / (2 * h)  # row i = column i
    hess = 0.5 * (cols + cols.T)
    return np.linalg.eigvalsh(hess)
