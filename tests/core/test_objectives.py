"""Test surfaces: exact gradients, fast paths, critical points, registry, validation."""

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optim_core import objectives
from optim_core.objectives import (
    Beale,
    Bowl,
    ElongatedBowl,
    Himmelblau,
    MultiWell,
    Rastrigin,
    Rosenbrock,
    Saddle,
    SaddleWithMinima,
)

# Every registered surface with its defaults, plus a few non-default parameter sets.
SURFACES = [objectives.get(name) for name in objectives.names()] + [
    ElongatedBowl(condition=100),
    Rosenbrock(a=-0.5, b=10.0),
    Rastrigin(a=3.0),
    MultiWell(tilt_x=-0.25, tilt_y=0.4, coupling=-0.1),
]
IDS = [repr(s) for s in SURFACES]
with_surfaces = pytest.mark.parametrize("surface", SURFACES, ids=IDS)

unit = st.floats(0.0, 1.0)


def in_box(surface, u, v):
    (x0, x1), (y0, y1) = surface.bounds
    return np.array([x0 + u * (x1 - x0), y0 + v * (y1 - y0)])


def random_points(surface, n, rng, stretch=1.0):
    """``n`` uniform points in the plotting box, scaled about its centre by ``stretch``."""
    (x0, x1), (y0, y1) = surface.bounds
    cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    u = rng.uniform(-1.0, 1.0, (n, 2)) * stretch
    return np.stack([cx + hx * u[:, 0], cy + hy * u[:, 1]], axis=-1)


def fd_grad(f, p, h=1e-3):
    """Five-point central differences (error O(h⁴)) of a scalar function at ``p``."""
    out = np.empty(2)
    for i in range(2):
        e = np.zeros(2)
        e[i] = h
        out[i] = (-f(p + 2 * e) + 8 * f(p + e) - 8 * f(p - e) + f(p - 2 * e)) / (12 * h)
    return out


def fd_hessian(grad, p):
    """Hessians ``(..., 2, 2)`` by central differences of ``grad`` (vectorized)."""
    p = np.asarray(p, dtype=float)
    h = 1e-5 * (1.0 + np.abs(p))
    cols = []
    for j in range(2):
        e = np.zeros(p.shape)
        e[..., j] = h[..., j]
        cols.append((grad(p + e) - grad(p - e)) / (2 * h[..., j, None]))
    hess = np.stack(cols, axis=-1)
    return 0.5 * (hess + np.swapaxes(hess, -1, -2))


# -- gradients ---------------------------------------------------------------------------


@with_surfaces
@settings(max_examples=60, deadline=None)
@given(u=unit, v=unit)
def test_grad_matches_central_differences(surface, u, v):
    p = in_box(surface, u, v)
    f = float(surface.value(p))
    g = surface.grad(p)
    fd = fd_grad(lambda q: float(surface.value(q)), p)
    # truncation (h⁴·f⁽⁵⁾/30) and rounding (eps·|f|/h) are far below this tolerance
    tol = 1e-7 * (1.0 + np.linalg.norm(g)) + 1e-9 * (1.0 + abs(f))
    assert np.all(np.abs(fd - g) <= tol), (p, g, fd)


@with_surfaces
def test_fast_path_matches_value_and_grad(surface):
    rng = np.random.default_rng(7)
    points = random_points(surface, 257, rng, stretch=1.2)
    x_cm = np.ascontiguousarray(points.T)
    before = x_cm.copy()
    grad_out = np.full_like(x_cm, np.nan)
    values = surface.value_and_grad_cm(x_cm, grad_out)
    ref_v, ref_g = surface.value(points), surface.grad(points)
    assert values.shape == (257,)
    np.testing.assert_array_equal(x_cm, before)  # input untouched
    assert np.all(np.abs(values - ref_v) <= 1e-12 * (1.0 + np.abs(ref_v)))
    assert np.all(np.abs(grad_out - ref_g.T) <= 1e-12 * (1.0 + np.abs(ref_g.T)))
    # the values are a fresh array: a later call (other size, then same size) leaves them alone
    assert not np.shares_memory(values, x_cm) and not np.shares_memory(values, grad_out)
    kept = values.copy()
    surface.value_and_grad_cm(x_cm[:, :5].copy(), np.empty((2, 5)))
    again = surface.value_and_grad_cm(x_cm[:, ::-1].copy(), np.empty_like(x_cm))
    np.testing.assert_array_equal(values, kept)
    np.testing.assert_array_equal(again, kept[::-1])


