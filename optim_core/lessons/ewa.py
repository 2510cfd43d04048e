r"""Exponentially weighted averages (EWA): the running average behind momentum, RMSprop and Adam.

The average :math:`V_t = \beta V_{t-1} + (1-\beta)\theta_t`, :math:`V_0 = 0`, is in
:mod:`optim_core.ewa`. This lesson shows four facts about it, one page section each:

1. **The running average** (:func:`running`). Each new value keeps the fraction β of the
   old average and adds 1 − β of the new value; the average reaches back about
   :math:`1/(1-\beta)` points, so a larger β is smoother and later.
2. **The window and e** (:func:`weights`). The point k steps back weighs
   :math:`(1-\beta)\beta^k`, so relative to the newest point its weight is :math:`\beta^k`.
   With :math:`n = 1/(1-\beta)`, i.e. :math:`\beta = 1 - 1/n`, the weight n steps back is
   :math:`(1 - 1/n)^n`, which rises towards :math:`1/e \approx 0.368` as n grows
   (:func:`decay_to_e`, :func:`window_ratio`): about :math:`1/(1-\beta)` points carry the
   average.
3. **Bias correction** (:func:`bias`). From :math:`V_0 = 0` the weights of :math:`V_t` sum to
   :math:`1 - \beta^t`; the corrected :math:`\hat V_t = V_t / (1-\beta^t)` multiplies by the
   factor :func:`correction_factor` :math:`1/(1-\beta^t)`, which tends to 1 as t grows, so it
   matters only at the start. :math:`\hat V_t` is the weighted mean with weights
   :math:`\beta^k / \sum_{j<t}\beta^j` that sum to one (:func:`normalized_weights`), the same as
   ``pandas.Series.ewm(alpha=1-beta, adjust=True).mean()`` (:func:`pandas_ewm`).
4. **The bridge to momentum** (:func:`noisy_gradients`). :func:`minibatch_gradients` gives the
   mini-batch gradients of a loss at a fixed point, one per step: the noisy sequence that
   momentum averages.

The data: a built-in series (:func:`series`) or an uploaded table (:func:`upload_columns`,
:func:`upload_series`).
"""

from __future__ import annotations

import hashlib
import math
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from optim_core import checks, datasets
from optim_core.batches import batches_per_epoch, minibatches
from optim_core.datasets import SERIES, DataError
from optim_core.ewa import ewa, window
from optim_core.ewa import weights as ewa_weights
from optim_core.losses import LinearRegression, standardize

__all__ = [
    "SERIES",
    "DataError",
    "correction_factor",
    "decay_to_e",
    "minibatch_gradients",
    "normalized_weights",
    "pandas_ewm",
    "window_ratio",
    "window_weight_index",
]

# -- the page's settings --------------------------------------------------------------------
DEFAULT_SERIES = "seattle_temp"
UPLOAD = "upload"
SERIES_OPTIONS = (*SERIES, UPLOAD)  # the data keys themselves go into the link
BETA_MIN, BETA_MAX, BETA_STEP = 0.0, 0.999, 0.001
BETA_DEFAULTS = (0.5, 0.9, 0.98)  # the three averages of section 1
WEIGHTS_BETA = 0.9  # β of section 2
BATCH_SIZES = (1, 2, 4, 8, 16, 32, 64)
DEFAULT_BATCH = 8
VALUE_SYMBOL = "θ"  # the value axis of a built-in series: θ (unit)
DATE_HINTS = ("date", "time", "day", "month", "year", "날짜", "일자", "일시", "연도", "시간")
TRY_BETA = 0.98  # the "what to try" of section 1: the lag of β = 0.98
TRY_LAG = 1.0 / (1.0 - TRY_BETA)

INV_E = math.exp(-1.0)
FIRST = 30  # points in the bias-correction close-up
MAX_BARS = 3001  # weight bars at most: 3 windows at β = 0.999, so k = 1/(1-β) is always marked
DECAY_N = (1, 2, 3, 5, 10, 20, 50, 100, 1000, 10000)  # the (1-1/n)^n table
SHOWN_SHARE = 0.999  # the weight chart says when its bars hold less of the total than this
SETTLED = 1.01  # "the correction no longer matters": factor below this
WARM_UP = 0.9  # without correction, a β from here on starts visibly below the data
GRADIENT_TABLE = "cars"
GRADIENT_FEATURE = "Horsepower"
GRADIENT_TARGET = "Miles_per_Gallon"
GRADIENT_STEPS = 300
GRADIENT_SEED = 0


# -- the facts about the average -------------------------------------------------------------


