r"""LaTeX of the weighted-averages page, with the run's live numbers (pure, no Streamlit).

Each β keeps its chart colour in the formulas. Numbers come computed by
:mod:`optim_core.lessons.ewa`; here they are only written out.

Every element a page sends costs the server a message (issue 9), so a section's heading,
its explanation and its formulas go as one Markdown text: :func:`paragraphs` joins them,
:func:`heading` and :func:`display` write a heading and a display formula the way
``st.header`` and ``st.latex`` would (``st.latex`` sends the same ``$$ … $$`` Markdown).
"""

from __future__ import annotations

from collections.abc import Sequence

from optim_core.lessons.ewa import Bias, NoisyGradients, Running, Weights
from ui import text
from ui.formulas import colored
from ui.numbers import latex as tex
from ui.numbers import text as num

# Every formula here is split into rows that fit a phone (390 px) and half a projector's width.
RECURSION = (
    r"\begin{gathered}V_t = \beta\,V_{t-1} + (1-\beta)\,\theta_t\\"
    r" V_0 = 0, \quad 0 \le \beta < 1\end{gathered}"
)

LIMIT = (
    r"\begin{gathered}\beta = 1 - \tfrac{1}{n} \;\Rightarrow\; \beta^{n} = "
    r"\left(1 - \tfrac{1}{n}\right)^{n}\\[4pt]"
    r"\left(1 - \tfrac{1}{n}\right)^{n} \xrightarrow[n \to \infty]{} \frac{1}{e} \qquad"
    r"\left(1 + \tfrac{1}{n}\right)^{n} \xrightarrow[n \to \infty]{} e\end{gathered}"
)

BIAS = (
    r"\begin{aligned}\hat V_t &= \frac{V_t}{1-\beta^t}"
    r" = \frac{(1-\beta)\sum_{k=0}^{t-1}\beta^k\,\theta_{t-k}}{(1-\beta)\sum_{k=0}^{t-1}\beta^k}"
    r"\\ &= \frac{\sum_{k=0}^{t-1}\beta^k\,\theta_{t-k}}{\sum_{k=0}^{t-1}\beta^k}\end{aligned}"
)


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


def decay_table(weights: Weights, headers: Sequence[str]) -> str:
    """The table of ``(1-1/n)^n`` as Markdown: n, β = 1 − 1/n, the value and its gap to 1/e,
    with fixed decimals, under the four translated ``headers`` (numbers aligned right)."""
    columns = (weights.table_n, weights.table_beta, weights.table_value, weights.table_gap)
    rows = [
        f"| {int(k)} | {b:.4f} | {v:.6f} | {g:.6f} |" for k, b, v, g in zip(*columns, strict=True)
    ]
    head = "| " + " | ".join(headers) + " |"
    return "\n".join([head, "|" + "---:|" * len(headers), *rows])


def _factor(x: float) -> str:
    """A number used as a factor: negatives in brackets."""
    shown = tex(x)
    return f"({shown})" if x < 0 else shown


def _aligned(body: str, color: str) -> str:
    """``body`` in ``color``; an alignment ``&`` is kept outside the coloured groups."""
    parts = [part.strip() for part in body.split("&")]
    parts = ["{}" + part if part.startswith("=") else part for part in parts]  # relation spacing
    return " & ".join(colored(part, color) for part in parts)


def last_step(run: Running, colors: Sequence[str]) -> str:
    """The last step of each average with its numbers; with bias correction on, the
    division by ``1 - β^t`` is written out on the next line."""
    t = run.n
    lines = []
    for i, beta in enumerate(run.betas):
        lines.append(
            _aligned(
                rf"V_{{{t}}} &= {tex(beta)} \times {_factor(run.v_prev[i])} + {tex(run.rests[i])} "
                rf"\times {_factor(run.last_value)}",
                colors[i],
            )
        )
        lines.append(_aligned(rf"&= {tex(run.v_last[i])}", colors[i]))  # a row of its own
        if run.bias_correction:
            lines.append(
                _aligned(
                    rf"\hat V_{{{t}}} &= \frac{{{tex(run.v_last[i])}}}{{1 - {tex(beta)}^{{{t}}}}}"
                    rf" = {tex(run.corrected_last[i])}",
                    colors[i],
                )
            )
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


def unrolled(weights: Weights, color: str, terms: int = 3) -> str:
    """``V_t`` as a weighted sum, with the first weights ``(1-β)β^k`` as numbers (two lines)."""
    parts = []
    for k, w in enumerate(weights.weights[:terms]):
        theta = r"\theta_t" if k == 0 else rf"\theta_{{t-{k}}}"
        parts.append(rf"{tex(w, 3)}\,{theta}")
    numbers = colored(" + ".join(parts) + r" + \cdots", color)
    return (
        r"\begin{aligned} V_t &= (1-\beta)\sum_{k=0}^{t-1} \beta^k\,\theta_{t-k}"
        r"\\ &= (1-\beta)\,\theta_t + (1-\beta)\beta\,\theta_{t-1}"
        r"\\ &\quad + (1-\beta)\beta^2\,\theta_{t-2} + \cdots \\ &= " + numbers + r"\end{aligned}"
    )


