"""The gradient-descent lesson: the tips parabola, its learning-rate regimes against observed
runs, and each page section's numbers against hand-worked and closed-form values."""

import math

import numpy as np
import pytest

import optim_core
from optim_core.lessons import gradient_descent as lesson
from optim_core.losses import LinearRegression, parabola_coefficients, standardize

X, Y = lesson.tips()
LOSS = lesson.NoInterceptLeastSquares(X, Y)
C2 = lesson.curvature(X)
ONE, TWO = lesson.thresholds(C2)
W_STAR = LOSS.minimizer


def errors(lr, w0=0.5, steps=60):
    run = optim_core.run(optim_core.gd(lr), LOSS, np.array([w0]), steps)
    return run, run.params[:, 0] - W_STAR


def test_tips_data_is_the_restaurant_sample():
    assert X.shape == Y.shape == (244,)
    assert X.min() == pytest.approx(3.07) and X.max() == pytest.approx(50.81)
    assert not X.flags.writeable


def test_parabola_coefficients_match_a_direct_expansion():
    m = len(X)
    a, b, c = parabola_coefficients(X, Y)
    assert a == pytest.approx(sum(xi * xi for xi in X) / (2 * m), rel=1e-12)
    assert b == pytest.approx(-sum(xi * yi for xi, yi in zip(X, Y, strict=True)) / m, rel=1e-12)
    assert c == pytest.approx(sum(yi * yi for yi in Y) / (2 * m), rel=1e-12)
    for w in (-1.0, 0.0, 0.14, 0.7):
        direct = sum((w * xi - yi) ** 2 for xi, yi in zip(X, Y, strict=True)) / (2 * m)
        assert LOSS.value(np.array([w])) == pytest.approx(direct, rel=1e-12)
        assert (a * w + b) * w + c == pytest.approx(direct, rel=1e-12)


def test_slope_is_the_derivative_and_vanishes_at_the_minimum():
    h = 1e-6
    for w in (-0.3, 0.2, 0.9):
        numeric = (LOSS.value(np.array([w + h])) - LOSS.value(np.array([w - h]))) / (2 * h)
        assert LOSS.grad(np.array([w]))[0] == pytest.approx(numeric, rel=1e-7)
    assert LOSS.slope(W_STAR) == pytest.approx(0.0, abs=1e-10)
    # W* is the least-squares slope through the origin: sum(xy) / sum(x^2)
    assert W_STAR == pytest.approx(float(X @ Y / (X @ X)), rel=1e-12)


def test_curvature_and_thresholds_on_tips():
    assert C2 == pytest.approx(float(np.mean(X**2)), rel=1e-12)
    assert C2 == pytest.approx(LOSS.curvature, rel=1e-12)
    assert ONE == pytest.approx(1 / C2) and TWO == pytest.approx(2 / C2)
    assert 470 < C2 < 471  # sum(x^2)/m of the 244 bills
    assert 0.00212 < ONE < 0.00213 and 0.00425 < TWO < 0.00426


def test_error_follows_the_closed_form_factor():
    for lr in (0.5 * ONE, 1.5 * ONE):
        run, err = errors(lr, steps=20)
        q = lesson.contraction(lr, C2)
        expected = q ** np.arange(21) * (0.5 - W_STAR)
        np.testing.assert_allclose(err, expected, rtol=1e-9, atol=1e-13)


def test_below_one_over_c2_creeps_from_one_side():
    run, err = errors(0.5 * ONE, steps=25)
    assert lesson.regime(0.5 * ONE, C2) == "creep"
    assert run.diverged_at == -1
    assert np.all(err > 0)  # never crosses W*
    assert np.all(np.diff(np.abs(err)) < 0)
    assert np.all(np.diff(run.loss) < 0)


def test_one_over_c2_lands_in_one_step():
    run, err = errors(ONE, steps=3)
    assert lesson.regime(ONE, C2) == "one_step"
    assert abs(err[1]) < 1e-12 and abs(err[0]) > 0.3


