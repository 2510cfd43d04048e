"""Typed functions: the whitelist, the error codes, values, exact gradients, gaps, speed path."""

import ast
import builtins
import math
import pickle
import sys
import time
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import optim_core
from optim_core import expression, objectives
from optim_core.expression import (
    ERROR_CODES,
    FUNCTIONS,
    MAX_LENGTH,
    NOT_ALLOWED,
    ExpressionError,
    TypedFunction,
    grid,
    parse,
    typed_function,
)

# ---------------------------------------------------------------------------
# Nothing the user types may be executed. eval, exec and compile are replaced for the
# whole module by guards that fail the test when they are reached from code running
# inside optim_core/expression.py (any frame of it on the stack). One use is legitimate:
# ast.parse calls compile(..., flags=ast.PyCF_ONLY_AST), which builds a syntax tree and
# never produces code, so compile passes only with that flag. Calls from elsewhere (pytest,
# hypothesis describing its strategies) are let through so that they cannot fail the test.
# ---------------------------------------------------------------------------

MODULE_FILE = expression.__file__
REAL = {"eval": builtins.eval, "exec": builtins.exec, "compile": builtins.compile}
AST_ONLY_CALLS = []


def _inside_expression_module() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == MODULE_FILE:
            return True
        frame = frame.f_back
    return False


def _guard_eval(*args, **kwargs):
    if _inside_expression_module():
        raise AssertionError("eval was called by optim_core.expression")
    return REAL["eval"](*args, **kwargs)


def _guard_exec(*args, **kwargs):
    if _inside_expression_module():
        raise AssertionError("exec was called by optim_core.expression")
    return REAL["exec"](*args, **kwargs)


def _guard_compile(source, filename, mode, flags=0, *args, **kwargs):
    if _inside_expression_module():
        if not flags & ast.PyCF_ONLY_AST:
            raise AssertionError("compile produced code for optim_core.expression")
        AST_ONLY_CALLS.append(source)
    return REAL["compile"](source, filename, mode, flags, *args, **kwargs)


@pytest.fixture(autouse=True, scope="module")
def no_code_execution():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "eval", _guard_eval)
        patch.setattr(builtins, "exec", _guard_exec)
        patch.setattr(builtins, "compile", _guard_compile)
        yield


def test_the_guards_are_live_and_catch_use_from_the_module():
    AST_ONLY_CALLS.clear()
    parse("x + 1")
    assert AST_ONLY_CALLS == ["x + 1"]  # ast.parse went through the patched compile

    def sneaky_eval():
        return eval("1 + 1")

    def sneaky_compile():
        return compile("1 + 1", "<typed>", "eval")

    for fn in (sneaky_eval, sneaky_compile):
        fn.__code__ = fn.__code__.replace(co_filename=MODULE_FILE)  # pretend to be the module
        with pytest.raises(AssertionError, match="optim_core.expression"):
            fn()


# ---------------------------------------------------------------------------
# valid expressions against numpy written by hand
# ---------------------------------------------------------------------------

POINTS = np.array([[0.5, -1.2], [1.3, 0.7], [2.0, 1.5], [0.1, 0.2], [-0.8, 0.9], [0.0, 0.0]])

