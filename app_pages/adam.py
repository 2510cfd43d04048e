"""Adam: momentum's average of gradients + RMSprop's average of squares + bias correction.

Sidebar: the surface, the start, the steps, the βs and the learning rates (every section runs
on them). Sections 1, 2 and 4 are fragments with their own control (step k, coordinate, camera).
"""

import streamlit as st
from streamlit.errors import StreamlitAPIException

from optim_core.lessons import adam as lesson
from ui import cached, navigation, text
from ui.figures import CAMERAS
from ui.figures import adam as fig
from ui.formulas import adam as formulas
from ui.formulas.adam import display, heading, lines, paragraphs
from ui.numbers import text as num
from ui.widgets import Controls, busy, chart, glossary, lang, share_box, what_to_try

LR_KEYS = {"gd": "a_lr_gd", "momentum": "a_lr_m", "rmsprop": "a_lr_r", "adam": "a_lr_a"}
START_KEYS = ("a_x0", "a_y0")
DEFAULT_SURFACE = lesson.SURFACES[0]
CRITICAL = {"global": "common.global_min", "local": "common.local_min", "saddle": "common.saddle"}
LANG = lang()  # once per run: a session-state lookup costs ~25 µs, and a view shows ~100 strings


def t(key: str, /, **fields) -> str:
    """The catalog string ``key`` in this run's language (what ``ui.widgets.t`` gives)."""
    return text.get(key, LANG, **fields)


def fresh_start() -> None:
    """The own-start sliders start afresh at their defaults, the surface's start (their values
    are dropped, not set: a slider given a default must not also get a session-state value)."""
    for key in START_KEYS:
        st.session_state.pop(key, None)


def picked_rates() -> None:
    """The own learning rates start at the surface's picks: option controls with labels take
    no default of their own (``ui.widgets`` keeps their link), so their values are set here."""
    chosen = st.session_state.get("a_surf")
    picks = lesson.DEFAULT_LRS[chosen if chosen in lesson.SURFACES else DEFAULT_SURFACE]
    for name, key in LR_KEYS.items():
        st.session_state[key] = picks[name]


def another_surface() -> None:
    fresh_start()  # a moved start that lies on the new surface's area stays (in the link)
    picked_rates()


def start_slider(key: str, label: str, bounds, default: float) -> float:
    """One own-start slider over the surface's area: its own widget on each surface (its range
    is its identity), so another surface starts it afresh, keeping a moved value in range."""
    try:
        return controls.slider(key, label, *bounds, default, lesson.START_STEP)
    except StreamlitAPIException:  # the old surface's slider still holds ?key= and ui.widgets
        # cannot drop an out-of-range value bound to a widget: Streamlit drops it itself here
        where = dict(key=key, bind="query-params", persist_state="session")
        return st.slider(label, *bounds, default, lesson.START_STEP, **where)


st.title(t("adam.title"))
st.write(t("adam.intro"))

