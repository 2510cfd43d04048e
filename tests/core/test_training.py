"""Tests for optim_core.training: mini-batch training, counts, timing and the sweep."""

from __future__ import annotations

import math

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


def test_sweep_time_to_target_on_a_case_with_a_known_answer():
    # one standardized feature: the Hessian of least squares is the identity, so full-batch
    # GD shrinks the excess cost by (1 - lr)^2 each step: gap_t = (1 - lr)^(2t) * gap_0.
    rng = np.random.default_rng(0)
    x = rng.normal(size=200)
    X, _, _ = losses.standardize(x[:, None])
    y = 3.0 * X[:, 0] + 5.0 + rng.normal(size=200)
    loss = losses.LinearRegression(X, y)
    optimum = loss.optimum()[1]
    gap0 = loss.value(np.zeros(2)) - optimum
    lr = 0.5
    exact = math.log(gap0 / (0.01 * optimum)) / (-2 * math.log(1 - lr))
    assert abs(exact - round(exact)) > 1e-3  # not on a knife edge
    t_star = math.ceil(exact)
    point = training.sweep_batch_size(loss, loss.n_samples, [lr], repeats=1)
    assert point.best.steps_to_target == t_star
    assert point.best.examples_to_target == t_star * loss.n_samples
    assert point.reached and point.best.seconds_to_target > 0
    assert point.seconds_per_epoch > 0


def test_sweep_reports_noise_floor_divergence_and_the_best_rate():
    loss = regression(m=200)
    point = training.sweep_batch_size(loss, 1, [30.0, 0.2, 0.01], max_examples=4000, repeats=1)
    by_lr = {t.lr: t for t in point.trials}
    assert by_lr[30.0].diverged and by_lr[30.0].examples_to_target == -1
    # SGD with lr = 0.2 jitters around the minimum above the 1 % target: not reached, with its floor
    assert by_lr[0.2].examples_to_target == -1 and by_lr[0.2].floor > 0.01
    assert not by_lr[0.2].still_falling
    assert by_lr[0.01].examples_to_target > 0
    assert point.best.lr == 0.01


def test_sweep_stops_later_rates_at_the_best_count_so_far():
    loss = regression(m=100)
    point = training.sweep_batch_size(loss, 10, [0.3, 0.001], repeats=1)
    fast, slow = point.trials
    assert fast.examples_to_target > 0
    assert slow.examples_to_target == -1 and slow.examples <= fast.examples_to_target + 10


def test_sweep_sizes():
    assert training.sweep_sizes(392) == (1, 2, 4, 8, 16, 32, 64, 128, 256, 392)
    assert training.sweep_sizes(8) == (1, 2, 4, 8)
    assert training.sweep_sizes(1) == (1,)


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


def test_a_run_jittering_at_its_noise_floor_is_stopped_early_but_full_batch_is_not():
    loss = regression(m=200)
    budget = 40_000
    noisy = training.sweep_batch_size(loss, 1, [0.2], max_examples=budget, repeats=1).best
    assert noisy.stalled and not noisy.still_falling
    assert noisy.examples < budget / 4 and noisy.floor > 0.01
    slow = training.sweep_batch_size(loss, 200, [1e-4], max_examples=4000, repeats=1).best
    assert not slow.stalled and slow.still_falling and slow.examples == 4000
