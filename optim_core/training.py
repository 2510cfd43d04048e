r"""Mini-batch training of a linear model on data, measured in steps, examples and seconds.

The input :math:`X` is an :math:`m \times n` matrix (m examples, n features). The gradient of
the full-data cost sums over all m rows, e.g. for least squares

.. math::  \frac{\partial C}{\partial w_j}
           = \frac{1}{m} \sum_{i=1}^{m} (w \cdot x^{(i)} + b - y^{(i)})\, x^{(i)}_j .

Mini-batch gradient descent replaces that sum by one over a batch :math:`B_t` of
:math:`|B_t|` rows, drawn from a fresh shuffle every epoch
(:func:`optim_core.batches.minibatches`):

.. math::  g_{B_t} = \frac{1}{|B_t|} \sum_{i \in B_t} (w \cdot x^{(i)} + b - y^{(i)})\,
           (x^{(i)}, 1), \qquad p_{t} = p_{t-1} + \mathrm{update}(g_{B_t}) .

``batch_size = m`` is batch gradient descent, ``batch_size = 1`` is stochastic gradient
descent (SGD). One epoch is ``ceil(m / batch_size)`` steps and processes exactly m examples.

:func:`train` runs any optimizer with pure ``init``/``update`` (``optim_core.gd(lr)``, ...)
and records, besides the :class:`~optim_core.trajectory.Trajectory` of full-data costs, how
many examples each step had processed and the wall-clock time spent on training (gradient
and update only: the full-data cost evaluated for the record is monitoring and is not
timed). :func:`sweep_batch_size` measures, for one batch size and a grid of learning rates,
the time of one epoch and the time until the full-data cost first comes within
``rel`` (1 %) of the optimum:

.. math::  C(p_t) - C^\star \le \mathrm{rel}\cdot C^\star ,

with :math:`C^\star` from ``loss.optimum()`` (closed-form least squares, or Newton's method
for the L2-regularized logistic regression). numpy only.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable
from contextlib import contextmanager
from typing import NamedTuple

import numpy as np

from optim_core import checks, losses
from optim_core.batches import batches_per_epoch, minibatches
from optim_core.optimizers import gd
from optim_core.trajectory import Trajectory, record_steps

__all__ = [
    "BatchGradient",
    "LrTrial",
    "SweepPoint",
    "TrainingRun",
    "batch_at",
    "cost_grid",
    "examples_after",
    "first_within",
    "sweep_batch_size",
    "sweep_sizes",
    "target_cost",
    "time_epoch",
    "train",
]


@contextmanager
def _no_gc():
    """Pause Python's garbage collector while timing, as ``timeit`` does."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


# -- the batch gradient ------------------------------------------------------------------------
class BatchGradient:
    r"""Fast mini-batch gradient of a :class:`~optim_core.losses.LinearRegression` or
    :class:`~optim_core.losses.LogisticRegression` at one parameter vector.

    Same numbers as ``loss.grad(p, idx)`` (a test checks it) without the argument checks,
    which would cost more than the arithmetic for a batch of one row. With
    :math:`A = [X, 1]` kept once, a batch gradient is
    :math:`\frac{1}{|B|} A_B^\top\, \ell'(A_B p, y_B)` (plus :math:`\lambda (w, 0)` for the
    logistic loss). ``idx=None`` is the full data, computed by ``loss.grad`` itself.
    """

    def __init__(self, loss):
        if not isinstance(loss, (losses.LinearRegression, losses.LogisticRegression)):
            raise ValueError(
                f"mini-batch training needs a LinearRegression or LogisticRegression loss, "
                f"got {type(loss).__name__}"
            )
        self.loss = loss
        self.A = np.column_stack([loss.X, np.ones(loss.n_samples)])
        self.y = loss.y
        self.logistic = isinstance(loss, losses.LogisticRegression)
        self.l2 = float(loss.l2) if self.logistic else 0.0
        self._mask = np.ones(loss.dim)
        self._mask[-1] = 0.0  # the bias is not penalized

    def __call__(self, p: np.ndarray, idx: np.ndarray | None) -> np.ndarray:
        if idx is None:
            return self.loss.grad(p)
        A = self.A[idx]
        z = A @ p
        if self.logistic:
            s = 1.0 - 2.0 * self.y[idx]
            with np.errstate(over="ignore", under="ignore"):
                dz = s / (1.0 + np.exp(-s * z))  # s * sigmoid(s z), the loss derivative
            g = dz @ A / len(idx)
            if self.l2:
                g += self.l2 * self._mask * p
            return g
        return (z - self.y[idx]) @ A / len(idx)


