r"""LaTeX of the Adam page, with the run's live numbers (pure, no Streamlit).

Every number arrives computed by :mod:`optim_core.lessons.adam`. The result of each
line is coloured like its piece on the charts: v in momentum's colour, s in
RMSprop's, the move in Adam's.
"""

from __future__ import annotations

from optim_core.lessons import adam as lesson
from ui.figures.adam import PIECE_COLORS, racer
from ui.formulas import colored
from ui.numbers import latex as num
from ui.numbers import text

MOMENTUM = r"v_t = \beta_1\, v_{t-1} + (1-\beta_1)\, g_t"
RMSPROP = r"s_t = \beta_2\, s_{t-1} + (1-\beta_2)\, g_t^2"
CORRECTION = r"\hat v_t = \frac{v_t}{1-\beta_1^{\,t}},\qquad \hat s_t = \frac{s_t}{1-\beta_2^{\,t}}"
UPDATE = r"x_t = x_{t-1} - \alpha\,\frac{\hat v_t}{\sqrt{\hat s_t} + \varepsilon}"
# The first move as rows of an aligned block: each row fits a phone's width (390 px).
FIRST_WITH = (
    r"\hat v_1 = g_1,\ \ \hat s_1 = g_1^2",
    r"\Rightarrow\ |x_1 - x_0| = \frac{\alpha\,|g_1|}{|g_1| + \varepsilon} \approx \alpha",
)
FIRST_WITHOUT = (
    r"v_1 = (1-\beta_1)\,g_1,\ \ s_1 = (1-\beta_2)\,g_1^2",
    r"\Rightarrow\ |x_1 - x_0| = \frac{\alpha\,(1-\beta_1)\,|g_1|}{\sqrt{1-\beta_2}\,|g_1| + \varepsilon}",
    r"\phantom{\Rightarrow\ } \approx \frac{1-\beta_1}{\sqrt{1-\beta_2}}\,\alpha",
)


def aligned(rows, gap: str = "") -> str:
    r"""``rows`` as a left-aligned ``aligned`` block (``gap``: extra space between rows, such
    as ``[4pt]``); a row that is a tuple of parts puts each part on a line of its own, the
    later ones under the first one's ``=``."""
    out = []
    for row in rows:
        parts = (row,) if isinstance(row, str) else row
        out.append(r"\\".join(parts))
    return r"\begin{aligned}" + (r"\\" + gap).join(out) + r"\end{aligned}"


def par(x: float) -> str:
    """A number in parentheses when negative (for substituting into a formula)."""
    return rf"({num(x)})" if float(x) < 0 else num(x)


def _color(tex: str, piece: str) -> str:
    r"""``\color{c}{tex}`` in the colour of ``piece``: :func:`ui.formulas.colored` without
    its enclosing group, so the page's LaTeX stays exactly as it was (a test pins it)."""
    return colored(tex, PIECE_COLORS[piece])[1:-1]


def momentum(k: int, c, live) -> tuple[str, str, str]:
    """v of coordinate ``c`` (a lesson ``CoordinateStep``) at step ``k``: the two terms of the
    sum on two rows (one row ran off a phone's screen), then the value."""
    return (
        rf"v_{{{k},{c.name}}} &= {num(live.b1)}\cdot {par(c.v_prev)}",
        rf"&\phantom{{=}}\ + {num(live.one_minus_b1)}\cdot {par(c.g)}",
        rf"&= {_color(num(c.v), 'v')}",
    )


def rmsprop(k: int, c, live) -> tuple[str, str, str]:
    """s of coordinate ``c`` at step ``k``: the two terms, then the value."""
    return (
        rf"s_{{{k},{c.name}}} &= {num(live.b2)}\cdot {num(c.s_prev)}",
        rf"&\phantom{{=}}\ + {num(live.one_minus_b2)}\cdot {par(c.g)}^2",
        rf"&= {_color(num(c.s), 's')}",
    )


