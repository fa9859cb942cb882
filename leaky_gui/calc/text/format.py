"""Doubles to their shortest text: Python's ``repr``, vectorised (no Qt).

``shortest_digits`` finds, per double, the decimal with the fewest digits that reads back
to it, the nearest of those (halves to an even digit): Giulietti's Schubfach, with its
128-bit products of a table of powers of ten made from uint64 words. ``shortest_text``
lays those digits out as ``repr`` does (``1.0``, ``-0.037``, ``1e-05``, ``1.5e+16``;
plain from 1e-4 to below 1e16), as a byte matrix, NUL after each text.

The general path is ``repr`` itself; the two agree byte for byte (tests/test_text_engine.py).
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.text.wide import mul64

__all__ = ["TEXT_WIDTH", "format_double", "shortest_digits", "shortest_text"]

TEXT_WIDTH = 24  # '-' 17 digits '.' 'e-308': the longest text of a double
_LAYOUT_WIDTH = TEXT_WIDTH - 1  # the text after its sign


def format_double(value: float) -> str:
    """The general path: the shortest text that reads back to ``value`` (Python's repr), never '-0.0'."""
    return repr(float(value) + 0.0)


def _pow10_table() -> tuple[np.ndarray, np.ndarray]:
    """g(e) = floor(10**e / 2**r) + 1 in [2**127, 2**128], e from -292 to 324, as two words."""
    highs, lows = [], []
    for e in range(_E_MIN, _E_MAX + 1):
        r = _floor_log2_pow10(e) - 127
        power = 10**e if e >= 0 else None
        g = (1 << -r) // 10**-e + 1 if power is None else (power >> r if r >= 0 else power << -r) + 1
        highs.append(g >> 64)
        lows.append(g & ((1 << 64) - 1))
    return np.array(highs, dtype=np.uint64), np.array(lows, dtype=np.uint64)


def _floor_log2_pow10(e: int) -> int:
    return (e * 1741647) >> 19


_E_MIN, _E_MAX = -292, 324
_G_HIGH, _G_LOW = _pow10_table()
_ONE = np.uint64(1)


def _round_to_odd(g_high: np.ndarray, g_low: np.ndarray, cp: np.ndarray) -> np.ndarray:
    """The top 64 bits of g * cp (g of 128 bits), with the lowest set where the rest is nonzero."""
    x_high, _ = mul64(g_low, cp)
    y_high, y_low = mul64(g_high, cp)
    z0 = y_low + x_high
    z1 = y_high + (z0 < y_low)
    return z1 | (z0 > _ONE)


def shortest_digits(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(d, k) per finite double: |value| = d * 10**k shortest, d uint64 without trailing zeros;
    zeros give (0, 0)."""
    bits = np.abs(np.asarray(values, dtype=np.float64)).view(np.uint64)
    ieee_exponent = (bits >> np.uint64(52)).astype(np.int64)
    fraction = bits & np.uint64((1 << 52) - 1)
    normal = ieee_exponent != 0
    c = np.where(normal, fraction | np.uint64(1 << 52), fraction)
    q = np.where(normal, ieee_exponent - 1075, -1074)
    closer = (fraction == 0) & (ieee_exponent > 1)
    cb = c << np.uint64(2)
    cbl = cb - np.uint64(2) + closer.astype(np.uint64)
    cbr = cb + np.uint64(2)
    k = (q * 1262611 - np.where(closer, 524031, 0)) >> 22
    h = (q + ((-k * 1741647) >> 19) + 1).astype(np.uint64)
    index = np.clip(-k - _E_MIN, 0, _E_MAX - _E_MIN)
    g_high, g_low = _G_HIGH[index], _G_LOW[index]
    vbl = _round_to_odd(g_high, g_low, cbl << h)
    vb = _round_to_odd(g_high, g_low, cb << h)
    vbr = _round_to_odd(g_high, g_low, cbr << h)
    even = (c & _ONE) == 0
    lower = vbl + (~even).astype(np.uint64)
    upper = vbr - (~even).astype(np.uint64)
    s = vb >> np.uint64(2)
    sp = s // np.uint64(10)
    forty = sp * np.uint64(40)
    up_inside = lower <= forty
    wp_inside = forty + np.uint64(40) <= upper
    shorter = (s >= np.uint64(10)) & (up_inside != wp_inside)
    four_s = s << np.uint64(2)
    u_inside = lower <= four_s
    w_inside = four_s + np.uint64(4) <= upper
    middle = four_s + np.uint64(2)
    round_up = (vb > middle) | ((vb == middle) & ((s & _ONE) != 0))
    digits = np.where(shorter, sp + wp_inside, np.where(u_inside != w_inside, s + w_inside, s + round_up))
    exponents = k + shorter
    zero = bits == 0
    digits[zero] = 0
    exponents[zero] = 0
    _strip_zeros(digits, exponents)
    return digits, exponents


def _strip_zeros(digits: np.ndarray, exponents: np.ndarray) -> None:
    rows = np.flatnonzero((digits % np.uint64(10) == 0) & (digits != 0))
    while rows.size:
        digits[rows] //= np.uint64(10)
        exponents[rows] += 1
        rows = rows[digits[rows] % np.uint64(10) == 0]


# ---------------------------------------------------------------------------
# Layout: repr's, as a byte matrix

_ZERO = ord("0")
_GROUPS = np.arange(10_000)
_GROUP_TEXT = (
    (np.stack([_GROUPS // 1000, _GROUPS // 100 % 10, _GROUPS // 10 % 10, _GROUPS % 10], axis=1) + _ZERO)
    .astype(np.uint8)
    .view(np.uint32)
    .ravel()
)
_DIGIT_COLUMNS = 20  # the digits of d right-aligned, leading zeros: 5 groups of four


def _digit_matrix(digits: np.ndarray) -> np.ndarray:
    """(rows, 20) bytes: each d's decimal digits right-aligned with leading zeros."""
    rows = digits.size
    groups = np.empty((rows, 5), dtype=np.uint32)
    rest = digits
    for g in range(4, 0, -1):
        rest, low = np.divmod(rest, np.uint64(10_000))
        groups[:, g] = _GROUP_TEXT[low.astype(np.intp)]
    groups[:, 0] = _GROUP_TEXT[rest.astype(np.intp)]
    return groups.view(np.uint8).reshape(rows, _DIGIT_COLUMNS)


def _count_digits(digits: np.ndarray) -> np.ndarray:
    return np.searchsorted(_POW10_ALL, digits, side="right").astype(np.int64)


_POW10_ALL = 10 ** np.arange(20, dtype=np.uint64)
_NUL_COLUMN = _DIGIT_COLUMNS  # the index of a NUL in the source row
_SOURCE_WIDTH = _DIGIT_COLUMNS + 1


def _layouts() -> tuple[np.ndarray, np.ndarray]:
    """Per (n digits 1..17, decimal exponent of the first digit -324..308): where each output
    byte comes from (a digit column, or the NUL column) and the constant bytes to add."""
    n_range = range(1, 18)
    x_range = range(-324, 309)
    take = np.full((len(n_range), len(x_range), _LAYOUT_WIDTH), _NUL_COLUMN, dtype=np.uint8)
    const = np.zeros((len(n_range), len(x_range), _LAYOUT_WIDTH), dtype=np.uint8)
    for a, n in enumerate(n_range):
        for b, x in enumerate(x_range):
            sources: list[int | str] = []  # digit index i (0 = first) or a constant character
            digit = list(range(n))
            if -4 <= x < 16:
                if x >= n - 1:
                    sources = [*digit, *"0" * (x - n + 1), ".", "0"]
                elif x >= 0:
                    sources = [*digit[: x + 1], ".", *digit[x + 1 :]]
                else:
                    sources = ["0", ".", *"0" * (-x - 1), *digit]
            else:
                mantissa = [digit[0]] + (([".", *digit[1:]]) if n > 1 else [])
                sources = [*mantissa, "e", "-" if x < 0 else "+", *f"{abs(x):02d}"]
            for j, source in enumerate(sources):
                if isinstance(source, int):
                    take[a, b, j] = _DIGIT_COLUMNS - n + source
                else:
                    const[a, b, j] = ord(source)
    return take.reshape(-1, _LAYOUT_WIDTH), const.reshape(-1, _LAYOUT_WIDTH)


_TAKE, _CONST = _layouts()
_X_MIN = -324


def shortest_text(values: np.ndarray) -> np.ndarray:
    """(rows, 24) bytes: each finite double's ``repr`` (``0.0`` for both zeros), NUL after it."""
    values = np.asarray(values, dtype=np.float64)
    rows = values.size
    digits, exponents = shortest_digits(values)
    n = np.maximum(_count_digits(digits), 1)
    first = exponents + n - 1
    first[digits == 0] = 0
    key = (n - 1) * (308 - _X_MIN + 1) + (first - _X_MIN)
    source = np.zeros((rows, _SOURCE_WIDTH), dtype=np.uint8)
    source[:, :_DIGIT_COLUMNS] = _digit_matrix(digits)
    chars = np.take_along_axis(source, _TAKE[key], axis=1)
    chars |= _CONST[key]
    negative = np.signbit(values) & (digits != 0)
    out = np.empty((rows, TEXT_WIDTH), dtype=np.uint8)
    out[:, 1:] = chars
    out[:, 0] = np.where(negative, ord("-"), 0)
    return out
