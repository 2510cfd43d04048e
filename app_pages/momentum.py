"""Momentum: the weighted average of the gradients, on a long narrow valley."""

import math

import numpy as np
import streamlit as st

from optim_core.momentum_lessons import (
    gd_lr_limit,
    mean_abs,
    momentum_lr_limit,
    sign_changes,
    torch_sgd_lr,
    travel,
    window,
)
from ui import compute_momentum as cm
from ui.figures import momentum as fm
from ui.numbers import latex as tex
from ui.numbers import text as num
from ui.widgets import Controls, busy, share_box, t, what_to_try

PAGE = "momentum"
DEFAULT_LR = 0.063
DEFAULT_BETA = 0.8
DEFAULT_KAPPA = 30
DEFAULT_STEPS = 100
DEFAULT_K = 3


def vec(a, b, digits: int = 4) -> str:
    """A 2-vector (w, b) for st.latex."""
    return rf"\begin{{pmatrix}}{tex(a, digits)}\\{tex(b, digits)}\end{{pmatrix}}"


def clamp_k(last: int) -> None:
    if st.session_state.get("m_k", DEFAULT_K) > last:
        st.session_state["m_k"] = last


# -- controls (sidebar) -------------------------------------------------------------------------
controls = Controls(PAGE, st.sidebar)
st.sidebar.subheader(t("momentum.controls"))
lr = controls.select_slider(
    "m_lr", t("momentum.lr"), cm.LR_OPTIONS, DEFAULT_LR, help=t("momentum.lr_help")
)
beta = controls.slider(
    "m_beta", t("momentum.beta"), 0.0, 0.99, DEFAULT_BETA, 0.01, help=t("momentum.beta_help")
)
kappa = controls.slider(
    "m_kappa", t("momentum.kappa"), 5, 100, DEFAULT_KAPPA, 5, help=t("momentum.kappa_help")
)
steps = controls.slider("m_steps", t("momentum.steps"), 10, 200, DEFAULT_STEPS, 10)
lr, beta, kappa, steps = float(lr), float(beta), float(kappa), int(steps)

runs = cm.race(lr, beta, kappa, steps)
gd_run, m_run = runs["gd"], runs["mom"]
gd_div, m_div = int(gd_run.diverged_at), int(m_run.diverged_at)
gd_limit, m_limit = gd_lr_limit(kappa), momentum_lr_limit(kappa, beta)
names = {"gd": t("common.optimizer.gd"), "momentum": t("common.optimizer.momentum")}

# -- page -----------------------------------------------------------------------------------------
st.title(t("momentum.title"))
st.write(t("momentum.intro"))
st.page_link("app_pages/ewa.py", label=t("momentum.ewa_link"), icon=":material/show_chart:")

# 1. the update rule with the numbers of step k ---------------------------------------------------
st.header(t("momentum.rule_title"))
st.write(t("momentum.rule_text"))
st.latex(
    r"g_k = \nabla C(x_{k-1}),\qquad v_k = \beta\,v_{k-1} + (1-\beta)\,g_k,\qquad "
    r"x_k = x_{k-1} - \alpha\,v_k,\qquad v_0 = 0"
)
clamp_k(steps)
k = controls.slider("m_k", t("momentum.k"), 1, steps, DEFAULT_K, 1)
shown = k if m_div < 0 else max(1, min(k, m_div - 1))
if shown != k:
    st.info(t("momentum.shown_last", step=m_div, k=shown))
x_prev, x_new = m_run.params[shown - 1], m_run.params[shown]
g_k, v_k, v_prev = runs["g"][shown - 1], runs["v"][shown - 1], np.asarray(m_run.states.v)[shown - 1]
j = shown
formula, words = st.columns([3, 2])
with formula:
    st.latex(
        rf"g_{{{j}}} = \begin{{pmatrix}}w_{{{j - 1}}}\\ \kappa\, b_{{{j - 1}}}\end{{pmatrix}}"
        rf"= \begin{{pmatrix}}{tex(x_prev[0])}\\ {tex(kappa, 3)}\cdot({tex(x_prev[1])})"
        rf"\end{{pmatrix}} = {vec(*g_k)}"
    )
with words:
    st.write(t("momentum.explain_g", kappa=num(kappa, 3)))
formula, words = st.columns([3, 2])
with formula:
    st.latex(
        rf"v_{{{j}}} = {tex(beta, 3)}\,{vec(*v_prev)} + {tex(1 - beta, 3)}\,{vec(*g_k)}"
        rf"= {vec(*v_k)}"
    )
with words:
    st.write(t("momentum.explain_v", beta=num(beta, 3), rest=num(1 - beta, 3)))
