r"""A function f(x, y) that a student types, checked, compiled to numpy, with its exact gradient.

Nothing the user types is executed. :func:`parse` reads the text with
``ast.parse(text, mode="eval")`` (which only builds a syntax tree) and walks that tree
node by node against a whitelist:

* numbers (decimal ``int``/``float`` literals), the names ``x`` and ``y``, the constants
  ``pi`` and ``e``;
* ``+ - * / **``, unary ``-`` and ``+``, parentheses;
* the functions in :data:`FUNCTIONS` called by plain name with exactly one argument.

``^`` means a power, as on calculators (``x^2`` is read as ``x**2``; Python's XOR is never
meant), and the look-alikes ``−``, ``×``, ``·``, ``÷`` and ``π`` pasted from formulas are read
as ``-``, ``*``, ``*``, ``/`` and ``pi``. Everything else is refused with one error type,
:class:`ExpressionError`, whose ``code``, ``position`` (1-based, in the text as typed) and
``detail`` let the page say what is wrong in the reader's language.

Bounds keep every input cheap: at most :data:`MAX_LENGTH` characters, :data:`MAX_NODES`
parts, :data:`MAX_DEPTH` levels of nesting, constant exponents within ±:data:`MAX_EXPONENT`
and numbers within ±:data:`MAX_NUMBER`. All arithmetic on constants is done in floats
(never Python integers), so ``9**9**9**9`` is refused in microseconds instead of hanging.

The gradient is differentiated *symbolically* from the checked tree by the usual rules::

    (a ± b)' = a' ± b'      (a·b)' = a'·b + a·b'      (a/b)' = (a' − (a/b)·b')/b
    (aᵖ)' = p·aᵖ⁻¹·a'   (p constant)      (aᵇ)' = b·aᵇ⁻¹·a' + aᵇ·ln(a)·b'
    sin(a)' = cos(a)·a'     exp(a)' = exp(a)·a'     ln(a)' = a'/a    … (chain rule)

and simplified on the fly (``0·a = 0``, ``1·a = a``, ``a + 0 = a``, constants folded and
pulled to the front). Symbolic rather than finite differences because it is exact: there is
no step size to choose, whereas a difference quotient loses digits near the steep walls the
optimizer race is about and needs extra evaluations of f per gradient.

Value and gradient are one graph in which equal subtrees are one node (hash-consing), so a
subexpression such as ``y − x²`` in Rosenbrock is computed once for f, ∂f/∂x and ∂f/∂y. The
graph is compiled to a short list of numpy ufunc calls that write into reused buffers, so
many starting points are evaluated at once without a Python loop over points. Evaluation
never raises or warns: overflow and division by zero give inf or NaN (see :func:`grid`).
"""

from __future__ import annotations

import ast
import math
import numbers
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from optim_core.objectives import Objective, _scratch

__all__ = [
    "CONSTANTS",
    "ERROR_CODES",
    "FUNCTIONS",
    "MAX_BOX",
    "MAX_DEPTH",
    "MAX_EXPONENT",
    "MAX_LENGTH",
    "MAX_NODES",
    "MAX_NUMBER",
    "NOT_ALLOWED",
    "Expression",
    "ExpressionError",
    "Grid",
    "TypedFunction",
    "grid",
    "parse",
    "typed_function",
]

MAX_LENGTH = 200  # characters as typed
MAX_DEPTH = 30  # nesting levels, of parentheses and of the syntax tree
MAX_NODES = 150  # numbers, names, operations and calls
MAX_EXPONENT = 50  # |p| for a constant exponent p
MAX_NUMBER = 1e15  # |c| for a number or a constant part
MAX_BOX = 1e3  # |bound| of the plotting box

#: The functions a student may call, each with one argument (``ln``, ``atan``, ``asin``
#: and ``acos`` are accepted as other names for ``log``, ``arctan``, ``arcsin``, ``arccos``).
FUNCTIONS = (
    "sin",
    "cos",
    "tan",
    "exp",
    "log",
    "log10",
    "log2",
    "sqrt",
    "abs",
    "sinh",
    "cosh",
    "tanh",
    "arcsin",
    "arccos",
    "arctan",
)
ALIASES = {"ln": "log", "atan": "arctan", "asin": "arcsin", "acos": "arccos"}
CONSTANTS = {"pi": math.pi, "e": math.e}

#: ``detail`` of a "not_allowed" error → what it names (the English words of the message).
NOT_ALLOWED = {
    "attribute": "attribute access (a dot after a name)",
    "subscript": "indexing with [ ]",
    "lambda": "lambda",
    "comprehension": "a comprehension",
    "conditional": "if … else",
    "comparison": "a comparison",
    "and": "and",
    "or": "or",
    "not": "not",
    "~": "~",
    "//": "//",
    "%": "%",
    "@": "@",
    "&": "&",
    "|": "|",
    "<<": "<<",
    ">>": ">>",
    ":=": ":=",
    "starred": "a starred *argument",
    "tuple": "a comma-separated list",
    "list": "a list [ ]",
    "set": "a set { }",
    "dict": "a dictionary { }",
    "string": "text in quotes",
    "complex": "a complex number",
    "constant": "True, False or None",
    "other": "this kind of expression",
}