VALID = [
    ("x**2 + 10*sin(y)", lambda x, y: x**2 + 10 * np.sin(y)),
    ("(1 - x)**2 + 100*(y - x**2)**2", lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2),
    ("x^2 + y^2", lambda x, y: x**2 + y**2),
    ("x^3 - 3*x*y^2", lambda x, y: x**3 - 3 * x * y**2),
    ("exp(-(x**2 + y**2))", lambda x, y: np.exp(-(x**2 + y**2))),
    ("sqrt(x**2 + y**2 + 1)", lambda x, y: np.sqrt(x**2 + y**2 + 1)),
    ("log(1 + x**2)*cos(y)", lambda x, y: np.log(1 + x**2) * np.cos(y)),
    (
        "ln(3 + x) - log10(2 + y) + log2(4 + x*y)",
        lambda x, y: np.log(3 + x) - np.log10(2 + y) + np.log2(4 + x * y),
    ),
    ("abs(x) + abs(y)", lambda x, y: np.abs(x) + np.abs(y)),
    ("tanh(x*y) + sinh(x) - cosh(y)", lambda x, y: np.tanh(x * y) + np.sinh(x) - np.cosh(y)),
    ("arctan(x/(1 + y**2)) + atan(y)", lambda x, y: np.arctan(x / (1 + y**2)) + np.arctan(y)),
    ("tan(x/3)", lambda x, y: np.tan(x / 3)),
    (
        "arcsin(x/3) + acos(y/3) + asin(0.5)",
        lambda x, y: np.arcsin(x / 3) + np.arccos(y / 3) + np.arcsin(0.5),
    ),
    ("2**x + e**y + pi*x", lambda x, y: 2**x + np.e**y + np.pi * x),
    ("(x**2 + 1)**(y/2)", lambda x, y: (x**2 + 1) ** (y / 2)),
    ("x**y", lambda x, y: x**y),  # NaN for x < 0 and non-integer y, also in numpy
    ("-x**2", lambda x, y: -(x**2)),
    ("(-x)**2", lambda x, y: x**2),
    ("+x - -y", lambda x, y: x + y),
    ("x/y/2", lambda x, y: (x / y) / 2),
    ("x/(y/2)", lambda x, y: x / (y / 2)),
    ("2**3**2*x", lambda x, y: 512 * x),  # ** is right-associative: 2**9
    (
        "x^-1 + y**-2 + x**4 + x**0.5 + x**1.5 + x**-0.5",
        lambda x, y: x**-1.0 + y**-2.0 + x**4 + x**0.5 + x**1.5 + x**-0.5,
    ),
    ("1e-3*x + .5*y + 1.*x + 1e2", lambda x, y: 1e-3 * x + 0.5 * y + 1.0 * x + 100),
    ("7", lambda x, y: 7 + 0 * x),
    ("0*x + 1*y", lambda x, y: y),
    ("x − y × 2 · 3 ÷ 4 + π", lambda x, y: x - y * 2 * 3 / 4 + np.pi),  # pasted look-alikes
    ("\tx\n + y ", lambda x, y: x + y),
    ("sin(sin(sin(x)))*cos(y)", lambda x, y: np.sin(np.sin(np.sin(x))) * np.cos(y)),
]


@pytest.mark.parametrize("text, reference", VALID, ids=[t for t, _ in VALID])
def test_values_match_numpy(text, reference):
    x, y = POINTS[:, 0], POINTS[:, 1]
    with np.errstate(all="ignore"):
        expected = reference(x, y) + 0.0 * x
    got = parse(text).value(x, y)
    assert got.shape == x.shape
    np.testing.assert_allclose(got, expected, rtol=1e-13, atol=1e-15, equal_nan=True)


@pytest.mark.parametrize("text", [t for t, _ in VALID])
def test_normalized_text_reads_back_as_the_same_function(text):
    e = parse(text)
    again = parse(e.text)
    assert again.text == e.text
    x, y = POINTS[:, 0], POINTS[:, 1]
    np.testing.assert_array_equal(again.value(x, y), e.value(x, y))


@pytest.mark.parametrize(
    "text, normalized",
    [
        ("x^2+10*sin(y)", "x**2 + 10*sin(y)"),
        ("(1-x)^2+100*(y-x^2)^2", "(1 - x)**2 + 100*(y - x**2)**2"),
        ("ln(x)*atan(y)", "log(x)*arctan(y)"),
        ("((x))", "x"),
        ("+x", "x"),
        ("-(x*y)", "-(x*y)"),
        ("(-x)**2", "(-x)**2"),
        ("-x**2", "-x**2"),
        ("2**-x", "2**-x"),
        ("x-(y-1)", "x - (y - 1)"),
        ("(x-y)-1", "x - y - 1"),
        ("x/(y*2)", "x/(y*2)"),
        ("(x**y)**2", "(x**y)**2"),
        ("1e5*x + 3.0*y + 0.25", "1e5*x + 3*y + 0.25"),
    ],
)
def test_normalized_text(text, normalized):
    assert parse(text).text == normalized


