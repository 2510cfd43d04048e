"""RMSprop lesson: measurements and page sections against hand-worked values and the optimizer."""

import math

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.lessons import rmsprop as lesson
from optim_core.lessons.rmsprop import (
    effective_rates,
    first_step,
    rate_ratios,
    steps_to_target,
    tail_stats,
)


def test_first_step_hand_worked():
    # g = 2, α = 0.1, β = 0.99, ε ≈ 0: 0.1·2 / (0.1·2) = 1.0 = α/√(1−β)
    assert first_step([2.0], 0.1, 0.99, 1e-300)[0] == pytest.approx(1.0)
    # g = 3, α = 0.5, β = 0.75, ε = 0.5: 0.5·3 / (0.5·3 + 0.5) = 1.5/2 = 0.75
    assert first_step([3.0], 0.5, 0.75, 0.5)[0] == pytest.approx(0.75)
    # β = 0: no averaging, the step is α·|g|/(|g|+ε)
    assert first_step([-4.0], 0.2, 0.0, 1.0)[0] == pytest.approx(0.2 * 4 / 5)


def test_first_step_matches_the_optimizer_on_the_valley():
    f = objectives.get("elongated_bowl", condition=25)
    x0 = np.array([-2.5, 1.5])
    tr = optim_core.run(optim_core.rmsprop(0.1, 0.99, 1e-8), f, x0, 1)
    moved = np.abs(tr.params[1] - x0)
    expected = first_step(f.grad(x0), 0.1, 0.99, 1e-8)
    np.testing.assert_allclose(moved, expected, rtol=1e-12)
    np.testing.assert_allclose(moved, 1.0, rtol=1e-6)  # 10·α at β = 0.99 on both axes


def test_effective_rates_hand_worked():
    np.testing.assert_allclose(effective_rates([0.04, 4.0], 0.1, 1e-12), [0.5, 0.05])
    assert effective_rates([0.0], 0.1, 0.01)[0] == pytest.approx(10.0)


def test_effective_rates_reproduce_the_steps_of_a_run():
    f = objectives.get("elongated_bowl", condition=25)
    tr = optim_core.run(
        optim_core.rmsprop(0.05, 0.9, 1e-8), f, np.array([-2.5, 1.5]), 20, record_states=True
    )
    rates = effective_rates(tr.states.s[1:], 0.05, 1e-8)
    grads = f.grad(tr.params[:-1])
    np.testing.assert_allclose(np.diff(tr.params, axis=0), -rates * grads, rtol=1e-10)
    # the flat direction (w) gets the larger rate
    assert np.all(rates[:, 0] > rates[:, 1])


def test_steps_to_target():
    assert steps_to_target([5.0, 2.0, 0.5, 0.1], 0.5) == 2
    assert steps_to_target([5.0, 2.0, np.nan], 0.5) == -1
    assert steps_to_target([0.1], 0.5) == 0


def test_tail_stats_hand_worked():
    path = np.array([[3.0, 4.0], [0.0, 1.0], [0.0, -1.0], [0.0, 2.0]])
    mean_d, max_d, step = tail_stats(path, (0.0, 0.0), 2)
    assert mean_d == pytest.approx(1.5)  # distances 1 and 2
    assert max_d == pytest.approx(2.0)
    assert step == pytest.approx(2.5)  # moves 2 and 3
    assert all(math.isnan(v) for v in tail_stats([[0.0, 0.0], [np.nan, np.nan]], (0, 0), 1))


def test_bad_hyperparameters_are_refused():
    with pytest.raises(ValueError):
        first_step([1.0], 0.1, 1.0, 1e-8)
    with pytest.raises(ValueError):
        effective_rates([1.0], 0.0, 1e-8)


def test_rate_ratios_by_hand():
    rates = np.array([[1.0, 1.0], [4.0, 2.0], [1.0, 2.0], [9.0, 1.0], [np.inf, 1.0]])
    got = rate_ratios(rates)  # row 0 skipped, last finite row is 3: ratios 2, 0.5, 9
    assert got.last == 3 and got.median == 2.0 and got.low == 0.5 and got.high == 9.0
    assert got.wider == 2
    assert rate_ratios(np.full((3, 2), np.nan)).last == 0


# -- the page sections -----------------------------------------------------------------------

DEFAULTS = lesson.setup(25, 0.1, 0.9, 1e-8, 0.07, 200)


