"""Local optima: gradient descent ends in the dip it starts in; noise can carry it elsewhere."""

import streamlit as st

from optim_core.lessons import local_optima as lesson
from ui import cached, figures
from ui.formulas import local_optima as formulas
from ui.widgets import Controls, busy, share_box, t, what_to_try

st.title(t("local_optima.title"))
st.write(t("local_optima.intro"))

# -- controls (all bound to the URL) ------------------------------------------------
controls = Controls("local_optima", st.sidebar)
st.sidebar.subheader(t("local_optima.side.descent"))
lr = controls.slider("lr", t("local_optima.lr"), 0.005, 0.12, 0.05, 0.005, format="%.3f")
steps = controls.slider("steps", t("local_optima.steps"), 50, 1000, 500, 50)
x0 = controls.slider("x0", t("local_optima.x0"), -3.0, 3.0, 1.5, 0.05)
y0 = controls.slider("y0", t("local_optima.y0"), -3.0, 3.0, 0.5, 0.05)
st.sidebar.subheader(t("local_optima.side.noise"))
noise = controls.slider("noise", t("local_optima.noise"), 0.0, 6.0, 2.0, 0.25)
seed = controls.number("nseed", t("local_optima.seed"), *lesson.SEEDS, 0, 1)  # lessons clamp it
extra = controls.segmented(
    "opt", t("local_optima.extra"), lesson.EXTRAS, "none", labels="local_optima.extra.{}"
)
extra = extra or "none"  # an empty ?opt= clears the control to None
st.sidebar.subheader(t("local_optima.side.saddle"))
offset = controls.select_slider(
    "off", t("local_optima.offset"), lesson.OFFSETS, 1e-3, format_func=lambda v: f"{v:g}"
)
saddle_noise = controls.slider("sn", t("local_optima.saddle_noise"), 0.0, 1.0, 0.3, 0.05)
controls.reset_button(st.sidebar)
share_box()

land = cached.local_optima_landscape()
names = [
    t("local_optima.min_global") if kind == "global" else t("local_optima.min_local", i=i)
    for i, kind in enumerate(land.kinds)
]
kind_names = {
    "global": t("common.global_min"),
    "local": t("common.local_min"),
    "saddle": t("common.saddle"),
}
method_names = {key: t(f"common.optimizer.{key}") for key in ("gd", "momentum", "adam")}
method_names["noisy"] = t("local_optima.noisy_name")
plain_name, noisy_name = method_names["gd"], method_names["noisy"]
labels = {key: t(f"common.{key}") for key in ("play", "pause", "step", "start")}


def where_it_ended(who: str, run, n_steps: int) -> str:
    """One sentence naming the minimum a run reached (or that it did not settle)."""
    if run.outcome == "diverged":
        return t("common.diverged", name=who, step=run.diverged_at)
    x, y = run.final
    if run.outcome == "unsettled":
        return t("local_optima.ended_unsettled", who=who, steps=n_steps, x=f"{x:.2f}", y=f"{y:.2f}")
    return t(
        f"local_optima.ended_{run.outcome}",
        who=who,
        name=names[run.label],
        value=f"{run.end_value:.3f}",
        x=f"{x:.2f}",
        y=f"{y:.2f}",
        cost=f"{run.final_loss:.3f}",
    )


def failed() -> None:
    st.error(t("local_optima.error"))
    st.stop()


# -- 1. the surface ---------------------------------------------------------------------
st.header(t("local_optima.surface_header"))
st.write(t("local_optima.surface_text", n_min=land.n_minima, n_local=land.n_local))
land_labels = {
    key: t(f"local_optima.{key}") for key in ("surface_title", "contour_title", "minima")
}
left, right = st.columns(2)
with left:
    camera = controls.segmented(
        "cam",
        t("common.camera"),
        tuple(figures.CAMERAS),
        "iso",
        labels="common.camera.{}",
        where=left,
    )
    camera = camera or "iso"  # an empty ?cam= clears the control
    surface_fig = cached.local_optima_surface_figure(land, names, camera=camera, labels=land_labels)
    st.plotly_chart(surface_fig, key="lo_surface")
with right:
    contour_fig = cached.local_optima_contour_figure(land, names, labels=land_labels)
    st.plotly_chart(contour_fig, key="lo_minima_contour")
with st.expander(t("local_optima.table_title")):
    st.dataframe(
        {
            t("local_optima.col_name"): names,
            t("local_optima.col_kind"): [kind_names[kind] for kind in land.kinds],
            t("local_optima.col_x"): land.table_x,
            t("local_optima.col_y"): land.table_y,
            t("common.loss"): land.table_cost,
        },
        hide_index=True,
    )

# -- 2. one start, two runs --------------------------------------------------------------
st.header(t("local_optima.start_header"))
st.write(t("local_optima.start_text"))
try:
    one = cached.local_optima_start(lr, steps, x0, y0, noise, seed)
except ValueError:
    failed()
left, right = st.columns([3, 2])
with left:
    paths_labels = labels | {
        "title": t("local_optima.paths_title"),
        "points": land_labels["minima"],
    }
    paths_fig = cached.local_optima_paths_figure(
        land.grid,
        land.minima,
        names,
        one,
        run_names=(plain_name, noisy_name),
        labels=paths_labels,
        cap=land.cap,
    )
    st.plotly_chart(paths_fig, key="lo_paths")
