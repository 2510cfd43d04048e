"""The race lesson: hand-checkable facts, the tuned-rate rule, divergence, the page's claims."""

import math
import pickle

import numpy as np
import pytest

import optim_core
from optim_core import objectives, schedules
from optim_core.lessons import race as lesson

BOWL_BOX = ((-2.0, 2.0), (-2.0, 2.0))


class Shifted:
    """A function the user might type: f = (x − 1)² + 2·(y + 0.5)², no known minima listed."""

    def value(self, p):
        p = np.asarray(p, dtype=float)
        return (p[..., 0] - 1.0) ** 2 + 2.0 * (p[..., 1] + 0.5) ** 2

    def grad(self, p):
        p = np.asarray(p, dtype=float)
        return np.stack([2.0 * (p[..., 0] - 1.0), 4.0 * (p[..., 1] + 0.5)], axis=-1)


@pytest.mark.parametrize("mode", lesson.LR_MODES)
def test_every_racer_starts_at_the_start(mode):
    r = lesson.race("himmelblau", None, (0.5, -1.5), lesson.RACERS, mode, 0.01, None, 40)
    f = objectives.get("himmelblau")
    assert [x.name for x in r.racers] == list(lesson.RACERS)
    for x in r.racers:
        assert x.path.dtype == np.float32 and x.path.shape == (41, 2)
        assert x.path[0].tolist() == [0.5, -1.5]
        assert x.loss[0] == pytest.approx(float(f.value(np.array([0.5, -1.5]))), rel=1e-15)
    assert r.start == (0.5, -1.5) and r.start_value == x.loss[0]


def test_shared_gd_on_the_bowl_is_the_closed_form():
    # f = (x² + y²)/2, curvature 1: x_k = (1 − α)^k x₀, distance (1 − α)^k |x₀|
    x0, lr, steps = np.array([1.2, -0.8]), 0.1, 100
    r = lesson.race("bowl", BOWL_BOX, tuple(x0), ("gd",), "shared", lr, None, steps)
    gd = r.racer("gd")
    k = np.arange(steps + 1)[:, None]
    np.testing.assert_allclose(gd.path, (1 - lr) ** k * x0, rtol=2e-7, atol=1e-9)
    np.testing.assert_allclose(gd.distance, (1 - lr) ** k[:, 0] * np.hypot(*x0), rtol=1e-12)
    # the distance shrinks every step, so it arrives at the first step within 0.01
    first = math.ceil(math.log(lesson.DISTANCE_TOL / np.hypot(*x0)) / math.log(1 - lr))
    assert gd.arrived_at == first
    assert r.winner == "gd" and r.winner_arrived and r.target == "minimum"
    assert gd.lr == lr and np.all(gd.alpha == lr) and r.schedule == "constant"


def test_shared_gd_with_a_schedule_is_the_product_of_its_rates():
    # x_k = Π_{j<=k} (1 − α·c_j) x₀ with c_j = γ^(j−1)
    x0, lr, gamma, steps = np.array([1.5, 1.0]), 0.3, 0.9, 30
    sched = schedules.exponential(gamma)
    r = lesson.race("bowl", BOWL_BOX, tuple(x0), ("gd",), "shared", lr, sched, steps)
    shrink = np.concatenate([[1.0], np.cumprod(1 - lr * gamma ** np.arange(steps))])
    np.testing.assert_allclose(r.racer("gd").path, shrink[:, None] * x0, rtol=2e-7, atol=1e-9)
    assert r.racer("gd").alpha == pytest.approx(lr * gamma ** np.arange(steps))
    assert r.schedule == "exponential" and r.factors.shape == (steps,)


def test_tuned_gd_on_the_bowl_takes_the_rate_one_and_lands_in_one_step():
    # x₁ = (1 − α)·x₀ is exactly the minimum for α = 1, the largest rate of the grid
    r = lesson.race("bowl", BOWL_BOX, (1.2, -0.8), ("gd", "adam"), "tuned", 0.01, None, 60)
    gd = r.racer("gd")
    assert gd.lr == 1.0 and gd.arrived_at == 1 and gd.final_loss == 0.0
    assert r.winner == "gd"


