"""Local optima: gradient descent ends in the dip it starts in; noise can carry it elsewhere.

The sidebar holds the settings every run shares (α, steps, noise, seed); a control that
changes one section only lives in that section, which runs as a fragment: moving it
reruns and re-sends that section alone.
"""

import streamlit as st

from optim_core.lessons import local_optima as lesson
from ui import cached, figures, text
from ui.formulas import local_optima as formulas
from ui.widgets import Controls, busy, chart, glossary, lang, share_box, what_to_try

LANG = lang()  # read once per run (a language change reruns the whole page)


def t(key: str, **fields) -> str:
    """The catalog string ``key`` in this run's language."""
    return text.get(key, LANG, **fields)


def lo(key: str, **fields) -> str:
    """The page's own catalog string ``local_optima.<key>``."""
    return text.get(f"local_optima.{key}", LANG, **fields)


st.title(lo("title"))
st.write(lo("intro"))

# -- the settings every section shares (all bound to the URL) -------------------------------------
controls = Controls("local_optima", st.sidebar)
st.sidebar.subheader(lo("side.descent"))
lr = controls.slider("lr", lo("lr"), 0.005, 0.12, 0.05, 0.005, format="%.3f")
steps = controls.slider("steps", lo("steps"), 50, 1000, 500, 50)
noise = controls.slider("noise", lo("noise"), 0.0, 6.0, 2.0, 0.25)
seed = controls.number("nseed", lo("seed"), *lesson.SEEDS, 0, 1)  # lessons clamp it
controls.reset_button(st.sidebar)
share_box()
glossary("hessian", "eigen", "pp", where=st.sidebar)

land = cached.local_optima_landscape()
names = [
    lo("min_global") if kind == "global" else lo("min_local", i=i)
    for i, kind in enumerate(land.kinds)
]
kind_names = {
    "global": t("common.global_min"),
    "local": t("common.local_min"),
    "saddle": t("common.saddle"),
}
method_names = {key: t(f"common.optimizer.{key}") for key in ("gd", "momentum", "adam")}
method_names["noisy"] = lo("noisy_name")
plain_name, noisy_name = method_names["gd"], method_names["noisy"]
labels = {key: t(f"common.{key}") for key in ("play", "pause", "step", "start")}


def section(name: str, **fields) -> None:
    """A section's header and its text (``<name>_header``, ``<name>_text``) as one message."""
    st.markdown(f"## {lo(name + '_header')}\n\n{lo(name + '_text', **fields)}")


def where_it_ended(who: str, run, n_steps: int) -> str:
    """One sentence naming the minimum a run reached (or that it did not settle)."""
    if run.outcome == "diverged":
        return t("common.diverged", name=who, step=run.diverged_at)
    at = dict(who=who, x=f"{run.final[0]:.2f}", y=f"{run.final[1]:.2f}")
    if run.outcome == "unsettled":
        return lo("ended_unsettled", steps=n_steps, **at)
    value, cost = f"{run.end_value:.3f}", f"{run.final_loss:.3f}"
    return lo(f"ended_{run.outcome}", name=names[run.label], value=value, cost=cost, **at)


# -- 1. the surface ---------------------------------------------------------------------
section("surface", n_min=land.n_minima, n_local=land.n_local)


@st.fragment
def surface_section() -> None:
    """The 3-D view and its camera presets (the map of the minima is section 2's)."""
    cameras, camera_labels = tuple(figures.CAMERAS), "common.camera.{}"
    camera = controls.segmented(
        "cam", t("common.camera"), cameras, "iso", labels=camera_labels, where=st
    )
    land_labels = {key: lo(key) for key in ("surface_title", "minima")}
    fig = cached.local_optima_surface_figure(names, camera=camera, labels=land_labels)
    chart(fig, key="lo_surface")
    st.markdown(lo("look.surface", **formulas.surface_fields(land)))