with right:
    for who, run in ((plain_name, one.plain), (noisy_name, one.noisy)):
        message = where_it_ended(who, run, steps)
        if run.outcome == "diverged":
            st.warning(message)
        else:
            st.markdown(message)
    if noise == 0:
        st.info(t("local_optima.no_noise"))
    elif one.same_end:
        st.caption(t("local_optima.same_end"))
    cost_labels = {"step": labels["step"], "cost": t("common.loss"), "floor": names[0]}
    cost_labels["title"] = t("local_optima.cost_title")
    cost_fig = cached.local_optima_costs_figure(
        one, run_names=(plain_name, noisy_name), labels=cost_labels
    )
    st.plotly_chart(cost_fig, key="lo_costs")
left, right = st.columns(2)
if one.plain.outcome != "diverged":
    left.latex(formulas.last_step(one.plain, one.lr))
    left.caption(t("local_optima.gd_formula", k=one.plain.k))
right.latex(formulas.noisy_step(one))
right.caption(t("local_optima.noisy_formula", step=f"{one.kick:.3f}"))
what_to_try("local_optima.try_start")

# -- 3. basins of attraction ----------------------------------------------------------------
st.header(t("local_optima.basin_header"))
st.write(t("local_optima.basin_text", n=lesson.GRID, total=lesson.STARTS, steps=steps))
try:
    basins = busy(cached.local_optima_basins, lr, steps, noise, seed, extra)
except ValueError:
    failed()
panel_names = [method_names[key] for key in basins.methods]
basin_fig = cached.local_optima_basins_figure(
    list(zip(panel_names, basins.maps, strict=True)),
    land.minima,
    names,
    unsettled=t("local_optima.unsettled"),
    diverged=t("local_optima.diverged"),
)
st.plotly_chart(basin_fig, key="lo_basins")
if basins.extra != "none":
    fixed = {key: f"{value:g}" for key, value in basins.extra_hyper}
    st.caption(t(f"local_optima.extra_note.{basins.extra}", lr=f"{lr:g}", **fixed))
st.markdown(f"**{t('local_optima.global_share_title')}**")
for i, col in enumerate(st.columns(len(basins.methods))):
    delta = basins.delta_pp[i]
    col.metric(
        panel_names[i],
        f"{basins.global_percent[i]:.1f}%",
        None if delta is None else t("local_optima.pp", v=f"{delta:+.1f}"),
    )
    if basins.has_rest[i]:
        unsettled, diverged = basins.unsettled_percent[i], basins.diverged_percent[i]
        rest = t(
            "local_optima.rest_share", unsettled=f"{unsettled:.1f}", diverged=f"{diverged:.1f}"
        )
        col.caption(rest)
st.latex(formulas.global_share(basins))
st.caption(t("local_optima.share_explain", who=plain_name, radius=f"{basins.radius:.2f}"))
categories = [f"{n} ({cost:.2f})" for n, cost in zip(names, land.table_cost, strict=True)]
categories += [t("local_optima.unsettled"), t("local_optima.diverged")]
bar_labels = {"axis": t("local_optima.share_axis"), "title": t("local_optima.bars_title")}
bars_fig = cached.local_optima_bars_figure(basins, panel_names, categories, labels=bar_labels)
st.plotly_chart(bars_fig, key="lo_bars")
what_to_try("local_optima.try_basins")

# -- 4. saddle points ------------------------------------------------------------------------
st.header(t("local_optima.saddle_header"))
st.write(t("local_optima.saddle_text"))
try:
    sad = cached.local_optima_saddle(lr, offset, saddle_noise, seed)
except ValueError:
    failed()
saddle_names = (plain_name, t("local_optima.noisy_name_sigma", sigma=f"{saddle_noise:g}"))
left, right = st.columns(2)
with left:
    norm_labels = {"step": labels["step"], "axis": t("local_optima.gradnorm_axis")}
    norm_labels |= {"title": t("local_optima.gradnorm_title")}
    norm_labels |= {"band": t("local_optima.predicted_band")}
    norms_fig = cached.local_optima_norms_figure(sad, run_names=saddle_names, labels=norm_labels)
    st.plotly_chart(norms_fig, key="lo_gradnorm")
with right:
    saddle_labels = labels | {"title": t("local_optima.saddle_title")}
    saddle_labels |= {"points": t("local_optima.critical_points")}
    saddle_fig = cached.local_optima_paths_figure(
        sad.grid,
        sad.points,
        [kind_names[kind] for kind in sad.kinds],
        sad,
        run_names=saddle_names,
        labels=saddle_labels,
        cap=lesson.SADDLE_CAP,
    )
    st.plotly_chart(saddle_fig, key="lo_saddle")

st.latex(formulas.escape(sad))
st.caption(t("local_optima.escape_formula", lam=f"{sad.curvature:.3f}", r=f"{sad.radius:g}"))
for who, run in zip(saddle_names, (sad.plain, sad.noisy), strict=True):
    if run.diverged:
        st.warning(t("common.diverged", name=who, step=run.diverged_at))
        continue
    exit_text = t(f"local_optima.saddle_{run.exit_kind}", step=run.exit, steps=sad.steps)
    ended = t("local_optima.saddle_settled" if run.settled else "local_optima.saddle_unsettled")
    st.markdown(
        t(
            "local_optima.saddle_result",
            who=who,
            near=run.near,
            r=f"{sad.radius:g}",
            exit=exit_text,
            ended=ended,
        )
    )
what_to_try("local_optima.try_saddle")
