r"""The race page's settings, sentences, tables and LaTeX (pure, no Streamlit).

Every number comes from the lesson :mod:`optim_core.lessons.race` (a ``Race``, a
``Fairness``, a ``Settling``); ``tr`` is the page's catalog lookup (``ui.widgets.t``).
The page's own choices (surfaces offered, default starts, the options of each control)
are here too, so that the page file holds layout only.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from optim_core import expression, objectives, schedules
from optim_core.lessons import race as lesson
from ui.figures.race import CLICK_TRACE, FLOOR
from ui.numbers import latex
from ui.numbers import text as num

# -- the page's settings -------------------------------------------------------------------------

TYPED = "typed"  # "my function": a function the student types
SURFACES = (
    "bowl",
    "elongated_bowl",
    "rosenbrock",
    "beale",
    "himmelblau",
    "saddle",
    "rastrigin",
    "multi_well",
    TYPED,
)
DEFAULT_SURFACE = "himmelblau"
# the elongated bowl's is the lesson's fairness case (what to try sends the reader there)
STARTS = {
    "bowl": (1.5, -1.0),
    "elongated_bowl": lesson.FAIRNESS_CASE["start"],  # the fairness case of the lesson
    "rosenbrock": (-1.5, 2.0),
    "beale": (0.9, -0.9),
    "himmelblau": (0.0, -4.0),
    "saddle": (-1.5, 0.1),
    "rastrigin": (2.56, 2.56),
    "multi_well": (-1.5, 1.5),
    TYPED: (2.1, 1.5),
}
# the examples offered under the input: (text, (x_min, x_max, y_min, y_max))
EXAMPLES = (
    ("x**2 + 10*sin(y)", (-3, 3, -3, 3)),
    ("(1 - x)**2 + 100*(y - x**2)**2", (-2, 2, -1, 3)),
)
TYPED_EXPRESSION, TYPED_BOX = EXAMPLES[0]
BOX_LIMIT = 100  # whole numbers within ±100 for the typed function's box
MAX_CHARS = expression.MAX_LENGTH
START_STEP = 0.01  # the start sliders; a click may put them on a finer grid node
STEPS = (10, 1000, lesson.STEPS, 10)  # min, max, default, step
SCHEDULES = ("constant", "inverse_time", "exponential", "step_decay")
# per schedule: its parameter's key in the link, its options and default
PARAMS = {
    "inverse_time": ("r_invk", (0.001, 0.003, 0.01, 0.03, 0.1), 0.01),
    "exponential": ("r_gamma", (0.9, 0.95, 0.98, 0.99, 0.995, 0.999), 0.99),
    "step_decay": ("r_every", (25, 50, 100, 150, 200), 100),
}
STEP_DROP = 0.5  # step decay halves the rate every T steps


# the page's wide tables scroll sideways on a phone instead of running past the screen's edge
SCROLLING_TABLES = (
    "<style>[data-testid=stMarkdownContainer] table"
    "{display: block; max-width: 100%; overflow-x: auto;}</style>"
)


class Setting(NamedTuple):
    """Everything a race on the page depends on but the fairness mode (plain values)."""

    surface: str
    expression: str  # the typed text ("" on a built-in surface)
    box: tuple  # ((x_min, x_max), (y_min, y_max))
    start: tuple  # (x, y)
    racers: tuple  # racer keys, in the order of lesson.RACERS
    steps: int
    lr: float  # the shared rate
    schedule: str
    param: float | None  # the schedule's parameter (None: constant)


def schedule_of(name: str, param):
    """The :mod:`optim_core.schedules` schedule the controls describe."""
    if name == "inverse_time":
        return schedules.inverse_time(param)
    if name == "exponential":
        return schedules.exponential(param)
    if name == "step_decay":
        return schedules.step_decay(STEP_DROP, int(param))
    return schedules.constant()


def box_of(surface: str, typed_box) -> tuple:
    """The plotting box: a built-in surface's own bounds, or the typed function's box
    ``(x_min, x_max, y_min, y_max)`` as ``((x_min, x_max), (y_min, y_max))``."""
    if surface == TYPED:
        x0, x1, y0, y1 = (float(v) for v in typed_box)
        return ((x0, x1), (y0, y1))
    return tuple(tuple(float(v) for v in side) for side in objectives.get(surface).bounds)


def default_start(surface: str, box) -> tuple:
    """The surface's start, moved onto the box (a typed function's box is the student's)."""
    return lesson.clamp_start(STARTS[surface], box)


