"""RMSprop: each coordinate gets its own learning rate from the average of its squared gradients."""

import streamlit as st

from optim_core.lessons import rmsprop as lesson
from ui import cached
from ui.figures import COLORS
from ui.formulas import rmsprop as formulas
from ui.numbers import text as num
from ui.widgets import Controls, share_box, t, what_to_try


def short(x: float) -> str:
    """Option label that does not depend on the language (it goes into the URL)."""
    return num(x, 6)


def fmt(x: float) -> str:
    return num(x, 3)


def arrival(hit: int, steps: int) -> str:
    return str(hit) if hit >= 0 else t("rmsprop.not_reached", n=steps)


st.title(t("rmsprop.title"))
st.write(t("rmsprop.intro"))

# -- controls ---------------------------------------------------------------------------
controls = Controls("rmsprop")
with st.sidebar:
    st.subheader(t("rmsprop.controls"))
    kappa = controls.slider(
        "r_kappa", t("rmsprop.kappa"), *lesson.KAPPA, help=t("rmsprop.kappa_help")
    )
    lr = controls.select_slider(
        "r_lr", t("rmsprop.lr"), lesson.LR_OPTIONS, lesson.LR, format_func=short
    )
    beta = controls.slider("r_beta", t("rmsprop.beta"), *lesson.BETA, format="%.3f")
    eps = controls.select_slider(
        "r_eps", t("rmsprop.eps"), lesson.EPS_OPTIONS, lesson.EPS, format_func=short
    )
    gd_lr = controls.select_slider(
        "r_gdlr", t("rmsprop.gd_lr"), lesson.GD_LR_OPTIONS, lesson.GD_LR, format_func=short
    )
    steps = controls.slider("r_n", t("rmsprop.steps"), *lesson.STEPS)
    controls.reset_button()
share_box()

try:
    setup = cached.rmsprop_setup(kappa, lr, beta, eps, gd_lr, steps)
    first = cached.rmsprop_first_move(setup)
    valley = cached.rmsprop_valley(setup)
except ValueError as err:
    st.error(t("common.bad_value", detail=str(err)))
    st.stop()
n = setup.steps
names = {"gd": t("common.optimizer.gd"), "rmsprop": t("common.optimizer.rmsprop")}

# -- 1. the update rule -----------------------------------------------------------------
st.header(t("rmsprop.s1_title"))
st.write(t("rmsprop.s1_text"))
st.latex(formulas.RULE)
st.caption(t("rmsprop.s1_symbols"))
k = controls.slider("r_k", t("rmsprop.k"), *lesson.K)
step = cached.rmsprop_update(setup, k)
if step.clamped:
    st.caption(t("rmsprop.k_clamped", k=step.wanted, n=n))
if step.live:
    w, b = step.coords
    st.latex(formulas.update(step))
    st.write(
        t(
            "rmsprop.s1_live",
            k=step.k,
            rate_w=fmt(w.rate),
            rate_b=fmt(b.rate),
            ratio=fmt(step.ratio),
        )
    )
else:
    st.warning(t("rmsprop.no_live", k=step.k, step=step.diverged))

st.subheader(t("rmsprop.first_title"))
st.write(t("rmsprop.first_text"))
for line in formulas.first_step(first):
    st.latex(line)
st.caption(t("rmsprop.first_caption"))
st.caption(
    t(
        "rmsprop.torch",
        lr=short(first.lr),
        beta=short(first.beta),
        eps=short(first.eps),
        approx=fmt(first.approx),
        factor=fmt(first.factor),
    )
)
what_to_try("rmsprop.s1_try")

# -- 2. the valley ------------------------------------------------------------------------
st.header(t("rmsprop.s2_title"))
st.write(t("rmsprop.s2_text", kappa=fmt(valley.kappa), two=fmt(valley.two)))
labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
start = valley.rms_path[0]
notes = [t("rmsprop.frame_start", w=fmt(start[0]), b=fmt(start[1]))] + [
    t("rmsprop.frame_note", k=j, rate_w=fmt(rate_w), rate_b=fmt(rate_b))
    for j, (rate_w, rate_b) in enumerate(valley.rates[1:], start=1)
]
grid = valley.grid
chart = cached.rmsprop_valley_figure(
    grid.xs,
    grid.ys,
    grid.z,
    {
        names["gd"]: (valley.gd_path, COLORS["gd"]),
        names["rmsprop"]: (valley.rms_path, COLORS["rmsprop"]),
    },
    labels=labels,
    notes=notes,
    title=t("rmsprop.valley_title", kappa=fmt(valley.kappa)),
)
st.plotly_chart(chart, key="rmsprop_valley")
st.caption(t("rmsprop.valley_caption"))
if valley.gd_diverged > 0:
    diverged = t("common.diverged", name=names["gd"], step=valley.gd_diverged)
    limit = t("rmsprop.gd_limit", lr=short(valley.gd_lr), two=fmt(valley.two))
    st.error(f"{diverged} {limit}")
