r"""LaTeX of the gradient-descent page, with the numbers of the lesson (pure, no Streamlit).

Each function takes the ``NamedTuple`` of one section of
:mod:`optim_core.lessons.gradient_descent` and returns a string for ``st.latex``.
"""

from __future__ import annotations

import math

from ui.numbers import latex as tex
from ui.numbers import text as num


def display(formula: str) -> str:
    """A display formula inside Markdown (``$$…$$``: what ``st.latex`` sends), so a formula and
    the prose around it go out as one element (:func:`shown`), not one message per piece."""
    return f"$$\n{formula}\n$$"


def shown(*parts: str) -> str:
    """Paragraphs (text, tables, :func:`display` formulas) as one Markdown body."""
    return "\n\n".join(parts)


def texp(v: float, digits: int = 4) -> str:
    """Like :func:`ui.numbers.latex`, in parentheses when negative (for products)."""
    return f"({tex(v, digits)})" if v < 0 else tex(v, digits)


def lr_label(v: float, p) -> str:
    """The learning-rate slider's label of ``v``: the number alone, the same in every language,
    because Streamlit writes the label into the address (``?gd_lr=0.004252``). The two
    thresholds of the ``Parabola`` ``p`` get four significant digits, the grid three."""
    return f"{v:.4g}" if v in (p.one, p.two) else f"{v:.3g}"


def lr_option(raw, p) -> float | None:
    """The learning rate a link's ``?gd_lr=`` names, or None: a label of the slider
    (``0.004252``), a label of an older version (``2/C'' = 0.004252``) or a number equal to
    an option; anything else (not a number, no option) is None."""
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    if not isinstance(raw, str) or not raw.strip():
        return None
    shown = raw.rpartition("=")[2].strip()
    for option in p.lr_options:
        if lr_label(option, p) == shown:
            return option
    try:
        value = float(shown)
    except ValueError:
        return None
    for option in p.lr_options:
        if math.isclose(option, value, rel_tol=1e-9):
            return option
    return None


def is_old_lr_label(raw) -> bool:
    """True for a learning rate in a link of an older version, which stored the slider's label
    with the threshold's name (``2/C'' = 0.004252``) instead of the number alone."""
    return isinstance(raw, str) and raw.replace(" ", "").startswith(("1/C''=", "2/C''="))


def data_table(p, caption: str, bill: str, tip: str) -> str:
    """The first rows of the data as Markdown: ``caption`` in italics, then a table with the
    translated headers ``bill`` and ``tip`` (one Markdown element instead of a data frame)."""
    rows = "".join(f"\n| {x:.2f} | {y:.2f} |" for x, y in zip(p.head_x, p.head_y, strict=True))
    return f"_{caption}_\n\n| {bill} | {tip} |\n|---:|---:|{rows}"


def expansion(p) -> tuple[str, str, str]:
    """C(W) multiplied out: in symbols, with the sums of the data, with the coefficients."""
    general = (
        r"C(W) = \frac{1}{2m}\sum_{i=1}^{m}(W x_i - y_i)^2"
        r"= \frac{\sum x_i^2}{2m}\,W^2 - \frac{\sum x_i y_i}{m}\,W + \frac{\sum y_i^2}{2m}"
    )
    sums = (
        rf"= \frac{{{tex(p.sum_x2, 6)}}}{{2\cdot{p.m}}}\,W^2"
        rf"- \frac{{{tex(p.sum_xy, 6)}}}{{{p.m}}}\,W"
        rf"+ \frac{{{tex(p.sum_y2, 6)}}}{{2\cdot{p.m}}}"
    )
    coefficients = (
        rf"= {tex(p.a, 5)}\,W^2 - {tex(p.minus_b, 5)}\,W + {tex(p.c, 4)}"
        rf"\qquad W^* = -\tfrac{{b}}{{2a}} = {tex(p.w_star)}"
    )
    return general, sums, coefficients


def _last_term_apart(line: str) -> tuple[str, str]:
    """A sum of three terms cut before its last ``+``: two rows that fit a phone's width."""
    head, plus, tail = line.rpartition("+")
    return head, rf"&\quad {plus} {tail}"


def expansion_block(p) -> str:
    """The lines of :func:`expansion` as one aligned formula: one equality per line (so the
    block fits a 1024-px projector), and the two long sums with their last term on a row of
    its own (so it fits a 390-px phone)."""
    general, sums, coefficients = expansion(p)
    squares, _, expanded = general.partition("^2=")
    coefficients, _, w_star = coefficients.partition(r"\qquad")
    lines = [squares.replace("=", "&=", 1) + "^2"]
    lines += _last_term_apart(f"&= {expanded}")
    lines += _last_term_apart(f"&{sums}")
    lines += [f"&{coefficients}", w_star.replace("=", "&=", 1)]
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


def slope(p, d) -> str:
    """∂C/∂W at the step shown, with its numbers."""
    k = d.shown
    return (
        rf"\begin{{aligned}}\frac{{\partial C}}{{\partial W}}\Big|_{{W_{{{k}}}}}"
        rf"&= 2a\,W_{{{k}}} + b \\"
        rf"&= 2\cdot{tex(p.a, 5)}\cdot{texp(d.w_k)} - {tex(p.minus_b, 5)} = {tex(d.slope_k)}"
        r"\end{aligned}"
    )


