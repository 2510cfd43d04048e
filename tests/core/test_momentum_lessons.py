"""The momentum page's lesson math, against hand-worked numbers and real runs."""

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.momentum_lessons import (
    gd_lr_limit,
    mean_abs,
    momentum_lr_limit,
    sign_changes,
    step_gradients,
    steps_to_target,
    torch_sgd_lr,
    travel,
    window,
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