def decay_to_e(n) -> np.ndarray:
    r""":math:`(1 - 1/n)^n` for whole numbers ``n >= 1``; it increases towards :math:`1/e`.

    ``n = 1`` gives 0, ``n = 2`` gives 0.25, ``n = 10`` gives 0.3487, ``n = 100`` 0.3660.
    Computed as ``exp(n * log1p(-1/n))`` so large n keeps full precision.
    """
    n = np.asarray(n, dtype=np.float64)
    if np.any(n < 1) or np.any(n != np.floor(n)):
        raise ValueError("n must hold whole numbers >= 1")
    with np.errstate(divide="ignore"):  # n = 1: log(0) = -inf, exp(-inf) = 0, which is right
        return np.exp(n * np.log1p(-1.0 / n))


def window_ratio(beta: float) -> float:
    r""":math:`\beta^{1/(1-\beta)}`: the weight one window back, relative to the newest point.

    Equals :math:`(1-1/n)^n` with :math:`n = 1/(1-\beta)` and approaches :math:`1/e` as
    :math:`\beta \to 1` (0.3487 at 0.9, 0.3660 at 0.99). At :math:`\beta = 0` it is 0.
    """
    beta = checks.beta(beta)
    if beta == 0.0:
        return 0.0
    return float(math.exp(math.log(beta) / (1.0 - beta)))


def window_weight_index(beta: float) -> int:
    """The whole step ``k = round(1 / (1 - beta))`` where the weight has fallen to about 1/e."""
    return int(round(1.0 / (1.0 - checks.beta(beta))))


def correction_factor(beta: float, t) -> np.ndarray:
    r"""The bias-correction factor :math:`1 / (1 - \beta^t)` for steps ``t >= 1``.

    At :math:`\beta = 0.9`: 10 at t = 1, 5.263 at t = 2, 3.690 at t = 3, and below 1.01 from
    t = 44 on. At :math:`\beta = 0` it is 1 for every t.
    """
    beta = checks.beta(beta)
    t = np.asarray(t, dtype=np.float64)
    if np.any(t < 1):
        raise ValueError("t must be >= 1 (the first step is t = 1)")
    return 1.0 / -np.expm1(t * math.log(beta)) if beta > 0 else np.ones_like(t)


def normalized_weights(beta: float, t: int) -> np.ndarray:
    r"""Weights of the corrected average :math:`\hat V_t` on :math:`\theta_t, \theta_{t-1}, …, \theta_1`.

    :math:`w_k = (1-\beta)\beta^k / (1-\beta^t) = \beta^k / \sum_{j=0}^{t-1}\beta^j`,
    k = 0 .. t-1 steps back; they sum to one.
    """
    beta = checks.beta(beta)
    t = checks.integer(t, "t", minimum=1)
    raw = beta ** np.arange(t, dtype=np.float64)
    return raw / raw.sum()


def pandas_ewm(series, beta: float) -> np.ndarray:
    """``pandas.Series.ewm(alpha=1 - beta, adjust=True).mean()``: the corrected EWA by pandas."""
    beta = checks.beta(beta)
    if beta == 0.0:
        return np.asarray(series, dtype=np.float64).copy()
    values = pd.Series(np.asarray(series, dtype=np.float64))
    return values.ewm(alpha=1.0 - beta, adjust=True).mean().to_numpy()


