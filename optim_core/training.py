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

There is one step loop, :class:`MiniBatchRun`: it steps any optimizer through its pure
``init``/``update`` (``optim_core.gd(lr)``, ...) and flags divergence with the
:class:`~optim_core.trajectory.Guard` of :func:`optim_core.run` (the same ``blowup`` and
``margin``), so a run diverges here exactly when it would there. :func:`train` drives it
and records, besides the :class:`~optim_core.trajectory.Trajectory` of full-data costs, how
many examples each step had processed and the wall-clock time spent on training (gradient
and update only: the full-data cost evaluated for the record is monitoring and is not
timed). The batch-size sweep of the batch-sizes page (:mod:`optim_core.lessons.batch_sizes`)
drives the same loop. numpy only.
"""

from __future__ import annotations

import gc
import time
from contextlib import ExitStack, contextmanager
from typing import NamedTuple

import numpy as np

from optim_core import checks, losses
from optim_core.batches import batches_per_epoch, minibatches
from optim_core.trajectory import Guard, Trajectory, record_steps

__all__ = [
    "BLOWUP",
    "MARGIN",
    "BatchGradient",
    "MiniBatchRun",
    "TrainingRun",
    "batch_at",
    "cost_grid",
    "examples_after",
    "first_within",
    "paused_gc",
    "steps_to_see",
    "target_cost",
    "train",
]

BLOWUP, MARGIN = 1e6, 1.0  # the divergence rule of optim_core.run: |C| > BLOWUP·(|C(x0)| + MARGIN)


@contextmanager
def paused_gc():
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


def steps_to_see(examples: int, m: int, batch_size: int) -> int:
    """The fewest steps after which at least ``examples`` examples have been processed.

    The inverse of :func:`examples_after`: ``examples = e·m + r`` (``0 <= r < m``) takes the
    ``e`` whole epochs and then ``ceil(r / batch_size)`` steps of the next one.
    """
    nb = batches_per_epoch(m, batch_size)
    epochs, rest = divmod(checks.integer(examples, "examples", minimum=0), m)
    return epochs * nb + -(-rest // batch_size)


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


# -- the step loop ------------------------------------------------------------------------------
class MiniBatchRun:
    r"""The one step loop of mini-batch training: :math:`p \leftarrow p + \mathrm{update}(g_B)`.

    Holds the point ``p`` (starting at ``x0``), the optimizer's state (``optimizer.init``),
    the seeded batch stream ``minibatches(m, batch_size, epochs, seed)``, the step count and
    the clock. :meth:`advance` takes steps (``optimizer.update`` on each batch gradient) up to
    a given step, then evaluates the full-data cost once and hands it to the
    :class:`~optim_core.trajectory.Guard` of :func:`optim_core.run`: a cost that is not
    finite or exceeds ``blowup·(|C(x0)| + margin)`` marks the run diverged at that step, and
    from then on ``p`` and the cost are NaN. When a batch holds every row
    (``batch_size == m``) the gradient is ``loss.grad(p)`` on the rows in their original
    order (the shuffle cannot change an average), so full batch is exactly batch gradient
    descent. Only the stepping is timed (``time.perf_counter``); use the run as a context
    manager (``with MiniBatchRun(...) as run:``), which pauses the garbage collector and
    silences floating-point warnings meanwhile, as ``timeit`` and ``optim_core.run`` do.
    """

    def __init__(
        self,
        loss,
        optimizer,
        x0,
        batch_size: int,
        epochs: int,
        seed,
        *,
        blowup: float = BLOWUP,
        margin: float = MARGIN,
    ):
        self.grad = BatchGradient(loss)
        self.loss = loss
        self.m = m = loss.n_samples
        self.batch_size = checks.integer(batch_size, "batch_size", minimum=1)
        if self.batch_size > m:
            raise ValueError(
                f"batch_size must be <= m = {m} (the number of rows), got {self.batch_size}"
            )
        epochs = checks.integer(epochs, "epochs", minimum=1)
        p = np.array(x0, dtype=np.float64)
        if p.shape != (loss.dim,):
            raise ValueError(f"x0 must have shape ({loss.dim},), got {p.shape}")
        if not np.all(np.isfinite(p)):
            raise ValueError("x0 must be finite")
        self.optimizer = optimizer
        self.p = p
        self.state = optimizer.init(p)
        self.full = self.batch_size >= m
        self.steps_per_epoch = batches_per_epoch(m, self.batch_size)
        self.stream = minibatches(m, self.batch_size, epochs, seed)
        self.step = 0
        self.elapsed = 0.0
        self.cost = float(loss.value(p))
        self.guard = Guard(
            np.asarray(self.cost),
            checks.positive(blowup, "blowup"),
            checks.non_negative(margin, "margin"),
        )
        self._context = ExitStack()

    def __enter__(self) -> MiniBatchRun:
        self._context.enter_context(np.errstate(all="ignore"))
        self._context.enter_context(paused_gc())
        return self

    def __exit__(self, *exc) -> None:
        self._context.close()

    @property
    def diverged_at(self) -> int:
        """The step at which the Guard flagged the run, -1 if it never did."""
        return int(self.guard.diverged_at)

    @property
    def diverged(self) -> bool:
        return self.diverged_at >= 0

    @property
    def examples(self) -> int:
        """Examples processed so far (:func:`examples_after` in plain integers)."""
        epochs, k = divmod(self.step, self.steps_per_epoch)
        return epochs * self.m + min(k * self.batch_size, self.m)

    def steps_to_see(self, examples: int) -> int:
        """The step after which ``examples`` examples are processed (:func:`steps_to_see`)."""
        epochs, rest = divmod(examples, self.m)
        return epochs * self.steps_per_epoch + -(-rest // self.batch_size)

    def advance(self, stop: int) -> float:
        """Step until ``step == stop``, then check the full-data cost; returns it (NaN once
        diverged). Only the steps are timed."""
        p, state, step = self.p, self.state, self.step
        grad, update, stream, full = self.grad, self.optimizer.update, self.stream, self.full
        tic = time.perf_counter()
        while step < stop:
            idx = next(stream)
            updates, state = update(grad(p, None if full else idx), state)
            p = p + updates
            step += 1
        self.elapsed += time.perf_counter() - tic
        cost = float(self.loss.value(p))
        if self.guard.newly_bad(np.asarray(cost), step) is not None:
            cost, p = np.nan, np.full_like(p, np.nan)
        self.p, self.state, self.step, self.cost = p, state, step, cost
        return cost


# -- training ---------------------------------------------------------------------------------
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
    blowup: float = BLOWUP,
    margin: float = MARGIN,
) -> TrainingRun:
    r"""Train ``loss`` with ``optimizer`` on mini-batches of ``batch_size`` rows.

    Each step takes the next index array of
    ``minibatches(m, batch_size, epochs, seed)`` (a fresh shuffle every epoch), computes the
    batch gradient :math:`g_{B_t}` and applies ``optimizer.update`` (:class:`MiniBatchRun`).
    With ``batch_size == m`` the run is batch gradient descent, step for step the same as
    ``optim_core.run(gd(lr), loss, x0, epochs)``.

    The full-data cost is recorded at step 0, every ``record_every`` steps, the last step and
    after every epoch. A run *diverges* when a recorded cost is not finite or exceeds
    ``blowup·(|C(x0)| + margin)`` (the Guard of ``optim_core.run``); it stops there and the
    remaining records are NaN. ``max_steps`` stops early (for replaying a run up to a step).
    Only the gradient and update work is timed (``time.perf_counter``), not the recording;
    the garbage collector is paused meanwhile, as ``timeit`` does.
    """
    run = MiniBatchRun(loss, optimizer, x0, batch_size, epochs, seed, blowup=blowup, margin=margin)
    m, batch_size = run.m, run.batch_size
    record_every = checks.integer(record_every, "record_every", minimum=1)
    nb = batches_per_epoch(m, batch_size)
    total = checks.integer(epochs, "epochs", minimum=1) * nb
    if max_steps is not None:
        total = min(total, checks.integer(max_steps, "max_steps", minimum=0))

    kept = record_steps(total, record_every)
    record_at = {int(s): i for i, s in enumerate(kept)}
    params = np.full((len(kept), loss.dim), np.nan)
    costs = np.full(len(kept), np.nan)
    seconds = np.full(len(kept), np.nan)
    n_epochs_run = -(-total // nb)
    epoch_loss = np.full(n_epochs_run + 1, np.nan)
    epoch_seconds = np.full(n_epochs_run, np.nan)
    params[0], costs[0], seconds[0], epoch_loss[0] = run.p, run.cost, 0.0, run.cost

    epoch_start = 0.0
    with run:
        while run.step < total:
            # train without looking until the next record or epoch end
            cost = run.advance(min(total, _next_mark(run.step, record_every, nb)))
            step = run.step
            if step in record_at:
                i = record_at[step]
                params[i], costs[i], seconds[i] = run.p, cost, run.elapsed
            if step % nb == 0 or step == total:
                e = -(-step // nb)
                epoch_loss[e] = cost
                epoch_seconds[e - 1] = run.elapsed - epoch_start
                epoch_start = run.elapsed
            if run.diverged:
                break

    traj = Trajectory(
        params=params,
        loss=costs,
        diverged_at=np.array(run.diverged_at),
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
