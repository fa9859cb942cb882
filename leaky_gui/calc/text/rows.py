"""CSV rows ``x,f(alpha=A)...[,f'(alpha=A)...]`` straight from blocks of text lines (no Qt).

The fast path of ``eval --input`` in float64: a block of whole lines (one number a line,
or one column of separated cells) becomes its CSV rows without building ``Values``. x is
the double nearest each decimal, f the double nearest alpha * x exactly, each printed
shortest.

* The compiled kernel (``calc.text.kernel``, where a C compiler built it) makes a whole
  block in one loop a row when every cell has at most 19 significant digits (after
  leading zeros, and zeros after them) and no value is refused: nearly every block of
  real data. ``LEAKY_GUI_TEXT_KERNEL=0`` turns it off.
* Otherwise every step is a numpy pass over a piece of the block, the values the
  vectorised path leaves (more than 19 significant digits) one at a time on the general
  path.

All three give the same bytes (tests/calc/test_text_engine.py). A block with anything else
(a word, an empty cell, quotes, a value beyond the doubles, alpha * x beyond them) gives
None: the caller's full reader then names the line.
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.text import general_only, kernel
from leaky_gui.calc.text.digits_kept import decimal_digits, text_from_decimals
from leaky_gui.calc.text.line_csv import LineCsv, _NotPlain
from leaky_gui.calc.text.line_layout import WIDTH, line_points
from leaky_gui.calc.text.nearest import mul64, nearest_double, nearest_doubles, scan_text
from leaky_gui.calc.text.parse import Scanned, pad_block, scan_cells
from leaky_gui.calc.text.shortest import (
    TEXT_WIDTH,
    ExactDecimal,
    format_double,
    laid_out,
    shortest_text,
    strip_zeros,
)

__all__ = ["WIDTH", "DoubleRows", "LineCsv", "line_points"]

_NEWLINE, _CR, _QUOTE = 10, 13, ord('"')
# Rows a pass works on: a whole fast block of full-precision lines. Pieces of 1 << 14 rows
# (int64 temporaries of exactly 128 kB, glibc's threshold for mapping them afresh) took
# 1.2x-1.4x the CPU of eval --input on 1,000,000 shortest or %.18e texts; 1 << 16 the same.
_PIECE = 1 << 15
_U64 = 1 << 64


def widened(text: np.ndarray, width: int) -> np.ndarray:
    """A text matrix with NUL columns added at the right up to ``width``."""
    if text.shape[1] >= width:
        return text
    out = np.zeros((text.shape[0], width), dtype=np.uint8)
    out[:, : text.shape[1]] = text
    return out


def merged(base: np.ndarray, part: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """A copy of the text matrix ``base`` with ``rows`` replaced by ``part``."""
    width = max(base.shape[1], part.shape[1])
    out = widened(base, width)
    if out is base:
        out = base.copy()
    out[rows] = widened(part, width)
    return out


def _short_first_line(block: np.ndarray) -> bool:
    """Whether the first line of ``block`` is short enough for ``LineCsv`` (which takes only
    lines of at most WIDTH bytes): blocks of longer numbers skip its scan."""
    return bool((block[: WIDTH + 2] == _NEWLINE).any())


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
        # One short decimal with a point a line (six decimals): their own faster numpy rows.
        self.short_lines = None
        if separator is None and (point == ord(",")) == decimal_comma and LineCsv.usable(alphas):
            self.short_lines = LineCsv(alphas, derivative_texts, decimal_comma)

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

    def rows(
        self, block: np.ndarray, after: np.ndarray | None = None
    ) -> tuple[bytes | bytearray, int] | None:
        """(CSV bytes, rows) of ``block`` (whole lines, the last ending in a newline), or None.

        ``after``, when given, is the block with 16 bytes of anything before it (``block`` is
        ``after[16:]``): the short lines' rows read back into them, and need no copy then.
        """
        by_kernel = self._kernel_rows(block)
        if by_kernel is not None:
            return by_kernel
        if self.short_lines is not None and not general_only() and _short_first_line(block):
            if after is None:
                after = np.concatenate((np.zeros(WIDTH, dtype=np.uint8), block))
            made = self.short_lines.rows(after)
            if made is not None:
                return made
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
        return kernel.rows(
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
