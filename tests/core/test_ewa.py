"""Exponentially weighted averages against hand-worked values and closed forms."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from optim_core import ewa
from optim_core.ewa import debias, weights, window


def test_recursion_by_hand():
    # beta = 0.5, theta = 4, 8, 0:  V1 = 2, V2 = 0.5*2 + 0.5*8 = 5, V3 = 2.5
    assert ewa([4.0, 8.0, 0.0], 0.5) == pytest.approx([2.0, 5.0, 2.5])
    # corrected: V1/(1-0.5) = 4, V2/(1-0.25) = 20/3, V3/(1-0.125) = 20/7
    assert ewa([4.0, 8.0, 0.0], 0.5, bias_correction=True) == pytest.approx([4.0, 20 / 3, 20 / 7])


def test_beta_zero_is_the_series_itself():
    series = np.array([3.0, -1.0, 2.5])
    assert ewa(series, 0.0) == pytest.approx(series)


@given(st.floats(-100, 100), st.floats(0.0, 0.999), st.integers(1, 300))
def test_corrected_average_of_a_constant_is_the_constant(value, beta, length):
    out = ewa(np.full(length, value), beta, bias_correction=True)
    assert np.allclose(out, value, rtol=1e-9, atol=1e-9)


@given(
    st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=60),
    st.floats(0.0, 0.99),
)
def test_corrected_average_is_the_normalized_weighted_mean(values, beta):
    series = np.array(values)
    t = len(series)
    w = beta ** np.arange(t)[::-1]  # weight beta**k on the point k steps back
    expected = np.sum(w * series) / np.sum(w)
    assert ewa(series, beta, bias_correction=True)[-1] == pytest.approx(expected, abs=1e-9)


def test_corrected_average_equals_pandas_ewm_adjust_true():
    series = np.random.default_rng(0).normal(size=200)
    expected = pd.Series(series).ewm(alpha=1 - 0.9, adjust=True).mean().to_numpy()
    assert np.allclose(ewa(series, 0.9, bias_correction=True), expected, rtol=1e-12)


def test_works_along_axis_zero_for_several_columns():
    series = np.arange(12.0).reshape(6, 2)
    out = ewa(series, 0.7)
    assert out.shape == (6, 2)
    assert out[:, 1] == pytest.approx(ewa(series[:, 1], 0.7))


@pytest.mark.parametrize("beta", [0.9, 0.95, 0.98, 0.99, 0.999])
def test_weight_at_the_window_is_about_one_over_e(beta):
    k = round(1 / (1 - beta))
    w = weights(beta, k + 1)
    ratio = w[k] / w[0]  # = beta**k
    assert abs(ratio - 1 / math.e) / (1 / math.e) < 0.06


def test_weights_sum_to_one_minus_beta_to_the_t():
    assert weights(0.8, 10).sum() == pytest.approx(1 - 0.8**10)
    assert window(0.9) == pytest.approx(10.0)
    assert debias(0.1, 0.9, 1) == pytest.approx(1.0)


@pytest.mark.parametrize("beta", [-0.1, 1.0, 1.5, float("nan"), "0.9", True])
def test_bad_beta_is_refused(beta):
    with pytest.raises(ValueError, match="beta"):
        ewa([1.0, 2.0], beta)


def test_scalar_series_is_refused():
    with pytest.raises(ValueError, match="axis"):
        ewa(3.0, 0.9)
