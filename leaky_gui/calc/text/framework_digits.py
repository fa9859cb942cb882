"""Shortest digits in the framework precisions and their text, vectorised (no Qt).

Numbers print as the shortest decimal that reads back to the same value in its precision (``-0.037``
for float16's -0.0369873046875), in the app's one number style (Python's repr: ``1.0``,
``0.0001``, ``1e-05``, ``65500.0``). numpy prints float16 and float32 that way but
slowly, one value at a time, and cannot print bfloat16 at all, so the digits are found
here, vectorised: for each value the interval of reals that round to it, then the
coarsest power of ten with a multiple inside it, the multiple nearest the value.

That search (``shortest_digits``) costs about 130 ns a value. For float32 almost every
value can be settled faster, in a few double operations (``float32_shortest``), because a float32 and every decimal of up to 9 digits near it fit in a
double with room to spare. For a normal float32 v that is not a power of two, with spacing
u and rounding interval [v - u/2, v + u/2] (ends included when v's last bit is 0):

* let 10**w be the largest power of ten <= u. The multiples of 10**w are at most u apart,
  so the one nearest v lies in the interval (|c - v| <= 10**w / 2 <= u / 2; equality only
  when u = 1 = 10**w, and then v is an integer, c = v itself);
* at 10**(w+1) > u the interval holds at most one multiple, and if it holds one, that one
  is the multiple nearest v. Whether it does is a round trip: c * 10**(w+1) is one
  correctly rounded double operation (c and 10**|w+1| are exact below 10**22), and that
  double read as float32 is v exactly when the decimal is, unless the double lands on a
  float32 midpoint without being the decimal itself (then the decimal's side of it is
  unknown: such rows are not settled);
* above that, a multiple of 10**(w+2) in the interval would have to be that same decimal
  (two decimals in an interval of width u < 10**(w+1) differ by less than 10**(w+1)), so
  the coarser levels only strip c's trailing zeros.

The shortest decimal is therefore c * 10**(w+1) with its zeros stripped when the round
trip succeeds, and otherwise the multiple of 10**w nearest v (halves to an even digit, as
``rint`` does), which has no trailing zero (else the round trip would have succeeded).
Among decimals as short, it is the nearest: they are all multiples of the same power (a
normal float32's interval is far too narrow to hold 10**n and a shorter 9...9 * 10**j).

The quotient v / 10**w is one rounding of a value below 2**28. It is exact for w >= -12,
and for 0 <= w <= 7 a true quotient that is not a half lies too far from one to round onto
it; elsewhere a quotient within 2**-22 of a half-integer is not settled. Nor are subnormals,
powers of two (their interval is lopsided) and values whose powers fall outside 10**+-22
(below about 1e-15 or above about 1e29): ``shortest_digits`` searches those.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np

from leaky_gui.calc.precision import _FORMATS, two_product_error
from leaky_gui.calc.text.nearest import EXACT_POWERS, POW10_I64

__all__ = ["digits_text", "float32_shortest", "format_in", "shortest_digits"]


# -- float32 in double arithmetic ----------------------------------------------------


_HALF_OF_DROPPED = np.uint64(1 << 28)  # a double's 29 bits below float32's 24: a float32 midpoint
_DROPPED = np.uint64((1 << 29) - 1)
_FRACTION = np.uint32((1 << 23) - 1)
_NOT_NEAR_HALF = 0.5 - 2.0**-22  # |q - rint(q)| beyond this may be a misrounded half


def _tables() -> tuple[np.ndarray, ...]:
    """Per biased float32 exponent (0..255): w, whether rows there can be settled, and the
    factors that make v / 10**w and c * 10**(w+1) one correctly rounded operation each."""
    w = np.zeros(256, dtype=np.int64)
    usable = np.zeros(256, dtype=bool)
    q_times = np.ones(256)  # v * q_times / q_over = v / 10**w
    q_over = np.ones(256)
    y_times = np.ones(256)  # c * y_times / y_over = c * 10**(w+1)
    y_over = np.ones(256)
    for biased in range(1, 255):
        spacing = biased - 150  # u = 2**spacing
        # The largest w with 10**w <= 2**spacing, in exact integers.
        k = 0
        if spacing >= 0:
            while 10 ** (k + 1) <= 2**spacing:
                k += 1
        else:
            while 10 ** (-k) * 2**spacing < 1:  # 10**k > 2**spacing
                k -= 1
        w[biased] = k
        usable[biased] = -EXACT_POWERS <= k < EXACT_POWERS  # w and w + 1 within 10**+-22
        if not usable[biased]:
            continue
        if k < 0:
            q_times[biased] = 10.0**-k
        else:
            q_over[biased] = 10.0**k
        if k + 1 < 0:
            y_over[biased] = 10.0 ** -(k + 1)
        else:
            y_times[biased] = 10.0 ** (k + 1)
    # v / 10**w needs no margin around halves where it is exact (w >= -12: v's 24 bits
    # times 5**-w fit in 53) or where a true quotient that is no half lies at least
    # 1 / (2 * 10**w) from one, beyond the rounding error 2**-26 (0 <= w <= 7).
    banded = ~((w >= -12) & (w <= 7))
    return w, usable, banded, q_times, q_over, y_times, y_over


_W, _USABLE, _BANDED, _Q_TIMES, _Q_OVER, _Y_TIMES, _Y_OVER = _tables()
_UNBANDED = (int(np.flatnonzero(~_BANDED).min()), int(np.flatnonzero(~_BANDED).max()))
_BELOW_ONE = int(np.flatnonzero(_USABLE & (_W < 0)).max())  # up to here w < 0: one operation each


def float32_shortest(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(m, k, settled) per value: m * 10**k is the shortest decimal that reads back to it in float32.

    ``values`` are doubles that float32 holds exactly, finite. Among the shortest, the one
    nearest the value (ties to an even last digit); zeros give (0, 0); m has no trailing
    zero. Rows not ``settled`` hold no answer: the caller searches them another way.
    """
    values = np.asarray(values, dtype=np.float64)
    magnitude = np.abs(values)
    single = magnitude.astype(np.float32)
    bits = single.view(np.uint32)
    biased = bits >> np.uint32(23)
    settled = _USABLE[biased] & ((bits & _FRACTION) != 0)  # normal, in range, not a power of two
    low, high = (int(biased.min()), int(biased.max())) if biased.size else (0, 0)
    one_step = high <= _BELOW_ONE
    with np.errstate(over="ignore", invalid="ignore"):
        quotient = magnitude * _Q_TIMES[biased]  # v / 10**w
        if not one_step:
            quotient /= _Q_OVER[biased]
        fine = np.rint(quotient)
        if low < _UNBANDED[0] or high > _UNBANDED[1]:  # a quotient that may be a misrounded half
            settled &= (np.abs(quotient - fine) < _NOT_NEAR_HALF) | ~_BANDED[biased]
        coarse = np.rint(quotient / 10)  # the multiple of 10**(w+1) nearest v (or next to it)
        back = coarse / _Y_OVER[biased]
        if not one_step:
            back *= _Y_TIMES[biased]
        up = back.astype(np.float32) == single
        digits = np.where(up, coarse, fine).astype(np.int64)
    # A double on a float32 midpoint is the decimal itself when it is an integer below 2**53
    # (w + 1 >= 0); otherwise the decimal's side of the midpoint is unknown.
    on_midpoint = np.flatnonzero((back.view(np.uint64) & _DROPPED) == _HALF_OF_DROPPED)
    if on_midpoint.size:
        exact = (_W[biased[on_midpoint]] >= -1) & (back[on_midpoint] < 2.0**53)
        settled[on_midpoint[~exact]] = False
    exponents = _W[biased] + up
    rows = np.flatnonzero(up & settled)
    while rows.size:  # strip the zeros of the coarser decimal: each is one more power of ten
        rows = rows[digits[rows] % 10 == 0]
        digits[rows] //= 10
        exponents[rows] += 1
    zero = magnitude == 0
    settled |= zero
    digits[zero] = 0
    exponents[zero] = 0
    np.negative(digits, out=digits, where=values < 0)
    return digits, exponents, settled


# -- the search ---------------------------------------------------------------------


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
    step = POW10_I64[np.maximum(j, 0)]
    wanted = v_q / step
    doubtful |= _near_integer(wanted - 0.5) | (j < 0)
    nearest = np.clip(np.rint(wanted).astype(np.int64), -(-first // step), last // step)
    sign = np.where(values[todo] < 0, -1, 1)
    digits[todo] = sign * nearest
    exponents[todo] = fine + j
    # A power of ten is one digit, and so is 9 * 10**(n-1) just below it, which may be nearer.
    doubtful |= np.isin(nearest, POW10_I64) & (wanted < nearest)
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
    j = np.searchsorted(POW10_I64, np.maximum(span, 1), side="right").astype(np.int64) - 1
    j[span < 1] = -1
    rows = np.flatnonzero(span >= 1)
    while rows.size:
        rows = rows[j[rows] + 1 < len(POW10_I64)]
        step = POW10_I64[j[rows] + 1]
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


# -- the text -----------------------------------------------------------------------


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