def test_between_thresholds_overshoots_and_converges():
    run, err = errors(0.99 * TWO, steps=2000)
    assert lesson.regime(0.99 * TWO, C2) == "overshoot"
    assert run.diverged_at == -1
    signs = np.sign(err[:50])
    assert np.all(signs[1:] == -signs[:-1])  # side to side
    assert abs(err[-1]) < 1e-6 * abs(err[0])  # but it converges
    assert np.all(np.diff(np.abs(err[:50])) < 0)


def test_exactly_two_over_c2_bounces_forever():
    run, err = errors(TWO, steps=200)
    assert lesson.regime(TWO, C2) == "bounce"
    assert run.diverged_at == -1
    np.testing.assert_allclose(np.abs(err), abs(err[0]), rtol=1e-6)
    assert np.all(np.sign(err[1:]) == -np.sign(err[:-1]))


def test_just_above_two_over_c2_diverges():
    run, err = errors(1.01 * TWO, steps=2000)
    assert lesson.regime(1.01 * TWO, C2) == "diverge"
    assert run.diverged_at > 0
    k = int(run.diverged_at)
    assert np.all(np.isfinite(err[:k])) and np.all(np.isnan(err[k:]))
    assert np.all(np.diff(np.abs(err[:k])) > 0)
    signs = np.sign(err[:k])
    assert np.all(signs[1:] == -signs[:-1])
    # the loss passes blowup * (loss0 + 1) at step k: |err| grows by 1.02 per step
    growth = abs(lesson.contraction(1.01 * TWO, C2))
    assert growth == pytest.approx(1.02, rel=1e-9)


def test_far_above_diverges_quickly():
    run, _ = errors(2.5 * TWO, steps=200)
    assert 0 < run.diverged_at < 20


def test_regime_names_and_bad_input():
    assert lesson.regime(1e-6, C2) == "creep"
    assert lesson.regime(1.0, C2) == "diverge"
    assert lesson.REGIMES == ("creep", "one_step", "overshoot", "bounce", "diverge")
    with pytest.raises(ValueError):
        lesson.thresholds(0.0)
    with pytest.raises(ValueError):
        lesson.regime(-1.0, C2)
    with pytest.raises(ValueError):
        lesson.curvature(np.ones((2, 2)))


def test_condition_numbers_raw_and_standardized():
    raw = LinearRegression(X[:, None], Y).curvature()
    np.testing.assert_allclose(raw, [[C2, X.mean()], [X.mean(), 1.0]], rtol=1e-12)
    kappa_raw = lesson.condition_number(raw)
    eig = np.linalg.eigvalsh(raw)
    assert kappa_raw == pytest.approx(eig[1] / eig[0])
    assert 2000 < kappa_raw < 4000
    xs = standardize(X[:, None])[0]
    assert lesson.condition_number(LinearRegression(xs, Y).curvature()) == pytest.approx(1.0)
    assert lesson.condition_number(np.diag([1.0, 0.0])) == math.inf


def test_steps_to_shrink():
    assert lesson.steps_to_shrink(0.5, 0.01) == 7  # 0.5^7 < 0.01 < 0.5^6
    assert lesson.steps_to_shrink(-0.1, 0.01) == 2
    assert lesson.steps_to_shrink(0.0) == 1
    assert lesson.steps_to_shrink(1.0) == math.inf
    assert lesson.steps_to_shrink(-1.3) == math.inf
    with pytest.raises(ValueError):
        lesson.steps_to_shrink(0.5, 2.0)


# -- the page's sections ---------------------------------------------------------------------------