def test_base_class_fast_path_falls_back_to_value_and_grad():
    surface = Himmelblau()
    points = random_points(surface, 11, np.random.default_rng(1))
    grad_out = np.empty((2, 11))
    values = objectives.Objective.value_and_grad_cm(surface, points.T, grad_out)
    np.testing.assert_allclose(values, surface.value(points), rtol=1e-13)
    np.testing.assert_allclose(grad_out, surface.grad(points).T, rtol=1e-13)


@with_surfaces
@pytest.mark.parametrize("shape", [(2,), (5, 2), (3, 4, 2)])
def test_shapes(surface, shape):
    rng = np.random.default_rng(3)
    x = random_points(surface, math.prod(shape[:-1]), rng).reshape(shape)
    value, grad = surface.value(x), surface.grad(x)
    assert np.shape(value) == shape[:-1]
    assert grad.shape == shape
    flat = x.reshape(-1, 2)
    np.testing.assert_allclose(np.reshape(value, -1), surface.value(flat), rtol=1e-15, atol=0)
    np.testing.assert_allclose(grad.reshape(-1, 2), surface.grad(flat), rtol=1e-15, atol=0)
    # lists work too, one point at a time
    for point, expected in zip(flat.tolist(), surface.value(flat), strict=True):
        assert float(surface.value(point)) == pytest.approx(expected, rel=1e-15, abs=0)


@pytest.mark.parametrize("bad", [np.zeros(3), np.zeros((4, 1)), np.float64(1.0)])
def test_points_must_have_two_coordinates(bad):
    with pytest.raises(ValueError, match=r"\(\.\.\., 2\)"):
        Rosenbrock().value(bad)
    with pytest.raises(ValueError, match=r"\(\.\.\., 2\)"):
        Rosenbrock().grad(bad)


# -- critical points ---------------------------------------------------------------------


@with_surfaces
def test_critical_points_are_critical_and_of_their_kind(surface):
    points = surface.critical_points
    assert points, "every surface lists at least one critical point"
    (x0, x1), (y0, y1) = surface.bounds
    for c in points:
        assert c.kind in ("global", "local", "saddle")
        assert len(c.point) == 2 and all(type(v) is float for v in c.point)
        p = np.array(c.point)
        assert x0 <= p[0] <= x1 and y0 <= p[1] <= y1, c
        assert np.linalg.norm(surface.grad(p)) < 1e-9, c
        assert c.value == pytest.approx(float(surface.value(p)), rel=1e-12, abs=1e-12)
        eig = np.linalg.eigvalsh(fd_hessian(surface.grad, p))
        margin = 1e-4 * (1.0 + np.abs(eig).max())
        if c.kind == "saddle":
            assert eig[0] < -margin and eig[1] > margin, (c, eig)
        else:
            assert eig[0] > margin, (c, eig)


@with_surfaces
def test_global_minimum_is_lowest(surface):
    minima = surface.minima
    if not minima:
        assert isinstance(surface, Saddle) and surface.global_minimum is None
        return
    best = surface.global_minimum
    assert best is not None and best.kind == "global"
    assert minima[0] == best
    for c in minima:
        assert best.value <= c.value
        if c.kind == "global":
            assert c.value == pytest.approx(best.value, abs=1e-12)
        else:
            assert c.value > best.value
    # ... and no point of a fine grid over the plotting box is lower
    (x0, x1), (y0, y1) = surface.bounds
    xs, ys = np.meshgrid(np.linspace(x0, x1, 301), np.linspace(y0, y1, 301))
    grid = surface.value(np.stack([xs, ys], axis=-1))
    assert grid.min() >= best.value - 1e-12


