"""The local-optima lesson: labels, shares on a surface whose basins are known exactly,
saddles, and each page section's numbers."""

import math
from dataclasses import dataclass

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.lessons import local_optima as lesson
from optim_core.lessons.local_optima import DIVERGED, UNSETTLED
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
    assert lesson.default_radius(WELL.minima) == pytest.approx(0.3 * 3.0)
    assert lesson.default_radius(WELL.minima[:1]) == 1.0


def test_classify_nearest_minimum_within_radius():
    pts = np.array(
        [[2.9, 3.05], [0.1, -0.1], [3.0, 0.2], [1.5, 1.5], [np.nan, np.nan], [np.inf, 0.0]]
    )
    labels = lesson.classify(pts, WELL.minima, radius=0.5)
    expected = [index_of((3.0, 3.0)), index_of((0.0, 0.0)), index_of((3.0, 0.0)), UNSETTLED]
    assert labels.tolist() == expected + [DIVERGED, DIVERGED]
    # a single point gives a 0-d label
    assert lesson.classify([0.0, 2.9], WELL.minima).item() == index_of((0.0, 3.0))
    with pytest.raises(ValueError):
        lesson.classify(pts, WELL.minima, radius=0.0)
    with pytest.raises(ValueError):
        lesson.classify(np.zeros((2, 3)), WELL.minima)


def test_shares_add_up_and_count_each_class():
    labels = np.array([[0, 0, 1, DIVERGED], [UNSETTLED, 3, 0, 0]])
    s = lesson.shares(labels, 4)
    assert s.minima.tolist() == [4 / 8, 1 / 8, 0.0, 1 / 8]
    assert s.diverged == 1 / 8 and s.unsettled == 1 / 8 and s.total == 8
    assert s.global_share == 0.5
    assert s.minima.sum() + s.diverged + s.unsettled == pytest.approx(1.0)


def test_start_grid_layout():
    xs, ys, starts = lesson.start_grid(((-1, 1), (0, 4)), 5)
    assert starts.shape == (5, 5, 2)
    assert starts[2, 4].tolist() == [xs[4], ys[2]] == [1.0, 2.0]


def test_basin_shares_on_even_grid_are_exact_quarters():
    # 20 × 20 grid over [−1, 3]²: 10 columns on each side of x = 1, same for y.
    bmap = lesson.basin_map(optim_core.gd(0.05), WELL, 20, 400)
    assert bmap.shares.minima.tolist() == [0.25, 0.25, 0.25, 0.25]
    assert bmap.shares.diverged == 0 and bmap.shares.unsettled == 0
    # each start went to the minimum of its own quadrant
    xs, ys = np.meshgrid(bmap.xs, bmap.ys)
    corner = np.stack([np.where(xs > 1, 3.0, 0.0), np.where(ys > 1, 3.0, 0.0)], axis=-1)
    expected = lesson.classify(corner, WELL.minima)
    assert np.array_equal(bmap.labels, expected)


def test_basin_shares_on_odd_grid_leave_the_ridge_unsettled():
    # 21 × 21 grid: the row and the column through 1.0 sit on the ridge and never move
    # (exact zero gradient across it), so 41 of 441 starts do not settle; each quadrant
    # holds 10 × 10 starts.
    n = 21
    bmap = lesson.basin_map(optim_core.gd(0.05), WELL, n, 400)
    assert bmap.xs[10] == 1.0
    assert bmap.shares.minima.tolist() == pytest.approx([100 / 441] * 4)
    assert bmap.shares.unsettled == pytest.approx(41 / 441)
    assert (bmap.labels[10, :] == UNSETTLED).all() and (bmap.labels[:, 10] == UNSETTLED).all()


def test_too_few_steps_leaves_starts_unsettled():
    bmap = lesson.basin_map(optim_core.gd(0.001), WELL, 20, 1)
    assert bmap.shares.unsettled > 0.5


def test_diverging_starts_get_their_own_class():
    # lr far above 2 / curvature at the corners: starts there blow up
    bmap = lesson.basin_map(optim_core.gd(1.0), WELL, 20, 100)
    assert bmap.shares.diverged > 0
    assert bmap.shares.minima.sum() + bmap.shares.diverged + bmap.shares.unsettled == pytest.approx(
        1
    )
    # the corner (3, 3) is the global minimum itself: zero gradient, it never leaves
    assert bmap.labels[-1, -1] == index_of((3.0, 3.0))
    assert bmap.labels[0, 0] == DIVERGED


