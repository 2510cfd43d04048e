r"""The optimizer race: six optimizers from one start, with one shared or each its own rate.

Racers (:data:`RACERS`) and their fixed hyperparameters (:data:`BETA`, :data:`BETA2`,
:data:`EPS`)::

    gd         x ← x − α·g
    momentum   v ← β·v + (1−β)·g;  x ← x − α·v                  (β = 0.9)
    nesterov   the same, g taken at x − α·β·v                    (β = 0.9)
    rmsprop    s ← β·s + (1−β)·g²;  x ← x − α·g/(√s + ε)        (β = 0.9: a short memory)
    adagrad    s ← s + g²;  x ← x − α·g/(√s + ε)
    adam       momentum's v and RMSprop's s, bias-corrected     (β₁ = 0.9, β₂ = 0.999)

all with ε = 1e-8. The learning rate of step k is ``α·c(t)`` (``t = k − 1``; ``c`` from
:mod:`optim_core.schedules`, 1 without a schedule).

**Rates.** ``lr_mode = "shared"`` gives every racer the same α. ``"tuned"`` gives each
its own best α from the grid :data:`RATES` (seven rates 1e-3 … 1, about ×3 apart),
searched on this surface, from this start, with this schedule and number of steps:
one run per racer steps all seven rates at once (one start per rate, the rate as a
per-start factor of the schedule). The best rate is the one that ranks first by the
race's own rule (below): it does not diverge, it *arrives* soonest, and among rates that
never arrive the lowest final loss wins; exact ties go to the smaller rate, and if every
rate diverges the one that lasted longest is kept (and reported as diverged).

**Arrival.** A racer has arrived at the first step from which it stays within tolerance
until the end of the run, held for at least one step (a path that only flies past the
target does not count, nor one still falling at the very last step of a function without
a minimum):

- on a surface with known minima (``objective.minima``, e.g. every built-in one but the
  saddle) within :data:`DISTANCE_TOL` = 0.01 of the nearest known minimum;
- otherwise (a function the user typed) within :data:`VALUE_TOL` = 1e-4 of the drop from
  the start to the best value any racer found: ``f − f_best <= 1e-4·(f(start) − f_best)``
  (scale-free: it does not change when f is multiplied by a number or shifted).

A racer that diverges (the rule of :func:`optim_core.run`) never arrives.

**Winner.** Racers are ranked by: not diverged first (the diverged last, the later
divergence first); arrival step (sooner first; never last); final loss (lower first);
their order in ``racers``. The winner is the first of
that ranking unless it diverged (then there is none).

One function per page section: :func:`board` (the contour map, the grid of clickable
starts and the known minima), :func:`race` (the race), :func:`fairness` (the winner with
one shared rate and with each its own best rate), :func:`settling` (a schedule lets
RMSprop settle instead of jittering), and the start helpers :func:`clamp_start`,
:func:`click_grid` and :func:`snap_start`. Everything is float64 inside; paths come back
as float32. Results are NamedTuples of numbers, arrays and tuples (picklable).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import checks, objectives, optimizers, schedules
from optim_core.lessons import Grid, grid
from optim_core.trajectory import run

RACERS = ("gd", "momentum", "nesterov", "rmsprop", "adagrad", "adam")
BETA = 0.9  # momentum's and Nesterov's β, RMSprop's β, Adam's β₁
BETA2 = 0.999  # Adam's β₂
EPS = 1e-8
RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)  # the tuned-rate grid
LR_MODES = ("shared", "tuned")
LR = 0.01  # the page's default shared rate
STEPS = 300  # the page's default number of steps
MAX_STEPS = 5000
DISTANCE_TOL = 1e-2  # arrived: within this distance of a known minimum (and staying)
VALUE_TOL = 1e-4  # arrived (no known minima): within this share of the drop to the best value
GRID = 80  # points per side of the contour map
CLICK_GRID = 41  # clickable starts per side
LOG_SPREAD = 5.0  # log-spaced contours when max(f − f_min) > LOG_SPREAD·median(f − f_min)


# -- input checks ------------------------------------------------------------------------------


Box = tuple[tuple[float, float], tuple[float, float]]


def check_box(box) -> Box:
    """``((x_low, x_high), (y_low, y_high))`` as floats, finite, each low < high."""
    try:
        (x0, x1), (y0, y1) = box
        values = [float(v) for v in (x0, x1, y0, y1)]
    except (TypeError, ValueError):
        raise ValueError(
            f"the box must be ((x_low, x_high), (y_low, y_high)), got {box!r}"
        ) from None
    if not all(np.isfinite(values)):
        raise ValueError(f"the box must be finite, got {box!r}")
    x0, x1, y0, y1 = values
    if not (x0 < x1 and y0 < y1):
        raise ValueError(f"each side of the box must have low < high, got {box!r}")
    return ((x0, x1), (y0, y1))


def check_point(point, name: str = "start") -> tuple[float, float]:
    """A point ``(x, y)`` of two finite numbers."""
    try:
        x, y = point
        x, y = float(x), float(y)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be two numbers (x, y), got {point!r}") from None
    if not (np.isfinite(x) and np.isfinite(y)):
        raise ValueError(f"{name} must be finite, got {point!r}")
    return (x, y)


def _objective(objective):
    if isinstance(objective, str):
        return objectives.get(objective)
    if not (
        callable(getattr(objective, "value", None)) and callable(getattr(objective, "grad", None))
    ):
        raise ValueError("the objective needs value(x) and grad(x) methods on points (..., 2)")
    return objective


def _box_of(objective, box) -> Box:
    if box is None:
        box = getattr(objective, "bounds", None)
        if box is None:
            raise ValueError("give a box ((x_low, x_high), (y_low, y_high)) for this objective")
    return check_box(box)


def _schedule(schedule):
    if schedule is None:
        return schedules.constant()
    if isinstance(schedule, str):
        return schedules.get(schedule)
    if not callable(getattr(schedule, "factors", None)):
        raise ValueError(f"the schedule must come from optim_core.schedules, got {schedule!r}")
    return schedule


def _racers(racers) -> tuple[str, ...]:
    names = (racers,) if isinstance(racers, str) else tuple(racers)
    unknown = [n for n in names if n not in RACERS]
    if unknown or not names:
        raise ValueError(f"choose racers among {', '.join(RACERS)}; got {names!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"each racer may run once; got {names!r}")
    return names


def known_minima(objective) -> tuple[tuple[float, float], ...]:
    """The objective's known minima (``objective.minima``: items with ``.point`` or pairs);
    empty when it has none (a typed function, the saddle)."""
    found = []
    for m in getattr(objective, "minima", None) or ():
        p = np.asarray(getattr(m, "point", m), dtype=np.float64).reshape(-1)
        if p.shape == (2,) and np.all(np.isfinite(p)):
            found.append((float(p[0]), float(p[1])))
    return tuple(found)


def make_optimizer(name: str, lr: float):
    """Racer ``name`` with learning rate ``lr`` and the race's fixed β's and ε."""
    if name == "gd":
        return optimizers.gd(lr)
    if name == "momentum":
        return optimizers.momentum(lr, BETA)
    if name == "nesterov":
        return optimizers.nesterov(lr, BETA)
    if name == "rmsprop":
        return optimizers.rmsprop(lr, BETA, EPS)
    if name == "adagrad":
        return optimizers.adagrad(lr, EPS)
    if name == "adam":
        return optimizers.adam(lr, BETA, BETA2, EPS)
    raise ValueError(f"unknown racer {name!r}; choose one of: {', '.join(RACERS)}")


# -- starts ------------------------------------------------------------------------------------


def clamp_start(point, box) -> tuple[float, float]:
    """``point`` moved to the nearest point of ``box`` (unchanged when inside)."""
    (x0, x1), (y0, y1) = check_box(box)
    x, y = check_point(point)
    return (min(max(x, x0), x1), min(max(y, y0), y1))


class ClickGrid(NamedTuple):
    """The invisible grid of clickable starts laid over the contour map."""

    xs: np.ndarray  # (n,) float64, from the box's low x to its high x
    ys: np.ndarray  # (n,)
    points: np.ndarray  # (n·n, 2) float32, x fastest: points[j·n + i] = (xs[i], ys[j])


def _axis(low: float, high: float, n: int) -> np.ndarray:
    # rounded so that a snapped start prints cleanly (0.3, not 0.30000000000000004)
    return np.round(np.linspace(low, high, n), 10)


def click_grid(box, n: int = CLICK_GRID) -> ClickGrid:
    """An ``n × n`` grid of starts over ``box`` (corners included)."""
    (x0, x1), (y0, y1) = check_box(box)
    n = checks.integer(n, "n", minimum=2)
    xs, ys = _axis(x0, x1, n), _axis(y0, y1, n)
    points = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2).astype(np.float32)
    return ClickGrid(xs, ys, points)


def snap_start(point, box, n: int = CLICK_GRID) -> tuple[float, float]:
    """The node of :func:`click_grid` nearest ``point`` (a click outside snaps to the edge)."""
    (x0, x1), (y0, y1) = check_box(box)
    n = checks.integer(n, "n", minimum=2)
    x, y = check_point(point)
    i = int(np.clip(np.rint((x - x0) / (x1 - x0) * (n - 1)), 0, n - 1))
    j = int(np.clip(np.rint((y - y0) / (y1 - y0) * (n - 1)), 0, n - 1))
    return (float(_axis(x0, x1, n)[i]), float(_axis(y0, y1, n)[j]))


# -- the map -----------------------------------------------------------------------------------


class Board(NamedTuple):
    """The contour map's data: the surface on a grid, the clickable starts and the minima."""

    grid: (
        Grid  # xs (n,), ys (n,), z (n, n) float32, z[j, i] = f(xs[i], ys[j]) (NaN where undefined)
    )
    box: Box
    clicks: ClickGrid
    minima: tuple[tuple[float, float], ...]  # known minima inside the box
    log_scale: bool  # the values span orders of magnitude: log-spaced contours