_MESSAGES = {
    "empty": "type a function of x and y, for example x**2 + y**2",
    "too_long": "the expression has {detail} characters; at most {max_length} are allowed",
    "bad_char": "the character {detail!r} at position {position} is not allowed",
    "unbalanced": "the parenthesis {detail!r} at position {position} has no partner",
    "too_deep": "the expression is nested too deeply at position {position} "
    "(at most {max_depth} levels)",
    "too_big": "the expression has too many parts ({detail}; at most {max_nodes})",
    "syntax": "the expression cannot be read at position {position}",
    "missing_operator": "a multiplication sign is missing at position {position}: "
    "write 2*x, not 2x",
    "unknown_name": "unknown name {detail!r} at position {position}: only x and y are "
    "allowed (and the constants pi and e)",
    "unknown_function": "unknown function {detail!r} at position {position}; "
    "use one of: {functions}",
    "bad_call": "{detail} at position {position} takes exactly one argument, as in {detail}(x)",
    "not_allowed": "{what} at position {position} is not allowed: use numbers, x, y, "
    "+ - * / ** and functions",
    "number_too_big": "the number {detail} at position {position} is too large "
    "(at most {max_number:g} in size)",
    "power_too_big": "the power {detail} at position {position} is too large: constant "
    "exponents lie between -{max_exponent} and {max_exponent}, results within {max_number:g}",
    "not_finite": "the constant part {detail} at position {position} is not a finite number",
    "bad_box": "the plotting box {detail} is not valid: give finite x_min < x_max and "
    "y_min < y_max within ±{max_box:g}",
}
#: Every ``code`` an :class:`ExpressionError` can carry.
ERROR_CODES = tuple(_MESSAGES)


class ExpressionError(ValueError):
    """Why a typed function was refused.

    ``code`` (one of :data:`ERROR_CODES`) and ``detail`` (the offending name, number or
    operator, a key of :data:`NOT_ALLOWED` for "not_allowed") are for the page to translate;
    ``position`` is the 1-based column in the text as typed (None when it does not apply);
    ``str(error)`` is the English message.
    """

    def __init__(self, code: str, position: int | None = None, detail: str | None = None):
        self.code = code
        self.position = position
        self.detail = detail
        message = _MESSAGES[code].format(
            detail=detail,
            position=position,
            what=NOT_ALLOWED.get(detail or "", detail),
            functions=", ".join(FUNCTIONS),
            max_length=MAX_LENGTH,
            max_depth=MAX_DEPTH,
            max_nodes=MAX_NODES,
            max_number=MAX_NUMBER,
            max_exponent=MAX_EXPONENT,
            max_box=MAX_BOX,
        )
        super().__init__(message)

    def __reduce__(self):
        return type(self), (self.code, self.position, self.detail)


# ---------------------------------------------------------------------------
# the graph: hash-consed nodes with simplification
# ---------------------------------------------------------------------------

_PRIMITIVE_FOLD = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "pow": math.pow,
    "neg": lambda a: -a,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "exp": math.exp,
    "log": math.log,
    "log10": math.log10,
    "log2": math.log2,
    "sqrt": math.sqrt,
    "abs": abs,
    "sinh": math.sinh,
    "cosh": math.cosh,
    "tanh": math.tanh,
    "arcsin": math.asin,
    "arccos": math.acos,
    "arctan": math.atan,
    "sign": lambda a: math.copysign(1.0, a) if a else 0.0,
}


class _Node:
    """One node of the graph: ``op`` is "const", "x", "y", a binary op, "neg" or a function."""

    __slots__ = ("args", "deps", "id", "op", "value")

    def __init__(self, op, args, value, node_id):
        self.op = op
        self.args = args
        self.value = value
        self.id = node_id
        self.deps = frozenset().union(*(a.deps for a in args)) | (
            {op} if op in ("x", "y") else set()
        )

    @property
    def is_const(self) -> bool:
        return self.op == "const"


