"""Gradient descent: the cost of ŷ = W·x on tips data as a parabola, the slope, the step size."""

import math

import streamlit as st

from ui import compute_gradient_descent as cgd
from ui import figures
from ui.figures import gradient_descent as fgd
from ui.numbers import latex as tex
from ui.numbers import text as num
from ui.widgets import Controls, share_box, t, what_to_try

PAGE = "gradient_descent"
DEFAULT_LR = 0.001
RATES_2D = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.3, 1.6, 1.9, 2.0, 2.05)
CAMERA_NAMES = tuple(figures.CAMERAS)


info = cgd.lesson()
LR_OPTIONS = cgd.lr_options()
SPECIAL = {info["one"]: "1/C'' = ", info["two"]: "2/C'' = "}


def lr_label(v: float) -> str:
    """Language-free label (it is also what the URL stores)."""
    return f"{SPECIAL[v]}{v:.4g}" if v in SPECIAL else f"{v:.3g}"


def set_lr(value: float) -> None:
    st.session_state["gd_lr"] = value


def move_k(delta: int, last: int) -> None:
    st.session_state["gd_k"] = min(max(st.session_state.get("gd_k", 0) + delta, 0), last)


def texp(v, digits: int = 4) -> str:
    """Like :func:`tex`, in parentheses when negative (for products)."""
    return f"({tex(v, digits)})" if v < 0 else tex(v, digits)


# -- page -------------------------------------------------------------------------------------
st.title(t("gradient_descent.title"))
st.write(t("gradient_descent.intro"))

# the data and the expansion
st.header(t("gradient_descent.data_title"))
m = info["m"]
data_left, data_right = st.columns([2, 3])
with data_left:
    st.write(
        t(
            "gradient_descent.data_text",
            m=m,
            w_star=num(info["w_star"]),
            percent=f"{100 * info['w_star']:.1f}",
        )
    )
    st.caption(t("gradient_descent.first_rows"))
    st.dataframe(
        {t("gradient_descent.bill"): info["x"][:6], t("gradient_descent.tip"): info["y"][:6]},
        hide_index=True,
        height=250,
    )
with data_right:
    st.write(t("gradient_descent.expansion_text", m=m))
    st.latex(
        r"C(W) = \frac{1}{2m}\sum_{i=1}^{m}(W x_i - y_i)^2"
        r"= \frac{\sum x_i^2}{2m}\,W^2 - \frac{\sum x_i y_i}{m}\,W + \frac{\sum y_i^2}{2m}"
    )
    st.latex(
        rf"= \frac{{{tex(info['sum_x2'], 6)}}}{{2\cdot{m}}}\,W^2"
        rf"- \frac{{{tex(info['sum_xy'], 6)}}}{{{m}}}\,W"
        rf"+ \frac{{{tex(info['sum_y2'], 6)}}}{{2\cdot{m}}}"
    )
    st.latex(
        rf"= {tex(info['a'], 5)}\,W^2 - {tex(-info['b'], 5)}\,W + {tex(info['c'], 4)}"
        rf"\qquad W^* = -\tfrac{{b}}{{2a}} = {tex(info['w_star'])}"
    )

# controls (sidebar)
controls = Controls(PAGE, st.sidebar)
st.sidebar.subheader(t("gradient_descent.controls"))
lr = controls.select_slider(
    "gd_lr",
    t("gradient_descent.lr"),
    LR_OPTIONS,
    DEFAULT_LR,
    format_func=lr_label,
    help=t("gradient_descent.lr_help"),
)
preset_one, preset_two = st.sidebar.columns(2)
preset_one.button(
    t("gradient_descent.preset_one"),
    on_click=set_lr,
    args=(info["one"],),
    key="_gd_one",
    help=t("gradient_descent.preset_help"),
    width="stretch",
)
preset_two.button(
    t("gradient_descent.preset_two"),
    on_click=set_lr,
    args=(info["two"],),
    key="_gd_two",
    help=t("gradient_descent.preset_help"),
    width="stretch",
)
w0 = controls.slider("gd_w0", t("gradient_descent.w0"), -0.5, 0.8, 0.5, 0.01)
steps = controls.slider("gd_steps", t("gradient_descent.steps"), 2, 200, 25, 1)
last = steps - 1
if st.session_state.get("gd_k", 0) > last:
    st.session_state["gd_k"] = last
k = controls.slider("gd_k", t("gradient_descent.k"), 0, last, 0, 1)
back, forward = st.sidebar.columns(2)
back.button(
    t("gradient_descent.prev"),
    on_click=move_k,
    args=(-1, last),
    key="_gd_back",
    icon=":material/chevron_left:",
    width="stretch",
    disabled=k <= 0,
)
forward.button(
    t("gradient_descent.next"),
    on_click=move_k,
    args=(1, last),
    key="_gd_fwd",
    icon=":material/chevron_right:",
    width="stretch",
    disabled=k >= last,
)

