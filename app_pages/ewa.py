"""Exponentially weighted averages: the running average behind momentum, RMSprop and Adam."""

import streamlit as st

from optim_core.lessons import ewa as lesson
from ui import cached, text, upload
from ui.figures import ewa as fig
from ui.formulas import ewa as formulas
from ui.numbers import text as num
from ui.widgets import Controls, share_box, t, what_to_try

LINK_FLAG = "_ewa_link_upload"
UPLOADER = "ewa_csv"


def series_label(name: str) -> str:
    key = "data.source.upload" if name == lesson.UPLOAD else f"data.series.{name}"
    return t(key) if key in text.CATALOG else name


def uploaded_series():
    """The series of an uploaded file, or None (with the reason shown next to the uploader)."""
    frame = upload.csv_uploader(UPLOADER)
    if st.session_state.get(UPLOADER) is not None:
        st.session_state[LINK_FLAG] = False  # a file of this session, good or bad
    if frame is None:  # no file yet, or a refused one (csv_uploader said why)
        if st.session_state[LINK_FLAG]:
            upload.shared_upload_note()
        elif st.session_state.get(UPLOADER) is None:
            st.caption(t("ewa.upload_hint"))
        return None
    columns = cached.ewa_columns(frame)
    if not columns.numeric:
        st.error(t("ewa.no_numeric"), icon=":material/error:")
        return None
    value_column = st.selectbox(t("ewa.value_column"), columns.numeric, key="ewa_value")
    options, suggested = columns.dates[value_column]
    date_column = st.selectbox(
        t("ewa.date_column"),
        options,
        index=suggested,
        format_func=lambda c: t("ewa.no_date") if c is None else str(c),
        key="ewa_date",
    )
    try:
        chosen = cached.ewa_upload(frame, value_column, date_column)
    except lesson.DataError as err:
        st.error(upload.error_message(err), icon=":material/error:")
        return None
    if chosen.dropped:
        st.caption(t("data.dropped_rows", count=chosen.dropped))
    return chosen


st.title(t("ewa.title"))
st.write(t("ewa.intro"))

# -- controls (sidebar) -------------------------------------------------------------------
if LINK_FLAG not in st.session_state:  # first run of this page: did a link ask for an upload?
    st.session_state[LINK_FLAG] = st.query_params.get("series") == lesson.UPLOAD
controls = Controls("ewa")
low, high, step = lesson.BETA_MIN, lesson.BETA_MAX, lesson.BETA_STEP
three = dict(format="%.3f")  # β to three decimals
default = lesson.DEFAULT_SERIES
with st.sidebar:
    choice = controls.selectbox(
        "series", t("data.source"), lesson.SERIES_OPTIONS, default, help=t("ewa.data_help")
    )
    choice = choice or default  # an empty ?series= leaves the control at None
    st.caption(series_label(choice))
    chosen = uploaded_series() if choice == lesson.UPLOAD else None
    if choice == lesson.UPLOAD and chosen is None:
        st.caption(t("ewa.using_default", name=series_label(default)))
    st.subheader(t("ewa.betas_header"))
    b1_default, b2_default, b3_default = lesson.BETA_DEFAULTS
    b1 = controls.slider("b1", t("ewa.b1"), low, high, b1_default, step, **three)
    on2 = controls.toggle("on2", t("ewa.on2"), True)
    b2 = controls.slider("b2", t("ewa.b2"), low, high, b2_default, step, disabled=not on2, **three)
    on3 = controls.toggle("on3", t("ewa.on3"), True)
    b3 = controls.slider("b3", t("ewa.b3"), low, high, b3_default, step, disabled=not on3, **three)
    bias_correction = controls.toggle("bc", t("ewa.bc"), False, help=t("ewa.bc_help"))
    controls.reset_button()
share_box()

