"""Batch sizes: full-batch gradient descent, mini-batches and SGD on real data."""

import numpy as np
import streamlit as st

from optim_core import batches, datasets, training
from ui import compute_batch_sizes as cb
from ui import upload
from ui.figures import batch_sizes as fb
from ui.widgets import Controls, busy, share_box, t, what_to_try

DEFAULT_TABLE = "cars"
UPLOAD = "upload"
RATES = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0)
DEFAULT_BATCH = 32
PRESETS = (("sgd", 1), ("b32", 32), ("b64", 64), ("full", None))
LINK_FLAG = "_batch_sizes_link_upload"


def table_label(name: str) -> str:
    return t("data.source.upload") if name == UPLOAD else t(f"data.table.{name}")


def clamp(key: str, low: int, high: int) -> None:
    """Keep a bound slider's remembered value inside a range that depends on the data."""
    value = st.session_state.get(key)
    if isinstance(value, int | float) and not low <= value <= high:
        st.session_state[key] = int(min(max(value, low), high))


def fmt_ms(seconds: float) -> str:
    """Milliseconds for a table cell, or "not reached"."""
    return (
        t("batch_sizes.not_reached_short") if not np.isfinite(seconds) else f"{seconds * 1e3:.3g}"
    )


def fmt_time(seconds: float) -> str:
    """Milliseconds with the unit for a sentence, or the phrase for "did not reach it"."""
    return (
        t("batch_sizes.not_reached_phrase")
        if not np.isfinite(seconds)
        else f"{seconds * 1e3:.3g} ms"
    )


def outcome(trial, budget: int) -> str:
    """What happened to one learning rate of the sweep, in words."""
    gap = f"{trial.floor:.2%}"
    if trial.diverged:
        return t("batch_sizes.outcome.diverged")
    if trial.examples_to_target >= 0:
        return t("batch_sizes.outcome.reached", examples=trial.examples_to_target)
    if trial.stalled:
        return t("batch_sizes.outcome.floor", floor=gap, examples=trial.examples)
    if trial.examples < budget:
        return t("batch_sizes.outcome.pruned", examples=trial.examples)
    if trial.still_falling:
        return t("batch_sizes.outcome.falling", floor=gap)
    return t("batch_sizes.outcome.floor", floor=gap, examples=trial.examples)


st.title(t("batch_sizes.title"))
st.write(t("batch_sizes.intro"))

# -- controls (sidebar) -------------------------------------------------------------------------
if LINK_FLAG not in st.session_state:  # first run of this page: did a link ask for an upload?
    st.session_state[LINK_FLAG] = st.query_params.get("data") == UPLOAD
controls = Controls("batch_sizes")
with st.sidebar:
    # Bound choices carry their option in the URL, so options are plain keys (Streamlit puts
    # a format_func's label in the URL, which would tie links to one language).
    sources = [*datasets.TABLES, UPLOAD]
    choice = controls.selectbox("data", t("data.source"), sources, DEFAULT_TABLE)
    st.caption(table_label(choice))
    classify = controls.toggle(
        "cls", t("batch_sizes.task_toggle"), False, help=t("batch_sizes.task_help")
    )
    task = "classification" if classify else "regression"
    prepared = None
    if choice == UPLOAD:
        frame = upload.csv_uploader("batch_sizes_csv")
        if st.session_state.get("batch_sizes_csv") is not None:
            st.session_state[LINK_FLAG] = False  # a file of this session, good or bad
        if frame is None:
            if st.session_state[LINK_FLAG]:
                upload.shared_upload_note()
            else:
                st.caption(t("batch_sizes.upload_hint"))
        else:
            numeric = datasets.numeric_columns(frame)
            targets = numeric if task == "regression" else [str(c) for c in frame.columns]
            if not targets:
                st.error(upload.error_message(datasets.DataError("no_numeric_features")))
            else:
                target = st.selectbox(t("batch_sizes.target"), targets, key="batch_sizes_target")
                options = [c for c in numeric if c != target]
                features = st.multiselect(
                    t("batch_sizes.features"),
                    options,
                    default=options[:4],
                    key="batch_sizes_features",
                )
                try:
                    prepared = cb.prepare(datasets.table_from_frame(frame, features, target, task))
                except datasets.DataError as err:
                    st.error(upload.error_message(err), icon=":material/error:")
                except ValueError:
                    st.error(t("batch_sizes.bad_upload"), icon=":material/error:")
                else:
                    if prepared.n_dropped:
                        st.caption(t("data.dropped_rows", count=prepared.n_dropped))
        if prepared is None:
            st.caption(t("batch_sizes.using_default", name=table_label(DEFAULT_TABLE)))