def window(weights: Weights, color: str) -> str:
    """``β^{1/(1-β)}`` with the chosen β next to ``1/e``, and the gap between them (all to
    four decimals)."""
    n = weights.window
    n_shown = f"{n:.0f}" if abs(n - round(n)) < 1e-9 else f"{n:.4g}"
    live = colored(rf"{tex(weights.beta)}^{{{n_shown}}} = {weights.ratio:.4f}", color)
    gap = colored(f"{weights.gap:.4f}", color)
    return (
        rf"\begin{{gathered}}\beta^{{1/(1-\beta)}} = {live} \\[4pt] "
        rf"\frac{{1}}{{e}} = {weights.inv_e:.4f} \\[4pt] "
        rf"\beta^{{1/(1-\beta)}} - \frac{{1}}{{e}} = {gap}\end{{gathered}}"
    )


def first_steps(bias: Bias, color: str) -> str:
    r"""``\hat V_1, \hat V_2, \hat V_3`` of the focus β as weighted means of the first values."""
    theta = bias.theta
    lines = []
    for t, powers in enumerate(bias.powers, start=1):
        top = " + ".join(
            _factor(theta[s]) if s == t - 1 else rf"{tex(powers[s])} \cdot {_factor(theta[s])}"
            for s in range(t)
        )
        bottom = " + ".join("1" if s == t - 1 else tex(powers[s]) for s in range(t))
        lines.append(_aligned(rf"\hat V_{{{t}}} &= \frac{{{top}}}{{{bottom}}}", color))
        lines.append(_aligned(rf"&= {tex(bias.corrected_first[t - 1])}", color))  # own row
    return r"\begin{aligned}" + r" \\[4pt] ".join(lines) + r"\end{aligned}"


# -- what to look at under each chart: the catalog's words (in ``lang``) with the run's numbers --


def look_overlay(run: Running, lang: str) -> str:
    """Under the overlay: where each average ends, next to the last value."""
    ends = run.corrected_last if run.bias_correction else run.v_last
    values = ", ".join(
        text.get("ewa.look.overlay_item", lang, value=num(v), beta=num(b, 3))
        for b, v in zip(run.betas, ends, strict=True)
    )
    return text.get("ewa.look.overlay", lang, last=num(run.last_value), values=values)


def look_weights(w: Weights, lang: str) -> str:
    """Under the weight bars: the newest weight and the one a window back (and, when the bars
    stop short of the total, what share they hold)."""
    if w.beta == 0:
        look = text.get("ewa.look.weights_zero", lang)
    else:
        fields = dict(beta=num(w.beta, 3), newest=num(w.newest, 3), k=w.k_window)
        look = text.get("ewa.look.weights", lang, at_k=num(w.at_window, 3), **fields)
    if w.cut:
        cut = text.get("ewa.weights_cut", lang, count=w.count, share=f"{w.share:.1%}")
        return lines(look, cut)
    return look


def look_decay(w: Weights, lang: str) -> str:
    """Under the curve (1 − 1/n)ⁿ: where the chosen β sits on it."""
    if w.n_beta is None:
        return text.get("ewa.look.decay_zero", lang)
    return text.get("ewa.look.decay", lang, n=num(w.n_beta), value=f"{w.value_beta:.4f}")


def look_closeup(bias: Bias, lang: str) -> str:
    """Under the close-up: both lines at t = 1 for the largest β."""
    return text.get(
        "ewa.look.closeup",
        lang,
        theta=num(bias.theta[0]),
        plain=num(bias.plain_first),
        beta=num(bias.focus_beta, 3),
    )


def look_factor(bias: Bias, betas, n: int, lang: str) -> str:
    """Under the correction factors: what to look at, then each β's factor at t = 1 and when
    it falls below 1.01 (or its value at the end, when it never does)."""
    said = [text.get("ewa.look.factor", lang)]
    for b, f, e, at in zip(
        betas, bias.factor_first, bias.factor_last, bias.settled_at, strict=True
    ):
        fields = dict(beta=num(b, 3), first=num(f), last=num(e), n=n, t01=at)
        said.append(text.get(f"ewa.factor_{'caption' if at > 0 else 'never'}", lang, **fields))
    return lines(*said)


def look_gradients(noisy: NoisyGradients, names, lang: str) -> str:
    """Under the gradient stream: what to look at, then the spread of each line at the end."""
    items = "; ".join(
        text.get("ewa.grad_spread_item", lang, beta=b, spread=num(s, 3))
        for b, s in zip(names, noisy.spread, strict=True)
    )
    spread = text.get(
        "ewa.grad_spread", lang, n=noisy.tail, raw=num(noisy.spread_raw, 3), items=items
    )
    return lines(text.get("ewa.look.gradients", lang, full=num(noisy.full, 3)), spread)
