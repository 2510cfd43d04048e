"""Tests for optim_core.training: the one step loop of mini-batch training, and counting.

The batch-size sweep moved with its code to tests/lessons/test_batch_sizes.py."""

from __future__ import annotations

import numpy as np
import pytest

import optim_core
from optim_core import losses, training
from optim_core.batches import batches_per_epoch, minibatches


def regression(m=50, n=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n))
    y = X @ rng.normal(size=n) + 2.0 + 0.5 * rng.normal(size=m)
    return losses.LinearRegression(X, y)


def classification(m=60, n=3, seed=1):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n))
    y = (X[:, 0] + 0.8 * rng.normal(size=m) > 0).astype(float)
    return losses.LogisticRegression(X, y, l2=1e-3)


LOSSES = [regression(), classification()]


@pytest.mark.parametrize("loss", LOSSES, ids=["linear", "logistic"])
def test_batch_gradient_matches_the_loss_on_those_rows(loss):
    rng = np.random.default_rng(3)
    grad = training.BatchGradient(loss)
    for size in (1, 2, 7, loss.n_samples):
        idx = rng.choice(loss.n_samples, size=size, replace=False)
        p = rng.normal(size=loss.dim)
        expected = loss.grad(p, idx)
        np.testing.assert_allclose(grad(p, idx), expected, rtol=1e-12, atol=1e-14)
        # the same rows as a data set of their own: its full-batch gradient
        if isinstance(loss, losses.LinearRegression):
            alone = losses.LinearRegression(loss.X[idx], loss.y[idx]) if size > 1 else None
        else:
            alone = (
                losses.LogisticRegression(loss.X[idx], loss.y[idx], l2=loss.l2)
                if size > 1
                else None
            )
        if alone is not None:
            np.testing.assert_allclose(grad(p, idx), alone.grad(p), rtol=1e-12, atol=1e-14)


def test_batch_gradient_by_hand_for_one_row():
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])
    y = np.array([1.0, 2.0, 0.0])
    loss = losses.LinearRegression(X, y)
    p = np.array([0.5, -1.0, 0.25])  # w1, w2, b
    # row 1: r = 0.5*3 - 1*(-1) + 0.25 - 2 = 0.75 ; gradient r * (x, 1)
    np.testing.assert_allclose(training.BatchGradient(loss)(p, np.array([1])), [2.25, -0.75, 0.75])


