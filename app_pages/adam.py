"""Adam: momentum's average of gradients + RMSprop's average of squares + bias correction."""

import numpy as np
import pandas as pd
import streamlit as st

from optim_core import adam_lessons, objectives
from ui import compute, compute_adam, figures, navigation
from ui.compute_adam import DEFAULT_LRS, DEFAULT_START, LRS, RACERS, SURFACES
from ui.figures import adam as adam_fig
from ui.numbers import text as fmt
from ui.widgets import Controls, busy, share_box, t, what_to_try

PAGE = "adam"
K_MAX = 200  # the step slider covers the first K_MAX steps
STEPS = (100, 200, 500, 1000, 2000, 3000)
BETA2 = (0.0, 0.5, 0.9, 0.99, 0.999, 0.9999)
LR_KEYS = {"gd": "a_lr_gd", "momentum": "a_lr_m", "rmsprop": "a_lr_r", "adam": "a_lr_a"}
COORDS = ("x", "y")
LOG_SURFACES = {"rosenbrock", "beale", "himmelblau"}  # steep walls: log-spaced contours/heights


def seed_lrs() -> None:
    """Turning on own learning rates starts the sliders at the surface's defaults."""
    if st.session_state.get("a_tune"):
        chosen = st.session_state.get("a_surf", SURFACES[0])
        for name, key in LR_KEYS.items():
            st.session_state[key] = DEFAULT_LRS.get(chosen, DEFAULT_LRS[SURFACES[0]])[name]


def seed_start() -> None:
    """Turning on an own start starts the sliders at the surface's default start."""
    if st.session_state.get("a_own"):
        chosen = st.session_state.get("a_surf", SURFACES[0])
        x0, y0 = DEFAULT_START.get(chosen, DEFAULT_START[SURFACES[0]])
        st.session_state["a_x0"], st.session_state["a_y0"] = x0, y0


st.title(t("adam.title"))
st.write(t("adam.intro"))

# -- controls (sidebar) -----------------------------------------------------------------------
controls = Controls(PAGE)
with st.sidebar:
    st.subheader(t("adam.side_surface"))
    surf = controls.selectbox(
        "a_surf", t("adam.surface"), SURFACES, SURFACES[0], labels="adam.surf.{}"
    )
    kappa = controls.slider(
        "a_kappa", t("adam.kappa"), 1, 100, 10, 1, disabled=surf != "elongated_bowl"
    )
    own_start = controls.toggle("a_own", t("adam.own_start"), False, on_change=seed_start)
    x0 = controls.slider("a_x0", t("adam.x0"), -4.5, 4.5, 0.0, 0.1, disabled=not own_start)
    y0 = controls.slider("a_y0", t("adam.y0"), -4.5, 4.5, 0.0, 0.1, disabled=not own_start)
    steps = controls.select_slider("a_n", t("adam.steps"), STEPS, 1000)

    st.subheader(t("adam.side_adam"))
    b1 = controls.slider("a_b1", t("adam.b1"), 0.0, 0.99, 0.9, 0.01, format="%.2f")
    b2 = controls.select_slider("a_b2", t("adam.b2"), BETA2, 0.999)
    bc = controls.toggle("a_bc", t("adam.bc"), True, help=t("adam.bc_help"))

    st.subheader(t("adam.side_lr"))
    tune = controls.toggle("a_tune", t("adam.tune"), False, on_change=seed_lrs)
    chosen_lrs = {
        name: controls.select_slider(
            LR_KEYS[name],
            t("adam.lr_of", name=t(f"common.optimizer.{name}")),
            LRS,
            0.01,
            disabled=not tune,
        )
        for name in RACERS
    }
    controls.reset_button()
share_box()

b1, b2 = float(round(b1, 2)), float(b2)
x_start = (float(round(x0, 1)), float(round(y0, 1))) if own_start else DEFAULT_START[surf]
lrs = tuple(float(chosen_lrs[n]) if tune else DEFAULT_LRS[surf][n] for n in RACERS)
lr_adam = lrs[-1]
obj_params = compute_adam.surface_params(surf, kappa)
names = {n: t(f"common.optimizer.{n}") for n in RACERS}

try:
    race = busy(compute_adam.race, surf, obj_params, x_start, lrs, b1, b2, bc, int(steps))
    detail = compute_adam.adam_detail(
        surf, obj_params, x_start, lr_adam, b1, b2, bc, min(K_MAX, int(steps))
    )
except ValueError as err:  # every control is bounded; this guards a bad combination
    st.error(t("common.bad_value", detail=str(err)), icon=":material/error:")
    st.stop()

st.caption(
    t(
        "adam.setup",
        surface=t(f"adam.surf.{surf}"),
        x=fmt(x_start[0]),
        y=fmt(x_start[1]),
        lr=fmt(lr_adam),
        b1=fmt(b1),
        b2=fmt(b2),
        bc=t("adam.on") if bc else t("adam.off"),
    )
)

