"""The home page's preview race, checked against first steps worked by hand and against
the claim its caption makes (plain gradient descent crawls along the flat direction)."""

import numpy as np
import pytest

from optim_core.lessons import home, surface


def rate(name: str) -> float:
    return dict(home.TEASER[name])["lr"]


def test_first_steps_follow_each_rule_by_hand():
    p = home.preview(2)
    x0 = np.array(home.START)
    g = np.array([x0[0], home.CONDITION * x0[1]])  # ∇ ½(x² + κy²) = (x, κy)
    np.testing.assert_allclose(p.paths["gd"][1], x0 - rate("gd") * g)
    # v₁ = (1−β)g in the averaging form
    np.testing.assert_allclose(p.paths["momentum"][1], x0 - rate("momentum") * (0.1 * g))
    # RMSprop's first step: α·g/(√((1−β)g²) + ε) = α/√(1−β) per coordinate (ε is tiny)
    step = rate("rmsprop") / np.sqrt(0.1) * np.sign(g)
    np.testing.assert_allclose(p.paths["rmsprop"][1], x0 - step)
    # Adam's corrected first step: α·sign(g)
    np.testing.assert_allclose(p.paths["adam"][1], x0 - rate("adam") * np.sign(g))


def test_grid_and_records():
    p = home.preview(10)
    assert p.grid.z.shape == (100, 100)
    expected = 0.5 * (p.grid.xs[0] ** 2 + home.CONDITION * p.grid.ys[0] ** 2)
    np.testing.assert_allclose(p.grid.z[0, 0], expected)
    for name in home.TEASER:
        assert p.paths[name].shape == (11, 2)
        assert list(p.steps[name]) == list(range(11))


def test_gradient_descent_rate_is_just_stable():
    assert rate("gd") < 2 / home.CONDITION == pytest.approx(home.preview(5).gd_limit)


@pytest.mark.parametrize("steps", [10, 60, 200])
def test_covered_share_of_gradient_descent_is_the_closed_form(steps):
    # along x each step multiplies the distance by (1 − α): x_t = x₀(1 − α)^t
    p = home.preview(steps)
    assert p.covered["gd"] == pytest.approx(1 - (1 - rate("gd")) ** steps)


def test_gradient_descent_is_the_slowest_at_every_step_count_of_the_slider():
    """Gradient descent has covered the least of the flat direction at 5, 10, …, 200."""
    for steps in range(5, 201, 5):
        assert home.preview(steps).slowest == "gd", steps


def test_the_caption_says_crawls_only_where_the_gap_is_plain():
    crawling = [steps for steps in range(5, 201, 5) if home.preview(steps).crawls]
    assert 60 in crawling and 10 in crawling  # the default and the "what to try" value
    for steps in crawling:
        p = home.preview(steps)
        others = [v for name, v in p.covered.items() if name != "gd"]
        assert p.covered["gd"] < home.CRAWL and min(others) > p.covered["gd"] + 0.05, steps
    assert not home.preview(200).crawls  # by then it has nearly arrived too


def test_start_and_every_path_lie_inside_the_drawn_map():
    p = home.preview(200)
    (x_low, x_high), (y_low, y_high) = surface(home.SURFACE).bounds
    assert p.grid.xs[0] == x_low and p.grid.xs[-1] == x_high
    assert x_low < home.START[0] < x_high and y_low < home.START[1] < y_high
    for name, xy in p.paths.items():
        assert np.all((x_low <= xy[:, 0]) & (xy[:, 0] <= x_high)), name
        assert np.all((y_low <= xy[:, 1]) & (xy[:, 1] <= y_high)), name
