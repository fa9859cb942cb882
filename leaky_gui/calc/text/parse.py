"""Decimal text read (no Qt): typed text judged, and cells scanned a block at a time.

``judge_decimal``, ``parse_decimal`` and ``parse_count`` judge typed text (errors are
``TextError`` and ``ParameterError``); ``scan_cells`` finds the significand and exponent of
text cells a block at a time, ``scan_text`` (``calc.text.nearest``) reads one text. Both
accept ``[+-]digits[.digits][(e|E)[+-]digits]`` with digits on at least one side of the
point (``.5``, ``5.``, ``1E5``, ``-0.000``). Their doubles come from ``calc.text.nearest``
(the general path and the vectorised one), whose names are importable from here too.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

import numpy as np

from leaky_gui.calc.text.nearest import (  # noqa: F401 (their names here too)
    DIGITS_FIT,
    GENERAL_ENV,
    INT64_SAFE,
    LARGEST_DECIMAL_EXPONENT,
    MAX_DIGITS,
    POW10_U64,
    SMALLEST_DECIMAL_EXPONENT,
    bit_length,
    eight_digit_text,
    eight_digits,
    general_only,
    mul64,
    nearest_double,
    nearest_doubles,
    scan_text,
)

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
# Scanning cells

_WIDTH = 40  # cells longer than this take the general path
_FRONT = 24  # bytes before the block, for the windows that end near its start


class Scanned:
    """The cells of a block: ``fast`` rows have ``w`` (<= 19 significant digits) and ``q``;
    ``chars`` holds each cell's text (NUL after it), and ``plain`` rows are laid out as
    ``repr`` lays out a number from 1e-4 to 1e16 (``[-]digits.digits``, no needless zero)."""

    __slots__ = ("chars", "fast", "negative", "plain", "q", "w")

    def __init__(
        self,
        w: np.ndarray,
        q: np.ndarray,
        negative: np.ndarray,
        fast: np.ndarray,
        chars: np.ndarray | None = None,
        plain: np.ndarray | None = None,
    ) -> None:
        self.w, self.q, self.negative, self.fast = w, q, negative, fast
        self.chars = chars
        self.plain = np.zeros(w.size, dtype=bool) if plain is None else plain


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


def _words(counts: np.ndarray) -> int:
    """Words of eight digits that hold the longest of ``counts`` (1 to 3)."""
    return min(max(-(-int(counts.max(initial=1)) // 8), 1), 3)


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


_KEEP_LAST = {width: _keep_last_words(width) for width in (8, 16, 24)}


_GATHER_BITS = np.uint64(0x0102040810204080)  # byte i of 0/1 bytes to bit 56 + i of the product


def _row_bits(mask: np.ndarray) -> np.ndarray:
    """A (rows, 32) boolean matrix as one uint32 a row, column j as bit j (eight bytes of 0/1
    to eight bits with one multiplication: no product bits collide, SWAR)."""
    words = mask.view(np.uint64) * _GATHER_BITS
    words >>= np.uint64(56)
    return words.astype(np.uint8).view(np.uint32).ravel()


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
    longest = max(int(clipped.max(initial=1)), 1)
    width = 32 if longest <= 32 else _WIDTH
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
    whole = _window_digits(padded, base + at_point, n_int, _words(n_int))
    fraction = _window_digits(padded, base + at_e, n_frac, _words(n_frac))
    q = -n_frac
    if bool(has_e.any()):
        n_exp = np.where(fast, n_exp, 0)
        exponent = _window_digits(padded, base + clipped, n_exp, 1).astype(np.int64)
        q = np.where(exp_sign.astype(bool) & (after_e == ord("-")), -exponent, exponent) + q
    # At most 19 significant digits: the whole part's digits and every digit after the point.
    # 19 digits after the point and more (polars' -0.00007493491446249875) only for 0.xxx,
    # with at most 19 after the leading zeros; window sums at or above 10**19 came back 0.
    short_frac = np.minimum(n_frac, MAX_DIGITS)
    zero_or_long = (fraction == 0) & (n_frac > MAX_DIGITS)
    if bool(zero_or_long.any()):  # rare: read whether those fractions are all zeros
        some = np.flatnonzero(zero_or_long)
        zero_or_long[some] = _all_zero_fraction(padded, base[some] + at_e[some], n_frac[some])
    fast &= ((whole == 0) & ~((fraction == 0) & (n_frac > MAX_DIGITS) & ~zero_or_long)) | (
        (n_frac <= MAX_DIGITS) & (whole < POW10_U64[MAX_DIGITS - short_frac])
    )
    w = whole * POW10_U64[short_frac] + fraction
    negative = lead.astype(bool) & (chars[:, 0] == ord("-"))
    every = np.arange(rows)
    plain = fast & ~has_e & (n_point == 1) & (n_frac >= 1) & (n_int >= 1) & (lead == negative)
    plain &= (n_int == 1) | (chars[every, lead] != ord("0"))
    plain &= (chars[every, np.maximum(clipped - 1, 0)] != ord("0")) | (n_frac == 1)
    return Scanned(
        np.where(fast, w, np.uint64(0)), np.where(fast, q, 0), negative, fast, chars[:, :longest], plain
    )
