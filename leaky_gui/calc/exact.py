"""Exact numbers as scaled integers (no Qt): the arithmetic under every exact result.

A decimal with ``d`` places is an integer over ``10**d`` (``ExactNumber``); products of
such numbers are integers over a power of ten again, and Python's ``int / int`` is
correctly rounded, so ``nearest_double`` gives the double nearest any exact decimal result.
``rounding_note`` says how far a value stored in some precision is from the exact one.
``RowNumbers`` holds a column's exact numbers beyond int64, by row.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext

import numpy as np

from leaky_gui.calc.precision import ulp_in
from leaky_gui.calc.text import decimal_label, format_number
from leaky_gui.calc.text import nearest_double as engine_nearest
from leaky_gui.calc.text.nearest import mul64, nearest_doubles

_PIECE_ROWS = 1 << 13  # rows leaky_of_decimals works on at a time

__all__ = [
    "ExactNumber",
    "RowNumbers",
    "exact_decimal",
    "exact_leaky",
    "leaky_exact",
    "nearest_double",
    "rounding_note",
]


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


class RowNumbers(Mapping[int, ExactNumber]):
    """Exact numbers of some rows of a column, by row, never changed once made.

    Those whose numerator has at most 64 bits (numpy's ``%.18e`` writes 2% of its values
    just beyond int64) are kept as arrays, sorted by row, and made an ``ExactNumber`` only
    when asked for; any other is kept as one (``others``).
    """

    def __init__(
        self,
        others: dict[int, ExactNumber] | None = None,
        rows: np.ndarray | None = None,
        magnitudes: np.ndarray | None = None,
        scales: np.ndarray | None = None,
        negative: np.ndarray | None = None,
    ) -> None:
        self.others = {} if others is None else others
        self.rows = np.zeros(0, dtype=np.int64) if rows is None else rows  # sorted
        self.magnitudes = np.zeros(0, dtype=np.uint64) if magnitudes is None else magnitudes
        self.scales = np.zeros(0, dtype=np.int64) if scales is None else scales
        self.negative = np.zeros(0, dtype=bool) if negative is None else negative

    def get(self, row: object, default: ExactNumber | None = None) -> ExactNumber | None:  # type: ignore[override]
        """The number of ``row`` (an integer), or ``default`` (no exception: most rows are not here)."""
        if not isinstance(row, (int, np.integer)):
            return default
        found = self.others.get(int(row))
        if found is not None or not self.rows.size:
            return found if found is not None else default
        k = int(np.searchsorted(self.rows, row))
        if k == self.rows.size or self.rows[k] != row:
            return default
        n = int(self.magnitudes[k])
        return ExactNumber(-n if self.negative[k] else n, int(self.scales[k]))

    def __getitem__(self, row: int) -> ExactNumber:
        found = self.get(row)
        if found is None:
            raise KeyError(row)
        return found

    def __contains__(self, row: object) -> bool:
        return self.get(row) is not None

    def __iter__(self) -> Iterator[int]:
        return iter(sorted([*self.others, *self.rows.tolist()]))

    def __len__(self) -> int:
        return len(self.others) + self.rows.size

    def arrays_in(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(rows, magnitudes, scales, negative) of the rows in [lo, hi) kept as arrays."""
        a, b = np.searchsorted(self.rows, [lo, hi])
        return self.rows[a:b], self.magnitudes[a:b], self.scales[a:b], self.negative[a:b]

    @classmethod
    def joined(cls, parts: list[tuple[RowNumbers, int]]) -> RowNumbers:
        """The numbers of consecutive parts, each ``(numbers, its first row)``, as one."""
        others: dict[int, ExactNumber] = {}
        for numbers, offset in parts:
            others.update((offset + row, e) for row, e in numbers.others.items())
        return cls(
            others,
            np.concatenate([numbers.rows + offset for numbers, offset in parts]),
            np.concatenate([numbers.magnitudes for numbers, _ in parts]),
            np.concatenate([numbers.scales for numbers, _ in parts]),
            np.concatenate([numbers.negative for numbers, _ in parts]),
        )


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


def leaky_of_decimals(num: np.ndarray, scales: np.ndarray, x: np.ndarray, alpha: ExactNumber) -> np.ndarray:
    """f of x_i = num_i / 10**scales_i exactly (int64, |num| < 2**63), ``x`` their doubles:
    x above 0, else the double nearest alpha * x, vectorised (the exact product in 128 bits,
    its double by the text engine), a piece of rows at a time. |alpha's numerator| < 2**64."""
    a = abs(alpha.numerator)
    assert a < 2**64
    f = np.empty(num.size, dtype=np.float64)
    for lo in range(0, num.size, _PIECE_ROWS):  # the temporaries stay small (in the caches)
        n, s = num[lo : lo + _PIECE_ROWS], scales[lo : lo + _PIECE_ROWS]
        high, low = mul64(np.abs(n).astype(np.uint64), np.uint64(a))
        product = nearest_doubles(
            low,
            -(s.astype(np.int64) + alpha.scale),
            (n < 0) != (alpha.numerator < 0),
            high if high.any() else None,
        )
        f[lo : lo + n.size] = np.where(n > 0, x[lo : lo + n.size], product) + 0.0  # never -0.0
    return f


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
