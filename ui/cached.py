"""The cached layer: one ``st.cache_data`` line per lesson function, each bounded.

Pages call these instead of the pure lessons in :mod:`optim_core.lessons`, so
returning to a setting (or a second visitor asking for it) is instant. Arguments
are plain values (numbers, strings, tuples) that Streamlit can hash; every cache
has ``max_entries``, and a ``ttl`` where visitors can create unbounded keys
(uploads, typed functions).
"""

from __future__ import annotations

import functools
import inspect

import streamlit as st

from optim_core import expression as race_expression
from optim_core import lessons
from optim_core.lessons import (
    adam,
    batch_sizes,
    ewa,
    gradient_descent,
    home,
    local_optima,
    momentum,
    race,
    rmsprop,
)
from ui import figures
from ui.figures import adam as adam_fig
from ui.figures import batch_sizes as batch_sizes_fig
from ui.figures import ewa as ewa_fig
from ui.figures import gradient_descent as gradient_descent_fig
from ui.figures import local_optima as local_optima_fig
from ui.figures import momentum as momentum_fig
from ui.figures import race as race_fig
from ui.figures import rmsprop as rmsprop_fig
from ui.formulas import race as race_formulas

FIGURE_TTL = 3600.0  # seconds: shared figures not asked for in an hour are let go


def _by_name(cached_function, signature_of):
    """Call ``cached_function`` with every argument by name.

    Streamlit names each positional argument of a cached call through
    ``inspect.signature``, once per argument on every call (about a sixth of a
    warm page run); binding through a signature read once here avoids that.
    """
    signature = inspect.signature(signature_of)

    @functools.wraps(signature_of)
    def call(*args, **kwargs):
        if args:
            kwargs = signature.bind_partial(*args, **kwargs).arguments
        return cached_function(**kwargs)

    call.clear = cached_function.clear
    return call


def data(max_entries: int, ttl: float | None = None):
    """``st.cache_data`` with a bound, and without Streamlit's own spinner (pages use ``busy``)."""

    def wrap(function):
        cached_function = st.cache_data(max_entries=max_entries, ttl=ttl, show_spinner=False)(
            function
        )
        return _by_name(cached_function, function)

    return wrap


def figure(max_entries: int, ttl: float | None = FIGURE_TTL):
    """A figure builder made shared: built once per distinct argument set (arrays, labels,
    numbers), frozen (:func:`ui.figures.freeze`) and handed to every session as the same
    object. ``st.cache_resource`` returns that object itself, never a copy, so a page
    must not change the figure it gets (a test checks pages never call ``update_*``)."""

    def wrap(builder):
        @functools.wraps(builder)
        def build_and_freeze(*args, **kwargs):
            return figures.freeze(builder(*args, **kwargs))

        cached_function = st.cache_resource(max_entries=max_entries, ttl=ttl, show_spinner=False)(
            build_and_freeze
        )
        return _by_name(cached_function, builder)

    return wrap


# -- shared ---------------------------------------------------------------------------------------
trajectory = data(128)(lessons.trajectory)
surface_grid = data(32)(lessons.surface_grid)

# -- home -----------------------------------------------------------------------------------------
home_preview = data(32)(home.preview)
home_contour_figure = figure(32)(figures.paths_on_contour)
home_loss_figure = figure(32)(figures.loss_curves)

# -- gradient_descent -----------------------------------------------------------------------------
gradient_descent_parabola = data(1)(gradient_descent.parabola)
gradient_descent_descent = data(64)(gradient_descent.descent)
gradient_descent_valley = data(64)(gradient_descent.valley)
# The figures are keyed by the page's plain settings and the language; the translated words
# (``_labels``, ``_note``: fixed by ``lang``) ride along unhashed, as Streamlit skips "_" names.


@figure(64)
def gradient_descent_descent_figure(lr, w0, steps, lang, _labels, _note):
    return gradient_descent_fig.descent_run_figure(lr, w0, steps, labels=_labels, note=_note)


