"""The layout of a block of short one-decimal lines (no Qt): where each line, its point and its
sign are, and its bytes right-aligned in two uint64 words.

``LineCsv`` (``calc.text.line_csv``) makes CSV rows from it; ``line_points`` also tells
``calc.text.rows`` whether a block is such lines at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["WIDTH", "LineLayout", "line_points"]

WIDTH = 16  # bytes of a line at most, as two uint64 words
NEWLINE = 10
_ZERO, _NINE, _PLUS, MINUS = (ord(c) for c in "09+-")
# Per count n (0..16), the mask (as two words) that keeps the last n bytes of 16: one
# table per word, as a gather from a 1-D table costs a tenth of one from a 2-D one.
_KEEP_LAST = (
    np.where(np.arange(WIDTH) >= WIDTH - np.arange(WIDTH + 1)[:, None], 0xFF, 0)
    .astype(np.uint8)
    .view(np.uint64)
)
_KEEP_FIRST_WORD, _KEEP_SECOND_WORD = _KEEP_LAST[:, 0].copy(), _KEEP_LAST[:, 1].copy()
# Per count n (0..8), n bytes of '0' in the low bytes of a word.
_ZEROS_FIRST = np.array([int("30" * n or "0", 16) for n in range(9)], dtype=np.uint64)


@dataclass(eq=False)
class LineLayout:
    """Where the lines, points and signs of a block are, and each line's bytes right-aligned."""

    cells: np.ndarray  # the block's bytes, after the WIDTH bytes before it
    starts: np.ndarray  # each line's first byte, its newline, its point (indices into cells)
    ends: np.ndarray
    points: np.ndarray
    rows: int
    first: np.ndarray  # each line's first byte, and whether it is '-', '+', either
    minus: np.ndarray
    plus: np.ndarray
    has_sign: np.ndarray
    lengths: np.ndarray  # bytes, digits before the point, digits after it
    n_int: np.ndarray
    scales: np.ndarray
    lines: np.ndarray  # V16 a row: the line right-aligned, NUL before it
    typed: np.ndarray  # the same bytes as a (rows, WIDTH) uint8 matrix

    @classmethod
    def of(cls, padded: np.ndarray, point: int) -> LineLayout | None:
        """The layout of a block of plain lines (``[+-]digits.digits``, at most 16 bytes), else None."""
        cells = padded[WIDTH:]
        lines = line_points(cells, point)
        if lines is None:
            return None
        starts, ends, points, first, has_sign = lines
        rows = ends.size
        minus = first == MINUS
        plus = first == _PLUS
        lengths = ends - starts
        n_int = points - starts - has_sign
        scales = ends - points - 1
        if int(lengths.max()) > WIDTH or int((n_int + scales).min()) < 1:
            return None
        # Each line right-aligned in 16 bytes, NUL before it.
        gathered = np.ndarray((padded.size - WIDTH + 1,), dtype="V16", buffer=padded, strides=(1,))[ends]
        words = gathered.view(np.uint64).reshape(rows, 2)
        words[:, 0] &= _KEEP_FIRST_WORD[lengths]
        words[:, 1] &= _KEEP_SECOND_WORD[lengths]
        lines = words.view("V16").reshape(rows)  # as typed, until blank() blanks trailing zeros
        return cls(
            cells=cells,
            starts=starts,
            ends=ends,
            points=points,
            rows=rows,
            first=first,
            minus=minus,
            plus=plus,
            has_sign=has_sign,
            lengths=lengths,
            n_int=n_int,
            scales=scales,
            lines=lines,
            typed=lines.view(np.uint8).reshape(rows, WIDTH),
        )

    def plain(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows that print as typed (a digit each side of the point, no '+', no leading zero,
        |x| >= 1e-4), and where x's first nonzero digit is: the j-th after the point for
        0.xxx (5: none in the first four), else 0."""
        cells = self.cells
        lead = cells[self.starts + self.has_sign]
        n_int = self.n_int
        plain = ~self.plus & (n_int >= 1) & (self.scales >= 1) & ((n_int == 1) | (lead != _ZERO))
        first_digit = np.zeros(self.rows, dtype=np.int64)
        small = np.flatnonzero(plain & (lead == _ZERO))  # 0.xxx
        if small.size:
            scales = self.scales[small]
            # A fraction of at most 8 digits is the top of the line's last word: shifted down,
            # its first digit is the lowest byte. The lowest nonzero byte of the digits less
            # '0' is found from the lowest set bit (a power of two: a float holds it exactly).
            words = self.lines.view(np.uint64).reshape(self.rows, 2)[small, 1]
            short = np.minimum(scales, 8)
            fraction = (words >> (np.uint64(8) * (8 - short).astype(np.uint64))) ^ _ZEROS_FIRST[short]
            lowest = fraction & (~fraction + np.uint64(1))
            at = (np.frexp(lowest.astype(np.float64))[1] - 1) // 8 + 1
            at[fraction == 0] = 5
            longer = np.flatnonzero(scales > 8)  # the first digits are in the other word: byte by byte
            if longer.size:
                p = self.points[small[longer]]
                found = np.full(longer.size, 5, dtype=np.int64)
                for j in range(4, 0, -1):
                    found[self.cells[p + j] != _ZERO] = j
                at[longer] = found
            at = np.minimum(at, 5)
            first_digit[small] = at
            plain[small[at > 4]] = False
        return plain, first_digit

    def trailing_zeros(self, plain: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows whose fraction is all zeros, the plain rows ending in 0, how many of their
        trailing zeros go: all but one digit after the point)."""
        all_zero = np.zeros(self.rows, dtype=bool)
        trailing = np.flatnonzero(plain & (self.typed[:, WIDTH - 1] == _ZERO))
        if not trailing.size:
            return all_zero, trailing, trailing
        scales = self.scales[trailing]
        # The line's last eight bytes with '0' as 0: its zeros at the end are the leading
        # zero bytes of the word, found from its highest set bit (a float's exponent, exact:
        # no byte here is above 0x30, so the conversion never rounds up a power of two).
        ends = self.lines.view(np.uint64).reshape(self.rows, 2)[trailing, 1] ^ np.uint64(0x3030303030303030)
        exponent = np.frexp(ends.astype(np.float64))[1]
        count = np.minimum((64 - exponent) // 8, scales)
        longer = np.flatnonzero(count == 8)  # all eight were zeros: count on byte by byte
        if longer.size:
            run = np.ones(longer.size, dtype=bool)
            at = self.ends[trailing[longer]] - 9
            for j in range(int(scales[longer].max()) - 8):
                run &= (self.cells[at - j] == _ZERO) & (8 + j < scales[longer])
                if not run.any():
                    break
                count[longer] += run
        all_zero[trailing] = count == scales
        return all_zero, trailing, np.minimum(count, scales - 1)

    def blank(self, trailing: np.ndarray, count: np.ndarray) -> None:
        """Blank ``count`` trailing zeros of the rows ``trailing`` in ``lines`` (NUL: squeezed out)."""
        if not trailing.size:
            return
        blanked = self.lines[trailing].view(np.uint64).reshape(trailing.size, 2)
        blanked[:, 0] &= ~_KEEP_FIRST_WORD[count]
        blanked[:, 1] &= ~_KEEP_SECOND_WORD[count]
        self.lines[trailing] = blanked.view("V16").reshape(trailing.size)


def line_points(
    cells: np.ndarray, point: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(starts, ends, points, first bytes, leading signs) of a block's lines, each ending in a
    newline and holding one ``point`` and no byte above '9', whose only bytes below '0' are the
    newlines, the points and a sign that leads its line; None for any other block."""
    if cells.size == 0 or cells[-1] != NEWLINE or int(cells.max()) > _NINE:
        return None
    ends = np.flatnonzero(cells == NEWLINE)
    points = np.flatnonzero(cells == point)
    if points.size != ends.size:
        return None
    starts = np.empty_like(ends)
    starts[0] = 0
    np.add(ends[:-1], 1, out=starts[1:])
    if not (bool((points >= starts).all()) and bool((points < ends).all())):
        return None  # a line without its one point
    first = cells[starts]
    has_sign = (first == MINUS) | (first == _PLUS)
    if int(np.count_nonzero(cells < _ZERO)) != 2 * ends.size + int(np.count_nonzero(has_sign)):
        return None  # a byte below '0' that is no newline, point or leading sign
    return starts, ends, points, first, has_sign
