"""Exponentially weighted averages: the running average behind momentum, RMSprop and Adam."""

import numpy as np
import pandas as pd
import streamlit as st

from optim_core import datasets
from ui import compute_ewa, text, upload
from ui.figures import ewa as ewa_fig
from ui.figures.ewa import BETA_COLORS
from ui.widgets import Controls, share_box, t, what_to_try

DEFAULT_SERIES = "seattle_temp"
UPLOAD = "upload"
BETA_DEFAULTS = (0.5, 0.9, 0.98)
BATCH_SIZES = (1, 2, 4, 8, 16, 32, 64)
# The selector shows the data keys themselves: Streamlit writes a bound selectbox's *shown*
# label into the URL, so translated labels would make a link depend on the language.
DATE_HINTS = ("date", "time", "day", "month", "year", "날짜", "일자", "일시", "연도", "시간")


def series_label(name: str) -> str:
    if name == UPLOAD:
        return t("data.source.upload")
    key = f"data.series.{name}"
    return t(key) if key in text.CATALOG else name


def fmt(x: float, digits: int = 4) -> str:
    return f"{x:.{digits}g}"


def window_text(beta: float) -> str:
    return fmt(1 / (1 - beta), 4)


st.title(t("ewa.title"))
st.write(t("ewa.intro"))

# -- controls (sidebar) -------------------------------------------------------------------
LINK_FLAG = "_ewa_link_upload"
if LINK_FLAG not in st.session_state:  # first run of this page: did a link ask for an upload?
    st.session_state[LINK_FLAG] = st.query_params.get("series") == UPLOAD
controls = Controls("ewa")
with st.sidebar:
    choice = controls.selectbox(
        "series",
        t("data.source"),
        [*datasets.SERIES, UPLOAD],
        DEFAULT_SERIES,
        help=t("ewa.data_help"),
    )
    st.caption(series_label(choice))
    chosen = None  # (series, unit, label) of an upload, when it can be used
    if choice == UPLOAD:
        frame = upload.csv_uploader("ewa_csv")
        if frame is None and st.session_state[LINK_FLAG]:
            upload.shared_upload_note()
        else:
            numeric = datasets.numeric_columns(frame)
            if not numeric:
                st.error(t("ewa.no_numeric"), icon=":material/error:")
            else:
                value_column = st.selectbox(t("ewa.value_column"), numeric, key="ewa_value")
                others = [c for c in frame.columns if c != value_column]
                hinted = [c for c in others if any(h in str(c).lower() for h in DATE_HINTS)]
                date_options = [None, *others]
                date_column = st.selectbox(
                    t("ewa.date_column"),
                    date_options,
                    index=date_options.index(hinted[0]) if hinted else 0,
                    format_func=lambda c: t("ewa.no_date") if c is None else str(c),
                    key="ewa_date",
                )
                try:
                    values, dropped = datasets.series_from_frame(frame, value_column, date_column)
                except datasets.DataError as err:
                    st.error(upload.error_message(err), icon=":material/error:")
                else:
                    if dropped:
                        st.caption(t("data.dropped_rows", count=dropped))
                    chosen = (values, "", str(value_column))
        if chosen is None:
            st.caption(t("ewa.using_default", name=series_label(DEFAULT_SERIES)))

    st.subheader(t("ewa.betas_header"))
    b1 = controls.slider("b1", t("ewa.b1"), 0.0, 0.999, BETA_DEFAULTS[0], 0.001, format="%.3f")
    on2 = controls.toggle("on2", t("ewa.on2"), True)
    b2 = controls.slider(
        "b2", t("ewa.b2"), 0.0, 0.999, BETA_DEFAULTS[1], 0.001, format="%.3f", disabled=not on2
    )
    on3 = controls.toggle("on3", t("ewa.on3"), True)
    b3 = controls.slider(
        "b3", t("ewa.b3"), 0.0, 0.999, BETA_DEFAULTS[2], 0.001, format="%.3f", disabled=not on3
    )
    bias_correction = controls.toggle("bc", t("ewa.bc"), False, help=t("ewa.bc_help"))
    controls.reset_button()
share_box()

if chosen is None:
    name = choice if choice in datasets.SERIES else DEFAULT_SERIES
    try:
        series = compute_ewa.series(name)
    except (datasets.DataError, OSError, ValueError) as err:
        st.error(t("ewa.series_unavailable", detail=str(err)))
        st.stop()
    unit, value_name = datasets.SERIES[name].unit, "θ"
else:
    series, unit, value_name = chosen

