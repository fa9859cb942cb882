"""CSV rows ``x,f(alpha=A)...[,f'(alpha=A)...]`` straight from blocks of text lines (no Qt).

The fast path of ``eval --input`` in float64: a block of whole lines (one number a line,
or one column of separated cells) becomes its CSV rows without building ``Values``. x is
the double nearest each decimal, f the double nearest alpha * x exactly, each printed
shortest.

* The compiled kernel (``calc.text``, where a C compiler built it) makes a whole
  block in one loop a row when every cell has at most 19 significant digits (after
  leading zeros, and zeros after them) and no value is refused: nearly every block of
  real data. ``LEAKY_GUI_TEXT_KERNEL=0`` turns it off.
* Otherwise every step is a numpy pass over a piece of the block, the values the
  vectorised path leaves (more than 19 significant digits) one at a time on the general
  path. A double's text is taken from the decimal it was read from where that is provably
  its shortest text (``decimal_digits``, at the end), and searched for elsewhere.

All three give the same bytes (tests/calc/test_text_engine.py). A block with anything else
(a word, an empty cell, quotes, a value beyond the doubles, alpha * x beyond them) gives
None: the caller's full reader then names the line.
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.text import general_only, kernel_rows
from leaky_gui.calc.text.nearest import (
    POW10_FLOAT,
    POW10_U64,
    mul64,
    nearest_double,
    nearest_doubles,
    scan_text,
)
from leaky_gui.calc.text.parse import Scanned, pad_block, scan_cells
from leaky_gui.calc.text.shortest import (
    TEXT_WIDTH,
    ExactDecimal,
    digit_count,
    format_double,
    laid_out,
    merged,
    shortest_digits,
    shortest_text,
    strip_zeros,
)

__all__ = ["DoubleRows"]

_NEWLINE, _CR, _QUOTE = 10, 13, ord('"')
# Rows a pass works on: a whole fast block of full-precision lines. Pieces of 1 << 14 rows
# (int64 temporaries of exactly 128 kB, glibc's threshold for mapping them afresh) took
# 1.2x-1.4x the CPU of eval --input on 1,000,000 shortest or %.18e texts; 1 << 16 the same.
_PIECE = 1 << 15
_U64 = 1 << 64


class _NotPlain(Exception):
    """A row the vectorised rows do not make: the caller reads the block with its full reader."""


def _kernel_alphas(alphas: tuple[ExactDecimal, ...]) -> tuple[tuple[int, int, bool], ...] | None:
    """The alphas as the kernel takes them, (|numerator|, scale, negative), or None where one
    does not fit (a numerator from 2**64)."""
    if len(alphas) > 64 or any(abs(a.numerator) >= _U64 for a in alphas):
        return None
    return tuple((abs(a.numerator), a.scale, a.numerator < 0) for a in alphas)


class DoubleRows:
    """Makes the CSV rows of blocks of lines for fixed alphas, options and column layout."""

    def __init__(
        self,
        alphas: tuple[ExactDecimal, ...],
        derivative_texts: tuple[str, ...] = (),
        decimal_comma: bool = False,
        *,
        point: int = ord("."),
        separator: int | None = None,
        column: int = 0,
        n_columns: int = 1,
    ) -> None:
        self.alphas = alphas
        self.derivative_texts = derivative_texts
        self.decimal_comma = decimal_comma
        self.point = point
        self.separator = separator
        self.column = column
        self.n_columns = n_columns
        self.between = ord(";") if decimal_comma else ord(",")
        self.table = bytes.maketrans(b".", b",") if decimal_comma else None
        self.kernel_alphas = _kernel_alphas(alphas)
        self.kernel_derivatives = (
            tuple(t.encode("ascii") for t in derivative_texts) if derivative_texts else None
        )

    def laid_out(self, *, point: int, separator: int | None, column: int, n_columns: int) -> DoubleRows:
        """The same rows for lines laid out so: the point, the separator, the chosen column."""
        return DoubleRows(
            self.alphas,
            self.derivative_texts,
            self.decimal_comma,
            point=point,
            separator=separator,
            column=column,
            n_columns=n_columns,
        )

    def rows(self, block: np.ndarray) -> tuple[bytes | bytearray, int] | None:
        """(CSV bytes, rows) of ``block`` (whole lines, the last ending in a newline), or None."""
        by_kernel = self._kernel_rows(block)
        if by_kernel is not None:
            return by_kernel
        cells = self._cells(block)
        if cells is None:
            return None
        starts, ends = cells
        pieces = []
        padded = pad_block(block)
        try:
            for lo in range(0, starts.size, _PIECE):
                hi = min(lo + _PIECE, starts.size)
                pieces.append(self._piece(block, padded, starts[lo:hi], ends[lo:hi]))
        except _NotPlain:
            return None
        data = b"".join(pieces).translate(self.table, b"\0")
        return data, int(starts.size)

    def _kernel_rows(self, block: np.ndarray) -> tuple[bytearray, int] | None:
        """The rows by the compiled kernel, where it was built and takes every line of the block."""
        if self.kernel_alphas is None:
            return None
        return kernel_rows(
            block,
            self.point,
            self.separator,
            self.column,
            self.n_columns,
            self.kernel_alphas,
            self.kernel_derivatives,
            ord(",") if self.decimal_comma else ord("."),
            self.between,
        )

    def _cells(self, block: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """Each line's chosen cell [start, end), or None (quotes, a ragged line)."""
        if block.size == 0 or block[-1] != _NEWLINE:
            return None
        ends = np.flatnonzero(block == _NEWLINE)
        starts = np.empty_like(ends)
        starts[0] = 0
        np.add(ends[:-1], 1, out=starts[1:])
        if bool((block[np.maximum(ends - 1, 0)] == _CR).any()):
            ends = ends - ((ends > starts) & (block[np.maximum(ends - 1, 0)] == _CR))
        if self.separator is None:
            return starts, ends
        if bool((block == _QUOTE).any()):
            return None
        seps = np.flatnonzero(block == self.separator)
        first = np.searchsorted(seps, starts)
        if not np.array_equal(np.searchsorted(seps, ends) - first, np.full(ends.size, self.n_columns - 1)):
            return None
        k = self.column
        cell_starts = starts if k == 0 else seps[first + k - 1] + 1
        cell_ends = ends if k == self.n_columns - 1 else seps[first + k]
        return cell_starts, cell_ends

    # -- one piece ----------------------------------------------------------------

    def _piece(self, block: np.ndarray, padded: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> bytes:
        rows = starts.size
        if general_only():
            return self._general_piece(block, starts, ends)
        scanned = scan_cells(block, starts, ends, self.point, padded=padded)
        w, q, negative = scanned.w, scanned.q, scanned.negative
        slow = np.flatnonzero(~scanned.fast)
        exact_slow = {}
        for r in slow.tolist():
            exact_slow[r] = self._read(block, int(starts[r]), int(ends[r]))
        place = np.empty(rows)
        x = nearest_doubles(w, q, negative, place=place)
        for r, (neg, n, e) in exact_slow.items():
            x[r] = -nearest_double(n, e) if neg else nearest_double(n, e)
        zero_typed = w == 0
        if slow.size:
            zero_typed[slow] = [exact_slow[r][1] == 0 for r in slow.tolist()]
        if not bool(np.isfinite(x).all()) or bool(((x == 0) & ~zero_typed).any()):
            raise _NotPlain  # beyond the doubles: the full reader names the line
        if self.point != ord(".") and not self.decimal_comma:
            scanned.chars = None  # the cells' own text has the file's ',': x is written with '.'
        x_text = self._x_text(x, scanned, place)
        positive = x > 0
        others = np.flatnonzero(~positive)
        columns = [x_text]
        for alpha in self.alphas:
            if others.size == 0:
                columns.append(x_text)
                continue
            f, f_place = self._products(w, q, negative, others, alpha, exact_slow)
            if not bool(np.isfinite(f).all()):
                raise _NotPlain
            if f_place is None:
                f_text = shortest_text(f)
            else:  # alpha = 10**-scale: alpha * x is x's digits, often f's shortest text already
                f_text = text_from_decimals(f, w[others], q[others] - alpha.scale, f_place)
            columns.append(merged(x_text, f_text, others))
        return self._join(columns, positive, rows)

    @staticmethod
    def _x_text(x: np.ndarray, scanned: Scanned, place: np.ndarray) -> np.ndarray:
        """x's column: the cell's own text where it is x's shortest text in repr's layout."""
        digits, k, same = decimal_digits(x, scanned.w, scanned.q, place)
        # repr's fixed layout from 1e-4 to below 1e16: where the digits are x's shortest,
        # their decimal exponent is in [-4, 16) exactly where |x| is in [1e-4, 1e16)
        magnitude = np.abs(x)
        kept = same & scanned.plain & (magnitude >= 1e-4) & (magnitude < 1e16)
        chars = scanned.chars
        others = np.flatnonzero(~kept)
        if chars is None or others.size == kept.size:
            strip_zeros(digits, k)
            return laid_out(digits, k, np.signbit(x))
        if others.size == 0:
            return chars
        digits, k = digits[others], k[others]
        strip_zeros(digits, k)
        return merged(chars, laid_out(digits, k, np.signbit(x[others])), others)

    def _read(self, block: np.ndarray, start: int, end: int) -> tuple[bool, int, int]:
        text = block[start:end].tobytes().decode("ascii", "replace")
        if self.point != ord("."):
            if "." in text:
                raise _NotPlain
            text = text.replace(chr(self.point), ".")
        scanned = scan_text(text)
        if scanned is None:
            raise _NotPlain
        return scanned

    def _products(
        self,
        w: np.ndarray,
        q: np.ndarray,
        negative: np.ndarray,
        rows: np.ndarray,
        alpha: ExactDecimal,
        exact_slow: dict[int, tuple[bool, int, int]],
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """The doubles nearest alpha * x of ``rows`` (x <= 0), and where alpha is 10**-scale
        the ``place`` of each (``nearest_doubles``)."""
        a = abs(alpha.numerator)
        sign = negative[rows] ^ (alpha.numerator < 0)
        place = None
        if a == 0:
            return np.zeros(rows.size), None
        if a == 1:
            place = np.empty(rows.size)
            f = nearest_doubles(w[rows], q[rows] - alpha.scale, sign, place=place)
        elif a < _U64:
            high, low = mul64(w[rows], np.full(rows.size, a, dtype=np.uint64))
            f = nearest_doubles(low, q[rows] - alpha.scale, sign, high)
        else:
            f = np.array([nearest_double(int(w[r]) * a, int(q[r]) - alpha.scale) for r in rows.tolist()])
            np.negative(f, out=f, where=sign)
        if exact_slow:  # rows is sorted: where each slow row is in it, if it is
            slow = np.fromiter(exact_slow, dtype=np.int64, count=len(exact_slow))
            at = np.minimum(np.searchsorted(rows, slow), rows.size - 1)
            for r, i in zip(slow.tolist(), at.tolist(), strict=True):
                if rows[i] == r:
                    neg, n, e = exact_slow[r]
                    value = nearest_double(n * a, e - alpha.scale)
                    f[i] = -value if neg != (alpha.numerator < 0) else value
        return f, place

    def _join(self, columns: list[np.ndarray], positive: np.ndarray, rows: int) -> bytes:
        constants = [
            np.array([text.encode(), b"1.0"], dtype=f"S{TEXT_WIDTH}").view(np.uint8).reshape(2, TEXT_WIDTH)
            for text in self.derivative_texts
        ]
        all_columns = columns + [c[positive.astype(np.intp)] for c in constants]
        width = sum(c.shape[1] + 1 for c in all_columns)
        chars = np.empty((rows, width), dtype=np.uint8)
        at = 0
        for n, column in enumerate(all_columns):
            chars[:, at : at + column.shape[1]] = column
            at += column.shape[1]
            chars[:, at] = _NEWLINE if n == len(all_columns) - 1 else self.between
            at += 1
        return chars.tobytes()

    # -- the general path -------------------------------------------------------------

    def _general_piece(self, block: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> bytes:
        """The same rows one value at a time in Python integers and ``repr``."""
        lines = []
        between = chr(self.between)
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            negative, n, q = self._read(block, start, end)
            x = nearest_double(n, q)
            if x == float("inf") or (x == 0.0 and n):
                raise _NotPlain
            x = -x if negative else x
            cells = [format_double(x)]
            for alpha in self.alphas:
                if x > 0:
                    cells.append(cells[0])
                    continue
                f = nearest_double(n * abs(alpha.numerator), q - alpha.scale)
                if f == float("inf"):
                    raise _NotPlain
                cells.append(format_double(-f if negative != (alpha.numerator < 0) else f))
            cells += ["1.0" if x > 0 else text for text in self.derivative_texts]
            lines.append(between.join(cells) + "\n")
        return "".join(lines).encode("ascii")


# ---------------------------------------------------------------------------
# Digits kept: a double read from a decimal often has that decimal as its shortest
# text, and then needs no search for it (``calc.text.shortest`` searches the rest).
#
# A double v (normal) was read from d * 10**q; C is d rounded to L digits (17, 16, then 15).
# C is v's shortest text (repr's digits) when it is inside v's rounding interval (within
# half an ulp) and either
# * C has at most 15 digits: two such decimals never share a double (DBL_DIG is 15),
#   so C is the only decimal of at most its length in the interval; or
# * C is nearer v than half a unit of its last digit (no other decimal of its length is
#   nearer), and its neighbours with one digit fewer (C rounded down and up to a
#   multiple of 10) are both outside the interval, so nothing shorter is inside:
#   everything between them has C's length.
# The distances, in ulps, come from the nearest-double kernel's own product (``place`` of
# ``nearest_doubles``) and are decided with a margin far above their float error; a v that
# is a power of two (its interval is lopsided: a quarter of an ulp below, half above) takes
# neither: its text is searched for, as every text not proved is.

_FIFTEEN_DIGITS = 10**15
_MARGIN = 1e-9
_FIELD_BITS = np.uint64((1 << 52) - 1)
_HIDDEN = float(1 << 52)


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
            power = POW10_U64[dropped]
            base = w // power
            rest = (w - base * power).astype(np.float64)
            power_f = POW10_FLOAT[dropped]
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
    longer = w >= POW10_U64[17]
    dropped: np.ndarray | int = 0
    if bool(longer.any()):
        dropped = np.where(longer, digit_count(w) - 17, 0)
    candidate, ok = _rounded_candidates(w, place, unit, lopsided, dropped)
    ok &= normal
    digits = np.where(ok, candidate, 0).astype(np.uint64)
    same = ok & (digits == w)
    k = np.where(ok, q + dropped, 0)
    left = np.flatnonzero(~ok & normal & (w >= POW10_U64[15]) & ~np.isnan(place))
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
