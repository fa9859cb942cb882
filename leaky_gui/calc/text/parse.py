"""Decimal text to doubles: the exact general path and the vectorised uint64 path (no Qt).

A decimal is ``n * 10**q`` (n >= 0 and a sign). Its double is the one nearest it, halves
to even, and which that is is decided with integers alone:

* ``nearest_double(n, q)`` (the general path) divides exact integers, any n and q;
* ``nearest_doubles(w, q)`` (the vectorised path) takes significands w < 2**64 as numpy
  uint64 (or w < 2**128 as two words): w times a 128-bit approximation of 5**q, a 192-bit
  product in 32-bit pieces (Eisel and Lemire's method), rounded where the product's error
  bound cannot change the rounding, and the rest (subnormals, the ends of the range, the
  near-halves the bound leaves undecided) by ``nearest_double``.

``scan_cells`` finds the significand and exponent of text cells a block at a time;
``scan_text`` reads one text. Both accept ``[+-]digits[.digits][(e|E)[+-]digits]`` with
digits on at least one side of the point (``.5``, ``5.``, ``1E5``, ``-0.000``).
"""

from __future__ import annotations

import math
import os
import re
from decimal import Decimal

import numpy as np

__all__ = [
    "GENERAL_ENV",
    "INT64_SAFE",
    "LARGEST_DECIMAL_EXPONENT",
    "MAX_DIGITS",
    "SMALLEST_DECIMAL_EXPONENT",
    "ParameterError",
    "Scanned",
    "TextError",
    "bit_length",
    "eight_digit_text",
    "eight_digits",
    "general_only",
    "judge_decimal",
    "mul64",
    "nearest_double",
    "nearest_doubles",
    "parse_count",
    "parse_decimal",
    "scan_cells",
    "scan_text",
]

# -- the constants of decimal text, and wide integers in numpy uint64 words ------------
# numpy has no 128-bit integer: a 64 x 64 -> 128-bit product is made from four 32 x 32-bit
# products, exactly.

MAX_DIGITS = 19  # a significand of up to 19 digits fits uint64: the vectorised path
DIGITS_FIT = 10**MAX_DIGITS  # the first significand the vectorised path does not take
INT64_SAFE = 1 << 62  # products of numerators below this stay inside int64
POW10_U64 = 10 ** np.arange(MAX_DIGITS + 1, dtype=np.uint64)  # 10**0 .. 10**19

GENERAL_ENV = "LEAKY_GUI_TEXT_GENERAL"  # set to 1: every value takes the general path


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
# Typed text: the boxes, the command line and every reader judge it here


class TextError(ValueError):
    """Text that names no usable number; ``code`` says why, ``text`` is what was given."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not-a-number"
    NOT_FINITE = "not-finite"
    TOO_LARGE = "too-large"
    TOO_SMALL = "too-small"
    DECIMAL_COMMA = "decimal-comma"  # a ',' where '.' is the point
    COMMA_LAYOUT = "comma-layout"  # more than one decimal comma or point
    NOT_WHOLE = "not-whole"  # a count that is no whole number
    OUT_OF_RANGE = "out-of-range"  # a count below 1 or above its maximum

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


class ParameterError(ValueError):
    """A user-supplied value that cannot be used; ``field`` names the input, ``code`` the
    reason (a ``TextError`` code, or "" for a reason of the caller's own), ``row`` the row of
    a source of values the reason is in, when it is in one, and ``alpha_index`` which of a
    source's alphas runs beyond the doubles (0: the current one, further: a pinned one)."""

    def __init__(self, field: str, message: str, code: str = "") -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code
        self.row: int | None = None
        self.alpha_index: int | None = None


def judge_decimal(text: str) -> tuple[bool, int, int]:
    """(negative, n, q) of a decimal text whose nearest double is usable, or TextError.

    Zero written any way is (sign, 0, 0). A nonzero decimal whose nearest double is 0 is
    TOO_SMALL, one whose nearest double is infinite TOO_LARGE.
    """
    scanned = scan_text(text)
    if scanned is None:
        if not text:
            raise TextError(TextError.EMPTY, text)
        if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):
            raise TextError(TextError.NOT_FINITE, text)
        raise TextError(TextError.NOT_A_NUMBER, text)
    negative, n, q = scanned
    if n:
        nearest = nearest_double(n, q)
        if nearest == 0.0:
            raise TextError(TextError.TOO_SMALL, text)
        if nearest == math.inf:
            raise TextError(TextError.TOO_LARGE, text)
    return negative, n, q


