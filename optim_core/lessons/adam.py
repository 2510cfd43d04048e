r"""Adam: momentum's average of gradients + RMSprop's average of squares + bias correction.

Adam keeps two exponentially weighted averages, both starting at 0::

    v_t = β₁·v_{t-1} + (1−β₁)·g_t        (momentum's average of the gradients)
    s_t = β₂·s_{t-1} + (1−β₂)·g_t²       (RMSprop's average of the squared gradients)
    v̂_t = v_t/(1−β₁ᵗ),  ŝ_t = s_t/(1−β₂ᵗ) (bias correction, :func:`optim_core.ewa.debias`)
    x_t = x_{t-1} − α·v̂_t/(√ŝ_t + ε)

At t = 1 the corrected averages are exactly g and g², so the first step moves each
coordinate by ``α·|g|/(|g| + ε)`` (α up to ε), whatever the size of g. Without the
correction v_1 = (1−β₁)·g and s_1 = (1−β₂)·g²: both are pulled toward 0, by different
amounts, and the first step is ``α·(1−β₁)·|g|/(√(1−β₂)·|g| + ε)`` ≈ ``α·(1−β₁)/√(1−β₂)``
(3.16·α at β₁ = 0.9, β₂ = 0.999). This is ``torch.optim.Adam(lr=α, betas=(β₁, β₂), eps=ε)``.

The page takes one Adam run apart, then races it against the methods it is built
from (momentum with β = β₁, RMSprop with β = β₂). One function per page section,
each taking the :class:`Setup` that :func:`setup` builds from the controls:
:func:`live` (the numbers of step k), :func:`closeup` (bias correction over the
first steps and the first move), :func:`race` (the four paths, costs and table) and
:func:`landscape` (the same paths on the surface in 3-D).
"""

from __future__ import annotations

import inspect
import textwrap
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from optim_core import checks, optimizers
from optim_core.ewa import debias, ewa
from optim_core.lessons import Grid, Pairs, surface, surface_grid, trajectory
from optim_core.trajectory import Trajectory, run

SURFACES = ("elongated_bowl", "rosenbrock", "beale", "himmelblau")
RACERS = ("gd", "momentum", "rmsprop", "adam")
COORDS = ("x", "y")
LOG_SURFACES = frozenset({"rosenbrock", "beale", "himmelblau"})  # steep walls: log scales
# Per surface: the default start and a learning rate per optimizer that reaches the minimum
# (chosen from the grid LRS; momentum uses β₁, RMSprop β₂, as inside Adam).
DEFAULT_START = {
    "elongated_bowl": (-2.5, 1.5),
    "rosenbrock": (-1.2, 1.0),
    "beale": (1.0, 1.5),
    "himmelblau": (0.0, 0.0),
}
DEFAULT_LRS = {
    "elongated_bowl": {"gd": 0.15, "momentum": 0.1, "rmsprop": 0.03, "adam": 0.1},
    "rosenbrock": {"gd": 0.003, "momentum": 0.03, "rmsprop": 0.03, "adam": 0.3},
    "beale": {"gd": 0.03, "momentum": 0.03, "rmsprop": 0.03, "adam": 0.3},
    "himmelblau": {"gd": 0.01, "momentum": 0.01, "rmsprop": 0.03, "adam": 0.3},
}
EPS = 1e-8
TOL = 1e-6  # a run has arrived when its cost is within TOL of the minimum value
CLOSEUP = 30  # steps in the bias-correction close-up
MAX_FRAMES = 100  # frames of the animated race (every step up to 65, then wider gaps)
FRAMES_3D = 200  # points per path in the 3-D view
GRID = 64  # points per side of the race's contour map (a smooth map; 0.6 of the bytes of 80)
GRID_3D = 70  # and of the 3-D surface (smooth surfaces stay clear; fewer bytes to send)

# controls: ranges, option lists and defaults (the defaults are constants: they stay out of links)
KAPPA = (1, 100, 10, 1)  # min, max, default, step
START_STEP = 0.1  # the own-start sliders move in tenths, over the surface's plotted area
STEPS = (100, 200, 500, 1000, 2000, 3000)
STEPS_DEFAULT = 1000
B1 = (0.0, 0.99, 0.9, 0.01)
BETA2 = (0.0, 0.5, 0.9, 0.99, 0.999, 0.9999)
B2_DEFAULT = 0.999
LRS = (1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.05, 0.1, 0.15, 0.3, 1.0)
LR_DEFAULT = 0.01  # the own-learning-rate sliders
K_MAX = 200  # the step slider covers the first K_MAX steps
K = (1, K_MAX, 3, 1)
TRY_KAPPA = 50  # section 3's "what to try": the bowl stretch at which gradient descent diverges
TRY_B2 = 0.9999  # section 2's: the β₂ whose uncorrected first step is 10·α

