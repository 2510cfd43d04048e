r"""LaTeX of the momentum page, with the run's live numbers (pure, no Streamlit).

Numbers come computed by :mod:`optim_core.lessons.momentum`; here they are only written out.
"""

from __future__ import annotations

from optim_core.lessons.momentum import Cancellation, Race, Rule, Sweep
from ui.formulas import vec
from ui.numbers import latex as tex


def display(formula: str) -> str:
    """A display formula inside Markdown (``$$…$$``: what ``st.latex`` sends), so a formula and
    the prose around it go out as one element (:func:`shown`), not one message per piece."""
    return f"$$\n{formula}\n$$"


def shown(*parts: str) -> str:
    """Paragraphs (text and :func:`display` formulas) as one Markdown body."""
    return "\n\n".join(parts)


RULE = (  # two lines: on one the rule ran past a 1024-px projector's width
    r"\begin{gathered}g_k = \nabla C(x_{k-1}),\qquad v_k = \beta\,v_{k-1} + (1-\beta)\,g_k"
    r"\\ x_k = x_{k-1} - \alpha\,v_k,\qquad v_0 = 0\end{gathered}"
)


def gradient(rule: Rule) -> str:
    """``g_k = (w_{k-1}, κ b_{k-1})`` with the numbers of step k."""
    j, x = rule.shown, rule.x_prev
    return (
        rf"g_{{{j}}} = \begin{{pmatrix}}w_{{{j - 1}}}\\ \kappa\, b_{{{j - 1}}}\end{{pmatrix}}"
        rf"= \begin{{pmatrix}}{tex(x[0])}\\ {tex(rule.kappa, 3)}\cdot({tex(x[1])})"
        rf"\end{{pmatrix}} = {vec(*rule.g)}"
    )


def velocity(rule: Rule) -> str:
    """``v_k = β v_{k-1} + (1-β) g_k`` with the numbers of step k."""
    return (
        rf"v_{{{rule.shown}}} = {tex(rule.beta, 3)}\,{vec(*rule.v_prev)} + "
        rf"{tex(rule.rest, 3)}\,{vec(*rule.g)}= {vec(*rule.v)}"
    )


def position(rule: Rule) -> str:
    """``x_k = x_{k-1} - α v_k`` with the numbers of step k."""
    return (
        rf"x_{{{rule.shown}}} = {vec(*rule.x_prev)} - {tex(rule.lr, 3)}\,{vec(*rule.v)}"
        rf" = {vec(*rule.x_new)}"
    )


def valley(kappa: float) -> str:
    """The cost of the valley and its gradient."""
    return (
        rf"C(w, b) = \tfrac12\left(w^2 + \kappa\, b^2\right),\quad \kappa = {tex(kappa, 3)}"
        rf"\qquad \nabla C = (w,\ \kappa b)"
    )


def limits(race: Race, lr: float) -> str:
    """The two stability limits of the step size next to the chosen α."""
    return (  # one line each: side by side they ran past a 1280-px projector's width
        rf"\begin{{aligned}}\alpha_{{\text{{GD}}}} &< \frac{{2}}{{\kappa}} = "
        rf"{tex(race.gd_limit, 3)}\\"
        rf"\alpha_{{\text{{mom}}}} &< \frac{{2(1+\beta)}}{{(1-\beta)\,\kappa}} = "
        rf"{tex(race.m_limit, 3)}\\ \alpha &= {tex(lr, 3)}\end{{aligned}}"
    )


def means(c: Cancellation) -> str:
    """Mean |g| and |v| along b and w over the first updates."""
    n = c.first
    return (
        rf"\begin{{gathered}}\text{{b:}}\ \ \overline{{|g_b|}}_{{1..{n}}} = {tex(c.g_b, 3)},\quad"
        rf"\overline{{|v_b|}}_{{1..{n}}} = {tex(c.v_b, 3)}"
        rf"\\ \text{{w:}}\ \ \overline{{|g_w|}}_{{1..{n}}} = {tex(c.g_w, 3)},\quad"
        rf"\overline{{|v_w|}}_{{1..{n}}} = {tex(c.v_w, 3)}\end{{gathered}}"
    )


def window(sweep: Sweep) -> str:
    """``1/(1-β)`` for the chosen β."""
    return (
        rf"\frac{{1}}{{1-\beta}} = \frac{{1}}{{1-{tex(sweep.chosen, 3)}}} = {tex(sweep.window, 3)}"
    )