@figure(128)  # one per step k
def gradient_descent_step_figure(lr, w0, steps, k, lang, _labels):
    return gradient_descent_fig.step_run_figure(lr, w0, steps, k, labels=_labels)


@figure(64)
def gradient_descent_contour_figure(rate, w0, b0, steps, raw, lang, _labels, _note):
    valley = (rate, w0, b0, steps, raw)
    return gradient_descent_fig.valley_contour_run(*valley, labels=_labels, note=_note)


@figure(64)
def gradient_descent_surface_figure(rate, w0, b0, steps, raw, camera, lang, _labels, _note):
    valley = (rate, w0, b0, steps, raw)
    return gradient_descent_fig.valley_surface_run(
        *valley, labels=_labels, camera=camera, note=_note
    )


# -- local_optima ---------------------------------------------------------------------------------
local_optima_landscape = data(1)(local_optima.landscape)
local_optima_start = data(64)(local_optima.start)
local_optima_basins = data(32)(local_optima.basins)  # its maps are also kept one by one
local_optima_saddle = data(64)(local_optima.saddle)
# the figures are keyed by the page's settings (numbers and labels: cheap to hash on every view)
local_optima_surface_figure = figure(8)(local_optima_fig.surface_view)  # cameras × langs
local_optima_paths_figure = figure(64)(local_optima_fig.start_map)
local_optima_costs_figure = figure(64)(local_optima_fig.start_cost_chart)
local_optima_basins_figure = figure(32)(local_optima_fig.basins_chart)
local_optima_bars_figure = figure(32)(local_optima_fig.shares_chart)
local_optima_norms_figure = figure(32)(local_optima_fig.saddle_norms_chart)
local_optima_saddle_figure = figure(32)(local_optima_fig.saddle_map)

# -- batch_sizes ----------------------------------------------------------------------------------
# A problem is known by ``Prepared.key`` (a digest made once, when the table is prepared):
# each cached call below hashes that short string and a few settings, while the data rides
# along under a parameter whose name starts with "_", which Streamlit does not hash.
BATCH_SIZES_TTL = 3600.0  # seconds: uploads make keys without bound, so they are forgotten
batch_sizes_builtin = data(8)(batch_sizes.builtin)


@data(8, BATCH_SIZES_TTL)
def _batch_sizes_upload_columns(file_id: str, task: str, _frame):
    return batch_sizes.upload_columns(_frame, task)


def batch_sizes_upload_columns(file_id: str, frame, task: str):
    """The columns of the uploaded file ``file_id`` (read as ``frame``) offered for ``task``."""
    return _batch_sizes_upload_columns(file_id, task, frame)


@data(8, BATCH_SIZES_TTL)
def _batch_sizes_from_upload(file_id: str, features: tuple, target: str, task: str, _frame):
    return batch_sizes.from_upload(_frame, features, target, task)


def batch_sizes_from_upload(file_id: str, frame, features: tuple, target: str, task: str):
    """The uploaded file ``file_id`` prepared with the chosen columns (raises as the lesson)."""
    return _batch_sizes_from_upload(file_id, tuple(features), target, task, frame)


@data(32, BATCH_SIZES_TTL)
def _batch_sizes_overview(key: str, batch, epochs, _data):
    return batch_sizes.overview(_data.X, _data.y, _data.task, batch, epochs)


def batch_sizes_overview(prepared, batch, epochs):
    return _batch_sizes_overview(prepared.key, batch, epochs, prepared)


@data(64, BATCH_SIZES_TTL)
def _batch_sizes_step(key: str, batch, lr, seed, epoch, k, feature, _data):
    return batch_sizes.step(_data.X, _data.y, _data.task, batch, lr, seed, epoch, k, feature)


def batch_sizes_step(prepared, batch, lr, seed, epoch, k, feature):
    return _batch_sizes_step(prepared.key, batch, lr, seed, epoch, k, feature, prepared)