# -- controls (sidebar) -----------------------------------------------------------------------
# "Own start" and "own learning rates" start at the surface's values: those are the sliders'
# defaults, so a link that only turns them on opens with the same start and rates.
controls = Controls("adam")
with st.sidebar:
    st.subheader(t("adam.side_surface"))
    choice = dict(labels="adam.surf.{}", on_change=another_surface)
    surf = controls.selectbox(
        "a_surf", t("adam.surface"), lesson.SURFACES, DEFAULT_SURFACE, **choice
    )
    surf = surf if surf in lesson.SURFACES else DEFAULT_SURFACE  # ?a_surf= clears the control
    kappa = controls.slider(
        "a_kappa", t("adam.kappa"), *lesson.KAPPA, disabled=surf != "elongated_bowl"
    )
    own_start = controls.toggle("a_own", t("adam.own_start"), False, on_change=fresh_start)
    x0, y0 = lesson.DEFAULT_START[surf]
    if own_start:
        x_range, y_range = lesson.start_range(surf)
        x0 = start_slider("a_x0", t("adam.x0"), x_range, x0)
        y0 = start_slider("a_y0", t("adam.y0"), y_range, y0)
    else:
        st.caption(t("adam.start_now", x=num(x0), y=num(y0)))
    steps = controls.select_slider("a_n", t("adam.steps"), lesson.STEPS, lesson.STEPS_DEFAULT)

    st.subheader(t("adam.side_adam"))
    b1 = controls.slider("a_b1", t("adam.b1"), *lesson.B1, format="%.2f")
    b2 = controls.select_slider("a_b2", t("adam.b2"), lesson.BETA2, lesson.B2_DEFAULT)
    bc = controls.toggle("a_bc", t("adam.bc"), True, help=t("adam.bc_help"))

    st.subheader(t("adam.side_lr"))
    tune = controls.toggle("a_tune", t("adam.tune"), False, on_change=picked_rates)
    names = {n: t(f"common.optimizer.{n}") for n in lesson.RACERS}
    picked = lesson.DEFAULT_LRS[surf]
    lr_of = {n: t("adam.lr_of", name=names[n]) for n in names}
    rates = dict(labels="adam.rate.{}")
    lrs = [
        controls.select_slider(k, lr_of[n], lesson.LRS, picked[n], **rates)
        for n, k in LR_KEYS.items()
        if tune
    ]
    if not tune:
        items = [t("adam.lr_item", name=names[n], lr=num(picked[n])) for n in names]
        st.caption(t("adam.lrs_now", items=t("adam.list_sep").join(items)))
    controls.reset_button()
share_box()
glossary("condition", "hessian", "eigen", where=st.sidebar)

try:
    setup = lesson.setup(surf, kappa, own_start, x0, y0, steps, b1, b2, bc, tune, tuple(lrs))
    standings = busy(cached.adam_standings, setup)
except ValueError as err:  # every control is bounded; this guards a bad combination
    st.error(t("common.bad_value", detail=str(err)), icon=":material/error:")
    st.stop()

surface_name, on_off = t(f"adam.surf.{setup.surface}"), t("adam.on" if setup.bc else "adam.off")
st.caption(t("adam.setup", surface=surface_name, bc=on_off, **formulas.setup_numbers(setup)))

# -- 1. three pieces ----------------------------------------------------------------------------
st.markdown(paragraphs(heading(t("adam.s1_title")), t("adam.s1_text")))
linked = {c.key: c.file for c in navigation.PAGES}
pieces = (
    ("momentum", formulas.MOMENTUM, "adam.piece_momentum"),
    ("rmsprop", formulas.RMSPROP, "adam.piece_rmsprop"),
    ("ewa", formulas.CORRECTION, "adam.piece_correction"),
)
for col, (concept, formula, key) in zip(st.columns(3), pieces, strict=True):
    col.markdown(paragraphs(t(f"{key}_title"), display(formula), t(key)))
    page = t(f"nav.{concept}")
    if concept in linked:
        col.page_link(linked[concept], label=t("adam.from_page", page=page))
    else:
        col.caption(t("adam.from_page_soon", page=page))
st.markdown(paragraphs(display(formulas.UPDATE), t("adam.update_text")))
with st.expander(t("adam.code_title"), icon=":material/code:"):
    st.caption(t("adam.code_text"))
    st.code(lesson.UPDATE_SOURCE, language="python")


@st.fragment
def live_section(s: lesson.Setup) -> None:
    """Step k of the Adam run: its slider, the four lines per coordinate, the moves chart."""
    k = controls.slider("a_k", t("adam.k"), *lesson.K)
    live = cached.adam_live(s, k)
    if live.n_ok == 0:
        st.warning(t("common.diverged", name=names["adam"], step=live.diverged_at))
        return
    if live.clamped:
        st.info(t("adam.k_clamped", k=live.wanted, shown=live.k))
    coords = [
        paragraphs(
            t("adam.coord_label", coord=c.name, g=num(c.g)),
            display(formulas.live_coordinate(live, c)),
        )
        for c in live.coords
    ]
    no_bc = "" if live.bc else t("adam.live_no_bc")
    st.markdown(paragraphs(t("adam.live_text", k=live.k), *coords, no_bc))
    words = {key: t(f"adam.moves_{key}", k=live.k) for key in fig.MOVES_LABELS}
    chart(cached.adam_moves_figure(s, k, labels=words), key="adam_moves")
    st.markdown(t("adam.moves_caption", **formulas.moves_fields(live)))
    what_to_try("adam.s1_try")


