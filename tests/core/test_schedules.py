"""Learning-rate schedules against their closed forms; t counts the updates already taken."""

import pickle

import numpy as np
import pytest

from optim_core import schedules


def test_constant_is_one_everywhere():
    assert schedules.constant().factors(5).tolist() == [1.0] * 5


def test_inverse_time_closed_form():
    # c(t) = 1/(1 + k t) for t = 0, 1, 2, 3 (steps 1 … 4)
    f = schedules.inverse_time(0.1).factors(4)
    assert f == pytest.approx([1.0, 1 / 1.1, 1 / 1.2, 1 / 1.3], rel=1e-15)
    # half the rate after 1/k updates
    assert schedules.inverse_time(0.02).factor(50) == pytest.approx(0.5)


def test_exponential_closed_form():
    assert schedules.exponential(0.5).factors(4).tolist() == [1.0, 0.5, 0.25, 0.125]
    # γ = 0.99 halves the rate after ln 2 / ln(1/γ) ≈ 69 updates
    c = schedules.exponential(0.99).factor(np.log(2) / np.log(1 / 0.99))
    assert c == pytest.approx(0.5)


def test_step_decay_holds_each_rate_for_every_steps():
    f = schedules.step_decay(0.1, 3).factors(7)
    assert f == pytest.approx([1, 1, 1, 0.1, 0.1, 0.1, 0.01], rel=1e-15)


@pytest.mark.parametrize(
    "schedule",
    [
        schedules.constant(),
        schedules.inverse_time(3.0),
        schedules.exponential(0.1),
        schedules.step_decay(0.2, 1),
    ],
    ids=lambda s: s.name,
)
def test_every_schedule_starts_at_the_full_rate_and_never_grows(schedule):
    f = schedule.factors(30)
    assert f[0] == 1.0
    assert np.all(np.diff(f) <= 0)
    assert schedule.rates(0.3, 30) == pytest.approx(0.3 * f)


def test_no_steps_no_factors():
    assert schedules.exponential().factors(0).shape == (0,)


def test_schedules_are_values_for_caches():
    a, b = schedules.step_decay(0.5, 10), schedules.step_decay(0.5, 10)
    assert a == b and hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a
    assert schedules.inverse_time(0.1) != schedules.inverse_time(0.2)


def test_get_by_name():
    assert schedules.names() == ["constant", "inverse_time", "exponential", "step_decay"]
    assert schedules.get("exponential", gamma=0.9) == schedules.exponential(0.9)
    assert schedules.get("constant") == schedules.constant()


@pytest.mark.parametrize(
    "build, match",
    [
        (lambda: schedules.inverse_time(-0.1), "k must be >= 0"),
        (lambda: schedules.exponential(0.0), "gamma must be > 0"),
        (lambda: schedules.exponential(1.5), "0 < gamma <= 1"),
        (lambda: schedules.step_decay(0.0, 10), "drop must be > 0"),
        (lambda: schedules.step_decay(2.0, 10), "0 < drop <= 1"),
        (lambda: schedules.step_decay(0.5, 0), "every must be >= 1"),
        (lambda: schedules.step_decay(0.5, 2.5), "every must be a whole number"),
        (lambda: schedules.exponential("0.9"), "gamma must be a real number"),
        (lambda: schedules.get("cosine"), "unknown schedule"),
        (lambda: schedules.get("exponential", k=0.1), "unknown parameter"),
        (lambda: schedules.constant().factors(-1), "n must be >= 0"),
        (lambda: schedules.constant().rates(0.0, 3), "lr must be > 0"),
    ],
)
def test_parameters_are_checked(build, match):
    with pytest.raises(ValueError, match=match):
        build()