# -- 1. three pieces ----------------------------------------------------------------------------
st.header(t("adam.s1_title"))
st.write(t("adam.s1_text"))
linked = {c.key: c.file for c in navigation.PAGES}
cols = st.columns(3)
pieces = (
    ("momentum", adam_fig.MOMENTUM, "adam.piece_momentum"),
    ("rmsprop", adam_fig.RMSPROP, "adam.piece_rmsprop"),
    ("ewa", adam_fig.CORRECTION, "adam.piece_correction"),
)
for col, (concept, formula, key) in zip(cols, pieces, strict=True):
    with col:
        st.markdown(f"**{t(key + '_title')}**")
        st.latex(formula)
        st.write(t(key))
        if concept in linked:
            st.page_link(linked[concept], label=t("adam.from_page", page=t(f"nav.{concept}")))
        else:
            st.caption(t("adam.from_page_soon", page=t(f"nav.{concept}")))
st.latex(adam_fig.UPDATE)
st.write(t("adam.update_text"))

with st.expander(t("adam.code_title"), icon=":material/code:"):
    st.caption(t("adam.code_text"))
    st.code(compute_adam.update_source(), language="python")

p = detail.pieces
n_ok = len(p.step) if detail.diverged_at < 0 else max(0, detail.diverged_at - 1)
k = controls.slider("a_k", t("adam.k"), 1, K_MAX, 3, 1)
if n_ok == 0:
    st.warning(t("common.diverged", name=names["adam"], step=detail.diverged_at))
else:
    shown = min(int(k), n_ok)
    if shown < k:
        st.info(t("adam.k_clamped", k=k, shown=shown))
    i = shown - 1
    st.write(t("adam.live_text", k=shown))
    for c, coord in enumerate(COORDS):
        v_used = p.v_hat[i, c] if bc else p.v[shown, c]
        s_used = p.s_hat[i, c] if bc else p.s[shown, c]
        lines = [
            adam_fig.latex_momentum(shown, coord, b1, p.v[i, c], p.g[i, c], p.v[shown, c]),
            adam_fig.latex_rmsprop(shown, coord, b2, p.s[i, c], p.g[i, c], p.s[shown, c]),
            adam_fig.latex_correction(
                shown, coord, b1, b2, p.v[shown, c], p.s[shown, c], p.v_hat[i, c], p.s_hat[i, c]
            ),
            adam_fig.latex_step(
                shown, coord, lr_adam, v_used, s_used, compute_adam.EPS, p.step[i, c], bc
            ),
        ]
        st.markdown(t("adam.coord_label", coord=coord, g=fmt(p.g[i, c])))
        st.latex(
            r"\begin{aligned}" + r"\\[4pt]".join("&" + line for line in lines) + r"\end{aligned}"
        )
    if not bc:
        st.caption(t("adam.live_no_bc"))
what_to_try("adam.s1_try")

# -- 2. bias correction close up ----------------------------------------------------------------
st.header(t("adam.s2_title"))
st.write(t("adam.s2_text"))
coord = controls.segmented("a_c", t("adam.coord"), COORDS, "x")
c = COORDS.index(coord)
first = min(compute_adam.CLOSEUP, n_ok)
if first == 0:
    st.warning(t("common.diverged", name=names["adam"], step=detail.diverged_at))
else:
    tt = np.arange(1, first + 1)
    fig = adam_fig.bias_closeup(
        tt,
        p.g[:first, c],
        p.v[1 : first + 1, c],
        p.v_hat[:first, c],
        p.s[1 : first + 1, c],
        p.s_hat[:first, c],
        labels={
            "left": t("adam.closeup_left", coord=coord),
            "right": t("adam.closeup_right", coord=coord),
            "g": t("adam.trace_g"),
            "v": t("adam.trace_v"),
            "v_hat": t("adam.trace_v_hat"),
            "g2": t("adam.trace_g2"),
            "s": t("adam.trace_s"),
            "s_hat": t("adam.trace_s_hat"),
        },
    )
    st.plotly_chart(fig, key="adam_closeup")

g1 = float(p.g[0, c])
with_size, without_size = abs(float(detail.first_with[c])), abs(float(detail.first_without[c]))
measured = float((detail.first_with if bc else detail.first_without)[c])
formula = adam_lessons.first_step_size(g1, lr_adam, b1, b2, compute_adam.EPS, bc)
ratio = adam_lessons.uncorrected_ratio(b1, b2)
st.write(t("adam.first_text", coord=coord, g=fmt(g1), lr=fmt(lr_adam)))
st.latex(adam_fig.latex_first(lr_adam, measured, float(formula), bc, coord))
m1, m2, m3 = st.columns(3)
m1.metric(t("adam.first_with"), f"{with_size / lr_adam:.4g} α")
m2.metric(t("adam.first_without"), f"{without_size / lr_adam:.4g} α")
m3.metric(t("adam.ratio_metric"), f"{ratio:.4g}")
st.write(
    t(
        "adam.why",
        b1=fmt(b1),
        b2=fmt(b2),
        shrink_v=fmt(1 - b1),
        shrink_root=fmt(np.sqrt(1 - b2)),
        ratio=fmt(ratio),
    )
)
what_to_try("adam.s2_try")

