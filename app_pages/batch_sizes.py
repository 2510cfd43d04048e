"""Batch sizes: full-batch gradient descent, mini-batches and SGD on real data.

Sections 1–3 are a fragment holding the feature control j (in section 1's formulas and on the
map), and section 1's walk (epoch, mini-batch) is a fragment inside it: each reruns alone.
"""

import streamlit as st

from optim_core.lessons import batch_sizes as lesson
from ui import cached, upload
from ui.figures import batch_sizes as fig
from ui.formulas import batch_sizes as formulas
from ui.widgets import Controls, busy, chart, glossary, lang, share_box, t, what_to_try

LINK_FLAG = "_batch_sizes_link_upload"
FILE_SEEN = "_batch_sizes_file"  # the uploaded file the column choice below belongs to
CHOICE_KEYS = ("batch_sizes_target", "batch_sizes_features")


def table_label(name: str) -> str:
    return t("data.source.upload") if name == lesson.UPLOAD else t(f"data.table.{name}")


def clamp(key: str, low: int, high: int) -> None:
    """Keep a bound slider's remembered value inside a range that depends on the data."""
    value = st.session_state.get(key)
    if value is not None and value != (inside := lesson.whole(value, low, high, low)):
        st.session_state[key] = inside


def section(number: int, **fields) -> None:
    """A section's title and text in one message."""
    title, body = t(f"batch_sizes.s{number}_title"), t(f"batch_sizes.s{number}_text", **fields)
    st.markdown(f"## {title}\n\n{body}")


def refusal(err: ValueError) -> str:
    """What is wrong with the chosen columns, in the learner's language."""
    if not isinstance(err, lesson.DataError):
        return t("batch_sizes.bad_upload")
    own = err.code in lesson.OWN_ERRORS  # this page's own checks
    key = f"batch_sizes.error.{err.code}" if own else f"data.error.{err.code}"
    try:  # the file's words (a column name) as plain text, whatever Markdown they hold
        return t(key, **formulas.plain_fields(err.details))
    except (KeyError, IndexError):  # a code without a message, or a message without a field
        return upload.error_message(err)


def uploaded(task: str):
    """The uploaded table with the chosen columns, or None (the reason is shown)."""
    frame = upload.csv_uploader("batch_sizes_csv")
    file = st.session_state.get("batch_sizes_csv")
    if file is not None:
        st.session_state[LINK_FLAG] = False  # a file of this session, good or bad
        if st.session_state.get(FILE_SEEN) != file.file_id:  # a new file: a fresh choice
            st.session_state[FILE_SEEN] = file.file_id
            for key in CHOICE_KEYS:
                st.session_state.pop(key, None)
    if frame is None:
        if st.session_state[LINK_FLAG]:
            upload.shared_upload_note()
        else:
            st.caption(t("batch_sizes.upload_hint"))
        return None
    columns = cached.batch_sizes_upload_columns(file.file_id, frame, task)
    if not columns.targets:
        st.error(upload.error_message(lesson.NO_COLUMNS))
        return None
    target = st.selectbox(t("batch_sizes.target"), columns.targets, key=CHOICE_KEYS[0])
    options, first = columns.features(target), columns.default_features(target)
    features = st.multiselect(t("batch_sizes.features"), options, first, key=CHOICE_KEYS[1])
    try:
        prepared = cached.batch_sizes_from_upload(file.file_id, frame, features, target, task)
    except ValueError as err:  # a DataError says what is wrong; anything else: these columns
        st.error(refusal(err), icon=":material/error:")
        return None
    if prepared.n_dropped:
        st.caption(t("data.dropped_rows", count=prepared.n_dropped))
    return prepared


st.title(t("batch_sizes.title"))
st.write(t("batch_sizes.intro"))

# -- controls (sidebar) and the data ----------------------------------------------------------
if LINK_FLAG not in st.session_state:  # first run of this page: did a link ask for an upload?
    st.session_state[LINK_FLAG] = st.query_params.get("data") == lesson.UPLOAD
