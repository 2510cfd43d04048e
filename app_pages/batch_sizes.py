"""Batch sizes: full-batch gradient descent, mini-batches and SGD on real data."""

import streamlit as st

from optim_core.lessons import batch_sizes as lesson
from ui import cached, upload
from ui.figures import batch_sizes as fig
from ui.formulas import batch_sizes as formulas
from ui.numbers import text as num
from ui.widgets import Controls, busy, share_box, t, what_to_try

LINK_FLAG = "_batch_sizes_link_upload"


def table_label(name: str) -> str:
    return t("data.source.upload") if name == lesson.UPLOAD else t(f"data.table.{name}")


def clamp(key: str, low: int, high: int) -> None:
    """Keep a bound slider's remembered value inside a range that depends on the data."""
    value = st.session_state.get(key)
    if value is not None and value != (inside := lesson.whole(value, low, high, low)):
        st.session_state[key] = inside


def ms_phrase(value: float, reached: bool) -> str:
    """Milliseconds with the unit for a sentence, or the phrase for "did not reach it"."""
    missing = t("batch_sizes.not_reached_phrase")
    return t("batch_sizes.ms_phrase", ms=num(value, 3)) if reached else missing


def shown(fields: dict, digits: int = 3) -> dict:
    """A lesson's caption fields with every float formatted for text."""
    return {key: num(v, digits) if isinstance(v, float) else v for key, v in fields.items()}


def listing(values, show=str) -> str:
    return t("batch_sizes.list_separator").join(show(v) for v in values)


def section(number: int, **fields) -> None:
    st.header(t(f"batch_sizes.s{number}_title"))
    st.write(t(f"batch_sizes.s{number}_text", **fields))


def uploaded(task: str):
    """The uploaded table with the chosen columns, or None (the reason is shown)."""
    frame = upload.csv_uploader("batch_sizes_csv")
    if st.session_state.get("batch_sizes_csv") is not None:
        st.session_state[LINK_FLAG] = False  # a file of this session, good or bad
    if frame is None:
        if st.session_state[LINK_FLAG]:
            upload.shared_upload_note()
        else:
            st.caption(t("batch_sizes.upload_hint"))
        return None
    columns = cached.batch_sizes_upload_columns(frame, task)
    if not columns.targets:
        st.error(upload.error_message(lesson.NO_COLUMNS))
        return None
    target = st.selectbox(t("batch_sizes.target"), columns.targets, key="batch_sizes_target")
    options, first = columns.features(target), columns.default_features(target)
    features = st.multiselect(t("batch_sizes.features"), options, first, key="batch_sizes_features")
    try:
        prepared = cached.batch_sizes_from_upload(frame, tuple(features), target, task)
    except ValueError as err:  # a DataError says what is wrong; anything else: these columns
        known = isinstance(err, lesson.DataError)
        message = upload.error_message(err) if known else t("batch_sizes.bad_upload")
        st.error(message, icon=":material/error:")
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
    # Bound choices carry their option in the URL, so options are plain keys (Streamlit puts
    # a format_func's label in the URL, which would tie links to one language).
    choice = controls.selectbox("data", t("data.source"), lesson.SOURCES, lesson.DEFAULT_TABLE)
    choice = choice or lesson.DEFAULT_TABLE  # an empty ?data= leaves the control at None
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
    description = t("batch_sizes.upload_description", target=prepared.target_name)
    source = table_label(lesson.UPLOAD)
if prepared.one_class:
    st.error(t("batch_sizes.one_class"))
    st.stop()
X, y, m, n = prepared.X, prepared.y, prepared.m, prepared.n

with st.sidebar:
    clamp("batch", 1, m)
    label, hint = t("batch_sizes.batch"), t("batch_sizes.batch_help", m=m)
    batch = controls.slider("batch", label, 1, m, prepared.default_batch, 1, help=hint)
    press = {"on_click": st.session_state.__setitem__, "use_container_width": True}
    for col, (key, size) in zip(st.columns(2) + st.columns(2), prepared.presets, strict=True):
        label = t(f"batch_sizes.preset.{key}")
        col.button(label, key=f"batch_sizes_preset_{key}", args=("batch", size), **press)
    lr = controls.select_slider("alpha", t("batch_sizes.lr"), lesson.RATES, lesson.DEFAULT_LR)
    lr = lr or lesson.DEFAULT_LR
    epochs = controls.slider("epochs", t("batch_sizes.epochs"), *lesson.EPOCHS, 1)
    seed = controls.number("seed", t("batch_sizes.seed"), *lesson.SEEDS, 1)
    controls.reset_button()
share_box()

view = cached.batch_sizes_overview(X, y, task, batch, epochs)
nb = view.steps_per_epoch
st.caption(t("batch_sizes.data_caption", source=source, m=m, n=n, description=description))
regime = t(f"batch_sizes.regime.{view.regime}", batch=view.batch, m=m, nb=nb)
st.info(regime, icon=":material/view_module:")

# -- 1. the data and the gradient ---------------------------------------------------------------
section(1, m=m, n=n)
st.caption(t("batch_sizes.standardized"))
with st.expander(t("batch_sizes.scaling_title")):
    labels = {key: t(f"batch_sizes.{key}") for key in ("feature", "mean", "std")}
    st.dataframe(fig.scaling_table(prepared, labels), hide_index=True)

walk = st.columns(3)
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
with walk[2]:
    clamp("feat", 1, n)
    j = controls.selectbox("feat", t("batch_sizes.feature_j"), prepared.feature_numbers, 1) or 1
    st.caption(t("batch_sizes.feature_caption", j=j, feature=prepared.feature_name(j)))
