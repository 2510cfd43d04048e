"""The optimizer race: six optimizers from one start on one surface (built in or typed).

Sidebar: the surface (or a typed f(x, y) and its box), the racers, the start, the steps,
the fairness mode, the shared rate and the schedule. Main: the map (click it to move the
start), the verdict and table, the cost and rate per step, the progress, the fairness
comparison, the 3-D view (a fragment with its camera) and the schedule lesson.
"""

import streamlit as st
from streamlit.errors import StreamlitAPIException

from optim_core.lessons import race as lesson
from optim_core.lessons.race import RACERS
from ui import cached, text
from ui.figures import CAMERAS
from ui.figures import race as fig
from ui.formulas import race as formulas
from ui.formulas.adam import display, heading, lines, paragraphs
from ui.numbers import text as num
from ui.widgets import Controls, busy, chart, lang, share_box, what_to_try

START_KEYS = ("r_x0", "r_y0")
BOX_KEYS = ("r_xlo", "r_xhi", "r_ylo", "r_yhi")
CLICKED = "_race_clicked"  # the start a click asked for, taken by the sliders on the rerun
LANG = lang()


def t(key: str, /, **fields) -> str:
    """The catalog string ``key`` in this run's language."""
    return text.get(key, LANG, **fields)


def fresh_start() -> None:
    """Another surface starts at its own start (the sliders' values are dropped, not set)."""
    for key in START_KEYS:
        st.session_state.pop(key, None)


def use_example(expression: str, box) -> None:
    st.session_state["r_expr"] = expression
    for key, value in zip(BOX_KEYS, box, strict=True):
        st.session_state[key] = value
    fresh_start()


def start_slider(key: str, label: str, bounds, default: float, clicked) -> float:
    """One start slider over the box (a clicked start is set before it is drawn); a value the
    box no longer holds is moved onto it."""
    if clicked is not None:
        st.session_state[key] = clicked
    held = st.session_state.get(key)
    if isinstance(held, float | int) and not bounds[0] <= held <= bounds[1]:
        st.session_state[key] = min(max(float(held), bounds[0]), bounds[1])
    args = (key, label, *bounds, default, formulas.START_STEP)
    try:
        return controls.slider(*args, format="%.3f", help=t("race.start_help"))
    except StreamlitAPIException:  # the link's value lies off this box: Streamlit drops it
        where = dict(key=key, bind="query-params", persist_state="session")
        return st.slider(label, *bounds, default, formulas.START_STEP, format="%.3f", **where)


st.title(t("race.title"))
st.markdown(t("race.intro"))
st.html(formulas.SCROLLING_TABLES)

# -- controls (sidebar) -------------------------------------------------------------------------
controls = Controls("race")
names = formulas.names_of(t)
with st.sidebar:
    st.subheader(t("race.side_surface"))
    surf = controls.selectbox(
        "r_surf",
        t("race.surface"),
        formulas.SURFACES,
        formulas.DEFAULT_SURFACE,
        labels="race.surf.{}",
        on_change=fresh_start,
    )
    surf = surf if surf in formulas.SURFACES else formulas.DEFAULT_SURFACE
    typed_text, typed_box, problem = "", formulas.TYPED_BOX, None
    if surf == formulas.TYPED:
        typed_text = controls.text(
            "r_expr",
            t("race.expression"),
            formulas.TYPED_EXPRESSION,
            formulas.MAX_CHARS,
            help=t("race.expression_help"),
        )
        under_text = st.container()  # what is wrong with the text goes right under it
        typed_box = tuple(
            controls.number(
                key, t(f"race.{key[2:]}"), -formulas.BOX_LIMIT, formulas.BOX_LIMIT, d, 1
            )
            for key, d in zip(BOX_KEYS, formulas.TYPED_BOX, strict=True)
        )
        problem = formulas.box_problem(typed_box, t)
        if problem:  # under the box
            st.error(problem, icon=":material/error:")
        else:
            problem = formulas.function_problem(typed_text, typed_box, cached.race_typed, t)
            if problem:
                under_text.error(problem, icon=":material/error:")
        st.caption(t("race.examples_title"))
        for i, (expression, box) in enumerate(formulas.EXAMPLES):
            st.button(
                f"`{expression}`",
                key=f"_race_example_{i}",
                on_click=use_example,
                args=(expression, box),
                help=t("race.example_help", box=formulas.box_text(box)),
            )
        with st.expander(t("race.allowed_title"), icon=":material/function:"):
            st.markdown(t("race.examples_text", functions=formulas.functions_list()))
    box = formulas.box_of(surf, typed_box) if problem is None else None

    st.subheader(t("race.side_racers"))
    racers = controls.multi("r_racers", t("race.racers"), RACERS, RACERS, labels="race.racer.{}")
    st.subheader(t("race.side_start"))
    start = formulas.default_start(surf, box) if box else (0.0, 0.0)
    if box:
        clicked = st.session_state.pop(CLICKED, None) or (None, None)
        start = tuple(
            start_slider(key, t(f"race.{key[2:]}"), formulas.slider_range(box, i), start[i], at)
            for i, (key, at) in enumerate(zip(START_KEYS, clicked, strict=True))
        )
        st.caption(t("race.click_hint"))
    steps = controls.slider("r_steps", t("race.steps"), *formulas.STEPS)

    st.subheader(t("race.side_rates"))
    mode = controls.segmented(
        "r_fair", t("race.fair"), lesson.LR_MODES, "shared", labels="race.fair.{}"
    )
    mode = mode if mode in lesson.LR_MODES else "shared"
    st.caption(t(f"race.fair_help.{mode}", rates=formulas.rates_text()))
    lr = controls.select_slider("r_rate", t("race.lr"), lesson.RATES, lesson.LR)
    sched = controls.selectbox(
        "r_sched", t("race.schedule"), formulas.SCHEDULES, "constant", labels="race.sched.{}"
    )
    sched = sched if sched in formulas.SCHEDULES else "constant"
    param = None
    if sched in formulas.PARAMS:
        key, options, default = formulas.PARAMS[sched]
        param = controls.select_slider(key, t(f"race.param.{sched}"), options, default)
    controls.reset_button()
