"""Figures are built once per setting and shared by every session (issue 9)."""

import numpy as np

from tests.app.helpers import open_app
from ui import cached, figures


def test_two_visitors_see_the_same_home_figures():
    first, second = open_app(None), open_app(None, steps="60")
    specs = [[c.proto.spec for c in at.get("plotly_chart")] for at in (first, second)]
    assert specs[0] == specs[1] and len(specs[0]) == 2
    assert not first.exception and not second.exception


def test_a_shared_figure_is_one_frozen_object_per_distinct_argument_set():
    curves = {"gd": (np.arange(3), np.array([3.0, 2.0, 1.0]), figures.COLORS["gd"])}
    kw = dict(xlabel="step", ylabel="loss", log_y=True, title="t")
    a = cached.home_loss_figure(curves, **kw)
    b = cached.home_loss_figure(curves, **kw)
    c = cached.home_loss_figure(curves, **(kw | {"title": "other"}))
    assert a is b and a is not c
    assert figures.is_frozen(a) and figures.is_frozen(c)
