"""Home: what the dashboard teaches, the learning path, and a preview race."""

import numpy as np
import streamlit as st

from ui import compute, figures, navigation
from ui.widgets import Controls, share_box, t, what_to_try

CONDITION = 25.0
START = (-4.5, 1.6)
TEASER = {  # optimizer -> hyperparameters (lr chosen to show each one's character)
    "gd": (("lr", 0.075),),
    "momentum": (("lr", 0.075), ("beta", 0.9)),
    "rmsprop": (("lr", 0.12), ("beta", 0.9)),
    "adam": (("lr", 0.3), ("beta1", 0.9), ("beta2", 0.999)),
}

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
controls = Controls("home", st.sidebar)
steps = controls.slider("preview", t("home.steps"), 5, 200, 60, 5)
controls.reset_button()
share_box()

surface = ("elongated_bowl", (("condition", CONDITION),))
xs, ys, z = compute.surface_grid(surface[0], 100, surface[1])
runs, curves = {}, {}
for name, hyper in TEASER.items():
    run = compute.trajectory(name, hyper, surface[0], START, steps, objective_params=surface[1])
    label = t(f"common.optimizer.{name}")
    runs[label] = (run.params, figures.COLORS[name])
    curves[label] = (run.steps, np.maximum(run.loss, 1e-12), figures.COLORS[name])

labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
left, right = st.columns([3, 2])
with left:
    fig = figures.paths_on_contour(xs, ys, z, runs, labels=labels, title=t("home.contour_title"))
    st.plotly_chart(fig, key="teaser_contour")
with right:
    fig = figures.loss_curves(
        curves,
        xlabel=t("common.step"),
        ylabel=t("common.loss"),
        log_y=True,
        title=t("home.loss_title"),
    )
    st.plotly_chart(fig, key="teaser_loss")
st.caption(t("home.teaser_caption", condition=CONDITION))
what_to_try("home.try")
