"""The momentum page's lesson, against hand-worked numbers and real runs.

The first tests (the small pieces of math) moved here from tests/core/test_momentum_lessons.py;
the section functions follow, each checked without Streamlit.
"""

import math

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.ewa import window
from optim_core.lessons import momentum as lesson
from optim_core.lessons.momentum import (
    gd_lr_limit,
    mean_abs,
    momentum_lr_limit,
    sign_changes,
    step_gradients,
    steps_to_target,
    torch_sgd_lr,
    travel,
)


def test_two_momentum_steps_by_hand():
    # f = (w² + 4 b²)/2 from (1, 1), α = 0.1, β = 0.5:
    # g1 = (1, 4),      v1 = 0.5·0 + 0.5·g1 = (0.5, 2),       x1 = (0.95, 0.8)
    # g2 = (0.95, 3.2), v2 = 0.5·v1 + 0.5·g2 = (0.725, 2.6),  x2 = (0.8775, 0.54)
    bowl = objectives.get("elongated_bowl", condition=4.0)
    run = optim_core.run(
        optim_core.momentum(lr=0.1, beta=0.5), bowl, (1.0, 1.0), 2, record_states=True
    )
    assert step_gradients(bowl, run.params) == pytest.approx(np.array([[1, 4], [0.95, 3.2]]))
    assert run.states.v == pytest.approx(np.array([[0, 0], [0.5, 2], [0.725, 2.6]]))
    assert run.params == pytest.approx(np.array([[1, 1], [0.95, 0.8], [0.8775, 0.54]]))


def test_beta_zero_is_plain_gradient_descent():
    bowl = objectives.get("elongated_bowl", condition=25.0)
    plain = optim_core.run(optim_core.gd(lr=0.07), bowl, (-2.5, 1.0), 50)
    zero = optim_core.run(optim_core.momentum(lr=0.07, beta=0.0), bowl, (-2.5, 1.0), 50)
    np.testing.assert_allclose(zero.params, plain.params, rtol=1e-12, atol=1e-15)


def test_torch_form_runs_the_same_path():
    # torch.optim.SGD(lr=α(1-β), momentum=β): u ← β·u + g, x ← x − lr·u (u starts at 0)
    bowl = objectives.get("elongated_bowl", condition=25.0)
    lr, beta = 0.063, 0.8
    ours = optim_core.run(optim_core.momentum(lr=lr, beta=beta), bowl, (-2.5, 1.0), 40)
    x, u, path = np.array([-2.5, 1.0]), np.zeros(2), [np.array([-2.5, 1.0])]
    for _ in range(40):
        u = beta * u + bowl.grad(x)
        x = x - torch_sgd_lr(lr, beta) * u
        path.append(x)
    np.testing.assert_allclose(ours.params, np.array(path), rtol=1e-10, atol=1e-13)
    assert torch_sgd_lr(0.1, 0.9) == pytest.approx(0.01)


def test_steps_to_target_by_hand():
    # threshold 1e-6 · 8 = 8e-6: 1e-5 is above it, 1e-7 below
    assert steps_to_target([8.0, 4.0, 1e-5, 1e-7, 1e-9]) == 3
    assert steps_to_target([8.0, 4.0, 1.0], fraction=0.5) == 1
    assert steps_to_target([8.0, 4.0, 1.0]) == -1
    assert steps_to_target([1.0, np.nan, np.nan]) == -1
    assert steps_to_target([0.0, 0.0]) == 0
    with pytest.raises(ValueError):
        steps_to_target([])


def test_limits_by_hand():
    assert gd_lr_limit(25) == pytest.approx(0.08)
    assert momentum_lr_limit(25, 0.9) == pytest.approx(2 * 1.9 / (0.1 * 25))  # 1.52
    assert momentum_lr_limit(25, 0.0) == pytest.approx(gd_lr_limit(25))
    assert window(0.9) == pytest.approx(10.0)
    assert window(0.0) == 1.0
    with pytest.raises(ValueError):
        momentum_lr_limit(25, 1.0)


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9])
def test_limits_split_real_runs(beta):
    bowl = objectives.get("elongated_bowl", condition=25.0)
    limit = momentum_lr_limit(25.0, beta)
    below = optim_core.run(optim_core.momentum(lr=0.97 * limit, beta=beta), bowl, (1.0, 1.0), 3000)
    above = optim_core.run(optim_core.momentum(lr=1.03 * limit, beta=beta), bowl, (1.0, 1.0), 3000)
    assert int(below.diverged_at) == -1 and below.loss[-1] < below.loss[0]
    assert int(above.diverged_at) > 0