if prepared is None:
    name = choice if choice in datasets.TABLES else DEFAULT_TABLE
    try:
        prepared = cb.builtin(name, task)
    except (datasets.DataError, OSError, ValueError) as err:
        st.error(t("batch_sizes.data_unavailable", detail=str(err)))
        st.stop()
    description = t(f"data.table.{name}.{task}")
    source = table_label(name)
else:
    description = t("batch_sizes.upload_description", target=prepared.target_name)
    source = table_label(UPLOAD)

X, y = prepared.X, prepared.y
m, n = X.shape
if task == "classification" and not 0 < y.mean() < 1:
    st.error(t("batch_sizes.one_class"))
    st.stop()

with st.sidebar:
    clamp("batch", 1, m)
    batch = controls.slider(
        "batch",
        t("batch_sizes.batch"),
        1,
        m,
        min(DEFAULT_BATCH, m),
        1,
        help=t("batch_sizes.batch_help", m=m),
    )
    cols = st.columns(2) + st.columns(2)
    for col, (key, size) in zip(cols, PRESETS, strict=True):
        value = m if size is None else min(size, m)
        col.button(
            t(f"batch_sizes.preset.{key}"),
            key=f"batch_sizes_preset_{key}",
            on_click=st.session_state.__setitem__,
            args=("batch", value),
            use_container_width=True,
        )
    lr = controls.select_slider("alpha", t("batch_sizes.lr"), RATES, 0.05)
    epochs = controls.slider("epochs", t("batch_sizes.epochs"), 1, 50, 10, 1)
    seed = controls.number("seed", t("batch_sizes.seed"), 0, 9999, 0, 1)
    controls.reset_button()
share_box()

batch, epochs, seed, lr = int(batch), int(epochs), int(seed), float(lr)
nb = batches.batches_per_epoch(m, batch)
regime = "sgd" if batch == 1 else "full" if batch == m else "mini"
l2 = cb.L2 if task == "classification" else 0.0
best_params, best_cost = cb.optimum(X, y, task)

st.caption(t("batch_sizes.data_caption", source=source, m=m, n=n, description=description))
st.info(t(f"batch_sizes.regime.{regime}", batch=batch, m=m, nb=nb), icon=":material/view_module:")

# -- 1. the data and the gradient ---------------------------------------------------------------
st.header(t("batch_sizes.s1_title"))
st.write(t("batch_sizes.s1_text", m=m, n=n))
st.caption(t("batch_sizes.standardized"))
with st.expander(t("batch_sizes.scaling_title")):
    st.dataframe(
        {
            t("batch_sizes.feature"): list(prepared.feature_names),
            t("batch_sizes.mean"): np.round(prepared.mean, 4),
            t("batch_sizes.std"): np.round(prepared.std, 4),
        },
        hide_index=True,
    )