controls = Controls("batch_sizes")
with st.sidebar:
    label, names = t("data.source"), "data.choice.{}"  # translated names, keys in links
    choice = controls.selectbox("data", label, lesson.SOURCES, lesson.DEFAULT_TABLE, labels=names)
    st.caption(table_label(choice))
    label, hint = t("batch_sizes.task_toggle"), t("batch_sizes.task_help")
    classify = controls.toggle("cls", label, False, help=hint)
    task = "classification" if classify else "regression"
    prepared = uploaded(task) if choice == lesson.UPLOAD else None
    if choice == lesson.UPLOAD and prepared is None:
        st.caption(t("batch_sizes.using_default", name=table_label(lesson.DEFAULT_TABLE)))

if prepared is None:
    name = choice if choice in lesson.TABLES else lesson.DEFAULT_TABLE
    try:
        prepared = cached.batch_sizes_builtin(name, task)
    except (OSError, ValueError) as err:  # a DataError is a ValueError
        st.error(t("batch_sizes.data_unavailable", detail=str(err)))
        st.stop()
    description = t(f"data.table.{name}.{task}")
    source = table_label(name)
else:
    target = formulas.markdown_text(prepared.target_name)
    description = t("batch_sizes.upload_description", target=target)
    source = table_label(lesson.UPLOAD)
if prepared.one_class:
    st.error(t("batch_sizes.one_class"))
    st.stop()
m, n = prepared.m, prepared.n

with st.sidebar:
    clamp("batch", 1, m)
    label, hint = t("batch_sizes.batch"), t("batch_sizes.batch_help", m=m)
    batch = controls.slider("batch", label, 1, m, prepared.default_batch, 1, help=hint)
    press = {"on_click": st.session_state.__setitem__, "width": "stretch"}
    presets = st.container(horizontal=True, gap="small")
    for key, size in prepared.presets:
        label = t(f"batch_sizes.preset.{key}")
        presets.button(label, key=f"batch_sizes_preset_{key}", args=("batch", size), **press)
    lr = controls.select_slider("alpha", t("batch_sizes.lr"), lesson.RATES, lesson.DEFAULT_LR)
    lr = lr or lesson.DEFAULT_LR
    epochs = controls.slider("epochs", t("batch_sizes.epochs"), *lesson.EPOCHS, 1)
    seed = controls.number("seed", t("batch_sizes.seed"), *lesson.SEEDS, 1)
    controls.reset_button()
share_box()
glossary("epoch", "cross_entropy", "l2", "newton", where=st.sidebar)

view = cached.batch_sizes_overview(prepared, batch, epochs)
st.caption(t("batch_sizes.data_caption", source=source, m=m, n=n, description=description))
regime = t(f"batch_sizes.regime.{view.regime}", batch=view.batch, m=m, nb=view.steps_per_epoch)
st.info(regime, icon=":material/view_module:")


# -- 1. the data and the gradient ---------------------------------------------------------------
@st.fragment
def one_step(prepared, view, lr: float, seed, j: int) -> None:
    """Section 1's walk: the epoch and mini-batch shown, the batch's rows and its formulas."""
    m, nb = prepared.m, view.steps_per_epoch
    walk = st.columns(2)
    with walk[0]:
        epoch_view, top = 1, view.viewable_epochs
        if top > 1:
            clamp("ep", 1, top)
            epoch_view = controls.slider("ep", t("batch_sizes.epoch_view"), 1, top, 1, 1)
    with walk[1]:
        k = 1
        if nb > 1:
            clamp("k", 1, nb)
            k = controls.slider("k", t("batch_sizes.step_view", nb=nb), 1, nb, 1, 1)
        else:
            st.caption(t("batch_sizes.one_step"))
    here = cached.batch_sizes_step(prepared, view.batch, lr, seed, epoch_view, k, j)
    left, right = st.columns([1, 1])
    with left:
        table = cached.batch_sizes_batch_table(prepared, view.batch, seed, here, lang())
        st.dataframe(**table, hide_index=True, height=380)
        st.caption(t("batch_sizes.table_caption", m=m, **here.caption))
    with right:
        *explained, update = formulas.explained(t, prepared.task, m, view.l2, lr, here)
        for tex, caption in explained:
            st.latex(tex)
            st.caption(caption)
        st.latex(update)
        if here.diverged:
            st.warning(t("batch_sizes.after_divergence", step=here.step, at=here.diverged_at))
        else:
            costs = {"before": here.cost_before, "after": here.cost_after}
            st.caption(t("batch_sizes.update_text", **formulas.shown(costs, 4)))