# -- counting ----------------------------------------------------------------------------------
def examples_after(steps, m: int, batch_size: int) -> np.ndarray:
    """Examples processed after each number of steps in ``steps`` (0 = the start).

    Epoch ``e`` (counted from 0) holds ``ceil(m / batch_size)`` steps; step ``k`` of it
    (1-based) has seen ``e·m + min(k·batch_size, m)`` examples in total, so the short last
    batch of an epoch counts only its own rows.
    """
    nb = batches_per_epoch(m, batch_size)
    steps = np.asarray(steps, dtype=np.int64)
    epoch, k = np.divmod(steps, nb)
    return epoch * m + np.minimum(k * batch_size, m)


def target_cost(optimum: float, rel: float = 0.01) -> float:
    r"""The cost to reach: :math:`C^\star + \mathrm{rel}\cdot|C^\star|`.

    A zero optimum (a perfect fit) would make the target unreachable in floating point, so
    the tolerance never drops below ``1e-12·rel``.
    """
    rel = checks.positive(rel, "rel")
    return float(optimum + rel * max(abs(float(optimum)), 1e-12))


def first_within(costs, optimum: float, rel: float = 0.01) -> int:
    """Index of the first cost with ``cost − optimum ≤ rel·optimum``, or -1 if none.

    NaN costs (a diverged run) never count as reached.
    """
    costs = np.asarray(costs, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        hit = np.flatnonzero(costs <= target_cost(optimum, rel))
    return int(hit[0]) if hit.size else -1


def batch_at(m: int, batch_size: int, seed, step: int) -> np.ndarray:
    """Row indices of update step ``step`` (1-based) of ``minibatches(m, batch_size, ·, seed)``.

    Replays the same seeded stream :func:`train` uses, so a page can show which rows step
    ``step`` used without keeping every batch.
    """
    step = checks.integer(step, "step", minimum=1)
    nb = batches_per_epoch(m, batch_size)
    stream = minibatches(m, batch_size, -(-step // nb), seed)
    for _ in range(step - 1):
        next(stream)
    return next(stream)


# -- training ----------------------------------------------------------------------------------
class TrainingRun(NamedTuple):
    """What :func:`train` leaves behind (R records, E epochs).

    trajectory:     ``Trajectory`` with params ``(R, d)``, full-data cost ``loss (R,)``,
                    ``diverged_at`` (0-d, -1 if never) and ``steps (R,)`` (0 = start)
    examples:       ``(R,)`` examples processed at each record
    seconds:        ``(R,)`` measured training time (gradient + update) up to each record
    epoch_loss:     ``(E+1,)`` full-data cost at the start and after each epoch
    epoch_seconds:  ``(E,)`` measured training time of each epoch
    batch_size, m:  the batch size and the number of rows
    """

    trajectory: Trajectory
    examples: np.ndarray
    seconds: np.ndarray
    epoch_loss: np.ndarray
    epoch_seconds: np.ndarray
    batch_size: int
    m: int

    @property
    def steps_per_epoch(self) -> int:
        return batches_per_epoch(self.m, self.batch_size)


def train(
    loss,
    optimizer,
    x0,
    batch_size: int,
    epochs: int,
    seed,
    *,
    record_every: int = 1,
    max_steps: int | None = None,
    blowup: float = 1e6,
    margin: float = 1.0,
) -> TrainingRun:
    r"""Train ``loss`` with ``optimizer`` on mini-batches of ``batch_size`` rows.

    Each step takes the next index array of
    ``minibatches(m, batch_size, epochs, seed)`` (a fresh shuffle every epoch), computes the
    batch gradient :math:`g_{B_t}` and applies ``optimizer.update``. When a batch holds every
    row (``batch_size == m``) the gradient is ``loss.grad(p)`` on the rows in their original
    order — the shuffle cannot change an average — so the run is batch gradient descent,
    step for step the same as ``optim_core.run(gd(lr), loss, x0, epochs)``.

    The full-data cost is recorded at step 0, every ``record_every`` steps, the last step and
    after every epoch. A run *diverges* when a recorded cost is not finite or exceeds
    ``blowup·(|C(x0)| + margin)`` (the rule of ``optim_core.run``); it stops there and the
    remaining records are NaN. ``max_steps`` stops early (for replaying a run up to a step).
    Only the gradient and update work is timed (``time.perf_counter``), not the recording;
    the garbage collector is paused meanwhile, as ``timeit`` does.
    """
    grad = BatchGradient(loss)
    m = loss.n_samples
    batch_size = checks.integer(batch_size, "batch_size", minimum=1)
    if batch_size > m:
        raise ValueError(f"batch_size must be <= m = {m} (the number of rows), got {batch_size}")
    epochs = checks.integer(epochs, "epochs", minimum=1)
    record_every = checks.integer(record_every, "record_every", minimum=1)
    nb = batches_per_epoch(m, batch_size)
    total = epochs * nb
    if max_steps is not None:
        total = min(total, checks.integer(max_steps, "max_steps", minimum=0))
    p = np.array(x0, dtype=np.float64)
    if p.shape != (loss.dim,):
        raise ValueError(f"x0 must have shape ({loss.dim},), got {p.shape}")
    if not np.all(np.isfinite(p)):
        raise ValueError("x0 must be finite")

    kept = record_steps(total, record_every)
    record_at = {int(s): i for i, s in enumerate(kept)}
    params = np.full((len(kept), loss.dim), np.nan)
    costs = np.full(len(kept), np.nan)
    seconds = np.full(len(kept), np.nan)
    n_epochs_run = -(-total // nb)
    epoch_loss = np.full(n_epochs_run + 1, np.nan)
    epoch_seconds = np.full(n_epochs_run, np.nan)

    cost0 = float(loss.value(p))
    limit = blowup * (abs(cost0) + margin)
    params[0], costs[0], seconds[0], epoch_loss[0] = p, cost0, 0.0, cost0
    state = optimizer.init(p)
    diverged_at = -1
    elapsed = 0.0
    epoch_start = 0.0
    full = batch_size >= m
    stream = minibatches(m, batch_size, epochs, seed)
    with np.errstate(all="ignore"), _no_gc():
        step = 0
        while step < total:
            tic = time.perf_counter()
            # train without looking until the next record or epoch end
            stop = min(total, _next_mark(step, record_every, nb))
            while step < stop:
                idx = next(stream)
                g = grad(p, None if full else idx)
                updates, state = optimizer.update(g, state)
                p = p + updates
                step += 1
            elapsed += time.perf_counter() - tic
            cost = float(loss.value(p))
            bad = not (abs(cost) <= limit and np.all(np.isfinite(p)))
            if bad:
                diverged_at = step
                cost, p = np.nan, np.full_like(p, np.nan)
            if step in record_at:
                i = record_at[step]
                params[i], costs[i], seconds[i] = p, cost, elapsed
            if step % nb == 0 or step == total:
                e = -(-step // nb)
                epoch_loss[e] = cost
                epoch_seconds[e - 1] = elapsed - epoch_start
                epoch_start = elapsed
            if bad:
                break

    traj = Trajectory(
        params=params,
        loss=costs,
        diverged_at=np.array(diverged_at),
        steps=kept,
    )
    return TrainingRun(
        trajectory=traj,
        examples=examples_after(kept, m, batch_size),
        seconds=seconds,
        epoch_loss=epoch_loss,
        epoch_seconds=epoch_seconds,
        batch_size=batch_size,
        m=m,
    )


def _next_mark(step: int, record_every: int, nb: int) -> int:
    """The next step after ``step`` that is a record or an epoch end."""
    return min((step // record_every + 1) * record_every, (step // nb + 1) * nb)


# -- timing and the batch-size sweep -----------------------------------------------------------
def time_epoch(loss, batch_size: int, lr: float, *, seed=0, repeats: int = 3) -> float:
    """Seconds for one epoch of mini-batch gradient descent: the fastest of ``repeats``.

    The minimum is the usual estimate of a timing (``timeit`` does the same): it is the run
    least disturbed by other work on the machine. The parameters start at 0.
    """
    repeats = checks.integer(repeats, "repeats", minimum=1)
    best = np.inf
    for r in range(repeats):
        run = train(loss, gd(lr), np.zeros(loss.dim), batch_size, 1, (seed, r), record_every=10**9)
        best = min(best, float(run.epoch_seconds[0]))
    return best


def sweep_sizes(m: int) -> tuple[int, ...]:
    """Batch sizes 1, 2, 4, ... below m, then m itself (full batch)."""
    m = checks.integer(m, "m", minimum=1)
    sizes = [1 << k for k in range(m.bit_length()) if (1 << k) < m]
    return tuple(sizes + [m])


class LrTrial(NamedTuple):
    """One learning rate tried in the sweep."""

    lr: float
    examples_to_target: int  # -1: not reached
    steps_to_target: int  # -1: not reached
    seconds_to_target: float  # nan: not reached
    floor: float  # lowest (C - C*) / C* seen at the checks (nan if it diverged at once)
    diverged: bool
    still_falling: bool  # not reached, but the lowest gap came in the last tenth of the checks
    stalled: bool  # stopped early: no 2 % better gap for ~3 epochs and half the run
    examples: int  # examples processed when the trial stopped


class SweepPoint(NamedTuple):
    """The sweep's result for one batch size, with its best learning rate."""

    batch_size: int
    seconds_per_epoch: float
    best: LrTrial  # fastest to the target (fewest examples), else the lowest floor
    trials: tuple[LrTrial, ...]

    @property
    def reached(self) -> bool:
        return self.best.examples_to_target >= 0


def sweep_batch_size(
    loss,
    batch_size: int,
    lrs: Iterable[float],
    *,
    seed=0,
    rel: float = 0.01,
    check_every: int | None = None,
    max_examples: int | None = None,
    repeats: int = 3,
) -> SweepPoint:
    r"""Time one epoch and the time to the target for every learning rate in ``lrs``.

    Plain mini-batch gradient descent from 0 with a constant learning rate. The full-data cost
    is checked after the step that crosses every multiple of ``check_every`` examples
    (default ``m // 8``, so at least 8 checks an epoch; with large batches, after every
    step); training stops at the first check with :math:`C - C^\star \le \mathrm{rel}\,C^\star`
    or after ``max_examples`` examples (default ``20·m``). Only the training is timed, the
    checks are not. A learning rate whose cost blows up is marked diverged. A mini-batch run
    whose lowest gap :math:`(C - C^\star)/C^\star` has not improved by 2 % for about three
    epochs and half of its checks is *stalled* at its noise floor and stopped there (full
    batch has no noise, so it always runs on). The winning
    learning rate's run is repeated ``repeats`` times in all (it takes the same steps every
    time) and the fastest time is kept, like ``timeit``: the least disturbed measurement.

    Learning rates are tried in the given order, and once one has reached the target a later
    one is stopped when it has used as many examples (it can no longer win): this keeps the
    sweep short. The best learning rate is the one that reaches the target after the fewest
    examples — for a fixed batch size time is proportional to steps, and the count, unlike a
    clock, does not jitter; if none reaches the target, the one with the lowest floor (the
    lowest relative gap seen).
    """
    grad = BatchGradient(loss)
    m = loss.n_samples
    batch_size = checks.integer(batch_size, "batch_size", minimum=1)
    if batch_size > m:
        raise ValueError(f"batch_size must be <= m = {m}, got {batch_size}")
    check_every = max(1, m // 8) if check_every is None else check_every
    check_every = checks.integer(check_every, "check_every", minimum=1)
    max_examples = 20 * m if max_examples is None else max_examples
    max_examples = checks.integer(max_examples, "max_examples", minimum=1)
    optimum = float(loss.optimum()[1])
    lrs = [checks.positive(lr, "lr") for lr in lrs]
    if not lrs:
        raise ValueError("lrs must hold at least one learning rate")

    trials: list[LrTrial] = []
    budget = max_examples
    for lr in lrs:
        trial = _trial(grad, batch_size, lr, seed, check_every, budget, optimum, rel)
        trials.append(trial)
        if trial.examples_to_target >= 0:
            budget = min(budget, trial.examples_to_target)
    best = _best(trials)
    if best.examples_to_target >= 0:
        # time the winning run again (it takes the same steps): keep the fastest, as timeit does
        for _ in range(repeats - 1):
            again = _trial(
                grad, batch_size, best.lr, seed, check_every, best.examples_to_target, optimum, rel
            )
            if again.examples_to_target == best.examples_to_target:
                best = best._replace(
                    seconds_to_target=min(best.seconds_to_target, again.seconds_to_target)
                )
        trials = [best if t.lr == best.lr else t for t in trials]
    per_epoch = time_epoch(loss, batch_size, best.lr, seed=seed, repeats=repeats)
    return SweepPoint(batch_size, per_epoch, best, tuple(trials))


def _trial(grad, batch_size, lr, seed, check_every, budget, optimum, rel) -> LrTrial:
    """Train from 0 until the target, divergence or ``budget`` examples; see the sweep."""
    loss = grad.loss
    m = loss.n_samples
    full = batch_size >= m
    goal = target_cost(optimum, rel)
    scale = max(abs(optimum), 1e-12)
    p = np.zeros(loss.dim)
    limit = 1e6 * (abs(float(loss.value(p))) + 1.0)
    stream = minibatches(m, batch_size, -(-budget // m), seed)
    step, seen, elapsed = 0, 0, 0.0
    reached, diverged = None, False
    gaps = []
    stalled = False
    ref, improved_at = np.inf, 0  # gap at the last 2 % improvement, and its check
    window = 5 * max(1, m // max(check_every, batch_size))  # checks in about 5 epochs
    next_check = check_every
    with np.errstate(all="ignore"), _no_gc():
        while seen < budget:
            tic = time.perf_counter()
            while seen < next_check and seen < budget:
                idx = next(stream)
                p = p - lr * grad(p, None if full else idx)
                step += 1
                seen += m if full else len(idx)
            elapsed += time.perf_counter() - tic
            next_check = (seen // check_every + 1) * check_every
            cost = float(loss.value(p))
            if not abs(cost) <= limit:
                diverged = True
                break
            gaps.append((cost - optimum) / scale)
            if cost <= goal:
                reached = (seen, step, elapsed)
                break
            if gaps[-1] < 0.98 * ref:
                ref, improved_at = gaps[-1], len(gaps) - 1
            if not full and len(gaps) - 1 - improved_at >= max(window, 2 * len(gaps) // 3):
                stalled = True  # jittering at its noise floor: more of the same will not help
                break
    floor = float(min(gaps)) if gaps else float("nan")
    falling = bool(
        reached is None
        and not diverged
        and not stalled
        and gaps
        and int(np.argmin(gaps)) >= 0.9 * (len(gaps) - 1)
    )
    return LrTrial(
        lr=lr,
        examples_to_target=reached[0] if reached else -1,
        steps_to_target=reached[1] if reached else -1,
        seconds_to_target=reached[2] if reached else float("nan"),
        floor=floor,
        diverged=diverged,
        still_falling=falling,
        stalled=stalled,
        examples=seen,
    )


def _best(trials: list[LrTrial]) -> LrTrial:
    reached = [t for t in trials if t.examples_to_target >= 0]
    if reached:
        return min(reached, key=lambda t: (t.examples_to_target, -t.lr))
    finite = [t for t in trials if not t.diverged and np.isfinite(t.floor)]
    if finite:
        return min(finite, key=lambda t: t.floor)
    return trials[-1]


def cost_grid(loss, xs, ys, *, chunk: int = 10) -> np.ndarray:
    """Full-data cost of a two-parameter loss ``(w, b)`` on a grid: ``z[j, i] = C(xs[i], ys[j])``.

    Evaluated a few grid rows at a time, so a large data set does not need a
    ``len(xs)·len(ys)·m`` temporary all at once.
    """
    if loss.dim != 2:
        raise ValueError(f"cost_grid needs a one-feature loss (w, b), got dim {loss.dim}")
    xs, ys = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    z = np.empty((len(ys), len(xs)))
    W = np.broadcast_to(xs, (min(chunk, len(ys)), len(xs)))
    for start in range(0, len(ys), chunk):
        rows = ys[start : start + chunk]
        pts = np.stack(
            [W[: len(rows)], np.broadcast_to(rows[:, None], (len(rows), len(xs)))], axis=-1
        )
        z[start : start + len(rows)] = loss.value(pts)
    return z
