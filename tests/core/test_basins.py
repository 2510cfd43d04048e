"""optim_core.basins: labels, shares on a surface whose basins are known exactly, saddles."""

import math
from dataclasses import dataclass

import numpy as np
import pytest

import optim_core
from optim_core import basins, objectives
from optim_core.basins import DIVERGED, UNSETTLED
from optim_core.objectives import CriticalPoint, Objective


def g(u):
    """g(u) = u⁴/4 − 4u³/3 + 3u²/2, g'(u) = u(u − 1)(u − 3): wells at 0 and 3, ridge at 1."""
    return u**4 / 4 - 4 * u**3 / 3 + 1.5 * u**2


def dg(u):
    return u * (u - 1.0) * (u - 3.0)


@dataclass(frozen=True, eq=False)
class SeparableDoubleWell(Objective):
    """f(x, y) = g(x) + g(y): four minima, basins split exactly by the lines x = 1 and y = 1.

    g(0) = 0 and g(3) = −9/4, so (3, 3) is the global minimum (−4.5), (3, 0) and (0, 3)
    are local (−2.25) and (0, 0) is local (0). Gradient descent on each coordinate goes
    to 0 from u < 1 and to 3 from u > 1; u = 1 exactly is a maximum of g and stays put.
    """

    def value(self, x):
        return g(x[..., 0]) + g(x[..., 1])

    def grad(self, x):
        return np.stack([dg(x[..., 0]), dg(x[..., 1])], axis=-1)

    @property
    def bounds(self):
        return ((-1.0, 3.0), (-1.0, 3.0))

    @property
    def critical_points(self):
        return (
            CriticalPoint((3.0, 3.0), -4.5, "global"),
            CriticalPoint((3.0, 0.0), -2.25, "local"),
            CriticalPoint((0.0, 3.0), -2.25, "local"),
            CriticalPoint((0.0, 0.0), 0.0, "local"),
            CriticalPoint((1.0, 1.0), 2 * g(1.0), "saddle"),
        )


WELL = SeparableDoubleWell()


def index_of(point):
    return [m.point for m in WELL.minima].index(point)


def test_minima_come_global_first():
    assert WELL.minima[0].point == (3.0, 3.0)
    assert WELL.global_minimum.value == -4.5


def test_default_radius_is_a_fraction_of_the_closest_pair():
    assert basins.default_radius(WELL.minima) == pytest.approx(0.3 * 3.0)
    assert basins.default_radius(WELL.minima[:1]) == 1.0


def test_classify_nearest_minimum_within_radius():
    pts = np.array(
        [[2.9, 3.05], [0.1, -0.1], [3.0, 0.2], [1.5, 1.5], [np.nan, np.nan], [np.inf, 0.0]]
    )
    labels = basins.classify(pts, WELL.minima, radius=0.5)
    expected = [index_of((3.0, 3.0)), index_of((0.0, 0.0)), index_of((3.0, 0.0)), UNSETTLED]
    assert labels.tolist() == expected + [DIVERGED, DIVERGED]
    # a single point gives a 0-d label
    assert basins.classify([0.0, 2.9], WELL.minima).item() == index_of((0.0, 3.0))
    with pytest.raises(ValueError):
        basins.classify(pts, WELL.minima, radius=0.0)
    with pytest.raises(ValueError):
        basins.classify(np.zeros((2, 3)), WELL.minima)


def test_shares_add_up_and_count_each_class():
    labels = np.array([[0, 0, 1, DIVERGED], [UNSETTLED, 3, 0, 0]])
    s = basins.shares(labels, 4)
    assert s.minima.tolist() == [4 / 8, 1 / 8, 0.0, 1 / 8]
    assert s.diverged == 1 / 8 and s.unsettled == 1 / 8 and s.total == 8
    assert s.global_share == 0.5
    assert s.minima.sum() + s.diverged + s.unsettled == pytest.approx(1.0)


def test_start_grid_layout():
    xs, ys, starts = basins.start_grid(((-1, 1), (0, 4)), 5)
    assert starts.shape == (5, 5, 2)
    assert starts[2, 4].tolist() == [xs[4], ys[2]] == [1.0, 2.0]


def test_basin_shares_on_even_grid_are_exact_quarters():
    # 20 × 20 grid over [−1, 3]²: 10 columns on each side of x = 1, same for y.
    bmap = basins.basin_map(optim_core.gd(0.05), WELL, 20, 400)
    assert bmap.shares.minima.tolist() == [0.25, 0.25, 0.25, 0.25]
    assert bmap.shares.diverged == 0 and bmap.shares.unsettled == 0
    # each start went to the minimum of its own quadrant
    xs, ys = np.meshgrid(bmap.xs, bmap.ys)
    corner = np.stack([np.where(xs > 1, 3.0, 0.0), np.where(ys > 1, 3.0, 0.0)], axis=-1)
    expected = basins.classify(corner, WELL.minima)
    assert np.array_equal(bmap.labels, expected)


