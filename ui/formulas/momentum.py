r"""LaTeX of the momentum page, with the run's live numbers (pure, no Streamlit).

Numbers come computed by :mod:`optim_core.lessons.momentum`; here they are only written out,
in formulas and, at the end, in the catalog's sentences that pick their words from a result.
"""

from __future__ import annotations

from optim_core.lessons.momentum import MAX_STEPS, Cancellation, Directions, Race, Rule, Sweep
from ui import text
from ui.formulas import vec
from ui.numbers import latex as tex
from ui.numbers import text as num


def display(formula: str) -> str:
    """A display formula inside Markdown (``$$…$$``: what ``st.latex`` sends), so a formula and
    the prose around it go out as one element (:func:`shown`), not one message per piece."""
    return f"$$\n{formula}\n$$"


def shown(*parts: str) -> str:
    """Paragraphs (text and :func:`display` formulas) as one Markdown body."""
    return "\n\n".join(parts)


RULE = (  # one row per line of the rule: on two rows it ran past a phone's width
    r"\begin{gathered}g_k = \nabla C(x_{k-1})\\ v_k = \beta\,v_{k-1} + (1-\beta)\,g_k,"
    r"\quad v_0 = 0\\ x_k = x_{k-1} - \alpha\,v_k\end{gathered}"
)


def _two_rows(first: str, result: str) -> str:
    """``first`` and then ``= result`` on a second row: a step written out in one row ran
    past a phone's width."""
    return rf"\begin{{aligned}}{first}\\ &= {result}\end{{aligned}}"


def gradient(rule: Rule) -> str:
    """``g_k = (w_{k-1}, κ b_{k-1})`` with the numbers of step k."""
    j, x = rule.shown, rule.x_prev
    return _two_rows(
        rf"g_{{{j}}} &= \begin{{pmatrix}}w_{{{j - 1}}}\\ \kappa\, b_{{{j - 1}}}\end{{pmatrix}}"
        rf"= \begin{{pmatrix}}{tex(x[0])}\\ {tex(rule.kappa, 3)}\cdot({tex(x[1])})"
        r"\end{pmatrix}",
        vec(*rule.g),
    )


def velocity(rule: Rule) -> str:
    """``v_k = β v_{k-1} + (1-β) g_k`` with the numbers of step k."""
    return _two_rows(
        rf"v_{{{rule.shown}}} &= {tex(rule.beta, 3)}\,{vec(*rule.v_prev)} + "
        rf"{tex(rule.rest, 3)}\,{vec(*rule.g)}",
        vec(*rule.v),
    )


def position(rule: Rule) -> str:
    """``x_k = x_{k-1} - α v_k`` with the numbers of step k."""
    return _two_rows(
        rf"x_{{{rule.shown}}} &= {vec(*rule.x_prev)} - {tex(rule.lr, 3)}\,{vec(*rule.v)}",
        vec(*rule.x_new),
    )


def valley(kappa: float) -> str:
    """The cost of the valley and its gradient (two rows)."""
    return (
        rf"\begin{{gathered}}C(w, b) = \tfrac12\left(w^2 + \kappa\, b^2\right),\quad "
        rf"\kappa = {tex(kappa, 3)}\\ \nabla C = (w,\ \kappa b)\end{{gathered}}"
    )


def valley_hessian(d: Directions) -> str:
    """The valley's Hessian and its eigenvalues."""
    v = d.valley
    return (
        r"H = \begin{pmatrix}1 & 0\\ 0 & \kappa\end{pmatrix},\qquad "
        rf"\lambda_{{\max}} = {tex(v.lam_max, 4)},\quad \lambda_{{\min}} = {tex(v.lam_min, 4)}"
    )


def tips_hessian(d: Directions) -> str:
    """The tips cost's Hessian ``1/m Σ [[x², x], [x, 1]]`` with its numbers and eigenvalues
    (three rows: on one it ran past a phone's width)."""
    h = d.tips.hessian
    return (
        r"\begin{aligned}H &= \frac{1}{m}\sum_{i=1}^{m}"
        r"\begin{pmatrix}x_i^2 & x_i\\ x_i & 1\end{pmatrix}\\"
        rf"&= \begin{{pmatrix}}{tex(h[0, 0])} & {tex(h[0, 1])}\\ {tex(h[1, 0])} & {tex(h[1, 1])}"
        r"\end{pmatrix}\\"
        rf"\lambda_{{\max}} &= {tex(d.tips.lam_max, 4)},\quad "
        rf"\lambda_{{\min}} = {tex(d.tips.lam_min, 4)}\end{{aligned}}"
    )