def log_contours(z) -> bool:
    """True when ``max(f − f_min) > LOG_SPREAD·median(f − f_min)`` over the finite values:
    a few steep walls would squeeze linear contours into them (Rosenbrock, Beale,
    Himmelblau; not the bowls)."""
    z = np.asarray(z, dtype=np.float64)
    z = z[np.isfinite(z)]
    if z.size == 0:
        return False
    spread = z - z.min()
    median = float(np.median(spread))
    return bool(spread.max() > LOG_SPREAD * median) if median > 0 else False


def _float32(values: np.ndarray) -> np.ndarray:
    """``values`` as float32; beyond float32's range (a path far out before it diverges) ±inf."""
    with np.errstate(over="ignore"):
        return np.asarray(values).astype(np.float32)


def board(objective, box=None, n: int = GRID) -> Board:
    """The surface sampled on ``n × n`` points over ``box`` (default: its own bounds)."""
    f = _objective(objective)
    box = _box_of(f, box)
    n = checks.integer(n, "n", minimum=2)
    with np.errstate(all="ignore"):
        g = grid(f, n, box)
        z = np.asarray(g.z, dtype=np.float64)
    z = np.where(np.isfinite(z) & (np.abs(z) <= np.finfo(np.float32).max), z, np.nan)
    (x0, x1), (y0, y1) = box
    inside = tuple(m for m in known_minima(f) if x0 <= m[0] <= x1 and y0 <= m[1] <= y1)
    return Board(
        Grid(g.xs, g.ys, z.astype(np.float32)),
        box,
        click_grid(box),
        inside,
        log_contours(z),
    )


