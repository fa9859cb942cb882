"""Shortest digits of float32 values in double arithmetic, a few array passes a value (no Qt).

``precision.shortest_digits`` searches the interval of reals that round to a value for its
coarsest decimal, which costs about 130 ns a value. For float32 almost every value can be
settled faster, because a float32 and every decimal of up to 9 digits near it fit in a
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
(below about 1e-15 or above about 1e29): ``shortest_digits`` searches those as before.
"""

from __future__ import annotations

import numpy as np

_EXACT_POWERS = 22  # 10.0**k is exact for |k| <= 22
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
        usable[biased] = -_EXACT_POWERS <= k < _EXACT_POWERS  # w and w + 1 within 10**+-22
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
