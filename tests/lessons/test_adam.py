"""Adam lesson: its pieces, first step, race results and page sections against hand-worked values."""

import math

import numpy as np
import pytest

import optim_core
from optim_core import objectives
from optim_core.lessons import adam as lesson


def test_first_step_with_and_without_correction_hand_worked():
    # g = 2 at the paper's defaults α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8
    with_c = lesson.first_step_size(2.0, 0.001, 0.9, 0.999, 1e-8, True)
    without = lesson.first_step_size(2.0, 0.001, 0.9, 0.999, 1e-8, False)
    assert with_c == pytest.approx(0.001 * 2 / (2 + 1e-8), rel=1e-14)
    assert without == pytest.approx(0.001 * 0.1 * 2 / (math.sqrt(0.001) * 2 + 1e-8), rel=1e-14)
    assert without / 0.001 == pytest.approx(3.16227766, rel=1e-6)


def test_first_step_matches_the_optimizer_update():
    g = np.array([2.0, -0.5, 1e-9])
    for bc in (True, False):
        opt = optim_core.adam(0.001, 0.9, 0.999, 1e-8, bc)
        updates, _ = opt.update(g, opt.init(g))
        expected = lesson.first_step_size(g, 0.001, 0.9, 0.999, 1e-8, bc)
        assert np.allclose(np.abs(updates), expected, rtol=1e-14, atol=0)
        assert np.all(np.sign(updates) == -np.sign(g))


def test_uncorrected_ratio():
    assert lesson.uncorrected_ratio(0.9, 0.999) == pytest.approx(0.1 / math.sqrt(0.001))
    assert lesson.uncorrected_ratio(0.9, 0.9999) == pytest.approx(10.0)
    assert lesson.uncorrected_ratio(0.0, 0.0) == 1.0
    with pytest.raises(ValueError):
        lesson.uncorrected_ratio(1.0, 0.9)


def test_pieces_of_a_run_hand_worked():
    # f = (x² + 10 y²)/2 from (1, 1): g₁ = (1, 10)
    f = objectives.get("elongated_bowl", condition=10)
    lr, b1, b2 = 0.1, 0.9, 0.999
    traj = optim_core.run(
        optim_core.adam(lr, b1, b2), f, np.array([1.0, 1.0]), 3, record_states=True
    )
    p = lesson.adam_pieces(traj.params, traj.states, f.grad, b1, b2)
    assert p.g[0] == pytest.approx([1.0, 10.0])
    assert p.v[0] == pytest.approx([0, 0]) and p.s[0] == pytest.approx([0, 0])
    assert p.v[1] == pytest.approx([0.1, 1.0])  # (1 − β₁)·g
    assert p.s[1] == pytest.approx([0.001, 0.1])  # (1 − β₂)·g²
    assert p.v_hat[0] == pytest.approx([1.0, 10.0])  # corrected: exactly g
    assert p.s_hat[0] == pytest.approx([1.0, 100.0])  # exactly g²
    assert p.step[0] == pytest.approx([-lr / (1 + 1e-8), -lr * 10 / (10 + 1e-8)])
    # step 2 by hand: x₁ = (0.9, 0.9), g₂ = (0.9, 9)
    g2 = np.array([0.9, 9.0])
    v2 = 0.9 * np.array([0.1, 1.0]) + 0.1 * g2
    s2 = 0.999 * np.array([0.001, 0.1]) + 0.001 * g2**2
    v_hat, s_hat = v2 / (1 - 0.9**2), s2 / (1 - 0.999**2)
    assert p.g[1] == pytest.approx(g2)
    assert p.v[2] == pytest.approx(v2)
    assert p.s_hat[1] == pytest.approx(s_hat)
    assert p.step[1] == pytest.approx(-lr * v_hat / (np.sqrt(s_hat) + 1e-8))