def test_noisy_basin_map_is_reproducible_for_a_seed():
    surface = objectives.get("multi_well")
    a = lesson.basin_map(optim_core.gd(0.05), surface, 30, 200, noise=2.0, seed=7)
    b = lesson.basin_map(optim_core.gd(0.05), surface, 30, 200, noise=2.0, seed=7)
    c = lesson.basin_map(optim_core.gd(0.05), surface, 30, 200, noise=2.0, seed=8)
    assert np.array_equal(a.labels, b.labels)
    assert not np.array_equal(a.labels, c.labels)


def test_noise_helps_on_the_multi_well_surface():
    # Plain descent reaches the global minimum only from its own basin; with gradient
    # noise many more starts hop over the ridges into the deepest well.
    surface = objectives.get("multi_well")
    plain = lesson.basin_map(optim_core.gd(0.05), surface, 100, 500)
    noisy = lesson.basin_map(optim_core.gd(0.05), surface, 100, 500, noise=2.0, seed=0)
    assert plain.shares.unsettled == 0 and plain.shares.diverged == 0
    assert 0.05 < plain.shares.global_share < 0.2
    assert noisy.shares.global_share > plain.shares.global_share + 0.05


def test_gradient_norm_and_exit():
    path = np.array([[2.0, 0.0], [0.1, 0.0], [0.05, 0.01], [0.0, 0.6], [0.0, 1.0]])
    assert lesson.gradient_norm(WELL, np.array([0.0, 0.0])) == 0.0
    assert lesson.gradient_norm(WELL, np.array([2.0, 0.0])) == pytest.approx(2.0)
    assert lesson.steps_near(path, (0.0, 0.0), 0.5) == 2
    assert lesson.first_exit(path, (0.0, 0.0), 0.5) == 3
    assert lesson.first_exit(path[:3], (0.0, 0.0), 0.5) == -1
    assert lesson.first_exit(path, (5.0, 5.0), 0.5) == -1


def test_saddle_escape_prediction_matches_a_run():
    # x² + y⁴/4 − y²/2: Hessian at the saddle is diag(2, −1); from y = 1e-3 plain descent
    # multiplies y by (1 + α) per step while y is small.
    surface = objectives.get("saddle_with_minima")
    lr, offset, radius = 0.05, 1e-3, 0.5
    predicted = lesson.saddle_escape_steps(offset, lr, -1.0, radius)
    assert predicted == pytest.approx(math.log(500) / math.log(1.05))
    run = optim_core.run(optim_core.gd(lr), surface, [0.0, offset], 400)
    measured = int(np.argmax(np.abs(run.params[:, 1]) > radius))
    assert abs(measured - predicted) < 0.1 * predicted
    assert lesson.saddle_escape_steps(0.0, lr, -1.0, radius) == math.inf
    # exactly on the axis plain descent never leaves; noise gets it out
    stuck = optim_core.run(optim_core.gd(lr), surface, [1.5, 0.0], 300)
    shaken = optim_core.run(optim_core.gd(lr), surface, [1.5, 0.0], 300, noise=0.3, seed=0)
    assert lesson.classify(stuck.final, surface.minima) == UNSETTLED
    assert lesson.classify(shaken.final, surface.minima) in (0, 1)


def test_hessian_eigenvalues_at_the_saddle():
    surface = objectives.get("saddle_with_minima")
    assert lesson.hessian_eigenvalues(surface, (0.0, 0.0)) == pytest.approx([-1.0, 2.0], abs=1e-6)
    assert lesson.hessian_eigenvalues(WELL, (3.0, 3.0)) == pytest.approx([6.0, 6.0], abs=1e-5)


# -- the page's sections ---------------------------------------------------------------------------

MULTI_WELL = objectives.get(lesson.SURFACE)
SADDLE = objectives.get(lesson.SADDLE)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (math.inf, 9999),
        (-math.inf, 0),
        (float("1e999"), 9999),
        (11111111111111111111, 9999),
        (math.nan, 0),
        (42, 42),
        (7.9, 7),
        (-3, 0),
        ("banana", 0),
        (None, 0),
    ],
)
def test_seed_is_clamped_to_the_controls_range(value, expected):
    assert lesson.seed_of(value) == expected
    assert lesson.SEEDS == (0, 9999)


def test_extra_optimizer_falls_back_to_none():
    assert [lesson.extra_of(v) for v in ("momentum", "adam", None, "", "sgd")] == [
        "momentum",
        "adam",
        "none",
        "none",
        "none",
    ]