def minibatch_gradients(loss, point, batch_size: int, steps: int, seed) -> np.ndarray:
    r"""Mini-batch gradients of ``loss`` at the fixed ``point``, one row per step.

    Step s uses the s-th index array of :func:`optim_core.batches.minibatches` (fresh shuffle
    every epoch), so the rows are the noisy estimates :math:`g_B(p)` whose mean over an epoch is
    the full gradient :math:`\nabla C(p)`. Returns shape ``(steps, dim)``.
    """
    steps = checks.integer(steps, "steps", minimum=1)
    m = loss.n_samples
    epochs = -(-steps // batches_per_epoch(m, batch_size))
    stream = minibatches(m, batch_size, epochs, seed)
    point = np.asarray(point, dtype=np.float64)
    return np.stack([loss.grad(point, next(stream)) for _ in range(steps)])


# -- the data ---------------------------------------------------------------------------------


class SeriesData(NamedTuple):
    """The values to average, where they sit on the x axis, and how the value axis is named."""

    values: np.ndarray  # (T,) float64
    x: np.ndarray  # dates (datetime64) when dated, else 1 .. T
    dated: bool
    value_name: str  # θ for a built-in series, the column's name for an upload
    unit: str  # "" for an upload
    dropped: int  # rows left out as missing (uploads)
    source: str  # the built-in series' name, or UPLOAD
    n: int  # T, the number of values
    key: str  # names these values: the built-in series' name, or a digest of an upload


def _series_data(series: pd.Series, value_name: str, unit: str, dropped: int, source: str):
    values = series.to_numpy(dtype=np.float64)
    dated = isinstance(series.index, pd.DatetimeIndex)
    x = series.index.to_numpy() if dated else np.arange(1, len(values) + 1)
    key = source
    if source == UPLOAD:  # the same values, dates and column name give the same key
        digest = hashlib.blake2b(values.tobytes(), digest_size=16)
        digest.update(b"dates" if dated else b"rows")
        digest.update(x.astype("datetime64[ns]" if dated else np.int64).tobytes())
        digest.update(value_name.encode())
        key = f"{UPLOAD}:{digest.hexdigest()}"
    return SeriesData(values, x, dated, value_name, unit, dropped, source, len(values), key)


def series(name: str) -> SeriesData:
    """A built-in series (``SERIES``; an unknown name gives the default one)."""
    name = name if name in SERIES else DEFAULT_SERIES
    return _series_data(datasets.load_series(name), VALUE_SYMBOL, SERIES[name].unit, 0, name)


class UploadColumns(NamedTuple):
    """What an uploaded table offers: its number columns and, per number column, the
    columns that may hold its dates (``None`` first: no dates) and the one to preselect."""

    numeric: tuple[str, ...]
    dates: dict  # value column -> (options, index of the suggested one)


def upload_columns(frame: pd.DataFrame) -> UploadColumns:
    """The number columns of ``frame`` and a date column suggestion for each one."""
    numeric = tuple(datasets.numeric_columns(frame))
    dates = {}
    for value_column in numeric:
        others = [c for c in frame.columns if str(c) != value_column]
        hinted = [c for c in others if any(h in str(c).lower() for h in DATE_HINTS)]
        options = (None, *others)
        dates[value_column] = (options, options.index(hinted[0]) if hinted else 0)
    return UploadColumns(numeric, dates)


def upload_series(frame: pd.DataFrame, value_column: str, date_column=None) -> SeriesData:
    """One column of an uploaded table as the series (DataError when it cannot be used)."""
    values, dropped = datasets.series_from_frame(frame, value_column, date_column)
    return _series_data(values, str(value_column), "", dropped, UPLOAD)


# -- 1. the running average -------------------------------------------------------------------


class Running(NamedTuple):
    """Section 1: the averages of the chosen βs (rows in the order of their sliders)."""

    betas: tuple[float, ...]  # the βs switched on, rounded to the slider's step
    slots: tuple[int, ...]  # which slider (0, 1, 2) each one comes from: its colour
    windows: tuple[float, ...]  # 1/(1-β)
    rests: tuple[float, ...]  # 1-β
    plain: np.ndarray  # (k, T)  V_t from V_0 = 0
    corrected: np.ndarray  # (k, T)  V_t / (1 - β^t)
    shown: np.ndarray  # (k, T)  the one the page draws
    bias_correction: bool
    n: int  # T
    last_value: float  # θ_T
    v_prev: tuple[float, ...]  # V_{T-1} per β
    v_last: tuple[float, ...]  # V_T per β
    corrected_last: tuple[float, ...]  # V̂_T per β
    has_zero: bool  # a β is 0: that average is the series itself
    too_long: tuple[bool, ...]  # the window 1/(1-β) is longer than the series
    start_warning: bool  # uncorrected and a large β: the average starts far below the data
    constant: bool  # every value is the same (θ_T): each corrected average is that value


def choose_betas(sliders, switches) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """The βs of the sliders that are switched on (rounded to the slider's step), and their slots."""
    pairs = enumerate(zip(sliders, switches, strict=True))
    chosen = [(i, float(round(b, 3))) for i, (b, on) in pairs if on]
    return tuple(b for _, b in chosen), tuple(i for i, _ in chosen)


def _off_zero(values: np.ndarray) -> bool:
    """The first ten values average to something other than 0 (scaled first, so that values
    near the largest float do not overflow on the way)."""
    head = values[:10]
    scale = float(np.abs(head).max())
    return scale > 0 and float((head / scale).mean()) != 0


def running(values, sliders: tuple, switches: tuple, bias_correction: bool) -> Running:
    """The averages of ``values`` for the βs of ``sliders`` that ``switches`` turn on.

    ``values`` has at least two points (uploads are checked by ``series_from_frame``).
    """
    values = np.asarray(values, dtype=np.float64)
    betas, slots = choose_betas(sliders, switches)
    t = np.arange(1, len(values) + 1)
    plain = np.stack([ewa(values, b) for b in betas])
    factor = np.stack([correction_factor(b, t) for b in betas])
    corrected = plain * factor
    n = len(values)
    windows = tuple(window(b) for b in betas)
    return Running(
        betas=betas,
        slots=slots,
        windows=windows,
        rests=tuple(1.0 - b for b in betas),
        plain=plain,
        corrected=corrected,
        shown=corrected if bias_correction else plain,
        bias_correction=bool(bias_correction),
        n=n,
        last_value=float(values[-1]),
        v_prev=tuple(float(v) for v in plain[:, -2]),
        v_last=tuple(float(v) for v in plain[:, -1]),
        corrected_last=tuple(float(v) for v in corrected[:, -1]),
        has_zero=0.0 in betas,
        too_long=tuple(w > n for w in windows),
        start_warning=bool(not bias_correction and max(betas) >= WARM_UP and _off_zero(values)),
        constant=bool(np.all(values == values[0])),
    )


# -- 2. where the weight goes -----------------------------------------------------------------


class Weights(NamedTuple):
    """Section 2: the weights of one β, and the limit (1 − 1/n)ⁿ → 1/e."""

    beta: float
    weights: np.ndarray  # (1-β) β^k, k = 0 .. count-1
    count: int
    share: float  # 1 - β^count: the part of the total weight the bars hold
    cut: bool  # the bars hold less than SHOWN_SHARE of it
    k_window: int  # round(1 / (1-β))
    window: float  # 1 / (1-β)
    ratio: float  # β^(1/(1-β))
    inv_e: float
    gap: float  # ratio - 1/e
    n_beta: float | None  # where the chosen β sits on the curve (None at β = 0)
    value_beta: float | None
    decay_n: np.ndarray  # n for the curve (1-1/n)^n
    decay: np.ndarray
    table_n: np.ndarray  # DECAY_N
    table_beta: np.ndarray  # 1 - 1/n
    table_value: np.ndarray  # (1-1/n)^n
    table_gap: np.ndarray  # 1/e - (1-1/n)^n
    newest: float  # the weight of the newest value, 1 - β
    at_window: float  # the weight k_window steps back, (1-β) β^k_window


def weights(beta: float) -> Weights:
    """The weights ``(1-β)β^k`` over the last points and the curve ``(1-1/n)^n``."""
    beta = float(round(checks.beta(beta), 3))
    k_window = window_weight_index(beta)
    count = int(min(MAX_BARS, max(12, 3 * k_window + 1)))
    n = np.unique(np.concatenate([np.geomspace(1, 10000, 60).round(), DECAY_N]))
    table_n = np.array(DECAY_N)
    table_value = decay_to_e(table_n)
    ratio = window_ratio(beta)
    share = 1.0 - beta**count
    return Weights(
        beta=beta,
        weights=ewa_weights(beta, count),
        count=count,
        share=share,
        cut=share < SHOWN_SHARE,
        k_window=k_window,
        window=window(beta),
        ratio=ratio,
        inv_e=INV_E,
        gap=ratio - INV_E,
        n_beta=window(beta) if beta > 0 else None,
        value_beta=ratio if beta > 0 else None,
        decay_n=n,
        decay=decay_to_e(n),
        table_n=table_n,
        table_beta=1.0 - 1.0 / table_n,
        table_value=table_value,
        table_gap=INV_E - table_value,
        newest=1.0 - beta,
        at_window=(1.0 - beta) * beta**k_window,
    )


# -- 3. bias correction close up --------------------------------------------------------------


class Bias(NamedTuple):
    """Section 3: the first points with and without correction, and the correction factors."""

    first: int  # points in the close-up: min(FIRST, T)
    steps: np.ndarray  # 1 .. first
    raw: np.ndarray  # θ_1 .. θ_first
    plain: np.ndarray  # (k, first)
    corrected: np.ndarray  # (k, first)
    t: np.ndarray  # 1 .. T
    factor: np.ndarray  # (k, T)  1 / (1 - β^t)
    factor_first: tuple[float, ...]  # the factor at t = 1
    factor_last: tuple[float, ...]  # the factor at t = T
    settled_at: tuple[int, ...]  # first t with a factor below SETTLED (-1: never)
    focus: int  # the row of the largest β: the one written out
    focus_beta: float
    theta: tuple[float, ...]  # θ_1 .. θ_3
    powers: tuple[tuple[float, ...], ...]  # V̂_t = Σ_s β^(t-s) θ_s / Σ_s β^(t-s): the β^(t-s)
    corrected_first: tuple[float, ...]  # V̂_1 .. V̂_3 of the focus β
    pandas_first: tuple[float, ...]  # pandas ewm(adjust=True) at t = 1, 2, 3, the focus β
    plain_first: float  # V_1 = (1-β)·θ_1 of the focus β: where its uncorrected line starts


def bias(values, betas: tuple[float, ...]) -> Bias:
    """The close-up of the first points and the correction factors for each β."""
    values = np.asarray(values, dtype=np.float64)
    n = len(values)
    first = min(FIRST, n)
    t = np.arange(1, n + 1)
    factor = np.stack([correction_factor(b, t) for b in betas])
    plain = np.stack([ewa(values[:first], b) for b in betas])
    corrected = plain * factor[:, :first]
    settled = []
    for row in factor:
        below = np.flatnonzero(row < SETTLED)
        settled.append(int(below[0]) + 1 if below.size else -1)
    focus = int(np.argmax(betas))
    beta = betas[focus]
    head = min(3, n)
    powers = tuple(tuple(beta ** (k - 1 - s) for s in range(k)) for k in range(1, head + 1))
    return Bias(
        first=first,
        steps=np.arange(1, first + 1),
        raw=values[:first],
        plain=plain,
        corrected=corrected,
        t=t,
        factor=factor,
        factor_first=tuple(float(f) for f in factor[:, 0]),
        factor_last=tuple(float(f) for f in factor[:, -1]),
        settled_at=tuple(settled),
        focus=focus,
        focus_beta=beta,
        theta=tuple(float(v) for v in values[:head]),
        powers=powers,
        corrected_first=tuple(float(v) for v in corrected[focus, :head]),
        pandas_first=tuple(float(v) for v in pandas_ewm(values[:head], beta)),
        plain_first=float(plain[focus, 0]),
    )


# -- 4. the same average on noisy gradients ---------------------------------------------------


class GradientStream(NamedTuple):
    steps: np.ndarray  # 1 .. S
    grads: np.ndarray  # (S,) mini-batch gradient of w
    full: float  # full-batch gradient of w
    m: int  # rows used


@lru_cache(maxsize=len(BATCH_SIZES))
def gradient_stream(batch_size: int) -> GradientStream:
    """Mini-batch gradients of the weight of a standardized one-feature linear regression.

    Cars data: miles per gallon from horsepower, both standardized; the point is the usual
    start w = 0, b = 0, held fixed, so only the batches change from step to step. Kept per
    batch size (the arrays are read-only), so a new β only averages again.
    """
    df = datasets.load_table(GRADIENT_TABLE)
    table = datasets.table_from_frame(df, [GRADIENT_FEATURE], GRADIENT_TARGET, "regression")
    X, _, _ = standardize(table.X)
    y = (table.y - table.y.mean()) / table.y.std()
    loss = LinearRegression(X, y)
    point = np.zeros(loss.dim)
    grads = minibatch_gradients(loss, point, batch_size, GRADIENT_STEPS, GRADIENT_SEED)[:, 0]
    steps = np.arange(1, GRADIENT_STEPS + 1)
    for array in (grads, steps):
        array.setflags(write=False)
    return GradientStream(steps, grads, float(loss.grad(point)[0]), loss.n_samples)


class NoisyGradients(NamedTuple):
    """Section 4: mini-batch gradients, their averages per β, and how much each one wobbles."""

    batch_size: int
    steps: np.ndarray  # 1 .. S
    grads: np.ndarray  # (S,) mini-batch gradient of w
    full: float  # full-batch gradient of w
    m: int  # rows used
    averages: np.ndarray  # (k, S) EWA of the gradients per β
    tail: int  # how many last steps the spreads cover
    spread_raw: float  # std of the raw gradients over the last steps
    spread: tuple[float, ...]  # std of each average over the same steps


def noisy_gradients(batch_size, betas: tuple[float, ...], bias_correction: bool) -> NoisyGradients:
    """The gradients of :func:`gradient_stream` averaged with each β (``batch_size`` None or
    not one of ``BATCH_SIZES``: the default)."""
    batch_size = int(batch_size) if batch_size in BATCH_SIZES else DEFAULT_BATCH
    g = gradient_stream(batch_size)
    averages = np.stack([ewa(g.grads, b, bias_correction=bias_correction) for b in betas])
    tail = GRADIENT_STEPS * 2 // 3
    return NoisyGradients(
        batch_size,
        g.steps,
        g.grads,
        g.full,
        g.m,
        averages,
        tail,
        float(np.std(g.grads[-tail:])),
        tuple(float(np.std(a[-tail:])) for a in averages),
    )