UPDATE_SOURCE = textwrap.dedent(inspect.getsource(optimizers.Adam.update))  # shown as it is


class Setup(NamedTuple):
    """The page's settings, cleaned: the surface, its start and one learning rate per racer."""

    surface: str
    params: Pairs  # the surface's parameters (the bowl's condition number)
    start: tuple[float, float]
    lrs: tuple[float, ...]  # in RACERS order; Adam's is the last
    b1: float
    b2: float
    bc: bool
    steps: int

    @property
    def lr(self) -> float:
        """Adam's learning rate."""
        return self.lrs[-1]


def setup(surface_name, kappa, own_start, x0, y0, steps, b1, b2, bc, tune, lrs) -> Setup:
    """The settings as the lessons use them. The start is the surface's own unless
    ``own_start``; the learning rates are the surface's unless ``tune``. A missing value
    (``None``, e.g. an emptied option in a link) takes its default."""
    name = surface_name if surface_name in SURFACES else SURFACES[0]
    params = surface_params(name, _pick(kappa, KAPPA[2]))
    start = DEFAULT_START[name]
    if own_start:
        start = (float(round(_pick(x0, start[0]), 1)), float(round(_pick(y0, start[1]), 1)))
    chosen = tuple(DEFAULT_LRS[name][n] for n in RACERS)
    if tune:
        chosen = tuple(float(_pick(lr, LR_DEFAULT)) for lr in lrs)
    return Setup(
        name,
        params,
        start,
        chosen,
        float(round(float(_pick(b1, B1[2])), 2)),
        float(_pick(b2, B2_DEFAULT)),
        bool(bc),
        int(_pick(steps, STEPS_DEFAULT)),
    )