def correction(k: int, c, live) -> tuple[str, str]:
    """v̂ and ŝ of coordinate ``c`` at step ``k``, one line each."""
    return (
        rf"\hat v_{{{k},{c.name}}} &= \frac{{{num(c.v)}}}{{1-{num(live.b1)}^{{{k}}}}} = "
        rf"{num(c.v_hat)}",
        rf"\hat s_{{{k},{c.name}}} &= \frac{{{num(c.s)}}}{{1-{num(live.b2)}^{{{k}}}}} = "
        rf"{num(c.s_hat)}",
    )


def step(k: int, c, live) -> tuple[str, str, str]:
    """The move of coordinate ``c`` with the averages the run used (corrected or not): the
    rule, the numbers in it, the move."""
    top, bottom = (r"\hat v", r"\hat s") if live.bc else ("v", "s")
    name = c.name
    return (
        rf"{name}_{{{k}}} - {name}_{{{k - 1}}} &= -\alpha\,\frac{{{top}_{{{k},{name}}}}}"
        rf"{{\sqrt{{{bottom}_{{{k},{name}}}}} + \varepsilon}}",
        rf"&= -{num(live.lr)}\cdot\frac{{{par(c.v_used)}}}{{\sqrt{{{num(c.s_used)}}} + "
        rf"{num(live.eps)}}}",
        rf"&= {_color(num(c.step), 'step')}",
    )


def live_coordinate(live, c) -> str:
    """The lines of step k for one coordinate, aligned at their ``=`` and each short enough
    for a phone (``live``: a lesson ``Live``)."""
    k = live.k
    rows = [momentum(k, c, live), rmsprop(k, c, live), correction(k, c, live), step(k, c, live)]
    return aligned(rows, "[6pt]")


