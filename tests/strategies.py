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
