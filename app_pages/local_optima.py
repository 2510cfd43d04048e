"""Local optima: gradient descent ends in the dip it starts in; noise can carry it elsewhere."""

import numpy as np
import streamlit as st

from optim_core.basins import DIVERGED, UNSETTLED
from ui import compute, figures
from ui import compute_local_optima as clo
from ui.figures import local_optima as flo
from ui.widgets import Controls, busy, share_box, t, what_to_try

OFFSETS = (0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1)
EXTRAS = ("none", "momentum", "adam")
SADDLE_CAP = 3.5  # colour range of the saddle map stops here (the walls rise to 6)

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
seed = controls.number("nseed", t("local_optima.seed"), 0, 9999, 0, 1)
extra = controls.segmented(
    "opt", t("local_optima.extra"), EXTRAS, "none", labels="local_optima.extra.{}"
)
st.sidebar.subheader(t("local_optima.side.saddle"))
offset = controls.select_slider(
    "off", t("local_optima.offset"), OFFSETS, 1e-3, format_func=lambda v: f"{v:g}"
)
saddle_noise = controls.slider("sn", t("local_optima.saddle_noise"), 0.0, 1.0, 0.3, 0.05)
controls.reset_button(st.sidebar)
share_box()

minima = clo.minima()
names = [
    t("local_optima.min_global") if m.kind == "global" else t("local_optima.min_local", i=i)
    for i, m in enumerate(minima)
]
kind_names = {
    "global": t("common.global_min"),
    "local": t("common.local_min"),
    "saddle": t("common.saddle"),
}
plain_name = t("common.optimizer.gd")
noisy_name = t("local_optima.noisy_name")
labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}


def where_it_ended(who: str, result: dict, n_steps: int) -> str:
    """One sentence naming the minimum a run reached (or that it did not settle)."""
    label = result["label"]
    if label == DIVERGED:
        return t("common.diverged", name=who, step=result["diverged_at"])
    x, y = result["final"]
    if label == UNSETTLED:
        return t("local_optima.ended_unsettled", who=who, steps=n_steps, x=f"{x:.2f}", y=f"{y:.2f}")
    m = minima[label]
    key = "local_optima.ended_global" if m.kind == "global" else "local_optima.ended_local"
    return t(
        key,
        who=who,
        name=names[label],
        value=f"{m.value:.3f}",
        x=f"{x:.2f}",
        y=f"{y:.2f}",
        cost=f"{result['final_loss']:.3f}",
    )


# -- 1. the surface ---------------------------------------------------------------------
st.header(t("local_optima.surface_header"))
st.write(t("local_optima.surface_text", n_min=len(minima), n_local=len(minima) - 1))
xs, ys, z = compute.surface_grid(clo.SURFACE, 100)
cap = flo.display_cap(z, minima)
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
    fig = flo.surface_with_minima(
        xs,
        ys,
        z,
        minima,
        names,
        camera=camera,
        title=t("local_optima.surface_title"),
        legend_name=t("local_optima.minima"),
        cap=cap,
    )
    st.plotly_chart(fig, key="lo_surface")
with right:
    fig = flo.minima_contour(
        xs, ys, z, minima, names, title=t("local_optima.contour_title"), cap=cap
    )
    st.plotly_chart(fig, key="lo_minima_contour")
with st.expander(t("local_optima.table_title")):
    st.dataframe(
        {
            t("local_optima.col_name"): names,
            t("local_optima.col_kind"): [kind_names[m.kind] for m in minima],
            "x": [round(m.point[0], 4) for m in minima],
            "y": [round(m.point[1], 4) for m in minima],
            t("common.loss"): [round(m.value, 4) for m in minima],
        },
        hide_index=True,
    )

# -- 2. one start, two runs --------------------------------------------------------------
st.header(t("local_optima.start_header"))
st.write(t("local_optima.start_text"))
try:
    runs = clo.start_runs(lr, steps, x0, y0, noise, int(seed))
except ValueError:
    st.error(t("local_optima.error"))
    st.stop()
plain, noisy = runs["gd"], runs["noisy"]
left, right = st.columns([3, 2])
with left:
    fig = flo.paths_figure(
        xs,
        ys,
        z,
        minima,
        names,
        {
            plain_name: (plain["params"], figures.COLORS["gd"]),
            noisy_name: (noisy["params"], figures.COLORS["noisy"]),
        },
        (x0, y0),
        labels=labels,
        title=t("local_optima.paths_title"),
        start_name=t("common.start"),
        points_name=t("local_optima.minima"),
        stride=clo.frame_stride(len(plain["params"])),
        cap=cap,
    )
    st.plotly_chart(fig, key="lo_paths")