def first(closeup) -> str:
    """First step of the chosen mode: the formula and its value, then the move measured in the
    run (``closeup``: a lesson ``Closeup``), in rows that fit a phone."""
    head = list(FIRST_WITH if closeup.bc else FIRST_WITHOUT)
    head[-1] += rf" = {num(closeup.formula)}"
    coord = closeup.coord
    measured = (
        rf"{coord}_1 - {coord}_0 = {num(closeup.measured)}",
        rf"\Rightarrow\ |{coord}_1 - {coord}_0| = {_color(num(closeup.size), 'step')}"
        rf" = {num(closeup.size_alpha, 4)}\,\alpha",
    )
    return aligned(
        [tuple("&" + row for row in head), tuple("&" + row for row in measured)], "[6pt]"
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


COLUMNS = ("optimizer", "arrived", "first", "cross")  # adam.col_<key>: narrow enough for a
# phone (a "final cost" and an "α" column ran off its screen: the final cost moved into the
# cell of a run that did not arrive, α next to the name, as in the race's legend)


def arrival(row, steps: int, tr) -> str:
    """A racer's arrival cell: the step, "diverged at step k" or "not within n steps"
    (``tr`` looks up the page's words: :func:`ui.widgets.t`)."""
    if row.reached >= 0:
        return str(row.reached)
    if row.diverged >= 0:
        return tr("adam.diverged_cell", step=row.diverged)
    return tr("adam.not_within", steps=steps, cost=text(row.final))


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
                racer(names[name], row.lr),
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


# -- the lines under the charts: what to look at, with the run's numbers ------------------------


def closeup_look(near, tr) -> str:
    """Under the close-up (a lesson ``Closeup`` with at least one step): where v and s start,
    and how far the raw s still is below ŝ at the last step shown."""
    last_hat = float(near.s_hat[-1])
    b2 = 1.0 - near.shrink_root**2
    # s/ŝ = 1 − β₂ᵗ; measured where ŝ > 0 (a start at the minimum has g = 0 throughout)
    pct = 100.0 * (float(near.s[-1]) / last_hat if last_hat > 0 else 1.0 - b2**near.count)
    return tr(
        "adam.look.closeup",
        g1=text(near.g1),
        v1=text(float(near.v[0])),
        count=near.count,
        pct=f"{pct:.1f}",
        w2=text(near.shrink_root**2),
    )


def race_look(standings, setup, names, tr) -> str:
    """Under the race map: the start, and the racers that passed the minimum most often (the
    table's last column: up to arrival, or over the whole run)."""
    x, y = (text(v) for v in setup.start)
    passes = {n: sum(row.crossings) for n, row in standings.rows.items() if row.diverged < 0}
    most = max(passes.values(), default=0)
    if most == 0:
        return tr("adam.look.race_straight", x=x, y=y)
    top = tr("adam.list_sep").join(names[n] for n, count in passes.items() if count == most)
    return tr("adam.look.race", x=x, y=y, names=top, cross=most)


def costs_look(standings, spikes, names, tr) -> str:
    """Under the cost chart: who falls below 10⁻⁶ first, then why the explained spikes happen
    (a lesson ``Standings`` and ``Spikes``), one paragraph each."""
    if standings.arrived:
        first = standings.arrived[0]
        look = tr("adam.look.costs", name=names[first], step=standings.rows[first].reached)
    else:
        look = tr("adam.look.costs_none", steps=standings.steps)
    notes = [look]
    for name, spike in spikes.spikes.items():
        fields = dict(
            peak=spike.peak,
            low=text(spike.low),
            high=text(spike.high),
            since=spike.since,
            number=text(spike.number, 3),
        )
        if name == "gd":
            fields |= dict(
                limit=text(spike.limit), curv=text(spike.curvature), after=text(spike.after, 3)
            )
        else:
            fields |= dict(
                memory=text(spikes.memory),
                coord=spike.coord,
                high_root=text(spike.root_high),
                high_step=spike.root_high_step,
                low_root=text(spike.root_low),
                ratio=text(spike.root_high / spike.root_low, 3),
                after_root=text(spike.root_after),
            )
        note = tr(f"adam.spike_{name}", **fields)
        if spike.more:
            note += " " + tr("adam.spike_more", more=spike.more, steps=standings.steps)
        notes.append(note)
    return paragraphs(*notes)


def surface_look(heights, names, tr) -> str:
    """Under the 3-D view (a lesson ``Heights``): the start's height, and the highest climb."""
    common = dict(start=text(heights.start), minimum=text(heights.minimum))
    if not heights.climber:
        return tr("adam.look.surface_down", **common)
    return tr(
        "adam.look.surface_climb",
        name=names[heights.climber],
        value=text(heights.value),
        step=heights.step,
        **common,
    )


def why_race(standings, setup, tr) -> str:
    """The race's "why", with Adam's first step as the run has it (corrected or not)."""
    if setup.bc:
        adam_first = tr("adam.why_adam_bc")
    else:
        ratio = lesson.uncorrected_ratio(setup.b1, setup.b2)
        adam_first = tr("adam.why_adam_raw", ratio=text(ratio))
    return tr(
        "adam.why_race",
        rms=text(standings.rmsprop_factor),
        b1=text(setup.b1),
        adam_first=adam_first,
    )


def closeup_try_fields() -> dict:
    """The numbers of section 2's "what to try": the uncorrected first step at the default βs
    and at β₂ = :data:`lesson.TRY_B2`, in units of α."""
    b1, b2 = lesson.B1[2], lesson.B2_DEFAULT
    return dict(
        ratio=text(lesson.uncorrected_ratio(b1, b2), 3),
        b2=text(lesson.TRY_B2),
        ratio_b2=text(lesson.uncorrected_ratio(b1, lesson.TRY_B2), 3),
    )


def race_try_fields() -> dict:
    """The numbers of section 3's "what to try": κ, gradient descent's α on the bowl, 2/κ."""
    kappa = lesson.TRY_KAPPA
    lr = lesson.DEFAULT_LRS["elongated_bowl"]["gd"]
    return dict(kappa=kappa, lr_gd=text(lr), limit=text(2.0 / kappa))