def test_minima_are_sorted_global_first():
    kinds = [c.kind for c in MultiWell().minima]
    assert kinds == ["global"] + ["local"] * (len(kinds) - 1)
    values = [c.value for c in MultiWell().minima]
    assert values == sorted(values)


def test_himmelblau_minima_refined_to_float_precision():
    published = [
        (3.0, 2.0),
        (-2.805118086952745, 3.131312518250573),
        (-3.779310253377747, -3.283185991286170),
        (3.584428340330492, -1.848126526964404),
    ]
    surface = Himmelblau()
    minima = surface.minima
    assert [c.kind for c in minima] == ["global"] * 4
    assert len([c for c in surface.critical_points if c.kind == "saddle"]) == 4
    for c, q in zip(sorted(minima, key=lambda c: c.point), sorted(published), strict=True):
        assert np.allclose(c.point, q, rtol=0, atol=1e-13)
        p = np.array(c.point)
        assert np.linalg.norm(surface.grad(p)) < 1e-10
        assert surface.value(p) < 1e-25 and c.value == 0.0


def test_rastrigin_neighbours():
    surface = Rastrigin()
    local = [c for c in surface.minima if c.kind == "local"]
    assert len(local) == 8
    r = max(abs(v) for c in local for v in c.point)
    assert r == pytest.approx(0.99496, abs=1e-5)
    # r solves 2r + 2πa·sin 2πr = 0 on one axis
    assert abs(2 * r + 2 * math.pi * 10 * math.sin(2 * math.pi * r)) < 1e-12
    edge = [c for c in local if 0.0 in c.point]
    corner = [c for c in local if 0.0 not in c.point]
    assert len(edge) == len(corner) == 4
    assert corner[0].value == pytest.approx(2 * edge[0].value, rel=1e-14)
    # with tiny ripples the surface is convex: only the global minimum remains
    assert [c.kind for c in Rastrigin(a=0.01).critical_points] == ["global"]


# -- hand-worked values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "point", "value", "grad"),
    [
        (Bowl(), (3.0, 4.0), 12.5, (3.0, 4.0)),
        (ElongatedBowl(), (1.0, 1.0), 5.5, (1.0, 10.0)),
        (ElongatedBowl(condition=4), (2.0, -1.0), 4.0, (2.0, -4.0)),
        (Saddle(), (1.0, 2.0), -3.0, (2.0, -4.0)),
        (SaddleWithMinima(), (1.0, 2.0), 3.0, (2.0, 6.0)),
        (SaddleWithMinima(), (0.0, 1.0), -0.25, (0.0, 0.0)),
        (Rosenbrock(), (0.0, 0.0), 1.0, (-2.0, 0.0)),
        (Rosenbrock(), (1.0, 1.0), 0.0, (0.0, 0.0)),
        (Rosenbrock(), (-1.0, 2.0), 104.0, (396.0, 200.0)),
        (Rosenbrock(a=2.0, b=1.0), (0.0, 1.0), 5.0, (-4.0, 2.0)),
        (Beale(), (3.0, 0.5), 0.0, (0.0, 0.0)),
        (Beale(), (0.0, 0.0), 14.203125, (-12.75, 0.0)),
        (Beale(), (1.0, 1.0), 14.203125, (0.0, 27.75)),
        (Himmelblau(), (0.0, 0.0), 170.0, (-14.0, -22.0)),
        (Himmelblau(), (3.0, 2.0), 0.0, (0.0, 0.0)),
        (Rastrigin(), (0.0, 0.0), 0.0, (0.0, 0.0)),
        (Rastrigin(), (0.5, 0.5), 40.5, (1.0, 1.0)),
        (Rastrigin(a=1.0), (0.25, 0.0), 1.0625, (0.5 + 2 * math.pi, 0.0)),
        # f(0, 0) = 0 and ∇f(0, 0) = k·s·(tilt_x, tilt_y) with k·s = 1/2 · 5/6
        (MultiWell(), (0.0, 0.0), 0.0, (0.32 * 5 / 12, 0.52 * 5 / 12)),
        # one axis at x = 6/5 (u = 1): k·(p(1) + tilt_x) = (11/12 + 0.32)/2; coupling·x·y = 0
        (MultiWell(), (1.2, 0.0), (11 / 12 + 0.32) / 2, (0.32 * 5 / 12, 0.52 * 5 / 12 + 0.144)),
    ],
    ids=lambda v: repr(v) if isinstance(v, objectives.Objective) else None,
)
def test_hand_worked_values(surface, point, value, grad):
    p = np.array(point)
    assert float(surface.value(p)) == pytest.approx(value, rel=1e-13, abs=1e-13)
    np.testing.assert_allclose(surface.grad(p), grad, rtol=1e-13, atol=1e-12)