# ---------------------------------------------------------------------------
# exact gradients
# ---------------------------------------------------------------------------

HAND_GRADIENTS = [
    ("x**2 + 10*sin(y)", lambda x, y: (2 * x, 10 * np.cos(y))),
    ("x*y", lambda x, y: (y, x)),
    ("x/y", lambda x, y: (1 / y, -x / y**2)),
    ("exp(x*y)", lambda x, y: (y * np.exp(x * y), x * np.exp(x * y))),
    ("x**y", lambda x, y: (y * x ** (y - 1), x**y * np.log(x))),
    ("2**x", lambda x, y: (2**x * np.log(2), 0 * y)),
    ("sqrt(x**2 + y**2)", lambda x, y: (x / np.hypot(x, y), y / np.hypot(x, y))),
    (
        "log(x) + log10(y) + log2(x*y)",
        lambda x, y: (1 / x + 1 / (x * np.log(2)), 1 / (y * np.log(10)) + 1 / (y * np.log(2))),
    ),
    ("tan(x) + tanh(y)", lambda x, y: (1 / np.cos(x) ** 2, 1 - np.tanh(y) ** 2)),
    ("arcsin(x/3) + arccos(y/3)", lambda x, y: (1 / np.sqrt(9 - x**2), -1 / np.sqrt(9 - y**2))),
    ("arctan(x*y)", lambda x, y: (y / (1 + (x * y) ** 2), x / (1 + (x * y) ** 2))),
    ("abs(x - 1) + cosh(y)", lambda x, y: (np.sign(x - 1), np.sinh(y))),
    ("x**-2 + y**3", lambda x, y: (-2 / x**3, 3 * y**2)),
]


@pytest.mark.parametrize("text, reference", HAND_GRADIENTS, ids=[t for t, _ in HAND_GRADIENTS])
def test_gradients_match_closed_forms(text, reference):
    x, y = np.array([0.5, 1.3, 2.0, 0.1]), np.array([1.2, 0.7, 1.5, 0.2])
    gx, gy = parse(text).grad(x, y)
    ex, ey = reference(x, y)
    np.testing.assert_allclose(gx, ex, rtol=1e-12)
    np.testing.assert_allclose(gy, ey, rtol=1e-12)


def test_rosenbrock_typed_equals_the_built_in_surface():
    rosen = objectives.get("rosenbrock")
    typed = typed_function("(1 - x)^2 + 100*(y - x^2)^2", (-2, 2, -1, 3))
    p = np.random.default_rng(1).uniform(-2, 2, (500, 2))
    np.testing.assert_allclose(typed.value(p), rosen.value(p), rtol=1e-13)
    np.testing.assert_allclose(typed.grad(p), rosen.grad(p), rtol=1e-12, atol=1e-12)
    # shared subexpressions and simplification keep it as short as the hand-written kernel
    assert typed.expression.steps <= 13


def test_simplification_gives_the_textbook_derivative():
    e = parse("x**2")
    dx, dy = e.partials
    assert (dx.op, dx.args[0].value, dx.args[1].op) == ("mul", 2.0, "x")  # 2·x
    assert dy.is_const and dy.value == 0.0
    assert parse("3*x + 2*y").partials[0].value == 3.0