# -- the race ----------------------------------------------------------------------------------


class Tuning(NamedTuple):
    """How one racer's rate was picked: every rate of the grid, run on the same setting."""

    rates: tuple[float, ...]  # RATES
    arrived_at: tuple[int | None, ...]  # per rate: the step it arrived (None: never)
    final_loss: tuple[float, ...]  # per rate (NaN: diverged)
    diverged_at: tuple[int, ...]  # per rate (-1: never)
    chosen: int  # index of the rate picked


class Racer(NamedTuple):
    """One racer's run."""

    name: str
    lr: float  # its α: the shared rate, or its pick from RATES
    alpha: np.ndarray  # (steps,) the learning rate of steps 1 … steps: α·c(t)
    path: np.ndarray  # (steps + 1, 2) float32, row 0 the start; NaN from the divergence on
    loss: np.ndarray  # (steps + 1,) float64; NaN from the divergence on
    diverged_at: int  # -1: never
    final_loss: float  # NaN when it diverged
    distance: np.ndarray | None  # (steps + 1,) to the nearest known minimum (None: none known)
    arrived_at: int | None  # the step it arrived (see the module's rule), None: never
    left_box_at: int  # first step outside the box (-1: it stayed inside)
    end_minimum: tuple[float, float] | None  # the known minimum nearest its last finite point
    tuning: Tuning | None  # None in the shared mode


