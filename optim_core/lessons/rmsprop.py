r"""RMSprop: each coordinate gets its own learning rate from the average of its squared gradients.

RMSprop keeps an exponentially weighted average of the squared gradients and
divides each coordinate's step by its root (all averages start at 0)::

    s ← β·s + (1−β)·g²            (element-wise)
    x ← x − α·g / (√s + ε)

so each coordinate moves with its own learning rate ``α/(√s + ε)``. There is no
bias correction (this is ``torch.optim.RMSprop(lr=α, alpha=β, eps=ε)``): after the
first update ``s = (1−β)·g²`` and the first step has size

    |Δx| = α·|g| / (√(1−β)·|g| + ε)  ≈  α/√(1−β)      (10·α at β = 0.99).

The page runs plain gradient descent and RMSprop on the valley
``f(w, b) = (w² + κ·b²)/2`` from :data:`START`; plain GD must keep ``α < 2/κ`` or
the steep direction b blows up. One function per page section:
:func:`update` (the rule with the numbers of step k), :func:`first_move` (the
oversized first step), :func:`valley` (both paths and costs), :func:`rates` (one
learning rate per coordinate) and :func:`near_minimum` (the jitter at the end).
Each takes the :class:`Setup` that :func:`setup` builds from the controls.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import checks
from optim_core.lessons import Grid, surface, surface_grid
from optim_core.optimizers import gd, rmsprop
from optim_core.trajectory import Trajectory, run

SURFACE = "elongated_bowl"
START = (-2.5, 1.5)  # (w, b): far along the flat w axis, off the valley floor in b
MINIMUM = (0.0, 0.0)
COORDS = ("w", "b")
TARGET = 1e-3  # cost that counts as "arrived"
TAIL = 20  # steps that count as "near the end"
FIRST = 30  # the back and forth across the valley is measured over the first FIRST steps
GRID = 70  # points per side of the valley's map: smooth, and half the bytes of 100 × 100
COST_FLOOR = 1e-12  # the cost chart's log axis stops here: a 1e-36 dip would squash the rest
DISTANCE_FLOOR = 1e-7  # the same for the distance to the minimum (section 4)

# controls: ranges, option lists and defaults (the defaults are constants: they stay out of links)
KAPPA = (5, 100, 25, 5)  # min, max, default, step
LR_OPTIONS = (0.001, 0.003, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
LR = 0.1
BETA = (0.0, 0.999, 0.9, 0.001)
EPS_OPTIONS = (1e-8, 1e-6, 1e-4, 1e-2, 1e-1, 1.0)
EPS = 1e-8
GD_LR_OPTIONS = (0.001, 0.003, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.2)
GD_LR = 0.07
STEPS = (10, 300, 200, 10)
K = (1, 300, 1, 1)  # the step shown in section 1
VARIANTS = 5  # rows of the section-4 table: yours, α/2, α/4, ε = 0.1, ε = 1


class Setup(NamedTuple):
    """The page's settings, cleaned: plain floats, β rounded to the slider's 0.001."""

    kappa: float
    lr: float
    beta: float
    eps: float
    gd_lr: float
    steps: int


def setup(kappa, lr, beta, eps, gd_lr, steps) -> Setup:
    """The settings as the lessons use them; a missing value (``None``) takes its default."""

    def pick(value, default):
        return default if value is None else value

    return Setup(
        float(pick(kappa, KAPPA[2])),
        float(pick(lr, LR)),
        float(round(float(pick(beta, BETA[2])), 3)),
        float(pick(eps, EPS)),
        float(pick(gd_lr, GD_LR)),
        int(pick(steps, STEPS[2])),
    )


# -- measurements -------------------------------------------------------------------------------


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


class Rebound(NamedTuple):
    """RMSprop's dip below the target and its way back up (section 2 shows it, section 4
    explains the jitter that follows). Steps are record indices (record k = after k steps);
    -1 where a part did not happen."""

    found: bool  # the run reached the target, fell further and came back above it
    hit: int  # first step with cost <= target
    low_step: int  # step of the lowest cost
    low_cost: float
    unstable_step: int  # first step from ``hit`` on where κ·α/(√s_b + ε) > 2
    back_step: int  # first step after ``low_step`` with cost > target again
    back_cost: float
    factor: float  # |1 − κ·α/(√s_b + ε)| at ``back_step``: what that step multiplied b by


def rebound(loss, rate_b, kappa: float, target: float) -> Rebound:
    r"""Where a run's cost ``loss`` (record k = after k steps) dips below ``target`` and comes
    back above it, and when the steep coordinate's rate ``rate_b`` (α/(√s_b + ε) per step, the
    rate update k used) passed the stability limit 2/κ of the valley's b direction.

    On the valley an update multiplies b by :math:`1 - \kappa\,lpha/(\sqrt{s_b}+arepsilon)`:
    once that factor's size exceeds 1 the tiny b of the minimum grows back every step.
    """
    loss = np.asarray(loss, dtype=np.float64)
    rate_b = np.asarray(rate_b, dtype=np.float64)
    hit = steps_to_target(loss, target)
    none = Rebound(False, hit, -1, float("nan"), -1, -1, float("nan"), float("nan"))
    if hit < 0:
        return none
    after = np.where(np.isfinite(loss[hit:]), loss[hit:], np.inf)
    low = hit + int(np.argmin(after))
    up = np.flatnonzero(loss[low:] > target)
    fast = np.flatnonzero(kappa * rate_b[hit:] > 2.0)
    if not up.size or not fast.size:
        return none._replace(low_step=low, low_cost=float(loss[low]))
    back = low + int(up[0])
    return Rebound(
        True,
        hit,
        low,
        float(loss[low]),
        hit + int(fast[0]),
        back,
        float(loss[back]),
        float(abs(1.0 - kappa * rate_b[back])),
    )


def zigzag(values, first: int = FIRST) -> float:
    r"""The back-and-forth part of a path along one coordinate over its first ``first`` steps:
    the distance covered, ``Σ_k |x_k − x_{k−1}|``, minus the net progress ``|x_n − x_0|``
    (0 for a path that moves one way only). Steps that are not finite (a diverged run) are
    left out of the distance; NaN when no step is finite."""
    first = checks.integer(first, "first", minimum=1)
    values = np.asarray(values, dtype=np.float64)[: first + 1]
    steps = np.abs(np.diff(values))
    steps = steps[np.isfinite(steps)]
    finite = values[np.isfinite(values)]
    if not steps.size:
        return float("nan")
    return max(0.0, float(steps.sum() - abs(finite[-1] - finite[0])))  # not −1e-16


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


# -- the two runs -------------------------------------------------------------------------------


class _Runs(NamedTuple):
    gd: Trajectory
    rms: Trajectory
    s: np.ndarray  # (steps + 1, 2): s[k] after update k, s[0] = 0
    grads: np.ndarray  # (steps + 1, 2): g used by update k (row 0 NaN)
    rates: np.ndarray  # (steps + 1, 2): α/(√s + ε) after update k


def _valley(kappa: float):
    return surface(SURFACE, (("condition", kappa),))


def box(kappa: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The valley's plotting box ``((w_min, w_max), (b_min, b_max))``."""
    return tuple(tuple(float(v) for v in side) for side in _valley(float(kappa)).bounds)