def test_landscape_numbers():
    land = lesson.landscape()
    minima = MULTI_WELL.minima
    assert land.n_minima == len(minima) == 9 and land.n_local == 8
    assert land.kinds[0] == "global" and set(land.kinds[1:]) == {"local"}
    assert land.table_cost == tuple(round(m.value, 4) for m in minima)
    assert land.table_x[0] == round(minima[0].point[0], 4)
    assert land.grid.z.shape == (lesson.SURFACE_GRID, lesson.SURFACE_GRID)
    top, low = max(m.value for m in minima), float(land.grid.z.min())
    assert land.cap == pytest.approx(min(land.grid.z.max(), top + max(0.6 * (top - low), 1.0)))
    assert min(m.value for m in minima) < land.cap < land.grid.z.max()


def test_start_first_step_and_where_each_run_ended():
    s = lesson.start(0.05, 500, 1.5, 0.5, 2.0, 0)
    x0 = np.array([1.5, 0.5])
    np.testing.assert_allclose(s.plain.params[1], x0 - 0.05 * MULTI_WELL.grad(x0))
    # the page's default: plain descent stops in a local dip, the noisy run (seed 0) in the global
    assert (s.plain.outcome, s.noisy.outcome) == ("local", "global") and not s.same_end
    assert s.noisy.label == 0 and s.noisy.end_value == MULTI_WELL.minima[0].value
    assert s.plain.end_value == MULTI_WELL.minima[s.plain.label].value
    assert s.kick == pytest.approx(0.05 * 2.0)
    assert s.plain.k == 500 and s.stride == 10  # 501 points → 51 frames: steps 0, 10, …, 500
    np.testing.assert_array_equal(s.plain.last, s.plain.params[-2])
    np.testing.assert_allclose(s.plain.last_grad, MULTI_WELL.grad(s.plain.last))
    np.testing.assert_allclose(s.plain.final, s.plain.last - 0.05 * s.plain.last_grad)
    assert s.floor == MULTI_WELL.minima[0].value
    assert s.ceiling == pytest.approx(max(lesson.landscape().cap, s.plain.loss[0]) + 0.3)


def test_start_without_noise_runs_twice_the_same():
    s = lesson.start(0.05, 100, 1.5, 0.5, 0.0, 3)
    np.testing.assert_array_equal(s.plain.params, s.noisy.params)
    assert s.same_end and s.kick == 0


def test_start_with_a_seed_from_a_bad_link_uses_the_clamped_seed():
    a = lesson.start(0.05, 100, 1.5, 0.5, 2.0, math.inf)
    b = lesson.start(0.05, 100, 1.5, 0.5, 2.0, 9999)
    np.testing.assert_array_equal(a.noisy.params, b.noisy.params)


def test_basins_shares_and_their_differences():
    b = lesson.basins(0.05, 500, 2.0, 0)
    assert b.methods == ("gd", "noisy") and b.extra == "none" and b.extra_hyper == ()
    plain, noisy = b.maps
    assert b.total == lesson.STARTS == 100 * 100 and b.n == lesson.GRID
    assert b.n_global == int(np.count_nonzero(plain.labels == 0))
    assert b.global_percent == pytest.approx(
        (100 * plain.shares.global_share, 100 * noisy.shares.global_share)
    )
    assert b.delta_pp[0] is None
    assert b.delta_pp[1] == pytest.approx(b.global_percent[1] - b.global_percent[0])
    assert b.global_percent[1] > b.global_percent[0]  # noise helps at the defaults
    for bars, bmap in zip(b.bars, b.maps, strict=True):
        assert sum(bars) == pytest.approx(1.0)
        assert bars[-2:] == (bmap.shares.unsettled, bmap.shares.diverged)
    assert b.has_rest == tuple(bool(m.shares.unsettled or m.shares.diverged) for m in b.maps)
    assert b.radius == pytest.approx(lesson.default_radius(MULTI_WELL.minima))


def test_basins_reuse_the_maps_that_did_not_change():
    base = lesson.basins(0.05, 200, 2.0, 0)
    with_adam = lesson.basins(0.05, 200, 2.0, 0, "adam")
    assert with_adam.methods == ("gd", "noisy", "adam")
    assert with_adam.extra_hyper == (("beta1", 0.9), ("beta2", 0.999))  # eps is not printed
    assert with_adam.maps[0] is base.maps[0] and with_adam.maps[1] is base.maps[1]
    other_seed = lesson.basins(0.05, 200, 2.0, 1)
    assert other_seed.maps[0] is base.maps[0]  # no noise: the seed plays no part
    assert other_seed.maps[1] is not base.maps[1]
    assert not base.maps[0].labels.flags.writeable
    assert lesson.basins(0.05, 200, 2.0, 0, None).methods == ("gd", "noisy")