formula, words = st.columns([3, 2])
with formula:
    st.latex(rf"x_{{{j}}} = {vec(*x_prev)} - {tex(lr, 3)}\,{vec(*v_k)} = {vec(*x_new)}")
with words:
    st.write(t("momentum.explain_x", lr=num(lr, 3)))
st.write(t("momentum.beta_zero"))
st.write(t("momentum.torch", torch_lr=num(torch_sgd_lr(lr, beta), 4), beta=num(beta, 3)))
what_to_try("momentum.try_rule")

# 2. the valley ------------------------------------------------------------------------------------
st.header(t("momentum.valley_title"))
st.write(
    t(
        "momentum.valley_text",
        kappa=num(kappa, 3),
        w0=num(cm.START[0]),
        b0=num(cm.START[1]),
    )
)
formula, words = st.columns([3, 2])
with formula:
    st.latex(
        rf"C(w, b) = \tfrac12\left(w^2 + \kappa\, b^2\right),\quad \kappa = {tex(kappa, 3)}"
        rf"\qquad \nabla C = (w,\ \kappa b)"
    )
    st.latex(
        rf"\alpha_{{\text{{GD}}}} < \frac{{2}}{{\kappa}} = {tex(gd_limit, 3)},\qquad"
        rf"\alpha_{{\text{{mom}}}} < \frac{{2(1+\beta)}}{{(1-\beta)\,\kappa}} = {tex(m_limit, 3)}"
        rf",\qquad \alpha = {tex(lr, 3)}"
    )
with words:
    st.write(t("momentum.limits_text"))
if gd_div > 0:
    st.error(
        t("common.diverged", name=names["gd"], step=gd_div)
        + " "
        + t("momentum.diverged_gd_extra", lr=num(lr, 3), limit=num(gd_limit, 3)),
        icon=":material/warning:",
    )
if m_div > 0:
    st.error(
        t("common.diverged", name=names["momentum"], step=m_div)
        + " "
        + t("momentum.diverged_m_extra", lr=num(lr, 3), limit=num(m_limit, 3)),
        icon=":material/warning:",
    )

xs, ys, z = cm.valley(kappa)
notes = [
    t("momentum.note", k=i, gd=num(float(a), 3), m=num(float(b), 3))
    for i, (a, b) in enumerate(zip(gd_run.loss, m_run.loss, strict=True))
]
labels = {
    "play": t("common.play"),
    "pause": t("common.pause"),
    "step": t("common.step"),
    "start": t("common.start"),
    "cost": t("common.loss"),
    **names,
    **{key: t(f"momentum.fig.{key}") for key in ("minimum", "w", "b", "target")},
}
st.plotly_chart(
    fm.race(
        xs,
        ys,
        z,
        gd_run.params,
        m_run.params,
        start=cm.START,
        labels=labels,
        notes=notes,
    ),
    key="m_race",
)
st.caption(t("momentum.play_hint"))

reach = busy(cm.reach, lr, beta, kappa)


def reach_text(steps_needed: int, diverged: int) -> str:
    if diverged > 0:
        return t("momentum.reach_diverged", step=diverged)
    if steps_needed < 0:
        return t("momentum.reach_never", max=f"{cm.MAX_STEPS:,}")
    return t("momentum.reach_value", steps=f"{steps_needed:,}")


st.subheader(t("momentum.cost_title"))
left, right = st.columns(2)
left.metric(t("momentum.reach_label", name=names["gd"]), reach_text(reach["gd"], reach["gd_div"]))
right.metric(
    t("momentum.reach_label", name=names["momentum"]), reach_text(reach["mom"], reach["mom_div"])
)
st.plotly_chart(
    fm.costs(
        gd_run.loss,
        m_run.loss,
        target=cm.TARGET * float(gd_run.loss[0]),
        reached={"gd": reach["gd"], "momentum": reach["mom"]},
        labels=labels,
    ),
    key="m_costs",
)
st.caption(t("momentum.reach_text", max=f"{cm.MAX_STEPS:,}", steps=steps))
n_first = min(cm.FIRST, steps)
st.write(
    t(
        "momentum.travel",
        n=n_first,
        gd=num(travel(gd_run.params[:, 1], n_first), 3),
        m=num(travel(m_run.params[:, 1], n_first), 3),
    )
)
if reach["gd"] > 0 and reach["mom"] > 0:
    if reach["mom"] <= reach["gd"]:
        st.success(t("momentum.faster", ratio=num(reach["gd"] / reach["mom"], 2)))
    else:
        st.warning(t("momentum.slower", ratio=num(reach["mom"] / reach["gd"], 2)))
