r"""Momentum: the weighted average of the gradients, on a long narrow valley.

Momentum in the course's form keeps the exponentially weighted average of the
gradients and steps along it (all averages start at 0)::

    g_k = ∇C(x_{k-1})
    v_k = β·v_{k-1} + (1-β)·g_k
    x_k = x_{k-1} - α·v_k

β = 0 gives v_k = g_k, i.e. plain gradient descent. The same run is
``torch.optim.SGD(lr=α(1-β), momentum=β)``: torch's buffer ``u = v/(1-β)`` obeys
``u ← β·u + g`` and steps by ``α(1-β)·u = α·v``.

The page's valley is the elongated bowl ``C(w, b) = (w² + κ b²)/2``, with curvature
λ = 1 along w and λ = κ along b. On a quadratic both methods are linear recursions,
which gives the stability limits the page shows:

* gradient descent: ``w_k = (1 - αλ)·w_{k-1}``, stable iff ``0 < αλ < 2``, so α < 2/λ;
* momentum is the heavy ball ``x_k = x_{k-1} - η·λ·x_{k-1} + β·(x_{k-1} - x_{k-2})``
  with ``η = α(1-β)``; its characteristic roots ``r² - (1 + β - ηλ)·r + β = 0``
  lie inside the unit circle iff ``0 < ηλ < 2(1+β)``, so ``α < 2(1+β)/((1-β)λ)``.

Along b (steep) plain descent with ακ > 1 flips sign every step; the average v of
those alternating gradients nearly cancels, while along w (flat) the gradients keep
their sign and v keeps its full size: momentum damps the zig-zag and keeps the push.

Which direction is the steep one is a matter of curvature, not of names: the valley
makes b steep on purpose, while on the unscaled tips data of the gradient-descent page,
``C(w, b) = 1/(2m) Σ (w·x_i + b − y_i)²`` with x the bill and y the tip, the Hessian is
``H = 1/m Σ [[x_i², x_i], [x_i, 1]]``: the curvature along w is the mean of x² (about 470
for bills of about $20) and along b it is 1, so there the steep direction is (nearly) w.
:func:`directions` measures both and runs plain descent on each.

One function per page section: :func:`rule` (the update with the numbers of step k),
:func:`race` and :func:`reach` (the two paths on the valley, the steps each needs to
the target), :func:`directions` (which coordinate zig-zags, on the valley and on the tips
data), :func:`cancellation` (what the average does to each coordinate) and :func:`sweep`
(steps to the target for several β).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from optim_core import checks, datasets, objectives
from optim_core.ewa import window
from optim_core.lessons import Grid, grid
from optim_core.losses import LinearRegression
from optim_core.optimizers import gd, momentum
from optim_core.trajectory import Trajectory, run

OBJECTIVE = "elongated_bowl"
START = (-2.5, 1.0)  # (w, b): far out along the flat w axis, off the valley floor in b
TARGET = 1e-6  # "reached" = cost at most TARGET × the starting cost
MAX_STEPS = 3000  # the runs that count steps to the target go this far
FIRST = 30  # the cancellation numbers average over the first FIRST updates
# Step sizes: log-spaced, 10 per decade, 2 significant digits (0.001 … 2).
LR_OPTIONS = tuple(float(f"{v:.2g}") for v in np.geomspace(1e-3, 2.0, 34))
SWEEP_BETAS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99)
DEFAULT_LR = 0.063
DEFAULT_BETA = 0.8
DEFAULT_KAPPA = 30
DEFAULT_STEPS = 100
DEFAULT_K = 3
BETA_RANGE = (0.0, 0.99, 0.01)  # the sliders: (min, max, step)
KAPPA_RANGE = (5, 100, 5)
STEPS_RANGE = (10, 200, 10)
GRID = 70  # points per side of the valley's map: smooth, and half the bytes of 100 × 100
# Which direction zig-zags (section 2, end): plain descent on the valley and on the tips data
ZIGZAG = 1.8  # α·λ_max of both runs: the steep coordinate's offset is multiplied by 1 − 1.8
ZIGZAG_STEPS = 30
TIPS_START = (0.0, 0.0)  # (w, b): the model that predicts no tip, off the valley floor in w
DIRECTION_GRID = 60  # points per side of each of the two small maps
HUNDREDS = 100.0  # the bill in hundreds of dollars: the same data at another scale


# -- the small pieces of math ---------------------------------------------------------------


def step_gradients(objective, params) -> np.ndarray:
    r"""The gradient each update used: ``g_k = ∇f(x_{k-1})`` for k = 1..n.

    ``params`` are the recorded points ``(n+1, ..., d)`` of a run recorded at every
    step (record 0 the start); the result has shape ``(n, ..., d)`` and row k-1 holds
    ``g_k``. Points that are NaN (a diverged run) give NaN gradients.
    """
    params = np.asarray(params, dtype=np.float64)
    if params.ndim < 2 or len(params) < 1:
        raise ValueError("params must have shape (n_records, ..., d)")
    with np.errstate(all="ignore"):
        return np.asarray(objective.grad(params[:-1]), dtype=np.float64)


def steps_to_target(loss, fraction: float = TARGET) -> int:
    r"""The first step k with ``loss_k ≤ fraction·loss_0``, or -1 if the run never gets there.

    ``loss`` is a run's cost at every step (record 0 the start, so index = step).
    NaN (a diverged run) never counts as reached. A start already at cost 0 is
    reached at step 0.
    """
    fraction = checks.positive(fraction, "fraction")
    loss = np.asarray(loss, dtype=np.float64)
    if loss.ndim != 1 or len(loss) == 0:
        raise ValueError("loss must be a non-empty 1-D array")
    with np.errstate(invalid="ignore"):
        hit = np.nonzero(loss <= fraction * loss[0])[0]
    return int(hit[0]) if len(hit) else -1


def gd_lr_limit(curvature: float) -> float:
    r"""Largest stable step size of gradient descent on a quadratic: ``α < 2/λ``."""
    return 2.0 / checks.positive(curvature, "curvature")


def momentum_lr_limit(curvature: float, beta: float) -> float:
    r"""Largest stable α of momentum in the course's form: ``α < 2(1+β)/((1-β)λ)``.

    At β = 0 it is gradient descent's 2/λ; at β = 0.9 it is 38/λ, 19 times larger.
    """
    curvature = checks.positive(curvature, "curvature")
    beta = checks.beta(beta)
    return 2.0 * (1.0 + beta) / ((1.0 - beta) * curvature)


def torch_sgd_lr(lr: float, beta: float) -> float:
    r"""The ``lr`` of ``torch.optim.SGD(lr=…, momentum=β)`` that runs the same path: ``α(1-β)``."""
    return checks.positive(lr, "lr") * (1.0 - checks.beta(beta))


def mean_abs(values, first: int) -> float:
    r"""Mean of ``|values|`` over the first ``first`` entries that are numbers (NaN if none)."""
    first = checks.integer(first, "first", minimum=1)
    part = np.abs(np.asarray(values, dtype=np.float64)[:first])
    part = part[np.isfinite(part)]
    return float(part.mean()) if len(part) else float("nan")


def sign_changes(values, first: int) -> int:
    r"""How often consecutive entries among the first ``first`` have opposite signs.

    A zig-zag that flips every step gives ``first - 1``; a steady push gives 0.
    Zeros and NaN break the chain (they count as no change).
    """
    first = checks.integer(first, "first", minimum=1)
    s = np.sign(np.asarray(values, dtype=np.float64)[:first])
    s = np.nan_to_num(s, nan=0.0)
    return int(np.count_nonzero(s[1:] * s[:-1] < 0))


def same_sign(a, b, first: int) -> int:
    r"""How many of the first ``first`` entries of ``a`` and ``b`` have the same sign."""
    first = checks.integer(first, "first", minimum=1)
    a = np.asarray(a, dtype=np.float64)[:first]
    b = np.asarray(b, dtype=np.float64)[:first]
    return int(np.count_nonzero(np.sign(a) == np.sign(b)))


def travel(values, first: int) -> float:
    r"""Distance covered along one coordinate in the first ``first`` steps: ``Σ_k |x_k − x_{k−1}|``.

    ``values`` are the recorded positions (record 0 the start). A zig-zag across the
    valley covers much more of it than a path that stays near the floor; NaN steps
    (after a divergence) are left out.
    """
    first = checks.integer(first, "first", minimum=1)
    steps = np.abs(np.diff(np.asarray(values, dtype=np.float64)[: first + 1]))
    return float(steps[np.isfinite(steps)].sum())


# -- the runs ---------------------------------------------------------------------------------


def bowl(kappa: float):
    """The valley ``(w² + κ b²)/2``."""
    return objectives.get(OBJECTIVE, condition=float(kappa))


def valley(kappa: float, n: int = GRID) -> Grid:
    """The valley's cost on an ``n × n`` grid over its plotting box."""
    return grid(bowl(kappa), n)


