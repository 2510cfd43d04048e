"""The lesson math of the EWA page, against hand-worked values and the recursion itself."""

import math

import numpy as np
import pytest

from optim_core import ewa
from optim_core.ewa_lessons import (
    INV_E,
    correction_factor,
    decay_to_e,
    minibatch_gradients,
    normalized_weights,
    pandas_ewm,
    window_ratio,
    window_weight_index,
)
from optim_core.losses import LinearRegression


def test_ewa_matches_the_recursion_written_out_by_hand():
    # beta = 0.9, theta = 10, 20, 30:
    # V1 = 0.1*10 = 1, V2 = 0.9*1 + 0.1*20 = 2.9, V3 = 0.9*2.9 + 0.1*30 = 5.61
    assert ewa([10.0, 20.0, 30.0], 0.9) == pytest.approx([1.0, 2.9, 5.61])
    # corrected: 1/0.1 = 10, 2.9/0.19 = 15.263.., 5.61/0.271 = 20.701..
    assert ewa([10.0, 20.0, 30.0], 0.9, bias_correction=True) == pytest.approx(
        [10.0, 2.9 / 0.19, 5.61 / 0.271]
    )


def test_one_over_e_limit_by_hand():
    assert decay_to_e([1, 2, 3, 4]) == pytest.approx([0.0, 0.25, 8 / 27, 81 / 256])
    assert decay_to_e(10) == pytest.approx(0.9**10)


def test_one_over_e_limit_rises_monotonically_towards_one_over_e():
    n = np.unique(np.geomspace(1, 1e6, 400).round())
    values = decay_to_e(n)
    assert np.all(np.diff(values) > 0)
    assert np.all(values < INV_E)
    assert values[-1] == pytest.approx(INV_E, abs=1e-6)
    # the gap closes like 1/(2en): 1/e - (1-1/n)^n ≈ 1/(2 e n)
    assert (INV_E - decay_to_e(1000)) * 2 * math.e * 1000 == pytest.approx(1.0, rel=2e-3)


def test_decay_to_e_refuses_non_whole_or_small_n():
    with pytest.raises(ValueError):
        decay_to_e(0)
    with pytest.raises(ValueError):
        decay_to_e(2.5)


@pytest.mark.parametrize("beta", [0.9, 0.925, 0.95, 0.98, 0.99, 0.995, 0.999])
def test_weight_one_window_back_is_within_six_percent_of_one_over_e(beta):
    k = window_weight_index(beta)
    newest = (1 - beta) * beta**0
    at_window = (1 - beta) * beta**k
    assert abs(at_window / newest - INV_E) / INV_E < 0.06


def test_window_ratio_at_ninety_percent():
    # the lesson's example: 0.9**10 = 0.349 against 1/e = 0.368
    assert window_ratio(0.9) == pytest.approx(0.3486784401)
    assert window_weight_index(0.9) == 10
    assert window_ratio(0.0) == 0.0
    assert window_ratio(0.5) == pytest.approx(0.25)


def test_correction_factor_by_hand():
    # beta = 0.9: 1/(1-0.9) = 10, 1/(1-0.81) = 5.263.., 1/(1-0.729) = 3.690..
    assert correction_factor(0.9, [1, 2, 3]) == pytest.approx([10.0, 1 / 0.19, 1 / 0.271])
    # beta = 0.5: 2, 4/3, 8/7
    assert correction_factor(0.5, [1, 2, 3]) == pytest.approx([2.0, 4 / 3, 8 / 7])
    assert correction_factor(0.0, [1, 5]) == pytest.approx([1.0, 1.0])


def test_correction_factor_matters_only_at_the_start():
    t = np.arange(1, 2001)
    factor = correction_factor(0.98, t)
    assert np.all(np.diff(factor) <= 0) and np.all(np.diff(factor[:500]) < 0)
    assert factor[0] == pytest.approx(50.0)
    assert factor[-1] == pytest.approx(1.0, abs=1e-12)
    # below 1.01 once beta**t < 0.0099, i.e. t >= log(0.0099)/log(0.98) ≈ 228.4
    assert np.argmax(factor < 1.01) + 1 == 229


def test_correction_factor_refuses_step_zero():
    with pytest.raises(ValueError):
        correction_factor(0.9, 0)


def test_corrected_average_is_the_weighted_mean_with_weights_summing_to_one():
    theta = np.array([3.0, -1.0, 4.0, 1.0, 5.0])
    for beta in (0.0, 0.5, 0.9, 0.999):
        for t in range(1, len(theta) + 1):
            w = normalized_weights(beta, t)
            assert w.sum() == pytest.approx(1.0)
            by_weights = np.dot(w, theta[:t][::-1])
            assert ewa(theta[:t], beta, bias_correction=True)[-1] == pytest.approx(by_weights)
    # beta = 0.5, t = 3: weights 4/7, 2/7, 1/7 on the newest, the one before, the first
    assert normalized_weights(0.5, 3) == pytest.approx([4 / 7, 2 / 7, 1 / 7])


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9, 0.98])
def test_pandas_ewm_adjust_true_is_the_corrected_average(beta):
    series = np.random.default_rng(1).normal(size=300)
    assert pandas_ewm(series, beta) == pytest.approx(ewa(series, beta, bias_correction=True))


def test_minibatch_gradients_average_to_the_full_gradient_over_an_epoch():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 2))
    y = X @ [1.5, -2.0] + 0.3 + rng.normal(scale=0.1, size=40)
    loss = LinearRegression(X, y)
    point = np.zeros(3)
    grads = minibatch_gradients(loss, point, batch_size=10, steps=12, seed=0)
    assert grads.shape == (12, 3)
    # one epoch = 4 equal batches covering every row once: their mean is the full gradient
    assert grads[:4].mean(axis=0) == pytest.approx(loss.grad(point))
    assert grads[4:8].mean(axis=0) == pytest.approx(loss.grad(point))
    # the batches differ, so the gradients are noisy
    assert np.ptp(grads[:, 0]) > 0.1
    # a fixed seed reproduces the stream
    assert np.array_equal(grads, minibatch_gradients(loss, point, 10, 12, seed=0))