def test_known_minima_locations():
    assert Rosenbrock(a=2.0, b=5.0).global_minimum.point == (2.0, 4.0)
    assert Beale().global_minimum.point == (3.0, 0.5)
    assert {c.point for c in SaddleWithMinima().minima} == {(0.0, 1.0), (0.0, -1.0)}
    assert Saddle().minima == () and Saddle().critical_points[0].kind == "saddle"
    (x0, x1), (y0, y1) = Rosenbrock(a=2.0).bounds
    assert x0 < 2.0 < x1 and y0 < 4.0 < y1


# -- elongated bowl stability ------------------------------------------------------------


@pytest.mark.parametrize("condition", [1.0, 10.0, 100.0])
def test_elongated_bowl_gd_threshold_is_two_over_condition(condition):
    surface = ElongatedBowl(condition=condition)

    def gd(lr, steps=3000):
        x = np.array([1.0, 1.0])
        for _ in range(steps):
            x = x - lr * surface.grad(x)
        return x

    assert np.abs(gd(0.95 * 2 / condition)).max() < 1e-6
    assert np.abs(gd(1.05 * 2 / condition, steps=500))[1] > 1e6


# -- multi-well --------------------------------------------------------------------------


def test_multi_well_has_one_global_and_several_distinct_local_minima():
    surface = MultiWell()
    kinds = [c.kind for c in surface.minima]
    assert kinds.count("global") == 1
    assert kinds.count("local") >= 3
    assert len([c for c in surface.critical_points if c.kind == "saddle"]) >= 2
    values = np.sort([c.value for c in surface.minima])
    assert np.diff(values).min() >= 0.05 * (values[-1] - values[0])
    # the global well is a different one from the origin's (teaches "the nearest is not best")
    assert np.linalg.norm(surface.global_minimum.point) > 2.0


def test_multi_well_hessian_matches_finite_differences():
    surface = MultiWell()
    points = random_points(surface, 50, np.random.default_rng(5))
    np.testing.assert_allclose(
        surface.hessian(points), fd_hessian(surface.grad, points), rtol=1e-6, atol=1e-6
    )


def test_multi_well_is_gd_stable_in_its_box():
    surface = MultiWell()
    (x0, x1), (y0, y1) = surface.bounds
    xs, ys = np.meshgrid(np.linspace(x0, x1, 241), np.linspace(y0, y1, 241))
    hess = fd_hessian(surface.grad, np.stack([xs, ys], axis=-1))
    top = np.linalg.eigvalsh(hess)[..., -1].max()
    assert 2.0 / top > 0.04  # lr = 0.01 leaves a wide margin


def test_multi_well_basins_under_gradient_descent():
    surface = MultiWell()
    (x0, x1), (y0, y1) = surface.bounds
    xs, ys = np.meshgrid(np.linspace(x0, x1, 40), np.linspace(y0, y1, 40))
    x = np.stack([xs.ravel(), ys.ravel()])
    g = np.empty_like(x)
    for _ in range(3000):
        surface.value_and_grad_cm(x, g)
        x -= 0.01 * g
        assert x0 - 1e-9 <= x[0].min() and x[0].max() <= x1 + 1e-9
        assert y0 - 1e-9 <= x[1].min() and x[1].max() <= y1 + 1e-9
    minima = np.array([c.point for c in surface.minima])
    dist = np.linalg.norm(x.T[:, None, :] - minima[None], axis=-1)
    nearest = dist.argmin(axis=1)
    settled = dist.min(axis=1) < 1e-3
    assert settled.mean() > 0.97
    # every listed minimum attracts some of the starts
    assert set(nearest[settled]) == set(range(len(minima)))


