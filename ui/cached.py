"""The cached layer: one ``st.cache_data`` line per lesson function, each bounded.

Pages call these instead of the pure lessons in :mod:`optim_core.lessons`, so
returning to a setting (or a second visitor asking for it) is instant. Arguments
are plain values (numbers, strings, tuples) that Streamlit can hash; every cache
has ``max_entries``, and a ``ttl`` where visitors can create unbounded keys
(uploads, typed functions).
"""

from __future__ import annotations

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


def data(max_entries: int, ttl: float | None = None):
    """``st.cache_data`` with a bound, and without Streamlit's own spinner (pages use ``busy``)."""
    return st.cache_data(max_entries=max_entries, ttl=ttl, show_spinner=False)


# -- shared ---------------------------------------------------------------------------------------
trajectory = data(128)(lessons.trajectory)
surface_grid = data(32)(lessons.surface_grid)

# -- home -----------------------------------------------------------------------------------------
home_preview = data(32)(home.preview)

# -- gradient_descent -----------------------------------------------------------------------------
gradient_descent_parabola = data(1)(gradient_descent.parabola)
gradient_descent_descent = data(64)(gradient_descent.descent)
gradient_descent_valley = data(64)(gradient_descent.valley)

# -- local_optima ---------------------------------------------------------------------------------
local_optima_landscape = data(1)(local_optima.landscape)
local_optima_start = data(64)(local_optima.start)
local_optima_basins = data(32)(local_optima.basins)  # its maps are also kept one by one
local_optima_saddle = data(64)(local_optima.saddle)

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

# -- ewa ------------------------------------------------------------------------------------------
ewa_series = data(len(ewa.SERIES_OPTIONS))(ewa.series)  # "upload" gives the default series
ewa_columns = data(16, ttl=3600)(ewa.upload_columns)
ewa_upload = data(16, ttl=3600)(ewa.upload_series)
ewa_running = data(64, ttl=3600)(ewa.running)
ewa_weights = data(128)(ewa.weights)
ewa_bias = data(64, ttl=3600)(ewa.bias)
ewa_gradients = data(64)(ewa.noisy_gradients)

# -- momentum -------------------------------------------------------------------------------------
momentum_rule = data(256)(momentum.rule)
momentum_race = data(64)(momentum.race)
momentum_valley = data(32)(momentum.valley)
momentum_reach = data(64)(momentum.reach)
momentum_cancellation = data(64)(momentum.cancellation)
momentum_sweep = data(64)(momentum.sweep)

# -- rmsprop --------------------------------------------------------------------------------------
rmsprop_setup = data(256)(rmsprop.setup)
rmsprop_update = data(256)(rmsprop.update)
rmsprop_first_move = data(64)(rmsprop.first_move)
rmsprop_valley = data(32)(rmsprop.valley)
rmsprop_rates = data(64)(rmsprop.rates)
rmsprop_near_minimum = data(64)(rmsprop.near_minimum)

# -- adam -----------------------------------------------------------------------------------------
adam_setup = data(256)(adam.setup)
adam_live = data(256)(adam.live)
adam_closeup = data(128)(adam.closeup)
adam_race = data(32)(adam.race)
adam_landscape = data(32)(adam.landscape)