@data(32, BATCH_SIZES_TTL)
def _batch_sizes_curves(key: str, batch, lr, epochs, seed, _data):
    return batch_sizes.curves(_data.X, _data.y, _data.task, batch, lr, epochs, seed)


def batch_sizes_curves(prepared, batch, lr, epochs, seed):
    return _batch_sizes_curves(prepared.key, batch, lr, epochs, seed, prepared)


@data(16, BATCH_SIZES_TTL)
def _batch_sizes_contour(key: str, feature, batch, lr, epochs, seed, _data):
    return batch_sizes.contour(_data.X, _data.y, _data.task, feature, batch, lr, epochs, seed)


def batch_sizes_contour(prepared, feature, batch, lr, epochs, seed):
    return _batch_sizes_contour(prepared.key, feature, batch, lr, epochs, seed, prepared)


@data(128, BATCH_SIZES_TTL)
def _batch_sizes_sweep_point(key: str, batch, _data):
    return batch_sizes.sweep_point(_data.X, _data.y, _data.task, batch)


def batch_sizes_sweep_point(prepared, batch):
    """One batch size of the sweep (the page calls these one by one only when measuring)."""
    return _batch_sizes_sweep_point(prepared.key, batch, prepared)


def _batch_sizes_shared(max_entries: int):
    """``st.cache_resource`` bound by name: one object handed to every view, never a copy
    (for results that are only read: the sweep, Arrow tables)."""

    def wrap(builder):
        cached_function = st.cache_resource(
            max_entries=max_entries, ttl=BATCH_SIZES_TTL, show_spinner=False
        )(builder)
        return _by_name(cached_function, builder)

    return wrap


@_batch_sizes_shared(32)  # read on every view: shared, not unpickled each time
def _batch_sizes_sweep(key: str, _data):
    sizes = batch_sizes.sweep_sizes(_data.m)
    return batch_sizes.sweep(tuple(batch_sizes_sweep_point(_data, s) for s in sizes), _data.m)


_BATCH_SIZES_SWEPT: dict[str, float] = {}  # key -> when this process measured its sweep


def _batch_sizes_clock() -> float:
    import time

    return time.monotonic()


def batch_sizes_swept(prepared) -> bool:
    """True while the whole sweep of ``prepared`` that this process measured is still cached
    (it is forgotten ``BATCH_SIZES_TTL`` after it was made): the page then asks for it in one
    call, without a progress bar."""
    made = _BATCH_SIZES_SWEPT.get(prepared.key)
    return made is not None and _batch_sizes_clock() - made < 0.95 * BATCH_SIZES_TTL


def batch_sizes_sweep(prepared):
    """Section 4's sweep in one cached call (its points come from their own cache)."""
    result = _batch_sizes_sweep(prepared.key, prepared)
    if not batch_sizes_swept(prepared):
        if len(_BATCH_SIZES_SWEPT) >= 4096:
            _BATCH_SIZES_SWEPT.clear()
        _BATCH_SIZES_SWEPT[prepared.key] = _batch_sizes_clock()
    return result


def _batch_sizes_say(lang: str):
    """The catalog in ``lang``: the builders below translate their own labels, so a figure
    is keyed by a language code instead of hashing every label on every view."""
    from ui import text as catalog

    return lambda key, **fields: catalog.get(key, lang, **fields)


@figure(64)  # four per setting
def _batch_sizes_clock_figure(key: str, run: tuple, clock: str, optimum: float, lang: str, _data):
    say, curves = _batch_sizes_say(lang), batch_sizes_curves(_data, *run)
    names, labels = (
        batch_sizes_fig.run_names(say, run[0], _data.m),
        batch_sizes_fig.curve_labels(say),
    )
    return batch_sizes_fig.clock_curve(curves, clock, names=names, optimum=optimum, labels=labels)


def batch_sizes_clock_figure(prepared, run: tuple, clock: str, optimum: float, lang: str):
    """Section 2's chart for ``clock`` of ``batch_sizes_curves(prepared, *run)``, in ``lang``."""
    return _batch_sizes_clock_figure(prepared.key, run, clock, optimum, lang, prepared)


