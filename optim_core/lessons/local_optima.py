r"""Local optima: gradient descent ends in the dip it starts in; noise can carry it elsewhere.

**Basins of attraction.** The *basin of attraction* of a minimum m is the set of starting
points from which an optimizer ends at m. For plain gradient descent with a small step the
basins are separated by ridges through the saddle points of f; noise in the gradient lets a run
hop over those ridges, and momentum or Adam change them too.

Classification of an end point p (one per start), given the known minima
m_1, …, m_M of the surface (``objective.minima``, global first):

    label(p) = DIVERGED   if the run diverged (p is NaN)
             = argmin_i ‖p − m_i‖   if min_i ‖p − m_i‖ ≤ r
             = UNSETTLED  otherwise (still on its way, stuck on a saddle, or
                          jumping around under noise)

with the radius r = 0.3 · min_{i≠j} ‖m_i − m_j‖ unless given, so the disks around different
minima never overlap. The share of a class over N starts is ``#(labels == k) / N``; the
shares of all minima plus DIVERGED plus UNSETTLED add up to 1.

**Noisy gradient descent.** ``x_{k+1} = x_k − α (∇f(x_k) + σ ξ_k)`` with ξ_k ~ N(0, I): each
step adds a random kick of typical size α·σ per coordinate, like the scatter of mini-batch
gradients around the true one.

**Saddle points.** Near a saddle s with Hessian eigenvalue λ < 0 along the escape direction,
gradient descent multiplies the offset from s along that direction by (1 + α|λ|) per step, so a
run that starts an offset δ off the saddle needs about

    k ≈ ln(r / δ) / ln(1 + α·|λ|)

steps to get a distance r away (:func:`saddle_escape_steps`). The gradient is tiny the whole
time: the run crawls. Gradient noise of size σ replaces δ by something of order σ·α after one
step, which is why noise gets it out quickly.

The page has four sections, one function each: :func:`landscape` (the surface and its minima),
:func:`start` (one start, plain and noisy), :func:`basins` (a grid of starts per method) and
:func:`saddle` (the crawl past a saddle point).
"""

from __future__ import annotations

import functools
import math
from typing import NamedTuple

import numpy as np

from optim_core import checks, objectives
from optim_core.lessons import Grid, grid, make_optimizer, trajectory
from optim_core.trajectory import run

DIVERGED = -1
UNSETTLED = -2