active = [
    (b, color)
    for b, color, on in zip((b1, b2, b3), BETA_COLORS, (True, on2, on3), strict=True)
    if on
]
betas = tuple(float(round(b, 3)) for b, _ in active)
colors = [color for _, color in active]
values = series.to_numpy(dtype=np.float64)
n = len(values)
lesson = compute_ewa.lesson(values, betas)
shown = lesson.corrected if bias_correction else lesson.plain
dated = isinstance(series.index, pd.DatetimeIndex)
x = series.index.to_numpy() if dated else np.arange(1, n + 1)
ylabel = f"{value_name} ({unit})" if unit else value_name
if chosen is None:
    st.caption(t("ewa.data_caption", name=series_label(name), n=n))

# -- 1. the running average ---------------------------------------------------------------
st.header(t("ewa.s1_title"))
st.latex(ewa_fig.RECURSION)
left, right = st.columns([2, 3])
with left:
    st.write(t("ewa.s1_text"))
    st.write(t("ewa.s1_live", last_value=fmt(values[-1]), t=n))
    rows = [
        (
            b,
            lesson.plain[i, -2],
            values[-1],
            lesson.plain[i, -1],
            lesson.corrected[i, -1] if bias_correction else None,
            colors[i],
        )
        for i, b in enumerate(betas)
    ]
    st.latex(ewa_fig.latex_last_step(n, rows))
with right:
    curves = [
        (t("ewa.curve_label", beta=fmt(b, 3), window=window_text(b)), shown[i], colors[i])
        for i, b in enumerate(betas)
    ]
    fig = ewa_fig.overlay(
        x,
        values,
        curves,
        raw_label=t("ewa.raw"),
        xlabel=t("ewa.time") if dated else t("ewa.index"),
        ylabel=ylabel,
        title=t("ewa.overlay_title"),
    )
    st.plotly_chart(fig, key="ewa_overlay")
    st.caption(t("ewa.window_caption"))
    if 0.0 in betas:
        st.caption(t("ewa.beta_zero"))
    for b in betas:
        if 1 / (1 - b) > n:
            st.warning(t("ewa.beta_long", beta=fmt(b, 3), window=window_text(b), n=n))
    if not bias_correction and max(betas) >= 0.9 and abs(values[:10].mean()) > 0:
        st.caption(t("ewa.start_warning"))
what_to_try("ewa.s1_try", lag=fmt(1 / (1 - 0.98), 3))

# -- 2. where the weight goes -------------------------------------------------------------
st.header(t("ewa.s2_title"))
bw = controls.slider("bw", t("ewa.bw"), 0.0, 0.999, 0.9, 0.001, format="%.3f")
bw = float(round(bw, 3))
wv = compute_ewa.weight_view(bw)
color_w = BETA_COLORS[1]
st.write(t("ewa.s2_text"))
st.latex(ewa_fig.latex_unrolled(bw, color_w))
left, right = st.columns(2)
with left:
    fig = ewa_fig.weight_bars(
        wv.weights,
        wv.k_window,
        color=color_w,
        xlabel=t("ewa.weights_x"),
        ylabel=t("ewa.weights_y"),
        window_label=t("ewa.window_mark", k=wv.k_window),
        level_label=t("ewa.level_mark"),
        title=t("ewa.weights_title", beta=fmt(bw, 3)),
    )
    st.plotly_chart(fig, key="ewa_weights")
    share = 1 - bw ** len(wv.weights)
    if share < 0.999:
        st.caption(t("ewa.weights_cut", count=len(wv.weights), share=f"{share:.1%}"))
with right:
    fig = ewa_fig.decay_limit(
        wv.decay_n,
        wv.decay,
        n_beta=1 / (1 - bw) if bw > 0 else None,
        value_beta=wv.ratio if bw > 0 else None,
        color=color_w,
        xlabel=t("ewa.decay_x"),
        curve_label=t("ewa.decay_curve"),
        e_label=t("ewa.e_line"),
        beta_label=t("ewa.beta_point"),
        title=t("ewa.decay_title"),
    )
    st.plotly_chart(fig, key="ewa_decay")
st.write(t("ewa.s2_e_text"))
st.latex(ewa_fig.latex_window(bw, wv.ratio, color_w))
m1, m2, m3 = st.columns(3)
m1.metric(t("ewa.ratio_metric", beta=fmt(bw, 3)), f"{wv.ratio:.4f}")
m2.metric(t("ewa.e_metric"), f"{np.exp(-1):.4f}")
m3.metric(t("ewa.gap_metric"), f"{wv.ratio - np.exp(-1):+.4f}")
if bw == 0:
    st.caption(t("ewa.ratio_zero"))
