"""Tests for optim_core.losses against hand-worked numbers, loops and independent solvers."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optim_core.batches import minibatches
from optim_core.losses import (
    LinearRegression,
    LogisticRegression,
    parabola_coefficients,
    standardize,
)
from optim_core.objectives import Objective

# The tiny hand-made dataset: x = [1, 2, 3], y = [2, 4, 7].
#   Least-squares line: x_bar = 2, y_bar = 13/3, Sxx = 2, Sxy = 5, so w* = 5/2 and
#   b* = 13/3 - 5 = -2/3; residuals (-1/6, 1/3, -1/6), SSE = 1/6, cost = SSE / (2*3) = 1/36.
#   At (w, b) = (1, 0): residuals (-1, -2, -4), cost = 21/6 = 3.5,
#   gradient = ((-1 - 4 - 12)/3, (-1 - 2 - 4)/3) = (-17/3, -7/3).
#   Hessian (1/3) [[14, 6], [6, 3]].
#   No-intercept parabola: a = 14/6, b = -31/3, c = 69/6.
X_TINY = np.array([[1.0], [2.0], [3.0]])
Y_TINY = np.array([2.0, 4.0, 7.0])

finite = st.floats(-5.0, 5.0, allow_nan=False, allow_infinity=False)
seeds = st.integers(0, 2**32 - 1)


def loop_linear_cost(X, y, p):
    """1/(2m) sum_i (w.x_i + b - y_i)^2 with plain Python loops."""
    total = 0.0
    for row, target in zip(X.tolist(), y.tolist(), strict=True):
        z = sum(wj * xj for wj, xj in zip(p[:-1], row, strict=True)) + p[-1]
        total += (z - target) ** 2
    return total / (2 * len(y))


def loop_logistic_cost(X, y, p, l2):
    """1/m sum_i [log(1 + e^z_i) - y_i z_i] + l2/2 |w|^2 with the math module."""
    total = 0.0
    for row, target in zip(X.tolist(), y.tolist(), strict=True):
        z = sum(wj * xj for wj, xj in zip(p[:-1], row, strict=True)) + p[-1]
        total += math.log1p(math.exp(z)) - target * z
    return total / len(y) + 0.5 * l2 * sum(wj * wj for wj in p[:-1])


def central_difference(f, p, h=1e-6):
    p = np.asarray(p, dtype=float)
    out = np.empty_like(p)
    for j in range(p.size):
        e = np.zeros_like(p)
        e[j] = h
        out[j] = (f(p + e) - f(p - e)) / (2 * h)
    return out


def random_regression(seed, m=30, n=3):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n)) * rng.uniform(0.5, 2.0, size=n)
    y = X @ rng.normal(size=n) + 0.7 + rng.normal(scale=0.3, size=m)
    return X, y


def random_classification(seed, m=40, n=2):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n))
    logits = X @ rng.normal(size=n) - 0.3
    y = (rng.uniform(size=m) < 1 / (1 + np.exp(-logits))).astype(float)
    y[:2] = [0.0, 1.0]  # both classes present
    return X, y


def cars():
    from vega_datasets import data

    with warnings.catch_warnings():  # vega_datasets trips a pandas deprecation warning
        warnings.simplefilter("ignore")
        df = data.cars()
    return df.dropna()


# -- linear regression --------------------------------------------------------------------------
def test_linear_is_an_objective():
    loss = LinearRegression(X_TINY, Y_TINY)
    assert isinstance(loss, Objective)
    assert loss.dim == 2
    assert loss.n_samples == 3 and loss.n_features == 1


def test_linear_value_hand_worked():
    loss = LinearRegression(X_TINY, Y_TINY)
    assert loss.value([1.0, 0.0]) == pytest.approx(3.5, rel=1e-14)
    assert loss.value([2.5, -2.0 / 3.0]) == pytest.approx(1.0 / 36.0, rel=1e-12)
    assert loss.value([0.0, 0.0]) == pytest.approx((4 + 16 + 49) / 6, rel=1e-14)


@settings(max_examples=50, deadline=None)
@given(finite, finite)
def test_linear_value_matches_loop(w, b):
    loss = LinearRegression(X_TINY, Y_TINY)
    assert loss.value([w, b]) == pytest.approx(loop_linear_cost(X_TINY, Y_TINY, [w, b]), rel=1e-12)


def test_linear_grad_hand_worked():
    loss = LinearRegression(X_TINY, Y_TINY)
    np.testing.assert_allclose(loss.grad([1.0, 0.0]), [-17.0 / 3.0, -7.0 / 3.0], rtol=1e-14)


@settings(max_examples=50, deadline=None)
@given(seeds, st.lists(finite, min_size=4, max_size=4))
def test_linear_grad_matches_central_differences(seed, p):
    X, y = random_regression(seed)
    loss = LinearRegression(X, y)
    expected = central_difference(lambda q: loop_linear_cost(X, y, q), p)
    np.testing.assert_allclose(loss.grad(p), expected, rtol=1e-6, atol=1e-6)


@settings(max_examples=50, deadline=None)
@given(
    seeds,
    st.lists(st.integers(0, 29), min_size=2, max_size=40),
    st.lists(finite, min_size=4, max_size=4),
)
def test_linear_batch_equals_loss_on_those_rows(seed, idx, p):
    X, y = random_regression(seed)
    idx = np.array(idx)
    full = LinearRegression(X, y)
    subset = LinearRegression(X[idx], y[idx])
    np.testing.assert_allclose(full.grad(p, idx), subset.grad(p), rtol=1e-12, atol=1e-12)
    assert full.value(p, idx) == pytest.approx(float(subset.value(p)), rel=1e-12, abs=1e-14)
    # The batch gradient by hand: 1/|B| sum_{i in B} r_i (x_i, 1).
    r = X[idx] @ np.array(p[:-1]) + p[-1] - y[idx]
    by_hand = np.append(r @ X[idx], r.sum()) / len(idx)
    np.testing.assert_allclose(full.grad(p, idx), by_hand, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 5, 6, 10, 15, 30])
def test_linear_epoch_mean_of_batch_gradients_is_full_gradient(batch_size):
    X, y = random_regression(3)
    loss = LinearRegression(X, y)
    p = np.array([0.3, -1.2, 2.0, 0.5])
    grads = [loss.grad(p, idx) for idx in minibatches(30, batch_size, 1, 11)]
    assert len(grads) == 30 // batch_size
    np.testing.assert_allclose(np.mean(grads, axis=0), loss.grad(p), rtol=1e-12, atol=1e-12)
    # ... while single batches really are noisy estimates (unless the batch is everything).
    if batch_size < 30:
        assert not np.allclose(grads[0], loss.grad(p), rtol=1e-3)


def test_linear_optimum_hand_worked():
    params, cost = LinearRegression(X_TINY, Y_TINY).optimum()
    np.testing.assert_allclose(params, [2.5, -2.0 / 3.0], rtol=1e-12)
    assert cost == pytest.approx(1.0 / 36.0, rel=1e-10)


@settings(max_examples=30, deadline=None)
@given(seeds)
def test_linear_optimum_matches_lstsq_and_normal_equations(seed):
    X, y = random_regression(seed)
    loss = LinearRegression(X, y)
    params, cost = loss.optimum()
    A = np.column_stack([X, np.ones(len(y))])
    np.testing.assert_allclose(params, np.linalg.lstsq(A, y, rcond=None)[0], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(params, np.linalg.solve(A.T @ A, A.T @ y), rtol=1e-8, atol=1e-10)
    assert cost == pytest.approx(loop_linear_cost(X, y, params), rel=1e-10)
    assert np.linalg.norm(loss.grad(params)) < 1e-12
    # Any other point costs more.
    assert np.all(loss.value(params + np.eye(4) * 1e-3) > cost)
    assert loss.global_minimum.value == pytest.approx(cost)
    np.testing.assert_allclose(loss.global_minimum.point, params)


def test_linear_optimum_returns_a_copy():
    loss = LinearRegression(X_TINY, Y_TINY)
    params, _ = loss.optimum()
    params[:] = 99.0
    np.testing.assert_allclose(loss.optimum()[0], [2.5, -2.0 / 3.0], rtol=1e-12)


def test_linear_curvature_hand_worked_and_finite_differences():
    loss = LinearRegression(X_TINY, Y_TINY)
    np.testing.assert_allclose(
        loss.curvature(), np.array([[14.0, 6.0], [6.0, 3.0]]) / 3, rtol=1e-14
    )
    X, y = random_regression(5)
    loss = LinearRegression(X, y)
    p = np.array([1.0, -2.0, 0.5, 3.0])
    columns = [central_difference(lambda q, j=j: loss.grad(q)[j], p) for j in range(4)]
    np.testing.assert_allclose(loss.curvature(), np.array(columns), rtol=1e-6, atol=1e-7)


def test_linear_two_over_lambda_max_is_the_stability_threshold():
    X, y = random_regression(8)
    loss = LinearRegression(X, y)
    threshold = 2.0 / np.linalg.eigvalsh(loss.curvature()).max()
    target, _ = loss.optimum()

    def distance_after_gd(lr, steps=3000):
        p = np.zeros(4)
        for _ in range(steps):
            p = p - lr * loss.grad(p)
        return np.linalg.norm(p - target)

    assert distance_after_gd(0.95 * threshold) < 1e-6
    assert distance_after_gd(1.05 * threshold, steps=300) > 1e3


def test_parabola_coefficients_hand_worked():
    a, b, c = parabola_coefficients([1.0, 2.0, 3.0], [2.0, 4.0, 7.0])
    assert a == pytest.approx(14.0 / 6.0, rel=1e-14)
    assert b == pytest.approx(-31.0 / 3.0, rel=1e-14)
    assert c == pytest.approx(69.0 / 6.0, rel=1e-14)


@settings(max_examples=50, deadline=None)
@given(seeds, st.integers(2, 20))
def test_parabola_coefficients_match_direct_sums_and_the_loss(seed, m):
    rng = np.random.default_rng(seed)
    x, y = rng.normal(size=m), rng.normal(size=m) * 3
    a, b, c = parabola_coefficients(x, y)
    assert a == pytest.approx(sum(v * v for v in x) / (2 * m), rel=1e-12)
    assert b == pytest.approx(-sum(u * v for u, v in zip(x, y, strict=True)) / m, rel=1e-12)
    assert c == pytest.approx(sum(v * v for v in y) / (2 * m), rel=1e-12)
    loss = LinearRegression(x[:, None], y)
    for W in (-3.0, -0.5, 0.0, 1.0, 2.7):
        assert a * W * W + b * W + c == pytest.approx(
            float(loss.value([W, 0.0])), rel=1e-10, abs=1e-12
        )


def test_parabola_coefficients_validation():
    with pytest.raises(ValueError, match="must match"):
        parabola_coefficients([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="1-D"):
        parabola_coefficients([[1.0, 2.0]], [1.0])
    with pytest.raises(ValueError, match="finite"):
        parabola_coefficients([1.0, np.inf], [1.0, 2.0])


@pytest.mark.parametrize("cls", [LinearRegression, LogisticRegression])
def test_vectorized_over_parameter_batches(cls):
    X, y = random_classification(2, n=3)
    loss = cls(X, y)
    P = np.random.default_rng(0).normal(size=(4, 3, 4))
    values, grads = loss.value(P), loss.grad(P)
    assert values.shape == (4, 3) and grads.shape == (4, 3, 4)
    idx = np.array([0, 5, 7, 7, 20])
    batch_values, batch_grads = loss.value(P, idx), loss.grad(P, idx)
    assert batch_values.shape == (4, 3) and batch_grads.shape == (4, 3, 4)
    for i in range(4):
        for j in range(3):
            assert values[i, j] == pytest.approx(float(loss.value(P[i, j])), rel=1e-13)
            np.testing.assert_allclose(grads[i, j], loss.grad(P[i, j]), rtol=1e-13, atol=1e-15)
            assert batch_values[i, j] == pytest.approx(float(loss.value(P[i, j], idx)), rel=1e-13)
            np.testing.assert_allclose(
                batch_grads[i, j], loss.grad(P[i, j], idx), rtol=1e-13, atol=1e-15
            )


@pytest.mark.parametrize("cls", [LinearRegression, LogisticRegression])
def test_value_and_grad_cm_matches_value_and_grad(cls):
    X, y = random_classification(4, n=2)
    loss = cls(X, y)
    P = np.random.default_rng(1).normal(size=(7, 3)) * 3
    grad_out = np.full((3, 7), np.nan)
    values = loss.value_and_grad_cm(np.ascontiguousarray(P.T), grad_out)
    np.testing.assert_allclose(values, loss.value(P), rtol=1e-13)
    np.testing.assert_allclose(grad_out.T, loss.grad(P), rtol=1e-12, atol=1e-15)


def test_inputs_are_copied_to_float64_c_contiguous():
    X = np.asfortranarray(np.array([[1, 5], [2, 3], [3, 8]], dtype=np.int32))
    y = np.array([2, 4, 7])
    loss = LinearRegression(X, y)
    assert loss.X.dtype == np.float64 and loss.X.flags.c_contiguous
    assert loss.y.dtype == np.float64 and loss.y.flags.c_contiguous
    before = float(loss.value([1.0, 1.0, 0.0]))
    X[0, 0] = 100
    y[0] = -50
    assert float(loss.value([1.0, 1.0, 0.0])) == before


@pytest.mark.parametrize("cls", [LinearRegression, LogisticRegression])
@pytest.mark.parametrize(
    ("X", "y", "match"),
    [
        ([1.0, 2.0, 3.0], [0.0, 1.0, 0.0], "2-D"),
        ([[1.0]], [1.0], "at least 2 rows"),
        ([[1.0], [np.nan], [2.0]], [0.0, 1.0, 0.0], "finite"),
        ([[1.0], [np.inf], [2.0]], [0.0, 1.0, 0.0], "finite"),
        ([[1.0], [2.0], [3.0]], [0.0, 1.0], "must match"),
        ([[1.0], [2.0], [3.0]], [0.0, np.nan, 1.0], "finite"),
        ([[1.0], [2.0], [3.0]], [[0.0, 1.0, 0.0]], "1-D"),
        ([["a"], ["b"]], [0.0, 1.0], "real numbers"),
        (np.ones((3, 1)) * 1j, [0.0, 1.0, 0.0], "real numbers"),
        (np.ones((3, 0)), [0.0, 1.0, 0.0], "at least one feature"),
    ],
)
def test_input_validation(cls, X, y, match):
    with pytest.raises(ValueError, match=match):
        cls(X, y)


@pytest.mark.parametrize(
    ("idx", "match"),
    [
        (np.array([0, 3]), "idx must lie in"),
        (np.array([-1, 0]), "idx must lie in"),
        (np.array([0.0, 1.0]), "integer"),
        (np.array([], dtype=int), "non-empty"),
        (np.array([[0, 1]]), "1-D"),
        (np.array([True, False, True]), "integer"),
    ],
)
def test_index_validation(idx, match):
    loss = LinearRegression(X_TINY, Y_TINY)
    with pytest.raises(ValueError, match=match):
        loss.grad([1.0, 0.0], idx)
    with pytest.raises(ValueError, match=match):
        loss.value([1.0, 0.0], idx)


def test_parameter_shape_validation():
    loss = LinearRegression(X_TINY, Y_TINY)
    with pytest.raises(ValueError, match=r"shape \(\.\.\., 2\)"):
        loss.value([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"shape \(\.\.\., 2\)"):
        loss.grad(1.0)


def test_standardize():
    X = np.array([[1.0, 10.0], [2.0, 30.0], [3.0, 20.0], [6.0, 40.0]])
    Xs, mean, std = standardize(X)
    np.testing.assert_allclose(mean, [3.0, 25.0])
    np.testing.assert_allclose(std, [math.sqrt(14.0 / 4), math.sqrt(500.0 / 4)])
    np.testing.assert_allclose(Xs.mean(axis=0), 0.0, atol=1e-15)
    np.testing.assert_allclose(Xs.std(axis=0), 1.0, rtol=1e-14)
    np.testing.assert_allclose(Xs * std + mean, X, rtol=1e-14)


def test_standardize_names_the_constant_column():
    X = np.array([[1.0, 0.1, 3.0], [2.0, 0.1, 4.0], [3.0, 0.1, 5.0]])  # np.std of column 1 != 0
    with pytest.raises(ValueError, match="column 1 "):
        standardize(X)


# -- logistic regression ------------------------------------------------------------------------
def test_logistic_value_hand_worked():
    X, y = np.array([[1.0], [2.0], [-1.0]]), np.array([1.0, 0.0, 0.0])
    loss = LogisticRegression(X, y, l2=0.5)
    assert loss.value([0.0, 0.0]) == pytest.approx(math.log(2.0), rel=1e-14)
    # At w = 2, b = 0 the penalty adds 0.5/2 * 4 = 1.
    assert loss.value([2.0, 0.0]) == pytest.approx(
        loop_logistic_cost(X, y, [2.0, 0.0], 0.5), rel=1e-13
    )
    assert loss.value([2.0, 0.0]) - LogisticRegression(X, y, l2=0.0).value(
        [2.0, 0.0]
    ) == pytest.approx(1.0)
    # The gradient at 0: sigma = 1/2, so (1/3) sum (1/2 - y_i)(x_i, 1) = (1/3)(-1/2 + 1 - 1/2, 1/2).
    np.testing.assert_allclose(loss.grad([0.0, 0.0]), [0.0, 1.0 / 6.0], atol=1e-15)


@settings(max_examples=60, deadline=None)
@given(seeds, st.lists(finite, min_size=3, max_size=3), st.sampled_from([0.0, 1e-3, 0.3]))
def test_logistic_grad_matches_central_differences(seed, p, l2):
    X, y = random_classification(seed)
    loss = LogisticRegression(X, y, l2=l2)
    assert loss.value(p) == pytest.approx(loop_logistic_cost(X, y, p, l2), rel=1e-12)
    expected = central_difference(lambda q: loop_logistic_cost(X, y, q, l2), p)
    np.testing.assert_allclose(loss.grad(p), expected, rtol=1e-5, atol=1e-7)


@settings(max_examples=50, deadline=None)
@given(
    seeds,
    st.lists(st.integers(0, 39), min_size=2, max_size=50),
    st.lists(finite, min_size=3, max_size=3),
)
def test_logistic_batch_equals_loss_on_those_rows(seed, idx, p):
    X, y = random_classification(seed)
    idx = np.array(idx)
    full = LogisticRegression(X, y, l2=0.2)
    subset = LogisticRegression(X[idx], y[idx], l2=0.2)
    np.testing.assert_allclose(full.grad(p, idx), subset.grad(p), rtol=1e-12, atol=1e-14)
    assert full.value(p, idx) == pytest.approx(float(subset.value(p)), rel=1e-12)
    # The penalty's gradient l2 * w is in every batch gradient; the bias is not penalized.
    without = LogisticRegression(X, y, l2=0.0)
    np.testing.assert_allclose(
        full.grad(p, idx) - without.grad(p, idx), [0.2 * p[0], 0.2 * p[1], 0.0], atol=1e-12
    )


def test_logistic_epoch_mean_of_batch_gradients_is_full_gradient():
    X, y = random_classification(6)
    loss = LogisticRegression(X, y, l2=0.1)
    p = np.array([0.5, -1.0, 0.25])
    grads = [loss.grad(p, idx) for idx in minibatches(40, 8, 1, 3)]
    np.testing.assert_allclose(np.mean(grads, axis=0), loss.grad(p), rtol=1e-12, atol=1e-14)


def test_logistic_optimum_closed_form_saturated_model():
    # x = 0 rows: 1 of 3 positive; x = 1 rows: 2 of 3 positive. Without penalty the fit
    # reproduces the frequencies: sigma(b) = 1/3, sigma(w + b) = 2/3, so b = -log 2, w = 2 log 2.
    X = np.array([[0.0], [0.0], [0.0], [1.0], [1.0], [1.0]])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0, 0.0])
    loss = LogisticRegression(X, y, l2=0.0)
    params, cost = loss.optimum()
    np.testing.assert_allclose(params, [2 * math.log(2), -math.log(2)], rtol=1e-12)
    h = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3))  # binary entropy of 1/3
    assert cost == pytest.approx(h, rel=1e-12)
    np.testing.assert_allclose(loss.predict_proba(params), [1 / 3] * 3 + [2 / 3] * 3, rtol=1e-12)


@settings(max_examples=25, deadline=None)
@given(seeds, st.sampled_from([1e-3, 0.1, 1.0]), st.lists(st.floats(-1, 1), min_size=3, max_size=3))
def test_logistic_optimum_is_a_strict_minimum(seed, l2, direction):
    X, y = random_classification(seed)
    loss = LogisticRegression(X, y, l2=l2)
    params, cost = loss.optimum()
    assert np.linalg.norm(loss.grad(params)) < 1e-10
    assert cost == pytest.approx(loop_logistic_cost(X, y, params, l2), rel=1e-12)
    d = np.array(direction)
    if np.linalg.norm(d) > 1e-3:
        d /= np.linalg.norm(d)
        for t in (1e-2, 0.1, 1.0):
            assert loss.value(params + t * d) > cost
            assert loss.value(params - t * d) > cost


def test_logistic_hessian_matches_finite_differences():
    X, y = random_classification(9)
    loss = LogisticRegression(X, y, l2=0.3)
    p = np.array([0.7, -0.4, 0.2])
    columns = [central_difference(lambda q, j=j: loss.grad(q)[j], p) for j in range(3)]
    np.testing.assert_allclose(loss.hessian(p), np.array(columns), rtol=1e-6, atol=1e-8)


def test_logistic_no_warnings_at_huge_scores():
    X, y = np.array([[1.0], [-1.0]]), np.array([1.0, 0.0])
    loss = LogisticRegression(X, y, l2=0.0)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        # Right side of both rows: z = +1e4 with y = 1 and z = -1e4 with y = 0, zero loss.
        assert loss.value([1e4, 0.0]) == 0.0
        np.testing.assert_array_equal(loss.grad([1e4, 0.0]), [0.0, 0.0])
        # Wrong side: each row costs log(1 + e^1e4) ~ 1e4 and pushes with slope 1.
        assert loss.value([-1e4, 0.0]) == pytest.approx(1e4, rel=1e-15)
        np.testing.assert_allclose(loss.grad([-1e4, 0.0]), [-1.0, 0.0], atol=1e-15)
        np.testing.assert_array_equal(loss.predict_proba([1e4, 0.0]), [1.0, 0.0])
        P = np.array([[1e4, 0.0], [-1e4, 0.0], [0.0, 1e4], [0.0, -1e4]])
        grad_out = np.empty((2, 4))
        values = loss.value_and_grad_cm(np.ascontiguousarray(P.T), grad_out)
        np.testing.assert_allclose(values, [0.0, 1e4, 5e3, 5e3], rtol=1e-15)
        assert np.all(np.isfinite(grad_out))
        penalized = LogisticRegression(X, y, l2=1e-3)
        assert penalized.value([1e4, 0.0]) == pytest.approx(0.5e-3 * 1e8, rel=1e-15)


def test_logistic_loss_is_accurate_in_the_tails():
    X, y = np.array([[1.0], [-1.0]]), np.array([1.0, 0.0])
    loss = LogisticRegression(X, y, l2=0.0)
    # Both rows have margin 40: loss log(1 + e^-40) ~ 4.25e-18, not a rounded 0.
    assert loss.value([40.0, 0.0]) == pytest.approx(math.log1p(math.exp(-40.0)), rel=1e-12)
    sigma = 1 / (1 + math.exp(40.0))
    np.testing.assert_allclose(loss.grad([40.0, 0.0]), [-sigma, 0.0], rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize(
    ("X", "y", "l2", "match"),
    [
        ([[1.0], [2.0], [3.0]], [0.0, 2.0, 1.0], 1e-3, "only the labels 0 and 1.*2"),
        ([[1.0], [2.0], [3.0]], [0.0, 0.5, 1.0], 1e-3, "only the labels 0 and 1.*0.5"),
        ([[1.0], [2.0], [3.0]], [-1.0, 1.0, 1.0], 1e-3, "only the labels 0 and 1.*-1"),
        ([[1.0], [np.nan], [3.0]], [0.0, 1.0, 1.0], 1e-3, "X must be finite"),
        ([[1.0], [2.0], [3.0]], [0.0, 1.0], 1e-3, "2 entries but X has 3 rows"),
        ([[1.0], [2.0], [3.0]], [0.0, 1.0, 1.0], -0.1, "l2 must be >= 0"),
        ([[1.0], [2.0], [3.0]], [0.0, 1.0, 1.0], np.nan, "l2 must be finite"),
    ],
)
def test_logistic_validation(X, y, l2, match):
    with pytest.raises(ValueError, match=match):
        LogisticRegression(X, y, l2=l2)


def test_logistic_accepts_boolean_labels():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    a = LogisticRegression(X, np.array([False, True, False, True]))
    b = LogisticRegression(X, [0.0, 1.0, 0.0, 1.0])
    assert a.value([0.3, -0.1]) == b.value([0.3, -0.1])


def test_logistic_single_class_has_no_minimizer():
    loss = LogisticRegression([[0.0], [1.0], [2.0]], [1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match="no finite minimizer"):
        loss.optimum()
    assert loss.critical_points == ()
    assert all(low < 0 < high for low, high in loss.bounds)


def test_logistic_separable_without_penalty_has_no_minimizer():
    X, y = [[0.0], [1.0], [2.0], [3.0]], [0.0, 0.0, 1.0, 1.0]  # split at x = 1.5
    loss = LogisticRegression(X, y, l2=0.0)
    with pytest.raises(ValueError, match="linearly separable"):
        loss.optimum()
    assert loss.critical_points == ()
    # The cost really has no floor above 0: it keeps falling along the separating direction.
    ray = [float(loss.value(t * np.array([2.0, -3.0]))) for t in (1.0, 10.0, 100.0)]
    assert ray[0] > ray[1] > ray[2] > 0.0
    # A penalty restores a unique minimum.
    penalized = LogisticRegression(X, y, l2=1e-2)
    params, _ = penalized.optimum()
    assert np.linalg.norm(penalized.grad(params)) < 1e-10
    assert penalized.critical_points[0].kind == "global"


def test_logistic_newton_failure_is_reported():
    X, y = random_classification(1)
    with pytest.raises(RuntimeError, match="did not reach gradient norm"):
        LogisticRegression(X, y)._newton(tol=1e-12, max_iter=1)


@pytest.mark.parametrize("cls", [LinearRegression, LogisticRegression])
def test_bounds_contain_the_optimum_and_the_origin(cls):
    X, y = random_classification(12)
    loss = cls(X, y)
    params, _ = loss.optimum()
    assert len(loss.bounds) == loss.dim
    for (low, high), c in zip(loss.bounds, params, strict=True):
        assert low < c < high
        assert low < 0.0 < high


# -- real data ----------------------------------------------------------------------------------
def test_cars_linear_regression_optimum_is_least_squares():
    df = cars()
    Xs, _, _ = standardize(df[["Weight_in_lbs", "Horsepower"]].to_numpy())
    y = df["Miles_per_Gallon"].to_numpy()
    loss = LinearRegression(Xs, y)
    params, cost = loss.optimum()
    A = np.column_stack([Xs, np.ones(len(y))])
    np.testing.assert_allclose(params, np.linalg.lstsq(A, y, rcond=None)[0], rtol=1e-10)
    assert params[-1] == pytest.approx(y.mean(), rel=1e-12)  # standardized features: b* = mean
    assert params[0] < 0 and params[1] < 0  # heavier, stronger cars do fewer miles per gallon
    assert np.linalg.norm(loss.grad(params)) < 1e-10
    assert cost == pytest.approx(np.mean((A @ params - y) ** 2) / 2, rel=1e-12)
    # Full-batch gradient descent at a safe step reaches the same point.
    lr = 1.0 / np.linalg.eigvalsh(loss.curvature()).max()
    p = np.zeros(3)
    for _ in range(500):
        p = p - lr * loss.grad(p)
    np.testing.assert_allclose(p, params, rtol=1e-6)


def test_cars_logistic_regression_converges():
    df = cars()
    Xs, _, _ = standardize(df[["Weight_in_lbs", "Horsepower"]].to_numpy())
    usa = (df["Origin"] == "USA").to_numpy()
    loss = LogisticRegression(Xs, usa)
    params, cost = loss.optimum()
    assert np.linalg.norm(loss.grad(params)) < 1e-10
    assert cost < math.log(2)  # better than the constant 50/50 guess ...
    prior = usa.mean()
    baseline = -(prior * math.log(prior) + (1 - prior) * math.log(1 - prior))
    assert cost < baseline  # ... and than the best constant guess
    accuracy = np.mean((loss.predict_proba(params) > 0.5) == usa)
    assert accuracy > 0.7
