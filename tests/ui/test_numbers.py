"""Number formatting shared by the pages."""

import math

from ui import numbers


def test_text_keeps_significant_digits_and_dashes_non_finite():
    assert numbers.text(3.14159265) == "3.142"
    assert numbers.text(1.23456e-5, 2) == "1.2e-05"
    assert numbers.text(math.nan) == "—" and numbers.text(math.inf) == "—"


def test_latex_writes_powers_of_ten():
    assert numbers.latex(0.5) == "0.5"
    assert numbers.latex(-7.4312e4) == r"-7.431\times 10^{4}"
    assert numbers.latex(2.5e-7, 2) == r"2.5\times 10^{-7}"
    assert numbers.latex(math.inf) == r"\infty" and numbers.latex(-math.inf) == r"-\infty"
    assert numbers.latex(math.nan) == r"\text{—}"
