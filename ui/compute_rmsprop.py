"""Cached runs of the RMSprop page, keyed by plain numbers.

One call runs plain GD and RMSprop (with its states) on the elongated valley
``f(w, b) = (w² + κ·b²)/2`` from the same start and returns plain arrays.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import optim_core
from optim_core import objectives
from optim_core.lessons import grid
from optim_core.rmsprop_lessons import effective_rates, steps_to_target, tail_stats

OBJECTIVE = "elongated_bowl"
START = (-2.5, 1.5)  # (w, b): far along the flat w axis, off the valley floor in b
TARGET = 1e-3  # cost that counts as "arrived"
TAIL = 20  # steps that count as "near the end"


@st.cache_data(max_entries=64, show_spinner=False)
def lesson(kappa: float, gd_lr: float, lr: float, beta: float, eps: float, steps: int) -> dict:
    """GD and RMSprop on the valley: paths, costs, RMSprop's s, rates and step counts."""
    f = objectives.get(OBJECTIVE, condition=kappa)
    x0 = np.array(START)
    gd = optim_core.run(optim_core.gd(gd_lr), f, x0, steps)
    rms = optim_core.run(optim_core.rmsprop(lr, beta, eps), f, x0, steps, record_states=True)
    s = rms.states.s  # (steps+1, 2); s[k] after update k, s[0] = 0
    grads = np.full_like(rms.params, np.nan)
    grads[1:] = f.grad(rms.params[:-1])  # g used by update k
    return {
        "steps": rms.steps,
        "gd_path": gd.params,
        "gd_loss": gd.loss,
        "gd_diverged": int(gd.diverged_at),
        "rms_path": rms.params,
        "rms_loss": rms.loss,
        "rms_diverged": int(rms.diverged_at),
        "s": s,
        "grads": grads,
        "rates": effective_rates(s, lr, eps),
        "gd_hit": steps_to_target(gd.loss, TARGET),
        "rms_hit": steps_to_target(rms.loss, TARGET),
        "gd_tail": tail_stats(gd.params, (0.0, 0.0), min(TAIL, steps)),
        "rms_tail": tail_stats(rms.params, (0.0, 0.0), min(TAIL, steps)),
    }


@st.cache_data(max_entries=64, show_spinner=False)
def variants(kappa: float, lr: float, beta: float, eps: float, steps: int) -> list[dict]:
    """RMSprop with the chosen α, ε and with a smaller α or a larger ε: arrival and jitter."""
    f = objectives.get(OBJECTIVE, condition=kappa)
    x0 = np.array(START)
    rows = []
    for a, e in ((lr, eps), (lr / 2, eps), (lr / 4, eps), (lr, 0.1), (lr, 1.0)):
        tr = optim_core.run(optim_core.rmsprop(a, beta, e), f, x0, steps)
        mean_d, max_d, move = tail_stats(tr.params, (0.0, 0.0), min(TAIL, steps))
        rows.append(
            {
                "lr": a,
                "eps": e,
                "hit": steps_to_target(tr.loss, TARGET),
                "mean_d": mean_d,
                "max_d": max_d,
                "move": move,
            }
        )
    return rows


@st.cache_data(max_entries=16, show_spinner=False)
def valley_grid(kappa: float, n: int = 100):
    """``(xs, ys, z)`` of the valley on an ``n × n`` grid over its bounds."""
    return grid(objectives.get(OBJECTIVE, condition=kappa), n)
