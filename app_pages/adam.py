"""Adam: momentum's average of gradients + RMSprop's average of squares + bias correction."""

import streamlit as st

from optim_core.lessons import adam as lesson
from ui import cached, navigation
from ui.figures import CAMERAS, COLORS
from ui.figures import adam as fig
from ui.formulas import adam as formulas
from ui.numbers import text as num
from ui.widgets import Controls, busy, share_box, t, what_to_try

LR_KEYS = {"gd": "a_lr_gd", "momentum": "a_lr_m", "rmsprop": "a_lr_r", "adam": "a_lr_a"}
DEFAULT_SURFACE = lesson.SURFACES[0]
CRITICAL = {"global": "common.global_min", "local": "common.local_min", "saddle": "common.saddle"}


def chosen_surface() -> str:
    return st.session_state.get("a_surf") or DEFAULT_SURFACE


def seed_lrs() -> None:
    """Turning on own learning rates starts the sliders at the surface's defaults."""
    if st.session_state.get("a_tune"):
        for name, key in LR_KEYS.items():
            st.session_state[key] = lesson.DEFAULT_LRS[chosen_surface()][name]


def seed_start() -> None:
    """Turning on an own start starts the sliders at the surface's default start."""
    if st.session_state.get("a_own"):
        st.session_state["a_x0"], st.session_state["a_y0"] = lesson.DEFAULT_START[chosen_surface()]


st.title(t("adam.title"))
st.write(t("adam.intro"))

# -- controls (sidebar) -----------------------------------------------------------------------
# While "own start" / "own learning rates" are off, the run uses the surface's own values:
# the sidebar shows those (greyed, not bound to the link) instead of the idle sliders.
controls = Controls("adam")
with st.sidebar:
    st.subheader(t("adam.side_surface"))
    surf = controls.selectbox(
        "a_surf", t("adam.surface"), lesson.SURFACES, DEFAULT_SURFACE, labels="adam.surf.{}"
    )
    surf = surf or DEFAULT_SURFACE  # an emptied ?a_surf= clears the control
    kappa = controls.slider(
        "a_kappa", t("adam.kappa"), *lesson.KAPPA, disabled=surf != "elongated_bowl"
    )
    own_start = controls.toggle("a_own", t("adam.own_start"), False, on_change=seed_start)
    low, high, _, step = lesson.START_RANGE
    if own_start:
        x0 = controls.slider("a_x0", t("adam.x0"), *lesson.START_RANGE)
        y0 = controls.slider("a_y0", t("adam.y0"), *lesson.START_RANGE)
    else:
        x0, y0 = lesson.DEFAULT_START[surf]
        st.slider(t("adam.x0"), low, high, x0, step, disabled=True, help=t("adam.start_help"))
        st.slider(t("adam.y0"), low, high, y0, step, disabled=True, help=t("adam.start_help"))
    steps = controls.select_slider("a_n", t("adam.steps"), lesson.STEPS, lesson.STEPS_DEFAULT)

    st.subheader(t("adam.side_adam"))
    b1 = controls.slider("a_b1", t("adam.b1"), *lesson.B1, format="%.2f")
    b2 = controls.select_slider("a_b2", t("adam.b2"), lesson.BETA2, lesson.B2_DEFAULT)
    bc = controls.toggle("a_bc", t("adam.bc"), True, help=t("adam.bc_help"))

    st.subheader(t("adam.side_lr"))
    tune = controls.toggle("a_tune", t("adam.tune"), False, on_change=seed_lrs)
    lrs = []
    for name in lesson.RACERS:
        label = t("adam.lr_of", name=t(f"common.optimizer.{name}"))
        if tune:
            lrs.append(controls.select_slider(LR_KEYS[name], label, lesson.LRS, lesson.LR_DEFAULT))
        else:
            shown = lesson.DEFAULT_LRS[surf][name]
            st.select_slider(label, lesson.LRS, shown, disabled=True, help=t("adam.lr_help"))
    controls.reset_button()
share_box()

try:
    setup = cached.adam_setup(surf, kappa, own_start, x0, y0, steps, b1, b2, bc, tune, tuple(lrs))
    race = busy(cached.adam_race, setup)
except ValueError as err:  # every control is bounded; this guards a bad combination
    st.error(t("common.bad_value", detail=str(err)), icon=":material/error:")
    st.stop()
names = {n: t(f"common.optimizer.{n}") for n in lesson.RACERS}

st.caption(
    t(
        "adam.setup",
        surface=t(f"adam.surf.{setup.surface}"),
        x=num(setup.start[0]),
        y=num(setup.start[1]),
        lr=num(setup.lr),
        b1=num(setup.b1),
        b2=num(setup.b2),
        bc=t("adam.on") if setup.bc else t("adam.off"),
    )
)

# -- 1. three pieces ----------------------------------------------------------------------------
st.header(t("adam.s1_title"))
st.write(t("adam.s1_text"))
linked = {c.key: c.file for c in navigation.PAGES}
cols = st.columns(3)
pieces = (
    ("momentum", formulas.MOMENTUM, "adam.piece_momentum"),
    ("rmsprop", formulas.RMSPROP, "adam.piece_rmsprop"),
    ("ewa", formulas.CORRECTION, "adam.piece_correction"),
)
for col, (concept, formula, key) in zip(cols, pieces, strict=True):
    with col:
        st.markdown(t(f"{key}_title"))
        st.latex(formula)
        st.write(t(key))
        if concept in linked:
            st.page_link(linked[concept], label=t("adam.from_page", page=t(f"nav.{concept}")))
        else:
            st.caption(t("adam.from_page_soon", page=t(f"nav.{concept}")))
st.latex(formulas.UPDATE)
st.write(t("adam.update_text"))