_MESSAGES = {
    TextError.EMPTY: "is empty; type a number such as -4 or 1e-3",
    TextError.TOO_SMALL: "{} is too small for a double: its nearest double is 0",
    TextError.TOO_LARGE: "{} is too large for a double: its nearest double is infinite (beyond 1.8e308)",
    TextError.NOT_FINITE: "must be a finite number, not {}",
    TextError.NOT_A_NUMBER: "not a number: {!r}",
}


def parse_decimal(
    text: str | float | int | Decimal, field: str = "value", decimal_comma: bool = False
) -> Decimal:
    """Decimal from text as typed ('-4', '1e-3', '-2.5e2'), or ParameterError naming ``field``.

    '.' is always the decimal point. With ``decimal_comma`` (a locale that writes 0,05) a
    single ',' is one too; otherwise a ',' is refused with a hint, never dropped. The
    value's nearest double must be finite, and nonzero unless the value is 0
    (``judge_decimal``); zero written any way is 0 (or -0).
    """
    if isinstance(text, bool):
        raise ParameterError(field, f"not a number: {text!r}", TextError.NOT_A_NUMBER)
    if isinstance(text, Decimal):
        value, shown = text, str(text)
        if not value.is_finite():
            raise ParameterError(field, f"must be a finite number, not {shown}", TextError.NOT_FINITE)
        checked = shown
    elif isinstance(text, int):
        value, shown = Decimal(text), str(text)
        checked = shown
    elif isinstance(text, float):
        if not math.isfinite(text):
            raise ParameterError(field, f"must be a finite number, not {text!r}", TextError.NOT_FINITE)
        shown = repr(text)  # the shortest text is what was typed
        value, checked = Decimal(shown), shown
    else:
        shown = str(text).strip()
        checked = shown
        if "," in shown:
            checked = _decimal_comma_to_point(shown, field, decimal_comma)
        value = None
    try:
        negative, n, _ = judge_decimal(checked)
    except TextError as exc:
        raise ParameterError(field, _MESSAGES[exc.code].format(shown), exc.code) from None
    if value is None:
        value = Decimal(checked)
    if not n:
        return Decimal("-0") if negative else Decimal(0)  # 0e-999999999 is 0: no huge scale
    return value


def _decimal_comma_to_point(text: str, field: str, decimal_comma: bool) -> str:
    if not decimal_comma:
        raise ParameterError(
            field, f"use '.' as the decimal point, not ',' ({text!r})", TextError.DECIMAL_COMMA
        )
    if "." in text or text.count(",") > 1:
        raise ParameterError(
            field,
            f"write one decimal comma or point and no thousands separators ({text!r})",
            TextError.COMMA_LAYOUT,
        )
    return text.replace(",", ".")


def parse_count(text: str | int, field: str = "count", maximum: int | None = None) -> int:
    """A whole number of points >= 1 (and <= ``maximum`` when given)."""
    if isinstance(text, bool):
        raise ParameterError(field, f"must be a whole number, not {text!r}", TextError.NOT_WHOLE)
    if isinstance(text, int):
        count = text
    else:
        stripped = str(text).strip()
        if not re.fullmatch(r"[+-]?\d+", stripped, re.ASCII):
            raise ParameterError(
                field, f"must be a whole number of points, not {stripped!r}", TextError.NOT_WHOLE
            )
        count = int(stripped)
    if count < 1:
        raise ParameterError(field, f"must be at least 1, not {count}", TextError.OUT_OF_RANGE)
    if maximum is not None and count > maximum:
        raise ParameterError(field, f"must be at most {maximum:,}, not {count:,}", TextError.OUT_OF_RANGE)
    return count


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


def nearest_doubles(
    w: np.ndarray, q: np.ndarray, negative: np.ndarray | None = None, w_high: np.ndarray | None = None
) -> np.ndarray:
    """Doubles nearest (-1)**negative * w * 10**q, w uint64 (plus ``w_high`` * 2**64 when given).

    Infinite beyond the largest double, and 0 where the nearest double is 0, as
    ``nearest_double`` says for each.
    """
    w = np.asarray(w, dtype=np.uint64)
    q = np.asarray(q, dtype=np.int64)
    rows = w.size
    out = np.zeros(rows, dtype=np.float64)
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
        if wide is not None and bool(wide[at].any()):
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
        general = np.concatenate([general, at[special]]) if special.any() else general
    for r in general.tolist():
        n_value = int(w[r]) + (int(w_high[r]) << 64 if w_high is not None else 0)
        out[r] = nearest_double(n_value, int(q[r]))
    if negative is not None:
        np.negative(out, out=out, where=negative)
    return out


