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
    assert kept[0] == 0 and kept[-1] == 1000 and len(kept) == lesson.MAX_FRAMES == 100
    dense = lesson.MAX_FRAMES * 2 // 3  # 66 frames: steps 0 .. 65 one by one
    np.testing.assert_array_equal(kept[:dense], np.arange(dense))
    assert np.all(np.diff(kept) > 0)
    np.testing.assert_array_equal(lesson.frames(50), np.arange(50))


def test_frame_spacing_says_what_the_frames_are():
    # issue 10: the note said "evenly spaced"; the frames are every step up to 65, then steps
    # about 8 % apart (geometric: (1000/65)^(1/34) = 1.0837), up to the last step
    spacing = lesson.frame_spacing(lesson.frames(1001))
    assert spacing == (100, 65, spacing.growth, 1000)
    assert spacing.growth == pytest.approx((1000 / 65) ** (1 / 34), rel=0.01)
    tail = lesson.frames(1001)[65:]
    np.testing.assert_allclose(tail[1:] / tail[:-1], spacing.growth, rtol=0.03)
    assert lesson.frame_spacing(lesson.frames(50)) == (50, 49, 1.0, 49)  # every step


def test_crossings_count_sign_changes_per_coordinate():
    xy = np.array([[1.0, 1.0], [-1.0, 1.0], [0.0, -1.0], [2.0, np.nan], [-3.0, 1.0]])
    # x: + − (0 skipped) + −  → 3 ; y: + + − (nan skipped) +  → 2
    assert lesson.crossings(xy, (0.0, 0.0)) == (3, 2)
    assert lesson.crossings(xy, (5.0, -5.0)) == (0, 0)


def test_start_ranges_are_each_surfaces_plotted_area():
    for name in lesson.SURFACES:
        (x0, x1), (y0, y1) = lesson.start_range(name)
        assert ((x0, x1), (y0, y1)) == objectives.get(name).bounds
        sx, sy = lesson.DEFAULT_START[name]
        assert x0 <= sx <= x1 and y0 <= sy <= y1  # the default start lies on the map
    # every surface has its own ranges: its sliders are its own widgets
    assert len({lesson.start_range(n)[0] for n in lesson.SURFACES}) == len(lesson.SURFACES)


def test_standings_say_who_arrived_first_and_why_from_the_runs():
    # the default race (issue 10: RMSprop 22, gradient descent 47, Adam 125, momentum 131)
    s = settings()
    table = lesson.standings(s)
    f = objectives.get("elongated_bowl", condition=10)
    for name in lesson.RACERS:
        lr = lesson.DEFAULT_LRS["elongated_bowl"][name]
        opt = optim_core.lessons.make_optimizer(name, lesson.hyper(name, lr, 0.9, 0.999, True))
        traj = optim_core.run(opt, f, np.array([-2.5, 1.5]), 1000)
        row = table.rows[name]
        result = lesson.race_result(traj.loss, int(traj.diverged_at), 0.0)
        assert (row.reached, row.diverged, row.final) == (result.reached, -1, result.final)
        np.testing.assert_allclose(row.first_move, np.abs(traj.params[1] - traj.params[0]))
        # passes of the minimum (0, 0) up to arrival, counted by hand from the signs
        signs = np.sign(traj.params[: row.reached + 1])
        assert row.crossings == tuple(int(np.sum(c[1:] != c[:-1])) for c in signs.T)
    assert table.arrived == ("rmsprop", "gd", "adam", "momentum")
    assert [table.rows[n].reached for n in table.arrived] == [22, 47, 125, 131]
    assert table.missed == table.diverged == ()
    # why: RMSprop's first step is α/√(1 − β₂) per coordinate (no correction) and it never
    # passes the minimum; Adam's is α and it swings past it, momentum more so
    assert table.rmsprop_factor == pytest.approx(1 / math.sqrt(0.001))
    assert table.rows["rmsprop"].first_move == pytest.approx((0.03 / math.sqrt(0.001),) * 2)
    assert table.rows["adam"].first_move == pytest.approx((0.1, 0.1))
    assert table.rows["rmsprop"].crossings == (0, 0)
    assert table.rows["adam"].crossings == (3, 6) and table.rows["momentum"].crossings == (4, 13)
    # gradient descent: each step multiplies x by 1 − α = 0.85 and y by 1 − ακ = −0.5, so
    # f = (x² + κy²)/2 ≤ 10⁻⁶ first when 0.85^(2k)·3.125 + 0.25^k·11.25 ≤ 10⁻⁶: k = 47
    k = np.arange(100)
    gap = 0.5 * (6.25 * 0.85 ** (2 * k) + 10 * 2.25 * 0.25**k)
    assert int(np.flatnonzero(gap <= 1e-6)[0]) == table.rows["gd"].reached == 47


