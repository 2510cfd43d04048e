r"""LaTeX of the batch-sizes page, with the live numbers of the current step, and user text
made plain for Markdown (pure).

The marker-pen highlight is KaTeX's ``\colorbox`` around the part of the gradient that
sums over the batch instead of all m rows.
"""

from __future__ import annotations

import re

from ui.figures.batch_sizes import MARKER
from ui.numbers import latex as num
from ui.numbers import text

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def markdown_text(value) -> str:
    r"""Text from a user's file (a column name) made plain for Streamlit's Markdown.

    Every ASCII punctuation character gets a backslash (CommonMark allows it before any of
    them), so ``**x**``, ``$x^2$`` (KaTeX), ``:red[x]``, ``:material/home:``, ``<a href>``
    and ``[link](…)`` show as typed; line breaks become spaces.
    """
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))


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


# -- sentences with the run's numbers -------------------------------------------------------------
def _listing(say, values, show=str) -> str:
    return say("batch_sizes.list_separator").join(show(v) for v in values)


def _ms(say, value: float, reached: bool) -> str:
    """Milliseconds with the unit for a sentence, or the phrase for "did not reach it"."""
    if not reached:
        return say("batch_sizes.not_reached_phrase")
    return say("batch_sizes.ms_phrase", ms=text(value, 3))


def sweep_sentences(say, sweep) -> str:
    """Section 4's result in Markdown: the fastest batch size, and the sizes that missed."""
    said = []
    if sweep.fastest is not None:
        result = {key: text(v, 3) if isinstance(v, float) else v for key, v in sweep.result.items()}
        sgd, full = (
            _ms(say, sweep.sgd_ms, sweep.sgd_reached),
            _ms(say, sweep.full_ms, sweep.full_reached),
        )
        said.append(say("batch_sizes.sweep_result", **result, sgd=sgd, full=full))
    if sweep.stuck:
        said.append(say("batch_sizes.sweep_stuck", sizes=_listing(say, sweep.stuck)))
    if sweep.falling:
        said.append(say("batch_sizes.sweep_falling", sizes=_listing(say, sweep.falling)))
    return "\n\n".join(said)


def how_measured(say, sweep, optimum: float, task: str) -> str:
    """ "How this was measured" with the sweep's own settings and the optimum C*."""
    rates = _listing(say, sweep.rates, text)
    method = say(f"batch_sizes.optimum_method.{task}")
    return say(
        "batch_sizes.how_text", **sweep.how, rates=rates, optimum=text(optimum, 6), method=method
    )


def plain_fields(details: dict, limit: int = 60) -> dict[str, str]:
    """The fields of a message (a column name, a value) as plain Markdown text, each cut to
    ``limit`` characters."""
    fields = {}
    for key, value in details.items():
        shown = " ".join(str(value).split())
        fields[key] = markdown_text(shown if len(shown) <= limit else shown[: limit - 1] + "…")
    return fields


def explained(say, task: str, m: int, l2: float, lr: float, here) -> tuple:
    """Section 1's formulas of :func:`step`: ``(tex, caption)`` for the cost and the two
    gradients, then the update's tex."""
    cost, full, mini, update = step(task, m, l2, lr, here)
    return (
        (cost, say(f"batch_sizes.cost_text.{task}")),
        (full, say("batch_sizes.full_text", m=m)),
        (mini, say("batch_sizes.batch_text", size=here.size, step=here.step, m=m)),
        update,
    )
