"""Gradient descent: the cost of ŷ = W·x on tips data as a parabola, the slope, the step size."""

import streamlit as st

from optim_core.lessons import gradient_descent as lesson
from ui import cached, figures
from ui.figures import gradient_descent as fig
from ui.formulas import gradient_descent as formulas
from ui.numbers import text as num
from ui.widgets import Controls, chart, glossary, lang, share_box, t, what_to_try

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
    """The number alone, the same in every language: it is also what the URL stores."""
    return formulas.lr_label(v, data)


def set_lr(value: float) -> None:
    st.session_state["gd_lr"] = value


def move_k(delta: int, last: int) -> None:
    st.session_state["gd_k"] = lesson.step_after(st.session_state.get("gd_k", 0), delta, last)


def heading(key: str, level: int = 2, **fields) -> str:
    """Markdown of a heading: it goes out in one element with the text under it."""
    return f"{'#' * level} {t(key, **fields)}"


# -- page -------------------------------------------------------------------------------------
st.title(t("gradient_descent.title"))
st.write(t("gradient_descent.intro"))

# the data and the expansion
data_text = t(
    "gradient_descent.data_text", m=data.m, w_star=num(data.w_star), percent=f"{data.percent:.1f}"
)
table = formulas.data_table(
    data, t("gradient_descent.first_rows"), t("gradient_descent.bill"), t("gradient_descent.tip")
)
expansion_text = t("gradient_descent.expansion_text", m=data.m)
expansion = formulas.display(formulas.expansion_block(data))
title = heading("gradient_descent.data_title")
st.markdown(formulas.shown(title, data_text, table, expansion_text, expansion))

# controls (sidebar)
controls = Controls(PAGE, st.sidebar)
st.sidebar.subheader(t("gradient_descent.controls"))
old_link = st.query_params.get("gd_lr")  # an older link's label ("2/C'' = 0.004252")
if "gd_lr" not in st.session_state and formulas.is_old_lr_label(old_link):
    linked = formulas.lr_option(old_link, data)
    if linked is not None:
        st.session_state["gd_lr"] = linked
lr = controls.select_slider(
    "gd_lr",
    t("gradient_descent.lr"),
    data.lr_options,
    lesson.DEFAULT_LR,
    format_func=lr_label,
    help=t("gradient_descent.lr_help", one=lr_label(data.one), two=lr_label(data.two)),
)
presets = st.sidebar.container(horizontal=True)  # one block, not three columns
for value, name in ((data.one, "one"), (data.two, "two")):
    presets.button(
        t(f"gradient_descent.preset_{name}"),
        on_click=set_lr,
        args=(value,),
        key=f"_gd_{name}",
        help=t("gradient_descent.preset_help"),
        width="stretch",
    )
w0 = controls.slider("gd_w0", t("gradient_descent.w0"), -0.5, 0.8, 0.5, 0.01)
steps = controls.slider("gd_steps", t("gradient_descent.steps"), 2, 200, 25, 1)

# the whole run, animated in the browser (every frame carries its own numbers)
run = cached.gradient_descent_descent(lr, w0, steps)
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
descent_fig = cached.gradient_descent_descent_figure(
    lr, w0, steps, lang(), fig_labels, t("gradient_descent.note")
)
chart(descent_fig, key="gd_descent")
st.markdown(formulas.look_descent(t, data, run))
st.caption(t("gradient_descent.play_hint"))


