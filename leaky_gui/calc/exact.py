"""Exact numbers as scaled integers (no Qt): the arithmetic under every exact result.

A decimal with ``d`` places is an integer over ``10**d`` (``ExactNumber``); products of
such numbers are integers over a power of ten again, and Python's ``int / int`` is
correctly rounded, so ``nearest_double`` gives the double nearest any exact decimal result.
``rounding_note`` says how far a value stored in some precision is from the exact one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext

from leaky_gui.calc.precision import ulp_in
from leaky_gui.calc.text import decimal_label, format_number
from leaky_gui.calc.text import nearest_double as engine_nearest

__all__ = ["ExactNumber", "exact_decimal", "exact_leaky", "leaky_exact", "nearest_double", "rounding_note"]


@dataclass(frozen=True)
class ExactNumber:
    """``numerator / 10**scale`` with scale >= 0 and no needless trailing zeros."""

    numerator: int
    scale: int

    @classmethod
    def of(cls, value: Decimal) -> ExactNumber:
        sign, digits, exponent = value.as_tuple()
        if not isinstance(exponent, int):  # 'n', 'N' or 'F': NaN or infinity
            raise ValueError(f"{value} is not a finite number")
        numerator = int("".join(map(str, digits)) or "0")
        if sign:
            numerator = -numerator
        if exponent >= 0:
            return cls(numerator * 10**exponent, 0)
        scale = -exponent
        while scale and numerator % 10 == 0:
            numerator //= 10
            scale -= 1
        return cls(numerator, scale)

    def to_float(self) -> float:
        """The double nearest the exact value (raises OverflowError beyond the doubles)."""
        return nearest_double(self.numerator, self.scale)


def nearest_double(numerator: int, scale: int) -> float:
    """The double nearest ``numerator / 10**scale`` (the text engine's integers decide it);
    OverflowError where that is infinite. Never -0.0."""
    value = engine_nearest(abs(numerator), -scale)
    if value == math.inf:
        raise OverflowError("beyond the largest double")
    return -value if numerator < 0 and value else value


def leaky_exact(x: ExactNumber, alpha: ExactNumber) -> float:
    """f(x) for exact x and alpha: the double nearest the exact result."""
    if x.numerator > 0:
        return x.to_float()
    return nearest_double(alpha.numerator * x.numerator, alpha.scale + x.scale)


def exact_leaky(x: Decimal, alpha: Decimal) -> Decimal:
    """f(x) as an exact decimal, no rounding at all."""
    if x > 0:
        return x
    ex, ea = ExactNumber.of(x), ExactNumber.of(alpha)
    return exact_decimal(ex.numerator * ea.numerator, ex.scale + ea.scale)


def exact_decimal(numerator: int, scale: int) -> Decimal:
    """``numerator / 10**scale`` as a Decimal, every digit kept."""
    digits = tuple(int(d) for d in str(abs(numerator)))
    return Decimal((int(numerator < 0), digits, -scale))


def rounding_note(value: float, exact: Decimal, precision: str) -> str:
    """How a stored value differs from the exact decimal result, absolutely and in ulps of ``precision``.

    '-0.0369873046875 exactly: +1.2695e-05 from the exact -0.037 (+0.416 ulp of float16)'.
    """
    if not math.isfinite(value):
        return f"{format_number(value)}: beyond the largest {precision}; the exact value is {decimal_label(exact)}"
    stored = Decimal(value)  # every binary value is a finite decimal
    with localcontext() as context:
        context.prec = 2000
        difference = stored - exact
        ulps = difference / Decimal(ulp_in(value, precision))
    if not difference:
        return f"{stored.normalize():f} exactly: the exact value"
    return (
        f"{stored:f} exactly: {float(difference):+.5g} from the exact {decimal_label(exact)} "
        f"({float(ulps):+.3g} ulp of {precision})"
    )