class Race(NamedTuple):
    """The race, as the map, the charts, the table and the sentences show it."""

    racers: tuple[Racer, ...]  # in the order asked
    start: tuple[float, float]
    box: Box
    steps: int
    lr_mode: str  # "shared" or "tuned"
    lr: float  # the shared rate (the racers' α in the shared mode)
    schedule: str  # the schedule's name ("constant" without one)
    factors: np.ndarray  # (steps,) c(t) of steps 1 … steps
    target: str  # "minimum": distance to a known minimum; "best": value vs the best found
    tolerance: float  # DISTANCE_TOL or VALUE_TOL
    minima: tuple[tuple[float, float], ...]  # the known minima (empty when target == "best")
    start_value: float  # f(start)
    best_value: float  # lowest loss any racer that did not diverge reached (NaN: all diverged)
    ranking: tuple[str, ...]  # every racer, by the winner rule
    winner: str | None  # ranking[0], unless it diverged
    winner_arrived: bool  # the winner arrived (False: it only ended lowest)
    chosen: dict[str, float]  # racer -> its α

    def racer(self, name: str) -> Racer:
        """The racer called ``name``."""
        return next(r for r in self.racers if r.name == name)


def _arrivals(within: np.ndarray) -> np.ndarray:
    """First index from which each column of ``within`` (rows = steps 0 … n) stays True, if
    that is before the last step (held for at least one step); -1: never."""
    n = within.shape[0]
    out = np.zeros(within.shape[1], dtype=np.int64)
    bad = ~within
    any_bad = bad.any(axis=0)
    last_bad = n - 1 - np.argmax(bad[::-1], axis=0)
    out[any_bad] = last_bad[any_bad] + 1
    out[out >= n - 1] = -1
    return out


def _distance(params: np.ndarray, minima) -> np.ndarray:
    """Distance of points ``(..., 2)`` to the nearest of ``minima`` (NaN for NaN points)."""
    m = np.asarray(minima, dtype=np.float64)
    diff = params[..., None, :] - m
    return np.sqrt(np.min(np.sum(diff * diff, axis=-1), axis=-1))


def _value_within(loss: np.ndarray, start_value: float, best: float) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return loss - best <= VALUE_TOL * max(start_value - best, 0.0)


def _best(loss: np.ndarray, diverged_at: np.ndarray) -> float:
    kept = loss[:, diverged_at < 0]
    return float(np.min(kept)) if kept.size else float("nan")


def _rank_key(arrived: int, final: float, diverged: int, position: int):
    return (
        diverged >= 0,
        -diverged if diverged >= 0 else 0,  # among the diverged, the later first
        arrived < 0,
        arrived,
        final if np.isfinite(final) else np.inf,
        position,
    )


def _left_box(path: np.ndarray, box: Box) -> int:
    (x0, x1), (y0, y1) = box
    with np.errstate(invalid="ignore"):
        out = (path[:, 0] < x0) | (path[:, 0] > x1) | (path[:, 1] < y0) | (path[:, 1] > y1)
    hit = np.flatnonzero(out)
    return int(hit[0]) if hit.size else -1