def five_point(fn, p, h=1e-4):
    """Five-point central differences (error O(h⁴)) of ``fn`` on points (n, 2)."""
    out = np.empty_like(p)
    for i in range(2):
        e = np.zeros(2)
        e[i] = h
        out[:, i] = (-fn(p + 2 * e) + 8 * fn(p + e) - 8 * fn(p - e) + fn(p - 2 * e)) / (12 * h)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "(1 - x)**2 + 100*(y - x**2)**2",
        "x**2 + 10*sin(y)",
        "sin(3*x)*cos(2*y) + 0.1*(x**2 + y**2)",
        "log(1 + x**2 + y**2) - exp(-x*y)",
        "(x**2 + 1)**(y/3) + tanh(x - y)",
        "sqrt(1 + (x - y)^2)/(2 + cos(x))",
        "arctan(x*y) + sinh(x/2)*cosh(y/3)",
    ],
)
def test_typed_gradients_match_central_differences(text):
    f = typed_function(text, (-2, 2, -2, 2))
    p = np.random.default_rng(7).uniform(-2, 2, (200, 2))
    np.testing.assert_allclose(f.grad(p), five_point(f.value, p), rtol=1e-7, atol=1e-6)
    # the fast coordinate-major path gives the same numbers
    g = np.empty((2, len(p)))
    v = f.value_and_grad_cm(np.ascontiguousarray(p.T), g)
    np.testing.assert_allclose(v, f.value(p), rtol=1e-14)
    np.testing.assert_allclose(g.T, f.grad(p), rtol=1e-14)


# ---------------------------------------------------------------------------
# hostile and broken input
# ---------------------------------------------------------------------------

REFUSED = [
    # text, code, position, detail
    ("__import__('os')", "unknown_function", 1, "__import__"),
    ("os.system('ls')", "not_allowed", 3, "attribute"),
    ("x.real", "not_allowed", 2, "attribute"),
    ("().__class__", "not_allowed", 3, "attribute"),
    ("x.__class__.__bases__[0].__subclasses__()", "not_allowed", None, None),
    ("getattr(x, 'a')", "unknown_function", 1, "getattr"),
    ("print(1)", "unknown_function", 1, "print"),
    ("lambda: 1", "not_allowed", 1, "lambda"),
    ("[x for x in y]", "not_allowed", 1, "comprehension"),
    ("x if y else 1", "not_allowed", 3, "conditional"),
    ("x < y", "not_allowed", 3, "comparison"),
    ("x and y", "not_allowed", 3, "and"),
    ("not x", "not_allowed", 1, "not"),
    ("~x", "not_allowed", 1, "~"),
    ("x & y", "not_allowed", 3, "&"),
    ("f(x)", "unknown_function", 1, "f"),
    ("sin(x, y)", "bad_call", 1, "sin"),
    ("sin(x=1)", "bad_call", 1, "sin"),
    ("sin()", "bad_call", 1, "sin"),
    ("sin(*x)", "bad_call", 1, "sin"),
    ("sin + 1", "bad_call", 1, "sin"),
    ("'a'", "not_allowed", 1, "string"),
    ("True + x", "not_allowed", 1, "constant"),
    ("z + 1", "unknown_name", 1, "z"),
    ("x + y*z", "unknown_name", 7, "z"),
    ("x^2 + z", "unknown_name", 7, "z"),  # positions count the text as typed, ^ included
    ("   z", "unknown_name", 4, "z"),
    ("9**9**9**9", "power_too_big", 7, "9**9"),
    ("x**1000", "power_too_big", 4, "1000"),
    ("x^1000", "power_too_big", 3, "1000"),
    ("x^2^40", "power_too_big", 3, "2**40"),
    ("10**20", "power_too_big", 1, "10**20"),
    ("1e999", "number_too_big", 1, "1e999"),
    ("1e16*x", "number_too_big", 1, "1e16"),
    ("1e10*1e10*x", "number_too_big", 1, None),
    ("exp(1000)", "not_finite", 1, "exp(1000)"),
    ("1/0 + x", "not_finite", 1, "1/0"),
    ("log(0)", "not_finite", 1, "log(0)"),
    ("sqrt(-1)*x", "not_finite", 1, "sqrt(-1)"),
    ("x[0]", "not_allowed", 2, "subscript"),
    ("{x}", "not_allowed", 1, "set"),
    ("{x: 1}", "not_allowed", 1, "dict"),
    ("(x, y)", "not_allowed", 1, "tuple"),
    ("[x]", "not_allowed", 1, "list"),
    ("x @ y", "not_allowed", 3, "@"),
    ("x // y", "not_allowed", 3, "//"),  # floor division and % are not smooth: refused
    ("x % y", "not_allowed", 3, "%"),
    ("(x)//y", "not_allowed", 4, "//"),
    ("(a := 1)", "not_allowed", 4, ":="),
    ("*x", "syntax", 1, None),
    ("x y", "syntax", 3, None),
    ("x +", "syntax", 4, None),
    ("x = 1", "syntax", None, None),
    ("2x", "missing_operator", 2, None),
    ("3(x + 1)", "missing_operator", 2, None),
    ("(x + 1)(x - 1)", "missing_operator", 8, None),
    ("x(y + 1)", "missing_operator", 2, None),
    ("sin(x)(y)", "missing_operator", 7, None),
    ("1j", "missing_operator", 2, None),
    ("0x1f", "missing_operator", 2, None),
    ("(x + 1", "unbalanced", 1, "("),
    ("x + 1)", "unbalanced", 6, ")"),
    ("sin(x", "unbalanced", 4, "("),
    ("", "empty", None, None),
    ("   \t ", "empty", None, None),
    ("x # comment", "bad_char", 3, "#"),
    ("x \\ y", "bad_char", 3, "\\"),
    ("x + é", "bad_char", 5, "é"),
    ("x\x00", "bad_char", 2, "\x00"),
    ("(" * 100 + "x" + ")" * 100, "too_long", None, "201"),
    ("x+" * 500, "too_long", None, "1000"),
    ("(" * 40 + "x" + ")" * 40, "too_deep", 31, None),
    ("-" * 60 + "x", "too_deep", None, None),
    ("sin(" * 35 + "x" + ")" * 35, "too_deep", None, None),
    ("x+" * 75 + "x", "too_big", None, "151"),
]


