"""optim_core: the mathematics of the dashboard (numpy only, no UI).

Public API::

    ewa(series, beta, *, bias_correction=False)
    gd(lr), momentum(lr, beta), nesterov(lr, beta), rmsprop(lr, beta, eps), adagrad(lr, eps),
    adam(lr, beta1, beta2, eps, bias_correction)
    run(optimizer, objective, x0, steps, *, record_every=1, schedule=None, ...) -> Trajectory
    minibatches(m, batch_size, epochs, seed) -> iterator of index arrays
    objectives        named test surfaces with exact gradients
    losses            linear / logistic regression costs with mini-batch gradients
    schedules         learning-rate schedules (constant, inverse time, exponential, step decay)
"""

from optim_core import losses, objectives, schedules
from optim_core.batches import minibatches
from optim_core.ewa import ewa
from optim_core.optimizers import adagrad, adam, gd, momentum, nesterov, rmsprop
from optim_core.trajectory import Trajectory, run

__all__ = [
    "Trajectory",
    "adagrad",
    "adam",
    "ewa",
    "gd",
    "losses",
    "minibatches",
    "momentum",
    "nesterov",
    "objectives",
    "rmsprop",
    "run",
    "schedules",
]