here = cached.batch_sizes_step(X, y, task, view.batch, lr, seed, epoch_view, k, j)

left, right = st.columns([1, 1])
with left:
    labels = {"position_label": t("batch_sizes.position"), "row_label": t("batch_sizes.row")}
    st.dataframe(fig.batch_table(prepared, here, **labels), hide_index=True, height=380)
    st.caption(t("batch_sizes.table_caption", m=m, **here.caption))
with right:
    cost, full, mini, update = formulas.step(task, m, view.l2, lr, here)
    explained = (
        (cost, t(f"batch_sizes.cost_text.{task}")),
        (full, t("batch_sizes.full_text", m=m)),
        (mini, t("batch_sizes.batch_text", size=here.size, step=here.step, m=m)),
    )
    for tex, caption in explained:
        st.latex(tex)
        st.caption(caption)
    st.latex(update)
    if here.diverged:
        st.warning(t("batch_sizes.after_divergence", step=here.step))
    costs = {"before": here.cost_before, "after": here.cost_after}
    st.caption(t("batch_sizes.update_text", **shown(costs, 4)))
what_to_try("batch_sizes.s1_try")

# -- 2. cost against four clocks ----------------------------------------------------------------
section(2)
runs = busy(cached.batch_sizes_curves, X, y, task, view.batch, lr, epochs, seed)
if runs.capped:
    st.warning(t("batch_sizes.capped", steps=runs.max_steps))
names = {"chosen": t("batch_sizes.chosen_name", batch=view.batch)}
names["full"] = t("batch_sizes.full_name", m=m)
for kind, curve in runs.shown:
    if curve.diverged:
        st.warning(t("common.diverged", name=names[kind], step=curve.diverged_at))
labels = {"optimum": t("batch_sizes.optimum"), "y": t("common.loss")}
for kind in ("x", "plot"):
    labels |= {f"{kind}.{clock}": t(f"batch_sizes.{kind}.{clock}") for clock in fig.CLOCKS}
kw = dict(names=names, optimum=view.best_cost, labels=labels)
for i, (col, clock) in enumerate(zip(st.columns(2) + st.columns(2), fig.CLOCKS, strict=True)):
    figure = cached.batch_sizes_clock_figure(runs, clock, **kw)
    col.plotly_chart(figure, key=f"batch_sizes_curve_{i}")
st.caption(t("batch_sizes.curves_caption", **shown(runs.caption)))
what_to_try("batch_sizes.s2_try")

# -- 3. the path on the map ---------------------------------------------------------------------
feature = prepared.feature_name(j)
section(3, feature=feature)
cmap = busy(cached.batch_sizes_contour, X, y, task, j, view.batch, lr, epochs, seed)
labels = {"x": t("batch_sizes.axis_w", feature=feature), "y": t("batch_sizes.axis_b")}
labels |= {"optimum": t("batch_sizes.optimum"), "start": t("common.start")}
title = t("batch_sizes.contour_title")
contour = cached.batch_sizes_contour_figure(cmap, names=names, labels=labels, title=title)
st.plotly_chart(contour, key="batch_sizes_contour")
if cmap.diverged:
    st.warning(t("batch_sizes.contour_diverged"))
st.caption(t("batch_sizes.contour_caption", epochs=epochs))
what_to_try("batch_sizes.s3_try")

# -- 4. measured: the batch-size sweep ----------------------------------------------------------
section(4)
bar, points = st.progress(0.0), []
for plan in view.sweep_plan:
    text = t("batch_sizes.sweep_progress", batch=plan.batch, done=plan.done, total=plan.total)
    bar.progress(plan.fraction, text=text)
    points.append(cached.batch_sizes_sweep_point(X, y, task, plan.batch))
bar.empty()
sweep = cached.batch_sizes_sweep(tuple(points), m)
labels = {key: t(f"batch_sizes.sweep.{key}") for key in fig.SWEEP_LABELS}
labels["x"] = t("batch_sizes.batch")
title = t("batch_sizes.sweep_title")
chart = cached.batch_sizes_sweep_figure(sweep, chosen=view.batch, labels=labels, title=title)
st.plotly_chart(chart, key="batch_sizes_sweep")
columns = {key: t(f"batch_sizes.col.{key}") for key in fig.SWEEP_COLUMNS}
table = fig.sweep_table(sweep, columns, t("batch_sizes.not_reached_short"))
st.dataframe(table, hide_index=True)
if sweep.fastest is not None:
    sgd = ms_phrase(sweep.sgd_ms, sweep.sgd_reached)
    full = ms_phrase(sweep.full_ms, sweep.full_reached)
    st.write(t("batch_sizes.sweep_result", **shown(sweep.result), sgd=sgd, full=full))
if sweep.stuck:
    st.write(t("batch_sizes.sweep_stuck", sizes=listing(sweep.stuck)))
if sweep.falling:
    st.write(t("batch_sizes.sweep_falling", sizes=listing(sweep.falling)))
with st.expander(t("batch_sizes.how_title"), icon=":material/timer:"):
    rates, optimum = listing(sweep.rates, num), num(view.best_cost, 6)
    method = t(f"batch_sizes.optimum_method.{task}")
    how = t("batch_sizes.how_text", **sweep.how, rates=rates, optimum=optimum, method=method)
    st.markdown(how)
    columns = {key: t(f"batch_sizes.col.{key}") for key in fig.TRIAL_COLUMNS}
    outcomes = {key: t(f"batch_sizes.outcome.{key}") for key in fig.OUTCOMES}
    trials = fig.trial_table(sweep, columns, outcomes)
    st.dataframe(trials, hide_index=True, height=300)
what_to_try("batch_sizes.s4_try")
