"""Learning-rate regimes on the tips parabola: thresholds against observed runs."""

import math

import numpy as np
import pytest

import optim_core
from optim_core import regimes
from optim_core.losses import LinearRegression, parabola_coefficients, standardize
from optim_core.one_feature import NoInterceptLeastSquares, tips

X, Y = tips()
LOSS = NoInterceptLeastSquares(X, Y)
C2 = regimes.curvature(X)
ONE, TWO = regimes.thresholds(C2)
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
        q = regimes.contraction(lr, C2)
        expected = q ** np.arange(21) * (0.5 - W_STAR)
        np.testing.assert_allclose(err, expected, rtol=1e-9, atol=1e-13)


def test_below_one_over_c2_creeps_from_one_side():
    run, err = errors(0.5 * ONE, steps=25)
    assert regimes.regime(0.5 * ONE, C2) == "creep"
    assert run.diverged_at == -1
    assert np.all(err > 0)  # never crosses W*
    assert np.all(np.diff(np.abs(err)) < 0)
    assert np.all(np.diff(run.loss) < 0)


def test_one_over_c2_lands_in_one_step():
    run, err = errors(ONE, steps=3)
    assert regimes.regime(ONE, C2) == "one_step"
    assert abs(err[1]) < 1e-12 and abs(err[0]) > 0.3


def test_between_thresholds_overshoots_and_converges():
    run, err = errors(0.99 * TWO, steps=2000)
    assert regimes.regime(0.99 * TWO, C2) == "overshoot"
    assert run.diverged_at == -1
    signs = np.sign(err[:50])
    assert np.all(signs[1:] == -signs[:-1])  # side to side
    assert abs(err[-1]) < 1e-6 * abs(err[0])  # but it converges
    assert np.all(np.diff(np.abs(err[:50])) < 0)


def test_exactly_two_over_c2_bounces_forever():
    run, err = errors(TWO, steps=200)
    assert regimes.regime(TWO, C2) == "bounce"
    assert run.diverged_at == -1
    np.testing.assert_allclose(np.abs(err), abs(err[0]), rtol=1e-6)
    assert np.all(np.sign(err[1:]) == -np.sign(err[:-1]))


def test_just_above_two_over_c2_diverges():
    run, err = errors(1.01 * TWO, steps=2000)
    assert regimes.regime(1.01 * TWO, C2) == "diverge"
    assert run.diverged_at > 0
    k = int(run.diverged_at)
    assert np.all(np.isfinite(err[:k])) and np.all(np.isnan(err[k:]))
    assert np.all(np.diff(np.abs(err[:k])) > 0)
    signs = np.sign(err[:k])
    assert np.all(signs[1:] == -signs[:-1])
    # the loss passes blowup * (loss0 + 1) at step k: |err| grows by 1.02 per step
    growth = abs(regimes.contraction(1.01 * TWO, C2))
    assert growth == pytest.approx(1.02, rel=1e-9)


def test_far_above_diverges_quickly():
    run, _ = errors(2.5 * TWO, steps=200)
    assert 0 < run.diverged_at < 20


def test_regime_names_and_bad_input():
    assert regimes.regime(1e-6, C2) == "creep"
    assert regimes.regime(1.0, C2) == "diverge"
    assert regimes.REGIMES == ("creep", "one_step", "overshoot", "bounce", "diverge")
    with pytest.raises(ValueError):
        regimes.thresholds(0.0)
    with pytest.raises(ValueError):
        regimes.regime(-1.0, C2)
    with pytest.raises(ValueError):
        regimes.curvature(np.ones((2, 2)))


def test_condition_numbers_raw_and_standardized():
    raw = LinearRegression(X[:, None], Y).curvature()
    np.testing.assert_allclose(raw, [[C2, X.mean()], [X.mean(), 1.0]], rtol=1e-12)
    kappa_raw = regimes.condition_number(raw)
    eig = np.linalg.eigvalsh(raw)
    assert kappa_raw == pytest.approx(eig[1] / eig[0])
    assert 2000 < kappa_raw < 4000
    xs = standardize(X[:, None])[0]
    assert regimes.condition_number(LinearRegression(xs, Y).curvature()) == pytest.approx(1.0)
    assert regimes.condition_number(np.diag([1.0, 0.0])) == math.inf


def test_steps_to_shrink():
    assert regimes.steps_to_shrink(0.5, 0.01) == 7  # 0.5^7 < 0.01 < 0.5^6
    assert regimes.steps_to_shrink(-0.1, 0.01) == 2
    assert regimes.steps_to_shrink(0.0) == 1
    assert regimes.steps_to_shrink(1.0) == math.inf
    assert regimes.steps_to_shrink(-1.3) == math.inf
    with pytest.raises(ValueError):
        regimes.steps_to_shrink(0.5, 2.0)