def default_setting(surface: str = DEFAULT_SURFACE, typed_box=TYPED_BOX, **changes) -> Setting:
    """The page's setting at its defaults on ``surface`` (``changes`` replace single fields)."""
    box = box_of(surface, typed_box)
    values = dict(
        surface=surface,
        expression=TYPED_EXPRESSION if surface == TYPED else "",
        box=box,
        start=default_start(surface, box),
        racers=lesson.RACERS,
        steps=lesson.STEPS,
        lr=lesson.LR,
        schedule="constant",
        param=None,
    )
    return Setting(**(values | changes))


def flat(box) -> tuple:
    """``((x_min, x_max), (y_min, y_max))`` as ``(x_min, x_max, y_min, y_max)``."""
    (x0, x1), (y0, y1) = box
    return (x0, x1, y0, y1)


def box_problem(typed_box, tr) -> str | None:
    """What is wrong with the typed function's box (each low end below its high end), or None."""
    x0, x1, y0, y1 = typed_box
    bad = [axis for axis, (low, high) in (("x", (x0, x1)), ("y", (y0, y1))) if not low < high]
    return tr("race.box_error", axes=", ".join(bad)) if bad else None


def function_problem(text: str, typed_box, build, tr) -> str | None:
    """What stops the typed function (its box, or the text: what and where, translated), or
    None; ``build(text, (x_min, x_max, y_min, y_max))`` makes it (the cached
    :func:`optim_core.expression.typed_function`)."""
    problem = box_problem(typed_box, tr)
    if problem is not None:
        return problem
    try:
        build(text, tuple(float(v) for v in typed_box))
    except expression.ExpressionError as err:
        return expression_message(err, tr)
    return None


def box_text(box) -> str:
    """``x ∈ [a, b], y ∈ [c, d]`` of a box ``(x_min, x_max, y_min, y_max)``."""
    x0, x1, y0, y1 = box
    return f"x ∈ [{num(x0)}, {num(x1)}], y ∈ [{num(y0)}, {num(y1)}]"


def rates_text() -> str:
    """The tuned-rate grid, as a list of numbers."""
    return ", ".join(num(v) for v in lesson.RATES)


def slider_range(box, axis: int) -> tuple[float, float]:
    """A start slider's range: that side of the box."""
    return float(box[axis][0]), float(box[axis][1])


def clicked(event, box, start) -> tuple | None:
    """The start a click on the map asks for: the clicked node of the click grid (points
    of other traces, a path or a head, are ignored), snapped to the grid; None when the
    click chose nothing new."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or ():
        if point.get("curve_number") != CLICK_TRACE:
            continue
        try:
            snapped = lesson.snap_start((point["x"], point["y"]), box)
        except (KeyError, TypeError, ValueError):
            continue
        if snapped != tuple(start):
            return snapped
    return None


def critical_points(surface: str, box) -> tuple:
    """The known minima and saddles of a built-in surface inside the box (none for a typed
    function)."""
    if surface == TYPED:
        return ()
    (x0, x1), (y0, y1) = box
    found = objectives.get(surface).critical_points
    return tuple(c for c in found if x0 <= c.point[0] <= x1 and y0 <= c.point[1] <= y1)


def reference(surface: str, race) -> float:
    """The value the cost chart measures from: the global minimum's value where one is known,
    else the best value any racer found."""
    if surface != TYPED:
        best = objectives.get(surface).global_minimum
        if best is not None:
            return float(best.value)
    return float(race.best_value)


def gaps(board) -> int:
    """Points of the map where f has no finite value (drawn as gaps)."""
    return int(np.count_nonzero(~np.isfinite(board.grid.z)))


# -- words --------------------------------------------------------------------------------------


def pair(point, digits: int = 4) -> str:
    """``(x, y)`` for prose and tables."""
    return "(" + ", ".join(num(v, digits) for v in point) + ")"


def names_of(tr) -> dict:
    """Each racer's translated name."""
    return {name: tr(f"race.racer.{name}") for name in lesson.RACERS}