def _runs(s: Setup) -> _Runs:
    """Plain GD and RMSprop (with its states) on the valley from :data:`START`."""
    f = _valley(s.kappa)
    x0 = np.array(START)
    gd_run = run(gd(s.gd_lr), f, x0, s.steps)
    rms = run(rmsprop(s.lr, s.beta, s.eps), f, x0, s.steps, record_states=True)
    grads = np.full_like(rms.params, np.nan)
    grads[1:] = f.grad(rms.params[:-1])
    averages = rms.states.s
    return _Runs(gd_run, rms, averages, grads, effective_rates(averages, s.lr, s.eps))


# -- 1. the update rule -------------------------------------------------------------------------


class Coordinate(NamedTuple):
    """One coordinate's numbers in update k."""

    name: str
    g: float  # gradient used by update k
    s_prev: float  # s before the update
    s: float  # s after it
    root: float  # √s
    rate: float  # α/(√s + ε)
    step: float  # the move x_k − x_{k−1}


class Update(NamedTuple):
    """Section 1: the rule with the live numbers of step ``k``."""

    k: int  # the step shown (the wanted one, or the run's last)
    wanted: int
    clamped: bool  # the wanted step lies past the end of the run
    live: bool  # the run is still finite at step k
    diverged: int  # step at which RMSprop diverged, -1 if it never did
    coords: tuple[Coordinate, ...]
    ratio: float  # rate_w / rate_b
    lr: float
    beta: float
    one_minus_beta: float
    eps: float
    gd_move: tuple[float, ...]  # −α_GD·g: plain GD's step from the same point, per coordinate