def run_to_target(optimizer, kappa: float) -> tuple[int, int]:
    """``(steps to TARGET, diverged at)`` of ``optimizer`` from START within MAX_STEPS (-1: not)."""
    result = run(optimizer, bowl(kappa), START, MAX_STEPS)
    return steps_to_target(result.loss, TARGET), int(result.diverged_at)


class Runs(NamedTuple):
    """Both runs over ``steps`` updates, recorded at every step."""

    gd: Trajectory
    mom: Trajectory
    g: np.ndarray  # (steps, 2) gradient each momentum update used (row k-1 = g_k)
    g_gd: np.ndarray  # (steps, 2) the same for gradient descent
    v: np.ndarray  # (steps, 2) momentum's velocity after each update (row k-1 = v_k)


def runs(lr: float, beta: float, kappa: float, steps: int) -> Runs:
    """Gradient descent and momentum from START with the same α on the valley of ``kappa``."""
    surface = bowl(kappa)
    plain = run(gd(lr=lr), surface, START, steps)
    mom = run(momentum(lr=lr, beta=beta), surface, START, steps, record_states=True)
    return Runs(
        plain,
        mom,
        step_gradients(surface, mom.params),
        step_gradients(surface, plain.params),
        np.asarray(mom.states.v)[1:],
    )


