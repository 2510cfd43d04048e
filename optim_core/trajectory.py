r"""Run an optimizer on an objective from one or many starting points at once.

``run`` takes starts of shape ``(..., d)`` and steps them all together as one
array; it never loops over starts. A start *diverges* at step k when its point
or loss stops being finite or when ``|loss| > blowup·(|loss₀| + margin)``; from
then on it is frozen as NaN, so every later record of it is NaN (never inf) and
``diverged_at`` holds k. Just above a stability threshold the error grows by
only a few percent per step, so it is this bound, not overflow, that catches it.

Two engines give the same numbers (a test checks it): ``"pure"`` calls the
optimizer's public ``update``; ``"fast"`` (used automatically for any optimizer
that has a ``kernel`` method, i.e. every built-in one) updates preallocated
coordinate-major buffers in place through that kernel.

The objective is anything with ``value(x)`` and ``grad(x)`` on arrays ``(..., d)``.
The fast engine prefers the objective's ``value_and_grad_cm(x_cm, grad_out)`` and
adapts any other objective to that form (:class:`ColumnMajor`), so a function a
user typed keeps the fast path.

A ``schedule`` multiplies update t by a factor ``c_t`` (t = 1 … steps): every built-in
update is the learning rate times something that does not depend on it, so this is
the learning rate ``lr·c_t`` at step t (:mod:`optim_core.schedules`). The factors may
also differ per start, shape ``(steps, ...)``: one run then tries many learning rates
(the optimizer's ``lr`` times each start's factor) at the cost of one.

An optimizer with a ``lookahead(params, state, scale)`` method (Nesterov) has its
gradient taken at that point instead of at ``x``; the fast engine calls its in-place
twin ``lookahead_kernel(x, buf, scale)`` and then needs the loss at ``x`` separately
(one extra ``value`` call per step, for these optimizers only). An optimizer whose
starts are not independent of their position in the array (``Grouped``, which steps
different optimizers on different starts) says ``chunkable = False``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from optim_core import checks


class Trajectory(NamedTuple):
    """What a run leaves behind.

    params:      ``(n_records, ..., d)`` points, record 0 the start
    loss:        ``(n_records, ...)`` objective values at those points
    diverged_at: ``(...)`` step at which a start diverged, -1 if it never did
    steps:       ``(n_records,)`` step number of each record (step 1 = first update)
    states:      optimizer state per record (each array field ``(n_records, ..., d)``,
                 counts ``(n_records,)``), or None unless ``record_states=True``
    """

    params: np.ndarray
    loss: np.ndarray
    diverged_at: np.ndarray
    steps: np.ndarray
    states: tuple | None = None

    @property
    def final(self) -> np.ndarray:
        """End points, shape ``(..., d)`` (NaN for diverged starts)."""
        return self.params[-1]


def record_steps(steps: int, record_every: int) -> np.ndarray:
    """The start, every ``record_every``-th step and the last step."""
    kept = np.arange(0, steps + 1, record_every)
    if kept[-1] != steps:
        kept = np.append(kept, steps)
    return kept


def run(
    optimizer,
    objective,
    x0,
    steps: int,
    *,
    record_every: int = 1,
    noise: float = 0.0,
    seed: int | None = None,
    record_states: bool = False,
    blowup: float = 1e6,
    margin: float = 1.0,
    engine: str = "auto",
    schedule=None,
) -> Trajectory:
    """Run ``steps`` updates of ``optimizer`` on ``objective`` from ``x0``.

    ``noise`` adds Gaussian noise of that standard deviation to every gradient
    component (``np.random.default_rng(seed)``), the way mini-batch gradients
    scatter around the true one. ``engine`` is "auto", "pure" or "fast".
    ``schedule`` is None, a schedule of :mod:`optim_core.schedules` (anything with
    ``factors(steps)``) or the factors themselves: shape ``(steps,)``, or
    ``(steps, ...)`` broadcastable to ``(steps,) + x0.shape[:-1]`` for one factor per
    start; update t is multiplied by factor t (all finite and >= 0: a long exponential
    decay may underflow to 0, which simply stops the run where it is).
    """
    steps = checks.integer(steps, "steps", minimum=0)
    record_every = checks.integer(record_every, "record_every", minimum=1)
    noise = checks.non_negative(noise, "noise")
    blowup = checks.positive(blowup, "blowup")
    margin = checks.non_negative(margin, "margin")
    x0 = np.array(x0, dtype=np.float64)
    dim = getattr(objective, "dim", None)
    if x0.ndim == 0 or (dim is not None and x0.shape[-1] != dim):
        raise ValueError(f"x0 must have shape (..., {dim}), got {x0.shape}")
    if not np.all(np.isfinite(x0)):
        raise ValueError("x0 must be finite")
    if not (
        callable(getattr(objective, "value", None)) and callable(getattr(objective, "grad", None))
    ):
        raise ValueError(
            "the objective needs value(x) and grad(x) methods on arrays of shape (..., d)"
        )
    fast_ok = callable(getattr(optimizer, "kernel", None)) and not record_states
    if engine == "auto":
        engine = "fast" if fast_ok else "pure"
    if engine not in ("fast", "pure"):
        raise ValueError(f"engine must be 'auto', 'pure' or 'fast', got {engine!r}")
    if engine == "fast" and not fast_ok:
        raise ValueError(
            "the fast engine needs an optimizer with a kernel method and record_states=False"
        )
    if engine == "fast" and not callable(getattr(objective, "value_and_grad_cm", None)):
        objective = ColumnMajor(objective)

    batch_shape, d = x0.shape[:-1], x0.shape[-1]
    factors = schedule_factors(schedule, steps, batch_shape)
    kept = record_steps(steps, record_every)
    rng = np.random.default_rng(seed) if noise > 0 else None
    loop = _run_fast_in_chunks if engine == "fast" else _run_pure
    if engine == "pure" and not record_states:
        loop = _run_pure_without_states
    with np.errstate(all="ignore"):
        params, loss, diverged_at, states = loop(
            optimizer,
            objective,
            x0.reshape(-1, d),
            steps,
            kept,
            noise,
            rng,
            blowup,
            margin,
            factors,
        )
    n = len(kept)
    if states is not None:
        flat = (n, int(np.prod(batch_shape, dtype=np.int64)), d)
        states = _unflatten(states, flat, (n,) + batch_shape + (d,))
    return Trajectory(
        params=params.reshape((n,) + batch_shape + (d,)),
        loss=loss.reshape((n,) + batch_shape),
        diverged_at=diverged_at.reshape(batch_shape),
        steps=kept,
        states=states,
    )


def schedule_factors(schedule, steps: int, batch_shape: tuple = ()) -> np.ndarray | None:
    """The factors of ``schedule`` for steps 1 … ``steps``: None (no schedule), shape
    ``(steps,)`` (one per step) or ``(steps, N)`` (one per step and flattened start)."""
    if schedule is None:
        return None
    if callable(getattr(schedule, "factors", None)):
        schedule = schedule.factors(steps)
    try:
        f = np.array(schedule, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(
            f"the schedule must be numbers (one factor per step), got {schedule!r}"
        ) from None
    if f.ndim == 0 or f.shape[0] != steps:
        raise ValueError(
            f"the schedule must give one factor per step, shape ({steps},) or ({steps}, ...), "
            f"got shape {f.shape}"
        )
    if f.ndim > 1:
        try:
            f = np.broadcast_to(f, (steps,) + tuple(batch_shape))
        except ValueError:
            raise ValueError(
                f"per-start schedule factors must broadcast to {(steps,) + tuple(batch_shape)}, "
                f"got shape {f.shape}"
            ) from None
        f = np.ascontiguousarray(f.reshape(steps, -1))
    if not (np.all(np.isfinite(f)) and np.all(f >= 0)):
        raise ValueError("schedule factors must be finite and >= 0")
    return f


class Guard:
    """Flags starts whose loss leaves ``[-limit, limit]`` (or is not finite)."""

    def __init__(self, loss0: np.ndarray, blowup: float, margin: float):
        self.limit = blowup * (np.abs(loss0) + margin)
        self.diverged_at = np.full(loss0.shape, -1, dtype=np.int64)

    def newly_bad(self, loss: np.ndarray, step: int) -> np.ndarray | None:
        bad = ~(np.abs(loss) <= self.limit)  # also true for NaN and inf
        if not bad.any():
            return None
        bad &= self.diverged_at < 0
        self.diverged_at[bad] = step
        return bad


def _stack(states):
    """Records of a state (NamedTuples, possibly nested) stacked field by field."""
    first = states[0]
    if isinstance(first, tuple):
        fields = (_stack([s[i] for s in states]) for i in range(len(first)))
        return first._make(fields) if hasattr(first, "_make") else tuple(fields)
    return np.stack([np.asarray(s) for s in states])


def _unflatten(state, flat: tuple, shaped: tuple):
    """Array fields of shape ``flat`` = (records, starts, d) reshaped to ``shaped``."""
    if isinstance(state, tuple):
        fields = (_unflatten(f, flat, shaped) for f in state)
        return state._make(fields) if hasattr(state, "_make") else tuple(fields)
    return np.reshape(state, shaped) if np.shape(state) == flat else state


def _run_pure_without_states(*args):
    params, losses, diverged_at, _ = _run_pure(*args, keep_states=False)
    return params, losses, diverged_at, None


def _run_pure(
    optimizer, objective, x, steps, kept, noise, rng, blowup, margin, factors, keep_states=True
):
    n_starts, d = x.shape
    look = getattr(optimizer, "lookahead", None)
    if factors is not None and factors.ndim == 2:
        factors = factors[:, :, None]  # one factor per start, against (N, d)
    record_at = {int(s): i for i, s in enumerate(kept)}
    params = np.empty((len(kept), n_starts, d))
    losses = np.empty((len(kept), n_starts))
    state = optimizer.init(x)
    loss = np.asarray(objective.value(x), dtype=np.float64)
    guard = Guard(loss, blowup, margin)
    states = []

    def check_and_record(step):
        nonlocal x, loss
        bad = guard.newly_bad(loss, step)
        if bad is not None:
            x = np.where(bad[:, None], np.nan, x)
            loss = np.where(bad, np.nan, loss)
        if step in record_at:
            params[record_at[step]] = x
            losses[record_at[step]] = loss
            if keep_states:
                states.append(state)

    check_and_record(0)
    for step in range(1, steps + 1):
        scale = 1.0 if factors is None else factors[step - 1]
        g = objective.grad(x if look is None else look(x, state, scale))
        if noise:
            g = g + noise * rng.standard_normal((n_starts, d))
        updates, state = optimizer.update(g, state)
        x = x + updates if factors is None else x + scale * updates
        loss = np.asarray(objective.value(x), dtype=np.float64)
        check_and_record(step)
    if not (keep_states and len(state)):
        return params, losses, guard.diverged_at, None
    return params, losses, guard.diverged_at, _stack(states)


# --- fast engine: in-place updates on coordinate-major (d, N) buffers -----------


class ColumnMajor:
    """Adapts an objective with only ``value``/``grad`` to the fast engine's interface.

    ``value_and_grad_cm(x_cm, grad_out)`` takes points as columns ``(d, N)``, writes
    the gradient into ``grad_out`` and returns the values ``(N,)``.
    """

    def __init__(self, objective):
        self.objective = objective

    def value_and_grad_cm(self, x_cm: np.ndarray, grad_out: np.ndarray) -> np.ndarray:
        x = x_cm.T
        grad_out[...] = np.asarray(self.objective.grad(x), dtype=np.float64).T
        return np.array(self.objective.value(x), dtype=np.float64).reshape(x.shape[0])

    def value(self, x):
        return self.objective.value(x)


# Starts are independent, so without noise the fast engine runs them in chunks whose
# buffers (x, g, v, s, tmp and the objective's scratch) stay in a core's L2 cache:
# measured here, 40,000 Rosenbrock starts take about a quarter less time in chunks of
# ~10,000 than in one piece. With noise the whole array is stepped together, so the
# random stream (drawn per step for all starts) is the same as on the pure path.
_CHUNK_BYTES = 1 << 20


def _run_fast_in_chunks(optimizer, objective, x, steps, kept, noise, rng, blowup, margin, factors):
    n_starts, d = x.shape
    chunk = max(1024, _CHUNK_BYTES // (8 * d * 6))
    if noise or n_starts <= chunk or not getattr(optimizer, "chunkable", True):
        return _run_fast(optimizer, objective, x, steps, kept, noise, rng, blowup, margin, factors)
    params = np.empty((len(kept), n_starts, d))
    losses = np.empty((len(kept), n_starts))
    diverged_at = np.empty(n_starts, dtype=np.int64)
    for lo in range(0, n_starts, chunk):
        part = slice(lo, lo + chunk)
        per_start = factors is not None and factors.ndim == 2
        params[:, part], losses[:, part], diverged_at[part], _ = _run_fast(
            optimizer,
            objective,
            x[part],
            steps,
            kept,
            noise,
            rng,
            blowup,
            margin,
            factors[:, part] if per_start else factors,
        )
    return params, losses, diverged_at, None


class _Buffers:
    def __init__(self, shape):
        self.tmp = np.empty(shape)
        self.v = np.zeros(shape)
        self.s = np.zeros(shape)


def _run_fast(optimizer, objective, x, steps, kept, noise, rng, blowup, margin, factors):
    n_starts, d = x.shape
    record_at = {int(s): i for i, s in enumerate(kept)}
    params = np.empty((len(kept), n_starts, d))
    losses = np.empty((len(kept), n_starts))
    xc = np.ascontiguousarray(x.T)
    g = np.empty_like(xc)
    buf = _Buffers(xc.shape)
    look = getattr(optimizer, "lookahead_kernel", None)

    def ahead(step):
        """The loss at x after ``step`` updates; into g the gradient at the look-ahead point
        that update step + 1 uses (taken with that step's factor)."""
        scale = 1.0 if factors is None or step >= steps else factors[step]
        objective.value_and_grad_cm(look(xc, buf, scale), g)
        return np.array(objective.value(xc.T), dtype=np.float64).reshape(n_starts)

    loss = objective.value_and_grad_cm(xc, g) if look is None else ahead(0)
    guard = Guard(loss, blowup, margin)

    def check_and_record(step, loss):
        bad = guard.newly_bad(loss, step)
        if bad is not None:
            xc[:, bad] = np.nan
            loss[bad] = np.nan
        if step in record_at:
            params[record_at[step]] = xc.T
            losses[record_at[step]] = loss

    check_and_record(0, loss)
    for step in range(1, steps + 1):
        if noise:
            g += noise * rng.standard_normal((n_starts, d)).T
        if factors is None:
            optimizer.kernel(xc, g, buf, step)
        else:
            optimizer.kernel(xc, g, buf, step, factors[step - 1])
        loss = objective.value_and_grad_cm(xc, g) if look is None else ahead(step)
        check_and_record(step, loss)
    return params, losses, guard.diverged_at, None
