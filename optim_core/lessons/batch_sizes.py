r"""Batch sizes: full-batch gradient descent, mini-batches and SGD on real data.

A problem is ``(X, y, task)``: standardized features ``X`` (m rows, n columns), the target
``y`` and "regression" (least squares) or "classification" (logistic regression with a
small L2 penalty :data:`L2`, so the optimum is finite even on separable data). The
full-data cost and its gradient sum over all m rows,

.. math::  C(w, b) = \frac{1}{2m}\sum_{i=1}^{m}\left(w\cdot x^{(i)} + b - y^{(i)}\right)^2,
           \qquad \frac{\partial C}{\partial w_j}
           = \frac{1}{m}\sum_{i=1}^{m}\left(w\cdot x^{(i)} + b - y^{(i)}\right) x^{(i)}_j ,

and a mini-batch step replaces the sum over m rows by one over the |B| rows of a batch,
drawn from a fresh shuffle every epoch:

.. math::  g_j = \frac{1}{|B_t|}\sum_{i\in B_t}\left(w\cdot x^{(i)} + b - y^{(i)}\right)
           x^{(i)}_j ,\qquad w_j \leftarrow w_j - \alpha\, g_j .

``|B| = m`` is batch gradient descent (one exact step per epoch), ``|B| = 1`` is SGD (m noisy
steps per epoch). Every run here steps through :class:`optim_core.training.MiniBatchRun`
(``optim_core.gd(lr)``'s ``init``/``update``, the Guard of ``optim_core.run``).

One function per page section, each returning a ``NamedTuple`` of every number it shows:
:func:`builtin` / :func:`from_upload` (the data), :func:`overview` (the header),
:func:`step` (1. one step's rows and gradients), :func:`curves` (2. the cost against
steps, epochs, examples and time), :func:`contour` (3. the path on the map of a
two-parameter model), :func:`sweep_point` and :func:`sweep` (4. the measured batch-size
sweep: time until :math:`C - C^\star \le 0.01\,C^\star`, with :math:`C^\star` from
``loss.optimum()``, closed-form least squares or Newton's method).
"""

from __future__ import annotations

import hashlib
import math
import numbers
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import pandas as pd

from optim_core import batches, checks, datasets, losses, training
from optim_core.datasets import DataError  # the page catches it as lesson.DataError
from optim_core.optimizers import gd

# -- constants: the page's controls and limits --------------------------------------------------
DEFAULT_TABLE = "cars"
UPLOAD = "upload"
TABLES = tuple(datasets.TABLES)
SOURCES = (*TABLES, UPLOAD)
RATES = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0)
DEFAULT_LR = 0.05
DEFAULT_BATCH = 32
PRESETS = (("sgd", 1), ("b32", 32), ("b64", 64), ("full", None))  # None: every row
EPOCHS = (1, 50, 10)  # slider: lowest, highest, default
SEEDS = (0, 9999, 0)  # shuffle seed: lowest, highest, default
DEFAULT_FEATURES = 4  # an upload starts with its first four numeric columns as features
L2 = 1e-3  # the small ridge that keeps the logistic optimum finite on separable data
SWEEP_LRS = (3.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.003)
SWEEP_SEED = 0
SWEEP_REL = 0.01  # the target: within 1 % of the optimum
SWEEP_MAX_EPOCHS = 100
SWEEP_MAX_EXAMPLES = 60_000
SWEEP_REPEATS = 3
MAX_STEPS = 100_000  # the page's own run stops here (a huge upload at batch size 1)
MAX_RECORDS = 1500  # points per curve
MAX_PATH = 1200  # points of a path on the contour
GRID = 90  # contour grid points per axis
TABLE_PAD = 5  # rows shown before and after the batch in the table
TABLE_MAX_ROWS = 200


# -- clean numbers from a link ------------------------------------------------------------------
def whole(value, low: int, high: int, default: int) -> int:
    """``value`` as a whole number clamped to ``[low, high]``; ``default`` if it is no number.

    Infinity and numbers too large for a float clamp to the nearer end; NaN, text and None
    give ``default``. Nothing here raises, whatever a link or a session holds.
    """
    if isinstance(value, bool):
        return default
    if isinstance(value, numbers.Integral):
        return int(min(max(int(value), low), high))
    try:
        value = float(value)
    except (TypeError, ValueError, OverflowError):
        return default
    if math.isnan(value):
        return default
    return int(min(max(value, low), high))


def clean_seed(seed) -> int:
    """A shuffle seed inside the control's range :data:`SEEDS` (``inf`` → 9999, NaN → 0)."""
    return whole(seed, *SEEDS)


