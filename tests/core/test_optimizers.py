"""Optimizers: hand-worked first steps, identities between them, validation."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import optim_core
from optim_core import optimizers
from optim_core.optimizers import AdaGradState, AdamState, MomentumState, RMSPropState

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
        (lambda: optim_core.adagrad(0.0), "lr must be > 0"),
        (lambda: optim_core.adagrad(0.1, 0.0), "eps must be > 0"),
        (lambda: optim_core.adagrad(float("nan")), "lr must be finite"),
        (lambda: optim_core.nesterov(0.1, 1.0), "0 <= beta < 1"),
        (lambda: optim_core.nesterov(-0.1, 0.9), "lr must be > 0"),
    ],
)
def test_hyperparameters_are_checked(build, match):
    with pytest.raises(ValueError, match=match):
        build()


class Quadratic:
    """f = Σ a_i x_i² / 2 on points (..., d): a duck-typed surface for the hand loops."""

    def __init__(self, a):
        self.a = np.asarray(a, dtype=float)

    def value(self, x):
        return 0.5 * np.sum(self.a * np.asarray(x) ** 2, axis=-1)

    def grad(self, x):
        return self.a * np.asarray(x)


A = (1.0, 4.0)
X0 = (1.0, -0.5)


def adagrad_by_hand(x, a, lr, eps, steps):
    """AdaGrad written out on plain floats: s += g², x -= lr·g/(√s + eps)."""
    x, s, path = list(x), [0.0] * len(x), [list(x)]
    for _ in range(steps):
        for i in range(len(x)):
            g = a[i] * x[i]
            s[i] += g * g
            x[i] -= lr * g / (math.sqrt(s[i]) + eps)
        path.append(list(x))
    return path


def nesterov_by_hand(x, a, lr, beta, steps):
    """Nesterov in the averaging form on plain floats: g at x − lr·β·v."""
    x, v, path = list(x), [0.0] * len(x), [list(x)]
    for _ in range(steps):
        for i in range(len(x)):
            g = a[i] * (x[i] - lr * beta * v[i])
            v[i] = beta * v[i] + (1 - beta) * g
            x[i] -= lr * v[i]
        path.append(list(x))
    return path


@pytest.mark.parametrize("engine", ["pure", "fast"])
def test_adagrad_follows_its_recursion_written_out(engine):
    expected = adagrad_by_hand(X0, A, 0.3, 1e-8, 6)
    run = optim_core.run(optim_core.adagrad(0.3, 1e-8), Quadratic(A), X0, 6, engine=engine)
    np.testing.assert_allclose(run.params, expected, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("engine", ["pure", "fast"])
def test_nesterov_follows_its_recursion_written_out(engine):
    expected = nesterov_by_hand(X0, A, 0.2, 0.9, 8)
    run = optim_core.run(optim_core.nesterov(0.2, 0.9), Quadratic(A), X0, 8, engine=engine)
    np.testing.assert_allclose(run.params, expected, rtol=1e-13, atol=1e-15)


@given(finite_grads, st.floats(1e-4, 1.0), st.floats(1e-10, 1e-2))
def test_adagrad_first_step_is_lr_times_g_over_g_plus_eps(g, lr, eps):
    x, state = step(optim_core.adagrad(lr, eps), np.zeros(3), [g])
    assert np.abs(x) == pytest.approx(lr * np.abs(g) / (np.abs(g) + eps), rel=1e-9)
    assert np.all(np.sign(x) == -np.sign(g))
    assert isinstance(state, AdaGradState) and state.s == pytest.approx(g * g)


def test_adagrad_steps_shrink_like_lr_over_root_t_where_rmsprop_keeps_going():
    # a constant gradient g: AdaGrad's s_t = t·g², so step t is lr·|g|/(√t·|g| + eps) ≈ lr/√t;
    # RMSprop's s_t = (1 − β^t)·g² → g², so its step tends to lr and stays there
    g, lr = np.array([2.0]), 0.1
    ada, rms = optim_core.adagrad(lr, 1e-8), optim_core.rmsprop(lr, 0.9, 1e-8)
    a_state, r_state = ada.init(g), rms.init(g)
    a_steps, r_steps = [], []
    for _ in range(100):
        a_up, a_state = ada.update(g, a_state)
        r_up, r_state = rms.update(g, r_state)
        a_steps.append(-a_up[0])
        r_steps.append(-r_up[0])
    t = np.arange(1, 101)
    assert a_steps == pytest.approx(lr / np.sqrt(t), rel=1e-7)
    assert np.all(np.diff(a_steps) < 0)
    assert r_steps[-1] == pytest.approx(lr, rel=1e-4)
    assert a_steps[-1] == pytest.approx(lr / 10, rel=1e-7)  # ten times smaller after 100 steps


def test_nesterov_first_step_is_momentums_then_they_part():
    f = Quadratic(A)
    nes = optim_core.run(optim_core.nesterov(0.2, 0.9), f, X0, 3)
    mom = optim_core.run(optim_core.momentum(0.2, 0.9), f, X0, 3)
    assert np.array_equal(nes.params[1], mom.params[1])  # v₀ = 0: the look-ahead is x itself
    assert not np.allclose(nes.params[2], mom.params[2])


@given(arrays(np.float64, (5, 2), elements=st.floats(-10, 10)), st.floats(1e-3, 1.0))
def test_nesterov_with_beta_zero_is_gradient_descent(x0, lr):
    f = Quadratic(A)
    a = optim_core.run(optim_core.nesterov(lr, 0.0), f, x0, 5, engine="pure")
    b = optim_core.run(optim_core.gd(lr), f, x0, 5, engine="pure")
    np.testing.assert_allclose(a.params, b.params, rtol=1e-12, atol=1e-12)


def test_nesterov_is_torch_sgd_nesterov_on_the_lookahead_points():
    # torch.optim.SGD(lr=α(1−β), momentum=β, nesterov=True), written out:
    #   buf ← β·buf + ∇f(p);  p ← p − lr'·(∇f(p) + β·buf)
    # its parameters p_t are this form's look-ahead points x_t − α·β·v_t
    lr, beta, f = 0.2, 0.9, Quadratic(A)
    ours = optim_core.run(optim_core.nesterov(lr, beta), f, X0, 10, record_states=True)
    ahead = ours.params - lr * beta * ours.states.v
    p, buf, torch_path = np.array(X0), np.zeros(2), [np.array(X0)]
    for _ in range(10):
        g = f.grad(p)
        buf = beta * buf + g
        p = p - lr * (1 - beta) * (g + beta * buf)
        torch_path.append(p)
    np.testing.assert_allclose(ahead, np.array(torch_path), rtol=1e-12, atol=1e-14)


def test_lookahead_is_pure():
    opt = optim_core.nesterov(0.5, 0.8)
    state = MomentumState(v=np.array([1.0, -2.0]))
    x = np.array([3.0, 3.0])
    y = opt.lookahead(x, state)
    assert y.tolist() == pytest.approx([3.0 - 0.4, 3.0 + 0.8])
    assert x.tolist() == [3.0, 3.0] and state.v.tolist() == [1.0, -2.0]
    assert opt.lookahead(x, state, 0.5).tolist() == pytest.approx([3.0 - 0.2, 3.0 + 0.4])


def test_built_ins_are_registered_by_name():
    names = [cls.name for cls in optimizers.BUILT_IN]
    assert names == ["gd", "momentum", "nesterov", "rmsprop", "adagrad", "adam"]
    assert list(optimizers.FACTORIES) == names
    for name, factory in optimizers.FACTORIES.items():
        opt = factory()
        assert opt.name == name and type(opt) in optimizers.BUILT_IN
    assert optim_core.nesterov(0.1, 0.9) != optim_core.momentum(0.1, 0.9)  # not the same rule


# -- Grouped: different optimizers on different starts, in one run ----------------------------

PARTS = (
    (optim_core.gd(0.05), 2),
    (optim_core.nesterov(0.05, 0.9), 3),
    (optim_core.adam(0.1), 1),
    (optim_core.adagrad(0.3), 2),
)


@pytest.mark.parametrize("engine", ["pure", "fast"])
@pytest.mark.parametrize("per_start", [False, True])
def test_grouped_is_each_optimizer_on_its_own_starts(engine, per_start):
    grouped = optimizers.Grouped(PARTS)
    x0 = np.random.default_rng(2).uniform(-3, 3, (grouped.size, 2))
    factors = np.linspace(1.0, 0.3, 40)[:, None] * (np.arange(1, 9) if per_start else np.ones(8))
    together = optim_core.run(grouped, Quadratic(A), x0, 40, engine=engine, schedule=factors)
    for (opt, _), rows in zip(grouped.parts, grouped.slices, strict=True):
        alone = optim_core.run(opt, Quadratic(A), x0[rows], 40, schedule=factors[:, rows])
        np.testing.assert_allclose(together.params[:, rows], alone.params, rtol=1e-12, atol=1e-15)


def test_grouped_in_more_starts_than_a_chunk_is_not_cut_into_chunks():
    grouped = optimizers.Grouped(((optim_core.gd(0.05), 6000), (optim_core.adam(0.1), 6000)))
    x0 = np.random.default_rng(3).uniform(-3, 3, (12_000, 2))
    together = optim_core.run(grouped, Quadratic(A), x0, 5)
    first = optim_core.run(optim_core.gd(0.05), Quadratic(A), x0[:6000], 5)
    second = optim_core.run(optim_core.adam(0.1), Quadratic(A), x0[6000:], 5)
    np.testing.assert_allclose(together.params[:, :6000], first.params, rtol=1e-12)
    np.testing.assert_allclose(together.params[:, 6000:], second.params, rtol=1e-12)


def test_grouped_looks_ahead_only_when_a_group_does_and_records_each_state():
    assert (
        optimizers.Grouped(((optim_core.gd(0.1), 1), (optim_core.adam(0.1), 1))).lookahead is None
    )
    assert optimizers.Grouped(PARTS).lookahead_kernel is not None
    run = optim_core.run(
        optimizers.Grouped(PARTS), Quadratic(A), np.ones((8, 2)), 3, record_states=True
    )
    gd_state, nes_state, adam_state, ada_state = run.states.parts
    assert nes_state.v.shape == (4, 3, 2) and adam_state.count.tolist() == [0, 1, 2, 3]
    assert ada_state.s[1] == pytest.approx(np.array(A) ** 2 * np.ones((2, 2)))  # s₁ = g²


@pytest.mark.parametrize(
    "parts, match",
    [
        ((), "at least one"),
        (((optim_core.gd(0.1), 0),), "group size must be >= 1"),
        (((optim_core.gd(0.1), 1.5),), "group size must be a whole number"),
        ((("gd", 2),), "not an optimizer"),
    ],
)
def test_grouped_is_checked(parts, match):
    with pytest.raises(ValueError, match=match):
        optimizers.Grouped(parts)


def test_grouped_needs_one_row_per_start():
    grouped = optimizers.Grouped(PARTS)
    with pytest.raises(ValueError, match=r"shape \(8, d\)"):
        grouped.init(np.zeros((7, 2)))