def rank(arrived, final, diverged):
    return (
        diverged >= 0,
        arrived is None,
        arrived or 0,
        final if math.isfinite(final) else math.inf,
    )


@pytest.mark.parametrize("surface, start", [("beale", (1.0, 1.5)), ("rosenbrock", (-1.2, 1.0))])
def test_tuned_rates_come_from_the_grid_by_the_rule(surface, start):
    r = lesson.race(surface, None, start, lesson.RACERS, "tuned", 0.01, None, 150)
    f = objectives.get(surface)
    for x in r.racers:
        t = x.tuning
        assert t.rates == lesson.RATES and x.lr == lesson.RATES[t.chosen]
        keys = [rank(*row) for row in zip(t.arrived_at, t.final_loss, t.diverged_at, strict=True)]
        assert keys[t.chosen] == min(keys)  # first by the rule (ties: the smaller rate)
        assert keys.index(min(keys)) == t.chosen
        # the chosen run is that optimizer's run at that rate: exactly so as the race computes
        # it (lr = 1 times a factor), and to rounding as a plain run at lr = rate (chaotic
        # runs, Adam at 1 on Rosenbrock, part visibly after ~100 steps from the last bit)
        start_ = np.array(start)
        same = optim_core.run(
            lesson.make_optimizer(x.name, 1.0), f, start_, 150, schedule=np.full(150, x.lr)
        )
        np.testing.assert_allclose(x.path, same.params, rtol=1e-6, atol=1e-7, equal_nan=True)
        assert x.diverged_at == int(same.diverged_at)
        plain = optim_core.run(lesson.make_optimizer(x.name, x.lr), f, start_, 50)
        np.testing.assert_allclose(x.path[:51], plain.params, rtol=1e-6, atol=1e-7, equal_nan=True)
    assert r.chosen == {x.name: x.lr for x in r.racers}


def test_tuning_never_does_worse_than_the_shared_rate_when_it_is_on_the_grid():
    args = ("elongated_bowl", None, (-2.5, 1.5), lesson.RACERS)
    shared = lesson.race(*args, "shared", 0.01, None, 200)
    tuned = lesson.race(*args, "tuned", 0.01, None, 200)
    assert 0.01 in lesson.RATES
    for s, t in zip(shared.racers, tuned.racers, strict=True):
        assert rank(t.arrived_at, t.final_loss, t.diverged_at) <= rank(
            s.arrived_at, s.final_loss, s.diverged_at
        )


def test_divergence_is_reported_with_its_step():
    # gd at α = 3 on the bowl: x_k = (−2)^k x₀, loss_k = 4^k loss₀; the run's bound is
    # |loss| > 1e6·(|loss₀| + 1)
    x0 = np.array([1.0, 0.5])
    loss0 = 0.5 * float(x0 @ x0)
    first_bad = next(k for k in range(100) if 4.0**k * loss0 > 1e6 * (loss0 + 1.0))
    r = lesson.race("bowl", BOWL_BOX, tuple(x0), ("gd", "adam"), "shared", 3.0, None, 50)
    gd = r.racer("gd")
    assert gd.diverged_at == first_bad
    assert np.all(np.isnan(gd.path[first_bad:])) and np.all(np.isfinite(gd.path[:first_bad]))
    assert math.isnan(gd.final_loss) and gd.arrived_at is None
    assert gd.left_box_at == 2  # x₁ = (−2, −1) is on the map's edge, x₂ = (4, 2) off it
    assert r.ranking[-1] == "gd" and r.winner == "adam"
    alone = lesson.race("bowl", BOWL_BOX, tuple(x0), ("gd",), "shared", 3.0, None, 50)
    assert alone.winner is None and not alone.winner_arrived and math.isnan(alone.best_value)


def test_arrival_means_within_tolerance_and_staying_there():
    r = lesson.race("rastrigin", None, (2.3, -1.7), lesson.RACERS, "shared", 0.003, None, 200)
    for x in r.racers:
        inside = x.distance <= lesson.DISTANCE_TOL
        if x.arrived_at is None:
            assert not (np.all(inside[-2:]))
        else:
            assert np.all(inside[x.arrived_at :]) and x.arrived_at < r.steps
            assert x.arrived_at == 0 or not inside[x.arrived_at - 1]


