r"""LaTeX of the RMSprop page, with the run's live numbers (pure, no Streamlit).

Every number arrives computed by :mod:`optim_core.lessons.rmsprop`; these functions
only format and place it, in formulas and, at the end, in the catalog's sentences that pick
their words from a result. A formula that ran past a phone's width (390 px) is split into
rows.
"""

from __future__ import annotations

from optim_core.lessons.rmsprop import COST_FLOOR
from ui import text
from ui.numbers import latex as num
from ui.numbers import text as words


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
    r"\begin{gathered}s \leftarrow \beta\, s + (1-\beta)\, g^{2}\\ "
    r"x \leftarrow x - \frac{\alpha}{\sqrt{s}+\varepsilon}\, g\end{gathered}"
)
RATES = (  # η: the effective learning rate of each coordinate
    r"\eta_w = \frac{\alpha}{\sqrt{s_w}+\varepsilon}, \qquad "
    r"\eta_b = \frac{\alpha}{\sqrt{s_b}+\varepsilon}"
)


def update(step) -> tuple[str, ...]:
    """The update of step k, one formula per coordinate (``step``: a lesson ``Update``), each
    in rows narrow enough for a phone."""
    formulas = []
    for c in step.coords:
        name = c.name
        rows = (
            rf"g_{name} &= {num(c.g)}",
            rf"s_{name} &= {num(step.beta, 6)}\cdot {num(c.s_prev)}"
            rf" + {num(step.one_minus_beta, 6)}\cdot ({num(c.g)})^{{2}} = {num(c.s)}",
            rf"\sqrt{{s_{name}}} &= {num(c.root)}",
            rf"\eta_{name} &= \frac{{\alpha}}{{\sqrt{{s_{name}}}+\varepsilon}}"
            rf" = \frac{{{num(step.lr)}}}{{{num(c.root)} + {num(step.eps)}}}",
            rf"&= {num(c.rate)}",
            rf"\Delta {name} &= -\eta_{name}\, g_{name}",
            rf"&= -{num(c.rate)}\cdot({num(c.g)}) = {num(c.step)}",
        )
        formulas.append(r"\begin{aligned}" + r" \\[2pt] ".join(rows) + r"\end{aligned}")
    return tuple(formulas)


def first_step(first) -> tuple[str, str]:
    """First step (``first``: a lesson ``FirstMove``): the closed form α·|g|/(√(1−β)|g|+ε) ≈
    α/√(1−β), then the run's move (two lines, so neither overflows a narrow page)."""
    formula = (
        rf"\begin{{aligned}}|\Delta x_1| &= \frac{{\alpha\,|g_1|}}"
        rf"{{\sqrt{{1-\beta}}\,|g_1|+\varepsilon}}"
        rf" \approx \frac{{\alpha}}{{\sqrt{{1-\beta}}}}\\ &= \frac{{{num(first.lr)}}}"
        rf"{{\sqrt{{{num(first.one_minus_beta, 6)}}}}} = {num(first.approx)}\end{{aligned}}"
    )
    measured, predicted = first.measured, first.predicted
    run = (
        rf"\begin{{gathered}}|\Delta w_1| = {num(measured[0])},\ |\Delta b_1| = "
        rf"{num(measured[1])}\\ \frac{{\alpha\,|g_1|}}{{\sqrt{{1-\beta}}\,|g_1|+\varepsilon}}:\ "
        rf"{num(predicted[0])},\ {num(predicted[1])}\end{{gathered}}"
    )
    return formula, run


def ratio(rates) -> str:
    """Ratio of the two effective rates at the last finite step against the condition number
    (``rates``: a lesson ``Rates``)."""
    return (
        rf"\begin{{gathered}}\frac{{\eta_w}}{{\eta_b}}\Big|_{{k={rates.ratios.last}}} = "
        rf"\frac{{{num(rates.rate_w)}}}{{{num(rates.rate_b)}}} = {num(rates.ratio, 3)}\\ "
        rf"\kappa = {num(rates.kappa, 3)}\end{{gathered}}"
    )


# -- sentences: the catalog's words (in ``lang``) chosen by a result ---------------------------


def arrival(hit: int, steps: int, lang: str) -> str:
    """The step a run reached the target at, or "not in … steps"."""
    return str(hit) if hit >= 0 else text.get("rmsprop.not_reached", lang, n=steps)


def cost_sentences(valley, lang: str) -> list[str]:
    """What to look at under the cost chart, then (when the run shows them) the two runs'
    arrivals compared and why RMSprop's cost dips and comes back (``valley``: a ``Valley``)."""
    up, n = valley.rebound, len(valley.steps) - 1
    if up.found:
        look = text.get(
            "rmsprop.look.cost_dip",
            lang,
            target=words(valley.target, 6),
            hit=up.hit,
            low_step=up.low_step,
            back=up.back_step,
        )
    else:
        look = text.get(
            "rmsprop.look.cost",
            lang,
            target=words(valley.target, 6),
            gd=arrival(valley.gd_hit, n, lang),
            rms=arrival(valley.rms_hit, n, lang),
        )
    said = [look]
    if valley.gd_hit > 0 and valley.rms_hit > 0:
        said.append(text.get("rmsprop.hit_compare", lang, gd=valley.gd_hit, rms=valley.rms_hit))
    if up.found:  # the dip below the target and the way back, explained where it is seen
        said.append(
            text.get(
                "rmsprop.rebound",
                lang,
                low=inline(up.low_cost),
                low_step=up.low_step,
                back=up.back_step,
                back_cost=inline(up.back_cost),
                unstable=up.unstable_step,
                two=words(valley.two, 3),
                factor=words(up.factor, 3),
                floor=inline(COST_FLOOR),
            )
        )
    return said


def variants_table(near, steps: int, lang: str) -> str:
    """Section 4's table of RMSprop runs (``near``: a ``NearMinimum``) with translated headers,
    and a note on the columns: four columns, the settings in the first, fit a phone."""
    headers = [text.get(f"rmsprop.col_{key}", lang) for key in ("setting", "hit", "dist", "move")]
    rows = [
        (
            text.get(f"rmsprop.variant.{i}", lang, lr=words(r.lr, 6), eps=words(r.eps, 6)),
            arrival(r.hit, steps, lang),
            words(r.mean_d, 3),
            words(r.move, 3),
        )
        for i, r in enumerate(near.variants)
    ]
    return table(headers, rows) + "\n\n" + text.get("rmsprop.table_note", lang, n=near.tail)
