"""The batch-sizes lesson, called directly (no Streamlit), against hand-worked numbers.

The batch-size sweep's tests moved here from tests/core/test_training.py with its code.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import optim_core
from optim_core import datasets, losses, training
from optim_core.lessons import batch_sizes as lesson


def regression(m=50, n=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n))
    y = X @ rng.normal(size=n) + 2.0 + 0.5 * rng.normal(size=m)
    return losses.LinearRegression(X, y)


# A problem small enough to work by hand: one feature, four rows.
X4 = np.array([[1.0], [-1.0], [2.0], [-2.0]])
Y4 = np.array([1.0, 0.0, 3.0, -1.0])


@pytest.fixture(scope="module")
def cars():
    return lesson.builtin("cars", "regression")


# -- clean numbers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (float("inf"), 9999),
        (float("-inf"), 0),
        (float("nan"), 0),
        ("inf", 9999),
        ("-inf", 0),
        ("Infinity", 9999),
        ("1e999", 9999),
        ("-1e999", 0),
        ("11111111111111111111", 9999),
        (11111111111111111111, 9999),
        (10**400, 9999),
        (-(10**400), 0),
        ("banana", 0),
        (None, 0),
        (True, 0),
        (3.7, 3),
        (np.int64(42), 42),
        (-5, 0),
        (7, 7),
    ],
)
def test_a_seed_is_clamped_to_the_control_and_never_raises(value, expected):
    assert lesson.clean_seed(value) == expected
    assert isinstance(lesson.clean_seed(value), int)


def test_lessons_take_an_infinite_seed_as_the_highest_one(cars):
    X, y = cars.X, cars.y
    assert np.array_equal(
        lesson.epoch_order(cars.m, float("inf"), 2), lesson.epoch_order(cars.m, 9999, 2)
    )
    for seed in (float("inf"), "1e999", 11111111111111111111):
        here = lesson.step(X, y, "regression", 32, 0.05, seed, 1, 2, 1)
        assert (
            here.batch_grad == lesson.step(X, y, "regression", 32, 0.05, 9999, 1, 2, 1).batch_grad
        )
        runs = lesson.curves(X, y, "regression", 32, 0.05, 2, seed)
        ref = lesson.curves(X, y, "regression", 32, 0.05, 2, 9999)
        assert np.array_equal(runs.chosen.loss, ref.chosen.loss)
        path = lesson.contour(X, y, "regression", 1, 32, 0.05, 2, seed).path
        assert np.array_equal(path, lesson.contour(X, y, "regression", 1, 32, 0.05, 2, 9999).path)
    look = lesson.inspect(X, y, "regression", 32, 0.05, float("-inf"), 3)
    assert np.array_equal(look.idx, lesson.inspect(X, y, "regression", 32, 0.05, 0, 3).idx)


# -- the data -----------------------------------------------------------------------------------
def test_the_built_in_table_is_standardized(cars):
    assert (cars.m, cars.n) == (datasets.TABLES["cars"].rows, 6)
    np.testing.assert_allclose(cars.X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(cars.X.std(axis=0), 1.0, rtol=1e-12)
    np.testing.assert_allclose(cars.X * cars.std + cars.mean, cars.raw, rtol=1e-12)
    assert cars.feature_numbers == (1, 2, 3, 4, 5, 6)
    assert cars.feature_name(1) == "Cylinders" and cars.feature_name(6) == "Year"
    assert not cars.one_class and cars.task == "regression"
    assert cars.default_batch == 32
    assert cars.presets == (("sgd", 1), ("b32", 32), ("b64", 64), ("full", 392))
    mean, std = cars.scaling
    assert np.array_equal(mean, np.round(cars.mean, 4)) and np.array_equal(
        std, np.round(cars.std, 4)
    )


def test_a_small_table_caps_the_presets_and_the_default_batch():
    table = datasets.Table(X4 * [[1.0]], Y4, ("x",), "y", None, 0)
    small = lesson.prepare(table, "regression")
    assert small.default_batch == 4
    assert small.presets == (("sgd", 1), ("b32", 4), ("b64", 4), ("full", 4))


def test_classification_with_one_answer_is_flagged():
    table = datasets.Table(X4, np.ones(4), ("x",), "y", None, 0)
    assert lesson.prepare(table, "classification").one_class
    assert not lesson.prepare(table, "regression").one_class
    rained = lesson.builtin("seattle_weather", "classification")
    assert rained.m == 1461 and rained.n == 4 and not rained.one_class


def test_upload_columns_and_the_default_features():
    frame = pd.DataFrame(
        {
            "a": range(12),
            "b": [1.0, 3.0] * 6,
            "c": range(12, 0, -1),
            "d": [0, 1] * 6,
            "e": np.arange(12.0) ** 2,
            "word": ["x"] * 12,
        }
    )
    cols = lesson.upload_columns(frame, "regression")
    assert cols.numeric == ("a", "b", "c", "d", "e") and cols.targets == cols.numeric
    assert cols.features("c") == ("a", "b", "d", "e")
    assert cols.default_features("a") == ("b", "c", "d", "e")[: lesson.DEFAULT_FEATURES]
    assert lesson.upload_columns(frame, "classification").targets == tuple(frame.columns)
    prepared = lesson.from_upload(frame, ("a", "b"), "e", "regression")
    assert prepared.feature_names == ("a", "b") and prepared.target_name == "e"
    with pytest.raises(lesson.DataError):
        lesson.from_upload(frame, ("a", "word"), "e", "regression")
    assert lesson.NO_COLUMNS.code == "no_numeric_features"


def test_a_prepared_table_is_known_by_a_key_of_its_content(cars):
    # the cached layer hashes this short key instead of the arrays (issue 9)
    again = lesson.builtin("cars", "regression")
    assert again.key == cars.key and hash(again) == hash(cars) and again == cars
    assert again is not cars and cars.key.startswith("regression:392x6:")
    other = lesson.builtin("cars", "classification")
    assert other.key != cars.key and other != cars
    table = datasets.Table(X4, Y4, ("x",), "y", None, 0)
    base = lesson.prepare(table, "regression").key
    changed = [
        table._replace(X=X4 * 2.0),  # same standardized X, other raw numbers (scaling table)
        table._replace(y=Y4 + 1.0),
        table._replace(feature_names=("z",)),
        table._replace(target_name="t"),
        table._replace(n_dropped=1),
    ]
    assert len({base, *(lesson.prepare(t, "regression").key for t in changed)}) == 6
    assert lesson.prepare(table, "regression").key == base  # the same content, the same key


def test_extreme_magnitudes_are_standardized_or_refused():
    # issue 10: features near 1e307 (their spread overflows) or subnormal (1e-320: the squares
    # underflow) raised "X must be finite"; standardizing ignores the unit, so they are rescaled
    rng = np.random.default_rng(3)
    plain = rng.normal(size=(20, 2))
    raw = plain * [1e306, 1e-321]
    small = lesson.prepare(datasets.Table(raw, plain[:, 0], ("a", "b"), "y", None, 0), "regression")
    scale = 2.0 ** np.floor(np.log2(np.abs(raw).max(axis=0)))  # exact: a power of two
    np.testing.assert_array_equal(small.X, losses.standardize(raw / scale)[0])
    assert np.isfinite(small.X).all() and np.isfinite(small.mean).all()
    np.testing.assert_allclose(small.X.std(axis=0), 1.0, rtol=1e-12)
    np.testing.assert_allclose(small.std[0], 1e306 * plain[:, 0].std(), rtol=1e-12)
    mean, std = small.scaling
    assert np.isfinite(mean).all() and np.isfinite(std).all()
    view = lesson.overview(small.X, small.y, "regression", 4, 5)
    assert np.isfinite(view.best_cost)
    # ordinary columns are left exactly as losses.standardize leaves them
    cars_raw = lesson.builtin("cars", "regression")
    np.testing.assert_array_equal(cars_raw.X, losses.standardize(cars_raw.raw)[0])
    # a target whose squares overflow is refused with a message naming the column
    huge = datasets.Table(plain, plain[:, 0] * 1e200, ("a", "b"), "price", None, 0)
    with pytest.raises(lesson.DataError) as refused:
        lesson.prepare(huge, "regression")
    assert refused.value.code == "extreme_target" and refused.value.code in lesson.OWN_ERRORS
    assert refused.value.details["column"] == "price"


# -- the header ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("batch", "regime", "nb"),
    [(1, "sgd", 392), (32, "mini", 13), (100, "mini", 4), (392, "full", 1)],
)
def test_overview_counts_steps_per_epoch(cars, batch, regime, nb):
    view = lesson.overview(cars.X, cars.y, "regression", batch, 10)
    assert (view.m, view.n, view.batch, view.regime) == (392, 6, batch, regime)
    assert view.steps_per_epoch == nb == math.ceil(392 / batch)
    best, cost = losses.LinearRegression(cars.X, cars.y).optimum()
    assert view.best_cost == pytest.approx(cost, rel=1e-12) and view.l2 == 0.0
    np.testing.assert_allclose(view.best_params, best)
    assert view.viewable_epochs == 10  # 10 epochs of 392 steps stay below MAX_STEPS
    sizes = [s.batch for s in view.sweep_plan]
    assert sizes == [1, 2, 4, 8, 16, 32, 64, 128, 256, 392]
    assert [s.fraction for s in view.sweep_plan] == [i / 10 for i in range(10)]
    assert all(s.total == 10 and s.done == i for i, s in enumerate(view.sweep_plan))


def test_overview_of_a_classification_carries_the_ridge():
    rained = lesson.builtin("seattle_weather", "classification")
    view = lesson.overview(rained.X, rained.y, "classification", 1, 50)
    assert view.l2 == lesson.L2
    assert view.viewable_epochs == min(50, lesson.MAX_STEPS // 1461)


# -- 1. one step --------------------------------------------------------------------------------
def test_one_full_batch_step_by_hand():
    # at p = 0 the residuals are -y: dC/dw = (1/4)·Σ(-y·x) = (1/4)(-1 - 0 - 6 - 2) = -2.25,
    # C(0) = Σy²/8 = 11/8; after w, b = 0.225, 0.075 the residuals are -0.7, -0.15, -2.475,
    # 0.625 and C = 7.02875 / 8
    here = lesson.step(X4, Y4, "regression", 4, 0.1, 0, 1, 1, 1)
    assert (here.step, here.epoch, here.k, here.feature, here.size) == (1, 1, 1, 1, 4)
    assert here.batch_grad == pytest.approx(-2.25) and here.full_grad == pytest.approx(-2.25)
    assert here.w == 0.0 and here.w_after == pytest.approx(0.225)
    assert here.cost_before == pytest.approx(1.375) and here.cost_after == pytest.approx(0.87859375)
    np.testing.assert_allclose(here.inspect.params_after, [0.225, 0.075])
    assert not here.diverged
    assert (here.first, here.last, here.start, here.stop) == (1, 4, 1, 4)
    assert here.in_batch.all() and sorted(here.row_numbers) == [1, 2, 3, 4]


def test_the_walked_step_matches_the_run_and_the_table_window(cars):
    # batch 32 on 392 rows: 13 steps an epoch, so step 3 of epoch 2 is update 16; its batch
    # holds positions 65..96 of epoch 2's order; the table shows 5 rows either side
    lr = 0.05
    here = lesson.step(cars.X, cars.y, "regression", 32, lr, 0, 2, 3, 1)
    assert (here.step, here.start, here.stop, here.size) == (16, 65, 96, 32)
    assert (here.first, here.last) == (60, 101)
    assert here.caption == {
        "first": 60,
        "last": 101,
        "epoch": 2,
        "start": 65,
        "stop": 96,
        "size": 32,
    }
    order = lesson.epoch_order(cars.m, 0, 2)
    assert np.array_equal(here.rows, order[59:101]) and np.array_equal(
        here.row_numbers, here.rows + 1
    )
    assert np.array_equal(here.positions, np.arange(60, 102))
    assert here.in_batch.sum() == 32 and here.in_batch[5] and not here.in_batch[4]
    # the rows of the batch are the ones the run's step 16 uses
    assert np.array_equal(here.inspect.idx, order[64:96])
    loss = losses.LinearRegression(cars.X, cars.y)
    run = training.train(loss, optim_core.gd(lr), np.zeros(7), 32, 2, 0)
    p = run.trajectory.params[15]
    assert np.array_equal(here.inspect.params, p)
    assert here.batch_grad == loss.grad(p, here.inspect.idx)[0]
    assert here.full_grad == loss.grad(p)[0]
    assert here.w_after == p[0] - lr * here.batch_grad  # bit for bit
    # loss.grad and the run's BatchGradient agree to rounding (tests/core/test_training.py)
    np.testing.assert_allclose(here.inspect.params_after, run.trajectory.params[16], rtol=1e-12)


def test_a_step_after_divergence_says_so(cars):
    here = lesson.step(cars.X, cars.y, "regression", 1, 3.0, 0, 2, 5, 1)
    assert here.diverged and math.isnan(here.cost_before)
    # the run's cost is checked once an epoch here (392 steps): it had blown up by step 392
    assert here.diverged_at == 392 < here.step == 397
    assert lesson.step(cars.X, cars.y, "regression", 1, 0.01, 0, 2, 5, 1).diverged_at == -1


# -- 2. the cost against four clocks ------------------------------------------------------------
def test_full_batch_is_one_step_an_epoch_and_draws_once(cars):
    runs = lesson.curves(cars.X, cars.y, "regression", cars.m, 0.3, 20, 0)
    assert not runs.show_full and [kind for kind, _ in runs.shown] == ["chosen"]
    assert runs.full is runs.chosen or np.array_equal(runs.full.loss, runs.chosen.loss)
    c = runs.chosen
    assert np.array_equal(c.steps, np.arange(21)) and np.array_equal(c.epochs, np.arange(21))
    assert np.array_equal(c.examples, np.arange(21) * cars.m)
    assert np.array_equal(c.epoch_loss, c.loss) and c.steps_taken == 20 and not c.diverged
    assert not runs.capped and runs.record == 1
    assert c.ms_total > 0 and np.all(np.diff(c.ms) >= 0)
    assert runs.caption["steps_chosen"] == runs.caption["steps_full"] == 20


def test_the_chosen_run_and_full_batch_share_rate_epochs_and_shuffles(cars):
    runs = lesson.curves(cars.X, cars.y, "regression", 32, 0.05, 3, 0)
    assert runs.show_full and [kind for kind, _ in runs.shown] == ["chosen", "full"]
    assert runs.chosen.steps_taken == 3 * 13 and runs.full.steps_taken == 3
    assert len(runs.chosen.epoch_loss) == len(runs.full.epoch_loss) == 4
    assert runs.chosen.epoch_loss[0] == runs.full.epoch_loss[0]  # both start at 0


def test_a_long_sgd_run_is_capped_and_thinned():
    m = 3000
    rng = np.random.default_rng(1)
    X = rng.normal(size=(m, 1))
    y = X[:, 0] + rng.normal(size=m)
    runs = lesson.curves(X, y, "regression", 1, 0.01, 50, 0)
    assert runs.capped and runs.chosen.steps_taken == lesson.MAX_STEPS == runs.max_steps
    assert runs.record == math.ceil(lesson.MAX_STEPS / lesson.MAX_RECORDS)
    assert len(runs.chosen.steps) <= lesson.MAX_RECORDS + 1


def test_divergence_is_the_rule_of_optim_core_run(cars):
    runs = lesson.curves(cars.X, cars.y, "regression", cars.m, 3.0, 50, 0)
    loss = losses.LinearRegression(cars.X, cars.y)
    ref = optim_core.run(optim_core.gd(3.0), loss, np.zeros((1, 7)), 50, engine="pure")
    assert runs.chosen.diverged and runs.chosen.diverged_at == int(ref.diverged_at[0])


# -- 3. the path on the map ---------------------------------------------------------------------
def test_the_map_holds_both_paths_the_start_and_the_optimum(cars):
    c = lesson.contour(cars.X, cars.y, "regression", 4, 32, 0.05, 5, 0)
    assert c.z.shape == (lesson.GRID, lesson.GRID) and np.isfinite(c.z).all()
    one = losses.LinearRegression(cars.X[:, [3]], cars.y)
    best, _ = one.optimum()
    np.testing.assert_allclose(c.optimum, best)
    assert np.array_equal(c.path[0], [0.0, 0.0]) and np.array_equal(c.full_path[0], [0.0, 0.0])
    assert len(c.path) == 5 * 13 + 1 and len(c.full_path) == 6
    for xy in (c.path, c.full_path, best[None], np.zeros((1, 2))):
        assert (c.ws[0] <= xy[:, 0]).all() and (xy[:, 0] <= c.ws[-1]).all()
        assert (c.bs[0] <= xy[:, 1]).all() and (xy[:, 1] <= c.bs[-1]).all()
    assert not c.diverged and c.show_full and [k for k, _ in c.shown] == ["chosen", "full"]
    np.testing.assert_allclose(c.z[0, 0], one.value(np.array([c.ws[0], c.bs[0]])), rtol=1e-12)


def test_a_diverged_path_keeps_only_its_finite_points(cars):
    c = lesson.contour(cars.X, cars.y, "regression", 1, cars.m, 3.0, 50, 0)
    assert c.diverged and not c.show_full and np.isfinite(c.path).all()


# -- 4. the sweep (moved with its code from tests/core/test_training.py) -------------------------
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
    point = lesson.sweep_batch_size(loss, loss.n_samples, [lr], repeats=1)
    assert point.best.steps_to_target == t_star
    assert point.best.examples_to_target == t_star * loss.n_samples
    assert point.reached and point.best.seconds_to_target > 0
    assert point.seconds_per_epoch > 0


def test_sweep_reports_noise_floor_divergence_and_the_best_rate():
    loss = regression(m=200)
    point = lesson.sweep_batch_size(loss, 1, [30.0, 0.2, 0.01], max_examples=4000, repeats=1)
    by_lr = {t.lr: t for t in point.trials}
    assert by_lr[30.0].diverged and by_lr[30.0].examples_to_target == -1
    # SGD with lr = 0.2 jitters around the minimum above the 1 % target: not reached, with its floor
    assert by_lr[0.2].examples_to_target == -1 and by_lr[0.2].floor > 0.01
    assert not by_lr[0.2].still_falling
    assert by_lr[0.01].examples_to_target > 0
    assert point.best.lr == 0.01


def test_sweep_stops_later_rates_at_the_best_count_so_far():
    loss = regression(m=100)
    point = lesson.sweep_batch_size(loss, 10, [0.3, 0.001], repeats=1)
    fast, slow = point.trials
    assert fast.examples_to_target > 0
    assert slow.examples_to_target == -1 and slow.examples <= fast.examples_to_target + 10


def test_sweep_sizes():
    assert lesson.sweep_sizes(392) == (1, 2, 4, 8, 16, 32, 64, 128, 256, 392)
    assert lesson.sweep_sizes(8) == (1, 2, 4, 8)
    assert lesson.sweep_sizes(1) == (1,)


def test_a_run_jittering_at_its_noise_floor_is_stopped_early_but_full_batch_is_not():
    loss = regression(m=200)
    budget = 40_000
    noisy = lesson.sweep_batch_size(loss, 1, [0.2], max_examples=budget, repeats=1).best
    assert noisy.stalled and not noisy.still_falling
    assert noisy.examples < budget / 4 and noisy.floor > 0.01
    slow = lesson.sweep_batch_size(loss, 200, [1e-4], max_examples=4000, repeats=1).best
    assert not slow.stalled and slow.still_falling and slow.examples == 4000


def test_a_sweep_trial_diverges_by_the_guard_of_optim_core_run():
    # full batch with lr = 30 on this data: the same first bad step as optim_core.run
    loss = regression(m=200)
    trial = lesson.sweep_batch_size(loss, 200, [30.0], max_examples=4000, repeats=1).best
    ref = optim_core.run(optim_core.gd(30.0), loss, np.zeros((1, loss.dim)), 20, engine="pure")
    assert trial.diverged and trial.examples == int(ref.diverged_at[0]) * 200


def trial(lr, *, to=-1, steps=-1, seconds=float("nan"), floor=0.5, diverged=False,
          falling=False, stalled=False, examples=1000):  # fmt: skip
    return lesson.LrTrial(lr, to, steps, seconds, floor, diverged, falling, stalled, examples)


def test_outcomes_name_why_each_trial_ended():
    budget = 1000
    cases = {
        "diverged": trial(3.0, diverged=True, examples=40),
        "reached": trial(1.0, to=300, steps=30, seconds=0.01, floor=0.009, examples=300),
        "floor": trial(0.3, stalled=True, examples=500),
        "pruned": trial(0.1, examples=300),
        "falling": trial(0.01, falling=True),
    }
    for key, tr in cases.items():
        got = lesson.outcome(tr, 8, budget)
        assert got.key == key and got.batch == 8 and got.lr == tr.lr
    assert lesson.outcome(cases["reached"], 8, budget).examples == 300
    assert lesson.outcome(trial(0.003), 8, budget).key == "floor"  # budget used, flat


def test_the_sweep_summary_by_hand():
    # three batch sizes on m = 4: SGD stuck at a floor, 2 the fastest, full batch still falling
    sgd = trial(0.3, floor=0.05, stalled=True, examples=200)
    two = trial(0.3, to=40, steps=20, seconds=0.002, floor=0.008, examples=40)
    full = trial(0.1, floor=0.02, falling=True, examples=400)
    points = (
        lesson.SweepPoint(1, 0.004, sgd, (sgd,)),
        lesson.SweepPoint(2, 0.0021, two, (trial(1.0, diverged=True, examples=8), two)),
        lesson.SweepPoint(4, 0.0001234, full, (full,)),
    )
    s = lesson.sweep(points, 4)
    assert s.sizes == (1, 2, 4) and s.lrs == (0.3, 0.3, 0.1)
    assert s.reached == (False, True, False) and not s.all_reached
    assert s.epoch_ms == (4.0, 2.1, 0.123)
    np.testing.assert_allclose(s.per_epoch_ms, [4.0, 2.1, 0.1234])
    assert np.isnan(s.target_ms[0]) and s.target_ms[1] == pytest.approx(2.0)
    assert s.fastest == 2 and s.fastest_ms == pytest.approx(2.0)
    assert not s.sgd_reached and not s.full_reached and math.isnan(s.sgd_ms)
    assert s.sgd_epoch_ms == pytest.approx(4.0) and s.full_epoch_ms == pytest.approx(0.1234)
    assert s.stuck == (1,) and s.falling == (4,)
    assert s.steps == (-1, 20, -1) and s.examples == (-1, 40, -1)
    assert s.floors == (0.05, 0.008, 0.02)
    assert s.budget == lesson.sweep_budget(4) == 400 and s.check == 1 and s.seed == 0
    assert [(o.batch, o.key) for o in s.outcomes] == [
        (1, "floor"),
        (2, "diverged"),
        (2, "reached"),
        (4, "falling"),
    ]
    assert s.result == {
        "batch": 2,
        "ms": s.fastest_ms,
        "sgd_epoch": 4.0,
        "full_epoch": s.full_epoch_ms,
    }
    assert s.how == {"budget": 400, "check": 1, "seed": 0}
    assert s.rates == lesson.SWEEP_LRS


def test_a_sweep_point_on_the_default_data_reaches_the_target(cars):
    point = lesson.sweep_point(cars.X, cars.y, "regression", 32)
    assert point.batch_size == 32 and point.reached and point.best.lr in lesson.SWEEP_LRS
    assert point.best.examples_to_target <= lesson.sweep_budget(cars.m)


def test_a_built_in_table_is_known_apart_from_the_same_numbers_uploaded():
    # only a built-in table's column names are translated, so the source is part of the key
    cars = lesson.builtin("cars", "regression")
    assert cars.source == "cars"
    info = datasets.TABLES["cars"]
    frame = datasets.load_table("cars")
    table = datasets.table_from_frame(
        frame, list(info.regression_features), info.regression_target, "regression"
    )
    uploaded = lesson.prepare(table, "regression")
    assert uploaded.source == "" and uploaded.key != cars.key
    np.testing.assert_array_equal(uploaded.X, cars.X)


def test_the_look_numbers_of_the_curves_and_the_map():
    cars = lesson.builtin("cars", "regression")
    runs = lesson.curves(cars.X, cars.y, "regression", 32, 0.05, 10, 0)
    look = runs.look
    assert (look["steps_chosen"], look["steps_full"]) == (130, 10)  # ⌈392/32⌉ = 13 per epoch
    assert look["epochs"] == 10 and look["examples"] == 3920
    assert look["chosen_end"] == runs.chosen.loss[-1] and look["full_end"] == runs.full.loss[-1]
    assert look["chosen_e1"] == runs.chosen.epoch_loss[1]
    assert look["full_e1"] == runs.full.epoch_loss[1]
    # the chosen run's cost at step 10, where full batch stops (recorded at every step here)
    assert runs.record == 1 and look["chosen_at"] == pytest.approx(runs.chosen.loss[10])
    assert look["first"] == pytest.approx(float(np.mean(cars.y**2)) / 2)  # from all zeros
    contour = lesson.contour(cars.X, cars.y, "regression", 1, 32, 0.05, 10, 0)
    assert contour.steps == (130, 10)
    gap = np.linalg.norm(contour.full_path[-1] - contour.optimum)
    assert contour.look["gap_full"] == pytest.approx(gap)
    # one feature and the bias: b* is the mean target (the features are standardized)
    assert contour.optimum[1] == pytest.approx(float(np.mean(cars.y)))