SURFACE = "multi_well"
SADDLE = "saddle_with_minima"
GRID = 100  # starts per side of the basin map
SURFACE_GRID = 70  # points per side of the drawn surfaces (smooth polynomials: 70 stay clear)
STARTS = GRID * GRID  # starts of one basin map
SADDLE_START_X = 1.5
SADDLE_STEPS = 300
SADDLE_RADIUS = 0.5  # "near the saddle" = within this distance of it
SADDLE_CAP = 3.5  # colour range of the saddle map stops here (the walls rise to 6)
ANIMATION_FRAMES = 60  # about this many frames per animated path (each frame is bytes sent)
NICE_STRIDES = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)  # the slider counts 0, 10, 20…
OFFSETS = (0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1)  # start offsets δ from the saddle
EXTRAS = ("none", "momentum", "adam")  # the optimizers one can add to the basin maps
EXTRA_HYPER = {  # their fixed hyperparameters besides lr
    "momentum": (("beta", 0.9),),
    "adam": (("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8)),
}
SEEDS = (0, 9999)  # the seed control's range
CACHED_MAPS = 96  # basin maps kept in memory (each is 100 × 100 labels)


# -- basins of attraction: classification and shares ----------------------------------------------


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


# -- saddle points --------------------------------------------------------------------------------


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


# -- small helpers of the page ----------------------------------------------------------------------


def seed_of(value) -> int:
    """A seed from a control or a link, clamped to :data:`SEEDS` (never raises).

    ``inf``, ``1e999`` or ``11111111111111111111`` from a link become the nearest end of the
    range; NaN or anything that is not a number becomes the first seed.
    """
    low, high = SEEDS
    try:
        v = float(value)
    except (TypeError, ValueError, OverflowError):
        return low
    if math.isnan(v):
        return low
    return int(min(max(v, low), high))


def extra_of(value) -> str:
    """The optimizer added to the basin maps: one of :data:`EXTRAS` ("none" for anything else)."""
    return value if value in EXTRAS else "none"


def hyper(optimizer: str, lr: float) -> tuple[tuple[str, float], ...]:
    """The hyperparameter pairs of ``optimizer`` with learning rate ``lr``."""
    return (("lr", float(lr)),) + EXTRA_HYPER.get(optimizer, ())


def frame_stride(n_points: int) -> int:
    """Keep every k-th point so an animation has at most ANIMATION_FRAMES frames (+ the last).

    k is the smallest of :data:`NICE_STRIDES` that is large enough, so the animation's
    slider reads in round steps (0, 10, 20, … for 500 steps: 51 frames).
    """
    need = max(1, int(np.ceil((n_points - 1) / ANIMATION_FRAMES)))
    return next((k for k in NICE_STRIDES if k >= need), need)


def display_cap(z: np.ndarray, minima) -> float:
    """Height above which the maps stop resolving colour: a little above the highest minimum.

    The walls of the box rise far above every dip; without a cap they take the whole
    colour range and the dips, the interesting part, all look alike.
    """
    top = max(m.value for m in minima)
    low = float(np.nanmin(z))
    return min(float(np.nanmax(z)), top + max(0.6 * (top - low), 1.0))


FLAT_COST = 1e-3  # a cost curve is flat once it stays this close to its last value


def flat_from(loss, tol: float = FLAT_COST) -> int:
    """The first step from which ``loss`` (one value per step) stays within ``tol`` of its
    last value, or -1 when the last value is not finite."""
    loss = np.asarray(loss, dtype=np.float64)
    if not loss.size or not np.isfinite(loss[-1]):
        return -1
    with np.errstate(invalid="ignore"):
        off = np.flatnonzero(~(np.abs(loss - loss[-1]) <= tol))
    return int(off[-1]) + 1 if off.size else 0


def _outcome(label: int, minima) -> str:
    if label == DIVERGED:
        return "diverged"
    if label == UNSETTLED:
        return "unsettled"
    return minima[label].kind  # "global" or "local"


# -- section 1: the surface -----------------------------------------------------------------------


class Landscape(NamedTuple):
    """The multi-well surface, its minima (global first) and the numbers of their table."""

    grid: Grid
    minima: tuple  # CriticalPoints, global first
    kinds: tuple[str, ...]
    cap: float  # colour cap of the maps (see display_cap)
    n_minima: int
    n_local: int
    table_x: tuple[float, ...]  # rounded to 4 decimals for the table
    table_y: tuple[float, ...]
    table_cost: tuple[float, ...]


@functools.cache
def landscape() -> Landscape:
    """The surface on a SURFACE_GRID × SURFACE_GRID grid and every minimum (computed once)."""
    surface = objectives.get(SURFACE)
    found = surface.minima
    g = grid(surface, SURFACE_GRID)
    return Landscape(
        grid=g,
        minima=found,
        kinds=tuple(m.kind for m in found),
        cap=display_cap(g.z, found),
        n_minima=len(found),
        n_local=len(found) - 1,
        table_x=tuple(round(m.point[0], 4) for m in found),
        table_y=tuple(round(m.point[1], 4) for m in found),
        table_cost=tuple(round(m.value, 4) for m in found),
    )


# -- section 2: one start, two runs ---------------------------------------------------------------


class Run(NamedTuple):
    """One run from the chosen start and where it ended."""

    params: np.ndarray  # (steps + 1, 2)
    loss: np.ndarray
    steps: np.ndarray
    label: int  # minimum index, DIVERGED or UNSETTLED
    outcome: str  # "global", "local", "unsettled" or "diverged"
    diverged_at: int
    final: np.ndarray  # (2,)
    final_loss: float
    end_value: float  # the cost of the minimum reached (NaN if none)
    k: int  # the last step
    last: np.ndarray  # the point before the last step
    last_grad: np.ndarray  # ∇f there
    flat_from: int = -1  # the step from which the cost stays within FLAT_COST of its last value


class Start(NamedTuple):
    """Plain and noisy gradient descent from one start, and the numbers printed beside them."""

    plain: Run
    noisy: Run
    start: tuple[float, float]
    lr: float
    noise: float
    kick: float  # α·σ, the typical size of a noisy step's random part
    same_end: bool
    floor: float  # the global minimum's cost (the cost chart's floor line)
    ceiling: float  # top of the cost chart
    stride: int  # frames keep every stride-th point


CACHED_RUNS = 32  # sections kept by start() and saddle(): the page's numbers and charts share them


def _read_only(section):
    """``section`` with every array of it (and of its runs) made read-only: it is shared."""
    for value in section:
        if isinstance(value, np.ndarray):
            value.setflags(write=False)
        elif isinstance(value, tuple) and hasattr(value, "_fields"):
            _read_only(value)
    return section


@functools.lru_cache(maxsize=CACHED_RUNS)
def start(lr: float, steps: int, x0: float, y0: float, noise: float, seed) -> Start:
    """Plain and noisy gradient descent from ``(x0, y0)`` and where each ended.

    Kept for reuse (the page's numbers, its map and its cost chart all come from one call).
    """
    land = landscape()
    surface = objectives.get(SURFACE)
    seed = seed_of(seed)
    runs = []
    for sigma in (0.0, float(noise)):
        traj = trajectory(
            "gd",
            hyper("gd", lr),
            SURFACE,
            (x0, y0),
            steps,
            noise=sigma,
            seed=seed if sigma > 0 else None,
        )
        label = int(classify(traj.final, land.minima))
        last = traj.params[-2] if len(traj.params) > 1 else traj.params[-1]
        runs.append(
            Run(
                params=traj.params,
                loss=traj.loss,
                steps=traj.steps,
                label=label,
                outcome=_outcome(label, land.minima),
                diverged_at=int(traj.diverged_at),
                final=traj.final,
                final_loss=float(traj.loss[-1]),
                end_value=float(land.minima[label].value) if label >= 0 else math.nan,
                k=int(traj.steps[-1]),
                last=last,
                last_grad=surface.grad(last),
                flat_from=flat_from(traj.loss) if label >= 0 else -1,
            )
        )
    plain, noisy = runs
    start_cost = max(float(plain.loss[0]), float(noisy.loss[0]))
    return _read_only(
        Start(
            plain=plain,
            noisy=noisy,
            start=(float(x0), float(y0)),
            lr=float(lr),
            noise=float(noise),
            kick=float(lr) * float(noise),
            same_end=plain.label == noisy.label,
            floor=float(land.minima[0].value),
            ceiling=max(land.cap, start_cost) + 0.3,
            stride=frame_stride(len(plain.params)),
        )
    )


# -- section 3: basins of attraction --------------------------------------------------------------


class Basins(NamedTuple):
    """One basin map per method (plain, noisy, then the optional extra) and their shares."""

    methods: tuple[str, ...]  # "gd", "noisy" and maybe "momentum" / "adam"
    maps: tuple[BasinMap, ...]
    global_percent: tuple[float, ...]  # 100 × share of the global minimum, per method
    delta_pp: tuple[float | None, ...]  # percentage points against plain descent (None for it)
    unsettled_percent: tuple[float, ...]
    diverged_percent: tuple[float, ...]
    has_rest: tuple[bool, ...]  # some starts diverged or did not settle
    bars: tuple[tuple[float, ...], ...]  # per method: share per minimum, unsettled, diverged
    n_global: int  # plain descent's starts that reached the global minimum
    total: int  # starts per map
    radius: float
    n: int  # starts per side
    steps: int
    extra: str
    extra_hyper: tuple[tuple[str, float], ...]  # the extra's fixed hyperparameters (no eps)


@functools.lru_cache(maxsize=CACHED_MAPS)
def method_map(optimizer: str, lr: float, steps: int, noise: float, seed: int) -> BasinMap:
    """Where each start of the GRID × GRID grid ends for one method (kept for reuse).

    Without noise the seed plays no part (callers pass 0 then), so a map is shared between
    seeds; changing the extra optimizer or the seed recomputes only the maps that change.
    """
    bmap = basin_map(
        make_optimizer(optimizer, hyper(optimizer, lr)),
        objectives.get(SURFACE),
        GRID,
        steps,
        noise=noise,
        seed=seed if noise > 0 else None,
    )
    bmap.labels.setflags(write=False)  # shared between calls: nobody may change it
    return bmap


def basins(lr: float, steps: int, noise: float, seed, extra: str = "none") -> Basins:
    """Basin maps of plain and noisy gradient descent (and ``extra``), with their shares."""
    seed, extra = seed_of(seed), extra_of(extra)
    lr, steps, noise = float(lr), int(steps), float(noise)
    methods = [("gd", "gd", 0.0), ("noisy", "gd", noise)]
    if extra != "none":
        methods.append((extra, extra, 0.0))
    maps = tuple(
        method_map(opt, lr, steps, sigma, seed if sigma > 0 else 0) for _, opt, sigma in methods
    )
    base = maps[0].shares
    return Basins(
        methods=tuple(key for key, _, _ in methods),
        maps=maps,
        global_percent=tuple(100 * m.shares.global_share for m in maps),
        delta_pp=(None,)
        + tuple(100 * (m.shares.global_share - base.global_share) for m in maps[1:]),
        unsettled_percent=tuple(100 * m.shares.unsettled for m in maps),
        diverged_percent=tuple(100 * m.shares.diverged for m in maps),
        has_rest=tuple(bool(m.shares.diverged or m.shares.unsettled) for m in maps),
        bars=tuple(
            (*(float(v) for v in m.shares.minima), m.shares.unsettled, m.shares.diverged)
            for m in maps
        ),
        n_global=int(round(base.global_share * base.total)),
        total=base.total,
        radius=maps[0].radius,
        n=GRID,
        steps=steps,
        extra=extra,
        extra_hyper=tuple((k, v) for k, v in EXTRA_HYPER.get(extra, ()) if k != "eps"),
    )


# -- section 4: saddle points ---------------------------------------------------------------------


class SaddleRun(NamedTuple):
    """One run past the saddle and what it did near it."""

    params: np.ndarray
    steps: np.ndarray
    grad_norm: np.ndarray  # ‖∇f‖ per step
    near: int  # steps within SADDLE_RADIUS of the saddle
    exit: int  # the step it left that neighbourhood, -1 if it never did
    exit_kind: str  # "exit", "never_near" or "no_exit"
    label: int
    settled: bool  # ended in a minimum
    diverged: bool
    diverged_at: int
    final: np.ndarray


class Saddle(NamedTuple):
    """Plain and noisy gradient descent from just off the saddle of x² + y⁴/4 − y²/2."""

    grid: Grid
    points: tuple  # the surface's critical points (minima and the saddle)
    kinds: tuple[str, ...]
    saddle: tuple[float, float]
    curvature: float  # λ_min of the Hessian at the saddle (negative)
    abs_curvature: float
    predicted: float  # predicted crawl in steps (inf when δ = 0)
    escapes: bool  # the prediction is finite
    crawl: tuple[float, float] | None  # the band of steps the chart shades
    start: tuple[float, float]
    offset: float
    lr: float
    radius: float
    steps: int
    stride: int
    plain: SaddleRun
    noisy: SaddleRun


@functools.cache
def _saddle_grid() -> Grid:
    return grid(objectives.get(SADDLE), SURFACE_GRID)


@functools.lru_cache(maxsize=CACHED_RUNS)
def saddle(lr: float, offset: float, noise: float, seed, steps: int = SADDLE_STEPS) -> Saddle:
    """Plain and noisy gradient descent from ``(SADDLE_START_X, δ)`` past the saddle (kept
    for reuse, as :func:`start`)."""
    surface = objectives.get(SADDLE)
    seed = seed_of(seed)
    point = next(c for c in surface.critical_points if c.kind == "saddle")
    curvature = float(hessian_eigenvalues(surface, point.point)[0])
    predicted = saddle_escape_steps(offset, lr, curvature, SADDLE_RADIUS)
    begin = (SADDLE_START_X, point.point[1] + float(offset))
    runs = []
    for sigma in (0.0, float(noise)):
        traj = trajectory(
            "gd",
            hyper("gd", lr),
            SADDLE,
            begin,
            steps,
            noise=sigma,
            seed=seed if sigma > 0 else None,
        )
        label = int(classify(traj.final, surface.minima))
        near = steps_near(traj.params, point.point, SADDLE_RADIUS)
        exit_step = first_exit(traj.params, point.point, SADDLE_RADIUS)
        runs.append(
            SaddleRun(
                params=traj.params,
                steps=traj.steps,
                grad_norm=gradient_norm(surface, traj.params),
                near=near,
                exit=exit_step,
                exit_kind="exit" if exit_step >= 0 else "never_near" if near == 0 else "no_exit",
                label=label,
                settled=label >= 0,
                diverged=label == DIVERGED,
                diverged_at=int(traj.diverged_at),
                final=traj.final,
            )
        )
    plain, noisy = runs
    escapes = math.isfinite(predicted)
    critical = surface.critical_points
    return _read_only(
        Saddle(
            grid=_saddle_grid(),
            points=critical,
            kinds=tuple(c.kind for c in critical),
            saddle=tuple(float(v) for v in point.point),
            curvature=curvature,
            abs_curvature=abs(curvature),
            predicted=predicted,
            escapes=escapes,
            crawl=(0.0, predicted) if escapes else None,
            start=begin,
            offset=float(offset),
            lr=float(lr),
            radius=SADDLE_RADIUS,
            steps=int(steps),
            stride=frame_stride(len(plain.params)),
            plain=plain,
            noisy=noisy,
        )
    )