@pytest.mark.parametrize(
    "text, code, position, detail", REFUSED, ids=[repr(r[0])[:40] for r in REFUSED]
)
def test_refused_with_code_position_and_detail(text, code, position, detail):
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    err = caught.value
    assert err.code == code, str(err)
    if position is not None:
        assert err.position == position, str(err)
    if detail is not None:
        assert err.detail == detail, str(err)
    assert isinstance(err, ValueError)
    assert str(err)  # an English message for logs and tests; the page translates the code


def test_messages_name_what_and_where():
    with pytest.raises(ExpressionError, match=r"unknown name 'z' at position 7: only x and y"):
        parse("x + y*z")
    with pytest.raises(
        ExpressionError, match=r"unknown function 'f' at position 1; use one of: sin"
    ):
        parse("f(x)")
    with pytest.raises(ExpressionError, match=r"at most 200 are allowed"):
        parse("x" * 201)


def test_error_catalog_is_complete_and_errors_pickle():
    assert set(ERROR_CODES) >= {"empty", "syntax", "unknown_name", "not_allowed", "bad_box"}
    for code in ERROR_CODES:
        err = ExpressionError(code, 3, "attribute" if code == "not_allowed" else "q")
        again = pickle.loads(pickle.dumps(err))
        assert (again.code, again.position, again.detail, str(again)) == (
            code,
            3,
            err.detail,
            str(err),
        )
    for text, code, _, detail in REFUSED:
        if code == "not_allowed" and detail is not None:
            assert detail in NOT_ALLOWED, text
    assert "sin" in FUNCTIONS and "arctan" in FUNCTIONS and MAX_LENGTH == 200


def test_power_towers_are_refused_at_once():
    start = time.perf_counter()
    for text in ("9**9**9**9", "9^9^9^9^9^9^9^9", "(9**9)**(9**9)", "2**2**2**2**2**2"):
        with pytest.raises(ExpressionError) as caught:
            parse(text)
        assert caught.value.code == "power_too_big"
    assert time.perf_counter() - start < 0.5


def test_non_string_input_is_a_programming_error():
    with pytest.raises(TypeError):
        parse(3)


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

LEAVES = st.sampled_from(["x", "y", "2", "0.5", "3", "pi", "1.5", "x", "y"])
SMOOTH = ["sin", "cos", "tanh", "arctan", "exp", "sinh", "cosh", "sqrt(1 + ({})**2)"]


def _call(name, inner):
    return name.format(inner) if "{}" in name else f"{name}({inner})"


