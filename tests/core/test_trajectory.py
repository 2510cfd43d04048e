"""run(): shapes, recording, closed-form paths, divergence, engines, noise."""

import warnings
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pytest

import optim_core
from optim_core import schedules
from optim_core.objectives import Objective
from optim_core.trajectory import record_steps


@dataclass(frozen=True, eq=False)
class Quadratic(Objective):
    """f(x) = Σ a_i x_i² / 2 with curvatures a (a test-local surface with a closed form)."""

    a: tuple = (1.0, 10.0)

    @property
    def dim(self):
        return len(self.a)

    def value(self, x):
        return 0.5 * np.sum(np.asarray(self.a) * x * x, axis=-1)

    def grad(self, x):
        return np.asarray(self.a) * x

    @property
    def bounds(self):
        return tuple((-5.0, 5.0) for _ in self.a)


BOWL = Quadratic()
OPTIMIZERS = [
    optim_core.gd(0.05),
    optim_core.momentum(0.05, 0.9),
    optim_core.nesterov(0.05, 0.9),
    optim_core.rmsprop(0.01, 0.9),
    optim_core.adagrad(0.3),
    optim_core.adam(0.1, 0.9, 0.999),
    optim_core.adam(0.1, 0.8, 0.99, bias_correction=False),
]


@pytest.mark.parametrize("shape", [(2,), (5, 2), (3, 4, 2)])
def test_shapes_follow_the_starts(shape):
    x0 = np.random.default_rng(1).uniform(-3, 3, shape)
    run = optim_core.run(optim_core.adam(0.1), BOWL, x0, 10)
    assert run.params.shape == (11,) + shape
    assert run.loss.shape == (11,) + shape[:-1]
    assert run.diverged_at.shape == shape[:-1]
    assert np.array_equal(run.params[0], x0)
    assert run.final.shape == shape


def test_record_every_keeps_start_every_kth_and_last():
    assert record_steps(10, 3).tolist() == [0, 3, 6, 9, 10]
    assert record_steps(9, 3).tolist() == [0, 3, 6, 9]
    full = optim_core.run(optim_core.gd(0.05), BOWL, [2.0, 1.0], 10)
    sparse = optim_core.run(optim_core.gd(0.05), BOWL, [2.0, 1.0], 10, record_every=3)
    assert sparse.steps.tolist() == [0, 3, 6, 9, 10]
    assert np.array_equal(sparse.params, full.params[[0, 3, 6, 9, 10]])
    assert np.array_equal(sparse.loss, full.loss[[0, 3, 6, 9, 10]])


def test_gradient_descent_follows_the_closed_form():
    # on f = a x^2 / 2, x_k = (1 - lr*a)^k x_0 in each coordinate
    lr, x0 = 0.05, np.array([2.0, -1.0])
    run = optim_core.run(optim_core.gd(lr), BOWL, x0, 25)
    k = np.arange(26)[:, None]
    expected = (1 - lr * np.array(BOWL.a)) ** k * x0
    assert np.allclose(run.params, expected, rtol=1e-12, atol=1e-15)
    assert np.allclose(run.loss, BOWL.value(expected), rtol=1e-12)
    assert np.all(run.diverged_at == -1)