surface_section()
with st.expander(lo("table_title")):
    # no "kind" column: each name says it (global, local i), and five columns ran off a phone
    header = [lo(f"col_{c}") for c in ("name", "x", "y")] + [t("common.loss")]
    rows = zip(names, land.table_x, land.table_y, land.table_cost, strict=True)
    st.markdown(formulas.minima_table(header, rows))

# -- 2. one start, two runs --------------------------------------------------------------
section("start")


@st.fragment
def start_section(lr: float, steps: int, noise: float, seed: int) -> None:
    """Both runs from the start chosen here: the map, where they ended, the costs, formulas."""
    x0 = controls.slider("x0", lo("x0"), -3.0, 3.0, 1.5, 0.05, where=st)
    y0 = controls.slider("y0", lo("y0"), -3.0, 3.0, 0.5, 0.05, where=st)
    try:
        one = cached.local_optima_start(lr, steps, x0, y0, noise, seed)
    except ValueError:
        st.error(lo("error"))
        return
    settings = dict(lr=lr, steps=steps, x0=x0, y0=y0, noise=noise, seed=seed)
    run_names = (plain_name, noisy_name)
    paths_labels = labels | {"title": lo("paths_title"), "points": lo("minima")}
    fig = cached.local_optima_paths_figure(
        **settings, names=names, run_names=run_names, labels=paths_labels
    )
    chart(fig, key="lo_paths")
    runs = ((plain_name, one.plain), (noisy_name, one.noisy))
    ended = [where_it_ended(who, run, steps) for who, run in runs if run.outcome != "diverged"]
    look = lo("look.paths", x=f"{x0:g}", y=f"{y0:g}")
    st.markdown("\n\n".join([look, *ended]))  # what to look at, where the runs ended
    for who, run in runs:
        if run.outcome == "diverged":
            st.warning(where_it_ended(who, run, steps))
    cost_labels = {"step": labels["step"], "cost": t("common.loss"), "floor": names[0]}
    cost_labels["title"] = lo("cost_title")
    fig = cached.local_optima_costs_figure(**settings, run_names=run_names, labels=cost_labels)
    chart(fig, key="lo_costs")
    key, fields = formulas.costs_key_fields(one)
    note = [lo(key, **fields)]
    if noise == 0:
        note.append(lo("no_noise"))
    elif one.same_end:
        note.append(lo("same_end"))
    st.markdown(" ".join(note))
    st.latex(formulas.both_steps(one))  # the last plain step (unless it diverged), the noisy rule
    explain = [lo("noisy_formula", step=f"{one.kick:.3f}")]
    if one.plain.outcome != "diverged":
        explain.insert(0, lo("gd_formula", k=one.plain.k))
    st.caption(" ".join(explain))


start_section(lr, steps, noise, seed)
what_to_try("local_optima.try_start")

# -- 3. basins of attraction ----------------------------------------------------------------
section("basin", n=lesson.GRID, total=lesson.STARTS, steps=steps)