with st.expander(t("adam.code_title"), icon=":material/code:"):
    st.caption(t("adam.code_text"))
    st.code(lesson.UPDATE_SOURCE, language="python")

k = controls.slider("a_k", t("adam.k"), *lesson.K)
live = cached.adam_live(setup, k)
if live.n_ok == 0:
    st.warning(t("common.diverged", name=names["adam"], step=live.diverged_at))
else:
    if live.clamped:
        st.info(t("adam.k_clamped", k=live.wanted, shown=live.k))
    st.write(t("adam.live_text", k=live.k))
    for c in live.coords:
        st.markdown(t("adam.coord_label", coord=c.name, g=num(c.g)))
        st.latex(formulas.live_coordinate(live, c))
    if not live.bc:
        st.caption(t("adam.live_no_bc"))
what_to_try("adam.s1_try")

# -- 2. bias correction close up ----------------------------------------------------------------
st.header(t("adam.s2_title"))
st.write(t("adam.s2_text"))
coord = controls.segmented("a_c", t("adam.coord"), lesson.COORDS, lesson.COORDS[0])
near = cached.adam_closeup(setup, coord or lesson.COORDS[0])  # ?a_c= empties the control
if near.count == 0:
    st.warning(t("common.diverged", name=names["adam"], step=near.diverged_at))
else:
    chart = cached.adam_closeup_figure(
        near,
        labels={key: t(f"adam.trace_{key}") for key in ("g", "v", "v_hat", "g2", "s", "s_hat")}
        | {side: t(f"adam.closeup_{side}", coord=near.coord) for side in ("left", "right")},
    )
    st.plotly_chart(chart, key="adam_closeup")

st.write(t("adam.first_text", coord=near.coord, g=num(near.g1), lr=num(near.lr)))
st.latex(formulas.first(near))
m1, m2, m3 = st.columns(3)
m1.metric(t("adam.first_with"), t("adam.in_alpha", x=num(near.with_alpha)))
m2.metric(t("adam.first_without"), t("adam.in_alpha", x=num(near.without_alpha)))
m3.metric(t("adam.ratio_metric"), num(near.ratio))
st.write(
    t(
        "adam.why",
        b1=num(setup.b1),
        b2=num(setup.b2),
        shrink_v=num(near.shrink_v),
        shrink_root=num(near.shrink_root),
        ratio=num(near.ratio),
    )
)
what_to_try("adam.s2_try")

# -- 3. the race --------------------------------------------------------------------------------
st.header(t("adam.s3_title"))
st.write(t("adam.s3_text", b1=num(race.b1), b2=num(race.b2)))
racers = lesson.RACERS
colors = {n: COLORS[n] for n in racers}
runs = {fig.racer(names[n], race.lrs[n]): (race.paths[n], colors[n]) for n in racers}
grid = race.grid
chart = cached.adam_race_figure(
    grid.xs,
    grid.ys,
    grid.z,
    runs,
    labels={"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")},
    annotations=fig.race_notes(t("common.step"), race.frame_steps, race.frame_costs, colors),
    log_scale=race.log_scale,
    critical_points=race.critical_points,
    critical_labels={kind: t(key) for kind, key in CRITICAL.items()},
    start_label=t("common.start"),
    start=setup.start,
    steps=race.frame_steps,  # the slider counts optimizer steps, as the notes do
)
st.plotly_chart(chart, key="adam_race")
if len(race.frame_steps) < race.n_points:
    st.caption(t("adam.frames_note", frames=len(race.frame_steps), steps=setup.steps))
for name in racers:
    result = race.results[name]
    if result.diverged >= 0:
        st.warning(t("common.diverged", name=names[name], step=result.diverged))
    elif race.left_map[name] >= 0:
        st.info(t("adam.left_map", name=names[name], step=race.left_map[name]))

curves = {names[n]: (race.steps, race.gaps[n], colors[n]) for n in racers}
st.plotly_chart(
    cached.adam_costs_figure(curves, xlabel=t("common.step"), ylabel=t("adam.gap")),
    key="adam_costs",
)
st.caption(t("adam.cost_caption"))
results = [race.results[n] for n in racers]
table = {
    t("adam.col_optimizer"): [names[n] for n in racers],
    t("adam.col_lr"): [num(race.lrs[n]) for n in racers],
    t("adam.col_final"): [num(r.final) for r in results],
    t("adam.col_reached"): [
        str(r.reached) if r.reached >= 0 else t("adam.not_reached") for r in results
    ],
    t("adam.col_diverged"): [
        str(r.diverged) if r.diverged >= 0 else t("adam.never") for r in results
    ],
}
st.dataframe(table, hide_index=True)
st.caption(t("adam.table_caption", steps=setup.steps))
if not tune:
    st.caption(t("adam.default_lrs"))
what_to_try("adam.s3_try", lr_gd=num(lesson.DEFAULT_LRS["elongated_bowl"]["gd"]))

# -- 4. the surface in 3-D ----------------------------------------------------------------------
st.header(t("adam.s4_title"))
st.write(t("adam.s4_text"))
cam = controls.segmented(
    "cam", t("common.camera"), tuple(CAMERAS), "iso", labels="common.camera.{}"
)
view = cached.adam_landscape(setup)
paths3d = {names[n]: (xy, height, colors[n]) for n, (xy, height) in view.paths.items()}
chart = cached.adam_surface_figure(
    view.grid.xs,
    view.grid.ys,
    view.grid.z,
    paths3d,
    camera=cam or "iso",  # ?cam= empties the control
    zlabel=t("adam.height_log") if view.log_height else t("adam.height"),
)
st.plotly_chart(chart, key="adam_surface")
what_to_try("adam.s4_try")