def test_sign_changes_and_mean_abs_by_hand():
    assert sign_changes([1, -1, 1, -1], 4) == 3
    assert sign_changes([1, -1, 1, -1], 2) == 1
    assert sign_changes([1, 2, 3], 3) == 0
    assert sign_changes([1, 0, -1], 3) == 0
    assert sign_changes([1, np.nan, -1], 3) == 0
    assert mean_abs([1, -3, np.nan, 5], 3) == pytest.approx(2.0)
    assert np.isnan(mean_abs([np.nan], 1))


def test_travel_by_hand():
    # 1 → −0.5 → 0.25: |−1.5| + |0.75| = 2.25
    assert travel([1.0, -0.5, 0.25, 9.0], 2) == pytest.approx(2.25)
    assert travel([1.0, -0.5, np.nan], 5) == pytest.approx(1.5)


def test_momentum_straightens_the_zig_zag_at_the_page_defaults():
    # κ = 30, α = 0.063 (ακ = 1.89: plain descent flips b every step), β = 0.8
    bowl = objectives.get("elongated_bowl", condition=30.0)
    plain = optim_core.run(optim_core.gd(lr=0.063), bowl, (-2.5, 1.0), 3000)
    mom = optim_core.run(
        optim_core.momentum(lr=0.063, beta=0.8), bowl, (-2.5, 1.0), 3000, record_states=True
    )
    g = step_gradients(bowl, plain.params)
    assert sign_changes(g[:, 1], 30) == 29  # a flip at every step
    assert travel(mom.params[:, 1], 30) < 0.5 * travel(plain.params[:, 1], 30)
    g_m, v_m = step_gradients(bowl, mom.params), mom.states.v[1:]
    assert mean_abs(v_m[:, 1], 30) < 0.5 * mean_abs(g_m[:, 1], 30)
    assert 0 < steps_to_target(mom.loss) < steps_to_target(plain.loss)


# -- the section functions ------------------------------------------------------------------


def test_same_sign_by_hand():
    assert lesson.same_sign([1, -2, 3, 4], [2, -1, -3, 5], 4) == 3
    assert lesson.same_sign([1, -2, 3, 4], [2, -1, -3, 5], 2) == 2


def test_rule_writes_out_step_k_by_hand():
    # the two steps of test_two_momentum_steps_by_hand, on the page's valley with κ = 4:
    # from (-2.5, 1), α = 0.1, β = 0.5: g1 = (-2.5, 4), v1 = (-1.25, 2), x1 = (-2.375, 0.8)
    r = lesson.rule(0.1, 0.5, 4.0, 10, 1)
    assert (r.k, r.shown, r.diverged_at) == (1, 1, -1)
    assert r.x_prev == pytest.approx(lesson.START)
    assert r.g == pytest.approx([-2.5, 4.0]) and r.v_prev == pytest.approx([0.0, 0.0])
    assert r.v == pytest.approx([-1.25, 2.0]) and r.x_new == pytest.approx([-2.375, 0.8])
    assert (r.rest, r.torch_lr) == pytest.approx((0.5, 0.05))
    # g2 = (-2.375, 3.2), v2 = 0.5·v1 + 0.5·g2 = (-1.8125, 2.6)
    r2 = lesson.rule(0.1, 0.5, 4.0, 10, 2)
    assert r2.g == pytest.approx([-2.375, 3.2]) and r2.v_prev == pytest.approx(r.v)
    assert r2.v == pytest.approx([-1.8125, 2.6])
    assert lesson.rule(0.1, 0.5, 4.0, 10, 99).shown == 10  # k is clamped to the steps shown


def test_rule_falls_back_to_the_last_finite_step_after_a_divergence():
    r = lesson.rule(2.0, 0.0, 100.0, 200, 200)
    assert r.diverged_at > 1 and r.shown == r.diverged_at - 1 != r.k
    assert np.isfinite(r.x_new).all() and np.isfinite(r.v).all()


def test_race_at_the_page_defaults():
    race = lesson.race(0.063, 0.8, 30.0, 100)
    assert race.gd_path.shape == race.m_path.shape == (101, 2)
    assert race.gd_path[0] == pytest.approx(lesson.START)
    assert (race.gd_diverged, race.m_diverged) == (-1, -1)
    assert race.gd_limit == pytest.approx(2 / 30)
    assert race.m_limit == pytest.approx(2 * 1.8 / (0.2 * 30))  # 0.6
    # the start's cost: (2.5² + 30·1²)/2 = 18.125
    assert race.target == pytest.approx(18.125e-6)
    assert race.first == 30 and race.m_travel < 0.5 * race.gd_travel