def test_race_result():
    loss = np.array([5.0, 1.0, 2e-6, 5e-7, 1e-9])
    r = lesson.race_result(loss, -1, 0.0, 1e-6)
    assert r == (1e-9, 3, -1)
    r = lesson.race_result(np.array([1.0, 10.0, np.nan]), 2, 0.0)
    assert r.reached == -1 and r.diverged == 2 and math.isnan(r.final)
    # within tol of a non-zero minimum value
    assert lesson.race_result(np.array([3.0, 2.0000005]), -1, 2.0).reached == 1


def test_first_exit():
    bounds = ((-1.0, 1.0), (-1.0, 1.0))
    xy = np.array([[0, 0], [0.5, 0.9], [1.5, 0], [0, 0]])
    assert lesson.first_exit(xy, bounds) == 2
    assert lesson.first_exit(xy[:2], bounds) == 2
    assert lesson.first_exit(np.array([[0, 0], [np.nan, np.nan]]), bounds) == 1


# -- the page sections -----------------------------------------------------------------------


def settings(surface="elongated_bowl", **changes):
    """The page's defaults (as the controls give them), with ``changes``."""
    values = dict(
        kappa=10, own_start=False, x0=None, y0=None, steps=1000, b1=0.9, b2=0.999, bc=True
    ) | dict(tune=False, lrs=())
    values |= changes
    return lesson.setup(surface, *values.values())


def test_setup_takes_the_surface_defaults_unless_asked_otherwise():
    s = settings()
    assert s == lesson.Setup(
        "elongated_bowl",
        (("condition", 10.0),),
        (-2.5, 1.5),
        (0.15, 0.1, 0.03, 0.1),
        0.9,
        0.999,
        True,
        1000,
    )
    assert s.lr == 0.1
    assert settings("rosenbrock").start == (-1.2, 1.0) and settings("rosenbrock").params == ()
    own = settings(own_start=True, x0=0.34999, y0=-4.46, tune=True, lrs=(1e-4, 3e-4, 1e-3, 1.0))
    assert own.start == (0.3, -4.5) and own.lrs == (1e-4, 3e-4, 1e-3, 1.0) and own.lr == 1.0
    assert settings(b1=0.9000000001).b1 == 0.9
    # an emptied option in a link (None) takes the default
    assert lesson.setup(None, None, False, None, None, None, None, None, True, False, ()) == s


def test_live_step_one_by_hand():
    # f = (x² + 10 y²)/2 from (−2.5, 1.5): g₁ = (−2.5, 15); corrected v̂₁ = g₁, ŝ₁ = g₁²
    live = lesson.live(settings(), 1)
    assert (live.k, live.clamped, live.n_ok, live.diverged_at) == (1, False, 200, -1)  # K_MAX steps
    x, y = live.coords
    assert (x.name, y.name) == ("x", "y")
    assert (x.g, y.g) == (pytest.approx(-2.5), pytest.approx(15.0))
    assert (x.v_prev, x.s_prev) == (0.0, 0.0)
    assert (x.v, y.s) == (pytest.approx(-0.25), pytest.approx(0.225))
    assert (x.v_hat, y.s_hat) == (pytest.approx(-2.5), pytest.approx(225.0))
    assert (x.v_used, y.s_used) == (x.v_hat, y.s_hat)
    assert (x.step, y.step) == (pytest.approx(0.1), pytest.approx(-0.1))  # α against g
    assert live.one_minus_b1 == pytest.approx(0.1) and live.one_minus_b2 == pytest.approx(0.001)
    raw = lesson.live(settings(bc=False), 1).coords[0]
    assert raw.v_used == raw.v and raw.s_used == raw.s
    assert raw.step == pytest.approx(0.1 * 0.25 / (math.sqrt(0.00625) + 1e-8))


def test_live_step_past_the_end_is_clamped():
    live = lesson.live(settings(steps=100), 150)
    assert (live.k, live.wanted, live.clamped) == (100, 150, True)
    assert lesson.live(settings(), 200).k == 200  # the detail run covers K_MAX steps


