"""Doubles to their shortest text: Python's ``repr``, vectorised (no Qt).

``shortest_digits`` finds, per double, the decimal with the fewest digits that reads back
to it, the nearest of those (halves to an even digit): Giulietti's Schubfach, with its
128-bit products of a table of powers of ten made from uint64 words. ``shortest_text``
lays those digits out as ``repr`` does (``1.0``, ``-0.037``, ``1e-05``, ``1.5e+16``;
plain from 1e-4 to below 1e16), as a byte matrix, NUL after each text.

The general path is ``repr`` itself; the two agree byte for byte (tests/test_text_engine.py).
"""

from __future__ import annotations

import math
import threading
from decimal import Decimal, localcontext

import numpy as np

from leaky_gui.calc.precision import (
    _DROPPED,
    _EXACT_POWERS,
    _HALF_OF_DROPPED,
    _POWERS,
    digits_text,
    format_in,
    round_to,
)
from leaky_gui.calc.precision import shortest_digits as precision_digits
from leaky_gui.calc.text.parse import eight_digit_text, general_only, mul64, nearest_double, nearest_doubles

__all__ = [
    "TEXT_WIDTH",
    "csv_line",
    "decimal_label",
    "format_double",
    "format_label",
    "format_number",
    "shortest_digits",
    "shortest_text",
]

TEXT_WIDTH = 24  # '-' 17 digits '.' 'e-308': the longest text of a double


def format_double(value: float) -> str:
    """The general path: the shortest text that reads back to ``value`` (Python's repr), never '-0.0'."""
    return repr(float(value) + 0.0)


format_number = format_double  # the app's one number style, by its old name


def format_label(value: float | Decimal) -> str:
    """Number text for names and legends: format_number without a bare '.0' ('0', '1', '0.01').

    A Decimal (an alpha as typed) is named by :func:`decimal_label`, digit for digit, never
    through a float: 0.1 and 0.10000000000000000001 are two alphas and keep two names.
    """
    if isinstance(value, Decimal):
        return decimal_label(value)
    text = format_double(value)
    return text[:-2] if text.endswith(".0") else text


def decimal_label(value: Decimal) -> str:
    """A decimal in the app's one number style, digit for digit: '-4', '0.05', '1e-11', '1.5e+20'.

    The style is format_label's (Python's repr without a bare '.0'): plain notation from
    1e-4 up to 1e16, scientific outside. For a decimal that is a double's shortest text the
    two agree, ``decimal_label(Decimal(repr(f))) == format_label(f)``; longer decimals keep
    every digit typed, as the sweep computes with them all.
    """
    if not value:
        return "0"
    with localcontext() as context:  # every digit: normalize() would round to 28
        context.prec = max(28, len(value.as_tuple().digits))
        value = value.normalize()
    sign, digits, _ = value.as_tuple()
    exponent = value.adjusted()
    text = "".join(map(str, digits))
    if -4 <= exponent < 16:
        return format(value, "f")
    mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
    return f"{'-' if sign else ''}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def csv_line(cells: list[str], decimal_comma: bool = False, separator: str | None = None) -> str:
    """One line of cells: ',' between them, or ';' and decimal commas with ``decimal_comma``."""
    if decimal_comma:
        cells = [cell.replace(".", ",") for cell in cells]
    return (separator or (";" if decimal_comma else ",")).join(cells) + "\n"


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
# Layout: repr's, as a byte matrix of fields, NUL where a field is shorter
#
# [sign][whole part, right-aligned][point][fraction, right-aligned][e, sign, exponent]
# The NULs are squeezed out when the rows are joined, so right-aligned fields need no
# shifting: '-1.5e-07' is '-', NUL.. '1', '.', NUL.. '5', 'e-07'; '12.25' has no 'e' field.

_POW10 = 10 ** np.arange(20, dtype=np.uint64)
_MAX_FIELD = 24  # digits of a field at most (three words)