def _nearest(minima, path: np.ndarray) -> tuple[float, float] | None:
    """The minimum nearest the last finite point of ``path`` (None: no minima, no point)."""
    finite = path[np.all(np.isfinite(path), axis=1)]
    if not minima or not len(finite):
        return None
    gap = np.asarray(minima, dtype=np.float64) - finite[-1]
    return minima[int(np.argmin(np.sum(gap * gap, axis=-1)))]


def _runs(f, names, start, rates: np.ndarray, factors: np.ndarray, steps: int):
    """Every racer from ``start`` with every rate, as one run: racer k's group of starts
    (one per rate) is stepped by its optimizer with ``lr = 1`` and the per-start factors
    ``rate·c(t)``, so start (k, i) runs racer k at the rate ``rates[i]·c(t)``. Returns
    params ``(steps + 1, racers, rates, 2)``, loss ``(steps + 1, racers, rates)`` and
    diverged_at ``(racers, rates)``."""
    k = len(rates)
    grouped = optimizers.Grouped(tuple((make_optimizer(name, 1.0), k) for name in names))
    x0 = np.repeat(np.asarray(start, dtype=np.float64)[None, :], len(names) * k, axis=0)
    per_start = np.tile(rates, len(names))
    traj = run(grouped, f, x0, steps, schedule=factors[:, None] * per_start[None, :])
    n = steps + 1
    return (
        traj.params.reshape(n, len(names), k, 2),
        traj.loss.reshape(n, len(names), k),
        traj.diverged_at.reshape(len(names), k),
    )


def race(
    objective,
    box,
    start,
    racers=RACERS,
    lr_mode: str = "shared",
    lr: float = LR,
    schedule=None,
    steps: int = STEPS,
) -> Race:
    """Race ``racers`` from ``start`` on ``objective`` (an object with ``value``/``grad``,
    or a built-in surface's name) for ``steps`` steps. ``box`` is the plotted area (None:
    the objective's ``bounds``); ``schedule`` an :mod:`optim_core.schedules` schedule, its
    name, or None (constant). Rates: see the module's docstring."""
    f = _objective(objective)
    box = _box_of(f, box)
    start = check_point(start)
    names = _racers(racers)
    if lr_mode not in LR_MODES:
        raise ValueError(f"lr_mode must be 'shared' or 'tuned', got {lr_mode!r}")
    lr = checks.positive(lr, "lr")
    sched = _schedule(schedule)
    steps = checks.integer(steps, "steps", minimum=1)
    if steps > MAX_STEPS:
        raise ValueError(f"steps must be <= {MAX_STEPS}, got {steps}")
    factors = np.asarray(sched.factors(steps), dtype=np.float64)
    minima = known_minima(f)
    rates = np.asarray(RATES if lr_mode == "tuned" else (lr,), dtype=np.float64)

    with np.errstate(all="ignore"):
        start_value = float(np.asarray(f.value(np.asarray(start)), dtype=np.float64))
    if not np.isfinite(start_value):
        raise ValueError(f"the function has no finite value at the start {start}")

    target = "minimum" if minima else "best"
    # every racer with every rate in one run, then per racer the rate the rule ranks first
    params, loss, diverged = _runs(f, names, start, rates, factors, steps)
    dist = _distance(params, minima) if minima else None  # (steps + 1, racers, rates)
    if dist is not None:
        with np.errstate(invalid="ignore"):
            arrived = _arrivals((dist <= DISTANCE_TOL).reshape(steps + 1, -1))
    else:  # against the best value each racer's own rates found
        arrived = np.concatenate(
            [
                _arrivals(_value_within(loss[:, j], start_value, _best(loss[:, j], diverged[j])))
                for j in range(len(names))
            ]
        )
    arrived = arrived.reshape(len(names), len(rates))
    pick = [
        min(
            range(len(rates)),
            key=lambda i, j=j: _rank_key(
                int(arrived[j, i]), float(loss[-1, j, i]), int(diverged[j, i]), i
            ),
        )
        for j in range(len(names))
    ]
    cols = (np.arange(len(names)), np.array(pick))
    best = _best(loss[:, cols[0], cols[1]], diverged[cols])
    if dist is None:  # arrival against the best value of the whole race
        final_arrived = _arrivals(_value_within(loss[:, cols[0], cols[1]], start_value, best))
    else:
        final_arrived = arrived[cols]

    out = []
    for j, name in enumerate(names):
        i = pick[j]
        path = params[:, j, i]
        tuning = None
        if lr_mode == "tuned":
            tuning = Tuning(
                RATES,
                tuple(int(a) if a >= 0 else None for a in arrived[j]),
                tuple(float(v) for v in loss[-1, j]),
                tuple(int(d) for d in diverged[j]),
                i,
            )
        arr = int(final_arrived[j])
        out.append(
            Racer(
                name,
                float(rates[i]),
                float(rates[i]) * factors,
                _float32(path),
                loss[:, j, i].copy(),
                int(diverged[j, i]),
                float(loss[-1, j, i]),
                None if dist is None else dist[:, j, i].copy(),
                None if arr < 0 else arr,
                _left_box(path, box),
                _nearest(minima, path),
                tuning,
            )
        )
    keys = {
        r.name: _rank_key(
            -1 if r.arrived_at is None else r.arrived_at, r.final_loss, r.diverged_at, k
        )
        for k, r in enumerate(out)
    }
    ranking = tuple(sorted(names, key=keys.__getitem__))
    first = next(r for r in out if r.name == ranking[0])
    winner = first.name if first.diverged_at < 0 else None
    return Race(
        tuple(out),
        start,
        box,
        steps,
        lr_mode,
        lr,
        getattr(sched, "name", type(sched).__name__),
        factors,
        target,
        DISTANCE_TOL if target == "minimum" else VALUE_TOL,
        minima if target == "minimum" else (),
        start_value,
        best,
        ranking,
        winner,
        winner is not None and first.arrived_at is not None,
        {r.name: r.lr for r in out},
    )


