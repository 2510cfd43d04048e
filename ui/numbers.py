"""Numbers as the pages print them: in text, and inside ``st.latex`` formulas (pure, no Streamlit).

Both keep ``digits`` significant figures; a value that is not finite (a diverged run)
prints as a dash in text and as ∞ / −∞ / a dash in a formula, never as "nan".
"""

from __future__ import annotations

import math


def text(x: float, digits: int = 4) -> str:
    """``x`` for prose and metrics: ``1.234``, ``1.2e-05``; "—" when not finite."""
    x = float(x)
    return f"{x:.{digits}g}" if math.isfinite(x) else "—"


def latex(x: float, digits: int = 4) -> str:
    r"""``x`` for KaTeX: e-notation becomes ``a \times 10^{b}``."""
    x = float(x)
    if math.isnan(x):
        return r"\text{—}"
    if math.isinf(x):
        return r"\infty" if x > 0 else r"-\infty"
    mantissa, _, exponent = f"{x:.{digits}g}".partition("e")
    return mantissa + (rf"\times 10^{{{int(exponent)}}}" if exponent else "")


def percent(share: float) -> str:
    """A share (0.683) as a whole percent for prose ("68%"); "—" when not finite."""
    share = float(share)
    return f"{100 * share:.0f}%" if math.isfinite(share) else "—"