@pytest.mark.parametrize("engine", ["pure", "fast"])
def test_divergence_is_flagged_at_the_step_the_bound_is_crossed(engine):
    # 1-D a = 1, lr = 3: x_k = (-2)^k x0, loss_k = 4^k loss_0; the bound is 1e6 * (loss_0 + 1)
    surface = Quadratic((1.0,))
    x0 = np.array([[1.0], [0.0]])  # the second start sits at the minimum and never moves
    loss0 = 0.5
    first_bad = next(k for k in range(100) if 4.0**k * loss0 > 1e6 * (loss0 + 1.0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = optim_core.run(optim_core.gd(3.0), surface, x0, 40, engine=engine)
    assert run.diverged_at.tolist() == [first_bad, -1]
    assert np.all(np.isfinite(run.params[:first_bad, 0]))
    assert np.all(np.isnan(run.params[first_bad:, 0]))
    assert np.all(np.isnan(run.loss[first_bad:, 0]))
    assert not np.any(np.isinf(run.params)) and not np.any(np.isinf(run.loss))
    assert np.all(run.params[:, 1] == 0.0)


def test_just_above_the_stability_threshold_the_bound_catches_slow_growth():
    # lr = 2.02/a: |1 - lr a| = 1.02, the distance grows 2% per step, no overflow for ages
    surface = Quadratic((1.0,))
    run = optim_core.run(optim_core.gd(2.02), surface, [1.0], 1000)
    expected = next(k for k in range(2000) if 0.5 * 1.02 ** (2 * k) > 1e6 * 1.5)
    assert run.diverged_at == expected
    below = optim_core.run(optim_core.gd(1.98), surface, [1.0], 1000)
    assert below.diverged_at == -1 and abs(below.final[0]) < 1e-4


def test_overflow_is_caught_without_warnings():
    surface = Quadratic((1.0,))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = optim_core.run(optim_core.gd(1e200), surface, [1.0], 5, blowup=1e300)
    assert run.diverged_at == 1
    assert np.isnan(run.final).all()


@pytest.mark.parametrize("opt", OPTIMIZERS, ids=lambda o: o.name)
@pytest.mark.parametrize("noise", [0.0, 0.5])
def test_fast_engine_matches_the_pure_update_path(opt, noise):
    x0 = np.random.default_rng(3).uniform(-4, 4, (7, 2))
    kw = dict(record_every=2, noise=noise, seed=11)
    fast = optim_core.run(opt, BOWL, x0, 60, engine="fast", **kw)
    pure = optim_core.run(opt, BOWL, x0, 60, engine="pure", **kw)
    assert np.allclose(fast.params, pure.params, rtol=1e-9, atol=1e-12)
    assert np.allclose(fast.loss, pure.loss, rtol=1e-9, atol=1e-12)
    assert np.array_equal(fast.diverged_at, pure.diverged_at)


def test_fast_engine_matches_pure_on_a_diverging_grid():
    x0 = np.random.default_rng(4).uniform(-4, 4, (5, 5, 2))
    x0[0, 0] = 0.0
    # gd is stable for lr < 2/a = 0.2; momentum (EWA form) for lr (1 - beta) a < 2 (1 + beta)
    for opt in (optim_core.gd(0.25), optim_core.momentum(5.0, 0.9), optim_core.nesterov(5.0, 0.9)):
        fast = optim_core.run(opt, BOWL, x0, 200, engine="fast")
        pure = optim_core.run(opt, BOWL, x0, 200, engine="pure")
        assert np.array_equal(fast.diverged_at, pure.diverged_at)
        assert (fast.diverged_at > 0).sum() == 24
        assert np.allclose(fast.params, pure.params, equal_nan=True)


def test_noise_is_reproducible_for_a_seed():
    kw = dict(noise=1.0, seed=5)
    a = optim_core.run(optim_core.gd(0.05), BOWL, [1.0, 1.0], 30, **kw)
    b = optim_core.run(optim_core.gd(0.05), BOWL, [1.0, 1.0], 30, **kw)
    c = optim_core.run(optim_core.gd(0.05), BOWL, [1.0, 1.0], 30, noise=1.0, seed=6)
    assert np.array_equal(a.params, b.params)
    assert not np.allclose(a.params, c.params)


def test_noise_has_the_requested_size():
    # one GD step from the minimum moves by -lr * noise * N(0, 1)
    run = optim_core.run(optim_core.gd(1.0), BOWL, np.zeros((20000, 2)), 1, noise=0.3, seed=0)
    assert np.std(run.final) == pytest.approx(0.3, rel=0.02)


def test_states_are_left_out_unless_asked_for_on_both_engines():
    for engine in ("pure", "fast"):
        assert (
            optim_core.run(optim_core.adam(0.1), BOWL, [1.0, 1.0], 3, engine=engine).states is None
        )


def test_states_are_recorded_on_request():
    run = optim_core.run(optim_core.adam(0.1), BOWL, np.ones((3, 2)), 4, record_states=True)
    assert run.states.count.tolist() == [0, 1, 2, 3, 4]
    assert run.states.v.shape == (5, 3, 2)
    g0 = BOWL.grad(np.ones(2))
    assert run.states.v[1, 0] == pytest.approx(0.1 * g0)
    assert run.states.s[1, 0] == pytest.approx(0.001 * g0**2)
    assert (
        optim_core.run(optim_core.gd(0.1), BOWL, [1.0, 1.0], 3, record_states=True).states is None
    )


class HalfStep(NamedTuple):
    """A user-defined optimizer: anything with init/update goes through the pure path."""

    def init(self, params):
        return ()

    def update(self, grads, state):
        return -0.5 * grads, state


def test_custom_optimizer_runs_on_the_pure_path():
    run = optim_core.run(HalfStep(), Quadratic((1.0,)), [8.0], 3)
    assert run.params[:, 0].tolist() == [8.0, 4.0, 2.0, 1.0]
    with pytest.raises(ValueError, match="fast engine"):
        optim_core.run(HalfStep(), BOWL, [1.0, 1.0], 3, engine="fast")


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(x0=[1.0, 2.0, 3.0]), r"shape \(\.\.\., 2\)"),
        (dict(x0=[np.nan, 1.0]), "finite"),
        (dict(steps=-1), "steps"),
        (dict(record_every=0), "record_every"),
        (dict(noise=-1.0), "noise"),
        (dict(engine="turbo"), "engine"),
    ],
)
def test_bad_arguments_are_refused(kwargs, match):
    args = dict(x0=[1.0, 1.0], steps=3) | kwargs
    with pytest.raises(ValueError, match=match):
        optim_core.run(optim_core.gd(0.1), BOWL, args.pop("x0"), args.pop("steps"), **args)


