"""RMSprop: each coordinate gets its own learning rate from the average of its squared gradients."""

import streamlit as st

from optim_core.lessons import rmsprop as lesson
from ui import cached
from ui.figures import rmsprop as fig
from ui.formulas import rmsprop as formulas
from ui.numbers import text as num
from ui.widgets import Controls, chart, glossary, lang, share_box, t, what_to_try


def short(x: float) -> str:
    """Option label that does not depend on the language (it goes into the URL)."""
    return num(x, 6)


def fmt(x: float) -> str:
    return num(x, 3)


def heading(key: str, level: int = 2, **fields) -> str:
    """Markdown of a heading: it goes out in one element with the text under it."""
    return f"{'#' * level} {t(key, **fields)}"


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
glossary("condition", where=st.sidebar)

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
st.markdown(
    formulas.shown(
        heading("rmsprop.s1_title"),
        t("rmsprop.s1_text"),
        formulas.display(formulas.RULE),
        t("rmsprop.s1_symbols"),
    )
)


@st.fragment
def step_k(setup) -> None:
    """Step k of RMSprop's run: its slider, a chart marking it and its formula. Moving k
    reruns this section only."""
    k = controls.slider("r_k", t("rmsprop.k"), *lesson.K, where=st)
    step = cached.rmsprop_update(setup, k)
    if step.clamped:
        st.caption(t("rmsprop.k_clamped", k=step.wanted, n=setup.steps))
    if not step.live:
        st.warning(t("rmsprop.no_live", k=step.k, step=step.diverged))
        return
    labels = {key: t(f"rmsprop.fig.{key}") for key in (*fig.STEP_LABELS, "w", "b")}
    chart(cached.rmsprop_step_figure(setup, step.k, lang(), labels), key="rmsprop_step")
    w, b = step.coords
    moves = dict(rms_w=fmt(w.step), rms_b=fmt(b.step), gd_w=fmt(step.gd_move[0]))
    look = t("rmsprop.look.step", k=step.k, gd_b=fmt(step.gd_move[1]), **moves)
    hint = t("rmsprop.step_hint", k=step.k, gd_lr=short(setup.gd_lr))
    rates = dict(rate_w=fmt(w.rate), rate_b=fmt(b.rate), ratio=fmt(step.ratio))
    rows = [formulas.display(formula) for formula in formulas.update(step)]  # w, then b
    st.markdown(formulas.shown(look, hint, *rows, t("rmsprop.s1_live", k=step.k, **rates)))


step_k(setup)

torch = t(
    "rmsprop.torch",
    lr=short(first.lr),
    beta=short(first.beta),
    eps=short(first.eps),
    approx=fmt(first.approx),
    factor=fmt(first.factor),
)
first_formula, first_run = formulas.first_step(first)
st.markdown(
    formulas.shown(
        heading("rmsprop.first_title", 3),
        t("rmsprop.first_text"),
        formulas.display(first_formula),
        formulas.display(first_run),
        t("rmsprop.first_caption"),
        torch,
    )
)
what_to_try("rmsprop.s1_try")

# -- 2. the valley ------------------------------------------------------------------------
st.markdown(
    formulas.shown(
        heading("rmsprop.s2_title"),
        t("rmsprop.s2_text", kappa=fmt(valley.kappa), two=fmt(valley.two)),
    )
)
labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
notes = (t("rmsprop.frame_start"), t("rmsprop.frame_note"))
title = t("rmsprop.valley_title", kappa=fmt(valley.kappa))
chart(
    cached.rmsprop_valley_figure(setup, lang(), names, labels, notes, title), key="rmsprop_valley"
)
swings = dict(n=valley.first, gd=fmt(valley.gd_zigzag_b), rms=fmt(valley.rms_zigzag_b))
st.markdown(formulas.shown(t("rmsprop.look.valley", **swings), t("rmsprop.valley_caption")))
if valley.gd_diverged > 0:
    diverged = t("common.diverged", name=names["gd"], step=valley.gd_diverged)
    limit = t("rmsprop.gd_limit", lr=short(valley.gd_lr), two=fmt(valley.two))
    st.error(f"{diverged} {limit}")