def _settings(m: int, batch, epochs, seed) -> tuple[int, int, int]:
    """Batch size in ``[1, m]``, epochs in :data:`EPOCHS` and the seed, each clamped."""
    return whole(batch, 1, m, min(DEFAULT_BATCH, m)), whole(epochs, *EPOCHS), clean_seed(seed)


# -- the data -----------------------------------------------------------------------------------
class Prepared(NamedTuple):
    """Data ready to train on: standardized ``X`` (m, n), target ``y``, names and scaling."""

    X: np.ndarray
    y: np.ndarray
    raw: np.ndarray  # X before standardizing
    feature_names: tuple[str, ...]
    target_name: str
    labels: tuple | None
    mean: np.ndarray
    std: np.ndarray
    n_dropped: int
    task: str
    m: int
    n: int
    one_class: bool  # classification whose target holds only one of the two answers
    key: str  # names the data (see data_key): equal keys, equal Prepared
    source: str = ""  # the built-in table's name ("": an upload, whose names stay as written)

    # A problem is known by its key: hashing or comparing the arrays themselves would
    # cost on every look-up (a cache, a set of finished work) what the key costs once.
    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other) -> bool:
        return isinstance(other, Prepared) and self.key == other.key

    def __ne__(self, other) -> bool:  # a tuple's own != would compare the arrays
        return not self == other

    @property
    def feature_numbers(self) -> tuple[int, ...]:
        """The features as the page numbers them: 1..n."""
        return tuple(range(1, self.n + 1))

    def feature_name(self, number: int) -> str:
        """The name of feature ``number`` (1-based, as on the page)."""
        return self.feature_names[whole(number, 1, self.n, 1) - 1]

    @property
    def default_batch(self) -> int:
        """The batch slider's default: :data:`DEFAULT_BATCH`, or every row of a small table."""
        return min(DEFAULT_BATCH, self.m)

    @property
    def presets(self) -> tuple[tuple[str, int], ...]:
        """``(key, batch size)`` of the preset buttons on this table."""
        return tuple((key, self.m if size is None else min(size, self.m)) for key, size in PRESETS)

    @property
    def scaling(self) -> tuple[np.ndarray, np.ndarray]:
        """The mean and standard deviation of each feature, rounded as the page shows them
        (to 4 decimals; a value too large to round so, near 1e307, is kept as it is)."""
        return _rounded(self.mean, 4), _rounded(self.std, 4)


def data_key(table: datasets.Table, task: str, source: str = "") -> str:
    """A short name for a prepared table: a digest of its numbers (raw features and
    target), names, labels, task and source (a built-in table's name, or "" for an upload:
    only a built-in table's column names are translated). Everything in a
    :class:`Prepared` follows from these, so equal keys mean equal data; computed once per
    table (it is cached)."""
    digest = hashlib.blake2b(digest_size=12)
    X, y = np.ascontiguousarray(table.X), np.ascontiguousarray(table.y)
    described = (task, X.shape, table.feature_names, table.target_name, table.labels)
    if source:
        described += (source,)
    for part in (repr(described).encode(), repr(table.n_dropped).encode()):
        digest.update(part)
    digest.update(X.tobytes())
    digest.update(y.tobytes())
    return f"{task}:{X.shape[0]}x{X.shape[1]}:{digest.hexdigest()}"


EXTREME_TARGET = 1e100  # a target this large overflows its square, the cost
OWN_ERRORS = ("extreme_target",)  # DataError codes of this lesson (text key "error.<code>")


def _check_magnitudes(table: datasets.Table) -> None:
    """Refuse a target whose squares overflow (DataError ``extreme_target``)."""
    largest = float(np.max(np.abs(table.y))) if table.y.size else 0.0
    if not largest <= EXTREME_TARGET:
        raise DataError("extreme_target", column=table.target_name, value=f"{largest:.3g}")


