"""Framework precisions: Leaky ReLU in float32, float16 and bfloat16 as PyTorch computes it (no Qt).

The rule, measured against PyTorch 2.13 on CPU (``F.leaky_relu`` and autograd on
``torch.tensor(x, dtype=D)``), bit for bit:

* x_D is the Python float x converted to D. PyTorch converts a Python float to float16
  and bfloat16 *through float32* (two roundings; in rare halfway cases that differs from
  rounding the double directly), and so does this module;
* alpha is ``float32(alpha)``;
* f = x_D where x_D > 0, else ``D(float32(x_D) * float32(alpha))``: the product in
  float32, then rounded to D;
* f' = 1 where x_D > 0, else ``D(float32(alpha))``.

float64 is the app's exact mode (every value the double nearest the exact decimal); it
differs from torch's float64 by at most 1 ulp, and f' not at all.

Numbers print as the shortest decimal that reads back to the same value in D (``-0.037``
for float16's -0.0369873046875), in the app's one number style (Python's repr: ``1.0``,
``0.0001``, ``1e-05``, ``65500.0``). numpy prints float16 and float32 that way but
slowly, one value at a time, and cannot print bfloat16 at all, so the digits are found
here, vectorised: for each value the interval of reals that round to it, then the
coarsest power of ten with a multiple inside it, the multiple nearest the value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

from leaky_gui.calc.float32_digits import float32_shortest

__all__ = [
    "DEFAULT_PRECISION",
    "PRECISIONS",
    "PRECISION_LABELS",
    "derivative_in",
    "digits_text",
    "format_in",
    "leaky_in",
    "round_to",
    "shortest_digits",
    "tensor_to",
    "ulp_in",
]

PRECISIONS = ("float64", "float32", "float16", "bfloat16")
DEFAULT_PRECISION = "float64"
PRECISION_LABELS = {
    "float64": "float64 (exact)",
    "float32": "float32",
    "float16": "float16",
    "bfloat16": "bfloat16",
}


@dataclass(frozen=True)
class _Format:
    significand: int  # bits, the implicit one included
    min_exponent: int  # of the smallest normal number, 2**min_exponent
    max_exponent: int  # of the largest binade


_FORMATS = {
    "float32": _Format(24, -126, 127),
    "float16": _Format(11, -14, 15),
    "bfloat16": _Format(8, -126, 127),
}


# -- the values ----------------------------------------------------------------------


def _from_float32(values: np.ndarray, precision: str) -> np.ndarray:
    """float32 values rounded to ``precision`` (to nearest, ties to even), as float64."""
    with np.errstate(over="ignore"):
        if precision == "float32":
            return values.astype(np.float64)
        if precision == "float16":
            return values.astype(np.float16).astype(np.float64)
    # bfloat16 is the top half of a float32: round the low 16 bits away, ties to even.
    bits = np.asarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded: np.ndarray = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    return rounded.astype(np.uint32).view(np.float32).astype(np.float64)


def round_to(values: np.ndarray | float, precision: str) -> np.ndarray:
    """Doubles as a tensor of dtype ``precision`` holds them (through float32, as PyTorch does)."""
    values = np.asarray(values, dtype=np.float64)
    if precision == "float64":
        return values
    with np.errstate(over="ignore"):
        return _from_float32(values.astype(np.float32), precision)


def tensor_to(values: np.ndarray, precision: str) -> np.ndarray:
    """A stored array (any float or integer dtype) as ``torch.from_numpy(values).to(precision)`` holds it.

    PyTorch converts to float16 and bfloat16 through float32 (c10's Half and BFloat16 are
    made from a float), from doubles and integers alike; integers go to float32 in one
    rounding, never through float64. float64 is the exact mode: the doubles themselves
    (integers beyond 2**53 become the nearest double). Returned as float64.
    """
    if precision == "float64":
        return np.asarray(values, dtype=np.float64)
    with np.errstate(over="ignore"):
        return _from_float32(np.asarray(values).astype(np.float32), precision)


def leaky_in(x_d: np.ndarray | float, alpha: float, precision: str) -> np.ndarray:
    """f of values already in ``precision``: x where x > 0, else D(float32(x) * float32(alpha))."""
    x_d = np.asarray(x_d, dtype=np.float64)
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):  # inf * 0 is nan, as in torch
        product = x_d.astype(np.float32) * np.float32(alpha)
    return np.where(x_d > 0, x_d, _from_float32(product, precision))


def derivative_in(x_d: np.ndarray, alpha: float, precision: str) -> np.ndarray:
    """f' of values in ``precision``: 1 where x > 0, else D(float32(alpha))."""
    leak = float(_from_float32(np.array([alpha], dtype=np.float32), precision)[0])
    return np.where(np.asarray(x_d) > 0, 1.0, leak)