@st.fragment
def step_k(lr: float, w0: float, steps: int) -> None:
    """One update W_k → W_{k+1}: its slider, a chart marking it and its formulas. Moving k
    reruns this section only."""
    last = lesson.last_step(steps)
    if st.session_state.get("gd_k", 0) > last:
        st.session_state["gd_k"] = last
    row = st.container(horizontal=True, vertical_alignment="bottom")
    k = controls.slider("gd_k", t("gradient_descent.k"), 0, last, 0, 1, where=row)
    for delta, name, label, icon, off in (
        (-1, "back", "prev", "chevron_left", k <= 0),
        (1, "fwd", "next", "chevron_right", k >= last),
    ):
        row.button(
            t(f"gradient_descent.{label}"),
            on_click=move_k,
            args=(delta, last),
            key=f"_gd_{name}",
            icon=f":material/{icon}:",
            disabled=off,
        )
    shown = cached.gradient_descent_descent(lr, w0, steps, k)
    st.subheader(t("gradient_descent.formulas_title", k=shown.shown))
    if shown.shown != shown.k:
        st.info(t("gradient_descent.shown_last", step=shown.diverged_at, k=shown.shown))
    labels = {key: t(f"gradient_descent.fig.{key}") for key in fig.STEP_LABELS}
    labels |= {"cost": t("common.loss")}
    chart(cached.gradient_descent_step_figure(lr, w0, steps, k, lang(), labels), key="gd_step")
    st.markdown(formulas.look_step(t, shown))
    slope_words = t("gradient_descent.explain_slope", k=shown.shown, slope=num(shown.slope_k))
    st.markdown(
        formulas.shown(
            formulas.display(formulas.slope(data, shown)),
            slope_words,
            formulas.display(formulas.update(shown)),
            t(f"gradient_descent.explain_{shown.slope_sign}"),
            formulas.display(formulas.error(shown)),
            t("gradient_descent.explain_factor"),
        )
    )


step_k(lr, w0, steps)

# regimes
st.markdown(
    formulas.shown(
        heading("gradient_descent.regimes_title", 3),
        t("gradient_descent.regimes_text"),
        formulas.display(formulas.thresholds(data, run)),
        t("gradient_descent.regime_list"),
    )
)
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
condition_text = t(
    "gradient_descent.condition_text",
    kappa_raw=f"{data.kappa_raw:,.0f}",
    kappa_std=num(data.kappa_std, 3),
    mean=num(data.x_mean),
    std=num(data.x_std),
)
st.markdown(
    formulas.shown(
        heading("gradient_descent.two_title"),
        t("gradient_descent.two_intro"),
        formulas.display(formulas.condition(data)),
        condition_text,
    )
)
st.info(t("gradient_descent.momentum_hint"), icon=":material/speed:")

row = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")  # one block
wide = dict(where=row, width=240)
rate = controls.select_slider(
    "gd_r2",
    t("gradient_descent.rate"),
    lesson.RATES_2D,
    lesson.DEFAULT_RATE,
    help=t("gradient_descent.rate_help"),
    **wide,
)
w_start = controls.slider("gd_w2", t("gradient_descent.w_start"), -3.0, 5.0, -2.5, 0.1, **wide)
b_start = controls.slider("gd_b2", t("gradient_descent.b_start"), -2.0, 6.0, 5.5, 0.1, **wide)
steps2 = controls.slider("gd_n2", t("gradient_descent.steps2"), 5, 300, 40, 5, **wide)
raw = controls.toggle("gd_raw", t("gradient_descent.raw"), False, **wide)
camera = controls.segmented(
    "cam", t("common.camera"), tuple(figures.CAMERAS), "iso", labels="common.camera.{}", where=row
)
camera = camera if camera in figures.CAMERAS else "iso"  # an empty ?cam= clears the control

valley = cached.gradient_descent_valley(rate, w_start, b_start, steps2, raw)
if valley.diverged_at > 0:
    st.error(t("common.diverged", name=t("common.optimizer.gd"), step=valley.diverged_at))
elif valley.growing:
    st.warning(t("gradient_descent.growing", factor=num(valley.fast_growth, 3)))
labels2 = playback | {
    "best": t("gradient_descent.fig.best_wb"),
    "path": t("common.optimizer.gd"),
}
settings2 = (rate, w_start, b_start, steps2, raw)
note2 = t("gradient_descent.note2")
left, right = st.columns(2)  # the same path, side by side (titles inside the charts)
labels = labels2 | {"title": t("gradient_descent.contour_title")}
contour_fig = cached.gradient_descent_contour_figure(*settings2, lang(), labels, note2)
chart(contour_fig, key="gd_contour", where=left)
left.markdown(formulas.look_contour(t, valley))
labels = labels2 | {"title": t("gradient_descent.surface_title")}
surface_fig = cached.gradient_descent_surface_figure(*settings2, camera, lang(), labels, note2)
chart(surface_fig, key="gd_surface", where=right)
right.markdown(formulas.look_surface(t, valley))
st.markdown(formulas.two_result(t, data, valley))
what_to_try("gradient_descent.try2")

controls.reset_button()
share_box()
glossary("hessian", "eigen", "condition", where=st.sidebar)