def test_reach_and_its_verdict():
    reach = lesson.reach(0.063, 0.8, 30.0)
    assert 0 < reach.m_steps < reach.gd_steps and (reach.gd_diverged, reach.m_diverged) == (-1, -1)
    assert reach.verdict == "faster"
    assert reach.ratio == pytest.approx(reach.gd_steps / reach.m_steps)
    diverging = lesson.reach(0.1, 0.8, 30.0)  # above 2/κ = 0.0667: only momentum gets there
    assert diverging.gd_diverged > 0 and diverging.verdict == "only_momentum"
    assert math.isnan(diverging.ratio)
    both = lesson.reach(2.0, 0.0, 100.0)
    assert both.verdict is None and both.m_diverged > 0


def test_cancellation_at_the_page_defaults():
    c = lesson.cancellation(0.063, 0.8, 30.0, 100)
    bowl = objectives.get("elongated_bowl", condition=30.0)
    mom = optim_core.run(
        optim_core.momentum(lr=0.063, beta=0.8), bowl, lesson.START, 100, record_states=True
    )
    np.testing.assert_allclose(c.v, mom.states.v[1:])
    assert c.g_b == pytest.approx(mean_abs(step_gradients(bowl, mom.params)[:, 1], 30))
    assert c.measured and not c.beta_zero and not c.calm
    assert c.flips == 29  # ακ = 1.89: plain descent's b gradient flips at every step
    assert c.ratio == pytest.approx(c.g_b / c.v_b) and c.ratio > 2
    assert c.same == 30  # along w the velocity always pushes the way the gradient does
    assert (c.ak, c.inv_kappa, c.window) == pytest.approx((1.89, 1 / 30, 5.0))
    calm = lesson.cancellation(0.02, 0.8, 30.0, 100)  # ακ = 0.6: no zig-zag to cancel
    assert calm.calm and calm.flips == 0
    assert lesson.cancellation(0.063, 0.0, 30.0, 100).beta_zero


def test_sweep_names_the_fastest_beta():
    s = lesson.sweep(0.063, 30.0, 0.85)
    assert [b for b, _, _ in s.rows] == sorted({*lesson.SWEEP_BETAS, 0.85})
    assert s.chosen == 0.85 and s.window == pytest.approx(1 / 0.15)
    reached = {b: steps for b, steps, d in s.rows if d < 0 and steps >= 0}
    assert s.best_steps == min(reached.values()) and reached[s.best_beta] == s.best_steps
    assert s.plain_steps == reached[0.0]
    nothing = lesson.sweep(0.001, 5.0, 0.0)  # α = 0.001: no β gets there in 3000 steps
    assert nothing.best_beta is None and nothing.plain_steps is None


def test_valley_is_the_bowl_on_a_grid():
    grid = lesson.valley(30.0)
    assert grid.z.shape == (lesson.GRID, lesson.GRID) == (70, 70)
    assert grid.z[0, 0] == pytest.approx(0.5 * (grid.xs[0] ** 2 + 30 * grid.ys[0] ** 2))


# -- 2, end: which direction zig-zags (issue 10: the study note's open question) ----------------


def test_zigzag_is_the_distance_covered_minus_the_net_progress():
    assert lesson.zigzag([0.0, 1.0, 2.0, 3.0]) == 0.0  # one way only
    assert lesson.zigzag([1.0, -0.8, 0.64]) == pytest.approx((1.8 + 1.44) - 0.36)
    assert lesson.zigzag([5.0]) == 0.0
    with pytest.raises(ValueError):
        lesson.zigzag([[1.0, 2.0]])


def test_steep_direction_of_a_hand_worked_hessian():
    lam, steep, angle = lesson.steep_direction([[2.0, 1.0], [1.0, 2.0]])  # λ = 1, 3 along (1, 1)
    assert lam == pytest.approx([1.0, 3.0])
    assert steep == pytest.approx(np.array([1.0, 1.0]) / math.sqrt(2))
    assert angle == pytest.approx(45.0)
    assert lesson.steep_direction(np.diag([1.0, 30.0]))[2] == pytest.approx(90.0)  # b