class _Fold(Exception):
    """Folding constants failed: ``code`` is "power_too_big" (exponent or overflow of a
    power) or "not_finite" (outside the domain, division by zero, other overflow)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _fold(op: str, values) -> float:
    too_big = "power_too_big" if op == "pow" else "not_finite"
    if op == "pow" and abs(values[1]) > MAX_EXPONENT:
        raise _Fold(too_big)
    try:
        result = float(_PRIMITIVE_FOLD[op](*values))
    except OverflowError:
        raise _Fold(too_big) from None
    except (ArithmeticError, ValueError):  # math domain error, division by zero
        raise _Fold("not_finite") from None
    if not math.isfinite(result):
        raise _Fold(too_big)
    return result


class _Graph:
    """Builds nodes, merging equal ones and applying the trivial simplifications.

    ``at`` (set by the parser while it builds the user's tree) is the position and source
    text of the part being built: constant folding there is checked and a failure refused.
    Inside the differentiator ``at`` is None and an unsafe fold is simply not done.
    """

    def __init__(self):
        self.table: dict[tuple, _Node] = {}
        self.at: tuple[int, str] | None = None
        self.zero, self.one = self.const(0.0), self.const(1.0)
        self.x, self.y = self._make("x", ()), self._make("y", ())

    def _make(self, op, args, value=None):
        key = (op, value.hex() if value is not None else None, *(a.id for a in args))
        node = self.table.get(key)
        if node is None:
            node = self.table[key] = _Node(op, tuple(args), value, len(self.table))
        return node

    def const(self, value: float) -> _Node:
        return self._make("const", (), float(value))

    def _try_fold(self, op, args):
        """The folded constant node, or None when an argument is not constant."""
        if not all(a.is_const for a in args):
            return None
        try:
            value = _fold(op, [a.value for a in args])
        except _Fold as failed:
            if self.at is None:
                return None
            position, text = self.at
            raise ExpressionError(failed.code, position, text) from None
        if self.at is not None and abs(value) > MAX_NUMBER:
            position, text = self.at
            code = "power_too_big" if op == "pow" else "number_too_big"
            raise ExpressionError(code, position, text)
        return self.const(value)

    @staticmethod
    def _ordered(a, b):
        return (a, b) if a.id <= b.id else (b, a)

    @staticmethod
    def _is(node, value) -> bool:
        return node.is_const and node.value == value

    @staticmethod
    def _scaled(node):
        """``(c, e)`` with node = c·e (c = 1 unless node is a constant times something)."""
        if node.op == "mul" and node.args[0].is_const:
            return node.args[0].value, node.args[1]
        return 1.0, node

    def add(self, a, b):
        if (c := self._try_fold("add", (a, b))) is not None:
            return c
        if self._is(a, 0.0):
            return b
        if self._is(b, 0.0):
            return a
        if b.op == "neg":
            return self.sub(a, b.args[0])
        if a.op == "neg":
            return self.sub(b, a.args[0])
        return self._make("add", self._ordered(a, b))

    def sub(self, a, b):
        if (c := self._try_fold("sub", (a, b))) is not None:
            return c
        if self._is(b, 0.0):
            return a
        if self._is(a, 0.0):
            return self.neg(b)
        if b.op == "neg":
            return self.add(a, b.args[0])
        return self._make("sub", (a, b))

    def neg(self, a):
        if (c := self._try_fold("neg", (a,))) is not None:
            return c
        if a.op == "neg":
            return a.args[0]
        if a.op == "mul" and a.args[0].is_const:
            return self.mul(self.const(-a.args[0].value), a.args[1])
        if a.op == "sub":
            return self.sub(a.args[1], a.args[0])
        return self._make("neg", (a,))

    def mul(self, a, b):
        if (c := self._try_fold("mul", (a, b))) is not None:
            return c
        if b.is_const:
            a, b = b, a
        if a.is_const:
            if a.value == 0.0:
                return self.zero
            if a.value == 1.0:
                return b
            if a.value == -1.0:
                return self.neg(b)
            if b.op == "neg":
                return self.mul(self.const(-a.value), b.args[0])
            scale, rest = self._scaled(b)
            if scale != 1.0:  # c₁·(c₂·e) = (c₁c₂)·e
                folded = self._try_fold("mul", (a, self.const(scale)))
                if folded is not None:
                    return self.mul(folded, rest)
            return self._make("mul", (a, b))
        if a.op == "neg":
            return self.neg(self.mul(a.args[0], b))
        if b.op == "neg":
            return self.neg(self.mul(a, b.args[0]))
        (sa, ea), (sb, eb) = self._scaled(a), self._scaled(b)
        if sa != 1.0 or sb != 1.0:  # constants to the front: (c₁·e₁)·(c₂·e₂) = (c₁c₂)·(e₁·e₂)
            folded = self._try_fold("mul", (self.const(sa), self.const(sb)))
            if folded is not None:
                return self.mul(folded, self.mul(ea, eb))
        return self._make("mul", self._ordered(a, b))

    def div(self, a, b):
        if (c := self._try_fold("div", (a, b))) is not None:
            return c
        if self._is(a, 0.0):
            return self.zero
        if self._is(b, 1.0):
            return a
        if self._is(b, -1.0):
            return self.neg(a)
        if a.op == "neg":
            return self.neg(self.div(a.args[0], b))
        scale, rest = self._scaled(a)
        if scale != 1.0:  # (c·e)/b = c·(e/b)
            return self.mul(self.const(scale), self.div(rest, b))
        return self._make("div", (a, b))

    def pow(self, a, b):
        if (c := self._try_fold("pow", (a, b))) is not None:
            return c
        if self._is(b, 1.0):
            return a
        if self._is(b, 0.0) or self._is(a, 1.0):
            return self.one
        return self._make("pow", (a, b))

    def call(self, name, a):
        if (c := self._try_fold(name, (a,))) is not None:
            return c
        return self._make(name, (a,))

    # -- differentiation -------------------------------------------------------
    def diff(self, node: _Node, var: str, memo: dict) -> _Node:
        """∂node/∂var, memoized per node so the derivative graph grows linearly."""
        if var not in node.deps:
            return self.zero
        key = node.id
        if key in memo:
            return memo[key]
        op, args = node.op, node.args
        if op in ("x", "y"):
            out = self.one
        else:
            da = self.diff(args[0], var, memo)
            db = self.diff(args[1], var, memo) if len(args) == 2 else None
            out = self._rule(node, op, args, da, db, var)
        memo[key] = out
        return out

    def _rule(self, n, op, args, da, db, var):
        a = args[0]
        if op == "add":
            return self.add(da, db)
        if op == "sub":
            return self.sub(da, db)
        if op == "neg":
            return self.neg(da)
        if op == "mul":
            b = args[1]
            return self.add(self.mul(da, b), self.mul(a, db))
        if op == "div":  # (a/b)' = (a' − (a/b)·b')/b
            b = args[1]
            return self.div(self.sub(da, self.mul(n, db)), b)
        if op == "pow":
            b = args[1]
            if b.is_const:
                p = b.value
                if p == 0.5:  # √a' = a'/(2√a)
                    return self.mul(self.const(0.5), self.div(da, n))
                return self.mul(self.mul(b, self.pow(a, self.const(p - 1.0))), da)
            out = self.zero
            if var in a.deps:  # b·a^(b−1)·a'
                out = self.mul(self.mul(b, self.pow(a, self.sub(b, self.one))), da)
            if var in b.deps:  # a^b·ln(a)·b'
                out = self.add(out, self.mul(self.mul(n, self.call("log", a)), db))
            return out
        chain = {
            "sin": lambda: self.call("cos", a),
            "cos": lambda: self.neg(self.call("sin", a)),
            "tan": lambda: self.add(self.one, self.mul(n, n)),
            "exp": lambda: n,
            "sinh": lambda: self.call("cosh", a),
            "cosh": lambda: self.call("sinh", a),
            "tanh": lambda: self.sub(self.one, self.mul(n, n)),
            "abs": lambda: self.call("sign", a),
            "sign": lambda: self.zero,
        }
        if op in chain:
            return self.mul(chain[op](), da)
        over = {  # f(a)' = a' / denominator
            "log": lambda: a,
            "log10": lambda: self.mul(self.const(math.log(10.0)), a),
            "log2": lambda: self.mul(self.const(math.log(2.0)), a),
            "sqrt": lambda: self.mul(self.const(2.0), n),
            "arctan": lambda: self.add(self.one, self.mul(a, a)),
            "arcsin": lambda: self.call("sqrt", self.sub(self.one, self.mul(a, a))),
            "arccos": lambda: self.neg(self.call("sqrt", self.sub(self.one, self.mul(a, a)))),
        }
        return self.div(da, over[op]())


# ---------------------------------------------------------------------------
# compiling the graph to numpy calls on reused buffers
# ---------------------------------------------------------------------------

_UFUNC = {
    "add": np.add,
    "sub": np.subtract,
    "mul": np.multiply,
    "div": np.divide,
    "pow": np.power,
    "neg": np.negative,
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "exp": np.exp,
    "log": np.log,
    "log10": np.log10,
    "log2": np.log2,
    "sqrt": np.sqrt,
    "abs": np.absolute,
    "sinh": np.sinh,
    "cosh": np.cosh,
    "tanh": np.tanh,
    "arcsin": np.arcsin,
    "arccos": np.arccos,
    "arctan": np.arctan,
    "sign": np.sign,
}


class _Program:
    """Outputs of a graph as a list of ufunc calls ``fn(env[a], [env[b],] env[out])``.

    ``env`` holds x, y, the output arrays, ``n_scratch`` reused work rows and the constants.
    A work row is handed back as soon as its value is dead, so a step may write over its
    own argument (elementwise ufuncs allow that) and few rows stay live.
    """

    def __init__(self, outputs):
        self.n_out = len(outputs)
        steps: list[tuple] = []  # (ufunc, operands); operand ("in", 0|1), ("c", float), ("v", step)
        value_of: dict[int, tuple] = {}

        def operand(node):
            if node.op == "x":
                return ("in", 0)
            if node.op == "y":
                return ("in", 1)
            if node.is_const:
                return ("c", node.value)
            return value_of[node.id]

        def emit(fn, *ops):
            steps.append((fn, ops))
            return ("v", len(steps) - 1)

        for node in _post_order(outputs):
            if node.op in ("x", "y", "const"):
                continue
            ops = [operand(a) for a in node.args]
            value_of[node.id] = self._lower(node, ops, emit)
        self._allocate(steps, [operand(n) for n in outputs])

    @staticmethod
    def _lower(node, ops, emit):
        """A node as one or a few ufunc calls; small constant powers avoid ``np.power``."""
        if node.op == "pow" and ops[1][0] == "c":
            a, p = ops[0], ops[1][1]
            if p == 2.0:
                return emit(np.square, a)
            if p == 3.0:
                return emit(np.multiply, emit(np.square, a), a)
            if p == 4.0:
                return emit(np.square, emit(np.square, a))
            if p == 0.5:
                return emit(np.sqrt, a)
            if p == -1.0:
                return emit(np.divide, ("c", 1.0), a)
            if p == -2.0:
                return emit(np.divide, ("c", 1.0), emit(np.square, a))
        return emit(_UFUNC[node.op], *ops)

    def _allocate(self, steps, out_ops):
        last_use = {}
        for i, (_, ops) in enumerate(steps):
            for op in ops:
                if op[0] == "v":
                    last_use[op[1]] = i
        claimed: dict[int, int] = {}  # step whose value is output k → k (written in place)
        for k, op in enumerate(out_ops):
            if op[0] == "v" and op[1] not in claimed:
                claimed[op[1]] = k
        consts: dict[str, int] = {}
        for op in [op for _, ops in steps for op in ops] + list(out_ops):
            if op[0] == "c":
                consts.setdefault(op[1].hex(), len(consts))
        self.consts = tuple(float.fromhex(h) for h in consts)
        # slots: ("out", k) or ("work", j); the work rows are allocated greedily
        slot: dict[int, tuple[str, int]] = {}
        free: list[int] = []
        n_work = 0
        for i, (_, ops) in enumerate(steps):
            for op in ops:  # hand back the rows whose value dies at this step
                if op[0] == "v" and last_use[op[1]] == i and op[1] not in claimed:
                    row = slot[op[1]][1]
                    if row not in free:
                        free.append(row)
            if i in claimed:
                slot[i] = ("out", claimed[i])
            elif free:
                slot[i] = ("work", free.pop())
            else:
                slot[i] = ("work", n_work)
                n_work += 1
        self.n_scratch = n_work
        base_out, base_work = 2, 2 + self.n_out
        base_const = base_work + n_work

        def index(op) -> int:
            kind, j = op
            if kind == "in":
                return j
            if kind == "c":
                return base_const + consts[j.hex()]
            where, k = slot[j]
            return (base_out if where == "out" else base_work) + k

        code = []
        for i, (fn, ops) in enumerate(steps):
            args = [index(op) for op in ops]
            code.append((fn, args[0], args[1] if len(args) == 2 else -1, index(("v", i))))
        self.code = tuple(code)
        # outputs not written by their own step (x, y, a constant, a repeated node): copy
        self.finish = tuple(
            (index(op), base_out + k)
            for k, op in enumerate(out_ops)
            if not (op[0] == "v" and claimed[op[1]] == k)
        )

    def run(self, x, y, outs, scratch) -> None:
        """Evaluate into ``outs`` (one array per output) using the rows of ``scratch``."""
        env = [x, y, *outs, *scratch, *self.consts]
        for fn, a, b, o in self.code:
            if b < 0:
                fn(env[a], env[o])
            else:
                fn(env[a], env[b], env[o])
        for src, dst in self.finish:
            np.copyto(env[dst], env[src])


def _post_order(outputs):
    """Every node reachable from ``outputs``, each once, children before parents."""
    order, seen = [], set()
    stack = [(n, False) for n in reversed(outputs)]
    while stack:
        node, expanded = stack.pop()
        if node.id in seen:
            continue
        if expanded:
            seen.add(node.id)
            order.append(node)
        else:
            stack.append((node, True))
            stack.extend((a, False) for a in reversed(node.args) if a.id not in seen)
    return order


# ---------------------------------------------------------------------------
# reading the text
# ---------------------------------------------------------------------------

_REPLACE = {
    "^": "**",
    "π": "pi",
    "−": "-",
    "–": "-",
    "×": "*",
    "·": "*",
    "÷": "/",
    "\t": " ",
    "\n": " ",
    "\r": " ",
}
_BAD_CHARS = frozenset("\\#$?`")
# a decimal number (matched greedily, exponent included); a letter right after it means a
# missing "*": "2x", "1e5y", also "0x1f", "1j", "1_000" (only decimal numbers are read)
_NUMBER = re.compile(r"(?:(?<![A-Za-z0-9_])\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_OPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}
_REFUSED_OPS = {
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.LShift: "<<",
    ast.RShift: ">>",
}
_REFUSED_NODES = {
    ast.Attribute: "attribute",
    ast.Subscript: "subscript",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehension",
    ast.SetComp: "comprehension",
    ast.DictComp: "comprehension",
    ast.GeneratorExp: "comprehension",
    ast.IfExp: "conditional",
    ast.Compare: "comparison",
    ast.NamedExpr: ":=",
    ast.Starred: "starred",
    ast.Tuple: "tuple",
    ast.List: "list",
    ast.Set: "set",
    ast.Dict: "dict",
    ast.JoinedStr: "string",
}
# precedence for printing: sum 1, product 2, unary minus 3, power 4, atom 5
_SUM, _PRODUCT, _UNARY, _POWER, _ATOM = 1, 2, 3, 4, 5


class _Reader:
    """Turns checked text into graph nodes plus the normalized text of each part."""

    def __init__(self, source: str, origin: list[int], graph: _Graph):
        self.source = source
        self.origin = origin
        self.graph = graph

    def pos(self, col: int) -> int:
        """1-based position in the text as typed of 0-based column ``col`` of the source."""
        return self.origin[min(max(col, 0), len(self.origin) - 1)]

    def after(self, node) -> int:
        """Position of the operator that follows ``node`` (skipping spaces and ')')."""
        col = node.end_col_offset
        while col < len(self.source) and self.source[col] in " )":
            col += 1
        return self.pos(col)

    def read(self, node, depth: int = 1):
        """``(graph node, normalized text, precedence)`` of an ast node, or ExpressionError."""
        if depth > MAX_DEPTH:
            raise ExpressionError("too_deep", self.pos(node.col_offset))
        kind = type(node)
        at = self.pos(node.col_offset)
        g = self.graph
        if kind is ast.Constant:
            return self.number(node, at)
        if kind is ast.Name:
            return self.name(node.id, at)
        if kind is ast.UnaryOp:
            if isinstance(node.op, ast.Not | ast.Invert):
                raise ExpressionError(
                    "not_allowed", at, "not" if isinstance(node.op, ast.Not) else "~"
                )
            a, text, prec = self.read(node.operand, depth + 1)
            if isinstance(node.op, ast.UAdd):
                return a, text, prec
            text = "-" + (text if prec >= _UNARY else f"({text})")
            g.at = (at, text)
            return g.neg(a), text, _UNARY
        if kind is ast.BinOp:
            return self.binary(node, depth)
        if kind is ast.Call:
            return self.call(node, depth, at)
        if kind is ast.BoolOp:
            word = "and" if isinstance(node.op, ast.And) else "or"
            raise ExpressionError("not_allowed", self.after(node.values[0]), word)
        if kind is ast.Attribute:
            dot = self.source.find(".", node.value.end_col_offset)
            raise ExpressionError("not_allowed", self.pos(dot), "attribute")
        if kind is ast.Subscript:
            raise ExpressionError("not_allowed", self.after(node.value), "subscript")
        if kind is ast.IfExp:
            raise ExpressionError("not_allowed", self.after(node.body), "conditional")
        if kind is ast.Compare:
            raise ExpressionError("not_allowed", self.after(node.left), "comparison")
        if kind is ast.NamedExpr:
            raise ExpressionError("not_allowed", self.after(node.target), ":=")
        raise ExpressionError("not_allowed", at, _REFUSED_NODES.get(kind, "other"))

    def number(self, node, at):
        value = node.value
        if type(value) not in (int, float):
            if isinstance(value, str | bytes):
                raise ExpressionError("not_allowed", at, "string")
            if isinstance(value, complex):
                raise ExpressionError("not_allowed", at, "complex")
            raise ExpressionError("not_allowed", at, "constant")
        text = str(value) if type(value) is int else _float_text(value)
        if not abs(value) <= MAX_NUMBER:  # also NaN; compared before any float conversion
            literal = self.source[node.col_offset : node.end_col_offset]
            raise ExpressionError("number_too_big", at, literal)
        return self.graph.const(float(value)), text, _ATOM

    def name(self, name, at):
        if name == "x":
            return self.graph.x, "x", _ATOM
        if name == "y":
            return self.graph.y, "y", _ATOM
        if name in CONSTANTS:
            return self.graph.const(CONSTANTS[name]), name, _ATOM
        if name in FUNCTIONS or name in ALIASES:
            raise ExpressionError("bad_call", at, ALIASES.get(name, name))
        raise ExpressionError("unknown_name", at, name)

    def binary(self, node, depth):
        op = type(node.op)
        if op not in _OPS:
            raise ExpressionError(
                "not_allowed", self.after(node.left), _REFUSED_OPS.get(op, "other")
            )
        op = _OPS[op]
        a, lt, lp = self.read(node.left, depth + 1)
        b, rt, rp = self.read(node.right, depth + 1)
        if op in ("add", "sub"):
            prec, need_left, need_right, sep = (
                _SUM,
                _SUM,
                _PRODUCT,
                f" {'+' if op == 'add' else '-'} ",
            )
        elif op in ("mul", "div"):
            prec, need_left, need_right, sep = (
                _PRODUCT,
                _PRODUCT,
                _UNARY,
                "*" if op == "mul" else "/",
            )
        else:
            prec, need_left, need_right, sep = _POWER, _ATOM, _UNARY, "**"
        lt = lt if lp >= need_left else f"({lt})"
        rt = rt if rp >= need_right else f"({rt})"
        text = lt + sep + rt
        g = self.graph
        if op == "pow" and b.is_const and abs(b.value) > MAX_EXPONENT:
            raise ExpressionError("power_too_big", self.pos(node.right.col_offset), rt)
        g.at = (self.pos(node.col_offset), text)
        return getattr(g, op)(a, b), text, prec

    def call(self, node, depth, at):
        func = node.func
        paren = self.pos(self.source.find("(", func.end_col_offset))
        if not isinstance(func, ast.Name):
            self.read(func, depth + 1)  # refuses attributes, subscripts, …
            raise ExpressionError("missing_operator", paren)  # (x+1)(x-1), 2(x), sin(x)(y)
        name = func.id
        if name in ("x", "y") or name in CONSTANTS:
            raise ExpressionError("missing_operator", paren)  # x(y + 1)
        if name not in FUNCTIONS and name not in ALIASES:
            raise ExpressionError("unknown_function", at, name)
        name = ALIASES.get(name, name)
        if node.keywords or len(node.args) != 1 or isinstance(node.args[0], ast.Starred):
            raise ExpressionError("bad_call", at, name)
        a, text, _ = self.read(node.args[0], depth + 1)
        text = f"{name}({text})"
        self.graph.at = (at, text)
        return self.graph.call(name, a), text, _ATOM


def _float_text(value: float) -> str:
    """The shortest text that reads back as ``value``: 0.5, 1e-8, 2.5e10, 3."""
    for digits in range(1, 18):
        text = f"{value:.{digits}g}"
        if float(text) == value:
            break
    mantissa, _, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent)}" if exponent else text


def _prepare(text: str) -> tuple[str, list[int]]:
    """Checked source for ``ast.parse`` and, per character, its 1-based position as typed."""
    if not isinstance(text, str):
        raise TypeError(f"the expression must be a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError("too_long", None, str(len(text)))
    chars, origin = [], []
    for i, ch in enumerate(text):
        out = _REPLACE.get(ch, ch)
        if not (" " <= out[0] <= "~") or out in _BAD_CHARS:
            raise ExpressionError("bad_char", i + 1, ch)
        chars.append(out)
        origin.extend([i + 1] * len(out))
    source = "".join(chars)
    lead = len(source) - len(source.lstrip(" "))
    source_stripped = source.strip(" ")
    if not source_stripped:
        raise ExpressionError("empty")
    origin = origin[lead : lead + len(source_stripped)]
    origin.append(origin[-1] + 1)  # the end of the text, where a syntax error may point
    return source_stripped, origin


def _check_parentheses(source: str, origin: list[int], *, depth_only: bool) -> None:
    opened: list[int] = []
    for col, ch in enumerate(source):
        if ch == "(":
            opened.append(col)
            if len(opened) > MAX_DEPTH:
                raise ExpressionError("too_deep", origin[col])
        elif ch == ")":
            if not opened:
                if not depth_only:
                    raise ExpressionError("unbalanced", origin[col], ")")
                return
            opened.pop()
    if opened and not depth_only:
        raise ExpressionError("unbalanced", origin[opened[0]], "(")


def parse(text: str) -> Expression:
    """Check ``text`` and build its :class:`Expression`, or raise :class:`ExpressionError`.

    The checks, in order: length, characters, parenthesis depth, ``2x``-style missing
    signs, Python syntax (``ast.parse(..., mode="eval")``, which parses and runs nothing),
    size, then every node against the whitelist while the graph is built.
    """
    source, origin = _prepare(text)
    _check_parentheses(source, origin, depth_only=True)
    for number in _NUMBER.finditer(source):
        end = number.end()
        if end < len(source) and (source[end].isalpha() or source[end] == "_"):
            raise ExpressionError("missing_operator", origin[end])
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        _check_parentheses(source, origin, depth_only=False)
        # offset is 1-based; 0 or None means the end of the text ("x +")
        col = exc.offset - 1 if exc.offset and exc.lineno in (None, 1) else len(source)
        raise ExpressionError("syntax", origin[min(max(col, 0), len(origin) - 1)]) from None
    except (ValueError, RecursionError, MemoryError):  # defensive: bounded input
        raise ExpressionError("syntax", 1) from None
    size = sum(isinstance(n, ast.expr) for n in ast.walk(tree))
    if size > MAX_NODES:
        raise ExpressionError("too_big", None, str(size))
    graph = _Graph()
    node, normalized, _ = _Reader(source, origin, graph).read(tree.body)
    graph.at = None
    return Expression(normalized, graph, node)


# ---------------------------------------------------------------------------
# the public objects
# ---------------------------------------------------------------------------


class Expression:
    """A checked function f(x, y) with its exact gradient, evaluated with numpy.

    ``text`` is the normalized expression (``**`` for powers, canonical function names,
    spaces around ``+`` and ``−``); ``parse(e.text)`` gives the same function.
    """

    __slots__ = ("_both", "_grad", "_value", "node", "partials", "text")

    def __init__(self, text: str, graph: _Graph, node: _Node):
        self.text = text
        self.node = node
        self.partials = (graph.diff(node, "x", {}), graph.diff(node, "y", {}))
        self._value = _Program([node])
        self._grad = _Program(list(self.partials))
        self._both = _Program([node, *self.partials])

    def __repr__(self) -> str:
        return f"parse({self.text!r})"

    def __reduce__(self):
        return parse, (self.text,)

    @staticmethod
    def _evaluate(program, x, y, n_out):
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        shape = np.broadcast_shapes(x.shape, y.shape)
        outs = [np.empty(shape) for _ in range(n_out)]
        work = np.empty((program.n_scratch, *shape))
        rows = [work[i, ...] for i in range(program.n_scratch)]  # arrays even when 0-d
        with np.errstate(all="ignore"):
            program.run(np.broadcast_to(x, shape), np.broadcast_to(y, shape), outs, rows)
        return outs

    def value(self, x, y) -> np.ndarray:
        """f at the points (x, y) (arrays broadcast together)."""
        return self._evaluate(self._value, x, y, 1)[0]

    def grad(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """(∂f/∂x, ∂f/∂y) at the points (x, y)."""
        gx, gy = self._evaluate(self._grad, x, y, 2)
        return gx, gy

    def value_and_grad(self, x, y) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """f, ∂f/∂x, ∂f/∂y in one pass that shares the common subexpressions."""
        f, gx, gy = self._evaluate(self._both, x, y, 3)
        return f, gx, gy

    def value_and_grad_cm(self, x_cm: np.ndarray, grad_out: np.ndarray) -> np.ndarray:
        """f at coordinate-major points ``(2, N)``; the gradient goes into ``grad_out``."""
        program = self._both
        f = np.empty(x_cm.shape[1])
        scratch = _scratch(program.n_scratch, x_cm.shape[1])
        with np.errstate(all="ignore"):
            program.run(x_cm[0], x_cm[1], (f, grad_out[0], grad_out[1]), scratch)
        return f

    @property
    def steps(self) -> int:
        """numpy calls per evaluation of value and gradient together (a size measure)."""
        return len(self._both.code) + len(self._both.finish)


def _box(box) -> tuple[float, float, float, float]:
    try:
        values = tuple(box)
    except TypeError:
        raise ExpressionError("bad_box", None, repr(box)) from None
    ok = len(values) == 4 and all(
        isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values
    )
    if ok:
        values = tuple(float(v) for v in values)
        ok = (
            all(math.isfinite(v) and abs(v) <= MAX_BOX for v in values)
            and values[0] < values[1]
            and values[2] < values[3]
        )
    if not ok:
        raise ExpressionError("bad_box", None, repr(tuple(box)))
    return values


@dataclass(frozen=True)
class TypedFunction(Objective):
    """A typed f(x, y) as an :class:`~optim_core.objectives.Objective` for :func:`optim_core.run`.

    ``box = (x_min, x_max, y_min, y_max)`` is the plotting box chosen by the caller (finite,
    within ±:data:`MAX_BOX`); ``text`` is normalized on construction. No minima are known.
    """

    text: str
    box: tuple[float, float, float, float]
    name: str = field(init=False, default="typed")
    expression: Expression = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        expression = parse(self.text)
        object.__setattr__(self, "box", _box(self.box))
        object.__setattr__(self, "text", expression.text)
        object.__setattr__(self, "expression", expression)

    def __reduce__(self):
        return TypedFunction, (self.text, self.box)

    @property
    def bounds(self):
        x_min, x_max, y_min, y_max = self.box
        return ((x_min, x_max), (y_min, y_max))

    def value(self, x):
        x = np.asarray(x, dtype=np.float64)
        if x.ndim == 0 or x.shape[-1] != 2:
            raise ValueError(f"expected points of shape (..., 2), got shape {x.shape}")
        return self.expression.value(x[..., 0], x[..., 1])

    def grad(self, x):
        x = np.asarray(x, dtype=np.float64)
        if x.ndim == 0 or x.shape[-1] != 2:
            raise ValueError(f"expected points of shape (..., 2), got shape {x.shape}")
        return np.stack(self.expression.grad(x[..., 0], x[..., 1]), axis=-1)

    def value_and_grad_cm(self, x_cm, grad_out):
        return self.expression.value_and_grad_cm(x_cm, grad_out)


def typed_function(text: str, box) -> TypedFunction:
    """The :class:`TypedFunction` of ``text`` on ``box = (x_min, x_max, y_min, y_max)``."""
    return TypedFunction(text, box)


class Grid(NamedTuple):
    """f on an ``n × n`` grid over the box: ``z[i, j] = f(xs[j], ys[i])`` in float32.

    Non-finite values (overflow, division by zero, outside the domain of log or sqrt, or
    beyond float32) are NaN, so a surface shows a gap there; ``gaps`` counts them.
    """

    xs: np.ndarray
    ys: np.ndarray
    z: np.ndarray
    gaps: int

    @property
    def has_gaps(self) -> bool:
        return self.gaps > 0


def grid(function: TypedFunction, n: int = 100) -> Grid:
    """Evaluate ``function`` on ``n × n`` points of its box (2 <= n <= 1000)."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or not 2 <= n <= 1000:
        raise ValueError(f"n must be a whole number in [2, 1000], got {n!r}")
    x_min, x_max, y_min, y_max = function.box
    xs, ys = np.linspace(x_min, x_max, int(n)), np.linspace(y_min, y_max, int(n))
    z64 = function.expression.value(xs[None, :], ys[:, None])
    with np.errstate(all="ignore"):
        z = z64.astype(np.float32)
    bad = ~np.isfinite(z)
    z[bad] = np.nan
    return Grid(xs, ys, z, int(bad.sum()))