def test_parabola_holds_the_numbers_of_the_data_section():
    p = lesson.parabola()
    m = len(X)
    assert p.m == m == 244
    assert p.sum_x2 == pytest.approx(float(X @ X)) and p.sum_xy == pytest.approx(float(X @ Y))
    assert p.a == pytest.approx(p.sum_x2 / (2 * m)) and p.c == pytest.approx(p.sum_y2 / (2 * m))
    assert p.minus_b == -p.b == pytest.approx(p.sum_xy / m)
    # C(W) = 235.21 W² − 67.613 W + 5.448 (issue 10 checked these on the page)
    assert (round(p.a, 2), round(p.minus_b, 3), round(p.c, 3)) == (235.21, 67.613, 5.448)
    assert p.c2 == pytest.approx(2 * p.a) and (p.one, p.two) == (ONE, TWO)
    assert p.w_star == pytest.approx(p.sum_xy / p.sum_x2) and p.percent == 100 * p.w_star
    assert p.cost_star == pytest.approx(float(LOSS.value(np.array([p.w_star]))))
    np.testing.assert_array_equal(p.head_x, X[:6])
    np.testing.assert_array_equal(p.head_y, Y[:6])
    assert set(lesson.LR_GRID) | {ONE, TWO} == set(p.lr_options) == set(lesson.lr_options())
    assert lesson.DEFAULT_LR in p.lr_options and lesson.DEFAULT_RATE in lesson.RATES_2D


def test_parabola_conditioning_raw_and_standardized():
    p = lesson.parabola()
    # raw Hessian [[C'', mean x], [mean x, 1]]: its eigenvalues by the quadratic formula
    tr, det = C2 + 1.0, C2 - X.mean() ** 2
    root = math.sqrt(tr**2 / 4 - det)
    assert p.eig_raw == pytest.approx((tr / 2 - root, tr / 2 + root))
    assert p.kappa_raw == pytest.approx(p.eig_raw[1] / p.eig_raw[0])
    assert round(p.kappa_raw) == 2814
    assert p.eig_std == pytest.approx((1.0, 1.0)) and p.kappa_std == pytest.approx(1.0)
    assert p.x_mean == pytest.approx(X.mean()) and p.x_std == pytest.approx(X.std())


def test_descent_step_numbers_by_hand():
    p = lesson.parabola()
    lr = 0.001
    d = lesson.descent(lr, 0.5, 25, 2)
    w = 0.5
    for j in range(4):  # W_{j+1} = W_j − α (2a W_j + b), worked step by step
        slope = 2 * p.a * w + p.b
        assert d.w[j] == pytest.approx(w) and d.slope[j] == pytest.approx(slope)
        assert d.move[j] == pytest.approx(-lr * slope)
        w = w - lr * slope
        assert d.new[j] == pytest.approx(w)
    assert (d.k, d.shown, d.n_frames, d.diverged_at) == (2, 2, 25, -1)
    assert (d.w_k, d.slope_k, d.new_k) == (d.w[2], d.slope[2], d.new[2])
    assert d.factor == pytest.approx(1 - lr * C2) and d.growth == abs(d.factor)
    assert d.error_k == pytest.approx(d.w_k - p.w_star)
    assert d.new_error_k == pytest.approx(d.factor * d.error_k, rel=1e-9)
    assert d.regime == "creep" and d.slope_sign == "positive"  # W₀ = 0.5 lies right of W*
    assert lesson.descent(lr, -0.5, 25).slope_sign == "negative"
    assert d.w_path.shape == d.loss_path.shape == (26,)


def test_descent_after_divergence_shows_the_last_finite_step():
    d = lesson.descent(0.00631, 0.5, 25, 24)
    assert d.diverged_at > 0 and d.regime == "diverge"
    assert d.n_frames == d.diverged_at - 1 and d.shown == d.n_frames - 1 < d.k == 24
    assert np.isfinite([d.w_k, d.slope_k, d.new_k]).all()
    assert d.growth == pytest.approx(abs(1 - 0.00631 * C2)) and d.growth > 1


def test_step_controls_stay_inside_the_run():
    assert lesson.descent(0.001, 0.5, 5, 99).k == 4
    assert lesson.descent(0.001, 0.5, 5, -3).k == 0
    assert lesson.last_step(25) == 24
    assert lesson.step_after(0, -1, 24) == 0
    assert lesson.step_after(3, 1, 24) == 4
    assert lesson.step_after(24, 1, 24) == 24