if valley.rms_diverged > 0:
    st.error(t("common.diverged", name=names["rmsprop"], step=valley.rms_diverged))
target = short(valley.target)
words = {
    "target_label": t("rmsprop.target", target=target),
    "xlabel": t("common.step"),
    "ylabel": t("common.loss"),
    "title": t("rmsprop.cost_title"),
}
chart(cached.rmsprop_cost_figure(setup, lang(), names, words), key="rmsprop_cost")
look, *seen = formulas.cost_sentences(valley, lang())
st.markdown(look)
metrics = st.container(horizontal=True)  # one block, not two columns
for name, hit in (("gd", valley.gd_hit), ("rmsprop", valley.rms_hit)):
    label = t("rmsprop.hit_metric", name=names[name], target=target)
    metrics.metric(label, formulas.arrival(hit, n, lang()))
if seen:
    st.markdown(formulas.shown(*seen))
what_to_try("rmsprop.s2_try")

# -- 3. one learning rate per coordinate ------------------------------------------------
st.markdown(
    formulas.shown(
        heading("rmsprop.s3_title"), t("rmsprop.s3_text"), formulas.display(formulas.RATES)
    )
)
per = cached.rmsprop_rates(setup)
ratios = per.ratios
left, right = st.columns(2)
charts = ((left, "sqrt_s", "sqrt_s", "rmsprop_sqrt_s"), (right, "rates", "rate", "rmsprop_rates"))
values = {"sqrt_s": (per.sqrt_w, per.sqrt_b), "rates": (per.rate_w, per.rate_b)}
for column, which, words_of, key in charts:
    words = {
        "names": (t(f"rmsprop.{words_of}_w"), t(f"rmsprop.{words_of}_b")),
        "xlabel": t("common.step"),
        "ylabel": t(f"rmsprop.{words_of}_y"),
        "title": t(f"rmsprop.{words_of}_title"),
        "gd": t("rmsprop.rate_gd", lr=short(per.gd_lr)),
    }
    chart(cached.rmsprop_per_coordinate_figure(setup, which, lang(), words), key=key, where=column)
    at_last = dict(k=ratios.last, w=fmt(values[which][0]), b=fmt(values[which][1]))
    look = t(f"rmsprop.look.{which}", gd=short(per.gd_lr), **at_last)
    column.markdown(look if ratios.last else t("rmsprop.look.none"))
why = t("rmsprop.s3_why")
if ratios.last:
    measured = t(
        "rmsprop.s3_measured",
        ratio=fmt(ratios.median),
        kappa=fmt(per.kappa),
        wider=ratios.wider,
        n=ratios.last,
        low=fmt(ratios.low),
        high=fmt(ratios.high),
    )
    st.markdown(formulas.shown(formulas.display(formulas.ratio(per)), measured, why))
else:
    st.markdown(why)
what_to_try("rmsprop.s3_try")

# -- 4. near the minimum ------------------------------------------------------------------
st.markdown(formulas.shown(heading("rmsprop.s4_title"), t("rmsprop.s4_text")))
near = cached.rmsprop_near_minimum(setup)
words = {
    "lr_label": t("rmsprop.alpha_line", lr=short(near.lr)),
    "xlabel": t("common.step"),
    "ylabel": t("rmsprop.dist_y"),
    "title": t("rmsprop.dist_title"),
}
chart(cached.rmsprop_distance_figure(setup, lang(), names, words), key="rmsprop_distance")
ends = dict(gd=fmt(near.gd_tail[0]), rms=fmt(near.rms_tail[0]), move=fmt(near.rms_tail[2]))
look = t("rmsprop.look.distance", lr=short(near.lr), n=near.tail, **ends)
table = formulas.variants_table(near, n, lang())
st.markdown(formulas.shown(look, table, t("rmsprop.s4_after")))
what_to_try("rmsprop.s4_try")