with right:
    for who, result in ((plain_name, plain), (noisy_name, noisy)):
        message = where_it_ended(who, result, steps)
        if result["label"] == DIVERGED:
            st.warning(message)
        else:
            st.markdown(message)
    if noise == 0:
        st.info(t("local_optima.no_noise"))
    elif plain["label"] == noisy["label"]:
        st.caption(t("local_optima.same_end"))
    curves = {
        plain_name: (plain["steps"], plain["loss"], figures.COLORS["gd"]),
        noisy_name: (noisy["steps"], noisy["loss"], figures.COLORS["noisy"]),
    }
    start_cost = max(plain["loss"][0], noisy["loss"][0])
    fig = flo.cost_figure(
        curves,
        floor=minima[0].value,
        ceiling=max(cap, start_cost) + 0.3,
        xlabel=t("common.step"),
        ylabel=t("common.loss"),
        title=t("local_optima.cost_title"),
        floor_label=names[0],
    )
    st.plotly_chart(fig, key="lo_costs")
left, right = st.columns(2)
with left:
    if plain["label"] != DIVERGED:
        k = int(plain["steps"][-1])
        (ax, ay), (bx, by) = plain["last"], plain["final"]
        gx, gy = (flo.latex_number(g) for g in plain["last_grad"])
        st.latex(
            rf"\begin{{aligned}}x_{{{k}}} &= x_{{{k - 1}}} - \alpha\,\nabla f(x_{{{k - 1}}})\\"
            rf"\begin{{pmatrix}}{bx:.4f}\\{by:.4f}\end{{pmatrix}} &= "
            rf"\begin{{pmatrix}}{ax:.4f}\\{ay:.4f}\end{{pmatrix}} - {lr:g}"
            rf"\begin{{pmatrix}}{gx}\\{gy}\end{{pmatrix}}\end{{aligned}}"
        )
        st.caption(t("local_optima.gd_formula", k=k))
with right:
    st.latex(
        rf"\begin{{aligned}}x_{{k+1}} &= x_k - \alpha\,\big(\nabla f(x_k) + \sigma\,\xi_k\big),"
        rf"\quad \xi_k \sim \mathcal N(0, I)\\ \alpha\,\sigma &= {lr:g}\cdot{noise:g}"
        rf" = {lr * noise:.3f}\end{{aligned}}"
    )
    st.caption(t("local_optima.noisy_formula", step=f"{lr * noise:.3f}"))
what_to_try("local_optima.try_start")

# -- 3. basins of attraction ----------------------------------------------------------------
st.header(t("local_optima.basin_header"))
st.write(t("local_optima.basin_text", n=clo.GRID, total=clo.GRID**2, steps=steps))
methods = [
    ("gd", 0.0, plain_name, figures.COLORS["gd"]),
    ("gd", noise, noisy_name, figures.COLORS["noisy"]),
]
if extra != "none":
    methods.append((extra, 0.0, t(f"common.optimizer.{extra}"), figures.COLORS[extra]))


def all_maps():
    return [clo.basin_map(opt, lr, steps, sigma, int(seed)) for opt, sigma, _, _ in methods]


try:
    maps = busy(all_maps)
except ValueError:
    st.error(t("local_optima.error"))
    st.stop()
fig = flo.basin_maps(
    [(name, bmap) for (_, _, name, _), bmap in zip(methods, maps, strict=True)],
    minima,
    names,
    unsettled=t("local_optima.unsettled"),
    diverged=t("local_optima.diverged"),
)
st.plotly_chart(fig, key="lo_basins")
if extra != "none":
    fixed = {k: f"{v:g}" for k, v in clo.EXTRA_HYPER[extra] if k != "eps"}
    st.caption(t(f"local_optima.extra_note.{extra}", lr=f"{lr:g}", **fixed))
st.markdown(f"**{t('local_optima.global_share_title')}**")
cols = st.columns(len(methods))
for col, (_, _, name, _), bmap in zip(cols, methods, maps, strict=True):
    share = bmap.shares
    delta = None
    if bmap is not maps[0]:
        delta = t(
            "local_optima.pp", v=f"{100 * (share.global_share - maps[0].shares.global_share):+.1f}"
        )
    col.metric(name, f"{100 * share.global_share:.1f}%", delta)
    if share.diverged or share.unsettled:
        col.caption(
            t(
                "local_optima.rest_share",
                unsettled=f"{100 * share.unsettled:.1f}",
                diverged=f"{100 * share.diverged:.1f}",
            )
        )