@figure(32)
def _batch_sizes_contour_figure(key: str, run: tuple, lang: str, _data):
    say, contour = _batch_sizes_say(lang), batch_sizes_contour(_data, *run)
    names = batch_sizes_fig.run_names(say, run[1], _data.m)
    labels = batch_sizes_fig.map_labels(say, batch_sizes_fig.feature_label(say, _data, run[0]))
    title = say("batch_sizes.contour_title")
    return batch_sizes_fig.contour_paths(contour, names=names, labels=labels, title=title)


def batch_sizes_contour_figure(prepared, run: tuple, lang: str):
    """Section 3's map of ``batch_sizes_contour(prepared, *run)``, in ``lang``."""
    return _batch_sizes_contour_figure(prepared.key, run, lang, prepared)


@figure(32)
def _batch_sizes_sweep_figure(key: str, chosen: int, lang: str, _data):
    say, sweep = _batch_sizes_say(lang), batch_sizes_sweep(_data)
    labels, title = batch_sizes_fig.sweep_labels(say), say("batch_sizes.sweep_title")
    return batch_sizes_fig.sweep_figure(sweep, chosen=chosen, labels=labels, title=title)


def batch_sizes_sweep_figure(prepared, chosen: int, lang: str):
    """Section 4's chart, with the batch size ``chosen`` marked, in ``lang``."""
    return _batch_sizes_sweep_figure(prepared.key, chosen, lang, prepared)


def _batch_sizes_shown(table) -> dict:
    """A ``fig.Table`` as ``st.dataframe`` arguments: Arrow data (sent as it is, no pandas
    conversion per view) and a number format per column."""
    config = {
        name: st.column_config.NumberColumn(format=spec) for name, spec in table.formats.items()
    }
    config |= {name: st.column_config.TextColumn(width="small") for name in table.narrow}
    return {"data": batch_sizes_fig.arrow(table.frame), "column_config": config}


@_batch_sizes_shared(64)
def _batch_sizes_batch_table(key: str, batch, seed, epoch: int, k: int, lang: str, _data, _step):
    labels = batch_sizes_fig.batch_labels(_batch_sizes_say(lang), _data)
    return _batch_sizes_shown(batch_sizes_fig.batch_table(_data, _step, **labels))


def batch_sizes_batch_table(prepared, batch, seed, here, lang: str) -> dict:
    """Section 1's table of step ``here`` of ``batch_sizes_step(prepared, batch, ·, seed, …)``."""
    return _batch_sizes_batch_table(
        prepared.key, batch, seed, here.epoch, here.k, lang, prepared, here
    )


@_batch_sizes_shared(16)
def _batch_sizes_scaling_table(key: str, lang: str, _data):
    labels = batch_sizes_fig.scaling_labels(_batch_sizes_say(lang), _data)
    return _batch_sizes_shown(batch_sizes_fig.scaling_table(_data, labels))


def batch_sizes_scaling_table(prepared, lang: str) -> dict:
    return _batch_sizes_scaling_table(prepared.key, lang, prepared)


@_batch_sizes_shared(32)
def _batch_sizes_sweep_tables(key: str, lang: str, _data):
    labels = batch_sizes_fig.sweep_table_labels(_batch_sizes_say(lang))
    sweep = batch_sizes_sweep(_data)
    results = batch_sizes_fig.sweep_table(sweep, labels["columns"], labels["not_reached"])
    trials = batch_sizes_fig.trial_table(sweep, labels["trial_columns"], labels["outcomes"])
    return _batch_sizes_shown(results), _batch_sizes_shown(trials)


def batch_sizes_sweep_tables(prepared, lang: str) -> tuple[dict, dict]:
    """Section 4's two tables (results by batch size, every learning rate tried)."""
    return _batch_sizes_sweep_tables(prepared.key, lang, prepared)