def _digit_count(values: np.ndarray) -> np.ndarray:
    """Decimal digits of each uint64 (1 for 0)."""
    return np.maximum(np.searchsorted(_POW10, values, side="right"), 1).astype(np.int64)


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
    rows = values.size
    digits, k = shortest_digits(values)
    n = _digit_count(digits)
    x = k + n - 1
    zero = digits == 0
    x[zero] = 0
    fixed = (x >= -4) & (x < 16)
    scientific = ~fixed
    # fixed: whole = d * 10**k or d // 10**-k, the fraction the rest ('0' for a whole number)
    n_frac = np.where(fixed, np.maximum(-k, 0), n - 1)
    n_frac = np.where(zero, 0, n_frac)
    power = _POW10[np.minimum(n_frac, 19)]
    whole = digits // power
    fraction = digits - whole * power
    up = fixed & (k > 0)
    if bool(up.any()):
        whole = np.where(up, digits * _POW10[np.where(up, k, 0)], whole)
    n_whole = np.where(fixed, np.maximum(x + 1, 1), 1)
    shown_frac = np.where(fixed & (n_frac == 0), 1, n_frac)  # '1.0': one zero after the point
    whole_words = -(-int(n_whole.max(initial=1)) // 8)
    frac_words = max(-(-int(shown_frac.max(initial=1)) // 8), 1)
    any_e = bool(scientific.any())
    width = 1 + 8 * whole_words + 1 + 8 * frac_words + (5 if any_e else 0)
    out = np.empty((rows, width), dtype=np.uint8)
    out[:, 0] = np.where(np.signbit(values) & ~zero, ord("-"), 0)
    at = 1 + 8 * whole_words
    out[:, 1:at] = _field(whole, n_whole, whole_words)
    out[:, at] = np.where(shown_frac > 0, ord("."), 0)
    out[:, at + 1 : at + 1 + 8 * frac_words] = _field(fraction, shown_frac, frac_words)
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
#   and bfloat16 from a table of the texts of their 65,536 bit patterns, filled as values
#   turn up; float32 from ``shortest_digits``, vectorised.

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


def constant_text(texts: list[str], choice: np.ndarray) -> np.ndarray:
    """Column showing ``texts[choice[i]]`` in row i."""
    encoded = np.array([t.encode("ascii") for t in texts], dtype=bytes)
    return encoded.view(np.uint8).reshape(len(texts), encoded.itemsize)[choice]


# ---------------------------------------------------------------------------
# Framework precisions

_TABLES: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # precision -> (texts, known)
_TABLES_LOCK = threading.Lock()  # held while a table is filled in


def _bit_patterns(values: np.ndarray, precision: str) -> np.ndarray:
    with np.errstate(over="ignore"):
        if precision == "float16":
            return values.astype(np.float16).view(np.uint16)
        return (values.astype(np.float32).view(np.uint32) >> 16).astype(np.uint16)


def _pattern_values(patterns: np.ndarray, precision: str) -> np.ndarray:
    if precision == "float16":
        return patterns.astype(np.uint16).view(np.float16).astype(np.float64)
    return (patterns.astype(np.uint32) << 16).view(np.float32).astype(np.float64)


def _table_text(values: np.ndarray, precision: str) -> np.ndarray:
    """float16 or bfloat16 texts by bit pattern; each pattern is formatted the first time it shows.

    The table is exactly as wide as its longest text so far, so a lookup is one ``take``.
    Threads share it: a lookup of known patterns needs no lock, as a table once published
    never loses a text it marks known; filling it in takes ``_TABLES_LOCK``.
    """
    bits = _bit_patterns(values, precision)
    table = _TABLES.get(precision)
    if table is None or not table[1][bits].all():
        with _TABLES_LOCK:
            table = _fill_table(bits, precision)
    return np.take(table[0], bits, axis=0)


def _fill_table(bits: np.ndarray, precision: str) -> tuple[np.ndarray, np.ndarray]:
    """Add the texts of the patterns ``bits`` to the table of ``precision`` (under the lock).

    The texts are written before a new ``known`` marks them, and both are published as one
    tuple, so a reader holding either the old or the new table sees every text it marks known.
    """
    texts, known = _TABLES.get(precision) or (
        np.zeros((1 << 16, 1), dtype=np.uint8),
        np.zeros(1 << 16, dtype=bool),
    )
    unknown = ~known[bits]
    if unknown.any():
        new = np.flatnonzero(np.bincount(bits[unknown], minlength=1 << 16))  # sorted, unique
        fresh = _left_aligned(digits_text_column(_pattern_values(new, precision), precision))
        if fresh.shape[1] > texts.shape[1]:
            texts = pad(texts, fresh.shape[1])
        texts[new, : fresh.shape[1]] = fresh  # rows nobody reads yet: they are not known
        known = known.copy()
        known[new] = True
        _TABLES[precision] = texts, known
    return texts, known


def _left_aligned(matrix: np.ndarray) -> np.ndarray:
    """The same texts with their NULs moved to the end of each row, and no wider than needed."""
    keep = matrix != 0
    place = np.cumsum(keep, axis=1) - 1
    out = np.zeros((matrix.shape[0], int(keep.sum(axis=1).max(initial=0))), dtype=np.uint8)
    rows = np.broadcast_to(np.arange(matrix.shape[0])[:, None], matrix.shape)
    out[rows[keep], place[keep]] = matrix[keep]
    return out


def precision_text(
    values: np.ndarray | None,
    precision: str,
    decimals: tuple[np.ndarray, int] | None = None,
    divided: bool = False,
) -> np.ndarray:
    """Shortest text in a framework ``precision`` of values it holds exactly (as float64), as a column.

    ``decimals`` (numerators, scale), when given, are exact decimals near the float32
    values (those they were rounded from, or alpha * x for f): a decimal that float32 of it
    is the value, and no finer than float32's spacing there, is its own shortest text.
    ``divided`` says the values are float32 of ``np.divide(num, 10.0**scale)``, the doubles
    nearest the decimals, so that it need not be checked; ``values`` may then be None, and
    are made so where needed.
    """
    if precision == "float32":
        if decimals is not None:
            return _float32_text_of_decimals(values, *decimals, divided)
        return digits_text_column(values, precision)
    return _table_text(values, precision)


_FLOAT32_TINY = 2.0**-126  # below it float32 is subnormal and keeps fewer digits
_FLOAT32_MAX = float(np.finfo(np.float32).max)


def _coarse_enough_table() -> np.ndarray:
    """Per float32 binade e (spacing 2**(e-23), e from -126 to 127, at index e + 126): the
    smallest g with 10**g > 2**(e-23), found in exact integers."""
    table = []
    for e in range(-126, 128):
        k = e - 23
        g = 0
        if k >= 0:
            while 10**g <= 2**k:
                g += 1
        else:
            while 10 ** (-(g - 1)) < 2 ** (-k):  # 10**(g-1) > 2**k: g - 1 still coarse enough
                g -= 1
        table.append(g)
    return np.array(table, dtype=np.int64)


_COARSE_ENOUGH = _coarse_enough_table()


def _float32_text_of_decimals(
    values: np.ndarray | None, num: np.ndarray, scale: int, divided: bool = False
) -> np.ndarray:
    """float32 text of values rounded from decimals num / 10**scale: coarse decimals print as themselves.

    A decimal D = N * 10**g (N not a multiple of 10) is the shortest decimal that reads
    back to v = float32(D) when (a) D lies in v's rounding interval and (b) no other
    decimal of as many significant digits or fewer does. (b): every such decimal lies at
    least 10**g from D (10**(g-1) when D is a power of ten, which 9 * 10**(g-1) below it
    may approach), and the interval is at most float32's spacing above v wide, so it holds
    no other one when that distance exceeds the spacing. (a): v is float32 of d, the double
    nearest D (as PyTorch converts); it is float32 of D itself unless d is exactly halfway
    between two float32, which is checked. Normal float32 only, with d one division away.
    Such rows print as the exact decimal (``scaled_text``); the others take the search.
    Given ``divided`` the values are float32 of d = ``np.divide(num, 10.0**scale)`` by the
    caller's word (and made so if None). The midpoints need no test in a chunk where no
    d can be one without being D itself (``_no_ambiguous_midpoint``).
    """
    if num.size == 0:
        return scaled_text(num, scale)
    short: np.ndarray | None = None  # which rows print as their decimal; None: every row
    if scale > _EXACT_POWERS:
        short = (num == 0) & (values == 0)
    else:
        # Bounds of the chunk first: most chunks need no row-by-row range or digit test.
        low, high = int(num.min()), int(num.max())
        largest = max(high, -low)
        exact = None if largest < 2**53 or divided else np.abs(num) < 2**53
        doubles = None
        if not divided:  # d one division away where exact
            doubles = np.divide(num if exact is None else np.where(exact, num, 0), 10.0**scale)
            short = doubles.astype(np.float32) == values  # v is float32(d)
            if exact is not None:
                short &= exact
        if not _no_ambiguous_midpoint(largest, scale):  # the rows of a mixed chunk too
            if doubles is None:
                doubles = np.divide(num, 10.0**scale)
            short = _both(short, (doubles.view(np.uint64) & np.uint64(_DROPPED)) != _HALF_OF_DROPPED)
        # Every nonzero |D| >= 10**-22 is a normal float32; the largest may not be.
        if largest / 10**scale > _FLOAT32_MAX:
            values = _held(values, num, scale)
            short = _both(short, np.abs(values) <= _FLOAT32_MAX)
        # N must be a multiple of 10**need, need + 1 for a power of ten; need grows with |v|,
        # so a need below 0 at the largest |v| holds for every row (a sweep's all), and a
        # need of 0 there fails only for N = +-1 (the power of ten 10**0 needs a zero).
        # The largest |v| of a short row is float32 of the largest |D| (rounding keeps the order).
        with np.errstate(over="ignore"):
            top = float(np.float32(largest / 10**scale))
        need = _COARSE_ENOUGH[_binade(np.array([top]))[0]] + scale if top <= _FLOAT32_MAX else 1
        if need == 0 and (low <= 1 <= high or low <= -1 <= high):
            short = _both(short, np.abs(num) != 1)
        elif need > 0:
            values = _held(values, num, scale)
            if short is None:
                short = np.ones(num.shape, dtype=bool)
            _need_digits(short, values, num, scale)
    if short is None or short.all():
        return scaled_text(num, scale)
    if not short.any():
        return digits_text_column(_held(values, num, scale), "float32")
    rest = np.flatnonzero(~short)
    fast = scaled_text(np.where(short, num, 0), scale)  # a new matrix: filled in below
    slow = digits_text_column(_held(values, num, scale, rest), "float32")
    chars = pad(fast, max(fast.shape[1], slow.shape[1]))
    chars[rest] = pad(slow, chars.shape[1])
    return chars


def _both(short: np.ndarray | None, rows: np.ndarray) -> np.ndarray:
    """``short`` narrowed to ``rows`` (None stands for every row): in place, or ``rows`` itself
    when ``short`` is None, so ``rows`` must be an array of the caller's own."""
    if short is None:
        return rows
    short &= rows
    return short


def _held(
    values: np.ndarray | None, num: np.ndarray, scale: int, rows: np.ndarray | None = None
) -> np.ndarray:
    """``values`` (of ``rows``), or float32 of num / 10**scale when the caller left them to be made."""
    if values is None:
        return round_to(np.divide(num if rows is None else num[rows], 10.0**scale), "float32")
    return values if rows is None else values[rows]


def _no_ambiguous_midpoint(largest: int, scale: int) -> bool:
    """Whether no double d nearest a decimal D = N / 10**scale (|N| <= largest < 2**53) can lie
    on a float32 midpoint without being D itself, whose side of it is then unknown.

    A midpoint of binade e is an odd multiple of 2**(e-24), and d lies within 2**(e-53) of D;
    in units of 2**(e-24), D = N * 2**(24-e) / 10**scale is a fraction with denominator
    5**scale * 2**max(0, scale + e - 24), so D is an odd integer there or at least that
    denominator's inverse from one. Below 2**-29 it cannot be that close without being one.
    e is at most the binade of the largest |D| (a sweep's: 5**5 * 1 for 5 places below 2**24).
    """
    e = math.frexp(largest / 10**scale)[1]  # 2**(e-1) <= |D| < 2**e: binades up to e - 1
    return 5**scale * 2 ** max(0, scale + e - 24) < 2**29


def _binade(values: np.ndarray) -> np.ndarray:
    """Index into ``_COARSE_ENOUGH`` of each value's float32 binade (clipped to the normal ones)."""
    size = np.abs(values)
    binade = ((size.view(np.uint64) >> np.uint64(52)) & np.uint64(0x7FF)).astype(np.int64) - 1023
    return np.clip(binade, -126, 127) + 126


def _need_digits(short: np.ndarray, values: np.ndarray, num: np.ndarray, scale: int) -> None:
    """Clear ``short`` where N is not a multiple of 10**need (need + 1 for a power of ten)."""
    need = _COARSE_ENOUGH[_binade(values)] + scale
    rows = np.flatnonzero(short & (need >= 0))
    if rows.size:
        magnitude = np.abs(num[rows])
        digits = np.searchsorted(_POWERS, magnitude, side="right")
        need_here = need[rows] + (magnitude == _POWERS[np.maximum(digits - 1, 0)])
        short[rows] = (need_here <= 18) & (magnitude % _POWERS[np.clip(need_here, 0, 18)] == 0)


def digits_text_column(values: np.ndarray, precision: str) -> np.ndarray:
    """Shortest text in ``precision``, vectorised: the digits, then the exact-decimal fast path.

    The shortest decimal m * 10**k has at most 9 digits, so the double nearest it prints as
    those digits: at one scale for the chunk, m * 10**(scale + k) / 10**scale goes through
    ``scaled_text`` like any exact sweep value.
    """
    finite = np.isfinite(values)
    every = bool(finite.all())
    m, k = precision_digits(values if every else np.where(finite, values, 0.0), precision)
    scale = int(max(0, -k.min())) if k.size else 0
    n_digits = np.maximum(np.searchsorted(_POWERS, np.abs(m), side="right"), 1)
    shift = scale + k
    fits = shift + n_digits <= 15  # m * 10**(scale + k) below 10**15
    if not every:
        fits &= finite
    num = np.where(fits, m, 0) * _POWERS[np.where(fits, shift, 0)]
    chars = scaled_text(num, scale)
    others = np.flatnonzero(~fits)
    if others.size:
        texts = [
            digits_text(int(m[r]), int(k[r])) if finite[r] else format_in(values[r], precision)
            for r in others
        ]
        extra = constant_text(texts, np.arange(others.size))
        width = max(chars.shape[1], extra.shape[1])
        chars = pad(chars, width)
        chars[others] = pad(extra, width)
    return chars