@pytest.mark.parametrize("loss", LOSSES, ids=["linear", "logistic"])
def test_size_weighted_batch_gradients_of_an_epoch_average_to_the_full_gradient(loss):
    p = np.random.default_rng(5).normal(size=loss.dim)
    grad = training.BatchGradient(loss)
    batches = list(minibatches(loss.n_samples, 8, 1, seed=4))
    total = sum(len(b) * grad(p, b) for b in batches) / loss.n_samples
    np.testing.assert_allclose(total, loss.grad(p), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("m,batch_size", [(50, 1), (50, 7), (50, 16), (50, 50)])
def test_one_epoch_visits_every_row_exactly_once(m, batch_size):
    rows = np.concatenate(
        [
            training.batch_at(m, batch_size, 11, k)
            for k in range(1, batches_per_epoch(m, batch_size) + 1)
        ]
    )
    assert np.array_equal(np.sort(rows), np.arange(m))
    # the next epoch is a fresh shuffle of all rows again
    nb = batches_per_epoch(m, batch_size)
    second = np.concatenate(
        [training.batch_at(m, batch_size, 11, nb + k) for k in range(1, nb + 1)]
    )
    assert np.array_equal(np.sort(second), np.arange(m))
    if batch_size < m:
        assert not np.array_equal(rows, second)


def test_train_uses_the_batches_of_batch_at():
    loss = regression()
    lr, bs, seed = 0.05, 8, 7
    run = training.train(loss, optim_core.gd(lr), np.zeros(loss.dim), bs, 3, seed)
    p = np.zeros(loss.dim)
    for step in range(1, 3 * batches_per_epoch(loss.n_samples, bs) + 1):
        p = p - lr * loss.grad(p, training.batch_at(loss.n_samples, bs, seed, step))
        np.testing.assert_allclose(run.trajectory.params[step], p, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(run.trajectory.loss[-1], loss.value(p), rtol=1e-12)


@pytest.mark.parametrize("loss", LOSSES, ids=["linear", "logistic"])
def test_batch_size_m_is_batch_gradient_descent_exactly(loss):
    x0 = np.full(loss.dim, 0.3)
    epochs = 25
    ours = training.train(loss, optim_core.gd(0.2), x0, loss.n_samples, epochs, seed=123)
    ref = optim_core.run(optim_core.gd(0.2), loss, x0[None], epochs, engine="pure")
    assert np.array_equal(ours.trajectory.params, ref.params[:, 0])
    assert np.array_equal(ours.trajectory.loss, ref.loss[:, 0])
    assert np.array_equal(ours.trajectory.steps, ref.steps)
    assert int(ours.trajectory.diverged_at) == -1
    np.testing.assert_array_equal(ours.examples, np.arange(epochs + 1) * loss.n_samples)
    np.testing.assert_array_equal(ours.epoch_loss, ours.trajectory.loss)


def test_examples_processed_counts_the_short_last_batch():
    # m = 10, batch 4: an epoch is batches of 4, 4, 2
    np.testing.assert_array_equal(
        training.examples_after(np.arange(8), 10, 4), [0, 4, 8, 10, 14, 18, 20, 24]
    )
    loss = regression(m=10)
    run = training.train(loss, optim_core.gd(0.1), np.zeros(loss.dim), 4, 2, seed=0)
    np.testing.assert_array_equal(run.trajectory.steps, np.arange(7))
    np.testing.assert_array_equal(run.examples, [0, 4, 8, 10, 14, 18, 20])
    assert run.steps_per_epoch == 3
    assert np.all(np.diff(run.seconds) >= 0) and run.seconds[0] == 0.0
    assert run.epoch_seconds.shape == (2,) and np.all(run.epoch_seconds >= 0)
    # the epoch-end costs are the costs at steps 3 and 6
    np.testing.assert_array_equal(run.epoch_loss, run.trajectory.loss[[0, 3, 6]])


def test_recording_every_k_steps_keeps_the_epoch_costs():
    loss = regression(m=50)
    every = training.train(loss, optim_core.gd(0.05), np.zeros(loss.dim), 5, 4, seed=2)
    sparse = training.train(
        loss, optim_core.gd(0.05), np.zeros(loss.dim), 5, 4, seed=2, record_every=7
    )
    np.testing.assert_array_equal(sparse.trajectory.steps, [0, 7, 14, 21, 28, 35, 40])
    np.testing.assert_allclose(
        sparse.trajectory.loss, every.trajectory.loss[sparse.trajectory.steps]
    )
    np.testing.assert_allclose(sparse.epoch_loss, every.epoch_loss)
    np.testing.assert_array_equal(sparse.examples, sparse.trajectory.steps * 5)


def test_a_diverging_run_stops_and_is_nan_from_there():
    loss = regression()
    run = training.train(loss, optim_core.gd(50.0), np.zeros(loss.dim), 10, 20, seed=0)
    k = int(run.trajectory.diverged_at)
    assert k > 0
    assert np.all(np.isnan(run.trajectory.loss[k:]))
    assert np.all(np.isfinite(run.trajectory.loss[:k]))


def test_target_and_first_within_by_hand():
    assert training.target_cost(2.0) == pytest.approx(2.02)
    costs = [5.0, 3.0, 2.05, 2.02, 2.0]
    assert training.first_within(costs, 2.0) == 3  # 2.02 - 2 = 0.02 <= 0.01 * 2
    assert training.first_within(costs, 2.0, rel=0.05) == 2
    assert training.first_within([5.0, np.nan, 3.0], 2.0) == -1


def test_cost_grid_matches_the_loss_on_a_mesh():
    loss = classification(n=1)
    xs, ys = np.linspace(-2, 2, 7), np.linspace(-1, 3, 23)
    z = training.cost_grid(loss, xs, ys, chunk=4)
    W, B = np.meshgrid(xs, ys)
    np.testing.assert_allclose(z, loss.value(np.stack([W, B], axis=-1)), rtol=1e-12)


def test_bad_arguments_raise_clear_errors():
    loss = regression(m=10)
    with pytest.raises(ValueError, match="batch_size"):
        training.train(loss, optim_core.gd(0.1), np.zeros(loss.dim), 11, 1, 0)
    with pytest.raises(ValueError, match="x0"):
        training.train(loss, optim_core.gd(0.1), np.zeros(2), 2, 1, 0)
    with pytest.raises(ValueError, match="LinearRegression or LogisticRegression"):
        training.BatchGradient(optim_core.objectives.get("bowl"))


# -- one step loop, one divergence rule ---------------------------------------------------------
def test_plain_gd_through_update_is_bit_identical_to_the_hand_written_step():
    # x + (-lr*g) and x - lr*g round the same way (negation is exact), so the sweep's numbers
    # did not move when its loop started to go through gd(lr).update
    loss = regression()
    lr, bs, seed = 0.07, 7, 3
    run = training.train(loss, optim_core.gd(lr), np.zeros(loss.dim), bs, 2, seed)
    grad = training.BatchGradient(loss)
    p = np.zeros(loss.dim)
    for step, idx in enumerate(minibatches(loss.n_samples, bs, 2, seed), start=1):
        p = p - lr * grad(p, idx)
        assert np.array_equal(run.trajectory.params[step], p)


@pytest.mark.parametrize("lr", [2.5, 50.0])
def test_full_batch_diverges_at_the_same_step_as_optim_core_run(lr):
    # the Guard of optim_core.run (blowup 1e6, margin 1) is the one rule of mini-batch training
    loss = regression()
    ours = training.train(loss, optim_core.gd(lr), np.zeros(loss.dim), loss.n_samples, 40, 0)
    ref = optim_core.run(optim_core.gd(lr), loss, np.zeros((1, loss.dim)), 40, engine="pure")
    k = int(ref.diverged_at[0])
    assert k > 0 and int(ours.trajectory.diverged_at) == k
    assert np.array_equal(ours.trajectory.loss[:k], ref.loss[:k, 0])
    assert np.all(np.isnan(ours.trajectory.loss[k:]))


def test_the_guard_limit_is_blowup_times_start_cost_plus_margin():
    loss = regression()
    run = training.MiniBatchRun(loss, optim_core.gd(0.1), np.zeros(loss.dim), 5, 1, 0)
    c0 = float(loss.value(np.zeros(loss.dim)))
    assert float(run.guard.limit) == training.BLOWUP * (abs(c0) + training.MARGIN)
    assert run.diverged_at == -1 and run.cost == c0 and run.step == 0


def test_mini_batch_run_steps_with_any_optimizer_through_init_and_update():
    loss = regression(m=40)
    x0 = np.zeros(loss.dim)
    for optimizer in (
        optim_core.momentum(0.1, 0.9),
        optim_core.rmsprop(0.01),
        optim_core.adam(0.05),
    ):
        with training.MiniBatchRun(loss, optimizer, x0, 8, 3, seed=1) as run:
            cost = run.advance(10)
        grad, state, p = training.BatchGradient(loss), optimizer.init(x0), x0
        for _, idx in zip(range(10), minibatches(40, 8, 3, 1), strict=False):
            updates, state = optimizer.update(grad(p, idx), state)
            p = p + updates
        assert run.step == 10 and run.examples == 80
        assert np.array_equal(run.p, p) and cost == float(loss.value(p))


@pytest.mark.parametrize("m,batch_size", [(10, 1), (10, 3), (10, 4), (10, 10), (7, 6)])
def test_steps_to_see_is_the_inverse_of_examples_after(m, batch_size):
    for examples in range(0, 4 * m):
        k = training.steps_to_see(examples, m, batch_size)
        assert training.examples_after(k, m, batch_size) >= examples
        assert k == 0 or training.examples_after(k - 1, m, batch_size) < examples
    loss = regression(m=m)
    run = training.MiniBatchRun(loss, optim_core.gd(0.1), np.zeros(loss.dim), batch_size, 4, 0)
    assert [run.steps_to_see(e) for e in range(4 * m)] == [
        training.steps_to_see(e, m, batch_size) for e in range(4 * m)
    ]