# -- ewa ------------------------------------------------------------------------------------------
ewa_series = data(len(ewa.SERIES_OPTIONS))(ewa.series)  # "upload" gives the default series
ewa_columns = data(16, ttl=3600)(ewa.upload_columns)
ewa_upload = data(16, ttl=3600)(ewa.upload_series)
ewa_weights = data(128)(ewa.weights)
ewa_gradients = data(64)(ewa.noisy_gradients)
# A series is named by its key (``SeriesData.key``), and a figure by a small key of the page's
# settings and the language (the series' key, the βs, their sliders, the switch): the values,
# arrays and translated words, which that key fixes, ride along unhashed (Streamlit skips "_"
# names). Hashing them cost about 0.3 ms per chart on every run.


@data(64, ttl=3600)
def _ewa_running(key: str, sliders, switches, bias_correction, _values):
    return ewa.running(_values, sliders, switches, bias_correction)


def ewa_running(data: ewa.SeriesData, sliders, switches, bias_correction) -> ewa.Running:
    return _ewa_running(data.key, sliders, switches, bias_correction, data.values)


@data(64, ttl=3600)
def _ewa_bias(key: str, betas, _values):
    return ewa.bias(_values, betas)


def ewa_bias(data: ewa.SeriesData, betas) -> ewa.Bias:
    return _ewa_bias(data.key, betas, data.values)


def _ewa_figure(max_entries: int, builder):
    """``builder`` shared by ``key`` alone: ``call(key, *args, **kwargs)`` builds
    ``builder(*args, **kwargs)`` once per key, which must name everything the figure shows."""

    def keyed(key: tuple, _args: tuple, _kwargs: dict):
        return builder(*_args, **_kwargs)

    keyed.__module__, keyed.__qualname__ = builder.__module__, builder.__qualname__  # its cache
    shared = figure(max_entries)(keyed)

    def call(key: tuple, *args, **kwargs):
        return shared(key, args, kwargs)

    call.clear = shared.clear
    return call


ewa_overlay_figure = _ewa_figure(32, ewa_fig.overlay)  # the big one: an hourly series ~0.2 MiB
ewa_weights_figure = _ewa_figure(64, ewa_fig.weight_bars)
ewa_decay_figure = _ewa_figure(64, ewa_fig.decay_limit)
ewa_closeup_figure = _ewa_figure(64, ewa_fig.bias_closeup)
ewa_factor_figure = _ewa_figure(64, ewa_fig.correction_curves)
ewa_gradients_figure = _ewa_figure(64, ewa_fig.gradient_stream)

# -- momentum -------------------------------------------------------------------------------------
momentum_rule = data(256)(momentum.rule)
momentum_race = data(64)(momentum.race)
momentum_valley = data(32)(momentum.valley)
momentum_reach = data(64)(momentum.reach)
momentum_cancellation = data(64)(momentum.cancellation)
momentum_sweep = data(64)(momentum.sweep)
momentum_directions = data(32)(momentum.directions)
# The figures are keyed by the page's settings and the language; the translated words
# (``_labels``, ``_note``, ``_title``: fixed by ``lang``) ride along unhashed ("_" names).


@figure(128)  # one per step k
def momentum_step_figure(lr, beta, kappa, steps, k, lang, _labels):
    rule, race = momentum_rule(lr, beta, kappa, steps, k), momentum_race(lr, beta, kappa, steps)
    box = momentum.bowl(kappa).bounds
    return momentum_fig.step_figure(rule, race.m_path, box=box, labels=_labels)


@figure(24)
def momentum_race_figure(lr, beta, kappa, steps, lang, _labels, _note):
    race = momentum_race(lr, beta, kappa, steps)
    notes = momentum_fig.race_notes(race, _note)
    paths = (race.gd_path, race.m_path)
    valley = momentum_valley(kappa)
    return momentum_fig.race(*valley, *paths, start=momentum.START, labels=_labels, notes=notes)


