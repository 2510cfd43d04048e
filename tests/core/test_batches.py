"""Tests for optim_core.batches: shuffled mini-batch index streams."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optim_core.batches import batches_per_epoch, minibatches


@st.composite
def sizes(draw, max_m: int = 60):
    m = draw(st.integers(1, max_m))
    batch_size = draw(st.integers(1, m))
    return m, batch_size


def expected_sizes(m: int, batch_size: int) -> list[int]:
    full, rest = divmod(m, batch_size)
    return [batch_size] * full + ([rest] if rest else [])


@settings(max_examples=200, deadline=None)
@given(sizes(), st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_every_epoch_visits_every_row_once(mb, epochs, seed):
    m, batch_size = mb
    batches = list(minibatches(m, batch_size, epochs, seed))
    flat = np.concatenate(batches)
    assert flat.shape == (epochs * m,)
    for epoch in flat.reshape(epochs, m):
        assert sorted(epoch.tolist()) == list(range(m))
    # Batch boundaries never straddle epochs and only an epoch's last batch may be short.
    assert [len(b) for b in batches] == expected_sizes(m, batch_size) * epochs


@settings(max_examples=100, deadline=None)
@given(sizes(), st.integers(1, 3))
def test_number_of_batches(mb, epochs):
    m, batch_size = mb
    assert batches_per_epoch(m, batch_size) == math.ceil(m / batch_size)
    assert len(list(minibatches(m, batch_size, epochs, 0))) == epochs * math.ceil(m / batch_size)


@pytest.mark.parametrize(
    ("m", "batch_size", "count"),
    [(10, 3, 4), (10, 5, 2), (10, 10, 1), (10, 1, 10), (1, 1, 1), (7, 6, 2)],
)
def test_batches_per_epoch_hand_values(m, batch_size, count):
    assert batches_per_epoch(m, batch_size) == count


def test_index_arrays_are_integer_and_in_range():
    for batch in minibatches(23, 5, 3, 7):
        assert isinstance(batch, np.ndarray)
        assert batch.dtype.kind in "iu"
        assert batch.ndim == 1
        assert batch.min() >= 0 and batch.max() < 23


def test_full_batch_is_batch_gradient_descent():
    batches = list(minibatches(9, 9, 3, 1))
    assert len(batches) == 3  # one batch per epoch
    for batch in batches:
        assert sorted(batch.tolist()) == list(range(9))


def test_batch_size_one_is_sgd():
    batches = list(minibatches(6, 1, 2, 1))
    assert [len(b) for b in batches] == [1] * 12
    for epoch in (batches[:6], batches[6:]):
        assert sorted(int(b[0]) for b in epoch) == list(range(6))


def test_same_seed_reproduces():
    first = list(minibatches(50, 7, 3, 123))
    second = list(minibatches(50, 7, 3, 123))
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)


def test_different_seeds_differ():
    a = np.concatenate(list(minibatches(50, 7, 1, 0)))
    b = np.concatenate(list(minibatches(50, 7, 1, 1)))
    assert not np.array_equal(a, b)


def test_epochs_differ_from_each_other():
    flat = np.concatenate(list(minibatches(50, 10, 3, 0))).reshape(3, 50)
    assert not np.array_equal(flat[0], flat[1])
    assert not np.array_equal(flat[1], flat[2])
    assert not np.array_equal(flat[0], flat[2])


def test_one_generator_serves_all_epochs():
    rng = np.random.default_rng(42)
    expected = np.concatenate([rng.permutation(20), rng.permutation(20)])
    np.testing.assert_array_equal(np.concatenate(list(minibatches(20, 6, 2, 42))), expected)


def test_a_generator_seed_is_used_and_advanced():
    rng = np.random.default_rng(5)
    list(minibatches(10, 3, 1, rng))
    reference = np.random.default_rng(5)
    reference.permutation(10)
    assert rng.integers(1 << 30) == reference.integers(1 << 30)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((0, 1, 1, 0), "m must be >= 1"),
        ((-3, 1, 1, 0), "m must be >= 1"),
        ((5, 0, 1, 0), "batch_size must be >= 1"),
        ((5, 6, 1, 0), "batch_size must be <= m"),
        ((5, 2, 0, 0), "epochs must be >= 1"),
        ((5.0, 2, 1, 0), "m must be a whole number"),
        ((5, 2.5, 1, 0), "batch_size must be a whole number"),
        ((5, "2", 1, 0), "batch_size must be a whole number"),
        ((5, 2, True, 0), "epochs must be a whole number"),
        ((5, 2, 1.0, 0), "epochs must be a whole number"),
    ],
)
def test_validation_is_eager(args, match):
    # No iteration: the error must come from the call itself.
    with pytest.raises(ValueError, match=match):
        minibatches(*args)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((0, 1), "m must be >= 1"),
        ((4, 5), "batch_size must be <= m"),
        ((4, 0), "batch_size must be >= 1"),
        ((4.0, 2), "m must be a whole number"),
    ],
)
def test_batches_per_epoch_validation(args, match):
    with pytest.raises(ValueError, match=match):
        batches_per_epoch(*args)


def test_numpy_integers_are_accepted():
    batches = list(minibatches(np.int64(8), np.int32(3), np.int64(2), 0))
    assert [len(b) for b in batches] == [3, 3, 2, 3, 3, 2]
    assert batches_per_epoch(np.int64(8), np.int64(3)) == 3


def test_minibatches_is_part_of_the_public_api():
    import optim_core

    batches = list(optim_core.minibatches(5, 2, 1, seed=0))
    assert [len(b) for b in batches] == [2, 2, 1]
    assert sorted(np.concatenate(batches).tolist()) == [0, 1, 2, 3, 4]