# -- fairness: one rate for all, or each its own -----------------------------------------------


class Fairness(NamedTuple):
    """The same race with one shared rate and with each racer's own best rate."""

    shared_winner: str | None
    tuned_winner: str | None
    changed: bool  # the two winners differ
    shared_lr: float
    tuned_lrs: dict[str, float]  # racer -> its best rate
    shared_arrived: dict[str, int | None]  # racer -> arrival step with the shared rate
    tuned_arrived: dict[str, int | None]  # and with its own rate
    shared_final: dict[str, float]  # racer -> final loss
    tuned_final: dict[str, float]


def compare(shared: Race, tuned: Race) -> Fairness:
    """:class:`Fairness` of two races already run (shared mode first, then tuned)."""
    if shared.lr_mode != "shared" or tuned.lr_mode != "tuned":
        raise ValueError("compare(shared, tuned) needs a shared-rate race and a tuned one")
    return Fairness(
        shared.winner,
        tuned.winner,
        shared.winner != tuned.winner,
        shared.lr,
        dict(tuned.chosen),
        {r.name: r.arrived_at for r in shared.racers},
        {r.name: r.arrived_at for r in tuned.racers},
        {r.name: r.final_loss for r in shared.racers},
        {r.name: r.final_loss for r in tuned.racers},
    )


def fairness(
    objective, box, start, racers=RACERS, lr: float = LR, schedule=None, steps: int = STEPS
) -> Fairness:
    """The race with the shared rate ``lr`` and with tuned rates, compared."""
    args = (objective, box, start, racers)
    return compare(
        race(*args, "shared", lr, schedule, steps), race(*args, "tuned", lr, schedule, steps)
    )


#: A setting where the winner changes between one shared rate (0.01) and each racer's own
#: best rate (which racers win is read from the run; a test checks that they differ).
FAIRNESS_CASE = {"objective": "elongated_bowl", "start": (-2.5, 1.5), "lr": 0.01, "steps": 300}


