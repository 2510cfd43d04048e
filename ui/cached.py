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
from optim_core.lessons import home


def data(max_entries: int, ttl: float | None = None):
    """``st.cache_data`` with a bound, and without Streamlit's own spinner (pages use ``busy``)."""
    return st.cache_data(max_entries=max_entries, ttl=ttl, show_spinner=False)


# -- shared ---------------------------------------------------------------------------------------
trajectory = data(128)(lessons.trajectory)
surface_grid = data(32)(lessons.surface_grid)

# -- home -----------------------------------------------------------------------------------------
home_preview = data(32)(home.preview)

# -- gradient_descent -----------------------------------------------------------------------------
# (end gradient_descent)

# -- local_optima ---------------------------------------------------------------------------------
# (end local_optima)

# -- batch_sizes ----------------------------------------------------------------------------------
# (end batch_sizes)

# -- ewa ------------------------------------------------------------------------------------------
# (end ewa)

# -- momentum -------------------------------------------------------------------------------------
# (end momentum)

# -- rmsprop --------------------------------------------------------------------------------------
# (end rmsprop)

# -- adam -----------------------------------------------------------------------------------------
# (end adam)
