r"""LaTeX (and the table of minima) of the local-optima page, with the lesson's numbers (pure).

Each function takes the ``NamedTuple`` of one section of
:mod:`optim_core.lessons.local_optima` and returns a string for ``st.latex``.
"""

from __future__ import annotations

import numpy as np


def number(v: float, digits: int = 2) -> str:
    """``v`` for LaTeX: fixed-point when moderate, ``a \\times 10^{b}`` when tiny or huge."""
    if v == 0 or 1e-3 <= abs(v) < 1e4:
        return f"{v:.{digits + 2}f}"
    mantissa, exponent = f"{v:.{digits - 1}e}".split("e")
    return rf"{mantissa}\times 10^{{{int(exponent)}}}"


def last_step(run, lr: float) -> str:
    """The last update of plain gradient descent, with its points and gradient (three rows:
    it fits a phone's width)."""
    k = run.k
    (ax, ay), (bx, by) = run.last, run.final
    gx, gy = (number(g) for g in run.last_grad)
    return (
        rf"\begin{{aligned}}x_{{{k}}} &= x_{{{k - 1}}} - \alpha\,\nabla f(x_{{{k - 1}}})\\"
        rf"\begin{{pmatrix}}{bx:.4f}\\{by:.4f}\end{{pmatrix}} &= "
        rf"\begin{{pmatrix}}{ax:.4f}\\{ay:.4f}\end{{pmatrix}}\\ &\quad - {lr:g}"
        rf"\begin{{pmatrix}}{gx}\\{gy}\end{{pmatrix}}\end{{aligned}}"
    )


def noisy_step(start) -> str:
    """The noisy update rule and the size α·σ of its kicks."""
    return (
        rf"\begin{{aligned}}x_{{k+1}} &= x_k - \alpha\,\big(\nabla f(x_k) + \sigma\,\xi_k\big)\\"
        rf"\xi_k &\sim \mathcal N(0, I)\\ \alpha\,\sigma &= {start.lr:g}\cdot{start.noise:g}"
        rf" = {start.kick:.3f}\end{{aligned}}"
    )


def both_steps(start) -> str:
    """Plain descent's last update (unless it diverged) above the noisy rule: one formula."""
    rows = [noisy_step(start)]
    if start.plain.outcome != "diverged":
        rows.insert(0, last_step(start.plain, start.lr))
    return r"\begin{gathered}" + r"\\[0.8em]".join(rows) + r"\end{gathered}"


def global_share(basins) -> str:
    """p★ = N★ / N of plain gradient descent."""
    return (
        rf"p_\star = \frac{{N_\star}}{{N}} = \frac{{{basins.n_global}}}{{{basins.total}}}"
        rf" = {basins.global_percent[0]:.1f}\%"
    )


def escape(saddle) -> str:
    """The predicted crawl past the saddle, or why a run exactly on the ridge never leaves."""
    if not saddle.escapes:
        return (
            r"\begin{aligned}\delta = 0:\quad \nabla f(x, 0) &= (2x,\ 0)\\"
            r"\Rightarrow\ y_k &= 0\quad (k = 0, 1, 2, \dots)\end{aligned}"
        )
    return (  # two rows: it fits a phone's width
        rf"\begin{{aligned}}k &\approx \frac{{\ln(r/\delta)}}{{\ln(1 + \alpha\,|\lambda_{{\min}}|)}}"
        rf"\\ &= \frac{{\ln({saddle.radius:g}/{saddle.offset:g})}}"
        rf"{{\ln(1 + {saddle.lr:g}\cdot{saddle.abs_curvature:.3f})}}"
        rf" = {saddle.predicted:.1f}\end{{aligned}}"
    )


def minima_table(header, rows) -> str:
    """A Markdown table (one message, far cheaper to send than ``st.dataframe``) of the
    minima: ``header`` names the columns, each row holds a name, a kind and numbers."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in rows:
        cells = [c if isinstance(c, str) else f"{c:.4f}" for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# -- the numbers of the lines under the charts ("what to look at") -------------------------------


def surface_fields(land) -> dict:
    """The global minimum's cost, the highest local minimum's, the number of local minima and
    the height cap of the 3-D view (a lesson ``Landscape``)."""
    values = [m.value for m in land.minima]
    return dict(
        n_local=land.n_local,
        cap=f"{land.cap:.2f}",
        low=f"{values[0]:.2f}",
        high=f"{max(values):.2f}",
    )


def costs_key_fields(one) -> tuple[str, dict]:
    """The key and numbers of the line under the cost chart (a lesson ``Start``): from which
    step plain descent's cost is flat, and at what cost; or that it is still moving."""
    floor = f"{one.floor:.3f}"
    plain = one.plain
    if plain.outcome in ("global", "local") and 0 <= plain.flat_from < plain.k:
        return "look.costs", dict(flat=plain.flat_from, cost=f"{plain.final_loss:.3f}", floor=floor)
    return "look.costs_moving", dict(steps=plain.k, floor=floor)


def moved_percent(basins) -> str:
    """Percent of the starts whose minimum differs between the plain and the noisy map."""
    plain, noisy = basins.maps[0].labels, basins.maps[1].labels
    return f"{100.0 * float(np.mean(plain != noisy)):.1f}"


def bar_items(basins, panel_names) -> str:
    """Each method's share of the global minimum, "name 11.1%", joined by commas (no words to
    translate: a name and a number)."""
    return ", ".join(
        f"{name} {share:.1f}%"
        for name, share in zip(panel_names, basins.global_percent, strict=True)
    )


def norms_fields(saddle) -> dict:
    """The crawl band's end and plain descent's smallest gradient inside it (over the whole run
    when no band is drawn: δ = 0), with its step (a lesson ``Saddle``)."""
    norms = np.asarray(saddle.plain.grad_norm, dtype=np.float64)
    end = len(norms) - 1
    if saddle.escapes and saddle.crawl is not None:
        end = min(end, int(np.floor(saddle.crawl[1])))
    finite = np.where(np.isfinite(norms[: end + 1]), norms[: end + 1], np.inf)
    at = int(np.argmin(finite))
    return dict(band=f"{saddle.predicted:.0f}", low=number_text(float(finite[at])), at=at)


def number_text(v: float) -> str:
    """``v`` for prose: 3 significant digits, in powers of ten when tiny (like 2.4·10⁻⁹)."""
    if v == 0 or 1e-3 <= abs(v) < 1e4:
        return f"{v:.3g}"
    mantissa, exponent = f"{v:.2e}".split("e")
    return f"{mantissa}·10{str(int(exponent)).translate(_SUPERSCRIPT)}"


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