def fairness_case() -> Fairness:
    """:func:`fairness` on :data:`FAIRNESS_CASE` with all racers and no schedule."""
    c = FAIRNESS_CASE
    return fairness(c["objective"], None, c["start"], RACERS, c["lr"], None, c["steps"])


# -- a schedule lets a jittering racer settle --------------------------------------------------


class Settling(NamedTuple):
    """One racer near the minimum at a constant rate and with a decaying one."""

    objective: str
    start: tuple[float, float]
    racer: str
    lr: float
    steps: int
    tail: int  # the jitter is measured over the last ``tail`` steps
    schedule: str  # the decaying schedule's name
    final_rate: float  # its rate at the last step, α·c(steps − 1)
    minimum: tuple[float, float]
    constant_distance: np.ndarray  # (steps + 1,) distance to the minimum, constant rate
    decayed_distance: np.ndarray  # (steps + 1,) with the schedule
    constant_final: float  # the final distances
    decayed_final: float
    constant_jitter: float  # the largest distance over the last ``tail`` steps
    decayed_jitter: float
    ratio: float  # constant_jitter / decayed_jitter: how many times calmer the decay ends
    expected_jitter: float  # RMSprop's 2-cycle at a constant rate on the bowl: α/√2 (below)


#: The default case: RMSprop on the round bowl. At a constant rate it ends in a 2-cycle
#: x ↔ −x per coordinate with s → x², so each step has length α·|x|/|x| = α = 2|x|: every
#: coordinate jitters at ±α/2 and the distance to the minimum stays α/√2 for ever.
#: Exponential decay γ = 0.98 shrinks the rate 400-fold over the run and the jitter with it.
SETTLING_CASE = {
    "objective": "bowl",
    "start": (1.5, -1.0),
    "racer": "rmsprop",
    "lr": 0.1,
    "schedule": schedules.exponential(0.98),
    "steps": 300,
    "tail": 50,
}


def settling(
    objective="bowl",
    start=(1.5, -1.0),
    racer: str = "rmsprop",
    lr: float = 0.1,
    schedule=SETTLING_CASE["schedule"],
    steps: int = 300,
    tail: int = 50,
) -> Settling:
    """``racer`` on ``objective`` (with a known minimum) at a constant rate and with
    ``schedule``: the distance to the nearest minimum over the run, and its jitter at
    the end. Defaults: :data:`SETTLING_CASE`."""
    f = _objective(objective)
    start = check_point(start)
    sched = _schedule(schedule)
    lr = checks.positive(lr, "lr")
    steps = checks.integer(steps, "steps", minimum=1)
    tail = checks.integer(tail, "tail", minimum=1)
    if tail > steps:
        raise ValueError(f"tail must be <= steps ({steps}), got {tail}")
    minima = known_minima(f)
    if not minima:
        raise ValueError("the settling lesson needs a surface with a known minimum")
    opt = make_optimizer(racer, lr)
    flat = run(opt, f, np.asarray(start), steps)
    decayed = run(opt, f, np.asarray(start), steps, schedule=sched)
    d_flat = _distance(flat.params, minima)
    d_decay = _distance(decayed.params, minima)
    minimum = _nearest(minima, decayed.params) or minima[0]
    jitter_flat = float(np.max(d_flat[-tail:]))
    jitter_decay = float(np.max(d_decay[-tail:]))
    return Settling(
        objective if isinstance(objective, str) else getattr(f, "name", "objective"),
        start,
        racer,
        lr,
        steps,
        tail,
        getattr(sched, "name", type(sched).__name__),
        float(lr * sched.factors(steps)[-1]),
        minimum,
        d_flat,
        d_decay,
        float(d_flat[-1]),
        float(d_decay[-1]),
        jitter_flat,
        jitter_decay,
        jitter_flat / jitter_decay if jitter_decay > 0 else float("inf"),
        lr / np.sqrt(2.0),
    )
