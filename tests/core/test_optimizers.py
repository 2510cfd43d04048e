"""Optimizers: hand-worked first steps, identities between them, validation."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import optim_core
from optim_core.optimizers import AdamState, MomentumState, RMSPropState

finite_grads = arrays(np.float64, 3, elements=st.floats(-1e3, 1e3).filter(lambda v: abs(v) > 1e-3))


def step(opt, x, grads_seq):
    state = opt.init(x)
    for g in grads_seq:
        updates, state = opt.update(np.asarray(g, dtype=float), state)
        x = x + updates
    return x, state


def test_gd_first_step_by_hand():
    x, _ = step(optim_core.gd(0.1), np.array([1.0, -2.0]), [[4.0, -1.0]])
    assert x == pytest.approx([0.6, -1.9])


def test_momentum_two_steps_by_hand():
    # beta 0.9, lr 0.5: v1 = 0.1*2 = 0.2, x1 = 1 - 0.1 = 0.9
    # v2 = 0.9*0.2 + 0.1*(-1) = 0.08, x2 = 0.9 - 0.04 = 0.86
    x, state = step(optim_core.momentum(0.5, 0.9), np.array([1.0]), [[2.0], [-1.0]])
    assert x == pytest.approx([0.86])
    assert isinstance(state, MomentumState) and state.v == pytest.approx([0.08])


def test_rmsprop_first_step_by_hand():
    # s1 = 0.1 * 9 = 0.9; step = 0.01 * 3 / (sqrt(0.9) + 1e-8)
    x, state = step(optim_core.rmsprop(0.01, 0.9, 1e-8), np.array([0.0]), [[3.0]])
    assert x == pytest.approx([-0.01 * 3 / (np.sqrt(0.9) + 1e-8)], rel=1e-12)
    assert isinstance(state, RMSPropState) and state.s == pytest.approx([0.9])


def test_rmsprop_first_step_is_about_lr_over_root_one_minus_beta():
    x, _ = step(optim_core.rmsprop(0.001, 0.99, 1e-8), np.array([0.0, 0.0]), [[5.0, -0.2]])
    assert np.abs(x) == pytest.approx([0.01, 0.01], rel=1e-6)  # 10 * lr at beta 0.99


def test_adam_two_steps_by_hand():
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    g1, g2 = 2.0, -1.0
    v1, s1 = 0.1 * g1, 0.001 * g1**2
    x1 = 1.0 - lr * (v1 / 0.1) / (np.sqrt(s1 / 0.001) + eps)
    v2, s2 = 0.9 * v1 + 0.1 * g2, 0.999 * s1 + 0.001 * g2**2
    x2 = x1 - lr * (v2 / (1 - b1**2)) / (np.sqrt(s2 / (1 - b2**2)) + eps)
    x, state = step(optim_core.adam(lr, b1, b2, eps), np.array([1.0]), [[g1], [g2]])
    assert x == pytest.approx([x2], rel=1e-12)
    assert isinstance(state, AdamState) and state.count == 2
    assert state.v == pytest.approx([v2]) and state.s == pytest.approx([s2])


@given(finite_grads, st.floats(1e-4, 1.0), st.floats(1e-10, 1e-2))
def test_adam_first_step_is_lr_times_g_over_g_plus_eps(g, lr, eps):
    x, _ = step(optim_core.adam(lr, 0.9, 0.999, eps), np.zeros(3), [g])
    expected = lr * np.abs(g) / (np.abs(g) + eps)
    assert np.abs(x) == pytest.approx(expected, rel=1e-9)
    assert np.all(np.sign(x) == -np.sign(g))


def test_adam_without_bias_correction_starts_small():
    x, _ = step(optim_core.adam(0.1, 0.9, 0.999, 1e-8, bias_correction=False), np.zeros(1), [[1.0]])
    # v1 = 0.1, s1 = 0.001: step = 0.1 * 0.1 / sqrt(0.001) = 0.316..
    assert x == pytest.approx([-0.1 * 0.1 / np.sqrt(0.001)], rel=1e-6)


@given(arrays(np.float64, (6, 2), elements=st.floats(-10, 10)), st.floats(1e-3, 1.0))
def test_momentum_with_beta_zero_is_gradient_descent(grads, lr):
    x_m, _ = step(optim_core.momentum(lr, 0.0), np.zeros(2), grads)
    x_g, _ = step(optim_core.gd(lr), np.zeros(2), grads)
    assert x_m == pytest.approx(x_g, rel=1e-12, abs=1e-12)


def test_update_is_pure():
    opt = optim_core.adam(0.1)
    state = opt.init(np.zeros(2))
    g = np.array([1.0, 2.0])
    _, new_state = opt.update(g, state)
    assert state.count == 0 and np.all(state.v == 0) and np.all(state.s == 0)
    assert new_state.count == 1 and g.tolist() == [1.0, 2.0]


def test_optimizers_are_hashable_and_comparable_values():
    assert optim_core.adam(0.1) == optim_core.adam(0.1)
    assert hash(optim_core.momentum(0.1, 0.9)) == hash(optim_core.momentum(0.1, 0.9))


@pytest.mark.parametrize(
    "build, match",
    [
        (lambda: optim_core.gd(0.0), "lr must be > 0"),
        (lambda: optim_core.gd(-1.0), "lr must be > 0"),
        (lambda: optim_core.gd(float("inf")), "lr must be finite"),
        (lambda: optim_core.momentum(0.1, 1.0), "0 <= beta < 1"),
        (lambda: optim_core.momentum(0.1, -0.5), "0 <= beta < 1"),
        (lambda: optim_core.rmsprop(0.1, 0.9, 0.0), "eps must be > 0"),
        (lambda: optim_core.adam(0.1, 0.9, 1.0), "beta2"),
        (lambda: optim_core.adam(0.1, 1.2, 0.9), "beta1"),
        (lambda: optim_core.adam("0.1"), "lr must be a real number"),
    ],
)
def test_hyperparameters_are_checked(build, match):
    with pytest.raises(ValueError, match=match):
        build()
