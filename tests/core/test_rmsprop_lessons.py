"""RMSprop lesson measurements against hand-worked values and against the optimizer itself."""

import math

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.rmsprop_lessons import effective_rates, first_step, steps_to_target, tail_stats


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
    from optim_core.rmsprop_lessons import rate_ratios

    rates = np.array([[1.0, 1.0], [4.0, 2.0], [1.0, 2.0], [9.0, 1.0], [np.inf, 1.0]])
    got = rate_ratios(rates)  # row 0 skipped, last finite row is 3: ratios 2, 0.5, 9
    assert got.last == 3 and got.median == 2.0 and got.low == 0.5 and got.high == 9.0
    assert got.wider == 2
    assert rate_ratios(np.full((3, 2), np.nan)).last == 0
