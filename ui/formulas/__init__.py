r"""LaTeX with the run's live numbers: one module per concept, pure (no Streamlit).

Each function returns a string for ``st.latex``; numbers come in already computed
by the lesson and are formatted with :mod:`ui.numbers`. The pieces shared by the
concepts live here.
"""

from __future__ import annotations

from ui.numbers import latex as tex


def vec(*values, digits: int = 4) -> str:
    r"""A column vector ``\begin{pmatrix}a\\b\end{pmatrix}`` of numbers."""
    body = r"\\".join(tex(v, digits) for v in values)
    return rf"\begin{{pmatrix}}{body}\end{{pmatrix}}"


def colored(body: str, color: str) -> str:
    r"""``body`` drawn in ``color`` (``\color{#RRGGBB}{...}``), matching a chart's trace."""
    return rf"{{\color{{{color}}}{{{body}}}}}"
