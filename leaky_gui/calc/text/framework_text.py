"""Number text in the framework precisions, a column at a time (no Qt): the CSV writer's.

Values in a framework precision print their shortest digits in that precision: float16 and
bfloat16 from a table of the texts of their 65,536 bit patterns (float16's made whole at its
first use, in int64 arithmetic, and so bfloat16's from 2**-37 to 2**13; the search fills in
the others as they turn up); float32 from ``shortest_digits``, vectorised
(``calc.text.shortest`` holds the other columns).
"""

from __future__ import annotations

import math
import threading

import numpy as np

from leaky_gui.calc.precision import round_to
from leaky_gui.calc.text.framework_digits import (
    _DROPPED,
    _HALF_OF_DROPPED,
    digits_text,
    format_in,
    shortest_digits,
)
from leaky_gui.calc.text.nearest import EXACT_POWERS, POW10_I64, general_only
from leaky_gui.calc.text.shortest import constant_text, laid_out, pad, scaled_text, strip_zeros

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
    Most of a table is made at its first use (``_first_table``), the general path excepted.
    """
    if precision not in _TABLES and not general_only():
        _TABLES[precision] = _first_table(precision)
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
    lines = np.empty((matrix.shape[0], matrix.shape[1] + 1), dtype=np.uint8)
    lines[:, :-1] = matrix
    lines[:, -1] = ord("\n")
    texts = np.array(lines.tobytes().translate(None, b"\0").split(b"\n")[:-1], dtype=bytes)
    return texts.view(np.uint8).reshape(matrix.shape[0], texts.itemsize)


# The texts of most patterns are made at a table's first use, in int64 arithmetic: float16's
# every finite one, bfloat16's from 2**-37 to below 2**13 (the search fills in the others as
# they turn up). Scaled by 2**shift, such values and the ends of the intervals that round to
# them are integers (a quarter of the smallest spacing is 1), and every product below fits.
# precision: (significand bits, smallest normal exponent, shift, first and end positive pattern)
_IN_INTEGERS = {
    "float16": (11, -14, 25, 0x0001, 0x7C00),
    "bfloat16": (8, -126, 46, (127 - 37) << 7, (127 + 13) << 7),
}
_FIRST_DECADE = -12
_DECADES = np.array([float(f"1e{q}") for q in range(_FIRST_DECADE, 5)])  # the doubles nearest 10**q


def _first_table(precision: str) -> tuple[np.ndarray, np.ndarray]:
    """(texts, known) of ``precision``'s patterns that ``_IN_INTEGERS`` covers, both zeros, and
    float16's infinities and nans: every float16 pattern. Left-aligned, as the search's.

    The digits are ``shortest_digits``' (the shortest decimal that reads back, the nearest
    of those, halves to even), found with integers alone, so no value needs the exact
    search; a negative number's text is its magnitude's after a minus sign.
    """
    bits, min_exponent, shift, first, end = _IN_INTEGERS[precision]
    patterns = np.arange(first, end)
    m, k = _integer_digits(_pattern_values(patterns, precision), bits, min_exponent, shift)
    digits = m.astype(np.uint64)
    strip_zeros(digits, k)
    positive = _left_aligned(laid_out(digits, k, np.zeros(m.shape, dtype=bool)))
    width = positive.shape[1] + 1
    texts = np.zeros((1 << 16, width), dtype=np.uint8)
    known = np.zeros(1 << 16, dtype=bool)
    texts[patterns, : width - 1] = positive
    texts[patterns | 0x8000, 1:] = positive
    texts[patterns | 0x8000, 0] = ord("-")
    texts[[0, 0x8000], :3] = np.frombuffer(b"0.0", dtype=np.uint8)  # never '-0.0'
    known[patterns] = known[patterns | 0x8000] = known[[0, 0x8000]] = True
    if precision == "float16":  # then inf, the nans, -inf and the nans
        special = np.arange(end, 0x8000)
        texts[special] = texts[special | 0x8000] = pad(
            constant_text(["inf", "nan"], np.minimum(special - end, 1)), width
        )
        texts[end | 0x8000, :4] = np.frombuffer(b"-inf", dtype=np.uint8)
        known[:] = True
    return texts, known


def _integer_digits(
    values: np.ndarray, bits: int, min_exponent: int, shift: int
) -> tuple[np.ndarray, np.ndarray]:
    """(m, k) of positive ``values`` of a precision as ``shortest_digits`` gives them, in int64.

    Scaled by 2**shift, v is an integer and the interval that rounds to it is [low, high]
    (closed when v's last significand bit is 0). The shortest decimal is a multiple of the
    largest 10**j with a multiple in it: j from decade(v) + 1 down, five digits at most
    (float16's spacing is above v * 2**-11, more than 10**-4 of v's decade; bfloat16's,
    four); m is the multiple nearest v. Where that is 10**j itself, 9 * 10**(j-1) (or the
    digit nearest v at that place) is as short, and is taken if inside and nearer.
    """
    exponent = np.maximum(np.frexp(values)[1].astype(np.int64) - 1, min_exponent)
    scaled = np.ldexp(values, shift).astype(np.int64)
    half = np.left_shift(1, exponent - bits + shift).astype(np.int64)  # of the spacing
    at_power = (scaled == np.left_shift(1, exponent + shift)) & (exponent > min_exponent)
    low, high = scaled - np.where(at_power, half >> 1, half), scaled + half
    closed = (scaled // (2 * half)) & 1 == 0
    decade = np.searchsorted(_DECADES, values, side="right") - 1 + _FIRST_DECADE
    m = np.zeros(values.shape, dtype=np.int64)
    k = np.zeros(values.shape, dtype=np.int64)
    todo = np.arange(values.size)
    for fewer in range(-1, 5):
        j = decade[todo] - fewer
        first, last, num, unit = _multiples(low[todo], high[todo], closed[todo], scaled[todo], j, shift)
        found = first <= last
        at = todo[found]
        m[at] = np.clip(_nearest(num[found], unit[found]), first[found], last[found])
        k[at] = j[found]
        todo = todo[~found]
    assert todo.size == 0, "five digits hold every float16 and bfloat16"
    ten = np.flatnonzero(m == 1)
    if ten.size:
        j = k[ten] - 1
        first, last, num, unit = _multiples(low[ten], high[ten], closed[ten], scaled[ten], j, shift)
        digit = np.minimum(_nearest(num, unit), 9)
        better = (num < 10 * unit) & (first <= digit) & (digit <= last) & (digit > 0)
        better &= np.abs(digit * unit - num) < 10 * unit - num
        m[ten[better]], k[ten[better]] = digit[better], j[better]
    return m, k


def _multiples(
    low: np.ndarray, high: np.ndarray, closed: np.ndarray, scaled: np.ndarray, j: np.ndarray, shift: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(first, last, num, unit): the multiples first..last of 10**j inside [low, high], and v =
    num / unit in units of 10**j, all scaled by 2**shift (times 10**-j where j < 0)."""
    below = j < 0
    times = POW10_I64[np.where(below, -j, 0)]
    unit = POW10_I64[np.where(below, 0, j)] << shift
    low, high = low * times, high * times
    first, last = -(-low // unit), high // unit
    first += ~closed & (first * unit == low)
    last -= ~closed & (last * unit == high)
    return first, last, scaled * times, unit


def _nearest(num: np.ndarray, unit: np.ndarray) -> np.ndarray:
    """num / unit rounded to the nearest integer, halves to even."""
    q, r = np.divmod(num, unit)
    return q + ((2 * r > unit) | ((2 * r == unit) & (q & 1 == 1)))


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
    if precision == "float32" and decimals is not None:
        return _float32_text_of_decimals(values, *decimals, divided)
    assert values is not None, "values are made where no decimals are given"
    if precision == "float32":
        return digits_text_column(values, precision)
    return _table_text(values, precision)


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
    if scale > EXACT_POWERS:
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
    searched = _held(values, num, scale, rest)
    together = _at_one_scale(num, scale, rest, searched)
    if together is not None:
        return scaled_text(*together)
    rows = np.flatnonzero(short)
    return _interleaved(scaled_text(num[rows], scale), rows, digits_text_column(searched, "float32"), rest)


def _at_one_scale(
    num: np.ndarray, scale: int, rest: np.ndarray, searched: np.ndarray
) -> tuple[np.ndarray, int] | None:
    """(numerators, scale) of every row's shortest decimal at one scale, for one ``scaled_text``:
    the rows ``rest`` hold the search's digits m * 10**k of ``searched``, the others their own
    decimal num / 10**scale; None where some would not fit below 10**15 (or is not finite).
    A decimal's text is the same at any scale (``scaled_text`` trims trailing zeros)."""
    if not np.isfinite(searched).all():
        return None
    m, k = shortest_digits(searched, "float32")
    common = max(scale, -int(k.min()))
    lift = common - scale
    largest = max(int(num.max()), -int(num.min()))
    widest = int((np.searchsorted(POW10_I64, np.abs(m), side="right") + k).max())  # digits above 10**0
    if lift > 15 or largest >= POW10_I64[15 - lift] or widest + common > 15:
        return None
    together = num * POW10_I64[lift]  # a new array
    together[rest] = m * POW10_I64[k + common]
    return together, common


def _interleaved(first: np.ndarray, rows: np.ndarray, second: np.ndarray, others: np.ndarray) -> np.ndarray:
    """One text column of ``first``'s texts in ``rows`` and ``second``'s in ``others`` (together
    every row once): each text moved whole, as one opaque item, into a row of NULs."""
    chars = np.zeros((rows.size + others.size, max(first.shape[1], second.shape[1])), dtype=np.uint8)
    for texts, at in ((first, rows), (second, others)):
        width = texts.shape[1]
        lead = np.dtype({"names": ["text"], "formats": [f"V{width}"], "itemsize": chars.shape[1]})
        chars.view(lead).reshape(-1)["text"][at] = np.ascontiguousarray(texts).view(f"V{width}").reshape(-1)
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
        digits = np.searchsorted(POW10_I64, magnitude, side="right")
        need_here = need[rows] + (magnitude == POW10_I64[np.maximum(digits - 1, 0)])
        short[rows] = (need_here <= 18) & (magnitude % POW10_I64[np.clip(need_here, 0, 18)] == 0)


def digits_text_column(values: np.ndarray, precision: str) -> np.ndarray:
    """Shortest text in ``precision``, vectorised: the digits, then the exact-decimal fast path.

    The shortest decimal m * 10**k has at most 9 digits, so the double nearest it prints as
    those digits: at one scale for the chunk, m * 10**(scale + k) / 10**scale goes through
    ``scaled_text`` like any exact sweep value.
    """
    finite = np.isfinite(values)
    every = bool(finite.all())
    m, k = shortest_digits(values if every else np.where(finite, values, 0.0), precision)
    scale = int(max(0, -k.min())) if k.size else 0
    n_digits = np.maximum(np.searchsorted(POW10_I64, np.abs(m), side="right"), 1)
    shift = scale + k
    fits = shift + n_digits <= 15  # m * 10**(scale + k) below 10**15
    if not every:
        fits &= finite
    num = np.where(fits, m, 0) * POW10_I64[np.where(fits, shift, 0)]
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
