"""Gradient descent: the cost of ŷ = W·x on tips data as a parabola, the slope, the step size."""

import streamlit as st

from optim_core.lessons import gradient_descent as lesson
from ui import cached, figures
from ui.figures import gradient_descent as fig
from ui.formulas import gradient_descent as formulas
from ui.numbers import text as num
from ui.widgets import Controls, share_box, t, what_to_try

PAGE = "gradient_descent"
SHOW_REGIME = {
    "creep": st.info,
    "one_step": st.success,
    "overshoot": st.info,
    "bounce": st.warning,
    "diverge": st.error,
}

data = cached.gradient_descent_parabola()


def lr_label(v: float) -> str:
    """Language-free label (it is also what the URL stores)."""
    return formulas.lr_label(v, data)


def set_lr(value: float) -> None:
    st.session_state["gd_lr"] = value


def move_k(delta: int, last: int) -> None:
    st.session_state["gd_k"] = lesson.step_after(st.session_state.get("gd_k", 0), delta, last)


# -- page -------------------------------------------------------------------------------------
st.title(t("gradient_descent.title"))
st.write(t("gradient_descent.intro"))

# the data and the expansion
st.header(t("gradient_descent.data_title"))
data_left, data_right = st.columns([2, 3])
with data_left:
    st.write(
        t(
            "gradient_descent.data_text",
            m=data.m,
            w_star=num(data.w_star),
            percent=f"{data.percent:.1f}",
        )
    )
    st.caption(t("gradient_descent.first_rows"))
    st.dataframe(
        {t("gradient_descent.bill"): data.head_x, t("gradient_descent.tip"): data.head_y},
        hide_index=True,
        height=250,
    )
with data_right:
    st.write(t("gradient_descent.expansion_text", m=data.m))
    for line in formulas.expansion(data):
        st.latex(line)

# controls (sidebar)
controls = Controls(PAGE, st.sidebar)
st.sidebar.subheader(t("gradient_descent.controls"))
lr = controls.select_slider(
    "gd_lr",
    t("gradient_descent.lr"),
    data.lr_options,
    lesson.DEFAULT_LR,
    format_func=lr_label,
    help=t("gradient_descent.lr_help"),
)
preset_one, preset_two = st.sidebar.columns(2)
for where, value, name in ((preset_one, data.one, "one"), (preset_two, data.two, "two")):
    where.button(
        t(f"gradient_descent.preset_{name}"),
        on_click=set_lr,
        args=(value,),
        key=f"_gd_{name}",
        help=t("gradient_descent.preset_help"),
        width="stretch",
    )
w0 = controls.slider("gd_w0", t("gradient_descent.w0"), -0.5, 0.8, 0.5, 0.01)
steps = controls.slider("gd_steps", t("gradient_descent.steps"), 2, 200, 25, 1)
last = lesson.last_step(steps)
if st.session_state.get("gd_k", 0) > last:
    st.session_state["gd_k"] = last
k = controls.slider("gd_k", t("gradient_descent.k"), 0, last, 0, 1)
back, forward = st.sidebar.columns(2)
for where, delta, name, label, icon, off in (
    (back, -1, "back", "prev", "chevron_left", k <= 0),
    (forward, 1, "fwd", "next", "chevron_right", k >= last),
):
    where.button(
        t(f"gradient_descent.{label}"),
        on_click=move_k,
        args=(delta, last),
        key=f"_gd_{name}",
        icon=f":material/{icon}:",
        width="stretch",
        disabled=off,
    )

# the run
run = cached.gradient_descent_descent(lr, w0, steps, k)
notes = [
    t(
        "gradient_descent.note",
        k=j,
        w=num(run.w[j]),
        slope=num(run.slope[j]),
        move=num(run.move[j]),
        new=num(run.new[j]),
    )
    for j in range(run.n_frames)
]

st.header(t("gradient_descent.run_title"))
if run.diverged_at > 0:
    st.error(
        t("common.diverged", name=t("common.optimizer.gd"), step=run.diverged_at)
        + " "
        + t("gradient_descent.diverged_extra", lr=num(lr), two=num(data.two)),
        icon=":material/warning:",
    )
playback = {key: t(f"common.{key}") for key in ("play", "pause", "step")}
fig_labels = {key: t(f"gradient_descent.fig.{key}") for key in fig.DESCENT_LABELS} | playback
fig_labels |= {"cost": t("common.loss")}
fig_labels |= {key: t(f"gradient_descent.{key}") for key in ("bill", "tip")}
descent_fig = cached.gradient_descent_descent_figure(data, run, labels=fig_labels, notes=notes)
st.plotly_chart(descent_fig, key="gd_descent")
st.caption(t("gradient_descent.play_hint"))