def test_standings_of_a_race_where_some_miss_or_diverge():
    rosenbrock = lesson.standings(settings("rosenbrock"))
    assert rosenbrock.arrived == ("momentum", "adam") and rosenbrock.missed == ("gd", "rmsprop")
    blown = lesson.standings(
        settings("beale", own_start=True, x0=4.5, y0=4.5, tune=True, lrs=(1.0, 1.0, 1.0, 1.0))
    )
    assert blown.diverged == ("gd", "momentum", "rmsprop")
    assert all(np.isnan(blown.rows[n].first_move).all() for n in blown.diverged)


def test_showcase_beale_where_adam_wins_and_rosenbrock_where_momentum_does():
    show = lesson.showcase()
    for name in lesson.SHOWCASE:
        assert show.reached[name] == {
            n: r.reached for n, r in lesson.race(lesson.default_setup(name)).results.items()
        }
    beale = show.reached["beale"]
    assert beale == {"gd": 557, "momentum": 405, "rmsprop": 657, "adam": 205}
    assert min(beale, key=beale.get) == "adam"
    rosenbrock = show.reached["rosenbrock"]
    assert rosenbrock == {"gd": -1, "momentum": 450, "rmsprop": -1, "adam": 679}
    # RMSprop with Adam's α = 0.3 on Beale: first step α/√(1 − β₂) ≈ 9.49, off the map at once
    assert (show.adam_lr, show.rmsprop_lr) == (0.3, 0.03)
    assert show.rmsprop_first == pytest.approx(0.3 / math.sqrt(0.001), rel=1e-6)
    assert show.rmsprop_left == 1
    f = objectives.get("beale")
    opt = optim_core.lessons.make_optimizer(
        "rmsprop", lesson.hyper("rmsprop", 0.3, 0.9, 0.999, True)
    )
    traj = optim_core.run(opt, f, np.array([1.0, 1.5]), 3)
    assert lesson.first_exit(traj.params, f.bounds) == 1


def test_moves_are_the_measured_steps_of_the_adam_run():
    s = settings()
    m = lesson.moves(s, 500)
    f = objectives.get("elongated_bowl", condition=10)
    traj = optim_core.run(optim_core.adam(0.1), f, np.array([-2.5, 1.5]), lesson.K_MAX)
    np.testing.assert_allclose(m.size, np.abs(np.diff(traj.params, axis=0)))
    assert m.k == lesson.K_MAX and m.lr == 0.1 and list(m.t[:3]) == [1, 2, 3]
    live = lesson.live(s, 1)
    assert live.first_move == pytest.approx((0.1, 0.1)) and live.first_gradient == (-2.5, 15.0)


def test_height_of():
    np.testing.assert_allclose(lesson.height_of([0.0, 9.0, 99.0], True), [0.0, 1.0, 2.0])
    np.testing.assert_array_equal(lesson.height_of([3.0], False), [3.0])


# -- issue 10: why the Rosenbrock costs spike, the 3-D note, the "what to try" claims ------------


def test_hessians_match_rosenbrock_closed_form():
    f = objectives.get("rosenbrock")
    xy = np.array([[-1.2, 1.0], [0.8, 0.6], [1.0, 1.0]])
    x, y = xy.T
    exact = np.empty((3, 2, 2))
    exact[:, 0, 0] = 2 - 400 * (y - x * x) + 800 * x * x
    exact[:, 0, 1] = exact[:, 1, 0] = -400 * x
    exact[:, 1, 1] = 200
    np.testing.assert_allclose(lesson.hessians(f.grad, xy), exact, rtol=1e-6)