def test_setup_cleans_the_controls_and_fills_in_missing_values():
    assert DEFAULTS == lesson.Setup(25.0, 0.1, 0.9, 1e-8, 0.07, 200)
    assert lesson.setup(25, 0.1, 0.9000000001, 1e-8, 0.07, 200.0).beta == 0.9
    assert lesson.setup(None, None, None, None, None, None) == DEFAULTS


def test_update_at_step_one_by_hand():
    # g₁ = ∇f(−2.5, 1.5) = (−2.5, 25·1.5) and s₁ = (1−β)·g₁², so √s₁ = √0.1·|g₁|
    step = lesson.update(DEFAULTS, 1)
    assert (step.k, step.wanted, step.clamped, step.live, step.diverged) == (1, 1, False, True, -1)
    w, b = step.coords
    assert (w.name, b.name) == ("w", "b")
    assert (w.g, b.g) == (pytest.approx(-2.5), pytest.approx(37.5))
    assert (w.s_prev, b.s_prev) == (0.0, 0.0)
    assert b.s == pytest.approx(0.1 * 37.5**2)
    assert b.root == pytest.approx(math.sqrt(0.1) * 37.5)
    assert b.rate == pytest.approx(0.1 / (math.sqrt(0.1) * 37.5 + 1e-8))
    # both coordinates move by α/√(1−β) = 0.316, against the gradient
    assert (w.step, b.step) == (
        pytest.approx(0.1 / math.sqrt(0.1)),
        pytest.approx(-0.1 / math.sqrt(0.1)),
    )
    assert step.ratio == pytest.approx(w.rate / b.rate) and step.ratio == pytest.approx(15.0)
    assert step.one_minus_beta == pytest.approx(0.1)
    # plain GD's step from the same point, −α_GD·g₁ = −0.07·(−2.5, 37.5), for the chart's note
    assert step.gd_move == pytest.approx((0.175, -2.625))


def test_update_past_the_end_of_the_run_shows_the_last_step():
    step = lesson.update(lesson.setup(25, 0.1, 0.9, 1e-8, 0.07, 10), 300)
    assert (step.k, step.wanted, step.clamped) == (10, 300, True)


def test_first_move_is_ten_alpha_at_beta_099():
    first = lesson.first_move(lesson.setup(25, 0.1, 0.99, 1e-8, 0.07, 200))
    np.testing.assert_allclose(first.measured, 1.0, rtol=1e-6)
    np.testing.assert_allclose(first.predicted, first.measured, rtol=1e-12)
    assert first.approx == pytest.approx(1.0) and first.factor == pytest.approx(10.0)
    assert first.one_minus_beta == pytest.approx(0.01)


def test_valley_paths_costs_and_arrivals_match_direct_runs():
    valley = lesson.valley(DEFAULTS)
    f = objectives.get("elongated_bowl", condition=25)
    x0 = np.array(lesson.START)
    gd = optim_core.run(optim_core.gd(0.07), f, x0, 200)
    rms = optim_core.run(optim_core.rmsprop(0.1, 0.9, 1e-8), f, x0, 200)
    np.testing.assert_array_equal(valley.gd_path, gd.params)
    np.testing.assert_allclose(valley.rms_loss, rms.loss, rtol=1e-9)  # pure and fast engines
    assert valley.gd_hit == int(np.flatnonzero(gd.loss <= 1e-3)[0])
    assert valley.rms_hit == int(np.flatnonzero(rms.loss <= 1e-3)[0])
    assert valley.rms_hit < valley.gd_hit  # RMSprop arrives first at the defaults
    assert (valley.gd_diverged, valley.rms_diverged) == (-1, -1)
    assert valley.two == pytest.approx(0.08)
    assert valley.grid.z.shape == (lesson.GRID, lesson.GRID) == (70, 70)
    # the swing across the valley over the first 30 steps: GD's b goes 1.5, 1.5·(1 − 0.07·25)
    # = −1.125, … (a factor −0.75 each step); RMSprop's b falls one way only
    b = 1.5 * (-0.75) ** np.arange(31)
    covered = np.abs(np.diff(b)).sum()
    assert valley.first == 30
    assert valley.gd_zigzag_b == pytest.approx(covered - abs(b[-1] - b[0]))
    assert valley.rms_zigzag_b == pytest.approx(lesson.zigzag(rms.params[:, 1]))
    assert valley.rms_zigzag_b < 0.01 * valley.gd_zigzag_b