if valley.rms_diverged > 0:
    st.error(t("common.diverged", name=names["rmsprop"], step=valley.rms_diverged))
chart = cached.rmsprop_cost_figure(
    valley.steps,
    {
        names["gd"]: (valley.gd_loss, COLORS["gd"]),
        names["rmsprop"]: (valley.rms_loss, COLORS["rmsprop"]),
    },
    target=valley.target,
    target_label=t("rmsprop.target", target=short(valley.target)),
    xlabel=t("common.step"),
    ylabel=t("common.loss"),
    title=t("rmsprop.cost_title"),
)
st.plotly_chart(chart, key="rmsprop_cost")
c1, c2 = st.columns(2)
target = short(valley.target)
c1.metric(t("rmsprop.hit_metric", name=names["gd"], target=target), arrival(valley.gd_hit, n))
c2.metric(t("rmsprop.hit_metric", name=names["rmsprop"], target=target), arrival(valley.rms_hit, n))
if valley.gd_hit > 0 and valley.rms_hit > 0:
    st.write(t("rmsprop.hit_compare", gd=valley.gd_hit, rms=valley.rms_hit))
what_to_try("rmsprop.s2_try")

# -- 3. one learning rate per coordinate ------------------------------------------------
st.header(t("rmsprop.s3_title"))
st.write(t("rmsprop.s3_text"))
st.latex(formulas.RATES)
per = cached.rmsprop_rates(setup)
left, right = st.columns(2)
with left:
    chart = cached.rmsprop_per_coordinate_figure(
        per.steps,
        per.sqrt_s[:, 0],
        per.sqrt_s[:, 1],
        color=COLORS["rmsprop"],
        names=(t("rmsprop.sqrt_s_w"), t("rmsprop.sqrt_s_b")),
        xlabel=t("common.step"),
        ylabel=t("rmsprop.sqrt_s_y"),
        title=t("rmsprop.sqrt_s_title"),
    )
    st.plotly_chart(chart, key="rmsprop_sqrt_s")
with right:
    chart = cached.rmsprop_per_coordinate_figure(
        per.steps,
        per.rates[:, 0],
        per.rates[:, 1],
        color=COLORS["rmsprop"],
        names=(t("rmsprop.rate_w"), t("rmsprop.rate_b")),
        xlabel=t("common.step"),
        ylabel=t("rmsprop.rate_y"),
        title=t("rmsprop.rate_title"),
        gd=(per.gd_lr, t("rmsprop.rate_gd", lr=short(per.gd_lr)), COLORS["gd"]),
    )
    st.plotly_chart(chart, key="rmsprop_rates")
ratios = per.ratios
if ratios.last:
    st.latex(formulas.ratio(per))
    st.write(
        t(
            "rmsprop.s3_measured",
            ratio=fmt(ratios.median),
            kappa=fmt(per.kappa),
            wider=ratios.wider,
            n=ratios.last,
            low=fmt(ratios.low),
            high=fmt(ratios.high),
        )
    )
st.caption(t("rmsprop.s3_why"))
what_to_try("rmsprop.s3_try")

# -- 4. near the minimum ------------------------------------------------------------------
st.header(t("rmsprop.s4_title"))
st.write(t("rmsprop.s4_text"))
near = cached.rmsprop_near_minimum(setup)
chart = cached.rmsprop_distance_figure(
    near.steps,
    {
        names["gd"]: (near.gd_distance, COLORS["gd"]),
        names["rmsprop"]: (near.rms_distance, COLORS["rmsprop"]),
    },
    lr=near.lr,
    lr_label=t("rmsprop.alpha_line", lr=short(near.lr)),
    xlabel=t("common.step"),
    ylabel=t("rmsprop.dist_y"),
    title=t("rmsprop.dist_title"),
)
st.plotly_chart(chart, key="rmsprop_distance")
tail = near.tail
m1, m2, m3 = st.columns(3)
m1.metric(t("rmsprop.tail_dist", name=names["gd"], n=tail), fmt(near.gd_tail[0]))
m2.metric(t("rmsprop.tail_dist", name=names["rmsprop"], n=tail), fmt(near.rms_tail[0]))
m3.metric(t("rmsprop.tail_move", n=tail), fmt(near.rms_tail[2]), help=t("rmsprop.tail_move_help"))
rows = near.variants
st.dataframe(
    {
        t("rmsprop.col_setting"): [t(f"rmsprop.variant.{i}") for i in range(len(rows))],
        t("rmsprop.col_lr"): [short(r.lr) for r in rows],
        t("rmsprop.col_eps"): [short(r.eps) for r in rows],
        t("rmsprop.col_hit"): [arrival(r.hit, n) for r in rows],
        t("rmsprop.col_dist", n=tail): [fmt(r.mean_d) for r in rows],
        t("rmsprop.col_move", n=tail): [fmt(r.move) for r in rows],
    },
    hide_index=True,
)
st.write(t("rmsprop.s4_after"))
what_to_try("rmsprop.s4_try")