def test_fast_engine_in_chunks_matches_the_pure_path():
    # more starts than one cache-sized chunk, some of them diverging
    x0 = np.random.default_rng(8).uniform(-4, 4, (12_000, 2))
    for opt in (optim_core.adam(0.3), optim_core.gd(0.3)):  # gd diverges for lr > 0.2
        fast = optim_core.run(opt, BOWL, x0, 40, record_every=7, engine="fast")
        pure = optim_core.run(opt, BOWL, x0, 40, record_every=7, engine="pure")
        assert np.array_equal(fast.diverged_at, pure.diverged_at)
        assert np.allclose(fast.params, pure.params, rtol=1e-9, atol=1e-12, equal_nan=True)
        assert np.allclose(fast.loss, pure.loss, rtol=1e-9, atol=1e-12, equal_nan=True)
        expected_diverged = 12_000 if opt.name == "gd" else 0  # |1 - 0.3*10| = 2 on y
        assert (fast.diverged_at > 0).sum() == expected_diverged


class DuckBowl:
    """Only ``value`` and ``grad`` (no base class, no ``value_and_grad_cm``): the shape of a
    function a user types on the race page."""

    def value(self, x):
        x = np.asarray(x)
        return 0.5 * (x[..., 0] ** 2 + 10.0 * x[..., 1] ** 2)

    def grad(self, x):
        x = np.asarray(x)
        return np.stack([x[..., 0], 10.0 * x[..., 1]], axis=-1)