def test_valley_on_the_standardized_bill_is_a_round_bowl():
    v = lesson.valley(0.3, -2.5, 5.5, 40, False)
    assert v.lam_min == pytest.approx(1.0) and v.lam_max == pytest.approx(1.0)
    assert v.lr == pytest.approx(0.3 / v.lam_max)
    assert v.slow_factor == pytest.approx(0.7) and v.fast_factor == pytest.approx(0.7)
    assert v.steps_needed == 13  # 0.7¹³ < 0.01 < 0.7¹²
    assert v.shrinks and not v.growing and v.diverged_at == -1
    # the bias of the best line is the mean tip: the guess you make without looking at x
    assert v.optimum[1] == pytest.approx(float(Y.mean()))
    assert v.gap == pytest.approx(float(v.loss[-1]) - v.cost_star) and v.gap >= 0
    assert v.path.shape == (41, 2) and v.loss.shape == (41,)
    # each step multiplies the distance to the optimum by 1 − α·1 = 0.7 in both directions
    distance = np.linalg.norm(v.path - np.array(v.optimum), axis=1)
    np.testing.assert_allclose(distance[1:] / distance[:-1], 0.7, rtol=1e-9)


def test_valley_grid_is_the_cost_over_the_fixed_box():
    v = lesson.valley(0.3, -2.5, 5.5, 40, True)
    xs, ys, z = v.grid
    assert z.shape == (lesson.GRID_2D, lesson.GRID_2D)
    assert ((xs[0], xs[-1]), (ys[0], ys[-1])) == lesson.BOX_2D
    direct = np.mean((xs[0] * X + ys[0] - Y) ** 2) / 2
    assert z[0, 0] == pytest.approx(direct)
    # the raw bill: λ_max ≈ 471 sets α, the flat direction barely shrinks
    assert v.lr == pytest.approx(0.3 / v.lam_max) and v.lam_max > 470
    assert v.slow_factor == pytest.approx(1 - v.lr * v.lam_min) and v.slow_factor > 0.9998
    assert v.steps_needed > 10_000


def test_valley_above_two_over_lambda_max_grows_then_diverges():
    short = lesson.valley(2.05, -2.5, 5.5, 40, False)
    assert short.growing and short.fast_growth == pytest.approx(1.05)
    assert not short.shrinks and short.steps_needed == math.inf
    long = lesson.valley(2.05, -2.5, 5.5, 300, False)
    assert long.diverged_at > 0 and not long.growing and long.gap == math.inf


def test_the_numbers_of_the_look_lines_come_from_the_run():
    p = lesson.parabola()
    assert p.y_mean == pytest.approx(float(np.sum(Y)) / 244, rel=1e-12)
    d = lesson.descent(0.001, 0.5, 25)
    assert d.cost_first == pytest.approx(LOSS.value(np.array([0.5])))
    assert (d.last, d.cost_last) == (25, d.loss_path[-1])
    gone = lesson.descent(0.01, 0.5, 25)  # diverges: the last finite point is before the blow-up
    assert 0 < gone.last < gone.diverged_at and np.isfinite(gone.cost_last)
    assert not np.isfinite(gone.loss_path[gone.last + 1])
    assert gone.cost_last > gone.cost_first  # the cost climbs
    v = lesson.valley(0.3, -2.5, 5.5, 40, False)
    assert not v.raw and v.kappa == pytest.approx(1.0)
    assert v.last == 40 and v.end == tuple(v.path[-1])
    assert v.cost_first == v.loss[0] and v.cost_last == v.loss[-1]
    # 40 steps at 0.7 per step: the run ends within 0.7⁴⁰·|b₀ − b*| ≈ 2e-6 of the mean tip
    assert abs(v.end[1] - v.mean_tip) <= 0.7**40 * abs(5.5 - v.mean_tip) * (1 + 1e-6)
    raw = lesson.valley(0.3, -2.5, 5.5, 40, True)
    assert raw.raw and raw.kappa == pytest.approx(p.kappa_raw)
    blown = lesson.valley(2.05, -2.5, 5.5, 300, False)
    assert blown.last == blown.diverged_at - 1 and np.isfinite(blown.end).all()