st.latex(ewa_fig.LIMIT)
st.write(t("ewa.e_link"))
table_n, table_values = np.array(compute_ewa.DECAY_N), wv.table
st.dataframe(
    pd.DataFrame(
        {
            t("ewa.table_n"): table_n,
            t("ewa.table_beta"): [f"{1 - 1 / k:.4f}" for k in table_n],
            t("ewa.table_value"): [f"{v:.6f}" for v in table_values],
            t("ewa.table_gap"): [f"{np.exp(-1) - v:.6f}" for v in table_values],
        }
    ),
    hide_index=True,
)
what_to_try("ewa.s2_try")

# -- 3. bias correction close up ----------------------------------------------------------
st.header(t("ewa.s3_title"))
st.write(t("ewa.s3_text"))
st.latex(ewa_fig.BIAS)
first = min(compute_ewa.FIRST, n)
steps = np.arange(1, first + 1)
left, right = st.columns(2)
with left:
    closeup = [
        (f"β = {fmt(b, 3)}", lesson.plain[i, :first], lesson.corrected[i, :first], colors[i])
        for i, b in enumerate(betas)
    ]
    fig = ewa_fig.bias_closeup(
        steps,
        values[:first],
        closeup,
        raw_label=t("ewa.raw"),
        plain_label=t("ewa.plain"),
        corrected_label=t("ewa.corrected"),
        xlabel="t",
        ylabel=ylabel,
        title=t("ewa.closeup_title", n=first),
    )
    st.plotly_chart(fig, key="ewa_closeup")
with right:
    factors = [(f"β = {fmt(b, 3)}", lesson.factor[i], colors[i]) for i, b in enumerate(betas)]
    fig = ewa_fig.correction_curves(
        np.arange(1, n + 1),
        factors,
        xlabel="t",
        ylabel=t("ewa.factor_y"),
        title=t("ewa.factor_title"),
    )
    st.plotly_chart(fig, key="ewa_factor")
for i, b in enumerate(betas):
    below = np.flatnonzero(lesson.factor[i] < 1.01)
    if below.size:
        st.caption(
            t(
                "ewa.factor_caption",
                beta=fmt(b, 3),
                first=fmt(lesson.factor[i, 0]),
                t01=int(below[0]) + 1,
            )
        )
    else:
        st.caption(
            t(
                "ewa.factor_never",
                beta=fmt(b, 3),
                first=fmt(lesson.factor[i, 0]),
                last=fmt(lesson.factor[i, -1]),
                n=n,
            )
        )
focus = int(np.argmax(betas))
st.write(t("ewa.s3_mean_text", beta=fmt(betas[focus], 3)))
st.latex(
    ewa_fig.latex_first_steps(betas[focus], values[:3], lesson.corrected[focus, :3], colors[focus])
)
st.caption(t("ewa.s3_pandas", values=", ".join(fmt(v) for v in lesson.pandas_first[focus])))
what_to_try("ewa.s3_try")

# -- 4. the same average on noisy gradients -----------------------------------------------
st.header(t("ewa.s4_title"))
batch_size = controls.select_slider("bs", t("ewa.bs"), BATCH_SIZES, 8)
try:
    grads = compute_ewa.gradients(int(batch_size))
except (datasets.DataError, OSError, ValueError) as err:
    st.warning(t("ewa.grad_unavailable", detail=str(err)))
else:
    averaged = compute_ewa.gradient_averages(int(batch_size), betas, bias_correction)
    st.write(t("ewa.s4_text", m=grads.m))
    fig = ewa_fig.gradient_stream(
        grads.steps,
        grads.grads,
        [(f"β = {fmt(b, 3)}", averaged.averages[i], colors[i]) for i, b in enumerate(betas)],
        grads.full,
        raw_label=t("ewa.grad_raw"),
        full_label=t("ewa.grad_full", value=fmt(grads.full, 3)),
        xlabel=t("common.step"),
        ylabel=t("ewa.grad_y"),
        title=t("ewa.grad_title", bs=batch_size),
    )
    st.plotly_chart(fig, key="ewa_gradients")
    items = "; ".join(
        f"β = {fmt(b, 3)}: {fmt(s, 3)}" for b, s in zip(betas, averaged.spread, strict=True)
    )
    st.caption(t("ewa.grad_spread", n=averaged.tail, raw=fmt(averaged.spread_raw, 3), items=items))
what_to_try("ewa.s4_try")
