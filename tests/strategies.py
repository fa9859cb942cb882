"""Hypothesis strategies the test files share."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st


def decimals(digits: int, low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Decimals of up to ``digits`` significant digits times 10**e, e from ``low`` to ``high``."""
    return st.builds(
        lambda numerator, exponent: Decimal(numerator).scaleb(exponent),
        st.integers(-(10**digits), 10**digits),
        st.integers(low, high),
    )


@st.composite
def decimal_texts(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(["", "", "-", "+"]))
    digits = draw(st.text("0123456789", min_size=1, max_size=40))
    zeros = "0" * draw(st.integers(0, 3))
    digits = zeros + digits
    point = draw(st.integers(-1, len(digits)))  # -1: no point; 0: '.5'; len: '5.'
    mantissa = digits if point < 0 else digits[:point] + "." + digits[point:]
    if mantissa == ".":
        mantissa = "0."
    # the exponent puts the first digit anywhere from below 2**-1075 to beyond 2**1024
    magnitude = draw(st.integers(-345, 330))
    marker = draw(st.sampled_from(["e", "E", "e+", "e-"]))
    exponent = magnitude - (point if point >= 0 else len(digits))
    if draw(st.booleans()) and -6 < exponent < 6 and marker != "e-":
        return sign + mantissa  # no exponent at all
    if marker == "e-":
        exponent_text = f"e-{-exponent}" if exponent < 0 else f"e{exponent}"
    elif marker == "e+":
        exponent_text = f"e+{exponent}" if exponent >= 0 else f"e{exponent}"
    else:
        exponent_text = f"{marker}{exponent}"
    return sign + mantissa + exponent_text
