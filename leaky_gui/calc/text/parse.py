"""Decimal text read (no Qt): cells scanned a block at a time.

``scan_cells`` finds the significand and exponent of text cells a block at a time;
``scan_text`` (``calc.text.nearest``) reads one text. Both accept
``[+-]digits[.digits][(e|E)[+-]digits]`` with digits on at least one side of the point
(``.5``, ``5.``, ``1E5``, ``-0.000``). Their doubles come from ``calc.text.nearest`` (the
general path and the vectorised one); typed text is judged in the package itself
(``calc.text``: ``judge_decimal``, ``parse_decimal``, ``parse_count``). ``exact_columns``
turns scanned cells into a reader's int64 numerators and scales, and says which rows
need a second look."""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.text.nearest import (
    MAX_DIGITS,
    POW10_I64,
    POW10_U64,
    eight_digits,
    general_only,
    nearest_doubles,
)

__all__ = ["STORED_LIMIT", "Scanned", "exact_columns", "pad_block", "scan_cells"]

#: Numerators kept in a reader's int64 column: all of int64 (arithmetic on them checks its own bounds).
STORED_LIMIT = 1 << 63


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
    chunk = windows[ends - width].view(np.uint64).reshape(ends.size, words)
    chunk &= _KEEP_LAST[width].take(counts, axis=0)  # take: a third of indexing's time
    chunk &= _LOW_NIBBLES
    digits = eight_digits(chunk)  # every word at once
    if words == 1:
        return digits.reshape(-1)
    value = digits[:, 0].copy()
    for k in range(1, words):
        value *= np.uint64(10**8)
        value += digits[:, k]
    if words == 3:  # 24 digits may pass 2**64: 0 where they pass 10**19 (the first eight above 999)
        value[digits[:, 0] >= np.uint64(1000)] = 0
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
    if padded is None:
        padded = pad_block(buf)
    if rows and not general_only():
        lines = _scan_lines(buf, starts, ends, point, padded)
        if lines is not None:
            return lines
    lengths = ends - starts
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


# ---------------------------------------------------------------------------
# Cells that are whole lines (one number a line): the same answers, in passes over the bytes

_E, _PLUS, _MINUS = ord("e"), ord("+"), ord("-")