# -- 1. the update rule with the numbers of step k --------------------------------------------


class Rule(NamedTuple):
    """Section 1: one momentum update written out with its numbers."""

    k: int  # the step asked for
    shown: int  # the step written out: k, or the last finite one before a divergence
    diverged_at: int  # momentum's divergence step (-1: none)
    x_prev: np.ndarray  # x_{k-1}
    x_new: np.ndarray  # x_k
    g: np.ndarray  # g_k
    v_prev: np.ndarray  # v_{k-1}
    v: np.ndarray  # v_k
    kappa: float
    beta: float
    rest: float  # 1 - β
    lr: float
    torch_lr: float  # α(1-β)
    m_move: float  # ‖α·v_k‖: the length of momentum's step
    g_move: float  # ‖α·g_k‖: the step plain descent would take from the same point


def rule(lr: float, beta: float, kappa: float, steps: int, k: int) -> Rule:
    """The update of step ``k`` (clamped to 1 .. steps, and to before a divergence)."""
    r = runs(lr, beta, kappa, steps)
    diverged = int(r.mom.diverged_at)
    k = int(min(max(int(k), 1), steps))
    shown = k if diverged < 0 else max(1, min(k, diverged - 1))
    return Rule(
        k=k,
        shown=shown,
        diverged_at=diverged,
        x_prev=r.mom.params[shown - 1],
        x_new=r.mom.params[shown],
        g=r.g[shown - 1],
        v_prev=np.asarray(r.mom.states.v)[shown - 1],
        v=r.v[shown - 1],
        kappa=float(kappa),
        beta=float(beta),
        rest=1.0 - beta,
        lr=float(lr),
        torch_lr=torch_sgd_lr(lr, beta),
        m_move=float(lr * np.linalg.norm(r.v[shown - 1])),
        g_move=float(lr * np.linalg.norm(r.g[shown - 1])),
    )


# -- 2. the valley ------------------------------------------------------------------------------


