r"""LaTeX of the RMSprop page, with the run's live numbers (pure, no Streamlit).

Every number arrives computed by :mod:`optim_core.lessons.rmsprop`; these functions
only format and place it.
"""

from __future__ import annotations

from ui.numbers import latex as num


def display(formula: str) -> str:
    """A display formula inside Markdown (``$$…$$``: what ``st.latex`` sends), so a formula and
    the prose around it go out as one element (:func:`shown`), not one message per piece."""
    return f"$$\n{formula}\n$$"


def shown(*parts: str) -> str:
    """Paragraphs (text, tables and :func:`display` formulas) as one Markdown body."""
    return "\n\n".join(parts)


def inline(x: float, digits: int = 3) -> str:
    """A number as an inline formula for Markdown text (``2.25e-36`` becomes 2.25 × 10⁻³⁶)."""
    return f"${num(x, digits)}$"


def table(headers, rows) -> str:
    """A Markdown table: ``headers`` and ``rows`` of text (one element, not a data frame)."""
    lines = [headers, ["---:"] * len(headers), *rows]
    return "\n".join("| " + " | ".join(str(cell) for cell in line) + " |" for line in lines)


RULE = (
    r"s \leftarrow \beta\, s + (1-\beta)\, g^{2}, \qquad "
    r"x \leftarrow x - \frac{\alpha}{\sqrt{s}+\varepsilon}\, g"
)
RATES = (
    r"\alpha_w^{\text{eff}} = \frac{\alpha}{\sqrt{s_w}+\varepsilon}, \qquad "
    r"\alpha_b^{\text{eff}} = \frac{\alpha}{\sqrt{s_b}+\varepsilon}"
)


def update(step) -> str:
    """The update of step k for each coordinate (``step``: a lesson ``Update``)."""
    lines = []
    for c in step.coords:
        name = c.name
        lines.append(
            rf"g_{name} &= {num(c.g)}, & s_{name} &= {num(step.beta, 6)}\cdot {num(c.s_prev)}"
            rf" + {num(step.one_minus_beta, 6)}\cdot ({num(c.g)})^{{2}} = {num(c.s)}, &"
            rf"\sqrt{{s_{name}}} &= {num(c.root)}"
        )
        lines.append(
            rf"& & \frac{{\alpha}}{{\sqrt{{s_{name}}}+\varepsilon}} &= "
            rf"\frac{{{num(step.lr)}}}{{{num(c.root)}"
            rf" + {num(step.eps)}}} = {num(c.rate)}, &"
            rf"\Delta {name} &= -{num(c.rate)}\cdot({num(c.g)}) = {num(c.step)}"
        )
    body = r" \\[4pt] ".join(lines)
    return rf"k = {step.k}: \quad \begin{{aligned}}{body}\end{{aligned}}"


def first_step(first) -> tuple[str, str]:
    """First step (``first``: a lesson ``FirstMove``): the closed form α·|g|/(√(1−β)|g|+ε) ≈
    α/√(1−β), then the run's move (two lines, so neither overflows a narrow page)."""
    formula = (
        rf"|\Delta x_1| = \frac{{\alpha\,|g_1|}}{{\sqrt{{1-\beta}}\,|g_1|+\varepsilon}}"
        rf" \approx \frac{{\alpha}}{{\sqrt{{1-\beta}}}} = \frac{{{num(first.lr)}}}"
        rf"{{\sqrt{{{num(first.one_minus_beta, 6)}}}}} = {num(first.approx)}"
    )
    measured, predicted = first.measured, first.predicted
    run = (
        rf"|\Delta w_1| = {num(measured[0])},\ |\Delta b_1| = {num(measured[1])}"
        rf"\qquad \frac{{\alpha\,|g_1|}}{{\sqrt{{1-\beta}}\,|g_1|+\varepsilon}}:\ "
        rf"{num(predicted[0])},\ {num(predicted[1])}"
    )
    return formula, run


def ratio(rates) -> str:
    """Ratio of the two effective rates at the last finite step against the condition number
    (``rates``: a lesson ``Rates``)."""
    return (
        rf"\frac{{\alpha/(\sqrt{{s_w}}+\varepsilon)}}{{\alpha/(\sqrt{{s_b}}+\varepsilon)}}"
        rf"\Big|_{{k={rates.ratios.last}}} = \frac{{{num(rates.rate_w)}}}{{{num(rates.rate_b)}}}"
        rf" = {num(rates.ratio, 3)}\qquad \kappa = {num(rates.kappa, 3)}"
    )