def test_without_known_minima_the_target_is_the_best_value_found():
    box = ((-3.0, 3.0), (-3.0, 3.0))
    r = lesson.race(Shifted(), box, (-2.0, 2.0), lesson.RACERS, "shared", 0.05, None, 300)
    assert r.target == "best" and r.minima == () and r.tolerance == lesson.VALUE_TOL
    assert all(x.distance is None and x.end_minimum is None for x in r.racers)
    finite = [x for x in r.racers if x.diverged_at < 0]
    assert r.best_value == min(float(np.min(x.loss)) for x in finite)
    margin = lesson.VALUE_TOL * (r.start_value - r.best_value)
    for x in finite:
        if x.arrived_at is not None:
            assert np.all(x.loss[x.arrived_at :] - r.best_value <= margin)
            assert x.arrived_at == 0 or x.loss[x.arrived_at - 1] - r.best_value > margin
    arrived = [x.arrived_at for x in r.racers if x.arrived_at is not None]
    assert r.winner_arrived and r.racer(r.winner).arrived_at == min(arrived)


def test_a_function_without_a_minimum_has_no_arrival():
    # the saddle x² − y² falls for ever: the racers keep going down to the last step
    r = lesson.race("saddle", None, (-1.5, 1.2), lesson.RACERS, "shared", 0.01, None, 100)
    assert r.target == "best" and not r.winner_arrived
    assert all(x.arrived_at is None for x in r.racers)


def test_the_winner_arrives_first():
    r = lesson.race("multi_well", None, (-1.5, 1.2), lesson.RACERS, "tuned", 0.01, None, 300)
    arrived = {x.name: x.arrived_at for x in r.racers if x.arrived_at is not None}
    assert r.winner_arrived and arrived[r.winner] == min(arrived.values())
    assert r.ranking[0] == r.winner and sorted(r.ranking) == sorted(lesson.RACERS)
    # the well it ends in is a listed minimum within the tolerance
    win = r.racer(r.winner)
    assert math.dist(win.end_minimum, win.path[-1]) <= lesson.DISTANCE_TOL


def test_fairness_case_the_winner_changes():
    f = lesson.fairness_case()
    c = lesson.FAIRNESS_CASE
    shared = lesson.race(
        c["objective"], None, c["start"], lesson.RACERS, "shared", c["lr"], None, c["steps"]
    )
    tuned = lesson.race(
        c["objective"], None, c["start"], lesson.RACERS, "tuned", c["lr"], None, c["steps"]
    )
    assert f.shared_winner == shared.winner and f.tuned_winner == tuned.winner
    assert f.changed and f.shared_winner is not None and f.tuned_winner is not None
    assert f.shared_winner != f.tuned_winner
    # each winner arrived, and the tuned winner got there sooner
    assert f.tuned_arrived[f.tuned_winner] < f.shared_arrived[f.shared_winner]
    assert f.tuned_lrs == tuned.chosen and f.shared_lr == c["lr"]
    assert lesson.compare(shared, tuned) == f


def test_compare_wants_a_shared_race_then_a_tuned_one():
    r = lesson.race("bowl", BOWL_BOX, (1.0, 1.0), ("gd",), "shared", 0.1, None, 5)
    with pytest.raises(ValueError, match="shared-rate race and a tuned one"):
        lesson.compare(r, r)


def test_settling_decay_calms_rmsprops_jitter():
    s = lesson.settling()
    # at a constant rate RMSprop ends in the 2-cycle ±α/2 per coordinate: distance α/√2
    assert s.constant_final == pytest.approx(s.lr / math.sqrt(2), rel=1e-3)
    assert s.constant_jitter == pytest.approx(s.expected_jitter, rel=1e-3)
    # with the decay the end is more than a hundred times calmer
    assert s.decayed_jitter < s.constant_jitter / 100 and s.ratio > 100
    assert s.decayed_final < s.constant_final / 100
    assert s.final_rate == pytest.approx(s.lr * 0.98 ** (s.steps - 1))
    assert s.constant_distance.shape == (s.steps + 1,) and s.minimum == (0.0, 0.0)