# the run
run = cgd.run_1d(lr, w0, steps)
w_path, loss_path = run.params[:, 0], run.loss
diverged_at = int(run.diverged_at)
# frames: update j -> j+1 while W_{j+1} is still a number
n_frames = steps if diverged_at < 0 else max(1, min(steps, diverged_at - 1))
shown = min(k, n_frames - 1)
a, b, c = info["a"], info["b"], info["c"]
c2, one, two = info["c2"], info["one"], info["two"]


table = cgd.step_table(lr, w0, steps)  # W_j, slope, -α·slope, W_{j+1} of every update


def numbers(j: int) -> dict:
    return {key: float(column[j]) for key, column in table.items()}


notes = []
for j in range(n_frames):
    nb = numbers(j)
    notes.append(
        t(
            "gradient_descent.note",
            k=j,
            w=num(nb["w"]),
            slope=num(nb["slope"]),
            move=num(nb["move"]),
            new=num(nb["new"]),
        )
    )

st.header(t("gradient_descent.run_title"))
if diverged_at > 0:
    st.error(
        t("common.diverged", name=t("common.optimizer.gd"), step=diverged_at)
        + " "
        + t("gradient_descent.diverged_extra", lr=num(lr), two=num(two)),
        icon=":material/warning:",
    )
fig_labels = {
    key: t(f"gradient_descent.fig.{key}")
    for key in (
        "title_parabola",
        "title_data",
        "title_cost",
        "parabola",
        "best",
        "best_line",
        "data",
        "path",
        "tangent",
        "step_arrow",
        "current",
        "model",
        "cost_log",
    )
}
fig_labels.update(
    cost=t("common.loss"),
    step=t("common.step"),
    play=t("common.play"),
    pause=t("common.pause"),
    bill=t("gradient_descent.bill"),
    tip=t("gradient_descent.tip"),
)
fig = fgd.descent_figure(
    coefficients=(a, b, c),
    w_path=w_path,
    loss_path=loss_path,
    x=info["x"],
    y=info["y"],
    k=shown,
    labels=fig_labels,
    notes=notes,
)
st.plotly_chart(fig, key="gd_descent")
st.caption(t("gradient_descent.play_hint"))

# formulas with the live numbers of step `shown`
st.subheader(t("gradient_descent.formulas_title", k=shown))
if shown != k:
    st.info(t("gradient_descent.shown_last", step=diverged_at, k=shown))
nb = numbers(shown)
formula, words = st.columns([3, 2])
with formula:
    st.latex(
        rf"\begin{{aligned}}\frac{{\partial C}}{{\partial W}}\Big|_{{W_{{{shown}}}}}"
        rf"&= 2a\,W_{{{shown}}} + b \\"
        rf"&= 2\cdot{tex(a, 5)}\cdot{texp(nb['w'])} - {tex(-b, 5)} = {tex(nb['slope'])}"
        r"\end{aligned}"
    )
with words:
    st.write(t("gradient_descent.explain_slope", k=shown, slope=num(nb["slope"])))
formula, words = st.columns([3, 2])
with formula:
    st.latex(
        rf"\begin{{aligned}}W_{{{shown + 1}}} &= W_{{{shown}}}"
        rf"- \alpha\,\frac{{\partial C}}{{\partial W}}\Big|_{{W_{{{shown}}}}} \\"
        rf"&= {tex(nb['w'])} - {tex(lr)}\cdot({tex(nb['slope'])}) = {tex(nb['new'])}"
        r"\end{aligned}"
    )
with words:
    sign = "positive" if nb["slope"] > 0 else "negative" if nb["slope"] < 0 else "zero"
    st.write(t(f"gradient_descent.explain_{sign}"))
factor = 1 - lr * c2
formula, words = st.columns([3, 2])
with formula:
    st.latex(
        rf"\begin{{aligned}}W_{{{shown + 1}}} - W^* &= (1 - \alpha C'')\,(W_{{{shown}}} - W^*)"
        r" \\"
        rf"&= ({tex(factor)})\cdot({tex(nb['w'] - info['w_star'])})"
        rf"= {tex(nb['new'] - info['w_star'])}\end{{aligned}}"
    )
with words:
    st.write(t("gradient_descent.explain_factor"))

