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


def rows(*lines: str) -> str:
    r"""Lines of one formula stacked and aligned at their ``&`` (``\begin{aligned}``): a long
    formula on several rows fits a phone's width (390 px)."""
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


R = r"r^{(i)}"  # the error of row i, defined on a row of its own (see :func:`residual`)


def residual(task: str) -> tuple[str, ...]:
    """The rows that define r⁽ⁱ⁾, the error of the prediction on row i."""
    if task == "regression":
        return (r"r^{(i)} &= w\cdot x^{(i)} + b - y^{(i)}",)
    return (r"r^{(i)} &= \hat y^{(i)} - y^{(i)}",)


def cost(task: str, m: int, l2: float) -> str:
    """The full-data cost with m filled in, its pieces each on a row of their own."""
    if task == "regression":
        return rows(
            rf"C(w,b) &= \frac{{1}}{{2\cdot {m}}} \sum_{{i=1}}^{{{m}}} \left({R}\right)^2",
            *residual(task),
        )
    return rows(
        rf"C(w,b) &= \frac{{1}}{{{m}}} \sum_{{i=1}}^{{{m}}} \ell^{{(i)}}",
        rf"&\quad + \frac{{{num(l2)}}}{{2}}\lVert w\rVert^2",
        r"\ell^{(i)} &= -y^{(i)}\log \hat y^{(i)}",
        r"&\; - (1-y^{(i)})\log(1-\hat y^{(i)})",  # a quad ran past half of 1024 px
        r"\hat y^{(i)} &= \sigma(w\cdot x^{(i)}+b)",
    )


def _ridge(task: str, j: int, l2: float) -> str:
    return rf" + {num(l2)}\,w_{{{j}}}" if task == "classification" else ""


def _sum_then_value(head: str, task: str, j: int, l2: float, value: float) -> tuple[str, ...]:
    """``head = value`` on one row; for classification the L2 term and the value go on a row
    below (on one row they ran past half a projector's width)."""
    if task == "classification":
        return head, rf"&\quad{_ridge(task, j, l2)} = {num(value)}"
    return (rf"{head} = {num(value)}",)


def full_gradient(task: str, m: int, j: int, l2: float, value: float) -> str:
    """The gradient of weight j, summed over all m rows, its value now, and what r⁽ⁱ⁾ is."""
    head = (
        rf"\frac{{\partial C}}{{\partial w_{{{j}}}}} &= \frac{{1}}{{{m}}}\sum_{{i=1}}^{{{m}}}"
        rf"{R}\,x^{{(i)}}_{{{j}}}"
    )
    return rows(*_sum_then_value(head, task, j, l2, value), *residual(task))


def batch_gradient(task: str, size: int, j: int, l2: float, value: float, t: int) -> str:
    """The mini-batch gradient: the sum over m becomes a highlighted sum over the batch."""
    summed = marker(rf"\frac{{1}}{{{size}}}\sum_{{i \in B_{{{t}}}}}")
    head = rf"g_{{{j}}} &= {summed}{R}\,x^{{(i)}}_{{{j}}}"
    return rows(*_sum_then_value(head, task, j, l2, value))


def update(j: int, lr: float, w_before: float, g: float, w_after: float) -> str:
    """The step on weight j with the live numbers (``w_after`` computed by the lesson)."""
    return rows(
        rf"w_{{{j}}} &\leftarrow w_{{{j}}} - \alpha\, g_{{{j}}}",
        rf"&= {num(w_before)} - {num(lr)}\times ({num(g)})",
        rf"&= {num(w_after)}",
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
def shown(fields: dict, digits: int = 3) -> dict:
    """A lesson's caption fields with every float formatted for text."""
    return {key: text(v, digits) if isinstance(v, float) else v for key, v in fields.items()}


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


# -- what to look at: one line under each chart, with the run's numbers -------------------------
def look_clock(say, curves, clock: str, names, m: int, best: float) -> str:
    """The line under section 2's chart for ``clock`` (a ``Curves`` result of the lesson)."""
    broken = [(kind, curve) for kind, curve in curves.shown if curve.diverged]
    if broken:
        kind, curve = broken[0]
        return say("batch_sizes.look.diverged", name=names[kind], step=curve.diverged_at)
    look = curves.look
    fields = {key: text(v) if isinstance(v, float) else v for key, v in look.items()}
    fields |= dict(batch=curves.chosen.batch, m=m, best=text(best))
    fields["ms_chosen"], fields["ms_full"] = text(look["ms_chosen"], 3), text(look["ms_full"], 3)
    if not curves.show_full:
        alone = dict(first=fields["first"], end=fields["full_end"], steps=look["steps_full"])
        return say("batch_sizes.look.alone", m=m, best=fields["best"], **alone)
    return say(f"batch_sizes.look.{clock}", **fields)


def look_contour(say, contour, batch: int) -> str:
    """The line under section 3's map (a ``Contour`` result of the lesson)."""
    look = contour.look
    fields = dict(look, gap_chosen=text(look["gap_chosen"], 3), gap_full=text(look["gap_full"], 3))
    kind = "contour" if contour.show_full else "contour_alone"
    return say(f"batch_sizes.look.{kind}", batch=batch, **fields)


def look_sweep(say, sweep, chosen: int) -> str:
    """The line under section 4's chart (a ``Sweep`` result of the lesson)."""
    fields = {key: text(v, 3) if isinstance(v, float) else v for key, v in sweep.result.items()}
    kind = "sweep" if sweep.fastest is not None else "sweep_none"
    return say(f"batch_sizes.look.{kind}", chosen=chosen, **fields)