@pytest.mark.parametrize("opt", OPTIMIZERS, ids=lambda o: o.name)
def test_a_duck_typed_objective_runs_on_the_fast_engine_like_the_pure_one(opt):
    x0 = np.random.default_rng(8).uniform(-4, 4, (3, 4, 2))
    default = optim_core.run(opt, DuckBowl(), x0, 50, record_every=3)
    fast = optim_core.run(opt, DuckBowl(), x0, 50, record_every=3, engine="fast")
    pure = optim_core.run(opt, DuckBowl(), x0, 50, record_every=3, engine="pure")
    subclass = optim_core.run(opt, BOWL, x0, 50, record_every=3, engine="pure")
    assert np.array_equal(default.params, fast.params)
    np.testing.assert_allclose(fast.params, pure.params, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fast.loss, pure.loss, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(pure.params, subclass.params, rtol=1e-12, atol=1e-14)
    assert fast.params.shape == (len(fast.steps), 3, 4, 2)


@pytest.mark.parametrize("missing", ["value", "grad", "both"])
def test_an_objective_without_value_or_grad_is_refused_clearly(missing):
    class Half:
        def value(self, x):
            return np.zeros(np.shape(x)[:-1])

        def grad(self, x):
            return np.zeros(np.shape(x))

    obj = Half()
    if missing in ("value", "both"):
        obj.value = None
    if missing in ("grad", "both"):
        obj.grad = None
    with pytest.raises(ValueError, match=r"value\(x\) and grad\(x\)"):
        optim_core.run(optim_core.adam(0.1), obj, [1.0, 1.0], 3)


def test_every_built_in_optimizer_carries_its_kernel_next_to_its_update():
    for opt in OPTIMIZERS:
        assert callable(type(opt).kernel) and callable(type(opt).update)


# -- learning-rate schedules ---------------------------------------------------------------------

SCHEDULES = [
    schedules.inverse_time(0.05),
    schedules.exponential(0.97),
    schedules.step_decay(0.5, 7),
]


@pytest.mark.parametrize("engine", ["pure", "fast"])
def test_gd_with_a_schedule_follows_the_hand_recursion(engine):
    # 1-D f = a x²/2: x_k = x_{k−1}·(1 − α·c_k·a) with c_k = 1/(1 + k'·(k − 1))
    a, lr, k = 3.0, 0.2, 0.5
    x, expected = 1.5, [1.5]
    for step in range(1, 13):
        x = x * (1 - lr * a / (1 + k * (step - 1)))
        expected.append(x)
    run = optim_core.run(
        optim_core.gd(lr),
        Quadratic((a,)),
        [1.5],
        12,
        schedule=schedules.inverse_time(k),
        engine=engine,
    )
    np.testing.assert_allclose(run.params[:, 0], expected, rtol=1e-13)


@pytest.mark.parametrize("engine", ["pure", "fast"])
def test_nesterov_looks_ahead_with_the_scheduled_rate(engine):
    # g at x − α_k·β·v with α_k = α·c_k, the rate of the step about to be taken
    a, lr, beta = (1.0, 4.0), 0.2, 0.8
    c = [0.5**t for t in range(10)]
    x, v, expected = [1.0, -0.5], [0.0, 0.0], [[1.0, -0.5]]
    for step in range(10):
        rate = lr * c[step]
        for i in range(2):
            g = a[i] * (x[i] - rate * beta * v[i])
            v[i] = beta * v[i] + (1 - beta) * g
            x[i] -= rate * v[i]
        expected.append(list(x))
    run = optim_core.run(
        optim_core.nesterov(lr, beta), Quadratic(a), [1.0, -0.5], 10, schedule=c, engine=engine
    )
    np.testing.assert_allclose(run.params, expected, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("opt", OPTIMIZERS, ids=lambda o: o.name)
@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: s.name)
def test_both_engines_agree_with_a_schedule(opt, schedule):
    x0 = np.random.default_rng(5).uniform(-4, 4, (6, 2))
    fast = optim_core.run(opt, BOWL, x0, 50, engine="fast", schedule=schedule, noise=0.2, seed=1)
    pure = optim_core.run(opt, BOWL, x0, 50, engine="pure", schedule=schedule, noise=0.2, seed=1)
    np.testing.assert_allclose(fast.params, pure.params, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fast.loss, pure.loss, rtol=1e-9, atol=1e-12)


def test_a_schedule_is_the_learning_rate_times_its_factor():
    # a constant schedule of factor 0.25 is the same run at a quarter of the rate
    x0 = np.array([[2.0, 1.0], [-1.0, 0.5]])
    for opt, quarter in (
        (optim_core.momentum(0.4, 0.9), optim_core.momentum(0.1, 0.9)),
        (optim_core.nesterov(0.4, 0.9), optim_core.nesterov(0.1, 0.9)),
        (optim_core.adam(0.4), optim_core.adam(0.1)),
    ):
        for engine in ("pure", "fast"):
            scaled = optim_core.run(opt, BOWL, x0, 30, schedule=np.full(30, 0.25), engine=engine)
            plain = optim_core.run(quarter, BOWL, x0, 30, engine=engine)
            np.testing.assert_allclose(scaled.params, plain.params, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("opt", OPTIMIZERS, ids=lambda o: o.name)
@pytest.mark.parametrize("engine", ["pure", "fast"])
def test_per_start_factors_run_one_learning_rate_per_start(opt, engine):
    rates = np.array([0.25, 0.5, 1.0, 2.0])
    x0 = np.tile([[2.0, -1.0]], (2, 4, 1))  # batch (2, 4): the rates along the last axis
    decay = schedules.exponential(0.95).factors(25)
    together = optim_core.run(
        opt, BOWL, x0, 25, schedule=decay[:, None, None] * rates, engine=engine
    )
    for i, r in enumerate(rates):
        alone = optim_core.run(opt, BOWL, [2.0, -1.0], 25, schedule=r * decay)
        for row in range(2):
            np.testing.assert_allclose(
                together.params[:, row, i], alone.params, rtol=1e-12, atol=1e-15
            )


def test_per_start_factors_survive_the_chunks():
    x0 = np.random.default_rng(8).uniform(-4, 4, (12_000, 2))
    factors = np.tile(np.linspace(0.1, 2.0, 12_000), (20, 1))
    fast = optim_core.run(optim_core.adam(0.1), BOWL, x0, 20, engine="fast", schedule=factors)
    pure = optim_core.run(optim_core.adam(0.1), BOWL, x0, 20, engine="pure", schedule=factors)
    np.testing.assert_allclose(fast.params, pure.params, rtol=1e-9, atol=1e-12)


def test_a_zero_factor_stops_the_run_where_it_is():
    factors = [1.0, 1.0, 0.0, 0.0]  # e.g. a long exponential decay that underflowed
    run = optim_core.run(optim_core.gd(0.1), BOWL, [1.0, 1.0], 4, schedule=factors)
    assert np.array_equal(run.params[2], run.params[4])


@pytest.mark.parametrize(
    "schedule, match",
    [
        (np.ones(4), r"one factor per step"),
        (np.ones((5, 3)), r"broadcast"),
        ([1.0, -1.0, 1.0, 1.0, 1.0], r"finite and >= 0"),
        ([1.0, np.nan, 1.0, 1.0, 1.0], r"finite and >= 0"),
        ("fast", r"numbers"),
    ],
)
def test_bad_schedules_are_refused(schedule, match):
    with pytest.raises(ValueError, match=match):
        optim_core.run(optim_core.gd(0.1), BOWL, np.ones((2, 2)), 5, schedule=schedule)