def test_settling_needs_a_known_minimum():
    with pytest.raises(ValueError, match="known minimum"):
        lesson.settling(Shifted())


def test_clamp_start():
    box = ((-2.0, 2.0), (-1.0, 3.0))
    assert lesson.clamp_start((5.0, -9.0), box) == (2.0, -1.0)
    assert lesson.clamp_start((0.25, 0.5), box) == (0.25, 0.5)
    with pytest.raises(ValueError, match="finite"):
        lesson.clamp_start((math.nan, 0.0), box)


def test_click_grid_and_snap():
    box = ((-2.0, 2.0), (-1.0, 3.0))
    g = lesson.click_grid(box)
    assert g.xs.shape == (41,) and g.points.shape == (41 * 41, 2) and g.points.dtype == np.float32
    assert g.xs[0] == -2.0 and g.xs[-1] == 2.0 and g.ys[0] == -1.0 and g.ys[-1] == 3.0
    assert g.points[41].tolist() == [-2.0, pytest.approx(-0.9)]  # x fastest
    # spacing 0.1 on both axes: a click snaps to the nearest tenth, clamped at the edges
    assert lesson.snap_start((0.33, 1.26), box) == (0.3, 1.3)
    assert lesson.snap_start((7.0, -5.0), box) == (2.0, -1.0)
    assert lesson.snap_start((0.3, 1.3), box) == (0.3, 1.3)
    x, y = lesson.snap_start((-1.04, 2.96), box)
    assert (x, y) == (-1.0, 3.0) and x in g.xs and y in g.ys


def test_board():
    b = lesson.board("rosenbrock")
    assert b.grid.z.shape == (lesson.GRID, lesson.GRID) and b.grid.z.dtype == np.float32
    assert b.minima == ((1.0, 1.0),) and b.log_scale
    assert b.box == objectives.get("rosenbrock").bounds
    assert not lesson.board("bowl").log_scale
    typed = lesson.board(Shifted(), ((-3.0, 3.0), (-3.0, 3.0)), n=11)
    assert typed.minima == () and typed.grid.z[5, 5] == pytest.approx(1.0 + 2.0 * 0.25)


def test_results_pickle():
    r = lesson.race(
        "bowl", BOWL_BOX, (1.0, 1.0), ("gd", "nesterov"), "tuned", 0.1, "exponential", 20
    )
    back = pickle.loads(pickle.dumps(r))
    assert back.winner == r.winner and np.array_equal(back.racers[1].path, r.racers[1].path)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(racers=("gd", "sgd")), "choose racers"),
        (dict(racers=()), "choose racers"),
        (dict(racers=("gd", "gd")), "once"),
        (dict(lr_mode="best"), "lr_mode"),
        (dict(lr=0.0), "lr must be > 0"),
        (dict(steps=0), "steps must be >= 1"),
        (dict(steps=lesson.MAX_STEPS + 1), "steps must be <="),
        (dict(start=(math.inf, 0.0)), "finite"),
        (dict(start=(1.0,)), "two numbers"),
        (dict(box=((1.0, -1.0), (0.0, 1.0))), "low < high"),
        (dict(box="everywhere"), "the box must be"),
        (dict(schedule="cosine"), "unknown schedule"),
        (dict(schedule=0.5), "optim_core.schedules"),
    ],
)
def test_bad_input_is_refused_clearly(kwargs, match):
    args = dict(objective="bowl", box=BOWL_BOX, start=(1.0, 1.0)) | kwargs
    with pytest.raises(ValueError, match=match):
        lesson.race(**args)


def test_an_objective_without_a_box_or_gradient_is_refused():
    with pytest.raises(ValueError, match="give a box"):
        lesson.race(Shifted(), None, (0.0, 0.0))

    class NoGrad:
        def value(self, p):
            return np.zeros(np.shape(p)[:-1])

    with pytest.raises(ValueError, match=r"value\(x\) and grad\(x\)"):
        lesson.race(NoGrad(), BOWL_BOX, (0.0, 0.0))