def listing(items, tr) -> str:
    """Items joined by the language's list separator."""
    return tr("race.list_sep").join(items)


def expression_message(error, tr) -> str:
    """What is wrong with a typed function, in the reader's language: what and where (an
    :class:`optim_core.expression.ExpressionError`)."""
    detail = error.detail or ""
    if error.code == "not_allowed":
        what = tr(
            f"race.not_allowed.{detail}"
            if detail in expression.NOT_ALLOWED
            else "race.not_allowed.other"
        )
        return tr("race.err.not_allowed", what=what, position=error.position)
    fields = dict(
        position=error.position,
        detail=detail,
        functions=", ".join(expression.FUNCTIONS),
        max_length=expression.MAX_LENGTH,
        max_depth=expression.MAX_DEPTH,
        max_nodes=expression.MAX_NODES,
        max_number=f"{expression.MAX_NUMBER:g}",
        max_exponent=expression.MAX_EXPONENT,
        max_box=f"{expression.MAX_BOX:g}",
    )
    code = error.code if error.code in expression.ERROR_CODES else "syntax"
    return tr(f"race.err.{code}", **fields)


def functions_list() -> str:
    """The functions a typed function may call, as code."""
    return ", ".join(f"`{name}`" for name in expression.FUNCTIONS)


def _tolerance(race, tr) -> str:
    key = "race.tol_minimum" if race.target == "minimum" else "race.tol_best"
    return tr(key, tol=num(race.tolerance), best=num(race.best_value))


def arrival_cell(r, steps: int, tr) -> str:
    if r.arrived_at is not None:
        return str(r.arrived_at)
    return tr("race.never", steps=steps)


def step_cell(step: int, tr) -> str:
    return tr("race.at_step", step=step) if step >= 0 else tr("race.no")


COLUMNS = ("racer", "lr", "final", "arrived", "diverged", "left", "near")  # race.col_<key>


def results_table(race, names, tr) -> str:
    """The race's table as Markdown: one row per racer, in the order of the ranking."""
    columns = COLUMNS if race.target == "minimum" else COLUMNS[:-1]
    rows = []
    for name in race.ranking:
        r = race.racer(name)
        cells = [
            names[name],
            num(r.lr),
            num(r.final_loss),
            arrival_cell(r, race.steps, tr),
            step_cell(r.diverged_at, tr),
            step_cell(r.left_box_at, tr),
        ]
        if race.target == "minimum":
            cells.append(pair(r.end_minimum, 3) if r.end_minimum and r.diverged_at < 0 else "—")
        rows.append("| " + " | ".join(cells) + " |")
    head = "| " + " | ".join(tr(f"race.col_{key}") for key in columns) + " |"
    return "\n".join([head, "|:---|" + "---:|" * (len(columns) - 1), *rows])


def verdict(race, names, tr) -> str:
    """Who won and why, with the run's numbers (the lesson's ranking rule)."""
    tol = _tolerance(race, tr)
    if race.winner is None:
        last = race.racer(race.ranking[0])
        return tr("race.verdict_all_diverged", name=names[last.name], step=last.diverged_at)
    w = race.racer(race.winner)
    others = [race.racer(n) for n in race.ranking[1:]]
    if race.winner_arrived:
        parts = [tr("race.verdict_arrived", name=names[w.name], tol=tol, step=w.arrived_at)]
        if race.target == "minimum" and w.end_minimum:
            parts.append(tr("race.verdict_where", point=pair(w.end_minimum, 3)))
        nxt = next((o for o in others if o.arrived_at is not None), None)
        if nxt is not None:
            parts.append(
                tr(
                    "race.verdict_next",
                    name=names[nxt.name],
                    step=nxt.arrived_at,
                    gap=nxt.arrived_at - w.arrived_at,
                )
            )
        elif others:
            parts.append(tr("race.verdict_alone", steps=race.steps))
    else:
        parts = [
            tr(
                "race.verdict_lowest",
                tol=tol,
                steps=race.steps,
                name=names[w.name],
                value=num(w.final_loss),
            )
        ]
        nxt = next((o for o in others if o.diverged_at < 0), None)
        if nxt is not None:
            parts.append(
                tr("race.verdict_lowest_next", name=names[nxt.name], value=num(nxt.final_loss))
            )
    items = listing(
        [tr("race.step_item", name=names[r.name], d=num(first_step(r), 3)) for r in race.racers],
        tr,
    )
    key = "race.why_shared" if race.lr_mode == "shared" else "race.why_tuned"
    parts.append(tr(key, lr=num(race.lr if race.lr_mode == "shared" else w.lr), items=items))
    return " ".join(parts)


