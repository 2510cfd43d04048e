"""Weighted averages: the sidebar's data and βs feed sections 1, 3, 4; sections 2, 4 are fragments."""

import streamlit as st

from optim_core.lessons import ewa as lesson
from ui import cached, text, upload
from ui.figures import ewa as fig
from ui.formulas import ewa as formulas
from ui.formulas.ewa import display, heading, lines, paragraphs
from ui.numbers import text as num
from ui.widgets import Controls, chart, lang, share_box, what_to_try

LINK_FLAG = "_ewa_link_upload"
UPLOADER = "ewa_csv"
LANG = lang()  # once per run: a session-state lookup costs ~10 µs, and a view shows ~100 strings


def t(key: str, /, **fields) -> str:
    """The catalog string ``key`` in this run's language (what ``ui.widgets.t`` gives)."""
    return text.get(key, LANG, **fields)


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


@st.fragment
def weights_section(controls: Controls) -> None:
    """Section 2: the weights of one β (its own slider) and the limit (1 − 1/n)ⁿ → 1/e."""
    st.markdown(paragraphs(heading(t("ewa.s2_title")), t("ewa.s2_text")))
    bw = controls.slider("bw", t("ewa.bw"), low, high, lesson.WEIGHTS_BETA, step, **three)
    w = cached.ewa_weights(bw)
    st.latex(formulas.unrolled(w, fig.WEIGHTS_COLOR))
    left, right = st.columns(2)
    key = (w.beta, LANG)  # a shared figure's key: all it shows follows from it
    bars = cached.ewa_weights_figure(
        key,
        w.weights,
        w.k_window,
        xlabel=t("ewa.weights_x"),
        ylabel=t("ewa.weights_y"),
        window_label=t("ewa.window_mark", k=w.k_window),
        level_label=t("ewa.level_mark"),
        title=t("ewa.weights_title", beta=num(w.beta, 3)),
    )
    chart(bars, key="ewa_weights", where=left)
    left.markdown(formulas.look_weights(w, LANG))
    decay = cached.ewa_decay_figure(
        key,
        w.decay_n,
        w.decay,
        n_beta=w.n_beta,
        value_beta=w.value_beta,
        xlabel=t("ewa.decay_x"),
        curve_label=t("ewa.decay_curve"),
        e_label=t("ewa.e_line"),
        beta_label=t("ewa.beta_point"),
        title=t("ewa.decay_title"),
    )
    chart(decay, key="ewa_decay", where=right)
    right.markdown(formulas.look_decay(w, LANG))
    st.markdown(
        paragraphs(
            t("ewa.s2_e_text"),
            display(formulas.window(w, fig.WEIGHTS_COLOR)),
            t("ewa.ratio_zero") if w.beta == 0 else "",
            display(formulas.LIMIT),
            t("ewa.e_link"),
            formulas.decay_table(w, [t(f"ewa.table_{k}") for k in ("n", "beta", "value", "gap")]),
        )
    )
    what_to_try("ewa.s2_try")


