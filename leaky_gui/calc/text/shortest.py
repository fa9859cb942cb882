"""Doubles to their shortest text: Python's ``repr``, vectorised (no Qt).

``shortest_digits`` finds, per double, the decimal with the fewest digits that reads back
to it, the nearest of those (halves to an even digit): Giulietti's Schubfach, with its
128-bit products of a table of powers of ten made from uint64 words. ``shortest_text``
lays those digits out as ``repr`` does (``1.0``, ``-0.037``, ``1e-05``, ``1.5e+16``;
plain from 1e-4 to below 1e16), as a byte matrix, NUL after each text.

The general path is ``repr`` itself; the two agree byte for byte (tests/test_text_engine.py).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from leaky_gui.calc.text.nearest import (
    POW10_U64,
    eight_digit_text,
    general_only,
    mul64,
    nearest_double,
    nearest_doubles,
)

TEXT_WIDTH = 24  # '-' 17 digits '.' 'e-308': the longest text of a double


class ExactDecimal(Protocol):
    """A decimal numerator / 10**scale (``calc.exact.ExactNumber``), as the rows take alphas."""

    @property
    def numerator(self) -> int: ...

    @property
    def scale(self) -> int: ...


def format_double(value: float) -> str:
    """The general path: the shortest text that reads back to ``value`` (Python's repr), never '-0.0'."""
    return repr(float(value) + 0.0)


format_number = format_double  # the app's one number style, by its old name


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
    strip_zeros(digits, exponents)
    return digits, exponents


def strip_zeros(digits: np.ndarray, exponents: np.ndarray) -> None:
    """Trailing zeros of each d * 10**k moved into k, in place."""
    rows = np.flatnonzero((digits % np.uint64(10) == 0) & (digits != 0))
    while rows.size:
        digits[rows] //= np.uint64(10)
        exponents[rows] += 1
        rows = rows[digits[rows] % np.uint64(10) == 0]


# ---------------------------------------------------------------------------
# Layout: repr's, as a byte matrix of fields, NUL where a field is shorter
#
# [sign][whole part, right-aligned][point][fraction, right-aligned][e, sign, exponent]
# The NULs are squeezed out when the rows are joined, so right-aligned fields need no
# shifting: '-1.5e-07' is '-', NUL.. '1', '.', NUL.. '5', 'e-07'; '12.25' has no 'e' field.


def digit_count(values: np.ndarray) -> np.ndarray:
    """Decimal digits of each uint64 (1 for 0)."""
    return np.maximum(np.searchsorted(POW10_U64, values, side="right"), 1).astype(np.int64)


def _field(values: np.ndarray, keep: np.ndarray, words: int) -> np.ndarray:
    """(rows, 8 * words) ASCII digits of values right-aligned, only the last ``keep`` of them
    (the others NUL); values below 10**(8 * words)."""
    rows = values.size
    out = np.empty((rows, words), dtype=np.uint64)
    rest = values
    for w in range(words - 1, 0, -1):
        rest, low = np.divmod(rest, np.uint64(10**8))
        out[:, w] = eight_digit_text(low)
    out[:, 0] = eight_digit_text(rest)
    out &= _KEEP_LAST_WORDS[words][keep]
    return out.view(np.uint8).reshape(rows, 8 * words)


def _keep_last(width: int) -> np.ndarray:
    mask = (np.arange(width)[None, :] >= width - np.arange(width + 1)[:, None]).astype(np.uint8) * 0xFF
    return mask.view(np.uint64).reshape(width + 1, width // 8)


_KEEP_LAST_WORDS = {words: _keep_last(8 * words) for words in (1, 2, 3)}


def _exponent_text() -> np.ndarray:
    """Per decimal exponent x (index x + 400): 'e', its sign, two or three digits, NUL-padded to 5."""
    table = np.zeros((800, 5), dtype=np.uint8)
    for x in range(-400, 400):
        text = f"e{'-' if x < 0 else '+'}{abs(x):02d}".encode()
        table[x + 400, : len(text)] = np.frombuffer(text, dtype=np.uint8)
    return table.view("V5").reshape(800)


_EXPONENT_TEXT = _exponent_text()


def shortest_text(values: np.ndarray) -> np.ndarray:
    """(rows, width) bytes: each finite double's ``repr`` (``0.0`` for both zeros), NUL-padded
    anywhere inside (the NULs are to be squeezed out)."""
    values = np.asarray(values, dtype=np.float64)
    digits, k = shortest_digits(values)
    return laid_out(digits, k, np.signbit(values))


def laid_out(digits: np.ndarray, k: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """``shortest_text``'s byte matrix of d * 10**k (d without trailing zeros, 0 for zero)."""
    rows = digits.size
    n = digit_count(digits)
    x = k + n - 1
    zero = digits == 0
    x[zero] = 0
    fixed = (x >= -4) & (x < 16)
    scientific = ~fixed
    # fixed: whole = d * 10**k or d // 10**-k, the fraction the rest ('0' for a whole number)
    n_frac = np.where(fixed, np.maximum(-k, 0), n - 1)
    n_frac = np.where(zero, 0, n_frac)
    power = POW10_U64[np.minimum(n_frac, 19)]
    whole = digits // power
    fraction = digits - whole * power
    up = fixed & (k > 0)
    if bool(up.any()):
        whole = np.where(up, digits * POW10_U64[np.where(up, k, 0)], whole)
    n_whole = np.where(fixed, np.maximum(x + 1, 1), 1)
    shown_frac = np.where(fixed & (n_frac == 0), 1, n_frac)  # '1.0': one zero after the point
    whole_width = int(n_whole.max(initial=1))  # the fields as wide as their longest
    frac_width = max(int(shown_frac.max(initial=1)), 1)
    whole_words, frac_words = -(-whole_width // 8), -(-frac_width // 8)
    any_e = bool(scientific.any())
    width = 1 + whole_width + 1 + frac_width + (5 if any_e else 0)
    out = np.empty((rows, width), dtype=np.uint8)
    out[:, 0] = np.where(negative & ~zero, ord("-"), 0)
    at = 1 + whole_width
    out[:, 1:at] = _field(whole, n_whole, whole_words)[:, 8 * whole_words - whole_width :]
    out[:, at] = np.where(shown_frac > 0, ord("."), 0)
    out[:, at + 1 : at + 1 + frac_width] = _field(fraction, shown_frac, frac_words)[
        :, 8 * frac_words - frac_width :
    ]
    if any_e:
        exponent = np.ndarray((rows,), dtype="V5", buffer=out, offset=width - 5, strides=(width,))
        exponent[:] = np.zeros(1, dtype="V5")
        exponent[scientific] = _EXPONENT_TEXT[x[scientific] + 400]
    return out


# ---------------------------------------------------------------------------
# Text a column at a time for the CSV writer: exact decimals, framework precisions
#
# Number text a column at a time, as byte matrices (no Qt): the CSV writer's fast path.
#
# A column is a (rows, width) uint8 matrix holding each row's text left-aligned, NUL where
# the text is shorter; the writer joins the columns and squeezes the NULs out at once.
#
# * Exact values ``N / 10**d`` whose numerator has at most 15 digits read back from their
#   own digits (15 digits always survive a double), so their shortest text is those digits
#   with trailing zeros trimmed, assembled from a table of four-digit groups;
# * anything else (scientific notation below 1e-4, more than 15 digits) goes through
#   ``format_number`` one value at a time, only for the rows that need it;
# * values in a framework precision print their shortest digits in that precision: float16
#   and bfloat16 from a table of the texts of their 65,536 bit patterns (``framework_text``);
#   float32 from ``shortest_digits``, vectorised.

_FAST_LIMIT = 10**15  # numerators below this have at most 15 significant digits
_MINUS, _POINT, _ZERO = (ord(c) for c in "-.0")

# Four zero-padded digits per entry ("0000".."9999") as one uint32 of their bytes, and
# the trailing zeros of each such group ("0000" counts as 4).
_GROUPS = np.arange(10_000)
_GROUP_TEXT = (
    (np.stack([_GROUPS // 1000, _GROUPS // 100 % 10, _GROUPS // 10 % 10, _GROUPS % 10], axis=1) + _ZERO)
    .astype(np.uint8)
    .view(np.uint32)
    .ravel()
)
_GROUP_TRAILING_ZEROS = sum((_GROUPS % 10**k == 0).astype(np.int64) for k in range(1, 5))


def _mask_table(int_width: int, frac_width: int) -> np.ndarray:
    """Keep-masks for [sign][int digits][.][frac digits], by (negative, digits kept)."""
    table = np.zeros((2, int_width, frac_width, 2 + int_width + frac_width), dtype=bool)
    for negative in (0, 1):
        for n_int in range(1, int_width + 1):
            for n_frac in range(1, frac_width + 1):
                row = table[negative, n_int - 1, n_frac - 1]
                row[0] = negative
                row[1 + int_width - n_int : 1 + int_width] = True
                row[1 + int_width] = True
                row[2 + int_width : 2 + int_width + n_frac] = True
    return table.reshape(-1, 2 + int_width + frac_width).view(np.uint8)


_MASK_TABLES: dict[tuple[int, int], np.ndarray] = {}


def fixed_text(num: np.ndarray, scale: int) -> np.ndarray:
    """Text of ``num / 10**scale``; every |num| < 10**15 and every nonzero value >= 1e-4."""
    rows = num.size
    magnitude = np.abs(num)
    largest = int(magnitude.max()) if rows else 0
    int_width = len(str(largest // 10**scale))
    frac_width = max(scale, 1)
    digits_needed = int_width + scale
    n_groups = -(-digits_needed // 4)

    group_text = np.empty((rows, n_groups), dtype=np.uint32)
    low_groups = []  # least significant first, for the trailing zeros
    rest = magnitude
    for g in range(n_groups - 1, 0, -1):
        rest, low = np.divmod(rest, 10_000)
        group_text[:, g] = _GROUP_TEXT[low]
        low_groups.append(low)
    group_text[:, 0] = _GROUP_TEXT[rest]
    low_groups.append(rest)
    digits = group_text.view(np.uint8).reshape(rows, 4 * n_groups)[:, 4 * n_groups - digits_needed :]

    width = 2 + int_width + frac_width
    chars = np.empty((rows, width), dtype=np.uint8)
    chars[:, 0] = _MINUS
    chars[:, 1 : 1 + int_width] = digits[:, :int_width]
    chars[:, 1 + int_width] = _POINT
    if scale:
        chars[:, 2 + int_width :] = digits[:, int_width:]
    else:
        chars[:, 2 + int_width] = _ZERO

    n_int = np.ones(rows, dtype=np.int64)
    for k in range(1, int_width):
        n_int += magnitude >= 10 ** (scale + k)
    if scale:
        trailing = _GROUP_TRAILING_ZEROS[low_groups[0]]
        run = low_groups[0] == 0
        for group in low_groups[1:]:
            if not run.any():
                break
            trailing = trailing + np.where(run, _GROUP_TRAILING_ZEROS[group], 0)
            run &= group == 0
        n_frac = scale - np.minimum(trailing, scale - 1)
    else:
        n_frac = np.ones(rows, dtype=np.int64)

    table = _MASK_TABLES.get((int_width, frac_width))
    if table is None:
        table = _MASK_TABLES.setdefault((int_width, frac_width), _mask_table(int_width, frac_width))
    key = ((num < 0) * int_width + (n_int - 1)) * frac_width + (n_frac - 1)
    # The mask rows as opaque items: a 1-D gather moves a row at a time, not a byte.
    masks = table.view(f"V{width}").reshape(-1)[key].view(np.uint8).reshape(rows, width)
    chars *= masks
    return chars


# Below this many values the vectorised path's few dozen numpy calls cost more than the
# general path one value at a time (the same bytes either way).
_FEW = 1024


def python_text(values: list[float] | np.ndarray) -> np.ndarray:
    """Text of arbitrary doubles (``format_number``'s): ``shortest_text``, or one by one on the
    general path and where a value is not finite."""
    doubles = np.asarray(values, dtype=np.float64)
    if doubles.size >= _FEW and not general_only() and bool(np.isfinite(doubles).all()):
        return shortest_text(doubles)
    encoded = np.array([format_double(v).encode("ascii") for v in doubles.tolist()], dtype=bytes)
    return encoded.view(np.uint8).reshape(doubles.size, encoded.itemsize)


def scaled_text(num: np.ndarray, scale: int) -> np.ndarray:
    """Text of ``num / 10**scale`` for int64 numerators, fast where the digits allow."""
    magnitude = np.abs(num)
    slow = magnitude >= _FAST_LIMIT
    if scale > 4:
        slow |= (magnitude < 10 ** (scale - 4)) & (magnitude != 0)  # below 1e-4: 'e' notation
    if not slow.any():
        return fixed_text(num, scale)
    slow_rows = np.flatnonzero(slow)
    part = num[slow_rows]
    if general_only() or part.size < _FEW:
        slow_chars = python_text(
            [nearest_double(abs(int(n)), -scale) * (-1 if n < 0 else 1) for n in part.tolist()]
        )
    else:
        slow_chars = python_text(
            nearest_doubles(np.abs(part).astype(np.uint64), np.full(part.size, -scale), part < 0)
        )
    fast_chars = fixed_text(np.where(slow, 0, num), scale)
    width = max(fast_chars.shape[1], slow_chars.shape[1])
    chars = pad(fast_chars, width)
    chars[slow_rows] = pad(slow_chars, width)
    return chars


def pad(matrix: np.ndarray, width: int) -> np.ndarray:
    if matrix.shape[1] == width:
        return matrix
    padded = np.zeros((matrix.shape[0], width), dtype=matrix.dtype)
    padded[:, : matrix.shape[1]] = matrix
    return padded


def merged(base: np.ndarray, part: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The text matrix ``base`` with ``rows`` (sorted, distinct) replaced by ``part``: a copy
    (``base`` is never changed), or ``part`` itself where ``rows`` are every row."""
    if rows.size == base.shape[0]:
        return part
    width = max(base.shape[1], part.shape[1])
    out = pad(base, width)
    if out is base:
        out = base.copy()
    if rows.size and rows[-1] - rows[0] + 1 == rows.size:  # one run (a sweep's x <= 0): a slice
        out[rows[0] : rows[-1] + 1] = pad(part, width)
    else:
        out[rows] = pad(part, width)
    return out


def constant_text(texts: list[str], choice: np.ndarray) -> np.ndarray:
    """Column showing ``texts[choice[i]]`` in row i."""
    encoded = np.array([t.encode("ascii") for t in texts], dtype=bytes)
    return encoded.view(np.uint8).reshape(len(texts), encoded.itemsize)[choice]