class Race(NamedTuple):
    """Section 2: both paths on the valley and their costs."""

    gd_path: np.ndarray  # (steps+1, 2), NaN after a divergence
    m_path: np.ndarray
    gd_loss: np.ndarray  # (steps+1,)
    m_loss: np.ndarray
    gd_diverged: int  # -1: none
    m_diverged: int
    gd_limit: float  # 2/κ
    m_limit: float  # 2(1+β)/((1-β)κ)
    target: float  # TARGET × the starting cost
    first: int  # min(FIRST, steps): the updates the travel covers
    gd_travel: float  # distance covered along b in the first updates
    m_travel: float


def race(lr: float, beta: float, kappa: float, steps: int) -> Race:
    """Gradient descent and momentum over ``steps`` updates, and their stability limits."""
    r = runs(lr, beta, kappa, steps)
    first = min(FIRST, steps)
    return Race(
        gd_path=r.gd.params,
        m_path=r.mom.params,
        gd_loss=r.gd.loss,
        m_loss=r.mom.loss,
        gd_diverged=int(r.gd.diverged_at),
        m_diverged=int(r.mom.diverged_at),
        gd_limit=gd_lr_limit(kappa),
        m_limit=momentum_lr_limit(kappa, beta),
        target=TARGET * float(r.gd.loss[0]),
        first=first,
        gd_travel=travel(r.gd.params[:, 1], first),
        m_travel=travel(r.mom.params[:, 1], first),
    )


class Reach(NamedTuple):
    """Steps to the target within MAX_STEPS (-1: not reached) and divergence steps (-1: none)."""

    gd_steps: int
    gd_diverged: int
    m_steps: int
    m_diverged: int
    verdict: str | None  # "faster", "slower", "only_momentum", or None (neither got there)
    ratio: float  # how many times faster (or slower) momentum is; NaN without a verdict on it


def reach(lr: float, beta: float, kappa: float) -> Reach:
    """How many steps each needs to cut the cost to TARGET of its start."""
    gd_steps, gd_div = run_to_target(gd(lr=lr), kappa)
    m_steps, m_div = run_to_target(momentum(lr=lr, beta=beta), kappa)
    verdict, ratio = None, math.nan
    if gd_steps > 0 and m_steps > 0:
        faster = m_steps <= gd_steps
        verdict = "faster" if faster else "slower"
        ratio = gd_steps / m_steps if faster else m_steps / gd_steps
    elif m_steps > 0:
        verdict = "only_momentum"
    return Reach(gd_steps, gd_div, m_steps, m_div, verdict, ratio)


# -- 2, end: which direction zig-zags --------------------------------------------------------


def zigzag(values) -> float:
    r"""The back-and-forth part of a path along one coordinate: the distance it covered,
    ``Σ_k |x_k − x_{k−1}|``, minus its net progress ``|x_n − x_0|``.

    A path that moves one way only gives 0; a zig-zag gives about twice the swings.
    ``values`` are the recorded positions (record 0 the start).
    """
    values = np.asarray(values, dtype=np.float64)
    if values.ndim != 1 or len(values) < 1:
        raise ValueError("values must be a non-empty 1-D array")
    return max(0.0, float(np.abs(np.diff(values)).sum() - abs(values[-1] - values[0])))


def tips_loss(scale: float = 1.0) -> LinearRegression:
    """The gradient-descent page's cost on the tips data, the bill divided by ``scale``
    (1: dollars, as that page uses it; :data:`HUNDREDS`: hundreds of dollars)."""
    x, y = datasets.tips()
    return LinearRegression(x[:, None] / checks.positive(scale, "scale"), y)


def steep_direction(hessian) -> tuple[np.ndarray, np.ndarray, float]:
    r"""``(eigenvalues (λ_min, λ_max), steep unit eigenvector, its angle to the w axis in
    degrees)`` of a 2 × 2 Hessian. The eigenvector of λ_max is signed to point to w ≥ 0
    (and b ≥ 0 when it lies on the b axis); the angle is 0° along w and 90° along b."""
    lam, vectors = np.linalg.eigh(np.asarray(hessian, dtype=np.float64))
    steep = vectors[:, -1]
    if steep[0] < 0 or (steep[0] == 0 and steep[1] < 0):
        steep = -steep
    angle = math.degrees(math.atan2(abs(steep[1]), abs(steep[0])))
    return lam, steep, angle