@st.fragment
def gradients_section(controls: Controls, run, beta_names, colors, bias_correction) -> None:
    """Section 4: mini-batch gradients (its own batch size) averaged with the sidebar's βs."""
    st.header(t("ewa.s4_title"))
    bs = controls.select_slider("bs", t("ewa.bs"), lesson.BATCH_SIZES, lesson.DEFAULT_BATCH)
    try:
        noisy = cached.ewa_gradients(bs or lesson.DEFAULT_BATCH, run.betas, bias_correction)
    except (lesson.DataError, OSError, ValueError) as err:
        st.warning(t("ewa.grad_unavailable", detail=str(err)))
    else:
        st.markdown(t("ewa.s4_text", m=noisy.m))
        stream = cached.ewa_gradients_figure(
            (noisy.batch_size, run.betas, run.slots, bias_correction, LANG),
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
        chart(stream, key="ewa_gradients")
        st.markdown(formulas.look_gradients(noisy, beta_names, LANG))
    what_to_try("ewa.s4_try")


st.title(t("ewa.title"))
# -- controls (sidebar): the data and the βs of sections 1, 3 and 4 ---------------------------
if LINK_FLAG not in st.session_state:  # first run of this page: did a link ask for an upload?
    st.session_state[LINK_FLAG] = st.query_params.get("series") == lesson.UPLOAD
controls = Controls("ewa")
low, high, step = lesson.BETA_MIN, lesson.BETA_MAX, lesson.BETA_STEP
three, BETAS = dict(format="%.3f"), lesson.BETA_DEFAULTS  # βs shown to three decimals
default = lesson.DEFAULT_SERIES
with st.sidebar:
    menu = dict(labels="ewa.series.{}", help=t("ewa.data_help"))  # translated names, keys in links
    choice = controls.selectbox("series", t("data.source"), lesson.SERIES_OPTIONS, default, **menu)
    choice = choice or default  # an empty ?series= leaves the control at None
    chosen = uploaded_series() if choice == lesson.UPLOAD else None
    if choice == lesson.UPLOAD and chosen is None:
        st.caption(t("ewa.using_default", name=t(f"ewa.series.{default}")))
    st.subheader(t("ewa.betas_header"))
    b1 = controls.slider("b1", t("ewa.b1"), low, high, BETAS[0], step, **three)
    on2 = controls.toggle("on2", t("ewa.on2"), True)
    b2 = controls.slider("b2", t("ewa.b2"), low, high, BETAS[1], step, disabled=not on2, **three)
    on3 = controls.toggle("on3", t("ewa.on3"), True)
    b3 = controls.slider("b3", t("ewa.b3"), low, high, BETAS[2], step, disabled=not on3, **three)
    bias_correction = controls.toggle("bc", t("ewa.bc"), False, help=t("ewa.bc_help"))
    controls.reset_button()
share_box()

st.markdown(t("ewa.intro"))
data = chosen
if data is None:
    try:
        data = cached.ewa_series(choice)
    except (lesson.DataError, OSError, ValueError) as err:
        st.error(t("ewa.series_unavailable", detail=str(err)))
        st.stop()
    st.caption(t("ewa.data_caption", name=t(f"ewa.series.{data.source}"), n=data.n))

# -- 1. the running average ---------------------------------------------------------------
run = cached.ewa_running(data, (b1, b2, b3), (True, on2, on3), bias_correction)
colors = fig.beta_colors(run.slots)
beta_names = [t("ewa.beta_label", beta=num(b, 3)) for b in run.betas]
st.markdown(paragraphs(heading(t("ewa.s1_title")), display(formulas.RECURSION)))
left, right = st.columns([2, 3])
left.markdown(t("ewa.s1_text"))
pairs = zip(run.betas, run.windows, strict=True)
names = [t("ewa.curve_label", beta=num(b, 3), window=num(w)) for b, w in pairs]
overlay = cached.ewa_overlay_figure(
    (data.key, run.betas, run.slots, bias_correction, LANG),
    data.x,
    data.values,
    list(zip(names, run.shown, colors, strict=True)),
    raw_label=t("ewa.raw"),
    xlabel=t("ewa.time") if data.dated else t("ewa.index"),
    ylabel=fig.value_axis(data.value_name, data.unit),
    title=t("ewa.overlay_title"),
)
chart(overlay, key="ewa_overlay", where=right)
right.markdown(formulas.look_overlay(run, LANG))
every = fig.overlay_stride(data.x)  # a long upload is drawn at every k-th point
right.caption(
    lines(
        t("ewa.window_caption"),
        t("ewa.thinned", n=data.n, k=every) if every > 1 else "",
        t("ewa.constant", value=num(run.last_value)) if run.constant else "",
        t("ewa.beta_zero") if run.has_zero else "",
        t("ewa.start_warning") if run.start_warning else "",
    )
)
long_ones = zip(run.betas, run.windows, run.too_long, strict=True)
too_long = [
    t("ewa.beta_long", beta=num(b, 3), window=num(w), n=run.n) for b, w, o in long_ones if o
]
if too_long:
    right.warning(lines(*too_long))
live = t("ewa.s1_live", last_value=num(run.last_value), t=run.n)  # full width: a column was narrow
st.markdown(paragraphs(live, display(formulas.last_step(run, colors))))
what_to_try("ewa.s1_try", lag=num(lesson.TRY_LAG, 3))

# -- 2. where the weight goes (a fragment: its β changes this section only) ----------------
weights_section(controls)

# -- 3. bias correction close up ----------------------------------------------------------
closeup = cached.ewa_bias(data, run.betas)
st.markdown(paragraphs(heading(t("ewa.s3_title")), t("ewa.s3_text"), display(formulas.BIAS)))
left, right = st.columns(2)
first = cached.ewa_closeup_figure(
    (data.key, run.betas, run.slots, LANG),
    closeup.steps,
    closeup.raw,
    list(zip(beta_names, closeup.plain, closeup.corrected, colors, strict=True)),
    raw_label=t("ewa.raw"),
    plain_label=t("ewa.plain"),
    corrected_label=t("ewa.corrected"),
    xlabel=t("ewa.step_t"),
    ylabel=fig.value_axis(data.value_name, data.unit),
    title=t("ewa.closeup_title", n=closeup.first),
)
chart(first, key="ewa_closeup", where=left)
left.markdown(formulas.look_closeup(closeup, LANG))
correction = cached.ewa_factor_figure(
    (data.n, run.betas, run.slots, LANG),
    closeup.t,
    list(zip(beta_names, closeup.factor, colors, strict=True)),
    xlabel=t("ewa.step_t"),
    ylabel=t("ewa.factor_y"),
    title=t("ewa.factor_title"),
)
chart(correction, key="ewa_factor", where=right)
right.markdown(formulas.look_factor(closeup, run.betas, run.n, LANG))
mean_text = t("ewa.s3_mean_text", beta=num(closeup.focus_beta, 3))
pandas_text = t("ewa.s3_pandas", values=", ".join(num(v) for v in closeup.pandas_first))
first_steps = display(formulas.first_steps(closeup, colors[closeup.focus]))
st.markdown(paragraphs(mean_text, first_steps, pandas_text))
what_to_try("ewa.s3_try")

# -- 4. the same average on noisy gradients (a fragment: its batch size) -------------------
gradients_section(controls, run, beta_names, colors, bias_correction)