# ---------------------------------------------------------------------------
# Scanning cells

_WIDTH = 40  # cells longer than this take the general path
_FRONT = 24  # bytes before the block, for the windows that end near its start


class Scanned:
    """The cells of a block: ``fast`` rows have ``w`` (<= 19 significant digits) and ``q``."""

    __slots__ = ("fast", "negative", "q", "w")

    def __init__(self, w: np.ndarray, q: np.ndarray, negative: np.ndarray, fast: np.ndarray) -> None:
        self.w, self.q, self.negative, self.fast = w, q, negative, fast


_KEEP_FIRST = (np.arange(_WIDTH)[None, :] < np.arange(_WIDTH + 1)[:, None]).astype(np.uint8) * 0xFF
_LOW_NIBBLES = np.uint64(0x0F0F0F0F0F0F0F0F)


def _window_digits(padded: np.ndarray, ends: np.ndarray, counts: np.ndarray, words: int) -> np.ndarray:
    """The value of the ``counts`` digits ending at each of ``ends`` (indices into ``padded``),
    at most 8 * ``words`` of them and the value below 2**64."""
    width = 8 * words
    windows = np.ndarray((padded.size - width + 1,), dtype=f"V{width}", buffer=padded, strides=(1,))
    chunk = windows[ends - width].view(np.uint64).reshape(ends.size, words) & _LOW_NIBBLES
    keep = _KEEP_LAST[width][counts]
    chunk &= keep
    top = eight_digits(chunk[:, 0])
    value = top
    for k in range(1, words):
        value = value * np.uint64(10**8) + eight_digits(chunk[:, k])
    if words == 3:  # 24 digits may pass 2**64: 0 where they pass 10**19 (the first eight above 999)
        value = np.where(top < np.uint64(1000), value, np.uint64(0))
    return value