live_section(setup)


# -- 2. bias correction close up ----------------------------------------------------------------
@st.fragment
def closeup_section(s: lesson.Setup) -> None:
    """The first 30 steps of one coordinate (its own control) and the first move."""
    st.markdown(paragraphs(heading(t("adam.s2_title")), t("adam.s2_text")))
    coord = controls.segmented("a_c", t("adam.coord"), lesson.COORDS, lesson.COORDS[0])
    near = cached.adam_closeup(s, coord if coord in lesson.COORDS else lesson.COORDS[0])
    if near.count == 0:
        st.warning(t("common.diverged", name=names["adam"], step=near.diverged_at))
    else:
        keys = ("g", "v", "v_hat", "g2", "s", "s_hat")
        labels = {key: t(f"adam.trace_{key}") for key in keys} | {
            side: t(f"adam.closeup_{side}", coord=near.coord) for side in ("left", "right")
        }
        chart(cached.adam_closeup_figure(s, near.coord, labels=labels), key="adam_closeup")
        st.markdown(formulas.closeup_look(near, t))
    numbers = formulas.first_fields(near, s)
    first = t("adam.first_text", coord=near.coord, g=num(near.g1), lr=num(near.lr))
    compare, why = t("adam.first_compare", **numbers), t("adam.why", **numbers)
    st.markdown(paragraphs(first, display(formulas.first(near)), compare, why))
    what_to_try("adam.s2_try", **formulas.closeup_try_fields())


closeup_section(setup)

# -- 3. the race --------------------------------------------------------------------------------
st.markdown(
    paragraphs(heading(t("adam.s3_title")), t("adam.s3_text", b1=num(setup.b1), b2=num(setup.b2)))
)
race_words = {key: t(f"common.{key}") for key in ("play", "pause", "step", "start")} | {
    kind: t(key) for kind, key in CRITICAL.items()
}
chart(cached.adam_race_figure(setup, names=names, labels=race_words), key="adam_race")
st.markdown(formulas.race_look(standings, setup, names, t))
spacing = standings.spacing
if spacing.count < setup.steps + 1:  # the note says which steps the frames are
    st.caption(t("adam.frames_note", **formulas.spacing_fields(spacing)))
rows = standings.rows
for name in lesson.RACERS:
    if rows[name].diverged >= 0:
        st.warning(t("common.diverged", name=names[name], step=rows[name].diverged))
    elif rows[name].left_map >= 0:
        st.info(t("adam.left_map", name=names[name], step=rows[name].left_map))
costs = cached.adam_costs_figure(setup, names=names, xlabel=t("common.step"), ylabel=t("adam.gap"))
chart(costs, key="adam_costs")
st.caption(t("adam.cost_caption"))
st.markdown(formulas.costs_look(standings, cached.adam_spikes(setup), names, t))
table = formulas.results_table(standings, names, t)
why = formulas.why_race(standings, setup, t)
notes = lines(t("adam.table_caption", steps=setup.steps), "" if tune else t("adam.default_lrs"))
showcase = t("adam.showcase", **formulas.showcase_fields(cached.adam_showcase()))
st.markdown(paragraphs(formulas.verdict(standings, names, t), table, notes, why, showcase))
what_to_try("adam.s3_try", **formulas.race_try_fields())


# -- 4. the surface in 3-D ----------------------------------------------------------------------
@st.fragment
def surface_section(s: lesson.Setup) -> None:
    """The same paths on the surface (its own camera control)."""
    st.markdown(paragraphs(heading(t("adam.s4_title")), t("adam.s4_text")))
    cam = controls.segmented(
        "cam", t("common.camera"), tuple(CAMERAS), "iso", labels="common.camera.{}"
    )
    view = cached.adam_surface_figure(
        s,
        cam if cam in CAMERAS else "iso",  # ?cam= empties the control
        names=names,
        zlabel=t("adam.height"),
        zlabel_log=t("adam.height_log"),
    )
    chart(view, key="adam_surface")
    st.markdown(formulas.surface_look(cached.adam_heights(s), names, t))
    what_to_try("adam.s4_try")


surface_section(setup)