def test_basin_shares_on_odd_grid_leave_the_ridge_unsettled():
    # 21 × 21 grid: the row and the column through 1.0 sit on the ridge and never move
    # (exact zero gradient across it), so 41 of 441 starts do not settle; each quadrant
    # holds 10 × 10 starts.
    n = 21
    bmap = basins.basin_map(optim_core.gd(0.05), WELL, n, 400)
    assert bmap.xs[10] == 1.0
    assert bmap.shares.minima.tolist() == pytest.approx([100 / 441] * 4)
    assert bmap.shares.unsettled == pytest.approx(41 / 441)
    assert (bmap.labels[10, :] == UNSETTLED).all() and (bmap.labels[:, 10] == UNSETTLED).all()


def test_too_few_steps_leaves_starts_unsettled():
    bmap = basins.basin_map(optim_core.gd(0.001), WELL, 20, 1)
    assert bmap.shares.unsettled > 0.5


def test_diverging_starts_get_their_own_class():
    # lr far above 2 / curvature at the corners: starts there blow up
    bmap = basins.basin_map(optim_core.gd(1.0), WELL, 20, 100)
    assert bmap.shares.diverged > 0
    assert bmap.shares.minima.sum() + bmap.shares.diverged + bmap.shares.unsettled == pytest.approx(
        1
    )
    # the corner (3, 3) is the global minimum itself: zero gradient, it never leaves
    assert bmap.labels[-1, -1] == index_of((3.0, 3.0))
    assert bmap.labels[0, 0] == DIVERGED


def test_noisy_basin_map_is_reproducible_for_a_seed():
    surface = objectives.get("multi_well")
    a = basins.basin_map(optim_core.gd(0.05), surface, 30, 200, noise=2.0, seed=7)
    b = basins.basin_map(optim_core.gd(0.05), surface, 30, 200, noise=2.0, seed=7)
    c = basins.basin_map(optim_core.gd(0.05), surface, 30, 200, noise=2.0, seed=8)
    assert np.array_equal(a.labels, b.labels)
    assert not np.array_equal(a.labels, c.labels)


def test_noise_helps_on_the_multi_well_surface():
    # Plain descent reaches the global minimum only from its own basin; with gradient
    # noise many more starts hop over the ridges into the deepest well.
    surface = objectives.get("multi_well")
    plain = basins.basin_map(optim_core.gd(0.05), surface, 100, 500)
    noisy = basins.basin_map(optim_core.gd(0.05), surface, 100, 500, noise=2.0, seed=0)
    assert plain.shares.unsettled == 0 and plain.shares.diverged == 0
    assert 0.05 < plain.shares.global_share < 0.2
    assert noisy.shares.global_share > plain.shares.global_share + 0.05


def test_gradient_norm_and_exit():
    path = np.array([[2.0, 0.0], [0.1, 0.0], [0.05, 0.01], [0.0, 0.6], [0.0, 1.0]])
    assert basins.gradient_norm(WELL, np.array([0.0, 0.0])) == 0.0
    assert basins.gradient_norm(WELL, np.array([2.0, 0.0])) == pytest.approx(2.0)
    assert basins.steps_near(path, (0.0, 0.0), 0.5) == 2
    assert basins.first_exit(path, (0.0, 0.0), 0.5) == 3
    assert basins.first_exit(path[:3], (0.0, 0.0), 0.5) == -1
    assert basins.first_exit(path, (5.0, 5.0), 0.5) == -1


def test_saddle_escape_prediction_matches_a_run():
    # x² + y⁴/4 − y²/2: Hessian at the saddle is diag(2, −1); from y = 1e-3 plain descent
    # multiplies y by (1 + α) per step while y is small.
    surface = objectives.get("saddle_with_minima")
    lr, offset, radius = 0.05, 1e-3, 0.5
    predicted = basins.saddle_escape_steps(offset, lr, -1.0, radius)
    assert predicted == pytest.approx(math.log(500) / math.log(1.05))
    run = optim_core.run(optim_core.gd(lr), surface, [0.0, offset], 400)
    measured = int(np.argmax(np.abs(run.params[:, 1]) > radius))
    assert abs(measured - predicted) < 0.1 * predicted
    assert basins.saddle_escape_steps(0.0, lr, -1.0, radius) == math.inf
    # exactly on the axis plain descent never leaves; noise gets it out
    stuck = optim_core.run(optim_core.gd(lr), surface, [1.5, 0.0], 300)
    shaken = optim_core.run(optim_core.gd(lr), surface, [1.5, 0.0], 300, noise=0.3, seed=0)
    assert basins.classify(stuck.final, surface.minima) == UNSETTLED
    assert basins.classify(shaken.final, surface.minima) in (0, 1)


def test_hessian_eigenvalues_at_the_saddle():
    surface = objectives.get("saddle_with_minima")
    assert basins.hessian_eigenvalues(surface, (0.0, 0.0)) == pytest.approx([-1.0, 2.0], abs=1e-6)
    assert basins.hessian_eigenvalues(WELL, (3.0, 3.0)) == pytest.approx([6.0, 6.0], abs=1e-5)