def _places(
    found: np.ndarray, starts: np.ndarray, ends: np.ndarray, default: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """From the sorted places of one kind of byte: the place of each row's (``default`` where a
    row has none), whether each row has one, and whether it has more than one; None if one
    lies outside every cell."""
    rows = starts.size
    if found.size == rows and bool(np.all((found >= starts) & (found < ends))):
        return found, np.ones(rows, dtype=bool), np.zeros(rows, dtype=bool)
    has = np.zeros(rows, dtype=bool)
    twice = np.zeros(rows, dtype=bool)
    if not found.size:
        return default, has, twice
    row = np.searchsorted(starts, found, side="right") - 1
    if bool(np.any((row < 0) | (found >= ends[np.maximum(row, 0)]))):
        return None
    place = default.copy()
    place[row] = found
    has[row] = True
    twice[row[1:][row[1:] == row[:-1]]] = True
    return place, has, twice


def _scan_lines(
    buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, point: int, padded: np.ndarray
) -> Scanned | None:
    """``scan_cells`` for cells with only line ends between them, or None for any other layout
    or a byte out of place (the general scan then judges each cell).

    Points, exponents and signs are found in passes over the bytes, and every other byte is
    proved a digit by a count, so only the digits' windows are read a row at a time.
    """
    gaps = starts[1:] - ends[:-1]
    if bool(np.any((gaps < 1) | (gaps > 2))):
        return None
    lo, hi = int(starts[0]), int(ends[-1])
    region = buf[lo:hi]
    found_e = np.flatnonzero((region | np.uint8(0x20)) == _E) + lo
    letters = _places(found_e, starts, ends, ends)
    if letters is None:
        return None
    at_e, has_e, two_e = letters
    found_points = np.flatnonzero(region == point) + lo
    points = _places(found_points, starts, ends, at_e)
    if points is None:
        return None
    at_point, has_point, two_points = points
    first = padded[starts + _FRONT]
    negative = first == _MINUS
    lead = negative | (first == _PLUS)
    exp_sign = np.zeros(starts.size, dtype=bool)
    if bool(has_e.any()):
        after_e = padded[at_e + (_FRONT + 1)]
        exp_sign = has_e & ((after_e == _PLUS) | (after_e == _MINUS))
    # Every byte not a digit is a line end, a point, an e, or a sign where one may stand.
    expected = int(gaps.sum()) + found_points.size + found_e.size + int(lead.sum()) + int(exp_sign.sum())
    if np.count_nonzero((region - np.uint8(ord("0"))) > np.uint8(9)) != expected:
        return None
    n_int = at_point - starts - lead
    n_frac = np.where(has_point, at_e - at_point - 1, 0)
    n_exp = np.where(has_e, ends - at_e - 1 - exp_sign, 0)
    fast = (
        ~two_points
        & ~two_e
        & (n_frac >= 0)
        & (n_int + n_frac >= 1)
        & (n_int <= MAX_DIGITS)
        & (n_frac <= 24)
        & (~has_e | ((n_exp >= 1) & (n_exp <= 4)))
    )
    n_int = np.where(fast, n_int, 0)
    n_frac = np.where(fast, n_frac, 0)
    whole = _window_digits(padded, at_point + _FRONT, n_int, _words(n_int))
    fraction = _window_digits(padded, at_e + _FRONT, n_frac, _words(n_frac))
    q = -n_frac
    if bool(has_e.any()):
        exponent = _window_digits(padded, ends + _FRONT, np.where(fast, n_exp, 0), 1).astype(np.int64)
        q = q + np.where(exp_sign & (after_e == _MINUS), -exponent, exponent)
    # At most 19 significant digits, as the general scan decides (a fraction of more than 19
    # digits, 0.000...: only below 10**19 after its leading zeros; all zeros: the general path).
    short_frac = np.minimum(n_frac, MAX_DIGITS)
    fast &= ((whole == 0) & ((n_frac <= MAX_DIGITS) | (fraction != 0))) | (
        (n_frac <= MAX_DIGITS) & (whole < POW10_U64[MAX_DIGITS - short_frac])
    )
    w = whole * POW10_U64[short_frac] + fraction
    negative &= lead
    longest = max(int((ends - starts).max(initial=1)), 1)
    chars = None
    if longest <= _WIDTH:  # each cell's text, NUL after it
        items = np.ndarray((padded.size - longest + 1,), dtype=f"V{longest}", buffer=padded, strides=(1,))
        chars = items[starts + _FRONT].view(np.uint8).reshape(starts.size, longest)
        chars &= _KEEP_FIRST[ends - starts, :longest]
    plain = fast & ~has_e & has_point & (n_frac >= 1) & (n_int >= 1) & (lead == negative)
    plain &= (n_int == 1) | (padded[starts + lead + _FRONT] != ord("0"))
    plain &= (padded[ends + (_FRONT - 1)] != ord("0")) | (n_frac == 1)
    return Scanned(np.where(fast, w, np.uint64(0)), np.where(fast, q, 0), negative, fast, chars, plain)


def _words(counts: np.ndarray) -> int:
    """The 8-digit words a window needs for the largest of ``counts`` (1 to 3)."""
    return min(3, max(1, (int(counts.max(initial=0)) + 7) // 8))


def exact_columns(scanned: Scanned) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(numerators, scales, slow) from scanned cells: x = numerator / 10**scale exactly, int64.

    Rows the vectorised path left, whose integer form passes int64, or whose value lies near
    the ends of the doubles (its nearest double may be 0 or infinite) are ``slow``: 0 there.
    """
    w, q = scanned.w, scanned.q
    slow = ~scanned.fast
    if w.size and int(q.max()) <= 0 and int(q.min()) >= -290 and int(w.max()) < STORED_LIMIT:
        # As text mostly is: no exponent above the point, nothing near the ends of the doubles.
        num = w.view(np.int64).copy()  # slow rows hold 0
        np.negative(num, out=num, where=scanned.negative)
        scales = np.negative(q).astype(np.int16)
        scales[w == 0] = 0
        return num, scales, slow
    up = np.clip(q, 0, 18)
    fits = (w < np.uint64(STORED_LIMIT)) & (q >= -32767) & (q <= 18)
    fits &= (q <= 0) | (w < (np.uint64(STORED_LIMIT) // POW10_U64[up]))
    slow |= ~fits
    # Far from the ends of the doubles (1e-290 .. 1e280) every value is well inside them.
    edge = np.flatnonzero(~slow & (w != 0) & ((q < -290) | (q > 260)))
    if edge.size:
        doubles = nearest_doubles(w[edge], q[edge])
        slow[edge[(doubles == 0) | ~np.isfinite(doubles)]] = True
    magnitude = np.where(slow, 0, w).astype(np.int64) * np.where(slow, 1, POW10_I64[up])
    num = np.where(scanned.negative, -magnitude, magnitude)
    scales = np.where(slow | (w == 0), 0, np.maximum(-q, 0)).astype(np.int16)
    return num, scales, slow
