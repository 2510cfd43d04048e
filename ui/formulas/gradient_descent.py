r"""LaTeX of the gradient-descent page, with the numbers of the lesson (pure, no Streamlit).

Each function takes the ``NamedTuple`` of one section of
:mod:`optim_core.lessons.gradient_descent` and returns a string for ``st.latex``.
"""

from __future__ import annotations

from ui.numbers import latex as tex


def texp(v: float, digits: int = 4) -> str:
    """Like :func:`ui.numbers.latex`, in parentheses when negative (for products)."""
    return f"({tex(v, digits)})" if v < 0 else tex(v, digits)


def lr_label(v: float, p) -> str:
    """The learning-rate slider's label of ``v``: plain text, the same in every language (it is
    also what the URL stores); the two thresholds of the ``Parabola`` ``p`` are named."""
    special = {p.one: "1/C'' = ", p.two: "2/C'' = "}
    return f"{special[v]}{v:.4g}" if v in special else f"{v:.3g}"


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
    return (
        rf"C'' = \frac{{\sum x_i^2}}{{m}} = {tex(p.c2, 5)}, \qquad"
        rf"\frac{{1}}{{C''}} = {tex(p.one)}, \qquad \frac{{2}}{{C''}} = {tex(p.two)}, \qquad"
        rf"1 - \alpha C'' = 1 - {tex(d.lr)}\cdot{tex(p.c2, 5)} = {tex(d.factor)}"
    )


def condition(p) -> str:
    """The condition numbers of the (w, b) valley, raw and standardized."""
    lo_raw, hi_raw = p.eig_raw
    lo_std, hi_std = p.eig_std
    return (
        rf"\kappa_{{\text{{raw}}}} = \frac{{\lambda_{{\max}}}}{{\lambda_{{\min}}}}"
        rf"= \frac{{{tex(hi_raw)}}}{{{tex(lo_raw)}}} = {tex(p.kappa_raw)}"
        rf"\qquad \kappa_{{\text{{std}}}} = \frac{{{tex(hi_std)}}}"
        rf"{{{tex(lo_std)}}} = {tex(p.kappa_std)}"
    )
