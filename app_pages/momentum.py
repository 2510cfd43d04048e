"""Momentum: the weighted average of the gradients, on a long narrow valley."""

import streamlit as st

from optim_core.lessons import momentum as lesson
from ui import cached
from ui.figures import momentum as fig
from ui.formulas import momentum as formulas
from ui.numbers import text as num
from ui.widgets import Controls, busy, chart, glossary, lang, share_box, t, what_to_try

PAGE = "momentum"


def heading(key: str, level: int = 2, **fields) -> str:
    """Markdown of a heading: it goes out in one element with the text under it."""
    return f"{'#' * level} {t(key, **fields)}"


def words(*keys: str) -> dict:
    """The figure words ``momentum.fig.<key>`` of ``keys``, translated."""
    return {key: t(f"momentum.fig.{key}") for key in keys}


# -- controls (sidebar) -------------------------------------------------------------------------
controls = Controls(PAGE, st.sidebar)
st.sidebar.subheader(t("momentum.controls"))
lr = controls.select_slider(
    "m_lr", t("momentum.lr"), lesson.LR_OPTIONS, lesson.DEFAULT_LR, help=t("momentum.lr_help")
)
low, high, step = lesson.BETA_RANGE
beta = controls.slider(
    "m_beta", t("momentum.beta"), low, high, lesson.DEFAULT_BETA, step, help=t("momentum.beta_help")
)
low, high, step = lesson.KAPPA_RANGE
kappa = controls.slider(
    "m_kappa",
    t("momentum.kappa"),
    low,
    high,
    lesson.DEFAULT_KAPPA,
    step,
    help=t("momentum.kappa_help"),
)
low, high, step = lesson.STEPS_RANGE
steps = controls.slider("m_steps", t("momentum.steps"), low, high, lesson.DEFAULT_STEPS, step)
# an empty ?m_lr= leaves the option control at None: treat it as the default
lr, beta, kappa, steps = float(lr or lesson.DEFAULT_LR), float(beta), float(kappa), int(steps)
names = {"gd": t("common.optimizer.gd"), "momentum": t("common.optimizer.momentum")}
here = (lr, beta, kappa, steps)

# -- page -----------------------------------------------------------------------------------------
st.title(t("momentum.title"))
st.write(t("momentum.intro"))
st.page_link("app_pages/ewa.py", label=t("momentum.ewa_link"), icon=":material/show_chart:")

# 1. the update rule with the numbers of step k ---------------------------------------------------
st.markdown(
    formulas.shown(
        heading("momentum.rule_title"), t("momentum.rule_text"), formulas.display(formulas.RULE)
    )
)


@st.fragment
def step_k(lr: float, beta: float, kappa: float, steps: int) -> None:
    """Step k of momentum's run: its slider, a chart marking it and its formulas. Moving k
    reruns this section only."""
    if st.session_state.get("m_k", lesson.DEFAULT_K) > steps:
        st.session_state["m_k"] = steps
    k = controls.slider("m_k", t("momentum.k"), 1, steps, lesson.DEFAULT_K, 1, where=st)
    rule = cached.momentum_rule(lr, beta, kappa, steps, k)
    if rule.shown != rule.k:
        st.info(t("momentum.shown_last", step=rule.diverged_at, k=rule.shown))
    labels = words(*fig.STEP_LABELS, "w", "b")
    chart(cached.momentum_step_figure(lr, beta, kappa, steps, k, lang(), labels), key="m_step")
    look = t("momentum.look.step", k=rule.shown, m=num(rule.m_move, 3), g=num(rule.g_move, 3))
    st.markdown(
        formulas.shown(
            look,
            t("momentum.step_hint", k=rule.shown),
            formulas.display(formulas.gradient(rule)),
            t("momentum.explain_g", kappa=num(kappa, 3)),
            formulas.display(formulas.velocity(rule)),
            t("momentum.explain_v", beta=num(beta, 3), rest=num(rule.rest, 3)),
            formulas.display(formulas.position(rule)),
            t("momentum.explain_x", lr=num(lr, 3)),
        )
    )


step_k(*here)
torch = t("momentum.torch", torch_lr=num(lesson.torch_sgd_lr(lr, beta), 4), beta=num(beta, 3))
st.markdown(formulas.shown(t("momentum.beta_zero"), torch))
what_to_try("momentum.try_rule")

# 2. the valley ------------------------------------------------------------------------------------
race = cached.momentum_race(*here)
w0, b0 = lesson.START
limit_names = (names["gd"], names["momentum"], t("momentum.chosen"))
st.markdown(
    formulas.shown(
        heading("momentum.valley_title"),
        t("momentum.valley_text", kappa=num(kappa, 3), w0=num(w0), b0=num(b0)),
        formulas.display(formulas.valley(kappa)),
        formulas.display(formulas.limits(race, lr, limit_names)),
        t("momentum.limits_text"),
    )
)
for name, diverged, extra, limit in (
    ("gd", race.gd_diverged, "momentum.diverged_gd_extra", race.gd_limit),
    ("momentum", race.m_diverged, "momentum.diverged_m_extra", race.m_limit),
):
    if diverged > 0:
        st.error(
            t("common.diverged", name=names[name], step=diverged)
            + " "
            + t(extra, lr=num(lr, 3), limit=num(limit, 3)),
            icon=":material/warning:",
        )