# formulas with the live numbers of the step shown
st.subheader(t("gradient_descent.formulas_title", k=run.shown))
if run.shown != run.k:
    st.info(t("gradient_descent.shown_last", step=run.diverged_at, k=run.shown))
slope_words = t("gradient_descent.explain_slope", k=run.shown, slope=num(run.slope_k))
for latex, words in (
    (formulas.slope(data, run), slope_words),
    (formulas.update(run), t(f"gradient_descent.explain_{run.slope_sign}")),
    (formulas.error(run), t("gradient_descent.explain_factor")),
):
    formula, explanation = st.columns([3, 2])
    formula.latex(latex)
    explanation.write(words)

# regimes
st.subheader(t("gradient_descent.regimes_title"))
st.write(t("gradient_descent.regimes_text"))
st.latex(formulas.thresholds(data, run))
st.markdown(t("gradient_descent.regime_list"))
SHOW_REGIME[run.regime](
    t(
        f"gradient_descent.regime.{run.regime}",
        lr=num(lr),
        one=num(data.one),
        two=num(data.two),
        factor=num(run.factor, 3),
        growth=num(run.growth, 3),
    )
)
what_to_try("gradient_descent.try")

# -- two parameters --------------------------------------------------------------------------
st.header(t("gradient_descent.two_title"))
st.write(t("gradient_descent.two_intro"))
st.latex(formulas.condition(data))
st.write(
    t(
        "gradient_descent.condition_text",
        kappa_raw=f"{data.kappa_raw:,.0f}",
        kappa_std=num(data.kappa_std, 3),
        mean=num(data.x_mean),
        std=num(data.x_std),
    )
)
st.info(t("gradient_descent.momentum_hint"), icon=":material/speed:")

set_a, set_b, set_c = st.columns(3)
raw = controls.toggle("gd_raw", t("gradient_descent.raw"), False, where=set_a)
rate = controls.select_slider(
    "gd_r2",
    t("gradient_descent.rate"),
    lesson.RATES_2D,
    lesson.DEFAULT_RATE,
    help=t("gradient_descent.rate_help"),
    where=set_a,
)
w_start = controls.slider("gd_w2", t("gradient_descent.w_start"), -3.0, 5.0, -2.5, 0.1, where=set_b)
b_start = controls.slider("gd_b2", t("gradient_descent.b_start"), -2.0, 6.0, 5.5, 0.1, where=set_b)
steps2 = controls.slider("gd_n2", t("gradient_descent.steps2"), 5, 300, 40, 5, where=set_c)
camera = controls.segmented(
    "cam", t("common.camera"), tuple(figures.CAMERAS), "iso", labels="common.camera.{}", where=set_c
)
camera = camera or "iso"  # an empty ?cam= clears the control

valley = cached.gradient_descent_valley(rate, w_start, b_start, steps2, raw)
if valley.diverged_at > 0:
    st.error(t("common.diverged", name=t("common.optimizer.gd"), step=valley.diverged_at))
elif valley.growing:
    st.warning(t("gradient_descent.growing", factor=num(valley.fast_growth, 3)))
notes2 = [
    t("gradient_descent.note2", k=j, w=num(p[0]), b=num(p[1]), cost=num(cost))
    for j, (p, cost) in enumerate(zip(valley.path, valley.loss, strict=True))
]
labels2 = playback | {
    "best": t("gradient_descent.fig.best_wb"),
    "path": t("common.optimizer.gd"),
}
left, right = st.columns(2)
with left:
    st.subheader(t("gradient_descent.contour_title"))
    contour_fig = cached.gradient_descent_contour_figure(valley, labels=labels2, notes=notes2)
    st.plotly_chart(contour_fig, key="gd_contour")
with right:
    st.subheader(t("gradient_descent.surface_title"))
    surface_fig = cached.gradient_descent_surface_figure(
        valley, labels=labels2, camera=camera, notes=notes2
    )
    st.plotly_chart(surface_fig, key="gd_surface")
    st.caption(t("gradient_descent.surface_hint"))
st.write(
    t(
        "gradient_descent.two_result",
        lr=num(valley.lr),
        fast=num(valley.fast_factor),
        slow=num(valley.slow_factor, 6),
        steps=steps2,
        gap=num(valley.gap, 3),
        needed=f"{valley.steps_needed:,}" if valley.shrinks else t("gradient_descent.never"),
    )
)
what_to_try("gradient_descent.try2")

controls.reset_button()
share_box()