@figure(48)
def momentum_costs_figure(lr, beta, kappa, steps, lang, _labels):
    race, reach = momentum_race(lr, beta, kappa, steps), momentum_reach(lr, beta, kappa)
    reached = {"gd": reach.gd_steps, "momentum": reach.m_steps}
    losses = (race.gd_loss, race.m_loss)
    return momentum_fig.costs(*losses, target=race.target, reached=reached, labels=_labels)


@figure(96)  # two per setting: b and w
def momentum_components_figure(lr, beta, kappa, steps, axis, lang, _labels, _title):
    c = momentum_cancellation(lr, beta, kappa, steps)
    g, v, g_plain = c.g[:, axis], c.v[:, axis], c.g_plain[:, axis]
    return momentum_fig.components(
        g, v, g_plain=g_plain, first=c.first, labels=_labels, title=_title
    )


@figure(64)  # two per κ: the valley and the tips data
def momentum_direction_figure(kappa, which, lang, _labels, _title):
    view = getattr(momentum_directions(kappa), which)
    return momentum_fig.direction_map(view, labels=_labels, title=_title, equal=which == "valley")


@figure(48)
def momentum_sweep_figure(lr, kappa, beta, lang, _labels):
    rows = momentum_sweep(lr, kappa, beta).rows
    return momentum_fig.sweep(rows, chosen=beta, labels=_labels)


# -- rmsprop --------------------------------------------------------------------------------------
rmsprop_setup = data(256)(rmsprop.setup)
rmsprop_update = data(256)(rmsprop.update)
rmsprop_first_move = data(64)(rmsprop.first_move)
rmsprop_valley = data(32)(rmsprop.valley)
rmsprop_rates = data(64)(rmsprop.rates)
rmsprop_near_minimum = data(64)(rmsprop.near_minimum)
# The figures are keyed by the settings and the language; the translated words (the "_"
# arguments, fixed by ``lang``) ride along unhashed.


@figure(128)  # one per step k
def rmsprop_step_figure(setup, k, lang, _labels):
    step, run = rmsprop_update(setup, k), rmsprop_valley(setup)
    box = rmsprop.box(setup.kappa)
    return rmsprop_fig.step_figure(step, run.rms_path, setup.gd_lr, box=box, labels=_labels)


@figure(24)
def rmsprop_valley_figure(setup, lang, _names, _labels, _notes, _title):
    run = rmsprop_valley(setup)
    notes = rmsprop_fig.frame_notes(run, *_notes)
    return rmsprop_fig.valley_of(run, names=_names, labels=_labels, notes=notes, title=_title)


@figure(48)
def rmsprop_cost_figure(setup, lang, _names, _words):
    run, floor = rmsprop_valley(setup), rmsprop.COST_FLOOR
    return rmsprop_fig.cost_of(run, names=_names, floor=floor, **_words)


@figure(96)  # √s and the rates
def rmsprop_per_coordinate_figure(setup, which, lang, _words):
    return rmsprop_fig.per_coordinate_of(rmsprop_rates(setup), which, **_words)


@figure(48)
def rmsprop_distance_figure(setup, lang, _names, _words):
    near, floor = rmsprop_near_minimum(setup), rmsprop.DISTANCE_FLOOR
    return rmsprop_fig.distance_of(near, names=_names, floor=floor, **_words)


# -- adam -----------------------------------------------------------------------------------------
# adam.setup is called directly (a few lines of arithmetic cost less than a cache lookup). The
# figures take that Setup and compute their lesson inside, so a view hashes no arrays; and
# every Adam cache is keyed by one string, the repr of its arguments (numbers, strings and
# tuples and dicts of them, whose repr is exact): Streamlit hashes a Setup or a dict of
# labels in ~0.3 ms each, a string in ~0.03 ms, and the arguments travel unhashed.