@st.fragment
def basins_section(lr: float, steps: int, noise: float, seed: int) -> None:
    """The basin maps, the global shares and the bars; the extra optimizer is chosen here."""
    extras = "local_optima.extra.{}"
    extra = controls.segmented("opt", lo("extra"), lesson.EXTRAS, "none", labels=extras, where=st)
    try:
        basins = busy(cached.local_optima_basins, lr, steps, noise, seed, extra)
    except ValueError:
        st.error(lo("error"))
        return
    settings = dict(lr=lr, steps=steps, noise=noise, seed=seed, extra=basins.extra)
    panel_names = [method_names[key] for key in basins.methods]
    rest = dict(unsettled=lo("unsettled"), diverged=lo("diverged"))
    fig = cached.local_optima_basins_figure(
        **settings, panel_names=panel_names, names=names, **rest
    )
    chart(fig, key="lo_basins")
    note = [lo("look.basins", moved=formulas.moved_percent(basins))]
    if basins.extra != "none":
        fixed = {key: f"{value:g}" for key, value in basins.extra_hyper}
        note.append(lo(f"extra_note.{basins.extra}", lr=f"{lr:g}", **fixed))
    note.append(f"\n\n**{lo('global_share_title')}**")
    st.markdown(" ".join(note))
    for i, col in enumerate(st.columns(len(basins.methods))):
        delta = basins.delta_pp[i]
        col.metric(
            panel_names[i],
            f"{basins.global_percent[i]:.1f}%",
            None if delta is None else lo("pp", v=f"{delta:+.1f}"),
        )
        if basins.has_rest[i]:
            unsettled, diverged = basins.unsettled_percent[i], basins.diverged_percent[i]
            col.caption(lo("rest_share", unsettled=f"{unsettled:.1f}", diverged=f"{diverged:.1f}"))
    st.latex(formulas.global_share(basins))
    st.caption(lo("share_explain", who=plain_name, radius=f"{basins.radius:.2f}"))
    categories = [f"{n} ({cost:.2f})" for n, cost in zip(names, land.table_cost, strict=True)]
    categories += list(rest.values())
    bar_labels = {"axis": lo("share_axis"), "title": lo("bars_title")}
    fig = cached.local_optima_bars_figure(
        **settings, panel_names=panel_names, categories=categories, labels=bar_labels
    )
    chart(fig, key="lo_bars")
    st.markdown(lo("look.bars", items=formulas.bar_items(basins, panel_names)))


basins_section(lr, steps, noise, seed)
what_to_try("local_optima.try_basins")

# -- 4. saddle points ------------------------------------------------------------------------
section("saddle")


@st.fragment
def saddle_section(lr: float, seed: int) -> None:
    """The crawl past the saddle; its start offset and its noise are chosen here."""
    # shown as Python writes them (0.0, 1e-06 …): a link's "0" or "1e-6" finds its option
    offset = controls.select_slider("off", lo("offset"), lesson.OFFSETS, 1e-3, where=st)
    sn = controls.slider("sn", lo("saddle_noise"), 0.0, 1.0, 0.3, 0.05, where=st)
    try:
        sad = cached.local_optima_saddle(lr, offset, sn, seed)
    except ValueError:
        st.error(lo("error"))
        return
    settings = dict(lr=lr, offset=offset, noise=sn, seed=seed)
    saddle_names = (plain_name, lo("noisy_name_sigma", sigma=f"{sn:g}"))
    norm_labels = {"step": labels["step"], "axis": lo("gradnorm_axis")}
    norm_labels |= {"title": lo("gradnorm_title"), "band": lo("predicted_band")}
    fig = cached.local_optima_norms_figure(**settings, run_names=saddle_names, labels=norm_labels)
    chart(fig, key="lo_gradnorm")
    st.markdown(
        lo("look.norms" if sad.escapes else "look.norms_stuck", **formulas.norms_fields(sad))
    )
    st.latex(formulas.escape(sad))
    st.caption(lo("escape_formula", lam=f"{sad.curvature:.3f}", r=f"{sad.radius:g}"))
    saddle_labels = labels | {"title": lo("saddle_title"), "points": lo("critical_points")}
    points = [kind_names[kind] for kind in sad.kinds]
    fig = cached.local_optima_saddle_figure(
        **settings, names=points, run_names=saddle_names, labels=saddle_labels
    )
    chart(fig, key="lo_saddle")
    x, y = (f"{v:g}" for v in sad.start)
    results = [lo("look.saddle", x=x, y=y)]  # one message: what to look at, what each run did
    for who, run in zip(saddle_names, (sad.plain, sad.noisy), strict=True):
        if run.diverged:
            st.warning(t("common.diverged", name=who, step=run.diverged_at))
            continue
        exit_text = lo(f"saddle_{run.exit_kind}", step=run.exit, steps=sad.steps)
        ended = lo("saddle_settled" if run.settled else "saddle_unsettled")
        near = dict(near=run.near, r=f"{sad.radius:g}")
        results.append(lo("saddle_result", who=who, exit=exit_text, ended=ended, **near))
    st.markdown("\n\n".join(results))


saddle_section(lr, seed)
what_to_try("local_optima.try_saddle")