# regimes
st.subheader(t("gradient_descent.regimes_title"))
st.write(t("gradient_descent.regimes_text"))
st.latex(
    rf"C'' = \frac{{\sum x_i^2}}{{m}} = {tex(c2, 5)}, \qquad"
    rf"\frac{{1}}{{C''}} = {tex(one)}, \qquad \frac{{2}}{{C''}} = {tex(two)}, \qquad"
    rf"1 - \alpha C'' = 1 - {tex(lr)}\cdot{tex(c2, 5)} = {tex(factor)}"
)
st.markdown(t("gradient_descent.regime_list"))
regime = cgd.regime(lr)
message = t(
    f"gradient_descent.regime.{regime}",
    lr=num(lr),
    one=num(one),
    two=num(two),
    factor=num(factor, 3),
    growth=num(abs(factor), 3),
)
{
    "creep": st.info,
    "one_step": st.success,
    "overshoot": st.info,
    "bounce": st.warning,
    "diverge": st.error,
}[regime](message)
what_to_try("gradient_descent.try")

# -- two parameters --------------------------------------------------------------------------
st.header(t("gradient_descent.two_title"))
st.write(t("gradient_descent.two_intro"))
lo_raw, hi_raw = info["eig_raw"]
st.latex(
    rf"\kappa_{{\text{{raw}}}} = \frac{{\lambda_{{\max}}}}{{\lambda_{{\min}}}}"
    rf"= \frac{{{tex(hi_raw)}}}{{{tex(lo_raw)}}} = {tex(info['kappa_raw'])}"
    rf"\qquad \kappa_{{\text{{std}}}} = \frac{{{tex(info['eig_std'][1])}}}"
    rf"{{{tex(info['eig_std'][0])}}} = {tex(info['kappa_std'])}"
)
st.write(
    t(
        "gradient_descent.condition_text",
        kappa_raw=f"{info['kappa_raw']:,.0f}",
        kappa_std=num(info["kappa_std"], 3),
        mean=num(info["x_mean"]),
        std=num(info["x_std"]),
    )
)
st.info(t("gradient_descent.momentum_hint"), icon=":material/speed:")

set_a, set_b, set_c = st.columns(3)
raw = controls.toggle("gd_raw", t("gradient_descent.raw"), False, where=set_a)
rate = controls.select_slider(
    "gd_r2",
    t("gradient_descent.rate"),
    RATES_2D,
    0.3,
    help=t("gradient_descent.rate_help"),
    where=set_a,
)
w_start = controls.slider("gd_w2", t("gradient_descent.w_start"), -3.0, 5.0, -2.5, 0.1, where=set_b)
b_start = controls.slider("gd_b2", t("gradient_descent.b_start"), -2.0, 6.0, 5.5, 0.1, where=set_b)
steps2 = controls.slider("gd_n2", t("gradient_descent.steps2"), 5, 300, 40, 5, where=set_c)
camera = controls.segmented(
    "cam", t("common.camera"), CAMERA_NAMES, "iso", labels="common.camera.{}", where=set_c
)

valley = cgd.run_2d(rate, w_start, b_start, steps2, raw)
traj = valley["traj"]
path = traj.params
diverged2 = int(traj.diverged_at)
if diverged2 > 0:
    st.error(t("common.diverged", name=t("common.optimizer.gd"), step=diverged2))
elif abs(valley["fast_factor"]) > 1:
    st.warning(t("gradient_descent.growing", factor=num(abs(valley["fast_factor"]), 3)))
notes2 = [
    t("gradient_descent.note2", k=j, w=num(p[0]), b=num(p[1]), cost=num(cst))
    for j, (p, cst) in enumerate(zip(path, traj.loss, strict=True))
]
labels2 = {
    "play": t("common.play"),
    "pause": t("common.pause"),
    "step": t("common.step"),
    "best": t("gradient_descent.fig.best").replace("W*", "(w*, b*)"),
    "path": t("common.optimizer.gd"),
}
xs, ys, z = cgd.grid_2d(raw)
left, right = st.columns(2)
with left:
    st.subheader(t("gradient_descent.contour_title"))
    st.plotly_chart(
        fgd.valley_contour(xs, ys, z, path, valley["optimum"], labels=labels2, notes=notes2),
        key="gd_contour",
    )
with right:
    st.subheader(t("gradient_descent.surface_title"))
    st.plotly_chart(
        fgd.valley_surface(
            xs,
            ys,
            z,
            path,
            traj.loss,
            valley["optimum"],
            valley["cost_star"],
            labels=labels2,
            camera=camera,
            notes=notes2,
        ),
        key="gd_surface",
    )
    st.caption(t("gradient_descent.surface_hint"))
gap = float(traj.loss[-1] - valley["cost_star"]) if diverged2 < 0 else math.inf
needed = valley["steps_needed"]
st.write(
    t(
        "gradient_descent.two_result",
        lr=num(valley["lr"]),
        fast=num(valley["fast_factor"]),
        slow=num(valley["slow_factor"], 6),
        steps=steps2,
        gap=num(gap, 3),
        needed=f"{needed:,}" if math.isfinite(needed) else t("gradient_descent.never"),
    )
)
what_to_try("gradient_descent.try2")

controls.reset_button()
share_box()