def test_closeup_first_step_with_and_without_correction():
    near = lesson.closeup(settings(), None)  # the coordinate defaults to x
    assert near.coord == "x" and near.count == lesson.CLOSEUP
    np.testing.assert_array_equal(near.t, np.arange(1, 31))
    np.testing.assert_allclose(near.g2, near.g**2)
    assert near.v_hat[0] == pytest.approx(near.g[0])  # corrected: exactly g at t = 1
    assert near.g1 == pytest.approx(-2.5)
    assert near.with_alpha == pytest.approx(1.0) and near.size_alpha == pytest.approx(1.0)
    assert near.without_alpha == pytest.approx(0.1 / math.sqrt(0.001), rel=1e-6)
    assert near.ratio == pytest.approx(0.1 / math.sqrt(0.001))
    assert near.shrink_v == pytest.approx(0.1) and near.shrink_root == pytest.approx(
        math.sqrt(0.001)
    )
    assert near.measured == pytest.approx(0.1) and near.formula == pytest.approx(near.size)
    off = lesson.closeup(settings(bc=False), "y")
    assert off.coord == "y" and off.size_alpha == pytest.approx(off.without_alpha)


def test_race_matches_direct_runs_and_draws_clean_paths():
    race = lesson.race(settings("rosenbrock"))
    f = objectives.get("rosenbrock")
    for name in lesson.RACERS:
        lr = lesson.DEFAULT_LRS["rosenbrock"][name]
        opt = optim_core.lessons.make_optimizer(name, lesson.hyper(name, lr, 0.9, 0.999, True))
        traj = optim_core.run(opt, f, np.array([-1.2, 1.0]), 1000)
        assert race.results[name] == lesson.race_result(traj.loss, int(traj.diverged_at), 0.0)
        np.testing.assert_allclose(race.gaps[name], traj.loss)
        assert race.paths[name].shape == (len(race.frame_steps), 2)
        assert np.isfinite(race.paths[name]).all()
        np.testing.assert_allclose(race.frame_costs[name], traj.loss[race.frame_steps])
    assert race.log_scale and race.n_points == 1001 and race.lrs["adam"] == 0.3
    assert {c.kind for c in race.critical_points} == {"global"}


def test_a_path_that_diverges_stops_at_its_last_point_on_the_map():
    race = lesson.race(
        settings("beale", own_start=True, x0=4.5, y0=4.5, tune=True, lrs=(1.0, 1.0, 1.0, 1.0))
    )
    for name in ("gd", "momentum", "rmsprop"):
        assert race.results[name].diverged == 1 and race.left_map[name] == -1
        np.testing.assert_array_equal(
            race.paths[name], np.tile([4.5, 4.5], (len(race.frame_steps), 1))
        )
        assert np.isnan(race.gaps[name][1:]).all()
    assert race.results["adam"].diverged == -1


def test_landscape_heights_are_log_on_steep_surfaces():
    view = lesson.landscape(settings("rosenbrock"))
    f = objectives.get("rosenbrock")
    assert view.log_height
    grid = lesson.surface_grid("rosenbrock", lesson.GRID_3D)
    np.testing.assert_allclose(view.grid.z, np.log10(1 + grid.z))
    for xy, height in view.paths.values():
        np.testing.assert_allclose(height, np.log10(1 + f.value(xy)))
        assert 0 < len(xy) <= lesson.FRAMES_3D
    bowl = lesson.landscape(settings())
    assert not bowl.log_height and set(bowl.paths) == set(lesson.RACERS)


def test_frames_are_dense_early_then_geometric_and_keep_the_last_step():
    kept = lesson.frames(1001)
    assert kept[0] == 0 and kept[-1] == 1000 and len(kept) <= lesson.MAX_FRAMES
    np.testing.assert_array_equal(kept[:100], np.arange(100))
    assert np.all(np.diff(kept) > 0)
    np.testing.assert_array_equal(lesson.frames(50), np.arange(50))


def test_height_of():
    np.testing.assert_allclose(lesson.height_of([0.0, 9.0, 99.0], True), [0.0, 1.0, 2.0])
    np.testing.assert_array_equal(lesson.height_of([3.0], False), [3.0])