def first_step(r) -> float:
    """The length of a racer's first step (NaN when the run has none)."""
    path = np.asarray(r.path, dtype=np.float64)
    return float(np.hypot(*(path[1] - path[0]))) if len(path) > 1 else float("nan")


def winner_phrase(winner, names, tr) -> str:
    """ "**X wins**", or that nobody does (every racer diverged)."""
    return tr("race.wins", name=names[winner]) if winner else tr("race.nobody_wins")


def fairness_sentence(fair, names, tr) -> str:
    """ "With one shared rate X wins, with each its own best rate Y wins" (a lesson
    ``Fairness``), and why a race with one rate mostly measures that rate."""
    rates = listing(
        [tr("race.rate_item", name=names[n], lr=num(lr)) for n, lr in fair.tuned_lrs.items()], tr
    )
    key = "race.fair_changed" if fair.changed else "race.fair_same"
    shared = winner_phrase(fair.shared_winner, names, tr)
    tuned = winner_phrase(fair.tuned_winner, names, tr)
    said = tr(key, lr=num(fair.shared_lr), shared=shared, tuned=tuned, rates=rates)
    return said + " " + tr("race.fair_why")


def tuning_table(race, names, tr) -> str:
    """How each racer's own rate was chosen: every rate of the grid on this setting (its
    arrival step, "—" when it never arrived, "↑k" when it diverged at step k), the chosen one
    in bold."""
    rows = []
    for r in race.racers:
        t = r.tuning
        cells = []
        for i, rate in enumerate(t.rates):
            del rate
            if t.diverged_at[i] >= 0:
                cell = f"↑{t.diverged_at[i]}"
            elif t.arrived_at[i] is not None:
                cell = str(t.arrived_at[i])
            else:
                cell = "—"
            cells.append(f"**{cell}**" if i == t.chosen else cell)
        rows.append("| " + " | ".join([names[r.name], *cells]) + " |")
    head = "| " + " | ".join([tr("race.col_racer"), *(num(v) for v in lesson.RATES)]) + " |"
    return "\n".join([head, "|:---|" + "---:|" * len(lesson.RATES), *rows])


def rmsprop_note(tuned, tr) -> str:
    """Why RMSprop's own rate is 0.01 (when the search says so): above it RMSprop never stays
    within the tolerance, because at a constant rate it ends hopping at about α/√2 from the
    minimum (the schedule section shows it); "" when the run shows something else."""
    if "rmsprop" not in tuned.chosen or tuned.target != "minimum":
        return ""
    t = tuned.racer("rmsprop").tuning
    picked = t.rates[t.chosen]
    above = [i for i, rate in enumerate(t.rates) if rate > picked]
    if not above or t.arrived_at[t.chosen] is None:
        return ""
    if any(t.arrived_at[i] is not None for i in above):
        return ""
    nxt = t.rates[above[0]]
    return tr(
        "race.rmsprop_note",
        lr=num(picked),
        next=num(nxt),
        hop=num(nxt / math.sqrt(2.0), 3),
        tol=num(tuned.tolerance),
    )


def settling_fields(case) -> dict:
    """The numbers of the schedule section (a lesson ``Settling``)."""
    return dict(
        lr=num(case.lr),
        gamma=num(lesson.SETTLING_CASE["schedule"].gamma),
        start=pair(case.start),
        steps=case.steps,
        tail=case.tail,
        constant=num(case.constant_jitter, 3),
        expected=num(case.expected_jitter, 3),
        decayed=num(case.decayed_jitter, 3),
        ratio=num(case.ratio, 3),
        final_rate=num(case.final_rate, 3),
        tol=num(lesson.DISTANCE_TOL),
        limit=num(math.sqrt(2.0) * lesson.DISTANCE_TOL, 3),
        dip=num(float(np.min(case.constant_distance)), 2),
        dip_step=int(np.argmin(case.constant_distance)),
    )