@st.fragment
def by_feature(prepared, view, lr: float, epochs: int, seed) -> None:
    """Sections 1–3 below the feature control: j is in section 1's formulas and on the map."""
    clamp("feat", 1, prepared.n)
    label = t("batch_sizes.feature_j")
    j = controls.selectbox("feat", label, prepared.feature_numbers, 1, width=360) or 1
    feature = formulas.markdown_text(fig.feature_label(t, prepared, j))  # an upload's: as typed
    st.caption(t("batch_sizes.feature_caption", j=j, feature=feature))
    one_step(prepared, view, lr, seed, j)
    what_to_try("batch_sizes.s1_try")

    # -- 2. cost against four clocks ------------------------------------------------------------
    section(2)
    run = (view.batch, lr, epochs, seed)
    runs = busy(cached.batch_sizes_curves, prepared, *run)
    if runs.capped:
        st.warning(t("batch_sizes.capped", steps=runs.max_steps))
    names = fig.run_names(t, view.batch, prepared.m)
    for kind, curve in runs.shown:
        if curve.diverged:
            st.warning(t("common.diverged", name=names[kind], step=curve.diverged_at))
    grid = st.columns(2)  # two charts in each column: a 2 × 2 grid read row by row
    for i, clock in enumerate(fig.CLOCKS):
        figure = cached.batch_sizes_clock_figure(prepared, run, clock, view.best_cost, lang())
        chart(figure, key=f"batch_sizes_curve_{i}", where=grid[i % 2])
        look = formulas.look_clock(t, runs, clock, names, prepared.m, view.best_cost)
        grid[i % 2].markdown(look)
    st.caption(t("batch_sizes.curves_caption", **formulas.shown(runs.caption)))
    what_to_try("batch_sizes.s2_try")

    # -- 3. the path on the map -----------------------------------------------------------------
    section(3, feature=feature)
    run = (j, view.batch, lr, epochs, seed)
    cmap = busy(cached.batch_sizes_contour, prepared, *run)
    contour = cached.batch_sizes_contour_figure(prepared, run, lang())
    chart(contour, key="batch_sizes_contour")
    st.markdown(formulas.look_contour(t, cmap, view.batch))
    if cmap.diverged:
        st.warning(t("batch_sizes.contour_diverged"))
    st.caption(t("batch_sizes.contour_caption", epochs=epochs))
    what_to_try("batch_sizes.s3_try")


section(1, m=m, n=n)
st.caption(t("batch_sizes.standardized"))
with st.expander(t("batch_sizes.scaling_title")):
    st.dataframe(**cached.batch_sizes_scaling_table(prepared, lang()), hide_index=True)
by_feature(prepared, view, lr, epochs, seed)

# -- 4. measured: the batch-size sweep ----------------------------------------------------------
section(4)
if not cached.batch_sizes_swept(prepared):  # measured once per data set: show the progress
    bar = st.progress(0.0)
    for plan in view.sweep_plan:
        text = t("batch_sizes.sweep_progress", batch=plan.batch, done=plan.done, total=plan.total)
        bar.progress(plan.fraction, text=text)
        cached.batch_sizes_sweep_point(prepared, plan.batch)
    bar.empty()
sweep = cached.batch_sizes_sweep(prepared)
sweep_chart = cached.batch_sizes_sweep_figure(prepared, view.batch, lang())
chart(sweep_chart, key="batch_sizes_sweep")
st.markdown(formulas.look_sweep(t, sweep, view.batch))
results, trials = cached.batch_sizes_sweep_tables(prepared, lang())
st.dataframe(**results, hide_index=True)
if said := formulas.sweep_sentences(t, sweep):
    st.markdown(said)
with st.expander(t("batch_sizes.how_title"), icon=":material/timer:"):
    st.markdown(formulas.how_measured(t, sweep, view.best_cost, prepared.task))
    st.dataframe(**trials, hide_index=True, height=300)
what_to_try("batch_sizes.s4_try")