data = chosen
if data is None:
    try:
        data = cached.ewa_series(choice)
    except (lesson.DataError, OSError, ValueError) as err:
        st.error(t("ewa.series_unavailable", detail=str(err)))
        st.stop()
    st.caption(t("ewa.data_caption", name=series_label(data.source), n=data.n))

# -- 1. the running average ---------------------------------------------------------------
run = cached.ewa_running(data.values, (b1, b2, b3), (True, on2, on3), bias_correction)
colors = fig.beta_colors(run.slots)
beta_names = [t("ewa.beta_label", beta=num(b, 3)) for b in run.betas]
st.header(t("ewa.s1_title"))
st.latex(formulas.RECURSION)
left, right = st.columns([2, 3])
with left:
    st.write(t("ewa.s1_text"))
    st.write(t("ewa.s1_live", last_value=num(run.last_value), t=run.n))
    st.latex(formulas.last_step(run, colors))
with right:
    pairs = zip(run.betas, run.windows, strict=True)
    names = [t("ewa.curve_label", beta=num(b, 3), window=num(w)) for b, w in pairs]
    curves = list(zip(names, run.shown, colors, strict=True))
    overlay = cached.ewa_overlay_figure(
        data.x,
        data.values,
        curves,
        raw_label=t("ewa.raw"),
        xlabel=t("ewa.time") if data.dated else t("ewa.index"),
        ylabel=fig.value_axis(data.value_name, data.unit),
        title=t("ewa.overlay_title"),
    )
    st.plotly_chart(overlay, key="ewa_overlay")
    st.caption(t("ewa.window_caption"))
    if run.has_zero:
        st.caption(t("ewa.beta_zero"))
    for b, w, too_long in zip(run.betas, run.windows, run.too_long, strict=True):
        if too_long:
            st.warning(t("ewa.beta_long", beta=num(b, 3), window=num(w), n=run.n))
    if run.start_warning:
        st.caption(t("ewa.start_warning"))
what_to_try("ewa.s1_try", lag=num(lesson.TRY_LAG, 3))

# -- 2. where the weight goes -------------------------------------------------------------
st.header(t("ewa.s2_title"))
bw = controls.slider("bw", t("ewa.bw"), low, high, lesson.WEIGHTS_BETA, step, **three)
w = cached.ewa_weights(bw)
st.write(t("ewa.s2_text"))
st.latex(formulas.unrolled(w, fig.WEIGHTS_COLOR))
left, right = st.columns(2)
with left:
    bars = cached.ewa_weights_figure(
        w.weights,
        w.k_window,
        color=fig.WEIGHTS_COLOR,
        xlabel=t("ewa.weights_x"),
        ylabel=t("ewa.weights_y"),
        window_label=t("ewa.window_mark", k=w.k_window),
        level_label=t("ewa.level_mark"),
        title=t("ewa.weights_title", beta=num(w.beta, 3)),
    )
    st.plotly_chart(bars, key="ewa_weights")
    if w.cut:
        st.caption(t("ewa.weights_cut", count=w.count, share=f"{w.share:.1%}"))
with right:
    decay = cached.ewa_decay_figure(
        w.decay_n,
        w.decay,
        n_beta=w.n_beta,
        value_beta=w.value_beta,
        color=fig.WEIGHTS_COLOR,
        xlabel=t("ewa.decay_x"),
        curve_label=t("ewa.decay_curve"),
        e_label=t("ewa.e_line"),
        beta_label=t("ewa.beta_point"),
        title=t("ewa.decay_title"),
    )
    st.plotly_chart(decay, key="ewa_decay")
st.write(t("ewa.s2_e_text"))
st.latex(formulas.window(w, fig.WEIGHTS_COLOR))
m1, m2, m3 = st.columns(3)
m1.metric(t("ewa.ratio_metric", beta=num(w.beta, 3)), f"{w.ratio:.4f}")
m2.metric(t("ewa.e_metric"), f"{w.inv_e:.4f}")
m3.metric(t("ewa.gap_metric"), f"{w.gap:+.4f}")
if w.beta == 0:
    st.caption(t("ewa.ratio_zero"))
