"""The home page's preview race, checked against first steps worked by hand."""

import numpy as np

from optim_core.lessons import home


def test_first_steps_follow_each_rule_by_hand():
    p = home.preview(2)
    x0 = np.array(home.START)
    g = np.array([x0[0], home.CONDITION * x0[1]])  # ∇ ½(x² + κy²) = (x, κy)
    np.testing.assert_allclose(p.paths["gd"][1], x0 - 0.075 * g)
    np.testing.assert_allclose(p.paths["momentum"][1], x0 - 0.075 * (0.1 * g))  # v₁ = (1−β)g
    # RMSprop's first step: α·g/(√((1−β)g²) + ε) = α/√(1−β) per coordinate (ε is tiny)
    np.testing.assert_allclose(p.paths["rmsprop"][1], x0 - 0.12 / np.sqrt(0.1) * np.sign(g))
    # Adam's corrected first step: α·sign(g)
    np.testing.assert_allclose(p.paths["adam"][1], x0 - 0.3 * np.sign(g))


def test_grid_and_records():
    p = home.preview(10)
    assert p.grid.z.shape == (100, 100)
    np.testing.assert_allclose(p.grid.z[0, 0], 0.5 * (p.grid.xs[0] ** 2 + 25 * p.grid.ys[0] ** 2))
    for name in home.TEASER:
        assert p.paths[name].shape == (11, 2)
        assert list(p.steps[name]) == list(range(11))