def test_saddle_prediction_and_runs():
    s = lesson.saddle(0.05, 1e-3, 0.3, 0)
    assert s.saddle == (0.0, 0.0) and s.start == (1.5, 1e-3)
    assert s.curvature == pytest.approx(-1.0, abs=1e-6) and s.abs_curvature == -s.curvature
    assert s.predicted == pytest.approx(math.log(0.5 / 1e-3) / math.log(1 + 0.05 * s.abs_curvature))
    assert s.escapes and s.crawl == (0.0, s.predicted)
    assert s.steps == lesson.SADDLE_STEPS and s.stride == 5  # 301 points → 61 frames
    assert s.kinds == tuple(c.kind for c in SADDLE.critical_points) and "saddle" in s.kinds
    for run in (s.plain, s.noisy):
        assert run.near == lesson.steps_near(run.params, s.saddle, s.radius)
        np.testing.assert_allclose(run.grad_norm, np.linalg.norm(SADDLE.grad(run.params), axis=-1))
        assert run.settled and not run.diverged and run.exit_kind == "exit" and run.exit > 0


def test_saddle_exactly_on_the_ridge_never_leaves_without_noise():
    s = lesson.saddle(0.05, 0.0, 0.3, 0)
    assert not s.escapes and s.predicted == math.inf and s.crawl is None
    assert s.plain.exit_kind == "no_exit" and not s.plain.settled and s.plain.near > 0
    assert s.plain.label == UNSETTLED
    assert s.noisy.settled
    slow = lesson.saddle(0.005, 1e-3, 0.3, 0)  # tiny steps: 300 of them do not get it out
    assert slow.plain.exit_kind == "no_exit" and slow.plain.exit == -1


@pytest.mark.parametrize(
    "points, stride", [(2, 1), (51, 1), (61, 1), (62, 2), (301, 5), (501, 10), (1001, 20)]
)
def test_frame_stride_is_round_and_keeps_at_most_the_frame_budget(points, stride):
    # issue 9: every frame is bytes sent; the animation slider reads in round steps
    assert lesson.frame_stride(points) == stride
    frames = len(range(0, points, stride)) + ((points - 1) % stride != 0)
    assert frames <= lesson.ANIMATION_FRAMES + 1


# -- issue 10: the numbers of the lines under the charts -----------------------------------------


def test_flat_from_hand_worked():
    assert lesson.flat_from([5.0, 2.0, 1.0005, 1.0, 1.0002, 1.0]) == 2
    assert lesson.flat_from([1.0, 1.0]) == 0
    assert lesson.flat_from([3.0, float("nan")]) == -1


def test_the_cost_line_says_from_which_step_plain_descent_rests():
    from ui.formulas import local_optima as formulas

    one = lesson.start(0.05, 500, 1.5, 0.5, 2.0, 0)
    key, fields = formulas.costs_key_fields(one)
    flat = one.plain.flat_from
    assert key == "look.costs" and fields["flat"] == flat
    tail = one.plain.loss[flat:]
    assert np.all(np.abs(tail - one.plain.final_loss) <= lesson.FLAT_COST)
    assert abs(one.plain.loss[flat - 1] - one.plain.final_loss) > lesson.FLAT_COST
    assert one.plain.outcome == "local" and fields["cost"] == "-0.446"


def test_the_basin_and_saddle_lines_count_from_the_maps_and_the_run():
    from ui.formulas import local_optima as formulas

    basins = lesson.basins(0.05, 500, 2.0, 0, "none")
    plain, noisy = (m.labels for m in basins.maps)
    moved = float(formulas.moved_percent(basins))
    assert moved == pytest.approx(100 * np.count_nonzero(plain != noisy) / plain.size, abs=0.05)
    assert 0 < moved < 100
    sad = lesson.saddle(0.05, 1e-3, 0.3, 0)
    fields = formulas.norms_fields(sad)
    band = int(np.floor(sad.crawl[1]))
    inside = sad.plain.grad_norm[: band + 1]
    assert fields["at"] == int(np.argmin(inside)) and 0 < fields["at"] < band
    assert fields["band"] == f"{sad.predicted:.0f}"
