"""Adam's pieces, first step and race results against hand-worked values."""

import math

import numpy as np
import pytest

import optim_core
from optim_core import adam_lessons, objectives


def test_first_step_with_and_without_correction_hand_worked():
    # g = 2 at the paper's defaults α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8
    with_c = adam_lessons.first_step_size(2.0, 0.001, 0.9, 0.999, 1e-8, True)
    without = adam_lessons.first_step_size(2.0, 0.001, 0.9, 0.999, 1e-8, False)
    assert with_c == pytest.approx(0.001 * 2 / (2 + 1e-8), rel=1e-14)
    assert without == pytest.approx(0.001 * 0.1 * 2 / (math.sqrt(0.001) * 2 + 1e-8), rel=1e-14)
    assert without / 0.001 == pytest.approx(3.16227766, rel=1e-6)


def test_first_step_matches_the_optimizer_update():
    g = np.array([2.0, -0.5, 1e-9])
    for bc in (True, False):
        opt = optim_core.adam(0.001, 0.9, 0.999, 1e-8, bc)
        updates, _ = opt.update(g, opt.init(g))
        expected = adam_lessons.first_step_size(g, 0.001, 0.9, 0.999, 1e-8, bc)
        assert np.allclose(np.abs(updates), expected, rtol=1e-14, atol=0)
        assert np.all(np.sign(updates) == -np.sign(g))


def test_uncorrected_ratio():
    assert adam_lessons.uncorrected_ratio(0.9, 0.999) == pytest.approx(0.1 / math.sqrt(0.001))
    assert adam_lessons.uncorrected_ratio(0.9, 0.9999) == pytest.approx(10.0)
    assert adam_lessons.uncorrected_ratio(0.0, 0.0) == 1.0
    with pytest.raises(ValueError):
        adam_lessons.uncorrected_ratio(1.0, 0.9)


def test_pieces_of_a_run_hand_worked():
    # f = (x² + 10 y²)/2 from (1, 1): g₁ = (1, 10)
    f = objectives.get("elongated_bowl", condition=10)
    lr, b1, b2 = 0.1, 0.9, 0.999
    traj = optim_core.run(
        optim_core.adam(lr, b1, b2), f, np.array([1.0, 1.0]), 3, record_states=True
    )
    p = adam_lessons.adam_pieces(traj.params, traj.states, f.grad, b1, b2)
    assert p.g[0] == pytest.approx([1.0, 10.0])
    assert p.v[0] == pytest.approx([0, 0]) and p.s[0] == pytest.approx([0, 0])
    assert p.v[1] == pytest.approx([0.1, 1.0])  # (1 − β₁)·g
    assert p.s[1] == pytest.approx([0.001, 0.1])  # (1 − β₂)·g²
    assert p.v_hat[0] == pytest.approx([1.0, 10.0])  # corrected: exactly g
    assert p.s_hat[0] == pytest.approx([1.0, 100.0])  # exactly g²
    assert p.step[0] == pytest.approx([-lr / (1 + 1e-8), -lr * 10 / (10 + 1e-8)])
    # step 2 by hand: x₁ = (0.9, 0.9), g₂ = (0.9, 9)
    g2 = np.array([0.9, 9.0])
    v2 = 0.9 * np.array([0.1, 1.0]) + 0.1 * g2
    s2 = 0.999 * np.array([0.001, 0.1]) + 0.001 * g2**2
    v_hat, s_hat = v2 / (1 - 0.9**2), s2 / (1 - 0.999**2)
    assert p.g[1] == pytest.approx(g2)
    assert p.v[2] == pytest.approx(v2)
    assert p.s_hat[1] == pytest.approx(s_hat)
    assert p.step[1] == pytest.approx(-lr * v_hat / (np.sqrt(s_hat) + 1e-8))


def test_race_result():
    loss = np.array([5.0, 1.0, 2e-6, 5e-7, 1e-9])
    r = adam_lessons.race_result(loss, -1, 0.0, 1e-6)
    assert r == (1e-9, 3, -1)
    r = adam_lessons.race_result(np.array([1.0, 10.0, np.nan]), 2, 0.0)
    assert r.reached == -1 and r.diverged == 2 and math.isnan(r.final)
    # within tol of a non-zero minimum value
    assert adam_lessons.race_result(np.array([3.0, 2.0000005]), -1, 2.0).reached == 1


def test_first_exit():
    bounds = ((-1.0, 1.0), (-1.0, 1.0))
    xy = np.array([[0, 0], [0.5, 0.9], [1.5, 0], [0, 0]])
    assert adam_lessons.first_exit(xy, bounds) == 2
    assert adam_lessons.first_exit(xy[:2], bounds) == 2
    assert adam_lessons.first_exit(np.array([[0, 0], [np.nan, np.nan]]), bounds) == 1
