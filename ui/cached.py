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

from optim_core import lessons
from optim_core.lessons import (
    adam,
    batch_sizes,
    ewa,
    gradient_descent,
    home,
    local_optima,
    momentum,
    rmsprop,
)
from ui import figures
from ui.figures import adam as adam_fig
from ui.figures import batch_sizes as batch_sizes_fig
from ui.figures import ewa as ewa_fig
from ui.figures import gradient_descent as gradient_descent_fig
from ui.figures import local_optima as local_optima_fig
from ui.figures import momentum as momentum_fig
from ui.figures import rmsprop as rmsprop_fig

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
gradient_descent_descent_figure = figure(64)(gradient_descent_fig.descent_figure)
gradient_descent_contour_figure = figure(64)(gradient_descent_fig.valley_contour)
gradient_descent_surface_figure = figure(64)(gradient_descent_fig.valley_surface)

# -- local_optima ---------------------------------------------------------------------------------
local_optima_landscape = data(1)(local_optima.landscape)
local_optima_start = data(64)(local_optima.start)
local_optima_basins = data(32)(local_optima.basins)  # its maps are also kept one by one
local_optima_saddle = data(64)(local_optima.saddle)
local_optima_surface_figure = figure(8)(local_optima_fig.landscape_surface)  # cameras × langs
local_optima_contour_figure = figure(4)(local_optima_fig.landscape_contour)
local_optima_paths_figure = figure(64)(local_optima_fig.section_paths)  # start and saddle
local_optima_costs_figure = figure(32)(local_optima_fig.start_costs)
local_optima_basins_figure = figure(32)(local_optima_fig.basin_maps)
local_optima_bars_figure = figure(32)(local_optima_fig.basin_shares)
local_optima_norms_figure = figure(32)(local_optima_fig.saddle_norms)

# -- batch_sizes ----------------------------------------------------------------------------------
BATCH_SIZES_TTL = 3600.0  # seconds: uploads make keys without bound, so they are forgotten
batch_sizes_builtin = data(8)(batch_sizes.builtin)
batch_sizes_upload_columns = data(8, BATCH_SIZES_TTL)(batch_sizes.upload_columns)
batch_sizes_from_upload = data(8, BATCH_SIZES_TTL)(batch_sizes.from_upload)
batch_sizes_overview = data(32)(batch_sizes.overview)
batch_sizes_step = data(64)(batch_sizes.step)
batch_sizes_curves = data(32)(batch_sizes.curves)
batch_sizes_contour = data(16)(batch_sizes.contour)
batch_sizes_sweep_point = data(128)(batch_sizes.sweep_point)
batch_sizes_sweep = data(32)(batch_sizes.sweep)
batch_sizes_clock_figure = figure(64)(batch_sizes_fig.clock_curve)  # four per setting
batch_sizes_contour_figure = figure(32)(batch_sizes_fig.contour_paths)
batch_sizes_sweep_figure = figure(32)(batch_sizes_fig.sweep_figure)

# -- ewa ------------------------------------------------------------------------------------------
ewa_series = data(len(ewa.SERIES_OPTIONS))(ewa.series)  # "upload" gives the default series
ewa_columns = data(16, ttl=3600)(ewa.upload_columns)
ewa_upload = data(16, ttl=3600)(ewa.upload_series)
ewa_running = data(64, ttl=3600)(ewa.running)
ewa_weights = data(128)(ewa.weights)
ewa_bias = data(64, ttl=3600)(ewa.bias)
ewa_gradients = data(64)(ewa.noisy_gradients)
ewa_overlay_figure = figure(32)(ewa_fig.overlay)  # the big one: an hourly series is ~0.7 MiB
ewa_weights_figure = figure(64)(ewa_fig.weight_bars)
ewa_decay_figure = figure(64)(ewa_fig.decay_limit)
ewa_closeup_figure = figure(64)(ewa_fig.bias_closeup)
ewa_factor_figure = figure(64)(ewa_fig.correction_curves)
ewa_gradients_figure = figure(64)(ewa_fig.gradient_stream)

# -- momentum -------------------------------------------------------------------------------------
momentum_rule = data(256)(momentum.rule)
momentum_race = data(64)(momentum.race)
momentum_valley = data(32)(momentum.valley)
momentum_reach = data(64)(momentum.reach)
momentum_cancellation = data(64)(momentum.cancellation)
momentum_sweep = data(64)(momentum.sweep)
momentum_race_figure = figure(24)(momentum_fig.race)  # ~2.4 MiB each (101 frames)
momentum_costs_figure = figure(48)(momentum_fig.costs)
momentum_components_figure = figure(96)(momentum_fig.components)  # two per setting: b and w
momentum_sweep_figure = figure(48)(momentum_fig.sweep)

# -- rmsprop --------------------------------------------------------------------------------------
rmsprop_setup = data(256)(rmsprop.setup)
rmsprop_update = data(256)(rmsprop.update)
rmsprop_first_move = data(64)(rmsprop.first_move)
rmsprop_valley = data(32)(rmsprop.valley)
rmsprop_rates = data(64)(rmsprop.rates)
rmsprop_near_minimum = data(64)(rmsprop.near_minimum)
rmsprop_valley_figure = figure(24)(rmsprop_fig.valley)  # ~4.2 MiB each (201 frames)
rmsprop_cost_figure = figure(48)(rmsprop_fig.cost)
rmsprop_per_coordinate_figure = figure(96)(rmsprop_fig.per_coordinate)  # √s and rates
rmsprop_distance_figure = figure(48)(rmsprop_fig.distance)

# -- adam -----------------------------------------------------------------------------------------
adam_setup = data(256)(adam.setup)
adam_live = data(256)(adam.live)
adam_closeup = data(128)(adam.closeup)
adam_race = data(32)(adam.race)
adam_landscape = data(32)(adam.landscape)
adam_closeup_figure = figure(64)(adam_fig.bias_closeup)  # settings × coordinate × language
adam_race_figure = figure(32)(adam_fig.race_contour)
adam_costs_figure = figure(32)(adam_fig.race_costs)
adam_surface_figure = figure(64)(adam_fig.race_surface)  # settings × camera × language