@settings(max_examples=15, deadline=None)
@given(
    tilt_x=st.floats(-1.0, 1.0),
    tilt_y=st.floats(-1.0, 1.0),
    coupling=st.floats(-0.3, 0.3),
)
def test_multi_well_critical_points_for_any_parameters(tilt_x, tilt_y, coupling):
    surface = MultiWell(tilt_x=tilt_x, tilt_y=tilt_y, coupling=coupling)
    points = surface.critical_points
    minima = surface.minima
    assert minima and minima[0].kind == "global"
    coords = np.array([c.point for c in points])
    gaps = np.linalg.norm(coords[:, None] - coords[None], axis=-1) + np.eye(len(coords))
    assert gaps.min() > 1e-4  # no duplicates
    for c in points:
        p = np.array(c.point)
        assert np.linalg.norm(surface.grad(p)) < 1e-9
        eig = np.linalg.eigvalsh(surface.hessian(p))
        assert (eig[0] > 0) if c.kind != "saddle" else (eig[0] < 0 < eig[1])


# -- registry ----------------------------------------------------------------------------


def test_registry_names_and_get():
    names = objectives.names()
    assert names == list(objectives.REGISTRY)
    assert len(set(names)) == len(names) == 9
    assert names[0] == "bowl" and "multi_well" in names
    for name in names:
        surface = objectives.get(name)
        assert type(surface) is objectives.REGISTRY[name]
        assert surface.name == name == objectives.REGISTRY[name].name
        assert surface.dim == 2
        (x0, x1), (y0, y1) = surface.bounds
        assert x0 < x1 and y0 < y1
    assert objectives.get("elongated_bowl", condition=25).condition == 25.0
    assert objectives.get("multi_well", coupling=0.0) == MultiWell(coupling=0.0)


@pytest.mark.parametrize("name", ["nope", "Rosenbrock", "", None, 3])
def test_registry_rejects_unknown_names(name):
    with pytest.raises(ValueError, match="rosenbrock") as info:
        objectives.get(name)
    assert all(n in str(info.value) for n in objectives.names())


def test_registry_rejects_unknown_parameters():
    with pytest.raises(ValueError, match="condition"):
        objectives.get("elongated_bowl", kappa=3)
    with pytest.raises(ValueError, match="no parameters"):
        objectives.get("bowl", scale=2)


# -- construction ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "params"),
    [
        (ElongatedBowl, {"condition": 0}),
        (ElongatedBowl, {"condition": 0.5}),
        (ElongatedBowl, {"condition": -3}),
        (ElongatedBowl, {"condition": float("nan")}),
        (ElongatedBowl, {"condition": float("inf")}),
        (ElongatedBowl, {"condition": "10"}),
        (ElongatedBowl, {"condition": True}),
        (Rosenbrock, {"b": 0}),
        (Rosenbrock, {"b": -1.0}),
        (Rosenbrock, {"a": float("nan")}),
        (Rosenbrock, {"a": None}),
        (Rastrigin, {"a": 0.0}),
        (Rastrigin, {"a": -10}),
        (MultiWell, {"tilt_x": 1.5}),
        (MultiWell, {"tilt_y": float("nan")}),
        (MultiWell, {"coupling": 0.5}),
        (MultiWell, {"coupling": -1}),
    ],
)
def test_constructor_validation(cls, params):
    with pytest.raises(ValueError, match=next(iter(params))):
        cls(**params)


def test_parameters_become_floats_and_surfaces_are_frozen_values():
    bowl = ElongatedBowl(condition=1)
    assert type(bowl.condition) is float and bowl.condition == 1.0
    assert Rosenbrock(a=-2, b=1).a == -2.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        bowl.condition = 5.0
    with pytest.raises(TypeError):
        Bowl(name="other")
    assert Rosenbrock() == Rosenbrock(1.0, 100.0) and hash(Rosenbrock()) == hash(Rosenbrock())
    assert Rosenbrock() != Rosenbrock(b=10.0)