class View(NamedTuple):
    """One cost seen from its Hessian, and plain descent on it with α = ZIGZAG/λ_max."""

    hessian: np.ndarray  # (2, 2)
    lam_min: float
    lam_max: float
    condition: float  # λ_max/λ_min
    steep: np.ndarray  # unit eigenvector of λ_max
    angle: float  # degrees between the steep direction and the w axis (0: w, 90: b)
    lr: float  # ZIGZAG/λ_max
    path: np.ndarray  # (ZIGZAG_STEPS + 1, 2)
    zigzag_w: float  # back-and-forth distance along w (:func:`zigzag`)
    zigzag_b: float
    minimum: tuple[float, float]
    grid: Grid


def view(objective, hessian, start, minimum, box) -> View:
    """Plain descent from ``start`` on ``objective`` and what its ``hessian`` says."""
    lam, steep, angle = steep_direction(hessian)
    lr = ZIGZAG / float(lam[-1])
    path = run(gd(lr=lr), objective, np.asarray(start, dtype=np.float64), ZIGZAG_STEPS).params
    return View(
        hessian=np.asarray(hessian, dtype=np.float64),
        lam_min=float(lam[0]),
        lam_max=float(lam[-1]),
        condition=float(lam[-1] / lam[0]),
        steep=steep,
        angle=angle,
        lr=lr,
        path=path,
        zigzag_w=zigzag(path[:, 0]),
        zigzag_b=zigzag(path[:, 1]),
        minimum=(float(minimum[0]), float(minimum[1])),
        grid=grid(objective, DIRECTION_GRID, box),
    )


def _box_around(points, pad: float = 0.15) -> tuple[tuple[float, float], tuple[float, float]]:
    """A plotting box around ``points`` (n, 2), each side padded by ``pad`` of its width."""
    points = np.asarray(points, dtype=np.float64)
    low, high = points.min(axis=0), points.max(axis=0)
    margin = pad * (high - low)
    return tuple(
        (float(lo - m), float(hi + m)) for lo, hi, m in zip(low, high, margin, strict=True)
    )


class Directions(NamedTuple):
    """Section 2, end: which coordinate zig-zags depends on the curvature, not on its name."""

    valley: View  # the page's valley (w² + κ b²)/2: b steep on purpose
    tips: View  # the tips data, bill in dollars: w steep
    m: int  # tables in the tips data
    mean_x2: float  # H[0, 0] of the tips cost: the mean of x², the curvature along w
    mean_x: float  # H[0, 1]: the mean bill in dollars
    hundreds_angle: float  # the steep direction's angle to the w axis with the bill in $100s
    hundreds_off_b: float  # ... and to the b axis: 90° − hundreds_angle
    hundreds_lam: tuple[float, float]  # (λ_min, λ_max) with the bill in $100s


def directions(kappa: float) -> Directions:
    """Plain descent with α = ZIGZAG/λ_max on the valley of ``kappa`` and on the tips cost."""
    valley_box = bowl(kappa).bounds
    textbook = view(bowl(kappa), np.diag([1.0, float(kappa)]), START, (0.0, 0.0), valley_box)
    loss = tips_loss()
    best = loss.optimum()[0]
    hessian = loss.curvature()
    lr = ZIGZAG / float(np.linalg.eigvalsh(hessian)[-1])
    first = run(gd(lr=lr), loss, np.asarray(TIPS_START), ZIGZAG_STEPS).params
    box = _box_around(np.vstack([first, [best], [TIPS_START]]))
    tips = view(loss, hessian, TIPS_START, best, box)
    lam, _, angle = steep_direction(tips_loss(HUNDREDS).curvature())
    return Directions(
        valley=textbook,
        tips=tips,
        m=int(loss.n_samples),
        mean_x2=float(hessian[0, 0]),
        mean_x=float(hessian[0, 1]),
        hundreds_angle=angle,
        hundreds_off_b=90.0 - angle,
        hundreds_lam=(float(lam[0]), float(lam[-1])),
    )