base = maps[0].shares
n_global = int(round(base.global_share * base.total))
st.latex(
    rf"p_\star = \frac{{N_\star}}{{N}} = \frac{{{n_global}}}{{{base.total}}}"
    rf" = {100 * base.global_share:.1f}\%"
)
st.caption(t("local_optima.share_explain", who=plain_name, radius=f"{maps[0].radius:.2f}"))
categories = [f"{n} ({m.value:.2f})" for n, m in zip(names, minima, strict=True)]
categories += [t("local_optima.unsettled"), t("local_optima.diverged")]
groups = {
    name: (list(bmap.shares.minima) + [bmap.shares.unsettled, bmap.shares.diverged], color)
    for (_, _, name, color), bmap in zip(methods, maps, strict=True)
}
fig = flo.share_bars(
    groups, categories, ylabel=t("local_optima.share_axis"), title=t("local_optima.bars_title")
)
st.plotly_chart(fig, key="lo_bars")
what_to_try("local_optima.try_basins")

# -- 4. saddle points ------------------------------------------------------------------------
st.header(t("local_optima.saddle_header"))
st.write(t("local_optima.saddle_text"))
try:
    sad = clo.saddle_runs(lr, offset, saddle_noise, int(seed))
except ValueError:
    st.error(t("local_optima.error"))
    st.stop()
s_plain, s_noisy = sad["gd"], sad["noisy"]
s_noisy_name = t("local_optima.noisy_name_sigma", sigma=f"{saddle_noise:g}")
left, right = st.columns(2)
with left:
    crawl = (0.0, sad["predicted"]) if np.isfinite(sad["predicted"]) else None
    fig = flo.gradient_norms(
        {
            plain_name: (s_plain["steps"], s_plain["grad_norm"], figures.COLORS["gd"]),
            s_noisy_name: (s_noisy["steps"], s_noisy["grad_norm"], figures.COLORS["noisy"]),
        },
        xlabel=t("common.step"),
        ylabel=r"‖∇f‖",
        title=t("local_optima.gradnorm_title"),
        shade=crawl,
        shade_label=t("local_optima.predicted_band"),
    )
    st.plotly_chart(fig, key="lo_gradnorm")
with right:
    sx, sy, sz = compute.surface_grid(clo.SADDLE, 100)
    points = clo.critical_points(clo.SADDLE)
    point_names = [kind_names[p.kind] for p in points]
    fig = flo.paths_figure(
        sx,
        sy,
        sz,
        points,
        point_names,
        {
            plain_name: (s_plain["params"], figures.COLORS["gd"]),
            s_noisy_name: (s_noisy["params"], figures.COLORS["noisy"]),
        },
        sad["start"],
        labels=labels,
        title=t("local_optima.saddle_title"),
        start_name=t("common.start"),
        points_name=t("local_optima.critical_points"),
        stride=clo.frame_stride(len(s_plain["params"])),
        cap=SADDLE_CAP,
    )
    st.plotly_chart(fig, key="lo_saddle")

lam = sad["curvature"]
if np.isfinite(sad["predicted"]):
    st.latex(
        rf"k \approx \frac{{\ln(r/\delta)}}{{\ln(1 + \alpha\,|\lambda_{{\min}}|)}} = "
        rf"\frac{{\ln({clo.SADDLE_RADIUS:g}/{offset:g})}}{{\ln(1 + {lr:g}\cdot{abs(lam):.3f})}}"
        rf" = {sad['predicted']:.1f}"
    )
else:
    st.latex(
        r"\delta = 0:\quad \nabla f(x, 0) = (2x,\ 0)\ \Rightarrow\ y_k = 0\quad (k = 0, 1, 2, \dots)"
    )
st.caption(t("local_optima.escape_formula", lam=f"{lam:.3f}", r=f"{clo.SADDLE_RADIUS:g}"))
for who, result in ((plain_name, s_plain), (s_noisy_name, s_noisy)):
    if result["label"] == DIVERGED:
        st.warning(t("common.diverged", name=who, step=result["diverged_at"]))
        continue
    if result["exit"] >= 0:
        exit_text = t("local_optima.saddle_exit", step=result["exit"])
    elif result["near"] == 0:
        exit_text = t("local_optima.saddle_never_near")
    else:
        exit_text = t("local_optima.saddle_no_exit", steps=clo.SADDLE_STEPS)
    ended = (
        t("local_optima.saddle_settled")
        if result["label"] >= 0
        else t("local_optima.saddle_unsettled")
    )
    st.markdown(
        t(
            "local_optima.saddle_result",
            who=who,
            near=result["near"],
            r=f"{clo.SADDLE_RADIUS:g}",
            exit=exit_text,
            ended=ended,
        )
    )
what_to_try("local_optima.try_saddle")
