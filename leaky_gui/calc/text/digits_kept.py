"""Digits kept (no Qt): a double read from a decimal often has that decimal as its shortest
text, and then needs no search for it (``calc.text.shortest`` searches the rest).

A double v (normal) was read from d * 10**q; C is d rounded to L digits (17, 16, then 15).
C is v's shortest text (repr's digits) when it is inside v's rounding interval (within
half an ulp) and either
* C has at most 15 digits: two such decimals never share a double (DBL_DIG is 15),
  so C is the only decimal of at most its length in the interval; or
* C is nearer v than half a unit of its last digit (no other decimal of its length is
  nearer), and its neighbours with one digit fewer (C rounded down and up to a
  multiple of 10) are both outside the interval, so nothing shorter is inside:
  everything between them has C's length.
The distances, in ulps, come from the nearest-double kernel's own product (``place`` of
``nearest_doubles``) and are decided with a margin far above their float error; a v that
is a power of two (its interval is lopsided: a quarter of an ulp below, half above) takes neither:
its text is searched for, as every text not proved is.
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.text.shortest import _POW10, digit_count, laid_out, shortest_digits, strip_zeros

_FIFTEEN_DIGITS = 10**15
_MARGIN = 1e-9
_FIELD_BITS = np.uint64((1 << 52) - 1)
_HIDDEN = float(1 << 52)
_POW10_FLOAT = _POW10.astype(np.float64)


def _rounded_candidates(
    w: np.ndarray, place: np.ndarray, unit: np.ndarray, lopsided: np.ndarray, dropped: np.ndarray | int
) -> tuple[np.ndarray, np.ndarray]:
    """(C, ok): each w rounded to the nearest multiple of 10**dropped next to the double
    (as a count of those), and whether C is the double's shortest text. NaN places,
    and w = 0, are never ok."""
    with np.errstate(invalid="ignore", divide="ignore"):
        if isinstance(dropped, int) and dropped == 0:  # w itself or a neighbour of it
            step = np.floor(0.5 - place / unit)
            candidate = w.astype(np.int64) + step.astype(np.int64)
            at = place + step * unit  # C - v, in ulps
            unit_c = unit
        else:
            power = _POW10[dropped]
            base = w // power
            rest = (w - base * power).astype(np.float64)
            power_f = _POW10_FLOAT[dropped]
            step = np.floor((rest - place / unit) / power_f + 0.5)
            candidate = base.astype(np.int64) + step.astype(np.int64)
            at = place + (step * power_f - rest) * unit
            unit_c = unit * power_f
        below = at - (candidate % 10).astype(np.float64) * unit_c
        above = np.abs(below + 10 * unit_c)
        np.abs(below, out=below)
        distance = np.abs(at)
        longer = (distance < 0.5 * unit_c - _MARGIN) & (below > 0.5 + _MARGIN) & (above > 0.5 + _MARGIN)
    # A power of two's interval is lopsided (a quarter of an ulp below it, half above) and
    # its place may be in the units of the ulp below: its text is always searched for.
    ok = (distance < 0.5 - _MARGIN) & ((candidate < _FIFTEEN_DIGITS) | longer) & (candidate > 0) & ~lopsided
    return candidate, ok


def text_from_decimals(values: np.ndarray, w: np.ndarray, q: np.ndarray, place: np.ndarray) -> np.ndarray:
    """``shortest_text(values)`` for doubles read from w * 10**q (``place`` from
    ``nearest_doubles``): digits from the decimal where they are provably the shortest."""
    digits, k, _ = decimal_digits(values, w, q, place)
    strip_zeros(digits, k)
    return laid_out(digits, k, np.signbit(values))


def decimal_digits(
    values: np.ndarray, w: np.ndarray, q: np.ndarray, place: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(d, k, same): ``shortest_digits(values)`` as d * 10**k (trailing zeros possibly kept)
    for doubles read from w * 10**q, and the rows where d, k are w, q themselves."""
    bits = values.view(np.uint64) & np.uint64((1 << 63) - 1)
    field = bits & _FIELD_BITS
    normal = bits > _FIELD_BITS
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = (field.astype(np.float64) + _HIDDEN + place) / w.astype(np.float64)  # w's unit, in ulps
    lopsided = field == 0
    # 17 digits first, over every row at once (most rows end here): w itself when it is short
    longer = w >= _POW10[17]
    dropped: np.ndarray | int = 0
    if bool(longer.any()):
        dropped = np.where(longer, digit_count(w) - 17, 0)
    candidate, ok = _rounded_candidates(w, place, unit, lopsided, dropped)
    ok &= normal
    digits = np.where(ok, candidate, 0).astype(np.uint64)
    same = ok & (digits == w)
    k = np.where(ok, q + dropped, 0)
    left = np.flatnonzero(~ok & normal & (w >= _POW10[15]) & ~np.isnan(place))
    if left.size:  # 16 digits, then 15, for the rest
        w_l, place_l, unit_l, lopsided_l = w[left], place[left], unit[left], lopsided[left]
        n = digit_count(w_l)
        for length in (16, 15):
            candidate, ok = _rounded_candidates(w_l, place_l, unit_l, lopsided_l, np.maximum(n - length, 0))
            done = np.flatnonzero(ok)
            at = left[done]
            digits[at] = candidate[done]
            k[at] = q[at] + np.maximum(n[done] - length, 0)
            more = np.flatnonzero(~ok)
            if more.size == 0:
                break
            left, w_l, place_l, unit_l, lopsided_l, n = (
                a[more] for a in (left, w_l, place_l, unit_l, lopsided_l, n)
            )
    others = np.flatnonzero(digits == 0)
    if others.size:
        digits[others], k[others] = shortest_digits(values[others])
    return digits, k, same