def _adam_keyed(cache):
    """``cache`` (``data(n)`` or ``figure(n)``) of ``function``, keyed by ``repr`` of the call."""

    def wrap(function):
        def keyed(key: str, _args: tuple, _kwargs: dict):
            return function(*_args, **_kwargs)

        keyed.__module__, keyed.__name__ = __name__, function.__name__
        keyed.__qualname__ = f"adam.{function.__qualname__}"  # one cache per function
        cached_function = cache(keyed)

        def call(*args, **kwargs):
            return cached_function(repr((args, kwargs)), args, kwargs)

        call.clear = cached_function.clear
        return call

    return wrap


adam_live = _adam_keyed(data(256))(adam.live)
adam_closeup = _adam_keyed(data(128))(adam.closeup)
adam_standings = _adam_keyed(data(32))(adam.standings)
adam_showcase = _adam_keyed(data(1))(adam.showcase)
adam_spikes = _adam_keyed(data(32))(adam.spikes)
adam_heights = _adam_keyed(data(32))(adam.heights)
adam_moves_figure = _adam_keyed(figure(256))(adam_fig.moves_chart)  # settings × k × language
adam_closeup_figure = _adam_keyed(figure(64))(adam_fig.closeup_chart)  # × coordinate × language
adam_race_figure = _adam_keyed(figure(32))(adam_fig.race_chart)  # ~0.26 MiB each (100 frames)
adam_costs_figure = _adam_keyed(figure(32))(adam_fig.costs_chart)
adam_surface_figure = _adam_keyed(figure(64))(adam_fig.surface_chart)  # × camera × language


# -- race -----------------------------------------------------------------------------------------
# Every race cache has a ttl: a click on the map or a typed function makes a new key.
RACE_TTL = 1800.0  # seconds


@st.cache_resource(max_entries=64, ttl=RACE_TTL, show_spinner=False)
def race_typed(text: str, box: tuple):
    """The typed function (a frozen, shared object); raises ``ExpressionError`` (not cached)."""
    return race_expression.typed_function(text, box)


def _race_objective(surface: str, text: str, box):
    if surface != race_formulas.TYPED:
        return surface
    (x0, x1), (y0, y1) = box
    return race_typed(text, (x0, x1, y0, y1))


@data(16, ttl=RACE_TTL)
def race_board(surface: str, text: str, box: tuple):
    return race.board(_race_objective(surface, text, box), box)


@data(64, ttl=RACE_TTL)
def race_race(s, lr_mode: str):
    """The race of the page's setting ``s`` (a ``ui.formulas.race.Setting``) in one mode."""
    objective = _race_objective(s.surface, s.expression, s.box)
    schedule = race_formulas.schedule_of(s.schedule, s.param)
    return race.race(objective, s.box, s.start, s.racers, lr_mode, s.lr, schedule, s.steps)


race_settling = data(1)(race.settling)
race_fairness_case = data(1)(race.fairness_case)
# The figures are keyed by the setting, the mode and the language; the translated words (the "_"
# arguments, fixed by ``lang``) ride along unhashed.


@figure(32)
def race_map_figure(s, lr_mode, lang, _names, _labels):
    critical = race_formulas.critical_points(s.surface, s.box)
    board, run = race_board(s.surface, s.expression, s.box), race_race(s, lr_mode)
    return race_fig.map_figure(board, run, critical, names=_names, labels=_labels)


@figure(48)  # × camera
def race_surface_figure(s, lr_mode, camera, lang, _names, _zlabel):
    board, run = race_board(s.surface, s.expression, s.box), race_race(s, lr_mode)
    return race_fig.surface_figure(board, run, camera, names=_names, zlabel=_zlabel)


@figure(32)
def race_loss_figure(s, lr_mode, lang, _names, _labels):
    run = race_race(s, lr_mode)
    reference = race_formulas.reference(s.surface, run)
    return race_fig.loss_figure(run, reference, names=_names, labels=_labels)


@figure(32)
def race_progress_figure(s, lr_mode, lang, _names, _labels):
    return race_fig.progress_figure(race_race(s, lr_mode), names=_names, labels=_labels)


@figure(2)
def race_settling_figure(lang, _name, _labels):
    return race_fig.settling_figure(race_settling(), name=_name, labels=_labels)