# -- 3. the cancellation ------------------------------------------------------------------------


class Cancellation(NamedTuple):
    """Section 3: per coordinate, the raw gradient against the velocity over the first updates."""

    first: int  # min(FIRST, steps)
    g: np.ndarray  # (steps, 2) momentum's gradients g_k
    v: np.ndarray  # (steps, 2) its velocity v_k
    g_plain: np.ndarray  # (steps, 2) plain descent's gradients
    g_b: float  # mean |g| along b over the first updates
    v_b: float
    g_w: float  # the same along w
    v_w: float
    measured: bool  # the means are numbers (no divergence straight away)
    beta_zero: bool
    flips: int  # sign changes of plain descent's b gradient
    v_flips: int  # sign changes of momentum's b velocity
    calm: bool  # fewer flips than half the updates: no zig-zag to cancel
    ratio: float  # mean |g_b| / mean |v_b| (inf when v_b is 0)
    same: int  # updates where g_w and v_w have the same sign
    ak: float  # ακ
    inv_kappa: float  # 1/κ: plain descent zig-zags once α is above it
    window: float  # 1/(1-β)


def cancellation(lr: float, beta: float, kappa: float, steps: int) -> Cancellation:
    """What averaging does to the steep b and the flat w gradients of the race."""
    r = runs(lr, beta, kappa, steps)
    first = min(FIRST, steps)
    g_b, v_b = mean_abs(r.g[:, 1], first), mean_abs(r.v[:, 1], first)
    g_w, v_w = mean_abs(r.g[:, 0], first), mean_abs(r.v[:, 0], first)
    flips = sign_changes(r.g_gd[:, 1], first)
    return Cancellation(
        first=first,
        g=r.g,
        v=r.v,
        g_plain=r.g_gd,
        g_b=g_b,
        v_b=v_b,
        g_w=g_w,
        v_w=v_w,
        measured=math.isfinite(g_b) and math.isfinite(v_b),
        beta_zero=beta == 0.0,
        flips=flips,
        v_flips=sign_changes(r.v[:, 1], first),
        calm=flips < first // 2,
        ratio=g_b / v_b if v_b > 0 else math.inf,
        same=same_sign(r.g[:, 0], r.v[:, 0], first),
        ak=lr * kappa,
        inv_kappa=1.0 / kappa,
        window=window(beta),
    )


# -- 4. choosing β ------------------------------------------------------------------------------


class Sweep(NamedTuple):
    """Section 4: steps to the target for the sweep's βs and the chosen one."""

    rows: tuple[tuple[float, int, int], ...]  # (β, steps to target, diverged at)
    chosen: float
    window: float  # 1/(1-β) of the chosen β
    best_beta: float | None  # the fastest β that got there (None: none did)
    best_steps: int
    plain_steps: int | None  # β = 0, when it got there
    chosen_steps: int  # the chosen β: steps to the target (-1: not reached)
    chosen_diverged: int  # the chosen β: divergence step (-1: none)
    zero_steps: int  # β = 0, plain descent: steps to the target (-1: not reached)
    zero_diverged: int


def sweep(lr: float, kappa: float, beta: float) -> Sweep:
    """``(β, steps to target, diverged at)`` for SWEEP_BETAS and ``beta``, and the fastest."""
    betas = sorted(set(SWEEP_BETAS) | {float(beta)})
    rows = tuple((b, *run_to_target(momentum(lr=lr, beta=b), kappa)) for b in betas)
    reached = [(b, s) for b, s, d in rows if d < 0 and s >= 0]
    plain = next((s for b, s, d in rows if b == 0.0 and d < 0 and s >= 0), None)
    best_beta, best_steps = min(reached, key=lambda r: r[1]) if reached else (None, -1)
    chosen = next(r[1:] for r in rows if r[0] == float(beta))
    zero = next(r[1:] for r in rows if r[0] == 0.0)
    return Sweep(rows, float(beta), window(beta), best_beta, best_steps, plain, *chosen, *zero)