def ulp_in(value: float, precision: str) -> float:
    """The spacing of ``precision`` at ``value``: the unit in the last place."""
    if precision == "float64":
        return math.ulp(value)
    spec = _FORMATS[precision]
    exponent = max(math.frexp(abs(value))[1] - 1, spec.min_exponent) if value else spec.min_exponent
    return math.ldexp(1.0, exponent - spec.significand + 1)


# -- the text ------------------------------------------------------------------------


def _interval(magnitudes: np.ndarray, precision: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(low, high, closed): the reals that round to each positive value of ``precision``.

    The ends are halfway to the neighbours (exact in double: at most 25 bits); they belong
    to the value when its last significand bit is 0 (ties go to even).
    """
    spec = _FORMATS[precision]
    exponent = np.maximum(np.frexp(magnitudes)[1] - 1, spec.min_exponent)
    ulp = np.ldexp(1.0, exponent - spec.significand + 1)
    # Just above a power of two the spacing below is half the spacing above.
    at_power = (magnitudes == np.ldexp(1.0, exponent)) & (exponent > spec.min_exponent)
    low = magnitudes - np.where(at_power, ulp / 4, ulp / 2)
    high = magnitudes + ulp / 2
    closed = (np.ldexp(magnitudes, spec.significand - 1 - exponent).astype(np.int64) & 1) == 0
    return low, high, closed


_POWERS = 10 ** np.arange(19, dtype=np.int64)


def shortest_digits(values: np.ndarray, precision: str) -> tuple[np.ndarray, np.ndarray]:
    """(m, k) per value: m * 10**k is the shortest decimal that reads back to it in ``precision``.

    Among the shortest, the one nearest the value (ties to an even last digit). Zeros give
    (0, 0). ``values`` are finite doubles that ``precision`` holds exactly.

    float32 values are settled in a few double operations each (``float32_shortest``);
    the search below takes the few it leaves, and every value of the other precisions.
    """
    if precision != "float32":
        return _shortest_search(values, precision)
    digits, exponents, settled = float32_shortest(values)
    rest = np.flatnonzero(~settled)
    if rest.size:
        digits[rest], exponents[rest] = _shortest_search(
            np.asarray(values, dtype=np.float64)[rest], precision
        )
    return digits, exponents


def _shortest_search(values: np.ndarray, precision: str) -> tuple[np.ndarray, np.ndarray]:
    """``shortest_digits`` by searching the interval that rounds to each value.

    How: at a power of ten K finer than the spacing, the interval that rounds to the value
    holds the integers [L, H] (times 10**K); the shortest decimal is at the largest 10**j
    with a multiple of it in [L, H], and its digits are the multiple nearest the value.
    """
    values = np.asarray(values, dtype=np.float64)
    digits = np.zeros(values.shape, dtype=np.int64)
    exponents = np.zeros(values.shape, dtype=np.int64)
    todo = np.flatnonzero(values != 0)
    if todo.size == 0:
        return digits, exponents
    v = np.abs(values[todo])
    low, high, closed = _interval(v, precision)
    fine = np.floor(np.log10(high - low)).astype(np.int64) - 1  # K: 10**K <= width / 10
    power = 10.0 ** np.abs(fine)  # exact up to 1e22; each quotient is one rounding
    times = fine < 0
    lo_q = np.where(times, low * power, low / power)
    hi_q = np.where(times, high * power, high / power)
    v_q = np.where(times, v * power, v / power)
    # An interval end that is itself a decimal (common: float16's ends above 1024 are
    # halves) is placed exactly; an end that only rounds to an integer, and 10**K beyond
    # the exact powers, are left to the exact routine.
    lo_near, hi_near = _near_integer(lo_q), _near_integer(hi_q)
    lo_on = lo_near & _exactly(low, power, times, lo_q, lo_near) & (lo_q == np.rint(lo_q))
    hi_on = hi_near & _exactly(high, power, times, hi_q, hi_near) & (hi_q == np.rint(hi_q))
    doubtful = (lo_near & ~lo_on) | (hi_near & ~hi_on)
    doubtful |= (np.abs(fine) > 22) | (hi_q >= 2**53)
    first = np.ceil(np.where(doubtful, 0, lo_q)).astype(np.int64) + (lo_on & ~closed)
    last = np.floor(np.where(doubtful, 0, hi_q)).astype(np.int64) - (hi_on & ~closed)
    # j: how many more zeros the shortest decimal has; a multiple of 10**(j+1) is one of 10**j.
    # In floats: below 2**53 every quotient here is exact or far from an integer.
    j = _coarsest_power(first, last)
    step = _POWERS[np.maximum(j, 0)]
    wanted = v_q / step
    doubtful |= _near_integer(wanted - 0.5) | (j < 0)
    nearest = np.clip(np.rint(wanted).astype(np.int64), -(-first // step), last // step)
    sign = np.where(values[todo] < 0, -1, 1)
    digits[todo] = sign * nearest
    exponents[todo] = fine + j
    # A power of ten is one digit, and so is 9 * 10**(n-1) just below it, which may be nearer.
    doubtful |= np.isin(nearest, _POWERS) & (wanted < nearest)
    for row in np.flatnonzero(doubtful):
        m, k = _shortest_exact(float(v[row]), float(low[row]), float(high[row]), bool(closed[row]))
        digits[todo[row]], exponents[todo[row]] = int(sign[row]) * m, k
    return digits, exponents


def _coarsest_power(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Per row, the largest j with a multiple of 10**j in [first, last] (-1 if the range is empty).

    A range of n >= 10**j integers holds a multiple of 10**j, so j starts at the digits of
    the range's length less one; only the rows that hold a multiple of the next power go on
    (few: ranges are 10 to 100 wide), each test exact in integers.
    """
    span = last - first + 1
    j = np.searchsorted(_POWERS, np.maximum(span, 1), side="right").astype(np.int64) - 1
    j[span < 1] = -1
    rows = np.flatnonzero(span >= 1)
    while rows.size:
        rows = rows[j[rows] + 1 < len(_POWERS)]
        step = _POWERS[j[rows] + 1]
        rows = rows[(last[rows] // step) * step >= first[rows]]
        j[rows] += 1
    return j


def _exactly(
    values: np.ndarray, power: np.ndarray, times: np.ndarray, result: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Whether ``result`` is values * power (where ``times``) or values / power with no rounding.

    Checked only in ``rows``, by Dekker's product: the rounding error of a*b comes out
    exactly from the halves of a and b, and is 0 when the product needed no rounding.
    """
    exact = np.zeros(values.shape, dtype=bool)
    at = np.flatnonzero(rows)
    if at.size == 0:
        return exact
    mul = times[at]
    a = np.where(mul, values[at], result[at])  # a * b is the product, or should be the dividend
    b = power[at]
    product = a * b
    exact[at] = (two_product_error(a, b, product) == 0) & (mul | (product == values[at]))
    return exact


def two_product_error(a: np.ndarray, b: np.ndarray | float, product: np.ndarray) -> np.ndarray:
    """a*b - product exactly (Dekker's product), so 0 where ``product`` needed no rounding."""
    a_high, a_low = _halves(a)
    b_high, b_low = _halves(b)
    return ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low


def _halves(x: np.ndarray | float) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Veltkamp's split of doubles into two 26-bit halves that add up to them exactly."""
    t = 134217729.0 * x  # 2**27 + 1
    high = t - (t - x)
    return high, x - high


def _near_integer(q: np.ndarray) -> np.ndarray:
    return np.abs(q - np.rint(q)) <= np.abs(q) * 4e-16 + 1e-300


def _shortest_exact(value: float, low: float, high: float, closed: bool) -> tuple[int, int]:
    """The same search in exact rational arithmetic, for the few values the floats cannot decide."""
    v, lo, hi = Fraction(value), Fraction(low), Fraction(high)

    def inside(c: Fraction) -> bool:
        return lo < c < hi or (closed and c in (lo, hi))

    k = Decimal(value).adjusted() + 1
    while True:
        unit = Fraction(10) ** k
        first = math.ceil(lo / unit)
        if not inside(first * unit):
            first += 1
        last = math.floor(hi / unit)
        if not inside(last * unit):
            last -= 1
        if first <= last:
            m = min(max(round(v / unit), first), last)  # the nearest, halves to even
            break
        k -= 1
    trimmed = str(m).rstrip("0")
    if trimmed == "1" and v < m * unit:  # 10**n: a nearer one-digit decimal just below it?
        n = k + len(str(m)) - 1
        below = Fraction(10) ** (n - 1)
        d = min(9, round(v / below))
        if d and inside(d * below) and abs(d * below - v) < m * unit - v:
            return d, n - 1
    return m, k


def digits_text(m: int, k: int) -> str:
    """m * 10**k in the app's number style (Python's repr): '1.0', '-0.037', '1e-05', '65500.0'."""
    if m == 0:
        return "0.0"
    sign = "-" if m < 0 else ""
    text = str(abs(m)).rstrip("0")
    k += len(str(abs(m))) - len(text)
    exponent = len(text) - 1 + k  # of the first digit
    if -4 <= exponent < 16:
        if k >= 0:
            return f"{sign}{text}{'0' * k}.0"
        point = len(text) + k
        if point > 0:
            return f"{sign}{text[:point]}.{text[point:]}"
        return f"{sign}0.{'0' * -point}{text}"
    mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
    return f"{sign}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def format_in(value: float, precision: str) -> str:
    """The one number text: shortest in ``precision`` ('-0.037' for float16's -0.0369873046875)."""
    value = float(value) + 0.0  # never '-0.0'
    if precision == "float64" or not math.isfinite(value):
        return repr(value)
    m, k = shortest_digits(np.array([value]), precision)
    return digits_text(int(m[0]), int(k[0]))