def test_spike_steps_hand_worked():
    gap = np.array([10.0, 1.0, 0.5, 0.4, 5.0, 9.0, 0.3, 0.2] + [0.2] * 30 + [3.0, 0.1])
    # 5.0 ≥ 10 × 0.4 is a rise; 9.0 its peak; 3.0 ≥ 10 × 0.2 a second one, 32 steps later
    assert lesson.spike_steps(gap) == [(4, 5), (38, 38)]
    assert lesson.spike_steps(gap, factor=30) == []
    assert lesson.spike_steps([1.0, 20.0, 0.5]) == []  # no rise before the run came down
    assert lesson.spike_steps([1.0, 1e-7, 1e-5]) == []  # arrived: below TOL, not a spike


def test_gradient_descent_stability_number_is_alpha_times_the_curvature():
    f = objectives.get("elongated_bowl", condition=10)  # (x² + 10 y²)/2: λ_max = 10
    xy = np.array([[1.0, 1.0], [-2.0, 0.5]])
    number, _ = lesson.stability("gd", xy, f.grad, 0.15)
    np.testing.assert_allclose(number, 1.5, rtol=1e-6)


def test_rmsprop_stability_rebuilds_s_as_the_run_kept_it():
    f = objectives.get("rosenbrock")
    traj = optim_core.run(
        optim_core.rmsprop(0.03, 0.999, 1e-8), f, np.array([-1.2, 1.0]), 40, record_states=True
    )
    _, root = lesson.stability("rmsprop", traj.params[:-1], f.grad, 0.03, 0.999)
    np.testing.assert_allclose(root, np.sqrt(traj.states.s[1:]), rtol=1e-12)


def test_the_rosenbrock_spikes_come_after_a_stretch_above_the_stability_limit():
    s = lesson.default_setup("rosenbrock")
    found = lesson.spikes(s).spikes
    assert set(found) == {"gd", "rmsprop"}
    f = objectives.get("rosenbrock")
    runs = lesson._racers(s)
    for name, spike in found.items():
        gap = runs[name].loss
        assert gap[spike.peak] >= lesson.SPIKE_FACTOR * spike.low  # a jump by 10× at least
        assert spike.low == pytest.approx(np.min(gap[: spike.rise]))
        lr = s.lrs[lesson.RACERS.index(name)]
        number, root = lesson.stability(name, runs[name].params, f.grad, lr, s.b2)
        assert number[spike.since - 1] < 2 <= np.min(number[spike.since : spike.rise])
        assert spike.after < 2  # it lands where the walls allow its steps again
    gd, rms = found["gd"], found["rmsprop"]
    assert (gd.peak, gd.since, rms.peak, rms.since) == (830, 594, 929, 758)
    assert gd.curvature > gd.limit == pytest.approx(2 / 0.003)  # steeper than 2/α allows
    assert rms.root_high / rms.root_low > 1.5 and rms.root_after > rms.root_low
    # where nothing jumps, nothing is explained
    for name in ("elongated_bowl", "beale", "himmelblau"):
        assert lesson.spikes(lesson.default_setup(name)).spikes == {}


def test_heights_name_the_highest_climb_above_the_start():
    rosenbrock = lesson.heights(lesson.default_setup("rosenbrock"))
    f = objectives.get("rosenbrock")
    first = lesson._racers(lesson.default_setup("rosenbrock"))["rmsprop"].params[1]
    assert rosenbrock.climber == "rmsprop" and rosenbrock.step == 1
    assert rosenbrock.value == pytest.approx(float(f.value(first)))
    assert rosenbrock.start == pytest.approx(24.2)  # (1 + 1.2)² + 100·(1 − 1.44)²
    bowl = lesson.heights(lesson.default_setup("elongated_bowl"))
    assert bowl.climber == "" and bowl.value == bowl.start == pytest.approx(14.375)
    for traj in lesson._racers(lesson.default_setup("elongated_bowl")).values():
        assert np.nanmax(traj.loss) <= bowl.start  # "none climbs above it"


def test_what_to_try_claims_hold():
    bowl = lesson.default_setup("elongated_bowl")
    steep = bowl._replace(params=lesson.surface_params("elongated_bowl", lesson.TRY_KAPPA))
    rows = lesson.standings(steep).rows
    assert rows["gd"].diverged > 0 and rows["adam"].reached > 0
    assert bowl.lrs[0] > 2 / lesson.TRY_KAPPA
    assert lesson.uncorrected_ratio(0.9, lesson.TRY_B2) == pytest.approx(10.0)