def test_zigzag_by_hand():
    assert lesson.zigzag([0.0, 1.0, -1.0, 0.5]) == pytest.approx((1 + 2 + 1.5) - 0.5)
    assert lesson.zigzag([3.0, 2.0, 1.0]) == 0.0  # one way, however far
    assert lesson.zigzag([0.0, 1.0, 0.0, 1.0], first=1) == 0.0  # only the first step counts
    assert lesson.zigzag([0.0, 1.0, np.nan, np.nan]) == 0.0  # a diverged run: its finite part
    assert math.isnan(lesson.zigzag([np.nan, np.nan]))


def test_valley_reports_gd_diverging_above_two_over_kappa():
    valley = lesson.valley(lesson.setup(100, 0.1, 0.9, 1e-8, 0.2, 200))
    assert valley.gd_diverged > 0 and valley.two == pytest.approx(0.02)
    assert valley.gd_hit == -1


def test_rates_give_the_flat_direction_the_larger_rate():
    per = lesson.rates(DEFAULTS)
    assert per.steps[0] == 1 and len(per.steps) == 200
    np.testing.assert_allclose(per.rates, 0.1 / (per.sqrt_s + 1e-8))
    assert np.all(per.rates[:, 0] > per.rates[:, 1])
    assert per.ratios.last == 200 and per.ratios.wider == 200
    assert (per.rate_w, per.rate_b) == tuple(per.rates[-1])
    assert (per.sqrt_w, per.sqrt_b) == pytest.approx(tuple(per.sqrt_s[-1]))
    assert per.ratio == pytest.approx(per.rate_w / per.rate_b)


def test_near_minimum_tail_and_variants():
    near = lesson.near_minimum(DEFAULTS)
    assert near.tail == 20
    np.testing.assert_allclose(near.rms_distance[0], math.hypot(2.5, 1.5))
    assert near.rms_tail == tail_stats(lesson.valley(DEFAULTS).rms_path, (0, 0), 20)
    assert [(v.lr, v.eps) for v in near.variants] == [
        (0.1, 1e-8),
        (0.05, 1e-8),
        (0.025, 1e-8),
        (0.1, 0.1),
        (0.1, 1.0),
    ]
    assert near.variants[0].move == pytest.approx(near.rms_tail[2])
    short = lesson.near_minimum(lesson.setup(25, 0.1, 0.9, 1e-8, 0.07, 10))
    assert short.tail == 10


def test_rebound_by_hand():
    # cost 1, 1e-4 (hit at 1), 1e-9 (low at 2), 1e-5, 0.01 (back above 1e-3 at 4); rate_b·κ
    # passes 2 at step 3 (κ = 10: rate_b 0.21 > 0.2)
    loss = [1.0, 1e-4, 1e-9, 1e-5, 0.01]
    rate_b = [np.nan, 0.05, 0.15, 0.21, 0.3]
    r = lesson.rebound(loss, rate_b, 10.0, 1e-3)
    assert r.found and (r.hit, r.low_step, r.unstable_step, r.back_step) == (1, 2, 3, 4)
    assert r.low_cost == 1e-9 and r.back_cost == 0.01 and r.factor == pytest.approx(2.0)
    assert not lesson.rebound([1.0, 0.5], [np.nan, 0.1], 10.0, 1e-3).found  # never hits
    calm = lesson.rebound([1.0, 1e-4, 1e-6], [np.nan, 0.05, 0.05], 10.0, 1e-3)
    assert not calm.found and calm.low_step == 2  # hits, never comes back


def test_the_rebound_at_the_defaults_is_the_b_coordinate_growing_back():
    """Closed form on the valley: each update multiplies b by 1 − κ·α/(√s_b + ε); the run's b
    grows back exactly by that factor once it is above 1 in size."""
    s = lesson.setup(25, 0.1, 0.9, 1e-8, 0.07, 200)
    v = lesson.valley(s)
    r = v.rebound
    assert r.found and (r.hit, r.low_step, r.unstable_step, r.back_step) == (34, 68, 58, 91)
    assert r.low_cost < 1e-30 and r.back_cost > lesson.TARGET
    rate_b = v.rates[:, 1]
    b = v.rms_path[:, 1]
    k = np.arange(60, 92)
    np.testing.assert_allclose(b[k], (1 - 25 * rate_b[k]) * b[k - 1], rtol=1e-9)
    assert 25 * rate_b[r.unstable_step] > 2 >= 25 * rate_b[r.unstable_step - 1]
    assert r.factor == pytest.approx(abs(1 - 25 * rate_b[91]))
    assert v.rms_loss[r.back_step - 1] <= lesson.TARGET < v.rms_loss[r.back_step]


def test_box_is_the_valleys_plotting_box():
    assert lesson.box(25) == ((-3.0, 3.0), (-2.0, 2.0))
