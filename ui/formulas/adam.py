r"""LaTeX of the Adam page, with the run's live numbers (pure, no Streamlit).

Every number arrives computed by :mod:`optim_core.lessons.adam`. The result of each
line is coloured like its piece on the charts: v in momentum's colour, s in
RMSprop's, the move in Adam's.
"""

from __future__ import annotations

from ui.figures.adam import PIECE_COLORS
from ui.formulas import colored
from ui.numbers import latex as num
from ui.numbers import text

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


# -- Markdown: one message for a heading, its paragraphs, display formulas and tables -----------


def heading(title: str) -> str:
    """A section heading in Markdown (what ``st.header`` shows)."""
    return f"## {title}"


def display(body: str) -> str:
    """A display formula in Markdown (what ``st.latex`` sends)."""
    return f"$$\n{body}\n$$"


def paragraphs(*parts: str) -> str:
    """The non-empty ``parts`` as paragraphs of one Markdown text."""
    return "\n\n".join(part for part in parts if part)


def lines(*parts: str) -> str:
    """The non-empty ``parts`` as lines of one paragraph (a caption of several notes)."""
    return "  \n".join(part for part in parts if part)


def moves_fields(live) -> dict:
    """The numbers of the note under the moves chart (a lesson ``Live``): step 1's moves and
    the slopes it started from, and α."""
    (mx, my), (gx, gy) = live.first_move, live.first_gradient
    return dict(mx=text(mx), my=text(my), gx=text(gx), gy=text(gy), lr=text(live.lr))


def first_fields(closeup, setup) -> dict:
    """The numbers of the first-step comparison and its "why" (a lesson ``Closeup``)."""
    return dict(
        with_c=text(closeup.with_alpha),
        without=text(closeup.without_alpha),
        ratio=text(closeup.ratio),
        shrink_v=text(closeup.shrink_v),
        shrink_root=text(closeup.shrink_root),
        b1=text(setup.b1),
        b2=text(setup.b2),
    )


def setup_numbers(setup) -> dict:
    """The numbers of the page's "Now: …" line (a lesson ``Setup``)."""
    x, y = setup.start
    return dict(x=text(x), y=text(y), lr=text(setup.lr), b1=text(setup.b1), b2=text(setup.b2))


def spacing_fields(spacing) -> dict:
    """The numbers of the note under the animation (a lesson ``FrameSpacing``): how many
    frames, every step up to which, then how much further each frame's step is (percent)."""
    return dict(
        frames=spacing.count,
        dense=spacing.every_until,
        growth=f"{100 * (spacing.growth - 1):.0f}",
        steps=spacing.last,
    )


def pair(values, digits: int = 4) -> str:
    """Two numbers as ``(a, b)`` for prose and tables."""
    return "(" + ", ".join(text(v, digits) for v in values) + ")"


COLUMNS = ("optimizer", "lr", "final", "arrived", "first", "cross")  # adam.col_<key>


def arrival(row, steps: int, tr) -> str:
    """A racer's arrival cell: the step, "diverged at step k" or "not within n steps"
    (``tr`` looks up the page's words: :func:`ui.widgets.t`)."""
    if row.reached >= 0:
        return str(row.reached)
    if row.diverged >= 0:
        return tr("adam.diverged_cell", step=row.diverged)
    return tr("adam.not_within", steps=steps)


def cell(value: str) -> str:
    """Text for a Markdown table cell: a ``|`` (as in |Δx|) would end the cell."""
    return value.replace("|", r"\|")


def results_table(standings, names, tr) -> str:
    """The race's table as Markdown, one row per racer (a lesson ``Standings``; ``names`` maps
    racers to translated names, ``tr`` looks up the column titles and cells)."""
    rows = [
        "| "
        + " | ".join(
            cell(value)
            for value in (
                names[name],
                text(row.lr),
                text(row.final),
                arrival(row, standings.steps, tr),
                pair(row.first_move),
                "({}, {})".format(*row.crossings),
            )
        )
        + " |"
        for name, row in standings.rows.items()
    ]
    head = "| " + " | ".join(cell(tr(f"adam.col_{key}")) for key in COLUMNS) + " |"
    return "\n".join([head, "|:---|" + "---:|" * (len(COLUMNS) - 1), *rows])


def verdict(standings, names, tr) -> str:
    """Who arrived first and the order after it; then the winner against Adam (or, when Adam
    won, against the runner-up): first steps and passes of the minimum, from the table."""
    rows, arrived, sep = standings.rows, standings.arrived, tr("adam.list_sep")
    if not arrived:
        return tr("adam.verdict_none", steps=standings.steps)
    first = arrived[0]
    parts = [tr("adam.verdict", name=names[first], step=rows[first].reached)]
    then = [tr("adam.then_item", name=names[n], step=rows[n].reached) for n in arrived[1:]]
    if then:
        parts.append(tr("adam.verdict_then", items=sep.join(then)))
    if standings.missed:
        missed = sep.join(names[n] for n in standings.missed)
        parts.append(tr("adam.verdict_missed", names=missed, steps=standings.steps))
    other = "adam" if first != "adam" else (arrived[1] if len(arrived) > 1 else None)
    if other:
        a, b = rows[first], rows[other]
        parts.append(
            tr(
                "adam.compare",
                first=names[first],
                other=names[other],
                first_move=pair(a.first_move),
                other_move=pair(b.first_move),
                first_cross=sum(a.crossings),
                other_cross=sum(b.crossings),
            )
        )
    return " ".join(parts)


def showcase_fields(show) -> dict:
    """The numbers of the "where Adam's strengths show" note (a lesson ``Showcase``)."""
    beale, rosenbrock = show.reached["beale"], show.reached["rosenbrock"]
    return dict(
        adam=beale["adam"],
        momentum=beale["momentum"],
        gd=beale["gd"],
        rmsprop=beale["rmsprop"],
        adam_lr=text(show.adam_lr),
        rms_first=text(show.rmsprop_first, 3),
        rms_left=show.rmsprop_left,
        rms_lr=text(show.rmsprop_lr),
        r_momentum=rosenbrock["momentum"],
        r_adam=rosenbrock["adam"],
        steps=show.steps,
    )