def tips_by_hand():
    """The tips data straight from plotly, and the Hessian 1/m Σ [[x², x], [x, 1]] written out
    with its eigenvalues in closed form: (a + c)/2 ± √(((a − c)/2)² + b²)."""
    import plotly.data

    frame = plotly.data.tips()
    x = frame["total_bill"].to_numpy(float)
    a, b, c = float(np.mean(x**2)), float(np.mean(x)), 1.0
    root = math.sqrt(((a - c) / 2) ** 2 + b**2)
    return x, np.array([[a, b], [b, c]]), ((a + c) / 2 - root, (a + c) / 2 + root)


def test_the_tips_hessian_and_its_eigenvalues_are_the_closed_form():
    x, hessian, (low, high) = tips_by_hand()
    d = lesson.directions(30.0)
    assert d.m == len(x) == 244
    np.testing.assert_allclose(d.tips.hessian, hessian, rtol=1e-12)
    assert (d.tips.lam_min, d.tips.lam_max) == pytest.approx((low, high), rel=1e-9)
    assert d.tips.lam_max == pytest.approx(471.2, abs=0.05)  # "about 471 and 0.17"
    assert d.tips.lam_min == pytest.approx(0.1675, abs=5e-5)
    assert d.tips.condition == pytest.approx(high / low)
    assert (d.mean_x2, d.mean_x) == pytest.approx((hessian[0, 0], hessian[0, 1]))


def test_on_the_tips_data_the_steep_direction_is_nearly_w_and_on_the_valley_exactly_b():
    d = lesson.directions(30.0)
    _, hessian, (_, high) = tips_by_hand()
    # the eigenvector of λ_max by hand: (H − λ I) v = 0 gives v ∝ (b, λ − a)
    by_hand = np.array([hessian[0, 1], high - hessian[0, 0]])
    by_hand /= np.linalg.norm(by_hand)
    assert d.tips.steep == pytest.approx(by_hand * np.sign(by_hand[0]))
    assert abs(d.tips.steep[0]) > 0.999  # nearly the w axis …
    assert d.tips.angle == pytest.approx(math.degrees(math.atan(by_hand[1] / by_hand[0])), abs=1e-9)
    assert 2.0 < d.tips.angle < 3.0  # … 2.41° off it
    assert d.valley.angle == 90.0 and (d.valley.lam_min, d.valley.lam_max) == (1.0, 30.0)
    # the same bills in hundreds of dollars: the steep direction turns close to b
    assert d.hundreds_angle > 75 and d.hundreds_off_b == pytest.approx(90 - d.hundreds_angle)
    x = tips_by_hand()[0] / 100
    a, b = np.mean(x**2), np.mean(x)
    assert d.hundreds_lam[1] == pytest.approx((a + 1) / 2 + math.sqrt(((a - 1) / 2) ** 2 + b**2))


def test_plain_descent_zig_zags_along_the_steep_direction_in_both_views():
    d = lesson.directions(30.0)
    # the valley: α = 1.8/30, b multiplied by 1 − 1.8 = −0.8 each step, w by 0.94 (one way)
    assert d.valley.lr == pytest.approx(1.8 / 30)
    np.testing.assert_allclose(d.valley.path[:, 1], 1.0 * (-0.8) ** np.arange(31), atol=1e-12)
    assert d.valley.zigzag_w == 0.0 and d.valley.zigzag_b > 7
    # the tips cost: the swing is in w, b only creeps
    loss = lesson.tips_loss()
    run = optim_core.run(optim_core.gd(lr=1.8 / d.tips.lam_max), loss, (0.0, 0.0), 30)
    np.testing.assert_allclose(d.tips.path, run.params)
    steps = np.diff(d.tips.path[:, 0])
    assert (np.sign(steps[1:]) != np.sign(steps[:-1])).all()  # w flips direction every step
    assert d.tips.zigzag_w > 20 * d.tips.zigzag_b
    assert d.tips.minimum == pytest.approx(tuple(loss.optimum()[0]))
    box = d.tips.grid
    for w, b in (*d.tips.path, d.tips.minimum):  # the map holds the path and the minimum
        assert box.xs[0] < w < box.xs[-1] and box.ys[0] < b < box.ys[-1]


def test_the_sweep_keeps_the_chosen_and_the_plain_rows():
    s = lesson.sweep(0.063, 30.0, 0.8)
    rows = {b: (steps, diverged) for b, steps, diverged in s.rows}
    assert (s.chosen_steps, s.chosen_diverged) == rows[0.8]
    assert (s.zero_steps, s.zero_diverged) == rows[0.0] == (s.plain_steps, -1)
    wild = lesson.sweep(2.0, 100.0, 0.3)  # α = 2 on κ = 100: plain descent diverges
    assert wild.zero_diverged > 0 and wild.plain_steps is None