walk = st.columns(3)
with walk[0]:
    viewable = min(epochs, max(1, cb.MAX_STEPS // nb))  # epochs the page's run reaches
    if viewable > 1:
        clamp("ep", 1, viewable)
        epoch_view = controls.slider("ep", t("batch_sizes.epoch_view"), 1, viewable, 1, 1)
    else:
        epoch_view = 1
with walk[1]:
    if nb > 1:
        clamp("k", 1, nb)
        k = controls.slider("k", t("batch_sizes.step_view", nb=nb), 1, nb, 1, 1)
    else:
        k = 1
        st.caption(t("batch_sizes.one_step"))
with walk[2]:
    clamp("feat", 1, n)
    j = controls.selectbox("feat", t("batch_sizes.feature_j"), list(range(1, n + 1)), 1)
    j = int(j) - 1
    st.caption(f"j = {j + 1}: {prepared.feature_names[j]}")
step = (int(epoch_view) - 1) * nb + int(k)
order = cb.epoch_order(m, seed, int(epoch_view))
start, stop = (int(k) - 1) * batch, min(int(k) * batch, m)
look = cb.inspect(X, y, task, batch, lr, seed, step)

left, right = st.columns([1, 1])
with left:
    styler, first, last = fb.batch_table(
        X,
        y,
        prepared.feature_names,
        prepared.target_name,
        order,
        start,
        stop,
        position_label=t("batch_sizes.position"),
        row_label=t("batch_sizes.row"),
    )
    st.dataframe(styler, hide_index=True, height=380)
    st.caption(
        t(
            "batch_sizes.table_caption",
            first=first,
            last=last,
            m=m,
            epoch=int(epoch_view),
            start=start + 1,
            stop=stop,
            size=stop - start,
        )
    )
with right:
    st.latex(fb.latex_cost(task, m, l2))
    st.caption(t(f"batch_sizes.cost_text.{task}"))
    st.latex(fb.latex_full_gradient(task, m, j + 1, l2, look.full_grad[j]))
    st.caption(t("batch_sizes.full_text", m=m))
    st.latex(fb.latex_batch_gradient(task, stop - start, j + 1, l2, look.batch_grad[j], step))
    st.caption(t("batch_sizes.batch_text", size=stop - start, step=step, m=m))
    st.latex(fb.latex_update(j + 1, lr, look.params[j], look.batch_grad[j]))
    if not np.isfinite(look.cost_before):
        st.warning(t("batch_sizes.after_divergence", step=step))
    st.caption(
        t(
            "batch_sizes.update_text",
            before=f"{look.cost_before:.4g}",
            after=f"{look.cost_after:.4g}",
        )
    )
what_to_try("batch_sizes.s1_try")

# -- 2. cost against four clocks ----------------------------------------------------------------
st.header(t("batch_sizes.s2_title"))
st.write(t("batch_sizes.s2_text"))
chosen_run = busy(cb.run, X, y, task, batch, lr, epochs, seed)
full_run = busy(cb.run, X, y, task, m, lr, epochs, seed)
if chosen_run.trajectory.steps[-1] < epochs * nb:
    st.warning(t("batch_sizes.capped", steps=cb.MAX_STEPS))
chosen_name = t("batch_sizes.chosen_name", batch=batch)
full_name = t("batch_sizes.full_name", m=m)
runs = [(chosen_name, chosen_run, fb.CHOSEN)]
if batch != m:
    runs.append((full_name, full_run, fb.FULL))
for label, r, _ in runs:
    if int(r.trajectory.diverged_at) >= 0:
        st.warning(t("common.diverged", name=label, step=int(r.trajectory.diverged_at)))

common = dict(optimum=best_cost, optimum_label=t("batch_sizes.optimum"), ylabel=t("common.loss"))
figs = [
    fb.cost_curve(
        [(name, r.trajectory.steps, r.trajectory.loss, c) for name, r, c in runs],
        xlabel=t("batch_sizes.x.step"),
        title=t("batch_sizes.plot.step"),
        **common,
    ),
    fb.cost_curve(
        [(name, np.arange(len(r.epoch_loss)), r.epoch_loss, c) for name, r, c in runs],
        xlabel=t("batch_sizes.x.epoch"),
        title=t("batch_sizes.plot.epoch"),
        **common,
    ),
    fb.cost_curve(
        [(name, r.examples, r.trajectory.loss, c) for name, r, c in runs],
        xlabel=t("batch_sizes.x.examples"),
        title=t("batch_sizes.plot.examples"),
        **common,
    ),
    fb.cost_curve(
        [(name, r.seconds * 1e3, r.trajectory.loss, c) for name, r, c in runs],
        xlabel=t("batch_sizes.x.ms"),
        title=t("batch_sizes.plot.time"),
        **common,
    ),
]
for row in (0, 2):
    cols = st.columns(2)
    for i, col in enumerate(cols):
        with col:
            st.plotly_chart(figs[row + i], key=f"batch_sizes_curve_{row + i}")
st.caption(
    t(
        "batch_sizes.curves_caption",
        steps_chosen=int(chosen_run.trajectory.steps[-1]),
        steps_full=int(full_run.trajectory.steps[-1]),
        ms_chosen=f"{np.nansum(chosen_run.epoch_seconds) * 1e3:.3g}",
        ms_full=f"{np.nansum(full_run.epoch_seconds) * 1e3:.3g}",
        record=cb.record_every(int(chosen_run.trajectory.steps[-1])),
    )
)
what_to_try("batch_sizes.s2_try")

# -- 3. the path on the map ---------------------------------------------------------------------
st.header(t("batch_sizes.s3_title"))
st.write(t("batch_sizes.s3_text", feature=prepared.feature_names[j]))
cmap = busy(cb.contour, X, y, task, j, batch, lr, epochs, seed)
paths = {chosen_name: (cmap.path, fb.CHOSEN)}
if batch != m:
    paths[full_name] = (cmap.full_path, fb.FULL)
fig = fb.contour_paths(
    cmap.ws,
    cmap.bs,
    cmap.z,
    paths,
    cmap.optimum,
    xlabel=t("batch_sizes.axis_w", feature=prepared.feature_names[j]),
    ylabel="b",
    optimum_label=t("batch_sizes.optimum"),
    start_label=t("common.start"),
    title=t("batch_sizes.contour_title"),
)
st.plotly_chart(fig, key="batch_sizes_contour")
if cmap.diverged:
    st.warning(t("batch_sizes.contour_diverged"))
st.caption(t("batch_sizes.contour_caption", epochs=epochs))
what_to_try("batch_sizes.s3_try")

# -- 4. measured: the batch-size sweep ----------------------------------------------------------
st.header(t("batch_sizes.s4_title"))
st.write(t("batch_sizes.s4_text"))
sizes = list(training.sweep_sizes(m))
bar = st.progress(
    0.0, text=t("batch_sizes.sweep_progress", batch=sizes[0], done=0, total=len(sizes))
)
points = []
for i, size in enumerate(sizes):
    bar.progress(
        i / len(sizes), text=t("batch_sizes.sweep_progress", batch=size, done=i, total=len(sizes))
    )
    points.append(cb.sweep_point(X, y, task, size))
bar.empty()

to_target = [p.best.seconds_to_target for p in points]
fig = fb.sweep_figure(
    sizes,
    to_target,
    [p.seconds_per_epoch for p in points],
    [p.best.floor for p in points],
    chosen=batch,
    labels={
        "to_target": t("batch_sizes.sweep.to_target"),
        "per_epoch": t("batch_sizes.sweep.per_epoch"),
        "not_reached_name": t("batch_sizes.sweep.not_reached_name"),
        "not_reached": t("batch_sizes.sweep.not_reached"),
        "fastest": t("batch_sizes.sweep.fastest"),
        "x": t("batch_sizes.batch"),
        "y": t("batch_sizes.sweep.ms"),
    },
    title=t("batch_sizes.sweep_title"),
)
st.plotly_chart(fig, key="batch_sizes_sweep")
table = {
    t("batch_sizes.batch"): sizes,
    t("batch_sizes.col.lr"): [p.best.lr for p in points],
    t("batch_sizes.col.epoch_ms"): [round(p.seconds_per_epoch * 1e3, 3) for p in points],
    t("batch_sizes.col.target_ms"): [fmt_ms(p.best.seconds_to_target) for p in points],
    t("batch_sizes.col.steps"): [str(p.best.steps_to_target) if p.reached else "" for p in points],
    t("batch_sizes.col.examples"): [
        str(p.best.examples_to_target) if p.reached else "" for p in points
    ],
}
if not all(p.reached for p in points):
    table[t("batch_sizes.col.floor")] = ["" if p.reached else f"{p.best.floor:.2%}" for p in points]
st.dataframe(table, hide_index=True)
reached = [p for p in points if p.reached]
if reached:
    fastest = min(reached, key=lambda p: p.best.seconds_to_target)
    st.write(
        t(
            "batch_sizes.sweep_result",
            batch=fastest.batch_size,
            ms=f"{fastest.best.seconds_to_target * 1e3:.3g}",
            sgd=fmt_time(points[0].best.seconds_to_target),
            full=fmt_time(points[-1].best.seconds_to_target),
            sgd_epoch=f"{points[0].seconds_per_epoch * 1e3:.3g}",
            full_epoch=f"{points[-1].seconds_per_epoch * 1e3:.3g}",
        )
    )
stuck = [p for p in points if not p.reached and not p.best.still_falling]
falling = [p for p in points if not p.reached and p.best.still_falling]
if stuck:
    st.write(t("batch_sizes.sweep_stuck", sizes=", ".join(str(p.batch_size) for p in stuck)))
if falling:
    st.write(t("batch_sizes.sweep_falling", sizes=", ".join(str(p.batch_size) for p in falling)))
with st.expander(t("batch_sizes.how_title"), icon=":material/timer:"):
    st.markdown(
        t(
            "batch_sizes.how_text",
            rates=", ".join(f"{r:g}" for r in cb.SWEEP_LRS),
            budget=cb.sweep_budget(m),
            check=max(1, m // 8),
            seed=cb.SWEEP_SEED,
            optimum=f"{best_cost:.6g}",
            method=t(f"batch_sizes.optimum_method.{task}"),
        )
    )
    trials = [
        {
            t("batch_sizes.batch"): p.batch_size,
            t("batch_sizes.col.rate"): tr.lr,
            t("batch_sizes.col.outcome"): outcome(tr, cb.sweep_budget(m)),
        }
        for p in points
        for tr in p.trials
    ]
    st.dataframe(trials, hide_index=True, height=300)
what_to_try("batch_sizes.s4_try")
