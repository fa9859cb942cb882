"""CSV rows made straight from lines of one decimal each (no Qt): the fast path of ``eval --input``.

The common file at scale holds one plain decimal a line (``-4.292619``). For a block of
such lines, in exact float64, the rows ``x,f(alpha=A)...`` are made here in one go, without
building ``Values``: every step is a numpy loop over the block, so two blocks are made at
once on two cores.

* Each line's bytes (at most 16) are gathered once, right-aligned in two uint64 words.
* x's text is those bytes wherever they are already the shortest text of their double (no
  '+', no leading zero, not below 1e-4) once trailing zeros of the fraction are blanked
  out (``4.50`` prints ``4.5``); f for x > 0 is the same text. Only the rows below or at
  zero, and the rare odd rows, get an exact integer numerator (eight digits at a time, SWAR)
  and their text from ``scaled_text``, the writer's own exact text.
* The columns go into one byte matrix, NUL where a text is shorter, squeezed out at once.

A block that is not all such lines gives None: the caller reads it with the full reader,
which parses it or names the bad line. What comes out is byte for byte what the general
writer (``iter_csv_chunks``) gives for the same values (tests/test_line_csv.py).
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.sweep import ExactNumber, format_number
from leaky_gui.calc.text_columns import constant_text, scaled_text

__all__ = ["LineCsv"]

WIDTH = 16  # bytes of a line at most, as two uint64 words
NEWLINE = ord("\n")
_ZERO, _NINE, _PLUS, _MINUS = (ord(c) for c in "09+-")
_INT64_SAFE = 1 << 62
_POWERS = 10 ** np.arange(WIDTH + 3, dtype=np.uint64)
_INT_POWERS = _POWERS.astype(np.int64)
# Per count n (0..16), the mask (as two words) that keeps the last n bytes of 16: one
# table per word, as a gather from a 1-D table costs a tenth of one from a 2-D one.
_KEEP_LAST = (
    np.where(np.arange(WIDTH) >= WIDTH - np.arange(WIDTH + 1)[:, None], 0xFF, 0)
    .astype(np.uint8)
    .view(np.uint64)
)
_KEEP_FIRST_WORD, _KEEP_SECOND_WORD = _KEEP_LAST[:, 0].copy(), _KEEP_LAST[:, 1].copy()


def _rows(matrix: np.ndarray, start: int, width: int) -> np.ndarray:
    """Bytes [start, start + width) of each row of a C-contiguous byte matrix, as one
    opaque item a row: copies and fancy indexing then move a row at a time, not a byte."""
    return np.ndarray(
        (matrix.shape[0],), dtype=f"V{width}", buffer=matrix, offset=start, strides=(matrix.strides[0],)
    )


def _widened(text: np.ndarray, width: int) -> np.ndarray:
    """A left-aligned text matrix widened with NULs to ``width`` columns."""
    if text.shape[1] == width:
        return np.ascontiguousarray(text)
    out = np.zeros((text.shape[0], width), dtype=np.uint8)
    _rows(out, 0, text.shape[1])[:] = _rows(np.ascontiguousarray(text), 0, text.shape[1])
    return out


_LOW_NIBBLES = np.uint64(0x0F0F0F0F0F0F0F0F)


def _eight_digits(words: np.ndarray) -> np.ndarray:
    """The value of eight digits 0..15 a byte (first byte most significant) in each uint64, SWAR."""
    words = (words * np.uint64(10) + (words >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    words = (words * np.uint64(100) + (words >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    return (words * np.uint64(10_000) + (words >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


class LineCsv:
    """Makes the CSV rows of blocks of one-decimal lines, for fixed alphas and options."""

    def __init__(
        self,
        alphas: tuple[ExactNumber, ...],
        alpha_floats: tuple[float, ...],
        derivative: bool = False,
        decimal_comma: bool = False,
    ) -> None:
        self.alphas = alphas
        self.decimal_comma = decimal_comma
        self.point = ord(",") if decimal_comma else ord(".")  # in the file and in the output
        self.separator = ord(";") if decimal_comma else ord(",")
        self.derivative_texts = [format_number(a) for a in alpha_floats] if derivative else []
        # The text is made with '.', the typed text has the file's point: both become the output's.
        table = bytearray(range(256))
        if decimal_comma:  # the made text has '.', the typed text the file's ','
            table[ord(".")] = ord(",")
        self.table = bytes(table)

    @staticmethod
    def usable(alphas: tuple[ExactNumber, ...]) -> bool:
        """Alphas whose products with 15-digit x stay in int64 and well inside the doubles."""
        return all(abs(a.numerator) < 1 << 31 and a.scale <= 30 for a in alphas)

    def rows(self, padded: np.ndarray) -> tuple[bytes, int] | None:
        """(CSV bytes, rows) of the lines in ``padded[WIDTH:]``, or None unless every line is plain.

        ``padded`` starts with WIDTH bytes of anything (the gather reaches back into them
        for the first line) and then whole lines, the last ended by a newline.
        """
        cells = padded[WIDTH:]
        if cells.size == 0 or cells[-1] != NEWLINE or int(cells.max()) > _NINE:
            return None
        ends = np.flatnonzero(cells == NEWLINE)
        points = np.flatnonzero(cells == self.point)
        rows = ends.size
        if points.size != rows:
            return None
        starts = np.empty_like(ends)
        starts[0] = 0
        np.add(ends[:-1], 1, out=starts[1:])
        if not (bool((points >= starts).all()) and bool((points < ends).all())):
            return None  # a line without its one point
        first = cells[starts]
        minus = first == _MINUS
        plus = first == _PLUS
        has_sign = minus | plus
        n_sign = int(np.count_nonzero(has_sign))
        if int(np.count_nonzero(cells < _ZERO)) != 2 * rows + n_sign:
            return None  # a byte below '0' that is no newline, point or leading sign
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
        lines = words.view("V16").reshape(rows)

        # Plain rows print as typed: a digit on each side of the point, no '+', no leading
        # zero, and |x| >= 1e-4 (then x is not 0 either).
        lead = cells[starts + has_sign]
        plain = ~plus & (n_int >= 1) & (scales >= 1) & ((n_int == 1) | (lead != _ZERO))
        small = np.flatnonzero(plain & (lead == _ZERO))  # 0.xxx: a digit among the first four
        if small.size:
            p, e = points[small], ends[small]
            big_enough = np.zeros(small.size, dtype=bool)
            for j in range(1, 5):
                big_enough |= (p + j < e) & (cells[np.minimum(p + j, cells.size - 1)] != _ZERO)
            plain[small[~big_enough]] = False

        # Exact numerators where text must be made: x <= 0 (for f), and the odd rows (for x).
        odd = np.flatnonzero(~plain)
        need = np.flatnonzero(minus | ~plain)
        numerators = np.zeros(rows, dtype=np.int64)
        if need.size:
            numerators[need] = self._numerators(
                lines[need].view(np.uint64).reshape(need.size, 2),
                scales[need],
                lengths[need],
                first[need],
                has_sign[need],
                minus[need],
            )
        positive = np.where(plain, ~minus, numerators > 0) if odd.size else ~minus

        # Trailing zeros of the fraction are blanked out (one digit stays after the point).
        trailing = np.flatnonzero(plain & (cells[ends - 1] == _ZERO))
        if trailing.size:
            count = np.zeros(trailing.size, dtype=np.int64)
            run = np.ones(trailing.size, dtype=bool)
            limit = scales[trailing] - 1
            at = ends[trailing] - 1
            for j in range(int(limit.max(initial=0))):
                run &= (cells[at - j] == _ZERO) & (j < limit)
                if not run.any():
                    break
                count += run
            blanked = lines[trailing].view(np.uint64).reshape(trailing.size, 2)
            blanked[:, 0] &= ~_KEEP_FIRST_WORD[count]
            blanked[:, 1] &= ~_KEEP_SECOND_WORD[count]
            lines[trailing] = blanked.view("V16").reshape(trailing.size)

        try:
            columns = [(None, odd, self._text(numerators, scales, odd))]
            others = np.flatnonzero(~positive)
            for alpha in self.alphas:
                columns.append((None, others, self._products(numerators, scales, others, alpha)))
        except _NotPlain:
            return None
        for text in self.derivative_texts:
            columns.append((constant_text([text, "1.0"], positive.astype(np.intp)), None, None))
        x_width = max(int(lengths.max()), columns[0][2].shape[1] if odd.size else 0)
        return self._join(words.view(np.uint8), columns, x_width, rows), rows

    def _numerators(
        self,
        words: np.ndarray,
        scales: np.ndarray,
        lengths: np.ndarray,
        first: np.ndarray,
        has_sign: np.ndarray,
        minus: np.ndarray,
    ) -> np.ndarray:
        halves = _eight_digits(words & _LOW_NIBBLES)
        value = halves[:, 0] * np.uint64(10**8) + halves[:, 1]  # the point and sign read as digits
        power = _POWERS[scales]
        value -= power * np.uint64(self.point & 0x0F)
        if has_sign.any():
            value -= ((first & np.uint8(0x0F)) * has_sign).astype(np.uint64) * _POWERS[lengths - 1]
        magnitude = ((value // (power * np.uint64(10))) * power + value % power).astype(np.int64)
        return np.where(minus, -magnitude, magnitude)

    @staticmethod
    def _aligned(numerators: np.ndarray, scales: np.ndarray) -> tuple[np.ndarray, int] | None:
        scale = int(scales.max())
        shift = scale - scales
        if int(shift.max()) > 18:
            return None
        return numerators * _INT_POWERS[shift], scale

    def _text(self, numerators: np.ndarray, scales: np.ndarray, rows: np.ndarray) -> np.ndarray | None:
        if rows.size == 0:
            return None
        aligned = self._aligned(numerators[rows], scales[rows])
        if aligned is None or int(np.abs(aligned[0]).max()) >= _INT64_SAFE:
            raise _NotPlain
        return scaled_text(*aligned)

    def _products(
        self, numerators: np.ndarray, scales: np.ndarray, rows: np.ndarray, alpha: ExactNumber
    ) -> np.ndarray | None:
        if rows.size == 0:
            return None
        aligned = self._aligned(numerators[rows], scales[rows])
        if aligned is None or max(int(np.abs(aligned[0]).max()), 1) * abs(alpha.numerator) >= _INT64_SAFE:
            raise _NotPlain
        return scaled_text(aligned[0] * alpha.numerator, aligned[1] + alpha.scale)

    def _join(self, typed: np.ndarray, columns: list, x_width: int, rows: int) -> bytes:
        """x, each f, each f' and the separators in one matrix; the NULs squeezed out."""
        _, odd, odd_text = columns[0]
        widths = [x_width]
        for base, _, text in columns[1:]:
            if base is not None:  # a constant column
                widths.append(base.shape[1])
            else:
                widths.append(max(x_width, text.shape[1] if text is not None else 0))
        chars = np.zeros((rows, sum(widths) + len(widths)), dtype=np.uint8)
        # x: the typed bytes (right-aligned), the odd rows' made text over them.
        kept = min(x_width, WIDTH)
        _rows(chars, x_width - kept, kept)[:] = _rows(typed, WIDTH - kept, kept)
        x = _rows(chars, 0, x_width)
        if odd_text is not None:
            x[odd] = _rows(_widened(odd_text, x_width), 0, x_width)
        at = x_width
        for (base, subset, text), width in zip(columns[1:], widths[1:], strict=True):
            chars[:, at] = self.separator
            at += 1
            if base is not None:
                _rows(chars, at, width)[:] = _rows(np.ascontiguousarray(base), 0, width)
            else:
                _rows(chars, at, x_width)[:] = x  # f = x where x > 0
                if text is not None:
                    _rows(chars, at, width)[subset] = _rows(_widened(text, width), 0, width)
            at += width
        chars[:, at] = NEWLINE
        return chars.tobytes().translate(self.table, b"\0")


class _NotPlain(Exception):
    """Numbers beyond the fast path's integers: the caller takes the full path."""