def limits(race: Race, lr: float, names) -> str:
    """The two stability limits of the step size next to the chosen α; ``names`` are the
    translated words of the three rows (plain descent, momentum, the chosen α)."""
    gd, mom, chosen = (rf"\text{{{name}}}" for name in names)
    return (  # one row each: side by side they ran past a 1280-px projector's width
        rf"\begin{{aligned}}{gd}:&\quad \alpha < \frac{{2}}{{\kappa}} = {tex(race.gd_limit, 3)}\\"
        rf"{mom}:&\quad \alpha < \frac{{2(1+\beta)}}{{(1-\beta)\,\kappa}} = "
        rf"{tex(race.m_limit, 3)}\\ {chosen}:&\quad \alpha = {tex(lr, 3)}\end{{aligned}}"
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


# -- sentences: the catalog's words (in ``lang``) chosen by a result ---------------------------


def reach(steps_needed: int, diverged: int, lang: str) -> str:
    """How a run to the target ended: its steps, "not within …" or "diverged at …"."""
    if diverged > 0:
        return text.get("momentum.reach_diverged", lang, step=diverged)
    if steps_needed < 0:
        return text.get("momentum.reach_never", lang, max=f"{MAX_STEPS:,}")
    return text.get("momentum.reach_value", lang, steps=f"{steps_needed:,}")


def cancel_sentences(c: Cancellation, lang: str) -> tuple[str, str]:
    """What the average did along b (steep) and along w (flat), from a measured run."""
    if c.beta_zero:
        steep = text.get("momentum.cancel_beta_zero", lang)
    elif c.calm:
        fields = dict(ak=num(c.ak, 3), flips=c.flips, n=c.first, inv=num(c.inv_kappa, 3))
        steep = text.get("momentum.explain_b_calm", lang, **fields)
    else:
        ratio = num(c.ratio, 2) if c.v_b > 0 else text.get("momentum.infinite", lang)
        fields = dict(n=c.first, ratio=ratio, flips=c.flips, v_flips=c.v_flips)
        steep = text.get("momentum.explain_b", lang, **fields)
    fields = dict(n=c.first, window=num(c.window, 3), same=c.same)
    return steep, text.get("momentum.explain_w", lang, **fields)


def sweep_sentences(s: Sweep, lr: float, kappa: float, lang: str) -> tuple[str, str | None]:
    """What to look at under the sweep's bars, and the fastest β (None: no β got there)."""
    settings = dict(lr=num(lr, 3), kappa=num(kappa, 3))
    look = text.get(
        "momentum.look.sweep",
        lang,
        beta=num(s.chosen, 3),
        plain=reach(s.zero_steps, s.zero_diverged, lang),
        chosen=reach(s.chosen_steps, s.chosen_diverged, lang),
        **settings,
    )
    if s.best_beta is None:
        return look, None
    plain = (
        text.get("momentum.sweep_plain_steps", lang, steps=s.plain_steps)
        if s.plain_steps is not None
        else text.get("momentum.sweep_plain_never", lang)
    )
    best = dict(best=num(s.best_beta, 3), steps=s.best_steps, plain=plain)
    return look, text.get("momentum.sweep_best", lang, **settings, **best)


def direction_sentences(d: Directions, rate: float, steps: int, lang: str) -> dict[str, str]:
    """What to look at under the two maps ("valley", "tips") and the answer ("answer")."""
    said = {}
    for which in ("valley", "tips"):
        v = getattr(d, which)
        said[which] = text.get(
            f"momentum.look.dir_{which}",
            lang,
            lr=num(v.lr, 3),
            rate=num(rate),
            n=steps,
            zig_w=num(v.zigzag_w, 3),
            zig_b=num(v.zigzag_b, 3),
        )
    said["answer"] = text.get(
        "momentum.dir_answer",
        lang,
        angle=num(d.tips.angle, 3),
        condition=num(d.tips.condition, 4),
        off_b=num(d.hundreds_off_b, 3),
        mean_x2=num(d.mean_x2, 4),
        mean_x=num(d.mean_x, 4),
    )
    return said