def case_fields(fair, names, tr) -> dict:
    """The numbers of the fairness case the "what to try" points to (a lesson ``Fairness``)."""
    case = lesson.FAIRNESS_CASE
    return dict(
        surface=tr(f"race.surf.{case['objective']}"),
        start=pair(case["start"]),
        lr=num(case["lr"]),
        shared=winner_phrase(fair.shared_winner, names, tr),
        tuned=winner_phrase(fair.tuned_winner, names, tr),
    )


def run_problem(error, s, tr) -> str:
    """Why the race could not run (a ``ValueError`` of the lesson): on a typed function
    usually no finite value at the start."""
    if s.surface == TYPED and "no finite value" in str(error):
        return tr("race.bad_start", start=pair(s.start))
    return tr("common.bad_value", detail=str(error))


def setting_line(s, race, names, tr) -> str:
    """The page's "Now: …" line: surface, start, steps, rates and schedule."""
    surface = tr(f"race.surf.{s.surface}")
    if s.surface == TYPED:
        surface = f"{surface} `{s.expression}`"
    rates = (
        tr("race.now_shared", lr=num(s.lr)) if race.lr_mode == "shared" else tr("race.now_tuned")
    )
    return tr(
        "race.now",
        surface=surface,
        start=pair(s.start),
        steps=s.steps,
        rates=rates,
        schedule=tr(f"race.sched.{s.schedule}"),
    )


def tolerance_note(race, tr) -> str:
    """What "arrived" means in this race (its target and tolerance)."""
    key = "race.arrival_minimum" if race.target == "minimum" else "race.arrival_best"
    return tr(key, tol=num(race.tolerance), best=num(race.best_value))


def loss_fields(s, race) -> dict:
    """The numbers the cost chart's axis titles carry: the value measured from."""
    return dict(v=num(reference(s.surface, race), 4))


# -- the lines under the charts ------------------------------------------------------------------


def map_look(race, names, tr) -> str:
    """Under the map: where the paths start, and who left the map or diverged (steps)."""
    gone = [
        tr("race.left_item", name=names[r.name], step=r.left_box_at)
        for r in race.racers
        if r.left_box_at >= 0
    ]
    tail = tr("race.look.map_left", items=listing(gone, tr)) if gone else tr("race.look.map_stay")
    return tr("race.look.map", start=pair(race.start)) + " " + tail


def loss_look(race, reference_value: float, names, tr) -> str:
    """Under the cost chart: the lowest gap at the end, and the rate's first and last step."""
    alive = [r for r in race.racers if r.diverged_at < 0]
    if alive:
        best = min(alive, key=lambda r: r.final_loss)
        end = tr(
            "race.look.loss",
            name=names[best.name],
            gap=gap_text(best.final_loss - reference_value, tr),
            steps=race.steps,
        )
    else:
        end = tr("race.look.loss_none")
    first = race.racers[0].alpha
    rate = tr(
        "race.look.alpha",
        first=num(float(first[0]) if len(first) else race.lr),
        last=num(float(first[-1]) if len(first) else race.lr, 3),
        steps=race.steps,
    )
    if race.lr_mode == "tuned" and len({r.lr for r in race.racers}) > 1:
        rate = tr("race.look.alpha_tuned")
    return end + " " + rate


def gap_text(gap: float, tr) -> str:
    """A cost gap for prose: below the charts' floor it is round-off, and says so."""
    if gap < FLOOR:
        return tr("race.roundoff", floor=power_of_ten(FLOOR))
    return "= " + num(gap, 3)


def progress_look(race, names, tr) -> str:
    """Under the progress chart: the tolerance, and the step each racer arrived at."""
    came = [
        tr("race.arrived_item", name=names[r.name], step=r.arrived_at)
        for r in sorted(race.racers, key=lambda r: r.arrived_at or 0)
        if r.arrived_at is not None
    ]
    key = "race.look.progress_minimum" if race.target == "minimum" else "race.look.progress_best"
    head = tr(key, tol=num(race.tolerance), best=num(race.best_value))
    if not came:
        return head + " " + tr("race.look.progress_none", steps=race.steps)
    return head + " " + tr("race.look.progress", items=listing(came, tr))


