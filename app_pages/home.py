"""Home: what the dashboard teaches, the learning path, and a preview race."""

import streamlit as st

from optim_core.lessons import home
from ui import cached, figures, navigation
from ui.numbers import percent
from ui.numbers import text as num
from ui.widgets import Controls, chart, share_box, t, what_to_try

st.title(t("home.title"))
st.write(t("home.intro"))

st.subheader(t("home.path_title"))
for number, concept in enumerate(navigation.LEARNING_PATH[1:], start=1):
    label = f"{number}. {t(f'nav.{concept.key}')}"
    if concept.file:  # finished: a prominent link with its one-line summary
        st.page_link(concept.file, label=f"**{label}**", icon=concept.icon)
        st.markdown(t(f"home.path.{concept.key}"))
    else:  # not built yet: named, but quieter than the pages one can open
        quiet = label.replace(".", "\\.", 1)  # "5\." is text, not a Markdown list
        st.caption(f"{quiet} — _{t('home.in_preparation')}_: {t(f'home.path.{concept.key}')}")

st.subheader(t("home.teaser_title"))
controls = Controls("home")


@st.fragment
def teaser() -> None:
    """The preview race: its slider reruns only this section."""
    steps = controls.slider("preview", t("home.steps"), 5, 200, 60, 5)
    preview = cached.home_preview(steps)
    names = {n: t(f"common.optimizer.{n}") for n in preview.paths}
    runs = {names[n]: (xy, figures.COLORS[n]) for n, xy in preview.paths.items()}
    curves = {names[n]: (preview.steps[n], preview.losses[n], figures.COLORS[n]) for n in names}
    labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
    axes = (t("home.x"), t("home.y"))
    left, right = st.columns([3, 2])
    title = t("home.contour_title")
    fig = cached.home_contour_figure(*preview.grid, runs, labels=labels, title=title, axes=axes)
    chart(fig, key="teaser_contour", where=left)
    fig = cached.home_loss_figure(
        curves,
        xlabel=t("common.step"),
        ylabel=t("common.loss"),
        log_y=True,
        title=t("home.loss_title"),
    )
    chart(fig, key="teaser_loss", where=right)
    caption = "home.teaser_caption" if preview.crawls else "home.teaser_caption_close"
    covered = {n: percent(v) for n, v in preview.covered.items()}
    condition, limit = num(home.CONDITION), num(preview.gd_limit)
    st.caption(t(caption, condition=condition, limit=limit, steps=steps, **covered))


teaser()
what_to_try("home.try")
controls.reset_button(st.sidebar)
share_box()