def _standardize(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``losses.standardize``, with extreme columns first divided by a power of two.

    Standardizing does not depend on a column's unit, so the result is the same; but
    values near 1e307 (whose spread overflows) or subnormal ones like 1e-320 (whose
    squares underflow to a spread of 0) are brought near [-1, 1] before the arithmetic.
    Other columns are left as they are.
    """
    largest = np.max(np.abs(raw), axis=0) if raw.size else np.ones(raw.shape[1])
    extreme = (largest > 1e100) | ((largest < 1e-100) & (largest > 0))
    with np.errstate(divide="ignore"):  # a power of two divides exactly: nothing is rounded
        scale = np.where(extreme, np.exp2(np.floor(np.log2(largest))), 1.0)
    X, mean, std = losses.standardize(raw / scale)
    return X, mean * scale, std * scale


def _rounded(values: np.ndarray, decimals: int) -> np.ndarray:
    with np.errstate(over="ignore", invalid="ignore"):  # round() scales by 10^decimals first
        rounded = np.round(values, decimals)
    return np.where(np.isfinite(rounded), rounded, values)


def prepare(table: datasets.Table, task: str, source: str = "") -> Prepared:
    """Standardize a table's features: ``(x − mean) / std`` column by column.

    ``source`` names a built-in table (see :attr:`Prepared.source`); "" for an upload.

    Raises ``DataError`` (``extreme_target``) for a regression target too large to square,
    ``ValueError`` for a column whose values cannot be standardized.
    """
    if task == "regression":
        _check_magnitudes(table)
    X, mean, std = _standardize(table.X)
    m, n = X.shape
    mean_y = float(np.mean(table.y))
    return Prepared(
        X,
        table.y,
        table.X,
        table.feature_names,
        table.target_name,
        table.labels,
        mean,
        std,
        table.n_dropped,
        task,
        m,
        n,
        task == "classification" and not 0 < mean_y < 1,
        data_key(table, task, source),
        source,
    )


def builtin(name: str, task: str) -> Prepared:
    """A built-in table (``datasets.TABLES``) with its suggested columns for ``task``."""
    info = datasets.TABLES[name]
    df = datasets.load_table(name)
    if task == "regression":
        features, target = info.regression_features, info.regression_target
    else:
        features, target = info.classification_features, info.classification_target
    return prepare(datasets.table_from_frame(df, list(features), target, task), task, name)


NO_COLUMNS = DataError("no_numeric_features")  # an upload without a usable column


class UploadColumns(NamedTuple):
    """The columns of an uploaded table the page offers: targets, and features per target."""

    numeric: tuple[str, ...]
    targets: tuple[str, ...]  # numbers for regression, any column for classification

    def features(self, target: str) -> tuple[str, ...]:
        """The numeric columns other than ``target``."""
        return tuple(c for c in self.numeric if c != target)

    def default_features(self, target: str) -> tuple[str, ...]:
        return self.features(target)[:DEFAULT_FEATURES]


def upload_columns(frame: pd.DataFrame, task: str) -> UploadColumns:
    """Which columns of ``frame`` can be the target and the features for ``task``."""
    numeric = tuple(datasets.numeric_columns(frame))
    targets = numeric if task == "regression" else tuple(str(c) for c in frame.columns)
    return UploadColumns(numeric, targets)


def from_upload(frame: pd.DataFrame, features, target: str, task: str) -> Prepared:
    """An uploaded table with the chosen columns (raises ``DataError`` / ``ValueError``)."""
    return prepare(datasets.table_from_frame(frame, list(features), target, task), task)


def make_loss(X: np.ndarray, y: np.ndarray, task: str):
    """Least squares or L2-regularized logistic regression on ``(X, y)``."""
    if task == "regression":
        return losses.LinearRegression(X, y)
    return losses.LogisticRegression(X, y, l2=L2)


# -- the header ---------------------------------------------------------------------------------
class SweepStep(NamedTuple):
    """One batch size of the sweep as its progress bar tells it."""

    batch: int
    done: int  # batch sizes measured before this one
    total: int
    fraction: float  # done / total


class Overview(NamedTuple):
    """The numbers above the sections: sizes, regime, optimum, reachable epochs, sweep plan."""

    m: int
    n: int
    batch: int
    steps_per_epoch: int  # nb = ceil(m / batch)
    regime: str  # "sgd", "mini" or "full"
    l2: float  # the ridge of the cost (0 for regression)
    best_params: np.ndarray
    best_cost: float
    viewable_epochs: int  # epochs the page's run reaches (at most MAX_STEPS steps)
    sweep_plan: tuple[SweepStep, ...]  # the sweep's batch sizes, in the order measured


def overview(X: np.ndarray, y: np.ndarray, task: str, batch: int, epochs: int) -> Overview:
    """Batch regime, steps per epoch and the optimum :math:`C^\\star` of the problem."""
    loss = make_loss(X, y, task)
    m, n = X.shape
    batch, epochs, _ = _settings(m, batch, epochs, 0)
    nb = batches.batches_per_epoch(m, batch)
    regime = "sgd" if batch == 1 else "full" if batch == m else "mini"
    best_params, best_cost = loss.optimum()
    sizes = sweep_sizes(m)
    return Overview(
        m=m,
        n=n,
        batch=batch,
        steps_per_epoch=nb,
        regime=regime,
        l2=L2 if task == "classification" else 0.0,
        best_params=best_params,
        best_cost=float(best_cost),
        viewable_epochs=min(epochs, max(1, MAX_STEPS // nb)),
        sweep_plan=tuple(
            SweepStep(size, i, len(sizes), i / len(sizes)) for i, size in enumerate(sizes)
        ),
    )


# -- 1. one step: its rows and gradients --------------------------------------------------------
class Inspect(NamedTuple):
    """One update step: its rows, the point before it, batch and full gradients, costs."""

    step: int
    idx: np.ndarray
    params: np.ndarray  # before the step
    batch_grad: np.ndarray
    full_grad: np.ndarray
    cost_before: float
    cost_after: float
    params_after: np.ndarray
    diverged_at: int = -1  # the step at which the run diverged before this one (-1: never)


def inspect(
    X: np.ndarray, y: np.ndarray, task: str, batch: int, lr: float, seed, step: int
) -> Inspect:
    """Replay the run of :func:`run` up to update ``step`` (1-based) and look at that step."""
    batch, _, seed = _settings(X.shape[0], batch, 1, seed)
    loss = make_loss(X, y, task)
    optimizer = gd(lr)
    nb = batches.batches_per_epoch(loss.n_samples, batch)
    before = training.train(
        loss,
        optimizer,
        np.zeros(loss.dim),
        batch,
        -(-step // nb),
        seed,
        record_every=10**9,
        max_steps=step - 1,
    )
    p = before.trajectory.params[-1]
    idx = training.batch_at(loss.n_samples, batch, seed, step)
    g = loss.grad(p, idx)
    full = loss.grad(p)
    updates, _ = optimizer.update(g, optimizer.init(p))  # the step the run takes next
    after = p + updates
    cost_before, cost_after = float(loss.value(p)), float(loss.value(after))
    diverged_at = int(before.trajectory.diverged_at)
    return Inspect(step, idx, p, g, full, cost_before, cost_after, after, diverged_at)


def epoch_order(m: int, seed, epoch: int) -> np.ndarray:
    """The shuffled row order of epoch ``epoch`` (1-based) of the seeded stream.

    Every epoch draws one permutation of ``range(m)`` whatever the batch size, so the
    stream with ``batch_size = m`` yields exactly that permutation as its ``epoch``-th batch.
    """
    stream = batches.minibatches(m, m, epoch, clean_seed(seed))
    for _ in range(epoch - 1):
        next(stream)
    return next(stream)


class Step(NamedTuple):
    """Section 1: step ``k`` of epoch ``epoch``, its rows in the table and weight j's numbers."""

    step: int  # the update step, counted over the whole run (1-based)
    epoch: int
    k: int  # the batch of that epoch (1-based)
    feature: int  # j (1-based)
    start: int  # first position of the batch in the epoch's order (1-based)
    stop: int  # last position of the batch (1-based, inclusive)
    size: int  # rows in the batch
    first: int  # first position shown in the table (1-based)
    last: int  # last position shown (1-based, inclusive)
    rows: np.ndarray  # the rows shown, as indices into X (0-based)
    row_numbers: np.ndarray  # the same rows as the page numbers them (1-based)
    positions: np.ndarray  # their positions in the epoch's order (1-based)
    in_batch: np.ndarray  # which shown rows belong to the batch
    w: float  # w_j before the step
    batch_grad: float  # g_j of the batch
    full_grad: float  # ∂C/∂w_j over all rows
    w_after: float  # w_j − α·g_j
    cost_before: float  # full-data cost before the step (NaN after divergence)
    cost_after: float
    diverged: bool  # the run diverged before this step
    inspect: Inspect

    @property
    def diverged_at(self) -> int:
        """The step at which the run diverged (it is before this one), -1 if it did not."""
        if not self.diverged:
            return -1
        return self.inspect.diverged_at if self.inspect.diverged_at >= 0 else self.step

    @property
    def caption(self) -> dict[str, int]:
        """The numbers of the table's caption, by their names in the text."""
        names = ("first", "last", "epoch", "start", "stop", "size")
        return {name: getattr(self, name) for name in names}


def step(
    X: np.ndarray,
    y: np.ndarray,
    task: str,
    batch: int,
    lr: float,
    seed,
    epoch: int,
    k: int,
    feature: int,
) -> Step:
    """Batch ``k`` of epoch ``epoch``: which rows it uses and what it does to weight ``feature``."""
    m, n = X.shape
    batch, _, seed = _settings(m, batch, 1, seed)
    nb = batches.batches_per_epoch(m, batch)
    epoch, k, j = whole(epoch, 1, EPOCHS[1], 1), whole(k, 1, nb, 1), whole(feature, 1, n, 1)
    t = (epoch - 1) * nb + k
    look = inspect(X, y, task, batch, lr, seed, t)
    order = epoch_order(m, seed, epoch)
    start, stop = (k - 1) * batch, min(k * batch, m)
    first = max(0, start - TABLE_PAD)
    last = min(m, stop + TABLE_PAD, first + TABLE_MAX_ROWS)
    positions = np.arange(first, last)
    rows = order[first:last]
    w, g = float(look.params[j - 1]), float(look.batch_grad[j - 1])
    return Step(
        step=t,
        epoch=epoch,
        k=k,
        feature=j,
        start=start + 1,
        stop=stop,
        size=stop - start,
        first=first + 1,
        last=last,
        rows=rows,
        row_numbers=rows + 1,
        positions=positions + 1,
        in_batch=(positions >= start) & (positions < stop),
        w=w,
        batch_grad=g,
        full_grad=float(look.full_grad[j - 1]),
        w_after=float(look.params_after[j - 1]),
        cost_before=look.cost_before,
        cost_after=look.cost_after,
        diverged=not math.isfinite(look.cost_before),
        inspect=look,
    )


# -- 2. the cost against four clocks ------------------------------------------------------------
def record_every(total_steps: int) -> int:
    """Record every k-th step so that a curve has at most :data:`MAX_RECORDS` points."""
    return max(1, -(-total_steps // MAX_RECORDS))


def run(
    X: np.ndarray, y: np.ndarray, task: str, batch: int, lr: float, epochs: int, seed
) -> training.TrainingRun:
    """Plain mini-batch gradient descent from 0, at most :data:`MAX_STEPS` steps."""
    batch, epochs, seed = _settings(X.shape[0], batch, epochs, seed)
    loss = make_loss(X, y, task)
    nb = batches.batches_per_epoch(loss.n_samples, batch)
    total = min(epochs * nb, MAX_STEPS)
    return training.train(
        loss,
        gd(lr),
        np.zeros(loss.dim),
        batch,
        epochs,
        seed,
        record_every=record_every(total),
        max_steps=total,
    )


class Curve(NamedTuple):
    """One run's full-data cost against each clock (steps, epochs, examples, milliseconds)."""

    batch: int
    steps: np.ndarray
    examples: np.ndarray
    ms: np.ndarray  # measured training time up to each record
    loss: np.ndarray
    epochs: np.ndarray  # 0, 1, ..., E
    epoch_loss: np.ndarray
    diverged_at: int  # -1: never
    steps_taken: int
    ms_total: float  # measured training time of the whole run

    @property
    def diverged(self) -> bool:
        return self.diverged_at >= 0


def _curve(r: training.TrainingRun) -> Curve:
    traj = r.trajectory
    return Curve(
        batch=r.batch_size,
        steps=traj.steps,
        examples=r.examples,
        ms=r.seconds * 1e3,
        loss=traj.loss,
        epochs=np.arange(len(r.epoch_loss)),
        epoch_loss=r.epoch_loss,
        diverged_at=int(traj.diverged_at),
        steps_taken=int(traj.steps[-1]),
        ms_total=float(np.nansum(r.epoch_seconds) * 1e3),
    )


class Curves(NamedTuple):
    """Section 2: the chosen batch size and full batch, same rate, epochs and shuffles."""

    chosen: Curve
    full: Curve  # the same run as ``chosen`` when the batch holds every row
    show_full: bool  # False when the chosen batch is the full batch
    capped: bool  # the chosen run stopped at MAX_STEPS before its last epoch
    max_steps: int
    record: int  # a point is drawn every ``record`` steps

    @property
    def caption(self) -> dict[str, float]:
        """The numbers of the curves' caption, by their names in the text."""
        return {
            "steps_chosen": self.chosen.steps_taken,
            "steps_full": self.full.steps_taken,
            "ms_chosen": self.chosen.ms_total,
            "ms_full": self.full.ms_total,
            "record": self.record,
        }

    @property
    def shown(self) -> tuple[tuple[str, Curve], ...]:
        """``("chosen", curve)`` and, unless it is the same run, ``("full", curve)``."""
        return (("chosen", self.chosen),) + ((("full", self.full),) if self.show_full else ())

    @property
    def look(self) -> dict[str, float]:
        """The numbers of the lines under the four charts, by their names in the text: where
        each run starts and ends, the chosen run's cost when full batch has made all its
        steps, both costs after the first epoch, and the run's measured times."""
        chosen, full = self.chosen, self.full
        return {
            "first": float(chosen.loss[0]),
            "chosen_end": _last(chosen.loss),
            "full_end": _last(full.loss),
            "chosen_at": float(np.interp(full.steps_taken, chosen.steps, chosen.loss)),
            "chosen_e1": float(chosen.epoch_loss[min(1, len(chosen.epoch_loss) - 1)]),
            "full_e1": float(full.epoch_loss[min(1, len(full.epoch_loss) - 1)]),
            "examples": int(chosen.examples[-1]),
            "epochs": int(chosen.epochs[-1]),
            "steps_chosen": chosen.steps_taken,
            "steps_full": full.steps_taken,
            "ms_chosen": chosen.ms_total,
            "ms_full": full.ms_total,
        }


def _last(values: np.ndarray) -> float:
    """The last finite value of a record (NaN when there is none)."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    return float(finite[-1]) if finite.size else math.nan


def curves(
    X: np.ndarray, y: np.ndarray, task: str, batch: int, lr: float, epochs: int, seed
) -> Curves:
    """Both runs of section 2 and the numbers of its caption."""
    m = X.shape[0]
    batch, epochs, seed = _settings(m, batch, epochs, seed)
    chosen = run(X, y, task, batch, lr, epochs, seed)
    full = chosen if batch == m else run(X, y, task, m, lr, epochs, seed)
    steps = int(chosen.trajectory.steps[-1])
    return Curves(
        chosen=_curve(chosen),
        full=_curve(full),
        show_full=batch != m,
        capped=steps < epochs * batches.batches_per_epoch(m, batch),
        max_steps=MAX_STEPS,
        record=record_every(steps),
    )


# -- 3. the path on the map ---------------------------------------------------------------------
class Contour(NamedTuple):
    """The two-parameter model (one feature and the bias): cost grid, optimum and paths."""

    ws: np.ndarray
    bs: np.ndarray
    z: np.ndarray
    optimum: np.ndarray
    path: np.ndarray  # (k, 2) chosen batch size
    full_path: np.ndarray  # (k, 2) full batch
    diverged: bool
    show_full: bool  # False when the chosen batch is the full batch
    steps: tuple[int, int] = (0, 0)  # update steps taken by the chosen run and by full batch

    @property
    def shown(self) -> tuple[tuple[str, np.ndarray], ...]:
        """``("chosen", path)`` and, unless it is the same run, ``("full", path)``."""
        return (("chosen", self.path),) + ((("full", self.full_path),) if self.show_full else ())

    @property
    def look(self) -> dict[str, float]:
        """The numbers of the line under the map: steps taken and how far from the optimum
        (in the (w, b) plane) each path ends."""
        gap = [
            float(np.linalg.norm(p[-1] - self.optimum)) if len(p) else math.nan
            for p in (self.path, self.full_path)
        ]
        return {
            "steps_chosen": self.steps[0],
            "steps_full": self.steps[1],
            "gap_chosen": gap[0],
            "gap_full": gap[1],
        }


def contour(
    X: np.ndarray,
    y: np.ndarray,
    task: str,
    feature: int,
    batch: int,
    lr: float,
    epochs: int,
    seed,
) -> Contour:
    """Paths of the chosen batch size and of full batch on the full-data cost of ``(w, b)``.

    ``feature`` is j, 1-based as on the page.
    """
    m = X.shape[0]
    batch, epochs, seed = _settings(m, batch, epochs, seed)
    j = whole(feature, 1, X.shape[1], 1) - 1
    loss = make_loss(X[:, [j]], y, task)
    paths, taken = [], []
    diverged = False
    for size in (batch, m):
        nb = batches.batches_per_epoch(m, size)
        total = min(epochs * nb, MAX_STEPS)
        r = training.train(
            loss,
            gd(lr),
            np.zeros(2),
            size,
            epochs,
            seed,
            record_every=max(1, -(-total // MAX_PATH)),
            max_steps=total,
        )
        path = r.trajectory.params
        taken.append(int(r.trajectory.steps[-1]))
        finite = np.all(np.isfinite(path), axis=1)
        diverged |= not finite.all()
        paths.append(path[finite])
    best, _ = loss.optimum()
    pts = np.vstack([paths[0], paths[1], best[None], np.zeros((1, 2))])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, 1e-3)
    lo, hi = lo - 0.12 * span, hi + 0.12 * span
    ws, bs = np.linspace(lo[0], hi[0], GRID), np.linspace(lo[1], hi[1], GRID)
    z = training.cost_grid(loss, ws, bs)
    return Contour(ws, bs, z, best, paths[0], paths[1], diverged, batch != m, tuple(taken))


# -- 4. the batch-size sweep --------------------------------------------------------------------
def sweep_sizes(m: int) -> tuple[int, ...]:
    """Batch sizes 1, 2, 4, ... below m, then m itself (full batch)."""
    m = checks.integer(m, "m", minimum=1)
    sizes = [1 << k for k in range(m.bit_length()) if (1 << k) < m]
    return tuple(sizes + [m])


def sweep_budget(m: int) -> int:
    """Examples each learning rate may use in the sweep."""
    return min(SWEEP_MAX_EPOCHS * m, SWEEP_MAX_EXAMPLES)


def time_epoch(loss, batch_size: int, lr: float, *, seed=0, repeats: int = 3) -> float:
    """Seconds for one epoch of mini-batch gradient descent: the fastest of ``repeats``.

    The minimum is the usual estimate of a timing (``timeit`` does the same): it is the run
    least disturbed by other work on the machine. The parameters start at 0.
    """
    repeats = checks.integer(repeats, "repeats", minimum=1)
    best = np.inf
    for r in range(repeats):
        one = training.train(
            loss, gd(lr), np.zeros(loss.dim), batch_size, 1, (seed, r), record_every=10**9
        )
        best = min(best, float(one.epoch_seconds[0]))
    return best


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
    rel: float = SWEEP_REL,
    check_every: int | None = None,
    max_examples: int | None = None,
    repeats: int = SWEEP_REPEATS,
) -> SweepPoint:
    r"""Time one epoch and the time to the target for every learning rate in ``lrs``.

    Plain mini-batch gradient descent from 0 with a constant learning rate. The full-data cost
    is checked after the step that crosses every multiple of ``check_every`` examples
    (default ``m // 8``, so at least 8 checks an epoch; with large batches, after every
    step); training stops at the first check with :math:`C - C^\star \le \mathrm{rel}\,C^\star`
    or after ``max_examples`` examples (default ``20·m``). Only the training is timed, the
    checks are not. A learning rate whose cost blows up (the Guard of ``optim_core.run``) is
    marked diverged. A mini-batch run whose lowest gap :math:`(C - C^\star)/C^\star` has not
    improved by 2 % for about three epochs and half of its checks is *stalled* at its noise
    floor and stopped there (full batch has no noise, so it always runs on). The winning
    learning rate's run is repeated ``repeats`` times in all (it takes the same steps every
    time) and the fastest time is kept, like ``timeit``: the least disturbed measurement.

    Learning rates are tried in the given order, and once one has reached the target a later
    one is stopped when it has used as many examples (it can no longer win): this keeps the
    sweep short. The best learning rate is the one that reaches the target after the fewest
    examples — for a fixed batch size time is proportional to steps, and the count, unlike a
    clock, does not jitter; if none reaches the target, the one with the lowest floor (the
    lowest relative gap seen).
    """
    training.BatchGradient(loss)  # checks the loss
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
        trial = _trial(loss, batch_size, lr, seed, check_every, budget, optimum, rel)
        trials.append(trial)
        if trial.examples_to_target >= 0:
            budget = min(budget, trial.examples_to_target)
    best = _best(trials)
    if best.examples_to_target >= 0:
        # time the winning run again (it takes the same steps): keep the fastest, as timeit does
        for _ in range(repeats - 1):
            again = _trial(
                loss, batch_size, best.lr, seed, check_every, best.examples_to_target, optimum, rel
            )
            if again.examples_to_target == best.examples_to_target:
                best = best._replace(
                    seconds_to_target=min(best.seconds_to_target, again.seconds_to_target)
                )
        trials = [best if t.lr == best.lr else t for t in trials]
    per_epoch = time_epoch(loss, batch_size, best.lr, seed=seed, repeats=repeats)
    return SweepPoint(batch_size, per_epoch, best, tuple(trials))


def _trial(loss, batch_size, lr, seed, check_every, budget, optimum, rel) -> LrTrial:
    """Train from 0 until the target, divergence or ``budget`` examples; see the sweep."""
    m = loss.n_samples
    full = batch_size >= m
    goal = training.target_cost(optimum, rel)
    scale = max(abs(optimum), 1e-12)
    run = training.MiniBatchRun(loss, gd(lr), np.zeros(loss.dim), batch_size, -(-budget // m), seed)
    seen = 0
    reached = None
    gaps = []
    stalled = False
    ref, improved_at = np.inf, 0  # gap at the last 2 % improvement, and its check
    window = 5 * max(1, m // max(check_every, batch_size))  # checks in about 5 epochs
    next_check = check_every
    with run:
        while seen < budget:
            cost = run.advance(run.steps_to_see(min(next_check, budget)))
            seen = run.examples
            next_check = (seen // check_every + 1) * check_every
            if run.diverged:
                break
            gaps.append((cost - optimum) / scale)
            if cost <= goal:
                reached = (seen, run.step, run.elapsed)
                break
            if gaps[-1] < 0.98 * ref:
                ref, improved_at = gaps[-1], len(gaps) - 1
            if not full and len(gaps) - 1 - improved_at >= max(window, 2 * len(gaps) // 3):
                stalled = True  # jittering at its noise floor: more of the same will not help
                break
    floor = float(min(gaps)) if gaps else float("nan")
    falling = bool(
        reached is None
        and not run.diverged
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
        diverged=run.diverged,
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


def sweep_point(X: np.ndarray, y: np.ndarray, task: str, batch: int) -> SweepPoint:
    """One batch size of the page's sweep: epoch time and time to within 1 % of the optimum."""
    loss = make_loss(X, y, task)
    return sweep_batch_size(
        loss,
        batch,
        SWEEP_LRS,
        seed=SWEEP_SEED,
        max_examples=sweep_budget(loss.n_samples),
    )


class Outcome(NamedTuple):
    """What happened to one learning rate of the sweep: text key ``outcome.<key>`` and fields."""

    batch: int
    lr: float
    key: str  # diverged, reached, floor, pruned or falling
    examples: int
    floor: float


def outcome(trial: LrTrial, batch: int, budget: int) -> Outcome:
    """Why one trial ended: diverged, reached, stuck at a floor, pruned or still falling."""
    if trial.diverged:
        key, examples = "diverged", trial.examples
    elif trial.examples_to_target >= 0:
        key, examples = "reached", trial.examples_to_target
    elif trial.stalled:
        key, examples = "floor", trial.examples
    elif trial.examples < budget:
        key, examples = "pruned", trial.examples
    elif trial.still_falling:
        key, examples = "falling", trial.examples
    else:
        key, examples = "floor", trial.examples
    return Outcome(batch, trial.lr, key, examples, trial.floor)


class Sweep(NamedTuple):
    """Section 4: the sweep's table, chart, result sentences and how it was measured."""

    sizes: tuple[int, ...]
    lrs: tuple[float, ...]  # best learning rate per batch size
    epoch_ms: tuple[float, ...]  # one epoch, ms (rounded to 3 decimals, as in the table)
    per_epoch_ms: np.ndarray  # one epoch, ms
    target_ms: np.ndarray  # to the target, ms (NaN: not reached)
    reached: tuple[bool, ...]
    steps: tuple[int, ...]  # steps to the target (-1: not reached)
    examples: tuple[int, ...]  # examples to the target (-1: not reached)
    floors: tuple[float, ...]  # the lowest gap of the best rate
    all_reached: bool
    fastest: int | None  # the batch size that got there first (None: none did)
    fastest_ms: float
    sgd_ms: float  # NaN when SGD did not reach the target
    full_ms: float
    sgd_reached: bool
    full_reached: bool
    sgd_epoch_ms: float
    full_epoch_ms: float
    stuck: tuple[int, ...]  # not reached, stuck at a noise floor
    falling: tuple[int, ...]  # not reached, still falling when the budget ran out
    rates: tuple[float, ...]  # the learning rates tried
    budget: int  # examples per learning rate
    check: int  # the cost is checked every this many examples
    seed: int
    outcomes: tuple[Outcome, ...]

    @property
    def result(self) -> dict[str, float]:
        """The numbers of the result sentence (batch size, ms), by their names in the text."""
        return {
            "batch": self.fastest,
            "ms": self.fastest_ms,
            "sgd_epoch": self.sgd_epoch_ms,
            "full_epoch": self.full_epoch_ms,
        }

    @property
    def how(self) -> dict[str, int]:
        """The whole numbers of "how this was measured", by their names in the text."""
        return {"budget": self.budget, "check": self.check, "seed": self.seed}


def sweep(points: tuple[SweepPoint, ...], m: int) -> Sweep:
    """Everything section 4 shows, from the per-size results of :func:`sweep_point`."""
    budget = sweep_budget(m)
    best = [p.best for p in points]
    target_ms = np.array([b.seconds_to_target for b in best]) * 1e3
    per_epoch_ms = np.array([p.seconds_per_epoch for p in points]) * 1e3
    reached = tuple(p.reached for p in points)
    hits = [i for i, ok in enumerate(reached) if ok]
    fastest = min(hits, key=lambda i: target_ms[i]) if hits else None
    return Sweep(
        sizes=tuple(p.batch_size for p in points),
        lrs=tuple(b.lr for b in best),
        epoch_ms=tuple(round(float(ms), 3) for ms in per_epoch_ms),
        per_epoch_ms=per_epoch_ms,
        target_ms=target_ms,
        reached=reached,
        steps=tuple(b.steps_to_target for b in best),
        examples=tuple(b.examples_to_target for b in best),
        floors=tuple(b.floor for b in best),
        all_reached=all(reached),
        fastest=None if fastest is None else points[fastest].batch_size,
        fastest_ms=float("nan") if fastest is None else float(target_ms[fastest]),
        sgd_ms=float(target_ms[0]),
        full_ms=float(target_ms[-1]),
        sgd_reached=reached[0],
        full_reached=reached[-1],
        sgd_epoch_ms=float(per_epoch_ms[0]),
        full_epoch_ms=float(per_epoch_ms[-1]),
        stuck=tuple(p.batch_size for p in points if not p.reached and not p.best.still_falling),
        falling=tuple(p.batch_size for p in points if not p.reached and p.best.still_falling),
        rates=SWEEP_LRS,
        budget=budget,
        check=max(1, m // 8),
        seed=SWEEP_SEED,
        outcomes=tuple(outcome(t, p.batch_size, budget) for p in points for t in p.trials),
    )