def update(s: Setup, k: int) -> Update:
    """The update of step ``k`` (clamped to the run's length), per coordinate."""
    r = _runs(s)
    wanted = int(k)
    shown = max(1, min(wanted, s.steps))
    path = r.rms.params
    live = bool(np.all(np.isfinite(path[shown])) and np.all(np.isfinite(path[shown - 1])))
    coords, ratio = (), float("nan")
    if live:
        coords = tuple(
            Coordinate(
                name,
                float(r.grads[shown, i]),
                float(r.s[shown - 1, i]),
                float(r.s[shown, i]),
                float(np.sqrt(r.s[shown, i])),
                float(r.rates[shown, i]),
                float(path[shown, i] - path[shown - 1, i]),
            )
            for i, name in enumerate(COORDS)
        )
        ratio = float(r.rates[shown, 0] / r.rates[shown, 1])
    gd_move = tuple(float(-s.gd_lr * c.g) for c in coords)
    return Update(
        shown,
        wanted,
        shown < wanted,
        live,
        int(r.rms.diverged_at),
        coords,
        ratio,
        s.lr,
        s.beta,
        1.0 - s.beta,
        s.eps,
        gd_move,
    )


class FirstMove(NamedTuple):
    """Section 1, the first step: the closed form against the run."""

    g: np.ndarray  # the first gradient (2,)
    predicted: np.ndarray  # α·|g|/(√(1−β)·|g| + ε) per coordinate
    measured: np.ndarray  # |x_1 − x_0| per coordinate, from the run
    approx: float  # α/√(1−β)
    factor: float  # 1/√(1−β): the first step in units of α
    lr: float
    beta: float
    one_minus_beta: float
    eps: float


def first_move(s: Setup) -> FirstMove:
    """RMSprop's first step on the valley, predicted and measured."""
    r = _runs(s)
    g1 = r.grads[1]
    root = float(np.sqrt(1.0 - s.beta))
    return FirstMove(
        g1,
        first_step(g1, s.lr, s.beta, s.eps),
        np.abs(r.rms.params[1] - r.rms.params[0]),
        s.lr / root,
        1.0 / root,
        s.lr,
        s.beta,
        1.0 - s.beta,
        s.eps,
    )


# -- 2. the valley ------------------------------------------------------------------------------


class Valley(NamedTuple):
    """Section 2: both paths on the map, their costs and when they arrive."""

    grid: Grid
    steps: np.ndarray  # record k = after k steps
    gd_path: np.ndarray  # (steps + 1, 2), NaN after divergence
    rms_path: np.ndarray
    gd_loss: np.ndarray
    rms_loss: np.ndarray
    rates: np.ndarray  # RMSprop's (rate_w, rate_b) per step, for the frame notes
    rebound: Rebound  # RMSprop's dip below the target and its way back
    gd_diverged: int  # -1 if never
    rms_diverged: int
    gd_hit: int  # first step with cost <= TARGET, -1 if never
    rms_hit: int
    two: float  # 2/κ, the largest learning rate plain GD tolerates
    kappa: float
    gd_lr: float
    target: float
    first: int  # min(FIRST, steps): the steps the zig-zags below are measured over
    gd_zigzag_b: float  # back and forth along b in the first steps (:func:`zigzag`)
    rms_zigzag_b: float