# -- 3. the race --------------------------------------------------------------------------------
st.header(t("adam.s3_title"))
st.write(t("adam.s3_text", b1=fmt(b1), b2=fmt(b2)))
xs, ys, z = compute.surface_grid(surf, 100, obj_params)
f = objectives.get(surf, **dict(obj_params))
bounds = f.bounds
n_points = int(steps) + 1
idx = compute_adam.frames(n_points)
colors = {n: figures.COLORS[n] for n in RACERS}
runs = {}
for name in RACERS:
    xy = race.params[name].copy()
    out = adam_lessons.first_exit(xy, bounds)
    if out < len(xy):  # draw the path up to its first point outside the map, then stop
        xy[out + 1 :] = np.nan
    runs[f"{names[name]} (α = {fmt(lrs[RACERS.index(name)])})"] = (xy[idx], colors[name])
notes = []
for j in idx:
    costs = " · ".join(
        f"<span style='color:{colors[n]}'>●</span> {fmt(race.loss[n][j], 3)}" for n in RACERS
    )
    notes.append(f"{t('common.step')} {j}<br>{costs}")
fig = adam_fig.race_contour(
    xs,
    ys,
    z,
    runs,
    labels={"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")},
    annotations=notes,
    log_scale=surf in LOG_SURFACES,
    critical_points=f.critical_points,
    critical_labels={
        "global": t("common.global_min"),
        "local": t("common.local_min"),
        "saddle": t("common.saddle"),
    },
    start_label=t("common.start"),
    start=x_start,
)
st.plotly_chart(fig, key="adam_race")
if len(idx) < n_points:
    st.caption(t("adam.frames_note", frames=len(idx), steps=int(steps)))
for name in RACERS:
    res = race.results[name]
    if res.diverged >= 0:
        st.warning(t("common.diverged", name=names[name], step=res.diverged))
    else:
        out = adam_lessons.first_exit(race.params[name], bounds)
        if out < n_points:
            st.info(t("adam.left_map", name=names[name], step=out))

curves = {names[n]: (np.arange(n_points), race.loss[n] - race.f_min, colors[n]) for n in RACERS}
st.plotly_chart(
    adam_fig.race_costs(curves, xlabel=t("common.step"), ylabel="f − f*"),
    key="adam_costs",
)
st.caption(t("adam.cost_caption", floor="10⁻¹⁶"))
table = pd.DataFrame(
    {
        t("adam.col_optimizer"): [names[n] for n in RACERS],
        t("adam.col_lr"): [fmt(lr) for lr in lrs],
        t("adam.col_final"): [fmt(race.results[n].final) for n in RACERS],
        t("adam.col_reached"): [
            str(race.results[n].reached) if race.results[n].reached >= 0 else t("adam.not_reached")
            for n in RACERS
        ],
        t("adam.col_diverged"): [
            str(race.results[n].diverged) if race.results[n].diverged >= 0 else "—" for n in RACERS
        ],
    }
)
st.dataframe(table, hide_index=True)
st.caption(t("adam.table_caption", tol="10⁻⁶", steps=int(steps)))
if not tune:
    st.caption(t("adam.default_lrs"))
what_to_try("adam.s3_try", lr_gd=fmt(DEFAULT_LRS["elongated_bowl"]["gd"]))

# -- 4. the surface in 3-D ----------------------------------------------------------------------
st.header(t("adam.s4_title"))
st.write(t("adam.s4_text"))
cam = controls.segmented(
    "cam", t("common.camera"), tuple(figures.CAMERAS), "iso", labels="common.camera.{}"
)
log_height = surf in LOG_SURFACES
paths3d = {}
idx3 = compute_adam.frames(n_points, 300)
for name in RACERS:
    xy = race.params[name]
    out = adam_lessons.first_exit(xy, bounds)
    keep = idx3[idx3 < out]
    if keep.size:
        xy_kept = xy[keep]
        paths3d[names[name]] = (
            xy_kept,
            adam_fig.height_of(f.value(xy_kept), log_height),
            colors[name],
        )
fig3 = adam_fig.race_surface(
    xs,
    ys,
    adam_fig.height_of(z, log_height),
    paths3d,
    camera=cam,
    zlabel=t("adam.height_log") if log_height else "f",
)
st.plotly_chart(fig3, key="adam_surface")
what_to_try("adam.s4_try")