def _grow(children):
    return st.one_of(
        st.builds("({}) {} ({})".format, children, st.sampled_from("+-*"), children),
        st.builds("({})/(1 + ({})**2)".format, children, children),
        st.builds(_call, st.sampled_from(SMOOTH), children),
        st.builds("({})^{}".format, children, st.integers(0, 3)),
        st.builds("-({})".format, children),
        st.builds("log(2 + sin({}))".format, children),
        st.builds("(2 + cos({}))**({})".format, children, children),
        st.builds("arcsin(tanh({})/2)".format, children),
        st.builds("({})/(2 + ({}))".format, children, children),  # may divide by ~0
    )


GRAMMAR = st.recursive(LEAVES, _grow, max_leaves=6)
SIZE_OR_CONSTANT = {
    "too_long",
    "too_deep",
    "too_big",
    "not_finite",
    "number_too_big",
    "power_too_big",
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(GRAMMAR)
def test_random_expressions_parse_and_their_gradient_matches_differences(text):
    try:
        e = parse(text)
    except ExpressionError as err:
        if err.code in SIZE_OR_CONSTANT:  # a bound, or a constant part such as exp(exp(3))
            reject()
        raise
    p = np.random.default_rng(3).uniform(-1.5, 1.5, (8, 2))
    x, y = p[:, 0], p[:, 1]
    f, gx, gy = e.value_and_grad(x, y)
    np.testing.assert_array_equal(f, e.value(x, y))
    grad = np.stack([gx, gy], -1)
    np.testing.assert_array_equal(grad, np.stack(e.grad(x, y), -1))

    def fd(h):
        out = np.empty_like(p)
        with np.errstate(all="ignore"):
            for i in range(2):
                step = np.zeros(2)
                step[i] = h
                up, down = p + step, p - step
                out[:, i] = (e.value(up[:, 0], up[:, 1]) - e.value(down[:, 0], down[:, 1])) / (
                    2 * h
                )
        return out

    fine, coarse = fd(1e-5), fd(1e-4)
    with np.errstate(all="ignore"):
        scale = 1.0 + np.abs(fine)
        ok = (
            np.isfinite(f)[:, None]
            & np.isfinite(fine)
            & np.isfinite(coarse)
            & (np.abs(f) < 1e6)[:, None]
            & (np.abs(fine - coarse) < 1e-6 * scale)  # smooth there: differences agree
        )
    np.testing.assert_allclose(grad[ok], fine[ok], rtol=1e-5, atol=1e-5)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.text(alphabet="xy0123456789.+-*/^() esincoqrtlgpa_,[]{}<>=!%@&|~:'\"\\#j", max_size=60),
    )
)
def test_random_text_only_ever_raises_expression_error(text):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            e = parse(text)
        except ExpressionError as err:
            assert err.code in ERROR_CODES
            assert err.position is None or 1 <= err.position <= len(text) + 1
        else:
            assert parse(e.text).text == e.text
            e.value_and_grad(np.linspace(-3, 3, 7), np.linspace(3, -3, 7))
    assert not caught, [str(w.message) for w in caught]


# ---------------------------------------------------------------------------
# the objective, gaps, and the optimizer
# ---------------------------------------------------------------------------


def test_typed_function_is_an_objective():
    f = typed_function("x^2 + 3*y^2", [-3, 3, -2, 2])
    assert isinstance(f, objectives.Objective) and isinstance(f, TypedFunction)
    assert f.text == "x**2 + 3*y**2" and f.name == "typed" and f.dim == 2
    assert f.box == (-3.0, 3.0, -2.0, 2.0) and f.bounds == ((-3.0, 3.0), (-2.0, 2.0))
    assert f.critical_points == () and f.global_minimum is None
    assert f == typed_function("x**2+3*y**2", (-3, 3, -2, 2)) and hash(f) == hash(
        typed_function("x**2 + 3*y**2", (-3, 3, -2, 2))
    )
    again = pickle.loads(pickle.dumps(f))
    assert again == f and float(again.value(np.array([1.0, 1.0]))) == 4.0
    np.testing.assert_array_equal(f.grad(np.array([1.0, 2.0])), [2.0, 12.0])
    assert f.value(np.zeros((3, 4, 2))).shape == (3, 4)
    with pytest.raises(ValueError, match="shape"):
        f.value(np.zeros(3))