def valley(s: Setup) -> Valley:
    """GD and RMSprop on the valley, with the map of it."""
    r = _runs(s)
    return Valley(
        surface_grid(SURFACE, GRID, (("condition", s.kappa),)),
        r.rms.steps,
        r.gd.params,
        r.rms.params,
        r.gd.loss,
        r.rms.loss,
        r.rates,
        rebound(r.rms.loss, r.rates[:, 1], s.kappa, TARGET),
        int(r.gd.diverged_at),
        int(r.rms.diverged_at),
        steps_to_target(r.gd.loss, TARGET),
        steps_to_target(r.rms.loss, TARGET),
        2.0 / s.kappa,
        s.kappa,
        s.gd_lr,
        TARGET,
        min(FIRST, s.steps),
        zigzag(r.gd.params[:, 1]),
        zigzag(r.rms.params[:, 1]),
    )


# -- 3. one learning rate per coordinate --------------------------------------------------------


class Rates(NamedTuple):
    """Section 3: √s and α/(√s + ε) per coordinate from step 1 on, and their ratio."""

    steps: np.ndarray  # 1 .. n (s = 0 before the first update)
    sqrt_s: np.ndarray  # (n, 2)
    rates: np.ndarray  # (n, 2)
    gd_lr: float  # plain GD's one rate, drawn for comparison
    ratios: RateRatios
    rate_w: float  # the rates at step ratios.last
    rate_b: float
    sqrt_w: float  # √s at step ratios.last
    sqrt_b: float
    ratio: float  # rate_w / rate_b there
    kappa: float


def rates(s: Setup) -> Rates:
    """The effective learning rates of the RMSprop run."""
    r = _runs(s)
    stats = rate_ratios(r.rates)
    rate_w = rate_b = ratio = sqrt_w = sqrt_b = float("nan")
    if stats.last:
        rate_w, rate_b = (float(v) for v in r.rates[stats.last])
        sqrt_w, sqrt_b = (float(v) for v in np.sqrt(r.s[stats.last]))
        ratio = rate_w / rate_b if rate_b > 0 else float("nan")
    return Rates(
        r.rms.steps[1:],
        np.sqrt(r.s[1:]),
        r.rates[1:],
        s.gd_lr,
        stats,
        rate_w,
        rate_b,
        sqrt_w,
        sqrt_b,
        ratio,
        s.kappa,
    )


# -- 4. near the minimum ------------------------------------------------------------------------


class Variant(NamedTuple):
    """One RMSprop run of the section-4 table."""

    lr: float
    eps: float
    hit: int  # steps to TARGET, -1 if never
    mean_d: float  # mean distance to the minimum over the tail
    max_d: float
    move: float  # mean step length over the tail


class NearMinimum(NamedTuple):
    """Section 4: distance to the minimum, the tail statistics and the variants table."""

    steps: np.ndarray
    gd_distance: np.ndarray
    rms_distance: np.ndarray
    lr: float
    tail: int  # steps that count as the end (TAIL, or fewer in a short run)
    gd_tail: tuple[float, float, float]  # mean distance, max distance, mean step
    rms_tail: tuple[float, float, float]
    variants: tuple[Variant, ...]  # yours, α/2, α/4, ε = 0.1, ε = 1


def near_minimum(s: Setup) -> NearMinimum:
    """How close each run ends, and how RMSprop's jitter depends on α and ε."""
    r = _runs(s)
    tail = min(TAIL, s.steps)
    f = _valley(s.kappa)
    x0 = np.array(START)
    rows = []
    for lr, eps in ((s.lr, s.eps), (s.lr / 2, s.eps), (s.lr / 4, s.eps), (s.lr, 0.1), (s.lr, 1.0)):
        tr = run(rmsprop(lr, s.beta, eps), f, x0, s.steps)
        rows.append(
            Variant(
                lr, eps, steps_to_target(tr.loss, TARGET), *tail_stats(tr.params, MINIMUM, tail)
            )
        )
    return NearMinimum(
        r.rms.steps,
        np.linalg.norm(r.gd.params, axis=-1),
        np.linalg.norm(r.rms.params, axis=-1),
        s.lr,
        tail,
        tail_stats(r.gd.params, MINIMUM, tail),
        tail_stats(r.rms.params, MINIMUM, tail),
        tuple(rows),
    )
