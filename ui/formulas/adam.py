r"""LaTeX of the Adam page, with the run's live numbers (pure, no Streamlit).

Every number arrives computed by :mod:`optim_core.lessons.adam`. The result of each
line is coloured like its piece on the charts: v in momentum's colour, s in
RMSprop's, the move in Adam's.
"""

from __future__ import annotations

from ui.figures.adam import PIECE_COLORS
from ui.formulas import colored
from ui.numbers import latex as num

MOMENTUM = r"v_t = \beta_1\, v_{t-1} + (1-\beta_1)\, g_t"
RMSPROP = r"s_t = \beta_2\, s_{t-1} + (1-\beta_2)\, g_t^2"
CORRECTION = r"\hat v_t = \frac{v_t}{1-\beta_1^{\,t}},\qquad \hat s_t = \frac{s_t}{1-\beta_2^{\,t}}"
UPDATE = r"x_t = x_{t-1} - \alpha\,\frac{\hat v_t}{\sqrt{\hat s_t} + \varepsilon}"
FIRST_WITH = (
    r"\hat v_1 = g_1,\ \ \hat s_1 = g_1^2 \ \Rightarrow\ "
    r"|x_1 - x_0| = \frac{\alpha\,|g_1|}{|g_1| + \varepsilon} \approx \alpha"
)
FIRST_WITHOUT = (
    r"v_1 = (1-\beta_1)\,g_1,\ \ s_1 = (1-\beta_2)\,g_1^2 \ \Rightarrow\ "
    r"|x_1 - x_0| = \frac{\alpha\,(1-\beta_1)\,|g_1|}{\sqrt{1-\beta_2}\,|g_1| + \varepsilon}"
    r" \approx \frac{1-\beta_1}{\sqrt{1-\beta_2}}\,\alpha"
)


def par(x: float) -> str:
    """A number in parentheses when negative (for substituting into a formula)."""
    return rf"({num(x)})" if float(x) < 0 else num(x)


def _color(tex: str, piece: str) -> str:
    r"""``\color{c}{tex}`` in the colour of ``piece``: :func:`ui.formulas.colored` without
    its enclosing group, so the page's LaTeX stays exactly as it was (a test pins it)."""
    return colored(tex, PIECE_COLORS[piece])[1:-1]


def momentum(k: int, c, live) -> str:
    """v of coordinate ``c`` (a lesson ``CoordinateStep``) at step ``k``."""
    return (
        rf"v_{{{k},{c.name}}} = {num(live.b1)}\cdot {par(c.v_prev)} + {num(live.one_minus_b1)}"
        rf"\cdot {par(c.g)} = {_color(num(c.v), 'v')}"
    )


def rmsprop(k: int, c, live) -> str:
    """s of coordinate ``c`` at step ``k``."""
    return (
        rf"s_{{{k},{c.name}}} = {num(live.b2)}\cdot {num(c.s_prev)} + {num(live.one_minus_b2)}"
        rf"\cdot {par(c.g)}^2 = {_color(num(c.s), 's')}"
    )


def correction(k: int, c, live) -> str:
    """v̂ and ŝ of coordinate ``c`` at step ``k``."""
    return (
        rf"\hat v_{{{k},{c.name}}} = \frac{{{num(c.v)}}}{{1-{num(live.b1)}^{{{k}}}}} = "
        rf"{num(c.v_hat)},\quad \hat s_{{{k},{c.name}}} = \frac{{{num(c.s)}}}"
        rf"{{1-{num(live.b2)}^{{{k}}}}} = {num(c.s_hat)}"
    )


def step(k: int, c, live) -> str:
    """The move of coordinate ``c`` with the averages the run used (corrected or not)."""
    top, bottom = (r"\hat v", r"\hat s") if live.bc else ("v", "s")
    name = c.name
    return (
        rf"{name}_{{{k}}} - {name}_{{{k - 1}}} = -\alpha\,\frac{{{top}_{{{k},{name}}}}}"
        rf"{{\sqrt{{{bottom}_{{{k},{name}}}}} + \varepsilon}}"
        rf" = -{num(live.lr)}\cdot\frac{{{par(c.v_used)}}}{{\sqrt{{{num(c.s_used)}}} + "
        rf"{num(live.eps)}}} = {_color(num(c.step), 'step')}"
    )


def live_coordinate(live, c) -> str:
    """The four lines of step k for one coordinate, aligned (``live``: a lesson ``Live``)."""
    k = live.k
    lines = [momentum(k, c, live), rmsprop(k, c, live), correction(k, c, live), step(k, c, live)]
    return r"\begin{aligned}" + r"\\[4pt]".join("&" + line for line in lines) + r"\end{aligned}"


def first(closeup) -> str:
    """First step of the chosen mode: the formula and its value, then the move measured in the
    run (``closeup``: a lesson ``Closeup``)."""
    head = FIRST_WITH if closeup.bc else FIRST_WITHOUT
    coord = closeup.coord
    return (
        rf"{head} = {num(closeup.formula)}"
        rf"\\[6pt] {coord}_1 - {coord}_0 = {num(closeup.measured)}"
        rf"\ \Rightarrow\ |{coord}_1 - {coord}_0| = {_color(num(closeup.size), 'step')}"
        rf" = {num(closeup.size_alpha, 4)}\,\alpha"
    )
