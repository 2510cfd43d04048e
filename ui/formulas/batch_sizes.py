r"""LaTeX of the batch-sizes page, with the live numbers of the current step (pure).

The marker-pen highlight is KaTeX's ``\colorbox`` around the part of the gradient that
sums over the batch instead of all m rows: the same yellow as the batch's rows in the table.
"""

from __future__ import annotations

from ui.figures.batch_sizes import MARKER
from ui.numbers import latex as num


def marker(tex: str) -> str:
    r"""``tex`` in a yellow ``\colorbox``, like a marker pen on paper."""
    return rf"\colorbox{{{MARKER}}}{{$\displaystyle {tex}$}}"


def cost(task: str, m: int, l2: float) -> str:
    """The full-data cost with m filled in."""
    if task == "regression":
        return (
            rf"C(w,b) = \frac{{1}}{{2\cdot {m}}} \sum_{{i=1}}^{{{m}}}"
            r"\left(w\cdot x^{(i)} + b - y^{(i)}\right)^2"
        )
    return (
        rf"C(w,b) = \frac{{1}}{{{m}}} \sum_{{i=1}}^{{{m}}} \Big[-y^{{(i)}}\log \hat y^{{(i)}}"
        r" - (1-y^{(i)})\log(1-\hat y^{(i)})\Big]"
        rf" + \frac{{{num(l2)}}}{{2}}\lVert w\rVert^2,\quad \hat y^{{(i)}} = \sigma(w\cdot x^{{(i)}}+b)"
    )


def _residual(task: str) -> str:
    if task == "regression":
        return r"\left(w\cdot x^{(i)} + b - y^{(i)}\right)"
    return r"\left(\sigma(w\cdot x^{(i)} + b) - y^{(i)}\right)"


def _ridge(task: str, j: int, l2: float) -> str:
    return rf" + {num(l2)}\,w_{{{j}}}" if task == "classification" else ""


def full_gradient(task: str, m: int, j: int, l2: float, value: float) -> str:
    """The gradient of weight j, summed over all m rows, with its value now."""
    return (
        rf"\frac{{\partial C}}{{\partial w_{{{j}}}}} = \frac{{1}}{{{m}}}\sum_{{i=1}}^{{{m}}}"
        rf"{_residual(task)}\,x^{{(i)}}_{{{j}}}{_ridge(task, j, l2)} = {num(value)}"
    )


def batch_gradient(task: str, size: int, j: int, l2: float, value: float, t: int) -> str:
    """The mini-batch gradient: the sum over m becomes a highlighted sum over the batch."""
    summed = marker(rf"\frac{{1}}{{{size}}}\sum_{{i \in B_{{{t}}}}}")
    return (
        rf"g_{{{j}}} = {summed}"
        rf"{_residual(task)}\,x^{{(i)}}_{{{j}}}{_ridge(task, j, l2)} = {num(value)}"
    )


def update(j: int, lr: float, w_before: float, g: float, w_after: float) -> str:
    """The step on weight j with the live numbers (``w_after`` computed by the lesson)."""
    return (
        rf"w_{{{j}}} \leftarrow w_{{{j}}} - \alpha\, g_{{{j}}} = {num(w_before)} - {num(lr)}"
        rf"\times ({num(g)}) = {num(w_after)}"
    )


def step(task: str, m: int, l2: float, lr: float, here) -> tuple[str, str, str, str]:
    """Section 1's four formulas for a ``Step`` of the lesson: the cost, weight j's full and
    mini-batch gradients, and the update of w_j."""
    j = here.feature
    return (
        cost(task, m, l2),
        full_gradient(task, m, j, l2, here.full_grad),
        batch_gradient(task, here.size, j, l2, here.batch_grad, here.step),
        update(j, lr, here.w, here.batch_grad, here.w_after),
    )