elif reach["mom"] > 0:
    st.success(t("momentum.only_momentum"))
what_to_try("momentum.try_valley", limit=num(gd_limit, 3))

# 3. the cancellation -----------------------------------------------------------------------------
st.header(t("momentum.cancel_title"))
st.write(t("momentum.cancel_text", n=n_first))
g, v, g_gd = runs["g"], runs["v"], runs["g_gd"]
comp_labels = {
    "step": t("common.step"),
    **{key: t(f"momentum.fig.{key}") for key in ("g", "v", "g_plain")},
}
left, right = st.columns(2)
with left:
    st.plotly_chart(
        fm.components(
            g[:, 1],
            v[:, 1],
            g_plain=g_gd[:, 1],
            first=n_first,
            labels=comp_labels,
            title=t("momentum.vertical_title"),
        ),
        key="m_vertical",
    )
with right:
    st.plotly_chart(
        fm.components(
            g[:, 0],
            v[:, 0],
            g_plain=g_gd[:, 0],
            first=n_first,
            labels=comp_labels,
            title=t("momentum.horizontal_title"),
        ),
        key="m_horizontal",
    )
g_b, v_b = mean_abs(g[:, 1], n_first), mean_abs(v[:, 1], n_first)
g_w, v_w = mean_abs(g[:, 0], n_first), mean_abs(v[:, 0], n_first)
if math.isfinite(g_b) and math.isfinite(v_b):
    st.latex(
        rf"\text{{b:}}\ \ \overline{{|g_b|}}_{{1..{n_first}}} = {tex(g_b, 3)},\quad"
        rf"\overline{{|v_b|}}_{{1..{n_first}}} = {tex(v_b, 3)}"
        rf"\qquad\qquad \text{{w:}}\ \ \overline{{|g_w|}}_{{1..{n_first}}} = {tex(g_w, 3)},\quad"
        rf"\overline{{|v_w|}}_{{1..{n_first}}} = {tex(v_w, 3)}"
    )
    part = slice(0, n_first)
    same = int(np.count_nonzero(np.sign(g[part, 0]) == np.sign(v[part, 0])))
    left, right = st.columns(2)
    flips = sign_changes(g_gd[:, 1], n_first)
    if beta == 0.0:
        left.write(t("momentum.cancel_beta_zero"))
    elif flips < n_first // 2:
        left.write(
            t(
                "momentum.explain_b_calm",
                ak=num(lr * kappa, 3),
                flips=flips,
                n=n_first,
                inv=num(1 / kappa, 3),
            )
        )
    else:
        left.write(
            t(
                "momentum.explain_b",
                n=n_first,
                ratio=num(g_b / v_b, 2) if v_b > 0 else "∞",
                flips=flips,
                v_flips=sign_changes(v[:, 1], n_first),
            )
        )
    right.write(t("momentum.explain_w", n=n_first, window=num(window(beta), 3), same=same))
else:
    st.warning(t("momentum.cancel_none"))
what_to_try("momentum.try_cancel")

# 4. choosing beta ----------------------------------------------------------------------------
st.header(t("momentum.beta_title"))
st.write(t("momentum.beta_text"))
formula, words = st.columns([3, 2])
with formula:
    st.latex(rf"\frac{{1}}{{1-\beta}} = \frac{{1}}{{1-{tex(beta, 3)}}} = {tex(window(beta), 3)}")
with words:
    st.write(t("momentum.window_explain"))
st.page_link("app_pages/ewa.py", label=t("momentum.ewa_link"), icon=":material/show_chart:")
rows = busy(cm.beta_sweep, lr, kappa, beta)
st.subheader(t("momentum.sweep_title"))
st.plotly_chart(
    fm.sweep(
        rows,
        chosen=beta,
        labels={
            key: t(f"momentum.fig.{key}") for key in ("beta", "steps", "diverged", "not_reached")
        },
    ),
    key="m_sweep",
)
reached = [(b, s) for b, s, d in rows if d < 0 and s >= 0]
plain = next((s for b, s, d in rows if b == 0.0 and d < 0 and s >= 0), None)
if reached:
    best_beta, best_steps = min(reached, key=lambda r: r[1])
    st.write(
        t(
            "momentum.sweep_best",
            lr=num(lr, 3),
            kappa=num(kappa, 3),
            best=num(best_beta, 3),
            steps=best_steps,
            plain=t("momentum.sweep_plain_steps", steps=plain)
            if plain is not None
            else t("momentum.sweep_plain_never"),
        )
    )
else:
    st.warning(t("momentum.sweep_none", lr=num(lr, 3), kappa=num(kappa, 3)))
what_to_try("momentum.try_beta")

controls.reset_button()
share_box()