def update(d) -> str:
    """The update W_{k+1} = W_k − α·∂C/∂W with the numbers of the step shown."""
    k = d.shown
    return (
        rf"\begin{{aligned}}W_{{{k + 1}}} &= W_{{{k}}}"
        rf"- \alpha\,\frac{{\partial C}}{{\partial W}}\Big|_{{W_{{{k}}}}} \\"
        rf"&= {tex(d.w_k)} - {tex(d.lr)}\cdot({tex(d.slope_k)}) = {tex(d.new_k)}"
        r"\end{aligned}"
    )


def error(d) -> str:
    """The distance to W* multiplied by 1 − α·C'' in one step."""
    k = d.shown
    return (
        rf"\begin{{aligned}}W_{{{k + 1}}} - W^* &= (1 - \alpha C'')\,(W_{{{k}}} - W^*)"
        r" \\"
        rf"&= ({tex(d.factor)})\cdot({tex(d.error_k)})"
        rf"= {tex(d.new_error_k)}\end{{aligned}}"
    )


def thresholds(p, d) -> str:
    """C'', the two special learning rates and the factor of the chosen α."""
    return (  # three lines: on one they ran past a 1280-px projector's width
        rf"\begin{{gathered}}C'' = \frac{{\sum x_i^2}}{{m}} = {tex(p.c2, 5)} \\"
        rf"\frac{{1}}{{C''}} = {tex(p.one)}, \qquad \frac{{2}}{{C''}} = {tex(p.two)} \\"
        rf"1 - \alpha C'' = 1 - {tex(d.lr)}\cdot{tex(p.c2, 5)} = {tex(d.factor)}\end{{gathered}}"
    )


def condition(p) -> str:
    """The condition numbers of the (w, b) valley, raw and standardized."""
    lo_raw, hi_raw = p.eig_raw
    lo_std, hi_std = p.eig_std
    return (
        rf"\begin{{gathered}}\kappa_{{\text{{raw}}}} = \frac{{\lambda_{{\max}}}}{{\lambda_{{\min}}}}"
        rf"= \frac{{{tex(hi_raw)}}}{{{tex(lo_raw)}}} = {tex(p.kappa_raw)}"
        rf"\\ \kappa_{{\text{{std}}}} = \frac{{{tex(hi_std)}}}"
        rf"{{{tex(lo_std)}}} = {tex(p.kappa_std)}\end{{gathered}}"
    )


# -- sentences with the run's numbers ---------------------------------------------------------
# ``say(key, **fields)`` looks a string up in the learner's language (the page's ``t``).


def look_descent(say, p, d) -> str:
    """What to look at under the animated run: where its cost starts and where it ends."""
    kind = {"bounce": "descent_bounce", "diverge": "descent_diverge"}.get(d.regime, "descent")
    return say(
        f"gradient_descent.look.{kind}",
        first=num(d.cost_first),
        last=num(d.cost_last),
        step=d.last,
        best=num(p.cost_star),
    )


def look_step(say, d) -> str:
    """What to look at under the chart of step k: the tangent, the arrow and the new point."""
    return say(
        "gradient_descent.look.step",
        k=d.shown,
        k1=d.shown + 1,
        w=num(d.w_k),
        slope=num(d.slope_k),
        move=num(d.move[d.shown]),
        new=num(d.new_k),
        before=num(abs(d.error_k)),
        after=num(abs(d.new_error_k)),
    )


def _valley_fields(v) -> dict:
    return dict(
        steps=v.last,
        w=num(v.end[0]),
        b=num(v.end[1]),
        w_star=num(v.optimum[0]),
        b_star=num(v.optimum[1]),
    )


def look_contour(say, v) -> str:
    """What to look at under the contour map: the rings' shape and where the path ends."""
    if v.diverged_at > 0 or v.growing:
        return say("gradient_descent.look.contour_growing", **_valley_fields(v))
    kind = "contour_raw" if v.raw else "contour_std"
    return say(f"gradient_descent.look.{kind}", kappa=num(v.kappa, 4), **_valley_fields(v))


def look_surface(say, v) -> str:
    """What to look at under the 3-D view: the cost at the start and at the last step."""
    return say(
        "gradient_descent.look.surface",
        first=num(v.cost_first),
        last=num(v.cost_last),
        steps=v.last,
        best=num(v.cost_star),
    )


def two_result(say, p, v) -> str:
    """The factors of the (w, b) run ``v``, the steps a hundredfold needs, and what b means
    (``p``: the lesson's ``Parabola``, for the number of tables)."""
    factors = dict(lr=num(v.lr), fast=num(v.fast_factor), slow=num(v.slow_factor, 6))
    said = [say("gradient_descent.two_result", **factors)]
    if v.shrinks:
        needed = f"{v.steps_needed:,}"
        said.append(say("gradient_descent.needed", needed=needed, steps=v.steps, gap=num(v.gap, 3)))
    else:
        said.append(say("gradient_descent.never"))
    if v.diverged_at < 0 and not v.growing:  # where a diverging run ends says nothing of b
        kind = "intercept_raw" if v.raw else "intercept_std"
        b = dict(b_end=num(v.end[1]), b_star=num(v.optimum[1]), mean=num(v.mean_tip), m=p.m)
        said.append(say(f"gradient_descent.{kind}", **b))
    return "\n\n".join(said)