def start_range(surface_name: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The own-start sliders' ranges: the surface's plotted area, so the start is always on
    the map (each surface's area differs, so its sliders are its own: a switch of surface
    starts them afresh at its start)."""
    (x0, x1), (y0, y1) = surface(surface_name).bounds
    return (float(x0), float(x1)), (float(y0), float(y1))


def surface_params(surface_name: str, kappa: float) -> Pairs:
    """The surface's parameters: the bowl's condition number κ, nothing for the others."""
    return (("condition", float(kappa)),) if surface_name == "elongated_bowl" else ()


def _pick(value, default):
    return default if value is None else value


def hyper(name: str, lr: float, b1: float, b2: float, bc: bool) -> Pairs:
    """Hyperparameters of racer ``name``: momentum shares Adam's β₁, RMSprop its β₂ and ε."""
    if name == "gd":
        return (("lr", lr),)
    if name == "momentum":
        return (("lr", lr), ("beta", b1))
    if name == "rmsprop":
        return (("lr", lr), ("beta", b2), ("eps", EPS))
    return (("lr", lr), ("beta1", b1), ("beta2", b2), ("eps", EPS), ("bias_correction", bc))


# -- measurements -------------------------------------------------------------------------------


class AdamPieces(NamedTuple):
    """Adam's quantities per step, from a run with ``record_states=True`` (one start).

    Arrays ``g, v_hat, s_hat, step`` have shape ``(n, d)`` for steps ``t = 1..n``;
    ``v, s`` have shape ``(n + 1, d)`` and hold ``v_0 = s_0 = 0`` in row 0.
    ``step`` is the measured move ``x_t − x_{t-1}`` of the run.
    """

    g: np.ndarray
    v: np.ndarray
    s: np.ndarray
    v_hat: np.ndarray
    s_hat: np.ndarray
    step: np.ndarray


def first_step_size(g, lr: float, beta1: float, beta2: float, eps: float, bias_correction: bool):
    """Size of Adam's first move per coordinate for a first gradient ``g``.

    Corrected: ``lr·|g|/(|g| + eps)``. Uncorrected: ``lr·(1−β₁)·|g|/(√(1−β₂)·|g| + eps)``.
    """
    lr = checks.positive(lr, "lr")
    beta1, beta2 = checks.beta(beta1, "beta1"), checks.beta(beta2, "beta2")
    eps = checks.positive(eps, "eps")
    a = np.abs(np.asarray(g, dtype=np.float64))
    if bias_correction:
        return lr * a / (a + eps)
    return lr * (1.0 - beta1) * a / (np.sqrt(1.0 - beta2) * a + eps)


def uncorrected_ratio(beta1: float, beta2: float) -> float:
    """First step without correction over α, for gradients far above ε: ``(1−β₁)/√(1−β₂)``."""
    beta1, beta2 = checks.beta(beta1, "beta1"), checks.beta(beta2, "beta2")
    return (1.0 - beta1) / np.sqrt(1.0 - beta2)


def adam_pieces(params, states, grad, beta1: float, beta2: float) -> AdamPieces:
    """Per-step g, v, s, v̂, ŝ and measured step of one Adam run recorded at every step.

    ``params`` ``(n + 1, d)`` and ``states`` (an ``AdamState`` of arrays with a leading
    record axis, record 0 the initial state) come from ``run(..., record_states=True)``;
    ``grad`` is the objective's gradient. v̂ and ŝ are the corrected averages (by
    :func:`optim_core.ewa.debias`) whether or not the run itself used the correction.
    """
    params = np.asarray(params, dtype=np.float64)
    v = np.asarray(states.v, dtype=np.float64)
    s = np.asarray(states.s, dtype=np.float64)
    t = np.arange(1, len(params)).reshape(-1, 1)
    with np.errstate(all="ignore"):
        g = np.asarray(grad(params[:-1]), dtype=np.float64)
        v_hat = debias(v[1:], beta1, t)
        s_hat = debias(s[1:], beta2, t)
        step = np.diff(params, axis=0)
    return AdamPieces(g, v, s, v_hat, s_hat, step)


class RaceResult(NamedTuple):
    final: float  # cost at the last step (NaN when the run diverged)
    reached: int  # first step with cost − f* <= tol, -1 if never
    diverged: int  # step of divergence, -1 if never


def race_result(loss, diverged_at: int, f_min: float, tol: float = TOL) -> RaceResult:
    """Final cost, first step within ``tol`` of the minimum value, and the divergence step.

    ``loss`` holds the cost at steps 0, 1, 2, … (one record per step).
    """
    loss = np.asarray(loss, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        hit = np.flatnonzero(loss - f_min <= tol)
    return RaceResult(
        float(loss[-1]),
        int(hit[0]) if hit.size else -1,
        int(diverged_at),
    )


def first_exit(xy, bounds) -> int:
    """Index of the first point of a path ``(n, 2)`` outside ``bounds`` (or not finite), else n."""
    xy = np.asarray(xy, dtype=np.float64)
    (x0, x1), (y0, y1) = bounds
    with np.errstate(invalid="ignore"):
        inside = (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
    out = np.flatnonzero(~inside)
    return int(out[0]) if out.size else len(xy)


def frames(n_points: int, most: int = MAX_FRAMES) -> np.ndarray:
    """Record indices for an animation of about ``most`` frames: every step early on (where
    the paths move most), then geometrically spaced steps to the last one (always kept)."""
    dense = min(n_points, most * 2 // 3)
    tail = (
        np.geomspace(max(dense - 1, 1), n_points - 1, most - dense + 1) if n_points > dense else []
    )
    kept = np.concatenate([np.arange(dense), np.round(tail)]).astype(int)
    return np.unique(kept)


class FrameSpacing(NamedTuple):
    """How :func:`frames` picked its steps, as the note under the animation says it."""

    count: int  # frames
    every_until: int  # every step 0, 1, …, every_until is a frame
    growth: float  # after it, each frame's step is about this many times the one before
    last: int  # the last step (always a frame)


def frame_spacing(kept) -> FrameSpacing:
    """Describe ``kept`` (from :func:`frames`): the run of consecutive steps from 0, and
    the median ratio of consecutive steps after it (1 when every step is a frame)."""
    kept = np.asarray(kept, dtype=np.int64)
    gaps = np.flatnonzero(np.diff(kept) != 1)
    every_until = int(kept[gaps[0]]) if gaps.size else int(kept[-1])
    tail = kept[kept >= every_until]
    growth = float(np.median(tail[1:] / tail[:-1])) if len(tail) > 1 and every_until > 0 else 1.0
    return FrameSpacing(len(kept), every_until, growth, int(kept[-1]))


def height_of(z, log_height: bool) -> np.ndarray:
    """What the 3-D view plots as height: f itself, or log10(1 + f) for steep surfaces."""
    z = np.asarray(z, dtype=np.float64)
    return np.log10(1.0 + np.maximum(z, 0.0)) if log_height else z


# -- the runs -----------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _racer(name: str, lr: float, s: Setup) -> Trajectory:
    """One racer's run. Sections 3 and 4 both draw it, so it is kept here (read-only), and
    changing one learning rate reruns only that racer."""
    traj = trajectory(
        name,
        hyper(name, lr, s.b1, s.b2, s.bc),
        s.surface,
        s.start,
        s.steps,
        objective_params=s.params,
    )
    for array in (traj.params, traj.loss):
        array.setflags(write=False)
    return traj


def _racers(s: Setup) -> dict[str, Trajectory]:
    return {
        name: _racer(name, lr, s._replace(lrs=())) for name, lr in zip(RACERS, s.lrs, strict=True)
    }


class _Detail(NamedTuple):
    pieces: AdamPieces
    diverged_at: int
    n_ok: int  # steps with finite numbers
    first_with: np.ndarray  # the measured first move (2,) with bias correction
    first_without: np.ndarray  # and without


@lru_cache(maxsize=32)
def _detail(s: Setup) -> _Detail:
    """Adam's states step by step over the first K_MAX steps, and both first moves, measured."""
    f = surface(s.surface, s.params)
    start = np.asarray(s.start, dtype=np.float64)
    adam = optimizers.adam
    traj = run(adam(s.lr, s.b1, s.b2, EPS, s.bc), f, start, min(K_MAX, s.steps), record_states=True)
    pieces = adam_pieces(traj.params, traj.states, f.grad, s.b1, s.b2)
    firsts = [
        run(adam(s.lr, s.b1, s.b2, EPS, corr), f, start, 1).params[1] - start
        for corr in (True, False)
    ]
    diverged = int(traj.diverged_at)
    n_ok = len(pieces.step) if diverged < 0 else max(0, diverged - 1)
    for array in (*pieces, *firsts):  # shared by the sections (read-only)
        array.setflags(write=False)
    return _Detail(pieces, diverged, n_ok, firsts[0], firsts[1])


# -- 1. the pieces, live ------------------------------------------------------------------------


class CoordinateStep(NamedTuple):
    """One coordinate's numbers in step k."""

    name: str
    g: float
    v_prev: float
    v: float
    s_prev: float
    s: float
    v_hat: float
    s_hat: float
    v_used: float  # what the step divides: v̂ and ŝ with bias correction, v and s without
    s_used: float
    step: float  # the measured move x_k − x_{k−1}


class Live(NamedTuple):
    """Section 1: the numbers of step ``k`` of the Adam run, per coordinate."""

    k: int  # the step shown (the wanted one, or the last finite one)
    wanted: int
    clamped: bool
    n_ok: int  # steps with finite numbers (0: diverged at once)
    diverged_at: int
    coords: tuple[CoordinateStep, ...]  # empty when n_ok == 0
    lr: float
    b1: float
    b2: float
    one_minus_b1: float
    one_minus_b2: float
    eps: float
    bc: bool
    first_move: tuple[float, float]  # |x₁ − x₀|, |y₁ − y₀| of the run (for the moves chart)
    first_gradient: tuple[float, float]  # g₁ per coordinate


def live(s: Setup, k: int) -> Live:
    """The four lines of step ``k`` (clamped to the finite part of the run)."""
    d = _detail(s)
    p = d.pieces
    wanted = int(k)
    shown = max(1, min(wanted, d.n_ok))
    coords = ()
    if d.n_ok:
        i = shown - 1
        coords = tuple(
            CoordinateStep(
                name,
                float(p.g[i, c]),
                float(p.v[i, c]),
                float(p.v[shown, c]),
                float(p.s[i, c]),
                float(p.s[shown, c]),
                float(p.v_hat[i, c]),
                float(p.s_hat[i, c]),
                float(p.v_hat[i, c] if s.bc else p.v[shown, c]),
                float(p.s_hat[i, c] if s.bc else p.s[shown, c]),
                float(p.step[i, c]),
            )
            for c, name in enumerate(COORDS)
        )
    return Live(
        shown,
        wanted,
        bool(d.n_ok) and shown < wanted,
        d.n_ok,
        d.diverged_at,
        coords,
        s.lr,
        s.b1,
        s.b2,
        1.0 - s.b1,
        1.0 - s.b2,
        EPS,
        s.bc,
        tuple(float(v) for v in np.abs(d.first_with if s.bc else d.first_without)),
        tuple(float(v) for v in p.g[0]),
    )


class Moves(NamedTuple):
    """Section 1's chart: how far each coordinate moved in each of the first steps."""

    t: np.ndarray  # 1 .. n_ok
    size: np.ndarray  # (n_ok, 2): |x_t − x_{t−1}|, |y_t − y_{t−1}|
    lr: float
    k: int  # the step the formulas show (the wanted one, clamped as :func:`live` does)


def moves(s: Setup, k: int) -> Moves:
    """|move| per coordinate over the first ``min(K_MAX, steps)`` finite steps, and step k."""
    d = _detail(s)
    size = np.abs(d.pieces.step[: d.n_ok])
    return Moves(np.arange(1, d.n_ok + 1), size, s.lr, max(1, min(int(k), d.n_ok)))


# -- 2. bias correction close up ----------------------------------------------------------------


class Closeup(NamedTuple):
    """Section 2: the first steps of one coordinate, and the first move with and without
    correction."""

    coord: str
    count: int  # steps in the close-up (0: the run diverged at once)
    diverged_at: int
    t: np.ndarray  # 1 .. count
    g: np.ndarray
    g2: np.ndarray  # g²
    v: np.ndarray  # raw averages after each step
    v_hat: np.ndarray  # corrected
    s: np.ndarray
    s_hat: np.ndarray
    g1: float  # the first gradient
    formula: float  # the first move of the chosen mode, from the closed form
    measured: float  # x_1 − x_0 of the chosen mode, from the run
    size: float  # |x_1 − x_0|
    size_alpha: float  # that in units of α
    with_alpha: float  # |first move| / α with correction
    without_alpha: float  # and without
    ratio: float  # (1−β₁)/√(1−β₂)
    shrink_v: float  # 1 − β₁
    shrink_root: float  # √(1 − β₂)
    lr: float
    bc: bool


def closeup(s: Setup, coord: str | None) -> Closeup:
    """Coordinate ``coord`` (x by default) over the first :data:`CLOSEUP` steps."""
    name = coord if coord in COORDS else COORDS[0]
    c = COORDS.index(name)
    d = _detail(s)
    p = d.pieces
    count = min(CLOSEUP, d.n_ok)
    g1 = float(p.g[0, c])
    measured = float((d.first_with if s.bc else d.first_without)[c])
    size = abs(measured)
    g = p.g[:count, c]
    return Closeup(
        name,
        count,
        d.diverged_at,
        np.arange(1, count + 1),
        g,
        g * g,
        p.v[1 : count + 1, c],
        p.v_hat[:count, c],
        p.s[1 : count + 1, c],
        p.s_hat[:count, c],
        g1,
        float(first_step_size(g1, s.lr, s.b1, s.b2, EPS, s.bc)),
        measured,
        size,
        size / s.lr,
        abs(float(d.first_with[c])) / s.lr,
        abs(float(d.first_without[c])) / s.lr,
        float(uncorrected_ratio(s.b1, s.b2)),
        1.0 - s.b1,
        float(np.sqrt(1.0 - s.b2)),
        s.lr,
        s.bc,
    )


# -- 3. the race --------------------------------------------------------------------------------


class Race(NamedTuple):
    """Section 3: the four runs from one start, as the map, the cost chart and the table show them."""

    grid: Grid
    log_scale: bool  # log-spaced contours (steep surfaces)
    critical_points: tuple  # the surface's minima and saddles
    n_points: int  # records per run (steps + 1)
    frame_steps: np.ndarray  # the record indices the animation shows
    spacing: FrameSpacing  # how they were picked (the note under the animation)
    paths: dict[str, np.ndarray]  # racer -> points at frame_steps; a path that leaves the map
    #   or diverges stops at its first point outside (later frames repeat its last point)
    frame_costs: dict[str, np.ndarray]  # racer -> cost at frame_steps (NaN after divergence)
    steps: np.ndarray  # 0 .. steps
    gaps: dict[str, np.ndarray]  # racer -> cost − f* per step (NaN after divergence)
    results: dict[str, RaceResult]
    left_map: dict[str, int]  # racer -> step it left the map (-1: it stayed, or diverged)
    lrs: dict[str, float]
    b1: float
    b2: float


def _stop_at_exit(xy: np.ndarray, out: int, kept: np.ndarray) -> np.ndarray:
    """``xy[kept]`` up to record ``out`` (the first outside the map), then its last point."""
    shown = xy[kept[kept <= out]]
    finite = np.flatnonzero(np.all(np.isfinite(shown), axis=1))
    shown = shown[: finite[-1] + 1]
    return np.concatenate([shown, np.repeat(shown[-1:], len(kept) - len(shown), axis=0)])


def race(s: Setup) -> Race:
    """Gradient descent, momentum, RMSprop and Adam from the same start."""
    f = surface(s.surface, s.params)
    f_min = float(f.global_minimum.value)
    runs = _racers(s)
    n_points = s.steps + 1
    kept = frames(n_points)
    paths, costs, gaps, results, left = {}, {}, {}, {}, {}
    for name, traj in runs.items():
        out = first_exit(traj.params, f.bounds)
        paths[name] = _stop_at_exit(traj.params, out, kept)
        costs[name] = traj.loss[kept]
        gaps[name] = traj.loss - f_min
        results[name] = race_result(traj.loss, int(traj.diverged_at), f_min)
        left[name] = out if results[name].diverged < 0 and out < n_points else -1
    return Race(
        surface_grid(s.surface, GRID, s.params),
        s.surface in LOG_SURFACES,
        tuple(f.critical_points),
        n_points,
        kept,
        frame_spacing(kept),
        paths,
        costs,
        np.arange(n_points),
        gaps,
        results,
        left,
        dict(zip(RACERS, s.lrs, strict=True)),
        s.b1,
        s.b2,
    )


def crossings(xy, point) -> tuple[int, ...]:
    """How often each coordinate of a path ``(n, 2)`` passed ``point``'s: the sign changes of
    ``xy − point`` (points exactly on it, and points that are not finite, are skipped)."""
    offset = np.asarray(xy, dtype=np.float64) - np.asarray(point, dtype=np.float64)
    counts = []
    for column in offset.T:
        signs = np.sign(column[np.isfinite(column) & (column != 0)])
        counts.append(int(np.count_nonzero(signs[1:] != signs[:-1])))
    return tuple(counts)


def nearest_minimum(critical_points, xy) -> tuple[float, float]:
    """The minimum (global or local) closest to the last finite point of a path."""
    xy = np.asarray(xy, dtype=np.float64)
    finite = xy[np.all(np.isfinite(xy), axis=1)]
    end = finite[-1] if len(finite) else xy[0]
    minima = [c.point for c in critical_points if c.kind in ("global", "local")]
    return min(minima, key=lambda m: float(np.hypot(*(np.asarray(m) - end))))


class Standing(NamedTuple):
    """One racer's line of the results table."""

    lr: float
    final: float  # cost at the last step (NaN after divergence)
    reached: int  # first step with f − f* <= TOL (-1: never)
    diverged: int  # -1: never
    left_map: int  # step it left the plotted area (-1: it stayed, or diverged)
    first_move: tuple[float, float]  # |x₁ − x₀|, |y₁ − y₀| (NaN when step 1 diverged)
    crossings: tuple[int, int]  # times x and y passed the minimum's, up to arrival


class Standings(NamedTuple):
    """Section 3 as words and a table: who arrived when, and the two measurements that say
    why (how far step 1 went, how often a path swung past the minimum)."""

    rows: dict[str, Standing]  # racer -> its line, in RACERS order
    arrived: tuple[str, ...]  # racers within TOL of the minimum, first arrival first
    missed: tuple[str, ...]  # racers that neither arrived nor diverged
    diverged: tuple[str, ...]
    spacing: FrameSpacing
    steps: int
    b1: float
    b2: float
    rmsprop_factor: float  # RMSprop's first step over α for gradients far above ε: 1/√(1−β₂)


def standings(s: Setup) -> Standings:
    """The race's table and order, measured from the same runs as the charts."""
    f = surface(s.surface, s.params)
    runs = _racers(s)
    r = race(s)
    rows = {}
    for name, traj in runs.items():
        result = r.results[name]
        end = result.reached if result.reached >= 0 else len(traj.params) - 1
        path = traj.params[: end + 1]
        with np.errstate(invalid="ignore"):
            first = np.abs(traj.params[1] - traj.params[0])
        rows[name] = Standing(
            r.lrs[name],
            result.final,
            result.reached,
            result.diverged,
            r.left_map[name],
            (float(first[0]), float(first[1])),
            crossings(path, nearest_minimum(f.critical_points, path)),
        )
    arrived = tuple(
        sorted((n for n in RACERS if rows[n].reached >= 0), key=lambda n: rows[n].reached)
    )
    diverged = tuple(n for n in RACERS if rows[n].diverged >= 0)
    missed = tuple(n for n in RACERS if n not in arrived and n not in diverged)
    factor = float(1.0 / np.sqrt(1.0 - s.b2))
    return Standings(rows, arrived, missed, diverged, r.spacing, s.steps, s.b1, s.b2, factor)


SHOWCASE = ("beale", "rosenbrock")  # where Adam wins, and where it does not (page defaults)


class Showcase(NamedTuple):
    """Adam on other surfaces at the page's defaults: Beale, where bias correction lets it
    use a learning rate RMSprop cannot, and Rosenbrock, where momentum arrives first."""

    reached: dict[str, dict[str, int]]  # surface -> racer -> arrival step (-1: not within)
    steps: int
    adam_lr: float  # Adam's learning rate on Beale
    rmsprop_lr: float  # RMSprop's
    rmsprop_first: float  # RMSprop's first move (largest coordinate) with Adam's α on Beale
    rmsprop_left: int  # the step at which that run leaves the map (-1: it stays)


def showcase() -> Showcase:
    """The races on :data:`SHOWCASE` at the page's defaults, and RMSprop on Beale with Adam's α."""
    reached = {}
    for name in SHOWCASE:
        s = default_setup(name)
        reached[name] = {n: r.reached for n, r in race(s).results.items()}
    beale = default_setup("beale")
    adam_lr = DEFAULT_LRS["beale"]["adam"]
    traj = _racer("rmsprop", adam_lr, beale._replace(lrs=()))
    out = first_exit(traj.params, surface("beale").bounds)
    with np.errstate(invalid="ignore"):
        first = float(np.max(np.abs(traj.params[1] - traj.params[0])))
    return Showcase(
        reached,
        beale.steps,
        adam_lr,
        DEFAULT_LRS["beale"]["rmsprop"],
        first,
        out if out < len(traj.params) else -1,
    )


def default_setup(surface_name: str) -> Setup:
    """The page's defaults on ``surface_name`` (the surface's own start and learning rates)."""
    return setup(
        surface_name, KAPPA[2], False, None, None, STEPS_DEFAULT, B1[2], B2_DEFAULT, True, False, ()
    )


# -- 4. the surface in 3-D ----------------------------------------------------------------------


class Heights(NamedTuple):
    """What the note under the 3-D view points at: the start's height and the racer whose path
    climbed highest above it (on the plotted area), if any did."""

    start: float  # f at the start
    minimum: float  # f at the minimum (f*)
    climber: str  # the racer that climbed highest above the start ("": none climbed)
    step: int  # the step of its highest point (-1: none)
    value: float  # f there (the start's f when none climbed)
    log_height: bool  # the view draws log10(1 + f)


def heights(s: Setup) -> Heights:
    """The highest point above the start among the race's paths, up to where each leaves the map."""
    f = surface(s.surface, s.params)
    runs = _racers(s)
    start = float(runs[RACERS[0]].loss[0])
    climber, step, value = "", -1, start
    for name, traj in runs.items():
        on_map = traj.loss[1 : first_exit(traj.params, f.bounds)]
        with np.errstate(invalid="ignore"):
            if on_map.size and np.isfinite(on_map).any() and np.nanmax(on_map) > value:
                step = int(np.nanargmax(on_map)) + 1
                climber, value = name, float(on_map[step - 1])
    return Heights(
        start, float(f.global_minimum.value), climber, step, value, s.surface in LOG_SURFACES
    )


class Landscape(NamedTuple):
    """Section 4: the surface's heights and each path on it, up to where it leaves the map."""

    grid: Grid  # z holds the heights drawn (f, or log10(1 + f) on steep surfaces)
    log_height: bool
    paths: dict[str, tuple[np.ndarray, np.ndarray]]  # racer -> (xy, height); racers with
    #   no point on the map are left out


def landscape(s: Setup) -> Landscape:
    """The race's paths (about :data:`FRAMES_3D` points each) on the surface."""
    f = surface(s.surface, s.params)
    log_height = s.surface in LOG_SURFACES
    grid = surface_grid(s.surface, GRID_3D, s.params)
    runs = _racers(s)
    kept_all = frames(s.steps + 1, FRAMES_3D)
    paths = {}
    for name, traj in runs.items():
        kept = kept_all[kept_all < first_exit(traj.params, f.bounds)]
        if kept.size:
            xy = traj.params[kept]
            paths[name] = (xy, height_of(f.value(xy), log_height))
    return Landscape(grid._replace(z=height_of(grid.z, log_height)), log_height, paths)


# -- 3b. why the cost chart spikes ----------------------------------------------------------------
# On a curved valley (Rosenbrock) a run near the stability limit of the walls' curvature climbs
# the floor until a step across the valley overshoots more each time; the zig-zag grows until it
# throws the run up a wall (a spike of the cost), it falls back where the walls are gentler and
# creeps on. For gradient descent the limit is α·λ_max = 2 (λ_max: the largest eigenvalue of the
# Hessian, the curvature across the valley); RMSprop divides each coordinate by √s, so its number
# is λ_max of D^½·H·D^½ with D = α/(√s + ε), and it grows as √s decays on the flat floor.

SPIKE_FACTOR = 10.0  # a spike: the cost climbs to 10× the lowest it had reached, before arriving
SPIKE_MERGE = 20  # rises fewer steps apart than this are one spike
SPIKE_AFTER = 100  # steps after a spike's peak in which the run's landing is measured
STABLE = 2.0  # above this stability number a step across the valley overshoots more each time
EXPLAINED = ("gd", "rmsprop")  # the racers whose spikes the page explains


def hessians(grad, xy, h: float = 1e-5) -> np.ndarray:
    """Hessians ``(n, 2, 2)`` at points ``(n, 2)``, by central differences of ``grad``."""
    xy = np.asarray(xy, dtype=np.float64)
    cols = []
    for j in range(xy.shape[-1]):
        e = np.zeros_like(xy)
        e[:, j] = h * (1.0 + np.abs(xy[:, j]))
        cols.append((grad(xy + e) - grad(xy - e)) / (2.0 * e[:, j, None]))
    hess = np.stack(cols, axis=-1)
    return 0.5 * (hess + np.swapaxes(hess, -1, -2))


def spike_steps(gap, tol: float = TOL, factor: float = SPIKE_FACTOR) -> list[tuple[int, int]]:
    """``(rise, peak)`` of each spike of a cost-gap curve (one value per step): the steps where
    the gap is at least ``factor`` × the lowest gap reached so far, while that lowest is above
    ``tol`` (the run has not arrived) and below the start (the run had come down first). Rises
    fewer than :data:`SPIKE_MERGE` steps apart are one spike; ``peak`` is its highest step."""
    gap = np.asarray(gap, dtype=np.float64)
    finite = np.isfinite(gap)
    if not gap.size:
        return []
    with np.errstate(invalid="ignore"):
        low = np.minimum.accumulate(np.where(finite, gap, np.inf))
        hot = finite & (gap >= factor * low) & (low < gap[0]) & (low > tol)
    out: list[list[int]] = []
    for i in np.flatnonzero(hot):
        if out and i - out[-1][1] < SPIKE_MERGE:
            out[-1][1] = int(i)
        else:
            out.append([int(i), int(i)])
    return [(a, a + int(np.argmax(gap[a : b + 1]))) for a, b in out]


def stability(name: str, xy, grad, lr: float, beta: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Stability number of each step of a path ``(n, 2)`` (the step from ``xy[i]``), and √s.

    Gradient descent: ``α·λ_max(H)``. RMSprop: ``λ_max(D^½·H·D^½)`` with ``D = α/(√s + ε)`` and
    ``s`` its average of squared gradients rebuilt from the path (``s_{i+1}`` includes the
    gradient at ``xy[i]``). Above 2 a step across the valley overshoots more than the last.
    ``root`` is √s per step and coordinate (ones for gradient descent)."""
    xy = np.asarray(xy, dtype=np.float64)
    with np.errstate(all="ignore"):
        hess = hessians(grad, xy)
        if name == "gd":
            return lr * np.linalg.eigvalsh(hess)[:, -1], np.ones_like(xy)
        g = np.asarray(grad(xy), dtype=np.float64)
        root = np.sqrt(ewa(g * g, beta))
        d = np.sqrt(lr / (root + EPS))
        return np.linalg.eigvalsh(d[:, :, None] * hess * d[:, None, :])[:, -1], root


class Spike(NamedTuple):
    """The first spike of one racer's cost and the measurements that explain it."""

    racer: str
    rise: int  # first step of the climb (cost ≥ SPIKE_FACTOR × its lowest so far)
    peak: int  # the step of the highest cost
    low: float  # f − f* before it: the lowest the run had reached
    high: float  # f − f* at the peak
    more: int  # further spikes in the run
    since: int  # from this step up to the rise the stability number stayed ≥ STABLE
    number: float  # the stability number just before the rise
    after: float  # its smallest value within SPIKE_AFTER steps after the peak (the landing)
    curvature: float  # λ_max just before the rise (the curvature across the valley)
    limit: float  # 2/α: the curvature gradient descent stays stable under (RMSprop: NaN)
    coord: str  # RMSprop: the coordinate whose √s fell most ("" for gradient descent)
    root_high: float  # RMSprop: that √s at its highest before the spike
    root_high_step: int
    root_low: float  # and just before the rise
    root_after: float  # its highest within SPIKE_AFTER steps after the peak


class Spikes(NamedTuple):
    """Section 3's cost chart: the explained spikes (racers of :data:`EXPLAINED` whose first
    spike followed a stretch of stability numbers above 2; the others are left out)."""

    spikes: dict[str, Spike]
    lrs: dict[str, float]
    b2: float
    memory: float  # 1/(1 − β₂): about how many steps RMSprop's average remembers


def _spike(name: str, traj: Trajectory, f, lr: float, b2: float) -> Spike | None:
    gap = traj.loss - float(f.global_minimum.value)
    found = spike_steps(gap)
    if not found:
        return None
    rise, peak = found[0]
    end = min(len(traj.params) - 1, peak + SPIKE_AFTER)
    number, root = stability(name, traj.params[:end], f.grad, lr, b2)
    below = np.flatnonzero(~(number[:rise] >= STABLE))
    since = int(below[-1]) + 1 if below.size else 0
    if rise < 1 or since >= rise:  # the number was below 2 just before the climb: no claim
        return None
    with np.errstate(all="ignore"):
        lam = float(np.linalg.eigvalsh(hessians(f.grad, traj.params[rise - 1 : rise]))[0, -1])
    low = float(np.min(gap[:rise]))
    coord, high, high_step, root_low, root_after = "", np.nan, -1, np.nan, np.nan
    if name == "rmsprop":
        fall = np.max(root[:rise], axis=0) / root[rise - 1]
        c = int(np.argmax(fall))
        high_step = int(np.argmax(root[:rise, c]))
        coord, high = COORDS[c], float(root[high_step, c])
        root_low, root_after = float(root[rise - 1, c]), float(np.max(root[peak:end, c]))
    return Spike(
        name,
        rise,
        peak,
        low,
        float(gap[peak]),
        len(found) - 1,
        since,
        float(number[rise - 1]),
        float(np.min(number[peak:end])) if end > peak else np.nan,
        lam,
        2.0 / lr if name == "gd" else np.nan,
        coord,
        high,
        high_step,
        root_low,
        root_after,
    )


def spikes(s: Setup) -> Spikes:
    """The first spike of gradient descent's and RMSprop's costs, measured on the race's runs."""
    f = surface(s.surface, s.params)
    runs = _racers(s)
    lrs = dict(zip(RACERS, s.lrs, strict=True))
    found = {}
    for name in EXPLAINED:
        spike = _spike(name, runs[name], f, lrs[name], s.b2)
        if spike is not None:
            found[name] = spike
    return Spikes(found, lrs, s.b2, float(1.0 / (1.0 - s.b2)) if s.b2 < 1 else np.inf)