def surface_look(race, board, names, tr) -> str:
    """Under the 3-D view: the start's value and where the winner (or lowest) ended."""
    first = race.racer(race.ranking[0])
    return tr(
        "race.look.surface",
        start=num(race.start_value, 3),
        name=names[first.name],
        value=num(first.final_loss, 3),
    )


def settling_look(case, tr) -> str:
    return tr("race.look.settling", **settling_fields(case))


# -- LaTeX ------------------------------------------------------------------------------------------

RULES = {  # rows of an aligned block: each fits a phone's width
    "gd": (r"x &\leftarrow x - \alpha\, g",),
    "momentum": (r"v &\leftarrow \beta v + (1-\beta)\, g", r"x &\leftarrow x - \alpha\, v"),
    "nesterov": (
        r"g &= \nabla f(x - \alpha\beta v)",
        r"v &\leftarrow \beta v + (1-\beta)\, g",
        r"x &\leftarrow x - \alpha\, v",
    ),
    "rmsprop": (
        r"s &\leftarrow \beta s + (1-\beta)\, g^2",
        r"x &\leftarrow x - \frac{\alpha\, g}{\sqrt{s}+\varepsilon}",
    ),
    "adagrad": (
        r"s &\leftarrow s + g^2",
        r"x &\leftarrow x - \frac{\alpha\, g}{\sqrt{s}+\varepsilon}",
    ),
    "adam": (
        r"v &\leftarrow \beta_1 v + (1-\beta_1)\, g,\quad \hat v = v/(1-\beta_1^{\,t})",
        r"s &\leftarrow \beta_2 s + (1-\beta_2)\, g^2,\quad \hat s = s/(1-\beta_2^{\,t})",
        r"x &\leftarrow x - \frac{\alpha\, \hat v}{\sqrt{\hat s}+\varepsilon}",
    ),
}


def power_of_ten(x: float) -> str:
    """``1e-08`` as ``10⁻⁸`` (other numbers as :func:`ui.numbers.text` prints them)."""
    exponent = math.log10(x) if x > 0 else math.nan
    if not math.isfinite(exponent) or exponent != round(exponent):
        return num(x)
    return "10" + str(int(round(exponent))).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def rules_fields() -> dict:
    """The racers' fixed hyperparameters, for the line above their rules."""
    return dict(beta=num(lesson.BETA), beta2=num(lesson.BETA2), eps=power_of_ten(lesson.EPS))


def words(prefix: str, keys, tr, **fields) -> dict:
    """The translated words a figure takes: ``{key: tr(f"{prefix}.{key}")}``."""
    return {key: tr(f"{prefix}.{key}", **fields) for key in keys}


def rules_markdown(tr) -> str:
    """The six racers: one sentence and the update rule each, under the fixed β's and ε."""
    parts = [tr("race.rules_text", **rules_fields())]
    parts += [tr(f"race.rule.{name}") + "\n$$\n" + rule(name) + "\n$$" for name in lesson.RACERS]
    return "\n\n".join(parts)


def rule(name: str) -> str:
    """A racer's update rule, as the lesson runs it (an ``aligned`` block)."""
    return r"\begin{aligned}" + r"\\".join(RULES[name]) + r"\end{aligned}"


def schedule_formula(name: str, param, lr: float, steps: int) -> str:
    """The chosen schedule's α(t) with the shared rate and its parameter filled in, and the
    rate of the last step."""
    sched = schedule_of(name, param)
    last = lr * float(sched.factors(steps)[-1]) if steps else lr
    a = latex(lr)
    if name == "inverse_time":
        body = rf"\alpha_t = \frac{{{a}}}{{1 + {latex(param)}\, t}}"
    elif name == "exponential":
        body = rf"\alpha_t = {a}\cdot {latex(param)}^{{\,t}}"
    elif name == "step_decay":
        body = rf"\alpha_t = {a}\cdot {latex(STEP_DROP)}^{{\lfloor t/{int(param)} \rfloor}}"
    else:
        body = rf"\alpha_t = {a}"
    return body + rf",\qquad \alpha_{{{steps - 1}}} = {latex(last, 3)}"
