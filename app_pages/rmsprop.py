"""RMSprop: each coordinate gets its own learning rate from the average of its squared gradients."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from optim_core.rmsprop_lessons import first_step, rate_ratios
from ui import compute_rmsprop
from ui.figures import COLORS
from ui.figures import rmsprop as rmsprop_fig
from ui.widgets import Controls, share_box, t, what_to_try

LR_OPTIONS = (0.001, 0.003, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
GD_LR_OPTIONS = (0.001, 0.003, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.2)
EPS_OPTIONS = (1e-8, 1e-6, 1e-4, 1e-2, 1e-1, 1.0)


def short(x: float) -> str:
    """Option label that does not depend on the language (it goes into the URL)."""
    return f"{x:g}"


def fmt(x: float, digits: int = 3) -> str:
    return f"{x:.{digits}g}" if math.isfinite(x) else "—"


def arrival(hit: int, steps: int) -> str:
    return str(hit) if hit >= 0 else t("rmsprop.not_reached", n=steps)


st.title(t("rmsprop.title"))
st.write(t("rmsprop.intro"))

# -- controls ---------------------------------------------------------------------------
controls = Controls("rmsprop")
with st.sidebar:
    st.subheader(t("rmsprop.controls"))
    kappa = controls.slider(
        "r_kappa", t("rmsprop.kappa"), 5, 100, 25, 5, help=t("rmsprop.kappa_help")
    )
    lr = controls.select_slider("r_lr", t("rmsprop.lr"), LR_OPTIONS, 0.1, format_func=short)
    beta = controls.slider("r_beta", t("rmsprop.beta"), 0.0, 0.999, 0.9, 0.001, format="%.3f")
    eps = controls.select_slider("r_eps", t("rmsprop.eps"), EPS_OPTIONS, 1e-8, format_func=short)
    gd_lr = controls.select_slider(
        "r_gdlr", t("rmsprop.gd_lr"), GD_LR_OPTIONS, 0.07, format_func=short
    )
    steps = controls.slider("r_n", t("rmsprop.steps"), 10, 300, 200, 10)
    controls.reset_button()
share_box()

kappa, lr, eps, gd_lr, steps = float(kappa), float(lr), float(eps), float(gd_lr), int(steps)
beta = float(round(beta, 3))
try:
    run = compute_rmsprop.lesson(kappa, gd_lr, lr, beta, eps, steps)
    xs, ys, z = compute_rmsprop.valley_grid(kappa)
except ValueError as err:
    st.error(t("common.bad_value", detail=str(err)))
    st.stop()
names = {"gd": t("common.optimizer.gd"), "rmsprop": t("common.optimizer.rmsprop")}
path, s_all, rates, grads = run["rms_path"], run["s"], run["rates"], run["grads"]

# -- 1. the update rule -----------------------------------------------------------------
st.header(t("rmsprop.s1_title"))
st.write(t("rmsprop.s1_text"))
st.latex(rmsprop_fig.RULE)
st.caption(t("rmsprop.s1_symbols"))
k_wanted = controls.slider("r_k", t("rmsprop.k"), 1, 300, 1, 1)
k = min(int(k_wanted), steps)
if k < k_wanted:
    st.caption(t("rmsprop.k_clamped", k=k_wanted, n=steps))
live_ok = bool(np.all(np.isfinite(path[k])) and np.all(np.isfinite(path[k - 1])))
if live_ok:
    coords = [
        (
            name,
            grads[k, i],
            s_all[k - 1, i],
            s_all[k, i],
            rates[k, i],
            path[k, i] - path[k - 1, i],
        )
        for i, name in enumerate(("w", "b"))
    ]
    st.latex(rmsprop_fig.latex_update(k, lr, beta, eps, coords))
    st.write(
        t(
            "rmsprop.s1_live",
            k=k,
            rate_w=fmt(rates[k, 0]),
            rate_b=fmt(rates[k, 1]),
            ratio=fmt(rates[k, 0] / rates[k, 1]),
        )
    )
else:
    st.warning(t("rmsprop.no_live", k=k, step=run["rms_diverged"]))

st.subheader(t("rmsprop.first_title"))
st.write(t("rmsprop.first_text"))
g1 = grads[1]
predicted = first_step(g1, lr, beta, eps)
measured = np.abs(path[1] - path[0])
for line in rmsprop_fig.latex_first_step(lr, beta, eps, predicted, measured):
    st.latex(line)
st.caption(t("rmsprop.first_caption"))
st.caption(
    t(
        "rmsprop.torch",
        lr=short(lr),
        beta=short(beta),
        eps=short(eps),
        approx=fmt(lr / math.sqrt(1 - beta)),
        factor=fmt(1 / math.sqrt(1 - beta)),
    )
)
what_to_try("rmsprop.s1_try")

# -- 2. the valley ------------------------------------------------------------------------
st.header(t("rmsprop.s2_title"))
st.write(t("rmsprop.s2_text", kappa=fmt(kappa), two=fmt(2 / kappa)))
labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
notes = [t("rmsprop.frame_start", w=fmt(path[0, 0]), b=fmt(path[0, 1]))] + [
    t("rmsprop.frame_note", k=j, rate_w=fmt(rates[j, 0]), rate_b=fmt(rates[j, 1]))
    for j in range(1, steps + 1)
]
fig = rmsprop_fig.valley(
    xs,
    ys,
    z,
    {
        names["gd"]: (run["gd_path"], COLORS["gd"]),
        names["rmsprop"]: (path, COLORS["rmsprop"]),
    },
    labels=labels,
    notes=notes,
    title=t("rmsprop.valley_title", kappa=fmt(kappa)),
)
st.plotly_chart(fig, key="rmsprop_valley")
st.caption(t("rmsprop.valley_caption"))
for key in ("gd", "rmsprop"):
    step = run["gd_diverged" if key == "gd" else "rms_diverged"]
    if step > 0:
        extra = t("rmsprop.gd_limit", lr=short(gd_lr), two=fmt(2 / kappa)) if key == "gd" else ""
        st.error(f"{t('common.diverged', name=names[key], step=step)} {extra}".strip())
fig = rmsprop_fig.cost(
    run["steps"],
    {
        names["gd"]: (run["gd_loss"], COLORS["gd"]),
        names["rmsprop"]: (run["rms_loss"], COLORS["rmsprop"]),
    },
    target=compute_rmsprop.TARGET,
    target_label=t("rmsprop.target", target=short(compute_rmsprop.TARGET)),
    xlabel=t("common.step"),
    ylabel=t("common.loss"),
    title=t("rmsprop.cost_title"),
)
st.plotly_chart(fig, key="rmsprop_cost")
c1, c2 = st.columns(2)
c1.metric(
    t("rmsprop.hit_metric", name=names["gd"], target=short(compute_rmsprop.TARGET)),
    arrival(run["gd_hit"], steps),
)
c2.metric(
    t("rmsprop.hit_metric", name=names["rmsprop"], target=short(compute_rmsprop.TARGET)),
    arrival(run["rms_hit"], steps),
)
if run["gd_hit"] > 0 and run["rms_hit"] > 0:
    st.write(t("rmsprop.hit_compare", gd=run["gd_hit"], rms=run["rms_hit"]))
what_to_try("rmsprop.s2_try")

# -- 3. one learning rate per coordinate ------------------------------------------------
st.header(t("rmsprop.s3_title"))
st.write(t("rmsprop.s3_text"))
st.latex(
    r"\alpha_w^{\text{eff}} = \frac{\alpha}{\sqrt{s_w}+\varepsilon}, \qquad "
    r"\alpha_b^{\text{eff}} = \frac{\alpha}{\sqrt{s_b}+\varepsilon}"
)
shown = slice(1, None)  # s = 0 before the first update
left, right = st.columns(2)
with left:
    fig = rmsprop_fig.per_coordinate(
        run["steps"][shown],
        np.sqrt(s_all[shown, 0]),
        np.sqrt(s_all[shown, 1]),
        color=COLORS["rmsprop"],
        names=(t("rmsprop.sqrt_s_w"), t("rmsprop.sqrt_s_b")),
        xlabel=t("common.step"),
        ylabel="√s",
        title=t("rmsprop.sqrt_s_title"),
    )
    st.plotly_chart(fig, key="rmsprop_sqrt_s")
with right:
    fig = rmsprop_fig.per_coordinate(
        run["steps"][shown],
        rates[shown, 0],
        rates[shown, 1],
        color=COLORS["rmsprop"],
        names=(t("rmsprop.rate_w"), t("rmsprop.rate_b")),
        xlabel=t("common.step"),
        ylabel=t("rmsprop.rate_y"),
        title=t("rmsprop.rate_title"),
        gd=(gd_lr, t("rmsprop.rate_gd", lr=short(gd_lr)), COLORS["gd"]),
    )
    st.plotly_chart(fig, key="rmsprop_rates")
ratios = rate_ratios(rates)
if ratios.last:
    last = ratios.last
    st.latex(rmsprop_fig.latex_ratio(kappa, last, rates[last, 0], rates[last, 1]))
    st.write(
        t(
            "rmsprop.s3_measured",
            ratio=fmt(ratios.median),
            kappa=fmt(kappa),
            wider=ratios.wider,
            n=last,
            low=fmt(ratios.low),
            high=fmt(ratios.high),
        )
    )
st.caption(t("rmsprop.s3_why"))
what_to_try("rmsprop.s3_try")

# -- 4. near the minimum ------------------------------------------------------------------
st.header(t("rmsprop.s4_title"))
st.write(t("rmsprop.s4_text"))
dist_gd = np.linalg.norm(run["gd_path"], axis=-1)
dist_rms = np.linalg.norm(path, axis=-1)
fig = rmsprop_fig.distance(
    run["steps"],
    {names["gd"]: (dist_gd, COLORS["gd"]), names["rmsprop"]: (dist_rms, COLORS["rmsprop"])},
    lr=lr,
    lr_label=t("rmsprop.alpha_line", lr=short(lr)),
    xlabel=t("common.step"),
    ylabel=t("rmsprop.dist_y"),
    title=t("rmsprop.dist_title"),
)
st.plotly_chart(fig, key="rmsprop_distance")
tail = min(compute_rmsprop.TAIL, steps)
gd_tail, rms_tail = run["gd_tail"], run["rms_tail"]
m1, m2, m3 = st.columns(3)
m1.metric(t("rmsprop.tail_dist", name=names["gd"], n=tail), fmt(gd_tail[0]))
m2.metric(t("rmsprop.tail_dist", name=names["rmsprop"], n=tail), fmt(rms_tail[0]))
m3.metric(t("rmsprop.tail_move", n=tail), fmt(rms_tail[2]), help=t("rmsprop.tail_move_help"))
rows = compute_rmsprop.variants(kappa, lr, beta, eps, steps)
st.dataframe(
    pd.DataFrame(
        {
            t("rmsprop.col_setting"): [t(f"rmsprop.variant.{i}") for i in range(len(rows))],
            "α": [short(r["lr"]) for r in rows],
            "ε": [short(r["eps"]) for r in rows],
            t("rmsprop.col_hit"): [arrival(r["hit"], steps) for r in rows],
            t("rmsprop.col_dist", n=tail): [fmt(r["mean_d"]) for r in rows],
            t("rmsprop.col_move", n=tail): [fmt(r["move"]) for r in rows],
        }
    ),
    hide_index=True,
)
st.write(t("rmsprop.s4_after"))
what_to_try("rmsprop.s4_try")