def _all_zero_fraction(padded: np.ndarray, ends: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Whether the ``counts`` digits before ``ends`` are all zeros (a fraction read as 0 was
    either zero or beyond 10**19)."""
    words = 3
    width = 8 * words
    windows = np.ndarray((padded.size - width + 1,), dtype=f"V{width}", buffer=padded, strides=(1,))
    chunk = windows[ends - width].view(np.uint64).reshape(ends.size, words) & _LOW_NIBBLES
    chunk &= _KEEP_LAST[width][counts]
    return ~chunk.any(axis=1)


def _keep_last_words(width: int) -> np.ndarray:
    """Per count n (0..width), the uint64 words that keep the last n of ``width`` bytes."""
    mask = (np.arange(width)[None, :] >= width - np.arange(width + 1)[:, None]).astype(np.uint8) * 0xFF
    return mask.view(np.uint64).reshape(width + 1, width // 8)


_KEEP_LAST = {width: _keep_last_words(width) for width in (8, 24)}


def _row_bits(mask: np.ndarray) -> np.ndarray:
    """A (rows, 32) boolean matrix as one uint32 a row, column j as bit j."""
    return np.packbits(mask, axis=1, bitorder="little").view(np.uint32).ravel()


def _lowest_bit(bits: np.ndarray) -> np.ndarray:
    """The place of each uint32's lowest set bit (32 for none)."""
    return np.bitwise_count((bits & (~bits + np.uint32(1))) - np.uint32(1)).astype(np.int64)


def pad_block(buf: np.ndarray) -> np.ndarray:
    """``buf`` with the room ``scan_cells`` reads around it: zeros before and after."""
    padded = np.zeros(_FRONT + buf.size + _WIDTH, dtype=np.uint8)
    padded[_FRONT : _FRONT + buf.size] = buf
    return padded


def scan_cells(
    buf: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    point: int = ord("."),
    *,
    padded: np.ndarray | None = None,
) -> Scanned:
    """Significands and exponents of the cells buf[starts:ends], a block at a time.

    Rows not ``fast`` (another form, more than 19 significant digits, more than 19 digits on
    one side of the point, exponents of more than four digits, longer than 40 bytes) hold
    nothing: the caller reads them with ``scan_text``, which decides them all. ``padded``
    is ``pad_block(buf)`` when the caller has made it already (a block read in pieces).
    """
    rows = starts.size
    lengths = ends - starts
    if padded is None:
        padded = pad_block(buf)
    width_ok = (lengths >= 1) & (lengths <= _WIDTH)
    clipped = np.where(width_ok, lengths, 0)
    width = 32 if int(clipped.max(initial=1)) <= 32 else _WIDTH
    items = np.ndarray((padded.size - width + 1,), dtype=f"V{width}", buffer=padded, strides=(1,))
    chars = items[starts + _FRONT].view(np.uint8).reshape(rows, width)
    chars &= _KEEP_FIRST[clipped, :width]
    is_e = (chars | np.uint8(0x20)) == ord("e")
    is_point = chars == point
    is_sign = (chars == ord("+")) | (chars == ord("-"))
    good = ((chars - np.uint8(ord("0"))) < 10) | is_point | is_e | is_sign
    if width == 32:  # each mask a row as the bits of a uint32: counts and first places in O(1)
        e_bits, point_bits, sign_bits, good_bits = (_row_bits(m) for m in (is_e, is_point, is_sign, good))
        n_e, n_point, n_sign, n_good = (
            np.bitwise_count(b).astype(np.int64) for b in (e_bits, point_bits, sign_bits, good_bits)
        )
        first_e, first_point = _lowest_bit(e_bits), _lowest_bit(point_bits)
    else:
        n_e, n_point, n_sign, n_good = (np.count_nonzero(m, axis=1) for m in (is_e, is_point, is_sign, good))
        first_e, first_point = is_e.argmax(axis=1), is_point.argmax(axis=1)
    has_e = n_e > 0
    at_e = np.where(has_e, first_e, clipped)
    at_point = np.where(n_point > 0, first_point, at_e)
    lead = is_sign[:, 0].astype(np.int64)
    after_e = chars[np.arange(rows), np.minimum(at_e + 1, width - 1)]
    exp_sign = (has_e & ((after_e == ord("+")) | (after_e == ord("-")))).astype(np.int64)
    n_int = at_point - lead
    n_frac = np.where(n_point > 0, at_e - at_point - 1, 0)
    n_exp = np.where(has_e, clipped - at_e - 1 - exp_sign, 0)
    fast = (
        width_ok
        & (n_e <= 1)
        & (n_point <= 1)
        & (at_point <= at_e)
        & (n_sign == lead + exp_sign)
        & (n_good == clipped)
        & (n_int + n_frac >= 1)
        & (~has_e | ((n_exp >= 1) & (n_exp <= 4)))
        & (n_int <= MAX_DIGITS)
        & (n_frac <= 24)
    )
    base = starts + _FRONT
    n_int = np.where(fast, n_int, 0)
    n_frac = np.where(fast, n_frac, 0)
    whole = _window_digits(padded, base + at_point, n_int, 3)
    fraction = _window_digits(padded, base + at_e, n_frac, 3)
    q = -n_frac
    if bool(has_e.any()):
        n_exp = np.where(fast, n_exp, 0)
        exponent = _window_digits(padded, base + clipped, n_exp, 1).astype(np.int64)
        q = np.where(exp_sign.astype(bool) & (after_e == ord("-")), -exponent, exponent) + q
    # At most 19 significant digits: the whole part's digits and every digit after the point.
    # 19 digits after the point and more (polars' -0.00007493491446249875) only for 0.xxx,
    # with at most 19 after the leading zeros; window sums at or above 10**19 came back 0.
    short_frac = np.minimum(n_frac, MAX_DIGITS)
    fast &= (
        (whole == 0)
        & ((fraction != 0) | (n_frac <= MAX_DIGITS) | _all_zero_fraction(padded, base + at_e, n_frac))
    ) | ((n_frac <= MAX_DIGITS) & (whole < POW10_U64[MAX_DIGITS - short_frac]))
    w = whole * POW10_U64[short_frac] + fraction
    negative = lead.astype(bool) & (chars[:, 0] == ord("-"))
    return Scanned(np.where(fast, w, np.uint64(0)), np.where(fast, q, 0), negative, fast)
