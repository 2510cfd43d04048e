"""Mini-batch index streams: which rows each gradient step gets to see.

Every epoch shuffles the ``m`` row indices afresh and cuts the permutation into consecutive
batches of ``batch_size`` rows (the last one smaller when ``batch_size`` does not divide
``m``), so each row is used exactly once per epoch. The batch size picks the regime:

* ``batch_size == m``: **batch gradient descent**. One batch per epoch holding every row (in
  shuffled order, which does not change the average), so each step uses the exact gradient:
  smooth, but one step costs a full pass over the data.
* ``batch_size == 1``: **stochastic gradient descent (SGD)**. ``m`` steps per epoch, each
  from a single row: cheap, noisy steps that jitter around the minimum unless the learning
  rate decays.
* ``1 < batch_size < m``: **mini-batch gradient descent**. ``ceil(m / batch_size)`` steps per
  epoch; averaging ``B`` rows divides the gradient noise's variance by about ``B``, and the
  batch is one matrix product, which vectorized hardware does well.

Feed each index array to ``grad(p, idx)`` of a loss in :mod:`optim_core.losses`.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from optim_core import checks

__all__ = ["batches_per_epoch", "minibatches"]


def _check_sizes(m, batch_size) -> tuple[int, int]:
    m = checks.integer(m, "m", minimum=1)
    batch_size = checks.integer(batch_size, "batch_size", minimum=1)
    if batch_size > m:
        raise ValueError(f"batch_size must be <= m = {m} (the number of rows), got {batch_size}")
    return m, batch_size


def batches_per_epoch(m: int, batch_size: int) -> int:
    """Number of batches (gradient steps) per epoch: ``ceil(m / batch_size)``."""
    m, batch_size = _check_sizes(m, batch_size)
    return -(-m // batch_size)


def minibatches(m: int, batch_size: int, epochs: int, seed) -> Iterator[np.ndarray]:
    """Yield integer index arrays into ``range(m)``, epoch after epoch.

    One generator ``np.random.default_rng(seed)`` serves the whole call: each epoch draws a
    fresh permutation of ``range(m)`` from it (so epochs differ, yet a fixed ``seed``
    reproduces the whole stream) and yields consecutive slices of ``batch_size`` indices, the
    last slice of an epoch possibly shorter. ``epochs * batches_per_epoch(m, batch_size)``
    arrays in total. ``seed`` is anything ``default_rng`` accepts; a ``Generator`` is used (and
    advanced) as is.

    The arguments are checked when this is called, not at the first ``next``: ``m``,
    ``batch_size`` and ``epochs`` must be whole numbers with ``m >= 1``,
    ``1 <= batch_size <= m`` and ``epochs >= 1``, else ``ValueError``.
    """
    m, batch_size = _check_sizes(m, batch_size)
    epochs = checks.integer(epochs, "epochs", minimum=1)
    rng = np.random.default_rng(seed)
    return _stream(m, batch_size, epochs, rng)


def _stream(m: int, batch_size: int, epochs: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    for _ in range(epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            yield order[start : start + batch_size]
