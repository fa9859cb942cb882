"""Decimals to doubles: the exact general path and the vectorised uint64 path (no Qt).

A decimal is ``n * 10**q`` (n >= 0 and a sign). Its double is the one nearest it, halves
to even, and which that is is decided with integers alone:

* ``nearest_double(n, q)`` (the general path) divides exact integers, any n and q;
* ``nearest_doubles(w, q)`` (the vectorised path) takes significands w < 2**64 as numpy
  uint64 (or w < 2**128 as two words): w times a 128-bit approximation of 5**q, a 192-bit
  product in 32-bit pieces (Eisel and Lemire's method), rounded where the product's error
  bound cannot change the rounding, and the rest (subnormals, the ends of the range, the
  near-halves the bound leaves undecided) by ``nearest_double``.

``scan_text`` reads one text (``calc.text.parse`` scans cells a block at a time).
"""

from __future__ import annotations

import math
import os
import re

import numpy as np

# -- the constants of decimal text, and wide integers in numpy uint64 words ------------
# numpy has no 128-bit integer: a 64 x 64 -> 128-bit product is made from four 32 x 32-bit
# products, exactly.

MAX_DIGITS = 19  # a significand of up to 19 digits fits uint64: the vectorised path
DIGITS_FIT = 10**MAX_DIGITS  # the first significand the vectorised path does not take
INT64_SAFE = 1 << 62  # products of numerators below this stay inside int64
POW10_U64 = 10 ** np.arange(MAX_DIGITS + 1, dtype=np.uint64)  # 10**0 .. 10**19
POW10_I64 = POW10_U64[:MAX_DIGITS].astype(np.int64)  # 10**0 .. 10**18
EXACT_POWERS = 22  # 10.0**k is exact for |k| <= 22 (5**22 < 2**53)
POW10_FLOAT = 10.0 ** np.arange(EXACT_POWERS + 1)  # 10.0**0 .. 10.0**22, each exact

GENERAL_ENV = "LEAKY_GUI_TEXT_GENERAL"  # set to 1: every value takes the general path


KERNEL_ENV = "LEAKY_GUI_TEXT_KERNEL"  # set to 0: the numpy path makes what the kernel would


def kernel_used() -> bool:
    """Whether the compiled kernel, where it was built, makes what it can (not ``LEAKY_GUI_TEXT_KERNEL=0``)."""
    return os.environ.get(KERNEL_ENV, "") != "0"


def general_only() -> bool:
    """Whether every value takes the general path (``LEAKY_GUI_TEXT_GENERAL=1``)."""
    return os.environ.get(GENERAL_ENV, "") not in ("", "0")


_LOW32 = np.uint64(0xFFFFFFFF)
_U32 = np.uint64(32)