st.latex(formulas.LIMIT)
st.write(t("ewa.e_link"))
headers = [t(k) for k in ("ewa.table_n", "ewa.table_beta", "ewa.table_value", "ewa.table_gap")]
st.dataframe(
    fig.decay_table(w.table_n, w.table_beta, w.table_value, w.table_gap, headers=headers),
    hide_index=True,
)
what_to_try("ewa.s2_try")

# -- 3. bias correction close up ----------------------------------------------------------
closeup = cached.ewa_bias(data.values, run.betas)
st.header(t("ewa.s3_title"))
st.write(t("ewa.s3_text"))
st.latex(formulas.BIAS)
left, right = st.columns(2)
with left:
    lines = list(zip(beta_names, closeup.plain, closeup.corrected, colors, strict=True))
    first = cached.ewa_closeup_figure(
        closeup.steps,
        closeup.raw,
        lines,
        raw_label=t("ewa.raw"),
        plain_label=t("ewa.plain"),
        corrected_label=t("ewa.corrected"),
        xlabel=t("ewa.step_t"),
        ylabel=fig.value_axis(data.value_name, data.unit),
        title=t("ewa.closeup_title", n=closeup.first),
    )
    st.plotly_chart(first, key="ewa_closeup")
with right:
    factors = list(zip(beta_names, closeup.factor, colors, strict=True))
    correction = cached.ewa_factor_figure(
        closeup.t,
        factors,
        xlabel=t("ewa.step_t"),
        ylabel=t("ewa.factor_y"),
        title=t("ewa.factor_title"),
    )
    st.plotly_chart(correction, key="ewa_factor")
for b, start, last, settled in zip(
    run.betas, closeup.factor_first, closeup.factor_last, closeup.settled_at, strict=True
):
    shown = dict(beta=num(b, 3), first=num(start))
    if settled > 0:
        st.caption(t("ewa.factor_caption", t01=settled, **shown))
    else:
        st.caption(t("ewa.factor_never", last=num(last), n=run.n, **shown))
st.write(t("ewa.s3_mean_text", beta=num(closeup.focus_beta, 3)))
st.latex(formulas.first_steps(closeup, colors[closeup.focus]))
st.caption(t("ewa.s3_pandas", values=", ".join(num(v) for v in closeup.pandas_first)))
what_to_try("ewa.s3_try")

# -- 4. the same average on noisy gradients -----------------------------------------------
st.header(t("ewa.s4_title"))
batch_size = controls.select_slider("bs", t("ewa.bs"), lesson.BATCH_SIZES, lesson.DEFAULT_BATCH)
try:
    noisy = cached.ewa_gradients(batch_size or lesson.DEFAULT_BATCH, run.betas, bias_correction)
except (lesson.DataError, OSError, ValueError) as err:
    st.warning(t("ewa.grad_unavailable", detail=str(err)))
else:
    st.write(t("ewa.s4_text", m=noisy.m))
    stream = cached.ewa_gradients_figure(
        noisy.steps,
        noisy.grads,
        list(zip(beta_names, noisy.averages, colors, strict=True)),
        noisy.full,
        raw_label=t("ewa.grad_raw"),
        full_label=t("ewa.grad_full", value=num(noisy.full, 3)),
        xlabel=t("common.step"),
        ylabel=t("ewa.grad_y"),
        title=t("ewa.grad_title", bs=noisy.batch_size),
    )
    st.plotly_chart(stream, key="ewa_gradients")
    items = "; ".join(
        t("ewa.grad_spread_item", beta=name, spread=num(s, 3))
        for name, s in zip(beta_names, noisy.spread, strict=True)
    )
    st.caption(t("ewa.grad_spread", n=noisy.tail, raw=num(noisy.spread_raw, 3), items=items))
what_to_try("ewa.s4_try")