labels = {
    "play": t("common.play"),
    "pause": t("common.pause"),
    "step": t("common.step"),
    "start": t("common.start"),
    "cost": t("common.loss"),
    **names,
    **words("minimum", "w", "b", "target"),
}
chart(cached.momentum_race_figure(*here, lang(), labels, t("momentum.note")), key="m_race")
travel = dict(n=race.first, gd=num(race.gd_travel, 3), m=num(race.m_travel, 3))
st.markdown(formulas.shown(t("momentum.look.race", **travel), t("momentum.play_hint")))

reach = busy(cached.momentum_reach, lr, beta, kappa)
gd_reach = formulas.reach(reach.gd_steps, reach.gd_diverged, lang())
m_reach = formulas.reach(reach.m_steps, reach.m_diverged, lang())
metrics = st.container(horizontal=True)  # one block, not three columns
metrics.metric(t("momentum.reach_label", name=names["gd"]), gd_reach)
metrics.metric(t("momentum.reach_label", name=names["momentum"]), m_reach)
labels |= {"cost_title": t("momentum.cost_title")}
chart(cached.momentum_costs_figure(*here, lang(), labels), key="m_costs")
reached = dict(gd=gd_reach, m=m_reach, max=f"{lesson.MAX_STEPS:,}", steps=steps)
st.markdown(t("momentum.look.costs", **reached))
if reach.verdict == "faster":
    st.success(t("momentum.faster", ratio=num(reach.ratio, 2)))
elif reach.verdict == "slower":
    st.warning(t("momentum.slower", ratio=num(reach.ratio, 2)))
elif reach.verdict == "only_momentum":
    st.success(t("momentum.only_momentum"))
what_to_try("momentum.try_valley", limit=num(race.gd_limit, 3))

# 2, end: which direction zig-zags depends on the curvature, not on the name --------------------
ways = busy(cached.momentum_directions, kappa)
st.markdown(
    formulas.shown(
        heading("momentum.dir_title", 3),
        t("momentum.dir_text"),
        formulas.display(formulas.valley_hessian(ways)),
        t("momentum.dir_tips", m=ways.m),
        formulas.display(formulas.tips_hessian(ways)),
    )
)
said = formulas.direction_sentences(ways, lesson.ZIGZAG, lesson.ZIGZAG_STEPS, lang())
map_labels = {"gd": names["gd"], "start": t("common.start"), **words("minimum", "w", "b")}
for column, which in zip(st.columns(2), ("valley", "tips"), strict=True):
    title = t(f"momentum.dir_{which}_title")
    figure = cached.momentum_direction_figure(kappa, which, lang(), map_labels, title)
    chart(figure, key=f"m_dir_{which}", where=column)
    column.markdown(said[which])
st.markdown(said["answer"])

# 3. the cancellation -----------------------------------------------------------------------------
cancel = cached.momentum_cancellation(*here)
st.markdown(
    formulas.shown(heading("momentum.cancel_title"), t("momentum.cancel_text", n=cancel.first))
)
comp_labels = {"step": t("common.step"), **words("g", "v", "g_plain")}
for column, axis, name in zip(st.columns(2), (1, 0), ("vertical", "horizontal"), strict=True):
    title = t(f"momentum.{name}_title")  # b (axis 1) is the steep direction, w the flat one
    figure = cached.momentum_components_figure(*here, axis, lang(), comp_labels, title)
    chart(figure, key=f"m_{name}", where=column)
    g, v = (cancel.g_b, cancel.v_b) if axis else (cancel.g_w, cancel.v_w)
    look = dict(n=cancel.first, g=num(g, 3), v=num(v, 3))
    column.markdown(
        t(f"momentum.look.{name}" if cancel.measured else "momentum.look.components_none", **look)
    )
if cancel.measured:
    steep, flat = formulas.cancel_sentences(cancel, lang())
    st.markdown(formulas.shown(formulas.display(formulas.means(cancel)), steep, flat))
else:
    st.warning(t("momentum.cancel_none"))
what_to_try("momentum.try_cancel")

# 4. choosing beta ----------------------------------------------------------------------------
sweep = busy(cached.momentum_sweep, lr, kappa, beta)
st.markdown(
    formulas.shown(
        heading("momentum.beta_title"),
        t("momentum.beta_text"),
        formulas.display(formulas.window(sweep)),
        t("momentum.window_explain"),
    )
)
st.page_link("app_pages/ewa.py", label=t("momentum.ewa_link"), icon=":material/show_chart:")
sweep_labels = words("beta", "steps", "diverged", "not_reached") | {
    "title": t("momentum.sweep_title")
}
chart(cached.momentum_sweep_figure(lr, kappa, beta, lang(), sweep_labels), key="m_sweep")
look, best = formulas.sweep_sentences(sweep, lr, kappa, lang())
st.markdown(formulas.shown(look, best) if best else look)
if best is None:
    st.warning(t("momentum.sweep_none", lr=num(lr, 3), kappa=num(kappa, 3)))
what_to_try("momentum.try_beta")

controls.reset_button()
share_box()
glossary("condition", "eigen", "hessian", where=st.sidebar)