def mul64(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(high, low) words of the exact 128-bit products a * b of uint64 arrays."""
    a0, a1 = a & _LOW32, a >> _U32
    b0, b1 = b & _LOW32, b >> _U32
    p00 = a0 * b0
    p01 = a0 * b1
    p10 = a1 * b0
    middle = (p00 >> _U32) + (p01 & _LOW32) + (p10 & _LOW32)  # below 3 * 2**32: no carry out
    low = (middle << _U32) | (p00 & _LOW32)
    high = a1 * b1 + (p01 >> _U32) + (p10 >> _U32) + (middle >> _U32)
    return high, low


def bit_length(words: np.ndarray) -> np.ndarray:
    """Bits of each uint64 (0 for 0), as int64: exact, from the exponent of two float conversions."""
    high = (words >> _U32).astype(np.float64)
    low = (words & _LOW32).astype(np.float64)
    from_high = np.frexp(high)[1]
    from_low = np.frexp(low)[1]
    return np.where(words >> _U32 != 0, from_high + 32, from_low).astype(np.int64)


def eight_digits(words: np.ndarray) -> np.ndarray:
    """The value of eight digits 0..9 a byte (first byte most significant) in each uint64, SWAR."""
    words = (words * np.uint64(10) + (words >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    words = (words * np.uint64(100) + (words >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    return (words * np.uint64(10_000) + (words >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


def eight_digit_text(values: np.ndarray) -> np.ndarray:
    """The eight ASCII digits (leading zeros included, first digit in the lowest byte) of each
    value below 10**8, as one uint64 each, SWAR: halves, quarters, then bytes, each a multiply
    and a shift that stays inside its lane."""
    high = values // np.uint64(10_000)
    v = high | ((values - high * np.uint64(10_000)) << _U32)
    q = ((v * np.uint64(5243)) >> np.uint64(19)) & np.uint64(0x0000007F0000007F)  # // 100 a lane
    v = q | ((v - q * np.uint64(100)) << np.uint64(16))
    q = ((v * np.uint64(103)) >> np.uint64(10)) & np.uint64(0x000F000F000F000F)  # // 10 a lane
    v = q | ((v - q * np.uint64(10)) << np.uint64(8))
    return v + np.uint64(0x3030303030303030)


# A nonzero n * 10**q with q + digits(n) - 1 above this is beyond 2**1024: infinite.
LARGEST_DECIMAL_EXPONENT = 309
# ... and with q + digits(n) below this it is below 10**-324 < 2**-1075: its nearest double is 0.
SMALLEST_DECIMAL_EXPONENT = -324
# Midpoints between doubles have at most 767 significant digits: digits beyond this many
# only say whether the rest is zero (a sticky digit keeps every rounding as it was).
_KEPT_DIGITS = 800

_TEXT = re.compile(r"([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?", re.ASCII)


def scan_text(text: str) -> tuple[bool, int, int] | None:
    """(negative, n, q) with the text's value (-1)**negative * n * 10**q, or None unless it is a decimal.

    Exponents of any length are taken; a significand beyond 800 digits keeps a sticky digit.
    """
    match = _TEXT.fullmatch(text)
    if match is None:
        return None
    sign, whole, fraction, exponent = match.groups()
    fraction = fraction or ""
    if not whole and not fraction:
        return None
    digits = (whole + fraction).lstrip("0")
    if not digits:
        return sign == "-", 0, 0
    q = -len(fraction)
    trimmed = digits.rstrip("0")
    q += len(digits) - len(trimmed)
    digits = trimmed
    if len(digits) > _KEPT_DIGITS:
        sticky = "1" if digits[_KEPT_DIGITS:].strip("0") else ""
        q += len(digits) - _KEPT_DIGITS - len(sticky)
        digits = digits[:_KEPT_DIGITS] + sticky
    if exponent:
        body = exponent.lstrip("+-").lstrip("0") or "0"
        if len(body) > 12:  # far beyond the doubles either way: keep the sign and the scale
            body = "9" * 12
        q += -int(body) if exponent.startswith("-") else int(body)
    return sign == "-", int(digits), q


def nearest_double(n: int, q: int) -> float:
    """The double nearest n * 10**q for an integer n >= 0: ``inf`` beyond the largest, 0.0 below
    2**-1075, halves to even; decided by dividing exact integers."""
    if n == 0:
        return 0.0
    digits = len(str(n)) if n < 1 << 2000 else int(n.bit_length() * 0.30103) + 1
    if q + digits - 1 > LARGEST_DECIMAL_EXPONENT:
        return math.inf
    if q + digits < SMALLEST_DECIMAL_EXPONENT:
        return 0.0
    num, den = (n * 10**q, 1) if q >= 0 else (n, 10**-q)
    e = num.bit_length() - den.bit_length() - 53  # num / den / 2**e in [2**51, 2**54)
    while True:
        e = max(e, -1074)
        top, bottom = (num, den << e) if e >= 0 else (num << -e, den)
        m, rest = divmod(top, bottom)
        if m >= 1 << 53:
            e += 1
            continue
        if m < 1 << 52 and e > -1074:
            e -= 1
            continue
        break
    twice = 2 * rest
    if twice > bottom or (twice == bottom and m & 1):
        m += 1
    if m.bit_length() + e > 1024:
        return math.inf
    return math.ldexp(m, e)


# ---------------------------------------------------------------------------
# The vectorised path


def _power_table() -> tuple[np.ndarray, ...]:
    """Per q in [Q_MIN, Q_MAX]: 5**q as T * 2**b with T in [2**127, 2**128) truncated, as
    two uint64 words, b, and whether T is exact."""
    highs, lows, shifts, exact = [], [], [], []
    for q in range(_Q_MIN, _Q_MAX + 1):
        if q >= 0:
            five = 5**q
            b = five.bit_length() - 128
            t = five >> b if b >= 0 else five << -b
            is_exact = b <= 0 or five & ((1 << b) - 1) == 0
        else:
            five = 5**-q
            b = -(127 + five.bit_length())
            t = (1 << -b) // five
            is_exact = False
        highs.append(t >> 64)
        lows.append(t & ((1 << 64) - 1))
        shifts.append(b)
        exact.append(is_exact)
    return (
        np.array(highs, dtype=np.uint64),
        np.array(lows, dtype=np.uint64),
        np.array(shifts, dtype=np.int64),
        np.array(exact, dtype=bool),
    )


_Q_MIN, _Q_MAX = -342, 308  # beyond these every nonzero uint64 significand is 0 or inf
_T_HIGH, _T_LOW, _T_SHIFT, _T_EXACT = _power_table()
_U64_MAX = np.uint64(0xFFFFFFFFFFFFFFFF)
_MANTISSA = np.uint64((1 << 52) - 1)


# The quotient path: w / 10**k for 0 <= k <= 22 (10**k is a double) in double arithmetic.
_SPLITTER = 134217729.0  # 2**27 + 1: Veltkamp's split into halves of 26 bits
_P10_HIGH = (_SPLITTER * POW10_FLOAT) - ((_SPLITTER * POW10_FLOAT) - POW10_FLOAT)
_P10_LOW = POW10_FLOAT - _P10_HIGH
_NEAR_HALF = 2.0**-30  # far above the few roundings in the correction, far below a half


def _quotient_doubles(w: np.ndarray, k: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the doubles nearest w / 10**k, the rows not proved, the quotient's distance from each
    double in its ulps) for 0 < w < 2**64, 0 <= k <= 22.

    w = h + l exactly (h the double nearest w, |l| < 2**11); y = h / 10**k is within about
    an ulp of the quotient; the remainder w - y * 10**k is exact as (h - g) - e + l, with
    g + e = y * 10**k by Dekker's product (h - g exact: Sterbenz). y + remainder / 10**k
    then rounds once to the nearest double unless the quotient lies within 2**-30 ulp of a
    half-way point (or y is near a power of two, where the spacing changes): those rows
    are returned as not proved, for the integer product. About a quarter of its cost.
    """
    h = w.astype(np.float64)
    low = w - h.astype(np.uint64)  # w - h, modulo 2**64: |w - h| < 2**11
    error = low.view(np.int64).astype(np.float64)
    p = POW10_FLOAT[k]
    y = h / p
    t = _SPLITTER * y
    y_high = t - (t - y)
    y_low = y - y_high
    p_high, p_low = _P10_HIGH[k], _P10_LOW[k]
    g = y * p
    e = ((y_high * p_high - g) + y_high * p_low + y_low * p_high) + y_low * p_low
    correction = ((h - g) + (error - e)) / p
    gap = y - np.nextafter(y, 0.0)  # the spacing below y (and above it, away from powers of two)
    # y + correction is a tie when the correction, in ulps, is near a half-integer: 0.5
    # here (y is within about an ulp), but any k + 0.5 is caught, whatever the bound.
    ulps = np.abs(correction / gap)
    near_half = np.abs(ulps - np.floor(ulps) - 0.5) < _NEAR_HALF
    mantissa = y.view(np.uint64) & _MANTISSA
    near_power = (mantissa < np.uint64(4)) | (mantissa > _MANTISSA - np.uint64(4))
    nearest = y + correction
    distance = (correction - (nearest - y)) / gap  # nearest - y is exact
    return nearest, near_half | near_power, distance


def nearest_doubles(
    w: np.ndarray,
    q: np.ndarray,
    negative: np.ndarray | None = None,
    w_high: np.ndarray | None = None,
    *,
    place: np.ndarray | None = None,
) -> np.ndarray:
    """Doubles nearest (-1)**negative * w * 10**q, w uint64 (plus ``w_high`` * 2**64 when given).

    Infinite beyond the largest double, and 0 where the nearest double is 0, as
    ``nearest_double`` says for each. ``place`` (float64, one a row; only without
    ``w_high``), when given, receives (|decimal| - |double|) in units in the last place of
    the double, to within 2**-50, for the normal rows the product decided; NaN elsewhere.

    Most decimals as text writes them (-22 <= q <= 0) take the quotient path in doubles;
    the others, and the rows it cannot prove, Eisel and Lemire's product in integers.
    """
    w = np.asarray(w, dtype=np.uint64)
    q = np.asarray(q, dtype=np.int64)
    rows = w.size
    if w_high is not None or not rows:
        return _nearest_doubles(w, q, negative, w_high, place=place)
    # w below 2**63: its nearest double h stays below 2**64, so h converts back to uint64.
    quick = (q <= 0) & (q >= -EXACT_POWERS) & (w != 0) & (w < np.uint64(1 << 63))
    if bool(quick.all()):
        out, unsure, distance = _quotient_doubles(w, -q)
        if place is not None:
            place[:] = distance
        rest = np.flatnonzero(unsure)
    else:
        out = np.empty(rows, dtype=np.float64)
        at = np.flatnonzero(quick)
        rest = np.flatnonzero(~quick)
        if at.size:
            out[at], unsure, distance = _quotient_doubles(w[at], -q[at])
            if place is not None:
                place[at] = distance
            rest = np.concatenate((rest, at[unsure]))
    if rest.size:
        part = None if place is None else np.empty(rest.size, dtype=np.float64)
        out[rest] = _nearest_doubles(w[rest], q[rest], place=part)
        if place is not None and part is not None:
            place[rest] = part
    if negative is not None:
        np.negative(out, out=out, where=negative)
    return out


def _nearest_doubles(
    w: np.ndarray,
    q: np.ndarray,
    negative: np.ndarray | None = None,
    w_high: np.ndarray | None = None,
    *,
    place: np.ndarray | None = None,
) -> np.ndarray:
    """``nearest_doubles`` by Eisel and Lemire's product alone (and the general path)."""
    rows = w.size
    out = np.zeros(rows, dtype=np.float64)
    if place is not None:
        place.fill(np.nan)
    if w_high is None:
        nonzero = w != 0
        wide = None
    else:
        nonzero = (w != 0) | (w_high != 0)
        wide = w_high != 0
    inside = nonzero & (q >= _Q_MIN) & (q <= _Q_MAX)
    at = np.flatnonzero(inside)
    general = np.flatnonzero(nonzero & ~inside)
    if at.size:
        qa = q[at]
        index = qa - _Q_MIN
        wa = w[at]
        truncated = np.zeros(at.size, dtype=bool)
        if wide is not None and w_high is not None and bool(wide[at].any()):
            high = w_high[at]
            n = bit_length(high)
            big = n > 0
            shift = (64 - n).astype(np.uint64)
            top = np.where(
                big, (high << shift) | ((wa >> (n - 1).clip(0).astype(np.uint64)) >> np.uint64(1)), wa
            )
            truncated = big & ((wa << shift) != 0)
            offset = np.where(big, n, 0)
            lz = np.where(big, 0, 64 - bit_length(top))
            top = top << lz.astype(np.uint64)
            offset = offset - lz
        else:
            lz = 64 - bit_length(wa)
            top = wa << lz.astype(np.uint64)
            offset = -lz
        # The 192-bit product top * T as words p2 p1 p0.
        h1, p0 = mul64(top, _T_LOW[index])
        h2, l2 = mul64(top, _T_HIGH[index])
        p1 = l2 + h1
        p2 = h2 + (p1 < l2)
        upper = (p2 >> np.uint64(63)).astype(np.int64)
        sh = (10 + upper).astype(np.uint64)
        m = p2 >> sh
        r2 = p2 & ((np.uint64(1) << sh) - np.uint64(1))
        half = np.uint64(1) << (sh - np.uint64(1))
        lower = (p1 | p0) != 0
        t_exact = _T_EXACT[index]
        inexact = truncated | ~t_exact
        up = (r2 > half) | ((r2 == half) & (lower | inexact | ((m & np.uint64(1)) != 0)))
        # Below half: undecided where the error bound (2**64 for T's truncation, 2**129
        # with w's too) reaches half.
        undecided = ~truncated & ~t_exact & (r2 == half - np.uint64(1)) & (p1 == _U64_MAX) & (p0 != 0)
        undecided |= truncated & ((r2 == half - np.uint64(1)) | ((r2 == half - np.uint64(2)) & lower))
        m = m + up.astype(np.uint64)
        e2 = (10 + upper) + 128 + _T_SHIFT[index] + qa + offset
        carry = m == np.uint64(1 << 53)
        m = np.where(carry, np.uint64(1 << 52), m)
        e2 = e2 + carry
        special = undecided | (e2 < -1074) | (e2 > 971)
        bits = ((e2 + 1075).clip(1, 2046).astype(np.uint64) << np.uint64(52)) | (m & _MANTISSA)
        out[at] = bits.view(np.float64)
        if place is not None:  # r2 and p1 are the fraction of an ulp below the truncated m
            fraction = (r2.astype(np.float64) + p1.astype(np.float64) * 2.0**-64) / (
                np.uint64(1) << sh
            ).astype(np.float64)
            place[at] = np.where(special, np.nan, fraction - up)
        general = np.concatenate([general, at[special]]) if special.any() else general
    for r in general.tolist():
        n_value = int(w[r]) + (int(w_high[r]) << 64 if w_high is not None else 0)
        out[r] = nearest_double(n_value, int(q[r]))
    if negative is not None:
        np.negative(out, out=out, where=negative)
    return out