share_box()

if problem is not None:
    st.info(t("race.fix_function"), icon=":material/edit:")
    st.stop()
if not racers:
    st.info(t("race.racers_none"), icon=":material/group_add:")
    st.stop()

s = formulas.Setting(surf, typed_text, box, start, tuple(racers), steps, lr, sched, param)
try:
    board = busy(cached.race_board, s.surface, s.expression, s.box)
    shared, tuned = (busy(cached.race_race, s, m) for m in lesson.LR_MODES)
except ValueError as err:  # the typed function has no value at the start, or another refusal
    st.error(formulas.run_problem(err, s, t), icon=":material/error:")
    st.stop()
race = tuned if mode == "tuned" else shared
fair = lesson.compare(shared, tuned)
st.caption(formulas.setting_line(s, race, names, t))
if formulas.gaps(board):
    st.warning(t("race.gaps", count=formulas.gaps(board)), icon=":material/warning:")

with st.expander(t("race.rules_title"), icon=":material/functions:"):
    st.markdown(formulas.rules_markdown(t))

# -- 1. the race on the map -----------------------------------------------------------------------
st.markdown(paragraphs(heading(t("race.s1_title")), t("race.s1_text")))
map_words = formulas.words("race.map", fig.MAP_LABELS, t)
event = chart(
    cached.race_map_figure(s, mode, LANG, names, map_words),
    key="race_map",
    on_select="rerun",
    selection_mode="points",
)
moved = formulas.clicked(event, s.box, s.start)
if moved is not None:  # a click on the map: the sliders (and so the link) take it on the rerun
    st.session_state[CLICKED] = moved
    st.rerun()
st.markdown(formulas.map_look(race, names, t))
if steps > fig.FRAMES:
    st.caption(t("race.frames_note", frames=fig.FRAMES, steps=steps))
for r in race.racers:
    if r.diverged_at >= 0:
        st.warning(t("race.diverged", name=names[r.name], step=r.diverged_at, lr=num(r.lr)))

# -- 2. who won ---------------------------------------------------------------------------------
table = formulas.results_table(race, names, t)
notes = lines(t("race.table_caption", steps=steps), formulas.tolerance_note(race, t))
st.markdown(paragraphs(heading(t("race.s2_title")), formulas.verdict(race, names, t), table, notes))

# -- 3. cost and rate per step, and the progress ------------------------------------------------
st.markdown(paragraphs(heading(t("race.s3_title")), t("race.s3_text")))
loss_words = formulas.words("race.loss", fig.LOSS_LABELS, t, **formulas.loss_fields(s, race))
chart(cached.race_loss_figure(s, mode, LANG, names, loss_words), key="race_loss")
st.markdown(formulas.loss_look(race, formulas.reference(s.surface, race), names, t))
progress_words = formulas.words("race.progress", fig.PROGRESS_LABELS, t)
chart(cached.race_progress_figure(s, mode, LANG, names, progress_words), key="race_progress")
st.markdown(formulas.progress_look(race, names, t))

# -- 4. fairness --------------------------------------------------------------------------------
st.markdown(
    paragraphs(
        heading(t("race.s4_title")),
        formulas.fairness_sentence(fair, names, t),
        t("race.s4_how", rates=formulas.rates_text()),
        formulas.rmsprop_note(tuned, t),
    )
)
with st.expander(t("race.tuning_title"), icon=":material/table_chart:"):
    st.markdown(paragraphs(formulas.tuning_table(tuned, names, t), t("race.tuning_caption")))


# -- 5. the surface in 3-D ----------------------------------------------------------------------
@st.fragment
def surface_section(s: formulas.Setting, mode: str) -> None:
    """The same paths on the surface (its own camera control)."""
    st.markdown(paragraphs(heading(t("race.s5_title")), t("race.s5_text")))
    cam = controls.segmented(
        "cam", t("common.camera"), tuple(CAMERAS), "iso", labels="common.camera.{}"
    )
    cam = cam if cam in CAMERAS else "iso"
    zlabel = t("race.height_log" if board.log_scale else "race.height")
    chart(cached.race_surface_figure(s, mode, cam, LANG, names, zlabel), key="race_surface")
    st.markdown(formulas.surface_look(race, board, names, t))


surface_section(s, mode)

# -- 6. schedules: settling instead of jittering ------------------------------------------------
case = cached.race_settling()
fields = formulas.settling_fields(case)
st.markdown(
    paragraphs(
        heading(t("race.s6_title")),
        t("race.s6_text"),
        display(formulas.schedule_formula(sched, param, lr, steps)),
        t("race.s6_case", **fields),
    )
)
settling_words = formulas.words("race.settling", fig.SETTLING_LABELS, t, **fields)
chart(cached.race_settling_figure(LANG, names[case.racer], settling_words), key="race_settling")
st.markdown(formulas.settling_look(case, t))
what_to_try("race.try", **formulas.case_fields(cached.race_fairness_case(), names, t))