@pytest.mark.parametrize(
    "box",
    [
        (0, 0, -1, 1),
        (1, -1, -1, 1),
        (-1, 1, 2, 2),
        (-1, 1, -1, math.inf),
        (-1, 1, -1, math.nan),
        (-2000, 1, -1, 1),
        (-1, 1, -1),
        (True, 2, -1, 1),
        ("a", 1, 2, 3),
        None,
    ],
)
def test_bad_boxes_are_refused(box):
    with pytest.raises(ExpressionError) as caught:
        typed_function("x + y", box)
    assert caught.value.code == "bad_box"


def test_adam_on_typed_rosenbrock_follows_the_built_in_one():
    rosen = objectives.get("rosenbrock")
    typed = typed_function("(1 - x)**2 + 100*(y - x**2)**2", (-2, 2, -1, 3))
    starts = np.random.default_rng(0).uniform(-1.5, 1.5, (3000, 2))
    adam = optim_core.adam(0.01)
    a = optim_core.run(adam, rosen, starts, 200, record_every=50)
    b = optim_core.run(adam, typed, starts, 200, record_every=50)
    np.testing.assert_allclose(b.params, a.params, rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(b.diverged_at, a.diverged_at)
    pure = optim_core.run(adam, typed, starts[:50], 200, record_every=50, engine="pure")
    np.testing.assert_allclose(pure.params, b.params[:, :50], rtol=1e-12, atol=1e-12)


def test_division_by_zero_is_a_gap_not_an_error():
    f = typed_function("1/x + y", (-1, 1, -1, 1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = grid(f, 101)  # x = 0 is the middle column
        v = f.value(np.array([[0.0, 0.0], [0.0, 1.0]]))
        gr = f.grad(np.array([[0.0, 0.0]]))
    assert not caught
    assert g.z.dtype == np.float32 and g.z.shape == (101, 101)
    assert g.has_gaps and g.gaps == 101
    assert np.isnan(g.z[:, 50]).all() and np.isfinite(np.delete(g.z, 50, axis=1)).all()
    assert np.isinf(v).all() and gr[0, 0] == -np.inf and gr[0, 1] == 1.0
    assert g.xs[50] == 0.0 and g.z[0, 0] == np.float32(1 / -1.0 - 1.0)


def test_overflow_is_a_gap_not_an_error():
    f = typed_function("exp(x*100) + y", (-10, 10, -1, 1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = grid(f, 41)
        values = f.value_and_grad_cm(np.array([[10.0, -10.0], [0.0, 0.0]]), np.empty((2, 2)))
    assert not caught
    with np.errstate(all="ignore"):
        expected = (np.exp(g.xs[None, :] * 100) + g.ys[:, None]).astype(np.float32)
    assert g.gaps == int((~np.isfinite(expected)).sum()) > 0  # beyond float32 counts too
    np.testing.assert_array_equal(np.isnan(g.z), ~np.isfinite(expected))
    assert values[0] == np.inf and values[1] == math.exp(-1000)
    clean = grid(typed_function("x*y", (-1, 1, -1, 1)), 5)
    assert not clean.has_gaps and clean.gaps == 0


def test_a_diverging_typed_run_is_reported_not_raised():
    f = typed_function("log(x) + y**2", (0.1, 3, -1, 1))
    run = optim_core.run(optim_core.gd(1.0), f, [[0.5, 0.5], [2.0, 0.0]], 20)
    assert run.diverged_at[0] > 0  # steps to x < 0, where log is NaN
    assert np.isnan(run.final[0]).all()


def test_grid_size_is_checked():
    f = typed_function("x", (-1, 1, -1, 1))
    for n in (1, 1001, 2.5, True):
        with pytest.raises(ValueError):
            grid(f, n)
